//! Reports from outside the bundle: a JSON corpus (`?corpus=<url>`) and texts a
//! reader pastes or drops. Pure Rust, tested natively: parsing and checking
//! the corpus schema, decoding text files, the limits, and the rule that keeps
//! a second tab from silently overwriting the first one's saved draft. Every
//! failure is a value whose `Display` is the message a reader sees.
//!
//! The corpus schema (documented in the README):
//!
//! ```json
//! { "title": "Optional title",
//!   "reports": [ { "id": "ap", "outlet": "AP", "headline": "…", "published": "2026-11-24",
//!                  "language": "en", "text": "The report's text…" }, … ] }
//! ```
//!
//! `reports` (2 to [`MAX_REPORTS`]) and, in each, `id` (unique, 1 to 64
//! characters) and `text` (not blank) are required; the other fields are
//! optional strings (or `null`); unknown fields are ignored.
//!
//! ```
//! use report_diff::intake::parse_corpus;
//! let c = parse_corpus(r#"{"reports": [{"id": "a", "text": "One."}, {"id": "b", "text": "Two."}]}"#).unwrap();
//! assert_eq!(c.reports[1].id, "b");
//! let err = parse_corpus(r#"{"reports": [{"id": "a", "text": "One."}, {"id": "a", "text": "Two."}]}"#).unwrap_err();
//! assert_eq!(err.to_string(), "Two reports have the id “a” (reports 1 and 2): ids must be unique.");
//! ```

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::json::{self, Json};

/// Most reports a corpus or a reader's own set may hold (every pair is
/// comparable; the pickers stay usable).
pub const MAX_REPORTS: usize = 20;
/// Largest corpus document, in bytes.
pub const MAX_CORPUS_BYTES: usize = 4 * 1024 * 1024;
/// Largest single text (a report in a corpus, a pasted text, a file), in bytes:
/// a long report or a book chapter; large pairs are compared in a web worker
/// (see [`crate::offload`]).
pub const MAX_TEXT_BYTES: usize = 2 * 1024 * 1024;
/// Longest id, in characters.
pub const MAX_ID_CHARS: usize = 64;
/// Longest title, headline, outlet, date or language, in characters: longer
/// ones are cut (they are labels, not content).
pub const MAX_LABEL_CHARS: usize = 300;
/// How long a corpus fetch may take.
pub const FETCH_TIMEOUT_MS: u32 = 10_000;

/// A report from outside the bundle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// Unique within its corpus; what `a` and `b` name in the URL.
    pub id: String,
    /// The outlet that published it.
    pub outlet: Option<String>,
    /// Its headline.
    pub headline: Option<String>,
    /// When it was published, as the corpus writes it.
    pub published: Option<String>,
    /// Its language, as a BCP 47 tag (`en`, `zh-Hans`), when valid.
    pub language: Option<String>,
    /// The text.
    pub text: String,
}

/// A corpus: a title and at least two reports.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Corpus {
    /// What the reports are about.
    pub title: Option<String>,
    /// The reports, in the corpus's order.
    pub reports: Vec<Report>,
}

