//! The aligned side-by-side view: renders a [`SplitModel`].
//!
//! One CSS grid; each pane is a `display: contents` element holding its report's
//! cells in reading order, placed on the grid row of their alignment row. So
//! each pane's DOM reads as its report, in order, while pairs line up.

use std::rc::Rc;

use yew::prelude::*;

use super::grid_rows::use_grid_rows;
use crate::view::{Piece, Side, Slot, SplitModel};

/// Properties of [`SplitView`].
#[derive(Properties, PartialEq)]
pub struct SplitProps {
    /// Label of report A ("000").
    pub label_a: AttrValue,
    /// Label of report B.
    pub label_b: AttrValue,
    /// What to show.
    pub model: Rc<SplitModel>,
}

/// Runs of text: plain, `<del>` (only in A) or `<ins>` (only in B).
pub(super) fn pieces(ps: &[Piece]) -> Html {
    ps.iter()
        .map(|p| match p {
            Piece::Same(t) => html! { { AttrValue::from(t.clone()) } },
            Piece::Removed(t) => html! { <del>{ AttrValue::from(t.clone()) }</del> },
            Piece::Added(t) => html! { <ins>{ AttrValue::from(t.clone()) }</ins> },
        })
        .collect()
}

fn slot(s: &Slot, grid_row: usize, label: &str) -> Html {
    let r = grid_row.to_string();
    match s {
        Slot::Gap { id, note } => html! {
            <div id={id.clone()} class={classes!("cell", "gap")} data-r={r} data-decor="">
                <span class="visually-hidden">{ format!("{label}: {note}") }</span>
            </div>
        },
        Slot::Cell(c) => {
            let class = classes!(
                "cell",
                c.kind.class(),
                c.dim.then_some("boilerplate"),
                c.translation.then_some("translation"),
                c.paragraph_start.then_some("para"),
            );
            html! {
                <div id={c.id.clone()} {class} data-r={r}>
                    <span class="visually-hidden" data-decor="">{ c.sr_label }</span>
                    if let Some(b) = &c.badge {
                        <span class="badge" data-decor="" aria-hidden="true">{ b.clone() }</span>
                    }
                    <span class="text" data-text="">{ pieces(&c.pieces) }</span>
                    if let Some((href, text)) = &c.jump {
                        <a class="jump" data-decor="" href={href.clone()}>{ *text }</a>
                    }
                    if let Some(n) = &c.numbers {
                        <p class="numbers" data-decor="">{ n.clone() }</p>
                    }
                </div>
            }
        }
    }
}

/// The aligned side-by-side comparison.
#[function_component]
pub fn SplitView(props: &SplitProps) -> Html {
    let m = &props.model;
    let grid = use_grid_rows();
    let pane = |side: Side| {
        let label = side.pick(&props.label_a, &props.label_b);
        html! {
            <div class="pane" data-pane={side.as_str()} role="region"
                aria-label={format!("Report {label}")}>
                { for m.rows.iter().map(|r| slot(side.pick(&r.a, &r.b), r.grid_row, label)) }
            </div>
        }
    };
    html! {
        <section class="split" aria-label="Aligned comparison">
            if m.hidden > 0 {
                <p class="hidden-note">{ format!("{} boilerplate passages hidden.", m.hidden) }</p>
            }
            <div class="grid" ref={grid}>
                { pane(Side::A) }
                { pane(Side::B) }
            </div>
        </section>
    }
}
