//! The URL parameters: every view state a reader can share as a link.
//!
//! Pure Rust, tested natively: the browser side only hands over
//! `location.search` and writes back what [`Params::to_query`] returns.
//! Parsing never fails: an unknown value falls back to its default and adds a
//! reader-facing notice; parameters this module does not know (an embedding
//! host's own, say) are kept and written back unchanged.
//!
//! | parameter | values | default |
//! |---|---|---|
//! | `a`, `b` | report ids | the first and the third report |
//! | `view` | `overview`, `split`, `unified`, `translation` | `overview`; `split` when the link names `a` or `b` (`unified` below 700 px) |
//! | `hide` | report ids, comma-separated: reports the overview leaves out | none |
//! | `only` | a report id: the overview shows only what that report adds | none |
//! | `case`, `punct`, `space` | `1` (also `true`, `yes`; `0`, `false`, `no` for off) | off |
//! | `boilerplate` | `fold`, `dim`, `show`, `hide` | `fold` |
//! | `theme` | `light`, `dark`, `auto` | `auto` |
//! | `corpus` | `own`, or the URL of a JSON corpus | the bundled reports |
//!
//! ```
//! use report_diff::params::{Params, Theme};
//! let ids = ["000", "001", "002"];
//! let (p, notices) = Params::parse("?a=001&b=000&theme=dark", &ids);
//! assert_eq!((p.a, p.b, p.theme), (1, 0, Theme::Dark));
//! assert!(notices.is_empty());
//! assert_eq!(p.to_query(&ids), "a=001&b=000&view=split&theme=dark");
//! // Without a pair, the overview of all reports.
//! assert_eq!(Params::parse("", &ids).0.view, report_diff::params::View::Overview);
//! ```

use crate::engine::sort;
use crate::engine::Options;
use crate::view::BoilerplateDisplay;

/// Which view is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    /// All reports at once: summary, coverage, story map, quotes, figures
    /// and names (the landing view).
    #[default]
    Overview,
    /// Two reports side by side, aligned (one column on a narrow screen).
    Split,
    /// One column: each pair's changes interleaved, what only one report
    /// says in between.
    Unified,
    /// A bilingual report's two language blocks side by side.
    Translation,
}

impl View {
    /// All views, in the order the view switch shows them.
    pub const ALL: [View; 4] = [
        View::Overview,
        View::Split,
        View::Unified,
        View::Translation,
    ];

    /// The URL value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Overview => "overview",
            Self::Split => "split",
            Self::Unified => "unified",
            Self::Translation => "translation",
        }
    }
}

/// Colour theme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Theme {
    /// Light colours.
    Light,
    /// Dark colours.
    Dark,
    /// Follow the reader's system setting (`prefers-color-scheme`).
    #[default]
    Auto,
}

impl Theme {
    /// All themes, in the order the theme control lists them.
    pub const ALL: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];

    /// The URL value (also the `data-theme` attribute the style sheet keys on).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Light => "light",
            Self::Dark => "dark",
            Self::Auto => "auto",
        }
    }

    /// What a reader sees in the theme control.
    pub fn label(self) -> &'static str {
        match self {
            Self::Light => "Light",
            Self::Dark => "Dark",
            Self::Auto => "As the system",
        }
    }
}

/// Everything the URL carries.
#[derive(Clone, Debug, PartialEq)]
pub struct Params {
    /// Index of report A among the ids parsing was given.
    pub a: usize,
    /// Index of report B.
    pub b: usize,
    /// The view.
    pub view: View,
    /// Noise options for word-level differences.
    pub opts: Options,
    /// How boilerplate is shown.
    pub boilerplate: BoilerplateDisplay,
    /// Colour theme.
    pub theme: Theme,
    /// Reports the overview leaves out (indices, ascending).
    pub hide: Vec<usize>,
    /// The report whose additions alone the overview shows.
    pub only: Option<usize>,
    /// Where the reports come from: `None` for the bundled ones, `own` for
    /// the reader's own texts (saved in this browser), else the URL of a JSON
    /// corpus (absolute, or relative to the page).
    pub corpus: Option<String>,
    /// Parameters this module does not know, in their order: written back as
    /// they came, so an embedding host's own parameters survive.
    pub extra: Vec<(String, String)>,
}

/// The parameters this module reads; everything else is kept in
/// [`Params::extra`].
const KNOWN: &[&str] = &[
    "a",
    "b",
    "view",
    "case",
    "punct",
    "space",
    "boilerplate",
    "theme",
    "hide",
    "only",
    "corpus",
];

