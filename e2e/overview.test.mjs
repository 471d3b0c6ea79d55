// End-to-end tests of the overview (the landing view): summary, coverage,
// story map, quotes, figures and names, the report filter, the links into the
// pair view, the keyboard, accessibility in light and dark, a phone layout and
// the strict CSP.
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
  STRICT_CSP,
} from './helpers.mjs';

// Another story, as a corpus: the overview is not made for the bundled one.
const CORPUS = {
  title: 'The bridge reopening',
  reports: [
    { id: 'wire', text: 'Bridge reopens after repairs\nThe old bridge reopened on Monday after two years of repairs. The city spent 40 million on the work, mayor Ana Ruiz said. “We kept every promise we made to the people of this city,” Ruiz said.' },
    { id: 'local', text: 'Finally open\nThe old bridge reopened on Monday after two years of repairs. The city spent 42 million on the work. “We kept every promise we made to this city,” mayor Ana Ruiz said. Traffic was light.' },
    { id: 'blog', text: 'Nobody asked us about the bridge. It reopened on Monday, two years late.' },
  ],
};
const h = useHarness({
  headers: { 'content-security-policy': STRICT_CSP },
  route(req, res, urlPath) {
    if (urlPath !== '/fixtures/bridge.json') return false;
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(CORPUS));
    return true;
  },
});
const T = { timeout: 30_000 };

const rowsOf = (page, sel) => page.locator(`${sel} tbody tr`).count();
const headers = (page, sel) => page.locator(`${sel} thead th[scope="col"]`).allTextContents();

test('the landing view is the overview of all five reports', T, async () => {
  const page = await h.newPage();
  const violations = [];
  await page.exposeFunction('__csp', (v) => violations.push(v));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) => window.__csp(`${e.violatedDirective} ${e.blockedURI}`)),
  );
  await openApp(page, h);
  await expectUrlParams(page, { view: 'overview' });
  assert.equal(await page.getAttribute('#view-overview', 'aria-pressed'), 'true');
  // No pair pickers on the overview.
  assert.equal(await page.locator('#pick-a').count(), 0);
  // The summary: sentences written from the analyses.
  const summary = (await page.locator('.ov-summary li').allTextContents()).join('\n');
  assert.match(summary, /All 5 reports tell \d+ facts? in common/);
  assert.match(summary, /003 says 82% and 004 says over 80%/);
  assert.match(summary, /Trump’s is quoted by 3 reports \(002, 003 and 004\)/);
  // Coverage: a real table, a header per report, a row per report, numbers in cells.
  assert.deepEqual((await headers(page, 'table.coverage')).slice(1), ['000', '001', '002', '003', '004']);
  assert.equal(await page.locator('table.coverage tbody th[scope="row"]').count(), 5);
  assert.equal(await page.locator('table.coverage td.cov a').count(), 20);
  assert.match(await page.locator('table.coverage td.cov a').first().textContent(), /^\d+%$/);
  // Laid out as a table: each row's cells side by side, on one line.
  const tops = await page.$$eval('table.coverage tbody tr', (rows) =>
    rows.map((r) => new Set([...r.children].map((c) => Math.round(c.getBoundingClientRect().top))).size),
  );
  assert.deepEqual(tops, [1, 1, 1, 1, 1]);
  // Story map: what all five tell comes first.
  const first = page.locator('table.story tbody.all tr.fact').first();
  assert.equal(await first.locator('td.mark.has').count(), 5);
  assert.ok((await rowsOf(page, 'table.story')) > 10);
  // Quotes: one remark of Trump's, several wordings, three reports.
  const group = page.locator('.quote-group.shared').first();
  assert.equal(await group.locator('h3').textContent(), 'Trump');
  assert.match(await group.locator('.caption').textContent(), /Quoted by 002, 003 and 004 in \d wordings/);
  assert.ok((await group.locator('.wording').count()) >= 3);
  assert.ok((await group.locator('.wording ins').count()) >= 3, 'wording differences are marked');
  // Figures: the poll figure diverges; names: a presence table.
  const poll = page.locator('table.figures tr.divergent').first();
  assert.match(await poll.textContent(), /82%/);
  assert.match(await poll.textContent(), /over 80%/);
  assert.match(await poll.locator('.badge.differs').textContent(), /differs/);
  assert.ok((await rowsOf(page, 'table.names')) > 10);
  // Names one report alone gives are folded, and unfold on request.
  const folded = await rowsOf(page, 'table.names');
  await page.click('table.names .fold');
  assert.equal(await page.getAttribute('table.names .fold', 'aria-expanded'), 'true');
  assert.ok((await rowsOf(page, 'table.names')) > folded + 10);
  assert.deepEqual(violations, [], 'CSP violations');
  await page.context().close();
});

