//! Comparisons of large texts, run away from the page (the app runs them in a
//! web worker: `web/worker.js` calls `worker_compare`, which calls [`run`]).
//! Pure Rust: the steps, their progress and the coarse fallback are tested
//! natively; the result travels to the page in a compact binary form
//! ([`encode`], [`decode`]).
//!
//! A source is large when its texts together exceed [`LARGE_BYTES`]: then
//! building its collection and aligning a pair take too long for the page's
//! main thread (a frozen page), and the app hands the pair to a worker.

use crate::engine::boilerplate::Boilerplate;
use crate::engine::inline::{InlineOp, Tag};
use crate::engine::quotes::QuoteMatch;
use crate::engine::semantic::{SentenceTable, Source, WordTable};
use crate::engine::{
    coarse, Collection, Comparison, Confidence, Coverage, Document, Link, NumberChange, Options,
    Relation, Row, RowKind, Semantics, Span, Stats,
};

/// Sources whose texts together exceed this many bytes are compared in a
/// worker. The five bundled reports are 33 KB and take about 11 ms in the
/// page; a pasted pair of 2 × 50 KB already holds the page's main thread for
/// 0.3–0.9 s in one task (collection, alignment, view, first render; measured
/// in Chromium on the 2-core build machine), where the worker path keeps
/// every task of a 1 MB pair under 100 ms. The worker gets the page's word
/// table once it is loaded (until then it matches by shared words), up to
/// [`WORD_VECTORS_MAX_BYTES`].
pub const LARGE_BYTES: usize = 100_000;

/// Large sources up to this many bytes together are matched with the word
/// table in the worker; larger ones by shared words alone. The word vectors
/// roughly double the worker's time: a 1 MB pair (2 MB together) took 4.4 s
/// with them against 2.1 s without (median of 3 pastes in Chromium on the
/// 2-core build machine, under load), past the 3 s target.
pub const WORD_VECTORS_MAX_BYTES: usize = 1_000_000;

/// True when the worker should compare `texts` with the word table (when the
/// page has it): they are no larger than [`WORD_VECTORS_MAX_BYTES`] together.
///
/// ```
/// use report_diff::offload::with_word_vectors;
/// assert!(with_word_vectors(&["x".repeat(300_000), "y".repeat(300_000)]));
/// assert!(!with_word_vectors(&["x".repeat(1_000_000), "y".repeat(1_000_000)]));
/// ```
pub fn with_word_vectors<S: AsRef<str>>(texts: &[S]) -> bool {
    texts.iter().map(|t| t.as_ref().len()).sum::<usize>() <= WORD_VECTORS_MAX_BYTES
}

/// How long the full aligner may take in the worker before the coarse
/// comparison replaces it (a 1 MB pair should take under 3 s).
pub const FULL_DEADLINE_MS: u32 = 8_000;
/// How long the coarse comparison may take before the app gives up (it is
/// O(n log n): only a huge text on a slow device gets near).
pub const COARSE_DEADLINE_MS: u32 = 20_000;

/// True when `texts` together are large enough to go to a worker.
///
/// ```
/// assert!(!report_diff::offload::is_large(&["short", "texts"]));
/// assert!(report_diff::offload::is_large(&["x".repeat(250_000), "y".repeat(250_000)]));
/// ```
pub fn is_large<S: AsRef<str>>(texts: &[S]) -> bool {
    texts.iter().map(|t| t.as_ref().len()).sum::<usize>() > LARGE_BYTES
}

/// How thoroughly to compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Depth {
    /// The full aligner (a collection of every text, n:m links, moves).
    Full,
    /// [`coarse::compare`] on the pair alone: identical sentences in order,
    /// for a pair the full aligner could not finish before the deadline.
    Coarse,
}

