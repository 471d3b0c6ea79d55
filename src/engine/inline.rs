//! Word-level differences inside an aligned pair, built with `similar`.
//!
//! Both sides are split into [units](super::token::units): words, numbers, single
//! CJK characters (Chinese has no spaces, so it is compared per character),
//! punctuation and whitespace. Units are compared through a key that applies the
//! reader's noise [`Options`]; ignored units (punctuation, whitespace) never make
//! a difference but stay in the output, so each side can be rebuilt exactly.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::ops::Range;

use std::time::Duration;

use similar::{capture_diff_slices_deadline, Algorithm, DiffOp};
// In browsers similar's clock is web-time's (its `wasm32_web_time` feature is
// on for wasm32): std's clock panics there.
#[cfg(target_arch = "wasm32")]
use similar::Instant;
#[cfg(not(target_arch = "wasm32"))]
use std::time::Instant;

/// Unit-count product above which a word diff gets a deadline.
const LARGE_PAIR: usize = 4_000_000;

use super::token::{fold_typography, units, Unit, UnitClass};
use super::{Options, Span};

/// What an [`InlineOp`] does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tag {
    /// Present on both sides (equal under the active options).
    Equal,
    /// Only in A.
    Delete,
    /// Only in B.
    Insert,
}

/// One run of a word-level diff, with its byte ranges in both inputs.
///
/// Invariant: the `a` ranges of `Equal` and `Delete` ops tile side A in order,
/// the `b` ranges of `Equal` and `Insert` ops tile side B.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InlineOp {
    /// Equal, delete or insert.
    pub tag: Tag,
    /// The text: A's for `Equal` and `Delete`, B's for `Insert`.
    pub text: String,
    /// B's text of an `Equal` op, when it differs from A's (only under the
    /// noise options: case, punctuation, whitespace).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub b_text: Option<String>,
    /// Range in A (empty for inserts).
    pub a: Span,
    /// Range in B (empty for deletes).
    pub b: Span,
}

impl InlineOp {
    /// The op's text on side B: B's text of `Equal` and `Insert` ops, empty for
    /// `Delete`.
    pub fn b_side(&self) -> &str {
        match self.tag {
            Tag::Delete => "",
            Tag::Insert => &self.text,
            Tag::Equal => self.b_text.as_deref().unwrap_or(&self.text),
        }
    }
}

/// The comparison key of a unit under `opts`, or `None` when the unit is
/// ignored. Borrowed from the text unless an option rewrites it.
fn key<'t>(text: &'t str, u: &Unit, opts: &Options) -> Option<Cow<'t, str>> {
    let s = &text[u.span.0..u.span.1];
    match u.class {
        UnitClass::Space if opts.ignore_whitespace => None,
        UnitClass::Space => Some(Cow::Borrowed(if s.contains('\n') { "\n" } else { " " })),
        UnitClass::Punct if opts.ignore_punctuation => None,
        _ if !opts.ignore_case && !opts.ignore_punctuation => Some(Cow::Borrowed(s)),
        _ => {
            let mut k = String::with_capacity(s.len());
            for c in s.chars() {
                let c = if opts.ignore_punctuation {
                    fold_typography(c)
                } else {
                    c
                };
                if opts.ignore_case {
                    k.extend(c.to_lowercase());
                } else {
                    k.push(c);
                }
            }
            Some(Cow::Owned(k))
        }
    }
}

struct Side<'t> {
    units: Vec<Unit>,
    keys: Vec<Cow<'t, str>>,
    /// For each key, the index of its unit.
    unit_of: Vec<usize>,
}

impl<'t> Side<'t> {
    fn new(text: &'t str, units: Vec<Unit>, opts: &Options) -> Self {
        let mut keys = Vec::with_capacity(units.len());
        let mut unit_of = Vec::with_capacity(units.len());
        for (i, u) in units.iter().enumerate() {
            if let Some(k) = key(text, u, opts) {
                keys.push(k);
                unit_of.push(i);
            }
        }
        Side {
            units,
            keys,
            unit_of,
        }
    }

    /// The byte range of units `from..to` (empty at the right place if none).
    fn range(&self, from: usize, to: usize, fallback: usize) -> Span {
        if from >= to {
            let at = self.units.get(from).map_or(fallback, |u| u.span.0);
            Span(at, at)
        } else {
            Span(self.units[from].span.0, self.units[to - 1].span.1)
        }
    }

    /// Where the units owned by key `k` end: up to the next key's unit, so that
    /// ignored units ride along with the key before them.
    fn unit_end(&self, k: usize) -> usize {
        self.unit_of.get(k + 1).copied().unwrap_or(self.units.len())
    }
}

fn push(ops: &mut Vec<InlineOp>, tag: Tag, a: Span, b: Span) {
    if a.is_empty() && b.is_empty() {
        return;
    }
    if let Some(last) = ops.last_mut() {
        if last.tag == tag && last.a.1 == a.0 && last.b.1 == b.0 {
            last.a.1 = a.1;
            last.b.1 = b.1;
            return;
        }
    }
    ops.push(InlineOp {
        tag,
        a,
        b,
        text: String::new(),
        b_text: None,
    });
}

