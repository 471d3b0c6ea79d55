//! The view model: what the side-by-side view shows, derived from a
//! [`Comparison`] once per (pair, options, display mode). Pure Rust with no web
//! dependency, so it is tested natively; the Yew components only turn it into
//! elements. Texts are `Rc<str>`, so rendering clones pointers, not strings.

use std::rc::Rc;

use crate::engine::boilerplate::Boilerplate;
use crate::engine::inline::{InlineOp, Tag};
use crate::engine::{Comparison, NumberChange, Row, RowKind, Span};

/// Pairs scoring below this are labelled as loose matches.
pub const LOOSE: f64 = 0.25;

/// A run of a passage's text on one side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Text both reports have (under the options).
    Same(Rc<str>),
    /// Text only this side has: deleted on side A, inserted on side B.
    Changed(Rc<str>),
}

impl Piece {
    /// The piece's text.
    pub fn text(&self) -> &str {
        match self {
            Piece::Same(t) | Piece::Changed(t) => t,
        }
    }
}

/// How a passage relates to the other report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellKind {
    /// Aligned, no word differs.
    Same,
    /// Aligned, reworded.
    Changed,
    /// Aligned with a passage elsewhere in the other report.
    Moved,
    /// Only this report has it.
    OnlyHere,
}

impl CellKind {
    /// CSS class.
    pub fn class(self) -> &'static str {
        match self {
            CellKind::Same => "same",
            CellKind::Changed => "changed",
            CellKind::Moved => "moved",
            CellKind::OnlyHere => "only-here",
        }
    }
}

/// One side of a row that holds a passage.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// Element id, the target of "moved" links: `r{row}-{a|b}`.
    pub id: String,
    /// Relation to the other report.
    pub kind: CellKind,
    /// Boilerplate kind, when the passage is site chrome.
    pub boilerplate: Option<Boilerplate>,
    /// Dim it (boilerplate in the default display mode).
    pub dim: bool,
    /// The second-language copy of a bilingual report.
    pub translation: bool,
    /// Opens a paragraph.
    pub paragraph_start: bool,
    /// Short visible label ("moved", "disclaimer", "translation").
    pub badge: Option<String>,
    /// What a screen reader hears first: the relation the border style shows.
    pub sr_label: &'static str,
    /// The passage's text, split into same / changed runs.
    pub pieces: Vec<Piece>,
    /// Link to the counterpart of a moved passage: (href, label).
    pub jump: Option<(String, &'static str)>,
    /// Numbers that differ in the pair, as a sentence.
    pub numbers: Option<String>,
}

/// One side of a row.
#[derive(Clone, Debug, PartialEq)]
pub enum Slot {
    /// A passage.
    Cell(Cell),
    /// Nothing on this side; `note` says why ("not in this report", "moved elsewhere").
    Gap {
        /// Element id.
        id: String,
        /// Why the side is empty.
        note: &'static str,
    },
}

/// A row of the grid.
#[derive(Clone, Debug, PartialEq)]
pub struct SplitRow {
    /// 1-based grid row.
    pub grid_row: usize,
    /// Side A.
    pub a: Slot,
    /// Side B.
    pub b: Slot,
}

/// Everything the side-by-side view shows.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct SplitModel {
    /// Visible rows, in reading order.
    pub rows: Vec<SplitRow>,
    /// Rows left out because boilerplate is hidden.
    pub hidden: usize,
}

/// How boilerplate is displayed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoilerplateDisplay {
    /// Like any passage.
    Show,
    /// Greyed out (the app's default: nothing hidden, the story stands out).
    Dim,
    /// Left out.
    Hide,
}

impl BoilerplateDisplay {
    /// The URL / form value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Show => "show",
            Self::Dim => "dim",
            Self::Hide => "hide",
        }
    }

    /// Parses a URL / form value.
    pub fn parse(s: &str) -> Option<Self> {
        [Self::Show, Self::Dim, Self::Hide]
            .into_iter()
            .find(|m| m.as_str() == s)
    }
}

fn kind(row: &Row) -> CellKind {
    match (row.kind, row.moved) {
        (_, true) => CellKind::Moved,
        (RowKind::Equal, _) => CellKind::Same,
        (RowKind::Changed, _) => CellKind::Changed,
        (RowKind::OnlyA | RowKind::OnlyB, _) => CellKind::OnlyHere,
    }
}