/// Compares texts `a` and `b` of `texts` to the given depth, with the
/// sentence vectors of the bundled reports or, for other texts, `words` (the
/// word table, when the page has it; `None`: shared words alone), telling
/// `progress` (step from 1, steps, what it is doing) before each step;
/// `None` when `a` or `b` is out of range. The comparison's `semantic` says
/// which signal it rests on.
///
/// ```
/// use report_diff::offload::{run, Depth};
/// use report_diff::engine::Options;
/// let mut steps = Vec::new();
/// let texts = ["The vote passed on Monday. Turnout was low.", "The vote passed on Monday."];
/// let cmp = run(&texts, 0, 1, &Options::default(), Depth::Full, None, |s, n, what| steps.push((s, n, what.to_string())));
/// assert_eq!(cmp.unwrap().stats.equal, 1);
/// assert_eq!(steps.last().unwrap().0, steps.last().unwrap().1);
/// ```
pub fn run<S: AsRef<str>>(
    texts: &[S],
    a: usize,
    b: usize,
    opts: &Options,
    depth: Depth,
    words: Option<&WordTable>,
    mut progress: impl FnMut(u32, u32, &str),
) -> Option<Comparison> {
    if a >= texts.len() || b >= texts.len() {
        return None;
    }
    match depth {
        Depth::Full => {
            // One step a text (segmentation and analyses), then the
            // sentence vectors and term statistics, then the alignment.
            let n = texts.len() as u32;
            let steps = n + 2;
            let mut docs = Vec::with_capacity(texts.len());
            for (k, t) in texts.iter().enumerate() {
                progress(k as u32 + 1, steps, "reading the texts");
                docs.push(Document::new(t.as_ref()));
            }
            progress(n + 1, steps, "weighing the words");
            let semantics = Semantics {
                sentences: Some(SentenceTable::bundled()),
                words,
            };
            let collection = Collection::from_documents_with(docs, semantics);
            progress(n + 2, steps, "aligning the passages");
            collection.compare(a, b, opts)
        }
        Depth::Coarse => {
            progress(1, 3, "reading the texts");
            let da = Document::new(texts[a].as_ref());
            progress(2, 3, "reading the texts");
            let db = Document::new(texts[b].as_ref());
            progress(3, 3, "pairing identical sentences");
            Some(coarse::compare(&da, &db, opts))
        }
    }
}

/// The comparison in the compact binary form a worker sends to the page
/// ([`decode`] reads it back): little-endian integers, `f64` bits, strings
/// with their length. Hand-written rather than serde's, because reading JSON
/// back would bring serde's deserializer into the page's wasm (tens of KB),
/// and because this reads a 1 MB pair's 6 MB comparison in milliseconds on
/// the main thread. Every struct is written by an exhaustive destructuring and
/// read by a struct literal, so a field added to the engine's types does not
/// compile here until it travels too.
pub fn encode(cmp: &Comparison) -> Vec<u8> {
    let mut w = Writer(Vec::with_capacity(cmp.rows.len() * 96));
    w.comparison(cmp);
    w.0
}

/// Reads what [`encode`] wrote; the error says where it stopped making sense.
///
/// ```
/// use report_diff::engine::{compare, Options};
/// use report_diff::offload::{decode, encode};
/// let cmp = compare("One. Two.", "One. Three.", &Options::default());
/// assert_eq!(decode(&encode(&cmp)).unwrap(), cmp);
/// assert!(decode(&encode(&cmp)[..10]).is_err());
/// ```
pub fn decode(bytes: &[u8]) -> Result<Comparison, String> {
    let mut r = Reader { bytes, pos: 0 };
    let cmp = r.comparison()?;
    if r.pos != bytes.len() {
        return Err(format!(
            "{} bytes after the comparison",
            bytes.len() - r.pos
        ));
    }
    Ok(cmp)
}

struct Writer(Vec<u8>);