/// Why a corpus could not be used. `Display` is the reader-facing message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CorpusError {
    /// The request failed before any answer (offline, DNS, refused, or a
    /// cross-origin answer without CORS permission).
    Network,
    /// The server answered with an error status.
    Status(u16),
    /// No complete answer within [`FETCH_TIMEOUT_MS`].
    Timeout,
    /// The answer is an HTML page (a login wall, an error page, a wrong URL).
    Html,
    /// The answer is larger than [`MAX_CORPUS_BYTES`].
    TooLarge(usize),
    /// The answer is not UTF-8 text.
    NotText,
    /// Not JSON: the parser's message, line and column.
    Json {
        /// What the parser expected.
        message: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// A value of the wrong type at a path (`reports[2].text`).
    Type {
        /// Where.
        path: String,
        /// What the schema wants there.
        expected: &'static str,
        /// What the document has.
        found: &'static str,
    },
    /// Fewer than two reports.
    TooFew(usize),
    /// More than [`MAX_REPORTS`] reports.
    TooMany(usize),
    /// A report (1-based) without an id, or with an empty one.
    MissingId(usize),
    /// An id longer than [`MAX_ID_CHARS`].
    LongId(usize),
    /// Two reports share an id: the id and both positions (1-based).
    DuplicateId(String, usize, usize),
    /// A report without text, or a blank one: its id.
    MissingText(String),
    /// A report's text is larger than [`MAX_TEXT_BYTES`]: its id and size.
    LongText(String, usize),
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use CorpusError::*;
        match self {
            Network => write!(
                f,
                "The corpus could not be fetched: the server did not answer, or it does not let \
                 this page read the file (it must send Access-Control-Allow-Origin)."
            ),
            Status(code) => write!(
                f,
                "The corpus could not be fetched: the server answered {code}{}.",
                status_text(*code).map(|t| format!(" ({t})")).unwrap_or_default()
            ),
            Timeout => write!(
                f,
                "The corpus could not be fetched: no answer within {} seconds.",
                FETCH_TIMEOUT_MS / 1000
            ),
            Html => write!(
                f,
                "The corpus address answered with a web page (HTML), not a JSON corpus: check the address."
            ),
            TooLarge(n) => write!(
                f,
                "The corpus is too large ({}; at most {}).",
                size(*n),
                size(MAX_CORPUS_BYTES)
            ),
            NotText => write!(f, "The corpus is not UTF-8 text, so it cannot be JSON."),
            Json {
                message,
                line,
                column,
            } => write!(
                f,
                "The corpus is not valid JSON: {message} at line {line}, column {column}."
            ),
            Type {
                path,
                expected,
                found,
            } => write!(
                f,
                "The corpus does not follow the schema: {path} should be {expected}, not {found}."
            ),
            TooFew(n) => write!(
                f,
                "The corpus has {n} report{}: at least two are needed to compare.",
                if *n == 1 { "" } else { "s" }
            ),
            TooMany(n) => write!(
                f,
                "The corpus has {n} reports: at most {MAX_REPORTS} can be compared."
            ),
            MissingId(i) => write!(f, "Report {i} of the corpus has no id."),
            LongId(i) => write!(
                f,
                "Report {i} of the corpus has an id longer than {MAX_ID_CHARS} characters."
            ),
            DuplicateId(id, i, j) => write!(
                f,
                "Two reports have the id “{id}” (reports {i} and {j}): ids must be unique."
            ),
            MissingText(id) => write!(f, "Report “{id}” of the corpus has no text."),
            LongText(id, n) => write!(
                f,
                "Report “{id}” of the corpus is too long ({}; at most {} per text).",
                size(*n),
                size(MAX_TEXT_BYTES)
            ),
        }
    }
}

impl std::error::Error for CorpusError {}

fn status_text(code: u16) -> Option<&'static str> {
    Some(match code {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        408 => "Request Timeout",
        410 => "Gone",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => return None,
    })
}

/// "1.2 MB", "800 KB", "12 bytes".
pub fn size(bytes: usize) -> String {
    match bytes {
        b if b >= 1024 * 1024 => {
            // Tenths of a MB, rounded, in integers (no float formatter in the wasm).
            let tenths = (b as u64 * 10 + 512 * 1024) / (1024 * 1024);
            format!("{}.{} MB", tenths / 10, tenths % 10)
        }
        b if b >= 1024 => format!("{} KB", b / 1024),
        b => format!("{b} bytes"),
    }
}

/// True when a body looks like an HTML page rather than JSON: its first
/// non-blank character is `<` (JSON never starts so).
pub fn looks_like_html(body: &str) -> bool {
    body.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n'])
        .starts_with('<')
}

