//! How passages were matched, in one quiet line: the bundled reports carry
//! precomputed sentence vectors, other texts (a corpus, the reader's own) use
//! the word table, which the app fetches when such a text needs it. Until it
//! arrives, or if it cannot, the comparison rests on shared words, and the
//! line says so.

use crate::engine::semantic::Source;

/// Where the word table stands in this page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum WordTablePhase {
    /// Not asked for (no text has needed it).
    #[default]
    NotLoaded,
    /// Being fetched.
    Loading,
    /// Parsed and in use.
    Loaded,
    /// It could not be used: why.
    Failed(String),
}

/// The line for a comparison whose collection took its vectors from `source`
/// (`None`: shared words alone), given where the word table stands; `None`
/// when there is nothing to say (the semantic signal is in use, or fewer than
/// two texts are compared).
///
/// ```
/// use report_diff::view::{signal_note, WordTablePhase};
/// use report_diff::engine::semantic::Source;
/// assert_eq!(signal_note(Some(Source::SentenceModel), &WordTablePhase::NotLoaded, 5), None);
/// assert!(signal_note(None, &WordTablePhase::Loading, 2).unwrap().contains("for now"));
/// ```
pub fn signal_note(source: Option<Source>, phase: &WordTablePhase, texts: usize) -> Option<String> {
    if source.is_some() || texts < 2 {
        return None;
    }
    Some(match phase {
        WordTablePhase::NotLoaded | WordTablePhase::Loading => {
            "Matching passages by shared words for now: the word vectors, which also match \
             rewordings and translations, are loading."
                .to_string()
        }
        WordTablePhase::Failed(why) => format!(
            "Passages are matched by shared words only: the word vectors could not be loaded \
             ({why}). Reload the page to try again."
        ),
        WordTablePhase::Loaded => "Passages are matched by shared words only: the word vectors \
                                   know none of these texts' words."
            .to_string(),
    })
}

/// The signal a collection rests on, as the `data-signal` hook says it
/// (`sentence_model`, `word_vectors`, `caller`, `words`).
pub fn signal_name(source: Option<Source>) -> &'static str {
    match source {
        Some(Source::SentenceModel) => "sentence_model",
        Some(Source::WordVectors) => "word_vectors",
        Some(Source::Caller) => "caller",
        None => "words",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_only_while_words_alone_match() {
        for phase in [
            WordTablePhase::NotLoaded,
            WordTablePhase::Loading,
            WordTablePhase::Loaded,
            WordTablePhase::Failed("offline".into()),
        ] {
            for source in [Some(Source::SentenceModel), Some(Source::WordVectors)] {
                assert_eq!(signal_note(source, &phase, 3), None);
            }
            assert_eq!(
                signal_note(None, &phase, 1),
                None,
                "one text: nothing to compare"
            );
            let line = signal_note(None, &phase, 2).unwrap();
            assert!(line.contains("shared words"), "{line}");
        }
        let failed = signal_note(
            None,
            &WordTablePhase::Failed("the server answered 404".into()),
            2,
        );
        assert!(failed.unwrap().contains("(the server answered 404)"));
        assert_eq!(signal_name(None), "words");
    }
}
