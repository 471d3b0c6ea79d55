//! Several documents compared pairwise, sharing term statistics.

use std::collections::BTreeSet;

use super::align::{self, Features, Idf};
use super::{inline, quotes, rows, Comparison, Document, Options};

/// Several documents and the term statistics they share.
///
/// IDF weights come from all segments of all documents, so words that the whole
/// story shares ("Trump", "executive order") weigh little when pairing sentences.
#[derive(Clone, Debug)]
pub struct Collection {
    docs: Vec<Document>,
    /// Per document, per segment: sorted term ids.
    ids: Vec<Vec<Features>>,
    idf: Idf,
}

impl Collection {
    /// Builds a collection from texts.
    ///
    /// ```
    /// use report_diff::engine::{Collection, Options};
    /// let c = Collection::new(&["Trump delayed the AI order.", "Trump postponed the AI order."]);
    /// let cmp = c.compare(0, 1, &Options::default()).unwrap();
    /// assert_eq!(cmp.rows.len(), 1);
    /// ```
    pub fn new<S: AsRef<str>>(texts: &[S]) -> Self {
        Self::from_documents(texts.iter().map(|t| Document::new(t.as_ref())).collect())
    }

    /// Builds a collection from analysed documents.
    pub fn from_documents(docs: Vec<Document>) -> Self {
        // Term ids in lexicographic order: independent of document order, which
        // keeps every floating-point sum, and so every result, symmetric.
        let vocab: Vec<&str> = docs
            .iter()
            .flat_map(|d| d.features.iter().flatten().map(String::as_str))
            .collect::<BTreeSet<&str>>()
            .into_iter()
            .collect();
        let ids: Vec<Vec<Features>> = docs
            .iter()
            .map(|d| {
                d.features
                    .iter()
                    .map(|f| {
                        f.iter()
                            .filter_map(|t| vocab.binary_search(&t.as_str()).ok())
                            .map(|i| i as u32)
                            .collect()
                    })
                    .collect()
            })
            .collect();
        let idf = Idf::new(vocab.len(), ids.iter().flatten());
        Collection { docs, ids, idf }
    }

    /// The documents, in the order given.
    pub fn documents(&self) -> &[Document] {
        &self.docs
    }

    /// Compares documents `a` and `b`; `None` if either index is out of range.
    pub fn compare(&self, a: usize, b: usize, opts: &Options) -> Option<Comparison> {
        let (da, db) = (self.docs.get(a)?, self.docs.get(b)?);
        let (fa, fb) = (&self.ids[a], &self.ids[b]);
        // Boilerplate pairs only with boilerplate: a disclaimer never stands in
        // for a story sentence.
        let eligible =
            |i: usize, j: usize| da.boilerplate[i].is_some() == db.boilerplate[j].is_some();
        let counterparts: Vec<(usize, usize)> =
            da.headline().zip(db.headline()).into_iter().collect();
        let demoted = |i: usize, j: usize| da.restatement[i] || db.restatement[j];
        let groups = align::align(fa, fb, &self.idf, eligible, &counterparts, demoted);
        let mut cmp = rows::build(da, db, &groups, opts);
        cmp.quotes = quotes::match_quotes(&da.text, &da.quotes, &db.text, &db.quotes);
        for q in &mut cmp.quotes {
            if let (Some(x), Some(y)) = (q.a, q.b) {
                q.inline = Some(inline::diff(&da.text, x, &db.text, y, opts));
            }
        }
        Some(cmp)
    }
}

/// Compares two texts in one call (a two-document [`Collection`]).
///
/// ```
/// use report_diff::engine::{compare, Options, RowKind};
/// let cmp = compare("Trump delayed the AI order.", "Trump postponed the AI order.", &Options::default());
/// assert_eq!(cmp.rows[0].kind, RowKind::Changed);
/// ```
pub fn compare(a: &str, b: &str, opts: &Options) -> Comparison {
    Collection::new(&[a, b])
        .compare(0, 1, opts)
        .expect("two documents")
}