/// Checks a fetched answer before parsing: its size, and whether it is an HTML
/// page (by its content type, or its first character).
pub fn check_answer(content_type: Option<&str>, body: &str) -> Result<(), CorpusError> {
    if body.len() > MAX_CORPUS_BYTES {
        return Err(CorpusError::TooLarge(body.len()));
    }
    let html_type = content_type.is_some_and(|t| {
        let t = t.to_ascii_lowercase();
        t.starts_with("text/html") || t.starts_with("application/xhtml")
    });
    if html_type || looks_like_html(body) {
        return Err(CorpusError::Html);
    }
    Ok(())
}

/// An optional string field: absent or `null` is `None`; cut to
/// [`MAX_LABEL_CHARS`].
fn label(obj: &Json, key: &str, at: &str) -> Result<Option<String>, CorpusError> {
    match obj.get(key) {
        None | Some(Json::Null) => Ok(None),
        Some(Json::String(s)) => {
            let s = s.trim();
            Ok((!s.is_empty()).then(|| s.chars().take(MAX_LABEL_CHARS).collect()))
        }
        Some(other) => Err(CorpusError::Type {
            path: format!("{at}.{key}"),
            expected: "a string",
            found: other.kind(),
        }),
    }
}

/// True for a plausible BCP 47 language tag (`en`, `zh-Hans`, `pt-BR`): only
/// such a tag becomes a `lang` attribute.
pub fn valid_language(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()));
    first_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Parses and checks a corpus document (the body of the answer, as text).
pub fn parse_corpus(body: &str) -> Result<Corpus, CorpusError> {
    check_answer(None, body)?;
    let body = body.strip_prefix('\u{feff}').unwrap_or(body);
    let doc = json::parse(body).map_err(|e| CorpusError::Json {
        message: e.message.to_string(),
        line: e.line,
        column: e.column,
    })?;
    let root = &doc;
    let Json::Object(_) = root else {
        return Err(CorpusError::Type {
            path: "the document".into(),
            expected: "an object with a \"reports\" list",
            found: doc.kind(),
        });
    };
    let title = label(root, "title", "the corpus")?;
    let list = match root.get("reports") {
        Some(Json::Array(list)) => list,
        None => {
            return Err(CorpusError::Type {
                path: "reports".into(),
                expected: "a list of reports",
                found: "missing",
            })
        }
        Some(other) => {
            return Err(CorpusError::Type {
                path: "reports".into(),
                expected: "a list of reports",
                found: other.kind(),
            })
        }
    };
    if list.len() > MAX_REPORTS {
        return Err(CorpusError::TooMany(list.len()));
    }
    let mut reports: Vec<Report> = Vec::with_capacity(list.len());
    for (i, item) in list.iter().enumerate() {
        let at = format!("reports[{i}]");
        let obj @ Json::Object(_) = item else {
            return Err(CorpusError::Type {
                path: at,
                expected: "an object",
                found: item.kind(),
            });
        };
        let id = match obj.get("id") {
            None | Some(Json::Null) => return Err(CorpusError::MissingId(i + 1)),
            Some(Json::String(s)) if s.trim().is_empty() => {
                return Err(CorpusError::MissingId(i + 1))
            }
            Some(Json::String(s)) => s.trim().to_string(),
            // A number is a common way to write an id: accept it as written.
            Some(Json::Number(n)) => n.clone(),
            Some(other) => {
                return Err(CorpusError::Type {
                    path: format!("{at}.id"),
                    expected: "a string",
                    found: other.kind(),
                })
            }
        };
        if id.chars().count() > MAX_ID_CHARS {
            return Err(CorpusError::LongId(i + 1));
        }
        if let Some(j) = reports.iter().position(|r| r.id == id) {
            return Err(CorpusError::DuplicateId(id, j + 1, i + 1));
        }
        let text = match obj.get("text") {
            None | Some(Json::Null) => return Err(CorpusError::MissingText(id)),
            Some(Json::String(s)) if s.trim().is_empty() => {
                return Err(CorpusError::MissingText(id))
            }
            Some(Json::String(s)) => s.clone(),
            Some(other) => {
                return Err(CorpusError::Type {
                    path: format!("{at}.text"),
                    expected: "a string",
                    found: other.kind(),
                })
            }
        };
        if text.len() > MAX_TEXT_BYTES {
            return Err(CorpusError::LongText(id, text.len()));
        }
        reports.push(Report {
            outlet: label(obj, "outlet", &at)?,
            headline: label(obj, "headline", &at)?,
            published: label(obj, "published", &at)?,
            language: label(obj, "language", &at)?.filter(|l| valid_language(l)),
            id,
            text,
        });
    }
    if reports.len() < 2 {
        return Err(CorpusError::TooFew(reports.len()));
    }
    Ok(Corpus { title, reports })
}

