//! The comparison's model, shared by the side-by-side and the one-column
//! (unified) views: rows of two slots in reading order, grouped into blocks
//! (long one-sided runs and site chrome folded), and the changes a reader
//! steps through.
//!
//! Reading first:
//! - A moved passage is read in place: at A's position, B's wording stands
//!   beside A's ([`Slot::Echo`], not B's own text); B's position keeps B's
//!   text as a compact back-reference ([`Cell::compact`]). So each report's
//!   text is still shown once, in order, in its own slots.
//! - Site chrome is folded into one line ([`BoilerplateDisplay::Fold`], the
//!   default), and a run of more than [`FOLD_KEEP`] + [`FOLD_MIN`] - 1
//!   sentences only one report has is folded after its first [`FOLD_KEEP`].
//!   Folded rows stay in the model (and the page), behind a "show" line.

use super::{side_pieces, slice, BoilerplateDisplay, Label, Piece, Side};
use crate::engine::boilerplate::Boilerplate;
use crate::engine::inline::{InlineOp, Tag};
use crate::engine::sort;
use crate::engine::{Comparison, Confidence, NumberChange, Relation, Row, RowKind, Span};

/// Without the aligner's confidence, pairs scoring below this are labelled
/// as loose matches.
pub const LOOSE: f64 = 0.25;

/// Rows of a one-sided run shown before the rest is folded.
pub const FOLD_KEEP: usize = 3;

/// Fewest rows worth folding: folding away a single sentence saves nothing.
pub const FOLD_MIN: usize = 2;

/// Rows per [`Chunk`]: the views keep only the chunks near the screen in the
/// page, so a long comparison costs about this many rows per screenful.
pub const CHUNK_ROWS: usize = 60;

/// Comparisons of more rows than this are windowed: only the chunks near the
/// screen are in the page. A news article (a few hundred rows at most) is
/// rendered whole, so find-in-page and every text hook see all of it.
pub const WINDOW_MIN_ROWS: usize = 400;

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

/// A link to another place in the comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Jump {
    /// `#r12-b`.
    pub href: String,
    /// What the link says.
    pub label: String,
}

/// A link to another counterpart of a passage, one its row does not show
/// (the other report states the fact more than once, or elsewhere).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AlsoLink {
    /// `#r12-b`.
    pub href: String,
    /// What the link says: its direction and number, "↓2".
    pub label: String,
    /// What it leads to, for screen readers and as a tooltip: the relation
    /// and the counterpart's first words ("also in B, later, restated:
    /// “Trump delayed…”").
    pub hint: String,
}

/// One side of a row that holds this report's passage.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// Element id, the target of "moved" links: `r{row}-{a|b}`.
    pub id: String,
    /// Relation to the other report.
    pub kind: CellKind,
    /// Boilerplate kind, when the passage is site chrome.
    pub boilerplate: Option<Boilerplate>,
    /// Dim it (boilerplate shown greyed out).
    pub dim: bool,
    /// The second-language copy of a bilingual report.
    pub translation: bool,
    /// Short visible label ("moved", "disclaimer", "translation").
    pub badge: Option<String>,
    /// What a screen reader hears first: the relation the border style shows.
    pub sr_label: String,
    /// The passage's text, split into same / changed runs.
    pub pieces: Vec<Piece>,
    /// Link to the counterpart of a moved passage.
    pub jump: Option<Jump>,
    /// Numbers that differ in the pair, as a sentence.
    pub numbers: Option<String>,
    /// The passage's other counterparts, beyond the one its row shows, in
    /// the other report's order, shown after [`Cell::also_label`].
    pub also: Vec<AlsoLink>,
    /// "also in B:", when there are such links.
    pub also_label: String,
    /// A moved passage at its own position, compared elsewhere: shown as a
    /// one-line reference back to the comparison.
    pub compact: bool,
}

/// The other report's wording of a moved passage, shown beside it: a
/// decoration, not this side's own text (which sits at its own position).
#[derive(Clone, Debug, PartialEq)]
pub struct Echo {
    /// Element id: `r{row}-{a|b}`.
    pub id: String,
    /// "B has this later".
    pub note: String,
    /// The other report's wording, with its changes.
    pub pieces: Vec<Piece>,
    /// Link to where the other report has it.
    pub jump: Jump,
}

/// One side of a row.
#[derive(Clone, Debug, PartialEq)]
pub enum Slot {
    /// This report's passage.
    Cell(Cell),
    /// The other wording of a moved passage, shown beside it.
    Echo(Echo),
    /// Nothing on this side.
    Gap {
        /// Element id.
        id: String,
        /// Why the side is empty ("not in this report").
        note: String,
    },
}

impl Slot {
    /// The cell, when this side holds its own passage.
    pub fn cell(&self) -> Option<&Cell> {
        match self {
            Slot::Cell(c) => Some(c),
            _ => None,
        }
    }
}

/// A row: one alignment row of the engine.
#[derive(Clone, Debug, PartialEq)]
pub struct SplitRow {
    /// Element id: `r{row}`, the engine's row index.
    pub id: String,
    /// Side A.
    pub a: Slot,
    /// Side B.
    pub b: Slot,
    /// Both sides' runs interleaved (same, removed, added), for the
    /// one-column view; `None` when the sides' shared runs differ in wording
    /// (under the noise options) and so cannot be shown once.
    pub merged: Option<Vec<Piece>>,
    /// The change that starts here (index into [`SplitModel::changes`]).
    pub change: Option<usize>,
    /// Opens a paragraph.
    pub paragraph_start: bool,
    /// Rough height, in characters of the longer side: places the change
    /// bar's marks.
    pub weight: usize,
}

/// What a fold holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FoldKind {
    /// Site chrome, ads, disclaimers.
    Chrome,
    /// The rest of a long run of sentences only one report has.
    OneSided,
}

/// Rows folded behind one line.
#[derive(Clone, Debug, PartialEq)]
pub struct Fold {
    /// Element id of the folded rows: `f{first row}`.
    pub id: String,
    /// Chrome or one-sided.
    pub kind: FoldKind,
    /// The line while folded: "5 lines of site chrome hidden".
    pub folded_label: String,
    /// The line while open: "5 lines of site chrome".
    pub open_label: String,
    /// The folded rows.
    pub rows: Vec<SplitRow>,
}

