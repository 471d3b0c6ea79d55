//! Alignment of the sentences of two reports.
//!
//! 1. **Score** every eligible sentence pair ([`score_matrix`]): lexical and
//!    semantic evidence combined into one score ([`score`](super::score));
//!    shared distinctive words lower the cosine a pair needs
//!    ([`LEXICAL_SUPPORT`]).
//! 2. **Context** ([`add_context`]): a pair whose diagonal neighbours also
//!    correspond gains: rewritten sentences in the same order support each
//!    other (islands grow along the diagonal, as in CollateX or Bertalign).
//! 3. **Link** ([`select_links`]): every pair whose score clears the bar and
//!    stands out from what its two sentences score against the rest of the
//!    other report (a margin, as in vecalign and Bertalign) is a link. Links
//!    are n:m: a fact a report states four times is linked four times.
//! 4. **Order** ([`order`]): the heaviest chain of links that keeps the order
//!    of both reports is the primary, one-to-one alignment. A link on every
//!    heaviest chain is anchored; order is a prior, not a rule, so the rest is
//!    not thrown away but goes to the next step.
//!    Short gaps between anchored pairs fill in order ([`fill_gaps`]) where
//!    their sentences share any evidence.
//! 5. **Move** ([`add_moves`]): strong links left over become pairs, best
//!    first and one to one.
//! 6. **Grow** ([`grow`]): pairs grow into 1:2 / 2:1 groups where an unpaired
//!    neighbour completes them (a sentence split in two, two merged into one).
//! 7. **Mark** moves: the groups on every heaviest order-preserving chain keep
//!    their place; the others are marked as moved (the passage sits elsewhere
//!    in the other report).
//!
//! Every step is deterministic and symmetric: swapping A and B mirrors the
//! result, because ties are broken by quantities that do not depend on which
//! report is A (scores in fixed point, then position sums).

use rustc_hash::FxHashMap;
use std::ops::Range;

use super::score::{self, quantize, Features, Idf, Normed};
use super::sort;

/// Score bars, which depend on the evidence a pair can have: words alone
/// score lower than words and meaning together (a rewritten sentence shares
/// few words but most of its meaning), so each has its own bars.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bars {
    /// Lowest score of a link: below it, two sentences of one story share
    /// only its vocabulary or general topic.
    pub link: f64,
    /// Links at least this strong are sure: shown as strong.
    pub strong: f64,
    /// Lowest score of a pair that breaks the reading order: a move needs
    /// more evidence than a pair that keeps its place.
    pub moved: f64,
}

/// Bars for pairs whose sentences both have vectors.
pub const SEMANTIC_BARS: Bars = Bars {
    link: 0.3,
    strong: 0.5,
    moved: 0.4,
};

/// Bars for pairs judged on shared words alone.
pub const LEXICAL_BARS: Bars = Bars {
    link: 0.15,
    strong: 0.35,
    moved: 0.2,
};

/// A link must come within this of the best score of one of its two
/// sentences: a sentence's counterparts are its best matches, not everything
/// above the bar (one fact told four times still gives four near-equal
/// bests).
pub const BEST_WINDOW: f64 = 0.1;
/// Margin of a link: its score minus the average of its two sentences'
/// best scores (their k nearest neighbours) may fall at most this far
/// below zero, so a sentence that scores moderately with everything (a
/// generic line) links with nothing, while one fact told twice still links
/// twice.
pub const MARGIN_MIN: f64 = -0.05;
/// Quantile of a comparison's pair cosines taken as the floor of semantic
/// evidence: nearly all pairs of two reports are unrelated (a sentence has a
/// handful of counterparts among dozens), so what 95 % of them reach says
/// nothing.
pub const UNRELATED_QUANTILE: f64 = 0.95;
/// The floor two short texts fall back on (see [`CALIBRATION_PRIOR`]):
/// about what the bundled report pairs measure (0.22 to 0.35 for their
/// sentence and word vectors).
pub const DEFAULT_SEMANTIC_FLOOR: f64 = 0.28;
/// How far each unit of lexical evidence lowers a pair's cosine floor. Two
/// signals that agree weakly say more than either alone: a pair that shares
/// a distinctive word and whose vectors lean together a little less than the
/// comparison's unrelated pairs do is more likely a rewrite than a pair with
/// either sign alone (a rewrite keeps a name or a rare word and changes the
/// rest). Small, so a shared name never makes vectors that point apart count.
pub const LEXICAL_SUPPORT: f64 = 0.2;
/// Cosine span above the floor at which vectors alone make a certain pair.
pub const SEMANTIC_SPAN: f64 = 0.4;
/// Pairs sampled to calibrate a comparison (enough for a stable quantile).
pub const CALIBRATION_SAMPLE: usize = 20_000;
/// Pseudo-count of the default floor in the calibration, so two short texts
/// (a handful of pairs) do not set their own floor.
pub const CALIBRATION_PRIOR: usize = 50;
/// Feature count below which a sentence counts as short.
pub const SHORT_FEATURES: usize = 4;
/// Lowest lexical score that counts when either sentence is short.
pub const SHORT_LEXICAL_MIN: f64 = 0.5;
/// Evidence at which two sentences of one report tell the same thing (a
/// clear restatement, not a shared topic).
pub const ECHO_MIN: f64 = 0.6;
/// Evidence a pair needs to be linked as the echo of a link: the echo
/// vouches for it, so a little evidence of its own suffices.
pub const ECHO_LINK_MIN: f64 = 0.1;
/// How many nearest neighbours set the margin's background.
pub const MARGIN_K: usize = 3;
/// How much the better diagonal neighbour adds to a pair's score.
pub const CONTEXT_WEIGHT: f64 = 0.25;
/// A pair needs this much evidence of its own before context can lift it.
pub const CONTEXT_MIN: f64 = 0.1;
/// How much a restatement (summary, takeaways, Q&A) counts when the primary
/// alignment picks one counterpart per sentence, so body sentences pair with
/// body sentences and restatements stay linked but second in line.
pub const RESTATEMENT_WEIGHT: f64 = 0.7;
/// Above this many candidate pairs, semantic scores are computed only for
/// pairs that share a distinctive term (keeps 1 MB texts near linear).
pub const DENSE_LIMIT: usize = 1_000_000;
/// Longest gap (in sentences, on each side) between two anchored pairs that
/// the order alone may fill: longer gaps hold passages one report added.
pub const GAP_MAX: usize = 2;
/// Score of a gap pair whose only evidence is that its vectors lean together
/// more than those of a typical pair of the comparison.
pub const GAP_WEIGHT: f64 = 0.05;
/// Most segments on one side of a grown group.
pub const GROUP_MAX: usize = 3;
/// A neighbour joins a group only if it relates to the other side at least
/// this much on its own.
pub const GROW_PART_MIN: f64 = 0.12;
/// ... and only if the group's score rises by more than this.
pub const GROW_GAIN_MIN: f64 = 0.02;

