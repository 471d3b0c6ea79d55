//! Sentence vectors: a semantic similarity signal for English and Chinese.
//!
//! Two sources share one vector space (built by `scripts/vectors/build.py`, described in
//! `data/PROVENANCE.md`):
//!
//! - [`SentenceTable`]: vectors of known sentences from a sentence model (multilingual-e5-small),
//!   precomputed for every segment of the bundled reports and compiled in ([`SentenceTable::bundled`]).
//!   Looked up by the exact text of a segment.
//! - [`WordTable`]: a static word-vector table distilled from the same model, for any other text
//!   (pasted reports, other stories). Too large for the first paint, so it is not compiled into the
//!   library: the caller loads `data/words.bin` and parses it with [`WordTable::from_bytes`].
//!
//! Every vector is centred (each language's mean removed: the model puts all Chinese text in one
//! corner of its space, all English in another) and unit length, so [`cosine`] compares meaning
//! across languages. Scores of the two sources are not calibrated against each other: compare a
//! vector with vectors of the same [`Source`].
//!
//! Nothing here panics, whatever the bytes or the text.

use std::fmt;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::segment::{detect_lang, Lang};
use super::token::{units, UnitClass};

/// A centred, unit-length sentence vector.
///
/// ```
/// use report_diff::engine::semantic::{cosine, Vector};
/// let v = Vector(vec![0.6, 0.8]);
/// assert!((cosine(&v, &v) - 1.0).abs() < 1e-6);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Vector(pub Vec<f32>);

/// Cosine similarity of two vectors, in -1..=1.
///
/// Vectors of different lengths, zero vectors and non-finite components give 0 (no evidence
/// either way) rather than a panic or a NaN.
///
/// ```
/// use report_diff::engine::semantic::{cosine, Vector};
/// let a = Vector(vec![1.0, 0.0]);
/// let b = Vector(vec![1.0, 1.0]);
/// assert!((cosine(&a, &b) - std::f32::consts::FRAC_1_SQRT_2).abs() < 1e-6);
/// assert_eq!(cosine(&a, &Vector(vec![1.0])), 0.0);
/// ```
pub fn cosine(a: &Vector, b: &Vector) -> f32 {
    if a.0.len() != b.0.len() {
        return 0.0;
    }
    let (mut dot, mut na, mut nb) = (0f32, 0f32, 0f32);
    for (x, y) in a.0.iter().zip(&b.0) {
        dot += x * y;
        na += x * x;
        nb += y * y;
    }
    let c = dot / (na.sqrt() * nb.sqrt());
    if c.is_finite() {
        c.clamp(-1.0, 1.0)
    } else {
        0.0
    }
}

/// Where a sentence vector came from.
///
/// ```
/// use report_diff::engine::semantic::Source;
/// assert_eq!(serde_json::to_string(&Source::WordVectors).unwrap(), "\"word_vectors\"");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The sentence model itself, precomputed ([`SentenceTable`]).
    SentenceModel,
    /// The weighted mean of static word vectors ([`WordTable`]).
    WordVectors,
    /// Vectors the caller supplied
    /// ([`Collection::with_embedder`](crate::engine::Collection::with_embedder)).
    Caller,
}

/// Bytes that are not a vector table: says what is wrong.
///
/// ```
/// use report_diff::engine::semantic::SentenceTable;
/// let err = SentenceTable::from_bytes(b"nope").unwrap_err();
/// assert!(err.to_string().contains("magic"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatError(String);

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for FormatError {}

fn err<T>(msg: impl Into<String>) -> Result<T, FormatError> {
    Err(FormatError(msg.into()))
}

/// Version of both file formats this module reads.
const VERSION: u32 = 2;
/// Largest number of dimensions accepted: e5-small has 384; more means a corrupt header.
const MAX_DIMS: usize = 1024;

