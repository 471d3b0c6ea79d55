//! The story map: facts as clusters of sentences that the pairwise alignments
//! link across reports, and the coverage figures read off it.
//!
//! Every pair of reports is aligned once; every correspondence it finds (n:m
//! links, and the passage pairs of its rows) links the story sentences on its
//! two sides. Linked sentences form a fact (single linkage, strongest links
//! first). A fact may hold several sentences of one report when the report
//! restates its story (its headline, a summary, key takeaways, a Q&A: one
//! mention per block), but a link that would put two sentences of one block
//! into one fact is refused, unless an alignment took them as one passage:
//! that is a chain through a loose pair, not one fact.

use serde::{Deserialize, Serialize};

use super::{slice, Pairwise, ReportRef, UnionFind};
use crate::engine::score::quantize;
use crate::engine::sort;
use crate::engine::{Comparison, Document, RowKind, Span};

pub use crate::engine::document::MIN_FACT_WORDS;

/// One sentence of a report that tells a fact.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Mention {
    /// Index of the report (input order).
    pub report: usize,
    /// The sentence, as a byte range into that report (without surrounding
    /// whitespace).
    pub span: Span,
    /// Index of the sentence among the report's segments.
    pub segment: usize,
}

/// A row of the story map: one fact and the reports that tell it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// The reports that tell it, in input order.
    pub reports: Vec<ReportRef>,
    /// How often each report tells it (one count per report, input order), in
    /// passages: neighbouring sentences that tell it together count once.
    pub counts: Vec<usize>,
    /// The sentence that stands for the fact: the one most linked to the
    /// others.
    pub label: Mention,
    /// Every sentence that tells it, by report, in reading order.
    pub mentions: Vec<Mention>,
}

/// How much of one report's story another report also tells.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Coverage {
    /// The report whose story is measured.
    pub of: ReportRef,
    /// The report that tells (part of) it too.
    pub by: ReportRef,
    /// Story sentences of `of` with a counterpart in `by` (in the two
    /// reports' own alignment, as the pair view shows them).
    pub shared: usize,
    /// Story sentences of `of`.
    pub total: usize,
    /// `shared / total` (0 when `of` has no story sentence).
    pub share: f64,
}

/// What one report shares with the others, in facts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportFacts {
    /// The report.
    pub report: ReportRef,
    /// Facts every other report tells too.
    pub with_all: usize,
    /// Facts some, but not all, other reports tell.
    pub with_some: usize,
    /// Facts no other report tells.
    pub alone: usize,
}

/// A link between two story sentences (node ids) and the alignment score of
/// the passage pair it comes from.
#[derive(Clone, Copy, Debug)]
struct Link {
    x: usize,
    y: usize,
    score: f64,
}

/// Pairs of sentences (node ids, smaller first) of one report that an
/// alignment treated as one passage (a sentence split in two, say).
type Together = std::collections::BTreeSet<(usize, usize)>;

/// The correspondences of a comparison, as segment ranges with their scores:
/// every n:m link (a fact one report states more than once links to each
/// statement), and the passage pairs of the rows, anchored and moved alike
/// (a moved pair shows as two rows: taken once), which also say which
/// neighbouring sentences an alignment took as one passage.
///
/// This is the one place that reads the pairwise result.
fn pair_links(cmp: &Comparison) -> Vec<(Span, Span, f64)> {
    let mut out: Vec<(Span, Span, f64)> = cmp
        .links
        .iter()
        .map(|l| {
            (
                Span(l.segment_a, l.segment_a + 1),
                Span(l.segment_b, l.segment_b + 1),
                l.score,
            )
        })
        .chain(
            cmp.rows
                .iter()
                .filter(|r| matches!(r.kind, RowKind::Equal | RowKind::Changed))
                .filter_map(|r| Some((r.segments_a?, r.segments_b?, r.score))),
        )
        .collect();
    // One entry per pair of ranges, with its best score.
    sort::sort_by(&mut out, |x, y| {
        (x.0, x.1).cmp(&(y.0, y.1)).then(y.2.total_cmp(&x.2))
    });
    out.dedup_by(|x, y| (x.0, x.1) == (y.0, y.1));
    out
}

/// Story sentences of all reports, the links between them and the facts they
/// form.
#[derive(Clone, Debug)]
pub(crate) struct StoryMap {
    /// Per report: the segment indices of its story sentences.
    story: Vec<Vec<usize>>,
    /// Per report: node id of its first story sentence.
    base: Vec<usize>,
    /// Per node: its report.
    report_of: Vec<usize>,
    /// Per node: the byte range of its sentence.
    span_of: Vec<Span>,
    /// Per node: its segment index.
    segment_of: Vec<usize>,
    /// Per node: its fact (index into `clusters`).
    fact_of: Vec<usize>,
    /// Per fact: its nodes, ascending.
    clusters: Vec<Vec<usize>>,
    /// Per node: links kept inside its fact.
    degree: Vec<usize>,
}

