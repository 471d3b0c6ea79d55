//! Which reports are shown: the bundled ones, the reader's own texts, or a
//! corpus from a URL (with how its loading went).

use yew::prelude::*;

use crate::sources::{Active, CorpusStatus};

/// Properties of [`SourceSwitch`].
#[derive(Properties, PartialEq)]
pub struct SourceSwitchProps {
    /// The active source.
    pub active: Active,
    /// How many reports are bundled.
    pub bundled: usize,
    /// Show the bundled reports.
    pub on_bundled: Callback<MouseEvent>,
    /// Show the reader's own texts.
    pub on_own: Callback<MouseEvent>,
}

/// Buttons between the sources, and the corpus's state in one line.
#[function_component]
pub fn SourceSwitch(props: &SourceSwitchProps) -> Html {
    let (bundled, own) = match &props.active {
        Active::Own => (false, true),
        Active::Bundled => (true, false),
        Active::Corpus { .. } => (false, false),
    };
    let corpus = match &props.active {
        Active::Corpus { url, status } => Some(match status {
            CorpusStatus::Loading => html! {
                <p id="corpus-status" class="source-note" role="status">{ format!("Loading the corpus from {url}…") }</p>
            },
            CorpusStatus::Ready(c) => html! {
                <p id="corpus-status" class="source-note" role="status">
                    <strong>{ c.title.clone().unwrap_or_else(|| "Corpus".into()) }</strong>
                    { format!(" · {} reports from {url}", c.reports.len()) }
                </p>
            },
            // The message itself is among the notices.
            CorpusStatus::Failed(_) => html! {
                <p id="corpus-status" class="source-note" role="status">{ format!("The corpus from {url} could not be used; showing the bundled reports.") }</p>
            },
        }),
        _ => None,
    };
    html! {
        <div class="sources">
            <nav class="source-switch" aria-label="Reports to compare">
                <button id="source-bundled" type="button" class="tab" aria-pressed={bundled.to_string()}
                    onclick={props.on_bundled.clone()}>{ format!("The {} bundled reports", props.bundled) }</button>
                <button id="source-own" type="button" class="tab" aria-pressed={own.to_string()}
                    onclick={props.on_own.clone()}>{ "Your own texts" }</button>
            </nav>
            { corpus.unwrap_or_default() }
        </div>
    }
}
