//! The change bar: a thin map beside the comparison with a mark where each
//! change sits, coloured and patterned by kind; a click jumps to the nearest
//! change. A mouse shortcut only (hidden from assistive technology): the
//! next / previous buttons and keys do the same for everyone.

use yew::prelude::*;

use super::Shared;
use crate::view::SplitModel;

/// Height of the bar's coordinate system; marks are placed in it and the
/// SVG stretches it over the bar.
const SCALE: f64 = 1000.0;

/// Shortest mark, in bar units, so a change is visible however long the page.
const MARK: f64 = 6.0;

/// `x` to one decimal, written with integers: formatting an f64 would put the
/// float formatter (about 10 KB) into the wasm.
fn tenths(x: f64) -> String {
    let t = (x.max(0.0) * 10.0).round() as u64;
    format!("{}.{}", t / 10, t % 10)
}

/// More changes than this and the bar has no room to show each apart: marks
/// of one kind that overlap are drawn as one (a 1 MB pair has thousands of
/// changes, which would otherwise be thousands of SVG elements made at once).
const MERGE_ABOVE: usize = (SCALE / MARK) as usize;

/// The marks to draw, in drawing order: (kind's class, top, height, is the
/// current change); the current change is drawn last, on top.
fn marks(model: &SplitModel, current: Option<usize>) -> Vec<(&'static str, f64, f64, bool)> {
    let place = |position: f64, h: f64| (position * SCALE - (h - MARK) / 2.0).clamp(0.0, SCALE - h);
    let mut out: Vec<(&'static str, f64, f64, bool)> = Vec::new();
    let merge = model.changes.len() > MERGE_ABOVE;
    // Merged: kind by kind, each down the bar (changes are in reading
    // order), so overlapping marks of a kind meet.
    let kinds: &[Option<&str>] = if merge {
        &[
            Some("changed"),
            Some("moved"),
            Some("only-a"),
            Some("only-b"),
        ]
    } else {
        &[None]
    };
    for &kind in kinds {
        let of_kind = model
            .changes
            .iter()
            .enumerate()
            .filter(|&(i, c)| Some(i) != current && kind.is_none_or(|k| k == c.kind.class()));
        for (_, c) in of_kind {
            let (class, y) = (c.kind.class(), place(c.position, MARK));
            match out.last_mut() {
                Some((k, top, h, _)) if merge && *k == class && y <= *top + *h => {
                    *h = (y + MARK - *top).max(*h)
                }
                _ => out.push((class, y, MARK, false)),
            }
        }
    }
    // The current change stands out by size as well as colour.
    if let Some(c) = current.and_then(|i| model.changes.get(i)) {
        let h = MARK * 2.5;
        out.push((c.kind.class(), place(c.position, h), h, true));
    }
    out
}

/// Properties of [`ChangeBar`].
#[derive(Properties, PartialEq)]
pub struct ChangeBarProps {
    /// The comparison whose changes are shown.
    pub model: Shared<SplitModel>,
    /// The change the reader stepped to.
    pub current: Option<usize>,
    /// Called with the change to go to.
    pub on_go: Callback<usize>,
}

/// The change bar.
#[function_component]
pub fn ChangeBar(props: &ChangeBarProps) -> Html {
    // Yew delegates events to the app's root, so the event's current target
    // is not the bar: measure the bar through its own reference.
    let bar = use_node_ref();
    let onclick = {
        let (bar, model, on_go) = (bar.clone(), props.model.clone(), props.on_go.clone());
        Callback::from(move |e: MouseEvent| {
            let Some(el) = bar.cast::<web_sys::Element>() else {
                return;
            };
            let rect = el.get_bounding_client_rect();
            if rect.height() <= 0.0 {
                return;
            }
            let at = (f64::from(e.client_y()) - rect.top()) / rect.height();
            if let Some(i) = model.change_near(at.clamp(0.0, 1.0)) {
                on_go.emit(i);
            }
        })
    };
    let marks = marks(&props.model, props.current)
        .into_iter()
        .map(|(class, y, h, current)| {
            html! {
                <rect class={classes!("mark", class, current.then_some("current"))}
                    x="0" y={tenths(y)} width="12" height={tenths(h)} />
            }
        });
    html! {
        // The track spans the comparison without adding to its height (a
        // page sized to its content, as in an auto-height iframe, would
        // otherwise grow with a bar sized to the window); the bar sticks in it.
        <div class="change-track" aria-hidden="true">
            <div class="change-bar" title="Where the changes are: click to jump">
                <svg ref={bar} viewBox={format!("0 0 12 {}", SCALE as u32)} preserveAspectRatio="none" {onclick}>
                    { for marks }
                </svg>
            </div>
        </div>
    }
}
