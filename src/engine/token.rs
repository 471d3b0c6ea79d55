//! Splitting text into units (words, numbers, CJK characters, punctuation,
//! whitespace) and folding them for comparison.
//!
//! Units cover their text without gaps, so every later step can map results back
//! to exact byte ranges.

use super::sort;
use super::Span;

/// What a [`Unit`] of text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitClass {
    /// A run of letters (Latin, Cyrillic, …), with inner apostrophes.
    Word,
    /// Digits, with inner `.`/`,` between digits (`5.5`, `1,000`).
    Number,
    /// One Han, kana or Hangul character: CJK text has no spaces to split on.
    Cjk,
    /// A run of whitespace.
    Space,
    /// Any other single character (punctuation, symbols, emoji).
    Punct,
}

/// A piece of text: its class and byte range in the text it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unit {
    /// The kind of unit.
    pub class: UnitClass,
    /// Byte range in the original text.
    pub span: Span,
}

/// True for ideographs, kana and Hangul: scripts written without spaces.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // Hiragana, Katakana
        | 0x3400..=0x4DBF    // CJK Extension A
        | 0x4E00..=0x9FFF    // CJK Unified Ideographs
        | 0xAC00..=0xD7AF    // Hangul syllables
        | 0xF900..=0xFAFF    // CJK compatibility ideographs
        | 0x20000..=0x2FA1F) // Extensions B–F, compatibility supplement
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_cjk(c)
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Splits `text` into units; `base` is added to every span so that units of a
/// slice carry offsets into the whole document.
///
/// ```
/// use report_diff::engine::token::{units, UnitClass};
/// let u = units("It’s 5.5 特朗普", 0);
/// let classes: Vec<_> = u.iter().map(|u| u.class).collect();
/// assert_eq!(classes[0], UnitClass::Word); // "It’s"
/// assert_eq!(classes[2], UnitClass::Number); // "5.5"
/// assert_eq!(classes[4..], [UnitClass::Cjk, UnitClass::Cjk, UnitClass::Cjk]);
/// ```
pub fn units(text: &str, base: usize) -> Vec<Unit> {
    let mut out = Vec::with_capacity(text.len() / 4 + 1);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let mut j = i + 1;
        let class = if c.is_whitespace() {
            while j < chars.len() && chars[j].1.is_whitespace() {
                j += 1;
            }
            UnitClass::Space
        } else if is_cjk(c) {
            UnitClass::Cjk
        } else if c.is_numeric() {
            // Digits, allowing one separator between digits: 5.5, 1,000, 12:30.
            while j < chars.len() {
                let d = chars[j].1;
                if d.is_numeric() {
                    j += 1;
                } else if matches!(d, '.' | ',' | ':')
                    && j + 1 < chars.len()
                    && chars[j + 1].1.is_ascii_digit()
                {
                    j += 2;
                } else {
                    break;
                }
            }
            if j < chars.len() && is_word_char(chars[j].1) && !chars[j].1.is_numeric() {
                // "5G", "GPT5x": a word that starts with a digit.
                while j < chars.len() && is_word_char(chars[j].1) {
                    j += 1;
                }
                UnitClass::Word
            } else {
                UnitClass::Number
            }
        } else if is_word_char(c) {
            while j < chars.len() {
                let d = chars[j].1;
                if is_word_char(d) {
                    j += 1;
                } else if is_apostrophe(d) && j + 1 < chars.len() && is_word_char(chars[j + 1].1) {
                    j += 2;
                } else {
                    break;
                }
            }
            UnitClass::Word
        } else {
            UnitClass::Punct
        };
        let end = chars.get(j).map_or(text.len(), |&(e, _)| e);
        out.push(Unit {
            class,
            span: Span(base + start, base + end),
        });
        i = j;
    }
    out
}

/// Words in `text`: Latin words and numbers count one each, CJK characters one
/// per two (a Chinese word is about two characters). The one word count used
/// for similarity weights, heading and quote lengths, and reader-facing sizes.
///
/// ```
/// use report_diff::engine::token::word_count;
/// assert_eq!(word_count("Trump delayed it by 90 days."), 6);
/// assert_eq!(word_count("特朗普推迟"), 3);
/// ```
pub fn word_count(text: &str) -> usize {
    let (mut words, mut cjk) = (0usize, 0usize);
    for u in units(text, 0) {
        match u.class {
            UnitClass::Word | UnitClass::Number => words += 1,
            UnitClass::Cjk => cjk += 1,
            UnitClass::Space | UnitClass::Punct => {}
        }
    }
    words + cjk.div_ceil(2)
}