/// What the aligner knows about the segments of one side.
#[derive(Clone, Copy, Debug)]
pub struct Input<'a> {
    /// Lexical features of each segment.
    pub features: &'a [Features],
    /// Centred sentence vector of each segment, if any (an empty slice when
    /// the collection has no semantic signal).
    pub vectors: &'a [Option<Vec<f32>>],
    /// Whether each segment restates its article (see
    /// [`restatement`](super::restatement)).
    pub demoted: &'a [bool],
    /// The paragraph of each segment (empty: all in one paragraph).
    pub paragraphs: &'a [usize],
    /// Pairs of segments of the report that may say the same thing
    /// ([`echo_candidates`]; empty: none).
    pub echoes: &'a [EchoCandidate],
}

impl<'a> Input<'a> {
    fn len(&self) -> usize {
        self.features.len()
    }

    fn vector(&self, i: usize) -> Option<&[f32]> {
        self.vectors.get(i).and_then(|v| v.as_deref())
    }

    /// Each segment's vector with its norm, for rows of cosines.
    fn normed(&self) -> Vec<Option<Normed<'a>>> {
        (0..self.len())
            .map(|i| {
                self.vectors
                    .get(i)
                    .and_then(|v| v.as_deref())
                    .map(Normed::new)
            })
            .collect()
    }

    fn demoted(&self, i: usize) -> bool {
        self.demoted.get(i).copied().unwrap_or(false)
    }

    fn same_paragraph(&self, i: usize, k: usize) -> bool {
        self.paragraphs.get(i) == self.paragraphs.get(k)
    }
}

/// A group of contiguous segments of A aligned with contiguous segments of B.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// Segment indices in A.
    pub a: Range<usize>,
    /// Segment indices in B.
    pub b: Range<usize>,
    /// Similarity of the group's sentences, 0..=1.
    pub score: f64,
    /// True when the group keeps the reading order of both reports; false when
    /// it is a passage that moved.
    pub anchored: bool,
    /// True when its score clears the strong bar ([`Bars::strong`]).
    pub strong: bool,
}

/// One correspondence between a sentence of A and a sentence of B.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Link {
    /// Segment index in A.
    pub a: usize,
    /// Segment index in B.
    pub b: usize,
    /// The pair's score with context, 0..=1.
    pub score: f64,
    /// True when the score clears its [`Bars::strong`].
    pub strong: bool,
    /// True when it clears [`Bars::moved`]: strong enough to pair out of
    /// order.
    pub movable: bool,
}

/// The result: one-to-one groups (the rows) and every link (n:m).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Alignment {
    /// Groups sorted by their position in A.
    pub groups: Vec<Group>,
    /// Links sorted by (A, B) position.
    pub links: Vec<Link>,
}

/// One scored candidate pair.
#[derive(Clone, Copy, Debug)]
struct Cell {
    j: usize,
    /// Evidence of the pair itself.
    base: f64,
    /// Evidence with context.
    score: f64,
    /// Whether both sentences have vectors (which bars apply).
    semantic: bool,
}

/// The sparse score matrix: per A sentence, its candidates sorted by B index.
#[derive(Debug)]
pub struct Matrix {
    rows: Vec<Vec<Cell>>,
    m: usize,
    /// How cosines turned into evidence.
    cal: Calibration,
}

impl Matrix {
    fn base(&self, i: usize, j: usize) -> f64 {
        self.rows.get(i).map_or(0.0, |r| {
            r.binary_search_by_key(&j, |c| c.j)
                .map_or(0.0, |k| r[k].base)
        })
    }

    fn cells(&self) -> impl Iterator<Item = (usize, &Cell)> {
        self.rows
            .iter()
            .enumerate()
            .flat_map(|(i, r)| r.iter().map(move |c| (i, c)))
    }
}

/// Aligns two reports. `eligible` says which segments may pair (boilerplate
/// only with boilerplate, say); `counterparts` are pairs known by their role
/// (the two headlines), put first in the primary alignment when they score.
pub fn align(
    a: &Input,
    b: &Input,
    idf: &Idf,
    eligible: impl Fn(usize, usize) -> bool,
    counterparts: &[(usize, usize)],
) -> Alignment {
    let mut matrix = score_matrix(a, b, idf, &eligible);
    add_context(&mut matrix);
    let mut links = select_links(&matrix);
    add_echoes(&mut links, &matrix, a, b);
    let mut groups = order(&links, a, b, counterparts);
    fill_gaps(&mut groups, &matrix, a, b, idf);
    add_moves(&mut groups, &links, a.len(), b.len());
    grow(&mut groups, a, b, idf, &matrix.cal, &eligible);
    sort::sort_by_key(&mut groups, |g| g.a.start);
    mark_anchored(&mut groups, a.len(), b.len());
    Alignment { groups, links }
}

impl Cell {
    fn bars(&self) -> &'static Bars {
        if self.semantic {
            &SEMANTIC_BARS
        } else {
            &LEXICAL_BARS
        }
    }
}

/// How cosines of one comparison translate into evidence: sentence vectors
/// from different sources (a sentence model, averaged word vectors) and
/// different texts spread differently, so the floor is read off the
/// comparison's own distribution of cosines: what most pairs, which are
/// unrelated, reach.
#[derive(Clone, Copy, Debug)]
pub struct Calibration {
    /// Cosine at or below which vectors say nothing.
    pub floor: f64,
    /// The median cosine: what a typical, unrelated pair reaches.
    pub typical: f64,
}

impl Calibration {
    /// Evidence of a cosine, 0..=1, for a pair with `lexical` evidence of
    /// its own (see [`LEXICAL_SUPPORT`]).
    fn evidence(&self, cosine: f64, lexical: f64) -> f64 {
        self.unbounded(cosine, lexical).min(1.0)
    }

    /// Evidence of a cosine without the cap at 1, so that two passages that
    /// are both certain can still be told apart (is a group closer with its
    /// neighbour than without?).
    fn unbounded(&self, cosine: f64, lexical: f64) -> f64 {
        let floor = self.floor - LEXICAL_SUPPORT * lexical;
        ((cosine - floor) / SEMANTIC_SPAN).max(0.0)
    }

    /// The calibration of a comparison: the floor is the
    /// [`UNRELATED_QUANTILE`] of the cosines of eligible pairs, shrunk
    /// towards [`DEFAULT_SEMANTIC_FLOOR`] when there are few pairs to go on.
    fn new(a: &Input, b: &Input, eligible: &impl Fn(usize, usize) -> bool) -> Self {
        let (n, m) = (a.len(), b.len());
        // A sample that is the same when A and B swap: pairs with i + j on a
        // stride.
        let stride = (n.saturating_mul(m) / CALIBRATION_SAMPLE).max(1);
        let normed = b.normed();
        let mut cos: Vec<f64> = Vec::new();
        let mut ys = Vec::new();
        for i in 0..n {
            let Some(x) = a.vector(i) else { continue };
            let first = (stride - i % stride) % stride;
            ys.clear();
            ys.extend(
                (first..m)
                    .step_by(stride)
                    .filter_map(|j| normed[j].filter(|_| eligible(i, j))),
            );
            score::cosines(Normed::new(x), &ys, &mut cos);
        }
        Self::from_cosines(cos)
    }

