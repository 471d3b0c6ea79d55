//! A small JSON reader for the documents the app reads: a corpus, a saved
//! draft, the bundled manifest.
//!
//! serde_json's deserializer, with serde's visitor machinery and the float
//! formatting its error messages use, was about 35 KB of the app's wasm; the
//! app only needs a document tree to check field by field. Parsing follows
//! RFC 8259 strictly (what serde_json accepts, this accepts; a property test
//! checks both on arbitrary documents), and the errors carry serde_json's
//! wording and its line and column (the column counts characters), so a
//! reader sees the same messages as before. Numbers are kept as written.
//! Writing JSON is still serde_json's job (it is small).
//!
//! ```
//! use report_diff::json::{parse, Json};
//! let doc = parse(r#"{"id": 7, "tags": ["a"]}"#).unwrap();
//! assert_eq!(doc.get("id"), Some(&Json::Number("7".into())));
//! let err = parse(r#"{"id": 7,"#).unwrap_err();
//! assert_eq!((err.message, err.line, err.column), ("EOF while parsing a value", 1, 9));
//! ```

use std::fmt;

/// Deepest nesting of lists and objects (serde_json's limit): deeper input is
/// refused rather than recursed into.
const MAX_DEPTH: usize = 128;

/// A JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, exactly as written (`7`, `-1.5e3`).
    Number(String),
    /// A string, unescaped.
    String(String),
    /// A list.
    Array(Vec<Json>),
    /// An object's members in document order (a repeated key: the last wins
    /// in [`Json::get`], as in serde_json).
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The member `key` of an object (`None` for a missing key or a non-object).
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|m| &m.1),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// What kind of value this is, as a reader-facing phrase ("a number").
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "true or false",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "a list",
            Json::Object(_) => "an object",
        }
    }
}

/// Why a text is not JSON, and where (1-based line and column).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// What went wrong, in serde_json's words ("EOF while parsing a list").
    pub message: &'static str,
    /// 1-based line.
    pub line: usize,
    /// Characters from the start of the line up to and including the one at
    /// fault (at the end of the text: all of the last line's).
    pub column: usize,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.message, self.line, self.column
        )
    }
}

