//! Noise options and boilerplate display.

use yew::prelude::*;

use super::state::BoilerplateMode;
use crate::engine::Options;

/// Properties of [`Controls`].
#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    /// Current noise options.
    pub opts: Options,
    /// Current boilerplate mode.
    pub boilerplate: BoilerplateMode,
    /// Called with new options.
    pub on_opts: Callback<Options>,
    /// Called with a new boilerplate mode.
    pub on_boilerplate: Callback<BoilerplateMode>,
}

/// Checkboxes for the noise options and a boilerplate selector.
#[function_component]
pub fn Controls(props: &ControlsProps) -> Html {
    let toggle = |label: &'static str,
                  id: &'static str,
                  get: fn(&Options) -> bool,
                  set: fn(&mut Options, bool)| {
        let opts = props.opts;
        let on_opts = props.on_opts.clone();
        let onchange = Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let mut o = opts;
            set(&mut o, input.checked());
            on_opts.emit(o);
        });
        html! {
            <label class="toggle" for={id}>
                <input type="checkbox" {id} checked={get(&props.opts)} {onchange} />
                { label }
            </label>
        }
    };
    let on_mode = {
        let cb = props.on_boilerplate.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(m) = BoilerplateMode::parse(&select.value()) {
                cb.emit(m);
            }
        })
    };
    html! {
        <fieldset class="controls">
            <legend>{ "Ignore" }</legend>
            { toggle("case", "opt-case", |o| o.ignore_case, |o, v| o.ignore_case = v) }
            { toggle("punctuation & typography", "opt-punct", |o| o.ignore_punctuation, |o, v| o.ignore_punctuation = v) }
            { toggle("whitespace", "opt-space", |o| o.ignore_whitespace, |o, v| o.ignore_whitespace = v) }
            <label for="opt-boilerplate" class="toggle">
                { "Site chrome & ads " }
                <select id="opt-boilerplate" onchange={on_mode}>
                    { for [BoilerplateMode::Dim, BoilerplateMode::Show, BoilerplateMode::Hide].into_iter().map(|m| html! {
                        <option value={m.as_str()} selected={m == props.boilerplate}>{ m.as_str() }</option>
                    }) }
                </select>
            </label>
        </fieldset>
    }
}
