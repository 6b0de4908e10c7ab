//! Figures told of the same data as another's (schemas/periods.toml `same_time`): "At the end
//! of 1999 the prisons held 1,234 people. Official capacity is 567 places, which leaves them at
//! 218%": the capacity and the occupancy a report gives after its population are of the
//! population's time, though told in the present, not of the article's date.

use crate::extract::text::Doc;
use crate::extract::Mention;
use crate::period::Period;
use crate::transform::claims::{has_phrase, lower_padded};
use crate::transform::running_totals::{PeriodRules, PeriodWords};

/// How many sentences back the figure that sets the time may stand.
const SAME_TIME_SENTENCES: usize = 3;

/// Give each statement of a rule's measures that only the article's date (`reference`) dates
/// the latest period of the dated statements of the rule's `with` measure before it, one of
/// them at most [`SAME_TIME_SENTENCES`] sentences before it, when that ends before the
/// article's date.
pub fn apply(doc: &Doc, mentions: &mut [Mention], rules: &PeriodRules, words: &PeriodWords, reference: Option<Period>) {
    let Some(reference) = reference else { return };
    for rule in &rules.same_times {
        for i in 0..mentions.len() {
            let m = &mentions[i];
            let of_rule = m.is_statement && m.measure.as_ref().is_some_and(|id| rule.measures.contains(id));
            if !of_rule || m.as_of != Some(reference) || says_now(doc, m, words) {
                continue;
            }
            let sentence = m.sentence;
            let dated = || mentions[..i].iter().filter(|g| g.is_statement && g.measure.as_deref() == Some(rule.with.as_str()) && g.as_of.is_some());
            let near = dated().any(|g| g.sentence + SAME_TIME_SENTENCES >= sentence);
            // The latest of the article so far, not the nearest: a baseline ("up from 1,000 in
            // 1990") may stand closer than the figure of the time the capacity is told of.
            let latest = dated().filter_map(|g| g.as_of).max_by_key(|p| p.end.last_day());
            if let Some(p) = latest.filter(|p| near && p.end.last_day() < reference.start.first_day()) {
                mentions[i].as_of = Some(p);
            }
        }
    }
}

/// Does the figure's clause name the present ("capacity is now 567")? Then it is the
/// article's time, whatever the figures before.
fn says_now(doc: &Doc, m: &Mention, words: &PeriodWords) -> bool {
    if m.sentence >= doc.sentences.len() {
        return false;
    }
    let (from, to) = doc.clause_span(m.sentence, m.start, m.end);
    let clause = lower_padded(doc.slice(from, to));
    words.now_words.iter().any(|w| has_phrase(&clause, w))
}
