//! The one-column view: each pair's wording shown once with its changes
//! interleaved (removed words struck through, added ones underlined), what
//! only one report says in between, labelled with its report.
//!
//! Text hooks: every run carries the report it belongs to (`data-pane` with
//! `data-text`); a run both reports share is nested in a run of each, so the
//! text of `[data-pane="a"]` hooks is still report A once, in order.

use yew::prelude::*;

use super::split::{cell_body, cell_classes, jump_link, pinned, row_classes, CompareProps};
use super::unified_chunk::UnifiedChunk;
use super::window::use_window;
use crate::view::{Cell, Echo, Piece, Side, Slot, SplitRow};

/// Interleaved runs. `b_live`: B's runs are B's own text here (a pair), not
/// B's wording shown beside a moved passage of A.
fn merged_runs(ps: &[Piece], b_live: bool) -> Html {
    ps.iter()
        .map(|p| {
            let t = AttrValue::from(p.text().to_string());
            match (p, b_live) {
                (Piece::Same(_), true) => html! {
                    <span data-pane="b" data-text=""><span data-pane="a" data-text="">{ t }</span></span>
                },
                (Piece::Same(_), false) => html! { <span data-pane="a" data-text="">{ t }</span> },
                (Piece::Removed(_), _) => html! { <del data-pane="a" data-text="">{ t }</del> },
                (Piece::Added(_), true) => html! { <ins data-pane="b" data-text="">{ t }</ins> },
                (Piece::Added(_), false) => html! { <ins data-decor="">{ t }</ins> },
            }
        })
        .collect()
}

/// A pair (or a moved passage with B's wording) shown once, merged.
fn merged(a: &Cell, runs: &[Piece], echo: Option<&Echo>, on_reveal: &Callback<String>) -> Html {
    html! {
        <div id={a.id.clone()} class={classes!(cell_classes(a), "merged")}>
            <span class="visually-hidden" data-decor="">{ a.sr_label.clone() }</span>
            if let Some(b) = &a.badge {
                <span class="badge" data-decor="" aria-hidden="true">{ b.clone() }</span>
            }
            <span class="text">{ merged_runs(runs, echo.is_none()) }</span>
            if let Some(e) = echo {
                <span class="echo-note" data-decor="">
                    { format!(" ({}) ", e.note) }
                    { jump_link(&e.jump.href, &e.jump.label, None, on_reveal) }
                </span>
            }
            if !a.also.is_empty() {
                <span class="also" data-decor="">
                    <span class="also-label">{ a.also_label.clone() }</span>
                    { for a.also.iter().map(|x| jump_link(&x.href, &x.label, Some(&x.hint), on_reveal)) }
                </span>
            }
            if let Some(n) = &a.numbers {
                <p class="numbers" data-decor="">{ n.clone() }</p>
            }
        </div>
    }
}

/// One side's passage on a line of its own, tagged with its report.
fn stacked(slot: &Slot, side: Side, on_reveal: &Callback<String>) -> Html {
    match slot {
        Slot::Cell(c) => html! {
            <div id={c.id.clone()} class={cell_classes(c)} data-pane={side.as_str()}>
                <span class="side-tag" data-decor="" aria-hidden="true">{ side.letter() }</span>
                { cell_body(c, on_reveal) }
            </div>
        },
        Slot::Echo(e) => html! {
            <div id={e.id.clone()} class="cell echo" data-decor="">
                <span class="side-tag" aria-hidden="true">{ side.letter() }</span>
                <span class="echo-note">{ e.note.clone() }{ ": " }</span>
                <span class="text">{ super::split::pieces(&e.pieces) }</span>
                { jump_link(&e.jump.href, &e.jump.label, None, on_reveal) }
            </div>
        },
        Slot::Gap { .. } => Html::default(),
    }
}

pub(super) fn row(r: &SplitRow, current: Option<usize>, on_reveal: &Callback<String>) -> Html {
    let body = match (&r.a, &r.b, &r.merged) {
        (Slot::Cell(a), Slot::Cell(b), Some(runs)) if !a.compact && !b.compact => {
            merged(a, runs, None, on_reveal)
        }
        (Slot::Cell(a), Slot::Echo(e), Some(runs)) => merged(a, runs, Some(e), on_reveal),
        _ => {
            html! { <>{ stacked(&r.a, Side::A, on_reveal) }{ stacked(&r.b, Side::B, on_reveal) }</> }
        }
    };
    html! {
        <div id={r.id.clone()} class={classes!(row_classes(r, current), "urow")} tabindex="-1"
            data-change={r.change.map(|c| c.to_string())}>
            { body }
        </div>
    }
}

/// The one-column comparison. A long one keeps only the chunks near the
/// screen in the page (see [`super::window`]); each chunk is one element,
/// so a paragraph's margin stays inside the height a stand-in takes over.
#[function_component]
pub fn UnifiedView(props: &CompareProps) -> Html {
    let m = &props.model;
    let list = use_node_ref();
    let window = use_window(m, &list, &pinned(props));
    let current_chunk = props
        .current
        .and_then(|i| m.changes.get(i))
        .and_then(|c| m.chunk_of(&c.row_id));
    let blocks = (0..m.chunks.len()).map(|k| {
        if window.shows(k) {
            html! {
                <UnifiedChunk key={format!("c{k}")} model={m.clone()} index={k}
                    current={props.current.filter(|_| current_chunk == Some(k))}
                    open_folds={props.open_folds.clone()} on_fold={props.on_fold.clone()}
                    on_reveal={props.on_reveal.clone()} />
            }
        } else {
            html! {
                <div key={format!("s{k}")} class="uchunk spacer" data-chunk={k.to_string()}
                    data-spacer="" data-fill="" aria-hidden="true"></div>
            }
        }
    });
    html! {
        <section class="compare unified-view" aria-label="Comparison in one column">
            <p class="unified-key">
                { format!("A · {} and B · {} in one column: ", props.label_a, props.label_b) }
                <del>{ "only in A" }</del>{ ", " }<ins>{ "only in B" }</ins>
                { "; a passage only one report has is tagged A or B." }
            </p>
            if m.hidden > 0 {
                <p class="hidden-note">{ format!("{} boilerplate passages left out.", m.hidden) }</p>
            }
            <div class="urows" ref={list}>{ for blocks }</div>
        </section>
    }
}
