//! Evidence that two sentences say the same thing, as one score in `0..=1`.
//!
//! Two signals, each general (nothing in them is about one story):
//!
//! - **Lexical**: overlap of content features (stems, numbers, CJK bigrams),
//!   each weighted by IDF² across the whole collection, so the words the whole
//!   story shares ("Trump", "executive order") weigh little and names, numbers
//!   and rare words weigh a lot. A pair must share at least one *distinctive*
//!   feature to score at all.
//! - **Semantic**: cosine of sentence vectors (from a multilingual model, see
//!   [`semantic`](super::semantic)) after the collection's own mean vector per
//!   language is removed, which takes out both the model's language offset and
//!   the topic every sentence of the story shares. It finds rewrites and
//!   translations that share no words. How a cosine becomes evidence is
//!   calibrated per comparison ([`align`](super::align)).
//!
//! They combine as a noisy-OR: either can vouch for a pair on its own, and when
//! both do the pair is stronger than either.

use super::sort;

/// Sparse feature vector of one segment: sorted, de-duplicated term ids.
pub type Features = Vec<u32>;

/// Weight of containment (shared weight over the smaller sentence's weight)
/// against weighted Dice: a short sentence whose content a long one fully
/// contains (a lead that packs three facts) is a real counterpart that Dice
/// underrates, but containment alone over-rewards very short sentences.
pub const CONTAINMENT_WEIGHT: f64 = 0.5;
/// A term is distinctive when at most this share of all segments hold it (or at
/// most two segments, in tiny collections): rare enough to vouch for a pair.
pub const DISTINCTIVE_SHARE: f64 = 0.1;
/// And never in more than this many segments: in a large collection (a
/// 1 MB text has about 10 000 sentences) a term that a thousand sentences
/// hold vouches for none of their pairs, and pairing through it makes the
/// candidate pairs grow with the square of the texts' length. Collections
/// under 10 × this many segments (the five bundled reports have about 400)
/// are unaffected.
pub const DISTINCTIVE_MAX: f64 = 64.0;
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
    ///
    /// ```
    /// use report_diff::engine::score::Idf;
    /// let segs = [vec![0, 1], vec![0, 2], vec![0, 3]];
    /// let idf = Idf::new(4, &segs);
    /// assert!(idf.weight[0] < idf.weight[1]); // term 0 is everywhere
    /// ```
    pub fn new<'f>(vocab_len: usize, segments: impl IntoIterator<Item = &'f Features>) -> Self {
        let mut df = vec![0u32; vocab_len];
        let mut n = 0u32;
        for f in segments {
            n += 1;
            for &t in f {
                if let Some(d) = df.get_mut(t as usize) {
                    *d += 1;
                }
            }
        }
        let n = f64::from(n.max(1));
        let weight = df
            .iter()
            .map(|&d| (1.0 + n / f64::from(d.max(1))).ln())
            .collect();
        let limit = (n * DISTINCTIVE_SHARE).clamp(2.0, DISTINCTIVE_MAX);
        let distinctive = df.iter().map(|&d| f64::from(d) <= limit).collect();
        Idf {
            weight,
            distinctive,
        }
    }

    /// The weight of a term in scores: IDF squared, which silences the words
    /// the whole story shares far more than plain IDF does.
    fn term(&self, t: u32) -> f64 {
        let w = self.weight.get(t as usize).copied().unwrap_or(0.0);
        w * w
    }

    fn is_distinctive(&self, t: u32) -> bool {
        self.distinctive.get(t as usize).copied().unwrap_or(false)
    }

    fn sum(&self, f: &[u32]) -> f64 {
        f.iter().map(|&t| self.term(t)).sum()
    }
}

/// Lexical evidence in `0..=1`: weighted Dice, or half the containment of the
/// smaller sentence in the larger if that is more; 0 when the two share no
/// distinctive feature.
///
/// ```
/// use report_diff::engine::score::{lexical, Idf};
/// let idf = Idf::new(6, &[vec![0, 1, 2], vec![0, 3, 4], vec![0, 5]]);
/// assert_eq!(lexical(&[0, 1, 2], &[0, 1, 2], &idf), 1.0);
/// assert_eq!(lexical(&[0, 1], &[0, 5], &idf), 0.0); // only the common term 0
/// ```
pub fn lexical(a: &[u32], b: &[u32], idf: &Idf) -> f64 {
    let (s, distinctive) = overlap(a, b, idf);
    if distinctive {
        s
    } else {
        0.0
    }
}

