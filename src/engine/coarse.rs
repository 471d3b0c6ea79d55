//! A coarse comparison for pairs the full aligner cannot finish in time (the
//! app's fallback when a very large or pathological pair runs past its
//! deadline): sentences are paired only where their text is identical, in
//! reading order, plus a rewritten sentence that sits alone between two such
//! anchors in both reports. No scoring, no moves, no n:m links, no quotes.
//!
//! It costs O(n log n) in the number of sentences (a hash map, a longest
//! increasing subsequence and one pass), whatever the texts say, so it
//! always ends; the rows are built by the same code as the full comparison,
//! so they are as lossless.

use std::collections::HashMap;

use super::align::{Alignment, Group, Link};
use super::{rows, Comparison, Document, Options};

/// The coarse comparison of `a` with `b` (see the module documentation).
///
/// ```
/// use report_diff::engine::{coarse, Document, Options, RowKind};
/// let a = Document::new("One stays. Two is reworded here. Three stays. Four goes.");
/// let b = Document::new("One stays. Two was reworded there. Three stays.");
/// let cmp = coarse::compare(&a, &b, &Options::default());
/// let kinds: Vec<RowKind> = cmp.rows.iter().map(|r| r.kind).collect();
/// assert_eq!(kinds, [RowKind::Equal, RowKind::Changed, RowKind::Equal, RowKind::OnlyA]);
/// assert!(cmp.semantic.is_none());
/// ```
pub fn compare(a: &Document, b: &Document, opts: &Options) -> Comparison {
    let alignment = align(a, b);
    rows::build(a, b, &alignment, opts)
}

/// The sentence pairs, as an [`Alignment`] of one-to-one groups.
fn align(a: &Document, b: &Document) -> Alignment {
    fn key(d: &Document, i: usize) -> (bool, &str) {
        let s = &d.segments[i];
        (d.boilerplate[i].is_some(), &d.text[s.text.0..s.text.1])
    }
    let (na, nb) = (a.segments.len(), b.segments.len());
    // Sentences that occur exactly once in each report anchor the pairing
    // (as in patience diff): a repeated line says nothing about position.
    let mut seen: HashMap<(bool, &str), (u32, u32, usize, usize)> = HashMap::new();
    for i in 0..na {
        let e = seen.entry(key(a, i)).or_insert((0, 0, i, 0));
        e.0 += 1;
    }
    for j in 0..nb {
        if let Some(e) = seen.get_mut(&key(b, j)) {
            e.1 += 1;
            e.3 = j;
        }
    }
    let mut unique: Vec<(usize, usize)> = seen
        .values()
        .filter(|e| e.0 == 1 && e.1 == 1)
        .map(|e| (e.2, e.3))
        .collect();
    super::sort::sort(&mut unique);
    // The longest chain of anchors in both reports' order.
    let mut pairs = increasing(&unique);
    // Grow each anchor over identical neighbours (repeated lines next to an
    // anchor), forwards then backwards, without crossing another pair.
    let mut grown: Vec<(usize, usize)> = Vec::with_capacity(pairs.len());
    let mut k = 0;
    while k < pairs.len() {
        let (i, j) = pairs[k];
        if grown.last().is_none_or(|&(pi, pj)| i > pi && j > pj) {
            grown.push((i, j));
        }
        let next = pairs.get(k + 1).copied().unwrap_or((na, nb));
        let (mut i, mut j) = (i + 1, j + 1);
        while i < next.0 && j < next.1 && key(a, i) == key(b, j) {
            grown.push((i, j));
            i += 1;
            j += 1;
        }
        k += 1;
    }
    pairs = grown;
    let mut backwards = Vec::with_capacity(pairs.len());
    let mut prev = (0, 0);
    for &(i, j) in &pairs {
        let (mut x, mut y) = (i, j);
        let mut before = Vec::new();
        while x > prev.0 && y > prev.1 && key(a, x - 1) == key(b, y - 1) {
            x -= 1;
            y -= 1;
            before.push((x, y));
        }
        backwards.extend(before.into_iter().rev());
        backwards.push((i, j));
        prev = (i + 1, j + 1);
    }
    pairs = backwards;
    // A sentence alone between two pairs on both sides is the same sentence
    // reworded (the pairs around it vouch for its place).
    let mut out: Vec<Group> = Vec::with_capacity(pairs.len());
    let mut links = Vec::with_capacity(pairs.len());
    let mut prev = (0, 0);
    for &(i, j) in pairs.iter().chain([(na, nb)].iter()) {
        if i == prev.0 + 1
            && j == prev.1 + 1
            && a.boilerplate[prev.0].is_some() == b.boilerplate[prev.1].is_some()
        {
            let score = overlap(&a.features[prev.0], &b.features[prev.1]);
            push(&mut out, &mut links, prev.0, prev.1, score);
        }
        if i < na && j < nb {
            push(&mut out, &mut links, i, j, 1.0);
        }
        prev = (i + 1, j + 1);
    }
    Alignment { groups: out, links }
}

