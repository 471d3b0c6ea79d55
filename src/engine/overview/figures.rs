//! Figures: numbers with their units (percentages, durations, dates,
//! weekdays, years, counts of things), found by general patterns in English
//! and Chinese, and grouped across reports by what they measure.
//!
//! Two figures measure the same thing when they have the same kind of unit
//! and either stand in sentences of one story-map fact or in sentences whose
//! other words are alike (rare words weigh most). A group whose figures differ
//! ("82%" against "over 80%") is a divergence. Two different figures of one
//! sentence never measure the same thing ("May 22 … on Thursday (May 21)").

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::story::StoryMap;
use super::{is_story, slice, ReportRef, TermWeights, UnionFind};
use crate::engine::score::quantize;
use crate::engine::sort;
use crate::engine::token::{features, is_stop_word, stem, units, Unit, UnitClass};
use crate::engine::{Document, Span};

/// Minimum likeness (weighted Dice of their sentences, numbers left out) for
/// two figures of different facts to measure the same thing: their sentences
/// must share rare words ("Institute for Family Studies", "testing"), not just
/// the story's vocabulary.
pub const MIN_CONTEXT: f64 = 0.3;

/// English months, for dates ("May 21") and to keep them out of names.
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
/// English weekdays.
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
/// Chinese weekday numerals after 周 / 星期 / 礼拜, Monday first (日 and 天
/// are Sunday).
const CJK_WEEKDAYS: [char; 8] = ['一', '二', '三', '四', '五', '六', '日', '天'];
/// Units of time, singular (English) and their Chinese characters.
const TIME_UNITS: [&str; 7] = ["second", "minute", "hour", "day", "week", "month", "year"];
const CJK_TIME_UNITS: [(&str, &str); 7] = [
    ("秒", "second"),
    ("分钟", "minute"),
    ("小时", "hour"),
    ("天", "day"),
    ("周", "week"),
    ("个月", "month"),
    ("年", "year"),
];
/// Words that qualify a figure ("over 80%"), with the canonical English form
/// a Chinese qualifier reads as, so that "超过80%" and "over 80%" agree.
const QUALIFIERS: [(&str, &str); 24] = [
    ("more than", "over"),
    ("over", "over"),
    ("above", "over"),
    ("at least", "at least"),
    ("less than", "under"),
    ("fewer than", "under"),
    ("under", "under"),
    ("below", "under"),
    ("at most", "at most"),
    ("up to", "up to"),
    ("about", "about"),
    ("around", "about"),
    ("roughly", "about"),
    ("approximately", "about"),
    ("nearly", "nearly"),
    ("almost", "nearly"),
    ("超过", "over"),
    ("逾", "over"),
    ("至少", "at least"),
    ("不到", "under"),
    ("约", "about"),
    ("大约", "about"),
    ("近", "nearly"),
    ("将近", "nearly"),
];

/// True for month and weekday names, which are figures, not names.
pub fn is_calendar_word(w: &str) -> bool {
    MONTHS.contains(&w) || WEEKDAYS.contains(&w)
}

/// What a figure measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    /// "82%", "over 80 percent".
    Percent,
    /// "90 days", "90-day", "90天".
    Duration,
    /// "May 21", "2026-05-22", "5月21日".
    Date,
    /// "Thursday", "周四".
    Weekday,
    /// "2029".
    Year,
    /// Any other number, with the word it counts ("3 companies").
    Count,
}

impl FigureKind {
    /// Reader-facing name.
    pub fn label(self) -> &'static str {
        match self {
            Self::Percent => "percentage",
            Self::Duration => "duration",
            Self::Date => "date",
            Self::Weekday => "weekday",
            Self::Year => "year",
            Self::Count => "count",
        }
    }
}

/// One figure as a report gives it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Figure {
    /// Index of the report (input order).
    pub report: usize,
    /// The figure as written, qualifier and unit included ("over 80%").
    pub span: Span,
    /// The sentence it stands in.
    pub sentence: Span,
    /// Its value in one canonical form, compared across reports
    /// ("over 80%", "90 days", "May 21", "Thursday").
    pub value: String,
}

/// Figures of several reports that measure one thing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FigureGroup {
    /// The kind of unit.
    pub kind: FigureKind,
    /// The unit compared: "%", "days", a counted noun.
    pub unit: String,
    /// The reports that give it, in input order.
    pub reports: Vec<ReportRef>,
    /// The distinct values, sorted.
    pub values: Vec<String>,
    /// True when the reports (or one report) give different values.
    pub divergent: bool,
    /// Index into `mentions` of the figure whose sentence best describes the
    /// group (the one most like the others).
    pub label: usize,
    /// Every figure, by report, in reading order.
    pub mentions: Vec<Figure>,
}

