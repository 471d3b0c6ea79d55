//! The five bundled reports, compiled into the binary byte for byte, and their
//! metadata, read from `reports/manifest.json`.

use serde::{Deserialize, Serialize};

use crate::json::{self, Json};

/// Metadata of one bundled report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// Three-digit id, the prefix of the file name (`"000"` … `"004"`).
    pub id: String,
    /// File name under `reports/`.
    pub file: String,
    /// Headline as published, when the text has one.
    pub headline: Option<String>,
    /// Outlet named by the text itself, when it names one.
    pub outlet: Option<String>,
    /// Languages the text is written in (`"en"`, `"zh"`).
    pub languages: Vec<String>,
    /// SHA-256 of the file as published: the copy must stay byte for byte.
    pub sha256: String,
}

/// A bundled report: metadata and text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// Metadata from the manifest.
    pub meta: Meta,
    /// The report's text, exactly as published.
    pub text: &'static str,
}

const MANIFEST: &str = include_str!("../reports/manifest.json");

/// Texts, in id order; file names must match the manifest (checked by a test).
const TEXTS: [(&str, &str); 5] = [
    (
        "000_4e5dcc3493a3ba45.txt",
        include_str!("../reports/000_4e5dcc3493a3ba45.txt"),
    ),
    (
        "001_6ff900358fad1cf9.txt",
        include_str!("../reports/001_6ff900358fad1cf9.txt"),
    ),
    (
        "002_682e814d65e63cf5.txt",
        include_str!("../reports/002_682e814d65e63cf5.txt"),
    ),
    (
        "003_b8665fd297a0726c.txt",
        include_str!("../reports/003_b8665fd297a0726c.txt"),
    ),
    (
        "004_c31a48c8afd8fee6.txt",
        include_str!("../reports/004_c31a48c8afd8fee6.txt"),
    ),
];

/// The bundled reports in id order. A manifest entry without its text (or the
/// reverse) is left out rather than shown half-empty.
///
/// ```
/// let reports = report_diff::corpus::reports();
/// assert_eq!(reports.len(), 5);
/// assert_eq!(reports[3].meta.outlet.as_deref(), Some("MarsBit"));
/// ```
pub fn reports() -> Vec<Report> {
    manifest(MANIFEST)
        .into_iter()
        .filter_map(|meta| {
            let text = TEXTS.iter().find(|(f, _)| *f == meta.file)?.1;
            Some(Report { meta, text })
        })
        .collect()
}

/// The manifest's entries (a malformed manifest reads as none: the tests on
/// the bundled reports then fail, and the app says there is nothing to compare).
fn manifest(text: &str) -> Vec<Meta> {
    let Ok(Json::Array(items)) = json::parse(text) else {
        return Vec::new();
    };
    let string = |m: &Json, key: &str| m.get(key).and_then(Json::as_str).map(str::to_string);
    items
        .iter()
        .filter_map(|m| {
            Some(Meta {
                id: string(m, "id")?,
                file: string(m, "file")?,
                headline: string(m, "headline"),
                outlet: string(m, "outlet"),
                languages: match m.get("languages") {
                    Some(Json::Array(l)) => l
                        .iter()
                        .filter_map(Json::as_str)
                        .map(str::to_string)
                        .collect(),
                    _ => Vec::new(),
                },
                sha256: string(m, "sha256")?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_manifest_reads_as_serde_reads_it() {
        let serde: Vec<Meta> = serde_json::from_str(MANIFEST).unwrap();
        assert_eq!(manifest(MANIFEST), serde);
        assert_eq!(manifest("not json"), []);
    }

    #[test]
    fn texts_are_byte_for_byte_as_published() {
        use sha2::{Digest, Sha256};
        for r in reports() {
            let digest: String = Sha256::digest(r.text.as_bytes())
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            assert_eq!(digest, r.meta.sha256, "{}", r.meta.file);
        }
    }

    #[test]
    fn manifest_matches_files() {
        let r = reports();
        assert_eq!(r.len(), TEXTS.len());
        for (rep, (file, _)) in r.iter().zip(TEXTS) {
            assert_eq!(rep.meta.file, file);
            assert!(file.starts_with(&rep.meta.id));
        }
    }
}
