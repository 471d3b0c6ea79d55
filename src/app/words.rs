//! The word table (`data/words.bin`, 1.5 MB) for texts the bundled sentence
//! vectors do not know (a corpus, the reader's own). Fetched only when such a
//! text is compared, after the page has painted its first comparison (by
//! shared words), from an absolute URL (`boot.js` resolves it against its own
//! URL: the widget may live under another path or origin, or in a shadow
//! root). The build gives the file a content-hashed name, so the HTTP cache
//! may keep it for good; the Cache API keeps it too (where the page may use
//! it), so a later visit reads it without the network even when the host
//! sends no caching headers.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::engine::semantic::WordTable;

/// The Cache API cache holding the word table (one entry: older builds' are
/// deleted when a new one is stored).
const CACHE: &str = "report-diff-word-table";

/// How long the download may take before the app gives up (and keeps
/// matching by shared words).
const TIMEOUT_MS: u32 = 60_000;

/// The table, parsed and as the file's bytes (a large pair's worker gets a
/// copy of those), or why it cannot be used (for the reader).
pub type Loaded = Result<(Rc<WordTable>, Rc<[u8]>), String>;

/// Where the page's one load stands: every widget on the page shares it.
enum Page {
    Idle,
    Loading(Vec<Box<dyn FnOnce(Loaded)>>),
    Done(Loaded),
}

thread_local! {
    static PAGE: RefCell<Page> = const { RefCell::new(Page::Idle) };
}

/// Calls `done` with the word table at `url` once it is loaded (at once if
/// it already is). The first call starts the page's only load, after the
/// next paint; later calls, from this widget or another on the page, wait
/// for it. A failure is final for the page (the reader is told to reload).
pub fn request(url: &str, done: impl FnOnce(Loaded) + 'static) {
    let start = PAGE.with_borrow_mut(|page| match page {
        Page::Done(result) => {
            let result = result.clone();
            Some(Err((done, result)))
        }
        Page::Loading(waiting) => {
            waiting.push(Box::new(done));
            None
        }
        Page::Idle => {
            *page = Page::Loading(vec![Box::new(done)]);
            Some(Ok(()))
        }
    });
    match start {
        // Already settled: answer outside the borrow.
        Some(Err((done, result))) => done(result),
        Some(Ok(())) => {
            let url = url.to_string();
            wasm_bindgen_futures::spawn_local(async move {
                after_paint().await;
                let result = load(&url)
                    .await
                    .map(|(table, bytes)| (Rc::new(table), Rc::from(bytes)));
                let waiting = PAGE.with_borrow_mut(|page| {
                    match std::mem::replace(page, Page::Done(result.clone())) {
                        Page::Loading(waiting) => waiting,
                        _ => Vec::new(),
                    }
                });
                for done in waiting {
                    done(result.clone());
                }
            });
        }
        None => {}
    }
}

/// Resolves after the browser has painted the current frame: the download
/// and the parse never delay the first comparison on screen.
async fn after_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Some(window) = web_sys::window() else {
            let _ = resolve.call0(&JsValue::NULL);
            return;
        };
        let next = window.clone();
        // A task queued from inside an animation frame runs after that
        // frame's paint.
        let after = Closure::once_into_js(move || {
            let _ = next.set_timeout_with_callback(&resolve);
        });
        let _ = window.request_animation_frame(after.unchecked_ref());
    });
    let _ = JsFuture::from(promise).await;
}

/// Loads and parses the word table at `url` (with its bytes); the error says
/// why it cannot be used, for the reader.
async fn load(url: &str) -> Result<(WordTable, Vec<u8>), String> {
    let bytes = match cached(url).await {
        Some(bytes) => bytes,
        None => download(url).await?,
    };
    let table =
        WordTable::from_bytes(&bytes).map_err(|e| format!("the file is not a word table: {e}"))?;
    Ok((table, bytes))
}

/// The bytes from the Cache API, if it is there (none in an insecure context,
/// or where storage is blocked).
async fn cached(url: &str) -> Option<Vec<u8>> {
    let cache = open_cache().await?;
    let hit = JsFuture::from(cache.match_with_str(url)).await.ok()?;
    let response: web_sys::Response = hit.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

async fn open_cache() -> Option<web_sys::Cache> {
    let caches = web_sys::window()?.caches().ok()?;
    JsFuture::from(caches.open(CACHE))
        .await
        .ok()?
        .dyn_into()
        .ok()
}

/// Fetches the table (with a timeout) and stores a copy in the Cache API.
async fn download(url: &str) -> Result<Vec<u8>, String> {
    let window = web_sys::window().ok_or("no window")?;
    let controller = web_sys::AbortController::new().map_err(|_| "the browser cannot fetch")?;
    let _timer = {
        let controller = controller.clone();
        gloo::timers::callback::Timeout::new(TIMEOUT_MS, move || controller.abort())
    };
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    let failed = "the download failed or took too long";
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|_| failed)?
        .dyn_into()
        .map_err(|_| failed)?;
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    // A copy for the cache before the body is read (a body can be read once).
    let copy = response.clone().ok();
    let buffer = JsFuture::from(response.array_buffer().map_err(|_| failed)?)
        .await
        .map_err(|_| failed)?;
    if let Some(copy) = copy {
        wasm_bindgen_futures::spawn_local(store(url.to_string(), copy));
    }
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Keeps `response` under `url`, dropping any other (older) table.
async fn store(url: String, response: web_sys::Response) {
    let Some(cache) = open_cache().await else {
        return;
    };
    if let Ok(keys) = JsFuture::from(cache.keys()).await {
        for key in js_sys::Array::from(&keys).iter() {
            if let Ok(req) = key.dyn_into::<web_sys::Request>() {
                if req.url() != url {
                    let _ = cache.delete_with_request(&req);
                }
            }
        }
    }
    // A full quota or blocked storage only means the next visit downloads again.
    let _ = JsFuture::from(cache.put_with_str(&url, &response)).await;
}

/// Fetches the word table from `url` once `start` turns true (a text needs it
/// and it has not been asked for), telling the reducer it is loading, then
/// that it has loaded (with its bytes, for the worker) or why it could not.
#[yew::hook]
pub fn use_word_table(
    start: bool,
    url: Option<yew::AttrValue>,
    d: yew::UseReducerDispatcher<super::state::State>,
) {
    use super::state::{Action, Words};
    use crate::view::WordTablePhase;
    yew::use_effect_with((start, url), move |(start, url)| {
        if let (true, Some(url)) = (*start, url) {
            d.dispatch(Action::Words(Words {
                phase: WordTablePhase::Loading,
                table: None,
                bytes: None,
            }));
            request(url, move |loaded| {
                d.dispatch(Action::Words(match loaded {
                    Ok((t, bytes)) => Words {
                        phase: WordTablePhase::Loaded,
                        table: Some(t),
                        bytes: Some(bytes),
                    },
                    Err(why) => Words {
                        phase: WordTablePhase::Failed(why),
                        table: None,
                        bytes: None,
                    },
                }))
            });
        }
    });
}
