//! Noise options, boilerplate display and colour theme.

use yew::prelude::*;

use crate::engine::Options;
use crate::params::Theme;
use crate::view::BoilerplateDisplay as BoilerplateMode;

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
    /// Current colour theme.
    pub theme: Theme,
    /// Called with a new theme.
    pub on_theme: Callback<Theme>,
}

/// A labelled `<select>` over `options`, each shown as `label(option)` and
/// identified by `value(option)`.
fn select<T: Copy + PartialEq + 'static>(
    id: &'static str,
    label: &'static str,
    options: &'static [T],
    current: T,
    value: fn(T) -> &'static str,
    text: fn(T) -> &'static str,
    on_pick: &Callback<T>,
) -> Html {
    let onchange = {
        let cb = on_pick.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let v = select.value();
            if let Some(&o) = options.iter().find(|&&o| value(o) == v) {
                cb.emit(o);
            }
        })
    };
    html! {
        <label for={id} class="toggle">
            { label }
            <select {id} {onchange}>
                { for options.iter().map(|&o| html! {
                    <option value={value(o)} selected={o == current}>{ text(o) }</option>
                }) }
            </select>
        </label>
    }
}

/// Checkboxes for the noise options, a boilerplate selector and a theme selector.
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
    html! {
        <fieldset class="controls">
            <legend>{ "Ignore" }</legend>
            { toggle("case", "opt-case", |o| o.ignore_case, |o, v| o.ignore_case = v) }
            { toggle("punctuation & typography", "opt-punct", |o| o.ignore_punctuation, |o, v| o.ignore_punctuation = v) }
            { toggle("whitespace", "opt-space", |o| o.ignore_whitespace, |o, v| o.ignore_whitespace = v) }
            { select("opt-boilerplate", "Site chrome & ads ", &BoilerplateMode::ALL, props.boilerplate,
                BoilerplateMode::as_str, BoilerplateMode::as_str, &props.on_boilerplate) }
            { select("opt-theme", "Theme ", &Theme::ALL, props.theme, Theme::as_str, Theme::label, &props.on_theme) }
        </fieldset>
    }
}
