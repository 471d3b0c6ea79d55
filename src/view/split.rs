//! The side-by-side view's model: rows of two slots, each a passage (its
//! text split into same / changed runs, its labels and links) or a gap.

use super::{side_pieces, slice, BoilerplateDisplay, Label, Piece, Side};
use crate::engine::boilerplate::Boilerplate;
use crate::engine::{Comparison, NumberChange, Row, RowKind, Span};

/// Pairs scoring below this are labelled as loose matches.
pub const LOOSE: f64 = 0.25;

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

fn pieces(row: &Row, side: Side, text: &str, span: Span) -> Vec<Piece> {
    match &row.inline {
        Some(ops) => side_pieces(ops, side),
        None => vec![Piece::Same(slice(text, span).trim().into())],
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

fn slot(row: &Row, index: usize, side: Side, text: &str, mode: BoilerplateDisplay) -> Slot {
    let id = format!("r{index}-{}", side.as_str());
    let Some(span) = side.pick(row.a, row.b) else {
        let note = if row.moved {
            "moved elsewhere"
        } else {
            "not in this report"
        };
        return Slot::Gap { id, note };
    };
    let badge = match (row.moved, row.boilerplate_kind, row.translation) {
        (true, _, _) => Some("moved".to_string()),
        (false, Some(k), _) => Some(k.label().to_string()),
        (false, None, true) => Some("translation".to_string()),
        // Rewritten passages that share only a few distinctive words: say the
        // pairing is tentative rather than let a wall of changes speak.
        _ if row.kind == RowKind::Changed && row.score < LOOSE => Some("loose match".to_string()),
        _ if row.restatement => Some("restates".to_string()),
        _ => None,
    };
    let jump = row.partner.map(|p| {
        let label = side.pick("→ where B has it", "← where A has it");
        (format!("#r{p}-{}", side.other().as_str()), label)
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
        pieces: pieces(row, side, text, span),
        jump,
        // Listed once per pair, under A's side (or B's, for a moved B passage).
        numbers: (side == Side::A || row.a.is_none())
            .then(|| numbers(&row.numbers))
            .flatten(),
    })
}

/// Builds the side-by-side view of `cmp` (the comparison of `text_a` with
/// `text_b`).
///
/// ```
/// use report_diff::engine::{compare, Options};
/// use report_diff::view::{split_model, BoilerplateDisplay, Side};
/// let (a, b) = ("Trump delayed the AI order.", "Trump postponed the AI order.");
/// let m = split_model(&compare(a, b, &Options::default()), a, b, BoilerplateDisplay::Dim);
/// assert_eq!(m.pane_text(Side::A), a);
/// assert_eq!(m.pane_text(Side::B), b);
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
            a: slot(row, i, Side::A, text_a, mode),
            b: slot(row, i, Side::B, text_b, mode),
        });
    }
    model
}

impl SplitModel {
    /// The text one side shows, passages joined by single spaces (what a
    /// reader sees, whitespace aside).
    pub fn pane_text(&self, side: Side) -> String {
        self.rows
            .iter()
            .filter_map(|r| match side.pick(&r.a, &r.b) {
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
                    assert_eq!(
                        squash(&m.pane_text(Side::A)),
                        squash(texts[a]),
                        "{a} vs {b}"
                    );
                    assert_eq!(
                        squash(&m.pane_text(Side::B)),
                        squash(texts[b]),
                        "{a} vs {b}"
                    );
                }
            }
        }
    }

    #[test]
    fn moved_cells_link_to_an_existing_counterpart() {
        let texts: Vec<&str> = crate::corpus::reports().iter().map(|r| r.text).collect();
        let c = Collection::new(&texts);
        let mut jumped = 0;
        for (a, b) in (0..5).flat_map(|a| (a + 1..5).map(move |b| (a, b))) {
            let cmp = c.compare(a, b, &Options::default()).unwrap();
            let m = split_model(&cmp, texts[a], texts[b], BoilerplateDisplay::Show);
            let ids: Vec<&str> = cells(&m).map(|c| c.id.as_str()).collect();
            let jumps: Vec<&str> = cells(&m)
                .filter_map(|c| c.jump.as_ref().map(|j| &j.0[1..]))
                .collect();
            assert!(jumps.iter().all(|j| ids.contains(j)), "{jumps:?}");
            jumped += jumps.len();
        }
        assert!(jumped > 0);
    }

    #[test]
    fn hiding_boilerplate_leaves_the_story() {
        let texts: Vec<&str> = crate::corpus::reports().iter().map(|r| r.text).collect();
        let c = Collection::new(&texts);
        let cmp = c.compare(0, 4, &Options::default()).unwrap();
        let m = split_model(&cmp, texts[0], texts[4], BoilerplateDisplay::Hide);
        assert!(m.hidden > 0);
        let a = m.pane_text(Side::A);
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
