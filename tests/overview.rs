//! The overview of all reports: on the bundled reports (quote groups and
//! their members, figure divergences, story-map facts), its independence from
//! the input order, its limits (2 to 20 reports), and no panic on any text.
// Tests are not in the wasm, so the standard sorts' code size does not matter here.
#![allow(clippy::disallowed_methods)]

use proptest::prelude::*;
use report_diff::corpus;
use report_diff::engine::inline::Tag;
use report_diff::engine::overview::{self, FigureKind, Overview, OverviewError, MAX_REPORTS};
use report_diff::engine::segment::without_list_marker;
use report_diff::engine::{Collection, Options, Span};
use serde_json::{json, Value};

fn bundled() -> (Vec<&'static str>, Vec<String>) {
    let reports = corpus::reports();
    (
        reports.iter().map(|r| r.text).collect(),
        reports.iter().map(|r| r.meta.id.clone()).collect(),
    )
}

fn build(texts: &[&str], names: &[String]) -> Overview {
    overview::build(&Collection::new(texts), names, &Options::default()).expect("an overview")
}

fn slice(t: &str, s: Span) -> &str {
    &t[s.0..s.1]
}

#[test]
fn one_remark_of_trump_in_several_wordings_across_three_reports() {
    let (texts, names) = bundled();
    let o = build(&texts, &names);
    let g = &o.quotes[0];
    let ids: Vec<&str> = g.reports.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(ids, ["002", "003", "004"]);
    assert_eq!(g.speaker.as_deref(), Some("Trump"));
    assert!(g.wordings >= 3, "{} wordings", g.wordings);
    let member = |r: usize, needle: &str| {
        g.members
            .iter()
            .any(|m| m.report == r && slice(texts[r], m.span).contains(needle))
    };
    assert!(member(2, "I don't want to get in the way of that leading"));
    assert!(member(3, "We lead China, we lead everyone"));
    assert!(member(
        4,
        "I don’t want to do anything that impedes that lead"
    ));
    // Every wording but the reference carries its word changes against it.
    for (i, m) in g.members.iter().enumerate() {
        assert_eq!(m.inline.is_none(), i == g.reference);
    }
    // Changes are of words: 002 quotes the remark twice, with a curly and a
    // straight apostrophe, and both show the same added words.
    let added = |m: &overview::QuoteMember| -> Vec<String> {
        m.inline
            .iter()
            .flatten()
            .filter(|op| op.tag == Tag::Insert)
            .map(|op| op.text.trim().to_string())
            .collect()
    };
    let in_002: Vec<Vec<String>> = g
        .members
        .iter()
        .filter(|m| m.report == 2)
        .map(added)
        .collect();
    assert_eq!(in_002.len(), 2);
    assert_eq!(in_002[0], in_002[1]);
    assert!(!in_002[0].iter().any(|t| t.contains("don")), "{in_002:?}");
    // Quotes one report alone has keep their speaker.
    let vance = o
        .quotes
        .iter()
        .find(|q| {
            q.members
                .iter()
                .any(|m| slice(texts[m.report], m.span).starts_with("We are striving"))
        })
        .expect("Vance's quote");
    assert_eq!(vance.speaker.as_deref(), Some("Vice President Vance"));
    assert_eq!(vance.reports.len(), 1);
}

