//! Runs one large pair's comparison in a web worker (`worker.js`: the app's
//! own wasm in a module worker, see [`crate::offload`]), so the page never
//! freezes. One worker a job: cancelling, a deadline or a new pair terminate
//! it (dropping the [`Job`]), which is the only way to stop a computation
//! that does not yield.
//!
//! The worker's script comes from an absolute URL (resolved against
//! `boot.js`); a page on another origin cannot start a worker from the
//! widget's origin directly, so the widget then starts one from a `blob:`
//! module that imports it (a page whose CSP forbids that gets a message).

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::Callback;

use crate::engine::{Comparison, Options};
use crate::offload::{decode, Depth};

/// What a job reports.
#[derive(Clone, Debug)]
pub enum Event {
    /// Step `.0` of `.1` started: `.2` says what it does.
    Progress(u32, u32, Rc<str>),
    /// The comparison.
    Done(Rc<Comparison>),
    /// It failed: why, for the reader.
    Failed(String),
    /// It ran past its deadline (still running until the job is dropped).
    Deadline,
}

/// A running comparison; dropping it terminates the worker.
pub struct Job {
    worker: web_sys::Worker,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
    _deadline: Timeout,
}

impl Drop for Job {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// Starts comparing texts `a` and `b` of `texts` at `url` (the worker
/// script), with the word table's bytes when the page has them (`words`: the
/// worker gets its own copy); `on` hears its progress, result or failure,
/// and `Deadline` after `deadline_ms`.
#[allow(clippy::too_many_arguments)]
pub fn start(
    url: &str,
    texts: &[&str],
    (a, b): (usize, usize),
    opts: Options,
    depth: Depth,
    words: Option<&[u8]>,
    deadline_ms: u32,
    on: Callback<Event>,
) -> Result<Job, String> {
    let worker = spawn(url)?;
    let on_message = {
        let on = on.clone();
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            on.emit(read(&e.data()));
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    let on_error = {
        let on = on.clone();
        Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            // A script that cannot load (blocked, missing) never answers.
            e.prevent_default();
            on.emit(Event::Failed(
                "the background worker could not start".to_string(),
            ));
        })
    };
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let message = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| {
        let _ = js_sys::Reflect::set(&message, &JsValue::from_str(k), v);
    };
    let list: js_sys::Array = texts.iter().map(|t| JsValue::from_str(t)).collect();
    set("texts", &list);
    set("a", &JsValue::from(a as u32));
    set("b", &JsValue::from(b as u32));
    set("case", &JsValue::from(opts.ignore_case));
    set("punct", &JsValue::from(opts.ignore_punctuation));
    set("space", &JsValue::from(opts.ignore_whitespace));
    set("coarse", &JsValue::from(depth == Depth::Coarse));
    // A fresh copy whose buffer is transferred, not cloned a second time.
    let transfer = js_sys::Array::new();
    if let Some(bytes) = words {
        let copy = js_sys::Uint8Array::from(bytes);
        transfer.push(&copy.buffer());
        set("words", &copy);
    }
    worker
        .post_message_with_transfer(&message, &transfer)
        .map_err(|_| "the texts could not be handed to the background worker".to_string())?;
    let deadline = Timeout::new(deadline_ms, move || on.emit(Event::Deadline));
    Ok(Job {
        worker,
        _on_message: on_message,
        _on_error: on_error,
        _deadline: deadline,
    })
}

/// A module worker running `url`: directly when the page may (same
/// origin), else through a `blob:` module that imports it.
fn spawn(url: &str) -> Result<web_sys::Worker, String> {
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    if let Ok(w) = web_sys::Worker::new_with_options(url, &options) {
        return Ok(w);
    }
    let source = js_sys::Array::of1(&JsValue::from_str(&format!(
        "import {};",
        serde_json::to_string(url).unwrap_or_default()
    )));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type("text/javascript");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&source, &bag)
        .map_err(|_| "the background worker could not start".to_string())?;
    let blob_url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "the background worker could not start".to_string())?;
    let worker = web_sys::Worker::new_with_options(&blob_url, &options).map_err(|_| {
        "this page does not allow background workers from the widget's site".to_string()
    });
    let _ = web_sys::Url::revoke_object_url(&blob_url);
    worker
}

/// A message from the worker.
fn read(data: &JsValue) -> Event {
    let get = |k: &str| js_sys::Reflect::get(data, &JsValue::from_str(k)).ok();
    if let Some(bytes) = get("bytes").and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok()) {
        return match decode(&bytes.to_vec()) {
            Ok(cmp) => Event::Done(Rc::new(cmp)),
            Err(e) => Event::Failed(format!("its answer could not be read ({e})")),
        };
    }
    if let Some(p) = get("progress").filter(|p| p.is_object()) {
        let p = js_sys::Array::from(&p);
        let n = |i: u32| p.get(i).as_f64().unwrap_or(0.0) as u32;
        let label = p.get(2).as_string().unwrap_or_default();
        return Event::Progress(n(0), n(1), label.into());
    }
    let error = get("error").and_then(|v| v.as_string());
    Event::Failed(error.unwrap_or_else(|| "it sent something unexpected".to_string()))
}

/// The comparison the page wants from a worker now.
pub struct Wanted {
    /// Whether a job should run (a large pair is shown and not cancelled).
    pub run: bool,
    /// The pair, options and source generation it is for.
    pub key: super::state::OffloadKey,
    /// The coarse comparison (the full one ran out of time).
    pub coarse: bool,
    /// Counts "Compare again".
    pub attempt: u64,
    /// The word table's bytes, when the full aligner is to use them.
    pub words: Option<Rc<[u8]>>,
}

/// Runs the [`Wanted`] job in a worker started from `url`, on `texts`: again
/// whenever what is wanted changes (another pair or options, the coarse
/// comparison, "Compare again", the word table's arrival), dropping the job
/// before, which ends its worker; `d` hears its events, tagged with the
/// job's number so that a dropped job's late messages are told apart.
#[yew::hook]
pub fn use_offload(
    wanted: Wanted,
    texts: Rc<Vec<super::ReportInfo>>,
    url: String,
    d: yew::UseReducerDispatcher<super::state::State>,
) {
    use super::state::Action;
    use crate::offload::{COARSE_DEADLINE_MS, FULL_DEADLINE_MS};
    let jobs = yew::use_mut_ref(|| 0u64);
    let Wanted {
        run,
        key,
        coarse,
        attempt,
        words,
    } = wanted;
    yew::use_effect_with(
        (run, key, coarse, attempt, words.is_some()),
        move |&(run, key, coarse, _, _)| {
            let mut job = None;
            if run {
                *jobs.borrow_mut() += 1;
                let id = *jobs.borrow();
                d.dispatch(Action::OffloadStarted(id, key));
                let texts: Vec<&str> = texts.iter().map(|r| r.text.as_str()).collect();
                let (depth, deadline) = if coarse {
                    (Depth::Coarse, COARSE_DEADLINE_MS)
                } else {
                    (
                        Depth::Full,
                        super::dom::full_deadline_ms().unwrap_or(FULL_DEADLINE_MS),
                    )
                };
                let on = {
                    let d = d.clone();
                    Callback::from(move |e| d.dispatch(Action::Offload(id, e)))
                };
                let pair = (key.0, key.1);
                match start(
                    &url,
                    &texts,
                    pair,
                    key.2,
                    depth,
                    words.as_deref(),
                    deadline,
                    on,
                ) {
                    Ok(j) => job = Some(j),
                    Err(why) => d.dispatch(Action::Offload(id, Event::Failed(why))),
                }
            }
            move || drop(job)
        },
    );
}
