// Browser benchmark of the release build (dist/) in headless Chromium.
//
//   npm run bench                 (setup, `trunk build --release`, then this file)
//   node e2e/bench.mjs            (after `trunk build --release`)
//
// Prints figures only: nothing here fails on a slow machine. It is not a
// *.test.mjs file, so `node --test e2e/` does not run it.
//
// Measures, with performance.now() inside the page (medians unless said):
//   - first comparison painted: for every bundled pair, fresh loads of
//     ?a=X&b=Y from navigation start until the first [data-pane] is in the
//     DOM and the frame that shows it has been produced (rAF, then a task):
//     the prerendered markup first.js shows (scripts/prerender.mjs), or the
//     app's own render where there is none; and until the app is interactive
//     (its live #app-root[data-ready="true"], and the frame after it); the
//     landing view (the overview) likewise;
//   - the engine through the wasm build's benchmark hooks on window.wasmBindings
//     (bench_build_collection, bench_compare_all_pairs, bench_overview), and in
//     the same page jsdiff's diffWords (npm `diff`) and diff-match-patch's
//     diff_main + diff_cleanupSemantic (npm `diff-match-patch`, its default
//     1 s timeout) on the same 10 pairs, with the ratios;
//   - synthetic pairs (`cargo run --release --example synth`, 50 % of the
//     sentences rewritten) of 100 KB and 1 MB per text, through
//     bench_compare_texts on the main thread (the engine alone) and pasted as
//     own texts into the app (a web worker): the total time and the longest
//     main-thread task (a long-task observer);
//   - switching report B with page.selectOption('#pick-b', …) until pane B shows it;
//   - opening the overview from the pair view (a click on its tab) until the
//     story map is in the DOM, and the next frame;
//   - the size of every file in dist/, raw, gzip (level 9) and brotli (quality 11);
//     what the first paint needs (index.html, CSS, boot.js and first.js, which
//     holds every prerendered view) and what the interactive app needs (wasm +
//     app JS).
// Ends with one line `BENCH_JSON {…}` holding every number.
//
// Environment: BENCH_RUNS (30), BENCH_WARMUP (5), BENCH_LOADS (9 per pair),
// BENCH_PEER_RUNS (3: jsdiff takes seconds), BENCH_SWITCHES (10),
// BENCH_SYNTH (100000,1000000: bytes per text; empty for none),
// BENCH_OWN_RUNS (3: pastes of each synthetic pair into a fresh page),
// CHROMIUM (/usr/bin/chromium), E2E_DIST (dist/).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { startServer } from './server.mjs';
import { SLOT } from '../scripts/prerender.mjs';
import { DIST_DIR, READY_SELECTOR, REPO_ROOT, allPairs, launchBrowser, reportText, stripWs } from './helpers.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 30);
const WARMUP = Number(process.env.BENCH_WARMUP || 5);
const LOADS = Number(process.env.BENCH_LOADS || 9);
const SWITCHES = Number(process.env.BENCH_SWITCHES || 10);
const PEER_RUNS = Number(process.env.BENCH_PEER_RUNS || 3);
const SYNTH = (process.env.BENCH_SYNTH ?? '100000,1000000')
  .split(',')
  .filter((x) => x.trim())
  .map(Number);
