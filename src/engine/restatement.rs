//! Passages that restate the article they belong to: an (AI) summary, "Key
//! Takeaways", an editor's note, a Q&A block. They are story, not chrome, but
//! they repeat facts the body states, so the aligner lets body sentences pair
//! first and keeps the restatements from drowning the view.

use super::boilerplate::Boilerplate;
use super::segment::{opens_paragraph, paragraph_end, Segment, SegmentKind};

/// Labels that announce a summary of the article (the next paragraph, or the
/// list that follows).
const SUMMARY_LABELS: &[&str] = &[
    "summary",
    "key takeaways",
    "takeaways",
    "tl;dr",
    "at a glance",
    "摘要",
    "要点",
];
/// Labels that announce a questions-and-answers block (everything up to the
/// next chrome).
const QA_LABELS: &[&str] = &["q&a", "faq", "questions and answers", "问答"];
/// Openings of a paragraph that comments on the article it precedes.
const NOTE_OPENINGS: &[&str] = &["editor's note", "editor’s note", "编者按", "编者注"];

fn short(s: &str) -> bool {
    s.split_whitespace().count() <= 6 && s.chars().count() <= 40
}

/// True when a heading line only announces a summary or a Q&A block ("Key
/// Takeaways", "相关问答"): an interface label, not story.
///
/// ```
/// use report_diff::engine::restatement::is_label;
/// assert!(is_label("Key Takeaways"));
/// assert!(!is_label("Trump delays the order"));
/// ```
pub fn is_label(line: &str) -> bool {
    let t = line.to_lowercase();
    short(&t)
        && (QA_LABELS.iter().any(|l| t.contains(l)) || SUMMARY_LABELS.iter().any(|l| t.contains(l)))
}

/// Marks each segment that restates the article.
///
/// ```
/// use report_diff::engine::{boilerplate::flag, restatement::mark, segment::segment};
/// let t = "Trump delayed the order.\nKey Takeaways\n- Trump delayed it.\n- No date set.\nMore news.";
/// let segs = segment(t);
/// assert_eq!(mark(t, &segs, &flag(t, &segs)), [false, false, true, true, false]);
/// ```
pub fn mark(text: &str, segs: &[Segment], flags: &[Option<Boilerplate>]) -> Vec<bool> {
    let mut out = vec![false; segs.len()];
    let lower = |i: usize| text[segs[i].text.0..segs[i].text.1].to_lowercase();
    let para_end = |i: usize| paragraph_end(segs, i);
    let mut i = 0;
    while i < segs.len() {
        let t = lower(i);
        let first_of_para = opens_paragraph(segs, i);
        if first_of_para && NOTE_OPENINGS.iter().any(|n| t.starts_with(n)) && flags[i].is_none() {
            let e = para_end(i);
            out[i..e].fill(true);
            i = e;
            continue;
        }
        if short(&t) && QA_LABELS.iter().any(|l| t.contains(l)) {
            // The block runs until chrome starts again.
            let mut k = i + 1;
            while k < segs.len() && flags[k].is_none() {
                out[k] = true;
                k += 1;
            }
            i = k;
            continue;
        }
        if short(&t) && SUMMARY_LABELS.iter().any(|l| t.contains(l)) {
            // Skip chrome between the label and the summary ("expand icon").
            let mut k = i + 1;
            while k < segs.len() && flags[k].is_some() {
                k += 1;
            }
            if k < segs.len() && segs[k].kind == SegmentKind::ListItem {
                while k < segs.len() && segs[k].kind == SegmentKind::ListItem && flags[k].is_none()
                {
                    out[k] = true;
                    k += 1;
                }
            } else if k < segs.len() {
                let e = para_end(k);
                out[k..e].fill(true);
                k = e;
            }
            i = k.max(i + 1);
            continue;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::boilerplate::flag;
    use crate::engine::segment::segment;

    #[test]
    fn summary_after_chrome_and_qa_block() {
        let t = "Headline\nAI summary iconSummary\nexpand icon\nIt was delayed. No date.\nBody one.\n相关问答\nQWhat happened?\nAIt was delayed.\n你可能也喜欢\nAd.";
        let segs = segment(t);
        let m = mark(t, &segs, &flag(t, &segs));
        let marked: Vec<&str> = segs
            .iter()
            .zip(&m)
            .filter(|(_, &r)| r)
            .map(|(s, _)| &t[s.text.0..s.text.1])
            .collect();
        assert_eq!(
            marked,
            [
                "It was delayed.",
                "No date.",
                "QWhat happened?",
                "AIt was delayed."
            ]
        );
    }

    #[test]
    fn editors_note_is_a_restatement() {
        let t = "Editor's Note: The order was halted. It matters.\nThe White House delayed it.";
        let segs = segment(t);
        assert_eq!(mark(t, &segs, &flag(t, &segs)), [true, true, false]);
    }
}
