//! Quotes compared: one remark in several wordings, side by side.

use std::rc::Rc;

use yew::prelude::*;

use super::split::piece;
use crate::engine::quotes::QuoteMatch;
use crate::engine::Comparison;
use crate::view::side_pieces;

/// Properties of [`QuotesPanel`].
#[derive(Properties, PartialEq)]
pub struct QuotesProps {
    /// Text of report A.
    pub text_a: AttrValue,
    /// Text of report B.
    pub text_b: AttrValue,
    /// The comparison holding the quote matches.
    pub comparison: Rc<Comparison>,
}

/// A collapsible list of the two reports' quotes, matched by wording.
#[function_component]
pub fn QuotesPanel(props: &QuotesProps) -> Html {
    let quotes = &props.comparison.quotes;
    let both: Vec<_> = quotes
        .iter()
        .filter(|q| q.a.is_some() && q.b.is_some())
        .collect();
    let only_a = quotes.iter().filter(|q| q.b.is_none()).count();
    let only_b = quotes.iter().filter(|q| q.a.is_none()).count();
    if quotes.is_empty() {
        return Html::default();
    }
    let slice = |t: &str, s: Option<crate::engine::Span>| {
        s.and_then(|s| t.get(s.0..s.1)).unwrap_or("").to_string()
    };
    let side = |q: &QuoteMatch, side_a: bool| -> Html {
        match &q.inline {
            Some(ops) => {
                html! { { for side_pieces(ops, side_a).iter().map(|p| piece(p, side_a)) } }
            }
            None => {
                html! { { slice(if side_a { &props.text_a } else { &props.text_b }, if side_a { q.a } else { q.b }) } }
            }
        }
    };
    html! {
        <details class="quotes" open={!both.is_empty()}>
            <summary>
                { format!("Quotes: {} quoted by both, in their own wording · {} only in A · {} only in B", both.len(), only_a, only_b) }
            </summary>
            <ul class="quote-list">
                { for both.iter().map(|q| html! {
                    <li class="quote-pair">
                        <blockquote class="qa"><span class="who" aria-hidden="true">{ "A" }</span>{ "“" }{ side(q, true) }{ "”" }</blockquote>
                        <blockquote class="qb"><span class="who" aria-hidden="true">{ "B" }</span>{ "“" }{ side(q, false) }{ "”" }</blockquote>
                        <p class="score">{ format!("{:.0}% of the words in common", q.score * 100.0) }</p>
                    </li>
                }) }
            </ul>
            if only_a + only_b > 0 {
                <details class="quote-singles">
                    <summary>{ format!("{} quotes only one report has", only_a + only_b) }</summary>
                    <ul class="quote-list">
                { for quotes.iter().filter(|q| q.a.is_none() || q.b.is_none()).map(|q| {
                            let (label, text) = if q.a.is_some() { ("only in A", slice(&props.text_a, q.a)) } else { ("only in B", slice(&props.text_b, q.b)) };
                            html! { <li class="quote-single"><span class="badge">{ label }</span>{ format!("“{text}”") }</li> }
                        }) }
                    </ul>
                </details>
            }
        </details>
    }
}
