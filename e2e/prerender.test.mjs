// The first view painted without the wasm: the release build prerenders the
// first screens of the landing view and of every bundled pair
// into first.js (scripts/prerender.mjs), which the app's page runs before its
// first paint; the markup stays, inert, while the app downloads, and the app
// takes over in place. The wasm is held back here until the prerendered view
// has been checked, then released.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { useHarness, waitReady, expectPaneShows, paneText, reportText, stripWs, assertNoErrors, ensureOutDir } from './helpers.mjs';

const h = useHarness();
const T = { timeout: 40_000 };

/**
 * A page whose wasm requests wait until `release()` is called, and which
 * records layout shifts (PerformanceObserver) from the start.
 */
async function heldPage(viewport) {
  const page = await h.newPage(viewport ? { viewport } : undefined);
  let release;
  const gate = new Promise((r) => (release = r));
  await page.route(/_bg\.wasm$/, async (route) => {
    await gate;
    await route.continue();
  });
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__shifts.push({ value: e.value, at: e.startTime, input: e.hadRecentInput });
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return { page, release };
}

/**
 * Every element of the view that is on screen: tag, class and the part of its
 * box on screen, rounded (the prerendered view ends two screens down).
 */
const boxes = (page) =>
  page.evaluate(() => {
    const out = [];
    for (const el of document.querySelector('main#app-root').querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      const [top, bottom] = [Math.max(r.top, 0), Math.min(r.bottom, innerHeight)];
      if (!r.width || bottom <= top) continue;
      out.push(`${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} ${[r.left, top, r.width, bottom - top].map(Math.round).join(' ')}`);
    }
    return out;
  });

/** How many pixels differ between two PNG screenshots of the same size (decoded in the page). */
const pixelsApart = (page, a, b) =>
  page.evaluate(async ([a, b]) => {
    const pixels = async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const c = document.createElement('canvas');
      [c.width, c.height] = [img.width, img.height];
      const x = c.getContext('2d');
      x.drawImage(img, 0, 0);
      return x.getImageData(0, 0, img.width, img.height).data;
    };
    const [pa, pb] = await Promise.all([pixels(a), pixels(b)]);
    if (pa.length !== pb.length) return Infinity;
    let n = 0;
    for (let i = 0; i < pa.length; i += 4) if (pa[i] !== pb[i] || pa[i + 1] !== pb[i + 1] || pa[i + 2] !== pb[i + 2]) n++;
    return n;
  }, [a, b].map((png) => `data:image/png;base64,${png.toString('base64')}`));

/**
 * The same view: every on-screen element in the same place, and the same
 * pixels but for a few (text anti-aliasing may differ where the app's text
 * nodes and the parsed markup's meet).
 */
async function assertSameView(page, { boxes: boxesBefore, shot }, name) {
  assert.deepEqual(await boxes(page), boxesBefore, `${name}: the live view is laid out as the prerendered one was`);
  const out = ensureOutDir();
  writeFileSync(path.join(out, `prerender-${name}-before.png`), shot);
  const after = await page.screenshot();
  writeFileSync(path.join(out, `prerender-${name}-after.png`), after);
  const apart = await pixelsApart(page, shot, after);
  assert.ok(apart < 1000, `${name}: ${apart} pixels differ (e2e/out/prerender-${name}-*.png)`);
}

const marks = (page) => page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name).filter((n) => n.startsWith('report-diff:')));

for (const [query, paneCheck] of [
  ['?a=003&b=004', true],
  ['', false], // the landing view: the overview
]) {
  test(`${query || 'the landing view'}: painted from the prerendered markup before the wasm, then the app takes over in place`, T, async () => {
    const since = h.errors.length;
    const { page, release } = await heldPage();
    await page.goto(`${h.url}/${query}`, { waitUntil: 'commit' });
    const pre = page.locator('main#app-root[data-prerender]');
    await pre.waitFor({ state: 'visible' });
    // Inert and announced as busy; never taken for the live app.
    assert.equal(await pre.getAttribute('aria-busy'), 'true');
    assert.equal(await pre.getAttribute('inert'), '');
    assert.equal(await page.locator('#app-root[data-ready]').count(), 0);
    assert.equal(await page.evaluate(() => typeof window.wasmBindings), 'undefined', 'the app has not started');
    if (paneCheck) {
      // The first screens of the pair: the start of each report, in order.
      for (const [pane, id] of [['a', '003'], ['b', '004']]) {
        const shown = stripWs(await paneText(page, pane));
        assert.ok(shown.length > 300, `pane ${pane} shows ${shown.length} characters`);
        assert.ok(stripWs(reportText(id)).startsWith(shown), `pane ${pane} shows the start of report ${id}`);
      }
    } else {
      assert.ok(await page.locator('[data-prerender] .overview').count(), 'the overview is shown');
    }
    const before = { boxes: await boxes(page), shot: await page.screenshot() };
    assert.ok(before.boxes.length > 50, `${before.boxes.length} elements on screen`);
    // The reader scrolls a little while the app loads.
    await page.mouse.wheel(0, 240);
    await page.waitForFunction(() => window.scrollY === 240);
    const shiftsBefore = await page.evaluate(() => window.__shifts.length);

    release();
    await waitReady(page);
    assert.equal(await page.locator('[data-prerender]').count(), 0, 'the prerendered markup is gone');
    assert.equal(await page.locator('#app-root').count(), 1);
    assert.deepEqual(await marks(page), ['report-diff:prerendered', 'report-diff:live']);
    // In place: the same scroll position, no layout shift, the same pixels.
    assert.equal(await page.evaluate(() => window.scrollY), 240, 'scroll position kept');
    const shifts = await page.evaluate((n) => window.__shifts.slice(n), shiftsBefore);
    assert.deepEqual(shifts, [], 'layout shifts when the app took over');
    await page.evaluate(() => window.scrollTo(0, 0));
    await assertSameView(page, before, query ? 'pair' : 'landing');
    if (paneCheck) {
      await expectPaneShows(page, 'a', '003');
      await expectPaneShows(page, 'b', '004');
    }
    assertNoErrors(h, since);
    await page.context().close();
  });
}

