//! The reader's own texts: boxes to paste or type into, `.txt` files to drop
//! or pick, a clear control; saved in the browser as they type (the app
//! does the saving). Files are decoded by [`crate::intake::decode_file`].

use std::rc::Rc;

use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::intake::{decode_file, Draft, DraftText, MAX_REPORTS, MAX_TEXT_BYTES};
use crate::sources::SourceAction;

/// Properties of [`OwnTexts`].
#[derive(Properties, PartialEq)]
pub struct OwnTextsProps {
    /// The texts as typed.
    pub texts: Rc<Vec<DraftText>>,
    /// What happened to the last files.
    pub notes: Vec<String>,
    /// Why the texts cannot be compared yet, if they cannot.
    pub problem: Option<String>,
    /// Why the texts cannot be saved, if they cannot.
    pub storage_problem: Option<String>,
    /// Another tab's texts, found when saving.
    pub conflict: Option<Rc<Draft>>,
    /// Where every change goes.
    pub on: Callback<SourceAction>,
}

/// Reads files in order, then hands over their texts and the notes about them.
fn read_files(files: Vec<web_sys::File>, on: Callback<SourceAction>) {
    yew::platform::spawn_local(async move {
        let (mut texts, mut notes) = (Vec::new(), Vec::new());
        for file in files {
            let name = file.name();
            let size = file.size() as usize;
            // Refuse big files before reading them.
            let bytes = if size > MAX_TEXT_BYTES {
                vec![0; 0]
            } else {
                match JsFuture::from(file.array_buffer()).await {
                    Ok(buf) => js_sys::Uint8Array::new(&buf).to_vec(),
                    Err(_) => {
                        notes.push(format!("“{name}” could not be read."));
                        continue;
                    }
                }
            };
            let decoded = if size > MAX_TEXT_BYTES {
                Err(crate::intake::FileError::TooLarge(name.clone(), size))
            } else {
                decode_file(&name, &bytes)
            };
            match decoded {
                Ok(d) => {
                    notes.extend(d.note);
                    texts.push(DraftText {
                        label: name,
                        text: d.text,
                    });
                }
                Err(e) => notes.push(e.to_string()),
            }
        }
        on.emit(SourceAction::AddTexts(texts, notes));
    });
}

fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect())
        .unwrap_or_default()
}