impl Writer {
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn usize(&mut self, v: usize) {
        self.u64(v as u64);
    }
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn bool(&mut self, v: bool) {
        self.u8(u8::from(v));
    }
    fn f64(&mut self, v: f64) {
        self.u64(v.to_bits());
    }
    fn str(&mut self, v: &str) {
        self.usize(v.len());
        self.0.extend_from_slice(v.as_bytes());
    }
    fn span(&mut self, Span(a, b): Span) {
        self.usize(a);
        self.usize(b);
    }
    /// `None` as 0, `Some` as 1 and the value.
    fn opt<T>(&mut self, v: &Option<T>, mut f: impl FnMut(&mut Self, &T)) {
        match v {
            None => self.u8(0),
            Some(x) => {
                self.u8(1);
                f(self, x);
            }
        }
    }
    fn list<T>(&mut self, v: &[T], mut f: impl FnMut(&mut Self, &T)) {
        self.usize(v.len());
        for x in v {
            f(self, x);
        }
    }
    fn ops(&mut self, ops: &[InlineOp]) {
        self.list(ops, |w, op| {
            let InlineOp {
                tag,
                text,
                b_text,
                a,
                b,
            } = op;
            w.u8(match tag {
                Tag::Equal => 0,
                Tag::Delete => 1,
                Tag::Insert => 2,
            });
            w.str(text);
            w.opt(b_text, |w, t| w.str(t));
            w.span(*a);
            w.span(*b);
        });
    }
    fn confidence(&mut self, c: Confidence) {
        self.u8(match c {
            Confidence::Strong => 0,
            Confidence::Loose => 1,
        });
    }
    fn comparison(&mut self, cmp: &Comparison) {
        let Comparison {
            similarity,
            rows,
            stats,
            quotes,
            links,
            coverage,
            semantic,
        } = cmp;
        self.f64(*similarity);
        self.list(rows, |w, row| w.row(row));
        let Stats {
            equal,
            changed,
            moved,
            only_a,
            only_b,
            boilerplate,
            translation,
            elsewhere,
        } = stats;
        for n in [
            equal,
            changed,
            moved,
            only_a,
            only_b,
            boilerplate,
            translation,
            elsewhere,
        ] {
            self.usize(*n);
        }
        self.list(quotes, |w, q| {
            let QuoteMatch {
                a,
                b,
                score,
                inline,
            } = q;
            w.opt(a, |w, s| w.span(*s));
            w.opt(b, |w, s| w.span(*s));
            w.f64(*score);
            w.opt(inline, |w, ops| w.ops(ops));
        });
        self.list(links, |w, l| {
            let Link {
                a,
                b,
                segment_a,
                segment_b,
                score,
                relation,
                confidence,
            } = l;
            w.span(*a);
            w.span(*b);
            w.usize(*segment_a);
            w.usize(*segment_b);
            w.f64(*score);
            w.u8(match relation {
                Relation::Same => 0,
                Relation::Restates => 1,
                Relation::Translation => 2,
            });
            w.confidence(*confidence);
        });
        let Coverage {
            a,
            b,
            a_shared,
            a_total,
            b_shared,
            b_total,
        } = coverage;
        self.f64(*a);
        self.f64(*b);
        for n in [a_shared, a_total, b_shared, b_total] {
            self.usize(*n);
        }
        self.opt(semantic, |w, s| {
            w.u8(match s {
                Source::SentenceModel => 0,
                Source::WordVectors => 1,
                Source::Caller => 2,
            })
        });
    }
    fn row(&mut self, row: &Row) {
        let Row {
            a,
            b,
            kind,
            moved,
            partner,
            boilerplate,
            boilerplate_kind,
            translation,
            restatement,
            score,
            segments_a,
            segments_b,
            inline,
            numbers,
            paragraph_start,
            confidence,
            also,
        } = row;
        self.opt(a, |w, s| w.span(*s));
        self.opt(b, |w, s| w.span(*s));
        self.u8(match kind {
            RowKind::Equal => 0,
            RowKind::Changed => 1,
            RowKind::OnlyA => 2,
            RowKind::OnlyB => 3,
        });
        self.bool(*moved);
        self.opt(partner, |w, p| w.usize(*p));
        self.bool(*boilerplate);
        self.opt(boilerplate_kind, |w, k| {
            w.u8(match k {
                Boilerplate::Navigation => 0,
                Boilerplate::Share => 1,
                Boilerplate::Byline => 2,
                Boilerplate::Disclaimer => 3,
                Boilerplate::Attribution => 4,
                Boilerplate::Teaser => 5,
                Boilerplate::Advert => 6,
                Boilerplate::Duplicate => 7,
            })
        });
        self.bool(*translation);
        self.bool(*restatement);
        self.f64(*score);
        self.opt(segments_a, |w, s| w.span(*s));
        self.opt(segments_b, |w, s| w.span(*s));
        self.opt(inline, |w, ops| w.ops(ops));
        self.list(numbers, |w, n| {
            let NumberChange { a, b } = n;
            w.opt(a, |w, t| w.str(t));
            w.opt(b, |w, t| w.str(t));
        });
        self.bool(*paragraph_start);
        self.opt(confidence, |w, c| w.confidence(*c));
        self.list(also, |w, k| w.usize(*k));
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

type Read<T> = Result<T, String>;

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Read<&[u8]> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| format!("cut short at byte {}", self.pos))?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    fn u64(&mut self) -> Read<u64> {
        let b = self.take(8)?;
        Ok(u64::from_le_bytes([
            b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
        ]))
    }
    fn usize(&mut self) -> Read<usize> {
        let at = self.pos;
        usize::try_from(self.u64()?).map_err(|_| format!("a number too large at byte {at}"))
    }
    fn u8(&mut self) -> Read<u8> {
        Ok(self.take(1)?[0])
    }
    /// A tag below `n`.
    fn tag(&mut self, n: u8) -> Read<u8> {
        let at = self.pos;
        let v = self.u8()?;
        if v < n {
            Ok(v)
        } else {
            Err(format!("an unknown value {v} at byte {at}"))
        }
    }
    fn bool(&mut self) -> Read<bool> {
        Ok(self.tag(2)? == 1)
    }
    fn f64(&mut self) -> Read<f64> {
        Ok(f64::from_bits(self.u64()?))
    }
    fn string(&mut self) -> Read<String> {
        let n = self.usize()?;
        let at = self.pos;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec())
            .map_err(|_| format!("a string that is not UTF-8 at byte {at}"))
    }
    fn span(&mut self) -> Read<Span> {
        Ok(Span(self.usize()?, self.usize()?))
    }
    fn opt<T>(&mut self, mut f: impl FnMut(&mut Self) -> Read<T>) -> Read<Option<T>> {
        Ok(if self.bool()? { Some(f(self)?) } else { None })
    }
    fn list<T>(&mut self, mut f: impl FnMut(&mut Self) -> Read<T>) -> Read<Vec<T>> {
        let n = self.usize()?;
        // Every element takes at least one byte: bound the allocation by the input.
        let mut v = Vec::with_capacity(n.min(self.bytes.len() - self.pos));
        for _ in 0..n {
            v.push(f(self)?);
        }
        Ok(v)
    }
    fn ops(&mut self) -> Read<Vec<InlineOp>> {
        self.list(|r| {
            Ok(InlineOp {
                tag: [Tag::Equal, Tag::Delete, Tag::Insert][usize::from(r.tag(3)?)],
                text: r.string()?,
                b_text: r.opt(Self::string)?,
                a: r.span()?,
                b: r.span()?,
            })
        })
    }
    fn confidence(&mut self) -> Read<Confidence> {
        Ok([Confidence::Strong, Confidence::Loose][usize::from(self.tag(2)?)])
    }
    fn comparison(&mut self) -> Read<Comparison> {
        Ok(Comparison {
            similarity: self.f64()?,
            rows: self.list(Self::row)?,
            stats: Stats {
                equal: self.usize()?,
                changed: self.usize()?,
                moved: self.usize()?,
                only_a: self.usize()?,
                only_b: self.usize()?,
                boilerplate: self.usize()?,
                translation: self.usize()?,
                elsewhere: self.usize()?,
            },
            quotes: self.list(|r| {
                Ok(QuoteMatch {
                    a: r.opt(Self::span)?,
                    b: r.opt(Self::span)?,
                    score: r.f64()?,
                    inline: r.opt(Self::ops)?,
                })
            })?,
            links: self.list(|r| {
                Ok(Link {
                    a: r.span()?,
                    b: r.span()?,
                    segment_a: r.usize()?,
                    segment_b: r.usize()?,
                    score: r.f64()?,
                    relation: [Relation::Same, Relation::Restates, Relation::Translation]
                        [usize::from(r.tag(3)?)],
                    confidence: r.confidence()?,
                })
            })?,
            coverage: Coverage {
                a: self.f64()?,
                b: self.f64()?,
                a_shared: self.usize()?,
                a_total: self.usize()?,
                b_shared: self.usize()?,
                b_total: self.usize()?,
            },
            semantic: self.opt(|r| {
                Ok([Source::SentenceModel, Source::WordVectors, Source::Caller]
                    [usize::from(r.tag(3)?)])
            })?,
        })
    }
    fn row(&mut self) -> Read<Row> {
        Ok(Row {
            a: self.opt(Self::span)?,
            b: self.opt(Self::span)?,
            kind: [
                RowKind::Equal,
                RowKind::Changed,
                RowKind::OnlyA,
                RowKind::OnlyB,
            ][usize::from(self.tag(4)?)],
            moved: self.bool()?,
            partner: self.opt(Self::usize)?,
            boilerplate: self.bool()?,
            boilerplate_kind: self.opt(|r| {
                Ok([
                    Boilerplate::Navigation,
                    Boilerplate::Share,
                    Boilerplate::Byline,
                    Boilerplate::Disclaimer,
                    Boilerplate::Attribution,
                    Boilerplate::Teaser,
                    Boilerplate::Advert,
                    Boilerplate::Duplicate,
                ][usize::from(r.tag(8)?)])
            })?,
            translation: self.bool()?,
            restatement: self.bool()?,
            score: self.f64()?,
            segments_a: self.opt(Self::span)?,
            segments_b: self.opt(Self::span)?,
            inline: self.opt(Self::ops)?,
            numbers: self.list(|r| {
                Ok(NumberChange {
                    a: r.opt(Self::string)?,
                    b: r.opt(Self::string)?,
                })
            })?,
            paragraph_start: self.bool()?,
            confidence: self.opt(Self::confidence)?,
            also: self.list(Self::usize)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_counts_up_to_its_total_and_both_depths_rebuild_the_texts() {
        let texts = [
            "Alpha one. Beta two. Gamma three.",
            "Beta two. Alpha one! Delta four.",
            "Other.",
        ];
        for depth in [Depth::Full, Depth::Coarse] {
            let mut seen = Vec::new();
            let cmp = run(&texts, 0, 1, &Options::default(), depth, None, |s, n, _| {
                seen.push((s, n))
            })
            .unwrap();
            let total = seen[0].1;
            assert!(seen.iter().all(|&(_, n)| n == total));
            assert_eq!(
                seen.iter().map(|&(s, _)| s).collect::<Vec<_>>(),
                (1..=total).collect::<Vec<_>>()
            );
            for (side, text) in [(0, texts[0]), (1, texts[1])] {
                let rebuilt: String = cmp
                    .rows
                    .iter()
                    .filter_map(|r| if side == 0 { r.a } else { r.b })
                    .map(|s| &text[s.0..s.1])
                    .collect();
                assert_eq!(rebuilt, text, "{depth:?}");
            }
        }
        assert!(run(
            &texts,
            0,
            3,
            &Options::default(),
            Depth::Full,
            None,
            |_, _, _| {}
        )
        .is_none());
    }

    #[test]
    fn with_the_word_table_the_worker_matches_as_the_page_does() {
        let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/words.bin")).unwrap();
        let table = WordTable::from_bytes(&bytes).unwrap();
        let texts = [
            "The council approved the new budget on Tuesday. Schools will get more money.",
            "On Tuesday the budget was passed by the council. Teachers welcomed the decision.",
        ];
        let opts = Options::default();
        let page = Collection::with_semantics(
            &texts,
            Semantics {
                sentences: Some(SentenceTable::bundled()),
                words: Some(&table),
            },
        )
        .compare(0, 1, &opts)
        .unwrap();
        let worker = run(&texts, 0, 1, &opts, Depth::Full, Some(&table), |_, _, _| {}).unwrap();
        assert_eq!(worker.semantic, Some(Source::WordVectors));
        assert_eq!(worker, page);
        assert_eq!(decode(&encode(&worker)).unwrap(), worker);
        let lexical = run(&texts, 0, 1, &opts, Depth::Full, None, |_, _, _| {}).unwrap();
        assert_eq!(lexical.semantic, None);
    }

    #[test]
    fn every_bundled_comparison_travels_unchanged() {
        let texts: Vec<&str> = crate::corpus::reports().iter().map(|r| r.text).collect();
        let c = Collection::new(&texts);
        let all = Options {
            ignore_case: true,
            ignore_punctuation: true,
            ignore_whitespace: true,
        };
        for opts in [Options::default(), all] {
            for a in 0..texts.len() {
                for b in 0..texts.len() {
                    let cmp = c.compare(a, b, &opts).unwrap();
                    assert_eq!(decode(&encode(&cmp)).unwrap(), cmp, "{a}/{b}");
                }
            }
        }
        let (da, db) = (Document::new(texts[3]), Document::new(texts[4]));
        let cmp = coarse::compare(&da, &db, &all);
        assert_eq!(decode(&encode(&cmp)).unwrap(), cmp);
    }

    #[test]
    fn damaged_input_is_refused_without_panicking() {
        let cmp = crate::engine::compare(
            "Trump delayed the order by 2 weeks. “Not now,” he said.",
            "Trump postponed the order by 3 weeks. “Not yet,” he said.",
            &Options::default(),
        );
        let bytes = encode(&cmp);
        for n in 0..bytes.len() {
            assert!(decode(&bytes[..n]).is_err(), "a prefix of {n} bytes");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode(&longer).is_err());
        // Every byte flipped in turn: an error or some comparison, never a panic.
        for k in 0..bytes.len() {
            let mut b = bytes.clone();
            b[k] ^= 0xff;
            let _ = decode(&b);
        }
    }
}
