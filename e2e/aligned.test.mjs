// End-to-end tests of the aligned comparison (the engine's results as the reader
// sees them): rows, moves, noise options, boilerplate, translation check, bad
// URLs, phone and dark layouts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import {
  useHarness,
  openApp,
  expectPaneShows,
  expectUrlParams,
  assertNoErrors,
  ensureOutDir,
} from './helpers.mjs';

const h = useHarness();
const T = { timeout: 30_000 };

/** The table row a cell sits in (its alignment row). */
const rowOf = (locator) => locator.evaluate((el) => el.closest('tr, .urow')?.id);

test('a republished copy lines up row by row (000 vs 001)', T, async () => {
  const page = await h.newPage();
  await openApp(page, h, '?a=000&b=001');
  const same = await page.locator('td.cell.same[data-pane="a"]').count();
  assert.ok(same >= 15, `expected ≥ 15 identical aligned passages, found ${same}`);
  // Each identical passage of A sits in the same table row as its twin in B.
  const pairs = await page.$$eval('td.cell.same[data-pane="a"]', (cells) =>
    cells.map((c) => {
      const twin = document.getElementById(c.id.replace(/-a$/, '-b'));
      return [c.closest('tr').id, twin?.closest('tr').id, c.querySelector('[data-text]').textContent, twin?.querySelector('[data-text]').textContent];
    }),
  );
  for (const [ra, rb, ta, tb] of pairs) {
    assert.equal(ra, rb, `row mismatch for ${ta}`);
    assert.equal(ta.trim(), tb.trim());
  }
  // The AI summary only 000 has sits opposite an empty cell.
  const summary = page.locator('td[data-pane="a"]', { hasText: 'Liquidity and crypto markets' });
  const opposite = await summary.evaluate((el) => el.nextElementSibling?.className);
  assert.match(opposite, /gap/);
  await page.context().close();
});

