//! The comparison engine: pure Rust, no web dependencies.
//!
//! Texts go in, serialisable results come out:
//!
//! - [`Document::new`] segments one report into sentences ([`segment`]), flags
//!   boilerplate ([`boilerplate`]) and finds a second-language block
//!   ([`bilingual`]).
//! - [`Collection`] holds several documents and the term statistics they share,
//!   so any pair can be compared without redoing per-report work (the app keeps
//!   the five bundled reports in one collection).
//! - [`Collection::compare`] (or the one-shot [`compare`]) aligns two reports
//!   ([`align`]) and diffs words inside each aligned pair ([`inline`]), giving a
//!   [`Comparison`]: rows in reading order, each a pair of byte ranges.
//! - [`coarse::compare`] pairs only identical sentences (in order) in
//!   O(n log n): the app's fallback when a huge pair runs past its deadline.
//! - [`overview::build`] puts all reports of a collection side by side: the
//!   story map, coverage, quote groups, figures and names, and a summary.
//!
//! Every function here accepts any `&str` and never panics.

pub mod align;
pub mod bilingual;
pub mod boilerplate;
pub mod coarse;
mod collection;
mod document;
pub mod inline;
pub mod myers;
pub mod overview;
pub mod quotes;
pub mod restatement;
mod rows;
pub mod score;
pub mod segment;
/// Sentence vectors (semantic similarity) from precomputed and word-vector tables.
pub mod semantic;
pub mod sort;
pub mod token;
mod types;

pub use collection::{compare, Collection, Semantics};
pub use document::Document;
pub use types::{
    Comparison, Confidence, Coverage, Link, NumberChange, Options, Relation, Row, RowKind, Span,
    Stats,
};
