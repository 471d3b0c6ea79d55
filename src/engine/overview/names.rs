//! People and organisations, found by general rules and grouped across
//! reports.
//!
//! A name is a run of capitalised words ("Treasury Secretary Scott Bessent"),
//! camel-case words ("xAI", "OpenAI"), dotted acronyms ("U.S.") and
//! hyphenated model names ("GPT-5.5"), joined by name particles ("Institute
//! for Family Studies", "Office of the National Cyber Director"). Latin names
//! inside Chinese text are found the same way. Rules that keep ordinary words
//! out:
//!
//! - A capitalised word that opens a sentence (or a quote) counts only when
//!   the reports also capitalise it elsewhere, mid-sentence ("Trump" yes,
//!   "Speaking" no).
//! - Title-case headings (headlines) are skipped: there every word is
//!   capitalised.
//! - Single letters ("I", "Q"), plural acronyms ("CEOs") and calendar words
//!   (weekdays and months, which [`figures`](super::figures) reads) are not
//!   names.
//! - A possessive ends a name: "Trump’s National Economic Council Director"
//!   is two names.
//!
//! Forms of one name are merged when they end in the same word and the
//! shorter one's words appear, in order, in the longer one ("Trump",
//! "Donald Trump", "U.S. President Donald Trump").

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::figures::is_calendar_word;
use super::{is_story, ReportRef, UnionFind};
use crate::engine::segment::SegmentKind;
use crate::engine::sort;
use crate::engine::token::{is_stop_word, units, Unit, UnitClass};
use crate::engine::{Document, Span};

/// Lower-case words that join the parts of one name ("Institute *for*
/// Family Studies", "Ludwig *van* Beethoven"): name particles found across
/// European languages. "and" is not one of them: "Vance and Bessent" are two
/// people.
const PARTICLES: &[&str] = &[
    "al", "bin", "da", "das", "de", "del", "der", "di", "do", "dos", "du", "for", "la", "le", "of",
    "on", "the", "van", "von", "y",
];

/// Share of long words (four letters or more) that must be capitalised for a
/// line to count as title case.
const TITLE_CASE_SHARE: f64 = 0.6;

/// One mention of a name in a report.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct NameMention {
    /// Index of the report (input order).
    pub report: usize,
    /// Byte range of the name as written (without a possessive ending).
    pub span: Span,
}

/// A person or organisation and the reports that name it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NameGroup {
    /// The form shown: the most frequent one (the longer among equals).
    pub name: String,
    /// Every form seen, sorted ("Donald Trump", "President Trump", "Trump").
    pub forms: Vec<String>,
    /// The reports that name it, in input order.
    pub reports: Vec<ReportRef>,
    /// Mentions per report (one count per report, input order).
    pub counts: Vec<usize>,
    /// Every mention, by report, in reading order.
    pub mentions: Vec<NameMention>,
}

/// The names of all reports: the groups, and per report its mentions with
/// their group, in reading order.
#[derive(Clone, Debug, Default)]
pub(crate) struct Names {
    /// The groups, sorted: named by the most reports first.
    pub groups: Vec<NameGroup>,
    /// Per report: (span, index into `groups`), in reading order.
    pub by_report: Vec<Vec<(Span, usize)>>,
}

