// Browser benchmark of the release build (dist/) in headless Chromium.
//
//   node e2e/bench.mjs            (after `trunk build --release`; scripts/bench.sh does both)
//
// Prints figures only: nothing here fails on a slow machine. It is not a
// *.test.mjs file, so `node --test e2e/` does not run it. The issue's target is
// "the whole 10-pair comparison in under 20 ms in Chromium"; the numbers below
// are what to hold against it.
//
// Measures, with performance.now() inside the page:
//   - the engine through the wasm build's benchmark hooks on window.wasmBindings
//     (bench_build_collection, bench_compare_all_pairs, bench_overview): first call, then
//     min / median / p90 over BENCH_RUNS runs after BENCH_WARMUP warm-up calls;
//   - page load: navigation start → the app's first render (#app-root[data-ready]);
//   - switching report B with page.selectOption('#pick-b', …) until pane B shows it;
//   - the size of every file in dist/, raw and gzipped (level 9).
// Ends with one line `BENCH_JSON {…}` holding every number.
//
// Environment: BENCH_RUNS (30), BENCH_WARMUP (5), BENCH_LOADS (5), BENCH_SWITCHES (10),
// CHROMIUM (/usr/bin/chromium), E2E_DIST (dist/).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { startServer } from './server.mjs';
import { DIST_DIR, READY_SELECTOR, launchBrowser, reportText, stripWs } from './helpers.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 30);
const WARMUP = Number(process.env.BENCH_WARMUP || 5);
const LOADS = Number(process.env.BENCH_LOADS || 5);
const SWITCHES = Number(process.env.BENCH_SWITCHES || 10);
const WAIT_MS = 20_000;

function die(msg) {
  console.error(`bench: error: ${msg}`);
  process.exit(1);
}

if (!existsSync(path.join(DIST_DIR, 'index.html'))) {
  die(`${path.join(DIST_DIR, 'index.html')} not found: run \`trunk build --release\` first (scripts/bench.sh does)`);
}

// ---------------------------------------------------------------- statistics

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
  const r = (x) => Math.round(x * 1000) / 1000;
  return { n: s.length, min: r(s[0]), median: r(at(0.5)), p90: r(at(0.9)), max: r(s[s.length - 1]) };
}

const fmt = (x) => (x == null ? '-' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;

// ---------------------------------------------------------------- sizes

function distSizes() {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue; // trunk's .stage/ while a build runs
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else {
        const body = readFileSync(full);
        files.push({ file: path.relative(DIST_DIR, full), raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
      }
    }
  };
  walk(DIST_DIR);
  const sum = (list) => list.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip }), { raw: 0, gzip: 0 });
  const code = files.filter((f) => /\.(wasm|js)$/.test(f.file));
  return { files, wasm_js_total: sum(code), all_total: sum(files) };
}

// ---------------------------------------------------------------- browser

const errors = [];
function watch(page) {
  page.on('pageerror', (e) => errors.push(`pageerror: ${e?.stack || e}`));
  page.on('crash', () => errors.push('page crashed'));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/favicon\.ico/.test(m.location()?.url ?? '')) errors.push(`console.error: ${m.text()}`);
  });
}

async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  watch(page);
  return page;
}

// Installed before any page script: records (ms since navigation start) when the
// app says it is ready, the frame after that, and when trunk's loader finished.
function loadProbe(readySelector) {
  const t = (window.__bench = { ready: null, readyFrame: null, started: null });
  addEventListener('TrunkApplicationStarted', () => (t.started ??= performance.now()));
  const check = () => {
    if (t.ready == null && document.querySelector(readySelector)) {
      t.ready = performance.now();
      obs.disconnect();
      requestAnimationFrame(() => (t.readyFrame = performance.now()));
    }
  };
  const obs = new MutationObserver(check);
  obs.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-ready'] });
}

async function measureLoad(browser, url) {
  const page = await newPage(browser);
  await page.addInitScript(loadProbe, READY_SELECTOR);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__bench?.readyFrame != null, null, { timeout: WAIT_MS });
  const r = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      html_response_end: nav?.responseEnd,
      dom_content_loaded: nav?.domContentLoadedEventEnd,
      wasm_fetched: wasm?.responseEnd,
      first_contentful_paint: fcp?.startTime,
      app_started: window.__bench.started,
      ready: window.__bench.ready,
      ready_frame: window.__bench.readyFrame,
    };
  });
  await page.context().close();
  return r;
}

