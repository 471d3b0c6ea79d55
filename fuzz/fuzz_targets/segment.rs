//! Segmentation of any text: lossless, in order, never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use report_diff::engine::{segment::segment, Document};

fuzz_target!(|text: &str| {
    let mut pos = 0;
    for s in segment(text) {
        assert_eq!(s.range.0, pos);
        assert!(s.range.0 <= s.text.0 && s.text.1 <= s.range.1);
        text.get(s.range.0..s.range.1).expect("char boundary");
        pos = s.range.1;
    }
    assert_eq!(pos, text.len());
    let doc = Document::new(text);
    let _ = doc.bilingual();
});