    /// The calibration read off a sample of cosines.
    fn from_cosines(mut cos: Vec<f64>) -> Self {
        let k = cos.len() as f64;
        let rank = |p: f64| ((k - 1.0) * p).round() as usize;
        // Two order statistics, found by selection (linear) rather than a
        // sort: the same values.
        let (q, typical) = if cos.is_empty() {
            (DEFAULT_SEMANTIC_FLOOR, 0.0)
        } else {
            let (high, mid) = (rank(UNRELATED_QUANTILE), rank(0.5));
            let (below, &mut q, _) = cos.select_nth_unstable_by(high, f64::total_cmp);
            let typical = if mid < high {
                *below.select_nth_unstable_by(mid, f64::total_cmp).1
            } else {
                q
            };
            (q, typical)
        };
        let prior = CALIBRATION_PRIOR as f64;
        Calibration {
            floor: (k * q + prior * DEFAULT_SEMANTIC_FLOOR) / (k + prior),
            typical,
        }
    }
}

/// What two passages share: lexical evidence and the cosine of their
/// vectors, if both have one.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Shared {
    lexical: f64,
    cosine: Option<f64>,
}

impl Shared {
    fn new(fa: &[u32], fb: &[u32], va: Option<&[f32]>, vb: Option<&[f32]>, idf: &Idf) -> Self {
        Shared {
            lexical: Self::lexical(fa, fb, idf),
            cosine: va.zip(vb).map(|(x, y)| score::cosine(x, y)),
        }
    }

    /// The lexical evidence of two passages.
    fn lexical(fa: &[u32], fb: &[u32], idf: &Idf) -> f64 {
        let lex = score::lexical(fa, fb, idf);
        // Short lines ("Share", "Key Takeaways") match anything on one word:
        // their words count only when they make up most of the pair.
        let short = fa.len().min(fb.len()) < SHORT_FEATURES;
        if short && lex < SHORT_LEXICAL_MIN {
            0.0
        } else {
            lex
        }
    }

    /// What two sentences share when they have no distinctive term in
    /// common (so no lexical evidence): their vectors' cosine alone.
    fn vectors_only(va: Option<&[f32]>, vb: Option<&[f32]>) -> Self {
        Shared {
            lexical: 0.0,
            cosine: va.zip(vb).map(|(x, y)| score::cosine(x, y)),
        }
    }

    /// The evidence, 0..=1.
    fn score(&self, cal: &Calibration) -> f64 {
        score::combine(
            self.lexical,
            self.cosine.map(|c| cal.evidence(c, self.lexical)),
        )
    }

    /// The evidence without the semantic cap (see
    /// [`Calibration::unbounded`]).
    fn unbounded(&self, cal: &Calibration) -> f64 {
        score::combine(
            self.lexical,
            self.cosine.map(|c| cal.unbounded(c, self.lexical)),
        )
    }
}

/// For each sentence of `a`, the sentences of `b` that share a distinctive
/// term with it, in order: the only pairs that can score lexically, found
/// through an inverted index instead of trying all n × m pairs.
fn lexical_candidates(a: &[Features], b: &[Features], idf: &Idf) -> Vec<Vec<usize>> {
    // Postings of A's distinctive terms, in one array (counting sort by term).
    let distinctive = |t: u32| idf.distinctive.get(t as usize) == Some(&true);
    let mut start = vec![0u32; idf.distinctive.len() + 1];
    for &t in a.iter().flatten().filter(|&&t| distinctive(t)) {
        start[t as usize + 1] += 1;
    }
    for k in 1..start.len() {
        start[k] += start[k - 1];
    }
    let mut fill = start.clone();
    let mut postings = vec![0u32; start.last().map_or(0, |&n| n as usize)];
    for (i, f) in a.iter().enumerate() {
        for &t in f.iter().filter(|&&t| distinctive(t)) {
            postings[fill[t as usize] as usize] = i as u32;
            fill[t as usize] += 1;
        }
    }
    // Sentences with the same features pair however common their terms
    // (see `score::overlap`); a text repeated more often than a distinctive
    // term may be is left out, as such a term is.
    let mut same: FxHashMap<&[u32], Vec<usize>> = FxHashMap::default();
    for (i, f) in a.iter().enumerate().filter(|(_, f)| !f.is_empty()) {
        same.entry(f.as_slice()).or_default().push(i);
    }
    // B's sentences in order, so each list comes out sorted.
    let mut near = vec![Vec::new(); a.len()];
    let mut last = vec![usize::MAX; a.len()];
    for (j, f) in b.iter().enumerate() {
        let twins = same
            .get(f.as_slice())
            .filter(|is| is.len() as f64 <= score::DISTINCTIVE_MAX);
        let by_terms = f.iter().filter(|&&t| distinctive(t)).flat_map(|&t| {
            let (s, e) = (start[t as usize] as usize, start[t as usize + 1] as usize);
            postings[s..e].iter().map(|&i| i as usize)
        });
        for i in by_terms.chain(twins.into_iter().flatten().copied()) {
            if last[i] != j {
                last[i] = j;
                near[i].push(j);
            }
        }
    }
    near
}

/// Step 1: scores every eligible pair that has any evidence. Only pairs that
/// share a distinctive term can score lexically, so an inverted index over
/// those terms finds them without trying all n × m pairs; with sentence
/// vectors, every pair is tried unless that exceeds [`DENSE_LIMIT`].
pub fn score_matrix(
    a: &Input,
    b: &Input,
    idf: &Idf,
    eligible: &impl Fn(usize, usize) -> bool,
) -> Matrix {
    let (n, m) = (a.len(), b.len());
    let dense =
        !a.vectors.is_empty() && !b.vectors.is_empty() && n.saturating_mul(m) <= DENSE_LIMIT;
    let lexical = lexical_candidates(a.features, b.features, idf);
    // Dense: every eligible pair's cosine, computed once, also calibrates.
    let cosines: Vec<Option<f64>> = if dense {
        dense_cosines(a, b, eligible)
    } else {
        Vec::new()
    };
    let cal = if dense {
        Calibration::from_cosines(cosines.iter().flatten().copied().collect())
    } else {
        Calibration::new(a, b, eligible)
    };
    let mut rows = Vec::with_capacity(n);
    for (i, near) in lexical.iter().enumerate() {
        let shared = |j: usize| Shared {
            lexical: if near.binary_search(&j).is_ok() {
                Shared::lexical(&a.features[i], &b.features[j], idf)
            } else {
                0.0
            },
            cosine: match cosines.get(i * m + j) {
                Some(&c) => c,
                None => Shared::vectors_only(a.vector(i), b.vector(j)).cosine,
            },
        };
        let candidates: Box<dyn Iterator<Item = usize>> = if dense {
            Box::new(0..m)
        } else {
            Box::new(near.iter().copied())
        };
        let row = candidates
            .filter(|&j| eligible(i, j))
            .filter_map(|j| {
                let e = shared(j).score(&cal);
                (e > 0.0).then_some(Cell {
                    j,
                    base: e,
                    score: e,
                    semantic: a.vector(i).is_some() && b.vector(j).is_some(),
                })
            })
            .collect();
        rows.push(row);
    }
    Matrix { rows, m, cal }
}

