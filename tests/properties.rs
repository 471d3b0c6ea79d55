//! Property tests: on any text the engine never panics, segmentation and rows
//! are lossless, inline diffs rebuild both sides, and swapping A and B mirrors
//! the result; the coarse fallback is lossless too, and every comparison
//! crosses to the page (the worker's binary form) unchanged.

use std::collections::BTreeSet;

use proptest::prelude::*;
use report_diff::engine::inline::Tag;
use report_diff::engine::{
    coarse, compare, segment::segment, Comparison, Document, Options, RowKind, Span,
};
use report_diff::offload;

fn slice(t: &str, s: Span) -> &str {
    &t[s.0..s.1]
}

/// Every side's ranges, in row order, rebuild that side exactly.
fn check_lossless(cmp: &Comparison, a: &str, b: &str) {
    let ra: String = cmp
        .rows
        .iter()
        .filter_map(|r| r.a)
        .map(|s| slice(a, s))
        .collect();
    let rb: String = cmp
        .rows
        .iter()
        .filter_map(|r| r.b)
        .map(|s| slice(b, s))
        .collect();
    assert_eq!(ra, a);
    assert_eq!(rb, b);
    for r in &cmp.rows {
        let Some(ops) = &r.inline else { continue };
        let ia: String = ops
            .iter()
            .filter(|o| o.tag != Tag::Insert)
            .map(|o| slice(a, o.a))
            .collect();
        let ib: String = ops
            .iter()
            .filter(|o| o.tag != Tag::Delete)
            .map(|o| slice(b, o.b))
            .collect();
        // The ops' own texts say the same as their ranges.
        let ta: String = ops
            .iter()
            .filter(|o| o.tag != Tag::Insert)
            .map(|o| o.text.as_str())
            .collect();
        let tb: String = ops.iter().map(|o| o.b_side()).collect();
        assert_eq!((&ta, &tb), (&ia, &ib));
        if let Some(sa) = r.a {
            assert_eq!(
                ia.trim(),
                slice(a, sa).trim(),
                "inline ops rebuild A's passage"
            );
        }
        if let Some(sb) = r.b {
            assert_eq!(
                ib.trim(),
                slice(b, sb).trim(),
                "inline ops rebuild B's passage"
            );
        }
        if let Some(p) = r.partner {
            assert_eq!(
                cmp.rows[p].partner,
                Some(cmp.rows.iter().position(|x| x == r).unwrap())
            );
        }
    }
}

/// The result as sets of pairs, independent of row order; `flip` mirrors it.
type Pairs = BTreeSet<(Option<Span>, Option<Span>, bool, bool)>;

fn pairs(cmp: &Comparison, flip: bool) -> Pairs {
    let mut out = BTreeSet::new();
    for (i, r) in cmp.rows.iter().enumerate() {
        let (a, b) = match r.partner {
            Some(p) if r.a.is_some() => (r.a, cmp.rows[p].b),
            Some(_) => continue, // counted from its A side
            None => (r.a, r.b),
        };
        let _ = i;
        let equal = r.kind == RowKind::Equal;
        out.insert(if flip {
            (b, a, r.moved, equal)
        } else {
            (a, b, r.moved, equal)
        });
    }
    out
}

/// Sentences from a small vocabulary, so that two texts share a lot and the
/// aligner has real decisions to make (moves, splits, ties).
fn sentence() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "Trump",
        "delayed",
        "postponed",
        "the",
        "order",
        "AI",
        "safety",
        "Mythos",
        "90",
        "days",
        "80%",
        "White",
        "House",
        "FDA",
        "Sacks",
        "said",
        "特朗普",
        "推迟",
        "行政令",
        "。",
        "“quote”",
        "U.S.",
        "models",
        "China",
        "lead",
    ]);
    (
        prop::collection::vec(words, 1..9),
        prop::sample::select(vec![". ", "! ", "? ", "\n", "\n\n", "。", " "]),
    )
        .prop_map(|(w, end)| format!("{}{}", w.join(" "), end))
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(sentence(), 0..10).prop_map(|v| v.concat())
}

