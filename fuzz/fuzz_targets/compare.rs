//! Comparison of any two texts, under any options, alone and inside a larger
//! collection (shared term statistics): never panics, always lossless.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use report_diff::engine::{compare, Collection};

fuzz_target!(|input: (u8, String, String)| {
    let (bits, a, b) = input;
    let opts = common::options(bits);
    let cmp = compare(&a, &b, &opts);
    common::check(&cmp, &a, &b);
    // The same pair among others, and each text against itself.
    let joined = format!("{a}\n\n{b}");
    let c = Collection::new(&[a.as_str(), b.as_str(), joined.as_str()]);
    let cmp = c.compare(2, 0, &opts).expect("in range");
    common::check(&cmp, &joined, &a);
    let cmp = c.compare(1, 1, &opts).expect("in range");
    common::check(&cmp, &b, &b);
});