/// Order of the story map's rows.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct SortKey {
    reports: std::cmp::Reverse<usize>,
    alone: String,
    position: u64,
    label: String,
}

impl StoryMap {
    /// Clusters the sentences that the pairwise comparisons of `docs` link.
    pub fn build(docs: &[Document], pairs: &Pairwise) -> Self {
        let mut story = Vec::with_capacity(docs.len());
        let mut base = Vec::with_capacity(docs.len());
        let (mut report_of, mut span_of, mut segment_of) = (Vec::new(), Vec::new(), Vec::new());
        for (r, d) in docs.iter().enumerate() {
            base.push(report_of.len());
            let s: Vec<usize> = (0..d.segments.len())
                .filter(|&i| d.states_fact(i))
                .collect();
            for &i in &s {
                report_of.push(r);
                span_of.push(d.segments[i].text);
                segment_of.push(i);
            }
            story.push(s);
        }
        let node = |r: usize, seg: usize, story: &[Vec<usize>]| {
            story[r].binary_search(&seg).ok().map(|k| base[r] + k)
        };
        let mut links = Vec::new();
        let mut together = Together::new();
        let mut passage = |nodes: &[usize]| {
            for (k, &p) in nodes.iter().enumerate() {
                for &q in &nodes[k + 1..] {
                    together.insert((p.min(q), p.max(q)));
                }
            }
        };
        for a in 0..docs.len() {
            for b in a + 1..docs.len() {
                let Some(cmp) = pairs.get(a, b) else {
                    continue;
                };
                for (sa, sb, score) in pair_links(cmp) {
                    let xs: Vec<usize> = (sa.0..sa.1).filter_map(|i| node(a, i, &story)).collect();
                    let ys: Vec<usize> = (sb.0..sb.1).filter_map(|j| node(b, j, &story)).collect();
                    passage(&xs);
                    passage(&ys);
                    for &x in &xs {
                        for &y in &ys {
                            links.push(Link { x, y, score });
                        }
                    }
                }
            }
        }
        let mut map = StoryMap {
            story,
            base,
            report_of,
            span_of,
            segment_of,
            fact_of: Vec::new(),
            clusters: Vec::new(),
            degree: Vec::new(),
        };
        map.cluster(docs, links, &together);
        map
    }

    /// Single linkage, strongest links first (ties by the sentences' texts, so
    /// the input order never decides), refusing a merge that would make one
    /// report tell the fact twice in one block (see [`Self::block_of`]).
    fn cluster(&mut self, docs: &[Document], mut links: Vec<Link>, together: &Together) {
        let n = self.report_of.len();
        let text = |x: usize| slice(&docs[self.report_of[x]], self.span_of[x]);
        sort::sort_by(&mut links, |l, m| {
            let key = |k: &Link| {
                let (p, q) = (text(k.x), text(k.y));
                (p.min(q), p.max(q))
            };
            quantize(m.score)
                .cmp(&quantize(l.score))
                .then_with(|| key(l).cmp(&key(m)))
        });
        let block: Vec<usize> = (0..n)
            .map(|x| Self::block_of(&docs[self.report_of[x]], self.segment_of[x]))
            .collect();
        // Two sentences of one block of one report are two facts (a chain
        // through a loose pair would join them), unless an alignment took
        // them as one passage.
        let clash = |p: usize, q: usize| {
            self.report_of[p] == self.report_of[q]
                && block[p] == block[q]
                && !together.contains(&(p.min(q), p.max(q)))
        };
        let mut uf = UnionFind::new(n);
        let mut members: Vec<Vec<usize>> = (0..n).map(|x| vec![x]).collect();
        for l in &links {
            let (rx, ry) = (uf.find(l.x), uf.find(l.y));
            if rx == ry
                || members[rx]
                    .iter()
                    .any(|&p| members[ry].iter().any(|&q| clash(p, q)))
            {
                continue;
            }
            uf.union(rx, ry);
            let root = uf.find(rx);
            let other = if root == rx { ry } else { rx };
            let moved = std::mem::take(&mut members[other]);
            members[root].extend(moved);
        }
        let clusters = uf.sets();
        let mut fact_of = vec![0; n];
        for (c, set) in clusters.iter().enumerate() {
            for &x in set {
                fact_of[x] = c;
            }
        }
        // A sentence's weight as a label: the links it keeps inside its fact.
        let mut degree = vec![0; n];
        for l in &links {
            if fact_of[l.x] == fact_of[l.y] {
                degree[l.x] += 1;
                degree[l.y] += 1;
            }
        }
        self.fact_of = fact_of;
        self.clusters = clusters;
        self.degree = degree;
    }

    /// The block of a report that segment `i` belongs to: its headline, one
    /// of its restatements (each run of restating sentences is a block), or
    /// its body. A report may tell a fact once per block.
    fn block_of(doc: &Document, i: usize) -> usize {
        if doc.headline() == Some(i) {
            return usize::MAX - 1;
        }
        if !doc.restatement[i] {
            return usize::MAX;
        }
        // A restatement block is named by its first sentence.
        let mut k = i;
        while k > 0 && doc.restatement[k - 1] {
            k -= 1;
        }
        k
    }

