//! The keyboard shortcuts: next / previous change, the shortcut list.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::state::{Action, State};

/// What the shortcuts act on, as the reducer has it now.
#[derive(Clone, Copy, PartialEq)]
pub struct Keys {
    /// Changes in the shown comparison.
    pub total: usize,
    /// `n`, `j`, `p`, `k` and `?` work (F7 always does).
    pub single: bool,
    /// The shortcut list is open.
    pub open: bool,
    /// A pair is shown (the overview has no changes to step through).
    pub comparing: bool,
}

/// Listens for the shortcuts on the document. A widget in a host page
/// (`own_page` false) listens only while focus is inside `root`: several
/// can share a page, and the host has keys of its own.
#[hook]
pub fn use_change_keys(keys: Keys, root: NodeRef, own_page: bool, d: UseReducerDispatcher<State>) {
    use_effect_with(
        keys,
        move |&Keys {
                  total,
                  single,
                  open,
                  comparing,
              }| {
            let listener = gloo::events::EventListener::new_with_options(
                &gloo::utils::document(),
                "keydown",
                gloo::events::EventListenerOptions::enable_prevent_default(),
                move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    if e.default_prevented() || e.ctrl_key() || e.meta_key() || e.alt_key() {
                        return;
                    }
                    if in_field(e.composed_path().get(0).dyn_into().ok()) {
                        return;
                    }
                    if !own_page {
                        let inside = root
                            .get()
                            .is_some_and(|el| e.composed_path().includes(&el, 0));
                        if !inside {
                            return;
                        }
                    }
                    let step = |forward| Action::Step {
                        forward,
                        total,
                        focus: true,
                    };
                    let action = match e.key().as_str() {
                        "?" if single => Action::ShowShortcuts(!open),
                        _ if open || !comparing => return,
                        "F7" => step(!e.shift_key()),
                        "n" | "j" if single => step(true),
                        "p" | "k" if single => step(false),
                        _ => return,
                    };
                    e.prevent_default();
                    d.dispatch(action);
                },
            );
            move || drop(listener)
        },
    );
}

/// True when a key press goes to a form field (shortcuts stay out of typing).
fn in_field(target: Option<web_sys::EventTarget>) -> bool {
    let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return false;
    };
    matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA")
        || el.closest("[contenteditable]").ok().flatten().is_some()
}
