//! Several documents compared pairwise, sharing term statistics.

use std::collections::BTreeSet;

use super::align::{self, Input};
use super::score::{Features, Idf};
use super::segment::Lang;
use super::semantic::{SentenceTable, Source, WordTable};
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
    /// Per document, per segment: the centred sentence vector, if any (empty
    /// per document when the collection has no semantic signal).
    vectors: Vec<Vec<Option<Vec<f32>>>>,
    /// Where the vectors came from; `None` when the alignment rests on
    /// shared words alone.
    source: Option<Source>,
    /// Per document: pairs of its segments that may say the same thing (see
    /// [`align::echo_candidates`]), found once.
    echoes: Vec<Vec<align::EchoCandidate>>,
}

/// Where a collection may take sentence vectors from.
#[derive(Clone, Copy, Debug, Default)]
pub struct Semantics<'a> {
    /// Precomputed vectors of known sentences: used when it knows every
    /// segment of every document (the bundled reports, or parts of them).
    pub sentences: Option<&'a SentenceTable>,
    /// Word vectors for any other text.
    pub words: Option<&'a WordTable>,
}

impl Semantics<'static> {
    /// The compiled-in vectors of the bundled reports, and no word table.
    pub fn bundled() -> Self {
        Semantics {
            sentences: Some(SentenceTable::bundled()),
            words: None,
        }
    }
}

impl Collection {
    /// Builds a collection from texts, with the compiled-in sentence vectors
    /// when they know every sentence (the bundled reports), else on shared
    /// words alone. See [`Collection::with_semantics`] for other texts.
    ///
    /// ```
    /// use report_diff::engine::{Collection, Options};
    /// let c = Collection::new(&["Trump delayed the AI order.", "Trump postponed the AI order."]);
    /// let cmp = c.compare(0, 1, &Options::default()).unwrap();
    /// assert_eq!(cmp.rows.len(), 1);
    /// ```
    pub fn new<S: AsRef<str>>(texts: &[S]) -> Self {
        Self::with_semantics(texts, Semantics::bundled())
    }

    /// Builds a collection that aligns on shared words alone.
    pub fn lexical<S: AsRef<str>>(texts: &[S]) -> Self {
        Self::from_documents(texts.iter().map(|t| Document::new(t.as_ref())).collect())
    }

    /// Builds a collection with sentence vectors from `semantics`: the
    /// sentence table when it knows every segment of every text, else the
    /// word table, else none (words alone). [`Collection::source`] says which.
    ///
    /// ```
    /// use report_diff::engine::{semantic::Source, Collection, Semantics};
    /// let texts = ["Anything at all. Another sentence.", "Something else."];
    /// let c = Collection::with_semantics(&texts, Semantics::bundled());
    /// assert_eq!(c.source(), None); // the bundled table does not know these
    /// let bundled: Vec<&str> = report_diff::corpus::reports().iter().map(|r| r.text).collect();
    /// let c = Collection::with_semantics(&bundled, Semantics::bundled());
    /// assert_eq!(c.source(), Some(Source::SentenceModel));
    /// ```
    pub fn with_semantics<S: AsRef<str>>(texts: &[S], semantics: Semantics) -> Self {
        Self::from_documents_with(
            texts.iter().map(|t| Document::new(t.as_ref())).collect(),
            semantics,
        )
    }

    /// [`Collection::with_semantics`] for documents already analysed (the
    /// worker reads each text as a step of its own, to report progress).
    pub fn from_documents_with(docs: Vec<Document>, semantics: Semantics) -> Self {
        let mut c = Self::unaligned(docs);
        let known = |t: &SentenceTable| {
            c.docs.iter().all(|d| {
                d.segments
                    .iter()
                    .all(|s| t.get(&d.text[s.text.0..s.text.1]).is_some())
            })
        };
        let (raw, source) = match (semantics.sentences, semantics.words) {
            (Some(t), _) if known(t) => (c.embed(|s| t.get(s).map(|v| v.0)), Source::SentenceModel),
            (_, Some(w)) => (c.embed(|s| w.embed(s).map(|v| v.0)), Source::WordVectors),
            _ => {
                c.find_echoes();
                return c;
            }
        };
        c.vectors = centre(&c.docs, raw);
        c.find_echoes();
        c.source = c
            .vectors
            .iter()
            .any(|v| v.iter().any(Option::is_some))
            .then_some(source);
        c
    }