test('a moved passage is compared in place and linked both ways', T, async () => {
  const page = await h.newPage();
  await openApp(page, h, '?a=003&b=004');
  const moved = page.locator('td.cell.moved[data-pane="a"]').first();
  assert.ok(await moved.count(), 'expected a moved passage in 003 vs 004');
  // At A's position, B's wording stands beside A's, marked, as decoration.
  const echo = page.locator(`#${await rowOf(moved)} td.echo[data-pane="b"]`);
  assert.match(await echo.textContent(), /B has this (later|earlier)/);
  assert.equal(await echo.locator('[data-decor]').count(), 1);
  const link = echo.locator('a.jump');
  const href = await link.getAttribute('href');
  assert.match(href, /^#r\d+-b$/);
  // B's own position keeps its text, one line, pointing back to A's position.
  const target = page.locator(href);
  assert.equal(await target.count(), 1);
  assert.equal(await target.evaluate((el) => el.closest('[data-pane]').dataset.pane), 'b');
  // The link may be below the fold (under a taller header): bring it into
  // view at once, or focusing it starts a smooth scroll that the jump's own
  // scroll then races with.
  await link.scrollIntoViewIfNeeded();
  assert.match(await target.getAttribute('class'), /compact/);
  assert.equal(await target.locator('a.jump').first().getAttribute('href'), `#${await moved.getAttribute('id')}`);
  await link.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((h) => location.hash === h, href);
  // Scrolling may be smooth: wait until the counterpart is on screen.
  await page.waitForFunction((sel) => {
    const r = document.querySelector(sel).getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight;
  }, href);
  // The pair survives the jump: the hash is kept, the query too.
  await expectUrlParams(page, { a: '003', b: '004' });
  await expectPaneShows(page, 'a', '003');
  await expectPaneShows(page, 'b', '004');
  await page.context().close();
});

test('noise options change word highlights and the URL, not the text', T, async () => {
  const page = await h.newPage();
  await openApp(page, h, '?a=000&b=002');
  const headlineDel = () => page.locator('#r0-a del').allTextContents();
  assert.ok((await headlineDel()).join(' ').includes('Delays'), 'case differs by default');
  await page.check('#opt-case');
  await expectUrlParams(page, { case: '1' });
  await page.waitForFunction(() => !document.querySelector('#r0-a')?.textContent.includes('Delays') ||
    ![...document.querySelectorAll('#r0-a del')].some((d) => d.textContent.includes('Delays')));
  assert.ok(!(await headlineDel()).join(' ').includes('Delays'), '"Delays" = "delays" when case is ignored');
  await expectPaneShows(page, 'a', '000');
  await expectPaneShows(page, 'b', '002');
  // Options come back from a shared link.
  await openApp(page, h, '?a=000&b=002&case=1&punct=1&space=1');
  assert.equal(await page.isChecked('#opt-case'), true);
  assert.equal(await page.isChecked('#opt-punct'), true);
  assert.equal(await page.isChecked('#opt-space'), true);
  await page.context().close();
});

test('site chrome is folded by default, and can be shown, dimmed or left out', T, async () => {
  const page = await h.newPage();
  await openApp(page, h, '?a=000&b=004');
  const share = page.locator('td.cell', { hasText: 'Share IconShare' });
  assert.equal(await share.count(), 1, 'the chrome is on the page');
  assert.equal(await share.isVisible(), false, 'but folded away');
  const fold = await share.evaluate((el) => el.closest('.folded').id);
  const line = page.locator(`.fold-line.chrome button[aria-controls="${fold}"]`);
  assert.match(await line.textContent(), /^\d+ lines? of site chrome hidden — show$/);
  assert.equal(await line.getAttribute('aria-expanded'), 'false');
  await line.click();
  assert.equal(await line.getAttribute('aria-expanded'), 'true');
  await share.waitFor({ state: 'visible' });
  assert.match(await line.textContent(), /— hide$/);
  await expectPaneShows(page, 'a', '000');
  await page.selectOption('#opt-boilerplate', 'dim');
  await expectUrlParams(page, { boilerplate: 'dim' });
  await page.locator('.cell.boilerplate', { hasText: 'Share IconShare' }).waitFor({ state: 'visible' });
  await page.selectOption('#opt-boilerplate', 'hide');
  await expectUrlParams(page, { boilerplate: 'hide' });
  await page.waitForSelector('.hidden-note');
  assert.equal(await page.locator('.cell', { hasText: 'Share IconShare' }).count(), 0);
  assert.equal(await page.locator('.cell', { hasText: 'Disclaimer: The information' }).count(), 0);
  assert.ok(await page.locator('.cell', { hasText: 'U.S. President Trump postponed signing' }).count());
  await page.selectOption('#opt-boilerplate', 'fold');
  await expectUrlParams(page, { boilerplate: null });
  await page.context().close();
});

test('translation check aligns 004’s English with its Chinese original', T, async () => {
  const page = await h.newPage();
  await openApp(page, h, '?a=004&b=000&view=translation');
  assert.equal(await page.getAttribute('#view-translation', 'aria-pressed'), 'true');
  const first = page.locator('[data-pane="first"] [data-text]');
  const second = page.locator('[data-pane="second"] [data-text]');
  assert.ok((await first.count()) >= 18, 'paragraph pairs');
  // Same row, translated: the Sacks paragraph and its Chinese version.
  const en = page.locator('td[data-pane="first"]', { hasText: 'Sacks currently serves' });
  const zh = page.locator('td[data-pane="second"]', { hasText: '萨克斯现任' });
  assert.equal(await en.evaluate((e) => e.parentElement.rowIndex), await zh.evaluate((e) => e.parentElement.rowIndex));
  assert.equal(await page.locator('table.pairs th[scope="col"]').count(), 2, 'a real table with column headers');
  assert.ok((await second.count()) >= 18);
  // Back to the comparison by the tab.
  await page.click('#view-split');
  await expectUrlParams(page, { view: 'split' });
  await expectPaneShows(page, 'a', '004');
  // Without a bilingual report, the tab is disabled.
  await openApp(page, h, '?a=000&b=002');
  assert.equal(await page.isDisabled('#view-translation'), true);
  await page.context().close();
});

test('a bad link says what is wrong and still shows a comparison', T, async () => {
  const page = await h.newPage();
  await openApp(page, h, '?a=999&b=004&view=nope&boilerplate=maybe');
  const alert = await page.locator('[role="alert"]').first().textContent();
  assert.match(alert, /999/);
  assert.match(alert, /nope/);
  assert.match(alert, /maybe/);
  await expectPaneShows(page, 'a', '000');
  await expectPaneShows(page, 'b', '004');
  await page.context().close();
});

test('keyboard: the swap button works from the keyboard', T, async () => {
  const page = await h.newPage();
  await openApp(page, h, '?a=001&b=003');
  await page.focus('#swap');
  await page.keyboard.press('Enter');
  await expectUrlParams(page, { a: '003', b: '001' });
  await page.context().close();
});

test('phone layout: no sideways scrolling; dark mode is dark (screenshots as artifacts)', T, async () => {
  const page = await h.newPage({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
  await openApp(page, h, '?a=003&b=004');
  const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `page is ${overflow}px wider than the phone screen`);
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = bg.match(/\d+/g).map(Number);
  assert.ok(r + g + b < 150, `dark background expected, got ${bg}`);
  await page.screenshot({ path: path.join(ensureOutDir(), 'phone-dark.png') });
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = axe.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.nodes.length}`), []);
  await page.context().close();
});

test('light desktop view has no serious accessibility violations', T, async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 900 } });
  await openApp(page, h, '?a=000&b=002');
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = axe.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.nodes.length}`), []);
  await page.context().close();
});

