//! Keeps only the part of a long comparison near the screen in the page.
//!
//! The model cuts its blocks into chunks ([`Chunk`]). A view renders a chunk
//! in full while it is within a screen's height of the viewport, holds the
//! change the reader stepped to or the passage a link asked for, or the page
//! is being printed; any other chunk is one empty element of its height
//! (measured when it was last in the page, estimated from its weight before).
//! An `IntersectionObserver` watches the first and last element of every
//! chunk, so the window follows scrolling without a scroll handler, and in an
//! iframe it follows the host page's viewport.
//!
//! Hooks a view renders: every element directly inside `container` carries
//! `data-chunk` (its chunk's index), in order; a stand-in also carries
//! `data-spacer`, and its element with `data-fill` gets the height (through
//! CSSOM: the strict CSP allows no `style` attribute).

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, IntersectionObserver, IntersectionObserverEntry};
use yew::prelude::*;

use super::Shared;
use crate::view::{Chunk, SplitModel};

/// Pixels per unit of [`Chunk::weight`] until a chunk has been measured.
const PX_PER_WEIGHT: f64 = 0.4;

/// Which chunks a view renders in full.
#[derive(Clone, Debug, PartialEq)]
pub struct Window {
    /// Per chunk: render it in full.
    live: Rc<Vec<bool>>,
}

impl Window {
    /// Whether chunk `k` is rendered in full.
    pub fn shows(&self, k: usize) -> bool {
        self.live.get(k).copied().unwrap_or(true)
    }
}

/// Where an observed element is, seen from the viewport grown by a screen's
/// height above and below.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    Above,
    Near,
    Below,
}

/// The chunks near the screen, for one model (a new comparison starts over).
#[derive(Clone, PartialEq)]
struct Near {
    model: Shared<SplitModel>,
    live: Rc<Vec<bool>>,
}

/// What the observer's callback works on, refreshed after every render.
#[derive(Default)]
struct Watched {
    /// Observed elements: (element, chunk, is its first, is its last).
    targets: Vec<(Element, usize, bool, bool)>,
    /// Where each target was last seen.
    places: Vec<Option<Place>>,
    /// The model the targets belong to.
    model: Option<Shared<SplitModel>>,
    /// Measured heights per chunk.
    heights: Vec<Option<f64>>,
}

/// Elements directly inside `container` that belong to a chunk, with it.
fn chunk_elements(container: &Element) -> Vec<(Element, usize)> {
    let children = container.children();
    (0..children.length())
        .filter_map(|i| children.item(i))
        .filter_map(|el| {
            let k = el.get_attribute("data-chunk")?.parse().ok()?;
            Some((el, k))
        })
        .collect()
}

/// Consecutive runs of elements of one chunk: (chunk, first, last).
fn groups(elements: &[(Element, usize)]) -> Vec<(usize, usize, usize)> {
    let mut out: Vec<(usize, usize, usize)> = Vec::new();
    for (i, (_, k)) in elements.iter().enumerate() {
        match out.last_mut() {
            Some((last, _, end)) if last == k => *end = i,
            _ => out.push((*k, i, i)),
        }
    }
    out
}

/// Measures the chunks in the page and sizes the stand-ins of the others.
fn measure_and_size(container: &Element, chunks: &[Chunk], heights: &mut Vec<Option<f64>>) {
    heights.resize(chunks.len(), None);
    let elements = chunk_elements(container);
    let groups = groups(&elements);
    for &(k, first, last) in &groups {
        let (a, b) = (&elements[first].0, &elements[last].0);
        if a.has_attribute("data-spacer") {
            continue;
        }
        let h = b.get_bounding_client_rect().bottom() - a.get_bounding_client_rect().top();
        if h > 0.0 {
            if let Some(slot) = heights.get_mut(k) {
                *slot = Some(h);
            }
        }
    }
    // Unmeasured chunks: the measured ones' pixels per unit of weight.
    let (px, weight) = chunks
        .iter()
        .zip(heights.iter())
        .filter_map(|(c, h)| h.map(|h| (h, c.weight as f64)))
        .fold((0.0, 0.0), |(p, w), (h, cw)| (p + h, w + cw));
    let ratio = if weight > 0.0 {
        px / weight
    } else {
        PX_PER_WEIGHT
    };
    for &(k, first, _) in &groups {
        let el = &elements[first].0;
        if !el.has_attribute("data-spacer") {
            continue;
        }
        let fill = if el.has_attribute("data-fill") {
            Some(el.clone())
        } else {
            el.query_selector("[data-fill]").ok().flatten()
        };
        let (Some(fill), Some(chunk)) = (
            fill.and_then(|f| f.dyn_into::<HtmlElement>().ok()),
            chunks.get(k),
        ) else {
            continue;
        };
        let h = heights
            .get(k)
            .copied()
            .flatten()
            .unwrap_or(chunk.weight as f64 * ratio);
        // Whole pixels: no float formatting in the wasm.
        let _ = fill
            .style()
            .set_property("height", &format!("{}px", h.round().max(1.0) as u64));
    }
}

