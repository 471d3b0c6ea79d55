//! The app's single source of truth: a reducer over [`State`]. The part a link
//! carries is [`Params`] (parsed and written by [`crate::params`]); the rest is
//! what the reader is doing right now (which folds are open, which change is
//! current, whether the shortcut list is open).

use std::collections::BTreeSet;
use std::rc::Rc;

use yew::Reducible;

use super::worker::Event;
use super::Shared;
use crate::engine::semantic::WordTable;
use crate::engine::{Comparison, Options};
use crate::intake::Draft;
use crate::offload::COARSE_DEADLINE_MS;
use crate::params::{Params, Theme, View};
use crate::sources::{SourceAction, Sources};
use crate::view::{BoilerplateDisplay, WordTablePhase};

/// Below this width (CSS pixels) the widget shows one column instead of two.
pub const NARROW_PX: f64 = 700.0;

/// Where the reader's choice about single-key shortcuts is kept.
pub const SINGLE_KEYS_KEY: &str = "report-diff:single-key-shortcuts";

/// Everything the reader chose.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// What the URL carries.
    pub params: Params,
    /// Problems met while reading the URL, shown to the reader.
    pub notices: Vec<String>,
    /// The element to bring into view after the next render (a passage the
    /// overview opened in the pair view).
    pub focus: Option<String>,
    /// Where the reports come from (bundled, a corpus, the reader's texts).
    pub sources: Sources,
    /// The bundled report ids (the fallback whenever a corpus fails).
    pub bundled: Rc<Vec<String>>,
    /// The widget is too narrow for two columns.
    pub narrow: bool,
    /// Ids of the folds the reader opened.
    pub open_folds: Rc<BTreeSet<String>>,
    /// The change the reader stepped to, if any.
    pub current: Option<usize>,
    /// Counts steps, so stepping to the same change again still scrolls.
    pub steps: u32,
    /// Whether the last step moves keyboard focus (keyboard shortcuts do;
    /// the buttons keep focus on themselves and announce instead).
    pub focus_step: bool,
    /// The keyboard shortcut list is open.
    pub shortcuts_open: bool,
    /// Single-character shortcuts (n, p, j, k, ?) are on (WCAG 2.1.4: a
    /// reader can turn them off).
    pub single_keys: bool,
    /// Counts requests to bring a passage into view, so asking for the same
    /// one again still scrolls there.
    pub reveals: u32,
    /// The outcome of the last export, for the status line.
    pub status: Option<String>,
    /// Markdown the clipboard refused, shown for copying by hand.
    pub copy_fallback: Option<Rc<str>>,
    /// The word table for texts the bundled sentence vectors do not know.
    pub words: Words,
    /// A large pair's comparison in a web worker.
    pub offload: Offload,
}

/// A large pair's comparison in a web worker (see `worker.rs`): its job, how
/// far it got and its result.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Offload {
    /// The running or last job; events of any other are stale.
    pub job: u64,
    /// What it compares: the pair, the options and the source's generation
    /// (everything below is about this key; a new key starts afresh).
    pub key: Option<OffloadKey>,
    /// The full aligner ran past its deadline: the coarse comparison runs.
    pub coarse: bool,
    /// The reader stopped it.
    pub cancelled: bool,
    /// Started again by the reader (a new job for the same pair).
    pub attempt: u64,
    /// Step, steps and what the running job does.
    pub progress: Option<(u32, u32, Rc<str>)>,
    /// The comparison, or why there is none.
    pub result: Option<Result<Shared<Comparison>, String>>,
    /// Results received so far: the memos that read `result` key on it.
    pub results: u64,
}

/// Where the word table stands, and the table once parsed (kept for every
/// later source: it is fetched at most once a page).
#[derive(Clone, Debug, Default)]
pub struct Words {
    /// Not asked for, loading, loaded or failed.
    pub phase: WordTablePhase,
    /// The parsed table.
    pub table: Option<Rc<WordTable>>,
    /// The table's file, for the worker that compares a large pair (it
    /// parses its own copy).
    pub bytes: Option<Rc<[u8]>>,
}

impl PartialEq for Words {
    /// The same phase and the same table (by identity: it is large).
    fn eq(&self, other: &Self) -> bool {
        self.phase == other.phase
            && match (&self.table, &other.table) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (a, b) => a.is_none() && b.is_none(),
            }
    }
}

