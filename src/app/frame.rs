//! In an iframe, tell the parent page the content height whenever it changes
//! (a `ResizeObserver`, debounced), in every format hosts listen for
//! ([`crate::embed::height_messages`]).

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::embed::{height_messages, HostMessage};

/// Waits this long after the last size change before posting: one message per
/// burst of layout changes.
const DEBOUNCE_MS: u32 = 80;

#[derive(Default)]
struct Poster {
    last: Option<u32>,
    pending: Option<Timeout>,
}

/// Starts following the page's height if it is framed; does nothing on a
/// top-level page. `child_id` is pym.js's `childId` URL parameter, if any.
pub fn follow_height(child_id: Option<String>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let parent = match window.parent() {
        Ok(Some(p)) if !js_sys::Object::is(&p, &window) => p,
        _ => return,
    };
    let Some(body) = window.document().and_then(|d| d.body()) else {
        return;
    };
    let state = Rc::new(RefCell::new(Poster::default()));
    let post = {
        let body = body.clone();
        let state = state.clone();
        move || {
            let height = body.get_bounding_client_rect().height().ceil().max(0.0) as u32;
            // (The pending timeout is this very call: replaced by the next
            // change, never dropped from inside itself.)
            let mut s = state.borrow_mut();
            if s.last == Some(height) {
                return;
            }
            s.last = Some(height);
            let src = web_sys::window()
                .and_then(|w| w.location().href().ok())
                .unwrap_or_default();
            for m in height_messages(height, child_id.as_deref(), &src) {
                let value = match m {
                    HostMessage::Object(v) => js_sys::JSON::parse(&v.to_string()).ok(),
                    HostMessage::Text(t) => Some(JsValue::from_str(&t)),
                };
                if let Some(v) = value {
                    let _ = parent.post_message(&v, "*");
                }
            }
        }
    };
    let post = Rc::new(post);
    // Once now as well: a browser may not run a ResizeObserver in a frame that
    // is off screen (below the fold) until it is scrolled into view.
    {
        let post = post.clone();
        state.borrow_mut().pending = Some(Timeout::new(DEBOUNCE_MS, move || post()));
    }
    let on_resize = Closure::<dyn Fn()>::new(move || {
        let post = post.clone();
        let mut s = state.borrow_mut();
        // Restart the wait on every change: post once the layout is still.
        s.pending = Some(Timeout::new(DEBOUNCE_MS, move || post()));
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&body);
        on_resize.forget(); // observes for the page's lifetime
    }
}