test('no page errors, console errors, panics or failed requests in this file', () => {
  assertNoErrors(h);
});

test('quotes: one remark in two wordings is shown side by side', T, async () => {
  const page = await h.newPage();
  await openApp(page, h, '?a=002&b=004');
  const pair = page.locator('.quote-pair', { hasText: 'impedes that lead' }).first();
  assert.ok(await pair.count(), 'a matched quote pair');
  assert.match(await pair.locator('.qa').textContent(), /get in the way of that leading/);
  assert.ok(await pair.locator('ins').count(), 'the differing words are marked');
  assert.notEqual(await page.locator('.quotes').getAttribute('open'), null, 'open when quotes match');
  await page.context().close();
});

test('theme=light|dark|auto: the link wins over the system setting, auto follows it', T, async () => {
  const bright = async (page) => {
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = bg.match(/\d+/g).map(Number);
    return r + g + b > 600;
  };
  const dark = await h.newPage({ colorScheme: 'dark' });
  await openApp(dark, h, '?a=000&b=002&theme=light');
  assert.equal(await bright(dark), true, 'theme=light on a dark system is light');
  assert.equal(await dark.inputValue('#opt-theme'), 'light');
  await dark.selectOption('#opt-theme', 'auto');
  await dark.waitForFunction(() => document.querySelector('#app-root').dataset.theme === 'auto');
  assert.equal(await bright(dark), false, 'auto follows the dark system');
  assert.equal(new URL(dark.url()).searchParams.get('theme'), null, 'auto is the default: not in the URL');
  await dark.context().close();

  const light = await h.newPage({ colorScheme: 'light' });
  await openApp(light, h, '?a=000&b=002');
  assert.equal(await bright(light), true);
  await light.selectOption('#opt-theme', 'dark');
  await expectUrlParams(light, { theme: 'dark' });
  assert.equal(await bright(light), false, 'theme=dark on a light system is dark');
  await openApp(light, h, '?a=000&b=002&theme=sepia');
  assert.match(await light.locator('[role="alert"]').first().textContent(), /sepia/);
  await light.context().close();
});
