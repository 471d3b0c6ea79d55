//! The engine on the five bundled reports: the cases they are messy in.
// Tests are not in the wasm, so the standard sorts' code size does not matter here.
#![allow(clippy::disallowed_methods)]

use report_diff::corpus;
use report_diff::engine::boilerplate::Boilerplate;
use report_diff::engine::segment::Lang;
use report_diff::engine::{Collection, Comparison, Document, Options, RowKind, Span};

fn collection() -> Collection {
    let texts: Vec<&str> = corpus::reports().iter().map(|r| r.text).collect();
    Collection::new(&texts)
}

fn text(c: &Collection, i: usize) -> &str {
    c.documents()[i].text()
}

/// The (A span, B span) of every aligned pair, anchored or moved.
fn aligned(cmp: &Comparison) -> Vec<(Span, Span)> {
    cmp.rows
        .iter()
        .filter_map(|r| match (r.a, r.b, r.partner) {
            (Some(a), Some(b), _) => Some((a, b)),
            (Some(a), None, Some(p)) => Some((a, cmp.rows[p].b?)),
            _ => None,
        })
        .collect()
}

/// True when a passage of A containing `sa` corresponds to a passage of B
/// containing `sb`: on one row, or linked (a counterpart the rows cannot
/// show, which the view offers as "also said at").
fn paired(c: &Collection, cmp: &Comparison, a: usize, b: usize, sa: &str, sb: &str) -> bool {
    // `|` separates alternatives.
    let has = |t: &str, needles: &str| needles.split('|').any(|n| t.contains(n));
    aligned(cmp)
        .into_iter()
        .chain(cmp.links.iter().map(|l| (l.a, l.b)))
        .any(|(x, y)| has(&text(c, a)[x.0..x.1], sa) && has(&text(c, b)[y.0..y.1], sb))
}

fn row_of<'c>(
    c: &Collection,
    cmp: &'c Comparison,
    a: usize,
    sa: &str,
) -> &'c report_diff::engine::Row {
    cmp.rows
        .iter()
        .find(|r| r.a.is_some_and(|s| text(c, a)[s.0..s.1].contains(sa)))
        .unwrap_or_else(|| panic!("no row holds {sa:?}"))
}

#[test]
fn every_pair_is_lossless_and_symmetric() {
    let c = collection();
    let opts = Options::default();
    for a in 0..5 {
        for b in 0..5 {
            let cmp = c.compare(a, b, &opts).unwrap();
            let ra: String = cmp
                .rows
                .iter()
                .filter_map(|r| r.a)
                .map(|s| &text(&c, a)[s.0..s.1])
                .collect();
            let rb: String = cmp
                .rows
                .iter()
                .filter_map(|r| r.b)
                .map(|s| &text(&c, b)[s.0..s.1])
                .collect();
            assert_eq!(ra, text(&c, a), "{a} vs {b}: side A");
            assert_eq!(rb, text(&c, b), "{a} vs {b}: side B");
            let back = c.compare(b, a, &opts).unwrap();
            let mut x: Vec<_> = aligned(&cmp);
            let mut y: Vec<_> = aligned(&back).into_iter().map(|(p, q)| (q, p)).collect();
            x.sort();
            y.sort();
            assert_eq!(x, y, "{a} vs {b}: swapping mirrors the pairs");
            assert!((cmp.similarity - back.similarity).abs() < 1e-9);
        }
    }
}

#[test]
fn a_report_equals_itself() {
    let c = collection();
    for i in 0..5 {
        let cmp = c.compare(i, i, &Options::default()).unwrap();
        assert!(
            cmp.rows
                .iter()
                .all(|r| r.kind == RowKind::Equal && !r.moved),
            "{i}"
        );
        assert!(
            (cmp.similarity - 1.0).abs() < 1e-9,
            "{i}: {}",
            cmp.similarity
        );
    }
}

#[test]
fn republished_copy_aligns_sentence_for_sentence() {
    // 001 is 000's CoinDesk body without the chrome, summary and disclaimer.
    let c = collection();
    let cmp = c.compare(0, 1, &Options::default()).unwrap();
    let b_rows: Vec<_> = cmp.rows.iter().filter(|r| r.b.is_some()).collect();
    assert!(b_rows.iter().all(|r| r.kind == RowKind::Equal && !r.moved));
    // The AI summary restates the body: it stays one-sided, not a false pair.
    let summary = row_of(&c, &cmp, 0, "Liquidity and crypto markets");
    assert_eq!(summary.kind, RowKind::OnlyA);
    assert!(row_of(&c, &cmp, 0, "Disclaimer: The information").boilerplate);
    assert!(cmp.similarity > 0.8, "{}", cmp.similarity);
}