/// A little-endian reader that reports truncation instead of panicking.
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    what: &'static str,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], FormatError> {
        match self
            .pos
            .checked_add(n)
            .and_then(|e| self.bytes.get(self.pos..e))
        {
            Some(s) => {
                self.pos += n;
                Ok(s)
            }
            None => err(format!(
                "{}: truncated at byte {} (needs {} more, {} left)",
                self.what,
                self.pos,
                n,
                self.bytes.len().saturating_sub(self.pos)
            )),
        }
    }

    fn u32(&mut self) -> Result<u32, FormatError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn f32(&mut self) -> Result<f32, FormatError> {
        Ok(f32::from_bits(self.u32()?))
    }

    /// Magic, version, dims and bits a component; returns (dims, bits, bytes a vector).
    fn header(&mut self, magic: &[u8; 4]) -> Result<(usize, u8, usize), FormatError> {
        if self.bytes.get(..4) != Some(magic.as_slice()) {
            return err(format!(
                "{}: bad magic (expected {:?})",
                self.what,
                String::from_utf8_lossy(magic)
            ));
        }
        self.pos = 4;
        let version = self.u32()?;
        if version != VERSION {
            return err(format!(
                "{}: format version {version}, this build reads version {VERSION}",
                self.what
            ));
        }
        let dims = self.u32()? as usize;
        if dims == 0 || dims > MAX_DIMS {
            return err(format!(
                "{}: {dims} dimensions (expected 1..={MAX_DIMS})",
                self.what
            ));
        }
        let bits = match self.u32()? {
            8 => 8,
            4 if dims % 2 == 0 => 4,
            b => {
                return err(format!(
                    "{}: {b} bits a component with {dims} dimensions (expected 8, or 4 with an even count)",
                    self.what
                ))
            }
        };
        Ok((dims, bits, dims * usize::from(bits) / 8))
    }
}

/// Calls `f` with each component of a packed vector: `i8` each (8 bits), or two 4-bit
/// two's-complement values a byte, the even component in the low nibble (4 bits).
fn for_each_component(q: &[u8], bits: u8, mut f: impl FnMut(usize, f32)) {
    if bits == 8 {
        q.iter()
            .enumerate()
            .for_each(|(i, &b)| f(i, f32::from(b as i8)));
    } else {
        // Shifting the nibble to the top and back (arithmetic shift) extends its sign.
        let nibble = |n: u8| f32::from(((n << 4) as i8) >> 4);
        for (i, &b) in q.iter().enumerate() {
            f(2 * i, nibble(b & 0x0f));
            f(2 * i + 1, nibble(b >> 4));
        }
    }
}

/// Scales `v` to unit length; `None` for a zero or non-finite vector.
fn unit(mut v: Vec<f32>) -> Option<Vector> {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if !(norm.is_finite() && norm > 1e-12) {
        return None;
    }
    v.iter_mut().for_each(|x| *x /= norm);
    Some(Vector(v))
}

fn dequantise(q: &[u8], bits: u8, dims: usize) -> Vec<f32> {
    let mut v = vec![0f32; dims];
    for_each_component(q, bits, |i, x| {
        if let Some(c) = v.get_mut(i) {
            *c = x;
        }
    });
    v
}

/// FNV-1a, 64 bits: the key of a sentence in [`SentenceTable`].
fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Precomputed vectors of known sentences, keyed by a hash of their exact text.
///
/// Format (`data/sentences.bin`, little-endian): `b"RDSV"`, version `u32` (2), dims `u32`, bits a
/// component `u32` (4 or 8), count `u32`, then `count` records sorted by hash: FNV-1a 64-bit hash
/// `u64` of the sentence's UTF-8 text, then the vector, scaled so its largest component is ±7 (4
/// bits: two's-complement nibbles, the even component in the low one) or ±127 (8 bits: `i8`).
#[derive(Clone, Debug, Default)]
pub struct SentenceTable {
    dims: usize,
    bits: u8,
    /// Bytes a vector.
    size: usize,
    hashes: Vec<u64>,
    vectors: Vec<u8>,
}

static BUNDLED: OnceLock<SentenceTable> = OnceLock::new();

