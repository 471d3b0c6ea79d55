//! The keyboard shortcut list (`?`): a modal dialog with a table of keys, and
//! the switch that turns single-key shortcuts off.

use yew::prelude::*;

/// The shortcuts, as (keys, what they do); single-character keys are the
/// ones a reader can turn off.
pub const SHORTCUTS: &[(&str, &str, bool)] = &[
    ("n or j", "next change", true),
    ("p or k", "previous change", true),
    ("F7 / Shift+F7", "next / previous change", false),
    ("?", "this list", true),
    ("Escape", "close this list", false),
];

/// Properties of [`ShortcutsDialog`].
#[derive(Properties, PartialEq)]
pub struct ShortcutsProps {
    /// Show it.
    pub open: bool,
    /// Single-key shortcuts are on.
    pub single_keys: bool,
    /// Called when the dialog closes (button, Escape).
    pub on_close: Callback<()>,
    /// Called with the new single-key setting.
    pub on_single_keys: Callback<bool>,
}

/// The shortcut list. Uses the browser's modal `<dialog>`, which keeps focus
/// inside, closes on Escape and gives focus back to where it was.
#[function_component]
pub fn ShortcutsDialog(props: &ShortcutsProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(props.open, move |&open| {
            if let Some(d) = node.cast::<web_sys::HtmlDialogElement>() {
                if open && !d.open() {
                    let _ = d.show_modal();
                } else if !open && d.open() {
                    d.close();
                }
            }
        });
    }
    let onclose = {
        let cb = props.on_close.clone();
        Callback::from(move |_: Event| cb.emit(()))
    };
    let close = {
        let cb = props.on_close.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let toggle = {
        let cb = props.on_single_keys.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            cb.emit(input.checked());
        })
    };
    html! {
        <dialog ref={node} id="shortcuts" class="shortcuts" aria-labelledby="shortcuts-title" {onclose}>
            <h2 id="shortcuts-title">{ "Keyboard shortcuts" }</h2>
            <table>
                <thead><tr><th scope="col">{ "Key" }</th><th scope="col">{ "Does" }</th></tr></thead>
                <tbody>
                    { for SHORTCUTS.iter().map(|&(keys, does, single)| html! {
                        <tr class={classes!((single && !props.single_keys).then_some("off"))}>
                            <td><kbd>{ keys }</kbd></td>
                            <td>{ does }{ if single && !props.single_keys { " (off)" } else { "" } }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <label class="toggle" for="single-keys">
                <input type="checkbox" id="single-keys" checked={props.single_keys} onchange={toggle} />
                { "Single-key shortcuts (n, p, j, k, ?)" }
            </label>
            <p class="hint">{ "They never fire while typing in a field. F7 keeps working when they are off." }</p>
            <button type="button" class="close" onclick={close}>{ "Close" }</button>
        </dialog>
    }
}
