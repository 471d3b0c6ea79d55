// The word table (words-<hash>.bin): fetched only when a text needs it (own
// texts, a corpus), after the first comparison painted, from the widget's own
// directory (also when mounted from another origin under a sub-path), kept in
// the Cache API; meanwhile, or when it cannot load, passages are matched by
// shared words and one quiet line says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { serveNews } from '../examples/serve-news.mjs';
import { useHarness, startHarness, openApp, assertNoErrors, paneText, launchBrowser, recordErrors, ensureOutDir, DIST_DIR, STRICT_CSP, until, mountWithCorpus } from './helpers.mjs';

const h = useHarness();
const T = { timeout: 60_000 };
const WORDS = readdirSync(DIST_DIR).find((f) => /^words-[0-9a-f]{16}\.bin$/.test(f));
const A = 'The company postponed the launch of its new phone until autumn. Sales fell in the spring.';
const B = 'Sales dropped during the spring. The firm delayed the release of the handset to the fall.';
const signal = (page) => page.getAttribute('#app-root', 'data-signal');
const note = (page) => page.locator('.signal-note').textContent({ timeout: 1000 }).catch(() => null);


/** Cells of A paired with a passage of B (same or reworded). */
const pairedCells = (page) => page.locator('td.cell.same[data-pane="a"], td.cell.changed[data-pane="a"]').count();

/** Word-table requests the page sends to the network (Cache API hits send none). */
function countWordRequests(page) {
  const seen = [];
  page.on('request', (r) => {
    if (/\/words-[0-9a-f]{16}\.bin$/.test(r.url())) seen.push(r.url());
  });
  return seen;
}

async function typeTexts(page) {
  await page.locator('#own-texts').waitFor();
  await page.fill('#own-text-1', A);
  await page.fill('#own-text-2', B);
  await page.locator('[data-pane="b"] [data-text]').first().waitFor();
}

test('the build gives the word table a content-hashed name', () => {
  assert.ok(WORDS, `no words-<hash>.bin in ${DIST_DIR}`);
});

test('the bundled reports never fetch the word table', T, async () => {
  const page = await h.newPage();
  const requests = countWordRequests(page);
  await openApp(page, h, '?a=003&b=004&view=split');
  await page.locator('[data-pane="b"] [data-text]').first().waitFor({ state: 'attached' });
  await openApp(page, h, '?view=overview');
  await page.waitForTimeout(300);
  assert.equal(await signal(page), 'sentence_model');
  assert.equal(await page.locator('.signal-note').count(), 0);
  assert.deepEqual(requests, []);
  await page.context().close();
});

test('own texts: shared words first, with a note; then the word table, once; then from the cache', T, async () => {
  const page = await h.newPage();
  const requests = countWordRequests(page);
  // Hold the table back until the lexical comparison has been seen.
  let release;
  const held = new Promise((r) => (release = r));
  await page.route('**/words-*.bin', async (route) => {
    await held;
    await route.continue();
  });
  await openApp(page, h, '?corpus=own&view=split');
  await typeTexts(page);
  assert.equal(await signal(page), 'words');
  assert.match(await note(page), /Matching passages by shared words for now: the word vectors, which also match rewordings and translations, are loading\./);
  assert.ok((await paneText(page, 'a')).includes('postponed'), 'the comparison is on screen meanwhile');
  // By shared words the two reworded sentences about spring sales stay apart.
  assert.equal(await pairedCells(page), 0, 'nothing paired by shared words');
  await page.locator('.signal-note').screenshot({ path: path.join(ensureOutDir(), 'words-loading-note.png') });
  // Requested once, from the app's own directory, by an absolute URL.
  await until(() => requests.length === 1, 'the word table is requested');
  assert.equal(requests[0], `${h.url}/${WORDS}`);
  release();
  await until(async () => (await signal(page)) === 'word_vectors', 'matched with the word table');
  assert.equal(await page.locator('.signal-note').count(), 0, 'the note goes once the table is in use');
  // The shown comparison itself was rebuilt: by meaning, "Sales fell in the
  // spring" pairs with "Sales dropped during the spring".
  await until(async () => (await pairedCells(page)) > 0, 'the rewording is paired');
  assert.match(await page.locator('td.cell.changed[data-pane="a"]').first().textContent(), /Sales fell in the spring/);
  // Editing a text rebuilds the comparison with the table already loaded.
  await page.fill('#own-text-2', `${B} A third sentence.`);
  await until(async () => (await paneText(page, 'b'))?.includes('third'), 'the edit is compared');
  assert.equal(await signal(page), 'word_vectors');
  assert.equal(requests.length, 1, 'fetched once a page');
  // A reload (same browser profile) reads it from the Cache API: no network request.
  await page.unroute('**/words-*.bin');
  await page.reload();
  await page.waitForSelector('#app-root[data-ready="true"]');
  await until(async () => (await signal(page)) === 'word_vectors', 'matched with the cached table after a reload');
  assert.equal(requests.length, 1, `no second download: ${JSON.stringify(requests)}`);
  const cached = await page.evaluate(async () => (await (await caches.open('report-diff-word-table')).keys()).map((r) => r.url));
  assert.deepEqual(cached, [`${h.url}/${WORDS}`]);
  await page.context().close();
});