test('a coverage cell opens that pair side by side', T, async () => {
  const page = await h.newPage();
  await openApp(page, h);
  // Row 001, column 000.
  const cell = page.locator('table.coverage tbody tr').nth(1).locator('td').nth(0).locator('a');
  assert.equal(await cell.textContent(), '100%');
  assert.match(await cell.getAttribute('aria-label'), /000 tells 100% of 001’s story/);
  // Row 000, column 001: the other direction.
  const back = await page.locator('table.coverage tbody tr').nth(0).locator('td').nth(1).locator('a').textContent();
  await cell.click();
  await expectUrlParams(page, { a: '000', b: '001', view: 'split' });
  await expectPaneShows(page, 'a', '000');
  await expectPaneShows(page, 'b', '001');
  // The pair view's summary gives the same two figures as the table.
  assert.match(await page.locator('p.summary strong').textContent(), new RegExp(`B also tells ${back} of A’s story, A 100% of B’s`));
  // And back to the overview from the pair view.
  await page.click('#view-overview');
  await expectUrlParams(page, { view: 'overview' });
  await page.waitForSelector('table.coverage');
  await page.context().close();
});

test('a story-map mark opens the passage in that report, in view and focused', T, async () => {
  const page = await h.newPage();
  await openApp(page, h);
  const row = page.locator('table.story tbody.all tr.fact').first();
  const label = (await row.locator('th').textContent()).trim();
  const mark = row.locator('td.mark a').nth(4); // report 004
  const href = await mark.getAttribute('href');
  const target = href.split('#')[1];
  assert.match(target, /^r\d+-[ab]$/);
  await mark.click();
  await expectUrlParams(page, { view: 'split' });
  await page.waitForFunction((id) => document.activeElement?.id === id, target);
  // Scrolling may be smooth, and the pair view lays out as it arrives: wait
  // until the passage is on screen.
  await page.waitForFunction((id) => {
    const r = document.getElementById(id).getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight;
  }, target);
  assert.equal(new URL(page.url()).hash, `#${target}`);
  const text = await page.locator(`#${target} [data-text]`).textContent();
  // 004's own wording of the fact, the row's label may be another report's.
  assert.ok(text.length > 20, text);
  assert.ok(label.length > 20, label);
  await page.context().close();
});

test('the keyboard reaches the tables and follows a link', T, async () => {
  const page = await h.newPage();
  await openApp(page, h);
  const first = page.locator('table.coverage td.cov a').first();
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    if (await first.evaluate((el) => el === document.activeElement)) break;
  }
  assert.ok(await first.evaluate((el) => el === document.activeElement), 'Tab reaches the first coverage cell');
  await page.keyboard.press('Enter');
  await expectUrlParams(page, { a: '000', b: '001', view: 'split' });
  await page.context().close();
});

test('filtering: hide a report, or show only what one report adds', T, async () => {
  const page = await h.newPage();
  await openApp(page, h);
  await page.uncheck('#show-001');
  await expectUrlParams(page, { hide: '001' });
  assert.deepEqual((await headers(page, 'table.coverage')).slice(1), ['000', '002', '003', '004']);
  assert.deepEqual((await headers(page, 'table.story')).slice(1), ['000', '002', '003', '004']);
  assert.match(await page.locator('.ov-filter-note').textContent(), /Not shown: 001/);
  await page.selectOption('#ov-only', '004');
  await expectUrlParams(page, { hide: '001', only: '004' });
  // Every story-map row is one 004 alone tells (nothing to fold them under).
  assert.equal(await page.locator('table.story .fold').count(), 0);
  const facts = page.locator('table.story tr.fact');
  const n = await facts.count();
  assert.ok(n > 3, `${n} facts only 004 tells`);
  for (let i = 0; i < n; i++) {
    assert.equal(await facts.nth(i).locator('td.mark.has').count(), 1);
  }
  const speakers = await page.locator('.single-quotes tbody th').allTextContents();
  assert.ok(speakers.includes('Vice President Vance'), speakers.join(', '));
  // The URL reproduces the filter.
  await page.reload();
  await page.waitForSelector('table.story');
  assert.equal(await page.inputValue('#ov-only'), '004');
  assert.equal(await page.isChecked('#show-001'), false);
  await page.context().close();
});

test('the translation tab of the overview opens the bilingual report', T, async () => {
  const page = await h.newPage();
  await openApp(page, h);
  assert.equal(await page.isDisabled('#view-translation'), false);
  assert.match(await page.textContent('#view-translation'), /Translation check \(004\)/);
  await page.click('#view-translation');
  await expectUrlParams(page, { a: '004', view: 'translation' });
  await page.waitForSelector('.translation-view');
  await page.context().close();
});

