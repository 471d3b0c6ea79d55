//! The overview's model: all reports at once, as tables a reader scans (and a
//! screen reader reads) row by row: coverage, the story map, quotes, figures
//! and names, under the plain-language summary, filtered by report.
//!
//! Every cell that stands for a passage links to the pair view of that report
//! and another one, scrolled to the passage (`#r{row}-{a|b}`, the ids of
//! [`split_model`](super::split_model) cells).

use std::collections::BTreeSet;
use std::rc::Rc;

use super::{side_pieces, slice, Piece, Side};
use crate::engine::overview::{clip, join, Overview, Pairwise};
use crate::engine::score::percent;
use crate::engine::segment::without_list_marker;
use crate::engine::sort;
use crate::engine::{Collection, Span};
use crate::params::{Params, View};

/// Longest fact label, in characters: one sentence, rarely more.
const LABEL_CHARS: usize = 220;
/// Characters of context on each side of a figure in its row's description.
const FIGURE_CONTEXT: usize = 70;

/// Which reports the overview shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OverviewFilter {
    /// Reports left out (indices).
    pub hide: Vec<usize>,
    /// When set, only what this report adds: rows no other shown report has.
    pub only: Option<usize>,
}

impl OverviewFilter {
    /// The filter a link carries.
    pub fn from_params(p: &Params) -> Self {
        OverviewFilter {
            hide: p.hide.clone(),
            only: p.only,
        }
    }

    /// Whether report `r` is shown (the report whose additions are shown
    /// always is).
    pub fn shows(&self, r: usize) -> bool {
        self.only == Some(r) || !self.hide.contains(&r)
    }
}

/// A report column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    /// Index of the report.
    pub index: usize,
    /// Its id ("003").
    pub id: Rc<str>,
}

/// How widely a fact is told among the shown reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// By every shown report.
    All,
    /// By several, not all.
    Some,
    /// By one report only.
    One,
}

impl Scope {
    /// CSS class and data value.
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::All => "all",
            Scope::Some => "some",
            Scope::One => "one",
        }
    }

    /// The heading of the story map's section of this scope.
    pub fn heading(self) -> &'static str {
        match self {
            Scope::All => "Told by every report shown",
            Scope::Some => "Told by some of them",
            Scope::One => "Told by one report only",
        }
    }
}

/// A link to a passage, in the pair view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// The pair view's URL (query and fragment).
    pub href: String,
    /// The pair it opens: (report A, report B).
    pub pair: (usize, usize),
    /// The element id to scroll to.
    pub target: String,
}

/// One cell of the coverage table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CoverageCell {
    /// The report itself.
    Itself,
    /// How much of the row report's story the column report also tells.
    Share {
        /// "77%".
        text: String,
        /// 0 (little) to 4 (nearly all): the colour band, a second cue.
        band: u8,
        /// What the cell says, in words (title and screen readers).
        label: String,
        /// The pair view of the two reports.
        link: Link,
    },
}

/// A row of the coverage table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoverageRow {
    /// The report whose story is measured.
    pub id: Rc<str>,
    /// Its story sentences.
    pub total: usize,
    /// One cell per shown report.
    pub cells: Vec<CoverageCell>,
}

/// One cell of the story map: how often a report tells the fact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    /// How often (0: not at all).
    pub count: usize,
    /// What the cell says, in words.
    pub label: String,
    /// The report's passage in the pair view.
    pub link: Option<Link>,
}

/// A row of the story map.
#[derive(Clone, Debug, PartialEq)]
pub struct FactRow {
    /// The sentence that stands for the fact.
    pub label: Rc<str>,
    /// How widely it is told.
    pub scope: Scope,
    /// One cell per shown report.
    pub cells: Vec<Mark>,
}

/// What one report shares, in facts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tally {
    /// The report.
    pub id: Rc<str>,
    /// Facts every other shown report tells too.
    pub with_all: usize,
    /// Facts some other shown reports tell.
    pub with_some: usize,
    /// Facts no other shown report tells.
    pub alone: usize,
}

/// One wording of a quoted remark.
#[derive(Clone, Debug, PartialEq)]
pub struct Wording {
    /// The report quoting it.
    pub id: Rc<str>,
    /// The reference wording the others are compared with.
    pub reference: bool,
    /// The wording; words the reference lacks are [`Piece::Added`].
    pub pieces: Vec<Piece>,
    /// Who this report says spoke.
    pub speaker: Option<Rc<str>>,
    /// The quote in the pair view.
    pub link: Option<Link>,
}