#[test]
fn rewritten_passages_pair_across_independent_reports() {
    let c = collection();
    let opts = Options::default();
    let cases: &[(usize, usize, &str, &str)] = &[
        // Reworded, same facts.
        (
            0,
            2,
            "U.S. President Trump postponed signing",
            "President Trump has postponed signing",
        ),
        (
            0,
            2,
            "The order was intended to require federal agencies",
            "The proposed executive order would have established",
        ),
        // One remark of Trump's in several wordings.
        (
            3,
            4,
            // 003 renders it three times (editor's note, body, Q&A): any may pair.
            "ahead of everyone|We lead China, we lead everyone|did not want anything to hinder",
            "I don’t want to do anything that impedes that lead",
        ),
        // The same poll, the same institute.
        (
            3,
            4,
            "A poll conducted this month for the Institute for Family Studies",
            "A recent survey by the conservative-leaning Institute for Family Studies",
        ),
        (
            3,
            4,
            "The delayed signing comes as multiple polls",
            "Recent polls also show public support",
        ),
        // The same model, rewritten.
        (
            3,
            4,
            "Its ability to identify serious vulnerabilities|The model possesses advanced capabilities|Some officials, alarmed by the capabilities",
            "The push for stricter regulation gained steam",
        ),
        (
            2,
            4,
            "Trump delays AI security executive order",
            "Trump Delays Signing AI Security Executive Order",
        ),
    ];
    for &(a, b, sa, sb) in cases {
        let cmp = c.compare(a, b, &opts).unwrap();
        assert!(
            paired(&c, &cmp, a, b, sa, sb),
            "{a} vs {b}: {sa:?} should pair with {sb:?}"
        );
    }
}

#[test]
fn unrelated_sentences_do_not_pair() {
    let c = collection();
    let cmp = c.compare(3, 4, &Options::default()).unwrap();
    // Share only the event's vocabulary ("Trump", "executive order", "AI").
    assert!(!paired(
        &c,
        &cmp,
        3,
        4,
        "QWhat was the original purpose",
        "Last-Minute U-Turn!"
    ));
    for (x, y) in aligned(&cmp) {
        let (ta, tb) = (&text(&c, 3)[x.0..x.1], &text(&c, 4)[y.0..y.1]);
        assert!(
            !ta.contains("你可能也喜欢") && !tb.contains("返回首页"),
            "{ta:?} ~ {tb:?}"
        );
    }
    let cmp = report_diff::engine::compare(
        "It was the best of times, it was the worst of times.",
        "The cat is on the mat, and it was there all the time before.",
        &Options::default(),
    );
    assert!(cmp
        .rows
        .iter()
        .all(|r| r.kind == RowKind::OnlyA || r.kind == RowKind::OnlyB));
}

#[test]
fn moved_passages_are_linked_both_ways() {
    let c = collection();
    let mut moved_pairs = 0;
    for a in 0..5 {
        for b in a + 1..5 {
            let cmp = c.compare(a, b, &Options::default()).unwrap();
            for (i, r) in cmp.rows.iter().enumerate().filter(|(_, r)| r.moved) {
                moved_pairs += 1;
                let p = r.partner.expect("a moved row names its partner");
                assert_eq!(cmp.rows[p].partner, Some(i));
                assert!(r.a.is_some() != cmp.rows[p].a.is_some());
                assert!(r.inline.is_some());
            }
        }
    }
    // Independent reports order their facts differently.
    assert!(moved_pairs > 0);
}

