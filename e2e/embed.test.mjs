// Both embed forms on a mock news page (examples/news.html) served from a second
// origin: an iframe whose height follows its content, and two widgets mounted
// straight into the page, independent of each other and of the host's CSS.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serveNews } from '../examples/serve-news.mjs';
import { launchBrowser, recordErrors, assertNoErrors, reportText, stripWs, ensureOutDir, DIST_DIR, SETTLE_TIMEOUT_MS } from './helpers.mjs';

const T = { timeout: 40_000 };
const h = { errors: [] };
before(async () => {
  const servers = await serveNews({ dist: DIST_DIR });
  h.servers = servers;
  h.browser = await launchBrowser();
  h.newPage = async (viewport = { width: 1100, height: 900 }) => {
    const page = await (await h.browser.newContext({ viewport })).newPage();
    recordErrors(page, h.errors);
    // Every message the page receives, as it received it.
    await page.addInitScript(() => {
      window.__messages = [];
      addEventListener('message', (e) => window.__messages.push({ origin: e.origin, data: e.data }));
    });
    return page;
  };
}, { timeout: 60_000 });
after(async () => {
  await h.browser?.close();
  await h.servers?.close();
});

const newsUrl = () => `${h.servers.news.url}/news.html`;

async function until(fn, what, timeout = SETTLE_TIMEOUT_MS) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await fn();
    if (last.ok) return last;
    if (Date.now() > deadline) assert.fail(`${what}: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Height of the iframe in the host page, and of the content inside it. */
async function heights(page, frameSel = '#frame-embed') {
  const frameEl = await page.$(frameSel);
  const outer = await frameEl.evaluate((f) => f.getBoundingClientRect().height);
  const frame = await frameEl.contentFrame();
  const inner = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  return { outer, inner, ok: Math.abs(outer - inner) <= 1 };
}

/** The text a pane of a mounted widget shows (inside its shadow root). */
const shadowPane = (page, host, pane) =>
  page.$eval(host, (el, pane) => {
    const root = el.shadowRoot;
    if (!root) return null;
    return [...root.querySelectorAll(`[data-pane="${pane}"] [data-text]`)].map((t) => t.textContent).join('');
  }, pane);

async function expectShadowPane(page, host, pane, id) {
  await until(async () => {
    const text = await shadowPane(page, host, pane);
    return { ok: text != null && stripWs(text) === stripWs(reportText(id)), host, pane, id, shown: text?.slice(0, 80) };
  }, `${host} pane ${pane} shows ${id}`);
}

test('the iframe embed follows its content height, from another origin', T, async () => {
  const page = await h.newPage();
  await page.goto(newsUrl());
  const frame = await (await page.$('#frame-embed')).contentFrame();
  await frame.waitForSelector('#app-root[data-ready="true"]');
  assert.notEqual(new URL(frame.url()).origin, new URL(page.url()).origin, 'the widget is on another origin');
  assert.ok(frame.url().startsWith(h.servers.widget.base), `served under a sub-path: ${frame.url()}`);
  const first = await until(() => heights(page), 'iframe height = content height');
  assert.ok(first.inner > 1000, `a full comparison is tall: ${JSON.stringify(first)}`);
  // Hiding site chrome shortens the content: the frame follows.
  await frame.selectOption('#opt-boilerplate', 'hide');
  const second = await until(async () => {
    const x = await heights(page);
    return { ...x, ok: x.ok && x.inner !== first.inner };
  }, 'iframe height follows a change');
  assert.ok(second.inner < first.inner, JSON.stringify({ first, second }));
  // What the host page received: numbers, in every format, from the widget's origin.
  const msgs = await page.evaluate(() => window.__messages);
  const widgetOrigin = h.servers.widget.url;
  assert.ok(msgs.length > 0 && msgs.every((m) => m.origin === widgetOrigin), JSON.stringify(msgs.slice(0, 3)));
  const dw = msgs.filter((m) => m.data?.['datawrapper-height']).map((m) => m.data['datawrapper-height']['report-diff']);
  const amp = msgs.filter((m) => m.data?.sentinel === 'amp').map((m) => m.data);
  const embedly = msgs.filter((m) => typeof m.data === 'string' && m.data.includes('iframe.resize')).map((m) => JSON.parse(m.data));
  assert.ok(dw.length && dw.every(Number.isInteger), `datawrapper: ${JSON.stringify(dw)}`);
  assert.ok(amp.length && amp.every((m) => m.type === 'embed-size' && Number.isInteger(m.height)));
  assert.ok(embedly.length && embedly.every((m) => Number.isInteger(m.height) && m.src.startsWith(h.servers.widget.base)));
  assert.equal(dw.at(-1), second.inner);
  // No layout jump on load: the first height posted is the rendered
  // comparison's, never the loading note's; and a burst of changes is one message.
  assert.ok(dw[0] > 1000, `first posted height ${dw[0]}`);
  assert.ok(dw.length <= 4, `debounced: ${dw.length} height messages for one load and one change`);
  await page.screenshot({ path: path.join(ensureOutDir(), 'news-iframe.png') });
  await page.context().close();
});

test('with pym.js\'s childId the widget also speaks pym', T, async () => {
  const page = await h.newPage();
  await page.goto(newsUrl());
  await page.evaluate((src) => {
    const f = document.createElement('iframe');
    f.id = 'pym-frame';
    f.src = src;
    document.body.append(f);
  }, `${h.servers.widget.base}?a=000&b=001&childId=rd-pym-1&initialWidth=800`);
  const pym = await until(async () => {
    const msgs = await page.evaluate(() => window.__messages.map((m) => m.data).filter((d) => typeof d === 'string' && d.startsWith('pymxPYMx')));
    return { ok: msgs.length > 0, msgs };
  }, 'a pym message');
  assert.match(pym.msgs[0], /^pymxPYMxrd-pym-1xPYMxheightxPYMx\d+$/);
  // The Datawrapper message is keyed by the same id.
  const dw = await page.evaluate(() => window.__messages.find((m) => m.data?.['datawrapper-height']?.['rd-pym-1']));
  assert.ok(dw, 'datawrapper message keyed by childId');
  await page.context().close();
});

test('two widgets mounted in the page work independently, in their own shadow roots', T, async () => {
  const page = await h.newPage();
  await page.goto(newsUrl());
  await page.locator('#mount-1 #app-root[data-ready="true"]').waitFor();
  await page.locator('#mount-2 #app-root[data-ready="true"]').waitFor();
  await expectShadowPane(page, '#mount-1', 'a', '000');
  await expectShadowPane(page, '#mount-1', 'b', '001');
  await expectShadowPane(page, '#mount-2', 'a', '000');
  await expectShadowPane(page, '#mount-2', 'b', '002');
  // data-case="1" on the first only.
  assert.equal(await page.locator('#mount-1 #opt-case').isChecked(), true);
  assert.equal(await page.locator('#mount-2 #opt-case').isChecked(), false);
  // Changing one leaves the other, and the host page's address, alone.
  const before = page.url();
  await page.locator('#mount-2 #pick-b').selectOption('004');
  await expectShadowPane(page, '#mount-2', 'b', '004');
  await expectShadowPane(page, '#mount-1', 'b', '001');
  assert.equal(page.url(), before);
  // A moved passage's link (000 vs 004 has one) scrolls within the widget,
  // and leaves the URL alone.
  const jump = page.locator('#mount-2 a.jump').first();
  const target = (await jump.getAttribute('href')).slice(1);
  await jump.click();
  assert.equal(page.url(), before);
  const focused = await page.$eval('#mount-2', (host) => host.shadowRoot.activeElement?.id);
  assert.equal(focused, target);
  await page.context().close();
});

test('the widget\'s CSS and the host page\'s never meet', T, async () => {
  const page = await h.newPage();
  await page.goto(newsUrl());
  await page.locator('#mount-1 #app-root[data-ready="true"]').waitFor();
  const look = await page.evaluate(() => {
    const css = (el, p) => getComputedStyle(el).getPropertyValue(p);
    const root = document.querySelector('#mount-1').shadowRoot;
    return {
      hostH1: css(document.querySelector('h1'), 'color'),
      hostBody: css(document.body, 'font-family'),
      hostBg: css(document.body, 'background-color'),
      widgetH1: css(root.querySelector('h1'), 'color'),
      widgetFont: css(root.querySelector('#app-root'), 'font-family'),
      widgetCell: css(root.querySelector('.cell'), 'display'),
      widgetDel: root.querySelector('del') ? css(root.querySelector('del'), 'color') : null,
      styleSheets: document.styleSheets.length,
    };
  });
  // The host keeps its look: the widget adds no style sheet to the document.
  assert.equal(look.hostH1, 'rgb(139, 0, 0)');
  assert.match(look.hostBody, /Georgia/);
  assert.equal(look.hostBg, 'rgb(255, 253, 247)');
  assert.equal(look.styleSheets, 1, 'only news.css in the host document');
  // The host's broad rules (h1, .cell, del, the serif font) do not reach in.
  assert.notEqual(look.widgetH1, 'rgb(139, 0, 0)');
  assert.doesNotMatch(look.widgetFont, /Georgia/);
  assert.notEqual(look.widgetCell, 'none');
  if (look.widgetDel) assert.notEqual(look.widgetDel, 'rgb(255, 0, 255)');
  await page.screenshot({ path: path.join(ensureOutDir(), 'news-mounted.png'), fullPage: true });
  await page.context().close();
});

test('a mounted widget shows its prerendered view in its shadow root until the app renders beside it', T, async () => {
  const page = await h.newPage();
  const firstJs = [];
  // The news page's own requests (its iframe embed loads first.js too, as its page).
  page.on('request', (r) => r.frame() === page.mainFrame() && /\/first\.js$/.test(new URL(r.url()).pathname) && firstJs.push(r.url()));
  let release;
  const gate = new Promise((r) => (release = r));
  await page.route(/_bg\.wasm$/, async (route) => {
    await gate;
    await route.continue();
  });
  await page.goto(newsUrl(), { waitUntil: 'commit' });
  // #mount-2 (data-a, data-b) is covered; #mount-1 also has data-case: not.
  await page.locator('#mount-2 main#app-root[data-prerender]').waitFor({ state: 'visible' });
  const pre = await page.$eval('#mount-2', (el) => ({
    inert: el.shadowRoot.querySelector('main[data-prerender]').hasAttribute('inert'),
    busy: el.shadowRoot.querySelector('main[data-prerender]').getAttribute('aria-busy'),
    sheets: el.shadowRoot.styleSheets.length,
  }));
  assert.deepEqual(pre, { inert: true, busy: 'true', sheets: 1 });
  for (const [pane, id] of [['a', '000'], ['b', '002']]) {
    const shown = stripWs(await shadowPane(page, '#mount-2', pane));
    assert.ok(shown.length > 100 && stripWs(reportText(id)).startsWith(shown), `#mount-2 pane ${pane} shows the start of ${id}`);
  }
  assert.equal(await page.$eval('#mount-1', (el) => el.shadowRoot), null, 'no prerendered view for data-case');
  // Where the widget's first elements sit, relative to the widget (the
  // widget above it grows when its app renders: pixels of the page move).
  const layout = () =>
    page.$eval('#mount-2', (host) => {
      const top = host.getBoundingClientRect().top;
      const els = [...host.shadowRoot.querySelectorAll('main h1, main #pick-a, main .change-nav, main td[data-pane]')]
        .filter((e) => e.getClientRects().length)
        .slice(0, 12);
      return els.map((e) => {
        const r = e.getBoundingClientRect();
        return [e.id || e.className, r.left, r.top - top, r.width, r.height].map((v) => (typeof v === 'number' ? Math.round(v) : v));
      });
    });
  const before = await layout();
  assert.equal(before.length, 12);
  release();
  await page.locator('#mount-1 #app-root[data-ready="true"]').waitFor();
  await page.locator('#mount-2 #app-root[data-ready="true"]').waitFor();
  const after = await page.$eval('#mount-2', (el) => ({
    prerendered: el.shadowRoot.querySelectorAll('[data-prerender]').length,
    roots: el.shadowRoot.querySelectorAll('#app-root').length,
  }));
  assert.deepEqual(after, { prerendered: 0, roots: 1 });
  // The views come from the widget's origin, in one download for all the page's widgets.
  assert.equal(firstJs.length, 1, `first.js requested ${firstJs.length} times`);
  assert.equal(new URL(firstJs[0]).origin, new URL(h.servers.widget.url).origin);
  await expectShadowPane(page, '#mount-2', 'a', '000');
  await expectShadowPane(page, '#mount-2', 'b', '002');
  assert.deepEqual(await layout(), before, 'the live widget is laid out as the prerendered one was');
  await page.context().close();
});

test('no page errors, console errors, panics or failed requests on the news page', () => {
  assertNoErrors(h);
});
