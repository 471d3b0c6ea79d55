//! Segmentation of a report into paragraphs and sentences, English and Chinese.
//!
//! Segmentation is lossless by construction: segment ranges are contiguous and
//! cover the whole input, so concatenating them gives the input back byte for
//! byte. Whitespace between sentences belongs to the sentence before it.

use serde::{Deserialize, Serialize};

use super::token::{is_cjk, word_count};
use super::Span;

/// The structural role of a segment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SegmentKind {
    /// A sentence of running text.
    Sentence,
    /// A short line without a sentence end: a headline, section title or label.
    Heading,
    /// A sentence in a bulleted or numbered list item.
    ListItem,
}

/// The script a segment is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// Latin script (the bundled reports' English).
    En,
    /// Han characters (the bundled reports' Chinese).
    Zh,
    /// No letters at all (numbers, symbols).
    Other,
}

/// One sentence (or heading, or list item) of a report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    /// The bytes this segment owns, including the whitespace after it.
    pub range: Span,
    /// The sentence itself, without surrounding whitespace.
    pub text: Span,
    /// Index of the paragraph (non-blank line) it belongs to.
    pub paragraph: usize,
    /// Sentence, heading or list item.
    pub kind: SegmentKind,
    /// Script of the sentence.
    pub lang: Lang,
}

/// Longest line (in words) that can be a heading: headlines and section
/// titles are short; a longer line without a sentence end is running text.
const HEADING_MAX_WORDS: usize = 20;
/// Longest question or exclamation line read as a heading ("What's behind the
/// move?"): a real question in running text is usually longer.
const HEADING_QUESTION_MAX_WORDS: usize = 16;

/// Words whose trailing period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "approx", "capt", "co", "col", "corp", "dec", "dr", "e.g", "etc", "feb", "gen", "gov", "i.e",
    "inc", "jan", "jr", "lt", "ltd", "mr", "mrs", "ms", "nov", "oct", "prof", "rep", "sen", "sept",
    "sgt", "sr", "st", "vs",
];

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{2019}'
            | '\u{201D}'
            | ')'
            | ']'
            | '\u{FF09}'
            | '\u{300D}'
            | '\u{300F}'
            | '\u{3011}'
            | '*'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{2018}'
            | '\u{201C}'
            | '('
            | '['
            | '\u{FF08}'
            | '\u{300C}'
            | '\u{300E}'
            | '\u{3010}'
            | '-'
            | '*'
    )
}

fn is_cjk_terminal(c: char) -> bool {
    matches!(c, '\u{3002}' | '\u{FF01}' | '\u{FF1F}' | '\u{FF61}')
}

fn is_latin_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '\u{2026}')
}

/// True when the period at byte `dot` of `line` closes an abbreviation or an
/// initial ("U.S.", "Gov.", "J.") rather than a sentence.
fn is_abbreviation(line: &str, dot: usize) -> bool {
    let before = &line[..dot];
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    let last = word.rsplit('.').next().unwrap_or(word);
    if last.chars().count() == 1 && last.chars().all(char::is_alphabetic) {
        return true; // an initial: "U.S.", "J. Smith"
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.binary_search(&lower.as_str()).is_ok()
}

/// For each char of `chars`, whether it sits inside a double-quoted passage
/// that closes on the same line: a quoted remark of several sentences stays
/// one segment ("I don't like it. We're ahead of China.").
fn inside_quotes(chars: &[(usize, char)]) -> Vec<bool> {
    let mut inside = vec![false; chars.len()];
    let mut i = 0;
    while i < chars.len() {
        let close = match chars[i].1 {
            '\u{201C}' => '\u{201D}',
            '"' => '"',
            '\u{300C}' => '\u{300D}',
            _ => {
                i += 1;
                continue;
            }
        };
        match (i + 1..chars.len()).find(|&k| chars[k].1 == close) {
            Some(end) => {
                inside[i + 1..end].fill(true);
                i = end + 1;
            }
            None => i += 1,
        }
    }
    inside
}

/// Byte ranges (relative to `line`) of the sentences in one trimmed line.
fn split_sentences(line: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let inside = inside_quotes(&chars);
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        let cjk_end = is_cjk_terminal(c);
        if !(cjk_end || is_latin_terminal(c)) {
            i += 1;
            continue;
        }
        // Absorb runs like "?!", "..." and the closing quotes after them.
        let mut j = i + 1;
        while j < chars.len() && (is_latin_terminal(chars[j].1) || is_cjk_terminal(chars[j].1)) {
            j += 1;
        }
        while j < chars.len() && is_closer(chars[j].1) {
            j += 1;
        }
        let end = chars.get(j).map_or(line.len(), |&(e, _)| e);
        // At the line's end the sentence closes anyway; mid-quote the remark
        // goes on.
        let split = if j >= chars.len() || inside[j - 1] {
            false
        } else if cjk_end {
            true
        } else {
            // Latin: needs whitespace, then something that can start a sentence.
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            k > j
                && k < chars.len()
                && {
                    let n = chars[k].1;
                    n.is_uppercase() || n.is_numeric() || is_opener(n) || is_cjk(n)
                }
                && !(c == '.' && j == i + 1 && is_abbreviation(line, pos))
        };
        if split {
            out.push((start, end));
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            start = chars.get(k).map_or(line.len(), |&(s, _)| s);
            i = k;
        } else {
            i = j;
        }
    }
    if start < line.len() {
        out.push((start, line.len()));
    }
    out
}