impl Offload {
    /// Takes in what the current job reported.
    fn apply(&mut self, e: Event) {
        match e {
            Event::Progress(step, steps, what) => self.progress = Some((step, steps, what)),
            Event::Done(cmp) => {
                self.progress = None;
                self.result = Some(Ok(Shared(cmp)));
                self.results += 1;
            }
            Event::Failed(why) => {
                self.progress = None;
                self.result = Some(Err(why));
            }
            // The job answered in time: its deadline timer still fires
            // (it lives as long as the job), and means nothing now.
            Event::Deadline if self.result.is_some() => {}
            // The full aligner is too slow for this pair: the coarse
            // comparison takes over (a new job); a coarse job that is late
            // too gives up.
            Event::Deadline if !self.coarse => {
                self.coarse = true;
                self.progress = None;
            }
            Event::Deadline => {
                self.progress = None;
                self.result = Some(Err(format!(
                    "even the coarse comparison took more than {} s",
                    COARSE_DEADLINE_MS / 1000
                )));
            }
        }
    }
}

/// The pair, the options and the source generation of a worker job.
pub type OffloadKey = (usize, usize, Options, u64);

/// What the reader can do.
pub enum Action {
    /// Pick report A.
    SetA(usize),
    /// Pick report B.
    SetB(usize),
    /// Swap A and B.
    Swap,
    /// Replace the noise options.
    SetOptions(Options),
    /// Fold, dim, show or hide boilerplate.
    SetBoilerplate(BoilerplateDisplay),
    /// Switch views.
    SetView(View),
    /// Switch colour themes.
    SetTheme(Theme),
    /// Dismiss the notices.
    DismissNotices,
    /// Open reports `a` and `b` side by side, at the element `target` (or at
    /// the top).
    Open {
        /// Report A.
        a: usize,
        /// Report B.
        b: usize,
        /// Id of the passage to bring into view.
        target: Option<String>,
    },
    /// Open the translation check of report `r` (as report A).
    OpenTranslation(usize),
    /// Show or leave out a report in the overview.
    ToggleHidden(usize),
    /// Show only what one report adds (or, with `None`, everything).
    SetOnly(Option<usize>),
    /// Something about the report sources (see [`SourceAction`]).
    Source(SourceAction),
    /// The widget's width crossed [`NARROW_PX`].
    SetNarrow(bool),
    /// Open or close a fold.
    ToggleFold(String),
    /// Open a fold (a passage in it was asked for).
    OpenFold(String),
    /// Bring the element with this id into view and focus it (a link inside
    /// the comparison was followed).
    Reveal(String),
    /// Step to the next (or previous) of `total` changes, wrapping around.
    Step {
        /// Forward or back.
        forward: bool,
        /// How many changes there are.
        total: usize,
        /// Move keyboard focus to the change.
        focus: bool,
    },
    /// Go to one change (a click on the change bar).
    GoTo(usize),
    /// Open or close the shortcut list.
    ShowShortcuts(bool),
    /// Turn single-key shortcuts on or off.
    SetSingleKeys(bool),
    /// Report how an export went.
    Status(String),
    /// The clipboard refused: show the Markdown for copying by hand.
    CopyFallback(Rc<str>),
    /// Close the status line and the fallback.
    ClearStatus,
    /// A worker job (`.0`) started for the shown pair (`.1`).
    OffloadStarted(u64, OffloadKey),
    /// What worker job `.0` reported.
    Offload(u64, Event),
    /// Stop the worker's comparison.
    CancelOffload,
    /// Compare the large pair again, fully.
    RetryOffload,
    /// The word table started loading, arrived or failed.
    Words(Words),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // Resizes report the width often: only a crossing re-renders.
        if matches!(action, Action::SetNarrow(n) if n == self.narrow) {
            return self;
        }
        let mut s = (*self).clone();
        // A different comparison: its folds and changes are not these.
        let new_comparison = matches!(
            action,
            Action::SetA(_)
                | Action::SetB(_)
                | Action::Swap
                | Action::SetOptions(_)
                | Action::SetBoilerplate(_)
                | Action::Open { .. }
                | Action::OpenTranslation(_)
                | Action::Source(_)
        );
        let p = &mut s.params;
        // A passage asked for by the page's hash waits for the corpus that
        // holds it; any other action means the reader moved on.
        if !matches!(action, Action::Source(SourceAction::CorpusLoaded(_))) {
            s.focus = None;
        }
        match action {
            Action::SetA(i) => p.a = i,
            Action::SetB(i) => p.b = i,
            Action::Swap => std::mem::swap(&mut p.a, &mut p.b),
            Action::SetOptions(o) => p.opts = o,
            Action::SetBoilerplate(m) => p.boilerplate = m,
            Action::SetView(v) => p.view = v,
            Action::SetTheme(t) => p.theme = t,
            Action::DismissNotices => s.notices.clear(),
            Action::Open { a, b, target } => {
                (p.a, p.b, p.view) = (a, b, View::Split);
                s.focus = target;
            }
            Action::OpenTranslation(r) => (p.a, p.view) = (r, View::Translation),
            Action::ToggleHidden(r) => match p.hide.binary_search(&r) {
                Ok(k) => {
                    p.hide.remove(k);
                }
                Err(k) => p.hide.insert(k, r),
            },
            Action::SetOnly(r) => p.only = r,
            Action::Source(a) => {
                let bundled = s.bundled.clone();
                s.sources.apply(a, &mut s.params, &mut s.notices, &bundled);
            }
            Action::SetNarrow(n) => s.narrow = n,
            Action::ToggleFold(id) => {
                let mut open = (*s.open_folds).clone();
                if !open.remove(&id) {
                    open.insert(id);
                }
                s.open_folds = Rc::new(open);
            }
            Action::OpenFold(id) => {
                let mut open = (*s.open_folds).clone();
                open.insert(id);
                s.open_folds = Rc::new(open);
            }
            Action::Reveal(id) => {
                s.focus = Some(id);
                s.reveals = s.reveals.wrapping_add(1);
            }
            Action::Step {
                forward,
                total,
                focus,
            } => {
                s.current = step(s.current, forward, total);
                s.steps = s.steps.wrapping_add(1);
                s.focus_step = focus;
            }
            Action::GoTo(i) => {
                s.current = Some(i);
                s.steps = s.steps.wrapping_add(1);
                s.focus_step = false;
            }
            Action::ShowShortcuts(open) => s.shortcuts_open = open,
            Action::SetSingleKeys(on) => s.single_keys = on,
            Action::Status(m) => {
                s.status = Some(m);
                s.copy_fallback = None;
            }
            Action::CopyFallback(text) => s.copy_fallback = Some(text),
            Action::ClearStatus => {
                s.status = None;
                s.copy_fallback = None;
            }
            // Not the reader's doing: a passage waiting to be brought into
            // view still is.
            Action::Words(w) => {
                s.words = w;
                s.focus.clone_from(&self.focus);
            }
            Action::OffloadStarted(job, key) => {
                if s.offload.key != Some(key) {
                    // Another pair: it starts fully, whatever the last did.
                    (s.offload.coarse, s.offload.cancelled) = (false, false);
                }
                s.offload.key = Some(key);
                s.offload.job = job;
                s.offload.progress = None;
                s.offload.result = None;
                s.focus.clone_from(&self.focus);
            }
            Action::Offload(job, e) => {
                if job == s.offload.job {
                    s.offload.apply(e);
                }
                s.focus.clone_from(&self.focus);
            }
            Action::CancelOffload => {
                s.offload.cancelled = true;
                s.offload.progress = None;
            }
            Action::RetryOffload => {
                s.offload.cancelled = false;
                s.offload.coarse = false;
                s.offload.result = None;
                s.offload.attempt += 1;
            }
        }
        if new_comparison {
            s.open_folds = Rc::default();
            s.current = None;
        }
        Rc::new(s)
    }
}

