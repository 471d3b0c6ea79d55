//! The comparison engine: pure Rust, no web dependencies.
//!
//! Texts go in, serialisable results come out:
//!
//! - [`Document::new`] segments one report into sentences ([`segment`]), flags
//!   boilerplate ([`boilerplate`]) and finds a second-language block
//!   ([`bilingual`]).
//! - [`Collection`] holds several documents and the term statistics they share,
//!   so any pair can be compared without redoing per-report work (the app keeps
//!   the five bundled reports in one collection).
//! - [`Collection::compare`] (or the one-shot [`compare`]) aligns two reports
//!   ([`align`]) and diffs words inside each aligned pair ([`inline`]), giving a
//!   [`Comparison`]: rows in reading order, each a pair of byte ranges.
//!
//! Every function here accepts any `&str` and never panics.

pub mod align;
pub mod bilingual;
pub mod boilerplate;
pub mod inline;
pub mod quotes;
pub mod restatement;
pub mod segment;
pub mod token;

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use self::align::{Features, Group, Idf};
use self::bilingual::Bilingual;
use self::boilerplate::Boilerplate;
use self::inline::{InlineOp, Tag};
use self::segment::{Segment, SegmentKind};

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

/// One report, segmented and analysed once.
#[derive(Clone, Debug)]
pub struct Document {
    text: String,
    segments: Vec<Segment>,
    boilerplate: Vec<Option<Boilerplate>>,
    restatement: Vec<bool>,
    bilingual: Option<Bilingual>,
    features: Vec<Vec<String>>,
    quotes: Vec<Span>,
    /// Words (and CJK characters) per segment, for similarity weights.
    words: Vec<usize>,
}

impl Document {
    /// Segments and analyses `text`.
    ///
    /// ```
    /// use report_diff::engine::Document;
    /// let d = Document::new("Headline\nFirst sentence. Second one.\nShare");
    /// assert_eq!(d.segments().len(), 4);
    /// assert!(d.boilerplate()[3].is_some());
    /// ```
    pub fn new(text: &str) -> Self {
        let segments = segment::segment(text);
        let boilerplate = boilerplate::flag(text, &segments);
        let bilingual = bilingual::detect(text, &segments, &boilerplate);
        let restatement = restatement::mark(text, &segments, &boilerplate);
        let features = segments
            .iter()
            .map(|s| token::features(&text[s.text.0..s.text.1]))
            .collect();
        let mut doc = Document {
            text: text.to_string(),
            segments,
            boilerplate,
            restatement,
            bilingual,
            features,
            quotes: Vec::new(),
            words: Vec::new(),
        };
        doc.words = doc
            .segments
            .iter()
            .map(|s| words(&doc.text, s.text))
            .collect();
        doc.quotes = doc.find_quotes();
        doc
    }

    /// Quotes in story paragraphs (not boilerplate, not a translation copy);
    /// searched per paragraph, since a quote may run over several sentences.
    fn find_quotes(&self) -> Vec<Span> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.segments.len() {
            let p = self.segments[i].paragraph;
            let j = (i..self.segments.len())
                .find(|&k| self.segments[k].paragraph != p)
                .unwrap_or(self.segments.len());
            if (i..j).all(|k| self.boilerplate[k].is_none() && !self.is_translation(k)) {
                let span = Span(self.segments[i].text.0, self.segments[j - 1].text.1);
                out.extend(quotes::find(&self.text, span));
            }
            i = j;
        }
        out
    }

    /// Direct quotes in the story, in order.
    pub fn quotes(&self) -> &[Span] {
        &self.quotes
    }

    /// The report's text, exactly as given.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Sentences, headings and list items, covering the text in order.
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// Boilerplate flag of each segment.
    pub fn boilerplate(&self) -> &[Option<Boilerplate>] {
        &self.boilerplate
    }

    /// Whether each segment restates the article (summary, key takeaways,
    /// editor's note, Q&A).
    pub fn restatement(&self) -> &[bool] {
        &self.restatement
    }

    /// The two language blocks, when the report carries a translation.
    pub fn bilingual(&self) -> Option<&Bilingual> {
        self.bilingual.as_ref()
    }

    /// Index of the headline: the first story segment, when it is a heading
    /// among the first few paragraphs.
    pub fn headline(&self) -> Option<usize> {
        let i = (0..self.segments.len()).find(|&i| self.boilerplate[i].is_none())?;
        let s = &self.segments[i];
        (s.kind == SegmentKind::Heading && s.paragraph < 6).then_some(i)
    }

    /// True when segment `i` belongs to the second-language block of a
    /// bilingual report (a translation of the first block).
    pub fn is_translation(&self, i: usize) -> bool {
        self.bilingual
            .as_ref()
            .is_some_and(|b| i >= b.second_start_segment)
    }
}

