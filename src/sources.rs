//! Where the reports come from: the bundled five, a JSON corpus fetched from
//! `?corpus=<url>`, or the reader's own texts (`?corpus=own`), saved in the
//! browser as they type. A pure state machine, tested natively: the app's
//! reducer delegates [`SourceAction`]s here, and its effects (fetching,
//! saving) only report back what happened.

use std::rc::Rc;

use crate::intake::{
    own_reports, save_decision, Corpus, Draft, DraftText, Report, SaveDecision, MAX_REPORTS,
};
use crate::params::{decode_query, encode_query, Params};

/// The `corpus` value that selects the reader's own texts.
pub const OWN: &str = "own";

/// A corpus fetch, as far as it got.
#[derive(Clone, Debug, PartialEq)]
pub enum CorpusStatus {
    /// Being fetched.
    Loading,
    /// Fetched and checked.
    Ready(Rc<Corpus>),
    /// Could not be used: the reader-facing message. The bundled reports are shown.
    Failed(String),
}

/// The active source of reports.
#[derive(Clone, Debug, PartialEq)]
pub enum Active {
    /// The bundled reports.
    Bundled,
    /// A JSON corpus from a URL.
    Corpus {
        /// As the URL parameter gives it.
        url: String,
        /// How the fetch went.
        status: CorpusStatus,
    },
    /// The reader's own texts.
    Own,
}

/// The reports a source gives right now.
#[derive(Clone, Debug, PartialEq)]
pub enum Reports {
    /// The bundled reports (also while a corpus failed).
    Bundled,
    /// None yet: a corpus is loading.
    Loading,
    /// A corpus's reports.
    Corpus(Rc<Corpus>),
    /// The reader's own texts, or why they cannot be compared yet.
    Own(Result<Rc<Vec<Report>>, String>),
}

/// Everything about report sources in the app's state.
#[derive(Clone, Debug, PartialEq)]
pub struct Sources {
    /// Where the reports come from.
    pub active: Active,
    /// The reader's texts as typed (saved as they type).
    pub own: Rc<Vec<DraftText>>,
    /// The texts the comparison uses: [`Sources::own`] once typing pauses.
    pub committed: Rc<Vec<DraftText>>,
    /// Changes whenever the active source's reports change: the key the
    /// app's memos (collection, report list) depend on.
    pub generation: u64,
    /// Changes whenever the reader's texts need saving.
    pub save_generation: u64,
    /// The saved revision this tab last loaded or wrote.
    pub draft_revision: u64,
    /// This tab's id (see [`save_decision`]).
    pub tab: Rc<str>,
    /// Another tab's texts, found in storage when this tab went to save: the
    /// reader chooses which to keep.
    pub conflict: Option<Rc<Draft>>,
    /// What happened to dropped or picked files (refusals, conversions).
    pub file_notes: Vec<String>,
    /// Why the reader's texts cannot be saved in this browser, if they cannot.
    pub storage_problem: Option<String>,
    /// The query string the page opened with, read again once a corpus arrives
    /// (its `a` and `b` name the corpus's reports).
    pub initial_search: Rc<str>,
}

/// What can happen to the sources.
#[derive(Clone, Debug, PartialEq)]
pub enum SourceAction {
    /// The corpus arrived and passed the checks.
    CorpusLoaded(Rc<Corpus>),
    /// The corpus could not be used: why.
    CorpusFailed(String),
    /// Show the bundled reports.
    UseBundled,
    /// Show the reader's own texts.
    UseOwn,
    /// The reader typed in text box `i`.
    Edit(usize, String),
    /// Files were read: their texts, and notes about them.
    AddTexts(Vec<DraftText>, Vec<String>),
    /// A new empty text box.
    AddBox,
    /// Remove text box `i`.
    Remove(usize),
    /// Remove every text, here and in storage.
    Clear,
    /// Typing paused: compare what is typed.
    Commit,
    /// Storage now holds this tab's texts as this revision.
    Saved(u64),
    /// Another tab saved texts since this one loaded: they are these.
    Conflict(Rc<Draft>),
    /// Keep this tab's texts (they overwrite the other tab's).
    KeepMine,
    /// Take the other tab's texts (this tab's are dropped).
    TakeSaved,
    /// Saving failed: why.
    StorageFailed(String),
}