/// A piece of the comparison in reading order.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A row shown as it is (boxed: a row is much larger than a fold's
    /// header).
    Row(Box<SplitRow>),
    /// Rows behind a "show" line.
    Fold(Fold),
}

/// What kind of change a reader steps to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    /// A pair whose words differ.
    Reworded,
    /// A pair whose passages sit at different places.
    Moved,
    /// Sentences only one report has.
    Only(Side),
}

impl ChangeKind {
    /// CSS class (the change bar's marks).
    pub fn class(self) -> &'static str {
        match self {
            ChangeKind::Reworded => "changed",
            ChangeKind::Moved => "moved",
            ChangeKind::Only(Side::A) => "only-a",
            ChangeKind::Only(Side::B) => "only-b",
        }
    }

    /// What the legend of the change bar calls it.
    pub fn label(self) -> &'static str {
        match self {
            ChangeKind::Reworded => "reworded",
            ChangeKind::Moved => "moved",
            ChangeKind::Only(Side::A) => "only in A",
            ChangeKind::Only(Side::B) => "only in B",
        }
    }
}

/// A stop of the next / previous change navigation.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// Element id of the row it starts at.
    pub row_id: String,
    /// Reworded, moved, one-sided.
    pub kind: ChangeKind,
    /// What a screen reader announces: "reworded: removed “delayed”, added “paused”".
    pub description: String,
    /// Where it sits, 0..1, in the page with every fold closed.
    pub position: f64,
}

/// A stretch of consecutive blocks that a view renders as a whole, or, while
/// it is far from the screen, stands in for with an empty block of its
/// height (a fold is never cut in two).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chunk {
    /// Its blocks: `blocks[start..end]` of the model.
    pub blocks: std::ops::Range<usize>,
    /// Rows in it, folded ones included.
    pub rows: usize,
    /// Rough height with every fold closed, in the units of
    /// [`SplitRow::weight`]: a first guess at its height until it is measured.
    pub weight: usize,
    /// Engine index of its first row: a chunk holds every row from its
    /// first to the next chunk's first.
    first_row: usize,
}

/// Everything the comparison views show.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct SplitModel {
    /// Rows and folds, in reading order.
    pub blocks: Vec<Block>,
    /// The changes, in reading order.
    pub changes: Vec<Change>,
    /// Rows left out because boilerplate is hidden.
    pub hidden: usize,
    /// The blocks cut into chunks of about [`CHUNK_ROWS`] rows, in order.
    pub chunks: Vec<Chunk>,
}

/// The engine row index an element id names: `r12`, its cells `r12-a` and
/// `r12-b`, and the fold starting there, `f12`.
fn row_index(id: &str) -> Option<usize> {
    let rest = id.strip_prefix('r').or_else(|| id.strip_prefix('f'))?;
    let digits = rest
        .strip_suffix("-a")
        .or_else(|| rest.strip_suffix("-b"))
        .unwrap_or(rest);
    digits.parse().ok()
}

/// A tentative pair: the aligner says so, or (without its confidence) few
/// distinctive words are shared.
fn loose(row: &Row) -> bool {
    match row.confidence {
        Some(c) => c == Confidence::Loose,
        None => row.score < LOOSE,
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

/// True for a row whose moved counterpart is in another row (the engine lays
/// a moved pair out as two one-sided rows).
fn split_move(row: &Row) -> bool {
    row.moved && row.partner.is_some() && (row.a.is_none() || row.b.is_none())
}

fn pieces(row: &Row, side: Side, text: &str, span: Span) -> Vec<Piece> {
    match &row.inline {
        Some(ops) => side_pieces(ops, side),
        None => vec![Piece::Same(slice(text, span).trim().into())],
    }
}

/// Both sides' runs interleaved, or `None` when a shared run is worded
/// differently on the two sides.
fn merged(ops: &[InlineOp]) -> Option<Vec<Piece>> {
    ops.iter()
        .map(|op| match (op.tag, &op.b_text) {
            (Tag::Equal, None) => Some(Piece::Same(op.text.as_str().into())),
            (Tag::Equal, Some(_)) => None,
            (Tag::Delete, _) => Some(Piece::Removed(op.text.as_str().into())),
            (Tag::Insert, _) => Some(Piece::Added(op.text.as_str().into())),
        })
        .collect()
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

/// "later" or "earlier": where row `to` is seen from row `from`.
fn direction(from: usize, to: usize) -> &'static str {
    if to > from {
        "later"
    } else {
        "earlier"
    }
}

/// What building a row needs beyond the row itself.
struct Ctx<'a> {
    cmp: &'a Comparison,
    /// The two texts, A's first.
    texts: [&'a str; 2],
    mode: BoilerplateDisplay,
    /// Per side, per segment: the shown row holding it.
    row_of: [Vec<Option<usize>>; 2],
}

impl<'a> Ctx<'a> {
    fn new(cmp: &'a Comparison, texts: [&'a str; 2], mode: BoilerplateDisplay) -> Self {
        let mut row_of: [Vec<Option<usize>>; 2] = [Vec::new(), Vec::new()];
        for (i, r) in cmp.rows.iter().enumerate() {
            if mode == BoilerplateDisplay::Hide && r.boilerplate {
                continue;
            }
            for (k, segs) in [r.segments_a, r.segments_b].into_iter().enumerate() {
                let Some(Span(start, end)) = segs else {
                    continue;
                };
                // Only rows that show this side's own passage hold it.
                if [r.a, r.b][k].is_none() {
                    continue;
                }
                if row_of[k].len() < end {
                    row_of[k].resize(end, None);
                }
                for slot in &mut row_of[k][start..end] {
                    slot.get_or_insert(i);
                }
            }
        }
        Ctx {
            cmp,
            texts,
            mode,
            row_of,
        }
    }

    fn text(&self, side: Side) -> &'a str {
        side.pick(self.texts[0], self.texts[1])
    }

    /// The links to `side`'s passage in row `index` beyond what the row shows.
    fn also(&self, index: usize, side: Side) -> Vec<AlsoLink> {
        let row = &self.cmp.rows[index];
        let Some(Span(start, end)) = side.pick(row.segments_a, row.segments_b) else {
            return Vec::new();
        };
        let other = side.other();
        let mut out: Vec<AlsoLink> = Vec::new();
        for link in row.also.iter().filter_map(|&k| self.cmp.links.get(k)) {
            let (mine, theirs, span) = match side {
                Side::A => (link.segment_a, link.segment_b, link.b),
                Side::B => (link.segment_b, link.segment_a, link.a),
            };
            if !(start..end).contains(&mine) {
                continue;
            }
            let Some(target) = self.row_of[other as usize]
                .get(theirs)
                .copied()
                .flatten()
                .filter(|&t| t != index)
            else {
                continue;
            };
            let href = format!("#r{target}-{}", other.as_str());
            if out.iter().any(|a| a.href == href) {
                continue;
            }
            let arrow = if target > index { "↓" } else { "↑" };
            let how = match link.relation {
                Relation::Same => "",
                Relation::Restates => ", restated",
                Relation::Translation => ", translated",
            };
            let words = clip(slice(self.text(other), span), 60);
            out.push(AlsoLink {
                href,
                label: arrow.to_string(),
                hint: format!(
                    "also in {}, {}{how}: “{words}”",
                    other.letter(),
                    direction(index, target)
                ),
            });
        }
        // In the other report's order, numbered, so "↓1 ↓2" reads in order.
        sort::sort_by_key(&mut out, |a| {
            a.href[2..]
                .split('-')
                .next()
                .and_then(|n| n.parse::<usize>().ok())
        });
        for (k, a) in out.iter_mut().enumerate() {
            a.label = format!("{}{}", a.label, k + 1);
        }
        out
    }
}

