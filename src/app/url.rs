//! Reading and writing the page's query string.

use wasm_bindgen::JsValue;

/// The current page's query parameters, in order.
pub fn read_query() -> Vec<(String, String)> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let search = window.location().search().unwrap_or_default();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for entry in js_sys::try_iter(&params)
        .ok()
        .flatten()
        .into_iter()
        .flatten()
    {
        let Ok(pair) = entry else { continue };
        let pair = js_sys::Array::from(&pair);
        if let (Some(k), Some(v)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
            out.push((k, v));
        }
    }
    out
}

/// Replaces the query string without reloading or adding a history entry, so
/// the address bar always holds a link to what the reader sees.
pub fn write_query(pairs: &[(&str, String)]) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(params) = web_sys::UrlSearchParams::new() else {
        return;
    };
    for (k, v) in pairs {
        params.append(k, v);
    }
    let query = String::from(params.to_string());
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    if location.search().unwrap_or_default() == format!("?{query}") {
        return;
    }
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(
            &JsValue::NULL,
            "",
            Some(&format!("{path}?{query}{hash}")),
        );
    }
}
