//! View models: what each view shows, derived from the engine's results once
//! per input. Pure Rust with no web dependency, so they are tested natively;
//! the Yew components only turn them into elements. Texts are `Rc<str>`, so
//! rendering clones pointers, not strings.
//!
//! - [`split_model`]: the aligned side-by-side comparison.
//! - [`quotes_model`]: quotes matched across the two reports.
//! - [`translation_model`]: a bilingual report's two language blocks.
//! - [`overview_model`]: all reports at once (coverage, story map, quotes,
//!   figures, names), filtered by report.
//!
//! Everything a reader reads comes from an explicit method ([`Label`],
//! `as_str`, `label`), never from `Debug` output.

mod overview;
mod quotes;
mod signal;
mod split;
mod translation;

use std::rc::Rc;

use crate::engine::boilerplate::Boilerplate;
use crate::engine::inline::{InlineOp, Tag};
use crate::engine::segment::Lang;

pub use overview::{
    overview_model, Column, CoverageCell, CoverageRow, FactRow, FigureCell, FigureRow, Link, Mark,
    NameRow, OverviewFilter, OverviewModel, QuoteRow, Scope, Tally, Wording,
};
pub use quotes::{quotes_model, QuotePair, QuoteSingle, QuotesModel};
pub use signal::{signal_name, signal_note, WordTablePhase};
pub use split::{
    split_model, AlsoLink, Block, Cell, CellKind, Change, ChangeKind, Chunk, Echo, Fold, FoldKind,
    Jump, Slot, SplitBuilder, SplitModel, SplitRow, CHUNK_ROWS, FOLD_KEEP, FOLD_MIN, LOOSE,
    WINDOW_MIN_ROWS,
};
pub use translation::{translation_model, TranslationModel, TranslationRow};

/// One of the two reports being compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// Report A (the left pane).
    A,
    /// Report B (the right pane).
    B,
}

impl Side {
    /// Both sides, A first.
    pub const BOTH: [Side; 2] = [Side::A, Side::B];

    /// `"a"` or `"b"`: element ids and `data-pane` values.
    pub fn as_str(self) -> &'static str {
        match self {
            Side::A => "a",
            Side::B => "b",
        }
    }

    /// `"A"` or `"B"`: what a reader sees.
    pub fn letter(self) -> &'static str {
        match self {
            Side::A => "A",
            Side::B => "B",
        }
    }

    /// The other side.
    pub fn other(self) -> Side {
        match self {
            Side::A => Side::B,
            Side::B => Side::A,
        }
    }

    /// Picks this side's value of a pair `(a, b)`.
    pub fn pick<T>(self, a: T, b: T) -> T {
        match self {
            Side::A => a,
            Side::B => b,
        }
    }
}

/// A run of a passage's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Text both reports have (under the options).
    Same(Rc<str>),
    /// Text only A has.
    Removed(Rc<str>),
    /// Text only B has.
    Added(Rc<str>),
}

impl Piece {
    /// The piece's text.
    pub fn text(&self) -> &str {
        match self {
            Piece::Same(t) | Piece::Removed(t) | Piece::Added(t) => t,
        }
    }
}

/// One side of a word-level diff as runs of same / changed text: A's side
/// holds [`Piece::Same`] and [`Piece::Removed`], B's [`Piece::Same`] (in B's
/// wording) and [`Piece::Added`].
///
/// ```
/// use report_diff::engine::{inline::diff, Options, Span};
/// use report_diff::view::{side_pieces, Piece, Side};
/// let (a, b) = ("Trump delayed it.", "Trump paused it.");
/// let ops = diff(a, Span(0, a.len()), b, Span(0, b.len()), &Options::default());
/// assert_eq!(side_pieces(&ops, Side::B)[1], Piece::Added("paused".into()));
/// assert_eq!(side_pieces(&ops, Side::A)[1], Piece::Removed("delayed".into()));
/// ```
pub fn side_pieces(ops: &[InlineOp], side: Side) -> Vec<Piece> {
    ops.iter()
        .filter_map(|op| match (op.tag, side) {
            (Tag::Equal, Side::A) => Some(Piece::Same(op.text.as_str().into())),
            (Tag::Equal, Side::B) => Some(Piece::Same(op.b_side().into())),
            (Tag::Delete, Side::A) => Some(Piece::Removed(op.text.as_str().into())),
            (Tag::Insert, Side::B) => Some(Piece::Added(op.text.as_str().into())),
            _ => None,
        })
        .collect()
}

