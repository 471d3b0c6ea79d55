//! People and organisations by report: how often each report names them.

use std::rc::Rc;

use yew::prelude::*;

use crate::view::OverviewModel;

/// Properties of [`NamesTable`].
#[derive(Properties, PartialEq)]
pub struct NamesProps {
    /// The overview.
    pub model: Rc<OverviewModel>,
}

/// The names table.
#[function_component]
pub fn NamesTable(props: &NamesProps) -> Html {
    let m = &props.model;
    html! {
        <section id="ov-names" class="ov-section" aria-labelledby="ov-names-h">
            <h2 id="ov-names-h">{ "Names: who mentions whom" }</h2>
            <p class="ov-explain">{ "People and organisations each report names (forms of one name counted together), named by the most reports first." }</p>
            if m.names.is_empty() {
                <p class="ov-explain">{ "No name in the reports shown." }</p>
            } else {
                <div class="table-scroll">
                    <table class="names">
                        <caption class="visually-hidden">{ "Names by report: mentions" }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ "Name" }</th>
                                { for m.columns.iter().map(|c| html! { <th scope="col" class="rep">{ c.id.to_string() }</th> }) }
                            </tr>
                        </thead>
                        <tbody>
                            { for m.names.iter().map(|n| html! {
                                <tr>
                                    <th scope="row">
                                        { AttrValue::from(n.name.clone()) }
                                        if let Some(f) = &n.forms {
                                            <span class="forms">{ format!(" (also {f})") }</span>
                                        }
                                    </th>
                                    { for n.cells.iter().zip(&m.columns).map(|(&c, col)| if c == 0 {
                                        html! { <td class="none"><span aria-hidden="true">{ "·" }</span><span class="visually-hidden">{ format!("not in {}", col.id) }</span></td> }
                                    } else {
                                        html! { <td class="count">{ c }</td> }
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