const OWN_RUNS = Number(process.env.BENCH_OWN_RUNS || 3);
const SYNTH_REWRITTEN = 50;
const SYNTH_SEED = 2026;
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
        const brotli = brotliCompressSync(body, {
          params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length },
        }).length;
        files.push({ file: path.relative(DIST_DIR, full), raw: body.length, gzip: gzipSync(body, { level: 9 }).length, brotli });
      }
    }
  };
  walk(DIST_DIR);
  const sum = (list) =>
    list.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  // What the app's page needs for its first paint: the page, the style sheet,
  // boot.js and first.js, which holds every prerendered view (without them,
  // the first paint waits for the app); then, to become interactive, the app
  // (wasm and its JS bindings). host.js is for host pages, worker.js and the
  // word table for other texts.
  const first = path.join(DIST_DIR, 'first.js');
  const prerendered = existsSync(first) && !readFileSync(first, 'utf8').includes(SLOT);
  const page = files.filter((f) => ['index.html', 'boot.js', 'first.js'].includes(f.file) || /\.css$/.test(f.file));
  const app = files.filter((f) => /\.wasm$/.test(f.file) || /^report-diff[^/]*\.js$/.test(f.file));
  return {
    files,
    prerendered,
    first_paint_total: sum(prerendered ? page : [...page, ...app]),
    app_total: sum(app),
    all_total: sum(files),
  };
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
// app says it is ready, when the first comparison pane is in the DOM, the frame
// that shows each (rAF, then a task: the frame has been produced), and when
// trunk's loader finished.
function loadProbe(readySelector) {
  const t = (window.__bench = { ready: null, readyFrame: null, pane: null, paneFrame: null, view: null, viewFrame: null, started: null });
  addEventListener('TrunkApplicationStarted', () => (t.started ??= performance.now()));
  const afterFrame = (key) => requestAnimationFrame(() => setTimeout(() => (t[key] = performance.now()), 0));
  const check = () => {
    if (t.ready == null && document.querySelector(readySelector)) {
      t.ready = performance.now();
      afterFrame('readyFrame');
    }
    if (t.pane == null && document.querySelector('[data-pane]')) {
      t.pane = performance.now();
      afterFrame('paneFrame');
    }
    // Any view at all: the prerendered one, or the app's.
    if (t.view == null && document.querySelector('#app-root')) {
      t.view = performance.now();
      afterFrame('viewFrame');
    }
    if (t.ready != null && t.pane != null) obs.disconnect();
  };
  const obs = new MutationObserver(check);
  obs.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-ready', 'data-pane'] });
}

async function measureLoad(browser, url, until = 'readyFrame') {
  const page = await newPage(browser);
  await page.addInitScript(loadProbe, READY_SELECTOR);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction((k) => window.__bench?.[k] != null, until, { timeout: WAIT_MS });
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
      pane: window.__bench.pane,
      pane_frame: window.__bench.paneFrame,
      view: window.__bench.view,
      view_frame: window.__bench.viewFrame,
      prerendered: performance.getEntriesByName('report-diff:prerendered').length > 0,
    };
  });
  await page.context().close();
  return r;
}

