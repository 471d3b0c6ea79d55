//! The side-by-side view: renders a [`SplitModel`] as a table, one row per
//! alignment row, report A's passages in the first column and B's in the
//! second (`data-pane` on each cell: each report's own text, in order).
//! Also the renderers the one-column view shares.

use std::collections::BTreeSet;
use std::rc::Rc;

use yew::prelude::*;

use super::split_chunk::SplitChunk;
use super::window::use_window;
use super::Shared;
use crate::view::{Cell, Fold, FoldKind, Piece, Side, Slot, SplitModel, SplitRow};

/// Runs of text: plain, `<del>` (only in A) or `<ins>` (only in B). Screen
/// readers hear "removed" / "added" from the style sheet's generated text.
pub(super) fn pieces(ps: &[Piece]) -> Html {
    ps.iter()
        .map(|p| match p {
            Piece::Same(t) => html! { { AttrValue::from(t.clone()) } },
            Piece::Removed(t) => html! { <del>{ AttrValue::from(t.clone()) }</del> },
            Piece::Added(t) => html! { <ins>{ AttrValue::from(t.clone()) }</ins> },
        })
        .collect()
}

/// The classes of a passage's cell.
pub(super) fn cell_classes(c: &Cell) -> Classes {
    classes!(
        "cell",
        c.kind.class(),
        c.dim.then_some("boilerplate"),
        c.translation.then_some("translation"),
        c.compact.then_some("compact"),
    )
}

/// A link to another place in the comparison. A plain click goes through
/// the app (`on_reveal`, with the target's id), which opens a fold holding
/// the target before bringing it into view; other clicks (a new tab) are the
/// browser's.
pub(super) fn jump_link(
    href: &str,
    label: &str,
    hint: Option<&str>,
    on_reveal: &Callback<String>,
) -> Html {
    let onclick = {
        let (id, on_reveal) = (href.trim_start_matches('#').to_string(), on_reveal.clone());
        Callback::from(move |e: MouseEvent| {
            if e.button() == 0 && !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key()) {
                e.prevent_default();
                on_reveal.emit(id.clone());
            }
        })
    };
    // The accessible name starts with the visible label (WCAG 2.5.3).
    html! {
        <a class="jump" href={href.to_string()} title={hint.map(str::to_string)}
            aria-label={hint.map(|h| format!("{label}, {h}"))} {onclick}>{ label.to_string() }</a>
    }
}

/// What a passage's cell holds: its relation (for screen readers), badge,
/// text, links and numbers. A compact (moved, compared elsewhere) passage
/// puts its link first, so the one visible line says where to look.
pub(super) fn cell_body(c: &Cell, on_reveal: &Callback<String>) -> Html {
    let jump = c.jump.as_ref().map(|j| {
        html! { <span data-decor="">{ jump_link(&j.href, &j.label, None, on_reveal) }</span> }
    });
    html! {
        <>
            <span class="visually-hidden" data-decor="">{ c.sr_label.clone() }</span>
            if let Some(b) = &c.badge {
                <span class="badge" data-decor="" aria-hidden="true">{ b.clone() }</span>
            }
            if c.compact { { jump.clone().unwrap_or_default() } }
            <span class="text" data-text="">{ pieces(&c.pieces) }</span>
            if !c.compact { { jump.unwrap_or_default() } }
            if !c.also.is_empty() {
                <span class="also" data-decor="">
                    <span class="also-label">{ c.also_label.clone() }</span>
                    { for c.also.iter().map(|a| jump_link(&a.href, &a.label, Some(&a.hint), on_reveal)) }
                </span>
            }
            if let Some(n) = &c.numbers {
                <p class="numbers" data-decor="">{ n.clone() }</p>
            }
        </>
    }
}

fn td(slot: &Slot, side: Side, on_reveal: &Callback<String>) -> Html {
    let pane = side.as_str();
    match slot {
        Slot::Cell(c) => html! {
            <td id={c.id.clone()} class={cell_classes(c)} data-pane={pane}>{ cell_body(c, on_reveal) }</td>
        },
        Slot::Echo(e) => html! {
            <td id={e.id.clone()} class="cell echo" data-pane={pane}>
                <div data-decor="">
                    <span class="echo-note">{ e.note.clone() }{ ": " }</span>
                    <span class="text">{ pieces(&e.pieces) }</span>
                    { jump_link(&e.jump.href, &e.jump.label, None, on_reveal) }
                </div>
            </td>
        },
        Slot::Gap { id, note } => html! {
            <td id={id.clone()} class="cell gap" data-pane={pane} data-decor="">
                <span class="visually-hidden">{ note.clone() }</span>
            </td>
        },
    }
}

