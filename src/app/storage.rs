//! The reader's own texts in the browser's local storage. Saving follows
//! [`crate::intake::save_decision`]: a tab never overwrites texts another tab
//! saved after it loaded, without the reader choosing so.

use crate::intake::{read_draft, Draft, SaveDecision};
use crate::sources::{SourceAction, Sources};

/// The storage key (one draft per origin).
pub const KEY: &str = "report-diff:own-texts";

fn storage() -> Result<web_sys::Storage, String> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or_else(|| {
            "This browser does not let the page save your texts (storage is off): \
             they will be lost on reload."
                .to_string()
        })
}

/// A random id for this tab.
pub fn tab_id() -> String {
    format!("{:016x}", (js_sys::Math::random() * 2f64.powi(53)) as u64)
}

/// The saved draft, if there is a readable one.
pub fn load() -> Option<Draft> {
    let raw = storage().ok()?.get_item(KEY).ok()??;
    read_draft(&raw)
}

/// Saves the reader's texts (or removes the draft when every text is blank);
/// returns what the reducer should learn: saved as a revision, a conflict
/// with another tab, or that storage failed.
pub fn save(sources: &Sources) -> SourceAction {
    let store = match storage() {
        Ok(s) => s,
        Err(e) => return SourceAction::StorageFailed(e),
    };
    let stored = store
        .get_item(KEY)
        .ok()
        .flatten()
        .and_then(|raw| read_draft(&raw));
    match sources.save_decision(stored.as_ref()) {
        SaveDecision::Conflict => {
            SourceAction::Conflict(std::rc::Rc::new(stored.unwrap_or_default()))
        }
        SaveDecision::Write(rev) => {
            let result = if sources.nothing_typed() {
                store.remove_item(KEY)
            } else {
                let json = serde_json::to_string(&sources.draft(rev)).unwrap_or_default();
                store.set_item(KEY, &json)
            };
            match result {
                Ok(()) => SourceAction::Saved(rev),
                Err(_) => SourceAction::StorageFailed(
                    "Your texts could not be saved in this browser (its storage is full or off)."
                        .into(),
                ),
            }
        }
    }
}

/// The reader's texts: saved at every change (`sources.save_generation`),
/// and committed for comparison once typing has paused for 400 ms.
#[yew::hook]
pub fn use_saving(sources: Sources, d: yew::UseReducerDispatcher<super::state::State>) {
    let timer = yew::use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    yew::use_effect_with(sources.save_generation, move |&g| {
        if g > 0 {
            d.dispatch(super::state::Action::Source(save(&sources)));
            let d = d.clone();
            // A new timer drops (cancels) the one before it.
            *timer.borrow_mut() = Some(gloo::timers::callback::Timeout::new(400, move || {
                d.dispatch(super::state::Action::Source(SourceAction::Commit))
            }));
        }
    });
}
