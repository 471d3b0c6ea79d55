//! The browser app: Yew components that render the engine's results.
//!
//! Data flows one way: bundled texts → [`Collection`] (built once) →
//! [`Comparison`](crate::engine::Comparison) (memoised on the pair and options)
//! → view models (memoised likewise) → components. All UI state lives in one
//! reducer ([`state::State`]); its [`Params`] part is mirrored in the URL.

mod controls;
mod coverage;
mod fatal;
mod fetch;
mod figures;
mod frame;
mod grid_rows;
mod mount;
mod names;
mod overview;
mod own_texts;
mod picker;
mod quote_groups;
mod quotes;
mod report_filter;
mod share;
mod source_switch;
mod split;
mod state;
mod storage;
mod story_map;
mod summary;
mod translation;
mod url;

use std::rc::Rc;

use yew::prelude::*;

use crate::corpus;
use crate::engine::overview::{build_from, Pairwise};
use crate::engine::{Collection, Options};
use crate::intake::Report;
use crate::params::{Params, View};
use crate::sources::{Reports, SourceAction};
use crate::view::{
    overview_model, quotes_model, split_model, translation_model, BoilerplateDisplay, Link,
    QuotesModel, SplitModel,
};
use controls::Controls;
use overview::OverviewView;
use own_texts::OwnTexts;
use picker::Picker;
use quotes::QuotesPanel;
use share::Share;
use source_switch::SourceSwitch;
use split::SplitView;
use state::{Action, State};
use summary::Summary;
use translation::TranslationView;

/// What the pickers show about a report.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportInfo {
    /// Three-digit id.
    pub id: AttrValue,
    /// Headline, or the first words of the text.
    pub headline: AttrValue,
    /// A short title for the selector.
    pub short_title: AttrValue,
    /// Outlet, or "unknown".
    pub outlet: AttrValue,
    /// "en", "en + zh".
    pub languages: AttrValue,
    /// Words (Latin) plus CJK characters.
    pub words: usize,
    /// The text.
    pub text: AttrValue,
}

fn report_infos() -> Vec<ReportInfo> {
    corpus::reports()
        .into_iter()
        .map(|r| {
            let first_line = r
                .text
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("")
                .trim();
            let headline = r.meta.headline.clone().unwrap_or_else(|| {
                let short: String = first_line.chars().take(90).collect();
                format!("(no headline) {short}…")
            });
            let short_title: String = r
                .meta
                .headline
                .as_deref()
                .unwrap_or(first_line)
                .chars()
                .take(48)
                .collect();
            let words = r.text.split_whitespace().count()
                + r.text
                    .chars()
                    .filter(|&c| crate::engine::token::is_cjk(c))
                    .count();
            ReportInfo {
                id: r.meta.id.into(),
                headline: headline.into(),
                short_title: short_title.into(),
                outlet: r.meta.outlet.unwrap_or_else(|| "unknown".into()).into(),
                languages: r.meta.languages.join(" + ").into(),
                words,
                text: AttrValue::Static(r.text),
            }
        })
        .collect()
}

/// What the pickers show about a report from a corpus or the reader's texts.
fn info_from(r: &Report) -> ReportInfo {
    let first_line = r
        .text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    let title = r.headline.as_deref().unwrap_or(first_line);
    let words = r.text.split_whitespace().count()
        + r.text
            .chars()
            .filter(|&c| crate::engine::token::is_cjk(c))
            .count();
    ReportInfo {
        id: r.id.clone().into(),
        headline: title.chars().take(200).collect::<String>().into(),
        short_title: title.chars().take(48).collect::<String>().into(),
        outlet: r.outlet.clone().unwrap_or_else(|| "unknown".into()).into(),
        languages: r.language.clone().unwrap_or_default().into(),
        words,
        text: AttrValue::Rc(r.text.as_str().into()),
    }
}

/// The query string of a view for a link or a snippet: a relative corpus URL
/// is made absolute (against the page), so the link works from anywhere.
fn shareable_query(p: &Params, ids: &[String]) -> String {
    let mut p = p.clone();
    if let Some(c) = p
        .corpus
        .as_mut()
        .filter(|c| c.as_str() != crate::sources::OWN)
    {
        let page = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        if let Ok(u) = web_sys::Url::new_with_base(c, &page) {
            *c = u.href();
        }
    }
    p.to_query(ids)
}

/// A callback that turns its argument into an action on the reducer.
fn dispatch<T: 'static>(
    d: &UseReducerDispatcher<State>,
    action: impl Fn(T) -> Action + 'static,
) -> Callback<T> {
    let d = d.clone();
    Callback::from(move |x| d.dispatch(action(x)))
}

pub use mount::start;

