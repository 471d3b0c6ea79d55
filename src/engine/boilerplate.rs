//! Flags passages that are not part of the story: site navigation, share
//! buttons, bylines, disclaimers, source lines, "you may also like" teasers and
//! trading ads. Rules are plain, multilingual (English and Chinese) and
//! explainable: each flag names its kind.

use serde::{Deserialize, Serialize};

use super::segment::{opens_paragraph, paragraph_end, Segment, SegmentKind};

/// Why a passage is not part of the story.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Boilerplate {
    /// Site navigation and interface labels ("Back to home", "expand icon").
    Navigation,
    /// Share buttons.
    Share,
    /// Publication metadata: site name, dates, "49 minutes ago".
    Byline,
    /// Legal disclaimers.
    Disclaimer,
    /// Source and "read the full article" lines.
    Attribution,
    /// Teasers for other articles, and everything after a teaser heading.
    Teaser,
    /// Trading and sign-up ads.
    Advert,
    /// A paragraph repeated verbatim right after itself (a headline printed twice).
    Duplicate,
}

const NAVIGATION: &[&str] = &[
    "返回首页",
    "文章摘要",
    "back to home",
    "skip to content",
    "ai summary",
    "expand icon",
    "main menu",
];
const SHARE: &[&str] = &["share", "share icon", "copy link", "tweet", "分享"];
const DISCLAIMER: &[&str] = &[
    "disclaimer",
    "免责声明",
    "does not necessarily reflect the views",
    "not be construed as financial",
    "investment advice",
    "投资建议",
];
const ATTRIBUTION: &[&str] = &[
    "read the full article",
    "read on ",
    "source:",
    "来源:",
    "来源：",
    "原文链接",
];
const TEASER_HEADINGS: &[&str] = &[
    "你可能也喜欢",
    "猜你喜欢",
    "相关推荐",
    "相关阅读",
    "热门文章",
    "you may also like",
    "you might also like",
    "related articles",
    "related stories",
    "recommended for you",
    "more from",
    "trending",
];
const ADVERT: &[&str] = &[
    "如何购买",
    "立即注册",
    "买币",
    "现货",
    "合约",
    "交易",
    "sign up now",
    "buy crypto",
    "trade now",
];
const BYLINE: &[&str] = &[
    "发布于",
    "更新于",
    "分钟前",
    "小时前",
    "minutes ago",
    "hours ago",
    "人学过",
];

fn starts_or_is(lower: &str, words: &[&str]) -> bool {
    words.iter().any(|w| lower == *w || lower.starts_with(w))
}

fn contains_any(lower: &str, words: &[&str]) -> bool {
    words.iter().any(|w| lower.contains(w))
}

fn short(s: &str) -> bool {
    s.split_whitespace().count() <= 6 && s.chars().count() <= 60
}

/// True for interface labels that leak into copied text ("expand icon",
/// "iconSummary", "icon币界网"), but not for "Silicon" or "iconic".
fn has_icon_label(lower: &str) -> bool {
    lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w.starts_with("icon") && !w.starts_with("iconic") && !w.starts_with("icono"))
}

/// Classifies one line-level passage.
fn classify(lower: &str) -> Option<Boilerplate> {
    let bare = lower.trim_end_matches([':', '：', '.', '…']).trim();
    if bare.matches("share icon").count() > 1 && bare.chars().count() <= 120 {
        return Some(Boilerplate::Share);
    }
    if short(bare) {
        if SHARE.contains(&bare) {
            return Some(Boilerplate::Share);
        }
        if starts_or_is(bare, NAVIGATION) || has_icon_label(bare) {
            return Some(Boilerplate::Navigation);
        }
        if contains_any(bare, BYLINE) {
            return Some(Boilerplate::Byline);
        }
        if starts_or_is(bare, ADVERT) {
            return Some(Boilerplate::Advert);
        }
    }
    if starts_or_is(bare, DISCLAIMER) {
        return Some(Boilerplate::Disclaimer);
    }
    if starts_or_is(bare, ATTRIBUTION) && bare.chars().count() <= 80 {
        return Some(Boilerplate::Attribution);
    }
    None
}