/// Script of a piece of text, by counting CJK characters against Latin letters.
pub fn detect_lang(text: &str) -> Lang {
    let (mut cjk, mut latin) = (0usize, 0usize);
    for c in text.chars() {
        if is_cjk(c) {
            cjk += 1;
        } else if c.is_alphabetic() {
            latin += 1;
        }
    }
    // A Chinese sentence often carries Latin names ("AI", "Mythos"): one Han
    // character weighs about as much as three Latin letters.
    if cjk > 0 && cjk * 3 >= latin {
        Lang::Zh
    } else if latin > 0 {
        Lang::En
    } else {
        Lang::Other
    }
}

fn is_list_marker(line: &str) -> bool {
    without_list_marker(line).len() != line.len()
}

/// `line` without the marker of a list item ("- ", "• ", "2. ", "3) ") and
/// the space after it; `line` itself when it has none. A marker is layout:
/// a sentence quoted on its own leaves it out.
///
/// ```
/// use report_diff::engine::segment::without_list_marker;
/// assert_eq!(without_list_marker("- Trump delayed it."), "Trump delayed it.");
/// assert_eq!(without_list_marker("2) Second"), "Second");
/// assert_eq!(without_list_marker("2024. A year"), "2024. A year");
/// assert_eq!(without_list_marker("-5 degrees"), "-5 degrees");
/// ```
pub fn without_list_marker(line: &str) -> &str {
    let t = line.trim_start();
    if let Some(rest) = t.strip_prefix(['-', '*', '•', '·', '–']) {
        if rest.starts_with(char::is_whitespace) {
            return rest.trim_start();
        }
        return line;
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0
        && digits < 3
        && t[digits..].starts_with(['.', ')'])
        && t[digits + 1..].starts_with(' ')
    {
        return t[digits + 1..].trim_start();
    }
    line
}

/// True when `s` asks rather than states: it ends with a question mark
/// (before any closing quotes or brackets).
///
/// ```
/// use report_diff::engine::segment::is_question;
/// assert!(is_question("What was the order for?"));
/// assert!(is_question("他说了什么？”"));
/// assert!(!is_question("He asked why."));
/// ```
pub fn is_question(s: &str) -> bool {
    s.trim_end()
        .trim_end_matches(is_closer)
        .ends_with(['?', '\u{FF1F}'])
}

fn ends_like_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(is_closer);
    t.ends_with(|c: char| is_latin_terminal(c) || is_cjk_terminal(c) || c == ':' || c == '\u{FF1A}')
}

/// The segment indices of each paragraph, in order.
///
/// ```
/// use report_diff::engine::segment::{paragraphs, segment};
/// let segs = segment("One. Two.\nThree.");
/// assert_eq!(paragraphs(&segs).collect::<Vec<_>>(), [0..2, 2..3]);
/// ```
pub fn paragraphs(segs: &[Segment]) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        (i < segs.len()).then(|| {
            let start = i;
            i = paragraph_end(segs, i);
            start..i
        })
    })
}

/// One past the last segment of the paragraph holding segment `i`.
pub fn paragraph_end(segs: &[Segment], i: usize) -> usize {
    let p = segs.get(i).map(|s| s.paragraph);
    (i..segs.len())
        .find(|&k| Some(segs[k].paragraph) != p)
        .unwrap_or(segs.len())
}

/// True when segment `i` is the first of its paragraph.
pub fn opens_paragraph(segs: &[Segment], i: usize) -> bool {
    i == 0 || segs.get(i - 1).map(|s| s.paragraph) != segs.get(i).map(|s| s.paragraph)
}

