// report-diff loader: an external module, so pages need no inline script
// (`script-src 'self' 'wasm-unsafe-eval'` is enough). The build stamps the
// hashed file names below (scripts/stamp-boot.mjs, a trunk post_build hook);
// every URL resolves against this file's own URL, so the same file works on the
// app's page, in an iframe, under a sub-path and included by another origin.
//
// On a page with `<div data-report-diff …>` elements it mounts one widget into
// each (in an open shadow root); otherwise it mounts the full app into
// `#report-diff` (or <body>), driven by the page's URL.
//
// First paint without the wasm: the release build prerenders the first screens
// of the landing view and of every bundled pair into first.js
// (scripts/prerender.mjs). On the app's page, index.html runs first.js before
// this file, and it has already shown the view for the URL; for a widget
// mounted on another page, this file imports first.js and shows each widget's
// view in its shadow root. Either way the view is inert and aria-busy while the
// app downloads; the app renders the same markup beside it and this file
// removes the prerendered copy in the same task (no frame shows both or none).
const here = new URL('.', import.meta.url);
const mounts = [...document.querySelectorAll('[data-report-diff]')];
const page = mounts.length ? null : document.getElementById('report-diff');
const hosts = () => [...document.querySelectorAll('[data-report-diff]'), document.getElementById('report-diff')].filter(Boolean);

/** A direct mount's parameters, from its data- attributes (as src/embed.rs mount_query reads them). */
const mountParams = (el) =>
  [...el.attributes]
    .map((a) => [a.name.toLowerCase(), a.value])
    .filter(([k]) => k.startsWith('data-') && k !== 'data-report-diff' && !k.startsWith('data-report-diff-'))
    .map(([k, v]) => [k.slice(5), v]);

/**
 * Removes `shown` once the live app is in `scope` and visible (or the panic
 * message is): in the mutation callback, a microtask after the app's render,
 * so the browser never paints a frame with both or with neither.
 */
function replaceWhenLive(scope, shown) {
  const live = () =>
    [...scope.querySelectorAll('#app-root:not([data-prerender]), [data-fatal]')].some((el) => !el.closest('[hidden]'));
  const observer = new MutationObserver(() => {
    if (!live()) return;
    observer.disconnect();
    shown.remove();
    performance.mark('report-diff:live');
  });
  observer.observe(scope, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
}

/** The view first.js showed on the app's page: replaced once the app is live; true if there is one. */
function pageShown(host) {
  const shown = globalThis.__reportDiffFirstView?.shown;
  if (!shown?.isConnected) return false;
  replaceWhenLive(host, shown);
  return true;
}

/** Shows a mounted widget's prerendered view in its shadow root, if there is one; true if shown. */
async function mountShown(widgets) {
  // A module import of first.js: one download for every widget on the page.
  await import(new URL('first.js', here));
  const first = globalThis.__reportDiffFirstView;
  let any = false;
  for (const host of widgets) {
    const main = first?.view(mountParams(host), host.clientWidth || innerWidth);
    if (!main || host.shadowRoot) continue;
    // As src/app/mount.rs builds a widget: its own style sheet in an open
    // shadow root, hidden until the sheet has loaded. The app adds its own
    // widget next to this one in the same root.
    const shadow = host.attachShadow({ mode: 'open' });
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL(CSS, here).href;
    const widget = document.createElement('div');
    widget.className = 'rd-widget';
    widget.setAttribute('data-prerender', '');
    widget.hidden = true;
    for (const e of ['load', 'error']) link.addEventListener(e, () => (widget.hidden = false));
    widget.append(main);
    shadow.append(link, widget);
    replaceWhenLive(shadow, widget);
    any = true;
  }
  if (any) performance.mark('report-diff:prerendered');
  return any;
}

const CSS = '__RD_CSS__';
const delay = (ms) => new Promise((r) => setTimeout(r, ms));
const shown = (async () => (page ? pageShown(page) : mounts.length > 0 && mountShown(mounts)))().catch((err) => {
  console.warn('report-diff: the prerendered view could not be shown:', err);
  return false;
});

try {
  // Paint the prerendered view before the app's download and first render
  // compete with it (index.html does not preload the app: on a fresh load
  // its download slowed the style sheet and first.js, so the first paint).
  // A widget's views come in one import of first.js (28 KB gzipped), nearly
  // always here long before the app; if not within a second, the app goes ahead.
  if (await Promise.race([shown, delay(1000)])) {
    // A frame (rAF, then a task after it); rAF does not run in a hidden tab.
    await Promise.race([new Promise((r) => requestAnimationFrame(() => setTimeout(r))), delay(100)]);
  }
  const bindings = await import('./__RD_JS__');
  const wasm = await bindings.default({ module_or_path: new URL('__RD_WASM__', here) });
  // The app's own page exposes the engine hooks to the browser benchmark.
  if (document.getElementById('report-diff')) window.wasmBindings = bindings;
  bindings.mount(here.href, CSS, '__RD_WORDS__');
  if (!performance.getEntriesByName('report-diff:prerendered').length) performance.mark('report-diff:live');
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
} catch (err) {
  // WebAssembly blocked (a CSP without 'wasm-unsafe-eval'), a file missing, an
  // old browser: say so where the widget should be, as text.
  console.error('report-diff could not start:', err);
  // No prerendered view stays on the page as if the app were still coming.
  for (const el of document.querySelectorAll('main[data-prerender]')) el.remove();
  for (const el of hosts()) {
    if (el.dataset.reportDiffMounted) continue;
    const p = document.createElement('p');
    p.className = 'rd-load-error';
    p.setAttribute('role', 'alert');
    p.textContent = `The comparison could not load (${err?.message || err}). Reload the page to try again.`;
    // A prerendered widget lives in a shadow root (its style sheet stays).
    if (el.shadowRoot) el.shadowRoot.replaceChildren(...el.shadowRoot.querySelectorAll('link'), p);
    else el.replaceChildren(p);
  }
}