    /// Each segment's vector from `embed`.
    fn embed(&self, embed: impl Fn(&str) -> Option<Vec<f32>>) -> Vec<Vec<Option<Vec<f32>>>> {
        self.docs
            .iter()
            .map(|d| {
                d.segments
                    .iter()
                    .map(|s| embed(&d.text[s.text.0..s.text.1]))
                    .collect()
            })
            .collect()
    }

    /// Builds a collection from analysed documents (aligning on shared words
    /// alone).
    pub fn from_documents(docs: Vec<Document>) -> Self {
        let mut c = Self::unaligned(docs);
        c.find_echoes();
        c
    }

    /// The documents and their term statistics, before anything that
    /// depends on vectors (echoes) is found.
    fn unaligned(docs: Vec<Document>) -> Self {
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
        let vectors = vec![Vec::new(); docs.len()];
        Collection {
            docs,
            ids,
            idf,
            vectors,
            source: None,
            echoes: Vec::new(),
        }
    }

    /// Builds a collection whose alignment also uses sentence vectors:
    /// `embed` gives a segment's vector from its text (`None` when it has
    /// none). Vectors are centred on the collection's mean per language, which
    /// removes a multilingual model's language offset and the topic that every
    /// sentence of one story shares, so what remains tells facts apart.
    ///
    /// ```
    /// use report_diff::engine::{Collection, Options};
    /// // A toy embedder: one axis per idea.
    /// let embed = |s: &str| Some(if s.contains("delay") || s.contains("推迟") {
    ///     vec![1.0, 0.0, 0.0] } else if s.contains("poll") || s.contains("民调") {
    ///     vec![0.0, 1.0, 0.0] } else { vec![0.0, 0.0, 1.0] });
    /// let c = Collection::with_embedder(
    ///     &["Trump delayed the order. A poll backs testing. Markets rose.",
    ///       "特朗普推迟了命令。民调支持测试。"], embed);
    /// let cmp = c.compare(0, 1, &Options::default()).unwrap();
    /// assert_eq!(cmp.links.len(), 2);
    /// assert_eq!(cmp.semantic, Some(report_diff::engine::semantic::Source::Caller));
    /// ```
    pub fn with_embedder<S: AsRef<str>>(
        texts: &[S],
        embed: impl Fn(&str) -> Option<Vec<f32>>,
    ) -> Self {
        let mut c = Self::unaligned(texts.iter().map(|t| Document::new(t.as_ref())).collect());
        let raw = c.embed(embed);
        c.vectors = centre(&c.docs, raw);
        c.find_echoes();
        c.source = c
            .vectors
            .iter()
            .any(|v| v.iter().any(Option::is_some))
            .then_some(Source::Caller);
        c
    }

    /// Finds, in each document, the sentences that say the same thing.
    fn find_echoes(&mut self) {
        self.echoes = (0..self.docs.len())
            .map(|d| {
                let restatement = &self.docs[d].restatement;
                let input = Input {
                    features: &self.ids[d],
                    vectors: &self.vectors[d],
                    demoted: restatement,
                    paragraphs: &[],
                    echoes: &[],
                };
                align::echo_candidates(&input, &self.idf)
            })
            .collect();
    }

    /// Where the sentence vectors came from, or `None` when the alignment
    /// rests on shared words alone.
    pub fn source(&self) -> Option<Source> {
        self.source
    }

    /// The documents, in the order given.
    pub fn documents(&self) -> &[Document] {
        &self.docs
    }

