// A long synthetic pair of reports for the browser tests and the benchmark:
// made-up words (no language's word list), paragraphs of sentences, and a
// second text that rewords, drops, adds and moves sentences of the first.
// Deterministic for a given seed.

/** A small seeded PRNG (mulberry32): the same texts on every run. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tor', 'vi', 'sa', 'nel', 'dro', 'pu', 'qua', 'bes', 'fi', 'gan', 'hul', 'jor', 'ze', 'wim', 'yas', 'cet'];

/**
 * Two texts of about `bytes` UTF-8 bytes each.
 * @returns {{ a: string, b: string }}
 */
export function longPair(bytes, seed = 7) {
  const rand = rng(seed);
  const pick = (n) => Math.floor(rand() * n);
  // A Zipf-like vocabulary: a few frequent words, many rare ones.
  const vocab = [];
  for (let i = 0; i < 6000; i++) {
    const n = 1 + pick(3);
    let w = '';
    for (let k = 0; k < n; k++) w += SYLLABLES[pick(SYLLABLES.length)];
    vocab.push(w);
  }
  const word = () => vocab[Math.floor(vocab.length * rand() ** 3)];
  const sentence = () => {
    const n = 8 + pick(16);
    const ws = Array.from({ length: n }, word);
    if (rand() < 0.3) ws.splice(pick(n), 0, String(10 + pick(990)));
    const s = ws.join(' ');
    return s[0].toUpperCase() + s.slice(1) + '.';
  };
  const paragraphs = [];
  let size = 0;
  while (size < bytes) {
    const p = Array.from({ length: 2 + pick(4) }, sentence);
    size += p.join(' ').length + 2;
    paragraphs.push(p);
  }
  // B: most sentences kept, some reworded, some dropped, some added; now and
  // then a paragraph moves a few places down.
  const reword = (s) => {
    const ws = s.slice(0, -1).split(' ');
    for (let k = 1 + pick(3); k > 0; k--) ws[pick(ws.length)] = word();
    return ws.join(' ') + '.';
  };
  const bParas = paragraphs.map((p) =>
    p.flatMap((s) => {
      const r = rand();
      if (r < 0.08) return [];
      if (r < 0.3) return [reword(s)];
      if (r < 0.38) return [s, sentence()];
      return [s];
    }),
  );
  for (let i = 0; i + 4 < bParas.length; i += 9 + pick(9)) {
    const [moved] = bParas.splice(i, 1);
    bParas.splice(i + 3, 0, moved);
  }
  const text = (ps) => ps.filter((p) => p.length).map((p) => p.join(' ')).join('\n\n') + '\n';
  return { a: text(paragraphs), b: text(bParas) };
}
