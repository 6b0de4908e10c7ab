//! Measures whose definition names the interval they describe (schemas/periods.toml
//! `fixed_period`): a growth "from 2020 to 2024" describes that interval whatever year the
//! sentence stating it names (its last year, the year a story calls "now") or none.

use crate::extract::Mention;
use crate::period::Period;
use crate::transform::running_totals::PeriodRules;

/// Give each statement of a fixed-period measure its measure's interval, unless its text dates
/// it to an interval already (kept: it may be finer, "December 2020 to December 2024").
pub fn apply(mentions: &mut [Mention], rules: &PeriodRules) {
    for rule in &rules.fixed_periods {
        let Some(period) = Period::parse(&rule.period) else { continue };
        for m in mentions.iter_mut() {
            let of_rule = m.is_statement && m.measure.as_ref().is_some_and(|id| rule.measures.contains(id));
            if of_rule && m.as_of.is_none_or(|p| p.is_point()) {
                m.as_of = Some(period);
            }
        }
    }
}