impl SentenceTable {
    /// Parses a sentence table, checking every length and that hashes are sorted and distinct.
    ///
    /// ```
    /// use report_diff::engine::semantic::SentenceTable;
    /// let mut bytes = b"RDSV".to_vec();
    /// for n in [2u32, 2, 8, 1] {
    ///     bytes.extend(n.to_le_bytes()); // version, dims, bits, count
    /// }
    /// bytes.extend(7u64.to_le_bytes()); // the hash of a sentence
    /// bytes.extend([3, 4]); // its vector
    /// let t = SentenceTable::from_bytes(&bytes).unwrap();
    /// assert_eq!(t.len(), 1);
    /// assert!(SentenceTable::from_bytes(&bytes[..bytes.len() - 1]).is_err());
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, FormatError> {
        let mut r = Reader {
            bytes,
            pos: 0,
            what: "sentence table",
        };
        let (dims, bits, size) = r.header(b"RDSV")?;
        let count = r.u32()? as usize;
        let record = 8 + size;
        let expected = count.checked_mul(record).and_then(|n| n.checked_add(r.pos));
        if expected != Some(bytes.len()) {
            return err(format!(
                "sentence table: {} bytes, but the header announces {count} vectors of {dims} dimensions ({} bytes)",
                bytes.len(),
                expected.map_or_else(|| "too many".to_string(), |n| n.to_string())
            ));
        }
        let mut hashes = Vec::with_capacity(count);
        let mut vectors = Vec::with_capacity(count * size);
        for _ in 0..count {
            let h = r.take(8)?;
            let h = u64::from_le_bytes([h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]]);
            if hashes.last().is_some_and(|&last| last >= h) {
                return err("sentence table: hashes not strictly ascending");
            }
            hashes.push(h);
            vectors.extend_from_slice(r.take(size)?);
        }
        Ok(SentenceTable {
            dims,
            bits,
            size,
            hashes,
            vectors,
        })
    }

    /// The vectors of every segment of the bundled reports (`data/sentences.bin`, compiled in),
    /// parsed on first use.
    ///
    /// ```
    /// use report_diff::corpus;
    /// use report_diff::engine::semantic::SentenceTable;
    /// use report_diff::engine::Document;
    /// let doc = Document::new(corpus::reports()[0].text);
    /// let s = &doc.segments()[0];
    /// assert!(SentenceTable::bundled().get(&doc.text()[s.text.0..s.text.1]).is_some());
    /// ```
    pub fn bundled() -> &'static SentenceTable {
        BUNDLED.get_or_init(|| {
            // tests/vectors.rs checks that the bundled file parses; were it broken, the
            // comparison would still run without the semantic signal.
            Self::from_bytes(include_bytes!("../../data/sentences.bin")).unwrap_or_default()
        })
    }

    /// The vector of exactly this sentence text (a segment's `text` span), if known.
    ///
    /// ```
    /// use report_diff::engine::semantic::SentenceTable;
    /// assert!(SentenceTable::bundled().get("A sentence no report has.").is_none());
    /// ```
    pub fn get(&self, sentence: &str) -> Option<Vector> {
        let i = self
            .hashes
            .binary_search(&fnv1a64(sentence.as_bytes()))
            .ok()?;
        let q = self.vectors.get(i * self.size..(i + 1) * self.size)?;
        unit(dequantise(q, self.bits, self.dims))
    }

    /// Number of sentences in the table.
    ///
    /// ```
    /// use report_diff::engine::semantic::SentenceTable;
    /// assert!(SentenceTable::bundled().len() > 100);
    /// ```
    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    /// True when the table holds no sentence.
    ///
    /// ```
    /// use report_diff::engine::semantic::SentenceTable;
    /// assert!(!SentenceTable::bundled().is_empty());
    /// assert!(SentenceTable::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }
}

/// A static word-vector table: embeds any English or Chinese sentence as the weighted mean of
/// its words' vectors, in the same space as [`SentenceTable`]'s vectors.
///
/// Format (`data/words.bin`, little-endian): `b"RDWT"`, version `u32` (2), dims `u32`, bits a
/// component `u32` (4 or 8), English word count `u32`, Chinese word count `u32`, the largest word
/// scale `f32`, the largest word weight `f32`, the English and then the Chinese mean of averaged
/// sentences (`dims` × `f32` each); then the English and then the Chinese records, each list
/// sorted by the words' bytes: word length `u8`, the word (UTF-8), scale `u16`, weight `u16` (both
/// as fractions of their largest value, /65535), the components packed as in [`SentenceTable`].
/// A word's vector is scale × its integer components.
///
/// Tokenisation (mirrored by the build script): English word units ([`units`]) lower-cased,
/// `’` read as `'`, a possessive `'s` dropped when only the bare word is known, unknown words
/// skipped; Chinese runs cut by forward maximum matching over the vocabulary, characters that
/// start no known word skipped.
#[derive(Clone, Debug)]
pub struct WordTable {
    dims: usize,
    bits: u8,
    /// Bytes a vector.
    size: usize,
    records: Vec<u8>,
    en: Vec<u32>,
    zh: Vec<u32>,
    zh_max_chars: usize,
    scale_max: f32,
    weight_max: f32,
    mean_en: Vec<f32>,
    mean_zh: Vec<f32>,
}

