//! The plain-language summary on top of the overview, written from the
//! analyses: what all reports share, which reports overlap most, what only
//! one report tells, which figures differ, who is quoted by whom, and whom
//! only one report names. It is also what a screen reader hears first.

use std::collections::BTreeMap;

use super::{clip, join, slice, FigureKind, Overview};
use crate::engine::score::{percent, quantize};
use crate::engine::segment::{without_list_marker, SegmentKind};
use crate::engine::sort;
use crate::engine::Document;

/// Coverage from which one report's story counts as contained in another's.
pub const CONTAINED: f64 = 0.95;
/// Longest quotation of a sentence in the summary, in characters.
const CLIP: usize = 90;
/// At most this many items in one list of the summary.
const LIST: usize = 3;

/// The sentence with its first letter capitalised. Only an ASCII letter is: the
/// summary's own words are English, and a sentence that starts with a report's
/// name keeps any other first letter as the name has it. (Full Unicode
/// upper-casing would also put its 12 KB table into the wasm.)
fn capitalise(s: &str) -> String {
    let mut out = s.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// Writes the summary of `o`, whose reports are `docs`.
pub fn write(o: &Overview, docs: &[Document]) -> Vec<String> {
    let mut out = Vec::new();
    let n = o.reports.len();
    let name = |r: usize| o.reports.get(r).map_or("?", |x| x.report.name.as_str());
    let text = |r: usize, s: crate::engine::Span| docs.get(r).map_or("", |d| slice(d, s));
    let is_sentence = |r: usize, seg: usize| {
        docs.get(r)
            .and_then(|d| d.segments.get(seg))
            .is_some_and(|s| s.kind != SegmentKind::Heading)
    };

    // 1. What all share.
    let widest = o.facts.first();
    match widest {
        Some(f) if f.reports.len() == n => {
            let shared = || o.facts.iter().filter(|f| f.reports.len() == n);
            let all = shared().count();
            let who = if n == 2 {
                "Both reports".to_string()
            } else {
                format!("All {n} reports")
            };
            // A fact whose label is a sentence reads better as the example
            // than one told by a headline ("Last-Minute U-Turn! …").
            let example = shared()
                .find(|f| is_sentence(f.label.report, f.label.segment))
                .unwrap_or(f);
            out.push(format!(
                "{who} tell {all} fact{} in common, such as “{}”",
                if all == 1 { "" } else { "s" },
                clip(
                    without_list_marker(text(example.label.report, example.label.span)),
                    CLIP
                )
            ));
        }
        Some(f) if f.reports.len() > 1 => out.push(format!(
            "No fact is told by all {n} reports; the most widely told ({} reports) is “{}”",
            f.reports.len(),
            clip(
                without_list_marker(text(f.label.report, f.label.span)),
                CLIP
            )
        )),
        _ => out.push(format!("The {n} reports tell no fact in common.")),
    }

    // 2. Overlap: contained reports, then the closest other pair.
    let share = |of: usize, by: usize| {
        o.coverage
            .iter()
            .find(|c| c.of.index == of && c.by.index == by)
            .map_or(0.0, |c| c.share)
    };
    let mut contained: Vec<(usize, usize)> = Vec::new();
    for c in &o.coverage {
        if c.share >= CONTAINED && c.total >= 3 {
            contained.push((c.of.index, c.by.index));
        }
    }
    sort::sort_by(&mut contained, |x, y| {
        (name(x.0), name(x.1)).cmp(&(name(y.0), name(y.1)))
    });
    // A pair contained both ways tells the same story: said once.
    let mut said = 0;
    for &(of, by) in &contained {
        let mutual = contained.contains(&(by, of));
        if mutual && name(by) < name(of) {
            continue; // said with the pair in name order
        }
        if said == LIST {
            break;
        }
        said += 1;
        // "Everything" only when it is: above CONTAINED but below 100 % the
        // figures say how nearly.
        let whole = |of: usize, by: usize| quantize(share(of, by)) == quantize(1.0);
        out.push(if mutual && whole(of, by) && whole(by, of) {
            format!(
                "{} and {} tell the same story: each tells everything the other does.",
                name(of),
                name(by)
            )
        } else if mutual {
            format!(
                "{} and {} tell the same story: {} tells {} of {}’s, {} tells {} of {}’s.",
                name(of),
                name(by),
                name(by),
                percent(share(of, by)),
                name(of),
                name(of),
                percent(share(by, of)),
                name(by)
            )
        } else if whole(of, by) {
            format!("Everything {} tells, {} tells too.", name(of), name(by))
        } else {
            format!(
                "{} tells nearly everything {} tells ({}).",
                name(by),
                name(of),
                percent(share(of, by))
            )
        });
    }
    let closest = (0..n)
        .flat_map(|a| (a + 1..n).map(move |b| (a, b)))
        .filter(|&(a, b)| {
            !contained
                .iter()
                .any(|&(x, y)| (x, y) == (a, b) || (x, y) == (b, a))
        })
        .map(|(a, b)| (quantize(share(a, b) + share(b, a)), a, b))
        .max_by(|x, y| {
            x.0.cmp(&y.0)
                .then_with(|| (name(y.1), name(y.2)).cmp(&(name(x.1), name(x.2))))
        });
    if let Some((_, a, b)) = closest.filter(|c| c.0 > 0) {
        // Named in name order, whatever the input order.
        let (a, b) = if name(a) <= name(b) { (a, b) } else { (b, a) };
        // With two reports there is no "most": just the two figures.
        let who = if n == 2 {
            String::new()
        } else {
            format!(
                "{}{} and {} share the most: ",
                if contained.is_empty() {
                    ""
                } else {
                    "Apart from that, "
                },
                name(a),
                name(b)
            )
        };
        out.push(capitalise(&format!(
            "{who}{} tells {} of {}’s story, {} tells {} of {}’s.",
            name(b),
            percent(share(a, b)),
            name(a),
            name(a),
            percent(share(b, a)),
            name(b)
        )));
    }

    // 3. What only one report tells.
    let mut alone: Vec<(usize, &str)> = o
        .report_facts
        .iter()
        .filter(|r| r.alone > 0)
        .map(|r| (r.alone, r.report.name.as_str()))
        .collect();
    sort::sort_by(&mut alone, |x, y| y.0.cmp(&x.0).then(x.1.cmp(y.1)));
    if !alone.is_empty() {
        // "27 facts in 003, 11 in 004": the unit once, each count before its
        // report, so that numeric report names never read as counts.
        let items: Vec<String> = alone
            .iter()
            .take(LIST)
            .enumerate()
            .map(|(k, (c, r))| match (k, c) {
                (0, 1) => format!("1 fact in {r}"),
                (0, _) => format!("{c} facts in {r}"),
                _ => format!("{c} in {r}"),
            })
            .collect();
        let more = alone.len().saturating_sub(LIST);
        out.push(format!(
            "Told by one report only: {}{}.",
            join(&items),
            match more {
                0 => String::new(),
                1 => " (and 1 more report)".to_string(),
                _ => format!(" (and {more} more reports)"),
            }
        ));
    }

    // 4. Figures that differ, then figures only one report gives.
    for g in o.figures.iter().filter(|g| g.divergent).take(LIST) {
        let mut by_report: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for m in &g.mentions {
            let v = by_report.entry(name(m.report)).or_default();
            if !v.contains(&m.value.as_str()) {
                v.push(&m.value);
            }
        }
        let items: Vec<String> = by_report
            .iter()
            .map(|(r, vs)| {
                let mut vs: Vec<String> = vs.iter().map(|v| v.to_string()).collect();
                sort::sort(&mut vs);
                format!("{r} says {}", join(&vs))
            })
            .collect();
        out.push(format!(
            "Figures differ ({}): {}.",
            g.kind.label(),
            join(&items)
        ));
    }
    let mut only: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for g in o.figures.iter().filter(|g| {
        g.reports.len() == 1
            && !g.divergent
            && n > 1
            && matches!(
                g.kind,
                FigureKind::Percent | FigureKind::Duration | FigureKind::Date | FigureKind::Count
            )
    }) {
        let v = only.entry(g.reports[0].name.as_str()).or_default();
        if v.len() < LIST && !v.contains(&g.values[0]) {
            v.push(g.values[0].clone());
        }
    }
    let only_items: Vec<String> = only
        .iter()
        .take(LIST)
        .map(|(r, vs)| format!("only {r} gives {}", join(vs)))
        .collect();
    if !only_items.is_empty() {
        out.push(format!("{}.", capitalise(&join(&only_items))));
    }

    // 5. Quotes: remarks several reports quote, then who only one report quotes.
    for g in o.quotes.iter().filter(|g| g.reports.len() > 1).take(2) {
        let who = g
            .speaker
            .as_ref()
            .map_or("One remark".to_string(), |s| format!("A remark of {s}’s"));
        let m = &g.members[g.reference];
        out.push(format!(
            "{who} is quoted by {} reports ({}) in {} wording{}, such as “{}”",
            g.reports.len(),
            join(&{
                let mut v: Vec<String> = g.reports.iter().map(|r| r.name.clone()).collect();
                sort::sort(&mut v);
                v
            }),
            g.wordings,
            if g.wordings == 1 { "" } else { "s" },
            clip(text(m.report, m.span).trim_end_matches([',', ' ']), CLIP)
        ));
    }
    let mut quoted_by: BTreeMap<&str, std::collections::BTreeSet<&str>> = BTreeMap::new();
    for g in &o.quotes {
        if let Some(s) = &g.speaker {
            quoted_by
                .entry(s.as_str())
                .or_default()
                .extend(g.reports.iter().map(|r| r.name.as_str()));
        }
    }
    let mut alone_quotes: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (s, rs) in &quoted_by {
        if let (1, Some(r)) = (rs.len(), rs.iter().next()) {
            alone_quotes.entry(r).or_default().push(s.to_string());
        }
    }
    let items: Vec<String> = alone_quotes
        .iter()
        .take(LIST)
        .map(|(r, ss)| {
            format!(
                "{r} alone quotes {}",
                join(&ss.iter().take(LIST).cloned().collect::<Vec<_>>())
            )
        })
        .collect();
    if !items.is_empty() {
        out.push(format!("{}.", join(&items)));
    }

    // 6. Names only one report gives.
    let mut named: BTreeMap<&str, Vec<(usize, String)>> = BTreeMap::new();
    for g in o.names.iter().filter(|g| g.reports.len() == 1 && n > 1) {
        named
            .entry(g.reports[0].name.as_str())
            .or_default()
            .push((g.mentions.len(), g.name.clone()));
    }
    let mut named: Vec<(&str, Vec<(usize, String)>)> = named.into_iter().collect();
    sort::sort_by(&mut named, |a, b| {
        b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(b.0))
    });
    let items: Vec<String> = named
        .iter_mut()
        .take(2)
        .map(|(r, list)| {
            sort::sort_by(list, |a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
            let top: Vec<String> = list.iter().take(LIST).map(|x| x.1.clone()).collect();
            let more = list.len().saturating_sub(LIST);
            let tail = if more > 0 {
                format!(" (and {more} more)")
            } else {
                String::new()
            };
            format!("only {r} names {}{tail}", join(&top))
        })
        .collect();
    if !items.is_empty() {
        out.push(format!("{}.", capitalise(&join(&items))));
    }
    out
}