test('on a phone the one-column markup is shown, as the app renders it', T, async () => {
  const since = h.errors.length;
  const { page, release } = await heldPage({ width: 390, height: 844 });
  await page.goto(`${h.url}/?a=000&b=001`, { waitUntil: 'commit' });
  const pre = page.locator('main#app-root[data-prerender]');
  await pre.waitFor({ state: 'visible' });
  const view = await pre.getAttribute('data-view');
  const before = { boxes: await boxes(page), shot: await page.screenshot() };
  release();
  await waitReady(page);
  assert.equal(await page.getAttribute('#app-root', 'data-view'), view);
  assert.equal(view, 'unified');
  await assertSameView(page, before, 'phone');
  assertNoErrors(h, since);
  await page.context().close();
});

test('parameters the prerender does not cover, and a link to a passage, take the normal path', T, async () => {
  const since = h.errors.length;
  for (const query of ['?a=003&b=004&theme=dark', '?a=004&b=003', '?a=003&b=004&view=unified', '?a=003&b=004#r3-a', '?a=003&b=004&utm=x']) {
    const page = await h.newPage();
    await page.goto(`${h.url}/${query}`);
    await waitReady(page);
    assert.deepEqual(await marks(page), ['report-diff:live'], query);
    await page.context().close();
  }
  // ... while the covered spellings of a view are recognised.
  for (const query of ['?view=overview', '?a=003&b=004&view=split', '?b=002', '?view=split']) {
    const page = await h.newPage();
    await page.goto(`${h.url}/${query}`);
    await waitReady(page);
    assert.deepEqual(await marks(page), ['report-diff:prerendered', 'report-diff:live'], query);
    await page.context().close();
  }
  assertNoErrors(h, since);
});

test('the first paint is the prerendered view: nothing is painted before it', T, async () => {
  const since = h.errors.length;
  for (const query of ['?a=001&b=002', '']) {
    const page = await h.newPage();
    await page.goto(`${h.url}/${query}`);
    await waitReady(page);
    const { shown, fcp, loading } = await page.evaluate(() => ({
      shown: performance.getEntriesByName('report-diff:prerendered')[0]?.startTime,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      loading: document.querySelectorAll('.loading').length,
    }));
    assert.ok(shown != null && fcp != null, `${query}: marks ${shown} / ${fcp}`);
    // first.js runs before the parser reaches "Loading the comparison…": the
    // first contentful paint comes after the view is in the page.
    assert.ok(shown <= fcp, `${query}: the view was shown at ${shown} ms, the first contentful paint at ${fcp} ms`);
    assert.equal(loading, 0, 'the loading line is gone with the app');
    await page.context().close();
  }
  assertNoErrors(h, since);
});

test('without first.js (not served, or a build without the prerender) the app renders its first view itself', T, async () => {
  const page = await h.newPage();
  await page.route(/\/first\.js$/, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(`${h.url}/?a=003&b=004`);
  await waitReady(page);
  assert.deepEqual(await marks(page), ['report-diff:live']);
  await expectPaneShows(page, 'a', '003');
  await expectPaneShows(page, 'b', '004');
  await page.context().close();
});

test('if the app cannot load, the prerendered view gives way to the message', T, async () => {
  const page = await h.newPage();
  await page.route(/_bg\.wasm$/, (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('not wasm') }));
  await page.goto(`${h.url}/?a=003&b=004`);
  const alert = page.locator('.rd-load-error[role="alert"]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /could not load/);
  assert.equal(await page.locator('[data-prerender]').count(), 0, 'no inert view left behind');
  assert.deepEqual(await marks(page), ['report-diff:prerendered']);
  await page.context().close();
});
