//! Alignment of the sentences of two reports.
//!
//! 1. **Score** sentence pairs by IDF²-weighted overlap of content features
//!    (weighted Dice, or half the containment of a short sentence in a long
//!    one if that is more): words the whole story shares weigh little, names,
//!    numbers and rare words weigh a lot. A pair must share at least one
//!    distinctive feature, so sentences that only share the event's vocabulary
//!    or stop words never pair (an inverted index over those features finds
//!    the candidates).
//! 2. **Match** one-to-one, best score first; a weaker pair only when each
//!    sentence is the other's best match. Order-independent, and symmetric when
//!    A and B swap: ties are broken by position sums, which conflicting pairs
//!    never share.
//! 3. **Extend** runs: a weakly similar pair whose neighbours on both sides are
//!    paired with each other joins that run (islands grow along the diagonal).
//! 4. **Grow** pairs into 1:2 / 2:1 groups where a neighbouring unmatched
//!    sentence completes them (a sentence split in two, two merged into one).
//! 5. **Order**: the groups that lie on every heaviest order-preserving chain are
//!    anchored; the others crossed over and are marked as moved.

use std::ops::Range;

/// Sparse feature vector of one segment: sorted, de-duplicated term ids.
pub type Features = Vec<u32>;

/// Minimum weighted-Dice score for two sentences to pair.
pub const MIN_SCORE: f64 = 0.2;
/// Pairs scoring between this and [`MIN_SCORE`] are kept only when each
/// sentence is the other's best match: rewritten reports share little wording.
pub const MIN_SCORE_MUTUAL: f64 = 0.18;
/// Weight of containment (shared weight over the smaller sentence's weight)
/// against weighted Dice in a pair's score.
pub const CONTAINMENT_WEIGHT: f64 = 0.5;
/// How much a pair involving a restatement counts when queueing for matches.
pub const RESTATEMENT_WEIGHT: f64 = 0.7;
/// Pairs scoring at least this join a run of pairs they continue (their
/// neighbours on both sides are paired with each other).
pub const MIN_SCORE_CONTEXT: f64 = 0.10;
/// Minimum score when either sentence has fewer than [`SHORT_FEATURES`] features:
/// short lines ("Share", "Key Takeaways") would otherwise match on one word.
pub const MIN_SCORE_SHORT: f64 = 0.5;
/// Feature count below which a sentence counts as short.
pub const SHORT_FEATURES: usize = 4;
/// A term is distinctive when at most this share of all segments hold it (or at
/// most two segments, in tiny collections).
pub const DISTINCTIVE_SHARE: f64 = 0.1;

/// Inverse document frequencies of terms across all segments of a collection.
#[derive(Clone, Debug, Default)]
pub struct Idf {
    /// `ln(1 + N / df)` for each term id.
    pub weight: Vec<f64>,
    /// Whether each term is rare enough to vouch for a pair on its own.
    pub distinctive: Vec<bool>,
}

impl Idf {
    /// Builds IDF weights from the feature vectors of every segment considered.
    pub fn new<'f>(vocab_len: usize, segments: impl IntoIterator<Item = &'f Features>) -> Self {
        let mut df = vec![0u32; vocab_len];
        let mut n = 0u32;
        for f in segments {
            n += 1;
            for &t in f {
                df[t as usize] += 1;
            }
        }
        let n = f64::from(n.max(1));
        let weight = df
            .iter()
            .map(|&d| (1.0 + n / f64::from(d.max(1))).ln())
            .collect();
        let limit = (n * DISTINCTIVE_SHARE).max(2.0);
        let distinctive = df.iter().map(|&d| f64::from(d) <= limit).collect();
        Idf {
            weight,
            distinctive,
        }
    }

    /// The weight of a term in scores: IDF squared, which silences the words
    /// the whole story shares far more than plain IDF does.
    fn term(&self, t: u32) -> f64 {
        let w = self.weight[t as usize];
        w * w
    }

    fn sum(&self, f: &[u32]) -> f64 {
        f.iter().map(|&t| self.term(t)).sum()
    }
}

