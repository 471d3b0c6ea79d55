//! The bar above the comparison: previous / next change with the position
//! ("Change 3 of 17"), the shortcut list, exports. Stays in view while the
//! reader scrolls.

use yew::prelude::*;

/// Properties of [`ChangeNav`].
#[derive(Properties, PartialEq)]
pub struct ChangeNavProps {
    /// How many changes there are.
    pub total: usize,
    /// The change the reader stepped to.
    pub current: Option<usize>,
    /// What the current change is, for the announcement.
    pub description: Option<AttrValue>,
    /// Called with `true` for next, `false` for previous.
    pub on_step: Callback<bool>,
    /// Opens the shortcut list.
    pub on_shortcuts: Callback<()>,
    /// The export controls.
    pub children: Html,
}

/// "Change 3 of 17", "17 changes", "No changes".
fn position(total: usize, current: Option<usize>) -> String {
    match (total, current) {
        (0, _) => "No changes".to_string(),
        (n, Some(i)) => format!("Change {} of {n}", i + 1),
        (1, None) => "1 change".to_string(),
        (n, None) => format!("{n} changes"),
    }
}

/// The change navigation bar.
#[function_component]
pub fn ChangeNav(props: &ChangeNavProps) -> Html {
    let step = |forward: bool| {
        let cb = props.on_step.clone();
        Callback::from(move |_: MouseEvent| cb.emit(forward))
    };
    let shortcuts = {
        let cb = props.on_shortcuts.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let none = props.total == 0;
    let announcement = match (props.current, &props.description) {
        (Some(i), Some(d)) => format!("Change {} of {}: {d}", i + 1, props.total),
        _ => String::new(),
    };
    html! {
        <div class="change-nav">
            <nav class="steps" aria-label="Changes">
                <button type="button" id="prev-change" class="step" onclick={step(false)} disabled={none}
                    aria-keyshortcuts="p k Shift+F7" title="Previous change (p, k or Shift+F7)">
                    <span aria-hidden="true">{ "↑ " }</span>{ "Previous" }
                </button>
                <span id="change-position" class="position">{ position(props.total, props.current) }</span>
                <button type="button" id="next-change" class="step" onclick={step(true)} disabled={none}
                    aria-keyshortcuts="n j F7" title="Next change (n, j or F7)">
                    { "Next" }<span aria-hidden="true">{ " ↓" }</span>
                </button>
            </nav>
            <button type="button" id="show-shortcuts" class="plain" aria-haspopup="dialog" onclick={shortcuts}>
                { "Shortcuts" }<span aria-hidden="true">{ " (?)" }</span>
            </button>
            { props.children.clone() }
            <p class="visually-hidden" aria-live="polite" id="change-announcement">{ announcement }</p>
        </div>
    }
}