/// Fills in each op's text once its ranges are final.
fn fill_texts(ops: &mut [InlineOp], a: &str, b: &str) {
    for op in ops {
        let ta = a.get(op.a.0..op.a.1).unwrap_or("");
        let tb = b.get(op.b.0..op.b.1).unwrap_or("");
        op.text = if op.tag == Tag::Insert { tb } else { ta }.to_string();
        op.b_text = (op.tag == Tag::Equal && ta != tb).then(|| tb.to_string());
    }
}

/// Word-level diff of `a[sa]` against `b[sb]` under `opts`.
///
/// ```
/// use report_diff::engine::{inline::{diff, Tag}, Options, Span};
/// let (a, b) = ("Trump delayed the order.", "Trump postponed the order.");
/// let ops = diff(a, Span(0, a.len()), b, Span(0, b.len()), &Options::default());
/// let changed: Vec<_> = ops.iter().filter(|o| o.tag != Tag::Equal).map(|o| o.text.as_str()).collect();
/// assert_eq!(changed, ["delayed", "postponed"]);
/// ```
pub fn diff(a: &str, sa: Span, b: &str, sb: Span, opts: &Options) -> Vec<InlineOp> {
    let ua = units(&a[sa.0..sa.1], sa.0);
    let ub = units(&b[sb.0..sb.1], sb.0);
    diff_units(a, sa, ua, b, sb, ub, opts)
}

/// [`diff`] of spans already split into units (`units(&a[sa.0..sa.1], sa.0)`
/// and likewise for B), for a caller that also reads the units.
pub(crate) fn diff_units(
    a: &str,
    sa: Span,
    ua: Vec<Unit>,
    b: &str,
    sb: Span,
    ub: Vec<Unit>,
    opts: &Options,
) -> Vec<InlineOp> {
    let la = Side::new(a, ua, opts);
    let lb = Side::new(b, ub, opts);
    // Myers costs O((N+M)·D): two long, unrelated passages (thousands of words
    // with no sentence end) could take seconds. Past a size, a deadline makes
    // similar settle for a coarser, still valid diff.
    let (ia, ib) = intern(&la.keys, &lb.keys);
    let raw = if ia.len().saturating_mul(ib.len()) > LARGE_PAIR {
        let deadline = Instant::now() + Duration::from_millis(200);
        capture_diff_slices_deadline(Algorithm::Myers, &ia, &ib, Some(deadline))
    } else {
        super::myers::diff(&ia, &ib)
    };
    let raw = cleanup(&raw, &la);

    let mut ops = Vec::new();
    // Ignored units before the first key on either side count as equal.
    let a0 = la.unit_of.first().copied().unwrap_or(la.units.len());
    let b0 = lb.unit_of.first().copied().unwrap_or(lb.units.len());
    push(
        &mut ops,
        Tag::Equal,
        la.range(0, a0, sa.0),
        lb.range(0, b0, sb.0),
    );
    for (tag, old, new) in raw {
        let ra = if old.is_empty() {
            Span(sa.1, sa.1)
        } else {
            la.range(la.unit_of[old.start], la.unit_end(old.end - 1), sa.1)
        };
        let rb = if new.is_empty() {
            Span(sb.1, sb.1)
        } else {
            lb.range(lb.unit_of[new.start], lb.unit_end(new.end - 1), sb.1)
        };
        match tag {
            Tag::Equal => push(&mut ops, Tag::Equal, ra, rb),
            Tag::Delete => push(&mut ops, Tag::Delete, ra, Span(rb.0, rb.0)),
            Tag::Insert => push(&mut ops, Tag::Insert, Span(ra.0, ra.0), rb),
        }
    }
    fix_empty_positions(&mut ops, sa, sb);
    fill_texts(&mut ops, a, b);
    ops
}

/// The keys of both sides as small integers, equal exactly when the keys are:
/// the diff then compares integers instead of strings, with the same result.
fn intern<'k>(a: &'k [Cow<str>], b: &'k [Cow<str>]) -> (Vec<u32>, Vec<u32>) {
    let mut ids: FxHashMap<&'k str, u32> = FxHashMap::default();
    ids.reserve(a.len() + b.len());
    let mut id = |k: &'k Cow<str>| {
        let next = ids.len() as u32;
        *ids.entry(k.as_ref()).or_insert(next)
    };
    let ia = a.iter().map(&mut id).collect();
    let ib = b.iter().map(&mut id).collect();
    (ia, ib)
}

/// Gives empty ranges the position where they sit in their side, so every op's
/// ranges stay monotone (an insert's empty `a` range sits where A continues).
fn fix_empty_positions(ops: &mut [InlineOp], sa: Span, sb: Span) {
    let (mut pa, mut pb) = (sa.0, sb.0);
    for op in ops.iter_mut() {
        if op.a.is_empty() {
            op.a = Span(pa, pa);
        }
        if op.b.is_empty() {
            op.b = Span(pb, pb);
        }
        pa = op.a.1;
        pb = op.b.1;
    }
}