/// Every pair's cosine, row-major (`None` for a pair that is not eligible
/// or lacks a vector), a row at a time through [`score::cosines`].
fn dense_cosines(
    a: &Input,
    b: &Input,
    eligible: &impl Fn(usize, usize) -> bool,
) -> Vec<Option<f64>> {
    let m = b.len();
    let normed = b.normed();
    let mut out = vec![None; a.len() * m];
    let (mut js, mut ys, mut cs) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..a.len() {
        let Some(x) = a.vector(i) else { continue };
        js.clear();
        ys.clear();
        cs.clear();
        for (j, y) in normed.iter().enumerate() {
            if let Some(y) = y.filter(|_| eligible(i, j)) {
                js.push(j);
                ys.push(y);
            }
        }
        score::cosines(Normed::new(x), &ys, &mut cs);
        for (&j, &c) in js.iter().zip(&cs) {
            out[i * m + j] = Some(c);
        }
    }
    out
}

/// Step 2: a pair with evidence of its own gains from its better diagonal
/// neighbour (the sentences before both, or after both, correspond too).
pub fn add_context(matrix: &mut Matrix) {
    let mut lifted = Vec::new();
    for (i, c) in matrix.cells() {
        if c.base < CONTEXT_MIN {
            continue;
        }
        let before = if i > 0 && c.j > 0 {
            matrix.base(i - 1, c.j - 1)
        } else {
            0.0
        };
        let after = matrix.base(i + 1, c.j + 1);
        lifted.push(c.base + CONTEXT_WEIGHT * before.max(after));
    }
    let mut k = 0;
    for row in &mut matrix.rows {
        for c in row.iter_mut() {
            if c.base >= CONTEXT_MIN {
                c.score = lifted[k].min(1.0);
                k += 1;
            }
        }
    }
}

/// Mean of the `k` largest values (0 for none).
fn top_mean(v: Vec<f64>, k: usize) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    // The k largest, largest first, kept while scanning (no sort of all):
    // summed in the order a descending sort gives them.
    let mut top: Vec<f64> = Vec::with_capacity(k + 1);
    for x in v {
        let at = top.partition_point(|y| y.total_cmp(&x).is_ge());
        if at < k {
            top.insert(at, x);
            top.truncate(k);
        }
    }
    top.iter().sum::<f64>() / top.len() as f64
}

/// Step 3: the links: every pair that clears its bar ([`Bars::link`]), comes
/// within [`BEST_WINDOW`] of the best score of one of its sentences, and
/// clears the margin (or is strong).
pub fn select_links(matrix: &Matrix) -> Vec<Link> {
    let mut by_col: Vec<Vec<f64>> = vec![Vec::new(); matrix.m];
    for (_, c) in matrix.cells() {
        by_col[c.j].push(c.score);
    }
    // The background of a sentence: its k best scores other than the pair
    // in question, so a sentence with one true counterpart is not penalised
    // by it.
    let knn_b: Vec<f64> = by_col
        .into_iter()
        .map(|v| top_mean(v, MARGIN_K + 1))
        .collect();
    let mut best_b = vec![0.0f64; matrix.m];
    for (_, c) in matrix.cells() {
        best_b[c.j] = best_b[c.j].max(c.score);
    }
    let mut links = Vec::new();
    for (i, row) in matrix.rows.iter().enumerate() {
        let knn_a = top_mean(row.iter().map(|c| c.score).collect(), MARGIN_K + 1);
        let best_a = row.iter().map(|c| c.score).fold(0.0, f64::max);
        for c in row {
            let bars = c.bars();
            if c.score < bars.link
                || (c.score < best_a - BEST_WINDOW && c.score < best_b[c.j] - BEST_WINDOW)
            {
                continue;
            }
            let margin = c.score - (knn_a + knn_b[c.j]) / 2.0;
            let strong = c.score >= bars.strong;
            if margin >= MARGIN_MIN || strong {
                links.push(Link {
                    a: i,
                    b: c.j,
                    score: c.score,
                    strong,
                    movable: c.score >= bars.moved,
                });
            }
        }
    }
    links
}

/// Two sentences of one report that may say the same thing (a summary
/// restating the body, a Q&A answer repeating it), with what they share.
#[derive(Clone, Debug)]
pub struct EchoCandidate {
    /// The earlier sentence.
    pub first: usize,
    /// The later sentence.
    pub second: usize,
    shared: Shared,
}

/// The pairs of sentences of one report that could be echoes of each other:
/// they share a distinctive term or lean together more than the report's
/// typical pair. Found once per report; which of them count depends on each
/// comparison's calibration ([`add_echoes`]).
pub fn echo_candidates(side: &Input, idf: &Idf) -> Vec<EchoCandidate> {
    let n = side.len();
    if n.saturating_mul(n) > DENSE_LIMIT {
        return Vec::new();
    }
    let typical = Calibration::new(side, side, &|i: usize, k: usize| i != k).typical;
    let lexical = lexical_candidates(side.features, side.features, idf);
    let normed = side.normed();
    let mut out = Vec::new();
    let (mut ks, mut ys, mut cs) = (Vec::new(), Vec::new(), Vec::new());
    let mut cosine = vec![None; n];
    for (i, near) in lexical.iter().enumerate() {
        // The cosines of this row, computed together.
        if let Some(x) = side.vector(i) {
            ks.clear();
            ys.clear();
            cs.clear();
            for (k, y) in normed.iter().enumerate().skip(i + 1) {
                if let Some(y) = y {
                    ks.push(k);
                    ys.push(*y);
                }
            }
            score::cosines(Normed::new(x), &ys, &mut cs);
            cosine.iter_mut().for_each(|c| *c = None);
            for (&k, &c) in ks.iter().zip(&cs) {
                cosine[k] = Some(c);
            }
        } else {
            cosine.iter_mut().for_each(|c| *c = None);
        }
        for (k, &cosine) in cosine.iter().enumerate().skip(i + 1) {
            let shared = Shared {
                lexical: if near.binary_search(&k).is_ok() {
                    Shared::lexical(&side.features[i], &side.features[k], idf)
                } else {
                    0.0
                },
                cosine,
            };
            if shared.lexical > 0.0 || shared.cosine.is_some_and(|c| c > typical) {
                out.push(EchoCandidate {
                    first: i,
                    second: k,
                    shared,
                });
            }
        }
    }
    out
}