/// Folds typographic variants to one plain form: curly quotes, dashes, ellipsis,
/// full-width ASCII forms and ideographic punctuation.
///
/// ```
/// use report_diff::engine::token::fold_typography;
/// assert_eq!(fold_typography('’'), '\'');
/// assert_eq!(fold_typography('Ａ'), 'A');
/// assert_eq!(fold_typography('，'), ',');
/// ```
pub fn fold_typography(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' | '\u{300C}' | '\u{300D}' | '\u{300E}' | '\u{300F}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '\u{2026}' => '.',
        '\u{3001}' => ',',
        '\u{3002}' => '.',
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c),
        _ => c,
    }
}

/// English words too common to tell two sentences apart.
const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "before", "being", "but", "by", "can", "could", "did", "do", "does", "for", "from", "had",
    "has", "have", "he", "her", "his", "how", "i", "if", "in", "into", "is", "it", "it's", "its",
    "just", "may", "more", "most", "not", "of", "on", "one", "or", "other", "our", "over", "said",
    "says", "she", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there",
    "these", "they", "this", "those", "to", "under", "up", "us", "was", "we", "were", "what",
    "when", "which", "while", "who", "will", "with", "would", "you", "your",
];

/// Lower-cases and strips common English suffixes so that "delays", "delayed" and
/// "delaying" meet. Deliberately light: it only has to make variants collide.
pub fn stem(word: &str) -> String {
    let mut w: String = word
        .chars()
        .map(|c| fold_typography(c).to_lowercase().next().unwrap_or(c))
        .collect();
    for suffix in ["'s", "s'"] {
        if w.len() > suffix.len() + 1 && w.ends_with(suffix) {
            w.truncate(w.len() - suffix.len());
        }
    }
    let n = w.chars().count();
    if n > 4 && w.ends_with("ies") {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if n > 5 && w.ends_with("ing") {
        w.truncate(w.len() - 3);
    } else if n > 4 && w.ends_with("ed") {
        w.truncate(w.len() - 2);
    } else if n > 3 && w.ends_with('s') && !w.ends_with("ss") {
        w.truncate(w.len() - 1);
    }
    if w.chars().count() > 4 && w.ends_with('e') {
        w.truncate(w.len() - 1);
    }
    // Collapse a doubled final consonant left by "-ed"/"-ing" ("stopped" → "stop").
    let b = w.as_bytes();
    if b.len() > 4
        && b[b.len() - 1].is_ascii_lowercase()
        && b[b.len() - 1] == b[b.len() - 2]
        && !b"aeioulsz".contains(&b[b.len() - 1])
    {
        w.truncate(w.len() - 1);
    }
    w
}

/// How many characters of a stem count as the feature (truncation stemming).
pub const STEM_PREFIX: usize = 6;

/// True for words that carry no content on their own.
pub fn is_stop_word(lower: &str) -> bool {
    STOP_WORDS.binary_search(&lower).is_ok()
}

/// Writes dotted initialisms without their dots ("U.S." → "US", "e.g." →
/// "eg"), so that they meet the undotted spelling. A run counts when it is
/// at least two single letters, each followed by a dot, not inside a word.
fn fold_initialisms(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let starts_word = i == 0 || !chars[i - 1].is_alphanumeric();
        let mut j = i;
        while starts_word
            && j + 1 < chars.len()
            && chars[j].is_alphabetic()
            && chars[j + 1] == '.'
            && (j + 2 >= chars.len()
                || !chars[j + 2].is_alphabetic()
                || chars.get(j + 3) == Some(&'.'))
        {
            j += 2;
        }
        if (j - i) / 2 >= 2 {
            out.extend(chars[i..j].iter().step_by(2));
            i = j;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// The content features of a piece of text used to match sentences across
/// reports: stemmed content words (`w:`), numbers (`n:`) and CJK character
/// bigrams (`c:`). Latin names and numbers inside Chinese text are kept, which
/// is what lets a translation meet its original. Dotted initialisms lose their
/// dots, and a word in capitals is an acronym even when its lower case is a
/// stop word ("U.S." and "US" meet; "us" is dropped). Which words mean the same
/// is left to the semantic signal: no synonym list here.
///
/// ```
/// use report_diff::engine::token::features;
/// let f = features("Trump delayed the order by 90 days");
/// assert!(f.contains(&"w:delay".to_string()));
/// assert!(features("regulators") == features("regulatory"));
/// assert_eq!(features("AI in the U.S."), features("AI in the US"));
/// assert!(f.contains(&"n:90".to_string()));
/// assert!(!f.iter().any(|t| t == "w:the"));
/// ```
pub fn features(text: &str) -> Vec<String> {
    let folded = fold_initialisms(text);
    let text = folded.as_str();
    let us = units(text, 0);
    let mut out = Vec::new();
    let mut prev_cjk: Option<&str> = None;
    let mut run_len = 0;
    for u in &us {
        let s = &text[u.span.0..u.span.1];
        match u.class {
            UnitClass::Cjk => {
                if let Some(p) = prev_cjk {
                    out.push(format!("c:{p}{s}"));
                }
                prev_cjk = Some(s);
                run_len += 1;
                continue;
            }
            UnitClass::Word => {
                let lower: String = s
                    .chars()
                    .map(|c| fold_typography(c).to_lowercase().next().unwrap_or(c))
                    .collect();
                // A word in capitals is an acronym ("US"), not a stop word ("us").
                let acronym = s.chars().count() > 1 && s.chars().all(char::is_uppercase);
                if lower.chars().count() > 1 && (acronym || !is_stop_word(&lower)) {
                    // Six letters of the stem: "regulation", "regulatory" and
                    // "regulators" meet, as do "administration"/"administrative".
                    let st: String = stem(&lower).chars().take(STEM_PREFIX).collect();
                    out.push(format!("w:{st}"));
                }
            }
            UnitClass::Number => {
                out.push(format!("n:{}", s.replace(',', "")));
            }
            UnitClass::Space | UnitClass::Punct => {}
        }
        if run_len == 1 {
            if let Some(p) = prev_cjk {
                out.push(format!("c:{p}"));
            }
        }
        prev_cjk = None;
        run_len = 0;
    }
    if run_len == 1 {
        if let Some(p) = prev_cjk {
            out.push(format!("c:{p}"));
        }
    }
    sort::sort(&mut out);
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        let mut sorted = STOP_WORDS.to_vec();
        sort::sort(&mut sorted);
        assert_eq!(sorted, STOP_WORDS);
    }

    #[test]
    fn units_cover_text_without_gaps() {
        let t = "U.S. President’s 80% “AI” 特朗普。 GPT-5.5\r\n";
        let us = units(t, 0);
        let mut pos = 0;
        for u in &us {
            assert_eq!(u.span.0, pos);
            pos = u.span.1;
        }
        assert_eq!(pos, t.len());
    }

    #[test]
    fn stems_meet() {
        assert_eq!(stem("delays"), stem("delayed"));
        assert_eq!(stem("delaying"), "delay");
        assert_eq!(stem("stopped"), "stop");
        assert_eq!(stem("models"), stem("model"));
    }

    #[test]
    fn initialisms_and_acronyms() {
        assert_eq!(features("the U.S. order"), features("the US order"));
        assert!(features("the US order").contains(&"w:us".to_string()));
        assert!(!features("told us").contains(&"w:us".to_string()));
        assert_eq!(
            fold_initialisms("J. Smith, U.S.A. and e.g."),
            "J. Smith, USA and eg"
        );
        // Nothing folds "postponed" into "delayed": that is the vectors' job.
        assert_ne!(features("postponed"), features("delayed"));
    }

    #[test]
    fn cjk_bigrams_and_latin_names() {
        let f = features("特朗普推迟AI行政令");
        assert!(f.contains(&"c:特朗".to_string()));
        assert!(f.contains(&"w:ai".to_string()));
        assert!(f.contains(&"c:行政".to_string()));
    }
}
