// End-to-end tests of a long comparison (a synthetic pair, e2e/long-pair.mjs):
// only the chunks near the screen are in the page, scrolling renders the rest
// in place without moving what is on screen, the change navigation reaches
// changes that are not rendered yet, and printing renders everything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { useHarness, openApp, paneText, stripWs, assertNoErrors } from './helpers.mjs';
import { longPair } from './long-pair.mjs';

// About 600 rows (ten chunks), compared on the page's own thread (far below
// the size above which the app compares in a worker: e2e/large.test.mjs).
const PAIR = longPair(49_000);
const CORPUS = JSON.stringify({
  title: 'A long synthetic pair',
  reports: [
    { id: 'a', text: PAIR.a },
    { id: 'b', text: PAIR.b },
  ],
});
const h = useHarness({
  route(req, res, urlPath) {
    if (urlPath !== '/fixtures/long.json') return false;
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(CORPUS);
    return true;
  },
});
const T = { timeout: 120_000 };
const QUERY = '?corpus=/fixtures/long.json&a=a&b=b';
// Where each view keeps its chunks, and what a row is.
const VIEWS = {
  split: { list: 'table.cmp', row: 'tr.row' },
  unified: { list: '.urows', row: '.urow' },
};

/** Opens the long pair in `view` and waits for its chunks. */
async function openLong(page, view = 'split', hash = '') {
  await openApp(page, h, `${QUERY}&view=${view}${hash}`);
  // Texts this long are compared in a worker, and made-up words send for the
  // word table, after which they are compared again: wait until the
  // comparison is on screen, with no comparison under way and no "for now"
  // line, for a whole second.
  const settled = () =>
    page.evaluate((list) => !!document.querySelector(`${list} > [data-chunk]`)
      && !document.querySelector('#offload-status[aria-busy="true"]')
      && !/for now/.test(document.querySelector('.signal-note')?.textContent ?? ''), VIEWS[view].list);
  const deadline = Date.now() + 90_000;
  for (let since = null; ; await new Promise((r) => setTimeout(r, 100))) {
    if (!(await settled())) since = null;
    else if ((since ??= Date.now()) + 1000 <= Date.now()) break;
    assert.ok(Date.now() < deadline, 'the long comparison did not settle within 90 s');
  }
}

/** Rows and stand-ins in the page, and the chunks rendered in full. */
const census = (page, view = 'split') =>
  page.evaluate(({ list, row }) => ({
    rows: document.querySelectorAll(`${list} ${row}`).length,
    spacers: document.querySelectorAll(`${list} > [data-spacer]`).length,
    live: [...new Set([...document.querySelectorAll(`${list} > [data-chunk]:not([data-spacer])`)].map((e) => Number(e.dataset.chunk)))],
  }), VIEWS[view]);

/**
 * Waits until no stand-in is on screen, nor within a screen's height above or
 * below it (the window's margin): what the reader sees is rendered, and so is
 * the next screen, as it is at a scrolling speed rendering keeps up with.
 */
const screenRendered = (page, view) =>
  page.waitForFunction((list) => [...document.querySelectorAll(`${list} > [data-spacer]`)].every((el) => {
    const r = el.getBoundingClientRect();
    return r.bottom <= -innerHeight + 1 || r.top >= 2 * innerHeight - 1;
  }), VIEWS[view].list, { timeout: 5_000 });

/** "13 changes" / "Change 3 of 13" → 13. */
async function changeCount(page) {
  const m = (await page.textContent('#change-position')).match(/(\d+) changes?$|of (\d+)$/);
  return Number(m[1] ?? m[2]);
}

