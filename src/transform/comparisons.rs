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

/// One row per measure stated by at least one statement whose period is known, plus one per
/// period (`<measure>@<as_of>`) where the measure's statements describe different periods.
///
/// A claim enters only when its measure and its period are both known: a figure of a quantity
/// that changes over time (prisoners held, deaths so far) without its date cannot agree or
/// disagree with another. Such claims are named in `undated_statement_ids`, not compared. A
/// timeless measure (a date, a design figure, a fixed feature: see [`Measure::is_timeless`]) is
/// compared whatever its claims' periods say.
///
/// [`Measure::is_timeless`]: super::claims::Measure::is_timeless
pub fn compare(claims: &[Claim], measures: &MeasureCatalog) -> Vec<ComparisonRow> {
    let mut by_measure: BTreeMap<&str, Vec<&Claim>> = BTreeMap::new();
    for c in claims.iter().filter(|c| c.interval().is_some()) {
        by_measure.entry(c.measure.as_str()).or_default().push(c);
    }
    let mut rows: Vec<ComparisonRow> = Vec::new();
    for (measure, group) in &by_measure {
        let entry = measures.get(measure);
        let timeless = entry.is_some_and(|m| m.is_timeless());
        let (compared, undated): (Vec<&Claim>, Vec<&Claim>) = group.iter().partition(|c| timeless || c.as_of.is_some());
        if compared.is_empty() {
            continue;
        }
        let unit = common_unit(measure, &compared, measures);
        let cx = Group { measure, unit: unit.as_deref(), cumulative: entry.is_some_and(|m| m.cumulative), timeless };
        rows.push(cx.row(measure.to_string(), None, &compared, &undated));
        let periods: BTreeSet<&str> = compared.iter().filter_map(|c| c.as_of.as_deref()).collect();
        if !timeless && periods.len() >= 2 {
            for p in periods {
                let in_period: Vec<&Claim> = compared.iter().copied().filter(|c| c.as_of.as_deref() == Some(p)).collect();
                rows.push(cx.row(format!("{measure}@{p}"), Some(p), &in_period, &[]));
            }
        }
    }
    rows.sort_by(|a, b| a.comparison_id.cmp(&b.comparison_id));
    rows
}

/// The claims that disagree with the most claims that can all be true together: for each
/// period's intervals, the largest set sharing one value is found (in one dimension, intervals
/// that pairwise overlap share a value), and every claim outside it is named. Empty when the
/// claims agree. Ties go to the smallest shared value, so the answer does not depend on order.
pub fn disagreeing(claims: &[(Interval, Option<&str>)]) -> Vec<usize> {
    let mut periods: BTreeMap<Option<&str>, Vec<usize>> = BTreeMap::new();
    for (i, (_, as_of)) in claims.iter().enumerate() {
        periods.entry(*as_of).or_default().push(i);
    }
    let mut out: Vec<usize> = periods
        .values()
        .flat_map(|members| {
            let best = probes(members.iter().map(|&i| &claims[i].0))
                .map(|p| members.iter().copied().filter(|&i| claims[i].0.intersect(&p).is_some()).collect::<Vec<usize>>())
                .fold(Vec::new(), |best, agree| if agree.len() > best.len() { agree } else { best });
            members.iter().copied().filter(|i| !best.contains(i)).collect::<Vec<usize>>()
        })
        .collect();
    out.sort_unstable();
    out
}

/// Where a largest agreeing set may meet: at each end of each interval, or just inside an open
/// end (`more than 250` meets `roughly 260` right above 250).
fn probes<'a>(intervals: impl Iterator<Item = &'a Interval> + 'a) -> impl Iterator<Item = Interval> + 'a {
    let mut ends: Vec<(f64, bool)> = intervals.flat_map(|i| [(i.low, i.low_open), (i.high, i.high_open)]).filter(|(x, _)| x.is_finite()).collect();
    ends.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    ends.dedup();
    ends.into_iter().flat_map(|(x, _)| {
        let step = x.abs().max(1.0) * 1e-9;
        [
            Interval { low: x, high: x, low_open: false, high_open: false },
            Interval { low: x, high: x + step, low_open: true, high_open: true },
            Interval { low: x - step, high: x, low_open: true, high_open: true },
        ]
    })
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

/// What every row of one measure shares.
struct Group<'a> {
    measure: &'a str,
    unit: Option<&'a str>,
    cumulative: bool,
    timeless: bool,
}

impl Group<'_> {
    fn row(&self, id: String, as_of: Option<&str>, group: &[&Claim], undated: &[&Claim]) -> ComparisonRow {
        let unit = self.unit;
        let mut sorted: Vec<&Claim> = group.to_vec();
        sorted.sort_by(|a, b| a.statement_id.cmp(&b.statement_id));
        // A timeless measure's claims are one group, whatever the period each names.
        let scaled: Vec<(Interval, Option<&str>)> = sorted
            .iter()
            .map(|c| {
                let f = if c.is_date() { 1.0 } else { unit_factor(c.unit.as_deref(), unit) };
                (c.interval().expect("filtered").scaled(f), if self.timeless { None } else { c.as_of.as_deref() })
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
        let verdict = verdict_of(&scaled, self.cumulative);
        let disagree: Vec<&str> =
            if verdict == "conflicting" { disagreeing(&scaled).into_iter().map(|i| sorted[i].statement_id.as_str()).collect() } else { Vec::new() };
        let mut undated: Vec<&str> = undated.iter().map(|c| c.statement_id.as_str()).collect();
        undated.sort_unstable();
        ComparisonRow {
            comparison_id: id,
            measure: self.measure.to_string(),
            as_of: as_of.map(str::to_string),
            n_statements: sorted.len() as i64,
            n_sources: sources.len() as i64,
            statement_ids: sorted.iter().map(|c| c.statement_id.as_str()).collect::<Vec<_>>().join(";"),
            min: tidy(min),
            max: tidy(max),
            spread: tidy(spread),
            spread_pct: tidy(spread_pct.map(|p| (p * 100.0).round() / 100.0)),
            verdict: verdict.to_string(),
            disagreeing_statement_ids: (!disagree.is_empty()).then(|| disagree.join(";")),
            undated_statement_ids: (!undated.is_empty()).then(|| undated.join(";")),
        }
    }
}
