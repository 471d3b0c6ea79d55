//! One report, segmented and analysed once.

use super::bilingual::{self, Bilingual};
use super::boilerplate::{self, Boilerplate};
use super::segment::{self, Segment, SegmentKind};
use super::{quotes, restatement, token, Span};

/// Shortest sentence (in words) that can state a fact: shorter lines are
/// labels ("Key Takeaways", "Share") and say nothing a reader can compare.
pub const MIN_FACT_WORDS: usize = 4;
/// One report, segmented and analysed once.
#[derive(Clone, Debug)]
pub struct Document {
    pub(super) text: String,
    pub(super) segments: Vec<Segment>,
    pub(super) boilerplate: Vec<Option<Boilerplate>>,
    pub(super) restatement: Vec<bool>,
    pub(super) bilingual: Option<Bilingual>,
    pub(super) features: Vec<Vec<String>>,
    pub(super) quotes: Vec<Span>,
    /// Words (and CJK characters) per segment, for similarity weights.
    pub(super) words: Vec<usize>,
}

impl Document {
    /// Segments and analyses `text`.
    ///
    /// ```
    /// use report_diff::engine::Document;
    /// let d = Document::new("Headline\nFirst sentence. Second one.\nShare");
    /// assert_eq!(d.segments().len(), 4);
    /// assert!(d.boilerplate()[3].is_some());
    /// ```
    pub fn new(text: &str) -> Self {
        let segments = segment::segment(text);
        let mut boilerplate = boilerplate::flag(text, &segments);
        let bilingual = bilingual::detect(text, &segments, &boilerplate);
        let restatement = restatement::mark(text, &segments, &boilerplate);
        // The labels that announce a summary or a Q&A are interface text.
        for (s, flag) in segments.iter().zip(&mut boilerplate) {
            if flag.is_none()
                && s.kind == SegmentKind::Heading
                && restatement::is_label(&text[s.text.0..s.text.1])
            {
                *flag = Some(Boilerplate::Navigation);
            }
        }
        let features = segments
            .iter()
            .map(|s| token::features(&text[s.text.0..s.text.1]))
            .collect();
        let mut doc = Document {
            text: text.to_string(),
            segments,
            boilerplate,
            restatement,
            bilingual,
            features,
            quotes: Vec::new(),
            words: Vec::new(),
        };
        doc.words = doc
            .segments
            .iter()
            .map(|s| token::word_count(&doc.text[s.text.0..s.text.1]))
            .collect();
        doc.quotes = doc.find_quotes();
        doc
    }

    /// Quotes in story paragraphs (not boilerplate, not a translation copy);
    /// searched per paragraph, since a quote may run over several sentences.
    fn find_quotes(&self) -> Vec<Span> {
        segment::paragraphs(&self.segments)
            .filter(|p| {
                p.clone()
                    .all(|k| self.boilerplate[k].is_none() && !self.is_translation(k))
            })
            .flat_map(|p| {
                let span = Span(
                    self.segments[p.start].text.0,
                    self.segments[p.end - 1].text.1,
                );
                quotes::find(&self.text, span)
            })
            .collect()
    }

    /// Direct quotes in the story, in order.
    pub fn quotes(&self) -> &[Span] {
        &self.quotes
    }

    /// The report's text, exactly as given.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Sentences, headings and list items, covering the text in order.
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// Boilerplate flag of each segment.
    pub fn boilerplate(&self) -> &[Option<Boilerplate>] {
        &self.boilerplate
    }

    /// Whether each segment restates the article (summary, key takeaways,
    /// editor's note, Q&A).
    pub fn restatement(&self) -> &[bool] {
        &self.restatement
    }

    /// The two language blocks, when the report carries a translation.
    pub fn bilingual(&self) -> Option<&Bilingual> {
        self.bilingual.as_ref()
    }

    /// True when segment `i` is a question: it asks, so it reports no fact
    /// and pairs only with another question. The headline still states its
    /// news when it ends with a question ("Trump delays the order: what is
    /// behind it?"), so it does not count.
    pub fn is_question(&self, i: usize) -> bool {
        self.headline() != Some(i)
            && self
                .segments
                .get(i)
                .is_some_and(|s| segment::is_question(&self.text[s.text.0..s.text.1]))
    }

    /// Index of the headline: the first story segment, when it is a heading
    /// among the first few paragraphs.
    pub fn headline(&self) -> Option<usize> {
        let i = (0..self.segments.len()).find(|&i| self.boilerplate[i].is_none())?;
        let s = &self.segments[i];
        (s.kind == SegmentKind::Heading && s.paragraph < 6).then_some(i)
    }

    /// True when segment `i` can state a fact of the story: not site chrome,
    /// not the translated copy of a bilingual report, and at least
    /// [`MIN_FACT_WORDS`] words long. Coverage counts these sentences, in the
    /// pair view and in the overview alike.
    pub fn states_fact(&self, i: usize) -> bool {
        self.boilerplate.get(i).is_some_and(Option::is_none)
            && !self.is_translation(i)
            && self.words.get(i).is_some_and(|&w| w >= MIN_FACT_WORDS)
    }

    /// True when segment `i` belongs to the second-language block of a
    /// bilingual report (a translation of the first block).
    pub fn is_translation(&self, i: usize) -> bool {
        self.bilingual
            .as_ref()
            .is_some_and(|b| i >= b.second_start_segment)
    }
}