#[test]
fn the_poll_figure_diverges_and_the_window_is_003s_alone() {
    let (texts, names) = bundled();
    let o = build(&texts, &names);
    let poll = o
        .figures
        .iter()
        .find(|g| g.kind == FigureKind::Percent)
        .expect("a percentage");
    assert!(poll.divergent);
    assert_eq!(poll.values, ["82%", "over 80%"]);
    let by: Vec<(&str, &str)> = poll
        .mentions
        .iter()
        .map(|m| (names[m.report].as_str(), slice(texts[m.report], m.span)))
        .collect();
    assert_eq!(by, [("003", "82%"), ("004", "over 80%")]);
    let window = o
        .figures
        .iter()
        .find(|g| g.kind == FigureKind::Duration)
        .expect("a duration");
    assert_eq!(window.values, ["90 days"]);
    assert_eq!(window.reports.len(), 1);
    assert_eq!(window.reports[0].name, "003");
    assert!(window.mentions.len() >= 3, "003 repeats the window");
    // Two dates in one sentence are two things.
    let dates: Vec<&str> = o
        .figures
        .iter()
        .filter(|g| g.kind == FigureKind::Date)
        .flat_map(|g| g.values.iter().map(String::as_str))
        .collect();
    assert!(dates.contains(&"May 21") && dates.contains(&"May 22"));
    assert!(o
        .figures
        .iter()
        .filter(|g| g.kind == FigureKind::Date)
        .all(|g| !g.divergent));
    assert!(o
        .summary
        .iter()
        .any(|s| s.contains("003 says 82%") && s.contains("004 says over 80%")));
}

/// The summary says, in words, who gives which figure, who alone quotes whom
/// and how much the reports overlap; each sentence checked against the
/// analyses it is written from.
#[test]
fn the_summary_reads_the_bundled_story() {
    let (texts, names) = bundled();
    let o = build(&texts, &names);
    let has = |needle: &str| o.summary.iter().find(|s| s.contains(needle));
    // The example of what all share is a sentence, not a headline.
    let first = &o.summary[0];
    assert!(first.starts_with("All 5 reports tell "), "{first}");
    // (The summary clips long sentences: their first words suffice.)
    let fact = o.facts.iter().find(|f| {
        let label: String = without_list_marker(slice(texts[f.label.report], f.label.span))
            .chars()
            .take(40)
            .collect();
        f.reports.len() == 5 && first.contains(&label)
    });
    let fact = fact.expect("the example is the label of a fact all five tell");
    let headline = texts[fact.label.report][fact.label.span.0..]
        .lines()
        .next()
        .is_some_and(|l| !l.ends_with(['.', '?', '!', '”', '"']));
    assert!(!headline, "{first}");
    // 000 and 001 contain each other, but not both wholly: the figures say how.
    let share = |of: usize, by: usize| {
        let c = o
            .coverage
            .iter()
            .find(|c| c.of.index == of && c.by.index == by);
        report_diff::engine::score::percent(c.unwrap().share)
    };
    let same = has("000 and 001 tell the same story").expect("000 and 001 contain each other");
    if share(0, 1) == "100%" && share(1, 0) == "100%" {
        assert!(same.contains("each tells everything"), "{same}");
    } else {
        assert!(
            same.contains(&format!("001 tells {} of 000’s", share(0, 1)))
                && same.contains(&format!("000 tells {} of 001’s", share(1, 0))),
            "{same}"
        );
    }
    // What one report alone tells: counts before report names.
    let alone = has("Told by one report only: ").expect("a sentence on facts told once");
    let most = o.report_facts.iter().max_by_key(|r| r.alone).unwrap();
    assert!(
        alone.contains(&format!("{} facts in {}", most.alone, most.report.name)),
        "{alone}"
    );
    // Who gives which figure, who alone quotes whom.
    assert!(has("003 says 82% and 004 says over 80%").is_some());
    assert!(has("Only 003 gives 90 days").is_some());
    let quotes = has("004 alone quotes").expect("004 alone quotes someone");
    assert!(quotes.contains("Vance"), "{quotes}");
    assert!(has("A remark of Trump’s is quoted by 3 reports (002, 003 and 004)").is_some());
}

#[test]
fn coverage_is_what_each_pair_view_shows() {
    let (texts, names) = bundled();
    let col = Collection::new(&texts);
    let o = overview::build(&col, &names, &Options::default()).expect("an overview");
    assert_eq!(o.coverage.len(), 20);
    for c in &o.coverage {
        let (of, by) = (c.of.index, c.by.index);
        let cmp = col
            .compare(of.min(by), of.max(by), &Options::default())
            .expect("a pair");
        let k = &cmp.coverage;
        let side = if of < by {
            (k.a, k.a_shared, k.a_total)
        } else {
            (k.b, k.b_shared, k.b_total)
        };
        assert_eq!((c.share, c.shared, c.total), side, "{of} by {by}");
        assert!(c.shared <= c.total && c.total > 0, "{of} by {by}");
        assert_eq!(
            c.total, o.reports[of].story_sentences,
            "{of}: one count of story sentences"
        );
    }
}

