//! One article's work, from its manifest row and text to the rows it leaves behind: extract
//! the mentions, read them as claims (measure, period), apply the review sheet's decisions on
//! the article, and make its rows. Nothing else of the article (its text, its tokens) outlives
//! this function, so a build holds rows, not the corpus.

use std::collections::BTreeMap;
use std::sync::Mutex;

use crate::corpus::Source;
use crate::error::{Error, Result};
use crate::extract::{ArticleContext, Extraction, Extractor, Mention};
use crate::knowledge::Knowledge;
use crate::load::rows::{MentionRow, SourceRow, StatementRow};
use crate::review::{self, ArticleReview, Decision, Decisions, Verdicts};
use crate::transform::statements::statement_rows;
use crate::transform::{as_of, claims, fixed_periods, group_periods, point_periods, running_totals, same_time};

/// The extractors of one thread, one per language, compiled on first use.
type Extractors<'k> = BTreeMap<&'k str, Extractor<'k>>;

/// What the work on every article shares: the knowledge, the compiled extractors and the
/// review sheet's decisions by article.
pub struct Tools<'k> {
    pub knowledge: &'k Knowledge,
    /// One slot per thread of the rayon pool (an extractor keeps state while it runs, so
    /// threads do not share one); a thread outside the pool uses slot 0.
    extractors: Vec<Mutex<Extractors<'k>>>,
    units: Vec<String>,
    review: Option<(&'k Decisions, BTreeMap<&'k str, Vec<&'k Decision>>)>,
}

impl<'k> Tools<'k> {
    /// Compile the extractors once for all articles; `review` is the corpus's sheet, if any.
    pub fn new(knowledge: &'k Knowledge, review: Option<&'k Decisions>) -> Tools<'k> {
        let extractors = (0..rayon::current_num_threads().max(1)).map(|_| Mutex::new(BTreeMap::new())).collect();
        let units = crate::knowledge::known_units(&knowledge.lexicons);
        Tools { knowledge, extractors, units, review: review.map(|d| (d, d.by_source())) }
    }

    /// Extract one article's mentions and read them as claims: measures and periods.
    pub fn extract(&self, source: &Source, text: &str) -> Result<Extraction> {
        let (lang, lexicon) = self.knowledge.lexicons.by_language.get_key_value(&source.language).ok_or_else(|| Error::Knowledge {
            file: "lexicon".into(),
            message: format!("no lexicon for language {:?} (article {})", source.language, source.source_id),
        })?;
        let slot = rayon::current_thread_index().unwrap_or(0) % self.extractors.len();
        let mut extractors = self.extractors[slot].lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let extractor = extractors.entry(lang.as_str()).or_insert_with(|| Extractor::new(lexicon));
        let format =
            crate::knowledge::decide_number_format(self.knowledge, lexicon, source.number_format, text, source.url.as_deref(), source.publisher.as_deref());
        let url_date = source.url.as_deref().and_then(crate::corpus::url_date);
        let mut ex = extractor.extract(text, ArticleContext { published: source.published, number_format: Some(format), url_date });
        drop(extractors);
        // What the present tense is dated by: the article's date, else, for an article nothing
        // dates (not even its url), the latest time its story names. Where a running total or a
        // since phrase ends: that, or, for an article its url dates only to a year, that year.
        let words = self.knowledge.periods.words(lang);
        let named = || as_of::latest_named_time(&ex.doc, &ex.mentions, lexicon, words);
        let reference_period = ex.reference_period.or_else(|| if url_date.is_none() { named() } else { None });
        let now = reference_period.or_else(|| as_of::undated_article_year(url_date));
        claims::assign_measures(&ex.doc, &mut ex.mentions, &self.knowledge.measures, lexicon);
        as_of::assign_as_of_until(&ex.doc, &mut ex.mentions, lexicon, words, ex.reference_date, reference_period, now);
        running_totals::apply(&ex.doc, &mut ex.mentions, &self.knowledge.periods, lexicon, self.knowledge.periods.words(lang), now);
        group_periods::apply(&mut ex.mentions, &self.knowledge.periods);
        fixed_periods::apply(&mut ex.mentions, &self.knowledge.periods);
        point_periods::apply(&mut ex.mentions, &self.knowledge.periods);
        same_time::apply(&ex.doc, &mut ex.mentions, &self.knowledge.periods, words, reference_period);
        Ok(ex)
    }

    /// Apply the review sheet's decisions on this article to its mentions.
    fn review(&self, source: &Source, ex: &mut Extraction) -> Result<(ArticleReview, Verdicts)> {
        let Some((decisions, by_source)) = &self.review else {
            return Ok(Default::default());
        };
        let of_article = by_source.get(source.source_id.as_str()).map_or(&[][..], Vec::as_slice);
        review::apply_to_article(decisions, of_article, &source.source_id, &mut ex.mentions, &self.knowledge.measures, &self.units)
    }
}