fn sr_label(row: &Row) -> &'static str {
    match (kind(row), row.boilerplate) {
        (_, true) => "Site chrome: ",
        (CellKind::Moved, _) => "Moved: ",
        (CellKind::Same, _) => "Same in both: ",
        (CellKind::Changed, _) => "Reworded: ",
        (CellKind::OnlyHere, _) => "Only in this report: ",
    }
}

/// One side of a word-level diff as runs of same / changed text.
///
/// ```
/// use report_diff::engine::{inline::diff, Options, Span};
/// use report_diff::view::{side_pieces, Piece};
/// let (a, b) = ("Trump delayed it.", "Trump paused it.");
/// let ops = diff(a, Span(0, a.len()), b, Span(0, b.len()), &Options::default());
/// assert_eq!(side_pieces(&ops, false)[1], Piece::Changed("paused".into()));
/// ```
pub fn side_pieces(ops: &[InlineOp], side_a: bool) -> Vec<Piece> {
    ops.iter()
        .filter_map(|op| match (op.tag, side_a) {
            (Tag::Equal, true) => Some(Piece::Same(op.text.as_str().into())),
            (Tag::Equal, false) => Some(Piece::Same(op.b_side().into())),
            (Tag::Delete, true) | (Tag::Insert, false) => {
                Some(Piece::Changed(op.text.as_str().into()))
            }
            _ => None,
        })
        .collect()
}

fn pieces(row: &Row, side_a: bool, text: &str, span: Span) -> Vec<Piece> {
    match &row.inline {
        Some(ops) => side_pieces(ops, side_a),
        None => vec![Piece::Same(
            text.get(span.0..span.1).unwrap_or("").trim().into(),
        )],
    }
}

fn numbers(changes: &[NumberChange]) -> Option<String> {
    if changes.is_empty() {
        return None;
    }
    let list = |f: fn(&NumberChange) -> Option<&String>| {
        changes
            .iter()
            .filter_map(f)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (a, b) = (list(|n| n.a.as_ref()), list(|n| n.b.as_ref()));
    let parts: Vec<String> = [("only in A", a), ("only in B", b)]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k} {v}"))
        .collect();
    Some(format!("Numbers differ: {}", parts.join(" · ")))
}

fn slot(row: &Row, index: usize, side_a: bool, text: &str, mode: BoilerplateDisplay) -> Slot {
    let tag = if side_a { "a" } else { "b" };
    let id = format!("r{index}-{tag}");
    let Some(span) = (if side_a { row.a } else { row.b }) else {
        let note = if row.moved {
            "moved elsewhere"
        } else {
            "not in this report"
        };
        return Slot::Gap { id, note };
    };
    let badge = match (row.moved, row.boilerplate_kind, row.translation) {
        (true, _, _) => Some("moved".to_string()),
        (false, Some(k), _) => Some(format!("{k:?}").to_lowercase()),
        (false, None, true) => Some("translation".to_string()),
        // Rewritten passages that share only a few distinctive words: say the
        // pairing is tentative rather than let a wall of changes speak.
        _ if row.kind == RowKind::Changed && row.score < LOOSE => Some("loose match".to_string()),
        _ if row.restatement => Some("restates".to_string()),
        _ => None,
    };
    let jump = row.partner.map(|p| {
        let other = if side_a { "b" } else { "a" };
        let label = if side_a {
            "→ where B has it"
        } else {
            "← where A has it"
        };
        (format!("#r{p}-{other}"), label)
    });
    Slot::Cell(Cell {
        id,
        kind: kind(row),
        boilerplate: row.boilerplate_kind,
        dim: row.boilerplate && mode == BoilerplateDisplay::Dim,
        translation: row.translation,
        paragraph_start: row.paragraph_start,
        badge,
        sr_label: sr_label(row),
        pieces: pieces(row, side_a, text, span),
        jump,
        // Listed once per pair, under A's side (or B's, for a moved B passage).
        numbers: (side_a || row.a.is_none())
            .then(|| numbers(&row.numbers))
            .flatten(),
    })
}

/// Builds the side-by-side view of `cmp` (the comparison of `text_a` with
/// `text_b`).
///
/// ```
/// use report_diff::engine::{compare, Options};
/// use report_diff::view::{split_model, BoilerplateDisplay};
/// let (a, b) = ("Trump delayed the AI order.", "Trump postponed the AI order.");
/// let m = split_model(&compare(a, b, &Options::default()), a, b, BoilerplateDisplay::Dim);
/// assert_eq!(m.pane_text(true), a);
/// assert_eq!(m.pane_text(false), b);
/// ```
pub fn split_model(
    cmp: &Comparison,
    text_a: &str,
    text_b: &str,
    mode: BoilerplateDisplay,
) -> SplitModel {
    let mut model = SplitModel::default();
    for (i, row) in cmp.rows.iter().enumerate() {
        if mode == BoilerplateDisplay::Hide && row.boilerplate {
            model.hidden += 1;
            continue;
        }
        model.rows.push(SplitRow {
            grid_row: model.rows.len() + 1,
            a: slot(row, i, true, text_a, mode),
            b: slot(row, i, false, text_b, mode),
        });
    }
    model
}

