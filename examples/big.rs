//! Times the engine's phases on a synthetic pair of large texts (native), to
//! see where the time of a 1 MB comparison goes.
//!
//! ```text
//! cargo run --release --example big -- [SIZE_BYTES] [REWRITE_PERCENT] [--uniform] [--words]
//! ```
//!
//! The texts mirror the browser test's (`e2e/large.test.mjs`): sentences of
//! 8–23 made-up words, six a paragraph, drawn by Zipf's law from 30 000 words
//! as in real prose, or with `--uniform` evenly from 1 500 (no word tells
//! sentences apart: the aligner's worst case); B changes one word in the
//! given share of A's sentences and swaps one paragraph in fifty with the one
//! 25 further on. `--words` adds the word table. It prints the time of each
//! phase: the documents, the coarse comparison (the app's fallback), the
//! collection (documents, term statistics, echo candidates), the comparison,
//! its encoding for the page, and what the page does with it (decoding, the
//! split view model).

use std::time::Instant;

use report_diff::engine::semantic::WordTable;
use report_diff::engine::{coarse, Collection, Document, Options, Semantics};

const WORDS: &[u8] = include_bytes!("../data/words.bin");

/// A deterministic pseudo-random sequence in [0, 1).
struct Lcg(u32);
impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_mul(1664525).wrapping_add(1013904223);
        f64::from(self.0) / 4_294_967_296.0
    }
}

/// Two texts of about `size` bytes (see the module documentation).
fn pair(size: usize, natural: bool, share: f64, seed: u32) -> (String, String) {
    let mut r = Lcg(seed);
    let syllables = [
        "ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "ve", "da", "gu", "sha", "in", "or", "el",
        "am",
    ];
    let n = if natural { 30_000 } else { 5_000 };
    let vocab: Vec<String> = (0..n)
        .map(|i| {
            let mut w = String::new();
            let mut k = i + 1;
            while k > 0 {
                w.push_str(syllables[k % 16]);
                k /= 16;
            }
            w
        })
        .collect();
    let mut cum = Vec::with_capacity(n);
    let mut total = 0.0;
    for k in 0..n {
        total += if natural { 1.0 / (k + 1) as f64 } else { 1.0 };
        cum.push(total);
    }
    let word = |r: &mut Lcg| {
        let x = r.next() * total;
        vocab[cum.partition_point(|&c| c < x).min(n - 1)].clone()
    };
    let (mut a, mut b) = (Vec::new(), Vec::new());
    let mut bytes = 0;
    while bytes < size {
        let (mut pa, mut pb) = (Vec::new(), Vec::new());
        for _ in 0..6 {
            let len = 8 + (r.next() * 16.0) as usize;
            let mut ws: Vec<String> = (0..len).map(|_| word(&mut r)).collect();
            let mut c = ws[0].chars();
            ws[0] = c
                .next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default();
            let s = format!("{}.", ws.join(" "));
            let t = if r.next() < share {
                ws[1] = word(&mut r);
                format!("{}.", ws.join(" "))
            } else {
                s.clone()
            };
            pa.push(s);
            pb.push(t);
        }
        let para = pa.join(" ");
        bytes += para.len() + 2;
        a.push(para);
        b.push(pb.join(" "));
    }
    let mut i = 0;
    while i + 25 < b.len() {
        b.swap(i, i + 25);
        i += 50;
    }
    (a.join("\n\n"), b.join("\n\n"))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let size: usize = args
        .first()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let rewrite: f64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(5.0);
    let uniform = args.iter().any(|a| a == "--uniform");
    let words = args.iter().any(|a| a == "--words");
    let (a, b) = pair(size, !uniform, rewrite / 100.0, 7);
    println!(
        "A {} bytes, B {} bytes, {rewrite}% rewritten, {}",
        a.len(),
        b.len(),
        if uniform {
            "uniform words"
        } else {
            "Zipf words"
        }
    );
    let t = Instant::now();
    let (da, db) = (Document::new(&a), Document::new(&b));
    println!(
        "documents (segmentation, boilerplate, quotes): {:?}, {} + {} segments",
        t.elapsed(),
        da.segments().len(),
        db.segments().len()
    );
    let t = Instant::now();
    let cmp = coarse::compare(&da, &db, &Options::default());
    println!(
        "coarse comparison: {:?}, {} rows",
        t.elapsed(),
        cmp.rows.len()
    );
    let table = WordTable::from_bytes(WORDS).expect("the word table");
    let t = Instant::now();
    let c = if words {
        let semantics = Semantics {
            sentences: None,
            words: Some(&table),
        };
        Collection::with_semantics(&[&a, &b], semantics)
    } else {
        Collection::lexical(&[&a, &b])
    };
    println!("collection: {:?} (source {:?})", t.elapsed(), c.source());
    let t = Instant::now();
    let cmp = c.compare(0, 1, &Options::default()).expect("two documents");
    println!(
        "compare: {:?}, {} rows, {} links",
        t.elapsed(),
        cmp.rows.len(),
        cmp.links.len()
    );
    let t = Instant::now();
    let bytes = report_diff::offload::encode(&cmp);
    println!(
        "encoded for the page: {:?}, {} bytes",
        t.elapsed(),
        bytes.len()
    );
    // What the page does with the worker's answer.
    let t = Instant::now();
    let back = report_diff::offload::decode(&bytes).expect("its own encoding");
    println!("decoded in the page: {:?}", t.elapsed());
    let t = Instant::now();
    let model = report_diff::view::split_model(&back, &a, &b, Default::default());
    println!(
        "split view model: {:?}, {} rows",
        t.elapsed(),
        model.rows().count()
    );
}