/// Why a dropped or picked file cannot be used. `Display` is the message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// Larger than [`MAX_TEXT_BYTES`]: name and size.
    TooLarge(String, usize),
    /// Not text (an image, a PDF, a word-processor file): its name.
    Binary(String),
    /// Text in another encoding than UTF-8 or UTF-16 (Latin-1, Windows-1252): its name.
    NotUtf8(String),
    /// Starts with a UTF-16 byte-order mark but is not valid UTF-16: its name.
    BadUtf16(String),
    /// Empty (or blank): its name.
    Empty(String),
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::TooLarge(name, n) => write!(
                f,
                "“{name}” is too large ({}; at most {} per text).",
                size(*n),
                size(MAX_TEXT_BYTES)
            ),
            FileError::Binary(name) => write!(
                f,
                "“{name}” is not a text file (it looks like an image, a PDF or a document): \
                 save or export it as plain text (.txt) first."
            ),
            FileError::NotUtf8(name) => write!(
                f,
                "“{name}” is not UTF-8 text (perhaps Latin-1 or Windows-1252): save it as \
                 UTF-8 and try again, or paste its text."
            ),
            FileError::BadUtf16(name) => write!(
                f,
                "“{name}” says it is UTF-16 text but is not valid UTF-16: save it as UTF-8 and try again."
            ),
            FileError::Empty(name) => write!(f, "“{name}” is empty."),
        }
    }
}

impl std::error::Error for FileError {}

/// A decoded text file, and a note when it was converted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text (without a byte-order mark).
    pub text: String,
    /// Said to the reader when the file was not plain UTF-8 ("converted from UTF-16").
    pub note: Option<String>,
}

/// Share of control characters (other than tab, line feed, form feed and
/// carriage return) above which a file is taken for binary.
const BINARY_CONTROL_SHARE: f64 = 0.01;

fn is_binary_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}' | '\u{85}')
}

fn mostly_controls(chars: impl Iterator<Item = char>) -> bool {
    let (mut n, mut bad) = (0usize, 0usize);
    for c in chars.take(65_536) {
        n += 1;
        bad += usize::from(is_binary_control(c));
    }
    n > 0 && bad as f64 / n as f64 > BINARY_CONTROL_SHARE
}