/// Weighted overlap of two feature vectors, and whether they share a
/// distinctive feature.
pub(crate) fn overlap(a: &[u32], b: &[u32], idf: &Idf) -> (f64, bool) {
    if a.is_empty() || b.is_empty() {
        return (0.0, false);
    }
    let (mut i, mut j) = (0, 0);
    let mut shared = 0.0;
    let mut distinctive = false;
    let mut matched = 0;
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += idf.term(a[i]);
                distinctive |= idf.is_distinctive(a[i]);
                matched += 1;
                i += 1;
                j += 1;
            }
        }
    }
    // Two sentences with the same content words are counterparts however
    // common those words are (a text with a small vocabulary has no rare
    // word at all, and its repeated sentences must still pair).
    distinctive |= matched == a.len() && matched == b.len();
    let (wa, wb) = (idf.sum(a), idf.sum(b));
    let dice = if wa + wb > 0.0 {
        2.0 * shared / (wa + wb)
    } else {
        0.0
    };
    let contain = if wa.min(wb) > 0.0 {
        shared / wa.min(wb)
    } else {
        0.0
    };
    (dice.max(CONTAINMENT_WEIGHT * contain).min(1.0), distinctive)
}

/// One score from both signals: a noisy-OR, so either can vouch for a pair
/// and agreement makes it stronger. Without sentence vectors the lexical
/// score stands alone.
///
/// ```
/// use report_diff::engine::score::combine;
/// assert_eq!(combine(0.4, None), 0.4);
/// assert!(combine(0.4, Some(0.5)) > 0.5);
/// ```
pub fn combine(lexical: f64, semantic: Option<f64>) -> f64 {
    match semantic {
        Some(s) => 1.0 - (1.0 - lexical) * (1.0 - s),
        None => lexical,
    }
}

/// Cosine of two vectors (0 when either is zero or they differ in length).
///
/// ```
/// use report_diff::engine::score::cosine;
/// assert!((cosine(&[1.0, 0.0], &[1.0, 0.0]) - 1.0).abs() < 1e-9);
/// assert_eq!(cosine(&[1.0, 0.0], &[0.0, 1.0]), 0.0);
/// ```
pub fn cosine(a: &[f32], b: &[f32]) -> f64 {
    if a.len() != b.len() {
        return 0.0;
    }
    // Sequential f32 sums: [`cosines`] gives the same bits, faster.
    let (mut ab, mut aa, mut bb) = (0.0f32, 0.0f32, 0.0f32);
    for (&x, &y) in a.iter().zip(b) {
        ab += x * y;
        aa += x * x;
        bb += y * y;
    }
    let c = f64::from(ab) / (f64::from(aa).sqrt() * f64::from(bb).sqrt());
    if c.is_finite() {
        c
    } else {
        0.0
    }
}

/// A vector with its norm computed once, for the many cosines it takes part
/// in ([`cosines`]).
#[derive(Clone, Copy, Debug)]
pub struct Normed<'a> {
    v: &'a [f32],
    /// `sqrt` of the squared norm summed as [`cosine`] sums it.
    norm: f64,
}

impl<'a> Normed<'a> {
    /// The vector and its norm.
    pub fn new(v: &'a [f32]) -> Self {
        let mut vv = 0.0f32;
        for &x in v {
            vv += x * x;
        }
        Normed {
            v,
            norm: f64::from(vv).sqrt(),
        }
    }
}

/// How many dot products [`cosines`] advances together.
const LANES: usize = 4;