#[test]
fn story_map_facts_partition_the_story_and_what_all_share_comes_first() {
    let (texts, names) = bundled();
    let o = build(&texts, &names);
    // Every story sentence is in exactly one fact.
    for r in &o.reports {
        let mut spans: Vec<Span> = o
            .facts
            .iter()
            .flat_map(|f| f.mentions.iter())
            .filter(|m| m.report == r.report.index)
            .map(|m| m.span)
            .collect();
        let n = spans.len();
        spans.sort();
        spans.dedup();
        assert_eq!(spans.len(), n, "{}: a sentence in two facts", r.report.name);
        assert_eq!(n, r.story_sentences);
    }
    // Sorted: reports per fact never increase down the map.
    let widths: Vec<usize> = o.facts.iter().map(|f| f.reports.len()).collect();
    assert!(widths.windows(2).all(|w| w[0] >= w[1]), "{widths:?}");
    let first = &o.facts[0];
    assert_eq!(first.reports.len(), 5);
    let told = |r: usize, needle: &str| {
        first
            .mentions
            .iter()
            .any(|m| m.report == r && slice(texts[r], m.span).contains(needle))
    };
    assert!(told(0, "postponed signing an executive order"));
    assert!(told(4, "delayed signing an executive order"));
    // 003 tells its story more than once: some fact holds several of its sentences.
    assert!(o.facts.iter().any(|f| f.counts[3] >= 2));
    // 001 republishes 000's body: all of its story is in 000.
    let c = o
        .coverage
        .iter()
        .find(|c| c.of.name == "001" && c.by.name == "000")
        .unwrap();
    assert_eq!((c.shared, c.total), (c.total, 15));
    // Per-report tallies agree with the map.
    for t in &o.report_facts {
        let mine = o
            .facts
            .iter()
            .filter(|f| f.counts[t.report.index] > 0)
            .count();
        assert_eq!(t.with_all + t.with_some + t.alone, mine);
    }
    let alone_003 = o.report_facts[3].alone;
    assert!(alone_003 > o.report_facts[1].alone);
}

#[test]
fn names_are_grouped_across_reports_and_forms() {
    let (texts, names) = bundled();
    let o = build(&texts, &names);
    let group = |n: &str| {
        o.names
            .iter()
            .find(|g| g.name == n)
            .unwrap_or_else(|| panic!("no {n}"))
    };
    let trump = group("Trump");
    assert_eq!(trump.reports.len(), 5);
    assert!(trump.forms.iter().any(|f| f == "Donald Trump"));
    assert_eq!(group("Institute for Family Studies").reports.len(), 2);
    let bessent = group("Treasury Secretary Scott Bessent");
    assert_eq!(
        bessent.forms,
        [
            "Treasury Secretary Bessent",
            "Treasury Secretary Scott Bessent"
        ]
    );
    assert!(o
        .names
        .iter()
        .all(|g| !g.name.starts_with("QWhat") && g.name != "Key Takeaways"));
    // 002 and 003 spell "AI" out as "artificial intelligence": a common
    // noun, not a name; "FDA" stays one.
    assert!(o.names.iter().all(|g| g.name != "AI"));
    assert_eq!(group("FDA").reports.len(), 2);
}

