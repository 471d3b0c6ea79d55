// End-to-end tests of the release build (dist/) in headless Chromium.
// Run: `node --test e2e/` after `trunk build --release` (scripts/test.sh does both).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import {
  useHarness,
  openApp,
  expectPaneShows,
  expectUrlParams,
  assertNoErrors,
  allPairs,
  REPORT_IDS,
  ensureOutDir,
} from './helpers.mjs';

const h = useHarness();
const T = { timeout: 30_000 };

const pickA = (page) => page.inputValue('#pick-a');
const pickB = (page) => page.inputValue('#pick-b');
const meta = (page, side) => page.locator(`[data-meta="${side}"]`).first().textContent();

const OUTLET = { '000': 'KuCoin', '001': 'unknown', '002': 'unknown', '003': 'MarsBit', '004': 'CLS News' };

test('there are five reports on disk', () => {
  assert.deepEqual(REPORT_IDS, ['000', '001', '002', '003', '004']);
});

test('(a) the pair view without a pair shows two different reports, each in full', T, async () => {
  const page = await h.newPage();
  // The landing view is the overview (e2e/overview.test.mjs); the pair view
  // has a default pair.
  await openApp(page, h, '?view=split');
  const [a, b] = [await pickA(page), await pickB(page)];
  assert.ok(REPORT_IDS.includes(a), `#pick-a value ${JSON.stringify(a)} is not a report id`);
  assert.ok(REPORT_IDS.includes(b), `#pick-b value ${JSON.stringify(b)} is not a report id`);
  assert.notEqual(a, b, 'default pair shows the same report on both sides');
  await expectPaneShows(page, 'a', a);
  await expectPaneShows(page, 'b', b);
  await page.context().close();
});

test('(b) ?a=000&b=004&view=split selects 000 and 004 and shows them', T, async () => {
  const page = await h.newPage();
  await openApp(page, h, '?a=000&b=004&view=split');
  assert.equal(await pickA(page), '000');
  assert.equal(await pickB(page), '004');
  await expectPaneShows(page, 'a', '000');
  await expectPaneShows(page, 'b', '004');
  assert.match(await meta(page, 'a'), /KuCoin/);
  assert.match(await meta(page, 'b'), /CLS News/);
  await page.context().close();
});

test('(c) choosing reports in the pickers updates the panes and the URL', T, async () => {
  const page = await h.newPage();
  await openApp(page, h, '?a=000&b=004&view=split');
  // a first, then b: never asks for the same report on both sides.
  await page.selectOption('#pick-a', '002');
  await expectPaneShows(page, 'a', '002');
  await page.selectOption('#pick-b', '003');
  await expectPaneShows(page, 'b', '003');
  await expectPaneShows(page, 'a', '002');
  assert.equal(await pickA(page), '002');
  assert.equal(await pickB(page), '003');
  await expectUrlParams(page, { a: '002', b: '003' });
  assert.match(await meta(page, 'a'), new RegExp(OUTLET['002'], 'i'));
  assert.match(await meta(page, 'b'), new RegExp(OUTLET['003'], 'i'));

  // (d) #swap swaps the two sides, in the pickers, the panes and the URL.
  await page.click('#swap');
  await expectPaneShows(page, 'a', '003');
  await expectPaneShows(page, 'b', '002');
  assert.equal(await pickA(page), '003');
  assert.equal(await pickB(page), '002');
  await expectUrlParams(page, { a: '003', b: '002' });
  assert.match(await meta(page, 'a'), /MarsBit/);
  await page.context().close();
});

test('(d) #swap swaps 000/004 from a URL', T, async () => {
  const page = await h.newPage();
  await openApp(page, h, '?a=000&b=004&view=split');
  await page.click('#swap');
  await expectPaneShows(page, 'a', '004');
  await expectPaneShows(page, 'b', '000');
  assert.equal(await pickA(page), '004');
  assert.equal(await pickB(page), '000');
  await expectUrlParams(page, { a: '004', b: '000' });
  await page.context().close();
});

test('(e) 000 vs 002 marks removed text with <del> and added text with <ins>', T, async () => {
  const page = await h.newPage();
  await openApp(page, h, '?a=000&b=002&view=split');
  await expectPaneShows(page, 'a', '000');
  await expectPaneShows(page, 'b', '002');
  const dels = await page.locator('[data-pane] del').count();
  const ins = await page.locator('[data-pane] ins').count();
  assert.ok(dels >= 1, `expected at least one <del> inside the panes, found ${dels}`);
  assert.ok(ins >= 1, `expected at least one <ins> inside the panes, found ${ins}`);
  const delText = await page.locator('[data-pane] del').first().textContent();
  const insText = await page.locator('[data-pane] ins').first().textContent();
  assert.ok(delText.trim().length > 0, '<del> is empty');
  assert.ok(insText.trim().length > 0, '<ins> is empty');
  await page.context().close();
});

test('(f) every pair shows both reports in full (10 pairs, via the URL)', { timeout: 60_000 }, async (t) => {
  const page = await h.newPage();
  for (const [a, b] of allPairs()) {
    await t.test(`${a} vs ${b}`, async () => {
      await openApp(page, h, `?a=${a}&b=${b}&view=split`);
      assert.equal(await pickA(page), a);
      assert.equal(await pickB(page), b);
      await expectPaneShows(page, 'a', a);
      await expectPaneShows(page, 'b', b);
    });
  }
  await page.context().close();
});

test('(h) screenshot of 000 vs 002, split view, 1280x900 (artifact)', T, async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 900 } });
  await openApp(page, h, '?a=000&b=002&view=split');
  await expectPaneShows(page, 'a', '000');
  await expectPaneShows(page, 'b', '002');
  const file = path.join(ensureOutDir(), 'split.png');
  await page.screenshot({ path: file, fullPage: true });
  await page.context().close();
});

test('(i) accessibility scan with axe-core (artifact: e2e/out/axe.json)', T, async (t) => {
  const page = await h.newPage();
  await openApp(page, h, '?a=000&b=002&view=split');
  await expectPaneShows(page, 'b', '002');
  const result = await new AxeBuilder({ page }).analyze();
  const summary = result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help }));
  writeFileSync(path.join(ensureOutDir(), 'axe.json'), JSON.stringify({ summary, violations: result.violations }, null, 2));
  t.diagnostic(`axe: ${summary.length} violation type(s)`);
  for (const v of summary) t.diagnostic(`axe: ${v.impact} ${v.id} (${v.nodes} node(s)): ${v.help}`);
  // Report only; set E2E_AXE_STRICT=1 to fail on serious/critical violations.
  if (process.env.E2E_AXE_STRICT === '1') {
    const bad = summary.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad, [], 'serious/critical accessibility violations');
  }
  await page.context().close();
});

// Last: nothing in any page of this file logged an error, panicked or failed to load.
test('(g) no page errors, console errors, panics or failed requests in the run', () => {
  assertNoErrors(h);
});
