//! Quotes compared: renders a [`QuotesModel`].

use std::rc::Rc;

use yew::prelude::*;

use super::split::pieces;
use crate::view::QuotesModel;

/// Properties of [`QuotesPanel`].
#[derive(Properties, PartialEq)]
pub struct QuotesProps {
    /// What to show.
    pub model: Rc<QuotesModel>,
}

/// A collapsible list of the two reports' quotes, matched by wording; open
/// when a remark is quoted by both.
#[function_component]
pub fn QuotesPanel(props: &QuotesProps) -> Html {
    let m = &props.model;
    if m.is_empty() {
        return Html::default();
    }
    html! {
        <details class="quotes" open={!m.pairs.is_empty()}>
            <summary>{ m.summary() }</summary>
            <ul class="quote-list">
                { for m.pairs.iter().map(|q| html! {
                    <li class="quote-pair">
                        <blockquote class="qa"><span class="who" aria-hidden="true">{ "A" }</span>{ "“" }{ pieces(&q.a) }{ "”" }</blockquote>
                        <blockquote class="qb"><span class="who" aria-hidden="true">{ "B" }</span>{ "“" }{ pieces(&q.b) }{ "”" }</blockquote>
                        <p class="score">{ q.score.clone() }</p>
                    </li>
                }) }
            </ul>
            if !m.singles.is_empty() {
                <details class="quote-singles">
                    <summary>{ m.singles_summary() }</summary>
                    <ul class="quote-list">
                        { for m.singles.iter().map(|q| html! {
                            <li class="quote-single"><span class="badge">{ q.label }</span>{ "“" }{ AttrValue::from(q.text.clone()) }{ "”" }</li>
                        }) }
                    </ul>
                </details>
            }
        </details>
    }
}
