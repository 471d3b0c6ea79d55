//! The browser app: Yew components that render the engine's results.
//!
//! Data flows one way: bundled texts → [`Collection`] (built once) →
//! [`Comparison`](crate::engine::Comparison) (memoised on the pair and options)
//! → view models (memoised likewise) → components. All UI state lives in one
//! reducer ([`state::State`]); its [`Params`] part is mirrored in the URL.

mod changebar;
mod controls;
mod coverage;
mod dom;
mod export_menu;
mod fatal;
mod fetch;
mod figures;
mod frame;
mod keys;
mod mount;
mod names;
mod narrow;
mod navbar;
mod offload_status;
mod overview;
mod own_texts;
mod picker;
mod quote_groups;
mod quotes;
mod report_filter;
mod share;
mod shortcuts;
mod sliced;
mod source_switch;
mod split;
mod split_chunk;
mod state;
mod storage;
mod story_map;
mod summary;
mod translation;
mod unified;
mod unified_chunk;
mod url;
mod window;
mod words;
mod worker;

use std::ops::Deref;
use std::rc::Rc;

use yew::prelude::*;

use crate::corpus;
use crate::engine::overview::{build_from, Pairwise};
use crate::engine::semantic::{SentenceTable, Source};
use crate::engine::{Collection, Options, Semantics};
use crate::export::{Export, Report as ExportedReport};
use crate::intake::Report;
use crate::offload::{self, FULL_DEADLINE_MS, LARGE_BYTES, WORD_VECTORS_MAX_BYTES};
use crate::params::{Params, View};
use crate::sources::{Reports, SourceAction};
use crate::view::{
    overview_model, quotes_model, signal_name, signal_note, split_model, translation_model,
    BoilerplateDisplay, Link, QuotesModel, SplitModel, WordTablePhase,
};
use changebar::ChangeBar;
use controls::Controls;
use export_menu::{ExportKind, ExportMenu};
use navbar::ChangeNav;
use offload_status::OffloadStatus;
use overview::OverviewView;
use own_texts::OwnTexts;
use picker::Picker;
use quotes::QuotesPanel;
use share::Share;
use shortcuts::ShortcutsDialog;
use sliced::Sliced;
use source_switch::SourceSwitch;
use split::SplitView;
use state::{Action, Opening, State, SINGLE_KEYS_KEY};
use summary::Summary;
use translation::TranslationView;
use unified::UnifiedView;

/// A shared value compared by identity: props holding one re-render only when
/// a memo produced a new value, without comparing its contents.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

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
    let words = crate::view::word_count(&r.text);
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
    /// URL of the app's style sheet: the HTML export fetches it (from the
    /// browser's cache) to inline it, so the wasm does not carry a copy.
    pub css: AttrValue,
    /// Absolute URL of the word table (`None`: a build without one).
    pub words: Option<AttrValue>,
}

/// The signal line for a large source: its pairs are compared in a worker,
/// then what `signal` (the line for the words-only case, if any) says.
fn large_note(signal: Option<String>) -> String {
    let mut line = format!(
        "These texts are large (over {} KB together): each pair is compared in the background.",
        LARGE_BYTES / 1000
    );
    if let Some(signal) = signal {
        line.push(' ');
        line.push_str(&signal);
    }
    line
}

/// What the signal line adds for a source too large for the word vectors.
fn too_large_for_words() -> String {
    format!(
        "Passages are matched by shared words only: the word vectors, which also match \
         rewordings and translations, are used for texts up to {} MB together (beyond, a pair \
         would take too long).",
        WORD_VECTORS_MAX_BYTES / 1_000_000
    )
}

/// What the overview says for a large source.
const LARGE_OVERVIEW: &str = "These texts are too large for the overview in this page: open the \
                              side-by-side view to compare them two at a time.";

