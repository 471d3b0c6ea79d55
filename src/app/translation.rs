//! The translation check: renders a [`TranslationModel`] as a table of
//! paragraph pairs (first language, then its translation).

use std::rc::Rc;

use yew::prelude::*;

use crate::view::{TranslationModel, TranslationRow};

/// Properties of [`TranslationView`].
#[derive(Properties, PartialEq)]
pub struct TranslationProps {
    /// What to show.
    pub model: Rc<TranslationModel>,
}

fn cell(row: &TranslationRow, first: bool) -> Html {
    let pane = if first { "first" } else { "second" };
    let text = if first { &row.first } else { &row.second };
    match text {
        Some(t) => html! {
            <td class="cell translation-cell" data-pane={pane}>
                <span class="text" data-text="">{ AttrValue::from(t.clone()) }</span>
                if let (true, Some(check)) = (first, &row.check) {
                    <p class="anchors" data-decor="">{ check.clone() }</p>
                }
            </td>
        },
        None => html! {
            <td class="cell gap" data-pane={pane} data-decor="">
                <span class="visually-hidden">{ "no counterpart" }</span>
            </td>
        },
    }
}

/// Side-by-side paragraphs of a report and its translation.
#[function_component]
pub fn TranslationView(props: &TranslationProps) -> Html {
    let m = &props.model;
    html! {
        <section class="translation-view" aria-label="Translation check">
            <p class="summary">
                <strong>{ m.title.clone() }</strong>
                { " · " }{ m.counts.clone() }
            </p>
            <table class="pairs">
                <caption class="visually-hidden">{ m.title.clone() }{ ", paragraph by paragraph" }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ m.first_label.clone() }</th>
                        <th scope="col">{ m.second_label.clone() }</th>
                    </tr>
                </thead>
                <tbody>
                    { for m.rows.iter().map(|r| html! { <tr>{ cell(r, true) }{ cell(r, false) }</tr> }) }
                </tbody>
            </table>
        </section>
    }
}
