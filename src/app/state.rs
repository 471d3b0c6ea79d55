//! The app's single source of truth: a reducer over [`State`], mirrored in the URL.
//!
//! URL parameters (documented in the README):
//! `a`, `b` (report ids, `000`…`004`), `view` (`split` or `translation`), `case`, `punct`, `space`
//! (`1` ignores that noise), `boilerplate` (`show`, `dim` or `hide`).

use std::rc::Rc;

use yew::Reducible;

use crate::engine::Options;

/// How boilerplate rows are shown: the view model's display mode.
pub use crate::view::BoilerplateDisplay as BoilerplateMode;

/// Which view is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// Two reports side by side, aligned.
    Split,
    /// A bilingual report's two language blocks side by side.
    Translation,
}

impl View {
    /// The URL value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Split => "split",
            Self::Translation => "translation",
        }
    }
}

/// Everything the reader chose.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// Index of report A in the collection.
    pub a: usize,
    /// Index of report B in the collection.
    pub b: usize,
    /// Noise options for word-level diffs.
    pub opts: Options,
    /// How boilerplate is shown.
    pub boilerplate: BoilerplateMode,
    /// The view.
    pub view: View,
    /// Problems met while reading the URL, shown to the reader.
    pub notices: Vec<String>,
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
    SetBoilerplate(BoilerplateMode),
    /// Switch views.
    SetView(View),
    /// Dismiss the notices.
    DismissNotices,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::SetA(i) => s.a = i,
            Action::SetB(i) => s.b = i,
            Action::Swap => std::mem::swap(&mut s.a, &mut s.b),
            Action::SetOptions(o) => s.opts = o,
            Action::SetBoilerplate(m) => s.boilerplate = m,
            Action::SetView(v) => s.view = v,
            Action::DismissNotices => s.notices.clear(),
        }
        Rc::new(s)
    }
}

impl State {
    /// Reads the state from URL query parameters; `ids` are the report ids in
    /// collection order. Unknown values fall back to defaults with a notice.
    pub fn from_query(query: &[(String, String)], ids: &[String]) -> Self {
        let get = |k: &str| {
            query
                .iter()
                .rev()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.as_str())
        };
        let mut notices = Vec::new();
        let mut pick = |key: &str, default: usize| {
            match get(key) {
            None => default,
            Some(v) => ids.iter().position(|id| id == v).unwrap_or_else(|| {
                notices.push(format!(
                    "There is no report “{v}” (parameter {key}); showing {} instead. Available: {}.",
                    ids.get(default).map_or("none", String::as_str),
                    ids.join(", ")
                ));
                default
            }),
        }
        };
        let a = pick("a", 0);
        let b = pick(
            "b",
            if ids.len() > 1 {
                2.min(ids.len() - 1)
            } else {
                0
            },
        );
        let flag = |k: &str| matches!(get(k), Some("1" | "true" | "yes"));
        let opts = Options {
            ignore_case: flag("case"),
            ignore_punctuation: flag("punct"),
            ignore_whitespace: flag("space"),
        };
        let boilerplate = match get("boilerplate") {
            None => BoilerplateMode::Dim,
            Some(v) => BoilerplateMode::parse(v).unwrap_or_else(|| {
                notices.push(format!(
                    "Unknown boilerplate mode “{v}”; use show, dim or hide."
                ));
                BoilerplateMode::Dim
            }),
        };
        let view = match get("view") {
            None | Some("split") => View::Split,
            Some("translation") => View::Translation,
            Some(v) => {
                notices.push(format!("Unknown view “{v}”; use split or translation."));
                View::Split
            }
        };
        State {
            a,
            b,
            opts,
            boilerplate,
            view,
            notices,
        }
    }

    /// The query parameters that reproduce this state (defaults left out).
    pub fn to_query(&self, ids: &[String]) -> Vec<(&'static str, String)> {
        let id = |i: usize| ids.get(i).cloned().unwrap_or_default();
        let mut q = vec![
            ("a", id(self.a)),
            ("b", id(self.b)),
            ("view", self.view.as_str().to_string()),
        ];
        for (k, on) in [
            ("case", self.opts.ignore_case),
            ("punct", self.opts.ignore_punctuation),
            ("space", self.opts.ignore_whitespace),
        ] {
            if on {
                q.push((k, "1".to_string()));
            }
        }
        if self.boilerplate != BoilerplateMode::Dim {
            q.push(("boilerplate", self.boilerplate.as_str().to_string()));
        }
        q
    }
}
