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
// of the landing view and of every bundled pair (scripts/prerender.mjs) and
// lists them below. When a widget's parameters are only ones the prerender
// covers (a, b, view), its markup is shown at once, inert and aria-busy, while
// the app downloads; the app renders the same markup beside it and this file
// removes the prerendered copy in the same task (no frame shows both or none).
const here = new URL('.', import.meta.url);
const PRERENDERED = /*__RD_PRERENDER__*/ null;
const COVERED = new Set(['a', 'b', 'view']);
const mounts = [...document.querySelectorAll('[data-report-diff]')];
const page = mounts.length ? null : document.getElementById('report-diff');
const hosts = () => [...document.querySelectorAll('[data-report-diff]'), document.getElementById('report-diff')].filter(Boolean);

/** The prerendered file for these parameters ([key, value] pairs) at this width, or null. */
function prerenderedFile(params, width) {
  if (!PRERENDERED) return null;
  const p = {};
  for (const [k, v] of params) {
    if (!COVERED.has(k) || k in p) return null;
    p[k] = v;
  }
  // The app's defaults (src/params.rs): a link that names a report opens the pair.
  const view = p.view ?? ('a' in p || 'b' in p ? 'split' : 'overview');
  const files = PRERENDERED.pages[`a=${p.a ?? PRERENDERED.a}&b=${p.b ?? PRERENDERED.b}&view=${view}`];
  return files?.[width < PRERENDERED.narrow ? 1 : 0] ?? null;
}

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

/** Shows the prerendered view for `host`, if there is one and the app has not mounted there yet; true if shown. */
async function showPrerendered(host, params, isPage) {
  const file = prerenderedFile(params, host.clientWidth || innerWidth);
  if (!file) return false;
  const res = await fetch(new URL(`prerender/${file}`, here));
  if (!res.ok) return false;
  const template = document.createElement('template');
  template.innerHTML = await res.text();
  const main = template.content.firstElementChild;
  if (!main?.hasAttribute('data-prerender')) return false;
  if (isPage) {
    if (host.querySelector('#app-root')) return false; // the app was faster
    // Beside the app's element, not in it: Yew empties the element it mounts
    // into, and the page must not lose its height (and scroll) meanwhile.
    host.replaceChildren();
    host.before(main);
    replaceWhenLive(host, main);
  } else {
    if (host.shadowRoot) return false;
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
  }
  performance.mark('report-diff:prerendered');
  return true;
}

const CSS = '__RD_CSS__';
const delay = (ms) => new Promise((r) => setTimeout(r, ms));
// Fetched at once, while the app's files download (index.html preloads them).
const shown = Promise.all(
  page
    ? location.hash
      ? []
      : [showPrerendered(page, new URLSearchParams(location.search), true)]
    : mounts.map((el) => showPrerendered(el, mountParams(el), false)),
).then(
  (all) => all.some(Boolean),
  (err) => console.warn('report-diff: the prerendered view could not be shown:', err),
);

try {
  // Paint the prerendered view before the app's first render holds the main
  // thread (and before its module and wasm are even compiled: index.html
  // preloads them meanwhile). The markup is a fraction of the app's size and
  // nearly always here first; if it is not within a second, the app goes
  // ahead and the markup is dropped when it comes.
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
