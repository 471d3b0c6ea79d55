// report-diff's first view: the prerendered markup of the landing view and of
// every bundled pair (the first screens of each, at a wide and a narrow width),
// shown while the app (the wasm) downloads. The release build writes the views
// in below (scripts/prerender.mjs); without them this file does nothing.
//
// Two ways in, one file (it has no import or export, so it runs both ways):
// - The app's page runs it as a classic, parser-blocking script at the top of
//   <body>, before `#report-diff` (index.html). It shows the view for the
//   page's URL there and then, so the browser's first paint is the
//   comparison: no second request after boot.js, no frame of "Loading…"
//   first (style.css hides that line after a prerendered view).
// - boot.js imports it for widgets mounted on another page (`data-report-diff`)
//   and shows each widget's view in its shadow root.
// Either way it leaves `globalThis.__reportDiffFirstView`: `view(params,
// width)` (a fresh element of the view for these [key, value] parameters at
// this width, or null) and, on the app's page, `shown` (the element it
// showed, or null).
(() => {
  const VIEWS = /*__RD_VIEWS__*/ null;
  // The parameters the prerender covers; any other (theme, case, a corpus, a
  // host's own) changes what the app shows, so the app renders it itself.
  const COVERED = new Set(['a', 'b', 'view']);

  /** The prerendered markup for these parameters ([key, value] pairs) at this width, or null. */
  function markup(params, width) {
    if (!VIEWS) return null;
    const p = {};
    for (const [k, v] of params) {
      if (!COVERED.has(k) || k in p) return null;
      p[k] = v;
    }
    // The app's defaults (src/params.rs): a link that names a report opens the pair.
    const view = p.view ?? ('a' in p || 'b' in p ? 'split' : 'overview');
    const both = VIEWS.pages[`a=${p.a ?? VIEWS.a}&b=${p.b ?? VIEWS.b}&view=${view}`];
    return both?.[width < VIEWS.narrow ? 1 : 0] ?? null;
  }

  /** A fresh element of the prerendered view for these parameters at this width, or null. */
  function view(params, width) {
    const html = markup(params, width);
    if (!html) return null;
    const template = document.createElement('template');
    template.innerHTML = html;
    const main = template.content.firstElementChild;
    return main?.hasAttribute('data-prerender') ? main : null;
  }

  /**
   * On the app's page, now: the view for the page's URL, appended to <body>
   * where the parser stands, so it comes before `#report-diff` (Yew empties
   * the element it mounts into, and the page must keep its height and scroll
   * while the app takes over). Not for a link to a passage: the app scrolls
   * to it, which the first screens may not hold.
   */
  function showOnPage() {
    if (location.hash || !document.body || document.getElementById('report-diff')) return null;
    // The width the app measures (src/app/dom.rs) is its element's, a block
    // child of <body> with no margins: the root's width less any scroll bar.
    const main = view(new URLSearchParams(location.search), document.documentElement.clientWidth || innerWidth);
    if (!main) return null;
    document.body.append(main);
    performance.mark('report-diff:prerendered');
    return main;
  }

  const api = { view, shown: null };
  globalThis.__reportDiffFirstView = api;
  // A classic script has a currentScript; a module (boot.js's import) does not.
  if (document.currentScript) api.shown = showOnPage();
})();