// The first comparison painted, for every bundled pair: LOADS fresh loads each,
// the pairs in turn (a drift of the machine's load spreads over all of them).
async function measurePairLoads(browser, url) {
  const out = Object.fromEntries(allPairs().map(([a, b]) => [`${a}-${b}`, []]));
  for (let i = 0; i < LOADS; i++) {
    for (const [a, b] of allPairs()) out[`${a}-${b}`].push(await measureLoad(browser, `${url}/?a=${a}&b=${b}`, 'readyFrame'));
  }
  return out;
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

// jsdiff and diff-match-patch on the same 10 pairs, in the page the engine ran in.
async function measurePeers(page) {
  const dmp = readFileSync(path.join(REPO_ROOT, 'node_modules/diff-match-patch/index.js'), 'utf8');
  await page.addScriptTag({ path: path.join(REPO_ROOT, 'node_modules/diff/dist/diff.min.js') });
  // diff-match-patch ships CommonJS only: give it a module object.
  await page.addScriptTag({ content: `(() => { const module = { exports: {} }; ${dmp}\nwindow.DiffMatchPatch = module.exports; })();` });
  const pairs = allPairs().map(([a, b]) => [reportText(a), reportText(b)]);
  return page.evaluate(
    ({ pairs, runs }) => {
      const time = (f) => {
        const t0 = performance.now();
        f();
        return performance.now() - t0;
      };
      const jsdiff = [];
      const dmp = [];
      let jsdiffParts = 0;
      let dmpDiffs = 0;
      const d = new window.DiffMatchPatch();
      for (let i = 0; i < runs; i++) {
        jsdiff.push(time(() => {
          jsdiffParts = 0;
          for (const [a, b] of pairs) jsdiffParts += window.Diff.diffWords(a, b).length;
        }));
        dmp.push(time(() => {
          dmpDiffs = 0;
          for (const [a, b] of pairs) {
            const diffs = d.diff_main(a, b);
            d.diff_cleanupSemantic(diffs);
            dmpDiffs += diffs.length;
          }
        }));
      }
      return { jsdiff, dmp, jsdiffParts, dmpDiffs, dmpTimeout: d.Diff_Timeout };
    },
    { pairs, runs: PEER_RUNS },
  );
}

// A synthetic pair through bench_compare_texts, on the main thread, with a
// long-task observer: the total time and the longest task.
async function measureSynth(page, a, b) {
  return page.evaluate(
    async ({ a, b }) => {
      const tasks = [];
      const obs = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
      obs.observe({ type: 'longtask' });
      await new Promise((r) => setTimeout(r, 50));
      const t0 = performance.now();
      const rows = await new Promise((resolve) => setTimeout(() => resolve(window.wasmBindings.bench_compare_texts(a, b)), 0));
      const total = performance.now() - t0;
      await new Promise((r) => setTimeout(r, 200));
      obs.disconnect();
      return { total, rows, longestTask: tasks.length ? Math.max(...tasks) : 0, longTasks: tasks.length };
    },
    { a, b },
  );
}

// A synthetic pair pasted as the reader's own texts, through the app (large
// sources are compared in a web worker): from the paste until
// pane B shows text, the longest main-thread task in that time, and whether
// the pair ran past the worker's deadline (the coarse comparison's note).
async function measureOwnTexts(browser, url, a, b) {
  const page = await newPage(browser);
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${url}/?corpus=own&view=split`, { waitUntil: 'load' });
  await page.locator('#own-text-2').waitFor({ timeout: WAIT_MS });
  const t0 = await page.evaluate(
    ([ta, tb]) => {
      const t = performance.now();
      for (const [id, text] of [['#own-text-1', ta], ['#own-text-2', tb]]) {
        const el = document.querySelector(id);
        el.value = text;
        el.dispatchEvent(new InputEvent('input', { bubbles: true }));
      }
      return t;
    },
    [a, b],
  );
  await page.locator('[data-pane="b"] [data-text]').first().waitFor({ state: 'attached', timeout: 180_000 });
  // The worker first compares by shared words when the word table is still
  // loading, and again with it once it is in: wait for that comparison (the
  // synthetic texts are English the table knows), unless the note says the
  // words-only one is final (texts past the table's size limit, or no table).
  await page.waitForFunction(
    () =>
      document.querySelector('[data-pane="b"] [data-text]') &&
      (document.querySelector('#app-root')?.dataset.signal !== 'words' ||
        /up to \d+ MB together|could not be loaded/.test(document.querySelector('.signal-note')?.textContent ?? '')),
    null,
    { timeout: 180_000 },
  );
  const r = await page.evaluate((t0) => {
    const tasks = window.__longTasks.filter((e) => e.start >= t0).map((e) => e.ms);
    return {
      total: performance.now() - t0,
      longestTask: tasks.length ? Math.max(...tasks) : 0,
      longTasks: tasks.length,
      coarse: document.querySelector('#coarse-note') != null,
      signal: document.querySelector('#app-root')?.dataset.signal,
    };
  }, t0);
  await page.context().close();
  return r;
}

// The synthetic pairs, written by the synth example (cargo builds it once).
function synthPairs() {
  if (!SYNTH.length) return [];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'report-diff-bench-'));
  try {
    return SYNTH.map((bytes) => {
      const [a, b] = [path.join(dir, `a${bytes}.txt`), path.join(dir, `b${bytes}.txt`)];
      const args = ['run', '--release', '-q', '--example', 'synth', '--', String(bytes), String(SYNTH_REWRITTEN), String(SYNTH_SEED), a, b];
      const r = spawnSync('cargo', args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
      if (r.status !== 0) die(`\`cargo ${args.join(' ')}\` failed (${r.error?.message || `exit ${r.status}`})`);
      return { bytes, a: readFileSync(a, 'utf8'), b: readFileSync(b, 'utf8') };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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

// The whole overview as a reader gets it: from the click on the Overview tab
// (in the pair view) until the story map is in the DOM, and the next frame.
// The overview is computed each time it is shown (every pair compared, the
// analyses, the view model, the render).
async function measureOverviewSwitches(browser, url) {
  const page = await newPage(browser);
  await page.goto(`${url}/?a=000&b=001&view=split`, { waitUntil: 'load' });
  await page.waitForSelector(READY_SELECTOR, { timeout: WAIT_MS });
  const out = [];
  for (let i = 0; i < SWITCHES; i++) {
    await page.locator('[data-pane="b"] [data-text]').first().waitFor({ timeout: WAIT_MS });
    await page.evaluate(() => {
      const p = (window.__ov = { t0: null, dom: null, frame: null });
      // On the window, capturing: before the app's own (delegated) listener,
      // which renders at once.
      const onClick = (e) => {
        if (e.target?.id !== 'view-overview') return;
        p.t0 = performance.now();
        removeEventListener('click', onClick, true);
      };
      addEventListener('click', onClick, true);
      const obs = new MutationObserver(() => {
        if (p.t0 == null || p.dom != null || !document.querySelector('#ov-story')) return;
        p.dom = performance.now();
        obs.disconnect();
        requestAnimationFrame(() => (p.frame = performance.now()));
      });
      // The body: the app may replace its root element when the view changes.
      obs.observe(document.body, { childList: true, subtree: true });
    });
    await page.click('#view-overview');
    await page.waitForFunction(() => window.__ov.frame != null, null, { timeout: WAIT_MS });
    const s = await page.evaluate(() => window.__ov);
    out.push({ dom: s.dom - s.t0, frame: s.frame - s.t0 });
    await page.click('#view-split');
  }
  await page.context().close();
  return out;
}

// ---------------------------------------------------------------- main

const sizes = distSizes();
const synth = synthPairs();
const server = await startServer(DIST_DIR);
let browser;
let result;
try {
  browser = await launchBrowser();
  const version = browser.version();

  // One load not counted: the browser's first page also pays the browser's
  // own start (its network and font services), which no reader's page does.
  await measureLoad(browser, `${server.url}/`);
  const loads = [];
  for (let i = 0; i < LOADS; i++) loads.push(await measureLoad(browser, `${server.url}/`));
  const pairLoads = await measurePairLoads(browser, server.url);

  const enginePage = await newPage(browser);
  await enginePage.goto(`${server.url}/`, { waitUntil: 'load' });
  await enginePage.waitForSelector(READY_SELECTOR, { timeout: WAIT_MS });
  const engine = await measureEngine(enginePage);
  const peers = await measurePeers(enginePage);
  await enginePage.context().close();

  const synthResults = [];
  for (const { bytes, a, b } of synth) {
    // A fresh page each: the 1 MB pair leaves a large wasm memory behind.
    const page = await newPage(browser);
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    await page.waitForSelector(READY_SELECTOR, { timeout: WAIT_MS });
    synthResults.push({ bytes, bytes_a: a.length, bytes_b: b.length, ...(await measureSynth(page, a, b)) });
    await page.context().close();
  }
  const ownResults = [];
  for (const { bytes, a, b } of synth) {
    const runs = [];
    for (let i = 0; i < OWN_RUNS; i++) runs.push(await measureOwnTexts(browser, server.url, a, b));
    const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor((xs.length - 1) / 2)];
    ownResults.push({
      bytes,
      total: median(runs.map((r) => r.total)),
      longestTask: median(runs.map((r) => r.longestTask)),
      longTasks: median(runs.map((r) => r.longTasks)),
      coarse: runs.some((r) => r.coarse),
      runs,
    });
  }

  const switches = await measureSwitches(browser, server.url);
  const toOverview = await measureOverviewSwitches(browser, server.url);
  result = { version, loads, pairLoads, engine, peers, synthResults, ownResults, switches, toOverview };
} finally {
  await browser?.close().catch(() => {});
  await server.close();
}

