//! Parts of a group told before (schemas/periods.toml `group_part`): a statement of a part
//! ("as many as 1,234 had no record", of the men sent) that no anchor dates tells of the time
//! of its group, the last statement of the group's measure shortly before it.

use crate::extract::Mention;
use crate::transform::running_totals::PeriodRules;

/// How many sentences back the group's statement may stand.
const GROUP_SENTENCES: usize = 3;

/// Give each undated statement of a part the period of the last dated statement of its group
/// at most [`GROUP_SENTENCES`] sentences before (or earlier in its own sentence).
pub fn apply(mentions: &mut [Mention], rules: &PeriodRules) {
    for rule in &rules.group_parts {
        for i in 0..mentions.len() {
            let m = &mentions[i];
            let of_part = m.is_statement && m.as_of.is_none() && m.measure.as_ref().is_some_and(|id| rule.measures.contains(id));
            if !of_part {
                continue;
            }
            let (sentence, start) = (m.sentence, m.start);
            let group = mentions[..i]
                .iter()
                .rev()
                .take_while(|g| g.sentence + GROUP_SENTENCES >= sentence)
                .find(|g| g.is_statement && g.start < start && g.measure.as_deref() == Some(rule.group.as_str()) && g.as_of.is_some())
                .and_then(|g| g.as_of);
            mentions[i].as_of = group;
        }
    }
}
