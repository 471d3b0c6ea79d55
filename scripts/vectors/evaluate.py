#!/usr/bin/env python3
"""Measures the design choices of the semantic vectors against the gold sentence alignment.

    python3 scripts/vectors/evaluate.py [--gold ../shared/gold] [--seeds ../shared/seeds]

For each variant, threshold-only alignment: every pair (x in A, y in B) of annotated gold
sentences with cosine >= t is predicted; precision = predicted pairs that are gold pairs /
predicted; recall = gold-paired sentences (both sides) with at least one correct predicted partner /
gold-paired sentences; micro over the gold files, best F1 over t (one t for all files).
Also: English -> Chinese best match (each English sentence of the translation pair takes its top
Chinese sentence: how many of those are gold pairs).

A guide for design, not a target: it prints aggregate figures only, no sentence.
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import numpy as np  # noqa: E402

import vecs  # noqa: E402


def load_gold(gold_dir, seeds):
    out = []
    for name in ("p000_003.json", "p004en_004zh.json"):
        g = json.load(open(os.path.join(gold_dir, name), encoding="utf-8"))
        files = []
        for key in ("a_file", "b_file"):
            for d in (gold_dir, seeds):
                p = os.path.join(d, g[key])
                if os.path.isfile(p):
                    files.append(p)
                    break
            else:
                sys.exit("%s: %s not found" % (name, g[key]))
        A = sorted({p["a"].strip() for p in g["pairs"]} | {s.strip() for s in g["only_a"]})
        B = sorted({p["b"].strip() for p in g["pairs"]} | {s.strip() for s in g["only_b"]})
        ia, ib = {s: i for i, s in enumerate(A)}, {s: i for i, s in enumerate(B)}
        gold = {(ia[p["a"].strip()], ib[p["b"].strip()]) for p in g["pairs"]}
        out.append(dict(name=name, files=files, A=A, B=B, gold=gold))
    return out


def gold_mask(sim, gold):
    m = np.zeros(sim.shape, bool)
    for i, j in gold:
        m[i, j] = True
    return m


def counts(sim, mask, t):
    """(correct, predicted, gold-paired sentences hit, gold-paired sentences) at threshold t."""
    pred = sim >= t
    correct = pred & mask
    hit = int(correct.any(axis=1).sum() + correct.any(axis=0).sum())
    tot = int(mask.any(axis=1).sum() + mask.any(axis=0).sum())
    return int(correct.sum()), int(pred.sum()), hit, tot


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def best_threshold(sims, golds):
    """(F1, t, P, R, per-file F1) at the t with the best micro F1."""
    best = None
    masks = [gold_mask(s, g) for s, g in zip(sims, golds)]
    for t in np.arange(-0.3, 1.0, 0.0025):
        c = [counts(s, m, t) for s, m in zip(sims, masks)]
        cor, pred, hit, tot = (sum(x[k] for x in c) for k in range(4))
        p, r = (cor / pred if pred else 0.0), hit / tot
        per = [f1(x[0] / x[1] if x[1] else 0.0, x[2] / x[3]) for x in c]
        cand = (f1(p, r), float(t), p, r, per)
        if best is None or cand[0] > best[0]:
            best = cand
    return best


def best_match(sim, gold):
    """English (A) -> Chinese (B): each gold-paired A sentence's top B sentence, how many gold."""
    rows = sorted({i for i, _ in gold})
    return sum((i, int(np.argmax(sim[i]))) in gold for i in rows), len(rows)


def cos_matrix(va, vb):
    return vecs.normalise(va) @ vecs.normalise(vb).T


