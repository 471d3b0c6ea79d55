//! Figures by report: one row per thing measured; a row where the reports
//! give different values is marked as a divergence.

use std::rc::Rc;

use yew::prelude::*;

use super::overview::open_link;
use crate::view::{Link, OverviewModel};

/// Properties of [`FiguresTable`].
#[derive(Properties, PartialEq)]
pub struct FiguresProps {
    /// The overview.
    pub model: Rc<OverviewModel>,
    /// Opens a figure's passage.
    pub on_open: Callback<Link>,
}

/// The figures table.
#[function_component]
pub fn FiguresTable(props: &FiguresProps) -> Html {
    let m = &props.model;
    html! {
        <section id="ov-figures" class="ov-section" aria-labelledby="ov-figures-h">
            <h2 id="ov-figures-h">{ "Numbers: who gives which figure" }</h2>
            <p class="ov-explain">
                { "Percentages, durations, dates, weekdays and counts, grouped by what they measure (the same unit in alike sentences). Rows marked “differs” give different values." }
            </p>
            if m.figures.is_empty() {
                <p class="ov-explain">{ "No figure in the reports shown." }</p>
            } else {
                <div class="table-scroll">
                    <table class="figures">
                        <caption class="visually-hidden">{ "Figures by report" }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ "What" }</th>
                                { for m.columns.iter().map(|c| html! { <th scope="col" class="rep">{ c.id.to_string() }</th> }) }
                            </tr>
                        </thead>
                        <tbody>
                            { for m.figures.iter().map(|f| html! {
                                <tr class={classes!("figure", f.divergent.then_some("divergent"))}>
                                    <th scope="row">
                                        if f.divergent {
                                            <span class="badge differs">{ "differs" }</span>
                                        }
                                        <span class="kind">{ f.kind }</span>
                                        <span class="what">{ AttrValue::from(f.what.clone()) }</span>
                                    </th>
                                    { for f.cells.iter().zip(&m.columns).map(|(c, col)| match c {
                                        None => html! { <td class="none"><span aria-hidden="true">{ "·" }</span><span class="visually-hidden">{ format!("not in {}", col.id) }</span></td> },
                                        Some(c) => html! {
                                            <td class="value" title={AttrValue::from(c.sentence.clone())}>
                                                if let Some(link) = &c.link {
                                                    { open_link(link, &props.on_open, format!("{} gives {}: open the passage", col.id, c.values), html! { { c.values.clone() } }) }
                                                } else {
                                                    { c.values.clone() }
                                                }
                                            </td>
                                        },
                                    }) }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </section>
    }
}