#[test]
fn boilerplate_is_flagged_and_story_is_not() {
    let flagged = |doc: &Document, needle: &str| {
        let i = doc
            .segments()
            .iter()
            .position(|s| doc.text()[s.text.0..s.text.1].contains(needle))
            .unwrap_or_else(|| panic!("no segment holds {needle:?}"));
        doc.boilerplate()[i]
    };
    let c = collection();
    let d = c.documents();
    use Boilerplate::*;
    for (doc, needle, kind) in [
        (0, "Share IconShare", Share),
        (0, "expand icon", Navigation),
        (0, "KuCoin shall not be liable", Disclaimer),
        (2, "Read on TechCrunch", Attribution),
        (3, "marsbit发布于", Byline),
        (3, "你可能也喜欢", Teaser),
        (3, "如何购买ORDER", Teaser),
        (3, "PANews专栏注册与发稿指南", Teaser),
        (4, "返回首页", Navigation),
        // Labels that announce a summary or a Q&A block.
        (2, "Key Takeaways", Navigation),
        (3, "相关问答", Navigation),
        (4, "Source: CLS News", Attribution),
        (4, "来源:财联社", Attribution),
    ] {
        assert_eq!(flagged(&d[doc], needle), Some(kind), "{needle:?}");
    }
    for (doc, story) in [
        (&d[0], "CoinDesk reports:"),
        (&d[0], "U.S. President Trump postponed signing"),
        (&d[3], "Below is the original text:"),
        (&d[3], "Editor's Note:"),
        (&d[3], "QWhat was the original purpose"),
        (&d[4], "CLS News, May 22"),
        (&d[4], "萨克斯现任总统科技顾问委员会联席主席"),
    ] {
        assert_eq!(flagged(doc, story), None, "{story:?} is story");
    }
    // The headline printed twice: the second copy is flagged.
    let headline = "Last-Minute U-Turn! Trump Delays Signing";
    let copies: Vec<_> = d[4]
        .segments()
        .iter()
        .enumerate()
        .filter(|(_, s)| d[4].text()[s.text.0..s.text.1].starts_with(headline))
        .map(|(i, _)| d[4].boilerplate()[i])
        .collect();
    assert_eq!(copies, [None, Some(Boilerplate::Duplicate)]);
}

#[test]
fn bilingual_report_aligns_english_with_its_chinese_original() {
    let c = collection();
    let d = &c.documents()[4];
    let b = d.bilingual().expect("004 carries English then Chinese");
    assert_eq!((b.first_lang, b.second_lang), (Lang::En, Lang::Zh));
    let t = d.text();
    let pairs: Vec<(&str, &str)> = b
        .pairs
        .iter()
        .filter_map(|p| Some((&t[p.first?.0..p.first?.1], &t[p.second?.0..p.second?.1])))
        .collect();
    let one_to_one = b
        .pairs
        .iter()
        .filter(|p| p.first.is_some() && p.second.is_some())
        .count();
    assert!(one_to_one >= 18, "{one_to_one} paragraph pairs");
    for (en, zh) in [
        ("CLS News, May 22", "财联社5月22日讯"),
        ("A Temporary Victory for the", "阵营的暂时胜利"),
        (
            "Sacks currently serves as co-chair",
            "萨克斯现任总统科技顾问委员会联席主席",
        ),
        (
            "Institute for Family Studies",
            "Institute for Family Studies",
        ),
        (
            "The breakneck pace of AI advancement",
            "人工智能发展的迅猛势头",
        ),
    ] {
        assert!(
            pairs.iter().any(|(e, z)| e.contains(en) && z.contains(zh)),
            "{en:?} should pair with {zh:?}"
        );
    }
    // Segments of the Chinese block are marked as translation in comparisons.
    let cmp = c.compare(0, 4, &Options::default()).unwrap();
    let zh_row = cmp
        .rows
        .iter()
        .find(|r| r.b.is_some_and(|s| t[s.0..s.1].contains("萨克斯现任")))
        .unwrap();
    assert!(zh_row.translation);
    for other in 0..4 {
        assert!(
            c.documents()[other].bilingual().is_none(),
            "{other} is monolingual"
        );
    }
}

#[test]
fn noise_options_change_word_diffs_not_alignment() {
    let a = "Trump said: “We’re ahead of China.” The White House paused it.";
    let b = "trump said \"We're ahead of China\" — the White House paused it.";
    let strict = report_diff::engine::compare(a, b, &Options::default());
    let lax = report_diff::engine::compare(
        a,
        b,
        &Options {
            ignore_case: true,
            ignore_punctuation: true,
            ignore_whitespace: true,
        },
    );
    assert_eq!(aligned(&strict), aligned(&lax));
    assert!(strict.rows.iter().any(|r| r.kind == RowKind::Changed));
    assert!(
        lax.rows.iter().all(|r| r.kind == RowKind::Equal),
        "{:?}",
        lax.rows
    );
}

#[test]
fn numbers_that_differ_are_listed() {
    let cmp = report_diff::engine::compare(
        "Over 80% of voters back testing 90 days before release.",
        "Over 82% of voters back testing 90 days before release.",
        &Options::default(),
    );
    let r = &cmp.rows[0];
    assert_eq!(r.kind, RowKind::Changed);
    assert_eq!(r.numbers.len(), 2);
    assert_eq!(r.numbers[0].a.as_deref(), Some("80"));
    assert_eq!(r.numbers[1].b.as_deref(), Some("82"));
}

