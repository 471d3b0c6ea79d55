//! Choosing a report: a labelled `<select>` and the chosen report's metadata.

use yew::prelude::*;

use super::ReportInfo;

/// Properties of [`Picker`].
#[derive(Properties, PartialEq)]
pub struct PickerProps {
    /// `"a"` or `"b"`: used for ids and data attributes.
    pub side: AttrValue,
    /// The reports to choose from.
    pub reports: std::rc::Rc<Vec<ReportInfo>>,
    /// The chosen report's index.
    pub selected: usize,
    /// Called with the newly chosen index.
    pub on_pick: Callback<usize>,
}

/// A report selector with its metadata line.
#[function_component]
pub fn Picker(props: &PickerProps) -> Html {
    let onchange = {
        let on_pick = props.on_pick.clone();
        let reports = props.reports.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let value = select.value();
            if let Some(i) = reports.iter().position(|r| *r.id == *value) {
                on_pick.emit(i);
            }
        })
    };
    let id = format!("pick-{}", props.side);
    let label = format!("Report {}", props.side.to_ascii_uppercase());
    let chosen = props.reports.get(props.selected);
    html! {
        <div class="picker">
            <label for={id.clone()}>{ label }</label>
            <select {id} {onchange}>
                { for props.reports.iter().enumerate().map(|(i, r)| html! {
                    <option value={r.id.clone()} selected={i == props.selected}>
                        { format!("{} · {}", r.id, r.short_title) }
                    </option>
                }) }
            </select>
            if let Some(r) = chosen {
                <p class="meta" data-meta={props.side.clone()}>
                    <span class="headline">{ r.headline.clone() }</span>
                    <span class="facts">
                        // A corpus or a reader's text may not say its language.
                        { [r.outlet.to_string(), r.languages.to_string(), format!("{} words", r.words)]
                            .into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ") }
                    </span>
                </p>
            }
        </div>
    }
}
