//! Reports that carry one text in two languages (an English version followed by
//! its Chinese original, say): finding the two blocks and aligning their
//! paragraphs, so a reader can check the translation.
//!
//! Alignment is Gale–Church style dynamic programming over paragraphs with
//! 1:1, 1:0, 0:1, 2:1 and 1:2 beads. A bead's cost combines how far its length
//! ratio strays from the blocks' overall ratio with how well its anchors agree:
//! numbers and Latin-script names ("Mythos", "FDA", "80") survive translation.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::boilerplate::Boilerplate;
use super::segment::{Lang, Segment};
use super::token::{units, UnitClass};
use super::Span;

/// A paragraph-level bead: paragraphs of the first block matched with
/// paragraphs of the second. One side is `None` for an untranslated paragraph.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ParagraphPair {
    /// Byte range of the paragraph(s) in the first-language block.
    pub first: Option<Span>,
    /// Byte range of the paragraph(s) in the second-language block.
    pub second: Option<Span>,
    /// Anchors (numbers, Latin names) found on both sides.
    pub shared_anchors: Vec<String>,
    /// Anchors found on only one side: worth a look when checking a translation.
    pub missing_anchors: Vec<String>,
}

/// Two language blocks of one report and their paragraph alignment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bilingual {
    /// Language of the first block.
    pub first_lang: Lang,
    /// Language of the second block.
    pub second_lang: Lang,
    /// Byte range of the first block.
    pub first: Span,
    /// Byte range of the second block.
    pub second: Span,
    /// Index of the first segment of the second block.
    pub second_start_segment: usize,
    /// Paragraph beads, in reading order.
    pub pairs: Vec<ParagraphPair>,
}

/// Fewest story paragraphs in a report that carries a translation: three a
/// block, since one or two paragraphs in another language are a quote or a
/// caption, not a translated text.
const MIN_BLOCK_PARAGRAPHS: usize = 3;
/// Share of the story's paragraphs that must sit in the right block's
/// language: a few stray lines (a Latin-only heading) are tolerated, a mixed
/// text is not a translation.
const MIN_AGREEMENT: f64 = 0.85;
/// Cost of leaving a paragraph untranslated (a 1:0 or 0:1 bead): about what a
/// 1:1 bead costs when its lengths are off by a factor of four, so skipping
/// wins only over a clearly wrong pairing.
const SKIP_COST: f64 = 3.0;
/// Weight of the length mismatch (|ln| of the normalised length ratio).
const LENGTH_WEIGHT: f64 = 2.0;
/// Weight of the anchor mismatch (1 − Jaccard of shared numbers and names).
const ANCHOR_WEIGHT: f64 = 2.0;
/// Anchor mismatch assumed when neither side has an anchor: no evidence
/// either way.
const ANCHOR_UNKNOWN: f64 = 0.5;
/// Extra cost of a 2:1 or 1:2 bead, so 1:1 wins when it fits as well.
const MERGE_COST: f64 = 0.4;

struct Para {
    span: Span,
    lang: Lang,
    len: f64,
    anchors: BTreeSet<String>,
}

/// Numbers and Latin-script words: what a translation carries over unchanged.
fn anchors(text: &str, span: Span, lang: Lang) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for u in units(&text[span.0..span.1], span.0) {
        let s = &text[u.span.0..u.span.1];
        match u.class {
            UnitClass::Number => {
                out.insert(s.replace(',', ""));
            }
            // In English, only names (capitalised words) survive translation.
            UnitClass::Word
                if s.len() > 1
                    && (lang != Lang::En || s.chars().next().is_some_and(char::is_uppercase)) =>
            {
                out.insert(s.to_lowercase());
            }
            _ => {}
        }
    }
    out
}

fn paragraphs(text: &str, segs: &[Segment], flags: &[Option<Boilerplate>]) -> Vec<(Para, usize)> {
    let mut out: Vec<(Para, usize)> = Vec::new();
    for r in super::segment::paragraphs(segs) {
        let (i, j) = (r.start, r.end);
        if flags[i..j].iter().all(Option::is_none) {
            let span = Span(segs[i].text.0, segs[j - 1].text.1);
            let lang = super::segment::detect_lang(&text[span.0..span.1]);
            let len = text[span.0..span.1]
                .chars()
                .filter(|c| !c.is_whitespace())
                .count() as f64;
            out.push((
                Para {
                    span,
                    lang,
                    len,
                    anchors: BTreeSet::new(),
                },
                i,
            ));
        }
    }
    for (para, _) in &mut out {
        para.anchors = anchors(text, para.span, para.lang);
    }
    out
}