/// Decodes a dropped or picked file: UTF-8 (a byte-order mark is dropped) or
/// UTF-16 with a byte-order mark (converted, with a note); anything else is
/// refused with a message that says why.
///
/// ```
/// use report_diff::intake::{decode_file, FileError};
/// assert_eq!(decode_file("a.txt", "Olá".as_bytes()).unwrap().text, "Olá");
/// assert_eq!(decode_file("b.txt", b"Ol\xe1 mundo").unwrap_err(), FileError::NotUtf8("b.txt".into()));
/// ```
pub fn decode_file(name: &str, bytes: &[u8]) -> Result<Decoded, FileError> {
    if bytes.len() > MAX_TEXT_BYTES {
        return Err(FileError::TooLarge(name.into(), bytes.len()));
    }
    let utf16 = match bytes {
        [0xFF, 0xFE, rest @ ..] => {
            Some((rest, u16::from_le_bytes as fn([u8; 2]) -> u16, "UTF-16 LE"))
        }
        [0xFE, 0xFF, rest @ ..] => {
            Some((rest, u16::from_be_bytes as fn([u8; 2]) -> u16, "UTF-16 BE"))
        }
        _ => None,
    };
    let (text, note) = if let Some((rest, unit, label)) = utf16 {
        if rest.len() % 2 != 0 {
            return Err(FileError::BadUtf16(name.into()));
        }
        let units = rest.chunks_exact(2).map(|c| unit([c[0], c[1]]));
        let text: String = char::decode_utf16(units)
            .collect::<Result<_, _>>()
            .map_err(|_| FileError::BadUtf16(name.into()))?;
        (
            text,
            Some(format!("“{name}” was converted from {label} text.")),
        )
    } else {
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match std::str::from_utf8(body) {
            Ok(s) => (s.to_string(), None),
            Err(_) => {
                let latin1 = body.iter().map(|&b| char::from(b));
                return Err(if mostly_controls(latin1) || body.contains(&0) {
                    FileError::Binary(name.into())
                } else {
                    FileError::NotUtf8(name.into())
                });
            }
        }
    };
    if mostly_controls(text.chars()) {
        return Err(FileError::Binary(name.into()));
    }
    if text.trim().is_empty() {
        return Err(FileError::Empty(name.into()));
    }
    Ok(Decoded { text, note })
}

/// A reader's own texts, as saved in the browser (local storage): each with
/// a label, plus who saved them last, so two tabs never overwrite each other
/// unnoticed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// The texts, in order (blank ones included: they are boxes being typed in).
    pub texts: Vec<DraftText>,
    /// Incremented by every save.
    pub revision: u64,
    /// The tab that saved last (a random id per tab).
    pub tab: String,
}

/// One of a reader's own texts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftText {
    /// What the reader named it (a file name, "Text 1").
    pub label: String,
    /// The text.
    pub text: String,
}

/// What a tab may do with its changes, given what storage holds now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveDecision {
    /// Write, as this revision.
    Write(u64),
    /// Another tab saved since this one loaded or last saved: ask the reader
    /// (keep this tab's texts, or take the other's) instead of overwriting.
    Conflict,
}

/// Decides whether a tab may save: it may when storage still holds the
/// revision it last loaded or saved (`base`), or its own save, or nothing.
///
/// ```
/// use report_diff::intake::{save_decision, Draft, SaveDecision};
/// let other = Draft { texts: vec![], revision: 4, tab: "t2".into() };
/// assert_eq!(save_decision(Some(&other), 3, "t1"), SaveDecision::Conflict);
/// assert_eq!(save_decision(Some(&other), 4, "t1"), SaveDecision::Write(5));
/// ```
pub fn save_decision(stored: Option<&Draft>, base: u64, tab: &str) -> SaveDecision {
    match stored {
        None => SaveDecision::Write(base + 1),
        Some(d) if d.revision == base || d.tab == tab => SaveDecision::Write(d.revision + 1),
        Some(_) => SaveDecision::Conflict,
    }
}