/// Score of a sentence pair: weighted Dice in 0..=1, or 0 when the pair shares
/// no distinctive feature.
pub fn score(a: &[u32], b: &[u32], idf: &Idf) -> f64 {
    let (d, distinctive) = dice(a, b, idf);
    if distinctive {
        d
    } else {
        0.0
    }
}

/// Similarity of two feature vectors (weighted Dice, or half the containment
/// of the smaller in the larger if that is more), and whether they share a
/// distinctive feature.
fn dice(a: &[u32], b: &[u32], idf: &Idf) -> (f64, bool) {
    if a.is_empty() || b.is_empty() {
        return (0.0, false);
    }
    let (mut i, mut j) = (0, 0);
    let mut shared = 0.0;
    let mut distinctive = false;
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += idf.term(a[i]);
                distinctive |= idf.distinctive[a[i] as usize];
                i += 1;
                j += 1;
            }
        }
    }
    let (wa, wb) = (idf.sum(a), idf.sum(b));
    let total = wa + wb;
    let dice = if total > 0.0 {
        2.0 * shared / total
    } else {
        0.0
    };
    // A short sentence whose content a long one fully contains (a lead that
    // packs three facts, a quote inside a paraphrase) is a real counterpart
    // that Dice underrates: containment counts, at half weight.
    let contain = if wa.min(wb) > 0.0 {
        shared / wa.min(wb)
    } else {
        0.0
    };
    (dice.max(CONTAINMENT_WEIGHT * contain), distinctive)
}

