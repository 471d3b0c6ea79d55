//! report-diff: align and compare several news reports of one event.
//!
//! The crate has two halves with a one-way dependency:
//!
//! - [`engine`]: pure Rust, no web dependencies. Segments reports into sentences,
//!   aligns corresponding passages across reports (even reordered, rewritten or
//!   translated ones), diffs words inside each aligned pair and flags boilerplate.
//!   Everything it returns is `serde`-serialisable.
//! - [`corpus`]: the five bundled reports and their metadata, compiled in.
//! - [`view`]: the view models, derived from the engine's results; pure Rust.
//! - [`params`]: the URL parameters, parsed and written back; pure Rust.
//! - [`embed`]: height messages for host pages, embed snippets, permalinks.
//! - [`intake`]: reports from outside the bundle: the JSON corpus schema, text
//!   files, limits, saved drafts; pure Rust.
//! - [`sources`]: which reports are shown (bundled, a corpus, the reader's
//!   own texts), as a state machine; pure Rust.
//! - [`export`]: the comparison as JSON, one HTML file, or Markdown; pure Rust.
//! - [`synth`] (not in the wasm build): synthetic report pairs of any size, for
//!   benchmarks.
//! - [`offload`]: large pairs compared in a web worker (the steps, their progress,
//!   the coarse fallback, the binary form they travel in); pure Rust.
//! - `app` (only on `wasm32`): Yew components that render the engine's results.
//!
//! ```
//! use report_diff::engine::{compare, Options};
//!
//! let a = "Trump delayed the order. The White House set no date.";
//! let b = "The White House set no new date. Trump delayed the signing of the order.";
//! let cmp = compare(a, b, &Options::default());
//! assert_eq!(cmp.rows.iter().filter(|r| r.moved).count(), 2);
//! ```

pub mod corpus;
pub mod embed;
pub mod engine;
pub mod export;
pub mod intake;
pub mod json;
pub mod offload;
pub mod params;
pub mod sources;
#[cfg(not(target_arch = "wasm32"))]
pub mod synth;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod app;