/// For each sentence, the others of its report that say the same thing under
/// this comparison's calibration: evidence of at least [`ECHO_MIN`].
fn echoes(side: &Input, cal: &Calibration) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); side.len()];
    for e in side.echoes {
        if e.shared.score(cal) >= ECHO_MIN && e.second < out.len() {
            out[e.first].push(e.second);
            out[e.second].push(e.first);
        }
    }
    out
}

/// Step 3b: a report that tells a fact twice (summary and body, say) has
/// both tellings linked: when a sentence links to one, it links to the echo
/// too if that pair has evidence of its own (at least [`ECHO_LINK_MIN`]).
pub fn add_echoes(links: &mut Vec<Link>, matrix: &Matrix, a: &Input, b: &Input) {
    let (ea, eb) = (echoes(a, &matrix.cal), echoes(b, &matrix.cal));
    let mut have: std::collections::BTreeSet<(usize, usize)> =
        links.iter().map(|l| (l.a, l.b)).collect();
    let mut added = Vec::new();
    for l in links.iter() {
        let others = eb[l.b]
            .iter()
            .map(|&j| (l.a, j))
            .chain(ea[l.a].iter().map(|&i| (i, l.b)));
        for (i, j) in others {
            let Some(c) = matrix.rows[i].iter().find(|c| c.j == j) else {
                continue;
            };
            if c.score >= ECHO_LINK_MIN && have.insert((i, j)) {
                let bars = c.bars();
                added.push(Link {
                    a: i,
                    b: j,
                    score: c.score,
                    strong: c.score >= bars.strong,
                    movable: false,
                });
            }
        }
    }
    links.extend(added);
    sort::sort_by_key(links, |l| (l.a, l.b));
}

/// A Fenwick tree over positions keeping prefix maxima.
struct MaxTree(Vec<u64>);

impl MaxTree {
    fn new(n: usize) -> Self {
        MaxTree(vec![0; n + 1])
    }

    /// Raises position `p` (0-based) to at least `v`.
    fn raise(&mut self, p: usize, v: u64) {
        let mut k = p + 1;
        while k < self.0.len() {
            self.0[k] = self.0[k].max(v);
            k += k & k.wrapping_neg();
        }
    }

    /// Maximum over positions `0..p`.
    fn max_before(&self, p: usize) -> u64 {
        let mut k = p.min(self.0.len() - 1);
        let mut best = 0;
        while k > 0 {
            best = best.max(self.0[k]);
            k -= k & k.wrapping_neg();
        }
        best
    }
}

/// Something to place on an order-preserving chain: ranges on both sides
/// and a weight.
#[derive(Clone, Debug)]
struct Item {
    a: Range<usize>,
    b: Range<usize>,
    w: u64,
}

/// For each item, the heaviest chain that ends with it: items strictly
/// before one another on both sides (`p.a.end <= q.a.start` and
/// `p.b.end <= q.b.start`). O(k log m) with a Fenwick tree over B.
fn chain_ending(items: &[Item], m: usize) -> Vec<u64> {
    let mut by_start: Vec<usize> = (0..items.len()).collect();
    sort::sort_by_key(&mut by_start, |&k| items[k].a.start);
    let mut by_end = by_start.clone();
    sort::sort_by_key(&mut by_end, |&k| items[k].a.end);
    let mut best = vec![0u64; items.len()];
    let mut tree = MaxTree::new(m);
    let mut inserted = 0;
    for &k in &by_start {
        // Items that end in A before this one starts may precede it.
        while inserted < by_end.len() && items[by_end[inserted]].a.end <= items[k].a.start {
            let q = by_end[inserted];
            tree.raise(items[q].b.end.saturating_sub(1), best[q]);
            inserted += 1;
        }
        best[k] = items[k].w + tree.max_before(items[k].b.start);
    }
    best
}

/// Which items lie on every heaviest order-preserving chain. An item on some
/// heaviest chain but not all is ambiguous (two passages swapped places, or
/// one sentence with two equally good counterparts): it is left out, which
/// keeps the result independent of which report comes first.
fn on_every_heaviest_chain(items: &[Item], n: usize, m: usize) -> Vec<bool> {
    if items.is_empty() {
        return Vec::new();
    }
    let f = chain_ending(items, m);
    // The heaviest chain starting with each item: the same on mirrored
    // positions.
    let mirrored: Vec<Item> = items
        .iter()
        .map(|it| Item {
            a: n - it.a.end..n - it.a.start,
            b: m - it.b.end..m - it.b.start,
            w: it.w,
        })
        .collect();
    let g = chain_ending(&mirrored, m);
    let opt = f.iter().copied().max().unwrap_or(0);
    let on_opt: Vec<usize> = (0..items.len())
        .filter(|&k| f[k] + g[k] - items[k].w == opt)
        .collect();
    // An item on an optimal chain is on all of them when every other such
    // item is before or after it on both sides.
    let mut by_end: Vec<(usize, usize)> = on_opt
        .iter()
        .map(|&k| (items[k].a.end, items[k].b.end))
        .collect();
    sort::sort(&mut by_end);
    let mut max_b_end = Vec::with_capacity(by_end.len());
    let mut run = 0;
    for &(_, be) in &by_end {
        run = run.max(be);
        max_b_end.push(run);
    }
    let mut by_start: Vec<(usize, usize)> = on_opt
        .iter()
        .map(|&k| (items[k].a.start, items[k].b.start))
        .collect();
    sort::sort(&mut by_start);
    let mut min_b_start = vec![usize::MAX; by_start.len() + 1];
    for (k, &(_, bs)) in by_start.iter().enumerate().rev() {
        min_b_start[k] = min_b_start[k + 1].min(bs);
    }
    let mut out = vec![false; items.len()];
    for &k in &on_opt {
        let it = &items[k];
        // Items ending in A before this one starts must end in B before it.
        let left = by_end.partition_point(|&(ae, _)| ae <= it.a.start);
        let left_ok = left == 0 || max_b_end[left - 1] <= it.b.start;
        // Items starting in A after this one ends must start in B after it.
        let right = by_start.partition_point(|&(as_, _)| as_ < it.a.end);
        let right_ok = min_b_start[right] >= it.b.end;
        // Any other item overlapping it in A is neither before nor after.
        let overlapping = right - left;
        out[k] = left_ok && right_ok && overlapping == 1;
    }
    out
}

/// The weight of a link in the primary alignment.
fn weight(l: &Link, a: &Input, b: &Input) -> u64 {
    let s = if a.demoted(l.a) || b.demoted(l.b) {
        l.score * RESTATEMENT_WEIGHT
    } else {
        l.score
    };
    quantize(s) + 1
}