fn is_upper_start(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// "xAI", "iPhone": a lower-case start followed by capitals.
fn is_camel(w: &str) -> bool {
    let mut lower_seen = false;
    for c in w.chars() {
        if c.is_lowercase() {
            lower_seen = true;
        } else if c.is_uppercase() && lower_seen {
            return true;
        }
    }
    false
}

/// "CEOs", "LLMs": capitals and a plural s: a common noun.
fn is_plural_acronym(w: &str) -> bool {
    let Some(stem) = w.strip_suffix('s') else {
        return false;
    };
    stem.chars().count() >= 2 && stem.chars().all(char::is_uppercase)
}

/// "FDA", "U.S.": capitals only (two or more letters), no digits. An acronym
/// names something on its own: it may open a name ("CLS News") but does not
/// extend one ("U.S. AI" is two names).
fn is_acronym(w: &str) -> bool {
    all_capitals(w) && !w.chars().any(char::is_numeric)
}

/// Two letters or more, all capitals ("FDA", "U.S.", "GPT-5"): what names an
/// organisation, a place or a product rather than a person.
pub(crate) fn all_capitals(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// Fewest times the reports must write an acronym's lower-case expansion
/// for it to count as a common noun: once may be words that happen to share
/// its initials.
const SPELLED_OUT: usize = 2;

/// The acronyms among `acronyms` that the reports spell out in lower-case
/// words, the same words at least [`SPELLED_OUT`] times ("artificial
/// intelligence" for "AI", "chief executive officer" for "CEO"). Words of
/// the expansion are content words of four letters or more, separated by
/// single spaces.
fn spelled_out<'a>(docs: &[Document], acronyms: &BTreeSet<&'a str>) -> BTreeSet<&'a str> {
    let initials = |a: &str| -> String {
        a.chars()
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let wanted: BTreeMap<String, &'a str> = acronyms
        .iter()
        .map(|&a| (initials(a), a))
        .filter(|(k, _)| (2..=5).contains(&k.chars().count()))
        .collect();
    let longest = wanted.keys().map(|k| k.chars().count()).max().unwrap_or(0);
    let mut seen: BTreeMap<(&'a str, String), usize> = BTreeMap::new();
    if longest == 0 {
        return BTreeSet::new();
    }
    for d in docs {
        // The current run of lower-case content words: (first letter, span).
        let mut run: Vec<(char, Span)> = Vec::new();
        for u in units(&d.text, 0) {
            let w = &d.text[u.span.0..u.span.1];
            match u.class {
                UnitClass::Space if !w.contains('\n') && w.chars().count() == 1 => continue,
                UnitClass::Word
                    if w.chars().count() >= 4
                        && w.chars().all(char::is_lowercase)
                        && !is_stop_word(w) =>
                {
                    run.push((w.chars().next().unwrap_or(' '), u.span));
                    for k in 2..=run.len().min(longest) {
                        let tail = &run[run.len() - k..];
                        let key: String = tail.iter().map(|t| t.0).collect();
                        if let Some(&a) = wanted.get(&key) {
                            let words = d.text[tail[0].1 .0..u.span.1].to_string();
                            *seen.entry((a, words)).or_default() += 1;
                        }
                    }
                }
                _ => run.clear(),
            }
        }
    }
    seen.into_iter()
        .filter(|(_, c)| *c >= SPELLED_OUT)
        .map(|((a, _), _)| a)
        .collect()
}

/// An acronym or true camel case: capitalised whatever its position.
fn is_marked_name(w: &str) -> bool {
    is_acronym(w) || is_camel(w)
}

fn strip_possessive(w: &str) -> (&str, bool) {
    for p in ["\u{2019}s", "'s", "\u{2019}", "'"] {
        if let Some(s) = w.strip_suffix(p) {
            if !s.is_empty() && (p.ends_with('s') || s.ends_with('s')) {
                return (s, true);
            }
        }
    }
    (w, false)
}

fn is_title_case(text: &str) -> bool {
    let long: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')
        .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
        .collect();
    long.len() >= 3
        && long.iter().filter(|w| is_upper_start(w)).count() as f64
            >= TITLE_CASE_SHARE * long.len() as f64
}

/// A capitalised token of a sentence: one word, a dotted acronym, or a
/// hyphenated name.
#[derive(Clone, Debug)]
struct Token {
    span: Span,
    /// Opens the sentence (or a quote, or follows a colon).
    initial: bool,
    /// Ends in a possessive ("Trump’s"): the name stops here.
    possessive: bool,
    /// Followed by exactly one space on the same line.
    spaced: bool,
    /// Index of the unit after the token.
    next: usize,
}

/// True when punctuation `c` opens a new sentence-like stretch of text.
fn opens(c: &str) -> bool {
    matches!(
        c,
        "." | "!"
            | "?"
            | ":"
            | "\u{FF1A}"
            | "\u{3002}"
            | "\u{FF01}"
            | "\u{FF1F}"
            | "\""
            | "\u{201C}"
            | "\u{2018}"
            | "'"
            | "\u{300C}"
            | "\u{300E}"
            | "("
            | "\u{FF08}"
    )
}

/// Reads the capitalised token starting at unit `k`, if there is one.
fn token_at(text: &str, us: &[Unit], k: usize, initial: bool) -> Option<Token> {
    let s = |u: &Unit| &text[u.span.0..u.span.1];
    let first = us.get(k)?;
    if first.class != UnitClass::Word {
        return None;
    }
    let w = s(first);
    let (start, mut end, mut j) = (first.span.0, first.span.1, k + 1);
    // Dotted acronym: U.S., U.K.
    if w.chars().count() == 1 && w.chars().all(char::is_uppercase) {
        let mut letters = 1;
        while j + 1 < us.len()
            && s(&us[j]) == "."
            && us[j + 1].class == UnitClass::Word
            && s(&us[j + 1]).chars().count() == 1
            && s(&us[j + 1]).chars().all(char::is_uppercase)
        {
            letters += 1;
            end = us[j + 1].span.1;
            j += 2;
        }
        if letters < 2 {
            return None; // "I", "A", "Q": single letters are not names
        }
        if us.get(j).is_some_and(|u| s(u) == ".") {
            end = us[j].span.1;
            j += 1;
        }
    } else if !(is_upper_start(w) || is_camel(w)) || is_plural_acronym(w) {
        return None;
    }
    // Hyphenated: GPT-5.5, Rolls-Royce (but not FDA-style, and "U.S.-China"
    // is two names).
    while j + 1 < us.len()
        && matches!(s(&us[j]), "-" | "\u{2011}")
        && (us[j + 1].class == UnitClass::Number
            || (us[j + 1].class == UnitClass::Word
                && is_upper_start(s(&us[j + 1]))
                && !is_acronym(&text[start..end])))
    {
        end = us[j + 1].span.1;
        j += 2;
    }
    let (stem, possessive) = strip_possessive(&text[start..end]);
    let end = start + stem.len();
    if is_calendar_word(stem) {
        return None;
    }
    let spaced = us
        .get(j)
        .is_some_and(|u| u.class == UnitClass::Space && s(u) == " ");
    Some(Token {
        span: Span(start, end),
        initial,
        possessive,
        spaced,
        next: j,
    })
}

/// A candidate name: its tokens' spans.
type Run = Vec<Token>;

/// Capitalised runs in `text[span]`.
fn runs(text: &str, span: Span) -> Vec<Run> {
    let Some(body) = text.get(span.0..span.1) else {
        return Vec::new();
    };
    let us = units(body, span.0);
    let s = |u: &Unit| &text[u.span.0..u.span.1];
    let mut out: Vec<Run> = Vec::new();
    let mut k = 0;
    // Opening position: nothing but punctuation before (a list marker, a
    // quote mark), or punctuation that opens a sentence.
    let mut initial = true;
    let mut seen_word = false;
    while k < us.len() {
        let u = &us[k];
        match u.class {
            UnitClass::Space => {
                k += 1;
                continue;
            }
            UnitClass::Punct => {
                initial = opens(s(u)) || (initial && !seen_word);
                k += 1;
                continue;
            }
            UnitClass::Number | UnitClass::Cjk => {
                initial = false;
                seen_word = true;
                k += 1;
                continue;
            }
            UnitClass::Word => seen_word = true,
        }
        let Some(first) = token_at(text, &us, k, initial) else {
            initial = false;
            k += 1;
            continue;
        };
        let mut run = vec![first];
        let mut has_particle = false;
        loop {
            let last = run.last().expect("a run has a token");
            if last.possessive || !last.spaced {
                break;
            }
            let j = last.next + 1;
            let extends = |t: &Token| !is_acronym(&text[t.span.0..t.span.1]);
            if let Some(t) = token_at(text, &us, j, false) {
                if !extends(&t) {
                    break;
                }
                run.push(t);
                continue;
            }
            // Particles between capitalised words: "Office of the National …";
            // "and" only inside such a name ("Council of Advisors on Science
            // and Technology"), never between two people.
            let mut p = j;
            let mut joined = false;
            while p + 1 < us.len()
                && us[p].class == UnitClass::Word
                && (PARTICLES.contains(&s(&us[p])) || (has_particle && s(&us[p]) == "and"))
                && us[p + 1].class == UnitClass::Space
                && s(&us[p + 1]) == " "
            {
                p += 2;
                if let Some(t) = token_at(text, &us, p, false).filter(|t| extends(t)) {
                    run.push(t);
                    joined = true;
                    has_particle = true;
                    break;
                }
            }
            if !joined {
                break;
            }
        }
        k = run.last().map_or(k + 1, |t| t.next);
        // "Editor’s Note": what follows an opening possessive still opens
        // the sentence.
        initial = run.len() == 1 && run[0].initial && run[0].possessive;
        out.push(run);
    }
    out
}

/// The form of a name: its text with whitespace runs as single spaces.
fn form(text: &str, span: Span) -> String {
    text[span.0..span.1]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The key two forms of one name share: dots dropped ("U.S." = "US").
fn key(form: &str) -> String {
    form.chars().filter(|&c| c != '.').collect()
}

/// True when `short`'s words appear, in order, in `long` and both end in the
/// same word.
fn is_short_form(short: &str, long: &str) -> bool {
    let (s, l): (Vec<&str>, Vec<&str>) = (short.split(' ').collect(), long.split(' ').collect());
    if s.len() >= l.len() || s.last() != l.last() {
        return false;
    }
    let mut it = l.iter();
    s.iter().all(|w| it.any(|x| x == w))
}

/// Finds the names of every report's story and groups them.
pub(crate) fn find(docs: &[Document], refs: &[ReportRef]) -> Names {
    // Story sentences that are not title case, per report.
    let sentences: Vec<Vec<Span>> = docs
        .iter()
        .map(|d| {
            (0..d.segments.len())
                .filter(|&i| is_story(d, i))
                .filter(|&i| {
                    let sp = d.segments[i].text;
                    d.segments[i].kind != SegmentKind::Heading
                        || !is_title_case(&d.text[sp.0..sp.1])
                })
                .map(|i| d.segments[i].text)
                .collect()
        })
        .collect();
    let all_runs: Vec<Vec<Run>> = docs
        .iter()
        .zip(&sentences)
        .map(|(d, ss)| ss.iter().flat_map(|&sp| runs(&d.text, sp)).collect())
        .collect();
    // Words the reports capitalise mid-sentence (in a run that does not open
    // the sentence): those are names even when they open one.
    let known: BTreeSet<&str> = docs
        .iter()
        .zip(&all_runs)
        .flat_map(|(d, rs)| {
            rs.iter()
                .filter(|r| r.first().is_some_and(|t| !t.initial))
                .flatten()
                .map(|t| &d.text[t.span.0..t.span.1])
        })
        .collect();
    let mut mentions: Vec<(usize, Span, String)> = Vec::new();
    for (r, (d, rs)) in docs.iter().zip(&all_runs).enumerate() {
        for run in rs {
            let mut run: &[Token] = run;
            // Acronyms and camel case ("FDA", "OpenAI") are names wherever
            // they stand; an ordinary word may be capitalised by its position
            // only. Once an opening word is dropped, the next one opens the
            // sentence in its place ("The White House", "Key Takeaways").
            let mut initial = run.first().is_some_and(|t| t.initial);
            while let Some(t) = run.first() {
                let w = &d.text[t.span.0..t.span.1];
                if initial && !is_marked_name(w) && !known.contains(w) {
                    run = &run[1..];
                } else {
                    break;
                }
                initial = true;
            }
            let (Some(a), Some(b)) = (run.first(), run.last()) else {
                continue;
            };
            let span = Span(a.span.0, b.span.1);
            mentions.push((r, span, form(&d.text, span)));
        }
    }
    // An acronym the reports spell out in lower-case words is a common noun
    // abbreviated ("AI"), not a name.
    let acronyms: BTreeSet<&str> = mentions
        .iter()
        .map(|m| m.2.as_str())
        .filter(|f| is_acronym(f))
        .collect();
    let common: BTreeSet<String> = spelled_out(docs, &acronyms)
        .into_iter()
        .map(str::to_string)
        .collect();
    mentions.retain(|m| !common.contains(m.2.as_str()));
    // Merge forms by key, then short forms into the long forms they abbreviate.
    let keys: Vec<String> = mentions
        .iter()
        .map(|m| key(&m.2))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut uf = UnionFind::new(keys.len());
    for (i, short) in keys.iter().enumerate() {
        for (j, long) in keys.iter().enumerate() {
            if is_short_form(short, long) {
                uf.union(i, j);
            }
        }
    }
    let key_index = |f: &str| keys.binary_search(&key(f)).unwrap_or(0);
    let mut by_set: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (m, (_, _, f)) in mentions.iter().enumerate() {
        by_set.entry(uf.find(key_index(f))).or_default().push(m);
    }
    let n = docs.len();
    let mut groups: Vec<(NameGroup, Vec<usize>)> = by_set
        .into_values()
        .map(|ms| {
            let mut counts = vec![0; n];
            let mut form_count: BTreeMap<&str, usize> = BTreeMap::new();
            for &m in &ms {
                counts[mentions[m].0] += 1;
                *form_count.entry(mentions[m].2.as_str()).or_default() += 1;
            }
            let name = form_count
                .iter()
                .max_by(|a, b| {
                    a.1.cmp(b.1)
                        .then(a.0.len().cmp(&b.0.len()))
                        .then(b.0.cmp(a.0))
                })
                .map_or(String::new(), |(f, _)| f.to_string());
            let mut list: Vec<NameMention> = ms
                .iter()
                .map(|&m| NameMention {
                    report: mentions[m].0,
                    span: mentions[m].1,
                })
                .collect();
            sort::sort(&mut list);
            (
                NameGroup {
                    name,
                    forms: form_count.keys().map(|f| f.to_string()).collect(),
                    reports: (0..n)
                        .filter(|&r| counts[r] > 0)
                        .map(|r| refs[r].clone())
                        .collect(),
                    counts,
                    mentions: list,
                },
                ms,
            )
        })
        .collect();
    sort::sort_by(&mut groups, |(a, _), (b, _)| {
        b.reports
            .len()
            .cmp(&a.reports.len())
            .then(b.mentions.len().cmp(&a.mentions.len()))
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
            .then_with(|| a.name.cmp(&b.name))
    });
    let mut by_report: Vec<Vec<(Span, usize)>> = vec![Vec::new(); n];
    for (g, (_, ms)) in groups.iter().enumerate() {
        for &m in ms {
            by_report[mentions[m].0].push((mentions[m].1, g));
        }
    }
    for v in &mut by_report {
        sort::sort(v);
    }
    Names {
        groups: groups.into_iter().map(|(g, _)| g).collect(),
        by_report,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_in(texts: &[&str]) -> Vec<(String, Vec<String>)> {
        let docs: Vec<Document> = texts.iter().map(|t| Document::new(t)).collect();
        let refs: Vec<ReportRef> = (0..docs.len())
            .map(|index| ReportRef {
                index,
                name: index.to_string(),
            })
            .collect();
        find(&docs, &refs)
            .groups
            .into_iter()
            .map(|g| (g.name, g.forms))
            .collect()
    }

    fn names(texts: &[&str]) -> Vec<String> {
        names_in(texts).into_iter().map(|g| g.0).collect()
    }

    #[test]
    fn capitalised_runs_particles_and_acronyms() {
        let got = names(&["A poll for the Institute for Family Studies reached the Office of the National Cyber Director and the U.S. government."]);
        assert_eq!(
            got,
            [
                "Institute for Family Studies",
                "Office of the National Cyber Director",
                "U.S."
            ]
        );
    }

    #[test]
    fn sentence_openers_need_a_mid_sentence_capital() {
        let got = names(&["Speaking on Thursday, Sacks said no. Later, he met David Sacks again."]);
        assert_eq!(got, ["David Sacks"]);
    }

    #[test]
    fn possessives_split_and_short_forms_merge() {
        let got = names_in(&[
            "The plan of Trump’s National Economic Council Director, Kevin Hassett, failed.",
            "U.S. President Donald Trump spoke. Then Trump left, and Hassett stayed.",
        ]);
        let trump = got.iter().find(|g| g.0.contains("Trump")).unwrap();
        assert_eq!(trump.1, ["Trump", "U.S. President Donald Trump"]);
        assert_eq!(trump.0, "Trump");
        let hassett = got.iter().find(|g| g.0.contains("Hassett")).unwrap();
        assert_eq!(hassett.1, ["Hassett", "Kevin Hassett"]);
        assert!(got
            .iter()
            .any(|g| g.0 == "National Economic Council Director"));
    }

    #[test]
    fn conjunctions_separate_people() {
        let got =
            names(&["It was a priority for Vice President Vance and Treasury Secretary Bessent."]);
        assert_eq!(got, ["Treasury Secretary Bessent", "Vice President Vance"]);
    }

    #[test]
    fn acronyms_stand_alone_and_glued_labels_are_dropped() {
        let got = names(&[
            "The U.S. AI lead and the U.S.-China race matter to CLS News.\nKey Takeaways\n- The White House said so.\nQWhat did it say?\nAThe White House said so, as did the White House.",
        ]);
        assert_eq!(got, ["White House", "U.S.", "AI", "China", "CLS News"]);
    }

    #[test]
    fn acronyms_spelled_out_in_lower_case_are_common_nouns() {
        let got = names(&[
            "AI firms want rules for artificial intelligence, the FDA said.",
            "The CEO backs AI rules. Artificial intelligence, or artificial intelligence, worries the FDA and chief executive officers.",
        ]);
        // "CEO" is spelled out once only: that may be chance.
        assert_eq!(got, ["FDA", "CEO"]);
        // Words that share an acronym's initials once are not its expansion.
        let got = names(&["The US team urged senators to act.", "US officials agreed."]);
        assert_eq!(got, ["US"]);
    }

    #[test]
    fn and_joins_only_inside_an_organisation_name() {
        let got = names(&[
            "He chairs the Council of Advisors on Science and Technology with Trump and Vance.",
        ]);
        assert_eq!(
            got,
            [
                "Council of Advisors on Science and Technology",
                "Trump",
                "Vance"
            ]
        );
    }

    #[test]
    fn latin_names_inside_chinese_and_model_names() {
        let got =
            names(&["随着Anthropic公司的Mythos等强大模型的发布，OpenAI和xAI的GPT-5.5也在其中。"]);
        assert_eq!(got, ["Anthropic", "GPT-5.5", "Mythos", "OpenAI", "xAI"]);
    }

    #[test]
    fn single_letters_plurals_calendar_and_headlines_are_not_names() {
        let got = names(&[
            "Trump Delays AI Safety Executive Order Amid Concerns\nI think CEOs met on Thursday in May with Trump.",
        ]);
        assert_eq!(got, ["Trump"]);
    }
}
