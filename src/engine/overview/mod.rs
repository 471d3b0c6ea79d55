//! The overview of all reports at once: who tells which fact, who quotes
//! which remark in which words, which figures and names each report gives.
//!
//! Built from the pairwise alignments of a [`Collection`]:
//!
//! 1. **Links**: every pair of reports is aligned ([`Pairwise`]); each
//!    correspondence it finds links story sentences ([`story`]).
//! 2. **Story map**: linked sentences form facts (clusters that cross
//!    reports); a report may tell one fact several times.
//! 3. **Coverage**: for each pair of reports, the share of one report's story
//!    sentences with a counterpart in the other (their pair's alignment, so
//!    the figures match the pair view's).
//! 4. **Quotes** ([`quotes`]), **figures** ([`figures`]) and **names**
//!    ([`names`]) are found in every report and grouped across reports.
//! 5. A plain-language **summary** is written from all of the above
//!    ([`summary`]).
//!
//! Nothing depends on the order in which reports are given: every grouping is
//! a union of links that do not depend on it, and every sort key is taken from
//! the texts, never from input positions.

pub mod figures;
pub mod names;
pub mod quotes;
pub mod story;
pub mod summary;

use serde::{Deserialize, Serialize};

use super::{Collection, Document, Options, Span};

pub use figures::{Figure, FigureGroup, FigureKind};
pub use names::{NameGroup, NameMention};
pub use quotes::{QuoteGroup, QuoteMember};
pub use story::{Coverage, Fact, Mention, ReportFacts};

/// Most reports an overview takes: 20 reports make 190 pairwise alignments.
pub const MAX_REPORTS: usize = 20;

/// A report as the overview names it: its position in the input and its name
/// (a file name on the command line, an id in the app).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ReportRef {
    /// Position in the input, from 0.
    pub index: usize,
    /// The name given with the text.
    pub name: String,
}

/// The overview of several reports of one event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Overview {
    /// The reports, in input order, each with its count of story sentences.
    pub reports: Vec<ReportSummary>,
    /// For each ordered pair of different reports, how much of the first one's
    /// story the second also tells.
    pub coverage: Vec<Coverage>,
    /// The story map: facts, what all reports share first.
    pub facts: Vec<Fact>,
    /// Per report: facts it shares with all others, with some, and alone.
    pub report_facts: Vec<ReportFacts>,
    /// Direct quotes grouped across reports: one remark in all its wordings.
    pub quotes: Vec<QuoteGroup>,
    /// Figures (percentages, durations, dates, weekdays, counts) grouped by
    /// what they measure; groups with different values are divergences.
    pub figures: Vec<FigureGroup>,
    /// People and organisations, and which reports name them.
    pub names: Vec<NameGroup>,
    /// The plain-language summary, one sentence an item.
    pub summary: Vec<String>,
}

/// A report and its size in the overview.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportSummary {
    /// Which report.
    #[serde(flatten)]
    pub report: ReportRef,
    /// Story sentences counted in the story map (no boilerplate, no
    /// translation copy, no short labels).
    pub story_sentences: usize,
}

/// Why an overview cannot be built.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OverviewError {
    /// Fewer than two reports: there is nothing to compare.
    TooFew(usize),
    /// More than [`MAX_REPORTS`] reports.
    TooMany(usize),
    /// The number of names differs from the number of reports.
    Names {
        /// Reports in the collection.
        reports: usize,
        /// Names given.
        names: usize,
    },
    /// The pairwise comparisons are of another number of reports.
    Pairs {
        /// Reports in the collection.
        reports: usize,
        /// Reports the comparisons cover.
        pairs: usize,
    },
}

impl std::fmt::Display for OverviewError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::TooFew(n) => write!(f, "an overview needs at least 2 reports, got {n}"),
            Self::TooMany(n) => write!(
                f,
                "an overview takes at most {MAX_REPORTS} reports, got {n}"
            ),
            Self::Names { reports, names } => {
                write!(f, "{reports} reports but {names} names")
            }
            Self::Pairs { reports, pairs } => {
                write!(f, "{reports} reports but comparisons of {pairs}")
            }
        }
    }
}

