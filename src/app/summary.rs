//! One line that sums up a comparison, and how to read the view.

use yew::prelude::*;

use crate::engine::score::percent;
use crate::engine::{Coverage, Stats};

/// Properties of [`Summary`].
#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    /// How much of each story the other report also tells.
    pub coverage: Coverage,
    /// Counts by row kind.
    pub stats: Stats,
    /// True when sentence vectors took part in the alignment.
    pub semantic: bool,
}

/// Similarity and counts (announced politely to screen readers on change),
/// and a legend of the cell styles.
#[function_component]
pub fn Summary(props: &SummaryProps) -> Html {
    let s = &props.stats;
    let c = &props.coverage;
    html! {
        <>
            <p class="summary" aria-live="polite">
                <strong title={format!(
                    "Story sentences (site chrome, translated copies and short labels left out) with a counterpart in the other report: {} of A’s {}, {} of B’s {}",
                    c.a_shared, c.a_total, c.b_shared, c.b_total
                )}>
                    { format!(
                        "B also tells {} of A’s story, A {} of B’s",
                        percent(c.a),
                        percent(c.b)
                    ) }
                </strong>
                { format!(
                    " · {} same · {} reworded · {} moved · {} only in A · {} only in B · {} said elsewhere in the other · {} site chrome",
                    s.equal, s.changed, s.moved, s.only_a, s.only_b, s.elsewhere, s.boilerplate
                ) }
                if s.translation > 0 {
                    { format!(" · {} in the translated copy", s.translation) }
                }
                if !props.semantic {
                    { " · matched by shared words only (no sentence vectors for these texts)" }
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
                    <li>{ "The shares on top count the story's sentences that the other report also tells, on its row or elsewhere (“also in …” links); the overview's table shows the same figures." }</li>
                </ul>
            </details>
        </>
    }
}
