//! The coverage table: how much of each report's story every other report
//! also tells. Each cell opens the pair.

use std::rc::Rc;

use yew::prelude::*;

use super::overview::open_link;
use crate::view::{CoverageCell, Link, OverviewModel};

/// Properties of [`CoverageTable`].
#[derive(Properties, PartialEq)]
pub struct CoverageProps {
    /// The overview.
    pub model: Rc<OverviewModel>,
    /// Opens a pair.
    pub on_open: Callback<Link>,
}

/// Coverage of every shown report by every other.
#[function_component]
pub fn CoverageTable(props: &CoverageProps) -> Html {
    let m = &props.model;
    if m.coverage.len() < 2 {
        return html! {
            <section id="ov-coverage" class="ov-section" aria-labelledby="ov-coverage-h">
                <h2 id="ov-coverage-h">{ "How much of the story they share" }</h2>
                <p class="ov-explain">{ "Show at least two reports to compare them." }</p>
            </section>
        };
    }
    html! {
        <section id="ov-coverage" class="ov-section" aria-labelledby="ov-coverage-h">
            <h2 id="ov-coverage-h">{ "How much of the story they share" }</h2>
            <p class="ov-explain" id="ov-coverage-explain">
                { "Each cell: the share of the row report’s story sentences that the column report also tells (as the two reports’ side-by-side view pairs them). Select a cell to read the two side by side." }
            </p>
            <div class="table-scroll">
                <table class="coverage" aria-describedby="ov-coverage-explain">
                    <caption class="visually-hidden">{ "Coverage: rows are the reports measured, columns the reports that also tell their facts" }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Story of ↓ · told by →" }</th>
                            { for m.columns.iter().map(|c| html! { <th scope="col">{ c.id.to_string() }</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for m.coverage.iter().map(|row| html! {
                            <tr>
                                <th scope="row">
                                    { row.id.to_string() }
                                    <span class="n">{ format!(" · {} sentences", row.total) }</span>
                                </th>
                                { for row.cells.iter().map(|c| match c {
                                    CoverageCell::Itself => html! {
                                        <td class="self"><span aria-hidden="true">{ "—" }</span><span class="visually-hidden">{ "itself" }</span></td>
                                    },
                                    CoverageCell::Share { text, band, label, link } => html! {
                                        <td class={classes!("cov", format!("band-{band}"))}>
                                            { open_link(link, &props.on_open, label.clone(), html! { { text.clone() } }) }
                                        </td>
                                    },
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
