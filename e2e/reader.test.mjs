// End-to-end tests of the reader experience: change navigation (keys, buttons,
// change bar), the one-column view and when it takes over, folds, exports,
// the shortcut list, accessibility in every view and theme, layout stability,
// print and reduced motion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import {
  useHarness,
  openApp,
  expectPaneShows,
  expectUrlParams,
  assertNoErrors,
  reportText,
  stripWs,
} from './helpers.mjs';

const h = useHarness();
const T = { timeout: 60_000 };

/** "13 changes" / "Change 3 of 13" → 13. */
async function changeCount(page) {
  const text = await page.textContent('#change-position');
  const m = text.match(/(\d+) changes?$/) || text.match(/of (\d+)$/);
  assert.ok(m, `no change count in ${JSON.stringify(text)}`);
  return Number(m[1]);
}

/** Ids of the rows where changes start, in document order. */
const changeRows = (page) =>
  page.$$eval('[data-change]', (els) =>
    els.sort((x, y) => Number(x.dataset.change) - Number(y.dataset.change)).map((e) => e.id));

/** Wait until the focused element is the row `id` and it is on screen. */
async function expectFocusedOnScreen(page, id) {
  await page.waitForFunction((id) => {
    const el = document.activeElement;
    if (!el || el.id !== id) return false;
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight;
  }, id, { timeout: 5_000 }).catch(async () => {
    const got = await page.evaluate(() => document.activeElement?.id);
    assert.fail(`focus on ${JSON.stringify(got)}, expected row ${id} on screen`);
  });
}

for (const view of ['split', 'unified']) {
  test(`keyboard navigation visits every change in order and wraps (${view})`, T, async () => {
    const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
    await openApp(page, h, `?a=000&b=002&view=${view}`);
    const n = await changeCount(page);
    assert.ok(n >= 5, `000 vs 002 has several changes, found ${n}`);
    const rows = await changeRows(page);
    assert.equal(rows.length, n);
    // Change rows are in reading order on the page.
    const order = await page.$$eval('[data-change]', (els) => els.map((e) => e.id));
    assert.deepEqual(order, rows);
    for (let i = 0; i < n; i++) {
      await page.keyboard.press(i % 2 ? 'j' : 'n');
      await expectFocusedOnScreen(page, rows[i]);
      assert.equal(await page.textContent('#change-position'), `Change ${i + 1} of ${n}`);
      assert.match(await page.textContent('#change-announcement'), new RegExp(`^Change ${i + 1} of ${n}: \\S`));
      assert.equal(await page.locator('[data-change].current').count(), 1);
    }
    // Past the last: back to the first; and back again.
    await page.keyboard.press('n');
    await expectFocusedOnScreen(page, rows[0]);
    await page.keyboard.press('p');
    await expectFocusedOnScreen(page, rows[n - 1]);
    await page.keyboard.press('Shift+F7');
    await expectFocusedOnScreen(page, rows[n - 2]);
    await page.keyboard.press('F7');
    await expectFocusedOnScreen(page, rows[n - 1]);
    await page.context().close();
  });
}

test('the buttons step too, keep focus and announce the change', T, async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await openApp(page, h, '?a=003&b=004');
  const n = await changeCount(page);
  const rows = await changeRows(page);
  await page.click('#prev-change');
  assert.equal(await page.textContent('#change-position'), `Change ${n} of ${n}`);
  await page.click('#next-change');
  await page.click('#next-change');
  assert.equal(await page.textContent('#change-position'), `Change 2 of ${n}`);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'next-change');
  assert.match(await page.textContent('#change-announcement'), new RegExp(`^Change 2 of ${n}: `));
  await page.waitForFunction((id) => {
    const r = document.getElementById(id).getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  }, rows[1]);
  await page.context().close();
});

test('the change bar marks every change and jumps to the one clicked', T, async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await openApp(page, h, '?a=003&b=004');
  const n = await changeCount(page);
  assert.equal(await page.locator('.change-bar .mark').count(), n);
  const kinds = await page.$$eval('.change-bar .mark', (ms) => [...new Set(ms.map((m) => m.classList[1]))].sort());
  assert.deepEqual(kinds, ['changed', 'moved', 'only-a', 'only-b']);
  // Click the middle of the fifth mark (the bar on screen first: the
  // header above it may be tall).
  await page.locator('.compare-wrap').evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
  const box = await page.locator('.change-bar .mark').nth(4).boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  assert.equal(await page.textContent('#change-position'), `Change 5 of ${n}`);
  const row = (await changeRows(page))[4];
  await page.waitForFunction((id) => {
    const r = document.getElementById(id).getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  }, row);
  await page.context().close();
});