fn merged(fs: &[Features], r: &Range<usize>) -> Features {
    let mut v: Features = fs[r.clone()].iter().flatten().copied().collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Fixed-point score, so that ordering and ties are exact and reproducible.
fn quantize(s: f64) -> u64 {
    (s * 1e6).round() as u64
}

fn passes(s: f64, a: &[u32], b: &[u32]) -> bool {
    let short = a.len() < SHORT_FEATURES || b.len() < SHORT_FEATURES;
    s >= if short { MIN_SCORE_SHORT } else { MIN_SCORE }
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
}

/// Aligns two reports given each segment's features; `eligible` says which
/// segments may pair (boilerplate only pairs with boilerplate, say), and
/// `counterparts` are pairs known by their role (the two headlines), matched
/// before anything else. Returns the groups sorted by their position in A.
pub fn align(
    fa: &[Features],
    fb: &[Features],
    idf: &Idf,
    eligible: impl Fn(usize, usize) -> bool,
    counterparts: &[(usize, usize)],
    demoted: impl Fn(usize, usize) -> bool,
) -> Vec<Group> {
    // 1. Candidate pairs; weak ones must be mutual best matches.
    let mut cand: Vec<(u64, usize, usize)> = Vec::new();
    let mut weak: Vec<(u64, usize, usize)> = Vec::new();
    let mut context: Vec<(u64, usize, usize)> = Vec::new();
    let mut best_a = vec![0u64; fa.len()];
    let mut best_b = vec![0u64; fb.len()];
    // Only pairs sharing a distinctive term can score above zero, so an
    // inverted index over those terms finds every candidate without scoring
    // all n × m pairs (long inputs stay near-linear).
    let mut postings: Vec<Vec<usize>> = vec![Vec::new(); idf.weight.len()];
    for (j, b) in fb.iter().enumerate() {
        for &t in b {
            if idf.distinctive[t as usize] {
                postings[t as usize].push(j);
            }
        }
    }
    let mut seen = vec![usize::MAX; fb.len()];
    for (i, a) in fa.iter().enumerate() {
        let mut near: Vec<usize> = Vec::new();
        for &t in a {
            if idf.distinctive[t as usize] {
                for &j in &postings[t as usize] {
                    if seen[j] != i {
                        seen[j] = i;
                        near.push(j);
                    }
                }
            }
        }
        for j in near {
            let b = &fb[j];
            if !eligible(i, j) {
                continue;
            }
            let s = score(a, b, idf);
            let q = quantize(s);
            best_a[i] = best_a[i].max(q);
            best_b[j] = best_b[j].max(q);
            if passes(s, a, b) {
                cand.push((q, i, j));
            } else if s >= MIN_SCORE_MUTUAL
                && a.len() >= SHORT_FEATURES
                && b.len() >= SHORT_FEATURES
            {
                weak.push((q, i, j));
            } else if s >= MIN_SCORE_CONTEXT {
                context.push((q, i, j));
            }
        }
    }
    cand.extend(
        weak.into_iter()
            .filter(|&(q, i, j)| q == best_a[i] && q == best_b[j]),
    );
    // 2. Greedy one-to-one matching, best first; pairs involving a restatement
    // (summary, Q&A) queue as if weaker, so body sentences pair first.
    let rank = |&(q, i, j): &(u64, usize, usize)| {
        if demoted(i, j) {
            (q as f64 * RESTATEMENT_WEIGHT) as u64
        } else {
            q
        }
    };
    cand.sort_unstable_by(|x, y| best_first(&(rank(x), x.1, x.2), &(rank(y), y.1, y.2)));
    let mut owner_a: Vec<Option<usize>> = vec![None; fa.len()];
    let mut owner_b: Vec<Option<usize>> = vec![None; fb.len()];
    let mut groups: Vec<Group> = Vec::new();
    // Counterparts by role (headline and headline) come first.
    let first = counterparts
        .iter()
        .filter(|&&(i, j)| i < fa.len() && j < fb.len())
        .map(|&(i, j)| (quantize(dice(&fa[i], &fb[j], idf).0), i, j));
    for (q, i, j) in first.chain(cand) {
        if owner_a[i].is_none() && owner_b[j].is_none() {
            claim(&mut groups, &mut owner_a, &mut owner_b, q, i, j);
        }
    }
    // 2b. Islands grow along the diagonal: a weakly similar pair whose
    // neighbours on both sides are already paired continues that run
    // (CollateX-style), which rewritten passages in the same order need.
    context.sort_unstable_by(best_first);
    loop {
        let mut added = false;
        for &(q, i, j) in &context {
            if owner_a[i].is_some() || owner_b[j].is_some() {
                continue;
            }
            let same = |x: Option<usize>, y: Option<usize>| x.is_some() && x == y;
            let before = i > 0 && j > 0 && same(owner_a[i - 1], owner_b[j - 1]);
            let after = same(
                owner_a.get(i + 1).copied().flatten(),
                owner_b.get(j + 1).copied().flatten(),
            );
            if before || after {
                claim(&mut groups, &mut owner_a, &mut owner_b, q, i, j);
                added = true;
            }
        }
        if !added {
            break;
        }
    }
    // 3. Grow groups with unmatched neighbours that complete them.
    grow(
        &mut groups,
        fa,
        fb,
        idf,
        &eligible,
        &mut owner_a,
        &mut owner_b,
    );
    groups.sort_by_key(|g| g.a.start);
    // 4. Anchored vs moved.
    mark_anchored(&mut groups);
    groups
}

/// Orders `(score, i, j)` candidates best first; ties go to the smaller
/// position sum, which two candidates that share a sentence never have in
/// common, so the order of conflicting candidates is the same when A and B swap.
pub(crate) fn best_first(x: &(u64, usize, usize), y: &(u64, usize, usize)) -> std::cmp::Ordering {
    y.0.cmp(&x.0).then((x.1 + x.2).cmp(&(y.1 + y.2)))
}

/// Records a new one-to-one group of sentence `i` of A and `j` of B.
fn claim(
    groups: &mut Vec<Group>,
    owner_a: &mut [Option<usize>],
    owner_b: &mut [Option<usize>],
    q: u64,
    i: usize,
    j: usize,
) {
    owner_a[i] = Some(groups.len());
    owner_b[j] = Some(groups.len());
    groups.push(Group {
        a: i..i + 1,
        b: j..j + 1,
        score: q as f64 / 1e6,
        anchored: false,
    });
}

/// Extends groups by one unmatched adjacent segment at a time while that makes
/// the group more similar than before (a 1:2 or 2:1 split/merge).
fn grow(
    groups: &mut [Group],
    fa: &[Features],
    fb: &[Features],
    idf: &Idf,
    eligible: &impl Fn(usize, usize) -> bool,
    owner_a: &mut [Option<usize>],
    owner_b: &mut [Option<usize>],
) {
    const MAX_SIDE: usize = 3;
    const MIN_PART: f64 = 0.12;
    for _round in 0..MAX_SIDE {
        // (gain, group, side_is_a, new range)
        let mut best: Vec<(u64, usize, bool, Range<usize>)> = Vec::new();
        for (gi, g) in groups.iter().enumerate() {
            let fa_g = merged(fa, &g.a);
            let fb_g = merged(fb, &g.b);
            for side_a in [true, false] {
                let (range, owners, fs, other) = if side_a {
                    (&g.a, &*owner_a, fa, &fb_g)
                } else {
                    (&g.b, &*owner_b, fb, &fa_g)
                };
                if range.len() >= MAX_SIDE {
                    continue;
                }
                let neighbours = [range.start.checked_sub(1), Some(range.end)];
                for n in neighbours.into_iter().flatten() {
                    if n >= fs.len() || owners[n].is_some() || fs[n].is_empty() {
                        continue;
                    }
                    let ok = if side_a {
                        g.b.clone().all(|j| eligible(n, j))
                    } else {
                        g.a.clone().all(|i| eligible(i, n))
                    };
                    if !ok || score(&fs[n], other, idf) < MIN_PART {
                        continue;
                    }
                    let r = range.start.min(n)..range.end.max(n + 1);
                    let grown = merged(fs, &r);
                    let s = score(&grown, other, idf);
                    if s > g.score + 0.02 {
                        best.push((quantize(s - g.score), gi, side_a, r));
                    }
                }
            }
        }
        if best.is_empty() {
            return;
        }
        best.sort_by(|x, y| {
            let key = |t: &(u64, usize, bool, Range<usize>)| {
                let g = &groups[t.1];
                (g.a.start + g.b.start, t.3.start + t.3.end)
            };
            y.0.cmp(&x.0).then(key(x).cmp(&key(y)))
        });
        let mut touched = vec![false; groups.len()];
        for (k, (gain, gi, side_a, r)) in best.iter().enumerate() {
            let gi = *gi;
            if touched[gi] {
                continue;
            }
            touched[gi] = true;
            // Growing A or growing B may gain exactly as much: either choice
            // would depend on which report is A, so grow both or neither.
            let tie = best[k + 1..]
                .iter()
                .find(|c| c.0 == *gain && c.1 == gi && c.2 != *side_a);
            let (ra, rb) = match (tie, side_a) {
                (Some(t), true) => (r.clone(), t.3.clone()),
                (Some(t), false) => (t.3.clone(), r.clone()),
                (None, true) => (r.clone(), groups[gi].b.clone()),
                (None, false) => (groups[gi].a.clone(), r.clone()),
            };
            let free = |owners: &[Option<usize>], r: &Range<usize>| {
                r.clone().all(|k| owners[k].is_none_or(|o| o == gi))
            };
            if !free(owner_a, &ra) || !free(owner_b, &rb) {
                continue;
            }
            let s = score(&merged(fa, &ra), &merged(fb, &rb), idf);
            if tie.is_some() && s <= groups[gi].score + 0.02 {
                continue;
            }
            ra.clone().for_each(|k| owner_a[k] = Some(gi));
            rb.clone().for_each(|k| owner_b[k] = Some(gi));
            let g = &mut groups[gi];
            g.a = ra;
            g.b = rb;
            g.score = s;
        }
    }
}

/// Marks the groups that lie on every heaviest chain preserving the order of
/// both reports. A group on some heaviest chain but not all is ambiguous
/// (two passages swapped places): both are marked moved, which keeps the
/// result independent of which report comes first.
fn mark_anchored(groups: &mut [Group]) {
    let n = groups.len();
    if n == 0 {
        return;
    }
    let before = |p: &Group, q: &Group| p.a.end <= q.a.start && p.b.end <= q.b.start;
    let w: Vec<u64> = groups.iter().map(|g| quantize(g.score) + 1).collect();
    // Groups are sorted by a.start, so predecessors come first.
    let mut f = vec![0u64; n];
    for i in 0..n {
        let best = (0..i)
            .filter(|&k| before(&groups[k], &groups[i]))
            .map(|k| f[k])
            .max();
        f[i] = w[i] + best.unwrap_or(0);
    }
    let mut g = vec![0u64; n];
    for i in (0..n).rev() {
        let best = (i + 1..n)
            .filter(|&k| before(&groups[i], &groups[k]))
            .map(|k| g[k])
            .max();
        g[i] = w[i] + best.unwrap_or(0);
    }
    let opt = f.iter().copied().max().unwrap_or(0);
    let on_opt: Vec<bool> = (0..n).map(|i| f[i] + g[i] - w[i] == opt).collect();
    for i in 0..n {
        let comparable =
            |k: usize| k == i || before(&groups[i], &groups[k]) || before(&groups[k], &groups[i]);
        groups[i].anchored = on_opt[i] && (0..n).all(|k| !on_opt[k] || comparable(k));
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

    #[test]
    fn identical_sentences_pair_in_order() {
        let fa = vec![vec![0, 1, 2, 3], vec![4, 5, 6, 7]];
        let gs = align(&fa, &fa, &idf_flat(8), |_, _| true, &[], |_, _| false);
        assert_eq!(gs.len(), 2);
        assert!(gs.iter().all(|g| g.anchored && g.score > 0.99));
    }

    #[test]
    fn swapped_sentences_are_moved() {
        let fa = vec![vec![0, 1, 2, 3], vec![4, 5, 6, 7], vec![8, 9, 10, 11]];
        let fb = vec![vec![4, 5, 6, 7], vec![0, 1, 2, 3], vec![8, 9, 10, 11]];
        let gs = align(&fa, &fb, &idf_flat(12), |_, _| true, &[], |_, _| false);
        assert_eq!(gs.len(), 3);
        // Equal weights: either could stay, so both count as moved.
        assert_eq!(gs.iter().filter(|g| !g.anchored).count(), 2);
        assert!(gs[2].anchored);
    }

    #[test]
    fn split_sentence_forms_a_group() {
        let fa = vec![vec![0, 1, 2, 3, 4, 5, 6, 7]];
        let fb = vec![vec![0, 1, 2, 3], vec![4, 5, 6, 7]];
        let gs = align(&fa, &fb, &idf_flat(8), |_, _| true, &[], |_, _| false);
        assert_eq!(gs.len(), 1);
        assert_eq!(gs[0].b, 0..2);
    }

    #[test]
    fn weak_pair_between_two_pairs_continues_the_run() {
        let mid_a: Features = (4..14).collect();
        let mid_b: Features = std::iter::once(4).chain(20..29).collect();
        let fa = vec![vec![0, 1, 2, 3], mid_a.clone(), vec![14, 15, 16, 17]];
        let fb = vec![vec![0, 1, 2, 3], mid_b.clone(), vec![14, 15, 16, 17]];
        let idf = idf_flat(30);
        assert!(score(&mid_a, &mid_b, &idf) < MIN_SCORE_MUTUAL);
        let gs = align(&fa, &fb, &idf, |_, _| true, &[], |_, _| false);
        assert_eq!(gs.len(), 3);
        // Alone, the weak pair would not stand.
        let alone = align(&[mid_a], &[mid_b], &idf, |_, _| true, &[], |_, _| false);
        assert!(alone.is_empty());
    }

    #[test]
    fn common_words_alone_do_not_pair() {
        // Terms every segment has vouch for nothing.
        let idf = Idf {
            weight: vec![0.5; 4],
            distinctive: vec![false; 4],
        };
        let fa = vec![vec![0, 1, 2, 3]];
        let gs = align(&fa, &fa, &idf, |_, _| true, &[], |_, _| false);
        assert!(gs.is_empty());
    }
}
