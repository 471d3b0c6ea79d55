//! Comparisons of large texts, run away from the page (the app runs them in a
//! web worker: `web/worker.js` calls `worker_compare`, which calls [`run`]).
//! Pure Rust: the steps, their progress and the coarse fallback are tested
//! natively; the result travels to the page as JSON ([`decode`] reads it).
//!
//! A source is large when its texts together exceed [`LARGE_BYTES`]: then
//! building its collection and aligning a pair take too long for the page's
//! main thread (a frozen page), and the app hands the pair to a worker.

use crate::engine::{coarse, Collection, Comparison, Document, Options};

/// Sources whose texts together exceed this many bytes are compared in a
/// worker. The five bundled reports are 33 KB and take about 11 ms in the
/// page; synthetic texts of 100 KB take about 0.3 s natively (and the
/// collection is built before the first pair), which would freeze the page.
pub const LARGE_BYTES: usize = 100_000;

/// How long the full aligner may take in the worker before the coarse
/// comparison replaces it (a 1 MB pair should take under 3 s).
pub const FULL_DEADLINE_MS: u32 = 8_000;
/// How long the coarse comparison may take before the app gives up (it is
/// O(n log n): only a huge text on a slow device gets near).
pub const COARSE_DEADLINE_MS: u32 = 20_000;

/// True when `texts` together are large enough to go to a worker.
///
/// ```
/// assert!(!report_diff::offload::is_large(&["short", "texts"]));
/// assert!(report_diff::offload::is_large(&["x".repeat(60_000), "y".repeat(60_000)]));
/// ```
pub fn is_large<S: AsRef<str>>(texts: &[S]) -> bool {
    texts.iter().map(|t| t.as_ref().len()).sum::<usize>() > LARGE_BYTES
}

/// How thoroughly to compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Depth {
    /// The full aligner (a collection of every text, n:m links, moves).
    Full,
    /// [`coarse::compare`] on the pair alone: identical sentences in order,
    /// for a pair the full aligner could not finish before the deadline.
    Coarse,
}

/// Compares texts `a` and `b` of `texts` to the given depth, telling
/// `progress` (step from 1, steps, what it is doing) before each step;
/// `None` when `a` or `b` is out of range.
///
/// ```
/// use report_diff::offload::{run, Depth};
/// use report_diff::engine::Options;
/// let mut steps = Vec::new();
/// let texts = ["One. Two.", "One. Three."];
/// let cmp = run(&texts, 0, 1, &Options::default(), Depth::Full, |s, n, what| steps.push((s, n, what.to_string())));
/// assert_eq!(cmp.unwrap().rows.len(), 2);
/// assert_eq!(steps.last().unwrap().0, steps.last().unwrap().1);
/// ```
pub fn run<S: AsRef<str>>(
    texts: &[S],
    a: usize,
    b: usize,
    opts: &Options,
    depth: Depth,
    mut progress: impl FnMut(u32, u32, &str),
) -> Option<Comparison> {
    if a >= texts.len() || b >= texts.len() {
        return None;
    }
    match depth {
        Depth::Full => {
            // One step a text (segmentation and analyses), then the term
            // statistics, then the alignment.
            let n = texts.len() as u32;
            let steps = n + 2;
            let mut docs = Vec::with_capacity(texts.len());
            for (k, t) in texts.iter().enumerate() {
                progress(k as u32 + 1, steps, "reading the texts");
                docs.push(Document::new(t.as_ref()));
            }
            progress(n + 1, steps, "weighing the words");
            let collection = Collection::from_documents(docs);
            progress(n + 2, steps, "aligning the passages");
            collection.compare(a, b, opts)
        }
        Depth::Coarse => {
            progress(1, 3, "reading the texts");
            let da = Document::new(texts[a].as_ref());
            progress(2, 3, "reading the texts");
            let db = Document::new(texts[b].as_ref());
            progress(3, 3, "pairing identical sentences");
            Some(coarse::compare(&da, &db, opts))
        }
    }
}

/// The comparison as JSON, to send to the page.
pub fn encode(cmp: &Comparison) -> String {
    serde_json::to_string(cmp).unwrap_or_default()
}

/// The comparison a worker sent (see [`encode`]); the error says why it cannot
/// be read.
///
/// ```
/// use report_diff::engine::{compare, Options};
/// use report_diff::offload::{decode, encode};
/// let cmp = compare("One. Two.", "One. Three.", &Options::default());
/// assert_eq!(decode(&encode(&cmp)).unwrap(), cmp);
/// assert!(decode("{").is_err());
/// ```
pub fn decode(json: &str) -> Result<Comparison, String> {
    serde_json::from_str(json).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_counts_up_to_its_total_and_both_depths_rebuild_the_texts() {
        let texts = [
            "Alpha one. Beta two. Gamma three.",
            "Beta two. Alpha one! Delta four.",
            "Other.",
        ];
        for depth in [Depth::Full, Depth::Coarse] {
            let mut seen = Vec::new();
            let cmp = run(&texts, 0, 1, &Options::default(), depth, |s, n, _| {
                seen.push((s, n))
            })
            .unwrap();
            let total = seen[0].1;
            assert!(seen.iter().all(|&(_, n)| n == total));
            assert_eq!(
                seen.iter().map(|&(s, _)| s).collect::<Vec<_>>(),
                (1..=total).collect::<Vec<_>>()
            );
            for (side, text) in [(0, texts[0]), (1, texts[1])] {
                let rebuilt: String = cmp
                    .rows
                    .iter()
                    .filter_map(|r| if side == 0 { r.a } else { r.b })
                    .map(|s| &text[s.0..s.1])
                    .collect();
                assert_eq!(rebuilt, text, "{depth:?}");
            }
        }
        assert!(run(&texts, 0, 3, &Options::default(), Depth::Full, |_, _, _| {}).is_none());
    }
}