    /// Story sentences of report `r` counted in the map.
    pub fn story_count(&self, r: usize) -> usize {
        self.story.get(r).map_or(0, Vec::len)
    }

    /// The fact index of segment `seg` of report `r`, when it is a story
    /// sentence of the map.
    pub fn fact_of_segment(&self, r: usize, seg: usize) -> Option<usize> {
        let k = self.story.get(r)?.binary_search(&seg).ok()?;
        Some(self.fact_of[self.base[r] + k])
    }

    /// The facts, sorted (what all reports share first), and the per-report
    /// tallies.
    pub fn facts(&self, refs: &[ReportRef], docs: &[Document]) -> (Vec<Fact>, Vec<ReportFacts>) {
        let n = refs.len();
        let mut facts: Vec<(SortKey, Fact)> = Vec::new();
        for members in &self.clusters {
            // Passages, not sentences: neighbouring sentences of one report
            // (members are in node order, which is reading order) tell it once.
            let mut counts = vec![0; n];
            for (k, &x) in members.iter().enumerate() {
                let continues = k > 0 && {
                    let p = members[k - 1];
                    self.report_of[p] == self.report_of[x]
                        && self.segment_of[x] == self.segment_of[p] + 1
                };
                if !continues {
                    counts[self.report_of[x]] += 1;
                }
            }
            let reports: Vec<ReportRef> = (0..n)
                .filter(|&r| counts[r] > 0)
                .map(|r| refs[r].clone())
                .collect();
            let mention = |x: usize| Mention {
                report: self.report_of[x],
                span: self.span_of[x],
                segment: self.segment_of[x],
            };
            let text = |x: usize| slice(&docs[self.report_of[x]], self.span_of[x]);
            // The most linked sentence stands for the fact; among equals, the
            // shortest, then the first by text, then by report name.
            let label_node = members
                .iter()
                .copied()
                .max_by(|&x, &y| {
                    self.degree[x]
                        .cmp(&self.degree[y])
                        .then_with(|| text(y).len().cmp(&text(x).len()))
                        .then_with(|| text(y).cmp(text(x)))
                        .then_with(|| {
                            refs[self.report_of[y]]
                                .name
                                .cmp(&refs[self.report_of[x]].name)
                        })
                })
                .unwrap_or(members[0]);
            let label = mention(label_node);
            // Where the fact sits in the story: the mean over its reports of
            // the relative position of its first mention there.
            let mut first = vec![None; n];
            for &x in members {
                let r = self.report_of[x];
                first[r].get_or_insert(x - self.base[r]);
            }
            let pos: f64 = first
                .iter()
                .enumerate()
                .filter_map(|(r, k)| k.map(|k| k as f64 / self.story[r].len().max(1) as f64))
                .sum::<f64>()
                / reports.len().max(1) as f64;
            // Shared by the most reports first; what one report alone tells
            // comes last, grouped by report name; then story order.
            let key = SortKey {
                reports: std::cmp::Reverse(reports.len()),
                alone: if reports.len() == 1 {
                    reports[0].name.clone()
                } else {
                    String::new()
                },
                position: quantize(pos),
                label: text(label_node).to_string(),
            };
            let mentions = members.iter().map(|&x| mention(x)).collect();
            facts.push((
                key,
                Fact {
                    reports,
                    counts,
                    label,
                    mentions,
                },
            ));
        }
        sort::sort_by(&mut facts, |a, b| a.0.cmp(&b.0));
        let facts: Vec<Fact> = facts.into_iter().map(|(_, f)| f).collect();
        let tallies = refs
            .iter()
            .map(|r| {
                let mut t = ReportFacts {
                    report: r.clone(),
                    with_all: 0,
                    with_some: 0,
                    alone: 0,
                };
                for f in facts.iter().filter(|f| f.counts[r.index] > 0) {
                    match f.reports.len() {
                        1 => t.alone += 1,
                        k if k == n => t.with_all += 1,
                        _ => t.with_some += 1,
                    }
                }
                t
            })
            .collect();
        (facts, tallies)
    }
}

/// Coverage of every report by every other, read off the pairwise
/// alignments: the same figures the pair view of each two reports shows.
pub fn coverage(refs: &[ReportRef], pairs: &Pairwise) -> Vec<Coverage> {
    let n = refs.len();
    let mut out = Vec::with_capacity(n * n.saturating_sub(1));
    for of in 0..n {
        for by in (0..n).filter(|&b| b != of) {
            let Some(cmp) = pairs.get(of.min(by), of.max(by)) else {
                continue;
            };
            let c = &cmp.coverage;
            let (shared, total, share) = if of < by {
                (c.a_shared, c.a_total, c.a)
            } else {
                (c.b_shared, c.b_total, c.b)
            };
            out.push(Coverage {
                of: refs[of].clone(),
                by: refs[by].clone(),
                shared,
                total,
                share,
            });
        }
    }
    out
}
