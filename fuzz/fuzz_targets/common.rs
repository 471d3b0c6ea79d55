//! Invariants shared by the fuzz targets: a panic or a failed assertion is a
//! crash that libFuzzer keeps.

use report_diff::engine::inline::Tag;
use report_diff::engine::{Comparison, Options};
use report_diff::view::{split_model, BoilerplateDisplay, Side};

/// The noise options from one byte's low bits.
pub fn options(bits: u8) -> Options {
    Options {
        ignore_case: bits & 1 != 0,
        ignore_punctuation: bits & 2 != 0,
        ignore_whitespace: bits & 4 != 0,
    }
}

/// Rows rebuild both inputs, inline ops rebuild their passages, every range
/// is on a character boundary, and each pane of the view model shows its text.
pub fn check(cmp: &Comparison, a: &str, b: &str) {
    let side = |t: &str, pick: fn(&report_diff::engine::Row) -> Option<report_diff::engine::Span>| {
        cmp.rows
            .iter()
            .filter_map(pick)
            .map(|s| t.get(s.0..s.1).expect("range on a char boundary"))
            .collect::<String>()
    };
    assert_eq!(side(a, |r| r.a), a);
    assert_eq!(side(b, |r| r.b), b);
    assert!((0.0..=1.0).contains(&cmp.similarity), "{}", cmp.similarity);
    for r in &cmp.rows {
        let Some(ops) = &r.inline else { continue };
        for o in ops {
            if o.tag != Tag::Insert {
                a.get(o.a.0..o.a.1).expect("inline range in A");
            }
            if o.tag != Tag::Delete {
                b.get(o.b.0..o.b.1).expect("inline range in B");
            }
        }
        if let Some(p) = r.partner {
            assert!(p < cmp.rows.len());
        }
    }
    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let m = split_model(cmp, a, b, BoilerplateDisplay::Dim);
    assert_eq!(squash(&m.pane_text(Side::A)), squash(a));
    assert_eq!(squash(&m.pane_text(Side::B)), squash(b));
}
