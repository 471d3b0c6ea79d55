//! Myers' diff of two short sequences of word ids: exactly the edit script of
//! `similar`'s Myers (`capture_diff_slices(Algorithm::Myers, …)`), in about
//! half the instructions.
//!
//! The word diff inside each aligned pair spends most of its time in Myers'
//! middle-snake search: a rewritten sentence has about as many edits as
//! words. This is the same search written for `u32` slices, without the
//! generic indexing and the per-step bookkeeping of heuristics that short
//! inputs never use. It runs only where `similar`'s Myers is provably the
//! plain algorithm: after the common prefix and suffix, at most [`SHORT`] ids
//! on both sides together, so none of its shortcuts for long inputs applies
//! (heuristic splits from edit distance 256; the disjoint-input scan and the
//! small-side search from 512 ids a side). Longer inputs go to `similar`
//! itself. The front-anchor step, which does apply, is ported as is, and the
//! script passes through `similar`'s own post-processing (`Compact`,
//! `Replace`, `Capture`). Property tests compare the two on random, rewritten,
//! nearly disjoint and anchored inputs.

use std::ops::Range;

use similar::algorithms::{Capture, Compact, DiffHook, Replace};
use similar::{capture_diff_slices, Algorithm, DiffOp};

/// Most ids, both sides together after the common prefix and suffix, diffed
/// here: `similar` searches at most `(n + m) / 2 + 1` edit distances, and its
/// first heuristic looks at distance 256 and beyond, its long-input paths at
/// 512 ids a side.
const SHORT: usize = 510;

/// The edit script of `old` → `new`, as `similar::capture_diff_slices` with
/// `Algorithm::Myers` gives it.
///
/// ```
/// use report_diff::engine::myers::diff;
/// let (old, new) = ([1, 2, 3, 4, 5], [1, 3, 4, 6, 5]);
/// assert_eq!(diff(&old, &new), similar::capture_diff_slices(similar::Algorithm::Myers, &old, &new));
/// ```
pub fn diff(old: &[u32], new: &[u32]) -> Vec<DiffOp> {
    let prefix = common_prefix(old, new);
    let suffix = common_suffix(&old[prefix..], &new[prefix..]);
    let (n, m) = (old.len() - prefix - suffix, new.len() - prefix - suffix);
    if n + m > SHORT {
        return capture_diff_slices(Algorithm::Myers, old, new);
    }
    let mut d = Compact::new(Replace::new(Capture::new()), old, new);
    match run(&mut d, old, new, prefix, suffix) {
        Ok(()) => d.into_inner().into_inner().into_ops(),
        Err(never) => match never {},
    }
}

/// `similar::algorithms::myers::diff_deadline_pretrimmed`, without deadline.
fn run<D: DiffHook>(
    d: &mut D,
    old: &[u32],
    new: &[u32],
    prefix: usize,
    suffix: usize,
) -> Result<(), D::Error> {
    let o = prefix..old.len() - suffix;
    let r = prefix..new.len() - suffix;
    if prefix > 0 {
        d.equal(0, 0, prefix)?;
    }
    if o.is_empty() && r.is_empty() {
    } else if o.is_empty() {
        d.insert(o.start, r.start, r.len())?;
    } else if r.is_empty() {
        d.delete(o.start, o.len(), r.start)?;
    } else {
        let mut v = Frontiers::new(max_d(o.len(), r.len()));
        conquer(d, old, o, new, r, &mut v)?;
    }
    if suffix > 0 {
        d.equal(old.len() - suffix, new.len() - suffix, suffix)?;
    }
    d.finish()
}

/// How many edit distances the middle-snake search may need, as `similar`
/// computes it (it sizes the frontiers).
fn max_d(n: usize, m: usize) -> usize {
    (n + m).div_ceil(2) + 1
}

