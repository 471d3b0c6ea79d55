//! Browser glue: the few things the app does to the page beyond rendering
//! (measuring the widget, moving focus, downloads, the clipboard, a stored
//! preference). Every call degrades to doing nothing when the browser refuses
//! (no window, a sandboxed frame without storage), and says so when a reader
//! asked for it.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

/// Width of the element the app's own page mounts into (`#report-diff`, else
/// `<body>`), in CSS pixels.
pub fn page_width() -> f64 {
    let doc = gloo::utils::document();
    let el: Option<Element> = doc
        .get_element_by_id("report-diff")
        .or_else(|| doc.body().map(Into::into));
    match el {
        Some(el) if el.client_width() > 0 => f64::from(el.client_width()),
        _ => window_width(),
    }
}

/// Width of the browser window: the first guess for a widget in a host page,
/// which its resize observer then corrects.
pub fn window_width() -> f64 {
    gloo::utils::window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .unwrap_or(1024.0)
}

/// The element with `id` inside `root` (which works in a host page's shadow
/// root too); for a cell the one-column view shows merged with its
/// counterpart (`r12-b`), its row (`r12`).
pub fn find(root: &Element, id: &str) -> Option<Element> {
    // Ids are made of letters, digits, dashes and underscores: safe in a
    // selector; anything else is no id of ours.
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return None;
    }
    let by_id = |id: &str| root.query_selector(&format!("#{id}")).ok().flatten();
    by_id(id).or_else(|| {
        let row = id.strip_suffix("-a").or_else(|| id.strip_suffix("-b"))?;
        by_id(row)
    })
}

/// Scrolls `el` to the middle of the view at once.
pub fn jump_to(el: &Element) {
    let opts = ScrollIntoViewOptions::new();
    opts.set_block(ScrollLogicalPosition::Center);
    opts.set_behavior(ScrollBehavior::Instant);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
}

/// Scrolls the element with `id` inside `root` to the middle of the view
/// (smoothly unless the reader asked for reduced motion, the style sheet's
/// `scroll-behavior` decides, or it is more than two screens away: a long
/// glide is slow, and in a windowed comparison the chunks it passes would
/// render and move the goal) and, when `focus` is set, moves keyboard focus
/// to it (made focusable for that).
pub fn bring_into_view(root: &Element, id: &str, focus: bool) {
    let Some(el) = find(root, id) else {
        return;
    };
    let screen = gloo::utils::window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(800.0);
    let rect = el.get_bounding_client_rect();
    let far = rect.top() > 3.0 * screen || rect.bottom() < -2.0 * screen;
    let opts = ScrollIntoViewOptions::new();
    opts.set_block(ScrollLogicalPosition::Center);
    opts.set_behavior(if far {
        ScrollBehavior::Instant
    } else {
        ScrollBehavior::Auto
    });
    el.scroll_into_view_with_scroll_into_view_options(&opts);
    if focus {
        if let Some(el) = el.dyn_ref::<HtmlElement>() {
            if !el.has_attribute("tabindex") {
                let _ = el.set_attribute("tabindex", "-1");
            }
            let opts = web_sys::FocusOptions::new();
            opts.set_prevent_scroll(true);
            let _ = el.focus_with_options(&opts);
        }
    }
}

/// Offers `content` as a file download named `name`. Returns a reader-facing
/// error when the browser refuses.
pub fn download(name: &str, mime: &str, content: &str) -> Result<(), String> {
    let fail = |what: &str, e: JsValue| format!("Could not {what}: {}", describe(&e));
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)
        .map_err(|e| fail("prepare the file", e))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|e| fail("prepare the file", e))?;
    let doc = gloo::utils::document();
    let a: web_sys::HtmlAnchorElement = doc
        .create_element("a")
        .map_err(|e| fail("start the download", e))?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    let body = doc
        .body()
        .ok_or("Could not start the download: the page has no body.")?;
    let _ = body.append_child(&a);
    a.click();
    a.remove();
    // The download has its own reference to the blob by now.
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Puts `text` on the clipboard. Browsers refuse without a secure context
/// or the reader's permission: the error says so.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let clipboard = gloo::utils::window().navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|e| describe(&e))
}

fn describe(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "the browser refused".to_string())
}

/// A stored preference (`localStorage`), or `None` when there is none or
/// storage is off.
pub fn stored(key: &str) -> Option<String> {
    gloo::utils::window()
        .local_storage()
        .ok()
        .flatten()?
        .get_item(key)
        .ok()
        .flatten()
}

/// Stores a preference; silently does nothing when storage is off (the
/// setting then lasts until the page is closed).
pub fn store(key: &str, value: &str) {
    if let Ok(Some(s)) = gloo::utils::window().local_storage() {
        let _ = s.set_item(key, value);
    }
}

/// The full aligner's deadline a test set on the page
/// (`window.__reportDiffFullDeadlineMs`, a number of milliseconds), so the
/// coarse fallback can be exercised without a pair that takes 8 s.
pub fn full_deadline_ms() -> Option<u32> {
    let v = js_sys::Reflect::get(
        &gloo::utils::window(),
        &wasm_bindgen::JsValue::from_str("__reportDiffFullDeadlineMs"),
    )
    .ok()?
    .as_f64()?;
    (v.is_finite() && v >= 0.0).then_some(v.min(f64::from(u32::MAX)) as u32)
}