fn blanks() -> Rc<Vec<DraftText>> {
    Rc::new(
        (1..=2)
            .map(|i| DraftText {
                label: format!("Text {i}"),
                text: String::new(),
            })
            .collect(),
    )
}

impl Sources {
    /// The sources a page opens with, and its parameters and notices:
    /// `search` is the query string, `bundled` the bundled report ids,
    /// `saved` the draft in storage (if any), `tab` this tab's id.
    pub fn open(
        search: &str,
        bundled: &[String],
        saved: Option<Draft>,
        tab: &str,
    ) -> (Self, Params, Vec<String>) {
        let (peek, _) = Params::parse(search, bundled);
        let (own, draft_revision) = match saved {
            Some(d) if !d.texts.is_empty() => (Rc::new(d.texts), d.revision),
            Some(d) => (blanks(), d.revision),
            None => (blanks(), 0),
        };
        let active = match peek.corpus.as_deref() {
            None => Active::Bundled,
            Some(OWN) => Active::Own,
            Some(url) => Active::Corpus {
                url: url.to_string(),
                status: CorpusStatus::Loading,
            },
        };
        let s = Sources {
            active,
            committed: own.clone(),
            own,
            generation: 0,
            save_generation: 0,
            draft_revision,
            tab: tab.into(),
            conflict: None,
            file_notes: Vec::new(),
            storage_problem: None,
            initial_search: search.into(),
        };
        let (params, notices) = match &s.active {
            Active::Bundled => Params::parse(search, bundled),
            Active::Own => Params::parse(search, &s.ids(bundled)),
            // Until the corpus arrives its ids are unknown: read a and b then.
            Active::Corpus { .. } => (peek, Vec::new()),
        };
        (s, params, notices)
    }

    /// The reports of the active source.
    pub fn reports(&self) -> Reports {
        match &self.active {
            Active::Bundled
            | Active::Corpus {
                status: CorpusStatus::Failed(_),
                ..
            } => Reports::Bundled,
            Active::Corpus {
                status: CorpusStatus::Loading,
                ..
            } => Reports::Loading,
            Active::Corpus {
                status: CorpusStatus::Ready(c),
                ..
            } => Reports::Corpus(c.clone()),
            Active::Own => Reports::Own(own_reports(&self.committed).map(Rc::new)),
        }
    }

    /// The ids of the active source's reports (`bundled`: the bundled ids).
    pub fn ids(&self, bundled: &[String]) -> Vec<String> {
        match self.reports() {
            Reports::Bundled => bundled.to_vec(),
            Reports::Loading | Reports::Own(Err(_)) => Vec::new(),
            Reports::Corpus(c) => c.reports.iter().map(|r| r.id.clone()).collect(),
            Reports::Own(Ok(r)) => r.iter().map(|r| r.id.clone()).collect(),
        }
    }