fn slot(ctx: &Ctx<'_>, index: usize, side: Side) -> Slot {
    let rows = &ctx.cmp.rows;
    let (text, mode) = (ctx.text(side), ctx.mode);
    let row = &rows[index];
    let id = format!("r{index}-{}", side.as_str());
    let partner = row.partner.filter(|&p| p < rows.len());
    let Some(span) = side.pick(row.a, row.b) else {
        // At A's position of a moved pair, B's wording stands beside A's.
        if let (true, Side::B, Some(p), Some(ops)) = (split_move(row), side, partner, &row.inline) {
            let when = direction(index, p);
            return Slot::Echo(Echo {
                id,
                note: format!("B has this {when}"),
                pieces: side_pieces(ops, Side::B),
                jump: Jump {
                    href: format!("#r{p}-b"),
                    label: format!("{} where B has it", if p > index { "↓" } else { "↑" }),
                },
            });
        }
        let note = match partner {
            Some(p) if split_move(row) => {
                format!("moved: {} has this {}", side.letter(), direction(index, p))
            }
            _ => "not in this report".to_string(),
        };
        return Slot::Gap { id, note };
    };
    // B's position of a moved pair: a compact reference back to the comparison.
    let compact = split_move(row) && side == Side::B && row.a.is_none();
    let badge = match (row.moved, row.boilerplate_kind, row.translation) {
        (true, _, _) => Some("moved".to_string()),
        (false, Some(k), _) => Some(k.label().to_string()),
        (false, None, true) => Some("translation".to_string()),
        // Rewritten passages that share only a few distinctive words: say the
        // pairing is tentative rather than let a wall of changes speak.
        _ if row.kind == RowKind::Changed && loose(row) => Some("loose match".to_string()),
        _ if row.restatement => Some("restates".to_string()),
        _ => None,
    };
    let jump = partner.map(|p| {
        let arrow = if p > index { "↓" } else { "↑" };
        match (side, compact) {
            (Side::B, true) => Jump {
                href: format!("#r{p}-a"),
                label: format!("{arrow} compared where A has it"),
            },
            _ => Jump {
                href: format!("#r{p}-{}", side.other().as_str()),
                label: format!("{arrow} where {} has it", side.other().letter()),
            },
        }
    });
    let sr_label = match (kind(row), row.boilerplate, compact) {
        (_, true, _) => "Site chrome: ".to_string(),
        (_, _, true) => format!(
            "Moved, compared {} beside A's wording: ",
            direction(index, partner.unwrap_or(index))
        ),
        (CellKind::Moved, _, _) => "Moved: ".to_string(),
        (CellKind::Same, _, _) => "Same in both: ".to_string(),
        (CellKind::Changed, _, _) => "Reworded: ".to_string(),
        (CellKind::OnlyHere, _, _) => "Only in this report: ".to_string(),
    };
    Slot::Cell(Cell {
        id,
        kind: kind(row),
        boilerplate: row.boilerplate_kind,
        dim: row.boilerplate && mode == BoilerplateDisplay::Dim,
        translation: row.translation,
        badge,
        sr_label,
        pieces: pieces(row, side, text, span),
        jump,
        // Listed once per pair: beside A's wording.
        numbers: (side == Side::A).then(|| numbers(&row.numbers)).flatten(),
        also_label: format!("also in {}:", side.other().letter()),
        also: ctx.also(index, side),
        compact,
    })
}

fn piece_len(ps: &[Piece]) -> usize {
    ps.iter().map(|p| p.text().len()).sum()
}

fn slot_len(s: &Slot) -> usize {
    match s {
        Slot::Cell(c) if c.compact => 60,
        Slot::Cell(c) => piece_len(&c.pieces),
        Slot::Echo(e) => piece_len(&e.pieces),
        Slot::Gap { .. } => 0,
    }
}

fn build_row(ctx: &Ctx<'_>, index: usize) -> SplitRow {
    let row = &ctx.cmp.rows[index];
    let (sa, sb) = (slot(ctx, index, Side::A), slot(ctx, index, Side::B));
    // A line of padding and labels on top of the text.
    let weight = 60 + slot_len(&sa).max(slot_len(&sb));
    SplitRow {
        id: format!("r{index}"),
        merged: row.inline.as_deref().and_then(merged),
        a: sa,
        b: sb,
        change: None,
        paragraph_start: row.paragraph_start,
        weight,
    }
}

/// Which run a row belongs to, for folding and for the change list.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Run {
    /// Site chrome (only when folded).
    Chrome,
    /// Story only one report has; translated copies apart from the rest.
    Only(Side, bool),
    /// Anything else: a run of its own.
    Single,
}

