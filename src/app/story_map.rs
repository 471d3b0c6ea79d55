//! The story map: the facts of the story as rows, the reports as columns, a
//! mark where a report tells a fact (and how often). What every report tells
//! comes first; what one report alone tells is folded until asked for.

use std::rc::Rc;

use yew::prelude::*;

use super::overview::open_link;
use crate::view::{FactRow, Link, OverviewModel, Scope};

/// Properties of [`StoryMap`].
#[derive(Properties, PartialEq)]
pub struct StoryMapProps {
    /// The overview.
    pub model: Rc<OverviewModel>,
    /// Opens a report's passage.
    pub on_open: Callback<Link>,
}

fn row(f: &FactRow, on_open: &Callback<Link>) -> Html {
    html! {
        <tr class={classes!("fact", f.scope.as_str())}>
            <th scope="row" class="fact-label">{ AttrValue::from(f.label.clone()) }</th>
            { for f.cells.iter().map(|c| match (&c.link, c.count) {
                (_, 0) => html! {
                    <td class="mark none"><span aria-hidden="true">{ "·" }</span><span class="visually-hidden">{ c.label.clone() }</span></td>
                },
                (Some(link), n) => html! {
                    <td class="mark has">{ open_link(link, on_open, format!("{}: open the passage", c.label), html! {
                        <>{ "●" }if n > 1 { <span class="times">{ format!("×{n}") }</span> }</>
                    }) }</td>
                },
                (None, n) => html! {
                    <td class="mark has" title={c.label.clone()}>{ "●" }if n > 1 { <span class="times">{ format!("×{n}") }</span> }</td>
                },
            }) }
        </tr>
    }
}

/// The story map, with per-report tallies.
#[function_component]
pub fn StoryMap(props: &StoryMapProps) -> Html {
    let m = &props.model;
    let open_singles = use_state(|| false);
    // Folded only below other rows: when every row is one report's (the
    // filter shows what one report adds), there is nothing else to see.
    let fold = !*open_singles && m.facts.iter().any(|f| f.scope != Scope::One);
    let width = m.columns.len() + 1;
    let section = |scope: Scope, folded: bool| {
        let rows: Vec<&FactRow> = m.facts.iter().filter(|f| f.scope == scope).collect();
        if rows.is_empty() {
            return Html::default();
        }
        let toggle = {
            let open_singles = open_singles.clone();
            Callback::from(move |_: MouseEvent| open_singles.set(!*open_singles))
        };
        html! {
            <tbody class={classes!("facts", scope.as_str())}>
                <tr class="group">
                    <th scope="rowgroup" colspan={width.to_string()}>
                        { format!("{} ({})", scope.heading(), rows.len()) }
                        if scope == Scope::One && m.facts.iter().any(|f| f.scope != Scope::One) {
                            <button type="button" class="fold" aria-expanded={(!folded).to_string()}
                                aria-controls="ov-story-table" onclick={toggle}>
                                { if folded { "show them" } else { "fold them" } }
                            </button>
                        }
                    </th>
                </tr>
                if !folded {
                    { for rows.iter().map(|f| row(f, &props.on_open)) }
                }
            </tbody>
        }
    };
    html! {
        <section id="ov-story" class="ov-section" aria-labelledby="ov-story-h">
            <h2 id="ov-story-h">{ "Story map: who tells which fact" }</h2>
            <p class="ov-explain">
                { "A row is a fact: sentences the alignment links across reports (the sentence shown stands for them). ● marks a report that tells it, ×2 how often; select a mark to read the passage." }
            </p>
            if m.facts.is_empty() {
                <p class="ov-explain">{ "No fact to show for this selection." }</p>
            } else {
                <div class="table-scroll">
                    <table class="story" id="ov-story-table">
                        <caption class="visually-hidden">{ "Story map: facts by report" }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ "Fact" }</th>
                                { for m.columns.iter().map(|c| html! { <th scope="col" class="rep">{ c.id.to_string() }</th> }) }
                            </tr>
                        </thead>
                        { section(Scope::All, false) }
                        { section(Scope::Some, false) }
                        { section(Scope::One, fold) }
                    </table>
                </div>
            }
            <table class="tallies">
                <caption>{ "Facts per report" }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Report" }</th>
                        <th scope="col">{ "shared with all" }</th>
                        <th scope="col">{ "with some" }</th>
                        <th scope="col">{ "alone" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for m.tallies.iter().map(|t| html! {
                        <tr>
                            <th scope="row">{ t.id.to_string() }</th>
                            <td>{ t.with_all }</td>
                            <td>{ t.with_some }</td>
                            <td>{ t.alone }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}