/// Where an observed element is now.
fn place(entry: &IntersectionObserverEntry) -> Place {
    if entry.is_intersecting() {
        return Place::Near;
    }
    let rect = entry.bounding_client_rect();
    // No root bounds in a cross-origin frame: the frame's own top decides.
    let top = entry.root_bounds().map_or(0.0, |r| r.top());
    if rect.bottom() <= top {
        Place::Above
    } else {
        Place::Below
    }
}

/// Per chunk: whether it reaches into the grown viewport, once every
/// target has been seen.
fn near_chunks(w: &Watched, n: usize) -> Option<Vec<bool>> {
    let mut first: Vec<Option<Place>> = vec![None; n];
    let mut last: Vec<Option<Place>> = vec![None; n];
    for ((_, k, is_first, is_last), p) in w.targets.iter().zip(&w.places) {
        let p = (*p)?;
        if *is_first {
            *first.get_mut(*k)? = Some(p);
        }
        if *is_last {
            *last.get_mut(*k)? = Some(p);
        }
    }
    Some(
        first
            .iter()
            .zip(&last)
            .map(|(f, l)| *l != Some(Place::Above) && *f != Some(Place::Below))
            .collect(),
    )
}

/// The window of a view over `model`, whose chunks' elements sit directly
/// inside `container`. `pinned`: element ids (the current change's row, a
/// passage a link asked for) whose chunks are always rendered.
#[hook]
pub fn use_window(model: &Shared<SplitModel>, container: &NodeRef, pinned: &[&str]) -> Window {
    let n = model.chunks.len();
    let windowed = model.windowed();
    let start = || Near {
        model: model.clone(),
        live: Rc::new((0..n).map(|k| k == 0).collect()),
    };
    let near = use_state_eq(start);
    let printing = use_state_eq(|| false);
    let watched = use_mut_ref(Watched::default);
    let observer =
        use_mut_ref(|| None::<(IntersectionObserver, Closure<dyn FnMut(js_sys::Array)>)>);

    // The observer, made once: it reports where targets are, and the chunks
    // near the screen follow.
    {
        let (watched, observer, setter) = (watched.clone(), observer.clone(), near.setter());
        use_effect_with((), move |_| {
            let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                let mut w = watched.borrow_mut();
                for entry in entries.iter() {
                    let entry: IntersectionObserverEntry = entry.unchecked_into();
                    let target = entry.target();
                    if let Some(i) = w.targets.iter().position(|(el, ..)| *el == target) {
                        w.places[i] = Some(place(&entry));
                    }
                }
                let Some(model) = w.model.clone() else {
                    return;
                };
                if let Some(live) = near_chunks(&w, model.chunks.len()) {
                    setter.set(Near {
                        model,
                        live: Rc::new(live),
                    });
                }
            });
            let init = web_sys::IntersectionObserverInit::new();
            init.set_root_margin("100% 0px");
            let made =
                IntersectionObserver::new_with_options(cb.as_ref().unchecked_ref(), &init).ok();
            if let Some(o) = made {
                *observer.borrow_mut() = Some((o, cb));
            }
            move || {
                if let Some((o, _)) = observer.borrow_mut().take() {
                    o.disconnect();
                }
            }
        });
    }
    // Printing shows everything.
    {
        let printing = printing.clone();
        use_effect_with((), move |_| {
            let win = gloo::utils::window();
            let (p1, p2) = (printing.clone(), printing);
            let before =
                gloo::events::EventListener::new(&win, "beforeprint", move |_| p1.set(true));
            let after =
                gloo::events::EventListener::new(&win, "afterprint", move |_| p2.set(false));
            move || drop((before, after))
        });
    }
    // After every render: measure, size the stand-ins, watch the new elements.
    {
        let (watched, observer, container, model) = (
            watched.clone(),
            observer.clone(),
            container.clone(),
            model.clone(),
        );
        use_effect(move || {
            let Some(el) = container.cast::<Element>() else {
                return;
            };
            let mut w = watched.borrow_mut();
            if w.model.as_ref() != Some(&model) {
                w.heights.clear();
            }
            w.model = Some(model.clone());
            if let Some((o, _)) = observer.borrow().as_ref() {
                o.disconnect();
            }
            w.targets.clear();
            w.places.clear();
            if !windowed {
                return;
            }
            measure_and_size(&el, &model.chunks, &mut w.heights);
            let elements = chunk_elements(&el);
            for (k, first, last) in groups(&elements) {
                w.targets
                    .push((elements[first].0.clone(), k, true, first == last));
                if last != first {
                    w.targets.push((elements[last].0.clone(), k, false, true));
                }
            }
            w.places = vec![None; w.targets.len()];
            if let Some((o, _)) = observer.borrow().as_ref() {
                for (t, ..) in &w.targets {
                    o.observe(t);
                }
            }
        });
    }

    if !windowed || *printing {
        return Window {
            live: Rc::new(vec![true; n]),
        };
    }
    let mut live: Vec<bool> = if near.model == *model {
        (*near.live).clone()
    } else {
        (*start().live).clone()
    };
    live.resize(n, false);
    for k in pinned.iter().filter_map(|id| model.chunk_of(id)) {
        live[k] = true;
    }
    Window {
        live: Rc::new(live),
    }
}