/// Finds two language blocks (each at least three paragraphs, together at
/// least 85 % of the story's paragraphs) and aligns them. `None` for a
/// monolingual report.
///
/// ```
/// use report_diff::engine::{bilingual::detect, boilerplate::flag, segment::segment};
/// let text = "Trump delayed the order on May 21.\nSacks said FDA rules hurt.\nOver 80% back testing.\n\
///             特朗普于5月21日推迟了命令。\n萨克斯说FDA规则有害。\n超过80%的人支持测试。";
/// let segs = segment(text);
/// let b = detect(text, &segs, &flag(text, &segs)).unwrap();
/// assert_eq!(b.pairs.len(), 3);
/// assert!(b.pairs.iter().all(|p| p.first.is_some() && p.second.is_some()));
/// ```
pub fn detect(text: &str, segs: &[Segment], flags: &[Option<Boilerplate>]) -> Option<Bilingual> {
    let paras = paragraphs(text, segs, flags);
    let n = paras.len();
    if n < 2 * MIN_BLOCK_PARAGRAPHS {
        return None;
    }
    // The split point that best separates two languages.
    let mut best: Option<(usize, usize, Lang, Lang)> = None;
    for (l1, l2) in [(Lang::En, Lang::Zh), (Lang::Zh, Lang::En)] {
        for k in MIN_BLOCK_PARAGRAPHS..=n - MIN_BLOCK_PARAGRAPHS {
            let agree = paras[..k].iter().filter(|p| p.0.lang == l1).count()
                + paras[k..].iter().filter(|p| p.0.lang == l2).count();
            if best.is_none_or(|b| agree > b.0) {
                best = Some((agree, k, l1, l2));
            }
        }
    }
    let (agree, k, l1, l2) = best?;
    if (agree as f64) < MIN_AGREEMENT * n as f64 {
        return None;
    }
    let (first, second) = paras.split_at(k);
    let first: Vec<&Para> = first
        .iter()
        .map(|p| &p.0)
        .filter(|p| p.lang == l1)
        .collect();
    let second_start_segment = second[0].1;
    let second: Vec<&Para> = second
        .iter()
        .map(|p| &p.0)
        .filter(|p| p.lang == l2)
        .collect();
    if first.is_empty() || second.is_empty() {
        return None;
    }
    // Only anchors that occur in both blocks can vouch for a bead: English
    // names that the translation renders in Chinese characters say nothing.
    let in_first: BTreeSet<&String> = first.iter().flat_map(|p| &p.anchors).collect();
    let in_second: BTreeSet<&String> = second.iter().flat_map(|p| &p.anchors).collect();
    let common: BTreeSet<String> = in_first
        .intersection(&in_second)
        .map(|s| s.to_string())
        .collect();
    let keep = |p: &Para| Para {
        span: p.span,
        lang: p.lang,
        len: p.len,
        anchors: p.anchors.intersection(&common).cloned().collect(),
    };
    let first: Vec<Para> = first.into_iter().map(keep).collect();
    let second: Vec<Para> = second.into_iter().map(keep).collect();
    let first: Vec<&Para> = first.iter().collect();
    let second: Vec<&Para> = second.iter().collect();
    let pairs = align_paragraphs(&first, &second);
    Some(Bilingual {
        first_lang: l1,
        second_lang: l2,
        first: Span(first[0].span.0, first[first.len() - 1].span.1),
        second: Span(second[0].span.0, second[second.len() - 1].span.1),
        second_start_segment,
        pairs,
    })
}

/// Gale–Church style DP over paragraphs.
fn align_paragraphs(a: &[&Para], b: &[&Para]) -> Vec<ParagraphPair> {
    let ratio =
        b.iter().map(|p| p.len).sum::<f64>() / a.iter().map(|p| p.len).sum::<f64>().max(1.0);
    let bead_cost = |ai: &[&Para], bj: &[&Para]| -> f64 {
        let la: f64 = ai.iter().map(|p| p.len).sum();
        let lb: f64 = bj.iter().map(|p| p.len).sum();
        let length = ((lb / ratio.max(1e-9) + 1.0) / (la + 1.0)).ln().abs() * LENGTH_WEIGHT;
        let aa: BTreeSet<&String> = ai.iter().flat_map(|p| &p.anchors).collect();
        let ab: BTreeSet<&String> = bj.iter().flat_map(|p| &p.anchors).collect();
        let shared = aa.intersection(&ab).count() as f64;
        let union = aa.union(&ab).count() as f64;
        let anchor = if union > 0.0 {
            1.0 - shared / union
        } else {
            ANCHOR_UNKNOWN
        };
        let merge = if ai.len() + bj.len() > 2 {
            MERGE_COST
        } else {
            0.0
        };
        length + anchor * ANCHOR_WEIGHT + merge
    };
    let (n, m) = (a.len(), b.len());
    let mut cost = vec![vec![f64::INFINITY; m + 1]; n + 1];
    let mut back = vec![vec![(0usize, 0usize); m + 1]; n + 1];
    cost[0][0] = 0.0;
    let beads = [(1, 1), (1, 0), (0, 1), (2, 1), (1, 2)];
    for i in 0..=n {
        for j in 0..=m {
            if cost[i][j].is_infinite() {
                continue;
            }
            for &(di, dj) in &beads {
                let (ni, nj) = (i + di, j + dj);
                if ni > n || nj > m {
                    continue;
                }
                let c = if di == 0 || dj == 0 {
                    SKIP_COST
                } else {
                    bead_cost(&a[i..ni], &b[j..nj])
                };
                if cost[i][j] + c < cost[ni][nj] {
                    cost[ni][nj] = cost[i][j] + c;
                    back[ni][nj] = (di, dj);
                }
            }
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let (di, dj) = back[i][j];
        let (pi, pj) = (i - di, j - dj);
        let span = |ps: &[&Para]| ps.first().map(|f| Span(f.span.0, ps[ps.len() - 1].span.1));
        let aa: BTreeSet<&String> = a[pi..i].iter().flat_map(|p| &p.anchors).collect();
        let ab: BTreeSet<&String> = b[pj..j].iter().flat_map(|p| &p.anchors).collect();
        out.push(ParagraphPair {
            first: span(&a[pi..i]),
            second: span(&b[pj..j]),
            shared_anchors: aa.intersection(&ab).map(|s| s.to_string()).collect(),
            missing_anchors: if di > 0 && dj > 0 {
                aa.symmetric_difference(&ab)
                    .map(|s| s.to_string())
                    .collect()
            } else {
                Vec::new()
            },
        });
        i = pi;
        j = pj;
    }
    out.reverse();
    out
}
