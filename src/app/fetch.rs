//! Fetching a JSON corpus, with a timeout; every way it can fail becomes a
//! [`CorpusError`] (a message for the reader).

use std::cell::Cell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::intake::{
    check_answer, parse_corpus, Corpus, CorpusError, FETCH_TIMEOUT_MS, MAX_CORPUS_BYTES,
};

/// Fetches and checks the corpus at `url` (relative URLs resolve against the page).
pub async fn fetch_corpus(url: &str) -> Result<Corpus, CorpusError> {
    let window = web_sys::window().ok_or(CorpusError::Network)?;
    let controller = web_sys::AbortController::new().map_err(|_| CorpusError::Network)?;
    let timed_out = Rc::new(Cell::new(false));
    let _timer = {
        let (timed_out, controller) = (timed_out.clone(), controller.clone());
        Timeout::new(FETCH_TIMEOUT_MS, move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let failed = |timed_out: &Cell<bool>| {
        if timed_out.get() {
            CorpusError::Timeout
        } else {
            CorpusError::Network
        }
    };
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    let response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|_| failed(&timed_out))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| CorpusError::Network)?;
    if !response.ok() {
        return Err(CorpusError::Status(response.status()));
    }
    let content_type = response.headers().get("content-type").ok().flatten();
    let buffer = response.array_buffer().map_err(|_| CorpusError::Network)?;
    let buffer = JsFuture::from(buffer)
        .await
        .map_err(|_| failed(&timed_out))?;
    let bytes = js_sys::Uint8Array::new(&buffer);
    if bytes.length() as usize > MAX_CORPUS_BYTES {
        return Err(CorpusError::TooLarge(bytes.length() as usize));
    }
    let text = String::from_utf8(bytes.to_vec()).map_err(|_| CorpusError::NotText)?;
    check_answer(content_type.as_deref(), &text)?;
    parse_corpus(&text)
}

/// Fetches `url` as text (the app's own style sheet, for the HTML export:
/// already in the browser's cache, so this is quick and works offline where
/// the cache holds it). The error names what failed, for a status line.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| "the network request failed".to_string())?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| "the answer was not a response".to_string())?;
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    let text = response
        .text()
        .map_err(|_| "the answer could not be read".to_string())?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| "the answer could not be read".to_string())
}

/// Fetches the corpus the page opened with (`url`, while it is loading), once,
/// and hands the reducer the corpus or the reason it could not be had.
#[yew::hook]
pub fn use_corpus_fetch(url: Option<String>, d: yew::UseReducerDispatcher<super::state::State>) {
    yew::use_effect_with((), move |_| {
        if let Some(url) = url {
            yew::platform::spawn_local(async move {
                d.dispatch(super::state::Action::Source(
                    match fetch_corpus(&url).await {
                        Ok(c) => crate::sources::SourceAction::CorpusLoaded(Rc::new(c)),
                        Err(e) => crate::sources::SourceAction::CorpusFailed(e.to_string()),
                    },
                ))
            });
        }
    });
}