/// The overview with every report referred to by name: what must not change
/// when the same reports come in another order.
fn canonical(o: &Overview, texts: &[&str]) -> Value {
    let name = |r: usize| o.reports[r].report.name.clone();
    let at = |r: usize, s: Span| json!([name(r), s.0, s.1, slice(texts[r], s)]);
    let by_name = |counts: &[usize]| {
        let mut m: Vec<(String, usize)> = counts
            .iter()
            .enumerate()
            .map(|(r, &c)| (name(r), c))
            .collect();
        m.sort();
        json!(m)
    };
    let sorted = |mut v: Vec<Value>| {
        v.sort_by_key(|x| x.to_string());
        Value::Array(v)
    };
    let names_of = |rs: &[overview::ReportRef]| {
        let mut v: Vec<String> = rs.iter().map(|r| r.name.clone()).collect();
        v.sort();
        v
    };
    let mut coverage: Vec<Value> = o
        .coverage
        .iter()
        .map(|c| json!([c.of.name, c.by.name, c.shared, c.total]))
        .collect();
    coverage.sort_by_key(|x| x.to_string());
    json!({
        "summary": o.summary,
        "coverage": coverage,
        "facts": o.facts.iter().map(|f| json!({
            "reports": names_of(&f.reports),
            "counts": by_name(&f.counts),
            "label": at(f.label.report, f.label.span),
            "mentions": sorted(f.mentions.iter().map(|m| at(m.report, m.span)).collect()),
        })).collect::<Vec<_>>(),
        "report_facts": sorted(o.report_facts.iter().map(|t| json!([t.report.name, t.with_all, t.with_some, t.alone])).collect()),
        "quotes": o.quotes.iter().map(|g| json!({
            "reports": names_of(&g.reports),
            "speaker": g.speaker,
            "wordings": g.wordings,
            "reference": at(g.members[g.reference].report, g.members[g.reference].span),
            "members": sorted(g.members.iter().map(|m| json!([at(m.report, m.span), m.speaker, m.inline])).collect()),
        })).collect::<Vec<_>>(),
        "figures": o.figures.iter().map(|g| json!({
            "kind": g.kind, "unit": g.unit, "values": g.values, "divergent": g.divergent,
            "reports": names_of(&g.reports),
            "label": at(g.mentions[g.label].report, g.mentions[g.label].sentence),
            "mentions": sorted(g.mentions.iter().map(|m| json!([at(m.report, m.span), m.value])).collect()),
        })).collect::<Vec<_>>(),
        "names": o.names.iter().map(|g| json!({
            "name": g.name, "forms": g.forms, "reports": names_of(&g.reports), "counts": by_name(&g.counts),
            "mentions": sorted(g.mentions.iter().map(|m| at(m.report, m.span)).collect()),
        })).collect::<Vec<_>>(),
    })
}

#[test]
fn grouping_does_not_depend_on_the_input_order() {
    let (texts, names) = bundled();
    let reference = canonical(&build(&texts, &names), &texts);
    let orders: [[usize; 5]; 6] = [
        [4, 3, 2, 1, 0],
        [1, 2, 3, 4, 0],
        [3, 0, 4, 1, 2],
        [2, 4, 1, 0, 3],
        [0, 1, 2, 4, 3],
        [4, 0, 3, 2, 1],
    ];
    for order in orders {
        let t: Vec<&str> = order.iter().map(|&i| texts[i]).collect();
        let n: Vec<String> = order.iter().map(|&i| names[i].clone()).collect();
        let got = canonical(&build(&t, &n), &t);
        for key in [
            "summary",
            "coverage",
            "facts",
            "report_facts",
            "quotes",
            "figures",
            "names",
        ] {
            assert_eq!(got[key], reference[key], "order {order:?}: {key} differs");
        }
    }
}

