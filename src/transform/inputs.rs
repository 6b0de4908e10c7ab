//! Statements read as numbers: the input of the derived figures and of the cross-source
//! comparison. A [`Claim`] is one row of the statements table that has a measure, with the
//! interval its wording allows and, for durations, a way to convert it to another time unit.

use chrono::NaiveDate;

use crate::load::rows::{MentionRow, StatementRow};

use super::as_of::as_of_bounds;
use super::statements::interval as qualifier_interval;

/// One statement with a measure, as the derived figures and the comparison use it.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub statement_id: String,
    pub source_id: String,
    pub measure: String,
    pub kind: String,
    /// The stated number (None for ranges, vague plurals and dates).
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: String,
    pub unit: Option<String>,
    /// The period the claim describes, as written in `as_of`.
    pub as_of: Option<String>,
    /// Last day of `as_of`.
    pub as_of_end: Option<NaiveDate>,
    /// For date claims: first and last day of the stated date (`2023` -> the whole year).
    pub date: Option<(NaiveDate, NaiveDate)>,
}

/// The values a claim allows, with open or closed ends (`more than 50` excludes 50).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub low: f64,
    pub high: f64,
    pub low_open: bool,
    pub high_open: bool,
}

impl Interval {
    /// Does the interval admit `x`?
    pub fn contains(&self, x: f64) -> bool {
        let above = if self.low_open { x > self.low } else { x >= self.low };
        let below = if self.high_open { x < self.high } else { x <= self.high };
        above && below
    }

    /// The values both intervals admit, or None when they cannot both be true.
    pub fn intersect(&self, other: &Interval) -> Option<Interval> {
        let (low, low_open) = if self.low > other.low {
            (self.low, self.low_open)
        } else if other.low > self.low {
            (other.low, other.low_open)
        } else {
            (self.low, self.low_open || other.low_open)
        };
        let (high, high_open) = if self.high < other.high {
            (self.high, self.high_open)
        } else if other.high < self.high {
            (other.high, other.high_open)
        } else {
            (self.high, self.high_open || other.high_open)
        };
        let empty = low > high || (low == high && (low_open || high_open));
        (!empty).then_some(Interval { low, high, low_open, high_open })
    }

    /// The same interval with both ends multiplied by a positive factor.
    pub fn scaled(&self, f: f64) -> Interval {
        Interval { low: self.low * f, high: self.high * f, ..*self }
    }
}

/// The interval a qualifier gives a stated number (GUIDELINE section 3, tolerances in
/// [`super::statements`]): the bounds of the statements table, with strict ends for
/// more_than, less_than and just_under.
pub fn claim_interval(qualifier: &str, value: Option<f64>, low: Option<f64>, high: Option<f64>) -> Option<Interval> {
    let (lo, hi) = qualifier_interval(qualifier, value, low, high);
    if lo.is_none() && hi.is_none() {
        return None;
    }
    Some(Interval {
        low: lo.unwrap_or(f64::NEG_INFINITY),
        high: hi.unwrap_or(f64::INFINITY),
        low_open: qualifier == "more_than",
        high_open: matches!(qualifier, "less_than" | "just_under"),
    })
}

/// Days from 1970-01-01: how a date enters a formula or an interval.
pub fn day_number(d: NaiveDate) -> f64 {
    (d - NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date")).num_days() as f64
}

/// The date of a day number.
pub fn date_of_day(days: f64) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(1970, 1, 1)?.checked_add_signed(chrono::Duration::days(days.round() as i64))
}

/// Length of a time unit in seconds (`months` = 365/12 days, `years` = 365 days), or None for
/// a unit that is not a time unit. Whole seconds keep conversions exact (half an hour is 30
/// minutes, not 30.000000000000004).
pub fn seconds_per_unit(unit: &str) -> Option<f64> {
    Some(match unit {
        "seconds" => 1.0,
        "minutes" => 60.0,
        "hours" => 3_600.0,
        "days" => 86_400.0,
        "weeks" => 604_800.0,
        "months" => 2_628_000.0,
        "years" => 31_536_000.0,
        _ => return None,
    })
}

/// Factor that converts a number in `from` into `to`: 1 when the units are the same or
/// either is unknown (no unit, not a time unit), the ratio of lengths between time units.
pub fn unit_factor(from: Option<&str>, to: Option<&str>) -> f64 {
    match (from.and_then(seconds_per_unit), to.and_then(seconds_per_unit)) {
        (Some(f), Some(t)) => f / t,
        _ => 1.0,
    }
}

impl Claim {
    /// Is this a date or year claim?
    pub fn is_date(&self) -> bool {
        self.date.is_some()
    }

    /// The interval the claim allows, in its own unit (dates as day numbers); None for a claim
    /// without a number.
    pub fn interval(&self) -> Option<Interval> {
        if let Some((first, last)) = self.date {
            return Some(Interval { low: day_number(first), high: day_number(last), low_open: false, high_open: false });
        }
        claim_interval(&self.qualifier, self.value, self.low, self.high)
    }

    /// The numbers a formula can take for this claim, converted into `unit` when both are time
    /// units: the stated value, both ends of a range, the first day of a date; none for vague
    /// plurals (they only bound the quantity from below).
    pub fn points(&self, unit: Option<&str>) -> Vec<f64> {
        if let Some((first, _)) = self.date {
            return vec![day_number(first)];
        }
        let f = unit_factor(self.unit.as_deref(), unit);
        match (self.qualifier.as_str(), self.value, self.low, self.high) {
            ("range", _, Some(l), Some(h)) => vec![l * f, h * f],
            ("vague", ..) => vec![],
            (_, Some(v), ..) => vec![v * f],
            _ => vec![],
        }
    }

    /// Does the claim's period end within the period `selector` (`2024`, `2025-03`,
    /// `2020/2024`)? "As of 2024" is a figure at, or accumulated up to, a time in 2024.
    pub fn ends_within(&self, selector: &str) -> bool {
        match (self.as_of_end, as_of_bounds(selector)) {
            (Some(end), Some((first, last))) => first <= end && end <= last,
            _ => false,
        }
    }
}

/// The claims of some statements: those that have a measure, in their order. The mentions
/// give the precision of date claims (`2023` is a year, `2023-01` a month).
pub fn claims_of(statements: &[StatementRow], mentions: &[MentionRow]) -> Vec<Claim> {
    use rayon::prelude::*;
    let mention_value: rustc_hash::FxHashMap<&str, &str> = mentions.iter().filter_map(|m| Some((m.mention_id.as_str(), m.value.as_deref()?))).collect();
    // In statement order on the build's pool: a large corpus has hundreds of thousands.
    statements.par_iter().filter_map(|s| Claim::of_statement(s, mention_value.get(s.statement_id.as_str()).copied())).collect()
}

impl Claim {
    /// The claim a statement makes, when it has a measure; `mention_value` is its mention's
    /// value as written, which gives a date's precision.
    pub fn of_statement(s: &StatementRow, mention_value: Option<&str>) -> Option<Claim> {
        let measure = s.measure.clone()?;
        let date = s.value_date.map(|d| mention_value.and_then(as_of_bounds).unwrap_or((d, d)));
        Some(Claim {
            statement_id: s.statement_id.clone(),
            source_id: s.source_id.clone(),
            measure,
            kind: s.kind.clone(),
            value: s.value,
            low: s.low,
            high: s.high,
            qualifier: s.qualifier.clone(),
            unit: s.unit.clone(),
            as_of: s.as_of.clone(),
            as_of_end: s.as_of_end,
            date,
        })
    }
}