    /// Applies an action; `params` and `notices` are the app's, which a new
    /// source or a new set of texts changes. `bundled` are the bundled ids.
    pub fn apply(
        &mut self,
        action: SourceAction,
        params: &mut Params,
        notices: &mut Vec<String>,
        bundled: &[String],
    ) {
        let edited = |s: &mut Self| s.save_generation += 1;
        match action {
            SourceAction::CorpusLoaded(c) => {
                if let Active::Corpus { status, .. } = &mut self.active {
                    *status = CorpusStatus::Ready(c);
                    self.generation += 1;
                    let (p, n) = Params::parse(&self.initial_search, &self.ids(bundled));
                    *params = p;
                    notices.extend(n);
                }
            }
            SourceAction::CorpusFailed(message) => {
                if let Active::Corpus { status, .. } = &mut self.active {
                    notices.push(format!("{message} Showing the bundled reports instead."));
                    *status = CorpusStatus::Failed(message);
                    self.generation += 1;
                    // Its a and b name the corpus's reports, not the bundled ones.
                    let rest: Vec<(String, String)> = decode_query(&self.initial_search)
                        .into_iter()
                        .filter(|(k, _)| k != "a" && k != "b")
                        .collect();
                    let (p, n) = Params::parse(&encode_query(&rest), bundled);
                    *params = p;
                    notices.extend(n);
                }
            }
            SourceAction::UseBundled => {
                self.switch(Active::Bundled, params, bundled);
                params.corpus = None;
            }
            SourceAction::UseOwn => {
                self.committed = self.own.clone();
                self.switch(Active::Own, params, bundled);
                params.corpus = Some(OWN.into());
            }
            SourceAction::Edit(i, text) => {
                if let Some(t) = Rc::make_mut(&mut self.own).get_mut(i) {
                    t.text = text;
                    edited(self);
                }
            }
            SourceAction::AddTexts(texts, mut notes) => {
                let own = Rc::make_mut(&mut self.own);
                // Files fill empty boxes first, then get boxes of their own.
                own.retain(|t| !t.text.trim().is_empty());
                let room = MAX_REPORTS.saturating_sub(own.len());
                if texts.len() > room {
                    notes.push(format!(
                        "At most {MAX_REPORTS} texts can be compared: {} file(s) left out.",
                        texts.len() - room
                    ));
                }
                own.extend(texts.into_iter().take(room));
                while own.len() < 2 {
                    own.push(DraftText {
                        label: format!("Text {}", own.len() + 1),
                        text: String::new(),
                    });
                }
                self.file_notes = notes;
                edited(self);
                self.commit(params, bundled);
            }
            SourceAction::AddBox => {
                let own = Rc::make_mut(&mut self.own);
                if own.len() < MAX_REPORTS {
                    own.push(DraftText {
                        label: format!("Text {}", own.len() + 1),
                        text: String::new(),
                    });
                    edited(self);
                }
            }
            SourceAction::Remove(i) => {
                let own = Rc::make_mut(&mut self.own);
                if i < own.len() {
                    own.remove(i);
                    if own.len() < 2 {
                        own.push(DraftText {
                            label: format!("Text {}", own.len() + 1),
                            text: String::new(),
                        });
                    }
                    edited(self);
                    self.commit(params, bundled);
                }
            }
            SourceAction::Clear => {
                self.own = blanks();
                self.file_notes.clear();
                self.conflict = None;
                edited(self);
                self.commit(params, bundled);
            }
            SourceAction::Commit => self.commit(params, bundled),
            SourceAction::Saved(rev) => {
                self.draft_revision = rev;
                self.storage_problem = None;
            }
            SourceAction::StorageFailed(why) => self.storage_problem = Some(why),
            SourceAction::Conflict(d) => self.conflict = Some(d),
            SourceAction::KeepMine => {
                if let Some(d) = self.conflict.take() {
                    self.draft_revision = d.revision;
                    edited(self);
                }
            }
            SourceAction::TakeSaved => {
                if let Some(d) = self.conflict.take() {
                    self.draft_revision = d.revision;
                    self.own = Rc::new(d.texts.clone());
                    if self.own.len() < 2 {
                        self.own = blanks();
                    }
                    self.commit(params, bundled);
                }
            }
        }
    }

    /// What a save should do, given what storage holds now.
    pub fn save_decision(&self, stored: Option<&Draft>) -> SaveDecision {
        save_decision(stored, self.draft_revision, &self.tab)
    }

    /// The draft to write as `revision`.
    pub fn draft(&self, revision: u64) -> Draft {
        Draft {
            texts: (*self.own).clone(),
            revision,
            tab: self.tab.to_string(),
        }
    }

