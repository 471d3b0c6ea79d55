//! Alignment quality against a hand-made gold standard (`tests/gold/pairs.json`):
//! passages of two bundled reports that state the same fact or quote, annotated
//! from the texts alone, without looking at the engine.
//!
//! `cargo test --release --test gold -- --nocapture` prints precision and
//! recall per report pair; the test fails if they fall below the floors.

use std::collections::BTreeMap;

use report_diff::corpus;
use report_diff::engine::{Collection, Comparison, Options, Span};
use serde::Deserialize;

#[derive(Deserialize)]
struct Gold {
    pairs: Vec<GoldPair>,
}

#[derive(Deserialize)]
struct GoldPair {
    a: String,
    b: String,
    a_text: String,
    b_text: String,
    confidence: String,
    #[serde(default)]
    alt_a: Vec<String>,
    #[serde(default)]
    alt_b: Vec<String>,
}

/// Story pairs the engine aligned (anchored or moved), as byte spans.
fn aligned(cmp: &Comparison) -> Vec<(Span, Span)> {
    cmp.rows
        .iter()
        .filter(|r| !r.boilerplate && !r.translation)
        .filter_map(|r| match (r.a, r.b, r.partner) {
            (Some(a), Some(b), _) => Some((a, b)),
            (Some(a), None, Some(p)) => Some((a, cmp.rows[p].b?)),
            _ => None,
        })
        .collect()
}

/// The substrings that identify each side of a gold pair.
fn needles(g: &GoldPair) -> (Vec<&str>, Vec<&str>) {
    let na = std::iter::once(g.a_text.as_str()).chain(g.alt_a.iter().map(String::as_str));
    let nb = std::iter::once(g.b_text.as_str()).chain(g.alt_b.iter().map(String::as_str));
    (na.collect(), nb.collect())
}

fn holds(text: &str, span: Span, needles: &[&str]) -> bool {
    needles.iter().any(|n| text[span.0..span.1].contains(n))
}

#[derive(Default, Debug)]
struct Score {
    gold: usize,
    found: usize,
    gold_high: usize,
    found_high: usize,
    predicted: usize,
    correct: usize,
}

fn evaluate() -> BTreeMap<(String, String), Score> {
    let gold: Gold =
        serde_json::from_str(include_str!("gold/pairs.json")).expect("gold/pairs.json parses");
    let reports = corpus::reports();
    let ids: Vec<&str> = reports.iter().map(|r| r.meta.id.as_str()).collect();
    let texts: Vec<&str> = reports.iter().map(|r| r.text).collect();
    let col = Collection::new(&texts);
    let mut by_pair: BTreeMap<(String, String), Vec<&GoldPair>> = BTreeMap::new();
    for g in &gold.pairs {
        by_pair
            .entry((g.a.clone(), g.b.clone()))
            .or_default()
            .push(g);
    }
    let mut out = BTreeMap::new();
    // GOLD_VERBOSE=1 lists misses and extras.
    let verbose = std::env::var_os("GOLD_VERBOSE").is_some();
    for ((a, b), golds) in by_pair {
        let ia = ids.iter().position(|&i| i == a).expect("report id");
        let ib = ids.iter().position(|&i| i == b).expect("report id");
        let (ta, tb) = (texts[ia], texts[ib]);
        for g in &golds {
            assert_eq!(
                ta.matches(&g.a_text).count(),
                1,
                "gold a_text not unique in {a}: {:?}",
                g.a_text
            );
            assert_eq!(
                tb.matches(&g.b_text).count(),
                1,
                "gold b_text not unique in {b}: {:?}",
                g.b_text
            );
        }
        let cmp = col.compare(ia, ib, &Options::default()).unwrap();
        let pairs = aligned(&cmp);
        let mut s = Score::default();
        for g in &golds {
            let (na, nb) = needles(g);
            let hit = pairs
                .iter()
                .any(|&(x, y)| holds(ta, x, &na) && holds(tb, y, &nb));
            if !hit && verbose {
                eprintln!("  missed {a}–{b}: {:?} ~ {:?}", g.a_text, g.b_text);
            }
            s.gold += 1;
            s.found += usize::from(hit);
            if g.confidence == "high" {
                s.gold_high += 1;
                s.found_high += usize::from(hit);
            }
        }
        for &(x, y) in &pairs {
            s.predicted += 1;
            let right = golds.iter().any(|g| {
                let (na, nb) = needles(g);
                holds(ta, x, &na) && holds(tb, y, &nb)
            });
            s.correct += usize::from(right);
            if !right && verbose {
                let clip =
                    |t: &str, sp: Span| t[sp.0..sp.1].trim().chars().take(70).collect::<String>();
                eprintln!("  extra  {a}–{b}: {:?} ~ {:?}", clip(ta, x), clip(tb, y));
            }
        }
        out.insert((a, b), s);
    }
    out
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 {
        1.0
    } else {
        n as f64 / d as f64
    }
}

#[test]
fn alignment_meets_the_gold_standard() {
    let scores = evaluate();
    let mut total = Score::default();
    eprintln!("pair       recall(all)  recall(high)  precision");
    for ((a, b), s) in &scores {
        eprintln!(
            "{a}–{b}    {:>2}/{:<2} {:>4.0}%   {:>2}/{:<2} {:>4.0}%   {:>2}/{:<2} {:>4.0}%",
            s.found,
            s.gold,
            100.0 * ratio(s.found, s.gold),
            s.found_high,
            s.gold_high,
            100.0 * ratio(s.found_high, s.gold_high),
            s.correct,
            s.predicted,
            100.0 * ratio(s.correct, s.predicted)
        );
        total.gold += s.gold;
        total.found += s.found;
        total.gold_high += s.gold_high;
        total.found_high += s.found_high;
        total.predicted += s.predicted;
        total.correct += s.correct;
    }
    let (recall, recall_high, precision) = (
        ratio(total.found, total.gold),
        ratio(total.found_high, total.gold_high),
        ratio(total.correct, total.predicted),
    );
    eprintln!(
        "all        {}/{} {:.0}%   {}/{} {:.0}%   {}/{} {:.0}%",
        total.found,
        total.gold,
        100.0 * recall,
        total.found_high,
        total.gold_high,
        100.0 * recall_high,
        total.correct,
        total.predicted,
        100.0 * precision
    );
    // Floors a little under today's figures: a change that loses quality fails.
    assert!(precision >= PRECISION_FLOOR, "precision {precision:.2}");
    assert!(
        recall_high >= RECALL_HIGH_FLOOR,
        "recall on high-confidence pairs {recall_high:.2}"
    );
}

/// Measured 2026-11-24: precision 0.62 (31/50), recall 0.83 (20/24) on
/// high-confidence pairs, 0.65 (28/43) on all. Many "extra" pairs are a
/// restatement of the gold counterpart (003's summary and Q&A, 002's takeaways).
const PRECISION_FLOOR: f64 = 0.55;
const RECALL_HIGH_FLOOR: f64 = 0.75;