/// A remark, in all its wordings.
#[derive(Clone, Debug, PartialEq)]
pub struct QuoteRow {
    /// Who said it ("Unattributed" when no report names anyone).
    pub speaker: Rc<str>,
    /// "Quoted by 002, 003 and 004 in 5 wordings".
    pub caption: String,
    /// The reports quoting it (shown ones).
    pub reports: Vec<Rc<str>>,
    /// Every wording, reference first.
    pub wordings: Vec<Wording>,
}

impl QuoteRow {
    /// One report quotes it, in one wording: nothing to compare.
    pub fn single(&self) -> bool {
        self.reports.len() == 1 && self.wordings.len() == 1
    }
}

/// One report's figures in a row of the figures table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FigureCell {
    /// The values as the report gives them ("over 80%").
    pub values: String,
    /// The sentence of the first one (title).
    pub sentence: Rc<str>,
    /// The figure in the pair view.
    pub link: Option<Link>,
}

/// A row of the figures table: one thing measured.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FigureRow {
    /// What is measured: the figure's sentence, around the figure.
    pub what: Rc<str>,
    /// "percentage", "duration", ….
    pub kind: &'static str,
    /// The reports give different values.
    pub divergent: bool,
    /// One cell per shown report.
    pub cells: Vec<Option<FigureCell>>,
}

/// A row of the names table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameRow {
    /// The name.
    pub name: Rc<str>,
    /// Its other forms ("Donald Trump, President Trump"), if any.
    pub forms: Option<String>,
    /// Mentions per shown report.
    pub cells: Vec<usize>,
}

/// Everything the overview shows.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct OverviewModel {
    /// The plain-language summary, one sentence an item.
    pub summary: Vec<Rc<str>>,
    /// What the filter leaves out, in words.
    pub filter_note: Option<String>,
    /// All reports, for the filter controls.
    pub reports: Vec<Column>,
    /// The shown reports: the tables' columns.
    pub columns: Vec<Column>,
    /// The coverage table.
    pub coverage: Vec<CoverageRow>,
    /// The story map, what all shown reports tell first.
    pub facts: Vec<FactRow>,
    /// Per shown report: facts shared with all, some, none.
    pub tallies: Vec<Tally>,
    /// Quoted remarks, the most widely quoted first.
    pub quotes: Vec<QuoteRow>,
    /// Figures, divergences first.
    pub figures: Vec<FigureRow>,
    /// People and organisations.
    pub names: Vec<NameRow>,
}

impl OverviewModel {
    /// How many story-map rows have `scope`.
    pub fn count(&self, scope: Scope) -> usize {
        self.facts.iter().filter(|f| f.scope == scope).count()
    }
}

/// The text of a sentence around `figure`, at most [`FIGURE_CONTEXT`]
/// characters on each side, cut at words.
fn around(text: &str, sentence: Span, figure: Span) -> String {
    let (Some(before), Some(fig), Some(after)) = (
        text.get(sentence.0..figure.0),
        text.get(figure.0..figure.1),
        text.get(figure.1..sentence.1),
    ) else {
        return slice(text, sentence).to_string();
    };
    let b: Vec<char> = before.chars().collect();
    let lead = if b.len() > FIGURE_CONTEXT {
        let tail: String = b[b.len() - FIGURE_CONTEXT..].iter().collect();
        format!(
            "…{}",
            tail.split_once(' ').map_or(tail.as_str(), |(_, x)| x)
        )
    } else {
        before.to_string()
    };
    let trail = if after.chars().count() > FIGURE_CONTEXT {
        let head: String = after.chars().take(FIGURE_CONTEXT).collect();
        format!(
            "{}…",
            head.rsplit_once(' ').map_or(head.as_str(), |(x, _)| x)
        )
    } else {
        after.to_string()
    };
    format!("{lead}{fig}{trail}")
}

/// Where each segment of each side shows in the pair view of every pair:
/// `rows[pair][side][segment]` is the row index.
struct RowIndex<'p> {
    pairs: &'p Pairwise,
}

