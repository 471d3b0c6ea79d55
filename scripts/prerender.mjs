// Prerendering: the first screens of the landing view and of every bundled
// pair's default view, as static markup web/first.js shows before the app has
// downloaded, so the first comparison is painted without the wasm.
//
// Run by the release build (scripts/stamp-boot.mjs, a trunk post_build hook,
// when TRUNK_PROFILE is "release"; `trunk serve` skips it), or by hand on a
// built directory:   node scripts/prerender.mjs [dist]
//
// It serves the built site on a local port, opens each view in headless
// Chromium at a wide and a narrow (phone) width, waits until the app has
// rendered, keeps what lies within the first SCREENS screens (the app renders
// the rest when it takes over) and writes every view's markup into first.js,
// which the app's page runs before its first paint. Without Chromium or
// playwright-core it prints why and skips: the app then renders the first
// view itself.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS } from '../e2e/chromium.mjs';
import { startServer } from '../e2e/server.mjs';

/** The two layouts the app has: wide (two columns) and narrow (one, below 700 px: NARROW_PX). */
const LAYOUTS = [
  { name: 'wide', viewport: { width: 1280, height: 900 } },
  { name: 'narrow', viewport: { width: 390, height: 844 } },
];
/**
 * How many window heights of markup to keep: the first screen and some to
 * scroll into before the app takes over (and a taller window than the
 * prerender's). Every view's markup is in the first paint's download, and
 * the first frame lays out all of it.
 */
const SCREENS = 1.5;
/** Pages rendered at once. */
const JOBS = Number(process.env.PRERENDER_JOBS || 2);
/** The placeholder in first.js that receives the prerendered views. */
export const SLOT = '/*__RD_VIEWS__*/ null';
/** The app's narrow layout is below this width (NARROW_PX in src/app/state.rs). */
const NARROW_PX = 700;
const READY = '#app-root[data-ready="true"]';

/** The bundled report ids (reports/manifest.json order is the app's: sorted file names). */
function reportIds(repo) {
  return readdirSync(path.join(repo, 'reports'))
    .map((f) => /^(\d{3})_.*\.txt$/.exec(f)?.[1])
    .filter(Boolean)
    .sort();
}

/**
 * In the page: cut the rendered app down to its first screens and return its
 * markup, ready to be shown inert (no `data-ready`, so tests and the loader
 * never take it for the live app). Throws if the markup would break the
 * strict CSP (a style attribute) or still names the build's local server.
 */
function capture({ screens, origin }) {
  const main = document.querySelector('#report-diff > main#app-root');
  if (!main) throw new Error('no #report-diff > main#app-root');
  const limit = window.scrollY + window.innerHeight * screens;
  const drop = [];
  // The first child that starts below the limit goes, with every sibling
  // after it (folded rows, which have no box, included); the others are cut
  // the same way inside. Elements without a box before it (a closed dialog)
  // stay as they are.
  const walk = (el) => {
    let past = false;
    for (const child of el.children) {
      if (!past) {
        const r = child.getBoundingClientRect();
        past = r.top + window.scrollY > limit && (r.width > 0 || r.height > 0);
      }
      if (past) drop.push(child);
      else walk(child);
    }
  };
  walk(main);
  for (const el of drop) el.remove();
  // Form state lives in properties, which markup does not carry.
  for (const sel of main.querySelectorAll('select')) {
    for (const o of sel.options) o.toggleAttribute('selected', o.selected);
  }
  for (const input of main.querySelectorAll('input')) {
    if (input.type === 'checkbox' || input.type === 'radio') input.toggleAttribute('checked', input.checked);
    else input.setAttribute('value', input.value);
  }
  // Adjacent text nodes (Yew renders `{a}{b}` as two) would be merged by the
  // parser; an empty comment keeps them apart, so text is shaped as the app's.
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  const joins = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.previousSibling?.nodeType === Node.TEXT_NODE) joins.push(n);
  for (const n of joins) n.before(document.createComment(''));
  if (main.querySelector('[style]')) throw new Error('a style attribute (the strict CSP would block it)');
  main.removeAttribute('data-ready');
  main.setAttribute('data-prerender', '');
  main.setAttribute('aria-busy', 'true');
  main.setAttribute('inert', '');
  const html = main.outerHTML;
  if (html.includes(origin)) throw new Error(`the markup names the build's server (${origin})`);
  return { html, kept: main.querySelectorAll('*').length, dropped: drop.length };
}

