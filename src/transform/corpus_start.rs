//! The start of a running total read across the corpus. Many articles report a running total
//! ("police have now made 1,234 arrests under the emergency") without saying when the count
//! began; the article that states it is another one. The day the corpus's statements of the
//! rule's `start` measure give most often (schemas/periods.toml `[[running_total]]`) starts
//! the running totals of every article that states no start and leaves them a single point,
//! and their statements name the statement that day was read from.
//!
//! It runs on the rows of the whole corpus (`pipeline::tables_of`), where a build and a merge
//! of shards both finish, so a sharded build still equals a single one; the choice depends on
//! the rows alone, never on their order, so the same corpus gives the same bytes.

use std::collections::{BTreeMap, BTreeSet};

use crate::load::rows::{MentionRow, StatementRow};
use crate::period::{Period, Point};
use crate::review::Status;
use crate::transform::running_totals::{running, PeriodRules, RunningTotal};

/// A start read from the corpus: its day, and the statement (`source_id:start-end`) stating
/// it that the rows name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusStart {
    pub start: Period,
    pub statement_id: String,
}

/// Give every rule's running totals left without a start the corpus's start (see the module).
/// `mentions` and `statements` are the corpus's rows, the statements those of the mentions.
pub fn apply(mentions: &mut [MentionRow], statements: &mut [StatementRow], rules: &PeriodRules) {
    for rule in &rules.running_totals {
        let Some(start) = consensus_start(mentions, &rule.start) else { continue };
        let stating: BTreeSet<String> = stated_starts(mentions, &rule.start).map(|m| m.source_id.clone()).collect();
        let mut changed: BTreeMap<String, Period> = BTreeMap::new();
        for m in mentions.iter_mut() {
            if !left_open(m, rule) || stating.contains(&m.source_id) {
                continue;
            }
            let Some(end) = m.as_of.as_deref().and_then(Period::parse).filter(|end| !holds_the_start(end, &start.start)) else { continue };
            let period = running(start.start, end, None);
            if period != end {
                m.as_of = Some(period.to_string());
                changed.insert(m.mention_id.clone(), period);
            }
        }
        for s in statements.iter_mut() {
            if let Some(period) = changed.get(&s.statement_id) {
                let (first, last) = period.bounds();
                (s.as_of, s.as_of_start, s.as_of_end) = (Some(period.to_string()), Some(first), Some(last));
                s.as_of_start_from = Some(start.statement_id.clone());
            }
        }
    }
}

/// The day the corpus's statements of `measure` state most often, with the statement of it
/// that comes first by source and place: a tie between days goes to the earliest (a later
/// milestone mistaken for the start is later). Only days count: a month or year says less
/// than the rule needs.
pub fn consensus_start(mentions: &[MentionRow], measure: &str) -> Option<CorpusStart> {
    let mut days: BTreeMap<Period, (usize, (&str, i64, &str))> = BTreeMap::new();
    for m in stated_starts(mentions, measure) {
        let Some(day) = m.value.as_deref().and_then(Period::parse).filter(|p| p.is_point() && matches!(p.start, Point::Day(_))) else { continue };
        let place = (m.source_id.as_str(), m.start, m.mention_id.as_str());
        let entry = days.entry(day).or_insert((0, place));
        entry.0 += 1;
        entry.1 = entry.1.min(place);
    }
    // The map runs from the earliest day: `max_by_key` keeps the last of equal counts, so the
    // days are walked latest first.
    let (day, (_, (_, _, id))) = days.into_iter().rev().max_by_key(|(_, (n, _))| *n)?;
    Some(CorpusStart { start: day, statement_id: id.to_string() })
}

/// The statements of a start measure, as the rows hold them.
fn stated_starts<'a>(mentions: &'a [MentionRow], measure: &'a str) -> impl Iterator<Item = &'a MentionRow> {
    mentions.iter().filter(move |m| m.is_statement && m.measure.as_deref() == Some(measure))
}

/// A statement of the rule that its article left a single point (no start was found for it),
/// and no reviewer has decided on: a reviewer's period stands.
fn left_open(m: &MentionRow, rule: &RunningTotal) -> bool {
    m.is_statement
        && m.review == Status::Unreviewed.as_str()
        && m.measure.as_ref().is_some_and(|id| rule.measures.contains(id))
        && m.as_of.as_deref().and_then(Period::parse).is_some_and(|p| p.is_point())
}

/// Does the figure's own period begin at or before the start ("in 2021", "in March 2021" for
/// a start in March 2021)? Then it tells of its own period, or of the start's, which another
/// article's start cannot make more precise.
fn holds_the_start(end: &Period, start: &Period) -> bool {
    end.start.first_day() <= start.start.first_day()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A statement row of the mentions table (made-up article `source`, at `start`).
    fn mention(source: &str, start: i64, measure: &str, value: Option<&str>, as_of: Option<&str>) -> MentionRow {
        MentionRow {
            mention_id: format!("{source}:{start}-{}", start + 4),
            source_id: source.into(),
            start,
            end: start + 4,
            surface: String::new(),
            kind: if as_of.is_none() { "date" } else { "count" }.into(),
            value: value.map(str::to_string),
            low: None,
            high: None,
            qualifier: "exact".into(),
            unit: None,
            is_statement: true,
            measure: Some(measure.into()),
            as_of: as_of.map(str::to_string),
            sentence: String::new(),
            review: Status::Unreviewed.as_str().into(),
            reviewer: None,
        }
    }

    fn rules() -> PeriodRules {
        toml::from_str("[[running_total]]\nmeasures = [\"arrests\"]\nstart = \"start\"\n").unwrap()
    }

    #[test]
    fn a_reviewed_period_and_an_article_with_its_own_start_keep_theirs() {
        let mut ms = vec![
            mention("a", 10, "start", Some("2021-03-14"), None),
            mention("a", 50, "arrests", Some("1234"), Some("2024-05-10")),
            mention("b", 10, "arrests", Some("2345"), Some("2024-06-20")),
            mention("c", 10, "arrests", Some("3457"), Some("2024-07-02")),
        ];
        ms[3].review = Status::Accepted.as_str().into();
        apply(&mut ms, &mut [], &rules());
        let as_of: Vec<_> = ms.iter().map(|m| m.as_of.clone().unwrap_or_default()).collect();
        assert_eq!(as_of, ["", "2024-05-10", "2021-03-14/2024-06-20", "2024-07-02"]);
    }

    #[test]
    fn only_a_day_makes_a_corpus_start() {
        let ms = [mention("a", 10, "start", Some("2021-03"), None), mention("b", 10, "start", Some("2021"), None)];
        assert_eq!(consensus_start(&ms, "start"), None);
        let ms = [mention("b", 10, "start", Some("2021-03-14"), None), mention("a", 90, "start", Some("2021-03-14"), None)];
        assert_eq!(consensus_start(&ms, "start").map(|s| s.statement_id), Some("a:90-94".to_string()));
    }
}
