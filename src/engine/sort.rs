//! Stable sorting with one compiled copy of the sorting code.
//!
//! `slice::sort_by` and friends are generic over the element type *and* the
//! comparison closure, so every call site compiles its own copy of the standard
//! library's sort (driftsort: about 3.5 KB of wasm each). With some forty call
//! sites that was 138 KB of the app's 910 KB wasm. These functions sort a list of
//! positions through one non-generic routine (the comparison is a `dyn` call),
//! then move the elements into that order in place: what is left per call site
//! is the closure and a swap loop. They are stable, like `slice::sort_by`, so
//! they give the same order as the standard sorts on every input, and the
//! unstable sorts they replace had only total orders (no visible difference).
//!
//! `clippy.toml` disallows the standard sorts in this crate so new code uses
//! these.

use std::cmp::Ordering;

/// The only instance of the standard sort: positions `0..n` ordered by `cmp`.
#[allow(clippy::disallowed_methods)]
fn order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut perm: Vec<usize> = (0..n).collect();
    perm.sort_by(|&i, &j| cmp(i, j));
    perm
}

/// Puts `v` in the order `perm` gives (`v[k]` becomes the old `v[perm[k]]`) by
/// following each cycle of the permutation with swaps; `perm` is used up.
fn permute<T>(v: &mut [T], perm: &mut [usize]) {
    for i in 0..perm.len() {
        let mut j = i;
        loop {
            let k = perm[j];
            // Marks `j` done; a done position is a fixed point, so its cycle ends at once.
            perm[j] = j;
            if k == i {
                break;
            }
            v.swap(j, k);
            j = k;
        }
    }
}

/// Sorts `v` stably by `cmp` (as `slice::sort_by`).
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut perm = {
        let s: &[T] = v;
        order(s.len(), &mut |i, j| cmp(&s[i], &s[j]))
    };
    permute(v, &mut perm);
}

/// Sorts `v` stably by a key (as `slice::sort_by_key`: the key is computed per
/// comparison, so keep it cheap).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` stably in ascending order (as `slice::sort`).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Same order as the standard stable sort, ties included (the payload
        /// tells tied elements apart).
        #[test]
        fn matches_the_standard_stable_sort(v in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut ours = v.clone();
            sort_by_key(&mut ours, |x| x.0);
            let mut std_sorted = v.clone();
            std_sorted.sort_by_key(|x| x.0);
            prop_assert_eq!(&ours, &std_sorted);

            let mut ours = v.clone();
            sort(&mut ours);
            let mut std_sorted = v;
            std_sorted.sort();
            prop_assert_eq!(ours, std_sorted);
        }
    }

    #[test]
    fn short_and_reversed_lists() {
        let mut e: Vec<u8> = vec![];
        sort(&mut e);
        assert!(e.is_empty());
        let mut one = vec![3];
        sort(&mut one);
        assert_eq!(one, [3]);
        let mut v: Vec<String> = ["d", "c", "b", "a"].map(String::from).to_vec();
        sort(&mut v);
        assert_eq!(v, ["a", "b", "c", "d"]);
        let mut v = vec![1.5f64, -0.0, f64::NAN, -3.0];
        sort_by(&mut v, f64::total_cmp);
        assert_eq!(&v[..3], &[-3.0, -0.0, 1.5]);
        assert!(v[3].is_nan());
    }
}