impl std::error::Error for OverviewError {}

/// Every pair of reports of a collection compared once (the first of each
/// pair on side A): what the overview stands on, and what a pair view can
/// reuse.
#[derive(Clone, Debug, PartialEq)]
pub struct Pairwise {
    n: usize,
    /// Comparisons of (a, b), a < b, in order (0, 1), (0, 2), …, (1, 2), ….
    comparisons: Vec<super::Comparison>,
}

impl Pairwise {
    /// Compares every pair of reports of `col` under `opts`.
    pub fn new(col: &Collection, opts: &Options) -> Self {
        let n = col.documents().len();
        let comparisons = (0..n)
            .flat_map(|a| (a + 1..n).map(move |b| (a, b)))
            .filter_map(|(a, b)| col.compare(a, b, opts))
            .collect();
        Pairwise { n, comparisons }
    }

    /// The comparison of reports `a` and `b` (`a` < `b`), `a` on side A.
    pub fn get(&self, a: usize, b: usize) -> Option<&super::Comparison> {
        if a >= b || b >= self.n {
            return None;
        }
        // Pairs before row a: (n-1) + (n-2) + … + (n-a).
        let before = a * self.n - a * (a + 1) / 2;
        self.comparisons.get(before + (b - a - 1))
    }

    /// How many reports.
    pub fn len(&self) -> usize {
        self.n
    }

    /// True when there is no report.
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }
}

/// Builds the overview of every report in `col`; `names` name the reports in
/// the same order (file names, ids). `opts` apply to the pairwise
/// comparisons (and their whitespace option to the word differences inside
/// quote groups, which always leave case and punctuation aside).
///
/// ```
/// use report_diff::engine::{overview, Collection, Options};
/// let col = Collection::new(&[
///     "Trump delayed the AI order by 90 days. Vance said: “We are striving to strike a balance.”",
///     "The AI order was delayed by 90 days, officials said.",
/// ]);
/// let names = ["a.txt".to_string(), "b.txt".to_string()];
/// let o = overview::build(&col, &names, &Options::default()).unwrap();
/// assert_eq!(o.facts[0].reports.len(), 2);
/// assert_eq!(o.quotes[0].reports[0].name, "a.txt");
/// ```
pub fn build(
    col: &Collection,
    names: &[String],
    opts: &Options,
) -> Result<Overview, OverviewError> {
    check(col, names)?;
    build_from(col, names, opts, &Pairwise::new(col, opts))
}

fn check(col: &Collection, names: &[String]) -> Result<(), OverviewError> {
    let n = col.documents().len();
    if n < 2 {
        return Err(OverviewError::TooFew(n));
    }
    if n > MAX_REPORTS {
        return Err(OverviewError::TooMany(n));
    }
    if names.len() != n {
        return Err(OverviewError::Names {
            reports: n,
            names: names.len(),
        });
    }
    Ok(())
}

/// [`build`] on pairwise comparisons already made (by [`Pairwise::new`] on
/// the same collection), so that a caller that also shows pairs compares
/// each pair once.
pub fn build_from(
    col: &Collection,
    names: &[String],
    opts: &Options,
    pairs: &Pairwise,
) -> Result<Overview, OverviewError> {
    check(col, names)?;
    let docs = col.documents();
    if pairs.len() != docs.len() {
        return Err(OverviewError::Pairs {
            reports: docs.len(),
            pairs: pairs.len(),
        });
    }
    let refs: Vec<ReportRef> = names
        .iter()
        .enumerate()
        .map(|(index, name)| ReportRef {
            index,
            name: name.clone(),
        })
        .collect();
    let map = story::StoryMap::build(docs, pairs);
    let (facts, report_facts) = map.facts(&refs, docs);
    let coverage = story::coverage(&refs, pairs);
    let reports = refs
        .iter()
        .map(|r| ReportSummary {
            report: r.clone(),
            story_sentences: map.story_count(r.index),
        })
        .collect();
    let weights = TermWeights::new(docs);
    let found_names = names::find(docs, &refs);
    let quotes = quotes::group(docs, &refs, &found_names, opts);
    let figures = figures::group(docs, &refs, &map, &weights);
    let names = found_names.groups;
    let mut o = Overview {
        reports,
        coverage,
        facts,
        report_facts,
        quotes,
        figures,
        names,
        summary: Vec::new(),
    };
    o.summary = summary::write(&o, docs);
    Ok(o)
}

