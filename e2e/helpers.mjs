// Shared helpers for the headless-Chromium end-to-end tests.
//
// One static server + one browser per test file (see `useHarness`). Every page
// opened through the harness records page errors, console errors, panics and
// failed requests in `harness.errors`; tests assert that list stays empty.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CHROMIUM_ARGS } from './chromium.mjs';
import { existsSync, readdirSync, readFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DIST_DIR = path.resolve(process.env.E2E_DIST || path.join(REPO_ROOT, 'dist'));
export const OUT_DIR = path.join(REPO_ROOT, 'e2e', 'out');
export const REPORTS_DIR = path.join(REPO_ROOT, 'reports');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** How long to wait for the app to become ready (first load: wasm compile). */
export const READY_TIMEOUT_MS = Number(process.env.E2E_READY_TIMEOUT_MS || 15_000);
/** Once the app has never become ready, later loads give up sooner (a broken build fails fast). */
const READY_TIMEOUT_AFTER_FAILURE_MS = 3_000;
/** How long a pane / the URL may take to catch up after a load or a selection change. */
export const SETTLE_TIMEOUT_MS = Number(process.env.E2E_SETTLE_TIMEOUT_MS || 5_000);

// Errors recorded per page, to include in assertion messages.
const pageErrors = new WeakMap();
let everReady = false;
let readyFailed = false;

export { CHROMIUM_ARGS };

/** The policy the release build must run under with no violation (issue 7). */
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

// ---------------------------------------------------------------- reports

/** Report ids, from the files reports/NNN_*.txt, sorted ("000".."004"). */
export const REPORT_IDS = readdirSync(REPORTS_DIR)
  .map((f) => /^(\d{3})_.*\.txt$/.exec(f)?.[1])
  .filter(Boolean)
  .sort();

const reportCache = new Map();
/** The text of report `id` as stored on disk. */
export function reportText(id) {
  if (!reportCache.has(id)) {
    const file = readdirSync(REPORTS_DIR).find((f) => f.startsWith(`${id}_`) && f.endsWith('.txt'));
    assert.ok(file, `no reports/${id}_*.txt`);
    reportCache.set(id, readFileSync(path.join(REPORTS_DIR, file), 'utf8'));
  }
  return reportCache.get(id);
}

/** All unordered pairs of report ids: [["000","001"], ...]. */
export function allPairs(ids = REPORT_IDS) {
  const pairs = [];
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) pairs.push([ids[i], ids[j]]);
  return pairs;
}

/** Remove all whitespace (the comparison ignores how text is wrapped/spaced). */
export const stripWs = (s) => s.replace(/\s+/gu, '');

// ---------------------------------------------------------------- browser + server

export async function launchBrowser() {
  assert.ok(existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM} (set CHROMIUM=/path/to/chromium)`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
}

const PANIC_RE = /panicked at|RuntimeError: unreachable|unreachable executed/i;

/**
 * Start a static server on `root` (default dist/) and a browser.
 * @returns harness: { url, browser, errors, newPage(opts), close() }
 */
export async function startHarness({ root = DIST_DIR, headers, route } = {}) {
  assert.ok(
    existsSync(path.join(root, 'index.html')),
    `${path.join(root, 'index.html')} not found: run \`trunk build --release\` first (scripts/test.sh does)`,
  );
  const server = await startServer(root, { headers, route });
  let browser;
  try {
    browser = await launchBrowser();
  } catch (err) {
    await server.close();
    throw err;
  }
  const errors = [];
  const harness = {
    url: server.url,
    browser,
    errors,
    /** A new page in a fresh context, with error recording attached. */
    async newPage({ viewport = { width: 1280, height: 900 }, ...contextOptions } = {}) {
      const context = await browser.newContext({ viewport, ...contextOptions });
      const page = await context.newPage();
      recordErrors(page, errors);
      return page;
    },
    async close() {
      await browser?.close().catch(() => {});
      await server.close();
    },
  };
  return harness;
}