impl WordTable {
    /// Parses a word table, checking every length, that each list is sorted without
    /// duplicates and that every word is UTF-8.
    ///
    /// ```
    /// use report_diff::engine::semantic::WordTable;
    /// let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/words.bin")).unwrap();
    /// let table = WordTable::from_bytes(&bytes).unwrap();
    /// assert!(table.len() > 10_000);
    /// assert!(WordTable::from_bytes(&bytes[..100]).is_err());
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, FormatError> {
        let mut r = Reader {
            bytes,
            pos: 0,
            what: "word table",
        };
        let (dims, bits, size) = r.header(b"RDWT")?;
        let n_en = r.u32()? as usize;
        let n_zh = r.u32()? as usize;
        let scale_max = r.f32()?;
        let weight_max = r.f32()?;
        if !(scale_max.is_finite() && weight_max.is_finite() && scale_max > 0.0 && weight_max > 0.0)
        {
            return err("word table: scale or weight maximum is not a positive number");
        }
        let mut means = [Vec::new(), Vec::new()];
        for mean in &mut means {
            *mean = r
                .take(dims * 4)?
                .chunks_exact(4)
                .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                .collect();
            if mean.iter().any(|x| !x.is_finite()) {
                return err("word table: a language mean is not finite");
            }
        }
        let start = r.pos;
        let mut offsets = [Vec::new(), Vec::new()];
        let mut zh_max_chars = 0;
        for (k, (list, n)) in offsets.iter_mut().zip([n_en, n_zh]).enumerate() {
            // Each record takes at least 6 + size bytes: bound the allocation by the input.
            list.reserve(n.min(bytes.len() / (6 + size)));
            let mut prev: Option<&[u8]> = None;
            for _ in 0..n {
                let at = r.pos - start;
                let len = usize::from(r.take(1)?[0]);
                let word = r.take(len)?;
                let Ok(text) = std::str::from_utf8(word) else {
                    return err(format!(
                        "word table: word at byte {} is not UTF-8",
                        r.pos - len
                    ));
                };
                if word.is_empty() || prev.is_some_and(|p| p >= word) {
                    return err(format!(
                        "word table: {} words not sorted or not distinct at {text:?}",
                        ["English", "Chinese"][k]
                    ));
                }
                if k == 1 {
                    zh_max_chars = zh_max_chars.max(text.chars().count());
                }
                prev = Some(word);
                r.take(4 + size)?;
                list.push(at as u32);
            }
        }
        if r.pos != bytes.len() {
            return err(format!(
                "word table: {} bytes after the last record",
                bytes.len() - r.pos
            ));
        }
        if bytes.len() - start > u32::MAX as usize {
            return err("word table: larger than 4 GiB");
        }
        let [en, zh] = offsets;
        let [mean_en, mean_zh] = means;
        Ok(WordTable {
            dims,
            bits,
            size,
            records: bytes[start..].to_vec(),
            en,
            zh,
            zh_max_chars,
            scale_max,
            weight_max,
            mean_en,
            mean_zh,
        })
    }

    /// Number of words (English and Chinese) in the table.
    ///
    /// ```
    /// use report_diff::engine::semantic::WordTable;
    /// let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/words.bin")).unwrap();
    /// assert!(WordTable::from_bytes(&bytes).unwrap().len() > 10_000);
    /// ```
    pub fn len(&self) -> usize {
        self.en.len() + self.zh.len()
    }

