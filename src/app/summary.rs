//! One line that sums up a comparison, and the legend.

use yew::prelude::*;

use crate::engine::Stats;

/// Properties of [`Summary`].
#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    /// Share of words in common, 0..=1.
    pub similarity: f64,
    /// Counts by row kind.
    pub stats: Stats,
}

/// Similarity and counts, announced politely to screen readers on change.
#[function_component]
pub fn Summary(props: &SummaryProps) -> Html {
    let s = &props.stats;
    html! {
        <p class="summary" aria-live="polite">
            <strong>{ format!("{:.0}% similar", props.similarity * 100.0) }</strong>
            { format!(
                " · {} same · {} reworded · {} moved · {} only in A · {} only in B · {} boilerplate",
                s.equal, s.changed, s.moved, s.only_a, s.only_b, s.boilerplate
            ) }
            <span class="legend" aria-hidden="true">
                { " — " }<del>{ "only in A" }</del>{ " " }<ins>{ "only in B" }</ins>
            </span>
        </p>
    }
}