export function recordErrors(page, harnessErrors) {
  const mine = [];
  pageErrors.set(page, mine);
  const errors = { push: (e) => (mine.push(e), harnessErrors.push(e)) };
  const where = () => page.url();
  page.on('pageerror', (err) => errors.push({ kind: 'pageerror', url: where(), text: String(err?.stack || err) }));
  page.on('crash', () => errors.push({ kind: 'crash', url: where(), text: 'page crashed' }));
  page.on('console', (msg) => {
    const text = msg.text();
    // Chromium fetches /favicon.ico on its own when the page declares no icon;
    // its 404 is logged as a console error but is not the app's doing.
    if (/\/favicon\.ico$/.test(msg.location()?.url ?? '') && /Failed to load resource/.test(text)) return;
    if (msg.type() === 'error') errors.push({ kind: 'console.error', url: msg.location()?.url || where(), text });
    else if (PANIC_RE.test(text)) errors.push({ kind: `console.${msg.type()} (panic)`, url: where(), text });
  });
  page.on('requestfailed', (req) => {
    // Navigating away aborts in-flight requests: that is not an app error.
    const failure = req.failure()?.errorText ?? '';
    if (/ERR_ABORTED/.test(failure)) return;
    errors.push({ kind: 'requestfailed', url: req.url(), text: failure });
  });
  page.on('response', (res) => {
    if (res.status() >= 400) errors.push({ kind: `http ${res.status()}`, url: res.url(), text: res.statusText() });
  });
}

/** Fail (with every recorded error listed) if anything went wrong in a page. */
export function assertNoErrors(harness, since = 0) {
  const list = harness.errors.slice(since);
  assert.deepEqual(
    list.map((e) => `${e.kind} @ ${e.url}: ${e.text}`),
    [],
    `page errors / console errors / panics / failed requests:\n${list.map((e) => `  ${e.kind} @ ${e.url}: ${e.text}`).join('\n')}`,
  );
}

/**
 * Register before/after hooks for the current test file: one server + browser
 * for all its tests. Returns an object whose fields are filled in by `before`.
 */
export function useHarness(opts) {
  const h = {};
  before(async () => Object.assign(h, await startHarness(opts)), { timeout: 60_000 });
  after(async () => h.close?.());
  return h;
}

// ---------------------------------------------------------------- the app

export const READY_SELECTOR = '#app-root[data-ready="true"]';

/** Errors recorded in this page so far, as text for an assertion message. */
export function errorsOf(page) {
  const list = pageErrors.get(page) ?? [];
  return list.length ? `\n  errors in this page:\n${list.map((e) => `    ${e.kind} @ ${e.url}: ${e.text}`).join('\n')}` : '';
}

/**
 * Wait until the app says it is ready (`<main id="app-root" data-ready="true">`).
 * Gives up at once on an uncaught error / crash (recorded since error number `since`).
 */
export async function waitReady(page, { timeout, since = 0 } = {}) {
  timeout ??= readyFailed && !everReady ? READY_TIMEOUT_AFTER_FAILURE_MS : READY_TIMEOUT_MS;
  const fatal = () => (pageErrors.get(page) ?? []).slice(since).some((e) => e.kind === 'pageerror' || e.kind === 'crash');
  try {
    const deadline = Date.now() + timeout;
    for (;;) {
      if (await page.$(READY_SELECTOR)) break;
      if (fatal()) throw new Error('uncaught error before the app was ready');
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 50));
    }
    everReady = true;
  } catch (err) {
    readyFailed = true;
    const root = await page
      .evaluate(() => {
        const el = document.getElementById('app-root');
        return el ? `<${el.tagName.toLowerCase()} data-ready=${JSON.stringify(el.dataset.ready)}>` : 'no #app-root';
      })
      .catch(() => '?');
    throw new Error(`app not ready (${READY_SELECTOR}) at ${page.url()}: ${err.message} (limit ${timeout} ms); found ${root}${errorsOf(page)}`);
  }
}

/**
 * Poll `fn` until it returns something truthy (which is returned); fail with
 * "timed out: <what>" after `timeout` ms.
 */