    /// True when the table holds no word.
    ///
    /// ```
    /// use report_diff::engine::semantic::WordTable;
    /// let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/words.bin")).unwrap();
    /// assert!(!WordTable::from_bytes(&bytes).unwrap().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The word of the record at `at`, and the rest of the record.
    fn record(&self, at: u32) -> (&[u8], &[u8]) {
        let at = at as usize;
        let len = self.records.get(at).map_or(0, |&l| usize::from(l));
        let word = self.records.get(at + 1..at + 1 + len).unwrap_or_default();
        let rest = self
            .records
            .get(at + 1 + len..at + 5 + len + self.size)
            .unwrap_or_default();
        (word, rest)
    }

    fn find(&self, list: &[u32], word: &[u8]) -> Option<&[u8]> {
        let i = list
            .binary_search_by(|&at| self.record(at).0.cmp(word))
            .ok()?;
        Some(self.record(list[i]).1)
    }

    /// Adds a record's weighted vector to `acc`; returns its weight.
    fn add(&self, rest: &[u8], acc: &mut [f32]) -> f32 {
        let [s0, s1, w0, w1, q @ ..] = rest else {
            return 0.0;
        };
        let scale = f32::from(u16::from_le_bytes([*s0, *s1])) / 65535.0 * self.scale_max;
        let weight = f32::from(u16::from_le_bytes([*w0, *w1])) / 65535.0 * self.weight_max;
        let k = weight * scale;
        for_each_component(q, self.bits, |i, x| {
            if let Some(a) = acc.get_mut(i) {
                *a += k * x;
            }
        });
        weight
    }

    /// The vector of a sentence: the weighted mean of its known words' vectors, minus its
    /// language's mean, unit length; `None` when it has no known word.
    ///
    /// Mixed sentences work: English words inside a Chinese sentence count with their own
    /// vectors, and the sentence is centred by the language [`detect_lang`] gives it.
    ///
    /// ```
    /// use report_diff::engine::semantic::{cosine, WordTable};
    /// let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/words.bin")).unwrap();
    /// let t = WordTable::from_bytes(&bytes).unwrap();
    /// let a = t.embed("The president delayed the order.").unwrap();
    /// let b = t.embed("总统推迟了这项命令。").unwrap();
    /// let c = t.embed("Heavy rain flooded the valley.").unwrap();
    /// assert!(cosine(&a, &b) > cosine(&a, &c));
    /// assert!(t.embed("12:30 — …").is_none());
    /// ```
    pub fn embed(&self, sentence: &str) -> Option<Vector> {
        let mut acc = vec![0f32; self.dims];
        let mut total = 0f32;
        let mut lower = String::new();
        let us = units(sentence, 0);
        let mut i = 0;
        while i < us.len() {
            match us[i].class {
                UnitClass::Cjk => {
                    let j = us[i..]
                        .iter()
                        .position(|u| u.class != UnitClass::Cjk)
                        .map_or(us.len(), |n| i + n);
                    total += self.add_chinese(&us[i..j], sentence, &mut acc);
                    i = j;
                    continue;
                }
                UnitClass::Word => {
                    let piece = sentence.get(us[i].span.0..us[i].span.1).unwrap_or_default();
                    lower.clear();
                    for c in piece.chars() {
                        if c == '\u{2019}' {
                            lower.push('\'');
                        } else {
                            lower.extend(c.to_lowercase());
                        }
                    }
                    let found = self.find(&self.en, lower.as_bytes()).or_else(|| {
                        let bare = lower.strip_suffix("'s")?;
                        self.find(&self.en, bare.as_bytes())
                    });
                    if let Some(rest) = found {
                        total += self.add(rest, &mut acc);
                    }
                }
                _ => {}
            }
            i += 1;
        }
        if total <= 0.0 {
            return None;
        }
        let mean = match detect_lang(sentence) {
            Lang::Zh => &self.mean_zh,
            Lang::En | Lang::Other => &self.mean_en,
        };
        for (a, m) in acc.iter_mut().zip(mean) {
            *a = *a / total - m;
        }
        unit(acc)
    }