    /// Compares documents `a` and `b`; `None` if either index is out of range.
    pub fn compare(&self, a: usize, b: usize, opts: &Options) -> Option<Comparison> {
        let (da, db) = (self.docs.get(a)?, self.docs.get(b)?);
        let paragraphs: Vec<Vec<usize>> = [da, db]
            .iter()
            .map(|d| d.segments.iter().map(|s| s.paragraph).collect())
            .collect();
        let input = |d: usize, k: usize| Input {
            features: &self.ids[d],
            vectors: &self.vectors[d],
            demoted: &self.docs[d].restatement,
            paragraphs: &paragraphs[k],
            echoes: &self.echoes[d],
        };
        // Boilerplate pairs only with boilerplate (a disclaimer never stands
        // in for a story sentence); a question only with a question (it
        // states nothing); a bilingual report's second-language copy only
        // with another such copy (its first block already speaks for it).
        let (qa, qb): (Vec<bool>, Vec<bool>) = (
            (0..da.segments.len()).map(|i| da.is_question(i)).collect(),
            (0..db.segments.len()).map(|j| db.is_question(j)).collect(),
        );
        let eligible = |i: usize, j: usize| {
            da.boilerplate[i].is_some() == db.boilerplate[j].is_some()
                && qa[i] == qb[j]
                && da.is_translation(i) == db.is_translation(j)
        };
        let counterparts: Vec<(usize, usize)> =
            da.headline().zip(db.headline()).into_iter().collect();
        let alignment = align::align(
            &input(a, 0),
            &input(b, 1),
            &self.idf,
            eligible,
            &counterparts,
        );
        let mut cmp = rows::build(da, db, &alignment, opts);
        cmp.semantic = self.source;
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

/// Pseudo-count of the vectors' own origin in a language's mean (see
/// [`centre`]).
const CENTRE_PRIOR: usize = 4;

/// Centres each story segment's vector on its language's mean over the
/// collection's story segments and normalises it; boilerplate keeps no
/// vector.
fn centre(docs: &[Document], raw: Vec<Vec<Option<Vec<f32>>>>) -> Vec<Vec<Option<Vec<f32>>>> {
    let dim = raw
        .iter()
        .flatten()
        .flatten()
        .map(Vec::len)
        .next()
        .unwrap_or(0);
    let mut sums: Vec<(Lang, Vec<f64>, usize)> = Vec::new();
    for (d, vs) in docs.iter().zip(&raw) {
        for ((s, flag), v) in d.segments.iter().zip(&d.boilerplate).zip(vs) {
            let Some(v) = v.as_ref().filter(|v| v.len() == dim && flag.is_none()) else {
                continue;
            };
            let k = match sums.iter().position(|e| e.0 == s.lang) {
                Some(k) => k,
                None => {
                    sums.push((s.lang, vec![0.0; dim], 0));
                    sums.len() - 1
                }
            };
            sums[k]
                .1
                .iter_mut()
                .zip(v)
                .for_each(|(x, &y)| *x += f64::from(y));
            sums[k].2 += 1;
        }
    }
    docs.iter()
        .zip(raw)
        .map(|(d, vs)| {
            d.segments
                .iter()
                .zip(&d.boilerplate)
                .zip(vs)
                .map(|((s, flag), v)| {
                    // Site chrome is judged on its words: what a share button
                    // or a teaser "means" says nothing about the story.
                    let v = v.filter(|v| v.len() == dim && dim > 0 && flag.is_none())?;
                    // The mean shrinks towards the vectors' own origin when a
                    // language has few sentences: a mean of two says little.
                    let mut out: Vec<f32> = match sums.iter().find(|e| e.0 == s.lang) {
                        Some((_, sum, n)) => v
                            .iter()
                            .zip(sum)
                            .map(|(&x, &m)| (f64::from(x) - m / (*n + CENTRE_PRIOR) as f64) as f32)
                            .collect(),
                        None => v,
                    };
                    let norm = out.iter().map(|x| x * x).sum::<f32>().sqrt();
                    if !norm.is_finite() || norm <= f32::EPSILON {
                        return None;
                    }
                    out.iter_mut().for_each(|x| *x /= norm);
                    Some(out)
                })
                .collect()
        })
        .collect()
}