/// Several documents and the term statistics they share.
///
/// IDF weights come from all segments of all documents, so words that the whole
/// story shares ("Trump", "executive order") weigh little when pairing sentences.
#[derive(Clone, Debug)]
pub struct Collection {
    docs: Vec<Document>,
    /// Per document, per segment: sorted term ids.
    ids: Vec<Vec<Features>>,
    idf: Idf,
}

impl Collection {
    /// Builds a collection from texts.
    ///
    /// ```
    /// use report_diff::engine::{Collection, Options};
    /// let c = Collection::new(&["Trump delayed the AI order.", "Trump postponed the AI order."]);
    /// let cmp = c.compare(0, 1, &Options::default()).unwrap();
    /// assert_eq!(cmp.rows.len(), 1);
    /// ```
    pub fn new<S: AsRef<str>>(texts: &[S]) -> Self {
        Self::from_documents(texts.iter().map(|t| Document::new(t.as_ref())).collect())
    }

    /// Builds a collection from analysed documents.
    pub fn from_documents(docs: Vec<Document>) -> Self {
        // Term ids in lexicographic order: independent of document order, which
        // keeps every floating-point sum, and so every result, symmetric.
        let vocab: Vec<&str> = docs
            .iter()
            .flat_map(|d| d.features.iter().flatten().map(String::as_str))
            .collect::<BTreeSet<&str>>()
            .into_iter()
            .collect();
        let ids: Vec<Vec<Features>> = docs
            .iter()
            .map(|d| {
                d.features
                    .iter()
                    .map(|f| {
                        f.iter()
                            .filter_map(|t| vocab.binary_search(&t.as_str()).ok())
                            .map(|i| i as u32)
                            .collect()
                    })
                    .collect()
            })
            .collect();
        let idf = Idf::new(vocab.len(), ids.iter().flatten());
        Collection { docs, ids, idf }
    }

    /// The documents, in the order given.
    pub fn documents(&self) -> &[Document] {
        &self.docs
    }

    /// Compares documents `a` and `b`; `None` if either index is out of range.
    pub fn compare(&self, a: usize, b: usize, opts: &Options) -> Option<Comparison> {
        let (da, db) = (self.docs.get(a)?, self.docs.get(b)?);
        let (fa, fb) = (&self.ids[a], &self.ids[b]);
        // Boilerplate pairs only with boilerplate: a disclaimer never stands in
        // for a story sentence.
        let eligible =
            |i: usize, j: usize| da.boilerplate[i].is_some() == db.boilerplate[j].is_some();
        let counterparts: Vec<(usize, usize)> =
            da.headline().zip(db.headline()).into_iter().collect();
        let demoted = |i: usize, j: usize| da.restatement[i] || db.restatement[j];
        let groups = align::align(fa, fb, &self.idf, eligible, &counterparts, demoted);
        let mut cmp = build(da, db, &groups, opts);
        cmp.quotes = quotes::match_quotes(&da.text, &da.quotes, &db.text, &db.quotes);
        for q in &mut cmp.quotes {
            if let (Some(x), Some(y)) = (q.a, q.b) {
                q.inline = Some(inline::diff(&da.text, x, &db.text, y, opts));
            }
        }
        Some(cmp)
    }
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
    pub quotes: Vec<quotes::QuoteMatch>,
}

/// Compares two texts in one call (a two-document [`Collection`]).
///
/// ```
/// use report_diff::engine::{compare, Options, RowKind};
/// let cmp = compare("Trump delayed the AI order.", "Trump postponed the AI order.", &Options::default());
/// assert_eq!(cmp.rows[0].kind, RowKind::Changed);
/// ```
pub fn compare(a: &str, b: &str, opts: &Options) -> Comparison {
    Collection::new(&[a, b])
        .compare(0, 1, opts)
        .expect("two documents")
}

fn seg_span(doc: &Document, r: &std::ops::Range<usize>) -> Span {
    Span(
        doc.segments[r.start].range.0,
        doc.segments[r.end - 1].range.1,
    )
}

fn text_span(doc: &Document, r: &std::ops::Range<usize>) -> Span {
    Span(doc.segments[r.start].text.0, doc.segments[r.end - 1].text.1)
}

fn numbers(doc: &Document, span: Span) -> Vec<String> {
    token::units(&doc.text[span.0..span.1], span.0)
        .into_iter()
        .filter(|u| u.class == token::UnitClass::Number)
        .map(|u| doc.text[u.span.0..u.span.1].to_string())
        .collect()
}