impl Params {
    /// The defaults for a collection with `count` reports: the overview of
    /// all of them; as the pair, the first and the third (or the last, if
    /// there are fewer); nothing ignored.
    pub fn defaults(count: usize) -> Self {
        Params {
            a: 0,
            b: 2.min(count.saturating_sub(1)),
            view: View::default(),
            opts: Options::default(),
            boilerplate: BoilerplateDisplay::default(),
            theme: Theme::default(),
            hide: Vec::new(),
            only: None,
            corpus: None,
            extra: Vec::new(),
        }
    }

    /// Reads a query string (with or without its leading `?`); `ids` are the
    /// report ids in collection order. Returns the parameters and a notice for
    /// every value that was not understood (its default is used instead). When
    /// a parameter is repeated, the last one counts.
    pub fn parse<S: AsRef<str>>(query: &str, ids: &[S]) -> (Self, Vec<String>) {
        let pairs = decode_query(query);
        let get = |k: &str| {
            pairs
                .iter()
                .rev()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.as_str())
        };
        let ids: Vec<&str> = ids.iter().map(AsRef::as_ref).collect();
        let mut p = Params::defaults(ids.len());
        let mut notices = Vec::new();
        for (key, slot) in [("a", &mut p.a), ("b", &mut p.b)] {
            let Some(v) = get(key) else { continue };
            match ids.iter().position(|id| *id == v) {
                Some(i) => *slot = i,
                None => notices.push(format!(
                    "There is no report “{v}” (parameter {key}); showing {} instead. Available: {}.",
                    ids.get(*slot).copied().unwrap_or("none"),
                    ids.join(", ")
                )),
            }
        }
        for (key, slot) in [
            ("case", &mut p.opts.ignore_case),
            ("punct", &mut p.opts.ignore_punctuation),
            ("space", &mut p.opts.ignore_whitespace),
        ] {
            match get(key) {
                None => {}
                Some("1" | "true" | "yes") => *slot = true,
                Some("0" | "false" | "no" | "") => *slot = false,
                Some(v) => notices.push(format!(
                    "Unknown value “{v}” for {key}; use 1 (on) or 0 (off)."
                )),
            }
        }
        if let Some(v) = get("boilerplate") {
            match BoilerplateDisplay::parse(v) {
                Some(m) => p.boilerplate = m,
                None => notices.push(format!(
                    "Unknown boilerplate mode “{v}”; use {}.",
                    or_list(BoilerplateDisplay::ALL.map(BoilerplateDisplay::as_str))
                )),
            }
        }
        // A link that names a pair but no (known) view is a link to that pair
        // (as every link was before the overview became the landing view).
        if get("a").is_some() || get("b").is_some() {
            p.view = View::Split;
        }
        if let Some(v) = get("view") {
            match View::ALL.into_iter().find(|x| x.as_str() == v) {
                Some(x) => p.view = x,
                None => notices.push(format!(
                    "Unknown view “{v}”; use {}.",
                    or_list(View::ALL.map(View::as_str))
                )),
            }
        }
        if let Some(v) = get("hide") {
            for id in v.split(',').map(str::trim).filter(|x| !x.is_empty()) {
                match ids.iter().position(|x| *x == id) {
                    Some(i) if !p.hide.contains(&i) => p.hide.push(i),
                    Some(_) => {}
                    None => notices.push(format!(
                        "There is no report “{id}” to hide (parameter hide). Available: {}.",
                        ids.join(", ")
                    )),
                }
            }
            sort::sort(&mut p.hide);
        }
        if let Some(v) = get("only").filter(|v| !v.is_empty()) {
            match ids.iter().position(|x| *x == v) {
                Some(i) => p.only = Some(i),
                None => notices.push(format!(
                    "There is no report “{v}” (parameter only); showing what all reports say. Available: {}.",
                    ids.join(", ")
                )),
            }
        }
        if let Some(v) = get("theme") {
            match Theme::ALL.into_iter().find(|x| x.as_str() == v) {
                Some(x) => p.theme = x,
                None => notices.push(format!(
                    "Unknown theme “{v}”; use {}.",
                    or_list(Theme::ALL.map(Theme::as_str))
                )),
            }
        }
        p.corpus = get("corpus")
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string);
        p.extra = pairs
            .into_iter()
            .filter(|(k, _)| !KNOWN.contains(&k.as_str()))
            .collect();
        (p, notices)
    }

    /// The query string (without `?`) that reproduces these parameters:
    /// `a`, `b` and `view` always, the others only when not at their default,
    /// then the unknown parameters as they came.
    pub fn to_query<S: AsRef<str>>(&self, ids: &[S]) -> String {
        let id = |i: usize| ids.get(i).map_or("", AsRef::as_ref).to_string();
        let mut q: Vec<(&str, String)> = vec![
            ("a", id(self.a)),
            ("b", id(self.b)),
            ("view", self.view.as_str().to_string()),
        ];
        for (k, on) in [
            ("case", self.opts.ignore_case),
            ("punct", self.opts.ignore_punctuation),
            ("space", self.opts.ignore_whitespace),
        ] {
            if on {
                q.push((k, "1".to_string()));
            }
        }
        if self.boilerplate != BoilerplateDisplay::default() {
            q.push(("boilerplate", self.boilerplate.as_str().to_string()));
        }
        if self.theme != Theme::Auto {
            q.push(("theme", self.theme.as_str().to_string()));
        }
        if !self.hide.is_empty() {
            let list: Vec<String> = self.hide.iter().map(|&i| id(i)).collect();
            q.push(("hide", list.join(",")));
        }
        if let Some(i) = self.only {
            q.push(("only", id(i)));
        }
        if let Some(c) = &self.corpus {
            q.push(("corpus", c.clone()));
        }
        q.extend(self.extra.iter().map(|(k, v)| (k.as_str(), v.clone())));
        encode_query(&q)
    }
}