/// Adds the one-to-one pair (`i`, `j`) as a group and a link.
fn push(groups: &mut Vec<Group>, links: &mut Vec<Link>, i: usize, j: usize, score: f64) {
    groups.push(Group {
        a: i..i + 1,
        b: j..j + 1,
        score,
        anchored: true,
        strong: score >= STRONG,
    });
    links.push(Link {
        a: i,
        b: j,
        score,
        strong: score >= STRONG,
        movable: false,
    });
}

/// A reworded pair at least this similar (shared features over all, Dice) is
/// a strong match; below it the rows call it loose, which it is: only its
/// place vouches for it.
const STRONG: f64 = 0.5;

/// Dice overlap of two sorted feature lists.
fn overlap(x: &[String], y: &[String]) -> f64 {
    if x.is_empty() && y.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (2 * shared) as f64 / (x.len() + y.len()) as f64
}

/// The longest subsequence of `pairs` (sorted by their first member) whose
/// second members increase: O(n log n) by patience sorting.
fn increasing(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // tails[k]: index in `pairs` of the smallest tail of a chain of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut back: Vec<Option<usize>> = vec![None; pairs.len()];
    for (k, &(_, j)) in pairs.iter().enumerate() {
        let at = tails.partition_point(|&t| pairs[t].1 < j);
        back[k] = at.checked_sub(1).map(|p| tails[p]);
        if at == tails.len() {
            tails.push(k);
        } else {
            tails[at] = k;
        }
    }
    let mut out = Vec::with_capacity(tails.len());
    let mut cur = tails.last().copied();
    while let Some(k) = cur {
        out.push(pairs[k]);
        cur = back[k];
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::RowKind;

    fn rebuilt(cmp: &Comparison, a: &str, b: &str) -> (String, String) {
        let side = |t: &str, r: &dyn Fn(&crate::engine::Row) -> Option<crate::engine::Span>| {
            cmp.rows
                .iter()
                .filter_map(r)
                .map(|s| &t[s.0..s.1])
                .collect::<String>()
        };
        (side(a, &|r| r.a), side(b, &|r| r.b))
    }

    #[test]
    fn lossless_in_order_and_pairs_identical_sentences() {
        let a = "Intro line.\n\nSame one. Same two. Moved away. Repeat. Repeat. End here.";
        let b =
            "Intro line!\n\nSame one. Inserted. Same two. Repeat. Repeat. End here. Moved away.";
        let (da, db) = (Document::new(a), Document::new(b));
        let cmp = compare(&da, &db, &Options::default());
        assert_eq!(rebuilt(&cmp, a, b), (a.to_string(), b.to_string()));
        let equal = cmp.rows.iter().filter(|r| r.kind == RowKind::Equal).count();
        // Same one, Same two, Repeat ×2 (grown from their anchors), End here.
        assert!(equal >= 5, "{:?}", cmp.rows);
        assert!(cmp.rows.iter().all(|r| !r.moved));
    }

    #[test]
    fn chains_keep_order() {
        let p = [(0, 3), (1, 1), (2, 2), (3, 0), (4, 4)];
        assert_eq!(increasing(&p), vec![(1, 1), (2, 2), (4, 4)]);
        assert!(increasing(&[]).is_empty());
    }

    #[test]
    fn empty_and_blank_texts() {
        for (a, b) in [("", ""), ("", "One."), ("  \n ", "One. Two."), ("One.", "")] {
            let cmp = compare(&Document::new(a), &Document::new(b), &Options::default());
            assert_eq!(rebuilt(&cmp, a, b), (a.to_string(), b.to_string()));
        }
    }
}
