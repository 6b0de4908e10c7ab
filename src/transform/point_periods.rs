//! Measures of a state at one time (schemas/periods.toml `point_in_time`): a prison population,
//! a capacity, a rate is what it was on one day. A statement of one that its text dates to an
//! interval (a report's period, "between 2021 and 2024") tells the state at the interval's end.

use crate::extract::Mention;
use crate::period::Period;
use crate::transform::running_totals::PeriodRules;

/// Give each statement of a point-in-time measure dated to an interval the interval's end.
pub fn apply(mentions: &mut [Mention], rules: &PeriodRules) {
    for rule in &rules.points_in_time {
        for m in mentions.iter_mut() {
            let of_rule = m.is_statement && m.measure.as_ref().is_some_and(|id| rule.measures.contains(id));
            if let Some(p) = m.as_of.filter(|p| of_rule && !p.is_point()) {
                m.as_of = Some(Period::at(p.end));
            }
        }
    }
}
