//! How the engine's cost grows with the size of the texts: synthetic pairs
//! (`report_diff::synth`, general news-like English from a fixed seed) of
//! 10 KB, 100 KB and 1 MB per text, with 5 %, 50 % and 100 % of B's sentences
//! rewritten.
//!
//! `cargo bench --bench scaling` runs criterion on the 10 KB and 100 KB pairs
//! (segmentation, collection build, alignment of the pair), then times the
//! 1 MB pairs once each (criterion's ten samples of a multi-second run would
//! take many minutes), and prints a table of the growth: for each step in
//! size, the time ratio and the exponent `k` in `time ∝ size^k` (1: linear,
//! 2: quadratic). `SCALING_MAX_BYTES=100000` leaves out the 1 MB pairs.
//!
//! The synthetic pairs align on shared words alone (the bundled sentence
//! vectors do not know their sentences, and no word table is loaded), as
//! pasted texts do in the app until the word table arrives.

use criterion::{BenchmarkId, Criterion};
use report_diff::engine::{Collection, Document, Options};
use report_diff::synth;
use std::hint::black_box;
use std::time::{Duration, Instant};

const SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];
const REWRITTEN: [u32; 3] = [5, 50, 100];
const SEED: u64 = 2026;

/// One comparison, timed by phase.
struct Phases {
    segment: Duration,
    build: Duration,
    align: Duration,
    rows: usize,
}

/// Segments both texts, builds the collection (which segments again, as the
/// app does) and aligns the pair; each phase timed once.
fn phases(a: &str, b: &str) -> Phases {
    let t = Instant::now();
    black_box((Document::new(a), Document::new(b)));
    let segment = t.elapsed();
    let t = Instant::now();
    let col = Collection::new(&[a, b]);
    let build = t.elapsed();
    let t = Instant::now();
    let rows = col
        .compare(0, 1, &Options::default())
        .map_or(0, |c| c.rows.len());
    let align = t.elapsed();
    Phases {
        segment,
        build,
        align,
        rows,
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let max: usize = std::env::var("SCALING_MAX_BYTES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let sizes: Vec<usize> = SIZES.into_iter().filter(|&s| s <= max).collect();
    let pairs: Vec<(usize, u32, String, String)> = sizes
        .iter()
        .flat_map(|&s| REWRITTEN.map(|p| (s, p)))
        .map(|(s, p)| {
            let (a, b) = synth::pair(s, p, SEED);
            (s, p, a, b)
        })
        .collect();

    // Criterion on the sizes where ten samples take seconds, not minutes.
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();
    for phase in ["segment", "build", "align"] {
        let mut group = c.benchmark_group(format!("scaling_{phase}"));
        for (s, p, a, b) in pairs.iter().filter(|x| x.0 <= 100_000) {
            let id = BenchmarkId::new(format!("{}KB", s / 1000), format!("{p}%"));
            match phase {
                "segment" => group.bench_with_input(id, &(a, b), |bn, (a, b)| {
                    bn.iter(|| (Document::new(a), Document::new(b)))
                }),
                "build" => group.bench_with_input(id, &(a, b), |bn, (a, b)| {
                    bn.iter(|| Collection::new(&[a.as_str(), b.as_str()]))
                }),
                _ => {
                    let col = Collection::new(&[a.as_str(), b.as_str()]);
                    group.bench_with_input(id, &col, |bn, col| {
                        bn.iter(|| col.compare(0, 1, &Options::default()))
                    })
                }
            };
        }
        group.finish();
    }

    // The growth table: the fastest of three runs (one at 1 MB) per pair.
    println!(
        "\nscaling: fastest of 3 runs (1 run at 1 MB), ms; k: time ∝ size^k from the previous size"
    );
    println!(
        "{:>8} {:>9} {:>10} {:>10} {:>10} {:>10} {:>7} {:>6}",
        "size", "rewritten", "segment", "build", "align", "total", "k", "rows"
    );
    let mut previous: Vec<(u32, f64)> = Vec::new();
    for (s, p, a, b) in &pairs {
        let runs = if *s >= 1_000_000 { 1 } else { 3 };
        let best = (0..runs)
            .map(|_| phases(a, b))
            .min_by_key(|x| x.build + x.align)
            .expect("at least one run");
        let total = ms(best.build + best.align);
        let k = previous
            .iter()
            .find(|(q, _)| q == p)
            .map(|(_, t)| format!("{:.2}", (total / t).ln() / 10f64.ln()))
            .unwrap_or_else(|| "-".into());
        previous.retain(|(q, _)| q != p);
        previous.push((*p, total));
        println!(
            "{:>6}KB {:>8}% {:>10.1} {:>10.1} {:>10.1} {:>10.1} {:>7} {:>6}",
            s / 1000,
            p,
            ms(best.segment),
            ms(best.build),
            ms(best.align),
            total,
            k,
            best.rows
        );
    }
    println!("(total = build + align: what the app pays; build includes segmentation)");
    c.final_summary();
}
