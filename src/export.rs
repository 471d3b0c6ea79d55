//! Exports of the current comparison: the engine's model as JSON, one
//! self-contained HTML file, and Markdown for the clipboard.
//!
//! Pure Rust, tested natively. Every export carries both reports' texts in
//! full (folded rows are written out); report texts are escaped, never
//! interpreted, so a hostile text stays text.
//!
//! ```
//! use report_diff::engine::{compare, Options};
//! use report_diff::export::{Export, Report};
//! use report_diff::view::{split_model, BoilerplateDisplay};
//! let (a, b) = ("Trump delayed the AI order on Monday.", "Trump paused the AI order on Monday.");
//! let cmp = compare(a, b, &Options::default());
//! let model = split_model(&cmp, a, b, BoilerplateDisplay::Fold);
//! let e = Export {
//!     a: Report { id: "x", title: "First", text: a },
//!     b: Report { id: "y", title: "Second", text: b },
//!     options: Options::default(),
//!     comparison: &cmp,
//!     model: &model,
//! };
//! assert!(e
//!     .markdown()
//!     .contains("| Trump ~~delayed~~ the AI order on Monday. | Trump **paused** the AI order on Monday. |"));
//! assert_eq!(e.file_name("json"), "report-diff-x-vs-y.json");
//! ```

use serde::Serialize;

use crate::engine::score::percent;
use crate::engine::{Comparison, Options};
use crate::view::{Block, Cell, Piece, Side, Slot, SplitModel, SplitRow};

/// One of the two reports, as the export names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Report<'a> {
    /// Its id ("000").
    pub id: &'a str,
    /// Its headline or short title.
    pub title: &'a str,
    /// Its whole text, as compared.
    pub text: &'a str,
}

/// Everything an export needs: the two reports, the options, the engine's
/// comparison and the view model built from it.
#[derive(Clone, Copy, Debug)]
pub struct Export<'a> {
    /// Report A.
    pub a: Report<'a>,
    /// Report B.
    pub b: Report<'a>,
    /// The noise options the comparison used.
    pub options: Options,
    /// The engine's comparison of A with B.
    pub comparison: &'a Comparison,
    /// The view model of that comparison.
    pub model: &'a SplitModel,
}

/// The JSON export's top level.
#[derive(Serialize)]
struct JsonExport<'a> {
    format: &'static str,
    version: u32,
    a: Report<'a>,
    b: Report<'a>,
    options: Options,
    comparison: &'a Comparison,
}

/// The version of the JSON export's layout (`format` = "report-diff comparison").
pub const JSON_VERSION: u32 = 1;