    /// Forward maximum matching over one run of CJK units: the longest known word at each
    /// position; a character that starts no known word is skipped.
    fn add_chinese(&self, run: &[super::token::Unit], text: &str, acc: &mut [f32]) -> f32 {
        let mut total = 0.0;
        let mut k = 0;
        while k < run.len() {
            let longest = self.zh_max_chars.min(run.len() - k);
            let mut step = 1;
            for len in (1..=longest).rev() {
                let word = text
                    .get(run[k].span.0..run[k + len - 1].span.1)
                    .unwrap_or_default();
                if let Some(rest) = self.find(&self.zh, word.as_bytes()) {
                    total += self.add(rest, acc);
                    step = len;
                    break;
                }
            }
            k += step;
        }
        total
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A valid sentence table of `n` two-dimensional vectors.
    fn sentence_bytes(n: u32) -> Vec<u8> {
        let mut b = b"RDSV".to_vec();
        for x in [VERSION, 2, 8, n] {
            b.extend(x.to_le_bytes());
        }
        for h in 0..u64::from(n) {
            b.extend((h * 10).to_le_bytes());
            b.extend([(h as u8).wrapping_add(1), 2]);
        }
        b
    }

    /// A valid word table: two dimensions, English "a", "b" and Chinese "中", "中国".
    fn word_bytes() -> Vec<u8> {
        let mut b = b"RDWT".to_vec();
        for x in [VERSION, 2, 8, 2, 2] {
            b.extend(x.to_le_bytes());
        }
        for x in [1.0f32, 1.0, 0.0, 0.0, 0.0, 0.0] {
            b.extend(x.to_le_bytes());
        }
        for (w, q) in [
            ("a", [127i8, 0]),
            ("b", [0, 127]),
            ("中", [127, 1]),
            ("中国", [1, 127]),
        ] {
            b.push(w.len() as u8);
            b.extend(w.as_bytes());
            b.extend(u16::MAX.to_le_bytes());
            b.extend(u16::MAX.to_le_bytes());
            b.extend(q.map(|x| x as u8));
        }
        b
    }

    fn real_words() -> &'static WordTable {
        static TABLE: OnceLock<WordTable> = OnceLock::new();
        TABLE.get_or_init(|| WordTable::from_bytes(include_bytes!("../../data/words.bin")).unwrap())
    }

