//! Native benchmark of the engine on the bundled reports.
//!
//! `cargo bench --bench engine` prints the time of segmenting the five reports,
//! of building the collection (segmentation, boilerplate, term statistics,
//! sentence vectors), of the alignment of all 10 pairs (collection built once,
//! as the app does) and of the whole overview of the five reports (story map,
//! coverage, quotes, figures, names, summary). `benches/scaling.rs` measures
//! how the cost grows with larger texts.

use criterion::{criterion_group, criterion_main, Criterion};
use report_diff::{corpus, engine};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let texts: Vec<&str> = corpus::reports().iter().map(|r| r.text).collect();
    let opts = engine::Options::default();
    c.bench_function("segment_5_reports", |b| {
        b.iter(|| {
            black_box(&texts)
                .iter()
                .map(|t| engine::Document::new(t).segments().len())
                .sum::<usize>()
        })
    });
    c.bench_function("collection_build_5_reports", |b| {
        b.iter(|| engine::Collection::new(black_box(&texts)))
    });
    let col = engine::Collection::new(&texts);
    c.bench_function("compare_all_10_pairs", |b| {
        b.iter(|| {
            for i in 0..texts.len() {
                for j in i + 1..texts.len() {
                    black_box(col.compare(i, j, &opts));
                }
            }
        })
    });
    c.bench_function("build_and_compare_all_10_pairs", |b| {
        b.iter(|| {
            let col = engine::Collection::new(black_box(&texts));
            for i in 0..texts.len() {
                for j in i + 1..texts.len() {
                    black_box(col.compare(i, j, &opts));
                }
            }
        })
    });
    c.bench_function("compare_003_004", |b| b.iter(|| col.compare(3, 4, &opts)));
    let names: Vec<String> = corpus::reports()
        .iter()
        .map(|r| r.meta.id.clone())
        .collect();
    c.bench_function("overview_5_reports", |b| {
        b.iter(|| engine::overview::build(black_box(&col), &names, &opts))
    });
    c.bench_function("build_collection_and_overview_5_reports", |b| {
        b.iter(|| {
            let col = engine::Collection::new(black_box(&texts));
            engine::overview::build(&col, &names, &opts)
        })
    });
}

criterion_group! {
    name = benches;
    // Short runs: the whole file takes well under a minute on two loaded cores.
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(std::time::Duration::from_millis(500))
        .measurement_time(std::time::Duration::from_secs(2));
    targets = bench
}
criterion_main!(benches);
