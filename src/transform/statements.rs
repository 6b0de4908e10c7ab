//! The statements table: one analysis-ready row per claim.

use chrono::NaiveDate;

use crate::corpus::Source;
use crate::extract::Extraction;
use crate::load::schema;
use crate::load::{Cell, Table};

use super::claims::as_of_bounds;

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

/// One row per mention that is a statement.
pub fn statements_table(sources: &[Source], extractions: &[Extraction]) -> Table {
    let mut table = Table::new(&schema::STATEMENTS);
    for (source, ex) in sources.iter().zip(extractions) {
        for m in ex.mentions.iter().filter(|m| m.is_statement) {
            let is_date = matches!(m.kind, "date" | "year");
            let value = if is_date { None } else { m.number() };
            let value_date = if is_date { m.value.as_deref().and_then(|v| as_of_bounds(v).map(|b| b.0)) } else { None };
            let (lo, hi) = if is_date { (None, None) } else { interval(m.qualifier, value, m.low, m.high) };
            let bounds: Option<(NaiveDate, NaiveDate)> = m.as_of.map(|p| p.bounds());
            table.push(vec![
                Cell::text(format!("{}:{}-{}", source.source_id, m.start, m.end)),
                Cell::text(source.source_id.clone()),
                Cell::opt_text(m.measure.clone()),
                Cell::opt_text(m.measure_evidence.clone()),
                Cell::text(m.kind),
                Cell::opt_num(value),
                Cell::opt_date(value_date),
                Cell::opt_num(m.low),
                Cell::opt_num(m.high),
                Cell::text(m.qualifier),
                Cell::opt_text(m.unit.clone()),
                Cell::opt_text(m.as_of.map(|p| p.to_string())),
                Cell::opt_date(bounds.map(|b| b.0)),
                Cell::opt_date(bounds.map(|b| b.1)),
                Cell::opt_num(lo.map(crate::extract::tidy)),
                Cell::opt_num(hi.map(crate::extract::tidy)),
                Cell::text(ex.doc.sentence_text(m.sentence)),
                Cell::opt_text(source.publisher.clone()),
                Cell::opt_date(source.published),
                Cell::text(m.review.as_str()),
                Cell::opt_text(m.reviewer.clone()),
            ]);
        }
    }
    table
}