/// Step 4: the heaviest order-preserving chain of links. Links on every
/// heaviest chain become anchored groups; headline counterparts that link
/// are pinned first.
pub fn order(links: &[Link], a: &Input, b: &Input, counterparts: &[(usize, usize)]) -> Vec<Group> {
    let pinned = |l: &Link| counterparts.iter().any(|&(i, j)| l.a == i && l.b == j);
    let pins: Vec<&Link> = links.iter().filter(|l| pinned(l)).collect();
    // Links that cross a pinned pair cannot join the chain; pinned pairs
    // outweigh any chain that would skip them.
    let usable: Vec<&Link> = links
        .iter()
        .filter(|l| {
            pins.iter().all(|p| {
                (l.a == p.a && l.b == p.b) || (l.a < p.a && l.b < p.b) || (l.a > p.a && l.b > p.b)
            })
        })
        .collect();
    let bonus = quantize(1.0).saturating_mul(links.len() as u64 + 1);
    let items: Vec<Item> = usable
        .iter()
        .map(|l| Item {
            a: l.a..l.a + 1,
            b: l.b..l.b + 1,
            w: weight(l, a, b) + if pinned(l) { bonus } else { 0 },
        })
        .collect();
    on_every_heaviest_chain(&items, a.len(), b.len())
        .into_iter()
        .zip(usable)
        .filter(|(on, _)| *on)
        .map(|(_, l)| Group {
            a: l.a..l.a + 1,
            b: l.b..l.b + 1,
            score: l.score,
            anchored: true,
            strong: l.strong,
        })
        .collect()
}

/// Step 4b: the gaps between consecutive anchored pairs. When both reports
/// have a few unpaired sentences (at most [`GAP_MAX`] each) between the same
/// two pairs, the order of both vouches for them: they pair, in order, where
/// they share any evidence at all (the heaviest in-order set of their pairs),
/// as in a translation or a lightly edited copy.
pub fn fill_gaps(groups: &mut Vec<Group>, matrix: &Matrix, a: &Input, b: &Input, idf: &Idf) {
    sort::sort_by_key(groups, |g| g.a.start);
    let mut filled = Vec::new();
    for w in groups.windows(2) {
        let (ra, rb) = (w[0].a.end..w[1].a.start, w[0].b.end..w[1].b.start);
        if ra.is_empty() || rb.is_empty() || ra.len() > GAP_MAX || rb.len() > GAP_MAX {
            continue;
        }
        // A pair's score, or for a pair below the bars a token weight when
        // its vectors lean together more than those of a typical pair do.
        let cell = |i: usize, j: usize| -> Option<(f64, bool)> {
            if let Some(c) = matrix.rows.get(i).and_then(|r| r.iter().find(|c| c.j == j)) {
                return Some((c.score, c.score >= c.bars().strong));
            }
            let shared = Shared::new(
                &a.features[i],
                &b.features[j],
                a.vector(i),
                b.vector(j),
                idf,
            );
            shared
                .cosine
                .filter(|&c| c > matrix.cal.typical)
                .map(|_| (GAP_WEIGHT, false))
        };
        // best[x][y]: heaviest in-order set within the first x × y of the gap.
        let (n, m) = (ra.len(), rb.len());
        let mut best = vec![vec![0u64; m + 1]; n + 1];
        for x in 1..=n {
            for y in 1..=m {
                let take = cell(ra.start + x - 1, rb.start + y - 1)
                    .map_or(0, |c| best[x - 1][y - 1] + quantize(c.0));
                best[x][y] = take.max(best[x - 1][y]).max(best[x][y - 1]);
            }
        }
        let (mut x, mut y) = (n, m);
        while x > 0 && y > 0 {
            if best[x][y] == best[x - 1][y] {
                x -= 1;
            } else if best[x][y] == best[x][y - 1] {
                y -= 1;
            } else {
                let (i, j) = (ra.start + x - 1, rb.start + y - 1);
                if let Some((score, strong)) = cell(i, j) {
                    filled.push(Group {
                        a: i..i + 1,
                        b: j..j + 1,
                        score,
                        anchored: true,
                        strong,
                    });
                }
                x -= 1;
                y -= 1;
            }
        }
    }
    groups.extend(filled);
    sort::sort_by_key(groups, |g| g.a.start);
}

/// Orders `(score, i, j)` candidates best first; ties go to the smaller
/// position sum, which two candidates that share a sentence never have in
/// common, so the order of conflicting candidates is the same when A and B swap.
pub(crate) fn best_first(x: &(u64, usize, usize), y: &(u64, usize, usize)) -> std::cmp::Ordering {
    y.0.cmp(&x.0).then((x.1 + x.2).cmp(&(y.1 + y.2)))
}

/// Step 5: strong links whose sentences are still free become moved pairs,
/// best first, one to one.
pub fn add_moves(groups: &mut Vec<Group>, links: &[Link], n: usize, m: usize) {
    let mut used_a = vec![false; n];
    let mut used_b = vec![false; m];
    for g in groups.iter() {
        g.a.clone().for_each(|i| used_a[i] = true);
        g.b.clone().for_each(|j| used_b[j] = true);
    }
    let mut cand: Vec<(u64, usize, usize, bool)> = links
        .iter()
        .filter(|l| l.movable && !used_a[l.a] && !used_b[l.b])
        .map(|l| (quantize(l.score), l.a, l.b, l.strong))
        .collect();
    sort::sort_by(&mut cand, |x, y| {
        best_first(&(x.0, x.1, x.2), &(y.0, y.1, y.2))
    });
    for (q, i, j, strong) in cand {
        if used_a[i] || used_b[j] {
            continue;
        }
        used_a[i] = true;
        used_b[j] = true;
        groups.push(Group {
            a: i..i + 1,
            b: j..j + 1,
            score: score::unquantize(q),
            anchored: false,
            strong,
        });
    }
}

/// What two passages (groups of segments) share, and the bars that apply.
fn passage(
    a: &Input,
    ra: &Range<usize>,
    b: &Input,
    rb: &Range<usize>,
    idf: &Idf,
) -> (Shared, &'static Bars) {
    let fa = score::merged(a.features, ra);
    let fb = score::merged(b.features, rb);
    let va = score::summed(a.vectors, ra);
    let vb = score::summed(b.vectors, rb);
    let bars = if va.is_some() && vb.is_some() {
        &SEMANTIC_BARS
    } else {
        &LEXICAL_BARS
    };
    (
        Shared::new(&fa, &fb, va.as_deref(), vb.as_deref(), idf),
        bars,
    )
}

/// One way to grow a group: its gain, the group, and its new ranges.
type Growth = (u64, usize, Range<usize>, Range<usize>);

