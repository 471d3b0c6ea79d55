//! Grid rows without inline style attributes: cells carry their row in
//! `data-r`, and this hook copies it into the `--r` custom property through
//! CSSOM after each render. A strict CSP (`style-src 'self'`) blocks `style="…"`
//! attributes, but not CSSOM.

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// A ref for the element holding the cells; after every render of the calling
/// component each `[data-r]` inside it gets `--r` set to that value.
#[hook]
pub fn use_grid_rows() -> NodeRef {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect(move || apply(&node));
    }
    node
}

fn apply(node: &NodeRef) {
    let Some(root) = node.cast::<web_sys::Element>() else {
        return;
    };
    let Ok(cells) = root.query_selector_all("[data-r]") else {
        return;
    };
    for i in 0..cells.length() {
        let Some(cell) = cells
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            continue;
        };
        if let Some(r) = cell.get_attribute("data-r") {
            let _ = cell.style().set_property("--r", &r);
        }
    }
}
