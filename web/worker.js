// report-diff comparison worker: the app's own wasm, instantiated in a module
// worker, compares large texts off the main thread (see src/app/worker.rs).
// The build stamps the hashed file names below (scripts/stamp-boot.mjs); the
// app starts this file from an absolute URL resolved against boot.js.
//
// In:  { texts: [string], a, b, case, punct, space, coarse, words? } (words:
//      the word table's bytes, when the page has loaded it)
// Out: { progress: [step, steps, label] } … then { bytes } (the comparison in
//      report_diff::offload's binary form, transferred) or { error }
import init, * as bindings from './__RD_JS__';

const ready = init({ module_or_path: new URL('__RD_WASM__', import.meta.url) });

self.onmessage = async ({ data }) => {
  try {
    await ready;
    const progress = (step, steps, label) => self.postMessage({ progress: [step, steps, label] });
    const bytes = bindings.worker_compare(data.texts, data.a, data.b, data.case, data.punct, data.space, data.coarse, data.words, progress);
    self.postMessage({ bytes }, [bytes.buffer]);
  } catch (err) {
    self.postMessage({ error: String(err?.message || err) });
  }
};