/// A figure found in one sentence, before grouping.
#[derive(Clone, Debug)]
struct Found {
    kind: FigureKind,
    unit: String,
    span: Span,
    value: String,
}

fn number_value(s: &str) -> String {
    s.replace(',', "")
}

/// The qualifier just before byte `at` of `text` (after whitespace), as its
/// canonical form and start.
fn qualifier(text: &str, at: usize) -> Option<(&'static str, usize)> {
    let before = text.get(..at)?.trim_end();
    QUALIFIERS.iter().find_map(|&(q, canon)| {
        let start = before.len().checked_sub(q.len())?;
        // Qualifiers are ASCII or Chinese: compared without regard to ASCII case.
        if !before.is_char_boundary(start) || !before[start..].eq_ignore_ascii_case(q) {
            return None;
        }
        // A whole word (or Chinese, which has no spaces).
        let ok = q.chars().all(crate::engine::token::is_cjk)
            || !before[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
        ok.then_some((canon, start))
    })
}

fn plural(unit: &str, value: &str) -> String {
    if value == "1" {
        unit.to_string()
    } else {
        format!("{unit}s")
    }
}

/// Figures in `text[span]`.
fn find_in(text: &str, span: Span) -> Vec<Found> {
    let Some(body) = text.get(span.0..span.1) else {
        return Vec::new();
    };
    let us = units(body, span.0);
    let s = |u: &Unit| &text[u.span.0..u.span.1];
    let word_at = |k: usize| us.get(k).filter(|u| u.class == UnitClass::Word).map(s);
    let space_then = |k: usize| {
        // Index after at most one space.
        match us.get(k) {
            Some(u) if u.class == UnitClass::Space && !s(u).contains('\n') => k + 1,
            _ => k,
        }
    };
    let cjk_run = |k: usize, n: usize| -> String {
        us.iter()
            .skip(k)
            .take(n)
            .take_while(|u| u.class == UnitClass::Cjk)
            .map(s)
            .collect()
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k < us.len() {
        let u = &us[k];
        let here = s(u);
        // Weekdays, English and Chinese.
        if u.class == UnitClass::Word && WEEKDAYS.contains(&here) {
            out.push(Found {
                kind: FigureKind::Weekday,
                unit: "weekday".into(),
                span: u.span,
                value: here.to_string(),
            });
            k += 1;
            continue;
        }
        if u.class == UnitClass::Cjk && matches!(here, "周" | "星" | "礼") {
            let lead = if here == "周" { 1 } else { 2 };
            let word = cjk_run(k, lead + 1);
            let prefix_ok = lead == 1 || word.starts_with("星期") || word.starts_with("礼拜");
            if let Some(i) = word
                .chars()
                .nth(lead)
                .and_then(|c| CJK_WEEKDAYS.iter().position(|&d| d == c))
                .filter(|_| prefix_ok)
            {
                let end = us[k + lead].span.1;
                out.push(Found {
                    kind: FigureKind::Weekday,
                    unit: "weekday".into(),
                    span: Span(u.span.0, end),
                    value: WEEKDAYS[i.min(6)].to_string(),
                });
                k += lead + 1;
                continue;
            }
        }
        // "May 21", "May 21, 2026".
        if let Some(m) = MONTHS.iter().position(|&m| m == here) {
            let j = space_then(k + 1);
            if let Some(d) = us.get(j).filter(|x| x.class == UnitClass::Number) {
                let day = s(d);
                if day.parse::<u32>().is_ok_and(|v| (1..=31).contains(&v)) {
                    out.push(Found {
                        kind: FigureKind::Date,
                        unit: "date".into(),
                        span: Span(u.span.0, d.span.1),
                        value: format!("{} {day}", MONTHS[m]),
                    });
                    k = j + 1;
                    continue;
                }
            }
            k += 1;
            continue;
        }
        if u.class != UnitClass::Number {
            k += 1;
            continue;
        }
        // A number glued to a name ("GPT-5.5") is part of the name.
        let glued = k >= 2
            && matches!(s(&us[k - 1]), "-" | "\u{2011}")
            && us[k - 2].class == UnitClass::Word;
        if glued {
            k += 1;
            continue;
        }
        let value = number_value(here);
        let (qual, start) = match qualifier(text, u.span.0) {
            Some((q, st)) => (Some(q), st),
            None => (None, u.span.0),
        };
        let q = |v: String| match qual {
            Some(q) => format!("{q} {v}"),
            None => v,
        };
        // ISO date: 2026-05-22.
        if us.get(k + 1).is_some_and(|x| s(x) == "-")
            && us.get(k + 2).is_some_and(|x| x.class == UnitClass::Number)
            && us.get(k + 3).is_some_and(|x| s(x) == "-")
            && us.get(k + 4).is_some_and(|x| x.class == UnitClass::Number)
            && here.len() == 4
        {
            let (mo, d) = (s(&us[k + 2]), s(&us[k + 4]));
            if let (Ok(mo), Ok(d)) = (mo.parse::<usize>(), d.parse::<u32>()) {
                if (1..=12).contains(&mo) && (1..=31).contains(&d) {
                    out.push(Found {
                        kind: FigureKind::Date,
                        unit: "date".into(),
                        span: Span(u.span.0, us[k + 4].span.1),
                        value: format!("{} {d}, {here}", MONTHS[mo - 1]),
                    });
                    k += 5;
                    continue;
                }
            }
        }
        // Chinese date: 5月21日.
        if us.get(k + 1).is_some_and(|x| s(x) == "月")
            && us.get(k + 2).is_some_and(|x| x.class == UnitClass::Number)
            && us.get(k + 3).is_some_and(|x| matches!(s(x), "日" | "号"))
        {
            let (mo, d) = (here.parse::<usize>(), s(&us[k + 2]).parse::<u32>());
            if let (Ok(mo), Ok(d)) = (mo, d) {
                if (1..=12).contains(&mo) && (1..=31).contains(&d) {
                    out.push(Found {
                        kind: FigureKind::Date,
                        unit: "date".into(),
                        span: Span(u.span.0, us[k + 3].span.1),
                        value: format!("{} {d}", MONTHS[mo - 1]),
                    });
                    k += 4;
                    continue;
                }
            }
        }
        let j = space_then(k + 1);
        let next = us.get(j).map(s).unwrap_or("");
        // Percentages.
        if matches!(next, "%" | "\u{FF05}") {
            out.push(Found {
                kind: FigureKind::Percent,
                unit: "%".into(),
                span: Span(start, us[j].span.1),
                value: q(format!("{value}%")),
            });
            k = j + 1;
            continue;
        }
        if next.eq_ignore_ascii_case("percent") {
            out.push(Found {
                kind: FigureKind::Percent,
                unit: "%".into(),
                span: Span(start, us[j].span.1),
                value: q(format!("{value}%")),
            });
            k = j + 1;
            continue;
        }
        // Durations: "90 days", "90-day", "90天", "3个月".
        let hyphen = us.get(k + 1).is_some_and(|x| s(x) == "-");
        let unit_word = if hyphen { word_at(k + 2) } else { word_at(j) };
        if let Some(w) = unit_word {
            let st = stem(w);
            if let Some(t) = TIME_UNITS.iter().find(|&&t| stem(t) == st) {
                let end = us[if hyphen { k + 2 } else { j }].span.1;
                out.push(Found {
                    kind: FigureKind::Duration,
                    unit: "duration".into(),
                    span: Span(start, end),
                    value: q(format!("{value} {}", plural(t, &value))),
                });
                k = if hyphen { k + 3 } else { j + 1 };
                continue;
            }
        }
        if let Some((cjk, t)) = CJK_TIME_UNITS
            .iter()
            .find(|(c, _)| cjk_run(k + 1, c.chars().count()) == *c)
        {
            // 2026年 is a year, not a duration.
            if !(*cjk == "年" && here.len() == 4) {
                let end = us[k + cjk.chars().count()].span.1;
                out.push(Found {
                    kind: FigureKind::Duration,
                    unit: "duration".into(),
                    span: Span(start, end),
                    value: q(format!("{value} {}", plural(t, &value))),
                });
                k += 1 + cjk.chars().count();
                continue;
            }
        }
        // Years: four digits from 1000 to 2999 with no unit.
        if here.len() == 4
            && here.starts_with(['1', '2'])
            && here.bytes().all(|b| b.is_ascii_digit())
        {
            out.push(Found {
                kind: FigureKind::Year,
                unit: "year".into(),
                span: u.span,
                value: here.to_string(),
            });
            k += 1;
            continue;
        }
        // Counts: the number and the word it counts ("3 companies"), or a
        // compound unit written with a slash ("90 km/h", "5 mg/l").
        let per = us.get(j + 1).is_some_and(|u| s(u) == "/") && word_at(j + 2).is_some();
        let (unit, end) = match word_at(j) {
            Some(_) if per => (
                text[us[j].span.0..us[j + 2].span.1].to_lowercase(),
                us[j + 2].span.1,
            ),
            Some(w) if !is_stop_word(&w.to_lowercase()) => (stem(w), us[j].span.1),
            _ => (String::new(), u.span.1),
        };
        let shown = if unit.is_empty() {
            value.clone()
        } else {
            format!("{value} {}", text[us[j].span.0..end].to_lowercase())
        };
        out.push(Found {
            kind: FigureKind::Count,
            unit,
            span: Span(start, end),
            value: q(shown),
        });
        k = if end > u.span.1 { j + 1 } else { k + 1 };
    }
    out
}

/// Finds every report's figures and groups those that measure one thing.
pub(crate) fn group(
    docs: &[Document],
    refs: &[ReportRef],
    map: &StoryMap,
    weights: &TermWeights,
) -> Vec<FigureGroup> {
    // (figure, kind, unit, segment index, context features)
    let mut all: Vec<(Figure, FigureKind, String, usize, Vec<String>)> = Vec::new();
    for (r, d) in docs.iter().enumerate() {
        for i in (0..d.segments.len()).filter(|&i| is_story(d, i)) {
            let sentence = d.segments[i].text;
            let found = find_in(&d.text, sentence);
            if found.is_empty() {
                continue;
            }
            // The sentence's words without its numbers: what the figures are of.
            let ctx: Vec<String> = features(slice(d, sentence))
                .into_iter()
                .filter(|t| !t.starts_with("n:"))
                .collect();
            for f in found {
                all.push((
                    Figure {
                        report: r,
                        span: f.span,
                        sentence,
                        value: f.value,
                    },
                    f.kind,
                    f.unit,
                    i,
                    ctx.clone(),
                ));
            }
        }
    }
    let text = |k: usize| {
        let f = &all[k].0;
        slice(&docs[f.report], f.sentence)
    };
    // Candidate links, strongest first.
    let mut links: Vec<(u64, usize, usize)> = Vec::new();
    for x in 0..all.len() {
        for y in x + 1..all.len() {
            let (a, b) = (&all[x], &all[y]);
            if a.1 != b.1 || a.2 != b.2 {
                continue;
            }
            let same_fact = map.fact_of_segment(a.0.report, a.3).is_some()
                && map.fact_of_segment(a.0.report, a.3) == map.fact_of_segment(b.0.report, b.3);
            let same_sentence = a.0.report == b.0.report && a.3 == b.3;
            let ctx = weights.dice(&a.4, &b.4);
            let score = if same_sentence {
                // One sentence, one figure of a kind per thing (unless repeated).
                if a.0.value == b.0.value {
                    2.0
                } else {
                    continue;
                }
            } else if same_fact {
                1.0 + ctx
            } else if ctx >= MIN_CONTEXT {
                ctx
            } else if a.0.report == b.0.report && a.0.value == b.0.value && ctx > 0.0 {
                // A report repeating its own figure means the same thing.
                ctx
            } else {
                continue;
            };
            links.push((quantize(score), x, y));
        }
    }
    sort::sort_by(&mut links, |l, m| {
        m.0.cmp(&l.0).then_with(|| {
            let key = |k: &(u64, usize, usize)| {
                let (p, q) = (text(k.1), text(k.2));
                (
                    p.min(q),
                    p.max(q),
                    all[k.1].0.value.as_str().min(&all[k.2].0.value),
                )
            };
            key(l).cmp(&key(m))
        })
    });
    // Constrained single linkage: never one group with two different values
    // from one sentence.
    let mut uf = UnionFind::new(all.len());
    let mut members: Vec<Vec<usize>> = (0..all.len()).map(|x| vec![x]).collect();
    for &(_, x, y) in &links {
        let (rx, ry) = (uf.find(x), uf.find(y));
        if rx == ry {
            continue;
        }
        let clash = members[rx].iter().any(|&p| {
            members[ry].iter().any(|&q| {
                all[p].0.report == all[q].0.report
                    && all[p].3 == all[q].3
                    && all[p].0.value != all[q].0.value
            })
        });
        if clash {
            continue;
        }
        uf.union(rx, ry);
        let root = uf.find(rx);
        let other = if root == rx { ry } else { rx };
        let moved = std::mem::take(&mut members[other]);
        members[root].extend(moved);
    }
    let n = refs.len();
    let mut groups: Vec<FigureGroup> = uf
        .sets()
        .into_iter()
        .map(|mut set| {
            sort::sort_by(&mut set, |&x, &y| all[x].0.cmp(&all[y].0));
            let mentions: Vec<Figure> = set.iter().map(|&x| all[x].0.clone()).collect();
            let values: BTreeSet<String> = mentions.iter().map(|f| f.value.clone()).collect();
            let in_report: BTreeSet<usize> = mentions.iter().map(|f| f.report).collect();
            // The figure most like the others describes the group.
            let likeness = |x: usize| -> u64 {
                set.iter()
                    .filter(|&&y| y != x)
                    .map(|&y| quantize(weights.dice(&all[x].4, &all[y].4)))
                    .sum()
            };
            let label = (0..set.len())
                .max_by(|&i, &j| {
                    likeness(set[i])
                        .cmp(&likeness(set[j]))
                        .then_with(|| text(set[j]).cmp(text(set[i])))
                        .then_with(|| {
                            refs[all[set[j]].0.report]
                                .name
                                .cmp(&refs[all[set[i]].0.report].name)
                        })
                })
                .unwrap_or(0);
            FigureGroup {
                kind: all[set[0]].1,
                unit: match all[set[0]].1 {
                    FigureKind::Percent => "%".into(),
                    FigureKind::Count => all[set[0]].2.clone(),
                    k => k.label().into(),
                },
                reports: (0..n)
                    .filter(|r| in_report.contains(r))
                    .map(|r| refs[r].clone())
                    .collect(),
                divergent: values.len() > 1,
                values: values.into_iter().collect(),
                label,
                mentions,
            }
        })
        .collect();
    // Divergences first, then what most reports give, then by kind and value.
    sort::sort_by(&mut groups, |a, b| {
        b.divergent
            .cmp(&a.divergent)
            .then(b.reports.len().cmp(&a.reports.len()))
            .then(a.kind.cmp(&b.kind))
            .then_with(|| a.values.cmp(&b.values))
            .then_with(|| {
                let t = |g: &FigureGroup| {
                    let f = &g.mentions[g.label];
                    slice(&docs[f.report], f.sentence).to_string()
                };
                t(a).cmp(&t(b))
            })
    });
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(t: &str) -> Vec<(FigureKind, String, String)> {
        find_in(t, Span(0, t.len()))
            .into_iter()
            .map(|f| (f.kind, f.value, t[f.span.0..f.span.1].to_string()))
            .collect()
    }

    #[test]
    fn percentages_with_qualifiers() {
        let v = values("It found over 80% of voters, up from 75 percent; 82 % agree.");
        assert_eq!(
            v,
            [
                (FigureKind::Percent, "over 80%".into(), "over 80%".into()),
                (FigureKind::Percent, "75%".into(), "75 percent".into()),
                (FigureKind::Percent, "82%".into(), "82 %".into()),
            ]
        );
    }

    #[test]
    fn durations_dates_weekdays_and_years() {
        let v = values("On Thursday (May 21) it set a 90-day window, 90 days in 2026.");
        let kinds: Vec<_> = v.iter().map(|x| (x.0, x.1.as_str())).collect();
        assert_eq!(
            kinds,
            [
                (FigureKind::Weekday, "Thursday"),
                (FigureKind::Date, "May 21"),
                (FigureKind::Duration, "90 days"),
                (FigureKind::Duration, "90 days"),
                (FigureKind::Year, "2026"),
            ]
        );
    }

    #[test]
    fn chinese_figures() {
        let v = values("财联社5月22日讯，周四，超过80%的选民支持提前90天测试。");
        let kinds: Vec<_> = v.iter().map(|x| (x.0, x.1.as_str())).collect();
        assert_eq!(
            kinds,
            [
                (FigureKind::Date, "May 22"),
                (FigureKind::Weekday, "Thursday"),
                (FigureKind::Percent, "over 80%"),
                (FigureKind::Duration, "90 days"),
            ]
        );
    }

    #[test]
    fn model_numbers_are_not_figures_and_counts_name_their_noun() {
        let v = values("OpenAI’s GPT-5.5 beat 3 rivals on 2,000 tests.");
        let kinds: Vec<_> = v.iter().map(|x| (x.0, x.1.as_str())).collect();
        assert_eq!(
            kinds,
            [
                (FigureKind::Count, "3 rivals"),
                (FigureKind::Count, "2000 tests")
            ]
        );
    }

    #[test]
    fn a_unit_with_a_slash_stays_whole() {
        let v = values("Winds reached 90 km/h, then 95 km / h; 3 mg/l of lead.");
        let kinds: Vec<_> = v.iter().map(|x| (x.0, x.1.as_str())).collect();
        assert_eq!(
            kinds,
            [
                (FigureKind::Count, "90 km/h"),
                (FigureKind::Count, "95 km"),
                (FigureKind::Count, "3 mg/l")
            ]
        );
    }
}
