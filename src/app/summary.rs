//! One line that sums up a comparison, and how to read the view.

use yew::prelude::*;

use crate::engine::score::percent;
use crate::engine::Stats;

/// Properties of [`Summary`].
#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    /// Similarity, 0..=1.
    pub similarity: f64,
    /// Counts by row kind.
    pub stats: Stats,
}

/// Similarity and counts (announced politely to screen readers on change),
/// and a legend of the cell styles.
#[function_component]
pub fn Summary(props: &SummaryProps) -> Html {
    let s = &props.stats;
    html! {
        <>
            <p class="summary" aria-live="polite">
                <strong title="Words of aligned passages, each pair weighted by how closely it matches, over all story words">
                    { format!("{} similar", percent(props.similarity)) }
                </strong>
                { format!(
                    " · {} same · {} reworded · {} moved · {} only in A · {} only in B · {} site chrome",
                    s.equal, s.changed, s.moved, s.only_a, s.only_b, s.boilerplate
                ) }
                if s.translation > 0 {
                    { format!(" · {} in the translated copy", s.translation) }
                }
            </p>
            <details class="legend">
                <summary>{ "How to read this" }</summary>
                <ul>
                    <li><span class="swatch same"></span>{ "Same in both reports (under the “Ignore” options)." }</li>
                    <li><span class="swatch changed"></span>{ "Reworded: " }<del>{ "struck through" }</del>{ " only in A, " }<ins>{ "underlined" }</ins>{ " only in B. “Loose match”: the two share only a few distinctive words." }</li>
                    <li><span class="swatch moved"></span>{ "Moved: the other report says it elsewhere. Both wordings stand at A’s place; B’s place keeps one line that points back." }</li>
                    <li><span class="swatch only-a"></span><span class="swatch only-b"></span>{ "Only this report says it (dashed: A’s side, then B’s); the other side is hatched. Long runs fold after a few sentences." }</li>
                    <li><span class="swatch boilerplate"></span>{ "Site chrome, disclaimers and ads: folded into one line by default; “Site chrome & ads” dims, shows or leaves them out." }</li>
                    <li>{ "Next / Previous (or n, p, F7) step from change to change; the bar at the right edge maps them; press ? for all shortcuts." }</li>
                    <li>{ "Similarity counts aligned passages' words, weighted by how closely each pair matches." }</li>
                </ul>
            </details>
        </>
    }
}
