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

use chrono::Datelike;

use crate::extract::Lexicons;
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
pub fn apply(mentions: &mut [MentionRow], statements: &mut [StatementRow], rules: &PeriodRules, lexicons: &Lexicons) {
    let since_words: Vec<String> = lexicons.by_language.values().flat_map(|l| l.since_words.iter().cloned()).collect();
    let start_words: Vec<&str> = rules.language.values().flat_map(|w| w.start_words.iter().map(String::as_str)).collect();
    let undated: BTreeSet<String> = statements.iter().filter(|s| s.published.is_none()).map(|s| s.source_id.clone()).collect();
    for rule in &rules.running_totals {
        let Some(start) = consensus_start(mentions, &rule.start) else { continue };
        let stating: BTreeSet<String> = stated_starts(mentions, &rule.start).map(|m| m.source_id.clone()).collect();
        let naming = naming_a_start(mentions, rule, &since_words, &start_words);
        let longest = longest_lengths(mentions, rule);
        let mut changed: BTreeMap<String, Period> = BTreeMap::new();
        for m in mentions.iter_mut() {
            if !unreviewed_of_rule(m, rule) || stating.contains(&m.source_id) || !naming.contains(&m.source_id) {
                continue;
            }
            let period = match m.as_of.as_deref().and_then(Period::parse) {
                Some(end) if end.is_point() && !holds_the_start(&end, &start.start) => running(start.start, end, None),
                // An undated article's running total has no end of its own; the longest time
                // it says the rule has run, counted from the start, is when it was written.
                None if undated.contains(&m.source_id) => {
                    let own = (m.measure == rule.length).then(|| length_in_months(m)).flatten();
                    let Some(period) = own.or_else(|| longest.get(&m.source_id).copied()).and_then(|months| counted_forward(&start.start.start, months)) else { continue };
                    period
                }
                _ => continue,
            };
            if m.as_of.as_deref() != Some(period.to_string().as_str()) {
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

/// The longest length of the rule each article states, in whole months ("tres meses",
/// "two years").
fn longest_lengths(mentions: &[MentionRow], rule: &RunningTotal) -> BTreeMap<String, u32> {
    let mut longest: BTreeMap<String, u32> = BTreeMap::new();
    for m in mentions.iter().filter(|m| m.is_statement && rule.length.is_some() && m.measure == rule.length) {
        if let Some(months) = length_in_months(m) {
            let entry = longest.entry(m.source_id.clone()).or_insert(months);
            *entry = (*entry).max(months);
        }
    }
    longest
}

/// A length in whole months, from months or years.
fn length_in_months(m: &MentionRow) -> Option<u32> {
    let number: f64 = m.value.as_deref()?.parse().ok()?;
    let months = match m.unit.as_deref()? {
        "months" => number,
        "years" => 12.0 * number,
        _ => return None,
    };
    (months > 0.0 && months.fract() == 0.0 && months < 1200.0).then_some(months as u32)
}

/// From the start's month to the month `months` later: to the month only, since a length
/// in months or years rounds the time it tells.
fn counted_forward(start: &Point, months: u32) -> Option<Period> {
    let month = |d: chrono::NaiveDate| Point::Month(d.year(), d.month());
    let first = start.first_day();
    let last = first.checked_add_months(chrono::Months::new(months))?;
    Some(Period::between(month(first), month(last)))
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

/// The articles that name the rule's start without dating it: a sentence of theirs has a since
/// word followed, within [`SINCE_REACH`] words and no figure, by a word naming a beginning
/// ("since Bukele began his war on gangs", "desde que inició el régimen", "since the start
/// of the emergency"), or a statement of the rule's length ("33 months of emergency rule").
fn naming_a_start(mentions: &[MentionRow], rule: &RunningTotal, since_words: &[String], start_words: &[&str]) -> BTreeSet<String> {
    let of_length = |m: &MentionRow| m.is_statement && rule.length.is_some() && m.measure == rule.length;
    let mut naming = BTreeSet::new();
    // The mentions of a sentence follow one another and share its text: each is read once.
    let mut last_read: Option<(&str, &str)> = None;
    for m in mentions {
        if naming.contains(&m.source_id) {
            continue;
        }
        let read_already = last_read == Some((m.source_id.as_str(), m.sentence.as_str()));
        last_read = Some((m.source_id.as_str(), m.sentence.as_str()));
        if of_length(m) || (!read_already && names_a_start(&m.sentence, since_words, start_words)) {
            naming.insert(m.source_id.clone());
        }
    }
    naming
}

/// Most words from a since word to the word naming a beginning ("since the state of exception
/// was declared").
const SINCE_REACH: usize = 6;

/// Does `sentence` name a beginning after a since word (see [`naming_a_start`])?
fn names_a_start(sentence: &str, since_words: &[String], start_words: &[&str]) -> bool {
    let lower = sentence.to_lowercase();
    let tokens: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    tokens.iter().enumerate().filter(|(_, t)| since_words.iter().any(|w| w == *t)).any(|(i, _)| {
        tokens[i + 1..].iter().take(SINCE_REACH).take_while(|t| !t.chars().any(|c| c.is_ascii_digit())).any(|t| start_words.contains(t))
    })
}

/// The statements of a start measure, as the rows hold them.
fn stated_starts<'a>(mentions: &'a [MentionRow], measure: &'a str) -> impl Iterator<Item = &'a MentionRow> {
    mentions.iter().filter(move |m| m.is_statement && m.measure.as_deref() == Some(measure))
}

/// A statement of one of the rule's measures that no reviewer has decided on: a reviewer's
/// period stands.
fn unreviewed_of_rule(m: &MentionRow, rule: &RunningTotal) -> bool {
    m.is_statement && m.review == Status::Unreviewed.as_str() && m.measure.as_ref().is_some_and(|id| rule.measures.contains(id))
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
        toml::from_str("[[running_total]]\nmeasures = [\"arrests\"]\nstart = \"start\"\n[language.en]\nstart_words = [\"began\"]\n").unwrap()
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
        ms[2].sentence = "Police have arrested 2,345 people since the crackdown began.".into();
        ms[3].sentence = ms[2].sentence.clone();
        apply(&mut ms, &mut [], &rules(), &Lexicons::embedded().unwrap());
        let as_of: Vec<_> = ms.iter().map(|m| m.as_of.clone().unwrap_or_default()).collect();
        assert_eq!(as_of, ["", "2024-05-10", "2021-03-14/2024-06-20", "2024-07-02"]);
    }

    #[test]
    fn a_start_is_named_by_a_since_word_before_a_word_of_beginning() {
        let (since, start) = (["since".to_string(), "desde".to_string()], ["began", "inició", "start"]);
        for named in ["since Bukele began his war on gangs", "desde que inició el régimen", "since the start of the emergency"] {
            assert!(names_a_start(named, &since, &start), "{named}");
        }
        for not in ["under the state of exception", "since 2019 the count began", "it began in a prison, since then"] {
            assert!(!names_a_start(not, &since, &start), "{not}");
        }
    }

    #[test]
    fn only_a_day_makes_a_corpus_start() {
        let ms = [mention("a", 10, "start", Some("2021-03"), None), mention("b", 10, "start", Some("2021"), None)];
        assert_eq!(consensus_start(&ms, "start"), None);
        let ms = [mention("b", 10, "start", Some("2021-03-14"), None), mention("a", 90, "start", Some("2021-03-14"), None)];
        assert_eq!(consensus_start(&ms, "start").map(|s| s.statement_id), Some("a:90-94".to_string()));
    }
}