/// How boilerplate is displayed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum BoilerplateDisplay {
    /// Each run folded into one quiet line with a "show" button (the app's
    /// default: the story first, nothing lost).
    #[default]
    Fold,
    /// Greyed out.
    Dim,
    /// Like any passage.
    Show,
    /// Left out.
    Hide,
}

impl BoilerplateDisplay {
    /// Every mode, in the order the control lists them.
    pub const ALL: [BoilerplateDisplay; 4] = [Self::Fold, Self::Dim, Self::Show, Self::Hide];

    /// The URL / form value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Fold => "fold",
            Self::Show => "show",
            Self::Dim => "dim",
            Self::Hide => "hide",
        }
    }

    /// What the control shows.
    pub fn label(self) -> &'static str {
        match self {
            Self::Fold => "folded",
            Self::Show => "shown",
            Self::Dim => "dimmed",
            Self::Hide => "left out",
        }
    }

    /// Parses a URL / form value.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

/// A name shown to readers, for engine types that have none of their own.
pub trait Label {
    /// The reader-facing name, in lower case.
    fn label(&self) -> &'static str;
}

impl Label for Boilerplate {
    fn label(&self) -> &'static str {
        match self {
            Boilerplate::Navigation => "navigation",
            Boilerplate::Share => "share",
            Boilerplate::Byline => "byline",
            Boilerplate::Disclaimer => "disclaimer",
            Boilerplate::Attribution => "source",
            Boilerplate::Teaser => "teaser",
            Boilerplate::Advert => "advert",
            Boilerplate::Duplicate => "duplicate",
        }
    }
}

impl Label for Lang {
    fn label(&self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Zh => "Chinese",
            Lang::Other => "other script",
        }
    }
}

/// How many words a text has, as the pickers show it: runs of
/// non-whitespace, plus one per CJK character (a CJK text has no spaces).
/// One pass, ASCII bytes read without decoding: the page counts pasted texts
/// of 1 MB and more on its main thread.
///
/// ```
/// assert_eq!(report_diff::view::word_count("Two  words\n"), 2);
/// assert_eq!(report_diff::view::word_count("特朗普 said"), 5);
/// ```
pub fn word_count(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut words, mut in_word, mut i) = (0, false, 0);
    while i < bytes.len() {
        let b = bytes[i];
        let (space, cjk, len) = if b < 0x80 {
            // char::is_whitespace on ASCII.
            (
                matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r'),
                false,
                1,
            )
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (
                c.is_whitespace(),
                crate::engine::token::is_cjk(c),
                c.len_utf8(),
            )
        };
        words += usize::from(!space && !in_word) + usize::from(cjk);
        in_word = !space;
        i += len;
    }
    words
}

/// The text of a byte range, or `""` when the range does not fit `text`
/// (never a panic on a stale or foreign span).
pub(crate) fn slice(text: &str, span: crate::engine::Span) -> &str {
    text.get(span.0..span.1).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The one-pass count equals the plain definition on any text.
        #[test]
        fn word_count_is_words_plus_cjk_characters(text in "(\\PC|\\s|特|语){0,60}") {
            let plain = text.split_whitespace().count()
                + text.chars().filter(|&c| crate::engine::token::is_cjk(c)).count();
            proptest::prop_assert_eq!(word_count(&text), plain);
        }
    }

    #[test]
    fn labels_are_plain_words() {
        use Boilerplate::*;
        for b in [
            Navigation,
            Share,
            Byline,
            Disclaimer,
            Attribution,
            Teaser,
            Advert,
            Duplicate,
        ] {
            let l = b.label();
            assert!(l.chars().all(|c| c.is_ascii_lowercase()), "{l}");
        }
        assert_eq!(Attribution.label(), "source");
        assert_eq!(Lang::Zh.label(), "Chinese");
    }

    #[test]
    fn boilerplate_modes_parse_their_own_names() {
        for m in BoilerplateDisplay::ALL {
            assert_eq!(BoilerplateDisplay::parse(m.as_str()), Some(m));
        }
        assert_eq!(BoilerplateDisplay::parse("Dim"), None);
    }

    #[test]
    fn slice_never_panics() {
        use crate::engine::Span;
        assert_eq!(slice("abc", Span(1, 2)), "b");
        assert_eq!(slice("abc", Span(2, 9)), "");
        assert_eq!(slice("é", Span(1, 2)), "");
    }
}