test('the shortcut list opens with ?, closes with Escape, and single keys can be turned off', T, async () => {
  const page = await h.newPage();
  await openApp(page, h, '?a=000&b=002');
  await page.keyboard.press('?');
  const dialog = page.locator('dialog#shortcuts');
  await dialog.waitFor({ state: 'visible' });
  assert.match(await dialog.textContent(), /next change/);
  assert.equal(await dialog.locator('th[scope="col"]').count(), 2);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  // Turned off, n does nothing, F7 still works; the choice survives a reload.
  await page.click('#show-shortcuts');
  await dialog.waitFor({ state: 'visible' });
  await page.uncheck('#single-keys');
  await page.click('dialog#shortcuts .close');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'show-shortcuts', 'focus goes back');
  await page.keyboard.press('n');
  assert.match(await page.textContent('#change-position'), /^\d+ changes$/);
  await page.keyboard.press('F7');
  assert.match(await page.textContent('#change-position'), /^Change 1 of/);
  await openApp(page, h, '?a=000&b=002');
  await page.keyboard.press('?');
  assert.equal(await dialog.isVisible(), false);
  await page.click('#show-shortcuts');
  assert.equal(await page.isChecked('#single-keys'), false);
  await page.check('#single-keys');
  await page.context().close();
});

test('typing in a field never triggers a shortcut', T, async () => {
  const page = await h.newPage();
  await openApp(page, h, '?a=000&b=002');
  await page.focus('#pick-b');
  await page.keyboard.press('n');
  assert.match(await page.textContent('#change-position'), /^\d+ changes$/);
  await page.context().close();
});

test('a narrow widget switches to one column by itself, and back', T, async () => {
  const page = await h.newPage({ viewport: { width: 600, height: 800 } });
  await openApp(page, h, '?a=000&b=002&view=split');
  assert.equal(await page.getAttribute('#app-root', 'data-view'), 'unified');
  assert.ok(await page.locator('.unified-view').count());
  assert.equal(await page.isDisabled('#view-split'), true);
  assert.equal(await page.getAttribute('#view-unified', 'aria-pressed'), 'true');
  // The link still says what the reader chose.
  await expectUrlParams(page, { view: 'split' });
  // Each report is still there once, in order, through the text hooks.
  await expectPaneShows(page, 'a', '000');
  await expectPaneShows(page, 'b', '002');
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.waitForSelector('#app-root[data-view="split"] table.cmp');
  await page.setViewportSize({ width: 640, height: 800 });
  await page.waitForSelector('#app-root[data-view="unified"] .unified-view');
  await page.context().close();
});

test('one column on a wide screen by choice, text complete for every pair', { timeout: 90_000 }, async () => {
  const page = await h.newPage();
  await openApp(page, h, '?a=000&b=002');
  await page.click('#view-unified');
  await expectUrlParams(page, { view: 'unified' });
  for (const [a, b] of [['000', '001'], ['000', '004'], ['003', '004'], ['004', '003'], ['001', '002']]) {
    for (const extra of ['', '&case=1&punct=1', '&boilerplate=show']) {
      await openApp(page, h, `?a=${a}&b=${b}&view=unified${extra}`);
      await expectPaneShows(page, 'a', a);
      await expectPaneShows(page, 'b', b);
    }
  }
  await page.context().close();
});