fn is_teaser_heading(lower: &str) -> bool {
    let bare = lower.trim_end_matches([':', '：']).trim();
    short(bare) && TEASER_HEADINGS.contains(&bare)
}

/// Flags each segment of `text`: `None` for story, `Some(kind)` for boilerplate.
///
/// Paragraph-level rules: a disclaimer flags its whole paragraph; a teaser
/// heading ("You may also like", "你可能也喜欢") flags everything after it.
///
/// ```
/// use report_diff::engine::{boilerplate::{flag, Boilerplate}, segment::segment};
/// let text = "Trump delays order.\nShare\nDisclaimer: Not advice. Be careful.\nYou may also like\nBuy coins now.";
/// let flags = flag(text, &segment(text));
/// assert_eq!(flags, [None, Some(Boilerplate::Share), Some(Boilerplate::Disclaimer),
///     Some(Boilerplate::Disclaimer), Some(Boilerplate::Teaser), Some(Boilerplate::Teaser)]);
/// ```
pub fn flag(text: &str, segs: &[Segment]) -> Vec<Option<Boilerplate>> {
    let mut out: Vec<Option<Boilerplate>> = vec![None; segs.len()];
    let mut i = 0;
    while i < segs.len() {
        let s = &segs[i];
        let lower = text[s.text.0..s.text.1].to_lowercase();
        let para_end = paragraph_end(segs, i);
        let first_of_para = opens_paragraph(segs, i);
        if first_of_para && i > 0 {
            let prev_start = (0..i)
                .rev()
                .find(|&k| opens_paragraph(segs, k))
                .unwrap_or(0);
            let prev = &text[segs[prev_start].text.0..segs[i - 1].text.1];
            let this = &text[s.text.0..segs[para_end - 1].text.1];
            if prev == this {
                out[i..para_end].fill(Some(Boilerplate::Duplicate));
                i = para_end;
                continue;
            }
        }
        if first_of_para && is_teaser_heading(&lower) {
            out[i..].fill(Some(Boilerplate::Teaser));
            break;
        }
        // Judge a one-line paragraph as a whole ("Share Icon Share Icon…").
        let kind = if first_of_para && para_end - i > 1 {
            let para = text[s.text.0..segs[para_end - 1].text.1].to_lowercase();
            classify(&para).or_else(|| classify(&lower))
        } else {
            classify(&lower)
        };
        match kind {
            Some(Boilerplate::Disclaimer) if first_of_para => {
                out[i..para_end].fill(kind);
                i = para_end;
                continue;
            }
            Some(k) if first_of_para && para_end - i > 1 && s.kind != SegmentKind::Sentence => {
                out[i..para_end].fill(Some(k));
                i = para_end;
                continue;
            }
            _ => out[i] = kind,
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::segment::segment;

    fn flags(t: &str) -> Vec<Option<Boilerplate>> {
        flag(t, &segment(t))
    }

    #[test]
    fn story_sentences_are_not_flagged() {
        let t = "Trump told reporters he would share more details. Source material was thin.";
        assert_eq!(flags(t), [None, None]);
    }

    #[test]
    fn icon_labels_but_not_words_containing_icon() {
        assert_eq!(flags("Silicon Valley reacts"), [None]);
        assert_eq!(flags("An iconic moment"), [None]);
        assert_eq!(flags("expand icon"), [Some(Boilerplate::Navigation)]);
        assert_eq!(
            flags("AI summary iconSummary"),
            [Some(Boilerplate::Navigation)]
        );
    }

    #[test]
    fn chrome_lines_are_flagged() {
        let t = "返回首页\nShare IconShare IconCopy\nmarsbit发布于2026-05-22\nRead on TechCrunch\n来源:财联社";
        assert_eq!(
            flags(t),
            [
                Some(Boilerplate::Navigation),
                Some(Boilerplate::Share),
                Some(Boilerplate::Byline),
                Some(Boilerplate::Attribution),
                Some(Boilerplate::Attribution),
            ]
        );
    }
}