/// The cosines of `x` with each of `ys`, appended to `out`: bit for bit what
/// [`cosine`] gives for each pair, much faster. One f32 sum at a time waits
/// on each addition's latency; here [`LANES`] independent dot products
/// advance together, each summed in the order `cosine` sums it (and a
/// norm's sum does not depend on the other vector, so it is summed once).
///
/// ```
/// use report_diff::engine::score::{cosine, cosines, Normed};
/// let (x, ys) = (vec![0.3f32, -1.2, 0.7], [vec![1.0f32, 0.5, -0.1], vec![0.2, 0.2, 0.9], vec![1.0]]);
/// let normed: Vec<Normed> = ys.iter().map(|y| Normed::new(y)).collect();
/// let mut out = Vec::new();
/// cosines(Normed::new(&x), &normed, &mut out);
/// let one_by_one: Vec<f64> = ys.iter().map(|y| cosine(&x, y)).collect();
/// assert_eq!(out, one_by_one);
/// ```
pub fn cosines(x: Normed, ys: &[Normed], out: &mut Vec<f64>) {
    let d = x.v.len();
    let finish = |ab: f32, y: &Normed| {
        let c = f64::from(ab) / (x.norm * y.norm);
        if c.is_finite() {
            c
        } else {
            0.0
        }
    };
    let mut chunks = ys.chunks_exact(LANES);
    for c in &mut chunks {
        if c.iter().any(|y| y.v.len() != d) {
            out.extend(c.iter().map(|y| cosine(x.v, y.v)));
            continue;
        }
        let (y0, y1, y2, y3) = (&c[0].v[..d], &c[1].v[..d], &c[2].v[..d], &c[3].v[..d]);
        let mut s = [0.0f32; LANES];
        for k in 0..d {
            let xk = x.v[k];
            s[0] += xk * y0[k];
            s[1] += xk * y1[k];
            s[2] += xk * y2[k];
            s[3] += xk * y3[k];
        }
        out.extend(s.iter().zip(c).map(|(&ab, y)| finish(ab, y)));
    }
    for y in chunks.remainder() {
        out.push(if y.v.len() == d {
            let mut ab = 0.0f32;
            for (&p, &q) in x.v.iter().zip(y.v) {
                ab += p * q;
            }
            finish(ab, y)
        } else {
            0.0
        });
    }
}

/// Fixed-point score, so that ordering and ties are exact and reproducible
/// (and the same when A and B swap).
///
/// ```
/// use report_diff::engine::score::quantize;
/// assert_eq!(quantize(0.5), 500_000);
/// ```
pub fn quantize(s: f64) -> u64 {
    (s.clamp(0.0, 1e6) * 1e6).round() as u64
}

/// A share (`0..=1`) as a whole percentage for display, e.g. "37%" (rounded
/// half away from zero). Formatting the integer rather than the float with
/// `{:.0}` keeps the float formatter (about 10 KB of wasm) out of the app.
///
/// ```
/// use report_diff::engine::score::percent;
/// assert_eq!(percent(0.374), "37%");
/// assert_eq!(percent(1.0), "100%");
/// ```
pub fn percent(share: f64) -> String {
    format!("{}%", (share * 100.0).round() as i64)
}

/// The score a fixed-point value stands for (the inverse of [`quantize`]).
///
/// ```
/// use report_diff::engine::score::{quantize, unquantize};
/// assert_eq!(unquantize(quantize(0.25)), 0.25);
/// ```
pub fn unquantize(q: u64) -> f64 {
    q as f64 / 1e6
}

/// The union of the features of segments `r`.
pub(crate) fn merged(fs: &[Features], r: &std::ops::Range<usize>) -> Features {
    let mut v: Features = fs[r.clone()].iter().flatten().copied().collect();
    sort::sort(&mut v);
    v.dedup();
    v
}

/// The sum of the vectors of segments `r` (a passage's direction), or `None`
/// when none of them has a vector.
pub(crate) fn summed(vs: &[Option<Vec<f32>>], r: &std::ops::Range<usize>) -> Option<Vec<f32>> {
    let mut out: Option<Vec<f32>> = None;
    for v in vs.get(r.clone()).into_iter().flatten().flatten() {
        match &mut out {
            None => out = Some(v.clone()),
            Some(o) if o.len() == v.len() => o.iter_mut().zip(v).for_each(|(x, y)| *x += y),
            Some(_) => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The batched cosines are the one-by-one cosines, bit for bit, for
        /// any number of vectors (full batches and the rest), zero vectors
        /// and vectors of another length included.
        #[test]
        fn cosines_equal_cosine(
            x in proptest::collection::vec(-2.0f32..2.0, 0..40),
            ys in proptest::collection::vec(proptest::collection::vec(-2.0f32..2.0, 0..40), 0..11),
            zero in any::<bool>(),
        ) {
            let x = if zero { vec![0.0; x.len()] } else { x };
            // Most vectors of x's length, some of another.
            let ys: Vec<Vec<f32>> = ys
                .into_iter()
                .enumerate()
                .map(|(k, y)| if k % 4 == 3 { y } else { (0..x.len()).map(|i| y.get(i).copied().unwrap_or(0.5)).collect() })
                .collect();
            let normed: Vec<Normed> = ys.iter().map(|y| Normed::new(y)).collect();
            let mut out = vec![7.0];
            cosines(Normed::new(&x), &normed, &mut out);
            let want: Vec<u64> = std::iter::once(7.0f64)
                .chain(ys.iter().map(|y| cosine(&x, y)))
                .map(f64::to_bits)
                .collect();
            prop_assert_eq!(out.into_iter().map(f64::to_bits).collect::<Vec<_>>(), want);
        }
    }
}