#[test]
fn two_to_twenty_reports() {
    let (texts, names) = bundled();
    let col =
        |n: usize| Collection::new(&texts.iter().cycle().take(n).copied().collect::<Vec<_>>());
    let names_n = |n: usize| (0..n).map(|i| format!("r{i}")).collect::<Vec<_>>();
    let opts = Options::default();
    assert_eq!(
        overview::build(&col(1), &names_n(1), &opts),
        Err(OverviewError::TooFew(1))
    );
    assert_eq!(
        overview::build(&col(MAX_REPORTS + 1), &names_n(MAX_REPORTS + 1), &opts),
        Err(OverviewError::TooMany(MAX_REPORTS + 1))
    );
    assert!(matches!(
        overview::build(&col(3), &names_n(2), &opts),
        Err(OverviewError::Names {
            reports: 3,
            names: 2
        })
    ));
    let two = build(&texts[3..5], &names[3..5]);
    assert_eq!(two.coverage.len(), 2);
    assert!(
        two.summary[0].starts_with("Both reports tell"),
        "{}",
        two.summary[0]
    );
    assert!(
        two.summary[1].starts_with("004 tells"),
        "{}",
        two.summary[1]
    );
    let twenty = overview::build(&col(MAX_REPORTS), &names_n(MAX_REPORTS), &opts).unwrap();
    assert_eq!(twenty.reports.len(), 20);
    assert_eq!(twenty.coverage.len(), 20 * 19);
    // Four copies of each report: its facts are told by all four copies.
    let quote = &twenty.quotes[0];
    assert!(quote.reports.len() >= 12, "{}", quote.reports.len());
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(64),
        ..ProptestConfig::default()
    })]

    /// Any texts: no panic, and every range the overview returns is a valid
    /// slice of its report.
    #[test]
    fn any_texts_give_an_overview_with_valid_ranges(texts in prop::collection::vec(any::<String>(), 2..5)) {
        let names: Vec<String> = (0..texts.len()).map(|i| i.to_string()).collect();
        let o = overview::build(&Collection::new(&texts), &names, &Options::default()).unwrap();
        let ok = |r: usize, s: Span| texts[r].get(s.0..s.1).is_some();
        for f in &o.facts {
            prop_assert!(f.mentions.iter().all(|m| ok(m.report, m.span)));
        }
        for g in &o.quotes {
            prop_assert!(g.members.iter().all(|m| ok(m.report, m.span)));
        }
        for g in &o.figures {
            prop_assert!(g.mentions.iter().all(|m| ok(m.report, m.span) && ok(m.report, m.sentence)));
        }
        for g in &o.names {
            prop_assert!(g.mentions.iter().all(|m| ok(m.report, m.span)));
        }
        prop_assert!(o.coverage.iter().all(|c| (0.0..=1.0).contains(&c.share)));
    }

    /// Texts made of the pieces the analyses look at (quote marks, figures
    /// and units, calendar words, capitals, possessives, hyphens, Chinese
    /// units), in any order: no panic, valid ranges.
    #[test]
    fn tricky_pieces_never_panic(texts in prop::collection::vec(prop::collection::vec(0usize..40, 0..60), 2..5)) {
        const P: [&str; 40] = [
            "“", "”", "\"", "‘", "’", "「", "」", "%", "％", "-", "May", "Thursday", "U", ".", "S",
            "Trump", "'s", "’s", "of", "the", "90", "2026", "5", "月", "日", "周", "四", "超过", " ",
            "\n", "A", "I", "xAI", "AI", "GPT", ":", "over", "days", "percent", "said he",
        ];
        let texts: Vec<String> = texts.iter().map(|t| t.iter().map(|&k| P[k]).collect()).collect();
        let names: Vec<String> = (0..texts.len()).map(|i| i.to_string()).collect();
        let col = Collection::new(&texts);
        let pairs = overview::Pairwise::new(&col, &Options::default());
        let o = overview::build_from(&col, &names, &Options::default(), &pairs).unwrap();
        // The view model too, filtered or not.
        for query in ["", "hide=0&only=1"] {
            let (p, _) = report_diff::params::Params::parse(query, &names);
            let m = report_diff::view::overview_model(&o, &col, &pairs, &p, &names);
            prop_assert!(m.facts.iter().all(|f| f.cells.len() == m.columns.len()));
        }
        let ok = |r: usize, s: Span| texts[r].get(s.0..s.1).is_some();
        for g in &o.figures {
            prop_assert!(g.mentions.iter().all(|m| ok(m.report, m.span) && ok(m.report, m.sentence)));
        }
        for g in &o.names {
            prop_assert!(g.mentions.iter().all(|m| ok(m.report, m.span)));
        }
        for g in &o.quotes {
            prop_assert!(g.members.iter().all(|m| ok(m.report, m.span)));
        }
    }

    /// Texts made of story-like sentences with figures, quotes and names
    /// exercise the analyses themselves.
    #[test]
    fn story_like_texts_never_panic(seeds in prop::collection::vec(0usize..1000, 2..6)) {
        let parts = [
            "Trump delayed the order by 90 days.", "Over 80% of voters agree, a poll by the Institute for Family Studies found.",
            "“We lead China, and I don’t want anything to get in the way,” he said.", "特朗普周四推迟签署AI行政令，超过80%的选民支持。",
            "Vance said on Tuesday (May 21): \"We are striving to strike a balance.\"", "The White House set no new date.",
            "GPT-5.5 and OpenAI’s models were tested 2,000 times in 2026.", "Key Takeaways", "- Sacks called it a win.",
        ];
        let texts: Vec<String> = seeds
            .iter()
            .map(|&s| (0..(s % 7 + 1)).map(|k| parts[(s / (k + 1) + k * 3) % parts.len()]).collect::<Vec<_>>().join(if s % 2 == 0 { " " } else { "\n" }))
            .collect();
        let names: Vec<String> = (0..texts.len()).map(|i| i.to_string()).collect();
        let o = overview::build(&Collection::new(&texts), &names, &Options::default()).unwrap();
        prop_assert_eq!(o.reports.len(), texts.len());
    }
}

