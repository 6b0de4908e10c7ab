//! Extract: find every numeric mention in an article and type it by the rules of
//! GUIDELINE.md. One public entry point, [`extract`], from text and lexicon to mentions.

mod grammar;
pub mod lexicon;
pub mod lookup;
pub(crate) mod phrases;
pub mod text;

use chrono::NaiveDate;

use crate::corpus::number_format::Decision;

pub(crate) use grammar::ARTICLES;
pub use lexicon::{Lexicon, Lexicons};

/// One numeric mention: a span of the article and how it reads.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Code-point offsets, end exclusive.
    pub start: usize,
    pub end: usize,
    pub surface: String,
    /// One of [`crate::load::schema::KINDS`].
    pub kind: &'static str,
    /// Canonical value: a number, an ISO date, or `HH:MM`; `None` for ranges and vague plurals.
    pub value: Option<String>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// The months or days a date range covers ("primer trimestre de 2024" -> 2024-01/2024-03):
    /// its bounds are dates, not numbers, so they are not `low` and `high`.
    pub date_range: Option<crate::period::Period>,
    /// One of [`crate::load::schema::QUALIFIERS`].
    pub qualifier: &'static str,
    pub unit: Option<String>,
    pub is_statement: bool,
    pub measure: Option<String>,
    /// The words that decided `measure` (or why a projection got none), for a reviewer.
    pub measure_evidence: Option<String>,
    pub as_of: Option<crate::period::Period>,
    /// Index of the sentence in [`text::Doc::sentences`].
    pub sentence: usize,
}

impl Mention {
    /// The numeric value, when `value` is a number.
    pub fn number(&self) -> Option<f64> {
        self.value.as_deref().and_then(|v| v.parse().ok())
    }
}

/// Everything the extractor needs to know about the article besides its text.
#[derive(Debug, Clone, Copy, Default)]
pub struct ArticleContext {
    /// Publication date from the manifest: anchors dates without a year and present tense.
    pub published: Option<NaiveDate>,
    /// How the article writes its numbers, decided once for the whole article
    /// ([`crate::corpus::number_format::decide`]); `None` reads them in the language's format.
    pub number_format: Option<Decision>,
    /// A date from outside the text for when neither the manifest nor a dateline dates the
    /// article: the date in its url (`/2025/03/27/`, `/2025/02/`), at the precision written.
    pub url_date: Option<crate::period::Point>,
}

/// The mentions of one article with the tokenised text they point into.
#[derive(Debug)]
pub struct Extraction {
    pub doc: text::Doc,
    pub mentions: Vec<Mention>,
    /// The date relative expressions were resolved against: the manifest's published date,
    /// else a dateline found at the top of the text.
    pub reference_date: Option<NaiveDate>,
    /// The same date at the precision the text gives it: `2025-07-23`, or `2025-02` for a
    /// dateline that names only a month.
    pub reference_period: Option<crate::period::Period>,
    /// The number format the article was read in, and what decided it.
    pub number_format: Decision,
}

/// An extractor for one language: the lexicon compiled once, reused for every article.
pub struct Extractor<'a> {
    grammar: grammar::Grammar<'a>,
}

impl<'a> Extractor<'a> {
    pub fn new(lexicon: &'a Lexicon) -> Extractor<'a> {
        Extractor { grammar: grammar::Grammar::new(lexicon) }
    }

    /// Find and type every numeric mention of `text`.
    pub fn extract(&self, text: &str, context: ArticleContext) -> Extraction {
        let doc = text::Doc::new(text);
        let number_format = context.number_format.unwrap_or_else(|| self.grammar.default_number_format());
        let (mentions, dated) = self.grammar.run(&doc, context.published, context.url_date, number_format.format);
        let (reference_date, reference_period) = dated.map_or((None, None), |(d, p)| (Some(d), crate::period::Period::parse(&p)));
        Extraction { doc, mentions, reference_date, reference_period, number_format }
    }
}

/// Find and type every numeric mention of `text` (compiles the lexicon; for many articles,
/// build one [`Extractor`] per language).
pub fn extract(text: &str, lexicon: &Lexicon, context: ArticleContext) -> Extraction {
    Extractor::new(lexicon).extract(text, context)
}

/// Format a number the way the dataset writes values: no exponent, no float noise
/// (`3.3 * 1e6` is `3300000`).
pub fn format_value(x: f64) -> String {
    crate::load::table::format_number(tidy(x))
}

/// Round away binary noise from scaled decimals.
pub fn tidy(x: f64) -> f64 {
    if !x.is_finite() {
        return x;
    }
    let r = x.round();
    if (x - r).abs() < 1e-6 * x.abs().max(1.0) {
        return r;
    }
    let scale = 1e10;
    (x * scale).round() / scale
}