def recentre(v, langs, own):
    """Subtract the collection's own per-language mean (`own`: lang -> mean), renormalise."""
    v = vecs.normalise(v).copy()
    for i, l in enumerate(langs):
        v[i] -= own["zh" if l == "zh" else "en"]
    return v


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", default=os.path.join(vecs.ROOT, "..", "shared", "gold"))
    ap.add_argument("--seeds", default=os.path.join(vecs.ROOT, "..", "shared", "seeds"))
    ap.add_argument("--vocab", type=int, default=20000, help="words per language embedded alone (query prefix)")
    ap.add_argument("--pseudo", type=int, default=2000, help="pseudo-sentences per language")
    ap.add_argument("--passage-vocab", type=int, default=10000,
                    help="words per language embedded with the passage prefix (embedding is slow)")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "evaluation.md"),
                    help="where to write the figures (data/PROVENANCE.md includes them)")
    args = ap.parse_args()
    gold = load_gold(args.gold, args.seeds)
    golds = [g["gold"] for g in gold]
    log = lambda s: print(s, file=sys.stderr, flush=True)  # noqa: E731

    # The engine's segments of each gold file: the "collection" a run-time centring would use.
    segs = {f: s for f, s in vecs.engine_segments(sorted({f for g in gold for f in g["files"]}))}
    segs = {os.path.abspath(f): s for f, s in segs.items()}

    # Pseudo-sentences are drawn from the 30k most frequent words, as build.py draws them.
    en_all = vecs.vocabulary("en", max(args.vocab, 30000))
    zh_all = vecs.vocabulary("zh", max(args.vocab, 30000))
    fr = {"en": vecs.frequencies("en"), "zh": vecs.frequencies("zh")}

    results = []

    def report(label, sims, extra=""):
        f, t, p, r, per = best_threshold(sims, golds)
        bm = best_match(sims[1], golds[1])
        line = "%-58s F1 %.3f (P %.2f R %.2f) at t=%.3f | 000/003 %.3f, en/zh %.3f | en->zh top-1 %d/%d%s" % (
            label, f, p, r, t, per[0], per[1], bm[0], bm[1], extra)
        print(line, flush=True)
        results.append(line)

    pseudo = {l: vecs.pseudo_sentences(l, v, fr[l], args.pseudo) for l, v in (("en", en_all), ("zh", zh_all))}

    def sentence_variants(plabel, m, fit, dims, bits, units, langs, own_means):
        space = vecs.Space(m, vecs.pca(fit, dims) if dims else None)
        sims, sims_own = [], []
        for k, ((a, b), (la, lb)) in enumerate(zip(units, langs)):
            pa, pb = space.project(a, la), space.project(b, lb)
            if bits:
                pa, pb = vecs.quantise(vecs.normalise(pa), bits), vecs.quantise(vecs.normalise(pb), bits)
            sims.append(cos_matrix(pa, pb))
            own = own_means(space, k, bits)
            sims_own.append(cos_matrix(recentre(pa, la, own), recentre(pb, lb, own)))
        return sims, sims_own

    for prefix in vecs.PREFIXES:
        nv = args.vocab if prefix == "query" else min(args.vocab, args.passage_vocab)
        en, zh = en_all[:nv], zh_all[:nv]
        log("embedding (%s, %d words per language)…" % (prefix, nv))
        raw_words = {"en": vecs.embed(en, prefix, log=log), "zh": vecs.embed(zh, prefix, log=log)}
        raw_pseudo = {l: vecs.embed(pseudo[l], prefix, log=log) for l in pseudo}
        units = [(vecs.embed(g["A"], prefix), vecs.embed(g["B"], prefix)) for g in gold]
        langs = [([vecs.detect_lang(s) for s in g["A"]], [vecs.detect_lang(s) for s in g["B"]]) for g in gold]
        coll = []
        for g in gold:
            texts = [(t, l) for f in g["files"] for t, l in segs[os.path.abspath(f)]]
            raw = vecs.embed([t for t, _ in texts], prefix)
            coll.append((raw, [l for _, l in texts]))

        def own_means(space, k, bits):
            raw, ls = coll[k]
            v = vecs.normalise(space.project(raw, ls))
            if bits:
                v = vecs.normalise(vecs.quantise(v, bits))
            return {l: v[[i for i, x in enumerate(ls) if (x == "zh") == (l == "zh")]].mean(axis=0) for l in ("en", "zh")}

        mw = {l: raw_words[l][:10000].mean(axis=0) for l in raw_words}
        mp = {l: raw_pseudo[l].mean(axis=0) for l in raw_pseudo}
        fit_pseudo = np.vstack([raw_pseudo[l] - mp[l] for l in ("en", "zh")])
        fit_words = np.vstack([raw_words[l][:10000] - mp[l] for l in ("en", "zh")])
        report("%s: raw e5 (384 dims, no centring)" % prefix, [cos_matrix(a, b) for a, b in units])
        variants = [
            ("centred by the mean of 10k vocabulary words, 384 dims float", mw, None, None, None),
            ("centred by the mean of pseudo-sentences, 384 dims float", mp, None, None, None),
            ("  same, PCA 64 fitted on 10k words, int8", mp, fit_words, 64, 8),
            ("  same, PCA 32 fitted on pseudo-sentences, int8", mp, fit_pseudo, 32, 8),
            ("  same, PCA 48 fitted on pseudo-sentences, int8", mp, fit_pseudo, 48, 8),
            ("  same, PCA 64 fitted on pseudo-sentences, int8", mp, fit_pseudo, 64, 8),
            ("  same, PCA 128 fitted on pseudo-sentences, int8", mp, fit_pseudo, 128, 8),
            ("  same, PCA 128 fitted on pseudo-sentences, 4-bit", mp, fit_pseudo, 128, 4),
        ]
        for label, m, fit, dims, bits in variants:
            sims, sims_own = sentence_variants(prefix, m, fit, dims, bits, units, langs, own_means)
            report("%s: %s" % (prefix, label), sims)
            report("  + recentred by the collection's own mean", sims_own)

        # The word table, built as build.py builds it, at several sizes and dims.
        for n in (10000, 20000):
            if n > nv:
                continue
            for fname, dims, bits, a_sif in (("words", 64, 8, 1e-3), ("pseudo-sentences", 64, 8, 1e-3),
                                             ("pseudo-sentences", 128, 4, 1e-3), ("pseudo-sentences", 128, 4, None),
                                             ("pseudo-sentences", 128, 8, 1e-3)):
                fit = fit_words if fname == "words" else fit_pseudo
                space = vecs.Space(mp, vecs.pca(fit, dims))
                table = vecs.WordTable(en[:n], zh[:n], space, raw_words["en"][:n], raw_words["zh"][:n],
                                       a_sif, fr["en"], fr["zh"], bits)
                sims, sims_own = [], []
                for k, g in enumerate(gold):
                    def emb(s):
                        v = table.embed(s)
                        return v if v is not None else np.zeros(dims)
                    va, vb = np.stack([emb(s) for s in g["A"]]), np.stack([emb(s) for s in g["B"]])
                    sims.append(cos_matrix(va, vb))
                    la, lb = langs[k]
                    texts = [t for f in g["files"] for t, _ in segs[os.path.abspath(f)]]
                    cv = [(table.embed(t), vecs.detect_lang(t)) for t in texts]
                    own = {l: np.mean([v for v, x in cv if v is not None and (x == "zh") == (l == "zh")], axis=0)
                           for l in ("en", "zh")}
                    sims_own.append(cos_matrix(recentre(va, la, own), recentre(vb, lb, own)))
                size = sum(1 + len(w.encode()) + 4 + dims * bits // 8 for w in en[:n] + zh[:n]) + 32 + 8 * dims
                report("%s: word table %dk+%dk words, PCA %d (fit: %s), %d-bit, SIF a=%s (%.2f MB)" % (
                    prefix, n // 1000, n // 1000, dims, fname, bits, a_sif, size / 1e6), sims)
                report("  + recentred by the collection's own mean", sims_own)
    write(args.out, results, args)


def write(path, lines, args):
    import datetime

    with open(path, "w", encoding="utf-8") as f:
        f.write("Figures of `python3 scripts/vectors/evaluate.py --vocab %d --pseudo %d` (%s), on the gold files "
                "p000_003 and p004en_004zh: threshold-only alignment of all annotated sentence pairs, "
                "micro F1 at the best threshold t; en->zh top-1 = English sentences of 004en whose "
                "most similar Chinese sentence is a gold partner. \"+ recentred\" = the line above with "
                "each language's mean over the two compared documents' segments subtracted at run time.\n\n```text\n"
                % (args.vocab, args.pseudo, datetime.date.today().isoformat()))
        f.write("\n".join(lines) + "\n```\n")


if __name__ == "__main__":
    main()
