//! Quotes across all reports: each remark with who said it, which reports
//! quote it, and every wording, its differences from the reference wording
//! underlined.

use std::rc::Rc;

use yew::prelude::*;

use super::overview::open_link;
use super::split::pieces;
use crate::view::{Link, OverviewModel};

/// Properties of [`QuoteGroups`].
#[derive(Properties, PartialEq)]
pub struct QuoteGroupsProps {
    /// The overview.
    pub model: Rc<OverviewModel>,
    /// Opens a quote's passage.
    pub on_open: Callback<Link>,
}

/// The quote groups.
#[function_component]
pub fn QuoteGroups(props: &QuoteGroupsProps) -> Html {
    let m = &props.model;
    html! {
        <section id="ov-quotes" class="ov-section" aria-labelledby="ov-quotes-h">
            <h2 id="ov-quotes-h">{ "Quotes: who is quoted, in which words" }</h2>
            <p class="ov-explain">
                { "One remark in all its wordings. The first wording is the reference; in the others, " }
                <ins>{ "underlined" }</ins>
                { " words are those the reference does not have." }
            </p>
            if m.quotes.is_empty() {
                <p class="ov-explain">{ "No quotation in the reports shown." }</p>
            }
            <ol class="quote-groups">
                { for m.quotes.iter().filter(|q| !q.single()).map(|q| html! {
                    <li class={classes!("quote-group", (q.reports.len() > 1).then_some("shared"))}>
                        <h3>{ AttrValue::from(q.speaker.clone()) }</h3>
                        <p class="caption">{ q.caption.clone() }</p>
                        <ul class="wordings">
                            { for q.wordings.iter().map(|w| html! {
                                <li class={classes!("wording", w.reference.then_some("reference"))}>
                                    <span class="who">{ w.id.to_string() }</span>
                                    if w.reference {
                                        <span class="badge">{ "reference" }</span>
                                    }
                                    <blockquote>{ "“" }{ pieces(&w.pieces) }{ "”" }</blockquote>
                                    if let Some(link) = &w.link {
                                        { open_link(link, &props.on_open, format!("read in context ({})", w.id), html! { { "read in context" } }) }
                                    }
                                </li>
                            }) }
                        </ul>
                    </li>
                }) }
            </ol>
            if m.quotes.iter().any(|q| q.single()) {
                <div class="table-scroll">
                    <table class="single-quotes">
                        <caption>{ "Quoted by one report, in one wording" }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ "Who" }</th>
                                <th scope="col">{ "Quote" }</th>
                                <th scope="col">{ "Report" }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { for m.quotes.iter().filter(|q| q.single()).map(|q| {
                                let w = &q.wordings[0];
                                html! {
                                    <tr>
                                        <th scope="row">{ AttrValue::from(q.speaker.clone()) }</th>
                                        <td><q>{ pieces(&w.pieces) }</q></td>
                                        <td class="rep">
                                            if let Some(link) = &w.link {
                                                { open_link(link, &props.on_open, format!("Read it in {}", w.id), html! { { w.id.to_string() } }) }
                                            } else {
                                                { w.id.to_string() }
                                            }
                                        </td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </section>
    }
}
