//! The page's query string: read once at start, replaced as the state changes.
//! Parsing and writing live in [`crate::params`] (tested natively); this module
//! only touches `location` and `history`.

use wasm_bindgen::JsValue;

/// The current page's `location.search` (`"?a=000&b=002"`, or `""`).
pub fn read_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Replaces the query string with `query` (without `?`) without reloading or
/// adding a history entry, so the address bar always holds a link to what the
/// reader sees. The hash (a jump target) is kept.
pub fn write_search(query: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    if location.search().unwrap_or_default() == format!("?{query}") {
        return;
    }
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(
            &JsValue::NULL,
            "",
            Some(&format!("{path}?{query}{hash}")),
        );
    }
}

/// The page's `location.hash` without its `#`, when there is one.
pub fn read_hash() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let hash = hash.strip_prefix('#').unwrap_or(&hash);
    (!hash.is_empty()).then(|| hash.to_string())
}

/// Sets the hash to `target` without scrolling, reloading or adding a history
/// entry, so the address bar links to the passage the reader was sent to.
pub fn replace_hash(target: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("#{target}")));
    }
}
