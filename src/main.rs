//! Entry point of the browser app (built by `trunk`). Natively there is nothing to
//! run: use `cargo run --example compare` for the engine's command-line front end.

/// Nothing runs on load: `boot.js` calls [`mount`] with the URLs it knows.
#[cfg(target_arch = "wasm32")]
fn main() {}

/// Mounts the widgets (called by `boot.js` once the module is instantiated):
/// `base` is the URL of the app's directory, `css` the stylesheet's file name,
/// `words` the word table's (fetched only when a text needs it).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn mount(base: String, css: String, words: String) {
    report_diff::app::start(base, css, words);
}

/// Browser benchmark hooks (`window.wasmBindings.*` in a trunk build), timed from
/// JavaScript by `e2e/bench.mjs`: they run the same engine code as the app.
#[cfg(target_arch = "wasm32")]
mod bench {
    use report_diff::{corpus, engine};
    use std::cell::OnceCell;
    use wasm_bindgen::prelude::wasm_bindgen;

    thread_local! {
        static COLLECTION: OnceCell<engine::Collection> = const { OnceCell::new() };
    }

    fn texts() -> Vec<&'static str> {
        corpus::reports().iter().map(|r| r.text).collect()
    }

    /// Builds the collection of the bundled reports (segmentation, boilerplate,
    /// bilingual detection, term statistics); returns the segment count.
    #[wasm_bindgen]
    pub fn bench_build_collection() -> usize {
        let c = engine::Collection::new(&texts());
        c.documents().iter().map(|d| d.segments().len()).sum()
    }

    /// Panics on purpose, for the browser test of the friendly error page:
    /// no engine input is known to panic (the engine is fuzzed).
    #[wasm_bindgen]
    pub fn test_panic() {
        panic!("test_panic called");
    }

    /// Compares all 10 pairs of bundled reports on a collection built once
    /// (as the app does); returns the number of rows produced.
    #[wasm_bindgen]
    pub fn bench_compare_all_pairs() -> usize {
        COLLECTION.with(|cell| {
            let c = cell.get_or_init(|| engine::Collection::new(&texts()));
            let n = c.documents().len();
            let opts = engine::Options::default();
            let mut rows = 0;
            for a in 0..n {
                for b in a + 1..n {
                    rows += c.compare(a, b, &opts).map_or(0, |x| x.rows.len());
                }
            }
            rows
        })
    }

    /// Builds a collection of two texts and aligns them, as the app does with
    /// two pasted texts (shared words alone: no word table is loaded here);
    /// returns the number of rows. The browser benchmark times it on a
    /// synthetic 1 MB pair.
    #[wasm_bindgen]
    pub fn bench_compare_texts(a: &str, b: &str) -> usize {
        let c = engine::Collection::new(&[a, b]);
        c.compare(0, 1, &engine::Options::default())
            .map_or(0, |x| x.rows.len())
    }

    /// The whole overview of the five bundled reports on a collection built
    /// once, as the app computes it: every pair compared, then the story
    /// map, coverage, quotes, figures, names and summary; returns the number
    /// of story-map facts.
    #[wasm_bindgen]
    pub fn bench_overview() -> usize {
        COLLECTION.with(|cell| {
            let c = cell.get_or_init(|| engine::Collection::new(&texts()));
            let ids: Vec<String> = corpus::reports().into_iter().map(|r| r.meta.id).collect();
            let opts = engine::Options::default();
            let pairs = engine::overview::Pairwise::new(c, &opts);
            engine::overview::build_from(c, &ids, &opts, &pairs).map_or(0, |o| o.facts.len())
        })
    }
}

/// The comparison worker's entry (`worker.js` calls it in a web worker, with
/// the app's own wasm): compares texts `a` and `b` of `texts` fully, or
/// coarsely, with the word table's bytes when the page has it (`words`),
/// calls `progress(step, steps, what)` before each step and
/// returns the comparison in `report_diff::offload`'s binary form.
#[cfg(target_arch = "wasm32")]
#[allow(clippy::too_many_arguments)]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn worker_compare(
    texts: Vec<String>,
    a: usize,
    b: usize,
    case: bool,
    punct: bool,
    space: bool,
    coarse: bool,
    words: Option<Vec<u8>>,
    progress: &js_sys::Function,
) -> Result<Vec<u8>, wasm_bindgen::JsValue> {
    use report_diff::engine::semantic::WordTable;
    use report_diff::offload::{encode, run, Depth};
    use wasm_bindgen::JsValue;
    // The page sends the table only once it has parsed it; a table that
    // fails here anyway is an error, not a silent fall back to shared words.
    let words = words
        .map(|bytes| WordTable::from_bytes(&bytes))
        .transpose()
        .map_err(|e| JsValue::from_str(&format!("the word table could not be read ({e})")))?;
    let opts = report_diff::engine::Options {
        ignore_case: case,
        ignore_punctuation: punct,
        ignore_whitespace: space,
    };
    let depth = if coarse { Depth::Coarse } else { Depth::Full };
    let cmp = run(
        &texts,
        a,
        b,
        &opts,
        depth,
        words.as_ref(),
        |step, steps, what| {
            let _ = progress.call3(
                &JsValue::NULL,
                &JsValue::from(step),
                &JsValue::from(steps),
                &JsValue::from_str(what),
            );
        },
    )
    .ok_or_else(|| JsValue::from_str("no such pair of texts"))?;
    Ok(encode(&cmp))
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "report-diff is a browser app: run `bash scripts/serve.sh`.\n\
         For the engine on the command line: cargo run --release --example compare -- A.txt B.txt --json"
    );
}
