//! The translation check: a bilingual report's two language blocks, paragraph
//! by paragraph, with the anchors (numbers, Latin names) that only one side has.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::bilingual::Bilingual;
use crate::engine::segment::Lang;
use crate::engine::Span;

/// Properties of [`TranslationView`].
#[derive(Properties, PartialEq)]
pub struct TranslationProps {
    /// The report's id.
    pub id: AttrValue,
    /// The report's text.
    pub text: AttrValue,
    /// Its two language blocks, aligned.
    pub bilingual: Rc<Bilingual>,
}

fn lang_name(l: Lang) -> &'static str {
    match l {
        Lang::En => "English",
        Lang::Zh => "Chinese",
        Lang::Other => "Other",
    }
}

/// Side-by-side paragraphs of a report and its translation.
#[function_component]
pub fn TranslationView(props: &TranslationProps) -> Html {
    let b = &props.bilingual;
    let text: &str = &props.text;
    let cell = |span: Option<Span>, row: usize, first: bool, missing: &[String]| -> Html {
        let style = format!("--r:{}", row + 1);
        match span {
            Some(s) => {
                let body = text.get(s.0..s.1).unwrap_or("").to_string();
                html! {
                    <div class="cell translation-cell" {style}>
                        <span class="text" data-text="">{ body }</span>
                        if first && !missing.is_empty() {
                            <p class="anchors" data-decor="">
                                { format!("Check: {} appear(s) on one side only", missing.join(", ")) }
                            </p>
                        }
                    </div>
                }
            }
            None => html! {
                <div class={classes!("cell", "gap")} {style} data-decor="">
                    <span class="visually-hidden">{ "no counterpart" }</span>
                </div>
            },
        }
    };
    let pane = |first: bool| {
        let lang = if first { b.first_lang } else { b.second_lang };
        html! {
            <div class="pane" data-pane={if first { "first" } else { "second" }} role="region"
                aria-label={format!("{} of report {}", lang_name(lang), props.id)}>
                { for b.pairs.iter().enumerate().map(|(i, p)| {
                    cell(if first { p.first } else { p.second }, i, first, &p.missing_anchors)
                }) }
            </div>
        }
    };
    let unmatched = b
        .pairs
        .iter()
        .filter(|p| p.first.is_none() || p.second.is_none())
        .count();
    html! {
        <section class="split translation-view" aria-label="Translation check">
            <p class="summary">
                <strong>{ format!("Report {}: {} text and its {} version", props.id, lang_name(b.first_lang), lang_name(b.second_lang)) }</strong>
                { format!(" · {} paragraph pairs · {} without counterpart", b.pairs.len() - unmatched, unmatched) }
            </p>
            <div class="grid">
                { pane(true) }
                { pane(false) }
            </div>
        </section>
    }
}
