//! The translation check's model: a bilingual report's two language blocks,
//! paragraph by paragraph, with the anchors (numbers, Latin names) that only
//! one side has.

use std::rc::Rc;

use super::{slice, Label};
use crate::engine::bilingual::Bilingual;

/// One bead: paragraphs of the first block opposite their translation.
#[derive(Clone, Debug, PartialEq)]
pub struct TranslationRow {
    /// The first-language paragraph(s), or `None` when untranslated.
    pub first: Option<Rc<str>>,
    /// The second-language paragraph(s), or `None`.
    pub second: Option<Rc<str>>,
    /// "Check: 90 and Vance appear on one side only", when anchors differ.
    pub check: Option<String>,
}

/// Everything the translation check shows.
#[derive(Clone, Debug, PartialEq)]
pub struct TranslationModel {
    /// "Report 004: English text and its Chinese version".
    pub title: String,
    /// "18 paragraph pairs · 2 without counterpart".
    pub counts: String,
    /// Name of the first pane ("English of report 004").
    pub first_label: String,
    /// Name of the second pane.
    pub second_label: String,
    /// Beads in reading order.
    pub rows: Vec<TranslationRow>,
}

/// "Check: 90 appears on one side only", "Check: 90, 21 and Vance appear
/// on one side only"; `None` when no anchor is missing.
fn check(missing: &[String]) -> Option<String> {
    let (last, rest) = missing.split_last()?;
    Some(if rest.is_empty() {
        format!("Check: {last} appears on one side only")
    } else {
        format!(
            "Check: {} and {last} appear on one side only",
            rest.join(", ")
        )
    })
}

/// Builds the translation check of report `id` (whose text is `text`) from
/// its bilingual alignment.
///
/// ```
/// use report_diff::engine::Document;
/// use report_diff::view::translation_model;
/// let t = "Trump delayed the order on Thursday.\n\n特朗普周四推迟了该命令。";
/// if let Some(b) = Document::new(t).bilingual() {
///     let m = translation_model("x", t, b);
///     assert_eq!(m.first_label, "English of report x");
/// }
/// ```
pub fn translation_model(id: &str, text: &str, b: &Bilingual) -> TranslationModel {
    let rows: Vec<TranslationRow> = b
        .pairs
        .iter()
        .map(|p| TranslationRow {
            first: p.first.map(|s| slice(text, s).trim().into()),
            second: p.second.map(|s| slice(text, s).trim().into()),
            check: check(&p.missing_anchors),
        })
        .collect();
    let unmatched = rows
        .iter()
        .filter(|r| r.first.is_none() || r.second.is_none())
        .count();
    TranslationModel {
        title: format!(
            "Report {id}: {} text and its {} version",
            b.first_lang.label(),
            b.second_lang.label()
        ),
        counts: format!(
            "{} paragraph pairs · {unmatched} without counterpart",
            rows.len() - unmatched
        ),
        first_label: format!("{} of report {id}", b.first_lang.label()),
        second_label: format!("{} of report {id}", b.second_lang.label()),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Collection;

    fn squash(s: &str) -> String {
        s.chars().filter(|c| !c.is_whitespace()).collect()
    }

    #[test]
    fn missing_anchors_are_listed_in_a_sentence() {
        let list = |xs: &[&str]| check(&xs.iter().map(|x| x.to_string()).collect::<Vec<_>>());
        assert_eq!(list(&[]), None);
        assert_eq!(
            list(&["90"]).as_deref(),
            Some("Check: 90 appears on one side only")
        );
        assert_eq!(
            list(&["90", "21", "Vance"]).as_deref(),
            Some("Check: 90, 21 and Vance appear on one side only")
        );
    }

    #[test]
    fn report_004_lines_up_with_its_chinese_original() {
        let reports = crate::corpus::reports();
        let texts: Vec<&str> = reports.iter().map(|r| r.text).collect();
        let c = Collection::new(&texts);
        let b = c.documents()[4].bilingual().expect("004 is bilingual");
        let m = translation_model("004", texts[4], b);
        assert_eq!(m.title, "Report 004: English text and its Chinese version");
        assert_eq!(m.second_label, "Chinese of report 004");
        assert!(m.rows.len() >= 18);
        let sacks = m
            .rows
            .iter()
            .find(|r| {
                r.first
                    .as_deref()
                    .is_some_and(|t| t.contains("Sacks currently serves"))
            })
            .expect("the Sacks paragraph");
        assert!(sacks.second.as_deref().unwrap_or("").contains("萨克斯现任"));
        // Each pane's paragraphs come from its block, in order, without
        // overlap (a duplicated headline, flagged as boilerplate, is left out).
        let firsts: Vec<Rc<str>> = m.rows.iter().filter_map(|r| r.first.clone()).collect();
        let seconds: Vec<Rc<str>> = m.rows.iter().filter_map(|r| r.second.clone()).collect();
        for (pane, block) in [(firsts, b.first), (seconds, b.second)] {
            let block = slice(texts[4], block);
            let mut at = 0;
            for t in &pane {
                let found = block[at..].find(&**t).map(|i| at + i);
                assert!(found.is_some(), "out of order or not in its block: {t}");
                at = found.unwrap_or(at) + t.len();
            }
            let shown: usize = pane.iter().map(|t| squash(t).len()).sum();
            assert!(
                shown * 10 >= squash(block).len() * 9,
                "most of the block is shown"
            );
        }
    }
}
