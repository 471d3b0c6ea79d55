//! Embedding, in pure Rust (tested natively; the app only posts and shows what
//! this builds):
//!
//! - the height messages an iframed widget posts to its parent, in the formats
//!   that host pages already listen for ([`height_messages`]);
//! - the snippets a newsroom pastes: an iframe ([`iframe_snippet`]) or a direct
//!   mount ([`mount_snippet`]);
//! - the configuration of a direct mount, read from the element's `data-`
//!   attributes, which carry the URL parameters' names ([`mount_query`]).

use serde_json::{json, Value};

use crate::params::decode_query;

/// The key of the Datawrapper message, and of pym.js when the URL names no
/// child: `{"datawrapper-height": {"report-diff": px}}`.
pub const DEFAULT_FRAME_ID: &str = "report-diff";

/// The initial height of an iframe in the snippet, in CSS pixels: a typical
/// first view, so the page barely moves when the real height arrives.
pub const SNIPPET_HEIGHT: u32 = 720;

/// One message to `window.parent.postMessage(…, "*")`.
#[derive(Clone, Debug, PartialEq)]
pub enum HostMessage {
    /// Posted as a structured object (Datawrapper, AMP).
    Object(Value),
    /// Posted as a string (pym.js; Embedly / Flourish parse JSON text).
    Text(String),
}

/// True for a pym.js `childId` (or frame id) that can be echoed safely: 1 to 64
/// ASCII letters, digits, `-` or `_`.
pub fn valid_frame_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The messages that tell a host page the widget's content height, in every
/// format hosts listen for (no single protocol is universal). `child_id` is
/// pym.js's `childId` from the iframe URL (ignored unless [`valid_frame_id`]);
/// `src` is the iframe's own URL (Embedly and Flourish match frames by it).
/// Nothing from the reports' texts goes into a message.
///
/// ```
/// use report_diff::embed::{height_messages, HostMessage};
/// let m = height_messages(812, Some("chart-1"), "https://example.org/rd/?a=000");
/// assert!(m.contains(&HostMessage::Text("pymxPYMxchart-1xPYMxheightxPYMx812".into())));
/// ```
pub fn height_messages(height: u32, child_id: Option<&str>, src: &str) -> Vec<HostMessage> {
    let child = child_id.filter(|c| valid_frame_id(c));
    let frame_id = child.unwrap_or(DEFAULT_FRAME_ID);
    let mut out = vec![
        HostMessage::Object(json!({ "datawrapper-height": { frame_id: height } })),
        HostMessage::Object(json!({ "sentinel": "amp", "type": "embed-size", "height": height })),
        HostMessage::Text(
            json!({ "context": "iframe.resize", "height": height, "src": src }).to_string(),
        ),
    ];
    if let Some(c) = child {
        out.push(HostMessage::Text(format!(
            "pymxPYMx{c}xPYMxheightxPYMx{height}"
        )));
    }
    out
}

/// Escapes text for an HTML attribute value in double quotes (or element text).
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The permalink of a view: the app's address (`base`, ending in `/`) with
/// the view's query string ([`crate::params::Params::to_query`]).
///
/// ```
/// use report_diff::embed::permalink;
/// assert_eq!(permalink("https://example.org/rd/", "a=003&b=004"),
///            "https://example.org/rd/?a=003&b=004");
/// ```
pub fn permalink(base: &str, query: &str) -> String {
    if query.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{query}")
    }
}

/// The iframe form of the embed snippet: the frame, then the small host
/// script that follows the widget's height on pages with no listener.
///
/// ```
/// use report_diff::embed::iframe_snippet;
/// let s = iframe_snippet("https://example.org/rd/", "a=003&b=004");
/// assert!(s.contains(r#"src="https://example.org/rd/?a=003&amp;b=004""#));
/// assert!(s.contains(r#"<script src="https://example.org/rd/host.js" defer></script>"#));
/// ```
pub fn iframe_snippet(base: &str, query: &str) -> String {
    format!(
        "<iframe src=\"{src}\" title=\"How the reports differ\" data-report-diff-frame \
         width=\"100%\" height=\"{h}\" frameborder=\"0\" loading=\"lazy\"></iframe>\n\
         <script src=\"{host}\" defer></script>",
        src = escape_html(&permalink(base, query)),
        h = SNIPPET_HEIGHT,
        host = escape_html(&format!("{base}host.js")),
    )
}