test('the overview of another story, loaded as a corpus', T, async () => {
  const page = await h.newPage();
  await openApp(page, h, '?corpus=/fixtures/bridge.json');
  await page.waitForSelector('table.coverage');
  assert.deepEqual((await headers(page, 'table.coverage')).slice(1), ['wire', 'local', 'blog']);
  const summary = (await page.locator('.ov-summary li').allTextContents()).join('\n');
  assert.match(summary, /local says 42 million and wire says 40 million|Figures differ/);
  const group = page.locator('.quote-group.shared').first();
  assert.equal(await group.locator('h3').textContent(), 'Ana Ruiz');
  assert.match(await group.locator('.caption').textContent(), /Quoted by wire and local in 2 wordings/);
  assert.match(await page.locator('table.figures tr.divergent').first().textContent(), /40 million[\s\S]*42 million/);
  await page.context().close();
});

test('the overview of the reader’s own texts', T, async () => {
  const page = await h.newPage();
  await openApp(page, h, '?corpus=own');
  await page.locator('#own-texts').waitFor();
  const texts = [
    'Storm closes port. The port of Dover closed on Tuesday as winds reached 90 km/h, the harbour master said. "We will reopen when it is safe," said Jane Cole. About 40 ferries were cancelled.',
    'Dover port shut by storm. Winds of 95 km/h closed the port of Dover on Tuesday. "We will reopen as soon as it is safe," harbour master Jane Cole told reporters. Some 40 ferries were cancelled, P&O Ferries said.',
    'Ferries cancelled. About 38 ferries were cancelled on Tuesday after the port of Dover closed. "We will reopen when it is safe," Cole said. Traffic queued for miles on the M20.',
  ];
  await page.fill('#own-text-1', texts[0]);
  await page.fill('#own-text-2', texts[1]);
  await page.click('#own-add');
  await page.fill('#own-text-3', texts[2]);
  // The overview follows the texts once typing pauses.
  await page.waitForFunction(() => document.querySelectorAll('table.coverage thead th[scope="col"]').length === 4);
  await expectUrlParams(page, { corpus: 'own', view: 'overview' });
  assert.deepEqual((await headers(page, 'table.coverage')).slice(1), ['1', '2', '3']);
  const summary = (await page.locator('.ov-summary li').allTextContents()).join('\n');
  assert.match(summary, /A remark of Jane Cole’s is quoted by 3 reports \(1, 2 and 3\)/);
  assert.match(await page.locator('table.figures').textContent(), /90 km\/h[\s\S]*95 km\/h/);
  // A coverage cell opens the pair of own texts, and the tab leads back.
  await page.locator('table.coverage td.cov a').first().click();
  await expectUrlParams(page, { corpus: 'own', a: '1', b: '2', view: 'split' });
  await page.locator('[data-pane="b"] [data-text]').first().waitFor();
  await page.click('#view-overview');
  await page.waitForSelector('table.coverage');
  await page.context().close();
});

test('a link naming a pair still opens the pair view', T, async () => {
  const page = await h.newPage();
  await openApp(page, h, '?a=003&b=004');
  await expectPaneShows(page, 'a', '003');
  await expectPaneShows(page, 'b', '004');
  assert.equal(await page.getAttribute('#view-split', 'aria-pressed'), 'true');
  await page.context().close();
});

for (const scheme of ['light', 'dark']) {
  test(`no accessibility violations on the overview (axe, WCAG 2.x A/AA, ${scheme})`, T, async () => {
    const page = await h.newPage({ colorScheme: scheme });
    await openApp(page, h, `?view=overview&theme=${scheme}`);
    // Unfold: every row checked.
    await page.click('table.story .fold');
    await page.click('table.names .fold');
    const axe = await new AxeBuilder({ page })
      .include('.overview')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    const found = axe.violations.map((v) => `${v.impact} ${v.id} (${v.nodes.length}): ${v.help} — ${v.nodes[0]?.target}`);
    assert.deepEqual(found, []);
    await page.context().close();
  });
}

test('phone width: the tables scroll inside their box, the page does not', T, async () => {
  const page = await h.newPage({ viewport: { width: 360, height: 780 } });
  await openApp(page, h);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  await page.screenshot({ path: path.join(ensureOutDir(), 'overview-phone.png'), fullPage: false });
  await page.context().close();
});

test('screenshots of the overview, 1280 wide, light and dark (artifacts: e2e/out/overview*.png)', T, async () => {
  for (const scheme of ['light', 'dark']) {
    const page = await h.newPage({ viewport: { width: 1280, height: 1400 }, colorScheme: scheme });
    await openApp(page, h);
    const name = scheme === 'light' ? 'overview.png' : 'overview-dark.png';
    await page.screenshot({ path: path.join(ensureOutDir(), name), fullPage: false });
    await page.context().close();
  }
});

test('no page errors, console errors, panics or failed requests in the run', () => {
  assertNoErrors(h);
});