// The engine, through the wasm build's hooks. Runs entirely in the page.
async function measureEngine(page) {
  await page.waitForFunction(() => typeof window.wasmBindings?.bench_compare_all_pairs === 'function', null, { timeout: WAIT_MS });
  return page.evaluate(
    ({ runs, warmup }) => {
      const w = window.wasmBindings;
      const time = (f) => {
        const t0 = performance.now();
        const out = f();
        return [performance.now() - t0, out];
      };
      // First calls: the app has already built its own collection and compared one
      // pair, so the wasm code is loaded, but these hooks' own state is cold
      // (compare_all_pairs builds and caches its collection on its first call).
      const [firstBuild, segments] = time(() => w.bench_build_collection());
      const [firstCompare, rows] = time(() => w.bench_compare_all_pairs());
      const [firstOverview, facts] = time(() => w.bench_overview());
      for (let i = 0; i < warmup; i++) {
        w.bench_build_collection();
        w.bench_compare_all_pairs();
        w.bench_overview();
      }
      const build = [];
      const compare = [];
      const both = [];
      for (let i = 0; i < runs; i++) build.push(time(() => w.bench_build_collection())[0]);
      for (let i = 0; i < runs; i++) compare.push(time(() => w.bench_compare_all_pairs())[0]);
      const overview = [];
      for (let i = 0; i < runs; i++) overview.push(time(() => w.bench_overview())[0]);
      for (let i = 0; i < runs; i++)
        both.push(
          time(() => {
            w.bench_build_collection();
            w.bench_compare_all_pairs();
          })[0],
        );
      return { segments, rows, facts, firstBuild, firstCompare, firstOverview, build, compare, overview, both, crossOriginIsolated: self.crossOriginIsolated };
    },
    { runs: RUNS, warmup: WARMUP },
  );
}

// Arms a probe in the page: t0 at the `input` event on #pick-b (capture phase,
// before the app's handler), `dom` when pane B's text equals `expected`
// (whitespace removed; checked on every DOM mutation), `frame` at the next frame.
function armSwitchProbe(expected) {
  const strip = (s) => s.replace(/\s+/gu, '');
  const isDecor = (e) => e.getAttribute('aria-hidden') === 'true' || e.hasAttribute('data-decor');
  const paneB = () => {
    let out = '';
    for (const el of document.querySelectorAll('[data-pane="b"] [data-text]')) {
      if (el.parentElement?.closest('[data-text]')?.closest('[data-pane="b"]')) continue; // nested data-text
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        let decor = false;
        for (let e = n.parentElement; e && !e.hasAttribute('data-pane'); e = e.parentElement) if (isDecor(e)) decor = true;
        if (!decor) out += n.data;
      }
    }
    return strip(out);
  };
  const p = (window.__switch = { t0: null, dom: null, frame: null, checks: 0 });
  const onInput = (e) => {
    if (e.target?.id === 'pick-b' && p.t0 == null) p.t0 = performance.now();
  };
  addEventListener('input', onInput, true);
  const check = () => {
    if (p.t0 == null || p.dom != null) return;
    p.checks++;
    if (paneB() === expected) {
      p.dom = performance.now();
      obs.disconnect();
      removeEventListener('input', onInput, true);
      requestAnimationFrame(() => (p.frame = performance.now()));
    }
  };
  const obs = new MutationObserver(check);
  obs.observe(document.getElementById('app-root') ?? document.body, { childList: true, subtree: true, characterData: true, attributes: true });
}

async function measureSwitches(browser, url) {
  const page = await newPage(browser);
  await page.goto(`${url}/?a=000&b=001&view=split`, { waitUntil: 'load' });
  await page.waitForSelector(READY_SELECTOR, { timeout: WAIT_MS });
  const expected = { '001': stripWs(reportText('001')), '004': stripWs(reportText('004')) };
  const out = { to004: [], to001: [] };
  for (let i = 0; i < SWITCHES; i++) {
    for (const id of ['004', '001']) {
      await page.evaluate(armSwitchProbe, expected[id]);
      await page.selectOption('#pick-b', id);
      try {
        await page.waitForFunction(() => window.__switch.frame != null, null, { timeout: WAIT_MS });
      } catch {
        const s = await page.evaluate(() => window.__switch);
        throw new Error(`pane B never showed report ${id} after selecting it (probe: ${JSON.stringify(s)})`);
      }
      const s = await page.evaluate(() => window.__switch);
      out[`to${id}`].push({ dom: s.dom - s.t0, frame: s.frame - s.t0 });
    }
  }
  await page.context().close();
  return out;
}

// ---------------------------------------------------------------- main

const sizes = distSizes();
const server = await startServer(DIST_DIR);
let browser;
let result;
try {
  browser = await launchBrowser();
  const version = browser.version();

  const loads = [];
  for (let i = 0; i < LOADS; i++) loads.push(await measureLoad(browser, `${server.url}/`));

  const enginePage = await newPage(browser);
  await enginePage.goto(`${server.url}/`, { waitUntil: 'load' });
  await enginePage.waitForSelector(READY_SELECTOR, { timeout: WAIT_MS });
  const engine = await measureEngine(enginePage);
  await enginePage.context().close();

  const switches = await measureSwitches(browser, server.url);
  result = { version, loads, engine, switches };
} finally {
  await browser?.close().catch(() => {});
  await server.close();
}