/// Splits `text` into segments: one per sentence, heading or list item.
///
/// Never panics, whatever the input; the segments' `range`s are contiguous and
/// cover `text` exactly (an empty text has no segments).
///
/// ```
/// use report_diff::engine::segment::{segment, SegmentKind, Lang};
/// let text = "Trump Delays Order\n\nU.S. President Trump delayed it. He said “no.” 特朗普推迟了。白宫表示。";
/// let segs = segment(text);
/// let texts: Vec<&str> = segs.iter().map(|s| &text[s.text.0..s.text.1]).collect();
/// assert_eq!(texts, ["Trump Delays Order", "U.S. President Trump delayed it.", "He said “no.”", "特朗普推迟了。", "白宫表示。"]);
/// assert_eq!(segs[0].kind, SegmentKind::Heading);
/// assert_eq!(segs[3].lang, Lang::Zh);
/// assert_eq!(segs.iter().map(|s| &text[s.range.0..s.range.1]).collect::<String>(), text);
/// ```
pub fn segment(text: &str) -> Vec<Segment> {
    let mut segs: Vec<Segment> = Vec::new();
    let mut paragraph = 0;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let lead = line.len() - line.trim_start().len();
            let base = line_start + lead;
            let list = is_list_marker(trimmed);
            let mut sentences = split_sentences(trimmed);
            // A headline stays whole even when it holds an exclamation:
            // "Last-Minute U-Turn! Trump Delays … — What’s Behind the Move?"
            if sentences.len() > 1
                && !list
                && word_count(trimmed) <= HEADING_MAX_WORDS
                && !trimmed.trim_end_matches(is_closer).ends_with('.')
                && sentences[..sentences.len() - 1].iter().all(|&(a, b)| {
                    trimmed[a..b]
                        .trim_end_matches(is_closer)
                        .ends_with(['!', '?'])
                })
            {
                sentences = vec![(0, trimmed.len())];
            }
            let single = sentences.len() == 1;
            for (s, e) in sentences {
                let body = &trimmed[s..e];
                let kind = if list {
                    SegmentKind::ListItem
                } else if single
                    && word_count(body) <= HEADING_MAX_WORDS
                    && (!ends_like_sentence(body)
                        || (word_count(body) <= HEADING_QUESTION_MAX_WORDS
                            && body.ends_with(['?', '!', '？', '！'])))
                {
                    SegmentKind::Heading
                } else {
                    SegmentKind::Sentence
                };
                segs.push(Segment {
                    range: Span(base + s, base + e),
                    text: Span(base + s, base + e),
                    paragraph,
                    kind,
                    lang: detect_lang(body),
                });
            }
            paragraph += 1;
        }
        line_start += line.len();
    }
    if segs.is_empty() && !text.is_empty() {
        // Only whitespace: one segment keeps the text lossless.
        segs.push(Segment {
            range: Span(0, text.len()),
            text: Span(0, text.len()),
            paragraph: 0,
            kind: SegmentKind::Sentence,
            lang: Lang::Other,
        });
        return segs;
    }
    // Make ranges contiguous: each segment owns the whitespace after it; the
    // first also owns any leading whitespace.
    let n = segs.len();
    for i in 0..n {
        let start = if i == 0 { 0 } else { segs[i - 1].range.1 };
        let end = if i + 1 < n {
            segs[i + 1].text.0
        } else {
            text.len()
        };
        segs[i].range = Span(start, end);
    }
    segs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::sort;

    fn texts(t: &str) -> Vec<&str> {
        segment(t).iter().map(|s| &t[s.text.0..s.text.1]).collect()
    }

    #[test]
    fn abbreviations_are_sorted() {
        let mut v = ABBREVIATIONS.to_vec();
        sort::sort(&mut v);
        assert_eq!(v, ABBREVIATIONS);
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(
            texts("Gov. Newsom met Mr. Sacks in the U.S. Senate. Then he left."),
            [
                "Gov. Newsom met Mr. Sacks in the U.S. Senate.",
                "Then he left."
            ]
        );
    }

    #[test]
    fn quotes_close_sentences() {
        assert_eq!(
            texts("He said “could become obstacles.” He also said no. \"Fine,\" she said."),
            [
                "He said “could become obstacles.”",
                "He also said no.",
                "\"Fine,\" she said."
            ]
        );
    }

    #[test]
    fn a_quoted_remark_of_several_sentences_stays_whole() {
        assert_eq!(
            texts("Trump said: \"I don't like it. We're ahead of China.\" He also spoke. 他说“我不喜欢。我们领先。”白宫表示。"),
            [
                "Trump said: \"I don't like it. We're ahead of China.\"",
                "He also spoke.",
                "他说“我不喜欢。我们领先。”",
                "白宫表示。"
            ]
        );
    }

    #[test]
    fn decimals_and_lowercase_continuations_do_not_split() {
        assert_eq!(
            texts("GPT-5.5 is out. e.g. this one"),
            ["GPT-5.5 is out. e.g. this one"]
        );
    }

    #[test]
    fn chinese_sentences_split_without_spaces() {
        assert_eq!(
            texts("“我确实认为这可能会成为阻碍。”他说。白宫表示！真的吗？"),
            [
                "“我确实认为这可能会成为阻碍。”",
                "他说。",
                "白宫表示！",
                "真的吗？"
            ]
        );
    }

    #[test]
    fn crlf_blank_lines_and_lists() {
        let t = "Title\r\n\r\n- one item.\r\n- two item\r\nBody text here. More.\r\n";
        let segs = segment(t);
        assert_eq!(
            texts(t),
            [
                "Title",
                "- one item.",
                "- two item",
                "Body text here.",
                "More."
            ]
        );
        assert_eq!(segs[0].kind, SegmentKind::Heading);
        assert_eq!(segs[1].kind, SegmentKind::ListItem);
        assert_eq!(segs[3].paragraph, 3);
        assert_eq!(
            segs.iter()
                .map(|s| &t[s.range.0..s.range.1])
                .collect::<String>(),
            t
        );
    }

    #[test]
    fn whitespace_only_text_is_one_segment() {
        assert_eq!(segment(" \n\t").len(), 1);
        assert!(segment("").is_empty());
    }
}