#[test]
fn one_remark_quoted_in_several_wordings_is_matched() {
    let c = collection();
    let matched = |a: usize, b: usize| -> Vec<(String, String)> {
        let cmp = c.compare(a, b, &Options::default()).unwrap();
        cmp.quotes
            .iter()
            .filter_map(|q| {
                let (x, y) = (q.a?, q.b?);
                Some((
                    text(&c, a)[x.0..x.1].to_string(),
                    text(&c, b)[y.0..y.1].to_string(),
                ))
            })
            .collect()
    };
    let q24 = matched(2, 4);
    assert!(
        q24.iter()
            .any(|(x, y)| x.contains("get in the way of that leading")
                && y.contains("impedes that lead")),
        "{q24:?}"
    );
    let q34 = matched(3, 4);
    assert!(
        q34.iter()
            .any(|(x, y)| x.contains("we lead everyone") && y.contains("impedes that lead")),
        "{q34:?}"
    );
    // Scare quotes ("AI czar") are not remarks.
    let cmp = c.compare(0, 4, &Options::default()).unwrap();
    assert!(cmp.quotes.iter().all(|q| q
        .b
        .is_none_or(|s| !text(&c, 4)[s.0..s.1].contains("AI czar"))));
}

#[test]
fn a_sentence_split_in_two_pairs_with_both_halves() {
    let a = "Trump delayed the AI order on Thursday and said the United States leads China in the race. Markets were calm.";
    let b = "Trump delayed the AI order on Thursday. He said the United States leads China in the race. Markets were calm.";
    let cmp = report_diff::engine::compare(a, b, &Options::default());
    let first = &cmp.rows[0];
    assert_eq!(first.segments_a, Some(Span(0, 1)));
    assert_eq!(first.segments_b, Some(Span(0, 2)), "{:?}", cmp.rows);
    assert_eq!(cmp.rows.len(), 2);
    // And the mirror image: two merged into one.
    let back = report_diff::engine::compare(b, a, &Options::default());
    assert_eq!(back.rows[0].segments_a, Some(Span(0, 2)));
}

#[test]
fn comparisons_round_trip_through_json() {
    // A worker (or a server) can hand results over as JSON and lose nothing.
    let c = collection();
    for a in 0..5 {
        for b in 0..5 {
            let cmp = c.compare(a, b, &Options::default()).unwrap();
            let json = serde_json::to_string(&cmp).unwrap();
            let back: Comparison = serde_json::from_str(&json).unwrap();
            assert_eq!(back, cmp, "{a} vs {b}");
        }
    }
}

#[test]
fn an_english_document_aligns_with_its_chinese_original() {
    // 004's English text and its Chinese original, given as two documents.
    let c = collection();
    let d = &c.documents()[4];
    let b = d.bilingual().expect("004 is bilingual");
    let (en, zh) = (
        &d.text()[b.first.0..b.first.1],
        &d.text()[b.second.0..b.second.1],
    );
    let words = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/words.bin")).unwrap();
    let words = report_diff::engine::semantic::WordTable::from_bytes(&words).unwrap();
    for semantics in [
        report_diff::engine::Semantics::bundled(),
        report_diff::engine::Semantics {
            sentences: None,
            words: Some(&words),
        },
    ] {
        let pair = Collection::with_semantics(&[en, zh], semantics);
        assert!(pair.source().is_some());
        let cmp = pair.compare(0, 1, &Options::default()).unwrap();
        // A translation keeps its order: nothing moved, and nearly every
        // Chinese sentence has its English counterpart.
        assert!(cmp.rows.iter().all(|r| !r.moved), "{:?}", pair.source());
        let zh_doc = &pair.documents()[1];
        let story: Vec<usize> = (0..zh_doc.segments().len())
            .filter(|&j| zh_doc.boilerplate()[j].is_none())
            .collect();
        let paired = story
            .iter()
            .filter(|&&j| {
                cmp.rows
                    .iter()
                    .any(|r| r.a.is_some() && r.segments_b.is_some_and(|s| (s.0..s.1).contains(&j)))
                    || cmp.links.iter().any(|l| l.segment_b == j)
            })
            .count();
        assert!(
            paired * 10 >= story.len() * 9,
            "{:?}: {paired} of {} Chinese sentences paired",
            pair.source(),
            story.len()
        );
        assert!(cmp
            .links
            .iter()
            .all(|l| l.relation == report_diff::engine::Relation::Translation));
    }
}
