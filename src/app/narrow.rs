//! One column or two: the widget's width decides, as it changes.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::state::{Action, State, NARROW_PX};

/// Watches the width of the element that holds `root` (the page's
/// `#report-diff`, or a mounted widget) and tells the reducer whether it is
/// narrower than [`NARROW_PX`].
#[hook]
pub fn use_narrow(root: NodeRef, d: UseReducerDispatcher<State>) {
    use_effect_with((), move |_| {
        let measured = root
            .cast::<web_sys::Element>()
            .and_then(|m| m.parent_element());
        let observe = measured.clone();
        let on_resize = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
            if let Some(el) = &measured {
                if el.client_width() > 0 {
                    d.dispatch(Action::SetNarrow(f64::from(el.client_width()) < NARROW_PX));
                }
            }
        });
        let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
        if let (Some(o), Some(el)) = (&observer, &observe) {
            o.observe(el);
        }
        move || {
            if let Some(o) = observer {
                o.disconnect();
            }
            drop(on_resize);
        }
    });
}