/// The editor of the reader's own texts.
#[function_component]
pub fn OwnTexts(props: &OwnTextsProps) -> Html {
    let dragging = use_state(|| false);
    let on = &props.on;
    // The boxes are not bound to `value`: Yew would read each box's value
    // back from the page on every render to compare it (a pasted 1 MB text
    // crossing into the wasm each time). An effect writes a box only when
    // the state holds something else than what that box last held.
    let areas = use_mut_ref(Vec::<NodeRef>::new);
    let held = use_mut_ref(Vec::<Option<(web_sys::HtmlTextAreaElement, String)>>::new);
    areas
        .borrow_mut()
        .resize_with(props.texts.len(), NodeRef::default);
    {
        let (areas, held) = (areas.clone(), held.clone());
        use_effect_with(props.texts.clone(), move |texts| {
            let areas = areas.borrow();
            let mut held = held.borrow_mut();
            held.resize_with(texts.len(), || None);
            for ((t, area), held) in texts.iter().zip(areas.iter()).zip(held.iter_mut()) {
                let Some(el) = area.cast::<web_sys::HtmlTextAreaElement>() else {
                    continue;
                };
                // A box Yew made afresh, or one showing another text.
                let fresh = held
                    .as_ref()
                    .is_none_or(|(e, text)| *e != el || *text != t.text);
                if fresh {
                    el.set_value(&t.text);
                    *held = Some((el, t.text.clone()));
                }
            }
        });
    }
    let boxes = props.texts.iter().enumerate().map(|(i, t)| {
        let oninput = {
            let (on, held) = (on.clone(), held.clone());
            Callback::from(move |e: InputEvent| {
                let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
                let value = area.value();
                if let Some(slot) = held.borrow_mut().get_mut(i) {
                    *slot = Some((area, value.clone()));
                }
                on.emit(SourceAction::Edit(i, value));
            })
        };
        let remove = {
            let on = on.clone();
            Callback::from(move |_: MouseEvent| on.emit(SourceAction::Remove(i)))
        };
        let id = format!("own-text-{}", i + 1);
        let area = areas.borrow().get(i).cloned().unwrap_or_default();
        // autocomplete="off": otherwise Chromium copies every box's text
        // into the session history on each `history.replaceState` (the app
        // mirrors its state in the URL), 0.2 s for two 1 MB texts; the app
        // restores the texts from its own storage anyway.
        html! {
            <div class="own-box">
                <label for={id.clone()}>{ format!("{} · {}", i + 1, t.label) }</label>
                <textarea {id} ref={area} class="own-text" rows="6" spellcheck="false" autocomplete="off" {oninput}
                    placeholder="Paste or type a report here" />
                <button type="button" class="small" onclick={remove}
                    aria-label={format!("Remove text {}", i + 1)}>{ "Remove" }</button>
            </div>
        }
    });
    let on_pick = {
        let on = on.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let files = files_of(input.files());
            input.set_value(""); // picking the same file again still fires
            read_files(files, on.clone());
        })
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default(); // allows the drop
            dragging.set(true);
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let (on, dragging) = (on.clone(), dragging.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            read_files(
                files_of(e.data_transfer().and_then(|d| d.files())),
                on.clone(),
            );
        })
    };
    let add = {
        let on = on.clone();
        Callback::from(move |_: MouseEvent| on.emit(SourceAction::AddBox))
    };
    let clear = {
        let on = on.clone();
        Callback::from(move |_: MouseEvent| on.emit(SourceAction::Clear))
    };
    let keep = {
        let on = on.clone();
        Callback::from(move |_: MouseEvent| on.emit(SourceAction::KeepMine))
    };
    let take = {
        let on = on.clone();
        Callback::from(move |_: MouseEvent| on.emit(SourceAction::TakeSaved))
    };
    let full = props.texts.len() >= MAX_REPORTS;
    html! {
        <section id="own-texts" class={classes!("own-texts", dragging.then_some("dragging"))}
            aria-label="Your own texts" {ondragover} {ondragleave} {ondrop}>
            <p class="own-help">
                { "Paste or type two or more texts, or drop .txt files here. They are saved in this browser as you type, and stay on this device." }
            </p>
            if let Some(other) = &props.conflict {
                <div class="notice conflict" role="alert">
                    <p>{ format!(
                        "Another tab saved different texts ({} text(s)) since this tab opened them. Which do you want to keep?",
                        other.texts.len()
                    ) }</p>
                    <button type="button" id="conflict-keep" onclick={keep}>{ "Keep this tab’s texts" }</button>
                    { " " }
                    <button type="button" id="conflict-take" onclick={take}>{ "Load the other tab’s texts" }</button>
                </div>
            }
            if let Some(p) = &props.storage_problem {
                <p class="notice" role="alert">{ p.clone() }</p>
            }
            if !props.notes.is_empty() {
                <div id="file-notes" class="notice" role="alert">
                    { for props.notes.iter().map(|n| html! { <p>{ n.clone() }</p> }) }
                </div>
            }
            <div class="own-boxes">{ for boxes }</div>
            <div class="own-actions">
                <button type="button" id="own-add" onclick={add} disabled={full}>{ "Add a text" }</button>
                <label class="file-pick" for="own-files">{ "Add .txt files…" }</label>
                <input type="file" id="own-files" class="visually-hidden" accept=".txt,text/plain" multiple=true onchange={on_pick} />
                <button type="button" id="own-clear" onclick={clear}>{ "Clear all texts" }</button>
            </div>
            if let Some(p) = &props.problem {
                <p class="source-note" role="status">{ p.clone() }</p>
            }
        </section>
    }
}