type Run = (Tag, Range<usize>, Range<usize>);

/// Turns similar's ops into key ranges and folds tiny equal islands (a lone
/// "the", a comma, a space) between two changes into the change, so a rewritten
/// clause reads as one deletion and one insertion instead of confetti.
fn cleanup(raw: &[DiffOp], la: &Side) -> Vec<Run> {
    let runs: Vec<Run> = raw
        .iter()
        .map(|op| {
            let (tag, old, new) = op.as_tag_tuple();
            let tag = match tag {
                similar::DiffTag::Equal => Tag::Equal,
                similar::DiffTag::Delete => Tag::Delete,
                similar::DiffTag::Insert => Tag::Insert,
                similar::DiffTag::Replace => Tag::Delete, // split below by range
            };
            (tag, old, new)
        })
        .collect();
    // Judged on keys, which equal runs share on both sides: symmetric.
    let trivial = |old: &Range<usize>| {
        let mut words = 0;
        for k in &la.keys[old.clone()] {
            let n = k.chars().filter(|c| c.is_alphanumeric()).count();
            if n > 3 && !k.chars().any(super::token::is_cjk) {
                return false;
            }
            words += usize::from(n > 0);
        }
        words <= 1
    };
    let mut out: Vec<Run> = Vec::new();
    let mut block: Option<(Range<usize>, Range<usize>)> = None;
    let flush = |out: &mut Vec<Run>, block: &mut Option<(Range<usize>, Range<usize>)>| {
        if let Some((o, n)) = block.take() {
            if !o.is_empty() {
                out.push((Tag::Delete, o.clone(), n.start..n.start));
            }
            if !n.is_empty() {
                out.push((Tag::Insert, o.end..o.end, n));
            }
        }
    };
    for (i, (tag, old, new)) in runs.iter().enumerate() {
        let fold = *tag == Tag::Equal
            && block.is_some()
            && runs.get(i + 1).is_some_and(|r| r.0 != Tag::Equal)
            && trivial(old);
        if *tag == Tag::Equal && !fold {
            flush(&mut out, &mut block);
            out.push((Tag::Equal, old.clone(), new.clone()));
        } else {
            block = Some(match block.take() {
                None => (old.clone(), new.clone()),
                Some((o, n)) => (o.start..old.end, n.start..new.end),
            });
        }
    }
    flush(&mut out, &mut block);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rebuild(ops: &[InlineOp], a: &str, b: &str) -> (String, String) {
        let ra = ops
            .iter()
            .filter(|o| o.tag != Tag::Insert)
            .map(|o| &a[o.a.0..o.a.1])
            .collect();
        let rb = ops
            .iter()
            .filter(|o| o.tag != Tag::Delete)
            .map(|o| &b[o.b.0..o.b.1])
            .collect();
        (ra, rb)
    }

    fn check(a: &str, b: &str, opts: &Options) -> Vec<InlineOp> {
        let ops = diff(a, Span(0, a.len()), b, Span(0, b.len()), opts);
        assert_eq!(rebuild(&ops, a, b), (a.to_string(), b.to_string()));
        ops
    }

    #[test]
    fn lossless_both_sides() {
        check("The cat sat.", "A dog sat down!", &Options::default());
        check("", "new", &Options::default());
        check("old", "", &Options::default());
        check(
            "特朗普推迟了行政令",
            "特朗普签署了行政令",
            &Options::default(),
        );
    }

    #[test]
    fn noise_options_hide_variants() {
        let a = "Trump said “no,”  twice";
        let b = "trump said \"no\" twice";
        let strict = check(a, b, &Options::default());
        assert!(strict.iter().any(|o| o.tag != Tag::Equal));
        let lax = Options {
            ignore_case: true,
            ignore_punctuation: true,
            ignore_whitespace: true,
        };
        let ops = check(a, b, &lax);
        assert!(ops.iter().all(|o| o.tag == Tag::Equal), "{ops:?}");
    }

    #[test]
    fn chinese_differs_per_character() {
        let ops = check(
            "特朗普推迟了行政令",
            "特朗普签署了行政令",
            &Options::default(),
        );
        let del: Vec<_> = ops
            .iter()
            .filter(|o| o.tag == Tag::Delete)
            .map(|o| o.text.as_str())
            .collect();
        assert_eq!(del, ["推迟"]);
    }

    #[test]
    fn tiny_equal_islands_fold_into_changes() {
        let a = "regulators seek to reduce the risk of misuse";
        let b = "officials want to limit the danger of abuse";
        let ops = check(a, b, &Options::default());
        // No lone "the"/"of" islands between changes.
        let equal_words: Vec<_> = ops
            .iter()
            .filter(|o| o.tag == Tag::Equal)
            .map(|o| o.text.trim())
            .filter(|t| !t.is_empty())
            .collect();
        assert!(!equal_words.contains(&"the"), "{equal_words:?}");
    }
}
