// ?corpus=<url>: a JSON corpus served from localhost loads and compares; every
// kind of broken corpus shows its own message and the bundled reports stay
// usable; hostile text in a corpus is shown literally and never runs; the
// parameters round-trip through the URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useHarness, openApp, expectPaneShows, expectUrlParams, paneText, until, SETTLE_TIMEOUT_MS } from './helpers.mjs';

const XSS = [
  '<script>window.__xss = "script"</script>',
  '<img src=x onerror="window.__xss = \'img\'">',
  '<a href="javascript:window.__xss=\'link\'">click</a>',
].join(' ');

const GOOD = {
  title: 'Test corpus: the bridge reopening',
  reports: [
    { id: 'wire', outlet: 'Wire', headline: 'Bridge reopens after repairs', published: '2026-11-24', language: 'en',
      text: 'The old bridge reopened on Monday after two years of repairs. The city spent 40 million on the work. Traffic was light in the morning.' },
    { id: 'local', outlet: 'Local Daily', headline: 'Finally: the bridge is open', language: 'en',
      text: `Traffic was light in the morning. The old bridge reopened on Monday after two years of repairs. The city spent 42 million on the work. ${XSS}` },
    { id: 'blog', text: 'Nobody asked us about the bridge. ¿Y ahora qué? مرحبا بالعالم.' },
  ],
};

const reports = (list) => JSON.stringify({ reports: list });
const FIXTURES = {
  '/fixtures/good.json': { body: JSON.stringify(GOOD) },
  '/fixtures/malformed.json': { body: '{"reports": [{"id": "a", "text": "x"},' },
  '/fixtures/wrong-types.json': { body: reports([{ id: 'a', text: 'x' }, { id: 'b', text: 'y', headline: 42 }]) },
  '/fixtures/duplicate-ids.json': { body: reports([{ id: 'a', text: 'x' }, { id: 'a', text: 'y' }]) },
  '/fixtures/missing-id.json': { body: reports([{ id: 'a', text: 'x' }, { text: 'y' }]) },
  '/fixtures/missing-text.json': { body: reports([{ id: 'a', text: 'x' }, { id: 'b' }]) },
  '/fixtures/page.json': { body: '<!doctype html><title>Sign in</title><p>Please sign in.', type: 'text/html; charset=utf-8' },
};

const h = useHarness({
  route(req, res, urlPath) {
    if (urlPath === '/fixtures/slow.json') {
      // Answers never: the app gives up after its timeout.
      req.on('close', () => res.destroy());
      return true;
    }
    const f = FIXTURES[urlPath];
    if (!f) return false;
    res.writeHead(200, { 'content-type': f.type ?? 'application/json', 'cache-control': 'no-store' });
    res.end(f.body);
    return true;
  },
});
const T = { timeout: 30_000 };

async function noticeText(page, timeout = SETTLE_TIMEOUT_MS) {
  const notice = page.locator('.notice[role="alert"]').first();
  await notice.waitFor({ timeout });
  return notice.textContent();
}

test('a corpus served from localhost loads and compares, by its ids', T, async () => {
  const page = await h.newPage();
  await openApp(page, h, '?corpus=/fixtures/good.json&a=local&b=wire&view=split&case=1');
  await page.locator('#corpus-status', { hasText: 'Test corpus: the bridge reopening' }).waitFor();
  assert.equal(await page.inputValue('#pick-a'), 'local');
  assert.equal(await page.inputValue('#pick-b'), 'wire');
  assert.deepEqual(await page.$$eval('#pick-a option', (o) => o.map((x) => x.value)), ['wire', 'local', 'blog']);
  // Reordered sentences pair up; the number that differs is listed.
  const text = await page.locator('.compare').textContent();
  assert.match(text, /Numbers differ/);
  assert.ok(await page.locator('.cell.moved[data-pane="a"]').count() >= 1, 'a moved passage');
  await expectUrlParams(page, { a: 'local', b: 'wire', case: '1', corpus: '/fixtures/good.json' });
  // The share link names the corpus by its absolute URL.
  await page.click('#share');
  assert.equal(
    await page.inputValue('#share-link'),
    `${h.url}/?a=local&b=wire&view=split&case=1&corpus=${encodeURIComponent(`${h.url}/fixtures/good.json`)}`,
  );
  await page.context().close();
});

test('a corpus opens in the overview too (the landing view)', T, async () => {
  const page = await h.newPage();
  await openApp(page, h, '?corpus=/fixtures/good.json');
  await page.locator('#corpus-status').waitFor();
  await expectUrlParams(page, { view: 'overview', corpus: '/fixtures/good.json' });
  const text = await page.locator('main').textContent();
  assert.match(text, /All 3 reports at once/);
  assert.match(text, /42 million/);
  await page.context().close();
});

test('hostile markup in a corpus is shown literally and never runs', T, async () => {
  const page = await h.newPage();
  await openApp(page, h, '?corpus=/fixtures/good.json&a=local&b=blog&view=split');
  await page.locator('#corpus-status').waitFor();
  const pane = await paneText(page, 'a');
  for (const bit of ['<script>window.__xss = "script"</script>', '<img src=x onerror=', 'href="javascript:']) {
    assert.ok(pane.includes(bit), `pane shows ${bit} literally`);
  }
  assert.equal(await page.locator('[data-pane] script, [data-pane] img, [data-pane] a[href^="javascript"]').count(), 0);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__xss), undefined, 'no payload ran');
  // Right-to-left text keeps its characters.
  assert.match(await paneText(page, 'b'), /مرحبا بالعالم/);
  await page.context().close();
});