fn number_changes(da: &Document, sa: Span, db: &Document, sb: Span) -> Vec<NumberChange> {
    let na: BTreeSet<String> = numbers(da, sa).into_iter().collect();
    let nb: BTreeSet<String> = numbers(db, sb).into_iter().collect();
    let mut out: Vec<NumberChange> = na
        .difference(&nb)
        .map(|n| NumberChange {
            a: Some(n.clone()),
            b: None,
        })
        .collect();
    out.extend(nb.difference(&na).map(|n| NumberChange {
        a: None,
        b: Some(n.clone()),
    }));
    out
}

/// Word counts for similarity: words and CJK characters of a range.
fn words(text: &str, span: Span) -> usize {
    token::units(&text[span.0..span.1], span.0)
        .iter()
        .filter(|u| !matches!(u.class, token::UnitClass::Space | token::UnitClass::Punct))
        .count()
}

fn opens_paragraph(doc: &Document, i: usize) -> bool {
    i == 0 || doc.segments[i - 1].paragraph != doc.segments[i].paragraph
}

fn side_flags(doc: &Document, r: &std::ops::Range<usize>) -> (Option<Boilerplate>, bool) {
    let bp = doc.boilerplate[r.clone()].iter().flatten().next().copied();
    let all_bp = doc.boilerplate[r.clone()].iter().all(Option::is_some);
    let tr = r.clone().all(|i| doc.is_translation(i));
    (if all_bp { bp } else { None }, tr)
}

/// Sides of a comparison, indexable: `A` = 0, `B` = 1.
const A: usize = 0;
const B: usize = 1;

fn side_of(g: &Group, side: usize) -> &std::ops::Range<usize> {
    if side == A {
        &g.a
    } else {
        &g.b
    }
}

/// Lays aligned groups out as rows in reading order.
struct Layout<'d> {
    docs: [&'d Document; 2],
    groups: &'d [Group],
    /// Per side, per segment: the group holding it.
    group_of: [Vec<Option<usize>>; 2],
    /// Per group: inline diff, row kind and differing numbers, computed once
    /// (a moved group shows in two rows).
    diffs: Vec<(Vec<InlineOp>, RowKind, Vec<NumberChange>)>,
    rows: Vec<Row>,
    /// Per side, per group: the row showing a moved group's passage.
    moved_row: [Vec<Option<usize>>; 2],
}

impl Layout<'_> {
    /// A row for segment `i` of one side, which has no counterpart.
    fn one_sided(&self, side: usize, i: usize) -> Row {
        let doc = self.docs[side];
        let (bp, tr) = side_flags(doc, &(i..i + 1));
        let on = |s: usize, v: Span| (side == s).then_some(v);
        Row {
            a: on(A, doc.segments[i].range),
            b: on(B, doc.segments[i].range),
            kind: if side == A {
                RowKind::OnlyA
            } else {
                RowKind::OnlyB
            },
            moved: false,
            partner: None,
            boilerplate: bp.is_some(),
            boilerplate_kind: bp,
            translation: tr,
            restatement: doc.restatement[i],
            score: 0.0,
            segments_a: on(A, Span(i, i + 1)),
            segments_b: on(B, Span(i, i + 1)),
            inline: None,
            numbers: Vec::new(),
            paragraph_start: opens_paragraph(doc, i),
        }
    }

    /// A row for group `gi`, showing the sides in `show`.
    fn pair(&self, gi: usize, show: [bool; 2]) -> Row {
        let g = &self.groups[gi];
        let [da, db] = self.docs;
        let flags = [side_flags(da, &g.a), side_flags(db, &g.b)];
        // Boilerplate when every shown side is.
        let bp = match show {
            [true, true] => flags[A].0.and(flags[B].0),
            [true, false] => flags[A].0,
            _ => flags[B].0,
        };
        Row {
            a: show[A].then(|| seg_span(da, &g.a)),
            b: show[B].then(|| seg_span(db, &g.b)),
            kind: self.diffs[gi].1,
            moved: !g.anchored,
            partner: None,
            boilerplate: bp.is_some(),
            boilerplate_kind: bp,
            translation: (show[A] && flags[A].1) || (show[B] && flags[B].1),
            restatement: (show[A] && g.a.clone().all(|i| da.restatement[i]))
                || (show[B] && g.b.clone().all(|j| db.restatement[j])),
            score: g.score,
            segments_a: Some(Span(g.a.start, g.a.end)),
            segments_b: Some(Span(g.b.start, g.b.end)),
            inline: Some(self.diffs[gi].0.clone()),
            numbers: self.diffs[gi].2.clone(),
            paragraph_start: (show[A] && opens_paragraph(da, g.a.start))
                || (show[B] && opens_paragraph(db, g.b.start)),
        }
    }

    /// Emits one side's segments from `*pos` up to `until`: moved passages as
    /// half rows (their partner row comes on the other side), the rest as
    /// one-sided rows.
    fn emit_until(&mut self, side: usize, until: usize, pos: &mut usize) {
        while *pos < until {
            match self.group_of[side][*pos] {
                Some(gi) if !self.groups[gi].anchored => {
                    self.moved_row[side][gi] = Some(self.rows.len());
                    let row = self.pair(gi, [side == A, side == B]);
                    self.rows.push(row);
                    *pos = side_of(&self.groups[gi], side).end;
                }
                _ => {
                    let row = self.one_sided(side, *pos);
                    self.rows.push(row);
                    *pos += 1;
                }
            }
        }
    }

    /// All rows: between consecutive anchored pairs, A's then B's passages.
    fn rows(mut self) -> Vec<Row> {
        let lens = [self.docs[A].segments.len(), self.docs[B].segments.len()];
        let mut anchors: Vec<usize> = (0..self.groups.len())
            .filter(|&g| self.groups[g].anchored)
            .collect();
        anchors.sort_by_key(|&g| self.groups[g].a.start);
        let mut pos = [0, 0];
        for gi in anchors.into_iter().map(Some).chain([None]) {
            for side in [A, B] {
                let until = gi.map_or(lens[side], |g| side_of(&self.groups[g], side).start);
                let mut p = pos[side];
                self.emit_until(side, until, &mut p);
                pos[side] = p;
            }
            if let Some(g) = gi {
                let row = self.pair(g, [true, true]);
                self.rows.push(row);
                pos = [self.groups[g].a.end, self.groups[g].b.end];
            }
        }
        for g in 0..self.groups.len() {
            if let (Some(ra), Some(rb)) = (self.moved_row[A][g], self.moved_row[B][g]) {
                self.rows[ra].partner = Some(rb);
                self.rows[rb].partner = Some(ra);
            }
        }
        self.rows
    }
}

