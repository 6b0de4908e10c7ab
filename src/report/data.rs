//! The finished tables, looked up the ways the pages need them (mentions by article,
//! statements and comparisons by measure, derived figures and comparisons by statement), built
//! once so no page scans a whole table.

use std::collections::BTreeMap;

use super::colours::SourceColours;
use super::rows::{Row, Rows};
use crate::error::Result;
use crate::load::Table;

/// The columns each table must have for the report.
const SOURCES_NEEDS: &[&str] = &["source_id", "path", "title", "url", "publisher", "author", "published", "n_mentions", "n_statements"];
const MENTIONS_NEEDS: &[&str] =
    &["mention_id", "source_id", "start", "end", "surface", "kind", "value", "low", "high", "qualifier", "unit", "is_statement", "measure", "as_of", "review"];
const STATEMENTS_NEEDS: &[&str] = &[
    "statement_id",
    "source_id",
    "measure",
    "kind",
    "value",
    "value_date",
    "qualifier",
    "unit",
    "as_of",
    "as_of_start",
    "as_of_end",
    "interval_low",
    "interval_high",
    "quote",
    "review",
];
const DERIVED_NEEDS: &[&str] = &["derived_id", "formula", "inputs", "value", "unit", "check", "check_statement_id", "note"];
const COMPARISONS_NEEDS: &[&str] = &["comparison_id", "measure", "as_of", "n_statements", "n_sources", "statement_ids", "min", "max", "spread", "verdict", "disagreeing_statement_ids", "undated_statement_ids"];

/// The tables and their lookups.
pub struct Data<'t> {
    pub sources: Rows<'t>,
    pub statements: Rows<'t>,
    pub derived: Rows<'t>,
    /// Mentions of each article, in table order.
    pub mentions_by_source: BTreeMap<&'t str, Vec<Row<'t>>>,
    /// Statements of each measure (statements without a measure are left out).
    pub statements_by_measure: BTreeMap<&'t str, Vec<Row<'t>>>,
    /// Measures, the most widely reported first: by distinct sources, then statements, then id.
    pub measures_ranked: Vec<&'t str>,
    /// Comparison rows of each measure: the whole measure and each period.
    pub comparisons_by_measure: BTreeMap<&'t str, Vec<Row<'t>>>,
    /// Positions in `derived` of the rows each statement enters or checks.
    pub derived_by_statement: BTreeMap<&'t str, Vec<usize>>,
    /// Comparison ids (with their measure) each statement is compared in.
    pub comparisons_by_statement: BTreeMap<&'t str, Vec<(&'t str, &'t str)>>,
    /// Who published each article, for legends and lists.
    pub source_labels: BTreeMap<&'t str, String>,
    pub colours: SourceColours,
}

impl<'t> Data<'t> {
    /// Index `tables`; an error names a table or column the report needs and did not get.
    pub fn new(tables: &'t [Table]) -> Result<Data<'t>> {
        let sources = Rows::find(tables, "sources", SOURCES_NEEDS)?;
        let mentions = Rows::find(tables, "mentions", MENTIONS_NEEDS)?;
        let statements = Rows::find(tables, "statements", STATEMENTS_NEEDS)?;
        let derived = Rows::find(tables, "derived", DERIVED_NEEDS)?;
        let comparisons = Rows::find(tables, "comparisons", COMPARISONS_NEEDS)?;
        let mut mentions_by_source: BTreeMap<&str, Vec<Row>> = BTreeMap::new();
        for m in mentions.iter() {
            mentions_by_source.entry(m.str("source_id")).or_default().push(m);
        }
        let mut statements_by_measure: BTreeMap<&str, Vec<Row>> = BTreeMap::new();
        for s in statements.iter().filter(|s| s.text("measure").is_some()) {
            statements_by_measure.entry(s.str("measure")).or_default().push(s);
        }
        let mut comparisons_by_measure: BTreeMap<&str, Vec<Row>> = BTreeMap::new();
        let mut comparisons_by_statement: BTreeMap<&str, Vec<(&str, &str)>> = BTreeMap::new();
        for c in comparisons.iter() {
            comparisons_by_measure.entry(c.str("measure")).or_default().push(c);
            for id in c.str("statement_ids").split(';').filter(|id| !id.is_empty()) {
                comparisons_by_statement.entry(id).or_default().push((c.str("comparison_id"), c.str("measure")));
            }
        }
        let mut derived_by_statement: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, d) in derived.iter().enumerate() {
            let mut ids: Vec<&str> = d.str("inputs").split(';').chain(d.text("check_statement_id")).filter(|id| !id.is_empty()).collect();
            ids.sort_unstable();
            ids.dedup();
            for id in ids {
                derived_by_statement.entry(id).or_default().push(i);
            }
        }
        let measures_ranked = rank_measures(&statements_by_measure);
        let source_labels = sources.iter().map(|s| (s.str("source_id"), source_label(&s))).collect();
        let colours = SourceColours::new(sources.iter().map(|s| s.str("source_id")));
        Ok(Data {
            sources,
            statements,
            derived,
            mentions_by_source,
            statements_by_measure,
            measures_ranked,
            comparisons_by_measure,
            derived_by_statement,
            comparisons_by_statement,
            source_labels,
            colours,
        })
    }

    /// The label of a source: its publisher and id, or its id alone.
    pub fn label(&self, source_id: &str) -> String {
        self.source_labels.get(source_id).cloned().unwrap_or_else(|| source_id.to_string())
    }

    /// The verdict on a whole measure (its comparison row without a period).
    pub fn verdict(&self, measure: &str) -> &'t str {
        let rows = self.comparisons_by_measure.get(measure);
        rows.and_then(|rows| rows.iter().find(|c| c.str("comparison_id") == measure)).map(|c| c.str("verdict")).unwrap_or("single")
    }
}

/// Measure ids, those stated by more sources (then by more statements) first.
fn rank_measures<'t>(statements_by_measure: &BTreeMap<&'t str, Vec<Row<'t>>>) -> Vec<&'t str> {
    let mut ranked: Vec<(usize, usize, &str)> = statements_by_measure
        .iter()
        .map(|(measure, claims)| {
            let mut sources: Vec<&str> = claims.iter().map(|c| c.str("source_id")).collect();
            sources.sort_unstable();
            sources.dedup();
            (sources.len(), claims.len(), *measure)
        })
        .collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(b.2)));
    ranked.into_iter().map(|(_, _, m)| m).collect()
}

/// `Publisher (source_id)`, or the id alone when the clipping names no publisher.
fn source_label(source: &Row) -> String {
    match source.text("publisher") {
        Some(p) => format!("{p} ({})", source.str("source_id")),
        None => source.str("source_id").to_string(),
    }
}