export async function until(fn, what, timeout = SETTLE_TIMEOUT_MS) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) assert.fail(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Go to the app with a query string (e.g. "?a=000&b=004") and wait until ready. */
export async function openApp(page, harness, query = '') {
  const q = query && !query.startsWith('?') ? `?${query}` : query;
  const since = (pageErrors.get(page) ?? []).length;
  await page.goto(`${harness.url}/${q}`, { waitUntil: 'load' });
  await waitReady(page, { since });
}

/**
 * The report text a pane shows: the textContent of every `[data-text]` element
 * inside `[data-pane=<pane>]`, in document order, leaving out decorations
 * (anything under `aria-hidden="true"` or `[data-decor]` inside the pane) and
 * not counting a `[data-text]` nested inside another one twice.
 * Works whether a pane is one container or many row cells marked data-pane.
 * Returns null if there is no such pane.
 */
export async function paneText(page, pane) {
  return page.evaluate((pane) => {
    const paneOf = (el) => el.closest('[data-pane]');
    if (!document.querySelector(`[data-pane="${pane}"]`)) return null;
    // Walks from el up to and including the pane root.
    const upTo = (el, root, pred) => {
      for (let e = el; e; e = e.parentElement) {
        if (pred(e)) return true;
        if (e === root) return false;
      }
      return false;
    };
    const isDecor = (e) => e.getAttribute('aria-hidden') === 'true' || e.hasAttribute('data-decor');
    const decorated = (el, root) => upTo(el, root, isDecor);
    const nested = (el, root) => el !== root && upTo(el.parentElement, root, (e) => e.hasAttribute('data-text'));
    let out = '';
    const els = document.querySelectorAll(`[data-pane="${pane}"] [data-text], [data-pane="${pane}"][data-text]`);
    for (const el of els) {
      const root = paneOf(el);
      if (!root || root.getAttribute('data-pane') !== pane) continue; // inside another pane nested in this one
      if (nested(el, root) || decorated(el, root)) continue;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!decorated(n.parentElement, root)) out += n.data;
      }
    }
    return out;
  }, pane);
}

function describeMismatch(actual, expected) {
  let i = 0;
  while (i < actual.length && i < expected.length && actual[i] === expected[i]) i++;
  const ctx = (s) => JSON.stringify(s.slice(Math.max(0, i - 40), i + 60));
  return (
    `lengths (whitespace removed): shown ${actual.length}, file ${expected.length}; first difference at ${i}\n` +
    `    shown: …${ctx(actual)}…\n` +
    `    file:  …${ctx(expected)}…`
  );
}

/**
 * Wait until pane `pane` shows exactly report `id` (whitespace aside): nothing
 * dropped, duplicated or reordered. Polls, since the app may re-render after
 * a selection change. Fails with the first difference.
 */
export async function expectPaneShows(page, pane, id, timeout = SETTLE_TIMEOUT_MS) {
  const expected = stripWs(reportText(id));
  const deadline = Date.now() + timeout;
  let actual;
  for (;;) {
    const raw = await paneText(page, pane);
    actual = raw == null ? null : stripWs(raw);
    if (actual === expected || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.ok(actual !== null, `no [data-pane="${pane}"] element at ${page.url()}${errorsOf(page)}`);
  if (actual !== expected) {
    assert.fail(`pane ${pane} does not show report ${id} at ${page.url()}\n  ${describeMismatch(actual, expected)}${errorsOf(page)}`);
  }
}

/** Wait until a page's URL query has the given parameters (replaceState is async to the render). */
export async function expectUrlParams(page, params, timeout = SETTLE_TIMEOUT_MS) {
  const deadline = Date.now() + timeout;
  let got;
  for (;;) {
    const sp = new URL(page.url()).searchParams;
    got = Object.fromEntries(Object.keys(params).map((k) => [k, sp.get(k)]));
    if (Object.entries(params).every(([k, v]) => got[k] === v) || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.deepEqual(got, params, `URL ${page.url()} does not have ${JSON.stringify(params)}${errorsOf(page)}`);
}

export function ensureOutDir() {
  mkdirSync(OUT_DIR, { recursive: true });
  return OUT_DIR;
}

/**
 * On the mock news page (`examples/serve-news.mjs` servers): serves `reports`
 * as a corpus from the widget's origin (CORS open, as a newsroom's would be),
 * appends one direct-mount element per id in `ids` (split view, that corpus)
 * and runs boot.js again for them (a module runs once per URL: `tag` makes it
 * a new one). Listeners the test needs go on `page` before this call.
 */
export async function mountWithCorpus(page, servers, { file, reports, ids, tag }) {
  const corpusUrl = `${servers.widget.url}/stories/${file}`;
  await page.route(corpusUrl, (route) =>
    route.fulfill({
      status: 200,
      headers: { 'content-type': 'application/json', 'access-control-allow-origin': '*' },
      body: JSON.stringify({ reports }),
    }),
  );
  await page.goto(`${servers.news.url}/news.html`);
  await page.evaluate(
    ({ corpus, ids }) => {
      for (const id of ids) {
        const div = document.createElement('div');
        div.id = id;
        div.dataset.reportDiff = '';
        div.dataset.corpus = corpus;
        div.dataset.view = 'split';
        document.body.append(div);
      }
    },
    { corpus: corpusUrl, ids },
  );
  await page.addScriptTag({ type: 'module', url: `${servers.widget.base}boot.js?${tag}` });
}