const { version, loads, pairLoads, engine, peers, synthResults, ownResults, switches, toOverview } = result;
const round = (x) => Math.round(x * 1000) / 1000;
const loadKeys = ['html_response_end', 'wasm_fetched', 'app_started', 'ready', 'ready_frame', 'first_contentful_paint', 'view', 'view_frame'];
const loadStats = Object.fromEntries(
  loadKeys.map((k) => {
    const v = loads.map((l) => l[k]).filter((x) => typeof x === 'number');
    return [k, v.length ? { first: round(v[0]), ...stats(v) } : null];
  }),
);
const pairStats = Object.fromEntries(
  Object.entries(pairLoads).map(([pair, samples]) => [
    pair,
    {
      pane: stats(samples.map((s) => s.pane)),
      pane_frame: stats(samples.map((s) => s.pane_frame)),
      first_contentful_paint: stats(samples.map((s) => s.first_contentful_paint ?? Infinity)),
      wasm_fetched: stats(samples.map((s) => s.wasm_fetched)),
      ready_frame: stats(samples.map((s) => s.ready_frame)),
      prerendered: samples.filter((s) => s.prerendered).length,
    },
  ]),
);
const switchStats = {};
for (const dir of ['to004', 'to001']) {
  for (const k of ['dom', 'frame']) {
    const v = switches[dir].map((s) => s[k]);
    switchStats[`${dir}_${k}`] = { first: round(v[0]), ...stats(v) };
  }
}
const overviewStats = Object.fromEntries(
  ['dom', 'frame'].map((k) => {
    const v = toOverview.map((s) => s[k]);
    return [k, { first: round(v[0]), ...stats(v) }];
  }),
);
const engineStats = {
  first_build_collection_ms: round(engine.firstBuild),
  first_compare_all_pairs_ms: round(engine.firstCompare),
  build_collection: stats(engine.build),
  compare_all_10_pairs: stats(engine.compare),
  build_and_compare_all_10_pairs: stats(engine.both),
  first_overview_ms: round(engine.firstOverview),
  overview_5_reports: stats(engine.overview),
  facts: engine.facts,
  segments: engine.segments,
  rows: engine.rows,
};
const peerStats = {
  jsdiff_diffWords_10_pairs: stats(peers.jsdiff),
  dmp_diff_main_cleanupSemantic_10_pairs: stats(peers.dmp),
  jsdiff_parts: peers.jsdiffParts,
  dmp_diffs: peers.dmpDiffs,
  dmp_timeout_s: peers.dmpTimeout,
};
const ratio = (x, y) => Math.round((x / y) * 10) / 10;
const ratios = {
  jsdiff_over_engine_compare: ratio(peerStats.jsdiff_diffWords_10_pairs.median, engineStats.compare_all_10_pairs.median),
  jsdiff_over_engine_build_and_compare: ratio(peerStats.jsdiff_diffWords_10_pairs.median, engineStats.build_and_compare_all_10_pairs.median),
  dmp_over_engine_compare: ratio(peerStats.dmp_diff_main_cleanupSemantic_10_pairs.median, engineStats.compare_all_10_pairs.median),
  dmp_over_engine_build_and_compare: ratio(peerStats.dmp_diff_main_cleanupSemantic_10_pairs.median, engineStats.build_and_compare_all_10_pairs.median),
};

