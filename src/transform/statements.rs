//! The statements table: one analysis-ready row per claim.

use chrono::NaiveDate;

use crate::corpus::Source;
use crate::extract::{Extraction, Mention};
use crate::load::rows::StatementRow;
use crate::review::{review_cells, Verdicts};

use super::as_of::as_of_bounds;

/// Relative half-width of the interval an `approximately` claim allows.
pub const APPROXIMATELY_TOLERANCE: f64 = 0.10;
/// How far below the stated figure a `just_under` claim may be, relative.
pub const JUST_UNDER_TOLERANCE: f64 = 0.02;

/// The numeric interval a claim allows, from its qualifier (None = unbounded on that side).
pub fn interval(qualifier: &str, value: Option<f64>, low: Option<f64>, high: Option<f64>) -> (Option<f64>, Option<f64>) {
    match (qualifier, value) {
        ("range", _) => (low, high),
        ("vague", _) => (low, None),
        ("exact", Some(v)) => (Some(v), Some(v)),
        ("approximately", Some(v)) => (Some(v * (1.0 - APPROXIMATELY_TOLERANCE)), Some(v * (1.0 + APPROXIMATELY_TOLERANCE))),
        ("more_than", Some(v)) | ("at_least", Some(v)) => (Some(v), None),
        ("less_than", Some(v)) | ("at_most", Some(v)) => (None, Some(v)),
        ("just_under", Some(v)) => (Some(v * (1.0 - JUST_UNDER_TOLERANCE)), Some(v)),
        _ => (None, None),
    }
}

/// The statements of one article: a row per mention that is a statement.
pub fn statement_rows(source: &Source, ex: &Extraction, verdicts: &Verdicts) -> Vec<StatementRow> {
    let statement = |(j, m): (usize, &Mention)| {
        let (review, reviewer) = review_cells(verdicts.get(&j));
        let is_date = matches!(m.kind, "date" | "year");
        let value = if is_date { None } else { m.number() };
        let value_date = if is_date { m.value.as_deref().and_then(|v| as_of_bounds(v).map(|b| b.0)).or(m.date_range.map(|r| r.bounds().0)) } else { None };
        let (lo, hi) = if is_date { (None, None) } else { interval(m.qualifier, value, m.low, m.high) };
        let bounds: Option<(NaiveDate, NaiveDate)> = m.as_of.map(|p| p.bounds());
        StatementRow {
            statement_id: format!("{}:{}-{}", source.source_id, m.start, m.end),
            source_id: source.source_id.clone(),
            measure: m.measure.clone(),
            measure_evidence: m.measure_evidence.clone(),
            kind: m.kind.to_string(),
            value,
            value_date,
            low: m.low,
            high: m.high,
            qualifier: m.qualifier.to_string(),
            unit: m.unit.clone(),
            as_of: m.as_of.map(|p| p.to_string()),
            as_of_start: bounds.map(|b| b.0),
            as_of_end: bounds.map(|b| b.1),
            interval_low: lo.map(crate::extract::tidy),
            interval_high: hi.map(crate::extract::tidy),
            quote: ex.doc.sentence_text(m.sentence),
            as_of_start_from: None,
            publisher: source.publisher.clone(),
            published: source.published,
            review,
            reviewer,
        }
    };
    ex.mentions.iter().enumerate().filter(|(_, m)| m.is_statement).map(statement).collect()
}