const { version, loads, engine, switches } = result;
const loadKeys = ['html_response_end', 'wasm_fetched', 'app_started', 'ready', 'ready_frame', 'first_contentful_paint'];
const loadStats = Object.fromEntries(
  loadKeys.map((k) => {
    const v = loads.map((l) => l[k]).filter((x) => typeof x === 'number');
    return [k, v.length ? { first: Math.round(v[0] * 1000) / 1000, ...stats(v) } : null];
  }),
);
const switchStats = {};
for (const dir of ['to004', 'to001']) {
  for (const k of ['dom', 'frame']) {
    const v = switches[dir].map((s) => s[k]);
    switchStats[`${dir}_${k}`] = { first: Math.round(v[0] * 1000) / 1000, ...stats(v) };
  }
}
const engineStats = {
  first_build_collection_ms: Math.round(engine.firstBuild * 1000) / 1000,
  first_compare_all_pairs_ms: Math.round(engine.firstCompare * 1000) / 1000,
  build_collection: stats(engine.build),
  compare_all_10_pairs: stats(engine.compare),
  build_and_compare_all_10_pairs: stats(engine.both),
  first_overview_ms: Math.round(engine.firstOverview * 1000) / 1000,
  overview_5_reports: stats(engine.overview),
  facts: engine.facts,
  segments: engine.segments,
  rows: engine.rows,
};

// ---------------------------------------------------------------- report

const line = (cells, widths) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
const W = [44, 9, 9, 9, 9];
console.log(`\nreport-diff browser benchmark — ${version} (headless), dist: ${DIST_DIR}`);
console.log(`performance.now() resolution: ${engine.crossOriginIsolated ? '5 µs (cross-origin isolated)' : '~0.1 ms (page not cross-origin isolated)'}\n`);

console.log(`Engine in wasm (window.wasmBindings), ${RUNS} runs after ${WARMUP} warm-up calls; ms`);
console.log(line(['', 'min', 'median', 'p90', 'max'], W));
for (const [label, s] of [
  ['build collection (5 reports)', engineStats.build_collection],
  ['compare all 10 pairs (cached collection)', engineStats.compare_all_10_pairs],
  ['build + compare all 10 pairs', engineStats.build_and_compare_all_10_pairs],
  ['whole overview of the 5 reports', engineStats.overview_5_reports],
])
  console.log(line([label, fmt(s.min), fmt(s.median), fmt(s.p90), fmt(s.max)], W));
console.log(`first call: build collection ${fmt(engineStats.first_build_collection_ms)} ms; compare all 10 pairs (builds its cached collection) ${fmt(engineStats.first_compare_all_pairs_ms)} ms`);
console.log(`(${engine.segments} segments, ${engine.rows} rows over the 10 pairs; issue target: whole 10-pair comparison < 20 ms)`);
console.log(`overview: first call ${fmt(engineStats.first_overview_ms)} ms, ${engine.facts} story-map facts (all pairs compared, story map, coverage, quotes, figures, names, summary; collection cached); target < 50 ms\n`);

console.log(`Page load, ms since navigation start, ${LOADS} fresh loads of / (no HTTP cache: server sends no-store)`);
console.log(line(['', 'first', 'min', 'median', 'p90'], W));
for (const [label, k] of [
  ['HTML received', 'html_response_end'],
  ['.wasm received', 'wasm_fetched'],
  ['first contentful paint (loading text)', 'first_contentful_paint'],
  ['app rendered (data-ready="true" in DOM)', 'ready'],
  ['next frame after app rendered', 'ready_frame'],
  ['trunk loader done (TrunkApplicationStarted)', 'app_started'],
]) {
  const s = loadStats[k];
  console.log(line([label, fmt(s?.first), fmt(s?.min), fmt(s?.median), fmt(s?.p90)], W));
}

console.log(`\nSwitch report B (page.selectOption('#pick-b'), a=000), ${SWITCHES} times each way; ms from the input event`);
console.log(line(['', 'first', 'min', 'median', 'p90'], W));
for (const [label, k] of [
  ['001 → 004: pane B shows 004 (DOM)', 'to004_dom'],
  ['001 → 004: next frame', 'to004_frame'],
  ['004 → 001: pane B shows 001 (DOM)', 'to001_dom'],
  ['004 → 001: next frame', 'to001_frame'],
]) {
  const s = switchStats[k];
  console.log(line([label, fmt(s.first), fmt(s.min), fmt(s.median), fmt(s.p90)], W));
}

console.log('\nDownload size of dist/ (gzip level 9)');
const SW = [44, 12, 12];
console.log(line(['file', 'raw', 'gzip'], SW));
for (const f of sizes.files) console.log(line([f.file, kb(f.raw), kb(f.gzip)], SW));
console.log(line(['total .wasm + .js', kb(sizes.wasm_js_total.raw), kb(sizes.wasm_js_total.gzip)], SW));
console.log(line(['total (all files)', kb(sizes.all_total.raw), kb(sizes.all_total.gzip)], SW));

if (errors.length) {
  console.log(`\nPage errors during the benchmark (${errors.length}):`);
  for (const e of errors) console.log(`  ${e}`);
}

console.log(
  'BENCH_JSON ' +
    JSON.stringify({
      browser: version,
      runs: RUNS,
      warmup: WARMUP,
      engine_ms: engineStats,
      load_ms: loadStats,
      switch_pair_ms: switchStats,
      sizes_bytes: sizes,
      errors,
    }),
);
if (errors.length) process.exit(1);