// ---------------------------------------------------------------- report

const line = (cells, widths) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
const W = [44, 9, 9, 9, 9];
console.log(`\nreport-diff browser benchmark — ${version} (headless), dist: ${DIST_DIR}`);
console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), load average ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')} (1/5/15 min) at the end`);
console.log(`performance.now() resolution: ${engine.crossOriginIsolated ? '5 µs (cross-origin isolated)' : '~0.1 ms (page not cross-origin isolated)'}\n`);

console.log(`First comparison painted, ms from navigation start, ${LOADS} fresh loads of ?a=X&b=Y each (local server, no HTTP cache); target < 100`);
const PW = [10, 9, 9, 9, 9, 9, 12, 12];
console.log(line(['pair', 'pane DOM', 'painted', 'p90', 'FCP', 'wasm in', 'interactive', 'prerendered'], PW));
for (const [pair, st] of Object.entries(pairStats))
  console.log(line([pair, fmt(st.pane.median), fmt(st.pane_frame.median), fmt(st.pane_frame.p90), fmt(st.first_contentful_paint.median), fmt(st.wasm_fetched.median), fmt(st.ready_frame.median), `${st.prerendered}/${LOADS}`], PW));
const painted = Object.values(pairStats).map((st) => st.pane_frame.median);
const live = Object.values(pairStats).map((st) => st.ready_frame.median);
console.log(`medians over pairs: painted fastest ${fmt(Math.min(...painted))}, slowest ${fmt(Math.max(...painted))}; interactive (the app's own render, and its frame) ${fmt(Math.min(...live))}–${fmt(Math.max(...live))}`);
// Every load of every pair together: the pairs' medians differ mostly by noise.
const pooled = stats(Object.values(pairLoads).flatMap((samples) => samples.map((x) => x.pane_frame)));
const pooledFcp = stats(Object.values(pairLoads).flatMap((samples) => samples.map((x) => x.first_contentful_paint ?? Infinity)));
console.log(`all ${pooled.n} loads together: painted median ${fmt(pooled.median)}, p90 ${fmt(pooled.p90)}; FCP median ${fmt(pooledFcp.median)}, p90 ${fmt(pooledFcp.p90)}`);
console.log('(painted: the prerendered markup when "prerendered" counts the load, its frame produced on the main thread;');
console.log(' FCP: the browser\'s first-contentful-paint entry, the same frame once rastered and presented; interactive: the live app replaced it)\n');

