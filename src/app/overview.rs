//! The overview of all reports (the landing view): the summary, the report
//! filter, and the tables, each in its own component. Renders an
//! [`OverviewModel`]; every link to a passage opens the pair view in place.

use std::rc::Rc;

use yew::prelude::*;

use super::coverage::CoverageTable;
use super::figures::FiguresTable;
use super::names::NamesTable;
use super::quote_groups::QuoteGroups;
use super::report_filter::ReportFilter;
use super::story_map::StoryMap;
use crate::view::{Link, OverviewModel};

/// Properties of [`OverviewView`].
#[derive(Properties, PartialEq)]
pub struct OverviewProps {
    /// What to show.
    pub model: Rc<OverviewModel>,
    /// Reports left out (indices).
    pub hide: Vec<usize>,
    /// The report whose additions alone are shown.
    pub only: Option<usize>,
    /// Opens a pair (at a passage).
    pub on_open: Callback<Link>,
    /// Shows or leaves out a report.
    pub on_toggle: Callback<usize>,
    /// Shows only what one report adds (or everything).
    pub on_only: Callback<Option<usize>>,
}

/// A link to a pair view: a real link (it can be opened in a new tab), that
/// a plain click follows inside the app.
pub(super) fn open_link(link: &Link, on_open: &Callback<Link>, label: String, body: Html) -> Html {
    let onclick = {
        let link = link.clone();
        let on_open = on_open.clone();
        Callback::from(move |e: MouseEvent| {
            if e.button() == 0 && !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key()) {
                e.prevent_default();
                on_open.emit(link.clone());
            }
        })
    };
    html! {
        <a href={link.href.clone()} aria-label={label.clone()} title={label} {onclick}>{ body }</a>
    }
}

/// Scrolls the element with id `target` inside `root` to the middle of the
/// view and focuses it (made focusable for that), so reading continues there.
/// Searching inside `root` works in a host page's shadow root too.
pub fn bring_into_view(root: &web_sys::Element, target: &str) {
    use wasm_bindgen::JsCast;
    // Ids are made of letters, digits and dashes: safe in a selector.
    if !target
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return;
    }
    let Ok(Some(el)) = root.query_selector(&format!("#{target}")) else {
        return;
    };
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
    if let Ok(h) = el.dyn_into::<web_sys::HtmlElement>() {
        let _ = h.set_attribute("tabindex", "-1");
        let focus = web_sys::FocusOptions::new();
        focus.set_prevent_scroll(true);
        let _ = h.focus_with_options(&focus);
    }
}

/// All reports at once.
#[function_component]
pub fn OverviewView(props: &OverviewProps) -> Html {
    let m = &props.model;
    html! {
        <section class="overview" aria-labelledby="ov-title">
            <h2 id="ov-title">{ format!("All {} reports at once", m.reports.len()) }</h2>
            <div class="ov-summary" aria-live="polite">
                <ul>
                    { for m.summary.iter().map(|s| html! { <li>{ AttrValue::from(s.clone()) }</li> }) }
                </ul>
            </div>
            <ReportFilter reports={m.reports.clone()} hide={props.hide.clone()} only={props.only}
                on_toggle={props.on_toggle.clone()} on_only={props.on_only.clone()} />
            if let Some(note) = &m.filter_note {
                <p class="ov-filter-note" role="status">{ note.clone() }</p>
            }
            <CoverageTable model={m.clone()} on_open={props.on_open.clone()} />
            <StoryMap model={m.clone()} on_open={props.on_open.clone()} />
            <QuoteGroups model={m.clone()} on_open={props.on_open.clone()} />
            <FiguresTable model={m.clone()} on_open={props.on_open.clone()} />
            <NamesTable model={m.clone()} />
        </section>
    }
}
