//! Where a large pair's comparison in the background stands: progress with a
//! Cancel button, "cancelled" with a way to start again, or why it failed.

use yew::prelude::*;

/// Properties of [`OffloadStatus`].
#[derive(Properties, PartialEq)]
pub struct OffloadStatusProps {
    /// Step, steps and what the worker does (`None`: starting).
    pub progress: Option<(u32, u32, AttrValue)>,
    /// The reader cancelled it.
    pub cancelled: bool,
    /// Why it could not finish, if it failed.
    pub error: Option<AttrValue>,
    /// The coarse comparison is running (the full one ran out of time).
    pub coarse: bool,
    /// The comparison is in and its rows are being laid out: rows done, of
    /// how many (the worker's part is over: nothing to cancel).
    pub preparing: Option<(usize, usize)>,
    /// Stops the comparison.
    pub on_cancel: Callback<()>,
    /// Starts it again.
    pub on_retry: Callback<()>,
}

/// The large-pair status line.
#[function_component]
pub fn OffloadStatus(props: &OffloadStatusProps) -> Html {
    let cancel = props.on_cancel.reform(|_: MouseEvent| ());
    let retry = props.on_retry.reform(|_: MouseEvent| ());
    if let Some(why) = &props.error {
        return html! {
            <div class="offload" id="offload-status">
                <p role="alert">{ format!("The comparison could not finish: {why}.") }</p>
                <button type="button" id="compare-again" onclick={retry}>{ "Try again" }</button>
            </div>
        };
    }
    if props.cancelled {
        return html! {
            <div class="offload" id="offload-status">
                <p role="status">{ "Comparison cancelled." }</p>
                <button type="button" id="compare-again" onclick={retry}>{ "Compare again" }</button>
            </div>
        };
    }
    if let Some((built, total)) = props.preparing {
        return html! {
            <div class="offload" id="offload-status" aria-busy="true">
                <p role="status">{ format!("Compared; preparing the view: {built} of {total} rows…") }</p>
                <progress id="offload-layout" max={total.max(1).to_string()} value={built.to_string()}
                    aria-label="Preparing the view" />
            </div>
        };
    }
    let (step, steps, what) = props
        .progress
        .clone()
        .unwrap_or((0, 1, AttrValue::from("starting")));
    let lead = if props.coarse {
        "The full comparison took too long; comparing coarsely"
    } else {
        "Comparing large texts in the background"
    };
    let line = if step == 0 {
        format!("{lead}: starting…")
    } else {
        format!("{lead}: step {step} of {steps}, {what}…")
    };
    html! {
        <div class="offload" id="offload-status" aria-busy="true">
            <p role="status">{ line }</p>
            <progress id="offload-progress" max={steps.to_string()} value={step.to_string()}
                aria-label="Comparison progress" />
            <button type="button" id="cancel-compare" onclick={cancel}>{ "Cancel" }</button>
        </div>
    }
}