/// Properties of [`App`].
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The query string of a widget mounted into a host page's element (from
    /// its `data-` attributes); `None` on the app's own page, where the page URL
    /// holds them and follows every change.
    pub params: Option<AttrValue>,
    /// URL of the directory the app's files are served from (ends in `/`).
    pub base: AttrValue,
}

/// The widget.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let bundled = use_memo((), |_| report_infos());
    let state = {
        let bundled: Rc<Vec<String>> = Rc::new(bundled.iter().map(|r| r.id.to_string()).collect());
        let params = props.params.clone();
        let page = params.is_none();
        use_reducer(move || {
            let search = params.map_or_else(url::read_search, |q| q.to_string());
            let mut s = State::open(&search, bundled, storage::load(), &storage::tab_id());
            // A link to a passage ("#r12-a") is brought into view once the
            // pair has rendered.
            if page {
                s.focus = url::read_hash();
            }
            s
        })
    };
    // The reports of the active source; every memo below is keyed on the
    // source's generation too, which changes whenever these do.
    let generation = state.sources.generation;
    let source_reports = state.sources.reports();
    let reports = {
        let (bundled, source_reports) = (bundled.clone(), source_reports.clone());
        use_memo(generation, move |_| match source_reports {
            Reports::Bundled => (*bundled).clone(),
            Reports::Loading | Reports::Own(Err(_)) => Vec::new(),
            Reports::Corpus(c) => c.reports.iter().map(info_from).collect(),
            Reports::Own(Ok(r)) => r.iter().map(info_from).collect(),
        })
    };
    let ids: Rc<Vec<String>> = use_memo(generation, {
        let reports = reports.clone();
        move |_| reports.iter().map(|r| r.id.to_string()).collect()
    });
    let collection = use_memo(generation, {
        let reports = reports.clone();
        move |_| Collection::new(&reports.iter().map(|r| r.text.as_str()).collect::<Vec<_>>())
    });
    let p: &Params = &state.params;
    let comparison = {
        let collection = collection.clone();
        use_memo(
            (p.a, p.b, p.opts, generation),
            move |&(a, b, opts, _): &(usize, usize, Options, u64)| {
                collection.compare(a, b, &opts).map(Rc::new)
            },
        )
    };
    // The view model, derived once per comparison and display mode (keyed on
    // the cheap inputs, not on the comparison's contents).
    let model =
        {
            let reports = reports.clone();
            let comparison = comparison.clone();
            use_memo(
                (p.a, p.b, p.opts, p.boilerplate, generation),
                move |&(a, b, _, display, _): &(usize, usize, Options, BoilerplateDisplay, u64)| {
                    match (comparison.as_ref(), reports.get(a), reports.get(b)) {
                        (Some(cmp), Some(ra), Some(rb)) => {
                            Rc::new(split_model(cmp, &ra.text, &rb.text, display))
                        }
                        _ => Rc::new(SplitModel::default()),
                    }
                },
            )
        };
    let quotes = {
        let reports = reports.clone();
        let comparison = comparison.clone();
        use_memo(
            (p.a, p.b, p.opts, generation),
            move |&(a, b, _, _): &(usize, usize, Options, u64)| match (
                comparison.as_ref(),
                reports.get(a),
                reports.get(b),
            ) {
                (Some(cmp), Some(ra), Some(rb)) => Rc::new(quotes_model(cmp, &ra.text, &rb.text)),
                _ => Rc::new(QuotesModel::default()),
            },
        )
    };
    // The overview: every pair compared once, then the analyses; computed
    // when the overview is shown (its model also follows the filter and the
    // parameters its links carry).
    let overview = {
        let collection = collection.clone();
        let ids = ids.clone();
        use_memo(
            (p.opts, p.view == View::Overview, generation),
            move |&(opts, shown, _): &(Options, bool, u64)| {
                shown.then(|| {
                    let pairs = Pairwise::new(&collection, &opts);
                    let o = build_from(&collection, &ids, &opts, &pairs);
                    Rc::new((pairs, o))
                })
            },
        )
    };
    let overview_view = {
        let collection = collection.clone();
        let ids = ids.clone();
        let overview = overview.clone();
        // The links keep every parameter but the pair and the view.
        let mut key = p.clone();
        (key.a, key.b) = (0, 0);
        use_memo(
            (key, overview.is_some(), generation),
            move |(params, _, _)| {
                overview.as_ref().as_ref().map(|data| match &data.1 {
                    Ok(o) => Ok(Rc::new(overview_model(
                        o,
                        &collection,
                        &data.0,
                        params,
                        &ids,
                    ))),
                    Err(e) => Err(format!("No overview: {e}.")),
                })
            },
        )
    };
    // The report whose translation can be checked: A if bilingual, else B,
    // with its id (for the tab) and its model.
    let bilingual = {
        let collection = collection.clone();
        let reports = reports.clone();
        use_memo(
            (p.a, p.b, generation),
            move |&(a, b, _): &(usize, usize, u64)| {
                [a, b].into_iter().find_map(|i| {
                    let bi = collection.documents().get(i)?.bilingual()?;
                    let r = reports.get(i)?;
                    Some((r.id.clone(), Rc::new(translation_model(&r.id, &r.text, bi))))
                })
            },
        )
    };
    // The first report that carries a translation: what the overview's
    // translation tab opens (the overview has no pair to pick one from).
    let first_bilingual = {
        let collection = collection.clone();
        use_memo(generation, move |_| {
            collection
                .documents()
                .iter()
                .position(|d| d.bilingual().is_some())
        })
    };
    {
        // Only the app's own page mirrors its state in the address bar; a
        // widget mounted in a host page leaves the host's URL alone.
        // Nor while a corpus loads: its a and b are not known yet.
        let page = props.params.is_none() && source_reports != Reports::Loading;
        use_effect_with(p.to_query(&ids), move |q| {
            if page {
                url::write_search(q)
            }
        });
    }
    let root = use_node_ref();
    {
        // A passage opened from the overview: into view, and focused so that
        // keyboard and screen-reader users continue from there.
        let root = root.clone();
        let page = props.params.is_none();
        use_effect_with(
            (state.focus.clone(), p.view, p.a, p.b),
            move |(focus, _, _, _)| {
                if let (Some(target), Some(el)) = (focus, root.cast::<web_sys::Element>()) {
                    overview::bring_into_view(&el, target);
                    if page {
                        url::replace_hash(target);
                    }
                }
            },
        );
    }
    // A corpus in the URL: fetch it once.
    {
        let d = state.dispatcher();
        let url = match &state.sources.active {
            crate::sources::Active::Corpus {
                url,
                status: crate::sources::CorpusStatus::Loading,
            } => Some(url.clone()),
            _ => None,
        };
        use_effect_with((), move |_| {
            if let Some(url) = url {
                yew::platform::spawn_local(async move {
                    d.dispatch(Action::Source(match fetch::fetch_corpus(&url).await {
                        Ok(c) => SourceAction::CorpusLoaded(Rc::new(c)),
                        Err(e) => SourceAction::CorpusFailed(e.to_string()),
                    }))
                });
            }
        });
    }
    // The reader's texts: saved as they type; compared once typing pauses.
    let commit_timer = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    {
        let d = state.dispatcher();
        let sources = state.sources.clone();
        let timer = commit_timer.clone();
        use_effect_with(state.sources.save_generation, move |&g| {
            if g > 0 {
                d.dispatch(Action::Source(storage::save(&sources)));
                let d = d.clone();
                *timer.borrow_mut() = Some(gloo::timers::callback::Timeout::new(400, move || {
                    d.dispatch(Action::Source(SourceAction::Commit))
                }));
            }
        });
    }

    let d = state.dispatcher();
    let on_a = dispatch(&d, Action::SetA);
    let on_b = dispatch(&d, Action::SetB);
    let on_swap = dispatch(&d, |_: MouseEvent| Action::Swap);
    let on_opts = dispatch(&d, Action::SetOptions);
    let on_boilerplate = dispatch(&d, Action::SetBoilerplate);
    // On the overview, without a bilingual report in the pair, the
    // translation tab opens the first bilingual report.
    let translation_fallback = (p.view == View::Overview && bilingual.is_none())
        .then_some(*first_bilingual)
        .flatten();
    let on_view = dispatch(&d, move |v: View| match (v, translation_fallback) {
        (View::Translation, Some(i)) => Action::OpenTranslation(i),
        _ => Action::SetView(v),
    });
    let on_theme = dispatch(&d, Action::SetTheme);
    let on_open = dispatch(&d, |l: Link| Action::Open {
        a: l.pair.0,
        b: l.pair.1,
        target: (!l.target.is_empty()).then_some(l.target),
    });
    let on_toggle = dispatch(&d, Action::ToggleHidden);
    let on_only = dispatch(&d, Action::SetOnly);
    let dismiss = dispatch(&d, |_: MouseEvent| Action::DismissNotices);
    let on_source = dispatch(&d, Action::Source);
    let on_bundled = dispatch(&d, |_: MouseEvent| Action::Source(SourceAction::UseBundled));
    let on_own = dispatch(&d, |_: MouseEvent| Action::Source(SourceAction::UseOwn));
    let own_active = state.sources.active == crate::sources::Active::Own;
    let own_problem = match &source_reports {
        Reports::Own(Err(e)) => Some(e.clone()),
        _ => None,
    };

    let ra = reports.get(p.a);
    let rb = reports.get(p.b);
    html! {
        <main id="app-root" ref={root} data-ready="true" data-theme={p.theme.as_str()}>
            <header class="top">
                <h1>{ "How the reports differ" }</h1>
                if !state.notices.is_empty() {
                    <div class="notice" role="alert">
                        { for state.notices.iter().map(|n| html! { <p>{ n.clone() }</p> }) }
                        <button type="button" onclick={dismiss}>{ "Dismiss" }</button>
                    </div>
                }
                <SourceSwitch active={state.sources.active.clone()} bundled={bundled.len()} {on_bundled} {on_own} />
                if own_active {
                    <OwnTexts texts={state.sources.own.clone()} notes={state.sources.file_notes.clone()}
                        problem={own_problem.clone()} storage_problem={state.sources.storage_problem.clone()}
                        conflict={state.sources.conflict.clone()} on={on_source} />
                }
                <Share base={props.base.clone()} query={shareable_query(p, &ids)} own={own_active} />
                if p.view != View::Overview {
                    <div class="pickers">
                        <Picker side="a" reports={reports.clone()} selected={p.a} on_pick={on_a} />
                        <button id="swap" type="button" class="swap" onclick={on_swap}
                            aria-label="Swap reports A and B" title="Swap A and B">{ "⇄" }</button>
                        <Picker side="b" reports={reports.clone()} selected={p.b} on_pick={on_b} />
                    </div>
                }
                <Controls opts={p.opts} boilerplate={p.boilerplate} {on_opts} {on_boilerplate}
                    theme={p.theme} {on_theme} />
            </header>
            <ViewSwitch view={p.view} {on_view}
                bilingual={bilingual.as_ref().as_ref().map(|(id, _)| id.clone())
                    .or_else(|| translation_fallback.and_then(|i| reports.get(i)).map(|r| r.id.clone()))} />
            {
                match (p.view, &*bilingual, &*comparison, ra, rb) {
                    (View::Overview, _, _, _, _) => match &*overview_view {
                        Some(Ok(m)) => html! {
                            <OverviewView model={m.clone()} hide={p.hide.clone()} only={p.only}
                                on_open={on_open.clone()} {on_toggle} {on_only} />
                        },
                        Some(Err(e)) => html! { <p class="notice" role="alert">{ e.clone() }</p> },
                        None => Html::default(),
                    },
                    (View::Translation, Some((_, m)), _, _, _) => html! { <TranslationView model={m.clone()} /> },
                    (_, _, Some(cmp), Some(ra), Some(rb)) => html! {
                        <>
                            if p.view == View::Translation {
                                <p class="notice" role="status">{ "Neither report carries a translation; showing them side by side." }</p>
                            }
                            <Summary similarity={cmp.similarity} stats={cmp.stats.clone()} />
                            <QuotesPanel model={(*quotes).clone()} />
                            <SplitView label_a={ra.id.clone()} label_b={rb.id.clone()} model={(*model).clone()} />
                        </>
                    },
                    _ => match &source_reports {
                        // The source's own line says why (loading, or too few texts).
                        Reports::Loading | Reports::Own(Err(_)) => Html::default(),
                        _ => html! { <p class="notice" role="alert">{ "No report to compare." }</p> },
                    },
                }
            }
        </main>
    }
}

