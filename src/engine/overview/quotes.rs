//! Quotes across all reports: one remark in all its wordings, who it is
//! attributed to, and the words that differ.
//!
//! Every direct quote of every report (straight, curly and Chinese marks; see
//! [`crate::engine::quotes`]) is compared with every other; two quotes whose
//! words overlap enough are the same remark (also inside one report, which
//! may quote one remark twice in different translations). A group is the set
//! of quotes linked that way; its reference wording is the one most like the
//! others, and every other wording carries its word-level differences to it.
//!
//! Attribution: the name nearest before the quote in its own sentence (or
//! right after it: "…,” Vance said), else, when the sentence points back
//! ("… he said"), the first name of the sentences before it; acronyms left
//! out (organisations do not speak). The group's speaker is the one most of
//! its members are attributed to.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::names::{all_capitals, Names};
use super::{slice, ReportRef, UnionFind};
use crate::engine::inline::{self, InlineOp};
use crate::engine::quotes::{similarity, MIN_SCORE};
use crate::engine::score::quantize;
use crate::engine::segment::opens_paragraph;
use crate::engine::sort;
use crate::engine::token::{features, fold_typography, is_cjk};
use crate::engine::{Document, Options, Span};

/// How many sentences before a quote are searched for its speaker when its
/// own sentence names nobody ("… he said").
pub const SPEAKER_LOOKBACK: usize = 3;

/// One wording of a remark, in one report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteMember {
    /// Index of the report (input order).
    pub report: usize,
    /// The quote without its marks, as a byte range into the report.
    pub span: Span,
    /// Who the report attributes it to, when a name is found.
    pub speaker: Option<String>,
    /// Word-level differences from the group's reference wording (A = the
    /// reference, B = this one); absent for the reference itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inline: Option<Vec<InlineOp>>,
}

/// One remark, quoted by one or more reports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteGroup {
    /// The reports that quote it, in input order.
    pub reports: Vec<ReportRef>,
    /// Who it is attributed to (most members' attribution).
    pub speaker: Option<String>,
    /// How many different wordings (case, punctuation and spacing aside).
    pub wordings: usize,
    /// Index into `members` of the reference wording.
    pub reference: usize,
    /// Every quote of the remark, by report, in reading order.
    pub members: Vec<QuoteMember>,
}