fn run_of(row: &Row, mode: BoilerplateDisplay) -> Run {
    if row.boilerplate && mode == BoilerplateDisplay::Fold {
        return Run::Chrome;
    }
    if row.boilerplate || row.moved {
        return Run::Single;
    }
    match (row.a, row.b) {
        (Some(_), None) => Run::Only(Side::A, row.translation),
        (None, Some(_)) => Run::Only(Side::B, row.translation),
        _ => Run::Single,
    }
}

fn sentences(row: &Row) -> usize {
    row.segments_a
        .or(row.segments_b)
        .map_or(1, |s| s.len().max(1))
}

fn noun<'s>(n: usize, one: &'s str, many: &'s str) -> &'s str {
    if n == 1 {
        one
    } else {
        many
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", noun(n, one, many))
}

/// Shortens a text for an announcement, at a character boundary.
fn clip(s: &str, max: usize) -> String {
    let s = s.trim();
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

fn describe_rewording(ops: &[InlineOp]) -> String {
    let join = |tag: Tag| {
        ops.iter()
            .filter(|o| o.tag == tag && !o.text.trim().is_empty())
            .map(|o| o.text.trim())
            .collect::<Vec<_>>()
            .join(" … ")
    };
    let parts: Vec<String> = [("removed", join(Tag::Delete)), ("added", join(Tag::Insert))]
        .into_iter()
        .filter(|(_, t)| !t.is_empty())
        .map(|(k, t)| format!("{k} “{}”", clip(&t, 120)))
        .collect();
    if parts.is_empty() {
        "reworded: differs only in spacing".to_string()
    } else {
        format!("reworded: {}", parts.join(", "))
    }
}

/// Builds the comparison view of `cmp` (the comparison of `text_a` with
/// `text_b`).
///
/// ```
/// use report_diff::engine::{compare, Options};
/// use report_diff::view::{split_model, BoilerplateDisplay, Side};
/// let (a, b) = ("Trump delayed the AI order.", "Trump postponed the AI order.");
/// let m = split_model(&compare(a, b, &Options::default()), a, b, BoilerplateDisplay::Fold);
/// assert_eq!(m.pane_text(Side::A), a);
/// assert_eq!(m.pane_text(Side::B), b);
/// assert_eq!(m.changes.len(), 1);
/// assert_eq!(m.changes[0].description, "reworded: removed “delayed”, added “postponed”");
/// ```
pub fn split_model(
    cmp: &Comparison,
    text_a: &str,
    text_b: &str,
    mode: BoilerplateDisplay,
) -> SplitModel {
    let mut builder = SplitBuilder::new(cmp, text_a, text_b, mode);
    while !builder.step(usize::MAX) {}
    builder.finish()
}

/// [`split_model`] in steps, so that a long comparison's view model can be
/// built a slice at a time (the page yields between slices and never
/// blocks its main thread for the whole of it).
///
/// ```
/// use report_diff::engine::{compare, Options};
/// use report_diff::view::{split_model, BoilerplateDisplay, SplitBuilder};
/// let (a, b) = ("One. Two. Three.", "One. Two, again. Three.");
/// let cmp = compare(a, b, &Options::default());
/// let mut builder = SplitBuilder::new(&cmp, a, b, BoilerplateDisplay::Fold);
/// let mut steps = 1;
/// while !builder.step(1) {
///     steps += 1;
/// }
/// assert!(steps > 1);
/// assert_eq!(builder.finish(), split_model(&cmp, a, b, BoilerplateDisplay::Fold));
/// ```
pub struct SplitBuilder<'a> {
    ctx: Ctx<'a>,
    /// Rows to show, with their run.
    shown: Vec<(usize, Run)>,
    /// The next of `shown` to build.
    at: usize,
    model: SplitModel,
}

impl<'a> SplitBuilder<'a> {
    /// Starts building the view of `cmp` (the comparison of `text_a` with
    /// `text_b`): one pass over the rows, no row built yet.
    pub fn new(
        cmp: &'a Comparison,
        text_a: &'a str,
        text_b: &'a str,
        mode: BoilerplateDisplay,
    ) -> Self {
        let ctx = Ctx::new(cmp, [text_a, text_b], mode);
        let mut model = SplitModel::default();
        let shown: Vec<(usize, Run)> = cmp
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                let hide = mode == BoilerplateDisplay::Hide && r.boilerplate;
                model.hidden += usize::from(hide);
                !hide
            })
            .map(|(i, r)| (i, run_of(r, mode)))
            .collect();
        SplitBuilder {
            ctx,
            shown,
            at: 0,
            model,
        }
    }

    /// Builds the next runs of rows, at least one and about `rows` rows
    /// (a run is never cut); true once every row is built.
    pub fn step(&mut self, rows: usize) -> bool {
        let end = self.at.saturating_add(rows.max(1));
        let (ctx, shown, model) = (&self.ctx, &self.shown, &mut self.model);
        let rows = &ctx.cmp.rows;
        let mut at = self.at;
        while at < shown.len() && at < end {
            let run = shown[at].1;
            let len = match run {
                Run::Single => 1,
                _ => shown[at..].iter().take_while(|(_, r)| *r == run).count(),
            };
            let group = &shown[at..at + len];
            at += len;
            let mut built: Vec<SplitRow> = group.iter().map(|&(i, _)| build_row(ctx, i)).collect();
            // The change this run or row makes, if any.
            let first = group[0].0;
            let change = match run {
                Run::Only(side, _) => {
                    let n: usize = group.iter().map(|&(i, _)| sentences(&rows[i])).sum();
                    Some((
                        ChangeKind::Only(side),
                        format!(
                            "{} only in {}",
                            plural(n, "sentence", "sentences"),
                            side.letter()
                        ),
                    ))
                }
                Run::Single => {
                    let r = &rows[first];
                    match (&r.inline, r.boilerplate) {
                        (_, true) => None,
                        (Some(_), false) if r.moved && r.a.is_some() => {
                            let note = match r.partner {
                                Some(p) if r.b.is_none() => {
                                    format!("moved: B has this {}", direction(first, p))
                                }
                                _ => "moved".to_string(),
                            };
                            Some((ChangeKind::Moved, note))
                        }
                        (Some(ops), false) if !r.moved && r.kind == RowKind::Changed => {
                            Some((ChangeKind::Reworded, describe_rewording(ops)))
                        }
                        _ => None,
                    }
                }
                Run::Chrome => None,
            };
            if let Some((kind, description)) = change {
                built[0].change = Some(model.changes.len());
                model.changes.push(Change {
                    row_id: built[0].id.clone(),
                    kind,
                    description,
                    position: 0.0,
                });
            }
            match run {
                Run::Chrome => {
                    let n = built.len();
                    let lines = plural(n, "line", "lines");
                    model.blocks.push(Block::Fold(Fold {
                        id: format!("f{first}"),
                        kind: FoldKind::Chrome,
                        folded_label: format!("{lines} of site chrome hidden"),
                        open_label: format!("{lines} of site chrome"),
                        rows: built,
                    }));
                }
                Run::Only(side, translation) if built.len() >= FOLD_KEEP + FOLD_MIN => {
                    let rest = built.split_off(FOLD_KEEP);
                    let n: usize = group[FOLD_KEEP..]
                        .iter()
                        .map(|&(i, _)| sentences(&rows[i]))
                        .sum();
                    let what = if translation {
                        format!("of {}'s translated copy", side.letter())
                    } else {
                        format!("only in {}", side.letter())
                    };
                    model
                        .blocks
                        .extend(built.into_iter().map(|r| Block::Row(Box::new(r))));
                    model.blocks.push(Block::Fold(Fold {
                        id: format!("f{}", group[FOLD_KEEP].0),
                        kind: FoldKind::OneSided,
                        folded_label: format!(
                            "{n} more {} {what}",
                            noun(n, "sentence", "sentences")
                        ),
                        open_label: format!("{n} more {} {what}", noun(n, "sentence", "sentences")),
                        rows: rest,
                    }));
                }
                _ => model
                    .blocks
                    .extend(built.into_iter().map(|r| Block::Row(Box::new(r)))),
            }
        }
        self.at = at;
        self.at >= self.shown.len()
    }

    /// How many of the rows to show are built, and how many there are.
    pub fn progress(&self) -> (usize, usize) {
        (self.at, self.shown.len())
    }

    /// The model, with the rows built so far (all of them once [`step`]
    /// returned true).
    ///
    /// [`step`]: SplitBuilder::step
    pub fn finish(mut self) -> SplitModel {
        self.model.place_changes();
        self.model.cut_chunks();
        self.model
    }
}