/// Properties of [`ViewSwitch`].
#[derive(Properties, PartialEq)]
pub struct ViewSwitchProps {
    /// The current view.
    pub view: View,
    /// Id of the selected report that carries a translation, if any.
    pub bilingual: Option<AttrValue>,
    /// Called with the chosen view.
    pub on_view: Callback<View>,
}

/// Tabs between the overview, the aligned comparison and the translation
/// check.
#[function_component]
pub fn ViewSwitch(props: &ViewSwitchProps) -> Html {
    let tab = |v: View, label: String, enabled: bool| {
        let on_view = props.on_view.clone();
        let onclick = Callback::from(move |_| on_view.emit(v));
        html! {
            <button type="button" class="tab" id={format!("view-{}", v.as_str())}
                aria-pressed={(props.view == v).to_string()} disabled={!enabled} {onclick}>
                { label }
            </button>
        }
    };
    let translation_label = match &props.bilingual {
        Some(id) => format!("Translation check ({id})"),
        None => "Translation check (pick 004)".to_string(),
    };
    html! {
        <nav class="views" aria-label="Views">
            { tab(View::Overview, "Overview".to_string(), true) }
            { tab(View::Split, "Side by side".to_string(), true) }
            { tab(View::Translation, translation_label, props.bilingual.is_some()) }
        </nav>
    }
}