test('moved passages and folded runs keep every pane complete and in order', { timeout: 90_000 }, async () => {
  const page = await h.newPage();
  let echoes = 0;
  for (const [a, b] of [['000', '002'], ['003', '004'], ['004', '003']]) {
    await openApp(page, h, `?a=${a}&b=${b}`);
    echoes += await page.locator('td.echo').count();
    const folds = page.locator('.fold-line:not(.chrome) button');
    assert.ok(await folds.count(), `${a} vs ${b} folds a long one-sided run`);
    assert.match(await folds.first().textContent(), /^\d+ more sentences? (only in [AB]|of [AB]'s translated copy) — show$/);
    await expectPaneShows(page, 'a', a);
    await expectPaneShows(page, 'b', b);
    // Opening a fold shows its rows; the text stays the same.
    const id = await folds.first().getAttribute('aria-controls');
    assert.equal(await page.locator(`#${id}`).isVisible(), false);
    await folds.first().click();
    await page.locator(`#${id}`).waitFor({ state: 'visible' });
    await expectPaneShows(page, 'a', a);
    await expectPaneShows(page, 'b', b);
  }
  assert.ok(echoes > 0, 'moves are shown in place');
  await page.context().close();
});

test('no sideways scrolling at 320 px in any view', T, async () => {
  const page = await h.newPage({ viewport: { width: 320, height: 640 } });
  for (const q of ['?a=000&b=002', '?a=003&b=004&boilerplate=show', '?a=004&b=000&view=translation']) {
    await openApp(page, h, q);
    await page.click('.export > summary').catch(() => {});
    const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${q}: the page is ${overflow}px wider than 320 px`);
  }
  await page.context().close();
});

test('no layout shift after load', T, async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    const page = await h.newPage({ viewport });
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await openApp(page, h, '?a=003&b=004');
    await page.waitForTimeout(800);
    const shift = await page.evaluate(() => window.__shift);
    assert.equal(shift, 0, `cumulative layout shift ${shift} at ${viewport.width} px`);
    await page.context().close();
  }
});

// Every view, in both themes, wide and narrow: no axe violation at all.
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const VIEWS = [
  ['split', '?a=000&b=002'],
  ['split, chrome dimmed', '?a=000&b=004&boilerplate=dim'],
  ['unified', '?a=003&b=004&view=unified'],
  ['translation', '?a=004&b=000&view=translation'],
  ['phone', '?a=003&b=004', { width: 390, height: 844 }],
];
for (const theme of ['light', 'dark']) {
  test(`axe finds nothing on any view (${theme})`, T, async (t) => {
    for (const [name, q, viewport] of VIEWS) {
      const page = await h.newPage({ viewport: viewport ?? { width: 1280, height: 900 }, colorScheme: theme });
      await openApp(page, h, q);
      // Open what can be opened, so it is checked too.
      for (const sel of ['.quotes > summary', '.legend > summary', '.fold-line button']) {
        const el = page.locator(sel).first();
        if (await el.count()) await el.click();
      }
      if (name !== 'translation') await page.keyboard.press('n');
      const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      const found = result.violations.map((v) => `${v.id} (${v.impact}, ${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      t.diagnostic(`${name}: ${result.passes.length} rules pass, ${found.length} violated`);
      assert.deepEqual(found, [], `${name} in ${theme}`);
      // The dialog and the export menu, open.
      if (name === 'split') {
        await page.click('.export > summary');
        await page.click('#show-shortcuts');
        const open = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
        assert.deepEqual(open.violations.map((v) => `${v.id}: ${v.nodes.length}`), [], `dialog open, ${theme}`);
      }
      await page.context().close();
    }
  });
}

test('changes are announced as removed / added, not by colour alone', T, async () => {
  const page = await h.newPage();
  await openApp(page, h, '?a=003&b=004');
  const before = (sel) => page.locator(sel).first().evaluate((el) => getComputedStyle(el, '::before').content);
  assert.equal(await before('td[data-pane] del'), '" [removed: "');
  assert.equal(await before('td[data-pane] ins'), '" [added: "');
  const deco = (sel) => page.locator(sel).first().evaluate((el) => getComputedStyle(el).textDecorationLine);
  assert.equal(await deco('td[data-pane] del'), 'line-through');
  assert.equal(await deco('td[data-pane] ins'), 'underline');
  assert.match(await page.locator('td.cell.moved .visually-hidden').first().textContent(), /^Moved/);
  await page.context().close();
});

test('reduced motion: no smooth scrolling', T, async () => {
  const page = await h.newPage();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page, h, '?a=000&b=002');
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior), 'auto');
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior), 'smooth');
  await page.context().close();
});

test('print: the comparison without controls, every story sentence, light', T, async () => {
  const page = await h.newPage();
  await openApp(page, h, '?a=000&b=002&theme=dark');
  await page.emulateMedia({ media: 'print' });
  const shown = (sel) => page.locator(sel).first().evaluate((el) => getComputedStyle(el).display !== 'none');
  for (const sel of ['.change-nav', '.change-track', '.controls', '.views', '.fold-line:not(.chrome)']) {
    assert.equal(await shown(sel), false, `${sel} is not printed`);
  }
  assert.equal(await shown('tbody.folded:not(.chrome + .folded)'), true, 'folded story rows are printed');
  assert.equal(await shown('.fold-line.chrome'), true, 'chrome stays one line');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(255, 255, 255)');
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10_000, `a PDF of ${pdf.length} bytes`);
  await page.context().close();
});