/// Reads a saved draft; anything unreadable (an older format, a hand edit)
/// is `None`, never an error that blocks the page.
pub fn read_draft(text: &str) -> Option<Draft> {
    let doc = json::parse(text).ok()?;
    let Some(Json::Array(items)) = doc.get("texts") else {
        return None;
    };
    let texts = items
        .iter()
        .map(|t| {
            Some(DraftText {
                label: t.get("label")?.as_str()?.to_string(),
                text: t.get("text")?.as_str()?.to_string(),
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let Some(Json::Number(revision)) = doc.get("revision") else {
        return None;
    };
    Some(Draft {
        texts,
        revision: revision.parse().ok()?,
        tab: doc.get("tab")?.as_str()?.to_string(),
    })
}

/// Reports from a reader's texts: the non-blank ones, with ids `1`, `2`, …
/// in order and their labels (a file name, "Text 1") where an outlet goes. Errors when fewer than two are
/// usable or one is too long.
pub fn own_reports(texts: &[DraftText]) -> Result<Vec<Report>, String> {
    let usable: Vec<&DraftText> = texts.iter().filter(|t| !t.text.trim().is_empty()).collect();
    if let Some(t) = usable.iter().find(|t| t.text.len() > MAX_TEXT_BYTES) {
        return Err(format!(
            "“{}” is too long ({}; at most {} per text).",
            t.label,
            size(t.text.len()),
            size(MAX_TEXT_BYTES)
        ));
    }
    if usable.len() > MAX_REPORTS {
        return Err(format!(
            "{} texts: at most {MAX_REPORTS} can be compared.",
            usable.len()
        ));
    }
    if usable.len() < 2 {
        return Err("Add at least two texts to compare them.".into());
    }
    Ok(usable
        .iter()
        .enumerate()
        .map(|(i, t)| Report {
            id: (i + 1).to_string(),
            outlet: Some(t.label.clone()).filter(|l| !l.trim().is_empty()),
            headline: None,
            published: None,
            language: None,
            text: t.text.clone(),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two(extra_a: &str) -> String {
        format!(
            r#"{{"title": "T", "reports": [{{"id": "a", "text": "One."{extra_a}}}, {{"id": "b", "text": "Two."}}]}}"#
        )
    }

    #[test]
    fn a_valid_corpus_keeps_everything_it_says() {
        let c = parse_corpus(
            r#"{"title": " Delay ", "reports": [
                {"id": "ap", "outlet": "AP", "headline": "H", "published": "2026-11-24",
                 "language": "en", "text": "Trump delayed it.", "extra": [1, 2]},
                {"id": 7, "text": "<script>alert(1)</script>", "language": "not a tag!"}]}"#,
        )
        .unwrap();
        assert_eq!(c.title.as_deref(), Some("Delay"));
        assert_eq!(c.reports[0].outlet.as_deref(), Some("AP"));
        assert_eq!(c.reports[0].language.as_deref(), Some("en"));
        assert_eq!(c.reports[1].id, "7");
        assert_eq!(c.reports[1].text, "<script>alert(1)</script>");
        assert_eq!(c.reports[1].language, None);
    }

    #[test]
    fn each_broken_corpus_says_what_is_wrong() {
        let cases: Vec<(String, &str)> = vec![
            ("{\"reports\": [".into(), "The corpus is not valid JSON: EOF while parsing a list at line 1, column 13."),
            ("[1, 2]".into(), "The corpus does not follow the schema: the document should be an object with a \"reports\" list, not a list."),
            ("{}".into(), "The corpus does not follow the schema: reports should be a list of reports, not missing."),
            ("{\"reports\": {}}".into(), "The corpus does not follow the schema: reports should be a list of reports, not an object."),
            (two(r#", "headline": 5"#), "The corpus does not follow the schema: reports[0].headline should be a string, not a number."),
            ("{\"reports\": [{\"id\": \"a\", \"text\": 1}, {\"id\": \"b\", \"text\": \"x\"}]}".into(), "The corpus does not follow the schema: reports[0].text should be a string, not a number."),
            ("{\"reports\": [\"x\", \"y\"]}".into(), "The corpus does not follow the schema: reports[0] should be an object, not a string."),
            ("{\"reports\": [{\"text\": \"x\"}, {\"id\": \"b\", \"text\": \"y\"}]}".into(), "Report 1 of the corpus has no id."),
            ("{\"reports\": [{\"id\": \" \", \"text\": \"x\"}, {\"id\": \"b\", \"text\": \"y\"}]}".into(), "Report 1 of the corpus has no id."),
            ("{\"reports\": [{\"id\": \"a\", \"text\": \"x\"}, {\"id\": \"a\", \"text\": \"y\"}]}".into(), "Two reports have the id “a” (reports 1 and 2): ids must be unique."),
            ("{\"reports\": [{\"id\": \"a\"}, {\"id\": \"b\", \"text\": \"y\"}]}".into(), "Report “a” of the corpus has no text."),
            ("{\"reports\": [{\"id\": \"a\", \"text\": \"  \\n\"}, {\"id\": \"b\", \"text\": \"y\"}]}".into(), "Report “a” of the corpus has no text."),
            ("{\"reports\": [{\"id\": \"a\", \"text\": \"x\"}]}".into(), "The corpus has 1 report: at least two are needed to compare."),
            ("<!doctype html><p>Not found</p>".into(), "The corpus address answered with a web page (HTML), not a JSON corpus: check the address."),
        ];
        for (doc, want) in cases {
            assert_eq!(parse_corpus(&doc).unwrap_err().to_string(), want, "{doc}");
        }
    }

    #[test]
    fn limits_are_checked() {
        let many: Vec<String> = (0..=MAX_REPORTS)
            .map(|i| format!(r#"{{"id": "{i}", "text": "t"}}"#))
            .collect();
        let doc = format!(r#"{{"reports": [{}]}}"#, many.join(","));
        assert_eq!(
            parse_corpus(&doc).unwrap_err(),
            CorpusError::TooMany(MAX_REPORTS + 1)
        );
        let long = "x".repeat(MAX_TEXT_BYTES + 1);
        let doc = format!(
            r#"{{"reports": [{{"id": "a", "text": "{long}"}}, {{"id": "b", "text": "y"}}]}}"#
        );
        assert!(matches!(parse_corpus(&doc), Err(CorpusError::LongText(id, _)) if id == "a"));
        let doc = format!(
            r#"{{"reports": [{{"id": "{}", "text": "x"}}, {{"id": "b", "text": "y"}}]}}"#,
            "i".repeat(65)
        );
        assert_eq!(parse_corpus(&doc).unwrap_err(), CorpusError::LongId(1));
        let huge = " ".repeat(MAX_CORPUS_BYTES + 1);
        assert_eq!(
            parse_corpus(&huge).unwrap_err(),
            CorpusError::TooLarge(MAX_CORPUS_BYTES + 1)
        );
    }

    #[test]
    fn answers_that_are_pages_are_recognised() {
        assert_eq!(
            check_answer(Some("text/html; charset=utf-8"), "{}"),
            Err(CorpusError::Html)
        );
        assert_eq!(
            check_answer(Some("application/json"), "\u{feff}  <html>"),
            Err(CorpusError::Html)
        );
        assert_eq!(
            check_answer(Some("application/json"), "{\"reports\": []}"),
            Ok(())
        );
        assert_eq!(
            CorpusError::Status(404).to_string(),
            "The corpus could not be fetched: the server answered 404 (Not Found)."
        );
        assert_eq!(
            CorpusError::Timeout.to_string(),
            "The corpus could not be fetched: no answer within 10 seconds."
        );
    }

    #[test]
    fn files_decode_or_say_why_not() {
        // UTF-8, with and without a byte-order mark.
        assert_eq!(decode_file("a", b"\xEF\xBB\xBFHi").unwrap().text, "Hi");
        // UTF-16 with a byte-order mark, both byte orders: converted, with a note.
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Hé 中".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Hé 中".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        for (bytes, label) in [(le, "UTF-16 LE"), (be, "UTF-16 BE")] {
            let d = decode_file("u.txt", &bytes).unwrap();
            assert_eq!(d.text, "Hé 中");
            assert_eq!(
                d.note.unwrap(),
                format!("“u.txt” was converted from {label} text.")
            );
        }
        assert_eq!(
            decode_file("odd", &[0xFF, 0xFE, 0x41]).unwrap_err(),
            FileError::BadUtf16("odd".into())
        );
        // An unpaired surrogate.
        assert_eq!(
            decode_file("s", &[0xFF, 0xFE, 0x00, 0xD8]).unwrap_err(),
            FileError::BadUtf16("s".into())
        );
        // Latin-1 / Windows-1252 prose.
        assert_eq!(
            decode_file(
                "l",
                "Café crème, à côté."
                    .chars()
                    .map(|c| c as u8)
                    .collect::<Vec<_>>()
                    .as_slice()
            )
            .unwrap_err(),
            FileError::NotUtf8("l".into())
        );
        // Binary: a PNG header, a file full of NULs, control bytes in valid UTF-8.
        assert_eq!(
            decode_file("p.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01").unwrap_err(),
            FileError::Binary("p.png".into())
        );
        assert_eq!(
            decode_file("z", &[0u8; 64]).unwrap_err(),
            FileError::Binary("z".into())
        );
        assert_eq!(
            decode_file("e", b"  \n").unwrap_err(),
            FileError::Empty("e".into())
        );
        assert!(matches!(
            decode_file("big", &vec![b'a'; MAX_TEXT_BYTES + 1]),
            Err(FileError::TooLarge(_, _))
        ));
        // A text with one stray NUL among many characters is still text.
        let mut t = "word ".repeat(100).into_bytes();
        t[7] = 0;
        assert!(decode_file("n", &t).is_ok());
    }

    #[test]
    fn a_second_tab_never_overwrites_silently() {
        let stored = |rev: u64, tab: &str| Draft {
            texts: vec![],
            revision: rev,
            tab: tab.into(),
        };
        // First save ever.
        assert_eq!(save_decision(None, 0, "t1"), SaveDecision::Write(1));
        // Nobody else saved since: go on.
        assert_eq!(
            save_decision(Some(&stored(3, "t1")), 3, "t1"),
            SaveDecision::Write(4)
        );
        // Another tab saved after this one loaded revision 3.
        assert_eq!(
            save_decision(Some(&stored(4, "t2")), 3, "t1"),
            SaveDecision::Conflict
        );
        // This tab loaded the other tab's revision 4: its save follows it.
        assert_eq!(
            save_decision(Some(&stored(4, "t2")), 4, "t1"),
            SaveDecision::Write(5)
        );
        assert_eq!(read_draft("not json"), None);
        let d = Draft {
            texts: vec![DraftText {
                label: "x".into(),
                text: "y".into(),
            }],
            revision: 2,
            tab: "t".into(),
        };
        assert_eq!(read_draft(&serde_json::to_string(&d).unwrap()), Some(d));
        // What serde would have refused is unreadable here too.
        for bad in [
            r#"{"texts": [], "revision": 1}"#,
            r#"{"texts": [{"label": "x"}], "revision": 1, "tab": "t"}"#,
            r#"{"texts": [], "revision": -1, "tab": "t"}"#,
            r#"{"texts": [], "revision": 1.5, "tab": "t"}"#,
            r#"{"texts": {}, "revision": 1, "tab": "t"}"#,
            r#"[]"#,
        ] {
            assert_eq!(read_draft(bad), None, "{bad}");
        }
        let extra = r#"{"texts": [{"label": "a", "text": "b", "more": 1}], "revision": 3, "tab": "t", "v": 2}"#;
        assert_eq!(
            read_draft(extra).map(|d| (d.revision, d.texts.len())),
            Some((3, 1))
        );
    }

    #[test]
    fn own_texts_become_reports() {
        let t = |l: &str, s: &str| DraftText {
            label: l.into(),
            text: s.into(),
        };
        assert_eq!(
            own_reports(&[t("A", "x")]).unwrap_err(),
            "Add at least two texts to compare them."
        );
        let r = own_reports(&[t("A", "x"), t("", "   "), t("", "y")]).unwrap();
        assert_eq!(
            r.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
            ["1", "2"]
        );
        assert_eq!(r[0].outlet.as_deref(), Some("A"));
        assert_eq!(r[1].outlet, None);
    }
}