fn common_prefix(a: &[u32], b: &[u32]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

fn common_suffix(a: &[u32], b: &[u32]) -> usize {
    a.iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// The furthest-reaching x on each diagonal `k` (`-max_d..max_d`), forward
/// and backward.
struct Frontiers {
    offset: isize,
    fwd: Vec<usize>,
    bwd: Vec<usize>,
}

impl Frontiers {
    fn new(max_d: usize) -> Self {
        Frontiers {
            offset: max_d as isize,
            fwd: vec![0; 2 * max_d],
            bwd: vec![0; 2 * max_d],
        }
    }
}

/// `similar`'s `conquer` (the deadline never passes; the small-side search
/// needs 512 ids on one side, so it never applies here).
fn conquer<D: DiffHook>(
    d: &mut D,
    old: &[u32],
    mut o: Range<usize>,
    new: &[u32],
    mut r: Range<usize>,
    v: &mut Frontiers,
) -> Result<(), D::Error> {
    let p = common_prefix(&old[o.clone()], &new[r.clone()]);
    if p > 0 {
        d.equal(o.start, r.start, p)?;
    }
    o.start += p;
    r.start += p;
    let s = common_suffix(&old[o.clone()], &new[r.clone()]);
    let suffix_at = (o.end - s, r.end - s);
    o.end -= s;
    r.end -= s;

    while o.start < o.end && r.start < r.end {
        let before = (o.start, r.start);
        front_anchor(d, old, &mut o, new, &mut r)?;
        if (o.start, r.start) == before {
            break;
        }
    }

    if o.is_empty() && r.is_empty() {
    } else if r.is_empty() {
        d.delete(o.start, o.len(), r.start)?;
    } else if o.is_empty() {
        d.insert(o.start, r.start, r.len())?;
    } else if let Some((x, y)) = middle_snake(old, o.clone(), new, r.clone(), v) {
        conquer(d, old, o.start..x, new, r.start..y, v)?;
        conquer(d, old, x..o.end, new, y..r.end, v)?;
    } else {
        d.delete(o.start, o.len(), r.start)?;
        d.insert(o.start, r.start, r.len())?;
    }

    if s > 0 {
        d.equal(suffix_at.0, suffix_at.1, s)?;
    }
    Ok(())
}

/// `similar`'s `try_emit_front_anchor`: when one side is at least twice the
/// other, a run of at least 96 equal ids after skipping up to 4 ids of the
/// larger side is taken at once.
fn front_anchor<D: DiffHook>(
    d: &mut D,
    old: &[u32],
    o: &mut Range<usize>,
    new: &[u32],
    r: &mut Range<usize>,
) -> Result<(), D::Error> {
    const MAX_SKIP: usize = 4;
    const MIN_ANCHOR_COMMON: usize = 96;
    let (old_len, new_len) = (o.len(), r.len());
    if old_len <= MIN_ANCHOR_COMMON || new_len <= MIN_ANCHOR_COMMON {
        return Ok(());
    }
    let (small, large) = (old_len.min(new_len), old_len.max(new_len));
    if large < small.saturating_mul(2) {
        return Ok(());
    }
    let max_old_skip = old_len.saturating_sub(1).min(MAX_SKIP);
    let max_new_skip = new_len.saturating_sub(1).min(MAX_SKIP);
    let prefer_insert = new_len > old_len;
    let prefer_delete = old_len > new_len;
    let mut best: Option<(usize, usize, usize)> = None;
    'search: for old_skip in 0..=max_old_skip {
        for new_skip in 0..=max_new_skip {
            // Only one side skips, and only the larger one.
            let one_sided = (old_skip == 0) != (new_skip == 0);
            if !one_sided || (prefer_insert && old_skip != 0) || (prefer_delete && new_skip != 0) {
                continue;
            }
            if new[r.start + new_skip] != old[o.start + old_skip] {
                continue;
            }
            let common = common_prefix(
                &old[o.start + old_skip..o.end],
                &new[r.start + new_skip..r.end],
            );
            if common >= MIN_ANCHOR_COMMON {
                if common >= MIN_ANCHOR_COMMON * 8 {
                    best = Some((old_skip, new_skip, common));
                    break 'search;
                }
                let key =
                    |(os, ns, c): (usize, usize, usize)| (c, std::cmp::Reverse(os.max(ns)), os, ns);
                if best.is_none_or(|b| key((old_skip, new_skip, common)) > key(b)) {
                    best = Some((old_skip, new_skip, common));
                }
            }
        }
    }
    let Some((old_skip, new_skip, common)) = best else {
        return Ok(());
    };
    match (old_skip, new_skip) {
        (0, 0) => {}
        (0, ns) => d.insert(o.start, r.start, ns)?,
        (os, 0) => d.delete(o.start, os, r.start)?,
        (os, ns) => d.replace(o.start, os, r.start, ns)?,
    }
    d.equal(o.start + old_skip, r.start + new_skip, common)?;
    o.start += old_skip + common;
    r.start += new_skip + common;
    Ok(())
}

/// `similar`'s `find_middle_snake` in its exact mode (its heuristics start at
/// edit distance 256, which inputs under [`SHORT`] never reach): the start of
/// the middle snake of a shortest edit script, as absolute positions.
fn middle_snake(
    old: &[u32],
    o: Range<usize>,
    new: &[u32],
    r: Range<usize>,
    v: &mut Frontiers,
) -> Option<(usize, usize)> {
    let (a, b) = (&old[o.clone()], &new[r.clone()]);
    let (n, m) = (a.len(), b.len());
    let delta = n as isize - m as isize;
    let odd = delta & 1 == 1;
    let off = v.offset;
    let (vf, vb) = (&mut v.fwd, &mut v.bwd);
    vf[(1 + off) as usize] = 0;
    vb[(1 + off) as usize] = 0;
    for d in 0..max_d(n, m) as isize {
        let mut k = d;
        while k >= -d {
            let kk = (k + off) as usize;
            let x0 = if k == -d || (k != d && vf[kk - 1] < vf[kk + 1]) {
                vf[kk + 1]
            } else {
                vf[kk - 1] + 1
            };
            let y0 = (x0 as isize - k) as usize;
            let (mut x, mut y) = (x0, y0);
            while x < n && y < m && a[x] == b[y] {
                x += 1;
                y += 1;
            }
            vf[kk] = x;
            if odd && (k - delta).abs() < d && x + vb[(delta - k + off) as usize] >= n {
                return Some((x0 + o.start, y0 + r.start));
            }
            k -= 2;
        }
        let mut k = d;
        while k >= -d {
            let kk = (k + off) as usize;
            let mut x = if k == -d || (k != d && vb[kk - 1] < vb[kk + 1]) {
                vb[kk + 1]
            } else {
                vb[kk - 1] + 1
            };
            let mut y = (x as isize - k) as usize;
            while x < n && y < m && a[n - 1 - x] == b[m - 1 - y] {
                x += 1;
                y += 1;
            }
            vb[kk] = x;
            if !odd && (k - delta).abs() <= d && x + vf[(delta - k + off) as usize] >= n {
                return Some((n - x + o.start, m - y + r.start));
            }
            k -= 2;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn same(old: &[u32], new: &[u32]) -> Result<(), TestCaseError> {
        let want = capture_diff_slices(Algorithm::Myers, old, new);
        prop_assert_eq!(diff(old, new), want, "old {:?} new {:?}", old, new);
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Random sequences over small alphabets (many equal ids, as the
        /// spaces and "the" of a sentence) and large ones (nearly disjoint:
        /// edit distances up to the limit), of any length up to past SHORT.
        #[test]
        fn same_script_as_similar(
            alphabet in prop_oneof![1u32..12, 200u32..1000],
            old in proptest::collection::vec(0u32..1000, 0..300),
            new in proptest::collection::vec(0u32..1000, 0..300),
        ) {
            let old: Vec<u32> = old.into_iter().map(|x| x % alphabet).collect();
            let new: Vec<u32> = new.into_iter().map(|x| x % alphabet).collect();
            same(&old, &new)?;
        }

        /// A sentence and its rewrite: shared runs, edits between them.
        #[test]
        fn same_script_on_rewrites(
            base in proptest::collection::vec(0u32..40, 1..200),
            edits in proptest::collection::vec((0usize..200, 0u32..3, 0u32..60), 0..80),
        ) {
            let mut new = base.clone();
            for (at, what, id) in edits {
                let at = at % (new.len() + 1);
                match what {
                    0 => new.insert(at, id),
                    1 if at < new.len() => { new.remove(at); }
                    _ if at < new.len() => new[at] = id,
                    _ => {}
                }
            }
            same(&base, &new)?;
            same(&new, &base)?;
        }

        /// One side much longer, sharing a long run after a few ids (the
        /// front-anchor step).
        #[test]
        fn same_script_with_front_anchors(
            run in proptest::collection::vec(0u32..5, 96..200),
            lead_old in proptest::collection::vec(0u32..5, 0..5),
            lead_new in proptest::collection::vec(0u32..5, 0..5),
            tail in proptest::collection::vec(0u32..5, 0..250),
        ) {
            let old: Vec<u32> = lead_old.iter().chain(&run).copied().collect();
            let new: Vec<u32> = lead_new.iter().chain(&run).chain(&tail).copied().collect();
            same(&old, &new)?;
            same(&new, &old)?;
        }
    }

    #[test]
    fn edges() {
        for (old, new) in [
            (vec![], vec![]),
            (vec![1], vec![]),
            (vec![], vec![1, 2]),
            (vec![1, 2, 3], vec![1, 2, 3]),
            (vec![1, 2, 3], vec![3, 2, 1]),
            ((0..300).collect(), (200..520).collect()),
            // Disjoint, at the limit and just past it: the search runs to its
            // last edit distance.
            ((0..255).collect(), (1000..1255).collect()),
            ((0..255).collect(), (1000..1256).collect()),
            ((0..256).collect(), (1000..1256).collect()),
            // Nearly disjoint: a few matches far apart.
            (
                (0..255).map(|x| x % 97).collect(),
                (0..255).map(|x| 500 + x % 89).chain([3, 50]).collect(),
            ),
        ] {
            assert_eq!(
                diff(&old, &new),
                capture_diff_slices(Algorithm::Myers, &old, &new)
            );
        }
    }
}
