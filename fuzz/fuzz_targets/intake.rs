//! What comes from outside: any bytes as a dropped file, any text as a JSON
//! corpus; an accepted corpus is compared like the app would.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use report_diff::engine::Collection;
use report_diff::intake::{decode_file, parse_corpus};

fuzz_target!(|data: &[u8]| {
    if let Ok(d) = decode_file("fuzz.txt", data) {
        assert!(!d.text.trim().is_empty());
    }
    let text = String::from_utf8_lossy(data);
    if let Ok(corpus) = parse_corpus(&text) {
        assert!(corpus.reports.len() >= 2);
        let texts: Vec<&str> = corpus.reports.iter().map(|r| r.text.as_str()).collect();
        let c = Collection::new(&texts);
        let cmp = c.compare(0, 1, &common::options(0)).expect("two reports");
        common::check(&cmp, texts[0], texts[1]);
    }
});