/// The change after (or before) `current` among `total`, wrapping around;
/// from nowhere, forward starts at the first and back at the last.
fn step(current: Option<usize>, forward: bool, total: usize) -> Option<usize> {
    if total == 0 {
        return None;
    }
    Some(match (current.filter(|&c| c < total), forward) {
        (None, true) => 0,
        (None, false) => total - 1,
        (Some(c), true) => (c + 1) % total,
        (Some(c), false) => (c + total - 1) % total,
    })
}

/// What the browser tells the app about the reader's place when it opens.
pub struct Opening<'a> {
    /// The query string.
    pub search: &'a str,
    /// The reader's texts from storage.
    pub saved: Option<Draft>,
    /// This tab's id.
    pub tab: &'a str,
    /// The widget's width in CSS pixels.
    pub width: f64,
    /// Single-key shortcuts are on.
    pub single_keys: bool,
}

impl State {
    /// The state a page opens with; `bundled` are the bundled report ids.
    pub fn open(o: Opening<'_>, bundled: Rc<Vec<String>>) -> Self {
        let (sources, params, notices) = Sources::open(o.search, &bundled, o.saved, o.tab);
        State {
            params,
            notices,
            sources,
            bundled,
            focus: None,
            narrow: o.width < NARROW_PX,
            open_folds: Rc::default(),
            current: None,
            steps: 0,
            focus_step: false,
            reveals: 0,
            shortcuts_open: false,
            single_keys: o.single_keys,
            status: None,
            copy_fallback: None,
            words: Words::default(),
            offload: Offload::default(),
        }
    }

    /// The view on screen: the side-by-side view turns into one column when
    /// the widget is narrow.
    pub fn shown_view(&self) -> View {
        match self.params.view {
            View::Split if self.narrow => View::Unified,
            v => v,
        }
    }
}
