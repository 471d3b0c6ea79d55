//! The translation check: renders a [`TranslationModel`].

use std::rc::Rc;

use yew::prelude::*;

use super::grid_rows::use_grid_rows;
use crate::view::{TranslationModel, TranslationRow};

/// Properties of [`TranslationView`].
#[derive(Properties, PartialEq)]
pub struct TranslationProps {
    /// What to show.
    pub model: Rc<TranslationModel>,
}

fn cell(row: &TranslationRow, index: usize, first: bool) -> Html {
    let r = (index + 1).to_string();
    let text = if first { &row.first } else { &row.second };
    match text {
        Some(t) => html! {
            <div class="cell translation-cell" data-r={r}>
                <span class="text" data-text="">{ AttrValue::from(t.clone()) }</span>
                if let (true, Some(check)) = (first, &row.check) {
                    <p class="anchors" data-decor="">{ check.clone() }</p>
                }
            </div>
        },
        None => html! {
            <div class={classes!("cell", "gap")} data-r={r} data-decor="">
                <span class="visually-hidden">{ "no counterpart" }</span>
            </div>
        },
    }
}

/// Side-by-side paragraphs of a report and its translation.
#[function_component]
pub fn TranslationView(props: &TranslationProps) -> Html {
    let m = &props.model;
    let grid = use_grid_rows();
    let pane = |first: bool| {
        html! {
            <div class="pane" data-pane={if first { "first" } else { "second" }} role="region"
                aria-label={if first { m.first_label.clone() } else { m.second_label.clone() }}>
                { for m.rows.iter().enumerate().map(|(i, r)| cell(r, i, first)) }
            </div>
        }
    };
    html! {
        <section class="split translation-view" aria-label="Translation check">
            <p class="summary">
                <strong>{ m.title.clone() }</strong>
                { " · " }{ m.counts.clone() }
            </p>
            <div class="grid" ref={grid}>
                { pane(true) }
                { pane(false) }
            </div>
        </section>
    }
}
