//! Speed of the semantic-vector tables: parsing `data/words.bin` (the browser does it once after
//! fetching it) and embedding sentences with it.
//!
//! `cargo bench --bench semantic`

use criterion::{criterion_group, criterion_main, Criterion};
use report_diff::corpus;
use report_diff::engine::semantic::{SentenceTable, WordTable};
use report_diff::engine::Document;

fn bench(c: &mut Criterion) {
    let bytes = include_bytes!("../data/words.bin");
    c.bench_function("WordTable::from_bytes (data/words.bin)", |b| {
        b.iter(|| WordTable::from_bytes(std::hint::black_box(bytes)).unwrap())
    });
    c.bench_function("SentenceTable::from_bytes (data/sentences.bin)", |b| {
        b.iter(|| {
            SentenceTable::from_bytes(std::hint::black_box(include_bytes!(
                "../data/sentences.bin"
            )))
            .unwrap()
        })
    });
    let table = WordTable::from_bytes(bytes).unwrap();
    let texts: Vec<String> = corpus::reports()
        .iter()
        .flat_map(|r| {
            let doc = Document::new(r.text);
            doc.segments()
                .iter()
                .map(|s| doc.text()[s.text.0..s.text.1].to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    c.bench_function(
        &format!("WordTable::embed, all {} bundled segments", texts.len()),
        |b| b.iter(|| texts.iter().filter_map(|t| table.embed(t)).count()),
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