/// The rows one article leaves behind.
#[derive(Debug)]
pub struct ArticleRows {
    pub source: SourceRow,
    pub mentions: Vec<MentionRow>,
    pub statements: Vec<StatementRow>,
    /// What the review sheet did to the article's mentions.
    pub review: ArticleReview,
}

/// One article's whole work: text in, rows out.
pub fn article_rows(source: &Source, text: &str, tools: &Tools) -> Result<ArticleRows> {
    let mut ex = tools.extract(source, text)?;
    let (review, verdicts) = tools.review(source, &mut ex)?;
    Ok(ArticleRows {
        source: source_row(source, &ex),
        mentions: mention_rows(source, &ex, &verdicts),
        statements: statement_rows(source, &ex, &verdicts),
        review,
    })
}

/// One article's rows, or, when reading it hits a bug of cecot-data (a panic), its row of the
/// sources table alone and a warning naming it: the article is not at fault, so the build does
/// not refuse the corpus for it, and the user learns which article to report.
pub fn article_rows_or_left_out(source: &Source, text: &str, tools: &Tools) -> Result<ArticleRows> {
    left_out_on_panic(source, text, || article_rows(source, text, tools))
}

/// What `read` returns, or the article's manifest row alone (and a warning) if it panics.
fn left_out_on_panic(source: &Source, text: &str, read: impl FnOnce() -> Result<ArticleRows>) -> Result<ArticleRows> {
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(read));
    read.unwrap_or_else(|panic| {
        let why = panic.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| panic.downcast_ref::<String>().cloned()).unwrap_or_default();
        eprintln!(
            "warning: {} ({}): cecot-data hit a bug of its own reading this article ({why}); its figures are left out of this build. Please report it with the article.",
            source.source_id, source.path
        );
        Ok(ArticleRows { source: manifest_row(source, text.chars().count()), mentions: Vec::new(), statements: Vec::new(), review: ArticleReview::default() })
    })
}

/// The article's row of the sources table: its manifest row and what was found in it.
fn source_row(s: &Source, ex: &Extraction) -> SourceRow {
    SourceRow {
        number_format: ex.number_format.format.as_str().to_string(),
        number_format_basis: ex.number_format.basis.as_str().to_string(),
        n_mentions: ex.mentions.len() as i64,
        n_statements: ex.mentions.iter().filter(|m| m.is_statement).count() as i64,
        ..manifest_row(s, ex.doc.chars.len())
    }
}

/// The article's row of the sources table from its manifest row alone (nothing found in it).
fn manifest_row(s: &Source, chars: usize) -> SourceRow {
    SourceRow {
        source_id: s.source_id.clone(),
        path: s.path.clone(),
        sha256: s.sha256.clone(),
        title: s.title.clone(),
        url: s.url.clone(),
        publisher: s.publisher.clone(),
        author: s.author.clone(),
        published: s.published,
        retrieved: s.retrieved,
        language: s.language.clone(),
        notes: s.notes.clone(),
        number_format: String::new(),
        number_format_basis: String::new(),
        chars: chars as i64,
        n_mentions: 0,
        n_statements: 0,
    }
}

/// A bound of the mentions table, written as the guideline writes values: a number, or the
/// ISO date of a date range's end.
fn bound(number: Option<f64>, date: Option<crate::period::Point>) -> Option<String> {
    number.map(crate::extract::format_value).or_else(|| date.map(|d| d.to_string()))
}

/// The article's rows of the mentions table.
fn mention_rows(source: &Source, ex: &Extraction, verdicts: &Verdicts) -> Vec<MentionRow> {
    let row = |(j, m): (usize, &Mention)| {
        let (review, reviewer) = review::review_cells(verdicts.get(&j));
        MentionRow {
            mention_id: format!("{}:{}-{}", source.source_id, m.start, m.end),
            source_id: source.source_id.clone(),
            start: m.start as i64,
            end: m.end as i64,
            surface: m.surface.clone(),
            kind: m.kind.to_string(),
            value: m.value.clone(),
            low: bound(m.low, m.date_range.map(|r| r.start)),
            high: bound(m.high, m.date_range.map(|r| r.end)),
            qualifier: m.qualifier.to_string(),
            unit: m.unit.clone(),
            is_statement: m.is_statement,
            measure: m.measure.clone(),
            as_of: m.as_of.map(|p| p.to_string()),
            sentence: ex.doc.sentence_text(m.sentence),
            review,
            reviewer,
        }
    };
    ex.mentions.iter().enumerate().map(row).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_that_trips_a_bug_keeps_its_source_row_and_loses_only_its_figures() {
        let source = Source { source_id: "en_x".into(), path: "articles/en_x.txt".into(), language: "en".into(), ..Default::default() };
        let rows = left_out_on_panic(&source, "Two é.", || panic!("a bug")).expect("the build goes on");
        assert_eq!((rows.source.source_id.as_str(), rows.source.chars, rows.source.n_mentions), ("en_x", 6, 0));
        assert!(rows.mentions.is_empty() && rows.statements.is_empty());
    }
}
