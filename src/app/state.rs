//! The app's single source of truth: a reducer over [`State`]. The part a link
//! carries is [`Params`] (parsed and written by [`crate::params`]); the rest is
//! what the reader is doing right now.

use std::rc::Rc;

use yew::Reducible;

use crate::engine::Options;
use crate::intake::Draft;
use crate::params::{Params, Theme, View};
use crate::sources::{SourceAction, Sources};
use crate::view::BoilerplateDisplay;

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
}

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
    /// Show, dim or hide boilerplate.
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
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        let p = &mut s.params;
        s.focus = None;
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
        }
        Rc::new(s)
    }
}

impl State {
    /// The state a page opens with: `search` is its query string, `bundled`
    /// the bundled report ids, `saved` the reader's texts from storage and
    /// `tab` this tab's id.
    pub fn open(search: &str, bundled: Rc<Vec<String>>, saved: Option<Draft>, tab: &str) -> Self {
        let (sources, params, notices) = Sources::open(search, &bundled, saved, tab);
        State {
            params,
            notices,
            sources,
            bundled,
            focus: None,
        }
    }
}