test('a word table that cannot load leaves the comparison by shared words, and says why', T, async () => {
  const since = h.errors.length;
  const page = await h.newPage();
  await page.route('**/words-*.bin', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await openApp(page, h, '?corpus=own&view=split');
  await typeTexts(page);
  await until(async () => /could not be loaded/.test((await note(page)) ?? ''), 'the failure is said');
  assert.equal(
    await note(page),
    'Passages are matched by shared words only: the word vectors could not be loaded (the server answered 404). Reload the page to try again.',
  );
  assert.equal(await signal(page), 'words');
  assert.ok((await paneText(page, 'b')).includes('handset'), 'the comparison stays');
  // A damaged file is refused the same way.
  const page2 = await h.newPage();
  await page2.route('**/words-*.bin', (route) => route.fulfill({ status: 200, body: 'not a table' }));
  await openApp(page2, h, '?corpus=own&view=split');
  await typeTexts(page2);
  await until(async () => /the file is not a word table/.test((await note(page2)) ?? ''), 'a damaged table is refused');
  // The 404 is the test's doing; nothing else went wrong.
  h.errors.splice(since, h.errors.length, ...h.errors.slice(since).filter((e) => !/words-[0-9a-f]{16}\.bin/.test(e.url)));
  assertNoErrors(h, since);
  await page.context().close();
  await page2.context().close();
});

test('two widgets mounted from another origin under a sub-path fetch the table once, from their own directory', T, async () => {
  const servers = await serveNews({ dist: DIST_DIR });
  const browser = await launchBrowser();
  const errors = [];
  try {
    const page = await (await browser.newContext()).newPage();
    recordErrors(page, errors);
    const requests = countWordRequests(page);
    await mountWithCorpus(page, servers, {
      file: 'phones.json',
      reports: [{ id: 'a', text: A }, { id: 'b', text: B }],
      ids: ['mount-words-1', 'mount-words-2'],
      tag: 'again',
    });
    for (const id of ['mount-words-1', 'mount-words-2']) {
      const root = page.locator(`#${id} #app-root`);
      await until(async () => (await root.getAttribute('data-signal').catch(() => null)) === 'word_vectors', `${id} uses the word table`);
    }
    // The page's bundled widgets never asked for it; the two new ones share one download.
    assert.deepEqual(requests, [`${servers.widget.base}${WORDS}`]);
    assert.deepEqual(errors, []);
    await page.context().close();
  } finally {
    await browser.close();
    await servers.close();
  }
});

test('under the strict CSP the table loads and is used, with no violation', T, async () => {
  const strict = await startHarness({ headers: { 'content-security-policy': STRICT_CSP } });
  try {
    const page = await strict.newPage();
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const requests = countWordRequests(page);
    await openApp(page, strict, '?corpus=own&view=split');
    await typeTexts(page);
    await until(async () => (await signal(page)) === 'word_vectors', 'matched with the word table under the CSP');
    assert.equal(requests.length, 1);
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    assertNoErrors(strict);
    await page.context().close();
  } finally {
    await strict.close();
  }
});

test('no page errors, console errors, panics or failed requests', () => {
  assertNoErrors(h);
});
