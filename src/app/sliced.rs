//! The view model of a large pair's comparison, built a slice at a time.
//!
//! Building the rows of a 1 MB pair's comparison (about 12 000 rows) takes
//! the page's main thread a quarter of a second; in one piece, it would
//! freeze the page for that long just after the worker answered. Here it is
//! built in slices of at most [`SLICE_MS`], each in its own task (a
//! `setTimeout(0)` between them), so input and painting go on between
//! slices; the view shows how far it got meanwhile.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::engine::Comparison;
use crate::view::{BoilerplateDisplay, SplitBuilder, SplitModel};

/// The longest a slice may run before the page gets its main thread back.
const SLICE_MS: f64 = 25.0;

/// Rows built between two looks at the clock.
const ROWS_PER_LOOK: usize = 100;

/// What to build: the comparison and the texts it indexes.
#[derive(Clone)]
pub struct Input {
    /// The comparison.
    pub cmp: Rc<Comparison>,
    /// Text A.
    pub a: AttrValue,
    /// Text B.
    pub b: AttrValue,
    /// How boilerplate is shown.
    pub display: BoilerplateDisplay,
}

/// Where the model stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Sliced {
    /// Nothing to build.
    Idle,
    /// Rows built so far, of how many.
    Building(usize, usize),
    /// The model.
    Ready(Rc<SplitModel>),
}

/// Milliseconds since the page started.
fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Resolves in a later task: what ran before it has let the page paint and
/// handle input.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(resolve.unchecked_ref());
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The model of `input`, built in slices whenever `key` changes (the key
/// names the comparison and the display mode, as a memo's would); a new key
/// abandons the build under way.
#[hook]
pub fn use_sliced_model<K: PartialEq + Clone + 'static>(key: K, input: Option<Input>) -> Sliced {
    let state = use_state_eq(|| (None::<K>, Sliced::Idle));
    {
        let state = state.clone();
        use_effect_with(key.clone(), move |key| {
            let stop = Rc::new(Cell::new(false));
            match input {
                None => state.set((Some(key.clone()), Sliced::Idle)),
                Some(input) => {
                    let (stop, key) = (stop.clone(), key.clone());
                    state.set((Some(key.clone()), Sliced::Building(0, input.cmp.rows.len())));
                    wasm_bindgen_futures::spawn_local(async move {
                        // The first slice in a task of its own, not in the
                        // one that delivered the comparison.
                        next_task().await;
                        let mut builder =
                            SplitBuilder::new(&input.cmp, &input.a, &input.b, input.display);
                        loop {
                            if stop.get() {
                                return;
                            }
                            let start = now();
                            let mut done = false;
                            while !done && now() - start < SLICE_MS {
                                done = builder.step(ROWS_PER_LOOK);
                            }
                            if done {
                                break;
                            }
                            let (built, total) = builder.progress();
                            state.set((Some(key.clone()), Sliced::Building(built, total)));
                            next_task().await;
                        }
                        if !stop.get() {
                            state.set((Some(key), Sliced::Ready(Rc::new(builder.finish()))));
                        }
                    });
                }
            }
            move || stop.set(true)
        });
    }
    // Until the effect has run for a new key, the last key's model is not
    // this one's.
    match &*state {
        (Some(k), s) if *k == key => s.clone(),
        _ => Sliced::Idle,
    }
}
