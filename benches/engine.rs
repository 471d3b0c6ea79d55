//! Native benchmark of the engine on the bundled reports.
//!
//! `cargo bench --bench engine` prints, among others, the time of the whole
//! comparison of all 10 pairs of bundled reports (collection built once, as the
//! app does) and of building the collection itself.

use criterion::{criterion_group, criterion_main, Criterion};
use report_diff::{corpus, engine};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let texts: Vec<&str> = corpus::reports().iter().map(|r| r.text).collect();
    let opts = engine::Options::default();
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
}

criterion_group!(benches, bench);
criterion_main!(benches);