/// The direct-mount form of the embed snippet: an element configured by
/// `data-` attributes named like the URL parameters, and the loader module.
///
/// ```
/// use report_diff::embed::mount_snippet;
/// let s = mount_snippet("https://example.org/rd/", "a=003&b=004");
/// assert!(s.starts_with(r#"<div data-report-diff data-a="003" data-b="004"></div>"#));
/// ```
pub fn mount_snippet(base: &str, query: &str) -> String {
    let attrs: String = decode_query(query)
        .iter()
        .filter(|(k, _)| is_param_name(k))
        .map(|(k, v)| format!(" data-{k}=\"{}\"", escape_html(v)))
        .collect();
    format!(
        "<div data-report-diff{attrs}></div>\n<script type=\"module\" src=\"{}\"></script>",
        escape_html(&format!("{base}boot.js"))
    )
}

/// Parameter names a `data-` attribute can carry: lowercase ASCII letters,
/// digits and `-`, starting with a letter (what `data-*` attributes keep).
fn is_param_name(k: &str) -> bool {
    k.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
        && k.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The URL parameters of a direct mount, from its element's attributes
/// (name, value) in document order: `data-a="003"` is `a=003`. The marker
/// attributes (`data-report-diff`, `data-report-diff-*`) are not parameters.
///
/// ```
/// use report_diff::embed::mount_query;
/// let attrs = [("data-report-diff", ""), ("class", "x"), ("data-a", "003"), ("data-case", "1")];
/// assert_eq!(mount_query(attrs.iter().map(|(k, v)| (k.to_string(), v.to_string()))),
///            vec![("a".to_string(), "003".to_string()), ("case".to_string(), "1".to_string())]);
/// ```
pub fn mount_query(attrs: impl IntoIterator<Item = (String, String)>) -> Vec<(String, String)> {
    attrs
        .into_iter()
        .filter_map(|(k, v)| {
            let name = k.to_ascii_lowercase();
            let param = name.strip_prefix("data-")?;
            if param == "report-diff" || param.starts_with("report-diff-") {
                return None;
            }
            Some((param.to_string(), v))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_host_format_carries_the_height_as_a_number() {
        let m = height_messages(640, Some("c1"), "https://x.test/?a=000");
        assert_eq!(m.len(), 4);
        assert_eq!(
            m[0],
            HostMessage::Object(json!({ "datawrapper-height": { "c1": 640 } }))
        );
        assert_eq!(
            m[1],
            HostMessage::Object(json!({ "sentinel": "amp", "type": "embed-size", "height": 640 }))
        );
        let HostMessage::Text(embedly) = &m[2] else {
            panic!("{m:?}")
        };
        let v: Value = serde_json::from_str(embedly).unwrap();
        assert_eq!(v["context"], "iframe.resize");
        assert_eq!(v["height"], 640);
        assert_eq!(v["src"], "https://x.test/?a=000");
        assert_eq!(
            m[3],
            HostMessage::Text("pymxPYMxc1xPYMxheightxPYMx640".into())
        );
    }

    #[test]
    fn a_hostile_child_id_is_never_echoed() {
        for bad in [
            "",
            "a b",
            "x\"><script>",
            "javascript:alert(1)",
            &"x".repeat(65),
        ] {
            let m = height_messages(300, Some(bad), "s");
            assert_eq!(m.len(), 3, "{bad}");
            assert_eq!(
                m[0],
                HostMessage::Object(json!({ "datawrapper-height": { DEFAULT_FRAME_ID: 300 } }))
            );
        }
    }

    #[test]
    fn snippets_escape_what_they_quote() {
        let query = crate::params::encode_query(&[(
            "corpus",
            "https://x.test/c.json?x=\"1\"&y=<2>".to_string(),
        )]);
        let s = iframe_snippet("https://e.test/rd/", &query);
        assert!(!s.contains("\"1\"") && !s.contains("<2>"), "{s}");
        assert!(s.contains("%22"), "{s}");
        let m = mount_snippet("https://e.test/rd/", &query);
        assert!(
            m.contains(r#"data-corpus="https://x.test/c.json?x=&quot;1&quot;&amp;y=&lt;2&gt;""#),
            "{m}"
        );
        // Names that are not valid data- attribute names are left out.
        let m = mount_snippet("https://e.test/rd/", "A+b=1&view=split");
        assert!(m.starts_with(r#"<div data-report-diff data-view="split"></div>"#));
    }

    #[test]
    fn a_mount_snippet_reads_back_as_its_parameters() {
        let params = [("a", "003"), ("b", "004"), ("boilerplate", "hide")];
        let s = mount_snippet("https://e.test/", "a=003&b=004&boilerplate=hide");
        // Parse the attributes back the way a browser would hand them over.
        let tag = &s[..s.find('>').unwrap()];
        let attrs: Vec<(String, String)> = tag
            .split(' ')
            .skip(1)
            .map(|a| match a.split_once('=') {
                Some((k, v)) => (k.to_string(), v.trim_matches('"').to_string()),
                None => (a.to_string(), String::new()),
            })
            .collect();
        let q = mount_query(attrs);
        let want: Vec<(String, String)> = params
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        assert_eq!(q, want);
    }
}
