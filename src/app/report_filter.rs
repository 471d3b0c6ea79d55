//! Choosing which reports the overview shows: a checkbox per report, and
//! "show only what … adds".

use yew::prelude::*;

use crate::view::Column;

/// Properties of [`ReportFilter`].
#[derive(Properties, PartialEq)]
pub struct ReportFilterProps {
    /// All reports.
    pub reports: Vec<Column>,
    /// Reports left out.
    pub hide: Vec<usize>,
    /// The report whose additions alone are shown.
    pub only: Option<usize>,
    /// Shows or leaves out a report.
    pub on_toggle: Callback<usize>,
    /// Shows only what one report adds (or everything).
    pub on_only: Callback<Option<usize>>,
}

/// The report filter of the overview.
#[function_component]
pub fn ReportFilter(props: &ReportFilterProps) -> Html {
    let on_only = {
        let cb = props.on_only.clone();
        let reports = props.reports.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let v = select.value();
            cb.emit(reports.iter().find(|r| *r.id == *v).map(|r| r.index));
        })
    };
    html! {
        <fieldset class="ov-filter">
            <legend>{ "Reports shown" }</legend>
            { for props.reports.iter().map(|r| {
                let id = format!("show-{}", r.id);
                let on_toggle = props.on_toggle.clone();
                let index = r.index;
                let onchange = Callback::from(move |_: Event| on_toggle.emit(index));
                let locked = props.only == Some(r.index);
                html! {
                    <label class="toggle" for={id.clone()}>
                        <input type="checkbox" id={id} checked={!props.hide.contains(&r.index) || locked}
                            disabled={locked} {onchange} />
                        { r.id.to_string() }
                    </label>
                }
            }) }
            <label class="toggle" for="ov-only">
                { "Show only what " }
                <select id="ov-only" onchange={on_only}>
                    <option value="" selected={props.only.is_none()}>{ "(every report)" }</option>
                    { for props.reports.iter().map(|r| html! {
                        <option value={r.id.to_string()} selected={props.only == Some(r.index)}>{ r.id.to_string() }</option>
                    }) }
                </select>
                { " adds" }
            </label>
        </fieldset>
    }
}