/// The note over a coarse comparison.
fn coarse_note() -> String {
    format!(
        "This pair took more than {} s to align fully, so it is compared coarsely: only sentences \
         that are identical in both texts are paired, in order, plus a reworded sentence that sits \
         alone between two of them. Moves and rewordings elsewhere are not found.",
        FULL_DEADLINE_MS / 1000
    )
}

/// The export of one comparison: both reports, the options, the engine's
/// result and its view model.
fn export_of<'a>(
    ra: &'a ReportInfo,
    rb: &'a ReportInfo,
    options: Options,
    comparison: &'a crate::engine::Comparison,
    model: &'a SplitModel,
) -> Export<'a> {
    Export {
        a: ExportedReport {
            id: &ra.id,
            title: &ra.headline,
            text: &ra.text,
        },
        b: ExportedReport {
            id: &rb.id,
            title: &rb.headline,
            text: &rb.text,
        },
        options,
        comparison,
        model,
    }
}

/// Saves `content` as the export's file (extension `ext`, type `mime`);
/// returns the status line to show.
fn save(e: &Export, ext: &str, mime: &str, content: &str) -> String {
    let name = e.file_name(ext);
    let kib = content.len().div_ceil(1024);
    match dom::download(&name, mime, content) {
        Ok(()) => format!("Downloaded {name} ({kib} KiB)."),
        Err(err) => err,
    }
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
            let opening = Opening {
                search: &search,
                saved: storage::load(),
                tab: &storage::tab_id(),
                // A widget in a host page cannot be measured before it
                // renders: the window's width is the first guess.
                width: if page {
                    dom::page_width()
                } else {
                    dom::window_width()
                },
                single_keys: dom::stored(SINGLE_KEYS_KEY).as_deref() != Some("off"),
            };
            let mut s = State::open(opening, bundled);
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
    // With the word table once it is loaded: texts the bundled sentence
    // vectors do not know are then matched by meaning too (the collection is
    // rebuilt; until then, and if it cannot load, by shared words).
    let word_table = state.words.table.clone();
    // Large texts are compared in a web worker, pair by pair: the page
    // builds no collection for them (that alone would freeze it).
    // (large, the worker uses the word table for it)
    let (large, large_words) = *use_memo(generation, {
        let reports = reports.clone();
        move |_| {
            let texts: Vec<&str> = reports.iter().map(|r| r.text.as_str()).collect();
            (
                offload::is_large(&texts),
                offload::with_word_vectors(&texts),
            )
        }
    });
    let collection = use_memo((generation, word_table.clone().map(Shared)), {
        let reports = reports.clone();
        move |_| {
            if large {
                return Collection::lexical::<&str>(&[]);
            }
            let texts: Vec<&str> = reports.iter().map(|r| r.text.as_str()).collect();
            Collection::with_semantics(
                &texts,
                Semantics {
                    sentences: Some(SentenceTable::bundled()),
                    words: word_table.as_deref(),
                },
            )
        }
    });
    // Fetch the word table when a text needs it (and only then), after this
    // render has painted; once a page. A large source has no collection in
    // the page: its worker uses the table.
    let needs_words = if large {
        large_words
    } else {
        collection.source().is_none()
    } && reports.len() >= 2;
    words::use_word_table(
        needs_words && state.words.phase == WordTablePhase::NotLoaded,
        props.words.clone(),
        state.dispatcher(),
    );
    let source_generation = generation;
    // Every memo below follows the collection and the worker's results: the
    // word table arriving rebuilds the collection, a large pair's comparison
    // arrives from the worker; each is a new generation for them as a new
    // source is.
    let generation = (generation << 24 | (state.offload.results & 0xff_ffff)) << 1
        | u64::from(state.words.table.is_some());
    let p: &Params = &state.params;
    let comparison = {
        let collection = collection.clone();
        let offloaded = state
            .offload
            .result
            .clone()
            .filter(|_| state.offload.key == Some((p.a, p.b, p.opts, source_generation)));
        use_memo(
            (p.a, p.b, p.opts, generation),
            move |&(a, b, opts, _): &(usize, usize, Options, u64)| {
                if large {
                    return offloaded.and_then(Result::ok).map(|c| c.0);
                }
                collection.compare(a, b, &opts).map(Rc::new)
            },
        )
    };
    // The view model, derived once per comparison and display mode (keyed on
    // the cheap inputs, not on the comparison's contents).
    let model: Rc<SplitModel> = {
        let reports = reports.clone();
        let comparison = comparison.clone();
        let memo = use_memo(
            (p.a, p.b, p.opts, p.boilerplate, generation),
            move |&(a, b, _, display, _): &(usize, usize, Options, BoilerplateDisplay, u64)| {
                match (comparison.as_ref(), reports.get(a), reports.get(b)) {
                    // A large pair's model is built in slices (below).
                    (Some(cmp), Some(ra), Some(rb)) if !large => {
                        Rc::new(split_model(cmp, &ra.text, &rb.text, display))
                    }
                    _ => Rc::new(SplitModel::default()),
                }
            },
        );
        (*memo).clone()
    };
    // A large pair's model, built a slice at a time once the worker's
    // comparison is in; the comparison is shown when its model is ready.
    let sliced = {
        let input = match (
            large,
            comparison.as_ref(),
            reports.get(p.a),
            reports.get(p.b),
        ) {
            (true, Some(cmp), Some(ra), Some(rb)) => Some(sliced::Input {
                cmp: cmp.clone(),
                a: ra.text.clone(),
                b: rb.text.clone(),
                display: p.boilerplate,
            }),
            _ => None,
        };
        sliced::use_sliced_model((p.a, p.b, p.opts, p.boilerplate, generation), input)
    };
    let (model, preparing) = match &sliced {
        Sliced::Ready(m) if large => (m.clone(), None),
        Sliced::Building(built, total) if large => (model, Some((*built, *total))),
        _ if large => {
            let rows = comparison.as_ref().as_ref().map(|c| c.rows.len());
            (model, rows.map(|n| (0, n)))
        }
        _ => (model, None),
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
            (p.opts, p.view == View::Overview && !large, generation),
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
    let shown = state.shown_view();
    let on_cancel_offload = {
        let d = state.dispatcher();
        Callback::from(move |()| d.dispatch(Action::CancelOffload))
    };
    let on_retry_offload = {
        let d = state.dispatcher();
        Callback::from(move |()| d.dispatch(Action::RetryOffload))
    };
    // The signal the shown comparison rests on (the collection's when no
    // pair is compared).
    let signal = comparison
        .as_ref()
        .as_ref()
        .map_or(collection.source(), |c| c.semantic);
    let signal_line = if large && !large_words {
        Some(large_note(Some(too_large_for_words())))
    } else if large {
        // Until the worker answers: the word vectors when it has the table.
        let source = comparison.as_ref().as_ref().map_or(
            state.words.bytes.as_ref().map(|_| Source::WordVectors),
            |c| c.semantic,
        );
        Some(large_note(signal_note(
            source,
            &state.words.phase,
            reports.len(),
        )))
    } else {
        signal_note(collection.source(), &state.words.phase, reports.len())
    };
    let comparing = matches!(shown, View::Split | View::Unified)
        || (shown == View::Translation && bilingual.is_none());
    // A large pair goes to a worker whenever it is shown, and again as the
    // coarse comparison when the full one runs out of time. Leaving the
    // pair, cancelling or the next job drops the last job, which ends its
    // worker.
    let offload_key = (p.a, p.b, p.opts, source_generation);
    let offload_current = state.offload.key == Some(offload_key);
    {
        let o = &state.offload;
        let coarse = offload_current && o.coarse;
        worker::use_offload(
            worker::Wanted {
                run: large
                    && comparing
                    && p.a.max(p.b) < reports.len()
                    && !(offload_current && o.cancelled),
                key: offload_key,
                coarse,
                attempt: o.attempt,
                // The full aligner uses the word table once the page has it:
                // its arrival restarts a running (or finished) words-only job.
                words: state.words.bytes.clone().filter(|_| large_words && !coarse),
            },
            reports.clone(),
            format!("{}worker.js", props.base),
            state.dispatcher(),
        );
    }
    let total = model.changes.len();
    let d = state.dispatcher();
    let root = use_node_ref();
    let own_page = props.params.is_none();

    // A passage to bring into view (opened from the overview, or the page's
    // hash): a fold holding it opens first, for good.
    let target_fold = state
        .focus
        .as_deref()
        .filter(|_| comparing)
        .and_then(|t| model.fold_of(t))
        .filter(|f| !state.open_folds.contains(*f))
        .map(str::to_string);
    let open_folds = match &target_fold {
        Some(f) => {
            let mut open = (*state.open_folds).clone();
            open.insert(f.clone());
            Rc::new(open)
        }
        None => state.open_folds.clone(),
    };
    {
        let (root, d) = (root.clone(), d.clone());
        use_effect_with(
            (
                state.focus.clone(),
                state.reveals,
                p.view,
                p.a,
                p.b,
                generation,
            ),
            move |(focus, _, _, _, _, _)| {
                if let (Some(target), Some(el)) = (focus, root.cast::<web_sys::Element>()) {
                    if let Some(found) = dom::find(&el, target) {
                        // A jump from another view: no smooth scroll from
                        // wherever that view was scrolled to.
                        dom::jump_to(&found);
                        overview::bring_into_view(&el, &found.id());
                    }
                    if own_page {
                        url::replace_hash(target);
                    }
                    if let Some(f) = target_fold {
                        d.dispatch(Action::OpenFold(f));
                    }
                }
            },
        );
    }
    // Keyboard: next / previous change, the shortcut list.
    keys::use_change_keys(
        keys::Keys {
            total,
            single: state.single_keys,
            open: state.shortcuts_open,
            comparing,
        },
        root.clone(),
        own_page,
        d.clone(),
    );
    // A step scrolls its change into view (both sides: they share a row)
    // and, from the keyboard, moves focus there; so does switching views.
    {
        let (model, root) = (model.clone(), root.clone());
        let deps = (state.steps, state.current, state.focus_step, shown);
        use_effect_with(deps, move |&(steps, current, focus, _)| {
            if let (true, Some(c), Some(el)) = (
                steps > 0,
                current.and_then(|i| model.changes.get(i)),
                root.cast::<web_sys::Element>(),
            ) {
                dom::bring_into_view(&el, &c.row_id, focus);
            }
        });
    }
    // The widget's width decides between one and two columns.
    narrow::use_narrow(root.clone(), d.clone());

    // A corpus in the URL: fetch it once.
    fetch::use_corpus_fetch(
        match &state.sources.active {
            crate::sources::Active::Corpus {
                url,
                status: crate::sources::CorpusStatus::Loading,
            } => Some(url.clone()),
            _ => None,
        },
        d.clone(),
    );
    // The reader's texts: saved as they type; compared once typing pauses.
    storage::use_saving(state.sources.clone(), d.clone());

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

    let on_fold = dispatch(&d, Action::ToggleFold);
    let on_reveal = dispatch(&d, Action::Reveal);
    let on_step = dispatch(&d, move |forward| Action::Step {
        forward,
        total,
        focus: false,
    });
    let on_go = dispatch(&d, Action::GoTo);
    let on_shortcuts = dispatch(&d, |_: ()| Action::ShowShortcuts(true));
    let on_close_shortcuts = dispatch(&d, |_: ()| Action::ShowShortcuts(false));
    let on_single_keys = {
        let d = d.clone();
        Callback::from(move |on: bool| {
            dom::store(SINGLE_KEYS_KEY, if on { "on" } else { "off" });
            d.dispatch(Action::SetSingleKeys(on));
        })
    };
    let on_clear_status = dispatch(&d, |_: ()| Action::ClearStatus);
    let on_export = {
        let (reports, comparison, model, d, css) = (
            reports.clone(),
            comparison.clone(),
            model.clone(),
            d.clone(),
            props.css.clone(),
        );
        let (a, b, options) = (p.a, p.b, p.opts);
        Callback::from(move |kind: ExportKind| {
            let (Some(cmp), Some(ra), Some(rb)) =
                (comparison.as_ref().as_ref(), reports.get(a), reports.get(b))
            else {
                d.dispatch(Action::Status("There is no comparison to export.".into()));
                return;
            };
            let e = export_of(ra, rb, options, cmp, &model);
            match kind {
                ExportKind::Json => d.dispatch(Action::Status(save(
                    &e,
                    "json",
                    "application/json",
                    &e.json(),
                ))),
                ExportKind::Html => {
                    // The style sheet is inlined into the file; the page has it
                    // (in the browser's cache), the wasm does not carry a copy.
                    let (reports, comparison, model, d, css) = (
                        reports.clone(),
                        comparison.clone(),
                        model.clone(),
                        d.clone(),
                        css.clone(),
                    );
                    wasm_bindgen_futures::spawn_local(async move {
                        let status = match fetch::fetch_text(&css).await {
                            Err(err) => format!(
                                "Could not export as HTML: its style sheet did not load ({err}). \
                                 Try again."
                            ),
                            Ok(style) => {
                                match (comparison.as_ref().as_ref(), reports.get(a), reports.get(b))
                                {
                                    (Some(cmp), Some(ra), Some(rb)) => {
                                        let e = export_of(ra, rb, options, cmp, &model);
                                        save(&e, "html", "text/html", &e.html(&style))
                                    }
                                    _ => "There is no comparison to export.".into(),
                                }
                            }
                        };
                        d.dispatch(Action::Status(status));
                    });
                }
                ExportKind::Markdown => {
                    let md: Rc<str> = e.markdown().into();
                    let d = d.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        match dom::copy_text(&md).await {
                            Ok(()) => d.dispatch(Action::Status(
                                "Copied the comparison as Markdown.".into(),
                            )),
                            Err(err) => {
                                d.dispatch(Action::Status(format!(
                                    "The browser did not allow copying ({err})."
                                )));
                                d.dispatch(Action::CopyFallback(md));
                            }
                        }
                    });
                }
            }
        })
    };

    let ra = reports.get(p.a);
    let rb = reports.get(p.b);
    let current = state.current.filter(|&i| i < total);
    html! {
        <main id="app-root" ref={root} data-ready="true" data-theme={p.theme.as_str()}
            data-view={shown.as_str()} data-signal={signal_name(signal)}>
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
            <ViewSwitch view={shown} narrow={state.narrow} {on_view}
                bilingual={bilingual.as_ref().as_ref().map(|(id, _)| id.clone())
                    .or_else(|| translation_fallback.and_then(|i| reports.get(i)).map(|r| r.id.clone()))} />
            if let Some(line) = signal_line {
                <p class="signal-note" role="status">{ line }</p>
            }
            {
                match (shown, &*bilingual, &*comparison, ra, rb) {
                    (View::Overview, _, _, _, _) if large => html! {
                        <p class="notice" role="status" id="large-overview">{ LARGE_OVERVIEW }</p>
                    },
                    (View::Overview, _, _, _, _) => match &*overview_view {
                        Some(Ok(m)) => html! {
                            <OverviewView model={m.clone()} hide={p.hide.clone()} only={p.only}
                                on_open={on_open.clone()} {on_toggle} {on_only} />
                        },
                        Some(Err(e)) => html! { <p class="notice" role="alert">{ e.clone() }</p> },
                        None => Html::default(),
                    },
                    (View::Translation, Some((_, m)), _, _, _) => html! { <TranslationView model={m.clone()} /> },
                    (_, _, Some(_), Some(_), Some(_)) if preparing.is_some() => {
                        let (built, total) = preparing.unwrap_or_default();
                        html! { <OffloadStatus progress={None} error={None} cancelled={false} coarse={false}
                            preparing={Some((built, total))}
                            on_cancel={on_cancel_offload} on_retry={on_retry_offload} /> }
                    }
                    (_, _, Some(cmp), Some(ra), Some(rb)) => {
                        let props = split::CompareProps {
                            label_a: ra.id.clone(),
                            label_b: rb.id.clone(),
                            model: Shared(model.clone()),
                            open_folds,
                            current,
                            on_fold,
                            on_reveal,
                            focus: state.focus.clone().map(AttrValue::from),
                        };
                        html! {
                            <>
                                if shown == View::Translation {
                                    <p class="notice" role="status">{ "Neither report carries a translation; showing them side by side." }</p>
                                }
                                if large && offload_current && state.offload.coarse {
                                    <p class="notice" role="status" id="coarse-note">{ coarse_note() }</p>
                                }
                                <Summary coverage={cmp.coverage} stats={cmp.stats.clone()} semantic={cmp.semantic.is_some()} />
                                <QuotesPanel model={(*quotes).clone()} />
                                <ChangeNav {total} {current} {on_step} {on_shortcuts}
                                    description={current.and_then(|i| model.changes.get(i)).map(|c| AttrValue::from(c.description.clone()))}>
                                    <ExportMenu {on_export} status={state.status.clone().map(AttrValue::from)}
                                        fallback={state.copy_fallback.clone()} on_clear={on_clear_status} />
                                </ChangeNav>
                                <div class="compare-wrap">
                                    if shown == View::Unified {
                                        <UnifiedView ..props />
                                    } else {
                                        <SplitView ..props />
                                    }
                                    <ChangeBar model={Shared(model.clone())} {current} {on_go} />
                                </div>
                            </>
                        }
                    }
                    (_, _, None, Some(_), Some(_)) if large => {
                        let o = &state.offload;
                        let error = o.result.as_ref().filter(|_| offload_current)
                            .and_then(|r| r.as_ref().err()).map(|e| AttrValue::from(e.clone()));
                        let progress = o.progress.as_ref().filter(|_| offload_current)
                            .map(|(s, n, w)| (*s, *n, AttrValue::from(w.clone())));
                        html! {
                            <OffloadStatus {progress} {error} preparing={None}
                                cancelled={offload_current && o.cancelled}
                                coarse={offload_current && o.coarse}
                                on_cancel={on_cancel_offload} on_retry={on_retry_offload} />
                        }
                    }
                    _ => match &source_reports {
                        // The source's own line says why (loading, or too few texts).
                        Reports::Loading | Reports::Own(Err(_)) => Html::default(),
                        _ => html! { <p class="notice" role="alert">{ "No report to compare." }</p> },
                    },
                }
            }
            <ShortcutsDialog open={state.shortcuts_open} single_keys={state.single_keys}
                on_close={on_close_shortcuts} {on_single_keys} />
        </main>
    }
}

/// Properties of [`ViewSwitch`].
#[derive(Properties, PartialEq)]
pub struct ViewSwitchProps {
    /// The view on screen.
    pub view: View,
    /// The widget is too narrow for two columns.
    pub narrow: bool,
    /// Id of the selected report that carries a translation, if any.
    pub bilingual: Option<AttrValue>,
    /// Called with the chosen view.
    pub on_view: Callback<View>,
}

/// Buttons between the overview, the side-by-side and one-column
/// comparisons and the translation check.
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
    let split_label = if props.narrow {
        "Side by side (needs a wider window)"
    } else {
        "Side by side"
    };
    let translation_label = match &props.bilingual {
        Some(id) => format!("Translation check ({id})"),
        None => "Translation check (pick 004)".to_string(),
    };
    html! {
        <nav class="views" aria-label="Views">
            { tab(View::Overview, "Overview".to_string(), true) }
            { tab(View::Split, split_label.to_string(), !props.narrow) }
            { tab(View::Unified, "One column".to_string(), true) }
            { tab(View::Translation, translation_label, props.bilingual.is_some()) }
        </nav>
    }
}