/// A text and a reworked copy: sentences reordered, dropped and edited.
fn related() -> impl Strategy<Value = (String, String)> {
    (
        prop::collection::vec(sentence(), 1..10),
        any::<u64>(),
        sentence(),
    )
        .prop_map(|(v, seed, extra)| {
            let a = v.concat();
            let mut b = v.clone();
            let n = b.len();
            b.rotate_left((seed as usize) % n);
            if seed % 3 == 0 {
                b.remove((seed as usize / 3) % n);
            }
            b.insert((seed as usize / 7) % (b.len() + 1), extra);
            (a, b.concat())
        })
}

proptest! {
    // PROPTEST_CASES=20000 for a longer hunt; CI runs the default.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(512),
        ..ProptestConfig::default()
    })]

    #[test]
    fn segmentation_is_lossless(t in any::<String>()) {
        let segs = segment(&t);
        let mut pos = 0;
        for s in &segs {
            prop_assert_eq!(s.range.0, pos);
            prop_assert!(s.range.0 <= s.text.0 && s.text.1 <= s.range.1);
            pos = s.range.1;
        }
        prop_assert_eq!(pos, t.len());
        let rebuilt: String = segs.iter().map(|s| slice(&t, s.range)).collect();
        prop_assert_eq!(rebuilt, t);
    }

    #[test]
    fn arbitrary_unicode_never_panics_and_is_lossless(a in any::<String>(), b in any::<String>()) {
        let cmp = compare(&a, &b, &Options::default());
        check_lossless(&cmp, &a, &b);
        prop_assert!((0.0..=1.0).contains(&cmp.similarity));
    }

    #[test]
    fn related_texts_are_lossless_and_symmetric((a, b) in related(), case in any::<bool>(), punct in any::<bool>()) {
        let opts = Options { ignore_case: case, ignore_punctuation: punct, ignore_whitespace: false };
        let ab = compare(&a, &b, &opts);
        let ba = compare(&b, &a, &opts);
        check_lossless(&ab, &a, &b);
        check_lossless(&ba, &b, &a);
        prop_assert_eq!(pairs(&ab, false), pairs(&ba, true));
        prop_assert!((ab.similarity - ba.similarity).abs() < 1e-9);
    }

    #[test]
    fn generated_texts_are_symmetric(a in text(), b in text()) {
        let ab = compare(&a, &b, &Options::default());
        let ba = compare(&b, &a, &Options::default());
        prop_assert_eq!(pairs(&ab, false), pairs(&ba, true));
    }

    #[test]
    fn coarse_comparisons_are_lossless_and_travel_to_the_page_unchanged((a, b) in related(), x in any::<String>()) {
        for (a, b) in [(a.as_str(), b.as_str()), (x.as_str(), b.as_str()), (a.as_str(), x.as_str())] {
            let cmp = coarse::compare(&Document::new(a), &Document::new(b), &Options::default());
            check_lossless(&cmp, a, b);
            prop_assert_eq!(&offload::decode(&offload::encode(&cmp)).unwrap(), &cmp);
            let full = compare(a, b, &Options::default());
            prop_assert_eq!(&offload::decode(&offload::encode(&full)).unwrap(), &full);
        }
    }

    #[test]
    fn identical_texts_align_fully(a in text()) {
        let cmp = compare(&a, &a, &Options::default());
        prop_assert!(cmp.rows.iter().all(|r| r.kind != RowKind::Changed && !r.moved));
    }
}

/// Huge inputs finish and stay lossless: long unpunctuated runs make one giant
/// sentence each, the worst case for the word diff.
#[test]
fn huge_inputs_stay_lossless() {
    let words = [
        "Trump",
        "order",
        "AI",
        "delay",
        "China",
        "lead",
        "特朗普",
        "90",
        "safety",
    ];
    let mk = |seed: usize, n: usize| -> String {
        (0..n)
            .map(|i| words[(i * 7 + seed * 13 + i / 5) % words.len()])
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (a, b) = (mk(1, 20_000), mk(2, 20_000));
    let cmp = compare(&a, &b, &Options::default());
    check_lossless(&cmp, &a, &b);
    let many: String = (0..3000)
        .map(|i| format!("Sentence {i} about the order. "))
        .collect();
    let cmp = compare(&many, &mk(3, 5000), &Options::default());
    check_lossless(&cmp, &many, &mk(3, 5000));
}