impl Export<'_> {
    /// `report-diff-000-vs-002.<ext>`, with anything but letters, digits,
    /// `-` and `_` in the ids replaced.
    pub fn file_name(&self, ext: &str) -> String {
        let safe = |id: &str| -> String {
            id.chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                        c
                    } else {
                        '_'
                    }
                })
                .collect()
        };
        format!(
            "report-diff-{}-vs-{}.{ext}",
            safe(self.a.id),
            safe(self.b.id)
        )
    }

    /// The engine's model with both texts: `{format, version, a: {id, title,
    /// text}, b, options, comparison}`; the comparison's byte ranges index
    /// into `a.text` and `b.text`.
    pub fn json(&self) -> String {
        serde_json::to_string_pretty(&JsonExport {
            format: "report-diff comparison",
            version: JSON_VERSION,
            a: self.a,
            b: self.b,
            options: self.options,
            comparison: self.comparison,
        })
        // Serialising plain data to a string cannot fail; an error would be
        // a bug, and an empty export says so rather than panicking.
        .unwrap_or_default()
    }

    fn ignoring(&self) -> String {
        let o = &self.options;
        let list: Vec<&str> = [
            (o.ignore_case, "case"),
            (o.ignore_punctuation, "punctuation and typography"),
            (o.ignore_whitespace, "whitespace"),
        ]
        .into_iter()
        .filter_map(|(on, what)| on.then_some(what))
        .collect();
        if list.is_empty() {
            "nothing".to_string()
        } else {
            list.join(", ")
        }
    }

    fn heading(&self) -> String {
        format!("How the reports differ: {} and {}", self.a.id, self.b.id)
    }

    fn facts(&self) -> String {
        format!(
            "{} · {} similar · ignoring {}",
            plural(self.model.changes.len(), "change", "changes"),
            percent(self.comparison.similarity),
            self.ignoring()
        )
    }

    /// One HTML file that shows the comparison side by side with no network
    /// and no script: `css` (the app's style sheet) is inlined, every folded
    /// row is written out.
    pub fn html(&self, css: &str) -> String {
        let mut out = String::with_capacity(self.a.text.len() * 3 + self.b.text.len() * 3);
        out.push_str("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.push_str("<meta name=\"color-scheme\" content=\"light dark\">\n");
        out.push_str(&format!("<title>{}</title>\n", esc(&self.heading())));
        // A style sheet cannot end the element early.
        out.push_str(&format!(
            "<style>\n{}\n</style>\n</head>\n<body>\n",
            css.replace("</", "<\\/")
        ));
        out.push_str("<main id=\"app-root\" class=\"export\" data-theme=\"auto\">\n");
        out.push_str(&format!("<h1>{}</h1>\n", esc(&self.heading())));
        out.push_str("<ul class=\"export-meta\">\n");
        for (side, r) in [(Side::A, &self.a), (Side::B, &self.b)] {
            out.push_str(&format!(
                "<li><strong>{} · {}</strong> {}</li>\n",
                side.letter(),
                esc(r.id),
                esc(r.title)
            ));
        }
        out.push_str(&format!("<li>{}</li>\n</ul>\n", esc(&self.facts())));
        out.push_str("<table class=\"cmp\">\n");
        out.push_str(&format!(
            "<caption class=\"visually-hidden\">Report {} (A) beside report {} (B), passage by passage</caption>\n",
            esc(self.a.id),
            esc(self.b.id)
        ));
        out.push_str(&format!(
            "<thead><tr><th scope=\"col\">A · {}</th><th scope=\"col\">B · {}</th></tr></thead>\n<tbody>\n",
            esc(self.a.id),
            esc(self.b.id)
        ));
        for block in &self.model.blocks {
            match block {
                Block::Row(r) => html_row(&mut out, r),
                Block::Fold(f) => {
                    out.push_str(&format!(
                        "<tr class=\"fold-line\"><td colspan=\"2\">{}</td></tr>\n",
                        esc(&f.open_label)
                    ));
                    for r in &f.rows {
                        html_row(&mut out, r);
                    }
                }
            }
        }
        out.push_str("</tbody>\n</table>\n</main>\n</body>\n</html>\n");
        out
    }

    /// The comparison as a Markdown table (GitHub flavour): removed words
    /// ~~struck through~~, added words in **bold**, every row written out.
    pub fn markdown(&self) -> String {
        let mut out = format!("# {}\n\n", md_text(&self.heading()));
        for (side, r) in [(Side::A, &self.a), (Side::B, &self.b)] {
            out.push_str(&format!(
                "- **{} · {}:** {}\n",
                side.letter(),
                md_text(r.id),
                md_text(r.title)
            ));
        }
        out.push_str(&format!("- {}\n\n", md_text(&self.facts())));
        out.push_str(&format!(
            "| A · {} | B · {} |\n| --- | --- |\n",
            md_text(self.a.id),
            md_text(self.b.id)
        ));
        for r in self.model.rows() {
            out.push_str(&format!("| {} | {} |\n", md_slot(&r.a), md_slot(&r.b)));
        }
        out
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Escapes text for HTML content and attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn html_pieces(out: &mut String, pieces: &[Piece]) {
    for p in pieces {
        match p {
            Piece::Same(t) => out.push_str(&esc(t)),
            Piece::Removed(t) => out.push_str(&format!("<del>{}</del>", esc(t))),
            Piece::Added(t) => out.push_str(&format!("<ins>{}</ins>", esc(t))),
        }
    }
}

fn html_cell(out: &mut String, side: Side, c: &Cell) {
    out.push_str(&format!(
        "<td class=\"cell {}{}{}\" data-pane=\"{}\">",
        c.kind.class(),
        if c.boilerplate.is_some() {
            " boilerplate"
        } else {
            ""
        },
        if c.translation { " translation" } else { "" },
        side.as_str()
    ));
    if let Some(b) = &c.badge {
        out.push_str(&format!("<span class=\"badge\">{}</span>", esc(b)));
    }
    out.push_str("<span class=\"text\" data-text=\"\">");
    html_pieces(out, &c.pieces);
    out.push_str("</span>");
    if let Some(n) = &c.numbers {
        out.push_str(&format!("<p class=\"numbers\">{}</p>", esc(n)));
    }
    out.push_str("</td>");
}

fn html_row(out: &mut String, r: &SplitRow) {
    out.push_str(if r.paragraph_start {
        "<tr class=\"row para\">"
    } else {
        "<tr class=\"row\">"
    });
    for side in Side::BOTH {
        match side.pick(&r.a, &r.b) {
            Slot::Cell(c) => html_cell(out, side, c),
            Slot::Echo(e) => {
                out.push_str(&format!(
                    "<td class=\"cell echo\" data-pane=\"{}\"><span class=\"echo-note\">{}</span> <span class=\"text\">",
                    side.as_str(),
                    esc(&e.note)
                ));
                html_pieces(out, &e.pieces);
                out.push_str("</span></td>");
            }
            Slot::Gap { note, .. } => out.push_str(&format!(
                "<td class=\"cell gap\" data-pane=\"{}\"><span class=\"visually-hidden\">{}</span></td>",
                side.as_str(),
                esc(note)
            )),
        }
    }
    out.push_str("</tr>\n");
}

/// Escapes text for a Markdown table cell: one line (each whitespace run
/// becomes one space), no markup.
fn md_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if std::mem::take(&mut space) {
            out.push(' ');
        }
        if "\\`*_[]<>|~&".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    if space {
        out.push(' ');
    }
    out
}