#[test]
fn pairwise_holds_every_pair_once_in_order() {
    let (texts, _) = bundled();
    let col = Collection::new(&texts);
    let opts = Options::default();
    let pairs = overview::Pairwise::new(&col, &opts);
    assert_eq!(pairs.len(), 5);
    for a in 0..5 {
        for b in 0..5 {
            match pairs.get(a, b) {
                Some(cmp) => {
                    assert!(a < b);
                    assert_eq!(cmp, &col.compare(a, b, &opts).unwrap(), "{a} vs {b}");
                }
                None => assert!(a >= b),
            }
        }
    }
    assert!(pairs.get(3, 7).is_none());
}

/// Reports named by numbers (own texts are "1", "2", …): the summary puts
/// each count before its report, so that names never read as counts.
#[test]
fn the_summary_keeps_numeric_names_apart_from_counts() {
    let texts = [
        "Storm closes port. The port of Dover closed on Tuesday as winds reached 90 km/h, the harbour master said. \"We will reopen when it is safe,\" said Jane Cole. About 40 ferries were cancelled.",
        "Dover port shut by storm. Winds of 95 km/h closed the port of Dover on Tuesday. \"We will reopen as soon as it is safe,\" harbour master Jane Cole told reporters. Some 40 ferries were cancelled, P&O Ferries said.",
        "Ferries cancelled. About 38 ferries were cancelled on Tuesday after the port of Dover closed. \"We will reopen when it is safe,\" Cole said. Traffic queued for miles on the M20. Lorries were parked on the motorway overnight.",
    ];
    let names: Vec<String> = (1..=3).map(|i| i.to_string()).collect();
    let o = build(&texts, &names);
    let alone = o
        .summary
        .iter()
        .find(|s| s.starts_with("Told by one report only: "))
        .expect("a sentence on facts told once");
    let mut told: Vec<(usize, &str)> = o
        .report_facts
        .iter()
        .filter(|r| r.alone > 0)
        .map(|r| (r.alone, r.report.name.as_str()))
        .collect();
    told.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(y.1)));
    let (c, r) = told[0];
    let first = if c == 1 {
        format!("1 fact in {r}")
    } else {
        format!("{c} facts in {r}")
    };
    assert!(alone.contains(&first), "{alone}");
    for &(c, r) in &told[1..] {
        assert!(alone.contains(&format!("{c} in {r}")), "{alone}");
    }
    assert!(
        o.summary
            .iter()
            .any(|s| s.starts_with("A remark of Jane Cole’s is quoted by 3 reports (1, 2 and 3)")),
        "{:?}",
        o.summary
    );
}
