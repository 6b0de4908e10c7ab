//! The cross-source comparison: for each measure, do the statements that state it agree?
//!
//! Each statement allows an interval of values, from its qualifier ([`super::inputs`]):
//! `more than 50` and `roughly 55` overlap (consistent); `40` and `more than 50` cannot both
//! be true (conflicting). Statements about different periods may differ without contradicting
//! each other: a cumulative count 10 -> 20 -> 30 over three periods is a time series.

use std::collections::{BTreeMap, BTreeSet};

use crate::load::rows::ComparisonRow;

use super::claims::Catalog as MeasureCatalog;
use super::inputs::{seconds_per_unit, unit_factor, Claim, Interval};

/// How a set of claims about one measure relate: `single`, `consistent` (one value satisfies
/// them all), `time_series` (they disagree only across periods: each period's claims agree, and
/// each claim without a period agrees with some period) or `conflicting`.
pub fn verdict(claims: &[(Interval, Option<&str>)]) -> &'static str {
    verdict_of(claims, false)
}

/// [`verdict`], for a measure that only grows over time when `cumulative` (deaths since a date,
/// arrests so far): there a claim without a period that sets only a floor ("at least 300")
/// cannot contradict the series, whatever its periods say, so it does not break a time series.
pub fn verdict_of(claims: &[(Interval, Option<&str>)], cumulative: bool) -> &'static str {
    if claims.len() <= 1 {
        return "single";
    }
    if common(claims.iter().map(|c| &c.0)).is_some() {
        return "consistent";
    }
    let mut periods: BTreeMap<&str, Vec<&Interval>> = BTreeMap::new();
    for (i, as_of) in claims {
        if let Some(a) = as_of {
            periods.entry(a).or_default().push(i);
        }
    }
    let mut agreed = Vec::new();
    for group in periods.values() {
        match common(group.iter().copied()) {
            Some(i) => agreed.push(i),
            None => return "conflicting",
        }
    }
    let floor_only = |i: &Interval| i.high.is_infinite();
    let undated_fit = claims.iter().filter(|c| c.1.is_none()).all(|(i, _)| (cumulative && floor_only(i)) || agreed.iter().any(|a| a.intersect(i).is_some()));
    if periods.len() >= 2 && undated_fit {
        "time_series"
    } else {
        "conflicting"
    }
}

/// The values every interval admits, or None.
fn common<'a>(mut intervals: impl Iterator<Item = &'a Interval>) -> Option<Interval> {
    let first = *intervals.next()?;
    intervals.try_fold(first, |acc, i| acc.intersect(i))
}

/// One row per measure stated by at least one statement, plus one per period
/// (`<measure>@<as_of>`) where the measure's statements describe different periods.
pub fn compare(claims: &[Claim], measures: &MeasureCatalog) -> Vec<ComparisonRow> {
    let mut by_measure: BTreeMap<&str, Vec<&Claim>> = BTreeMap::new();
    for c in claims.iter().filter(|c| c.interval().is_some()) {
        by_measure.entry(c.measure.as_str()).or_default().push(c);
    }
    let mut rows: Vec<ComparisonRow> = Vec::new();
    for (measure, group) in &by_measure {
        let unit = common_unit(measure, group, measures);
        let cumulative = measures.get(measure).is_some_and(|m| m.cumulative);
        rows.push(row(measure.to_string(), measure, None, group, unit.as_deref(), cumulative));
        let periods: BTreeSet<&str> = group.iter().filter_map(|c| c.as_of.as_deref()).collect();
        if periods.len() >= 2 {
            for p in periods {
                let in_period: Vec<&Claim> = group.iter().copied().filter(|c| c.as_of.as_deref() == Some(p)).collect();
                rows.push(row(format!("{measure}@{p}"), measure, Some(p), &in_period, unit.as_deref(), cumulative));
            }
        }
    }
    rows.sort_by(|a, b| a.comparison_id.cmp(&b.comparison_id));
    rows
}

/// The unit durations are compared in: the catalog's when it is a time unit, else the
/// smallest time unit the statements use (30 minutes vs half an hour); None for other units.
fn common_unit(measure: &str, group: &[&Claim], measures: &MeasureCatalog) -> Option<String> {
    if let Some(u) = measures.get(measure).map(|m| m.unit.clone()).filter(|u| seconds_per_unit(u).is_some()) {
        return Some(u);
    }
    group
        .iter()
        .filter_map(|c| c.unit.as_deref())
        .filter_map(|u| seconds_per_unit(u).map(|d| (d, u)))
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, u)| u.to_string())
}

fn row(id: String, measure: &str, as_of: Option<&str>, group: &[&Claim], unit: Option<&str>, cumulative: bool) -> ComparisonRow {
    let mut sorted: Vec<&Claim> = group.to_vec();
    sorted.sort_by(|a, b| a.statement_id.cmp(&b.statement_id));
    let scaled: Vec<(Interval, Option<&str>)> = sorted
        .iter()
        .map(|c| {
            let f = if c.is_date() { 1.0 } else { unit_factor(c.unit.as_deref(), unit) };
            (c.interval().expect("filtered").scaled(f), c.as_of.as_deref())
        })
        .collect();
    // Stated values (both ends of a range; the year of a date); vague plurals only bound.
    let values: Vec<f64> = sorted
        .iter()
        .flat_map(|c| match c.date {
            Some((first, _)) => {
                use chrono::Datelike;
                vec![first.year() as f64]
            }
            None => {
                let f = unit_factor(c.unit.as_deref(), unit);
                c.points(None).into_iter().map(|x| x * f).collect()
            }
        })
        .collect();
    let min = values.iter().copied().reduce(f64::min);
    let max = values.iter().copied().reduce(f64::max);
    let spread = min.zip(max).map(|(a, b)| b - a);
    let spread_pct = min.zip(spread).filter(|(m, _)| *m != 0.0).map(|(m, s)| s / m * 100.0);
    let tidy = |x: Option<f64>| x.map(crate::extract::tidy);
    let sources: BTreeSet<&str> = sorted.iter().map(|c| c.source_id.as_str()).collect();
    ComparisonRow {
        comparison_id: id,
        measure: measure.to_string(),
        as_of: as_of.map(str::to_string),
        n_statements: sorted.len() as i64,
        n_sources: sources.len() as i64,
        statement_ids: sorted.iter().map(|c| c.statement_id.as_str()).collect::<Vec<_>>().join(";"),
        min: tidy(min),
        max: tidy(max),
        spread: tidy(spread),
        spread_pct: tidy(spread_pct.map(|p| (p * 100.0).round() / 100.0)),
        verdict: verdict_of(&scaled, cumulative).to_string(),
    }
}