/// Turns aligned groups into rows in reading order, with inline diffs.
fn build(da: &Document, db: &Document, groups: &[Group], opts: &Options) -> Comparison {
    let (na, nb) = (da.segments.len(), db.segments.len());
    let mut group_of = [vec![None; na], vec![None; nb]];
    for (gi, g) in groups.iter().enumerate() {
        g.a.clone().for_each(|i| group_of[A][i] = Some(gi));
        g.b.clone().for_each(|j| group_of[B][j] = Some(gi));
    }
    let diffs = groups
        .iter()
        .map(|g| {
            let ops = inline::diff(
                &da.text,
                text_span(da, &g.a),
                &db.text,
                text_span(db, &g.b),
                opts,
            );
            let kind = if ops.iter().all(|o| o.tag == Tag::Equal) {
                RowKind::Equal
            } else {
                RowKind::Changed
            };
            let numbers = number_changes(da, text_span(da, &g.a), db, text_span(db, &g.b));
            (ops, kind, numbers)
        })
        .collect();
    let rows = Layout {
        docs: [da, db],
        groups,
        group_of,
        diffs,
        rows: Vec::new(),
        moved_row: [vec![None; groups.len()], vec![None; groups.len()]],
    }
    .rows();

    // Similarity: words inside equal ops over all story words.
    let story = |doc: &Document, i: usize| doc.boilerplate[i].is_none() && !doc.is_translation(i);
    let total: usize = (0..na)
        .filter(|&i| story(da, i))
        .map(|i| da.words[i])
        .sum::<usize>()
        + (0..nb)
            .filter(|&j| story(db, j))
            .map(|j| db.words[j])
            .sum::<usize>();
    // Each story pair contributes its words, weighted by how closely it
    // matches: symmetric by construction (scores are), unlike counts taken from
    // one of several equally short word diffs.
    let common: f64 = groups
        .iter()
        .filter(|g| g.a.clone().all(|i| story(da, i)) && g.b.clone().all(|j| story(db, j)))
        .map(|g| {
            let n: usize = da.words[g.a.clone()]
                .iter()
                .chain(&db.words[g.b.clone()])
                .sum();
            g.score * n as f64
        })
        .sum();
    let similarity = if total == 0 {
        if na == 0 && nb == 0 || da.text == db.text {
            1.0
        } else {
            0.0
        }
    } else {
        (common / total as f64).min(1.0)
    };

    let mut stats = Stats::default();
    for r in &rows {
        if r.boilerplate {
            stats.boilerplate += 1;
            continue;
        }
        match r.kind {
            RowKind::Equal if !r.moved => stats.equal += 1,
            RowKind::Changed if !r.moved => stats.changed += 1,
            RowKind::OnlyA | RowKind::OnlyB if r.translation => stats.translation += 1,
            RowKind::OnlyA => stats.only_a += 1,
            RowKind::OnlyB => stats.only_b += 1,
            _ => {}
        }
    }
    stats.moved = groups.iter().filter(|g| !g.anchored).count();
    Comparison {
        similarity,
        rows,
        stats,
        quotes: Vec::new(),
    }
}