/// Step 6: extends groups by one unpaired adjacent segment at a time while
/// that makes the group more similar than before (a 1:2 or 2:1 split/merge).
pub fn grow(
    groups: &mut [Group],
    a: &Input,
    b: &Input,
    idf: &Idf,
    cal: &Calibration,
    eligible: &impl Fn(usize, usize) -> bool,
) {
    let mut owner_a: Vec<Option<usize>> = vec![None; a.len()];
    let mut owner_b: Vec<Option<usize>> = vec![None; b.len()];
    for (gi, g) in groups.iter().enumerate() {
        g.a.clone().for_each(|i| owner_a[i] = Some(gi));
        g.b.clone().for_each(|j| owner_b[j] = Some(gi));
    }
    for _round in 0..GROUP_MAX {
        let mut best: Vec<Growth> = Vec::new();
        // Judged without the cap at 1: a pair already certain can still
        // gain by taking in the rest of a split sentence.
        let now: Vec<f64> = groups
            .iter()
            .map(|g| passage(a, &g.a, b, &g.b, idf).0.unbounded(cal))
            .collect();
        for (gi, g) in groups.iter().enumerate() {
            for side_a in [true, false] {
                let (range, owners, len) = if side_a {
                    (&g.a, &owner_a, a.len())
                } else {
                    (&g.b, &owner_b, b.len())
                };
                if range.len() >= GROUP_MAX {
                    continue;
                }
                for nb in [range.start.checked_sub(1), Some(range.end)]
                    .into_iter()
                    .flatten()
                {
                    // A sentence split in two keeps its halves in one
                    // paragraph: a group never grows across one.
                    let side = if side_a { a } else { b };
                    if nb >= len || owners[nb].is_some() || !side.same_paragraph(nb, range.start) {
                        continue;
                    }
                    let (ra, rb) = if side_a {
                        (range.start.min(nb)..range.end.max(nb + 1), g.b.clone())
                    } else {
                        (g.a.clone(), range.start.min(nb)..range.end.max(nb + 1))
                    };
                    let ok = if side_a {
                        g.b.clone().all(|j| eligible(nb, j))
                    } else {
                        g.a.clone().all(|i| eligible(i, nb))
                    };
                    let part = if side_a {
                        passage(a, &(nb..nb + 1), b, &g.b, idf).0
                    } else {
                        passage(a, &g.a, b, &(nb..nb + 1), idf).0
                    };
                    if !ok || part.score(cal) < GROW_PART_MIN {
                        continue;
                    }
                    let gain = passage(a, &ra, b, &rb, idf).0.unbounded(cal) - now[gi];
                    if gain > GROW_GAIN_MIN * now[gi].max(1.0) {
                        best.push((quantize(gain), gi, ra, rb));
                    }
                }
            }
        }
        if best.is_empty() {
            return;
        }
        sort::sort_by(&mut best, |x, y| {
            let key = |t: &Growth| (t.2.start + t.3.start, t.2.end + t.3.end);
            y.0.cmp(&x.0).then(key(x).cmp(&key(y)))
        });
        let mut touched = vec![false; groups.len()];
        for (k, (gain, gi, ra, rb)) in best.iter().enumerate() {
            let gi = *gi;
            if touched[gi] {
                continue;
            }
            touched[gi] = true;
            // Growing A or growing B may gain exactly as much: either choice
            // would depend on which report is A, so grow both or neither.
            let tie = best[k + 1..].iter().find(|c| {
                c.0 == *gain && c.1 == gi && (c.2 != groups[gi].a) != (*ra != groups[gi].a)
            });
            let (ra, rb) = match tie {
                Some(t) if *ra != groups[gi].a => (ra.clone(), t.3.clone()),
                Some(t) => (t.2.clone(), rb.clone()),
                None => (ra.clone(), rb.clone()),
            };
            let free = |owners: &[Option<usize>], r: &Range<usize>| {
                r.clone().all(|k| owners[k].is_none_or(|o| o == gi))
            };
            if !free(&owner_a, &ra) || !free(&owner_b, &rb) {
                continue;
            }
            let (shared, bars) = passage(a, &ra, b, &rb, idf);
            if tie.is_some() && shared.unbounded(cal) <= now[gi] + GROW_GAIN_MIN * now[gi].max(1.0)
            {
                continue;
            }
            let s = shared.score(cal);
            ra.clone().for_each(|k| owner_a[k] = Some(gi));
            rb.clone().for_each(|k| owner_b[k] = Some(gi));
            let g = &mut groups[gi];
            g.a = ra;
            g.b = rb;
            g.score = s;
            g.strong = s >= bars.strong;
        }
    }
}

