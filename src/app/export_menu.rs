//! Export controls: download the comparison as JSON or as one HTML file, copy
//! it as Markdown; a status line says how it went, and when the clipboard
//! refuses, the Markdown is shown for copying by hand.

use std::rc::Rc;

use yew::prelude::*;

/// What to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    /// The engine's model and both texts, as a `.json` download.
    Json,
    /// One self-contained `.html` download.
    Html,
    /// Markdown, to the clipboard.
    Markdown,
}

/// Properties of [`ExportMenu`].
#[derive(Properties, PartialEq)]
pub struct ExportProps {
    /// Called with the export asked for.
    pub on_export: Callback<ExportKind>,
    /// How the last export went.
    pub status: Option<AttrValue>,
    /// Markdown the clipboard refused.
    pub fallback: Option<Rc<str>>,
    /// Closes the status line.
    pub on_clear: Callback<()>,
}

/// The export menu.
#[function_component]
pub fn ExportMenu(props: &ExportProps) -> Html {
    let button = |kind: ExportKind, id: &'static str, label: &'static str| {
        let cb = props.on_export.clone();
        let onclick = Callback::from(move |_: MouseEvent| cb.emit(kind));
        html! { <button type="button" {id} class="plain" {onclick}>{ label }</button> }
    };
    let clear = {
        let cb = props.on_clear.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    html! {
        <details class="export">
            <summary>{ "Export" }</summary>
            <div class="export-actions">
                { button(ExportKind::Json, "export-json", "Download JSON") }
                { button(ExportKind::Html, "export-html", "Download HTML page") }
                { button(ExportKind::Markdown, "export-markdown", "Copy as Markdown") }
            </div>
            <p class="export-status" role="status">
                if let Some(s) = &props.status {
                    { s.clone() }{ " " }
                    <button type="button" class="plain" onclick={clear}>{ "OK" }</button>
                }
            </p>
            if let Some(md) = &props.fallback {
                <label for="export-fallback" class="fallback-label">{ "The Markdown, to copy by hand:" }</label>
                <textarea id="export-fallback" readonly=true rows="8" value={AttrValue::from(md.clone())} />
            }
        </details>
    }
}
