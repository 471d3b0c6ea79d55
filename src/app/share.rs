//! "Share" copies the permalink of what the reader sees; "Embed" shows the
//! snippets for it, iframe and direct mount ([`crate::embed`]).

use yew::prelude::*;

use crate::embed::{iframe_snippet, mount_snippet, permalink};

/// Properties of [`Share`].
#[derive(Properties, PartialEq)]
pub struct ShareProps {
    /// The app's address (ends in `/`).
    pub base: AttrValue,
    /// The view's query string (a corpus URL made absolute).
    pub query: AttrValue,
    /// The reports are the reader's own texts (a link cannot carry them).
    pub own: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum Panel {
    Closed,
    Share,
    Embed,
}

/// Copies `text` to the clipboard; `done` learns whether it worked.
fn copy(text: String, done: Callback<bool>) {
    let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
        done.emit(false);
        return;
    };
    yew::platform::spawn_local(async move {
        let ok = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text))
            .await
            .is_ok();
        done.emit(ok);
    });
}

/// The two controls and their panel.
#[function_component]
pub fn Share(props: &ShareProps) -> Html {
    let panel = use_state(|| Panel::Closed);
    let status = use_state(|| None::<&'static str>);
    let link = permalink(&props.base, &props.query);
    let toggle = |which: Panel| {
        let (panel, status) = (panel.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            status.set(None);
            panel.set(if *panel == which {
                Panel::Closed
            } else {
                which
            });
        })
    };
    let copy_button = |id: &'static str, text: String, label: &'static str| {
        let status = status.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            copy(
                text.clone(),
                Callback::from(move |ok: bool| {
                    status.set(Some(if ok {
                        "Copied."
                    } else {
                        "The browser did not allow copying: select the text and copy it."
                    }))
                }),
            );
        });
        html! { <button type="button" {id} class="small" {onclick}>{ label }</button> }
    };
    let on_share = {
        // Opening the share panel copies the link at once.
        let (toggle, link, status, panel) = (
            toggle(Panel::Share),
            link.clone(),
            status.clone(),
            panel.clone(),
        );
        Callback::from(move |e: MouseEvent| {
            let opening = *panel != Panel::Share;
            toggle.emit(e);
            if opening {
                let status = status.clone();
                copy(
                    link.clone(),
                    Callback::from(move |ok: bool| {
                        status.set(Some(if ok {
                            "Link copied."
                        } else {
                            "Copy the link below."
                        }))
                    }),
                );
            }
        })
    };
    let own_note = props.own.then(|| html! {
        <p class="source-note">{ "Your own texts stay in this browser: this link opens them only here. To share them, publish them as a JSON corpus and link to it with ?corpus=…" }</p>
    });
    let body = match *panel {
        Panel::Closed => Html::default(),
        Panel::Share => html! {
            <div id="share-panel" class="share-panel">
                <label for="share-link">{ "Link to this view" }</label>
                <input id="share-link" type="text" readonly=true value={link.clone()} />
                { copy_button("copy-link", link.clone(), "Copy link") }
                { own_note.clone().unwrap_or_default() }
            </div>
        },
        Panel::Embed => {
            let frame = iframe_snippet(&props.base, &props.query);
            let mount = mount_snippet(&props.base, &props.query);
            html! {
                <div id="embed-panel" class="share-panel">
                    <label for="embed-iframe">{ "Iframe (any page or CMS; its height follows the content)" }</label>
                    <textarea id="embed-iframe" readonly=true rows="3" value={frame.clone()} />
                    { copy_button("copy-iframe", frame, "Copy iframe") }
                    <label for="embed-script">{ "Direct mount (a script include; several per page)" }</label>
                    <textarea id="embed-script" readonly=true rows="3" value={mount.clone()} />
                    { copy_button("copy-script", mount, "Copy script") }
                    { own_note.unwrap_or_default() }
                </div>
            }
        }
    };
    html! {
        <div class="share">
            <button type="button" id="share" aria-expanded={(*panel == Panel::Share).to_string()}
                aria-controls="share-panel" onclick={on_share}>{ "Share" }</button>
            <button type="button" id="embed" aria-expanded={(*panel == Panel::Embed).to_string()}
                aria-controls="embed-panel" onclick={toggle(Panel::Embed)}>{ "Embed" }</button>
            { body }
            <p class="share-status" role="status" aria-live="polite">{ status.unwrap_or("") }</p>
        </div>
    }
}