const BROKEN = [
  ['malformed JSON', '/fixtures/malformed.json', /The corpus is not valid JSON: EOF while parsing a value at line 1, column 38\./],
  ['wrong types', '/fixtures/wrong-types.json', /reports\[1\]\.headline should be a string, not a number\./],
  ['duplicate ids', '/fixtures/duplicate-ids.json', /Two reports have the id “a” \(reports 1 and 2\): ids must be unique\./],
  ['a missing id', '/fixtures/missing-id.json', /Report 2 of the corpus has no id\./],
  ['a missing text', '/fixtures/missing-text.json', /Report “b” of the corpus has no text\./],
  ['a failed fetch (404)', '/fixtures/nowhere.json', /the server answered 404 \(Not Found\)\./],
  ['a failed fetch (connection refused)', 'http://127.0.0.1:9/corpus.json', /the server did not answer, or it does not let this page read the file/],
  ['an HTML answer', '/fixtures/page.json', /answered with a web page \(HTML\), not a JSON corpus/],
];

for (const [what, url, message] of BROKEN) {
  test(`a corpus with ${what} says so, and the bundled reports stay usable`, T, async () => {
    const page = await h.newPage();
    await openApp(page, h, `?corpus=${encodeURIComponent(url)}&a=x&b=y&view=split`);
    const notice = await noticeText(page);
    assert.match(notice, message);
    assert.match(notice, /Showing the bundled reports instead\./);
    await expectPaneShows(page, 'a', '000');
    await expectPaneShows(page, 'b', '002');
    await page.selectOption('#pick-b', '004');
    await expectPaneShows(page, 'b', '004');
    await page.context().close();
  });
}

test('a corpus that never answers times out with a message', { timeout: 40_000 }, async () => {
  const page = await h.newPage();
  await openApp(page, h, '?corpus=/fixtures/slow.json&view=split');
  await page.locator('#corpus-status', { hasText: 'Loading the corpus' }).waitFor();
  const notice = await noticeText(page, 20_000);
  assert.match(notice, /no answer within 10 seconds\. Showing the bundled reports instead\./);
  await expectPaneShows(page, 'a', '000');
  await page.context().close();
});

test('every parameter round-trips through the URL', T, async () => {
  const page = await h.newPage();
  const q = 'a=004&b=001&view=translation&case=1&punct=1&space=1&boilerplate=hide&theme=dark&utm_source=news';
  await openApp(page, h, `?${q}`);
  assert.equal(await page.isChecked('#opt-case'), true);
  assert.equal(await page.isChecked('#opt-punct'), true);
  assert.equal(await page.isChecked('#opt-space'), true);
  assert.equal(await page.inputValue('#opt-boilerplate'), 'hide');
  assert.equal(await page.getAttribute('#app-root', 'data-theme'), 'dark');
  assert.equal(await page.getAttribute('#view-translation', 'aria-pressed'), 'true');
  assert.equal(new URL(page.url()).search, `?${q}`);
  // Changes go back into the URL, and a reload reads them again.
  await page.uncheck('#opt-space');
  await page.selectOption('#pick-a', '002');
  await expectUrlParams(page, { a: '002', space: null, utm_source: 'news' });
  await page.reload();
  await page.waitForSelector('#app-root[data-ready="true"]');
  assert.equal(await page.inputValue('#pick-a'), '002');
  assert.equal(await page.isChecked('#opt-space'), false);
  // With a corpus too.
  await openApp(page, h, '?corpus=/fixtures/good.json&a=blog&b=local&punct=1');
  await page.locator('#corpus-status').waitFor();
  // The URL is written once the corpus has loaded (its a and b are known).
  const want = '?a=blog&b=local&view=split&punct=1&corpus=%2Ffixtures%2Fgood.json';
  await until(() => new URL(page.url()).search === want, `the URL becomes ${want}; it is ${page.url()}`);
  await page.context().close();
});

test('the embed control shows both snippets for the current view', T, async () => {
  const page = await h.newPage();
  await openApp(page, h, '?a=003&b=004&view=split&boilerplate=hide');
  await page.click('#embed');
  const frame = await page.inputValue('#embed-iframe');
  const script = await page.inputValue('#embed-script');
  assert.equal(
    frame,
    `<iframe src="${h.url}/?a=003&amp;b=004&amp;view=split&amp;boilerplate=hide" title="How the reports differ" data-report-diff-frame width="100%" height="720" frameborder="0" loading="lazy"></iframe>\n<script src="${h.url}/host.js" defer></script>`,
  );
  assert.equal(
    script,
    `<div data-report-diff data-a="003" data-b="004" data-view="split" data-boilerplate="hide"></div>\n<script type="module" src="${h.url}/boot.js"></script>`,
  );
  await page.context().close();
});

test('no page errors, console errors or panics with corpora (failed fetches aside)', () => {
  // The broken corpora fail on purpose: a 404, a refused connection and an
  // aborted request are expected; nothing else is.
  const unexpected = h.errors.filter(
    (e) => !/\/fixtures\/(nowhere|slow)\.json|127\.0\.0\.1:9\/corpus\.json/.test(`${e.url} ${e.text}`),
  );
  assert.deepEqual(unexpected.map((e) => `${e.kind} @ ${e.url}: ${e.text}`), []);
});
