//! The engine's result types: byte spans, noise options, rows, links,
//! statistics and the comparison itself. All serialise with serde, so results
//! cross a worker boundary or a command line as JSON.

use serde::{Deserialize, Serialize};

use super::boilerplate::Boilerplate;
use super::inline::InlineOp;
use super::quotes::QuoteMatch;
use super::semantic::Source;

/// A half-open byte range `[start, end)` into one input; serialises as
/// `[start, end]`.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span(pub usize, pub usize);

impl Span {
    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.1.saturating_sub(self.0)
    }

    /// True when the range holds no byte.
    pub fn is_empty(&self) -> bool {
        self.1 <= self.0
    }
}

/// Noise a reader can choose to ignore in word-level differences.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Options {
    /// "Trump" equals "trump".
    pub ignore_case: bool,
    /// Punctuation never differs; typographic variants (curly vs straight
    /// quotes, dashes, full-width forms) fold together.
    pub ignore_punctuation: bool,
    /// Whitespace never differs.
    pub ignore_whitespace: bool,
}

/// How a row's two sides relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    /// Aligned, and no word differs (under the options).
    Equal,
    /// Aligned, with word-level changes.
    Changed,
    /// Only in A.
    OnlyA,
    /// Only in B.
    OnlyB,
}

/// One row of the side-by-side view.
///
/// An anchored pair has both `a` and `b`. A moved pair is two rows, one per
/// side, each at its place in its own report and pointing at the other through
/// `partner`; its `kind` is `equal` or `changed` and both rows carry `inline`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// Byte range in A, or `None`.
    pub a: Option<Span>,
    /// Byte range in B, or `None`.
    pub b: Option<Span>,
    /// Equal, changed, only in A, only in B.
    pub kind: RowKind,
    /// True when the passage sits elsewhere in the other report.
    pub moved: bool,
    /// Index of the row holding the counterpart of a moved passage.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partner: Option<usize>,
    /// True when the passage is not part of the story (see [`Boilerplate`]).
    pub boilerplate: bool,
    /// What kind of boilerplate, when it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub boilerplate_kind: Option<Boilerplate>,
    /// True when the passage is the second-language copy of a bilingual report.
    pub translation: bool,
    /// True when a shown passage restates its own article (summary, key
    /// takeaways, editor's note, Q&A).
    #[serde(default)]
    pub restatement: bool,
    /// Similarity of an aligned pair, 0..=1 (0 for one-sided rows).
    pub score: f64,
    /// Segment indices covered on each side (`[start, end)`), for linking rows
    /// back to [`Document::segments`].
    pub segments_a: Option<Span>,
    /// See `segments_a`.
    pub segments_b: Option<Span>,
    /// Word-level diff of a pair (absent for one-sided rows).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inline: Option<Vec<InlineOp>>,
    /// Numbers that appear on only one side of a pair: "80" vs "82" is news.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub numbers: Vec<NumberChange>,
    /// True when the row's passage opens a paragraph on a side it occupies.
    pub paragraph_start: bool,
    /// How sure the aligner is of a pair (absent for one-sided rows).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
    /// Indices into [`Comparison::links`] of this passage's other
    /// counterparts: the ones its row does not show (a fact the other report
    /// states more than once, or a one-sided row the other report does say
    /// elsewhere).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<usize>,
}

/// How sure the aligner is that two passages correspond.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Words or meaning clearly shared.
    Strong,
    /// Some evidence, helped by context: worth a second look.
    Loose,
}

/// How two linked sentences relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// They report the same fact, quote or claim.
    Same,
    /// One of them restates its own article (summary, key takeaways,
    /// editor's note, Q&A).
    Restates,
    /// They are in different languages: one translates the other, or both
    /// report the same thing in their own language.
    Translation,
}

/// One correspondence between a sentence of A and a sentence of B. Links are
/// n:m: every counterpart found, including those the rows cannot show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// Byte range of the sentence in A (the segment, as in [`Row::a`]).
    pub a: Span,
    /// Byte range of the sentence in B.
    pub b: Span,
    /// Segment index in A.
    pub segment_a: usize,
    /// Segment index in B.
    pub segment_b: usize,
    /// Strength of the correspondence, 0..=1.
    pub score: f64,
    /// Same fact, restatement or translation.
    pub relation: Relation,
    /// Strong or loose.
    pub confidence: Confidence,
}

/// How much of each report's story the other one also tells.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Coverage {
    /// Share of A's story sentences ([`Document::states_fact`]) with a
    /// counterpart in B, 0..=1: `a_shared / a_total`.
    pub a: f64,
    /// Share of B's story sentences with a counterpart in A, 0..=1.
    pub b: f64,
    /// A's story sentences with a counterpart in B.
    pub a_shared: usize,
    /// A's story sentences.
    pub a_total: usize,
    /// B's story sentences with a counterpart in A.
    pub b_shared: usize,
    /// B's story sentences.
    pub b_total: usize,
}

/// A number present on only one side of an aligned pair.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NumberChange {
    /// The number as written in A, if only there.
    pub a: Option<String>,
    /// The number as written in B, if only there.
    pub b: Option<String>,
}

/// Counts of rows by kind, for summaries.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    /// Aligned pairs without word changes.
    pub equal: usize,
    /// Aligned pairs with word changes.
    pub changed: usize,
    /// Pairs whose passages moved.
    pub moved: usize,
    /// Story passages only in A (not counting translation copies).
    pub only_a: usize,
    /// Story passages only in B (not counting translation copies).
    pub only_b: usize,
    /// Rows flagged as boilerplate.
    pub boilerplate: usize,
    /// One-sided rows that are a bilingual report's second-language copy.
    #[serde(default)]
    pub translation: usize,
    /// One-sided story passages that the other report does say elsewhere
    /// (they have links, not counted in `only_a` / `only_b`).
    #[serde(default)]
    pub elsewhere: usize,
}

/// The comparison of two reports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// How much of the two stories corresponds, 0..=1: the words of aligned
    /// passages, each pair weighted by its similarity, over all story words
    /// (boilerplate and translation copies left out).
    pub similarity: f64,
    /// Rows in reading order; A's ranges ascend, and so do B's.
    pub rows: Vec<Row>,
    /// Counts by kind.
    pub stats: Stats,
    /// Direct quotes matched across the two reports (one remark in several
    /// wordings), then those only one report has.
    pub quotes: Vec<QuoteMatch>,
    /// Every correspondence found between sentences (n:m), in A's order.
    #[serde(default)]
    pub links: Vec<Link>,
    /// How much of each story the other report also tells.
    #[serde(default)]
    pub coverage: Coverage,
    /// Where the sentence vectors that took part in the alignment came from;
    /// `null` when it rests on shared words alone.
    #[serde(default)]
    pub semantic: Option<Source>,
}
