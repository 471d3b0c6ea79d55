//! People and organisations by report: how often each report names them.

use std::rc::Rc;

use yew::prelude::*;

use crate::view::{NameRow, OverviewModel};

/// Properties of [`NamesTable`].
#[derive(Properties, PartialEq)]
pub struct NamesProps {
    /// The overview.
    pub model: Rc<OverviewModel>,
}

fn row(n: &NameRow, columns: &[crate::view::Column]) -> Html {
    html! {
        <tr>
            <th scope="row">
                { AttrValue::from(n.name.clone()) }
                if let Some(f) = &n.forms {
                    <span class="forms">{ format!(" (also {f})") }</span>
                }
            </th>
            { for n.cells.iter().zip(columns).map(|(&c, col)| if c == 0 {
                html! { <td class="none"><span aria-hidden="true">{ "·" }</span><span class="visually-hidden">{ format!("not in {}", col.id) }</span></td> }
            } else {
                html! { <td class="count">{ c }</td> }
            }) }
        </tr>
    }
}

/// The names table; names one report alone gives are folded below the others.
#[function_component]
pub fn NamesTable(props: &NamesProps) -> Html {
    let m = &props.model;
    let open = use_state(|| false);
    let single =
        |n: &NameRow| m.columns.len() > 1 && n.cells.iter().filter(|&&c| c > 0).count() == 1;
    let shared: Vec<&NameRow> = m.names.iter().filter(|n| !single(n)).collect();
    let alone: Vec<&NameRow> = m.names.iter().filter(|n| single(n)).collect();
    let fold = !*open && !shared.is_empty();
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let width = (m.columns.len() + 1).to_string();
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
                            { for shared.iter().map(|n| row(n, &m.columns)) }
                        </tbody>
                        if !alone.is_empty() {
                            <tbody class="names-alone">
                                if !shared.is_empty() {
                                    <tr class="group">
                                        <th scope="rowgroup" colspan={width}>
                                            { format!("Named by one report only ({})", alone.len()) }
                                            <button type="button" class="fold" aria-expanded={(!fold).to_string()} onclick={toggle}>
                                                { if fold { "show them" } else { "fold them" } }
                                            </button>
                                        </th>
                                    </tr>
                                }
                                if !fold {
                                    { for alone.iter().map(|n| row(n, &m.columns)) }
                                }
                            </tbody>
                        }
                    </table>
                </div>
            }
        </section>
    }
}
