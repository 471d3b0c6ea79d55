// The release build under a strict Content-Security-Policy: no inline script,
// no inline style, no data: URL. Any `securitypolicyviolation` fails the test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STRICT_CSP, useHarness, openApp, expectPaneShows, assertNoErrors, errorsOf } from './helpers.mjs';

const h = useHarness({ headers: { 'content-security-policy': STRICT_CSP } });
const T = { timeout: 30_000 };

/** A page that records every CSP violation (the init script is injected by the browser, not the page). */
async function cspPage() {
  const page = await h.newPage();
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`),
    );
  });
  return page;
}
const violations = (page) => page.evaluate(() => window.__cspViolations);

test('the app loads and works under the strict CSP with zero violations', T, async () => {
  const page = await cspPage();
  const res = await page.goto(`${h.url}/?a=000&b=001`);
  assert.equal(res.headers()['content-security-policy'], STRICT_CSP);
  await openApp(page, h, '?a=000&b=001');
  // The first paint came from the prerendered markup (first.js, a script of
  // the page's own origin, inserted it): under this policy too.
  const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
  assert.deepEqual(marks.filter((m) => m.startsWith('report-diff:')), ['report-diff:prerendered', 'report-diff:live']);
  await expectPaneShows(page, 'a', '000');
  await expectPaneShows(page, 'b', '001');
  // Rows line up without any style attribute: a pair's two cells share a
  // table row and sit at the same height.
  const pair = await page.$eval('td.cell.same[data-pane="a"]', (a) => {
    const b = document.getElementById(a.id.replace(/-a$/, '-b'));
    return { ra: a.closest('tr').id, rb: b.closest('tr').id, ya: a.offsetTop, yb: b.offsetTop };
  });
  assert.ok(pair.ra !== '' && pair.ra === pair.rb, JSON.stringify(pair));
  assert.equal(pair.ya, pair.yb);
  assert.equal(await page.locator('[style]').count(), 0, 'no style attribute anywhere');
  // Exercise the rest of the page: options, boilerplate, the translation check.
  await page.check('#opt-case');
  await page.selectOption('#opt-boilerplate', 'hide');
  await page.selectOption('#pick-b', '004');
  await page.click('#view-translation');
  await page.waitForSelector('.translation-view table.pairs td[data-pane="second"]');
  // Exercise the reader's controls too: a step, a fold, the shortcut list.
  await page.click('#view-split');
  await page.click('#next-change');
  await page.locator('.fold-toggle').first().click();
  await page.keyboard.press('?');
  await page.keyboard.press('Escape');
  // The favicon is a file, not a data: URL.
  const icon = await page.$eval('link[rel=icon]', (l) => l.href);
  assert.match(icon, /^http:\/\/127\.0\.0\.1:\d+\/favicon-[0-9a-f]+\.svg$/);
  assert.deepEqual(await violations(page), [], errorsOf(page));
  // Nothing inline in the markup the build ships.
  const inline = await page.$$eval('script:not([src])', (s) => s.length);
  assert.equal(inline, 0, 'inline <script> in the page');
  await page.context().close();
});

test('no page errors, console errors, panics or failed requests under the CSP', () => {
  assertNoErrors(h);
});