impl RowIndex<'_> {
    /// The pair view link that shows segment `seg` of report `r`, beside
    /// report `other`.
    fn link(
        &self,
        params: &Params,
        ids: &[Rc<str>],
        r: usize,
        other: usize,
        seg: usize,
    ) -> Option<Link> {
        let (a, b) = (r.min(other), r.max(other));
        let side = if r == a { Side::A } else { Side::B };
        let cmp = self.pairs.get(a, b)?;
        let row = cmp.rows.iter().position(|row| {
            let (shown, segs) = match side {
                Side::A => (row.a.is_some(), row.segments_a),
                Side::B => (row.b.is_some(), row.segments_b),
            };
            shown && segs.is_some_and(|s| s.0 <= seg && seg < s.1)
        })?;
        let mut p = params.clone();
        p.a = a;
        p.b = b;
        p.view = View::Split;
        let target = format!("r{row}-{}", side.as_str());
        Some(Link {
            href: format!("?{}#{target}", p.to_query(ids)),
            pair: (a, b),
            target,
        })
    }
}

/// Builds the overview model of `o` (the overview of the reports of `col`,
/// named by their ids, built on `pairs`), under the reader's `params`.
///
/// ```
/// use report_diff::engine::{overview::{build_from, Pairwise}, Collection, Options};
/// use report_diff::params::Params;
/// use report_diff::view::overview_model;
/// let col = Collection::new(&["Trump delayed the AI order by 90 days.", "The AI order was delayed by 90 days, officials said."]);
/// let ids = ["a".to_string(), "b".to_string()];
/// let pairs = Pairwise::new(&col, &Options::default());
/// let o = build_from(&col, &ids, &Options::default(), &pairs).unwrap();
/// let m = overview_model(&o, &col, &pairs, &Params::defaults(2), &ids);
/// assert_eq!(m.facts[0].cells[1].count, 1);
/// assert!(m.facts[0].cells[1].link.as_ref().unwrap().href.starts_with("?a=a&b=b&view=split"));
/// ```
pub fn overview_model(
    o: &Overview,
    col: &Collection,
    pairs: &Pairwise,
    params: &Params,
    ids: &[String],
) -> OverviewModel {
    let docs = col.documents();
    let n = o.reports.len().min(docs.len()).min(ids.len());
    let ids: Vec<Rc<str>> = ids.iter().map(|s| Rc::from(s.as_str())).collect();
    let filter = OverviewFilter::from_params(params);
    let shown: Vec<usize> = (0..n).filter(|&r| filter.shows(r)).collect();
    let rows = RowIndex { pairs };
    let text = |r: usize| docs.get(r).map_or("", |d| d.text());
    let share = |of: usize, by: usize| {
        o.coverage
            .iter()
            .find(|c| c.of.index == of && c.by.index == by)
    };
    // The report to show beside `r` when nothing else says which: the shown
    // one that tells most of its story.
    let closest = |r: usize| {
        shown.iter().copied().filter(|&x| x != r).max_by(|&x, &y| {
            let s = |b: usize| share(r, b).map_or(0, |c| c.shared);
            s(x).cmp(&s(y)).then(y.cmp(&x))
        })
    };
    let partner = |r: usize, among: &BTreeSet<usize>| {
        among
            .iter()
            .copied()
            .find(|&x| x != r && shown.contains(&x))
            .or_else(|| closest(r))
    };
    let segment_at = |r: usize, at: usize| {
        docs.get(r)?
            .segments()
            .iter()
            .position(|s| s.text.0 <= at && at < s.text.1.max(s.text.0 + 1))
    };
    let mut m = OverviewModel {
        summary: o.summary.iter().map(|s| Rc::from(s.as_str())).collect(),
        reports: (0..n)
            .map(|index| Column {
                index,
                id: ids[index].clone(),
            })
            .collect(),
        columns: shown
            .iter()
            .map(|&index| Column {
                index,
                id: ids[index].clone(),
            })
            .collect(),
        ..OverviewModel::default()
    };
    let names_of = |rs: &[usize]| rs.iter().map(|&r| &*ids[r]).collect::<Vec<_>>();
    let hidden: Vec<usize> = (0..n).filter(|r| !shown.contains(r)).collect();
    let mut notes = Vec::new();
    if !hidden.is_empty() {
        notes.push(format!(
            "Not shown: {}. The summary above speaks of all {n} reports.",
            join(&names_of(&hidden))
        ));
    }
    if let Some(x) = filter.only.filter(|&x| x < n) {
        notes.push(format!(
            "Only what {} adds: facts, quotes, figures and names no other shown report has, and figures it gives differently.",
            ids[x]
        ));
    }
    m.filter_note = (!notes.is_empty()).then(|| notes.join(" "));

    // Coverage.
    for &of in &shown {
        let total = share(of, shown.iter().copied().find(|&b| b != of).unwrap_or(of))
            .map_or(0, |c| c.total);
        let cells = shown
            .iter()
            .map(|&by| match share(of, by) {
                None => CoverageCell::Itself,
                Some(c) => {
                    let mut p = params.clone();
                    (p.a, p.b, p.view) = (of.min(by), of.max(by), View::Split);
                    CoverageCell::Share {
                        text: percent(c.share),
                        band: (c.share * 4.0).round().clamp(0.0, 4.0) as u8,
                        label: format!(
                            "{} tells {} of {}’s story ({} of {} sentences); open the two side by side",
                            ids[by],
                            percent(c.share),
                            ids[of],
                            c.shared,
                            c.total
                        ),
                        link: Link {
                            href: format!("?{}", p.to_query(&ids)),
                            pair: (p.a, p.b),
                            target: String::new(),
                        },
                    }
                }
            })
            .collect();
        m.coverage.push(CoverageRow {
            id: ids[of].clone(),
            total,
            cells,
        });
    }

    // A row survives the filter when a shown report has it; under `only`,
    // when that report alone (of the shown ones) has it.
    let keep = |reports: &BTreeSet<usize>| {
        let visible: Vec<usize> = reports
            .iter()
            .copied()
            .filter(|r| shown.contains(r))
            .collect();
        match filter.only {
            Some(x) => visible == [x],
            None => !visible.is_empty(),
        }
    };

    // Story map.
    let mut facts: Vec<(usize, FactRow)> = Vec::new();
    for f in &o.facts {
        let reports: BTreeSet<usize> = f.reports.iter().map(|r| r.index).collect();
        if !keep(&reports) {
            continue;
        }
        let visible = reports.iter().filter(|r| shown.contains(r)).count();
        let scope = match visible {
            1 if shown.len() > 1 => Scope::One,
            v if v == shown.len() => Scope::All,
            _ => Scope::Some,
        };
        let cells = shown
            .iter()
            .map(|&r| {
                let count = f.counts.get(r).copied().unwrap_or(0);
                let first = f.mentions.iter().find(|x| x.report == r);
                let link = first
                    .and_then(|x| rows.link(params, &ids, r, partner(r, &reports)?, x.segment));
                let label = match count {
                    0 => format!("{} does not tell it", ids[r]),
                    1 => format!("{} tells it", ids[r]),
                    c => format!("{} tells it {c} times", ids[r]),
                };
                Mark { count, label, link }
            })
            .collect();
        facts.push((
            visible,
            FactRow {
                // A list item's marker is layout, not part of the fact.
                label: clip(
                    without_list_marker(slice(text(f.label.report), f.label.span)),
                    LABEL_CHARS,
                )
                .into(),
                scope,
                cells,
            },
        ));
    }
    // The engine's order, re-sorted by how many shown reports tell each fact.
    sort::sort_by_key(&mut facts, |x| std::cmp::Reverse(x.0));
    m.facts = facts.into_iter().map(|(_, f)| f).collect();
    for &r in &shown {
        let col = m.columns.iter().position(|c| c.index == r).unwrap_or(0);
        let mut t = Tally {
            id: ids[r].clone(),
            with_all: 0,
            with_some: 0,
            alone: 0,
        };
        for f in m.facts.iter().filter(|f| f.cells[col].count > 0) {
            match f.scope {
                Scope::All => t.with_all += 1,
                Scope::Some => t.with_some += 1,
                Scope::One => t.alone += 1,
            }
        }
        m.tallies.push(t);
    }

    // Quotes.
    for g in &o.quotes {
        let reports: BTreeSet<usize> = g.reports.iter().map(|r| r.index).collect();
        if !keep(&reports) {
            continue;
        }
        let visible: Vec<usize> = reports
            .iter()
            .copied()
            .filter(|r| shown.contains(r))
            .collect();
        let reference = g.members.get(g.reference);
        let mut wordings: Vec<Wording> = g
            .members
            .iter()
            .enumerate()
            .filter(|(_, w)| shown.contains(&w.report))
            .map(|(i, w)| {
                let pieces = match &w.inline {
                    Some(ops) => side_pieces(ops, Side::B),
                    None => vec![Piece::Same(slice(text(w.report), w.span).into())],
                };
                let link = segment_at(w.report, w.span.0).and_then(|seg| {
                    rows.link(params, &ids, w.report, partner(w.report, &reports)?, seg)
                });
                Wording {
                    id: ids[w.report].clone(),
                    reference: i == g.reference,
                    pieces,
                    speaker: w.speaker.as_deref().map(Rc::from),
                    link,
                }
            })
            .collect();
        // The reference first, then by report.
        sort::sort_by_key(&mut wordings, |w| !w.reference);
        if wordings.is_empty() || reference.is_none() {
            continue;
        }
        let count = wordings.len();
        m.quotes.push(QuoteRow {
            speaker: g.speaker.as_deref().unwrap_or("Unattributed").into(),
            caption: format!(
                "Quoted by {} in {} wording{}",
                join(&names_of(&visible)),
                g.wordings.min(count),
                if g.wordings.min(count) == 1 { "" } else { "s" }
            ),
            reports: visible.iter().map(|&r| ids[r].clone()).collect(),
            wordings,
        });
    }

    // Figures: under `only`, also the divergences that report takes part in.
    for g in &o.figures {
        let reports: BTreeSet<usize> = g.mentions.iter().map(|x| x.report).collect();
        let differs = |x: usize| {
            g.divergent
                && g.mentions.iter().filter(|m| m.report == x).all(|mx| {
                    g.mentions
                        .iter()
                        .filter(|m| m.report != x && shown.contains(&m.report))
                        .all(|my| my.value != mx.value)
                })
                && reports.contains(&x)
        };
        let kept = keep(&reports) || filter.only.is_some_and(differs);
        if !kept || !reports.iter().any(|r| shown.contains(r)) {
            continue;
        }
        let label = &g.mentions[g.label.min(g.mentions.len().saturating_sub(1))];
        let values_shown: BTreeSet<&str> = g
            .mentions
            .iter()
            .filter(|x| shown.contains(&x.report))
            .map(|x| x.value.as_str())
            .collect();
        let cells = shown
            .iter()
            .map(|&r| {
                let mine: Vec<_> = g.mentions.iter().filter(|x| x.report == r).collect();
                let first = mine.first()?;
                let mut values: Vec<&str> = Vec::new();
                for x in &mine {
                    if !values.contains(&x.value.as_str()) {
                        values.push(&x.value);
                    }
                }
                let link = segment_at(r, first.span.0)
                    .and_then(|seg| rows.link(params, &ids, r, partner(r, &reports)?, seg));
                Some(FigureCell {
                    values: values.join(", "),
                    sentence: slice(text(r), first.sentence).trim().into(),
                    link,
                })
            })
            .collect();
        m.figures.push(FigureRow {
            what: around(text(label.report), label.sentence, label.span).into(),
            kind: g.kind.label(),
            divergent: values_shown.len() > 1,
            cells,
        });
    }
    // Divergences among the shown reports first (stable: the engine's order).
    sort::sort_by_key(&mut m.figures, |f| !f.divergent);

    // Names.
    for g in &o.names {
        let reports: BTreeSet<usize> = g.reports.iter().map(|r| r.index).collect();
        if !keep(&reports) {
            continue;
        }
        let others: Vec<&str> = g
            .forms
            .iter()
            .filter(|f| **f != g.name)
            .map(String::as_str)
            .collect();
        m.names.push(NameRow {
            name: g.name.as_str().into(),
            forms: (!others.is_empty()).then(|| others.join(", ")),
            cells: shown
                .iter()
                .map(|&r| g.counts.get(r).copied().unwrap_or(0))
                .collect(),
        });
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::overview::build_from;
    use crate::engine::Options;
    use crate::view::{split_model, BoilerplateDisplay, Slot};

    struct Fixture {
        col: Collection,
        pairs: Pairwise,
        ids: Vec<String>,
        o: Overview,
    }

    fn fixture() -> Fixture {
        let reports = crate::corpus::reports();
        let texts: Vec<&str> = reports.iter().map(|r| r.text).collect();
        let ids: Vec<String> = reports.iter().map(|r| r.meta.id.clone()).collect();
        let col = Collection::new(&texts);
        let pairs = Pairwise::new(&col, &Options::default());
        let o = build_from(&col, &ids, &Options::default(), &pairs).unwrap();
        Fixture { col, pairs, ids, o }
    }

    fn model(f: &Fixture, query: &str) -> OverviewModel {
        let (p, notices) = Params::parse(query, &f.ids);
        assert!(notices.is_empty(), "{notices:?}");
        overview_model(&f.o, &f.col, &f.pairs, &p, &f.ids)
    }

    /// The text of the split-view cell `target` of the pair `(a, b)`.
    fn cell_text(f: &Fixture, link: &Link) -> String {
        let (a, b) = link.pair;
        let cmp = f.col.compare(a, b, &Options::default()).unwrap();
        let texts: Vec<&str> = f.col.documents().iter().map(|d| d.text()).collect();
        let sm = split_model(&cmp, texts[a], texts[b], BoilerplateDisplay::Dim);
        let found = sm
            .rows()
            .flat_map(|r| [&r.a, &r.b])
            .find_map(|s| match s {
                Slot::Cell(c) if c.id == link.target => {
                    Some(c.pieces.iter().map(Piece::text).collect::<String>())
                }
                _ => None,
            })
            .unwrap_or_else(|| panic!("no cell {} in {a} vs {b}", link.target));
        found
    }

    #[test]
    fn every_passage_link_lands_on_a_cell_holding_the_passage() {
        let f = fixture();
        let m = model(&f, "");
        assert_eq!(m.columns.len(), 5);
        let mut checked = 0;
        for (fact, row) in f.o.facts.iter().zip(&m.facts) {
            for (col, mark) in m.columns.iter().zip(&row.cells) {
                let Some(link) = &mark.link else {
                    assert_eq!(mark.count, 0);
                    continue;
                };
                assert!(link.href.contains("view=split") && link.href.ends_with(&link.target));
                let first = fact
                    .mentions
                    .iter()
                    .find(|x| x.report == col.index)
                    .unwrap();
                let sentence = slice(f.col.documents()[col.index].text(), first.span);
                let cell: String = cell_text(&f, link).split_whitespace().collect();
                let want: String = sentence.split_whitespace().collect();
                assert!(cell.contains(&want), "{want} not in {cell}");
                checked += 1;
            }
        }
        assert!(checked > 100, "{checked}");
        for q in &m.quotes {
            for w in &q.wordings {
                let link = w.link.as_ref().expect("a quote opens its passage");
                let cell = cell_text(&f, link);
                let words: String = w.pieces.iter().map(Piece::text).collect();
                assert!(cell.contains(words.trim()), "{words} not in {cell}");
            }
        }
    }

    #[test]
    fn coverage_cells_open_the_pair_and_say_what_they_measure() {
        let f = fixture();
        let m = model(&f, "theme=dark");
        assert_eq!(m.coverage.len(), 5);
        let CoverageCell::Share {
            text,
            label,
            link,
            band,
        } = &m.coverage[1].cells[0]
        else {
            panic!("001 vs 000 is a share");
        };
        assert_eq!(text, "100%");
        assert_eq!(*band, 4);
        assert!(
            label.starts_with("000 tells 100% of 001’s story (15 of 15"),
            "{label}"
        );
        assert_eq!(link.href, "?a=000&b=001&view=split&theme=dark");
        assert_eq!(m.coverage[1].cells[1], CoverageCell::Itself);
    }

    #[test]
    fn the_story_map_puts_shared_facts_first_and_tallies_agree() {
        let f = fixture();
        let m = model(&f, "");
        assert_eq!(m.facts[0].scope, Scope::All);
        let scopes: Vec<Scope> = m.facts.iter().map(|x| x.scope).collect();
        let first_one = scopes.iter().position(|&s| s == Scope::One).unwrap();
        assert!(scopes[first_one..].iter().all(|&s| s == Scope::One));
        for (k, t) in m.tallies.iter().enumerate() {
            let told = m.facts.iter().filter(|x| x.cells[k].count > 0).count();
            assert_eq!(t.with_all + t.with_some + t.alone, told, "{}", t.id);
        }
        assert!(m
            .facts
            .iter()
            .any(|x| x.cells[3].count >= 2 && x.cells[3].label.ends_with("times")));
    }

    #[test]
    fn hiding_a_report_drops_its_column_and_rescopes_the_rows() {
        let f = fixture();
        let m = model(&f, "hide=001,002");
        let cols: Vec<&str> = m.columns.iter().map(|c| &*c.id).collect();
        assert_eq!(cols, ["000", "003", "004"]);
        assert_eq!(m.reports.len(), 5);
        assert!(m.filter_note.as_deref().unwrap().contains("001 and 002"));
        // The summary is of every report: the note says so.
        assert!(m
            .filter_note
            .as_deref()
            .unwrap()
            .contains("The summary above speaks of all 5 reports."));
        assert!(m
            .facts
            .iter()
            .all(|x| x.cells.len() == 3 && x.cells.iter().any(|c| c.count > 0)));
        assert!(m
            .facts
            .iter()
            .filter(|x| x.scope == Scope::All)
            .all(|x| x.cells.iter().all(|c| c.count > 0)));
        assert!(m.coverage.iter().all(|r| r.cells.len() == 3));
        // 002's facts alone are gone.
        let all = model(&f, "");
        assert!(m.facts.len() < all.facts.len());
    }

    #[test]
    fn only_what_one_report_adds() {
        let f = fixture();
        let m = model(&f, "only=004");
        assert!(!m.facts.is_empty());
        let col = m.columns.iter().position(|c| &*c.id == "004").unwrap();
        for x in &m.facts {
            assert_eq!(x.scope, Scope::One);
            assert!(x.cells[col].count > 0);
        }
        assert!(m
            .quotes
            .iter()
            .all(|q| q.reports.len() == 1 && &*q.reports[0] == "004"));
        assert!(m
            .quotes
            .iter()
            .any(|q| &*q.speaker == "Vice President Vance"));
        assert!(m.names.iter().all(|n| n
            .cells
            .iter()
            .enumerate()
            .all(|(k, &c)| (k == col) == (c > 0))));
        // The poll: 004 gives it differently from 003, so it stays.
        assert!(m.figures.iter().any(|x| x.divergent
            && x.cells[col]
                .as_ref()
                .is_some_and(|c| c.values == "over 80%")));
    }

    #[test]
    fn the_trump_remark_shows_its_wordings_with_the_differences_marked() {
        let f = fixture();
        let m = model(&f, "");
        let q = &m.quotes[0];
        assert_eq!(&*q.speaker, "Trump");
        // Five different wordings in three reports (004's "could be a hindrance"
        // shares no word with the others: no synonym list pairs it).
        assert_eq!(q.caption, "Quoted by 002, 003 and 004 in 5 wordings");
        assert!(q.wordings[0].reference);
        assert!(q.wordings[0]
            .pieces
            .iter()
            .all(|p| matches!(p, Piece::Same(_))));
        // Every other wording shows the words the reference lacks; one with
        // the reference's words (in another passage, or with other
        // apostrophes) shows none.
        let words = |w: &Wording| -> String {
            w.pieces
                .iter()
                .map(|p| match p {
                    Piece::Same(t) | Piece::Added(t) | Piece::Removed(t) => t.as_ref(),
                })
                .flat_map(str::chars)
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect()
        };
        for w in &q.wordings[1..] {
            let added = w.pieces.iter().any(|p| matches!(p, Piece::Added(_)));
            assert_eq!(added, words(w) != words(&q.wordings[0]), "{:?}", w.pieces);
        }
        assert!(q.wordings.len() > 5, "002 quotes the reference twice");
    }

    #[test]
    fn figures_show_the_divergence_in_context() {
        let f = fixture();
        let m = model(&f, "");
        let poll = &m.figures[0];
        assert!(poll.divergent);
        assert_eq!(poll.kind, "percentage");
        assert!(
            poll.what.contains("Institute for Family Studies"),
            "{}",
            poll.what
        );
        let values: Vec<Option<&str>> = poll
            .cells
            .iter()
            .map(|c| c.as_ref().map(|c| c.values.as_str()))
            .collect();
        assert_eq!(values, [None, None, None, Some("82%"), Some("over 80%")]);
        let trump = m.names.iter().find(|n| &*n.name == "Trump").unwrap();
        assert!(trump.cells.iter().all(|&c| c > 0));
        assert!(trump.forms.as_deref().unwrap().contains("Donald Trump"));
    }

    #[test]
    fn figure_context_is_cut_at_words() {
        let t = "A poll conducted this month for the Institute for Family Studies showed that 82% of Americans support the White House conducting safety testing on advanced AI models.";
        let at = t.find("82%").unwrap();
        let s = around(t, Span(0, t.len()), Span(at, at + 3));
        assert!(
            s.starts_with("…this month")
                && s.contains("82% of Americans")
                && s.ends_with("testing on…"),
            "{s}"
        );
    }
}
