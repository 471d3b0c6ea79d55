//! The aligned side-by-side view: renders a [`SplitModel`].
//!
//! One CSS grid; each pane is a `display: contents` element holding its report's
//! cells in reading order, placed on the grid row of their alignment row. So
//! each pane's DOM reads as its report, in order, while pairs line up.

use std::rc::Rc;

use yew::prelude::*;

use crate::view::{Piece, Slot, SplitModel};

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

/// A run of text: plain, or `<del>` on side A / `<ins>` on side B.
pub(super) fn piece(p: &Piece, side_a: bool) -> Html {
    match (p, side_a) {
        (Piece::Same(t), _) => html! { { AttrValue::from(t.clone()) } },
        (Piece::Changed(t), true) => html! { <del>{ AttrValue::from(t.clone()) }</del> },
        (Piece::Changed(t), false) => html! { <ins>{ AttrValue::from(t.clone()) }</ins> },
    }
}

fn slot(s: &Slot, grid_row: usize, side_a: bool, label: &str) -> Html {
    let style = format!("--r:{grid_row}");
    match s {
        Slot::Gap { id, note } => html! {
            <div id={id.clone()} class={classes!("cell", "gap")} {style} data-decor="">
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
                <div id={c.id.clone()} {class} {style}>
                    <span class="visually-hidden" data-decor="">{ c.sr_label }</span>
                    if let Some(b) = &c.badge {
                        <span class="badge" data-decor="" aria-hidden="true">{ b.clone() }</span>
                    }
                    <span class="text" data-text="">{ for c.pieces.iter().map(|p| piece(p, side_a)) }</span>
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
    let pane = |side_a: bool| {
        let label = if side_a {
            &props.label_a
        } else {
            &props.label_b
        };
        html! {
            <div class="pane" data-pane={if side_a { "a" } else { "b" }} role="region"
                aria-label={format!("Report {label}")}>
                { for m.rows.iter().map(|r| slot(if side_a { &r.a } else { &r.b }, r.grid_row, side_a, label)) }
            </div>
        }
    };
    html! {
        <section class="split" aria-label="Aligned comparison">
            if m.hidden > 0 {
                <p class="hidden-note">{ format!("{} boilerplate passages hidden.", m.hidden) }</p>
            }
            <div class="grid">
                { pane(true) }
                { pane(false) }
            </div>
        </section>
    }
}