console.log(`Landing view (the overview), ms since navigation start, ${LOADS} fresh loads of /`);
console.log(line(['', 'first', 'min', 'median', 'p90'], W));
for (const [label, k] of [
  ['HTML received', 'html_response_end'],
  ['.wasm received', 'wasm_fetched'],
  ['first contentful paint', 'first_contentful_paint'],
  ['a view in the DOM (prerendered or live)', 'view'],
  ['frame after it', 'view_frame'],
  ['app rendered (data-ready="true" in DOM)', 'ready'],
  ['frame after the app rendered', 'ready_frame'],
  ['trunk loader done (TrunkApplicationStarted)', 'app_started'],
]) {
  const s = loadStats[k];
  console.log(line([label, fmt(s?.first), fmt(s?.min), fmt(s?.median), fmt(s?.p90)], W));
}

console.log(`\nEngine in wasm (window.wasmBindings), ${RUNS} runs after ${WARMUP} warm-up calls; ms`);
console.log(line(['', 'min', 'median', 'p90', 'max'], W));
for (const [label, s] of [
  ['build collection (5 reports)', engineStats.build_collection],
  ['compare all 10 pairs (cached collection)', engineStats.compare_all_10_pairs],
  ['build + compare all 10 pairs', engineStats.build_and_compare_all_10_pairs],
  ['whole overview of the 5 reports', engineStats.overview_5_reports],
])
  console.log(line([label, fmt(s.min), fmt(s.median), fmt(s.p90), fmt(s.max)], W));
console.log(`first call: build collection ${fmt(engineStats.first_build_collection_ms)} ms; compare all 10 pairs (builds its cached collection) ${fmt(engineStats.first_compare_all_pairs_ms)} ms; overview ${fmt(engineStats.first_overview_ms)} ms`);
console.log(`(${engine.segments} segments, ${engine.rows} rows over the 10 pairs, ${engine.facts} story-map facts)\n`);

console.log(`The same 10 pairs in the same page, ${PEER_RUNS} runs; ms`);
console.log(line(['', 'min', 'median', 'p90', 'max'], W));
for (const [label, s] of [
  ['jsdiff diffWords', peerStats.jsdiff_diffWords_10_pairs],
  [`diff-match-patch main+cleanupSemantic`, peerStats.dmp_diff_main_cleanupSemantic_10_pairs],
])
  console.log(line([label, fmt(s.min), fmt(s.median), fmt(s.p90), fmt(s.max)], W));
console.log(
  `ratios of medians: jsdiff / engine ${ratios.jsdiff_over_engine_compare}× (${ratios.jsdiff_over_engine_build_and_compare}× with the collection build); ` +
    `diff-match-patch / engine ${ratios.dmp_over_engine_compare}× (${ratios.dmp_over_engine_build_and_compare}×); target: jsdiff ≥ 300× the engine`,
);
console.log(`(diff-match-patch with its default Diff_Timeout of ${peers.dmpTimeout} s per pair; character-level, no alignment of moved passages)\n`);