/// The classes of a row: its paragraph break and whether it is the change
/// the reader stepped to.
pub(super) fn row_classes(r: &SplitRow, current: Option<usize>) -> Classes {
    classes!(
        "row",
        r.paragraph_start.then_some("para"),
        (r.change.is_some() && r.change == current).then_some("current"),
    )
}

pub(super) fn tr(r: &SplitRow, current: Option<usize>, on_reveal: &Callback<String>) -> Html {
    html! {
        <tr id={r.id.clone()} class={row_classes(r, current)} tabindex="-1"
            data-change={r.change.map(|c| c.to_string())}>
            { td(&r.a, Side::A, on_reveal) }
            { td(&r.b, Side::B, on_reveal) }
        </tr>
    }
}

/// The button that opens or closes a fold.
pub(super) fn fold_toggle(f: &Fold, open: bool, on_fold: &Callback<String>) -> Html {
    let onclick = {
        let (id, on_fold) = (f.id.clone(), on_fold.clone());
        Callback::from(move |_: MouseEvent| on_fold.emit(id.clone()))
    };
    let (label, action) = match (open, f.kind) {
        (false, _) => (&f.folded_label, "show"),
        (true, FoldKind::Chrome) => (&f.open_label, "hide"),
        (true, FoldKind::OneSided) => (&f.open_label, "fold"),
    };
    html! {
        <button type="button" class="fold-toggle" aria-expanded={open.to_string()}
            aria-controls={f.id.clone()} {onclick}>
            <span class="fold-label">{ label.clone() }</span>{ " — " }<span class="fold-action">{ action }</span>
        </button>
    }
}

/// Properties of [`SplitView`] and the one-column view.
#[derive(Properties, PartialEq)]
pub struct CompareProps {
    /// Id of report A ("000").
    pub label_a: AttrValue,
    /// Id of report B.
    pub label_b: AttrValue,
    /// What to show.
    pub model: Shared<SplitModel>,
    /// Ids of the open folds.
    pub open_folds: Rc<BTreeSet<String>>,
    /// The change the reader stepped to.
    pub current: Option<usize>,
    /// Opens or closes the fold with this id.
    pub on_fold: Callback<String>,
    /// Brings the element with this id into view (opening its fold).
    pub on_reveal: Callback<String>,
    /// The passage a link asked for (kept in the page while it is brought
    /// into view).
    pub focus: Option<AttrValue>,
}

/// Ids whose chunks stay in the page: the current change's row and the
/// passage a link asked for.
pub(super) fn pinned(props: &CompareProps) -> Vec<&str> {
    let current = props
        .current
        .and_then(|i| props.model.changes.get(i))
        .map(|c| c.row_id.as_str());
    current.into_iter().chain(props.focus.as_deref()).collect()
}

/// The aligned side-by-side comparison, as a table. A long one keeps only
/// the chunks near the screen in the page (see [`super::window`]).
#[function_component]
pub fn SplitView(props: &CompareProps) -> Html {
    let m = &props.model;
    let table = use_node_ref();
    let window = use_window(m, &table, &pinned(props));
    // Keyed, so that a stand-in (whose height is set outside the virtual
    // DOM) is never reused for rows, nor rows for a stand-in; a chunk in
    // the page re-renders only when its own props change.
    let current_row = props
        .current
        .and_then(|i| m.changes.get(i))
        .map(|c| c.row_id.as_str());
    let current_chunk = current_row.and_then(|id| m.chunk_of(id));
    let bodies = (0..m.chunks.len()).map(|k| {
        if window.shows(k) {
            html! {
                <SplitChunk key={format!("c{k}")} model={m.clone()} index={k}
                    current={props.current.filter(|_| current_chunk == Some(k))}
                    open_folds={props.open_folds.clone()} on_fold={props.on_fold.clone()}
                    on_reveal={props.on_reveal.clone()} />
            }
        } else {
            html! {
                <tbody key={format!("s{k}")} class="spacer" data-chunk={k.to_string()} data-spacer="" aria-hidden="true">
                    <tr><td colspan="2" data-fill=""></td></tr>
                </tbody>
            }
        }
    });
    html! {
        <section class="compare split-view" aria-label="Aligned comparison">
            if m.hidden > 0 {
                <p class="hidden-note">{ format!("{} boilerplate passages left out.", m.hidden) }</p>
            }
            <table class="cmp" ref={table}>
                <caption class="visually-hidden">
                    { format!("Report {} (A) beside report {} (B), passage by passage", props.label_a, props.label_b) }
                </caption>
                <thead>
                    <tr>
                        <th scope="col">{ format!("A · {}", props.label_a) }</th>
                        <th scope="col">{ format!("B · {}", props.label_b) }</th>
                    </tr>
                </thead>
                { for bodies }
            </table>
        </section>
    }
}