    /// True when every text is blank: saving then removes the draft.
    pub fn nothing_typed(&self) -> bool {
        self.own.iter().all(|t| t.text.trim().is_empty())
    }

    fn switch(&mut self, to: Active, params: &mut Params, bundled: &[String]) {
        self.active = to;
        self.generation += 1;
        let fresh = Params::defaults(self.ids(bundled).len());
        params.a = fresh.a;
        params.b = fresh.b;
        // The overview's filter names reports of the old source.
        params.hide.clear();
        params.only = None;
    }

    /// Compares what is typed; keeps `a` and `b` when they still name a text.
    fn commit(&mut self, params: &mut Params, bundled: &[String]) {
        if Rc::ptr_eq(&self.committed, &self.own) {
            return;
        }
        let before = self.ids(bundled).len();
        self.committed = self.own.clone();
        if self.active == Active::Own {
            self.generation += 1;
            let n = self.ids(bundled).len();
            // Also when there were not two texts before: the first pair
            // compares the first two texts, not one with itself.
            if params.a >= n || params.b >= n || before < 2 {
                let fresh = Params::defaults(n);
                params.a = fresh.a;
                params.b = fresh.b;
            }
            params.hide.retain(|&i| i < n);
            params.only = params.only.filter(|&i| i < n);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::intake::parse_corpus;

    fn bundled() -> Vec<String> {
        ["000", "001", "002"].map(String::from).to_vec()
    }

    fn text(label: &str, t: &str) -> DraftText {
        DraftText {
            label: label.into(),
            text: t.into(),
        }
    }

    #[test]
    fn a_corpus_url_waits_for_the_corpus_to_read_a_and_b() {
        let (mut s, mut p, mut n) =
            Sources::open("?corpus=c.json&a=y&b=x&case=1", &bundled(), None, "t");
        assert_eq!(s.reports(), Reports::Loading);
        assert!(n.is_empty(), "{n:?}");
        let c =
            parse_corpus(r#"{"reports": [{"id": "x", "text": "A."}, {"id": "y", "text": "B."}]}"#)
                .unwrap();
        s.apply(
            SourceAction::CorpusLoaded(Rc::new(c)),
            &mut p,
            &mut n,
            &bundled(),
        );
        assert!(n.is_empty(), "{n:?}");
        assert_eq!((p.a, p.b, p.opts.ignore_case), (1, 0, true));
        assert_eq!(p.corpus.as_deref(), Some("c.json"));
        assert_eq!(s.ids(&bundled()), ["x", "y"]);
    }

    #[test]
    fn a_failed_corpus_falls_back_to_the_bundled_reports_with_its_message() {
        let (mut s, mut p, mut n) = Sources::open("corpus=c.json&a=y&b=x", &bundled(), None, "t");
        s.apply(
            SourceAction::CorpusFailed("It broke.".into()),
            &mut p,
            &mut n,
            &bundled(),
        );
        assert_eq!(s.reports(), Reports::Bundled);
        assert_eq!(n, ["It broke. Showing the bundled reports instead."]);
        assert_eq!((p.a, p.b), (0, 2));
        // The corpus stays in the link: a reload tries again.
        assert_eq!(p.corpus.as_deref(), Some("c.json"));
    }

    #[test]
    fn own_texts_come_from_storage_and_commit_when_typing_pauses() {
        let saved = Draft {
            texts: vec![text("A", "One."), text("B", "Two."), text("C", "Three.")],
            revision: 7,
            tab: "old".into(),
        };
        let (mut s, mut p, mut n) =
            Sources::open("corpus=own&a=3&b=1", &bundled(), Some(saved), "t");
        assert!(n.is_empty(), "{n:?}");
        assert_eq!((p.a, p.b), (2, 0));
        assert_eq!(s.draft_revision, 7);
        let g = s.generation;
        s.apply(
            SourceAction::Edit(2, String::new()),
            &mut p,
            &mut n,
            &bundled(),
        );
        assert_eq!(s.generation, g, "typing does not recompute");
        assert_eq!(s.save_generation, 1, "but it saves");
        s.apply(SourceAction::Commit, &mut p, &mut n, &bundled());
        assert_eq!(s.generation, g + 1);
        assert_eq!(s.ids(&bundled()), ["1", "2"]);
        assert_eq!((p.a, p.b), (0, 1), "a pointed at the removed text");
    }

    #[test]
    fn the_first_two_texts_make_the_first_pair() {
        let (mut s, mut p, mut n) = Sources::open("corpus=own", &bundled(), None, "t");
        assert_eq!((p.a, p.b), (0, 0));
        s.apply(
            SourceAction::Edit(0, "One.".into()),
            &mut p,
            &mut n,
            &bundled(),
        );
        s.apply(
            SourceAction::Edit(1, "Two.".into()),
            &mut p,
            &mut n,
            &bundled(),
        );
        s.apply(SourceAction::Commit, &mut p, &mut n, &bundled());
        assert_eq!((p.a, p.b), (0, 1));
    }

    #[test]
    fn files_fill_empty_boxes_and_the_limit_is_said() {
        let (mut s, mut p, mut n) = Sources::open("corpus=own", &bundled(), None, "t");
        assert!(matches!(s.reports(), Reports::Own(Err(_))));
        let files: Vec<DraftText> = (0..MAX_REPORTS + 2)
            .map(|i| text(&format!("f{i}.txt"), "x"))
            .collect();
        s.apply(
            SourceAction::AddTexts(files, vec![]),
            &mut p,
            &mut n,
            &bundled(),
        );
        assert_eq!(s.own.len(), MAX_REPORTS);
        assert_eq!(
            s.file_notes,
            [format!(
                "At most {MAX_REPORTS} texts can be compared: 2 file(s) left out."
            )]
        );
        assert_eq!(s.ids(&bundled()).len(), MAX_REPORTS);
    }

    #[test]
    fn a_conflict_is_resolved_by_the_reader() {
        let (mut s, mut p, mut n) = Sources::open("corpus=own", &bundled(), None, "mine");
        s.apply(
            SourceAction::Edit(0, "mine".into()),
            &mut p,
            &mut n,
            &bundled(),
        );
        let other = Draft {
            texts: vec![text("X", "theirs"), text("Y", "too")],
            revision: 3,
            tab: "other".into(),
        };
        assert_eq!(s.save_decision(Some(&other)), SaveDecision::Conflict);
        s.apply(
            SourceAction::Conflict(Rc::new(other.clone())),
            &mut p,
            &mut n,
            &bundled(),
        );
        // Taking theirs.
        let mut t = s.clone();
        t.apply(SourceAction::TakeSaved, &mut p, &mut n, &bundled());
        assert_eq!(t.own[0].text, "theirs");
        assert_eq!(t.save_decision(Some(&other)), SaveDecision::Write(4));
        // Keeping mine: the next save overwrites theirs, knowingly.
        s.apply(SourceAction::KeepMine, &mut p, &mut n, &bundled());
        assert_eq!(s.own[0].text, "mine");
        assert_eq!(s.save_decision(Some(&other)), SaveDecision::Write(4));
        assert_eq!(s.draft(4).texts[0].text, "mine");
    }

    #[test]
    fn switching_sources_resets_the_pair_and_the_link() {
        let (mut s, mut p, mut n) = Sources::open("a=001&b=002", &bundled(), None, "t");
        s.apply(SourceAction::UseOwn, &mut p, &mut n, &bundled());
        assert_eq!(p.corpus.as_deref(), Some(OWN));
        assert_eq!((p.a, p.b), (0, 0));
        s.apply(SourceAction::UseBundled, &mut p, &mut n, &bundled());
        assert_eq!(p.corpus, None);
        assert_eq!((p.a, p.b), (0, 2));
        s.apply(SourceAction::Clear, &mut p, &mut n, &bundled());
        assert!(s.nothing_typed());
    }
}
