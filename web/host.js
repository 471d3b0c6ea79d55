// report-diff host snippet: for a page that embeds the widget in an <iframe>
// and has no resize listener of its own (Datawrapper's, pym.js, AMP and
// Embedly/Flourish listeners already understand the widget's messages).
//
//   <iframe src="https://example.org/report-diff/?a=003&b=004" data-report-diff-frame
//           title="How the reports differ" width="100%" height="600" frameborder="0"></iframe>
//   <script src="https://example.org/report-diff/host.js" defer></script>
//
// It only ever sets the height of the one iframe whose window sent the message,
// from a number, and only when the message comes from that iframe's origin. It
// never navigates, never reads other fields, never evaluates anything.
(() => {
  'use strict';
  const MIN = 100;
  const MAX = 100000;
  addEventListener('message', (event) => {
    let data = event.data;
    if (typeof data === 'string') {
      if (data.length > 500) return;
      try {
        data = JSON.parse(data);
      } catch {
        return;
      }
    }
    if (!data || typeof data !== 'object' || data.context !== 'iframe.resize') return;
    const height = Number(data.height);
    if (!Number.isFinite(height)) return;
    for (const frame of document.querySelectorAll('iframe[data-report-diff-frame]')) {
      if (frame.contentWindow !== event.source) continue;
      let origin;
      try {
        origin = new URL(frame.src, location.href).origin;
      } catch {
        return;
      }
      if (event.origin !== origin) return;
      frame.style.height = `${Math.round(Math.min(MAX, Math.max(MIN, height)))}px`;
      return;
    }
  });
})();
