//! The quotes panel's model: one remark quoted by both reports in their own
//! wordings, side by side with its word changes, then the quotes only one
//! report has.

use std::rc::Rc;

use super::{side_pieces, slice, Piece, Side};
use crate::engine::quotes::QuoteMatch;
use crate::engine::score::percent;
use crate::engine::sort;
use crate::engine::Comparison;

/// A remark both reports quote.
#[derive(Clone, Debug, PartialEq)]
pub struct QuotePair {
    /// A's wording, as same / removed runs.
    pub a: Vec<Piece>,
    /// B's wording, as same / added runs.
    pub b: Vec<Piece>,
    /// "64% of the words in common".
    pub score: String,
}

/// A quote only one report has.
#[derive(Clone, Debug, PartialEq)]
pub struct QuoteSingle {
    /// The report that has it.
    pub side: Side,
    /// "only in A".
    pub label: &'static str,
    /// The quote, without its quotation marks.
    pub text: Rc<str>,
}

/// Everything the quotes panel shows.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct QuotesModel {
    /// Remarks both reports quote, in A's order.
    pub pairs: Vec<QuotePair>,
    /// Quotes only one report has: A's, then B's.
    pub singles: Vec<QuoteSingle>,
}

impl QuotesModel {
    /// True when neither report quotes anyone (the panel is left out).
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty() && self.singles.is_empty()
    }

    /// How many quotes only `side` has.
    pub fn only(&self, side: Side) -> usize {
        self.singles.iter().filter(|q| q.side == side).count()
    }

    /// The panel's one-line summary.
    pub fn summary(&self) -> String {
        format!(
            "Quotes: {} quoted by both, in their own wording · {} only in A · {} only in B",
            self.pairs.len(),
            self.only(Side::A),
            self.only(Side::B)
        )
    }

    /// The heading of the list of one-sided quotes.
    pub fn singles_summary(&self) -> String {
        match self.singles.len() {
            1 => "1 quote only one report has".to_string(),
            n => format!("{n} quotes only one report has"),
        }
    }
}

fn wording(q: &QuoteMatch, side: Side, text: &str) -> Vec<Piece> {
    match &q.inline {
        Some(ops) => side_pieces(ops, side),
        None => side
            .pick(q.a, q.b)
            .map(|s| vec![Piece::Same(slice(text, s).into())])
            .unwrap_or_default(),
    }
}

/// Builds the quotes panel of `cmp` (the comparison of `text_a` with `text_b`).
///
/// ```
/// use report_diff::engine::{compare, Options};
/// use report_diff::view::{quotes_model, Piece};
/// let a = "Trump said: “We lead China, and I don't want anything getting in the way of us leading.”";
/// let b = "“I don’t want to do anything that impedes that lead,” he said.";
/// let m = quotes_model(&compare(a, b, &Options::default()), a, b);
/// assert_eq!(m.pairs.len(), 1);
/// assert!(m.pairs[0].b.iter().any(|p| matches!(p, Piece::Added(t) if t.contains("impedes"))));
/// ```
pub fn quotes_model(cmp: &Comparison, text_a: &str, text_b: &str) -> QuotesModel {
    let mut m = QuotesModel::default();
    for q in &cmp.quotes {
        match (q.a, q.b) {
            (Some(_), Some(_)) => m.pairs.push(QuotePair {
                a: wording(q, Side::A, text_a),
                b: wording(q, Side::B, text_b),
                score: format!("{} of the words in common", percent(q.score)),
            }),
            (Some(s), None) | (None, Some(s)) => {
                let side = if q.a.is_some() { Side::A } else { Side::B };
                m.singles.push(QuoteSingle {
                    side,
                    label: side.pick("only in A", "only in B"),
                    text: slice(side.pick(text_a, text_b), s).into(),
                });
            }
            (None, None) => {}
        }
    }
    // The engine lists A's singles before B's; keep that whatever it does.
    sort::sort_by_key(&mut m.singles, |q| q.side == Side::B);
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Collection, Options};

    fn text(pieces: &[Piece]) -> String {
        pieces.iter().map(Piece::text).collect()
    }

    #[test]
    fn a_remark_in_two_wordings_pairs_with_its_changes() {
        let texts: Vec<&str> = crate::corpus::reports().iter().map(|r| r.text).collect();
        let c = Collection::new(&texts);
        let cmp = c.compare(2, 4, &Options::default()).unwrap();
        let m = quotes_model(&cmp, texts[2], texts[4]);
        let pair = m
            .pairs
            .iter()
            .find(|p| text(&p.b).contains("impedes that lead"))
            .expect("the matched Trump quote");
        assert!(text(&pair.a).contains("get in the way of that leading"));
        assert!(pair.b.iter().any(|p| matches!(p, Piece::Added(_))));
        assert!(pair.a.iter().all(|p| !matches!(p, Piece::Added(_))));
        assert!(pair.score.ends_with("% of the words in common"));
        assert!(m
            .summary()
            .starts_with(&format!("Quotes: {} quoted by both", m.pairs.len())));
    }

    #[test]
    fn every_quote_appears_once_with_its_exact_wording() {
        let texts: Vec<&str> = crate::corpus::reports().iter().map(|r| r.text).collect();
        let c = Collection::new(&texts);
        for a in 0..texts.len() {
            for b in 0..texts.len() {
                let cmp = c.compare(a, b, &Options::default()).unwrap();
                let m = quotes_model(&cmp, texts[a], texts[b]);
                assert_eq!(m.pairs.len() + m.singles.len(), cmp.quotes.len());
                let mut want_a: Vec<&str> = Vec::new();
                let mut want_b: Vec<&str> = Vec::new();
                for q in cmp.quotes.iter().filter(|q| q.a.is_some() && q.b.is_some()) {
                    want_a.push(slice(texts[a], q.a.unwrap()));
                    want_b.push(slice(texts[b], q.b.unwrap()));
                }
                let got_a: Vec<String> = m.pairs.iter().map(|p| text(&p.a)).collect();
                let got_b: Vec<String> = m.pairs.iter().map(|p| text(&p.b)).collect();
                assert_eq!(got_a, want_a, "{a} vs {b}");
                assert_eq!(got_b, want_b, "{a} vs {b}");
                for s in &m.singles {
                    let from = s.side.pick(texts[a], texts[b]);
                    assert!(from.contains(&*s.text), "{a} vs {b}: {}", s.text);
                }
                assert!(m
                    .singles
                    .windows(2)
                    .all(|w| !(w[0].side == Side::B && w[1].side == Side::A)));
            }
        }
    }

    #[test]
    fn no_quotes_no_panel() {
        let (a, b) = ("Trump delayed the order.", "Trump paused the order.");
        let m = quotes_model(&crate::engine::compare(a, b, &Options::default()), a, b);
        assert!(m.is_empty());
        assert_eq!(m.singles_summary(), "0 quotes only one report has");
    }
}
