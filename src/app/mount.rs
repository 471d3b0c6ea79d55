//! Where widgets go: the app's own page, or every `[data-report-diff]` element
//! of a host page (each in an open shadow root, so the widget's CSS and the
//! page's never meet).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::AttrValue;

use super::{fatal, frame, url, App, AppProps};
use crate::embed::mount_query;
use crate::params::{decode_query, encode_query};

/// Marks an element that already holds a widget (mounting is idempotent).
const MOUNTED: &str = "data-report-diff-mounted";

/// Mounts the widgets. `base` is the URL of the directory the app's files are
/// served from (ends in `/`); `css` the stylesheet's file name in it, `words`
/// the word table's (empty: none).
pub fn start(base: String, css: String, words: String) {
    let words = (!words.is_empty()).then(|| AttrValue::from(format!("{base}{words}")));
    fatal::install();
    let doc = gloo::utils::document();
    let hosts = doc.query_selector_all("[data-report-diff]").ok();
    let hosts: Vec<web_sys::Element> = hosts
        .map(|list| {
            (0..list.length())
                .filter_map(|i| list.item(i)?.dyn_into().ok())
                .collect()
        })
        .unwrap_or_default();
    if hosts.is_empty() {
        mount_page(&doc, base, &css, words);
    } else {
        for host in hosts {
            if !host.has_attribute(MOUNTED) {
                mount_element(&doc, &host, &base, &css, words.clone());
            }
        }
    }
}

/// The app's own page: `#report-diff` (or `<body>`), driven by the URL.
fn mount_page(doc: &web_sys::Document, base: String, css: &str, words: Option<AttrValue>) {
    let props = AppProps {
        params: None,
        css: format!("{base}{css}").into(),
        base: base.into(),
        words,
    };
    let root = doc
        .get_element_by_id("report-diff")
        .or_else(|| doc.body().map(Into::into));
    let Some(root) = root else {
        return;
    };
    root.set_inner_html(""); // drop the loading note
    fatal::register(root.clone());
    yew::Renderer::<App>::with_root_and_props(root, props).render();
    let child_id = decode_query(&url::read_search())
        .into_iter()
        .find(|(k, _)| k == "childId")
        .map(|(_, v)| v);
    frame::follow_height(child_id);
}

/// One widget in a host page's element, configured by its `data-` attributes.
fn mount_element(
    doc: &web_sys::Document,
    host: &web_sys::Element,
    base: &str,
    css: &str,
    words: Option<AttrValue>,
) {
    let _ = host.set_attribute(MOUNTED, "");
    let attrs = host.attributes();
    let params = mount_query(
        (0..attrs.length())
            .filter_map(|i| attrs.item(i))
            .map(|a| (a.name(), a.value())),
    );
    // web/boot.js may have opened the shadow root already, to show a
    // prerendered view there until this widget has rendered beside it.
    let shadow = host.shadow_root().map_or_else(
        || host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)),
        Ok,
    );
    let (Ok(shadow), Ok(link), Ok(root)) = (
        shadow,
        doc.create_element("link"),
        doc.create_element("div"),
    ) else {
        // Only some elements (div, section, article, …) can hold a shadow root.
        host.set_text_content(Some(
            "report-diff cannot mount here: put data-report-diff on a <div>.",
        ));
        return;
    };
    let _ = link.set_attribute("rel", "stylesheet");
    let _ = link.set_attribute("href", &format!("{base}{css}"));
    root.set_class_name("rd-widget");
    // Hidden until the stylesheet has loaded (or failed): no flash of
    // unstyled widget.
    let _ = root.set_attribute("hidden", "");
    let reveal = {
        let root = root.clone();
        Closure::<dyn Fn()>::new(move || {
            let _ = root.remove_attribute("hidden");
        })
    };
    for event in ["load", "error"] {
        let _ = link.add_event_listener_with_callback(event, reveal.as_ref().unchecked_ref());
    }
    reveal.forget(); // as long as the widget lives
    let _ = shadow.append_with_node_2(&link, &root);
    follow_local_links(&shadow);
    fatal::register(root.clone());
    let props = AppProps {
        params: Some(encode_query(&params).into()),
        base: base.to_string().into(),
        css: format!("{base}{css}").into(),
        words,
    };
    yew::Renderer::<App>::with_root_and_props(root, props).render();
}

/// In a shadow root, `#id` links (a moved passage's "where B has it") cannot
/// reach their target through the page URL: scroll to it within the root
/// instead, and leave the host page's address alone.
fn follow_local_links(shadow: &web_sys::ShadowRoot) {
    let root = shadow.clone();
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |e: web_sys::MouseEvent| {
        let link = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href^='#']").ok().flatten());
        let Some(href) = link.and_then(|a| a.get_attribute("href")) else {
            return;
        };
        e.prevent_default();
        if let Some(target) = root.get_element_by_id(&href[1..]) {
            target.scroll_into_view();
            if let Ok(el) = target.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.set_attribute("tabindex", "-1");
                let _ = el.focus();
            }
        }
    });
    let _ = shadow.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    on_click.forget();
}