/// "a, b or c".
fn or_list<const N: usize>(items: [&str; N]) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        Some((last, _)) => last.to_string(),
        None => String::new(),
    }
}

/// Splits a query string into decoded key/value pairs, in order, as
/// `URLSearchParams` does (`application/x-www-form-urlencoded`: `+` is a
/// space, `%XX` a byte; malformed escapes stay as written, invalid UTF-8
/// becomes U+FFFD).
///
/// ```
/// use report_diff::params::decode_query;
/// assert_eq!(decode_query("?a=0%2000&b+c=&d"), [
///     ("a".to_string(), "0 00".to_string()),
///     ("b c".to_string(), String::new()),
///     ("d".to_string(), String::new()),
/// ]);
/// ```
pub fn decode_query(query: &str) -> Vec<(String, String)> {
    query
        .strip_prefix('?')
        .unwrap_or(query)
        .split('&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            (decode_component(k), decode_component(v))
        })
        .collect()
}

fn decode_component(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(byte) => {
                        out.push(byte);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Joins key/value pairs into a query string (without `?`), escaping as
/// `URLSearchParams` does, so [`decode_query`] gives the pairs back.
///
/// ```
/// use report_diff::params::{decode_query, encode_query};
/// let q = encode_query(&[("a", "000".to_string()), ("note", "x & y=z".to_string())]);
/// assert_eq!(q, "a=000&note=x+%26+y%3Dz");
/// assert_eq!(decode_query(&q)[1].1, "x & y=z");
/// ```
pub fn encode_query<K: AsRef<str>>(pairs: &[(K, String)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode_component(k.as_ref()), encode_component(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const IDS: [&str; 5] = ["000", "001", "002", "003", "004"];

    #[test]
    fn an_empty_query_gives_the_defaults() {
        let (p, notices) = Params::parse("", &IDS);
        assert_eq!(p, Params::defaults(5));
        assert_eq!((p.a, p.b), (0, 2));
        assert!(notices.is_empty());
        assert_eq!(p.view, View::Overview);
        assert_eq!(p.to_query(&IDS), "a=000&b=002&view=overview");
    }

    #[test]
    fn a_pair_without_a_view_is_the_pair_view() {
        assert_eq!(Params::parse("a=003&b=004", &IDS).0.view, View::Split);
        assert_eq!(Params::parse("b=004", &IDS).0.view, View::Split);
        assert_eq!(
            Params::parse("a=003&b=004&view=overview", &IDS).0.view,
            View::Overview
        );
        assert_eq!(Params::parse("theme=dark", &IDS).0.view, View::Overview);
    }

    #[test]
    fn hidden_reports_and_one_reports_additions() {
        let (p, notices) = Params::parse("view=overview&hide=004,001,004&only=003", &IDS);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(p.hide, [1, 4]);
        assert_eq!(p.only, Some(3));
        assert_eq!(
            p.to_query(&IDS),
            "a=000&b=002&view=overview&hide=001%2C004&only=003"
        );
        let (p, notices) = Params::parse("hide=009,002&only=x", &IDS);
        assert_eq!((p.hide.as_slice(), p.only), ([2].as_slice(), None));
        assert_eq!(notices.len(), 2, "{notices:?}");
        assert!(notices[0].contains("009") && notices[1].contains("“x”"));
    }

    #[test]
    fn every_parameter_is_read() {
        let (p, notices) = Params::parse(
            "?a=003&b=004&view=translation&case=1&punct=true&space=yes&boilerplate=hide&theme=light",
            &IDS,
        );
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!((p.a, p.b, p.view), (3, 4, View::Translation));
        assert!(p.opts.ignore_case && p.opts.ignore_punctuation && p.opts.ignore_whitespace);
        assert_eq!(p.boilerplate, BoilerplateDisplay::Hide);
        assert_eq!(p.theme, Theme::Light);
        assert_eq!(
            p.to_query(&IDS),
            "a=003&b=004&view=translation&case=1&punct=1&space=1&boilerplate=hide&theme=light"
        );
    }

    #[test]
    fn each_bad_value_gets_a_notice_and_its_default() {
        let (p, notices) = Params::parse(
            "a=999&b=004&view=nope&boilerplate=maybe&theme=sepia&case=perhaps",
            &IDS,
        );
        assert_eq!(
            (p.a, p.b, p.view, p.theme),
            (0, 4, View::Split, Theme::Auto)
        );
        assert_eq!(p.boilerplate, BoilerplateDisplay::Fold);
        assert!(!p.opts.ignore_case);
        assert_eq!(notices.len(), 5, "{notices:?}");
        for (notice, needle) in notices
            .iter()
            .zip(["999", "perhaps", "maybe", "nope", "sepia"])
        {
            assert!(notice.contains(needle), "{notice}");
        }
        assert!(notices[0].contains("000, 001, 002, 003, 004"));
        assert!(notices[3].contains("overview, split, unified or translation"));
        assert!(notices[4].contains("auto, light or dark"));
    }

    #[test]
    fn the_last_repeated_parameter_counts_and_flags_turn_off() {
        let (p, notices) = Params::parse("a=001&a=003&case=1&case=0", &IDS);
        assert!(notices.is_empty());
        assert_eq!(p.a, 3);
        assert!(!p.opts.ignore_case);
    }

    #[test]
    fn unknown_parameters_survive_a_round_trip() {
        let (p, notices) = Params::parse("childId=chart%201&a=001&utm=x", &IDS);
        assert!(notices.is_empty());
        assert_eq!(
            p.to_query(&IDS),
            "a=001&b=002&view=split&childId=chart+1&utm=x"
        );
        let (p, _) = Params::parse("childId=chart%201", &IDS);
        assert_eq!(
            p.to_query(&IDS),
            "a=000&b=002&view=overview&childId=chart+1"
        );
    }

    #[test]
    fn with_one_report_both_sides_show_it() {
        let (p, notices) = Params::parse("b=004", &["x"]);
        assert_eq!((p.a, p.b), (0, 0));
        assert!(notices[0].contains("showing x instead"), "{notices:?}");
        let (p, _) = Params::parse("", &[] as &[&str]);
        assert_eq!((p.a, p.b), (0, 0));
        assert_eq!(p.to_query(&[] as &[&str]), "a=&b=&view=overview");
    }

    #[test]
    fn malformed_escapes_are_kept_literally() {
        assert_eq!(decode_component("100%"), "100%");
        assert_eq!(decode_component("%zz%4"), "%zz%4");
        assert_eq!(decode_component("%E2%80%9C"), "“");
        assert_eq!(decode_component("%FF"), "\u{FFFD}");
    }

    fn params() -> impl Strategy<Value = Params> {
        (
            0..5usize,
            0..5usize,
            prop::sample::select(View::ALL.to_vec()),
            any::<[bool; 3]>(),
            prop::sample::select(BoilerplateDisplay::ALL.to_vec()),
            prop::sample::select(Theme::ALL.to_vec()),
            prop::collection::vec(("[a-z]{1,6}", "\\PC{0,8}"), 0..3),
            prop::collection::btree_set(0..5usize, 0..3),
            prop::option::of(0..5usize),
            prop::option::of("own|[a-z0-9:/._?=&%-]{1,24}"),
        )
            .prop_map(
                |(a, b, view, [c, p, s], boilerplate, theme, extra, hide, only, corpus)| Params {
                    a,
                    b,
                    view,
                    opts: Options {
                        ignore_case: c,
                        ignore_punctuation: p,
                        ignore_whitespace: s,
                    },
                    boilerplate,
                    theme,
                    hide: hide.into_iter().collect(),
                    only,
                    corpus,
                    extra: extra
                        .into_iter()
                        .filter(|(k, _)| !KNOWN.contains(&k.as_str()))
                        .collect(),
                },
            )
    }

    proptest! {
        #[test]
        fn any_parameters_round_trip_through_the_query(p in params()) {
            let (back, notices) = Params::parse(&p.to_query(&IDS), &IDS);
            prop_assert!(notices.is_empty(), "{:?}", notices);
            prop_assert_eq!(back, p);
        }

        #[test]
        fn any_text_round_trips_through_encoding(k in "\\PC{1,12}", v in "\\PC{0,24}") {
            let q = encode_query(&[(k.as_str(), v.clone())]);
            prop_assert_eq!(decode_query(&q), vec![(k, v)]);
        }

        #[test]
        fn parsing_never_panics(q in "\\PC{0,64}") {
            let _ = Params::parse(&q, &IDS);
        }
    }
}
