//! The last line of defence: if a panic still happens (the engine is fuzzed not
//! to, but a browser quirk or a bug elsewhere might), every mounted widget is
//! replaced by a short message with a reload button, instead of a page that
//! silently stops responding. A panic aborts the wasm instance, so the message
//! is written with plain DOM calls from the panic hook, before the abort.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    static ROOTS: RefCell<Vec<web_sys::Element>> = const { RefCell::new(Vec::new()) };
}

/// Installs the panic hook (once per page; later calls do nothing new).
pub fn install() {
    // Through yew, which otherwise installs its own hook on the first render.
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("report-diff stopped: {info}").into());
        ROOTS.with(|roots| {
            if let Ok(roots) = roots.try_borrow() {
                for root in roots.iter() {
                    show(root);
                }
            }
        });
    }));
}

/// Remembers an element a widget renders into, to replace it on a panic.
pub fn register(root: web_sys::Element) {
    ROOTS.with(|r| r.borrow_mut().push(root));
}

fn show(root: &web_sys::Element) {
    let Some(doc) = root.owner_document() else {
        return;
    };
    let make = |tag: &str, text: &str| {
        let el = doc.create_element(tag).ok()?;
        el.set_text_content(Some(text));
        Some(el)
    };
    let (Some(box_), Some(p), Some(button)) = (
        doc.create_element("div").ok(),
        make(
            "p",
            "Something went wrong and the comparison stopped. Reload to start again: \
             the view is in the address, and texts you typed are saved in this browser.",
        ),
        make("button", "Reload"),
    ) else {
        return;
    };
    box_.set_class_name("rd-fatal");
    let _ = box_.set_attribute("role", "alert");
    let _ = box_.set_attribute("data-fatal", "");
    let _ = button.set_attribute("type", "button");
    let reload = Closure::<dyn Fn()>::new(|| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    let _ = button.add_event_listener_with_callback("click", reload.as_ref().unchecked_ref());
    reload.forget(); // lives as long as the button
    let _ = box_.append_with_node_2(&p, &button);
    root.replace_children_with_node_1(&box_);
}