/// True when segment `i` of `doc` belongs to the story: not site chrome, not
/// the second-language copy of a bilingual report.
pub(crate) fn is_story(doc: &Document, i: usize) -> bool {
    doc.boilerplate[i].is_none() && !doc.is_translation(i)
}

/// "a", "a and b", "a, b and c": a list in a sentence.
pub(crate) fn join<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", init.join(", "), last.as_ref())
        }
    }
}

/// `s` on one line, at most `n` characters, cut at a word with "…".
pub(crate) fn clip(s: &str, n: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= n {
        return s;
    }
    let cut: String = s.chars().take(n.saturating_sub(1)).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{cut}…")
}

/// The text of `span` in `doc`, or "" when the span does not fit.
pub(crate) fn slice(doc: &Document, span: Span) -> &str {
    doc.text.get(span.0..span.1).unwrap_or("")
}

/// Disjoint sets over `0..n`, for groupings that must not depend on the order
/// in which links are added (the components are the same whatever the order).
#[derive(Clone, Debug)]
pub(crate) struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    pub(crate) fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    pub(crate) fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    pub(crate) fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // The smaller root wins: deterministic, whatever the call order.
            let (lo, hi) = (ra.min(rb), ra.max(rb));
            self.parent[hi] = lo;
        }
    }

    /// The sets, each sorted, in order of their smallest member.
    pub(crate) fn sets(&mut self) -> Vec<Vec<usize>> {
        let n = self.parent.len();
        let mut by_root: Vec<Vec<usize>> = vec![Vec::new(); n];
        for x in 0..n {
            let r = self.find(x);
            by_root[r].push(x);
        }
        by_root.into_iter().filter(|s| !s.is_empty()).collect()
    }
}

/// How rare each content feature is across the story sentences of all
/// reports: `ln(1 + N / df)`, squared in similarities so that the words the
/// whole story uses weigh little (as in the pairwise alignment).
#[derive(Clone, Debug, Default)]
pub(crate) struct TermWeights {
    weight: std::collections::HashMap<String, f64>,
    /// Weight of a feature no story sentence has.
    unseen: f64,
}

impl TermWeights {
    pub(crate) fn new(docs: &[Document]) -> Self {
        let mut df: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
        let mut n = 0u32;
        for d in docs {
            for (i, f) in d.features.iter().enumerate() {
                if is_story(d, i) {
                    n += 1;
                    for t in f {
                        *df.entry(t.clone()).or_default() += 1;
                    }
                }
            }
        }
        let n = f64::from(n.max(1));
        let w = |d: u32| {
            let x = (1.0 + n / f64::from(d.max(1))).ln();
            x * x
        };
        TermWeights {
            weight: df.into_iter().map(|(t, d)| (t, w(d))).collect(),
            unseen: w(1),
        }
    }

    fn of(&self, t: &str) -> f64 {
        self.weight.get(t).copied().unwrap_or(self.unseen)
    }

    /// Weighted Dice of two sorted feature lists, 0..=1.
    pub(crate) fn dice(&self, a: &[String], b: &[String]) -> f64 {
        let total: f64 = a.iter().chain(b).map(|t| self.of(t)).sum();
        if total <= 0.0 {
            return 0.0;
        }
        let shared: f64 = a
            .iter()
            .filter(|t| b.binary_search(t).is_ok())
            .map(|t| self.of(t))
            .sum();
        2.0 * shared / total
    }
}