    #[test]
    fn fnv_matches_reference_values() {
        // Published FNV-1a 64 test vectors.
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn small_tables_parse_and_answer() {
        let s = SentenceTable::from_bytes(&sentence_bytes(3)).unwrap();
        assert_eq!(s.len(), 3);
        let w = WordTable::from_bytes(&word_bytes()).unwrap();
        assert_eq!((w.len(), w.zh_max_chars), (4, 2));
        // "中国" is one word (longest match), not "中" + an unknown "国".
        let v = w.embed("中国").unwrap();
        assert!(v.0[1] > 0.99, "{v:?}");
        let v = w.embed("A, a… B!").unwrap();
        assert!((v.0[0] - v.0[1]).abs() > 0.1 && v.0[0] > 0.0);
        assert!(w.embed("zzz 123").is_none());
    }

    #[test]
    fn four_bit_components_unpack_with_their_sign() {
        let mut b = b"RDSV".to_vec();
        for x in [VERSION, 4, 4, 1] {
            b.extend(x.to_le_bytes());
        }
        b.extend(fnv1a64(b"x").to_le_bytes());
        b.extend([0x97, 0x01]); // 7, -7, 1, 0
        let v = SentenceTable::from_bytes(&b).unwrap().get("x").unwrap();
        let n = (7f32 * 7.0 * 2.0 + 1.0).sqrt();
        let want = [7.0 / n, -7.0 / n, 1.0 / n, 0.0];
        assert!(
            v.0.iter().zip(want).all(|(a, b)| (a - b).abs() < 1e-6),
            "{v:?}"
        );
        // An odd number of 4-bit components cannot be packed.
        b[8..12].copy_from_slice(&3u32.to_le_bytes());
        let e = SentenceTable::from_bytes(&b).unwrap_err().to_string();
        assert!(e.contains("bits"), "{e}");
    }

    #[test]
    fn malformed_bytes_are_errors_that_say_why() {
        let cases: [(&[u8], &str); 3] = [
            (b"", "magic"),
            (b"RDWT\x01\0\0\0", "magic"),
            (b"RDSV\x01\0\0\0\x02\0\0\0\0\0\0\0", "version"),
        ];
        for (bytes, says) in cases {
            let e = SentenceTable::from_bytes(bytes).unwrap_err().to_string();
            assert!(e.contains(says), "{e}");
        }
        assert!(WordTable::from_bytes(b"RDSV")
            .unwrap_err()
            .to_string()
            .contains("magic"));
        let good = sentence_bytes(3);
        for n in 0..good.len() {
            let e = SentenceTable::from_bytes(&good[..n])
                .unwrap_err()
                .to_string();
            assert!(
                e.contains("magic") || e.contains("truncated") || e.contains("bytes"),
                "{e}"
            );
        }
        let good = word_bytes();
        for n in 0..good.len() {
            let e = WordTable::from_bytes(&good[..n]).unwrap_err().to_string();
            assert!(e.contains("magic") || e.contains("truncated"), "{n}: {e}");
        }
        let mut extra = good.clone();
        extra.push(0);
        assert!(WordTable::from_bytes(&extra)
            .unwrap_err()
            .to_string()
            .contains("after the last record"));
        let mut dims = sentence_bytes(1);
        dims[8..12].copy_from_slice(&0u32.to_le_bytes());
        assert!(SentenceTable::from_bytes(&dims)
            .unwrap_err()
            .to_string()
            .contains("dimensions"));
    }

    #[test]
    fn unsorted_or_duplicate_keys_are_rejected() {
        let mut s = sentence_bytes(2);
        let second = 20 + 10;
        s[second..second + 8].copy_from_slice(&0u64.to_le_bytes());
        assert!(SentenceTable::from_bytes(&s)
            .unwrap_err()
            .to_string()
            .contains("ascending"));
        let mut w = word_bytes();
        let first = 4 + 5 * 4 + 8 + 16 + 1;
        w[first] = b'c'; // "c" before "b"
        assert!(WordTable::from_bytes(&w)
            .unwrap_err()
            .to_string()
            .contains("sorted"));
    }

    #[test]
    fn the_real_table_embeds_english_chinese_and_mixed() {
        let t = real_words();
        for s in [
            "The storm closed schools.",
            "暴风雨导致学校停课。",
            "研究人员发布了新的AI模型Mythos。",
            "Apple’s CEO didn’t comment.",
        ] {
            let v = t.embed(s).unwrap();
            let norm: f32 = v.0.iter().map(|x| x * x).sum();
            assert!((norm - 1.0).abs() < 1e-4, "{s}: {norm}");
        }
        // Latin names inside a Chinese sentence count.
        let plain = t.embed("研究人员发布了新的模型。").unwrap();
        let named = t.embed("研究人员发布了新的AI模型。").unwrap();
        assert!(cosine(&plain, &named) < 0.9999);
    }

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = SentenceTable::from_bytes(&bytes);
            let _ = WordTable::from_bytes(&bytes);
            for magic in [b"RDSV", b"RDWT"] {
                let mut b = magic.to_vec();
                b.extend(VERSION.to_le_bytes());
                b.extend(&bytes);
                let _ = SentenceTable::from_bytes(&b);
                let _ = WordTable::from_bytes(&b);
            }
        }

        #[test]
        fn corrupted_tables_never_panic(pos in 0usize..200, byte in any::<u8>(), cut in 0usize..200) {
            for good in [sentence_bytes(5), word_bytes()] {
                let mut b = good.clone();
                let i = pos % b.len();
                b[i] = byte;
                b.truncate(b.len() - cut % 8);
                if let Ok(t) = WordTable::from_bytes(&b) {
                    let _ = t.embed("a b 中国 中");
                }
                if let Ok(t) = SentenceTable::from_bytes(&b) {
                    let _ = t.get("a");
                }
            }
        }

        #[test]
        fn embed_never_panics(text in "\\PC{0,80}", mixed in "[a-zA-Z’' 中国人民的是了AI，。0-9]{0,40}") {
            for s in [&text, &mixed] {
                if let Some(v) = real_words().embed(s) {
                    prop_assert!(v.0.iter().all(|x| x.is_finite()));
                }
                let _ = SentenceTable::bundled().get(s);
            }
        }
    }
}
