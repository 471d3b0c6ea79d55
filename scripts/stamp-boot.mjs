// trunk post_build hook (see Trunk.toml): writes the hashed names of the app's
// JS, wasm and CSS into the copied boot.js (and the JS and wasm into the
// comparison worker, worker.js), so the loaders work wherever they are
// included from. Fails the build if a name cannot be found.
//
// It also gives the word table (data/words.bin, copied by trunk under its own
// name) a content-hashed name, words-<hash>.bin, so hosts can cache it for
// good: the app fetches it only when a text needs it (own texts, a corpus).
//
// Then, for a release build only (`trunk serve` stays fast), it prerenders the
// first screens of the bundled views into first.js (scripts/prerender.mjs),
// which the page shows before the app has loaded.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('stamp-boot: TRUNK_STAGING_DIR is not set (run me as a trunk hook)');
const words = 'words.bin';
if (!readdirSync(dir).includes(words)) throw new Error(`stamp-boot: ${words} not in ${dir} (index.html copies data/words.bin)`);
const hash = createHash('sha256').update(readFileSync(path.join(dir, words))).digest('hex').slice(0, 16);
renameSync(path.join(dir, words), path.join(dir, `words-${hash}.bin`));
const files = readdirSync(dir);
const one = (re, what) => {
  const hits = files.filter((f) => re.test(f));
  if (hits.length !== 1) throw new Error(`stamp-boot: expected one ${what} in ${dir}, found ${JSON.stringify(hits)}`);
  return hits[0];
};
const names = {
  __RD_JS__: one(/^report-diff(-[0-9a-f]+)?\.js$/, 'app JS'),
  __RD_WASM__: one(/^report-diff(-[0-9a-f]+)?_bg\.wasm$/, 'app wasm'),
  __RD_CSS__: one(/^style(-[0-9a-f]+)?\.css$/, 'stylesheet'),
  __RD_WORDS__: one(/^words-[0-9a-f]{16}\.bin$/, 'word table'),
};
// boot.js needs every name; worker.js (the comparison worker) the app's JS and wasm.
for (const [file, keys] of [['boot.js', Object.keys(names)], ['worker.js', ['__RD_JS__', '__RD_WASM__']]]) {
  const target = path.join(dir, file);
  let text = readFileSync(target, 'utf8');
  for (const k of keys) {
    if (!text.includes(k)) throw new Error(`stamp-boot: ${k} not in ${target}`);
    text = text.replaceAll(k, names[k]);
  }
  writeFileSync(target, text);
}

if (process.env.TRUNK_PROFILE === 'release') {
  const { prerender } = await import('./prerender.mjs');
  await prerender(dir);
}