/// What a fold line weighs in the change bar: one short line.
const FOLD_LINE_WEIGHT: usize = 60;

impl SplitModel {
    /// Every row, folded or not, in reading order.
    pub fn rows(&self) -> impl Iterator<Item = &SplitRow> {
        self.blocks.iter().flat_map(|b| match b {
            Block::Row(r) => std::slice::from_ref(&**r),
            Block::Fold(f) => f.rows.as_slice(),
        })
    }

    /// The id of the fold holding the element `id` (a row `r12` or one of its
    /// cells, `r12-a`), if a fold holds it.
    pub fn fold_of(&self, id: &str) -> Option<&str> {
        let row = id
            .strip_suffix("-a")
            .or_else(|| id.strip_suffix("-b"))
            .unwrap_or(id);
        self.blocks.iter().find_map(|b| match b {
            Block::Fold(f) if f.rows.iter().any(|r| r.id == row) => Some(f.id.as_str()),
            _ => None,
        })
    }

    /// Sets each change's position in the page with every fold closed.
    fn place_changes(&mut self) {
        let mut starts = Vec::new();
        let mut y = 0;
        for block in &self.blocks {
            match block {
                Block::Row(r) => {
                    if let Some(c) = r.change {
                        starts.push((c, y));
                    }
                    y += r.weight;
                }
                Block::Fold(_) => y += FOLD_LINE_WEIGHT,
            }
        }
        let total = y.max(1) as f64;
        for (c, y) in starts {
            if let Some(change) = self.changes.get_mut(c) {
                change.position = y as f64 / total;
            }
        }
    }

    /// Cuts the blocks into [`Chunk`]s of at least [`CHUNK_ROWS`] rows (the
    /// last may be shorter), never inside a fold.
    fn cut_chunks(&mut self) {
        let mut chunks: Vec<Chunk> = Vec::new();
        for (i, block) in self.blocks.iter().enumerate() {
            let (first, rows, weight) = match block {
                Block::Row(r) => (&r.id, 1, r.weight),
                Block::Fold(f) => (&f.id, f.rows.len(), FOLD_LINE_WEIGHT),
            };
            match chunks.last_mut() {
                Some(c) if c.rows < CHUNK_ROWS => {
                    c.blocks.end = i + 1;
                    c.rows += rows;
                    c.weight += weight;
                }
                _ => chunks.push(Chunk {
                    blocks: i..i + 1,
                    rows,
                    weight,
                    first_row: row_index(first).unwrap_or(0),
                }),
            }
        }
        self.chunks = chunks;
    }

    /// Whether the views keep only the chunks near the screen in the page
    /// (more than [`WINDOW_MIN_ROWS`] rows).
    pub fn windowed(&self) -> bool {
        self.chunks.iter().map(|c| c.rows).sum::<usize>() > WINDOW_MIN_ROWS
    }

    /// The chunk holding the element `id` (a row `r12`, a cell `r12-a`, a
    /// fold `f12`); `None` for an id of no row. (An id past the last row
    /// names the last chunk: the page then has no such element anyway.)
    pub fn chunk_of(&self, id: &str) -> Option<usize> {
        let row = row_index(id)?;
        let after = self.chunks.partition_point(|c| c.first_row <= row);
        after.checked_sub(1)
    }

    /// The change nearest to `position` (0..1 down the page), for a click on
    /// the change bar.
    pub fn change_near(&self, position: f64) -> Option<usize> {
        self.changes
            .iter()
            .enumerate()
            .min_by(|(_, x), (_, y)| {
                (x.position - position)
                    .abs()
                    .total_cmp(&(y.position - position).abs())
            })
            .map(|(i, _)| i)
    }