if (synthResults.length) {
  console.log(`Synthetic pairs (${SYNTH_REWRITTEN} % of sentences rewritten, seed ${SYNTH_SEED}) through bench_compare_texts on the main thread (the engine alone, no worker); ms`);
  console.log(line(['bytes per text', 'total', 'longest', 'long tasks', 'rows'], W));
  for (const r of synthResults) console.log(line([`${r.bytes} (A ${r.bytes_a}, B ${r.bytes_b})`, fmt(r.total), fmt(r.longestTask), r.longTasks, r.rows], W));
  console.log('(the whole comparison is one task: the page is frozen for its duration)\n');
  console.log(`The same pairs pasted as own texts in the app (?corpus=own&view=split; large sources go to a web worker), ${OWN_RUNS} pastes each, medians; ms from the paste`);
  console.log(line(['bytes per text', 'on screen', 'longest', 'long tasks', 'result'], W));
  for (const r of ownResults) console.log(line([String(r.bytes), fmt(r.total), fmt(r.longestTask), r.longTasks, r.coarse ? 'coarse' : 'full'], W));
  for (const r of ownResults)
    console.log(`  ${r.bytes} per text, each paste: ${r.runs.map((x) => `${fmt(x.total)} ms (longest task ${fmt(x.longestTask)}${x.coarse ? ', coarse' : ''}, signal ${x.signal})`).join('; ')}`);
  console.log('(coarse: the full alignment ran past the worker\'s deadline; "longest" counts main-thread tasks over 50 ms, 0 when none was;');
  console.log(' signal: what matched the passages, word_vectors with the word table, words by shared words alone)\n');
}

console.log(`Switch report B (page.selectOption('#pick-b'), a=000), ${SWITCHES} times each way; ms from the input event`);
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

console.log(`\nOpen the overview from the pair view (click on the Overview tab), ${SWITCHES} times; ms from the click`);
console.log(line(['', 'first', 'min', 'median', 'p90'], W));
for (const [label, k] of [
  ['story map in the DOM', 'dom'],
  ['next frame', 'frame'],
]) {
  const s = overviewStats[k];
  console.log(line([label, fmt(s.first), fmt(s.min), fmt(s.median), fmt(s.p90)], W));
}

console.log('\nDownload size of dist/ (gzip level 9, brotli quality 11); bytes');
const SW = [44, 10, 10, 10];
console.log(line(['file', 'raw', 'gzip', 'brotli'], SW));
for (const f of sizes.files) console.log(line([f.file, f.raw, f.gzip, f.brotli], SW));
const fp = sizes.first_paint_total;
const ap = sizes.app_total;
console.log(line([`first paint: page + CSS + boot.js + first.js${sizes.prerendered ? '' : ' + app'}`, fp.raw, fp.gzip, fp.brotli], SW));
console.log(line(['interactive: + wasm + app JS', ap.raw, ap.gzip, ap.brotli], SW));
console.log(`first paint: ${kb(fp.gzip)} gzip, ${kb(fp.brotli)} brotli (target < 180 KB gzip, i.e. ${fp.gzip <= 180_000 ? 'met' : `${fp.gzip - 180_000} bytes over`})${sizes.prerendered ? '' : ' — no prerendered views in first.js: the first paint waits for the app'}`);
console.log(`the app, after the first paint: ${kb(ap.gzip)} gzip, ${kb(ap.brotli)} brotli`);

if (errors.length) {
  console.log(`\nPage errors during the benchmark (${errors.length}):`);
  for (const e of errors) console.log(`  ${e}`);
}

console.log(
  'BENCH_JSON ' +
    JSON.stringify({
      browser: version,
      cores: os.cpus().length,
      loadavg: os.loadavg(),
      runs: RUNS,
      warmup: WARMUP,
      loads: LOADS,
      first_comparison_painted_ms: pairStats,
      first_comparison_painted_all_loads_ms: { painted: pooled, first_contentful_paint: pooledFcp },
      engine_ms: engineStats,
      peers_ms: peerStats,
      ratios,
      synthetic_ms: synthResults,
      own_texts_ms: ownResults,
      load_ms: loadStats,
      switch_pair_ms: switchStats,
      open_overview_ms: overviewStats,
      sizes_bytes: sizes,
      errors,
    }),
);
if (errors.length) process.exit(1);
