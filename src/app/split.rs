//! The aligned side-by-side view.
//!
//! One CSS grid; each pane is a `display: contents` element holding its report's
//! cells in reading order, placed on the grid row of their alignment row. So
//! each pane's DOM reads as its report, in order, while pairs line up.

use std::rc::Rc;

use yew::prelude::*;

use super::state::BoilerplateMode;
use crate::engine::inline::Tag;
use crate::engine::{Comparison, Row, RowKind, Span};

/// Properties of [`SplitView`].
#[derive(Properties, PartialEq)]
pub struct SplitProps {
    /// Text of report A.
    pub text_a: AttrValue,
    /// Text of report B.
    pub text_b: AttrValue,
    /// Label of report A ("000").
    pub label_a: AttrValue,
    /// Label of report B.
    pub label_b: AttrValue,
    /// The engine's comparison of A and B.
    pub comparison: Rc<Comparison>,
    /// How boilerplate is shown.
    pub boilerplate: BoilerplateMode,
}

fn trimmed(text: &str, s: Span) -> &str {
    text.get(s.0..s.1).unwrap_or("").trim()
}

fn kind_label(row: &Row) -> &'static str {
    match (row.kind, row.moved) {
        (_, true) => "moved",
        (RowKind::Equal, _) => "same",
        (RowKind::Changed, _) => "changed",
        (RowKind::OnlyA, _) | (RowKind::OnlyB, _) => "only here",
    }
}

/// What a screen reader hears before a passage: the row's kind, which the
/// border style shows to sighted readers.
fn sr_label(row: &Row) -> &'static str {
    match (row.kind, row.moved, row.boilerplate) {
        (_, _, true) => "Site chrome: ",
        (_, true, _) => "Moved: ",
        (RowKind::Equal, _, _) => "Same in both: ",
        (RowKind::Changed, _, _) => "Reworded: ",
        (RowKind::OnlyA | RowKind::OnlyB, _, _) => "Only in this report: ",
    }
}

/// Renders one side of a row: the passage with its word changes.
fn cell_text(row: &Row, side_a: bool, text: &str) -> Html {
    let span = if side_a { row.a } else { row.b };
    let Some(span) = span else {
        return Html::default();
    };
    match &row.inline {
        None => html! { { trimmed(text, span).to_string() } },
        Some(ops) => html! {
            { for ops.iter().filter_map(|op| {
                let (s, changed) = match (op.tag, side_a) {
                    (Tag::Equal, true) => (op.text.as_str(), false),
                    (Tag::Equal, false) => (op.b_side(), false),
                    (Tag::Delete, true) | (Tag::Insert, false) => (op.text.as_str(), true),
                    _ => return None,
                };
                let s = s.to_string();
                Some(match (changed, side_a) {
                    (false, _) => html! { { s } },
                    (true, true) => html! { <del>{ s }</del> },
                    (true, false) => html! { <ins>{ s }</ins> },
                })
            }) }
        },
    }
}

/// The aligned side-by-side comparison.
#[function_component]
pub fn SplitView(props: &SplitProps) -> Html {
    let rows = &props.comparison.rows;
    let hide = props.boilerplate == BoilerplateMode::Hide;
    let visible: Vec<usize> = (0..rows.len())
        .filter(|&i| !(hide && rows[i].boilerplate))
        .collect();
    let hidden = rows.len() - visible.len();
    let pane = |side_a: bool| -> Html {
        let text: &str = if side_a { &props.text_a } else { &props.text_b };
        let label = if side_a {
            &props.label_a
        } else {
            &props.label_b
        };
        let cells = visible.iter().enumerate().map(|(grid_row, &i)| {
            let row = &rows[i];
            let span = if side_a { row.a } else { row.b };
            let style = format!("--r:{}", grid_row + 1);
            let mut class = classes!("cell", kind_label(row).replace(' ', "-"));
            if row.boilerplate && props.boilerplate == BoilerplateMode::Dim {
                class.push("boilerplate");
            }
            if row.translation {
                class.push("translation");
            }
            if row.paragraph_start {
                class.push("para");
            }
            let anchor = format!("r{}-{}", i, if side_a { "a" } else { "b" });
            match span {
                Some(_) => {
                    let badge = match (row.moved, row.boilerplate_kind, row.translation) {
                        (true, _, _) => Some("moved".to_string()),
                        (false, Some(k), _) => Some(format!("{k:?}").to_lowercase()),
                        (false, None, true) => Some("translation".to_string()),
                        _ => None,
                    };
                    // Numbers are news: list those that differ, once, under A's side.
                    let numbers = (side_a && !row.numbers.is_empty()).then(|| {
                        let only = |f: fn(&crate::engine::NumberChange) -> Option<&String>| {
                            row.numbers.iter().filter_map(f).cloned().collect::<Vec<_>>().join(", ")
                        };
                        let (na, nb) = (only(|n| n.a.as_ref()), only(|n| n.b.as_ref()));
                        html! {
                            <p class="numbers" data-decor="">
                                { "Numbers differ: " }
                                if !na.is_empty() { <span>{ format!("only here {na}") }</span> }
                                if !na.is_empty() && !nb.is_empty() { { " · " } }
                                if !nb.is_empty() { <span>{ format!("only in the other {nb}") }</span> }
                            </p>
                        }
                    });
                    let jump = row.partner.map(|p| {
                        let target = format!("#r{}-{}", p, if side_a { "b" } else { "a" });
                        html! { <a class="jump" data-decor="" href={target}>{ if side_a { "→ where B has it" } else { "← where A has it" } }</a> }
                    });
                    html! {
                        <div id={anchor} {class} {style}>
                            <span class="visually-hidden" data-decor="">{ sr_label(row) }</span>
                            if let Some(b) = badge {
                                <span class="badge" data-decor="" aria-hidden="true">{ b }</span>
                            }
                            <span class="text" data-text="">{ cell_text(row, side_a, text) }</span>
                            { for jump }
                            { for numbers }
                        </div>
                    }
                }
                None => {
                    let note = if row.moved { "moved elsewhere" } else { "not in this report" };
                    html! {
                        <div id={anchor} class={classes!("cell", "gap")} {style} data-decor="">
                            <span class="visually-hidden">{ format!("{label}: {note}") }</span>
                        </div>
                    }
                }
            }
        });
        html! {
            <div class="pane" data-pane={if side_a { "a" } else { "b" }} role="region"
                aria-label={format!("Report {label}")}>
                { for cells }
            </div>
        }
    };
    html! {
        <section class="split" aria-label="Aligned comparison">
            if hidden > 0 {
                <p class="hidden-note">{ format!("{hidden} boilerplate passages hidden.") }</p>
            }
            <div class="grid">
                { pane(true) }
                { pane(false) }
            </div>
        </section>
    }
}