/// Marks the groups that lie on every heaviest chain preserving the order of
/// both reports as anchored; the others are moved.
fn mark_anchored(groups: &mut [Group], n: usize, m: usize) {
    let items: Vec<Item> = groups
        .iter()
        .map(|g| Item {
            a: g.a.clone(),
            b: g.b.clone(),
            w: quantize(g.score) + 1,
        })
        .collect();
    for (g, on) in groups.iter_mut().zip(on_every_heaviest_chain(&items, n, m)) {
        g.anchored = on;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn idf_flat(n: usize) -> Idf {
        Idf {
            weight: vec![2.0; n],
            distinctive: vec![true; n],
        }
    }

    fn lexical(fs: &[Features]) -> Input<'_> {
        Input {
            features: fs,
            vectors: &[],
            demoted: &[],
            paragraphs: &[],
            echoes: &[],
        }
    }

    fn run(fa: &[Features], fb: &[Features], idf: &Idf) -> Alignment {
        align(&lexical(fa), &lexical(fb), idf, |_, _| true, &[])
    }

    #[test]
    fn identical_sentences_pair_in_order() {
        let fa = vec![vec![0, 1, 2, 3], vec![4, 5, 6, 7]];
        let al = run(&fa, &fa, &idf_flat(8));
        assert_eq!(al.groups.len(), 2);
        assert!(al
            .groups
            .iter()
            .all(|g| g.anchored && g.score > 0.99 && g.strong));
        assert_eq!(al.links.len(), 2);
    }

    #[test]
    fn swapped_sentences_are_moved() {
        let fa = vec![vec![0, 1, 2, 3], vec![4, 5, 6, 7], vec![8, 9, 10, 11]];
        let fb = vec![vec![4, 5, 6, 7], vec![0, 1, 2, 3], vec![8, 9, 10, 11]];
        let gs = run(&fa, &fb, &idf_flat(12)).groups;
        assert_eq!(gs.len(), 3);
        // Equal weights: either could stay, so both count as moved.
        assert_eq!(gs.iter().filter(|g| !g.anchored).count(), 2);
        assert!(gs[2].anchored);
    }

    #[test]
    fn split_sentence_forms_a_group() {
        let fa = vec![vec![0, 1, 2, 3, 4, 5, 6, 7]];
        let fb = vec![vec![0, 1, 2, 3], vec![4, 5, 6, 7]];
        let gs = run(&fa, &fb, &idf_flat(8)).groups;
        assert_eq!(gs.len(), 1);
        assert_eq!(gs[0].b, 0..2);
    }

    #[test]
    fn a_fact_told_twice_is_linked_twice() {
        // B states A's only fact in its summary and again in its body.
        let fa = vec![vec![0, 1, 2, 3]];
        let fb = vec![
            vec![0, 1, 2, 3, 9],
            vec![20, 21, 22, 23],
            vec![0, 1, 2, 3, 10],
        ];
        let al = run(&fa, &fb, &idf_flat(24));
        let linked: Vec<usize> = al.links.iter().map(|l| l.b).collect();
        assert_eq!(linked, [0, 2]);
        // The rows pair it once.
        assert_eq!(al.groups.len(), 1);
    }

    #[test]
    fn context_lifts_a_weak_pair_between_two_pairs() {
        let mid_a: Features = (4..14).collect();
        let mid_b: Features = std::iter::once(4).chain(20..29).collect();
        let fa = vec![vec![0, 1, 2, 3], mid_a.clone(), vec![14, 15, 16, 17]];
        let fb = vec![vec![0, 1, 2, 3], mid_b.clone(), vec![14, 15, 16, 17]];
        let idf = idf_flat(30);
        let alone = score::lexical(&mid_a, &mid_b, &idf);
        assert!((CONTEXT_MIN..LEXICAL_BARS.link).contains(&alone), "{alone}");
        assert_eq!(run(&fa, &fb, &idf).groups.len(), 3);
        // Alone, the weak pair does not stand.
        assert!(run(&[mid_a], &[mid_b], &idf).groups.is_empty());
    }

    #[test]
    fn common_words_alone_do_not_pair() {
        // Terms every segment has vouch for nothing.
        let idf = Idf {
            weight: vec![0.5; 4],
            distinctive: vec![false; 4],
        };
        let (fa, fb) = (vec![vec![0, 1, 2, 3]], vec![vec![0, 1, 2]]);
        assert!(run(&fa, &fb, &idf).groups.is_empty());
        // Unless the two say the very same thing: the same content words.
        assert_eq!(run(&fa, &fa, &idf).groups.len(), 1);
    }

    #[test]
    fn vectors_pair_sentences_that_share_no_word() {
        let (fa, fb) = (vec![vec![0, 1, 2, 3]], vec![vec![4, 5, 6, 7]]);
        let v = vec![Some(vec![1.0f32, 0.0])];
        let a = Input {
            features: &fa,
            vectors: &v,
            demoted: &[],
            paragraphs: &[],
            echoes: &[],
        };
        let b = Input {
            features: &fb,
            vectors: &v,
            demoted: &[],
            paragraphs: &[],
            echoes: &[],
        };
        let al = align(&a, &b, &idf_flat(8), |_, _| true, &[]);
        assert_eq!(al.groups.len(), 1);
        assert!(al.links[0].strong);
    }

    #[test]
    fn order_fills_a_short_gap_where_vectors_lean_together() {
        // Three sentences translated in order; the middle pair shares no word
        // and its vectors lean together only faintly.
        let fa = vec![vec![0, 1, 2, 3], vec![4, 5, 6, 7], vec![8, 9, 10, 11]];
        let fb = vec![vec![0, 1, 2, 3], vec![20, 21, 22, 23], vec![8, 9, 10, 11]];
        let va = vec![
            Some(vec![1.0f32, 0.0, 0.0, 0.0]),
            Some(vec![0.0, 1.0, 0.0, 0.0]),
            Some(vec![0.0, 0.0, 1.0, 0.0]),
        ];
        let vb = vec![
            Some(vec![1.0f32, 0.0, 0.0, 0.0]),
            Some(vec![0.0, 0.2, 0.0, 0.98]),
            Some(vec![0.0, 0.0, 1.0, 0.0]),
        ];
        let input = |features, vectors| Input {
            features,
            vectors,
            demoted: &[],
            paragraphs: &[],
            echoes: &[],
        };
        let (a, b) = (input(&fa, &va), input(&fb, &vb));
        let al = align(&a, &b, &idf_flat(24), |_, _| true, &[]);
        assert_eq!(al.groups.len(), 3, "{:?}", al.groups);
        assert!(al.groups[1].anchored && !al.groups[1].strong);
        // Without its neighbours the faint pair stands alone and does not pair.
        let (a1, b1) = (input(&fa[1..2], &va[1..2]), input(&fb[1..2], &vb[1..2]));
        assert!(align(&a1, &b1, &idf_flat(24), |_, _| true, &[])
            .groups
            .is_empty());
    }

    #[test]
    fn groups_do_not_grow_across_paragraphs() {
        let fa = vec![vec![0, 1, 2, 3, 4, 5, 6, 7]];
        let fb = vec![vec![0, 1, 2, 3], vec![4, 5, 6, 7]];
        let (a, b) = (
            lexical(&fa),
            Input {
                features: &fb,
                vectors: &[],
                demoted: &[],
                paragraphs: &[0, 1],
                echoes: &[],
            },
        );
        let gs = align(&a, &b, &idf_flat(8), |_, _| true, &[]).groups;
        assert!(gs.iter().all(|g| g.b.len() == 1), "{gs:?}");
    }

    /// Brute force: an item is on every heaviest chain when no heaviest chain
    /// skips it.
    fn brute(items: &[Item]) -> Vec<bool> {
        let before = |p: &Item, q: &Item| p.a.end <= q.a.start && p.b.end <= q.b.start;
        let k = items.len();
        let mut best = 0;
        let mut chains: Vec<u32> = Vec::new();
        for mask in 0u32..(1 << k) {
            let sel: Vec<&Item> = (0..k)
                .filter(|&i| mask & (1 << i) != 0)
                .map(|i| &items[i])
                .collect();
            let ok = sel.iter().enumerate().all(|(x, p)| {
                sel.iter()
                    .enumerate()
                    .all(|(y, q)| x == y || before(p, q) || before(q, p))
            });
            if !ok {
                continue;
            }
            let w: u64 = sel.iter().map(|i| i.w).sum();
            if w > best {
                best = w;
                chains.clear();
            }
            if w == best {
                chains.push(mask);
            }
        }
        (0..k)
            .map(|i| !chains.is_empty() && chains.iter().all(|m| m & (1 << i) != 0))
            .collect()
    }

    #[test]
    fn heaviest_chain_matches_brute_force() {
        // A small deterministic generator: many shapes, ties included.
        let mut seed = 7u64;
        let mut next = |m: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % m
        };
        for _ in 0..400 {
            let k = 1 + next(7) as usize;
            let items: Vec<Item> = (0..k)
                .map(|_| {
                    let (a, b) = (next(6) as usize, next(6) as usize);
                    let (la, lb) = (1 + next(2) as usize, 1 + next(2) as usize);
                    Item {
                        a: a..a + la,
                        b: b..b + lb,
                        w: 1 + next(3),
                    }
                })
                .collect();
            assert_eq!(
                on_every_heaviest_chain(&items, 8, 8),
                brute(&items),
                "{items:?}"
            );
        }
    }
}
