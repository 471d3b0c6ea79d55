//! Direct quotes: finding them in a report and matching them across reports, so
//! a reader sees one remark quoted in several wordings side by side.

use serde::{Deserialize, Serialize};

use super::score::{quantize, unquantize};
use super::sort;
use super::token::{features, word_count};
use super::Span;

/// Quotation marks that open and close a quote.
const PAIRS: &[(char, char)] = &[
    ('\u{201C}', '\u{201D}'), // “ ”
    ('"', '"'),
    ('\u{2018}', '\u{2019}'), // ‘ ’ (only long quotes: ’ is also an apostrophe)
    ('\u{300C}', '\u{300D}'), // 「 」
    ('\u{300E}', '\u{300F}'), // 『 』
];

/// Shortest quote worth comparing: a remark, not a scare-quoted term.
const MIN_WORDS: usize = 4;
/// Pairs of quotes scoring below this are not the same remark.
pub const MIN_SCORE: f64 = 0.25;

/// Byte ranges of the quotes in `text[range]` (without the marks), in order.
///
/// ```
/// use report_diff::engine::{quotes::find, Span};
/// let t = "He said “I don’t want to get in the way,” and called it “AI czar.”";
/// let q: Vec<&str> = find(t, Span(0, t.len())).iter().map(|s| &t[s.0..s.1]).collect();
/// assert_eq!(q, ["I don’t want to get in the way,"]);
/// ```
pub fn find(text: &str, range: Span) -> Vec<Span> {
    let Some(body) = text.get(range.0..range.1) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < body.len() {
        let Some((pos, open)) = body[i..]
            .char_indices()
            .find(|&(_, c)| PAIRS.iter().any(|p| p.0 == c))
        else {
            break;
        };
        let start = i + pos + open.len_utf8();
        let close = PAIRS.iter().find(|p| p.0 == open).map_or(open, |p| p.1);
        // A closing ’ followed by a letter is an apostrophe ("don’t"): skip it.
        let mut end = None;
        let mut k = start;
        while let Some((off, c)) = body[k..].char_indices().find(|&(_, c)| c == close) {
            let at = k + off;
            let next = body[at + c.len_utf8()..].chars().next();
            if close == '\u{2019}' && next.is_some_and(char::is_alphanumeric) {
                k = at + c.len_utf8();
                continue;
            }
            end = Some(at);
            break;
        }
        match end {
            Some(e) => {
                if word_count(&body[start..e]) >= MIN_WORDS {
                    out.push(Span(range.0 + start, range.0 + e));
                }
                i = e + close.len_utf8();
            }
            None => i = start,
        }
    }
    out
}

/// A quote of A matched with a quote of B, or a quote only one report has.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteMatch {
    /// The quote in A (without marks), if A has it.
    pub a: Option<Span>,
    /// The quote in B, if B has it.
    pub b: Option<Span>,
    /// Word overlap of the two wordings, 0..=1.
    pub score: f64,
    /// Word-level diff of a matched pair (filled in by the comparison).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inline: Option<Vec<super::inline::InlineOp>>,
}

fn dice(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.iter().filter(|t| b.binary_search(t).is_ok()).count();
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

/// Word overlap (Dice) of two quotes' sorted [features], 0..=1: the score
/// that [`match_quotes`] and the overview's quote groups compare with
/// [`MIN_SCORE`].
pub fn similarity(a: &[String], b: &[String]) -> f64 {
    dice(a, b)
}

/// Matches quotes of A with quotes of B, best first, one to one. The result
/// lists matched pairs in A's order, then quotes only in A, then only in B.
///
/// ```
/// use report_diff::engine::{quotes::{find, match_quotes}, Span};
/// let a = "Trump said: “We lead China, and I don't want anything getting in the way of us leading.”";
/// let b = "“I don’t want to do anything that impedes that lead,” he said.";
/// let m = match_quotes(a, &find(a, Span(0, a.len())), b, &find(b, Span(0, b.len())));
/// assert!(m[0].a.is_some() && m[0].b.is_some());
/// ```
pub fn match_quotes(a: &str, qa: &[Span], b: &str, qb: &[Span]) -> Vec<QuoteMatch> {
    let fa: Vec<Vec<String>> = qa.iter().map(|s| features(&a[s.0..s.1])).collect();
    let fb: Vec<Vec<String>> = qb.iter().map(|s| features(&b[s.0..s.1])).collect();
    let mut cand = Vec::new();
    for (i, x) in fa.iter().enumerate() {
        for (j, y) in fb.iter().enumerate() {
            let s = dice(x, y);
            if s >= MIN_SCORE {
                cand.push((quantize(s), i, j));
            }
        }
    }
    sort::sort_by(&mut cand, super::align::best_first);
    let mut used_a = vec![false; qa.len()];
    let mut used_b = vec![false; qb.len()];
    let mut pairs = Vec::new();
    for (q, i, j) in cand {
        if !used_a[i] && !used_b[j] {
            used_a[i] = true;
            used_b[j] = true;
            pairs.push(QuoteMatch {
                a: Some(qa[i]),
                b: Some(qb[j]),
                score: unquantize(q),
                inline: None,
            });
        }
    }
    sort::sort_by_key(&mut pairs, |m| m.a.map(|s| s.0));
    let only = |spans: &[Span], used: &[bool], side_a: bool| {
        spans
            .iter()
            .zip(used)
            .filter(|(_, &u)| !u)
            .map(|(&s, _)| QuoteMatch {
                a: side_a.then_some(s),
                b: (!side_a).then_some(s),
                score: 0.0,
                inline: None,
            })
            .collect::<Vec<_>>()
    };
    pairs.extend(only(qa, &used_a, true));
    pairs.extend(only(qb, &used_b, false));
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn straight_and_chinese_quotes() {
        let t = "Trump said: \"I don't like certain aspects of it.\" 他说“我不希望做任何可能阻碍这一领先优势的事情。”";
        let q: Vec<&str> = find(t, Span(0, t.len()))
            .iter()
            .map(|s| &t[s.0..s.1])
            .collect();
        assert_eq!(
            q,
            [
                "I don't like certain aspects of it.",
                "我不希望做任何可能阻碍这一领先优势的事情。"
            ]
        );
    }

    #[test]
    fn unclosed_quote_is_ignored() {
        let t = "He said “this never closes and goes on and on";
        assert!(find(t, Span(0, t.len())).is_empty());
    }
}