test('export: JSON and HTML downloads hold both texts; Markdown goes to the clipboard', T, async () => {
  const page = await h.newPage({ acceptDownloads: true, permissions: ['clipboard-read', 'clipboard-write'] });
  await openApp(page, h, '?a=000&b=004&case=1');
  await page.click('.export > summary');

  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  assert.equal(json.suggestedFilename(), 'report-diff-000-vs-004.json');
  const model = JSON.parse(readFileSync(await json.path(), 'utf8'));
  assert.equal(model.format, 'report-diff comparison');
  assert.equal(model.a.text, reportText('000'));
  assert.equal(model.b.text, reportText('004'));
  assert.equal(model.options.ignore_case, true);
  assert.ok(model.comparison.rows.length > 10);
  // The byte ranges index into the texts it carries.
  const enc = new TextEncoder();
  const bytesA = enc.encode(model.a.text);
  const rebuilt = model.comparison.rows.filter((r) => r.a).map((r) => new TextDecoder().decode(bytesA.slice(r.a[0], r.a[1]))).join('');
  assert.equal(rebuilt, model.a.text);
  assert.match(await page.textContent('.export-status'), /Downloaded report-diff-000-vs-004\.json \(\d+ KiB\)/);

  const [html] = await Promise.all([page.waitForEvent('download'), page.click('#export-html')]);
  assert.equal(html.suggestedFilename(), 'report-diff-000-vs-004.html');
  const file = readFileSync(await html.path(), 'utf8');
  assert.doesNotMatch(file, /<script|<link|src=/i);
  // Opened on its own, with the network off, it shows both reports in full.
  const viewer = await h.newPage();
  const requests = [];
  viewer.on('request', (r) => requests.push(r.url()));
  await viewer.setContent(file, { waitUntil: 'load' });
  await expectPaneShows(viewer, 'a', '000');
  await expectPaneShows(viewer, 'b', '004');
  assert.deepEqual(requests.filter((u) => !u.startsWith('data:') && u !== 'about:blank'), []);
  assert.equal(await viewer.locator('table.cmp thead th').count(), 2);
  await viewer.context().close();

  await page.click('#export-markdown');
  await page.waitForFunction(() => /Copied/.test(document.querySelector('.export-status')?.textContent ?? ''));
  const md = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(md, /^# How the reports differ: 000 and 004/);
  assert.match(md, /\n\| A · 000 \| B · 004 \|\n\| --- \| --- \|\n/);
  assert.ok(md.includes('Trump'), 'the texts are in it');
  assert.ok(md.includes('萨克斯'), 'B’s Chinese text is in it');
  await page.context().close();
});

test('export: when the clipboard refuses, the Markdown is shown to copy by hand', T, async () => {
  const page = await h.newPage();
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) },
    });
  });
  await openApp(page, h, '?a=000&b=002');
  await page.click('.export > summary');
  await page.click('#export-markdown');
  await page.waitForSelector('#export-fallback');
  assert.match(await page.textContent('.export-status'), /did not allow copying \(Write permission denied\.\)/);
  const md = await page.inputValue('#export-fallback');
  assert.ok(stripWs(md).includes(stripWs('The White House has not set a new date')));
  await page.context().close();
});

test('a link to a passage opens the fold that holds it, and focuses it', { timeout: 120_000 }, async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await openApp(page, h, '?view=overview');
  const hrefs = await page.$$eval('table.story td.mark a', (as) => [...new Set(as.map((a) => a.getAttribute('href')))]);
  assert.ok(hrefs.length > 10, `${hrefs.length} passage links`);
  let folded = 0;
  for (const href of hrefs) {
    const target = href.split('#')[1];
    await page.goto('about:blank'); // a new load, not a hash change
    await openApp(page, h, href.split('#')[0] + '#' + target);
    await page.waitForFunction((id) => document.activeElement?.id === id, target, { timeout: 5_000 })
      .catch(() => assert.fail(`${href}: focus not on the passage`));
    // Scrolling may be smooth: wait until it is on screen.
    await page.waitForFunction((id) => {
      const r = document.getElementById(id).getBoundingClientRect();
      return r.height > 0 && r.top >= 0 && r.top < window.innerHeight;
    }, target, { timeout: 5_000 }).catch(() => assert.fail(`${href}: the passage is not on screen`));
    if (await page.$eval(`#${target}`, (el) => !!el.closest('.folded'))) folded++;
  }
  assert.ok(folded > 0, 'some passages sit in folds (and were opened)');
  await page.context().close();
});

test('"also in" links reach every other counterpart, opening its fold', T, async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await openApp(page, h, '?a=003&b=000');
  const links = page.locator('.also a.jump');
  assert.ok((await links.count()) > 5, 'a fact 003 tells several times has several counterparts');
  // One whose target sits in a closed fold.
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const folded = await page.evaluate((hs) => hs.find((h) => document.querySelector(h)?.closest('.folded[hidden]')), hrefs);
  assert.ok(folded, 'some counterpart is folded away');
  const link = links.locator(`xpath=self::*[@href="${folded}"]`).first();
  assert.match(await link.getAttribute('aria-label'), /^[↑↓]\d+, also in [AB], (later|earlier)(, restated|, translated)?: “/);
  await link.scrollIntoViewIfNeeded();
  await link.click();
  const id = folded.slice(1);
  await page.waitForFunction((id) => document.activeElement?.id === id, id);
  await page.waitForFunction((id) => {
    const r = document.getElementById(id).getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.top < window.innerHeight;
  }, id);
  assert.equal(new URL(page.url()).hash, folded);
  await expectPaneShows(page, 'a', '003');
  await expectPaneShows(page, 'b', '000');
  await page.context().close();
});

test('no page errors, console errors, panics or failed requests in this file', () => {
  assertNoErrors(h);
});