for (const view of Object.keys(VIEWS)) {
  test(`a long comparison keeps only the chunks near the screen in the page (${view})`, T, async (t) => {
    const page = await h.newPage({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    await page.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (e.hadRecentInput) continue;
          const moved = e.sources.map((s) => `${s.node?.nodeName}.${s.node?.className ?? ''} ${Math.round(s.previousRect.y)}→${Math.round(s.currentRect.y)}`);
          window.__shifts.push(`${e.value.toFixed(4)} at y=${Math.round(scrollY)}: ${moved.join(', ')}`);
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await openLong(page, view);
    // (The corpus's title line arriving above the comparison is not this
    // test's business: count from here.)
    await page.waitForTimeout(300);
    await page.evaluate(() => window.__shifts.splice(0));
    const top = await census(page, view);
    t.diagnostic(`at the top: ${top.rows} rows in the page, ${top.spacers} chunks stood in for`);
    assert.ok(top.spacers >= 5, `${top.spacers} stand-ins`);
    assert.ok(top.rows <= 200, `${top.rows} rows in the page at the top`);
    // Scroll down a screen at a time: what is on screen is always rendered,
    // every chunk is rendered on the way, and the page never holds more than
    // a few chunks.
    const seen = new Set(top.live);
    let most = top.rows;
    const height = await page.evaluate(() => document.scrollingElement.scrollHeight);
    for (let y = 0; y < height; y += 900) {
      await page.evaluate((y) => window.scrollTo({ top: y, behavior: 'instant' }), y);
      await screenRendered(page, view).catch(() => assert.fail(`a blank stand-in on or next to the screen at y=${y}`));
      const c = await census(page, view);
      c.live.forEach((k) => seen.add(k));
      most = Math.max(most, c.rows);
    }
    const chunks = top.live.length + top.spacers;
    t.diagnostic(`scrolled through ${chunks} chunks; at most ${most} rows in the page at once`);
    assert.equal(seen.size, chunks, 'every chunk was rendered on the way down');
    assert.ok(most <= 250, `${most} rows in the page at once`);
    // Back up: chunks measured on the way down come back at their height.
    for (let y = height; y >= 0; y -= 2700) {
      await page.evaluate((y) => window.scrollTo({ top: y, behavior: 'instant' }), y);
      await screenRendered(page, view).catch(() => assert.fail(`a blank stand-in on or next to the screen at y=${y} (going up)`));
    }
    await page.waitForTimeout(300);
    const shifts = await page.evaluate(() => window.__shifts);
    t.diagnostic(`layout shifts over the scroll: ${shifts.length}`);
    assert.deepEqual(shifts, [], 'rendering chunks never moves what is on screen');
    // Stand-ins and all, in the middle of the comparison: nothing for axe.
    await page.evaluate((y) => window.scrollTo({ top: y, behavior: 'instant' }), Math.round(height / 2));
    await screenRendered(page, view);
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`), []);
    await page.context().close();
  });
}

for (const view of Object.keys(VIEWS)) {
  test(`next / previous change reach changes that are not rendered yet, and wrap (${view})`, T, async () => {
    const page = await h.newPage({ viewport: { width: 1280, height: 900 } });
    await openLong(page, view);
    const n = await changeCount(page);
    assert.ok(n > 100, `${n} changes`);
    const onScreen = (i) =>
      page.waitForFunction((i) => {
        const row = document.querySelector(`[data-change="${i}"]`);
        const r = row?.getBoundingClientRect();
        return row === document.activeElement && r.bottom > 0 && r.top < innerHeight;
      }, i, { timeout: 5_000 }).catch(() => assert.fail(`change ${i + 1} is not focused on screen`));
    // From nowhere, back goes to the last change, at the far end of the page.
    assert.equal(await page.locator(`[data-change="${n - 1}"]`).count(), 0, 'the last change is not rendered at first');
    await page.keyboard.press('p');
    await onScreen(n - 1);
    assert.equal(await page.textContent('#change-position'), `Change ${n} of ${n}`);
    // Past the last: the first, at the top.
    await page.keyboard.press('n');
    await onScreen(0);
    await page.keyboard.press('F7');
    await onScreen(1);
    // The change bar: a click near its end jumps to a change down there.
    await page.locator('.compare-wrap').evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
    const bar = await page.locator('.change-bar svg').boundingBox();
    await page.mouse.click(bar.x + bar.width / 2, bar.y + bar.height * 0.9);
    const pos = await page.textContent('#change-position');
    const k = Number(pos.match(/^Change (\d+) of/)[1]) - 1;
    assert.ok(k > n / 2, `${pos}: a change in the second half`);
    await page.waitForFunction((k) => {
      const r = document.querySelector(`[data-change="${k}"]`)?.getBoundingClientRect();
      return r && r.bottom > 0 && r.top < innerHeight;
    }, k, { timeout: 5_000 });
    await page.context().close();
  });
}

for (const view of Object.keys(VIEWS)) {
  test(`printing renders the whole comparison, each report once and in order (${view})`, T, async () => {
    const page = await h.newPage({ viewport: { width: 1280, height: 900 } });
    await openLong(page, view);
    const before = await census(page, view);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.waitForFunction(() => !document.querySelector('[data-spacer]'));
    const all = await census(page, view);
    assert.ok(all.rows > 3 * before.rows, `${all.rows} rows when printing, ${before.rows} on screen`);
    for (const [pane, text] of [['a', PAIR.a], ['b', PAIR.b]]) {
      const shown = stripWs(await paneText(page, pane));
      assert.ok(shown === stripWs(text), `pane ${pane} shows report ${pane} in full (${shown.length} of ${stripWs(text).length} characters)`);
    }
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.waitForFunction(() => !!document.querySelector('[data-spacer]'));
    await page.context().close();
  });
}

test('a link to a passage far down renders its chunk and focuses it', T, async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 900 } });
  await openLong(page);
  const target = await page.evaluate(() => {
    // The first row of the last chunk stood in for.
    const spacers = document.querySelectorAll('table.cmp > [data-spacer]');
    return Number(spacers[spacers.length - 1].dataset.chunk);
  });
  // Row ids are not known before the chunk renders: step there with the
  // keyboard, read the id, then open it by link from a fresh load.
  await page.keyboard.press('p');
  const id = await page.evaluate(() => document.activeElement.id);
  assert.ok(target > 0 && /^r\d+$/.test(id), `${id}`);
  await page.goto('about:blank');
  await openLong(page, 'split', `#${id}-a`);
  await page.waitForFunction((id) => document.activeElement?.id === id, `${id}-a`, { timeout: 5_000 })
    .catch(() => assert.fail(`#${id}-a is not focused`));
  await page.waitForFunction((id) => {
    const r = document.getElementById(id).getBoundingClientRect();
    return r.height > 0 && r.bottom > 0 && r.top < innerHeight;
  }, `${id}-a`, { timeout: 5_000 });
  await page.context().close();
});

test('no page errors, console errors, panics or failed requests in this file', () => {
  assertNoErrors(h);
});