/// A wording with case, typography, punctuation and spacing left out.
fn wording_key(t: &str) -> String {
    t.chars()
        .map(fold_typography)
        .filter(|c| c.is_alphanumeric() || is_cjk(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Third-person pronouns (English and Chinese): "… he said" sends the search
/// for the speaker to the sentences before. A closed class of function
/// words, like stop words, not a list about any story.
const PRONOUNS: &[&str] = &[
    "he", "her", "his", "she", "their", "them", "they", "他", "他们", "她", "她们",
];

/// Most words between a quote and a name after it for the name to be its
/// speaker ("…,” Vance said; "…,” said Vance).
const WORDS_BEFORE_SPEAKER: usize = 1;

/// True when `text` holds a third-person pronoun.
fn has_pronoun(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| PRONOUNS.contains(&w.to_lowercase().as_str()))
        || text.chars().any(|c| c == '他' || c == '她')
}

/// Words (and CJK characters) in `text`.
fn words(text: &str) -> usize {
    crate::engine::token::word_count(text)
}

/// The name group a report attributes the quote at `span` to:
///
/// 1. in the quote's own sentence, the nearest name before the quote (a
///    possessive "America’s lead" names no speaker), else a name right after
///    it ("…,” Vance said);
/// 2. when that sentence points back ("he said", or it is nothing but the
///    quote), the first name of each earlier sentence, nearest first, within
///    [`SPEAKER_LOOKBACK`] sentences and one paragraph break.
///
/// Acronyms never speak (organisations, places), and names inside quotes are
/// not speakers.
fn attribute(
    doc: &Document,
    names: &[(Span, usize)],
    group_names: &[String],
    span: Span,
) -> Option<usize> {
    let segs = &doc.segments;
    let first = segs.iter().position(|s| s.text.1 > span.0)?;
    let last = segs
        .iter()
        .rposition(|s| s.text.0 < span.1)
        .unwrap_or(first)
        .max(first);
    let inside_quote = |s: Span| doc.quotes.iter().any(|q| s.0 >= q.0 && s.1 <= q.1);
    let possessive = |s: Span| {
        let after = doc.text.get(s.1..).unwrap_or("");
        after.starts_with("\u{2019}s") || after.starts_with("'s")
    };
    let candidates = |from: usize, to: usize| {
        names.iter().filter(move |(s, g)| {
            s.0 >= from
                && s.1 <= to
                && !inside_quote(*s)
                && !all_capitals(&group_names[*g])
                && !all_capitals(slice(doc, *s))
        })
    };
    let (from, to) = (segs[first].text.0, segs[last].text.1);
    // 1. The quote's own sentence: the nearest name before it…
    let before = candidates(from, span.0)
        .filter(|(s, _)| !possessive(*s))
        .max_by_key(|(s, _)| s.1)
        .map(|&(_, g)| g);
    if before.is_some() {
        return before;
    }
    // …or a name right after it.
    let after = candidates(span.1, to)
        .filter(|(s, _)| words(doc.text.get(span.1..s.0).unwrap_or("")) <= WORDS_BEFORE_SPEAKER)
        .min_by_key(|(s, _)| s.0)
        .map(|&(_, g)| g);
    if after.is_some() {
        return after;
    }
    // 2. Only when the sentence points back.
    let outside: String = {
        let mut t = String::new();
        let mut pos = from;
        for q in doc.quotes.iter().filter(|q| q.0 >= from && q.1 <= to) {
            t.push_str(doc.text.get(pos..q.0).unwrap_or(""));
            pos = q.1;
        }
        t.push_str(doc.text.get(pos..to).unwrap_or(""));
        t
    };
    if !(has_pronoun(&outside) || words(&outside) == 0) {
        return None;
    }
    let mut paragraphs_crossed = 0;
    for k in (first.saturating_sub(SPEAKER_LOOKBACK)..first).rev() {
        if opens_paragraph(segs, k + 1) {
            paragraphs_crossed += 1;
            if paragraphs_crossed > 1 {
                break;
            }
        }
        if let Some(&(_, g)) = candidates(segs[k].text.0, segs[k].text.1).next() {
            return Some(g);
        }
    }
    None
}

/// Finds every report's quotes and groups the wordings of one remark.
pub(crate) fn group(
    docs: &[Document],
    refs: &[ReportRef],
    names: &Names,
    opts: &Options,
) -> Vec<QuoteGroup> {
    let all: Vec<(usize, Span, Vec<String>)> = docs
        .iter()
        .enumerate()
        .flat_map(|(r, d)| d.quotes.iter().map(move |&q| (r, q, features(slice(d, q)))))
        .collect();
    let mut uf = UnionFind::new(all.len());
    let mut sim = vec![vec![0.0; all.len()]; all.len()];
    for x in 0..all.len() {
        for y in x + 1..all.len() {
            let s = similarity(&all[x].2, &all[y].2);
            sim[x][y] = s;
            sim[y][x] = s;
            if s >= MIN_SCORE {
                uf.union(x, y);
            }
        }
    }
    // A wording differs by its words: case, typography and punctuation stay
    // aside in the word changes, as in the count of wordings, whatever the
    // reader's options (002's curly and straight "don’t" are one wording).
    let opts = Options {
        ignore_case: true,
        ignore_punctuation: true,
        ..*opts
    };
    let group_names: Vec<String> = names.groups.iter().map(|g| g.name.clone()).collect();
    let text = |x: usize| slice(&docs[all[x].0], all[x].1);
    let n = refs.len();
    let mut groups: Vec<QuoteGroup> = uf
        .sets()
        .into_iter()
        .map(|mut set| {
            sort::sort_by_key(&mut set, |&x| (all[x].0, all[x].1));
            // The wording most like the others is the reference; among equals
            // the longest, then the first by text, then by report name.
            let likeness = |x: usize| -> u64 { set.iter().map(|&y| quantize(sim[x][y])).sum() };
            let reference = (0..set.len())
                .max_by(|&i, &j| {
                    let (x, y) = (set[i], set[j]);
                    likeness(x)
                        .cmp(&likeness(y))
                        .then(text(x).len().cmp(&text(y).len()))
                        .then_with(|| text(y).cmp(text(x)))
                        .then_with(|| refs[all[y].0].name.cmp(&refs[all[x].0].name))
                })
                .unwrap_or(0);
            let rx = set[reference];
            let speakers: Vec<Option<usize>> = set
                .iter()
                .map(|&x| {
                    let (r, span, _) = &all[x];
                    attribute(&docs[*r], &names.by_report[*r], &group_names, *span)
                })
                .collect();
            let mut votes: BTreeMap<&str, usize> = BTreeMap::new();
            for g in speakers.iter().flatten() {
                *votes.entry(group_names[*g].as_str()).or_default() += 1;
            }
            let speaker = votes
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(s, _)| s.to_string());
            let members: Vec<QuoteMember> = set
                .iter()
                .zip(&speakers)
                .map(|(&x, sp)| {
                    let (r, span, _) = &all[x];
                    QuoteMember {
                        report: *r,
                        span: *span,
                        speaker: sp.map(|g| group_names[g].clone()),
                        inline: (x != rx).then(|| {
                            inline::diff(
                                &docs[all[rx].0].text,
                                all[rx].1,
                                &docs[*r].text,
                                *span,
                                &opts,
                            )
                        }),
                    }
                })
                .collect();
            let in_report: BTreeSet<usize> = set.iter().map(|&x| all[x].0).collect();
            let wordings = set
                .iter()
                .map(|&x| wording_key(text(x)))
                .collect::<BTreeSet<_>>()
                .len();
            QuoteGroup {
                reports: (0..n)
                    .filter(|r| in_report.contains(r))
                    .map(|r| refs[r].clone())
                    .collect(),
                speaker,
                wordings,
                reference,
                members,
            }
        })
        .collect();
    // Quoted by the most reports first, then the most wordings, then by text.
    sort::sort_by(&mut groups, |a, b| {
        let t = |g: &QuoteGroup| {
            let m = &g.members[g.reference];
            slice(&docs[m.report], m.span).to_string()
        };
        b.reports
            .len()
            .cmp(&a.reports.len())
            .then(b.members.len().cmp(&a.members.len()))
            .then_with(|| t(a).cmp(&t(b)))
            .then_with(|| {
                a.reports
                    .iter()
                    .map(|r| &r.name)
                    .cmp(b.reports.iter().map(|r| &r.name))
            })
    });
    groups
}