/// Parses a whole document: one value, with only whitespace around it.
pub fn parse(text: &str) -> Result<Json, Error> {
    let mut p = Parser {
        s: text.as_bytes(),
        text,
        at: 0,
    };
    let v = p.value(0)?;
    p.skip_ws();
    if p.at < p.s.len() {
        return Err(p.error_here("trailing characters"));
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a [u8],
    text: &'a str,
    at: usize,
}

impl Parser<'_> {
    /// An error at byte offset `end` (exclusive: the column counts what lies before it).
    fn error_at(&self, message: &'static str, end: usize) -> Error {
        let end = end.min(self.s.len());
        let before = &self.s[..end];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        // UTF-8 continuation bytes are not characters.
        let column = before[line_start..]
            .iter()
            .filter(|&&b| b & 0xC0 != 0x80)
            .count();
        Error {
            message,
            line: 1 + before.iter().filter(|&&b| b == b'\n').count(),
            column,
        }
    }

    /// An error at the character under the cursor (or at the end).
    fn error_here(&self, message: &'static str) -> Error {
        let width = self.text[self.at.min(self.text.len())..]
            .chars()
            .next()
            .map_or(0, char::len_utf8);
        self.error_at(message, self.at + width)
    }

    fn eof(&self, message: &'static str) -> Error {
        self.error_at(message, self.s.len())
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.at).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, Error> {
        self.skip_ws();
        match self.peek() {
            None => Err(self.eof("EOF while parsing a value")),
            Some(b'n') => self.literal("null", Json::Null),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'"') => {
                self.at += 1;
                self.string().map(Json::String)
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'[') => self.array(depth + 1),
            Some(b'{') => self.object(depth + 1),
            Some(_) => Err(self.error_here("expected value")),
        }
    }

    fn literal(&mut self, word: &str, v: Json) -> Result<Json, Error> {
        for &want in word.as_bytes() {
            match self.peek() {
                None => return Err(self.eof("EOF while parsing a value")),
                Some(b) if b == want => self.at += 1,
                Some(_) => return Err(self.error_here("expected ident")),
            }
        }
        Ok(v)
    }

    fn digits(&mut self) -> usize {
        let from = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - from
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept as written.
    fn number(&mut self) -> Result<Json, Error> {
        let from = self.at;
        let need_digit = |p: &Self| match p.peek() {
            None => Err(p.eof("EOF while parsing a value")),
            Some(_) => Err(p.error_here("invalid number")),
        };
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.at += 1;
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err(self.error_here("invalid number"));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return need_digit(self),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return need_digit(self);
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return need_digit(self);
            }
        }
        Ok(Json::Number(self.text[from..self.at].to_string()))
    }

    /// Four hex digits of a `\u` escape.
    fn hex4(&mut self) -> Result<u32, Error> {
        let mut n = 0;
        for _ in 0..4 {
            let d = match self.peek() {
                None => return Err(self.eof("EOF while parsing a string")),
                Some(b) => (b as char).to_digit(16),
            };
            let Some(d) = d else {
                return Err(self.error_here("invalid escape"));
            };
            n = n * 16 + d;
            self.at += 1;
        }
        Ok(n)
    }

    /// The rest of a string whose opening quote is consumed.
    fn string(&mut self) -> Result<String, Error> {
        let mut out = String::new();
        loop {
            // Copy the run up to the next quote, backslash or control character.
            let from = self.at;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.at += 1;
            }
            // The run ends before an ASCII byte (or at the end), so on a char boundary.
            out.push_str(&self.text[from..self.at]);
            match self.peek() {
                None => return Err(self.eof("EOF while parsing a string")),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let Some(e) = self.peek() else {
                        return Err(self.eof("EOF while parsing a string"));
                    };
                    self.at += 1;
                    let c = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => {
                            self.at -= 1;
                            return Err(self.error_here("invalid escape"));
                        }
                    };
                    out.push(c);
                }
                Some(_) => {
                    return Err(self.error_here(
                        "control character (\\u0000-\\u001F) found while parsing a string",
                    ))
                }
            }
        }
    }

    /// The character of a `\u` escape whose `\u` is consumed (a surrogate pair
    /// takes two escapes).
    fn unicode_escape(&mut self) -> Result<char, Error> {
        let n = self.hex4()?;
        let code = match n {
            0xD800..=0xDBFF => {
                if self.s.get(self.at..self.at + 2) != Some(b"\\u") {
                    return Err(self.error_here("unexpected end of hex escape"));
                }
                self.at += 2;
                let low = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(self.error_at("lone leading surrogate in hex escape", self.at));
                }
                0x10000 + ((n - 0xD800) << 10) + (low - 0xDC00)
            }
            // serde_json's words for a lone trailing surrogate too.
            0xDC00..=0xDFFF => {
                return Err(self.error_at("lone leading surrogate in hex escape", self.at))
            }
            n => n,
        };
        char::from_u32(code).ok_or_else(|| self.error_at("invalid unicode code point", self.at))
    }

    fn array(&mut self, depth: usize) -> Result<Json, Error> {
        if depth > MAX_DEPTH {
            return Err(self.error_here("recursion limit exceeded"));
        }
        self.at += 1;
        let mut items = Vec::new();
        self.skip_ws();
        match self.peek() {
            None => return Err(self.eof("EOF while parsing a list")),
            Some(b']') => {
                self.at += 1;
                return Ok(Json::Array(items));
            }
            Some(_) => {}
        }
        loop {
            items.push(self.value(depth)?);
            self.skip_ws();
            match self.peek() {
                None => return Err(self.eof("EOF while parsing a list")),
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Json::Array(items));
                }
                Some(_) => return Err(self.error_here("expected `,` or `]`")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, Error> {
        if depth > MAX_DEPTH {
            return Err(self.error_here("recursion limit exceeded"));
        }
        self.at += 1;
        let mut members = Vec::new();
        self.skip_ws();
        match self.peek() {
            None => return Err(self.eof("EOF while parsing an object")),
            Some(b'}') => {
                self.at += 1;
                return Ok(Json::Object(members));
            }
            Some(_) => {}
        }
        loop {
            self.skip_ws();
            match self.peek() {
                None => return Err(self.eof("EOF while parsing a value")),
                Some(b'"') => self.at += 1,
                Some(_) => return Err(self.error_here("key must be a string")),
            }
            let key = self.string()?;
            self.skip_ws();
            match self.peek() {
                None => return Err(self.eof("EOF while parsing an object")),
                Some(b':') => self.at += 1,
                Some(_) => return Err(self.error_here("expected `:`")),
            }
            let v = self.value(depth)?;
            members.push((key, v));
            self.skip_ws();
            match self.peek() {
                None => return Err(self.eof("EOF while parsing an object")),
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Json::Object(members));
                }
                Some(_) => return Err(self.error_here("expected `,` or `}`")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The same value as serde_json's (numbers compared as serde_json reads them).
    fn same(ours: &Json, theirs: &serde_json::Value) -> bool {
        use serde_json::Value as V;
        match (ours, theirs) {
            (Json::Null, V::Null) => true,
            (Json::Bool(a), V::Bool(b)) => a == b,
            (Json::Number(a), V::Number(_)) => {
                serde_json::from_str::<V>(a).ok().as_ref() == Some(theirs)
            }
            (Json::String(a), V::String(b)) => a == b,
            (Json::Array(a), V::Array(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
            }
            (Json::Object(a), V::Object(b)) => {
                b.iter()
                    .all(|(k, v)| ours.get(k).is_some_and(|x| same(x, v)))
                    && a.iter().all(|(k, _)| b.contains_key(k))
            }
            _ => false,
        }
    }

    fn json_value() -> impl Strategy<Value = serde_json::Value> {
        use serde_json::Value as V;
        let leaf = prop_oneof![
            Just(V::Null),
            any::<bool>().prop_map(V::Bool),
            any::<i64>().prop_map(V::from),
            (-1e300f64..1e300).prop_map(V::from),
            any::<String>().prop_map(V::String),
        ];
        leaf.prop_recursive(4, 40, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(V::Array),
                proptest::collection::vec((any::<String>(), inner), 0..6)
                    .prop_map(|m| V::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        /// Whatever serde_json writes, this reads back to the same value.
        #[test]
        fn reads_what_serde_json_writes(v in json_value(), pretty in any::<bool>()) {
            let text = if pretty { serde_json::to_string_pretty(&v) } else { serde_json::to_string(&v) }.unwrap();
            let ours = parse(&text).unwrap();
            prop_assert!(same(&ours, &v), "{text}");
        }

        /// A document cut anywhere: refused with serde_json's message and
        /// line (and column, on ASCII text), or read as the same value.
        #[test]
        fn cut_documents_fail_as_in_serde_json(v in json_value(), cut in 0.0f64..1.0) {
            let text = serde_json::to_string_pretty(&v).unwrap();
            let mut at = (text.len() as f64 * cut) as usize;
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let text = &text[..at];
            match (parse(text), serde_json::from_str::<serde_json::Value>(text)) {
                (Ok(ours), Ok(theirs)) => prop_assert!(same(&ours, &theirs), "{text:?}"),
                (Err(e), Err(theirs)) => {
                    prop_assert!(theirs.to_string().starts_with(e.message), "{text:?}: {e} / {theirs}");
                    prop_assert_eq!(e.line, theirs.line());
                    if text.is_ascii() {
                        prop_assert_eq!(e.column, theirs.column());
                    }
                }
                (ours, theirs) => prop_assert!(false, "{text:?}: ours {ours:?}, serde_json {theirs:?}"),
            }
        }

        /// On any text (mostly broken JSON), both accept or both refuse, and
        /// what both accept is the same value; refusals point into the text.
        #[test]
        fn accepts_and_refuses_like_serde_json(text in "[\\[\\]{}\":,0-9a-z\\\\. eE+\\-\n\u{1}é]{0,24}") {
            let theirs = serde_json::from_str::<serde_json::Value>(&text);
            match (parse(&text), theirs) {
                (Ok(ours), Ok(theirs)) => prop_assert!(same(&ours, &theirs), "{text:?}"),
                (Err(e), Err(_)) => prop_assert!(e.line >= 1 && e.line <= text.lines().count().max(1) + 1),
                (ours, theirs) => prop_assert!(false, "{text:?}: ours {ours:?}, serde_json {theirs:?}"),
            }
        }
    }

    #[test]
    fn errors_say_what_and_where_as_serde_json_does() {
        for (text, message, line, column) in [
            ("", "EOF while parsing a value", 1, 0),
            ("{\"reports\": [", "EOF while parsing a list", 1, 13),
            (
                "{\"reports\": [{\"id\": \"a\", \"text\": \"x\"},",
                "EOF while parsing a value",
                1,
                38,
            ),
            ("{\"a\": x}", "expected value", 1, 7),
            ("{\"a\" 1}", "expected `:`", 1, 6),
            ("{\"a\": 1 \"b\"}", "expected `,` or `}`", 1, 9),
            ("[1 2]", "expected `,` or `]`", 1, 4),
            ("{1: 2}", "key must be a string", 1, 2),
            ("[1] x", "trailing characters", 1, 5),
            ("[tru]", "expected ident", 1, 5),
            ("[01]", "invalid number", 1, 3),
            ("[1.]", "invalid number", 1, 4),
            ("[-]", "invalid number", 1, 3),
            ("[\"a\\q\"]", "invalid escape", 1, 5),
            (
                "[\"\u{1}\"]",
                "control character (\\u0000-\\u001F) found while parsing a string",
                1,
                3,
            ),
            ("[\"abc", "EOF while parsing a string", 1, 5),
            ("[\"\\ud800\"]", "unexpected end of hex escape", 1, 9),
            (
                "[\"\\ud800\\u0041\"]",
                "lone leading surrogate in hex escape",
                1,
                14,
            ),
            (
                "[\"\\udc00\"]",
                "lone leading surrogate in hex escape",
                1,
                8,
            ),
            ("[\n  \"é\",\n  x]", "expected value", 3, 3),
        ] {
            let e = parse(text).unwrap_err();
            assert_eq!(
                (e.message, e.line, e.column),
                (message, line, column),
                "{text:?}"
            );
            // serde_json agrees on the message and the line; on ASCII input, the column too.
            let theirs = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
            assert!(
                theirs.to_string().starts_with(message),
                "{text:?}: {theirs}"
            );
            assert_eq!(theirs.line(), line, "{text:?}");
            if text.is_ascii() {
                assert_eq!(theirs.column(), column, "{text:?}");
            }
        }
    }

    #[test]
    fn values_strings_and_numbers_as_written() {
        let doc = parse(
            " {\"a\": [true, false, null, -0.5e+3, \"\\u00e9\\ud83d\\ude00\\n\"], \"a\": 1} ",
        )
        .unwrap();
        assert_eq!(doc.get("a"), Some(&Json::Number("1".into())));
        let Json::Object(members) = &doc else {
            panic!()
        };
        assert_eq!(
            members[0].1,
            Json::Array(vec![
                Json::Bool(true),
                Json::Bool(false),
                Json::Null,
                Json::Number("-0.5e+3".into()),
                Json::String("é😀\n".into()),
            ])
        );
        assert_eq!(doc.get("b"), None);
        assert_eq!(Json::Null.get("a"), None);
    }

    #[test]
    fn deep_nesting_is_refused_not_recursed() {
        let deep = "[".repeat(100_000);
        assert_eq!(
            parse(&deep).unwrap_err().message,
            "recursion limit exceeded"
        );
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
    }
}