    /// The text one side shows as its own, passages joined by single spaces
    /// (what a reader sees, whitespace aside): every cell of that side, folded
    /// or not, and never the other report's wording shown beside a move.
    pub fn pane_text(&self, side: Side) -> String {
        self.rows()
            .filter_map(|r| side.pick(&r.a, &r.b).cell())
            .map(|c| c.pieces.iter().map(Piece::text).collect::<String>())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Shared by the view tests: the bundled reports and their collection.
#[cfg(test)]
pub(crate) fn bundled() -> (Vec<&'static str>, crate::engine::Collection) {
    let texts: Vec<&str> = crate::corpus::reports().iter().map(|r| r.text).collect();
    let c = crate::engine::Collection::new(&texts);
    (texts, c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Options;

    fn cells(m: &SplitModel) -> impl Iterator<Item = &Cell> {
        m.rows().flat_map(|r| [&r.a, &r.b]).filter_map(Slot::cell)
    }

    fn squash(s: &str) -> String {
        s.chars().filter(|c| !c.is_whitespace()).collect()
    }

    const MODES: [BoilerplateDisplay; 3] = [
        BoilerplateDisplay::Fold,
        BoilerplateDisplay::Dim,
        BoilerplateDisplay::Show,
    ];

    #[test]
    fn building_in_slices_gives_the_same_model() {
        let (texts, c) = bundled();
        let modes = [BoilerplateDisplay::Fold, BoilerplateDisplay::Hide];
        for (a, b) in [(0, 2), (3, 4), (4, 1)] {
            let cmp = c.compare(a, b, &Options::default()).unwrap();
            for mode in modes {
                let whole = split_model(&cmp, texts[a], texts[b], mode);
                for slice in [1, 7, 60] {
                    let mut builder = SplitBuilder::new(&cmp, texts[a], texts[b], mode);
                    let mut last = builder.progress();
                    while !builder.step(slice) {
                        let now = builder.progress();
                        assert!(now.0 > last.0 && now.0 < now.1, "{now:?} after {last:?}");
                        last = now;
                    }
                    assert_eq!(builder.progress().0, builder.progress().1);
                    assert_eq!(
                        builder.finish(),
                        whole,
                        "pair {a}-{b}, {mode:?}, slices of {slice}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_pane_shows_its_whole_report_under_every_option() {
        let (texts, c) = bundled();
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
                    for mode in MODES {
                        let m = split_model(&cmp, texts[a], texts[b], mode);
                        let why = format!("{a} vs {b}, {mode:?}");
                        assert_eq!(squash(&m.pane_text(Side::A)), squash(texts[a]), "{why}");
                        assert_eq!(squash(&m.pane_text(Side::B)), squash(texts[b]), "{why}");
                    }
                }
            }
        }
    }

    #[test]
    fn merged_runs_rebuild_both_sides() {
        let (texts, c) = bundled();
        for a in 0..texts.len() {
            for b in 0..texts.len() {
                let cmp = c.compare(a, b, &Options::default()).unwrap();
                let m = split_model(&cmp, texts[a], texts[b], BoilerplateDisplay::Fold);
                for r in m.rows() {
                    let Some(merged) = &r.merged else { continue };
                    let side = |keep: fn(&Piece) -> bool| {
                        merged
                            .iter()
                            .filter(|p| keep(p))
                            .map(Piece::text)
                            .collect::<String>()
                    };
                    let of = |s: &Slot| match s {
                        Slot::Cell(c) => Some(c.pieces.iter().map(Piece::text).collect::<String>()),
                        Slot::Echo(e) => Some(e.pieces.iter().map(Piece::text).collect()),
                        Slot::Gap { .. } => None,
                    };
                    if let Some(t) = of(&r.a) {
                        assert_eq!(side(|p| !matches!(p, Piece::Added(_))), t);
                    }
                    if let Some(t) = of(&r.b) {
                        assert_eq!(side(|p| !matches!(p, Piece::Removed(_))), t);
                    }
                }
            }
        }
    }

    #[test]
    fn a_moved_passage_is_compared_at_a_and_referenced_at_b() {
        let (texts, c) = bundled();
        let mut seen = 0;
        for (a, b) in (0..texts.len()).flat_map(|a| (0..texts.len()).map(move |b| (a, b))) {
            let cmp = c.compare(a, b, &Options::default()).unwrap();
            let m = split_model(&cmp, texts[a], texts[b], BoilerplateDisplay::Show);
            let ids: Vec<&str> = m
                .rows()
                .flat_map(|r| [&r.a, &r.b])
                .map(|s| match s {
                    Slot::Cell(c) => c.id.as_str(),
                    Slot::Echo(e) => e.id.as_str(),
                    Slot::Gap { id, .. } => id.as_str(),
                })
                .collect();
            let echoes: Vec<(&SplitRow, &Echo)> = m
                .rows()
                .filter_map(|r| match &r.b {
                    Slot::Echo(e) => Some((r, e)),
                    _ => None,
                })
                .collect();
            seen += echoes.len();
            for (row, echo) in echoes {
                let a = row.a.cell().expect("A's passage beside the echo");
                assert_eq!(a.kind, CellKind::Moved);
                assert!(echo.pieces.iter().all(|p| !matches!(p, Piece::Removed(_))));
                assert!(echo.note.starts_with("B has this "), "{}", echo.note);
                // The echo links to B's own position, which links back.
                let target = &echo.jump.href[1..];
                assert!(ids.contains(&target), "{target}");
                let back = cells(&m).find(|c| c.id == target).expect("B's cell");
                assert!(back.compact);
                assert_eq!(
                    back.jump.as_ref().map(|j| &j.href[1..]),
                    Some(a.id.as_str())
                );
                // The move is one change, at A's position.
                let ch = &m.changes[row.change.expect("a change at A's position")];
                assert_eq!(ch.kind, ChangeKind::Moved);
            }
            assert!(m
                .rows()
                .filter(|r| matches!(&r.b, Slot::Cell(c) if c.compact))
                .all(|r| r.change.is_none()));
        }
        assert!(seen > 0, "the bundled reports have moves");
    }

    #[test]
    fn site_chrome_folds_into_one_line_per_run() {
        let (texts, c) = bundled();
        let cmp = c.compare(0, 2, &Options::default()).unwrap();
        let m = split_model(&cmp, texts[0], texts[2], BoilerplateDisplay::Fold);
        let folds: Vec<&Fold> = m
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Fold(f) if f.kind == FoldKind::Chrome => Some(f),
                _ => None,
            })
            .collect();
        assert!(!folds.is_empty());
        // The first story row is the headline; the chrome after it is folded.
        assert!(matches!(&m.blocks[1], Block::Fold(f) if f.kind == FoldKind::Chrome));
        for f in &folds {
            assert_eq!(
                f.folded_label,
                format!(
                    "{} of site chrome hidden",
                    plural(f.rows.len(), "line", "lines")
                )
            );
            for r in &f.rows {
                assert!([&r.a, &r.b]
                    .iter()
                    .filter_map(|s| s.cell())
                    .all(|c| c.boilerplate.is_some()));
            }
        }
        // Nothing outside a chrome fold is chrome; nothing is dimmed.
        for b in &m.blocks {
            if let Block::Row(r) = b {
                assert!([&r.a, &r.b]
                    .iter()
                    .filter_map(|s| s.cell())
                    .all(|c| c.boilerplate.is_none()));
            }
        }
        assert!(cells(&m).all(|c| !c.dim));
        let dim = split_model(&cmp, texts[0], texts[2], BoilerplateDisplay::Dim);
        assert!(cells(&dim).any(|c| c.dim));
        assert!(dim
            .blocks
            .iter()
            .all(|b| !matches!(b, Block::Fold(f) if f.kind == FoldKind::Chrome)));
    }

    #[test]
    fn long_one_sided_runs_fold_after_a_few_sentences() {
        let (texts, c) = bundled();
        for (a, b) in [(0, 2), (3, 4), (4, 3)] {
            let cmp = c.compare(a, b, &Options::default()).unwrap();
            let m = split_model(&cmp, texts[a], texts[b], BoilerplateDisplay::Fold);
            let mut seen = 0;
            for (i, block) in m.blocks.iter().enumerate() {
                let Block::Fold(f) = block else { continue };
                if f.kind != FoldKind::OneSided {
                    continue;
                }
                seen += 1;
                assert!(f.rows.len() >= FOLD_MIN);
                // The run's first FOLD_KEEP rows stay in view, on the same side.
                let side = if f.rows[0].a.cell().is_some() {
                    Side::A
                } else {
                    Side::B
                };
                for k in 1..=FOLD_KEEP {
                    let Block::Row(r) = &m.blocks[i - k] else {
                        panic!("kept rows before a fold")
                    };
                    assert!(side.pick(&r.a, &r.b).cell().is_some());
                    assert!(matches!(side.other().pick(&r.a, &r.b), Slot::Gap { .. }));
                }
                assert!(
                    f.folded_label
                        .contains(&format!("only in {}", side.letter()))
                        || f.folded_label.contains("translated copy"),
                    "{}",
                    f.folded_label
                );
            }
            assert!(seen > 0, "{a} vs {b} has a long one-sided run");
        }
    }

    #[test]
    fn changes_are_in_reading_order_and_point_at_rows() {
        let (texts, c) = bundled();
        for a in 0..texts.len() {
            for b in 0..texts.len() {
                if a == b {
                    continue;
                }
                let cmp = c.compare(a, b, &Options::default()).unwrap();
                let m = split_model(&cmp, texts[a], texts[b], BoilerplateDisplay::Fold);
                let order: Vec<&str> = m.rows().map(|r| r.id.as_str()).collect();
                let at: Vec<usize> = m
                    .changes
                    .iter()
                    .map(|ch| order.iter().position(|id| *id == ch.row_id).expect("row"))
                    .collect();
                assert!(at.windows(2).all(|w| w[0] < w[1]), "{a} vs {b}");
                assert!(m.changes.windows(2).all(|w| w[0].position <= w[1].position));
                assert!(m.changes.iter().all(|c| (0.0..1.0).contains(&c.position)));
                // No change starts inside a fold: the reader lands on a visible row.
                for b in &m.blocks {
                    if let Block::Fold(f) = b {
                        assert!(f.rows.iter().all(|r| r.change.is_none()));
                    }
                }
                for (i, ch) in m.changes.iter().enumerate() {
                    assert!(!ch.description.is_empty());
                    assert_eq!(
                        m.rows().find(|r| r.id == ch.row_id).and_then(|r| r.change),
                        Some(i)
                    );
                }
                if !m.changes.is_empty() {
                    assert_eq!(m.change_near(0.0), Some(0));
                    assert_eq!(m.change_near(1.0), Some(m.changes.len() - 1));
                }
            }
        }
    }

    #[test]
    fn folds_are_found_by_the_ids_of_their_rows_and_cells() {
        let (texts, c) = bundled();
        let cmp = c.compare(0, 2, &Options::default()).unwrap();
        let m = split_model(&cmp, texts[0], texts[2], BoilerplateDisplay::Fold);
        for b in &m.blocks {
            match b {
                Block::Fold(f) => {
                    for r in &f.rows {
                        assert_eq!(m.fold_of(&r.id), Some(f.id.as_str()));
                        assert_eq!(m.fold_of(&format!("{}-b", r.id)), Some(f.id.as_str()));
                    }
                }
                Block::Row(r) => assert_eq!(m.fold_of(&format!("{}-a", r.id)), None),
            }
        }
        assert_eq!(m.fold_of("nothing"), None);
    }

    #[test]
    fn also_links_lead_to_the_other_reports_cell_holding_the_counterpart() {
        let (texts, c) = bundled();
        let mut seen = 0;
        for a in 0..texts.len() {
            for b in 0..texts.len() {
                if a == b {
                    continue;
                }
                let cmp = c.compare(a, b, &Options::default()).unwrap();
                let m = split_model(&cmp, texts[a], texts[b], BoilerplateDisplay::Fold);
                let by_id: std::collections::HashMap<&str, &Cell> =
                    cells(&m).map(|c| (c.id.as_str(), c)).collect();
                for (side, cell) in m.rows().flat_map(|r| {
                    [(Side::A, &r.a), (Side::B, &r.b)]
                        .into_iter()
                        .filter_map(|(s, x)| x.cell().map(|c| (s, c)))
                }) {
                    for also in &cell.also {
                        seen += 1;
                        let target = &also.href[1..];
                        assert!(target.ends_with(side.other().as_str()), "{target}");
                        let there = by_id.get(target).expect("a cell of the other report");
                        // The hint quotes the counterpart's own words.
                        let words = also.hint.split('“').nth(1).unwrap_or("");
                        let words = words.trim_end_matches('”').trim_end_matches('…');
                        let text: String = there.pieces.iter().map(Piece::text).collect();
                        assert!(text.contains(words), "{words} not in {text}");
                        assert!(also
                            .hint
                            .starts_with(&format!("also in {}", side.other().letter())));
                    }
                }
            }
        }
        assert!(
            seen > 0,
            "the bundled reports have facts told more than once"
        );
    }

    #[test]
    fn chunks_cover_every_block_once_in_order() {
        let (texts, c) = bundled();
        let mut longest = 0;
        for a in 0..texts.len() {
            for b in 0..texts.len() {
                let cmp = c.compare(a, b, &Options::default()).unwrap();
                for mode in MODES {
                    let m = split_model(&cmp, texts[a], texts[b], mode);
                    let why = format!("{a} vs {b}, {mode:?}");
                    let mut next = 0;
                    for (k, chunk) in m.chunks.iter().enumerate() {
                        assert_eq!(
                            chunk.blocks.start, next,
                            "{why}: chunk {k} starts where the last ended"
                        );
                        assert!(
                            chunk.blocks.end > chunk.blocks.start,
                            "{why}: chunk {k} is empty"
                        );
                        next = chunk.blocks.end;
                        let blocks = &m.blocks[chunk.blocks.clone()];
                        let rows: usize = blocks
                            .iter()
                            .map(|b| match b {
                                Block::Row(_) => 1,
                                Block::Fold(f) => f.rows.len(),
                            })
                            .sum();
                        assert_eq!(chunk.rows, rows, "{why}");
                        assert!(chunk.weight > 0, "{why}");
                        // Only the last chunk may be short; a chunk overshoots
                        // by at most its last block.
                        if k + 1 < m.chunks.len() {
                            assert!(chunk.rows >= CHUNK_ROWS, "{why}: chunk {k} has {rows} rows");
                        }
                        let last = match &blocks[blocks.len() - 1] {
                            Block::Row(_) => 1,
                            Block::Fold(f) => f.rows.len(),
                        };
                        assert!(
                            chunk.rows < CHUNK_ROWS + last,
                            "{why}: chunk {k} has {rows} rows"
                        );
                    }
                    assert_eq!(
                        next,
                        m.blocks.len(),
                        "{why}: the chunks end with the blocks"
                    );
                    longest = longest.max(m.chunks.len());
                }
            }
        }
        assert!(longest > 1, "some bundled pair needs several chunks");
    }

    #[test]
    fn every_row_cell_and_fold_is_found_in_its_chunk() {
        let (texts, c) = bundled();
        let cmp = c.compare(3, 4, &Options::default()).unwrap();
        let m = split_model(&cmp, texts[3], texts[4], BoilerplateDisplay::Fold);
        assert!(m.chunks.len() > 1);
        for (k, chunk) in m.chunks.iter().enumerate() {
            for block in &m.blocks[chunk.blocks.clone()] {
                let rows = match block {
                    Block::Row(r) => std::slice::from_ref(&**r),
                    Block::Fold(f) => {
                        assert_eq!(m.chunk_of(&f.id), Some(k), "{}", f.id);
                        f.rows.as_slice()
                    }
                };
                for r in rows {
                    for id in [r.id.clone(), format!("{}-a", r.id), format!("{}-b", r.id)] {
                        assert_eq!(m.chunk_of(&id), Some(k), "{id}");
                    }
                }
            }
        }
        for c in &m.changes {
            assert!(m.chunk_of(&c.row_id).is_some(), "{}", c.row_id);
        }
        for bad in ["", "r", "x12", "r12-c", "overview", "r-1"] {
            assert_eq!(m.chunk_of(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_short_comparison_is_one_chunk() {
        let (a, b) = (
            "Trump delayed the AI order.",
            "Trump postponed the AI order.",
        );
        let m = split_model(
            &crate::engine::compare(a, b, &Options::default()),
            a,
            b,
            BoilerplateDisplay::Fold,
        );
        assert_eq!(m.chunks.len(), 1);
        assert_eq!(m.chunks[0].blocks, 0..m.blocks.len());
        assert_eq!(m.chunk_of("r0-b"), Some(0));
        assert_eq!(SplitModel::default().chunk_of("r0"), None);
        assert!(!m.windowed());
    }

    #[test]
    fn only_long_comparisons_are_windowed() {
        let (texts, c) = bundled();
        for a in 0..texts.len() {
            for b in 0..texts.len() {
                let cmp = c.compare(a, b, &Options::default()).unwrap();
                let m = split_model(&cmp, texts[a], texts[b], BoilerplateDisplay::Show);
                assert!(
                    !m.windowed(),
                    "{a} vs {b}: a news article is rendered whole"
                );
            }
        }
        // Twenty articles one after the other.
        let (a, b) = (texts[0].repeat(20), texts[2].repeat(20));
        let cmp = crate::engine::compare(&a, &b, &Options::default());
        let m = split_model(&cmp, &a, &b, BoilerplateDisplay::Fold);
        assert!(m.windowed(), "{} rows", m.rows().count());
        assert!(m.chunks.len() > 5);
    }

    #[test]
    fn identical_reports_have_no_changes() {
        let (texts, c) = bundled();
        let cmp = c.compare(1, 1, &Options::default()).unwrap();
        let m = split_model(&cmp, texts[1], texts[1], BoilerplateDisplay::Fold);
        assert!(m.changes.is_empty());
        assert_eq!(m.change_near(0.5), None);
    }

    #[test]
    fn hiding_boilerplate_leaves_the_story() {
        let (texts, c) = bundled();
        let cmp = c.compare(0, 4, &Options::default()).unwrap();
        let m = split_model(&cmp, texts[0], texts[4], BoilerplateDisplay::Hide);
        assert!(m.hidden > 0);
        let a = m.pane_text(Side::A);
        assert!(!a.contains("Disclaimer") && a.contains("U.S. President Trump postponed"));
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
            BoilerplateDisplay::Fold,
        );
        let row = m.rows().next().unwrap();
        let (ca, cb) = (row.a.cell().unwrap(), row.b.cell().unwrap());
        assert_eq!(
            ca.numbers.as_deref(),
            Some("Numbers differ: only in A 80 · only in B 82")
        );
        assert_eq!(cb.numbers, None);
    }

    #[test]
    fn announcements_are_clipped_at_character_boundaries() {
        assert_eq!(clip("  abc  ", 5), "abc");
        assert_eq!(clip("特朗普推迟签署", 3), "特朗普…");
    }
}