/**
 * Prerenders the built site in `dir` and writes the views into
 * `dir/first.js`. Returns them, or null when it skipped (and said why).
 */
export async function prerender(dir, { log = (m) => console.log(m) } = {}) {
  const t0 = Date.now();
  const skip = (why) => {
    log(`prerender: skipped (${why}); the app renders its first view itself`);
    return null;
  };
  const first = path.join(dir, 'first.js');
  const firstText = readFileSync(first, 'utf8');
  if (!firstText.includes(SLOT)) throw new Error(`prerender: ${SLOT} not in ${first}`);
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(executablePath)) return skip(`no Chromium at ${executablePath}; set CHROMIUM`);
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return skip('playwright-core is not installed: npm ci');
  }
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const ids = reportIds(repo);
  const queries = [''];
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) queries.push(`?a=${ids[i]}&b=${ids[j]}`);

  // Cacheable, so later loads reuse the compiled wasm.
  const server = await startServer(dir, { headers: { 'cache-control': 'max-age=600' } });
  let browser;
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 30_000 });
  } catch (err) {
    await server.close();
    return skip(`Chromium did not start: ${String(err.message || err).split('\n')[0]}`);
  }
  const pages = {};
  let defaults = null;
  let bytes = 0;
  try {
    // A few pages at once (each load waits on the network and the
    // compositor as much as on the CPU), every view in both layouts.
    const jobs = LAYOUTS.flatMap((layout, slot) => queries.map((q) => ({ ...layout, slot, q })));
    const worker = async () => {
      const contexts = new Map();
      for (let job = jobs.shift(); job; job = jobs.shift()) {
        const { name, viewport, slot, q } = job;
        if (!contexts.has(name)) {
          const context = await browser.newContext({ viewport });
          const page = await context.newPage();
          const errors = [];
          page.on('pageerror', (e) => errors.push(String(e)));
          contexts.set(name, { context, page, errors });
        }
        const { page, errors } = contexts.get(name);
        const t = Date.now();
        await page.goto(`${server.url}/${q}`);
        await page.waitForSelector(READY, { timeout: 30_000 });
        // The app writes its full query (a, b, view) into the URL after it renders.
        await page.waitForFunction(() => new URLSearchParams(location.search).has('view'), null, { timeout: 10_000 });
        await page.evaluate(() => document.fonts.ready);
        if (errors.length) throw new Error(`${q || '(landing)'}: ${errors.join('; ')}`);
        const sp = new URL(page.url()).searchParams;
        const key = `a=${sp.get('a')}&b=${sp.get('b')}&view=${sp.get('view')}`;
        if ([...sp.keys()].length !== 3) throw new Error(`${q}: unexpected parameters in ${page.url()}`);
        if (q === '') defaults = { a: sp.get('a'), b: sp.get('b') };
        const { html } = await page.evaluate(capture, { screens: SCREENS, origin: server.url });
        bytes += html.length;
        (pages[key] ??= [null, null])[slot] = html;
        if (process.env.PRERENDER_VERBOSE) log(`prerender: ${name} ${q || '(landing)'} ${Date.now() - t} ms, ${html.length} B`);
      }
      for (const { context } of contexts.values()) await context.close();
    };
    await Promise.all(Array.from({ length: JOBS }, worker));
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }
  const list = { ...defaults, narrow: NARROW_PX, pages };
  // JSON is JavaScript; the slot's comment stays, so a later run can find it.
  writeFileSync(first, firstText.replace(SLOT, `/*__RD_VIEWS__*/ ${JSON.stringify(list)}`));
  const n = Object.keys(pages).length;
  log(`prerender: ${n} views × ${LAYOUTS.length} layouts, ${Math.round(bytes / 1024)} KiB of markup, in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return list;
}

// `node scripts/prerender.mjs [dist]`: prerender a built site by hand.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(process.argv[2] ?? 'dist');
  // first.js may hold an earlier run's views: put the placeholder back first.
  const first = path.join(dir, 'first.js');
  writeFileSync(first, readFileSync(first, 'utf8').replace(/\/\*__RD_VIEWS__\*\/ (null|\{.*\})/, SLOT));
  await prerender(dir);
}
