// report-diff loader: an external module, so pages need no inline script
// (`script-src 'self' 'wasm-unsafe-eval'` is enough). The build stamps the
// hashed file names below (scripts/stamp-boot.mjs, a trunk post_build hook);
// every URL resolves against this file's own URL, so the same file works on the
// app's page, in an iframe, under a sub-path and included by another origin.
//
// On a page with `<div data-report-diff …>` elements it mounts one widget into
// each (in an open shadow root); otherwise it mounts the full app into
// `#report-diff` (or <body>), driven by the page's URL.
import init, * as bindings from './__RD_JS__';

const here = new URL('.', import.meta.url);
const hosts = () => [...document.querySelectorAll('[data-report-diff]'), document.getElementById('report-diff')].filter(Boolean);

try {
  const wasm = await init({ module_or_path: new URL('__RD_WASM__', here) });
  // The app's own page exposes the engine hooks to the browser benchmark.
  if (document.getElementById('report-diff')) window.wasmBindings = bindings;
  bindings.mount(here.href, '__RD_CSS__', '__RD_WORDS__');
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
} catch (err) {
  // WebAssembly blocked (a CSP without 'wasm-unsafe-eval'), a file missing, an
  // old browser: say so where the widget should be, as text.
  console.error('report-diff could not start:', err);
  for (const el of hosts()) {
    if (el.dataset.reportDiffMounted) continue;
    const p = document.createElement('p');
    p.className = 'rd-load-error';
    p.setAttribute('role', 'alert');
    p.textContent = `The comparison could not load (${err?.message || err}). Reload the page to try again.`;
    el.replaceChildren(p);
  }
}