/// Wraps a run in `mark` (`~~`, `**`) with its outer spaces outside, as
/// Markdown needs.
fn md_mark(mark: &str, t: &str) -> String {
    let inner = t.trim();
    if inner.is_empty() {
        return md_text(t);
    }
    let lead = if t.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let trail = if t.ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    format!("{lead}{mark}{}{mark}{trail}", md_text(inner))
}

fn md_pieces(pieces: &[Piece]) -> String {
    let s: String = pieces
        .iter()
        .map(|p| match p {
            Piece::Same(t) => md_text(t),
            Piece::Removed(t) => md_mark("~~", t),
            Piece::Added(t) => md_mark("**", t),
        })
        .collect();
    s.trim().to_string()
}

fn md_slot(s: &Slot) -> String {
    match s {
        Slot::Cell(c) => {
            let text = md_pieces(&c.pieces);
            let mut out = match &c.badge {
                Some(b) => format!("*({})* {text}", md_text(b)),
                None => text,
            };
            if let Some(n) = &c.numbers {
                out.push_str(&format!(" *({})*", md_text(n)));
            }
            out
        }
        Slot::Echo(e) => format!("*({})* {}", md_text(&e.note), md_pieces(&e.pieces)),
        Slot::Gap { .. } => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::{split_model, BoilerplateDisplay};

    fn squash(s: &str) -> String {
        s.chars().filter(|c| !c.is_whitespace()).collect()
    }

    fn with_export(a: &str, b: &str, f: impl FnOnce(Export<'_>)) {
        let cmp = crate::engine::compare(a, b, &Options::default());
        let model = split_model(&cmp, a, b, BoilerplateDisplay::Fold);
        f(Export {
            a: Report {
                id: "000",
                title: "A's title",
                text: a,
            },
            b: Report {
                id: "002",
                title: "B's <title>",
                text: b,
            },
            options: Options::default(),
            comparison: &cmp,
            model: &model,
        })
    }

    #[test]
    fn json_holds_both_texts_and_the_engines_model() {
        let texts: Vec<&str> = crate::corpus::reports().iter().map(|r| r.text).collect();
        let c = crate::engine::Collection::new(&texts);
        let cmp = c.compare(0, 2, &Options::default()).unwrap();
        let model = split_model(&cmp, texts[0], texts[2], BoilerplateDisplay::Fold);
        let e = Export {
            a: Report {
                id: "000",
                title: "a",
                text: texts[0],
            },
            b: Report {
                id: "002",
                title: "b",
                text: texts[2],
            },
            options: Options::default(),
            comparison: &cmp,
            model: &model,
        };
        let v: serde_json::Value = serde_json::from_str(&e.json()).unwrap();
        assert_eq!(v["format"], "report-diff comparison");
        assert_eq!(v["a"]["text"], texts[0]);
        assert_eq!(v["b"]["text"], texts[2]);
        let back: Comparison = serde_json::from_value(v["comparison"].clone()).unwrap();
        assert_eq!(back.rows.len(), cmp.rows.len());
    }

    #[test]
    fn html_is_self_contained_and_holds_both_texts_escaped() {
        let (a, b) = (
            "Trump delayed <script>alert(1)</script> the order. Only A says this.",
            "Trump paused <script>alert(1)</script> the order.",
        );
        with_export(a, b, |e| {
            let h = e.html("body { color: red } /* </style> */");
            assert!(!h.contains("<script"), "{h}");
            assert!(h.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
            assert!(!h.contains("</style> */"));
            assert!(h.contains("B&#39;s &lt;title&gt;"));
            for needle in ["src=", "href=", "@import", "url("] {
                assert!(!h.contains(needle), "{needle} in a self-contained file");
            }
            // Each side's text, tags removed and entities decoded, in order.
            let strip = |side: &str| -> String {
                let mut out = String::new();
                for cell in h.split(&format!("data-pane=\"{side}\">")).skip(1) {
                    let Some(text) = cell.split("<span class=\"text\" data-text=\"\">").nth(1)
                    else {
                        continue;
                    };
                    let text = text.split("</span>").next().unwrap_or("");
                    let mut in_tag = false;
                    for ch in text.chars() {
                        match ch {
                            '<' => in_tag = true,
                            '>' => in_tag = false,
                            c if !in_tag => out.push(c),
                            _ => {}
                        }
                    }
                }
                out.replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&#39;", "'")
                    .replace("&quot;", "\"")
                    .replace("&amp;", "&")
            };
            assert_eq!(squash(&strip("a")), squash(a));
            assert_eq!(squash(&strip("b")), squash(b));
        });
    }

    #[test]
    fn markdown_is_one_table_with_marks_and_escapes() {
        let (a, b) = ("Prices rose | 80% *today*.", "Prices rose | 82% *today*.");
        with_export(a, b, |e| {
            let md = e.markdown();
            let rows: Vec<&str> = md.lines().filter(|l| l.starts_with('|')).collect();
            assert_eq!(rows[0], "| A · 000 | B · 002 |");
            assert_eq!(rows.len(), 2 + e.model.rows().count());
            // Every table row has exactly three unescaped pipes.
            for r in &rows {
                let bare = r.replace("\\|", "");
                assert_eq!(bare.matches('|').count(), 3, "{r}");
            }
            assert!(
                md.contains("~~80%~~") || md.contains("~~80\\%~~") || md.contains("~~80"),
                "{md}"
            );
            assert!(md.contains("\\*today\\*"), "{md}");
            assert!(md.contains("B's \\<title\\>"), "{md}");
        });
    }

    #[test]
    fn markdown_marks_keep_spaces_outside() {
        assert_eq!(md_mark("~~", " delayed "), " ~~delayed~~ ");
        assert_eq!(md_mark("**", "  "), " ");
        assert_eq!(md_text("a\n\n b"), "a b");
    }

    #[test]
    fn file_names_are_safe() {
        with_export("a", "b", |e| {
            let e = Export {
                a: Report {
                    id: "../x y",
                    ..e.a
                },
                ..e
            };
            assert_eq!(e.file_name("html"), "report-diff-___x_y-vs-002.html");
        });
    }
}