impl SplitModel {
    /// The text one side shows, passages joined by single spaces (what a
    /// reader sees, whitespace aside).
    pub fn pane_text(&self, side_a: bool) -> String {
        self.rows
            .iter()
            .filter_map(|r| match if side_a { &r.a } else { &r.b } {
                Slot::Cell(c) => Some(c.pieces.iter().map(Piece::text).collect::<String>()),
                Slot::Gap { .. } => None,
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Collection, Options};

    fn cells(m: &SplitModel) -> impl Iterator<Item = &Cell> {
        m.rows
            .iter()
            .flat_map(|r| [&r.a, &r.b])
            .filter_map(|s| match s {
                Slot::Cell(c) => Some(c),
                Slot::Gap { .. } => None,
            })
    }

    fn squash(s: &str) -> String {
        s.chars().filter(|c| !c.is_whitespace()).collect()
    }

    #[test]
    fn every_pane_shows_its_whole_report_under_every_option() {
        let texts: Vec<&str> = crate::corpus::reports().iter().map(|r| r.text).collect();
        let c = Collection::new(&texts);
        let all = [false, true];
        for a in 0..texts.len() {
            for b in 0..texts.len() {
                for (case, punct) in all.iter().flat_map(|&x| all.iter().map(move |&y| (x, y))) {
                    let opts = Options {
                        ignore_case: case,
                        ignore_punctuation: punct,
                        ignore_whitespace: punct,
                    };
                    let cmp = c.compare(a, b, &opts).unwrap();
                    let m = split_model(&cmp, texts[a], texts[b], BoilerplateDisplay::Dim);
                    assert_eq!(squash(&m.pane_text(true)), squash(texts[a]), "{a} vs {b}");
                    assert_eq!(squash(&m.pane_text(false)), squash(texts[b]), "{a} vs {b}");
                }
            }
        }
    }

    #[test]
    fn moved_cells_link_to_an_existing_counterpart() {
        let texts: Vec<&str> = crate::corpus::reports().iter().map(|r| r.text).collect();
        let c = Collection::new(&texts);
        let cmp = c.compare(0, 2, &Options::default()).unwrap();
        let m = split_model(&cmp, texts[0], texts[2], BoilerplateDisplay::Show);
        let ids: Vec<&str> = cells(&m).map(|c| c.id.as_str()).collect();
        let jumps: Vec<&str> = cells(&m)
            .filter_map(|c| c.jump.as_ref().map(|j| &j.0[1..]))
            .collect();
        assert!(!jumps.is_empty());
        assert!(jumps.iter().all(|j| ids.contains(j)), "{jumps:?}");
    }

    #[test]
    fn hiding_boilerplate_leaves_the_story() {
        let texts: Vec<&str> = crate::corpus::reports().iter().map(|r| r.text).collect();
        let c = Collection::new(&texts);
        let cmp = c.compare(0, 4, &Options::default()).unwrap();
        let m = split_model(&cmp, texts[0], texts[4], BoilerplateDisplay::Hide);
        assert!(m.hidden > 0);
        let a = m.pane_text(true);
        assert!(!a.contains("Disclaimer") && a.contains("U.S. President Trump postponed"));
        assert_eq!(
            m.rows.iter().map(|r| r.grid_row).collect::<Vec<_>>(),
            (1..=m.rows.len()).collect::<Vec<_>>()
        );
    }

    #[test]
    fn numbers_are_listed_once_per_pair() {
        let (a, b) = (
            "Over 80% of voters back testing.",
            "Over 82% of voters back testing.",
        );
        let m = split_model(
            &crate::engine::compare(a, b, &Options::default()),
            a,
            b,
            BoilerplateDisplay::Dim,
        );
        let Slot::Cell(ca) = &m.rows[0].a else {
            panic!()
        };
        let Slot::Cell(cb) = &m.rows[0].b else {
            panic!()
        };
        assert_eq!(
            ca.numbers.as_deref(),
            Some("Numbers differ: only in A 80 · only in B 82")
        );
        assert_eq!(cb.numbers, None);
    }
}
