//! Running totals (schemas/periods.toml): a count that has grown since something began
//! (arrests under the state of exception, deaths in custody since then, how long it has
//! lasted) describes the interval from that start to the figure's date, not a single day.
//! The start comes from the article itself: the date it states for the start (a statement of
//! the rule's `start` measure); a statement of how long it has run (`length`: "seven months of
//! the state of exception") is also counted back from its own date. An article that states no
//! start leaves its other figures' dates alone here; the corpus's start is given them once
//! every article is read (corpus_start.rs).

use std::collections::BTreeMap;

use chrono::{Datelike, Months, NaiveDate};
use serde::Deserialize;

use crate::error::{Error, Result};
use crate::extract::text::Doc;
use crate::extract::{Lexicon, Mention};
use crate::period::{Period, Point};
use crate::transform::as_of::{after_since, is_name_year, named_a_start_after, named_a_start_before};
use crate::transform::Catalog;

/// The rules embedded in the binary.
pub const EMBEDDED_PERIODS: &str = include_str!("../../schemas/periods.toml");

/// The rules of schemas/periods.toml.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeriodRules {
    #[serde(default, rename = "running_total")]
    pub running_totals: Vec<RunningTotal>,
    /// Measures that count a part of another measure's group (`group_part`).
    #[serde(default, rename = "group_part")]
    pub group_parts: Vec<GroupPart>,
    /// Measures whose definition names the interval they describe (`fixed_period`).
    #[serde(default, rename = "fixed_period")]
    pub fixed_periods: Vec<FixedPeriod>,
    /// Measures of a state at one time (`point_in_time`).
    #[serde(default, rename = "point_in_time")]
    pub points_in_time: Vec<PointInTime>,
    /// Measures told of the same time as another measure's figure shortly before (`same_time`).
    #[serde(default, rename = "same_time")]
    pub same_times: Vec<SameTime>,
    /// The words of the period rules by language code.
    #[serde(default)]
    pub language: BTreeMap<String, PeriodWords>,
}

/// The words of the period rules in one language.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeriodWords {
    /// The days of the week, Monday first, lower-case.
    #[serde(default)]
    pub weekdays: Vec<String>,
    /// Words that make the date after them a comparison's baseline ("18% more than in
    /// 2023"), lower-case: that date is not the time of the figures after it.
    #[serde(default)]
    pub baseline_openers: Vec<String>,
    /// Words that may stand between a figure and the anchor of its own ("41,300 at the close
    /// of 2020"), besides the lexicon's `own_anchor_words`, lower-case.
    #[serde(default)]
    pub own_anchor_phrases: Vec<String>,
    /// Phrases naming the year before the sentence's anchor ("3.1 in 2021, from 9.4 the year
    /// before" -> 2022), lower-case: they date the figure right before them.
    #[serde(default)]
    pub year_before: Vec<String>,
    /// Words that open a sentence referring back to the one before ("That is a rate of 204%"),
    /// lower-case: its figures take the period of the last figure before.
    #[serde(default)]
    pub back_references: Vec<String>,
    /// Where a sentence's first clause ends (", and"): a back reference holds up to there.
    #[serde(default)]
    pub clause_breaks: Vec<String>,
    /// Words naming a beginning in a since phrase ("since the emergency began on <date>"),
    /// lower-case: the date that ends the phrase is the start of a period up to the article's.
    #[serde(default)]
    pub start_words: Vec<String>,
    /// Words that end a span ("until", "hasta"), lower-case: a date after one closes the span
    /// a since phrase opened, and starts nothing.
    #[serde(default)]
    pub until_words: Vec<String>,
    /// Verbs that name a beginning when a date follows them within a few words ("was declared
    /// on <date>", "fue decretado el <date>"), lower-case: that date starts what a duration
    /// of the sentence counts, and the running totals of the sentence.
    #[serde(default)]
    pub start_verbs: Vec<String>,
    /// Words that open a relative clause ("which", "que"), lower-case: a date after one, in a
    /// clause with a past form, tells of that aside, not of a figure of another clause.
    #[serde(default)]
    pub relative_openers: Vec<String>,
    /// Words of the future tense ("will"), lower-case: a sentence with one is told as of the
    /// article's date, like one in the present.
    #[serde(default)]
    pub future_words: Vec<String>,
    /// Endings of verbs in the future tense ("rá", "rán"), lower-case: as `future_words`.
    #[serde(default)]
    pub future_suffixes: Vec<String>,
    /// Words that join two clauses of one sentence ("and", "y"), lower-case: a date after the
    /// article's does not date a figure across one.
    #[serde(default)]
    pub coordinators: Vec<String>,
    /// Endings of participles that open an aside ("anunciado en febrero"), lower-case.
    #[serde(default)]
    pub participle_suffixes: Vec<String>,
    /// Phrases naming the first months of a running total ("in its first year" = 12),
    /// lower-case: a statement of the rule in their sentence covers that many months from the
    /// start, or, with no start stated, that many back from its own date.
    #[serde(default)]
    pub first_periods: BTreeMap<String, u32>,
    /// Phrases after which a year or month runs from its start to the article's date ("en lo
    /// que va de 2024", "so far in 2024"), lower-case.
    #[serde(default)]
    pub to_date_openers: Vec<String>,
    /// Phrases right after a duration that make it hours of each day ("23 hours a day", "22,5
    /// horas al día"), lower-case: a routine told in the present is the article's date's.
    #[serde(default)]
    pub daily_phrases: Vec<String>,
    /// Phrases right before a figure that make it the size of a change ("an increase of",
    /// "un crecimiento de"), lower-case: it spans the anchors of its sentence's change.
    #[serde(default)]
    pub change_nouns: Vec<String>,
    /// Phrases that open the cut-off date of a sentence's data ("as of", "con corte al"),
    /// lower-case: that date dates every figure of the sentence.
    #[serde(default)]
    pub cutoff_openers: Vec<String>,
    /// Phrases that refer back to the last date told ("at that date", "a esa fecha"),
    /// lower-case: that date dates every figure of their sentence.
    #[serde(default)]
    pub that_date: Vec<String>,
    /// Words naming the present ("now", "ahora"), lower-case: a figure whose clause has one
    /// keeps the article's date, though the same number is dated elsewhere in the article.
    #[serde(default)]
    pub now_words: Vec<String>,
    /// Words before a duration that make it the first stretch of something still running
    /// ("in the first 11 weeks of the deal", "en las primeras seis semanas"), lower-case: the
    /// figures of its sentence with no date of their own cover it, up to the article's date.
    #[serde(default)]
    pub first_words: Vec<String>,
    /// Phrases right after a figure that make it a part of a group told before ("157 of
    /// them", "157 de ellos"), lower-case: with no date of its own or of its paragraph, it
    /// takes the period of the last figure dated shortly before.
    #[serde(default)]
    pub partitive_phrases: Vec<String>,
    /// Phrases naming the end of a report's period ("at the end of the period", "al cierre del
    /// periodo"), lower-case: the end of the survey period stated before dates every figure of
    /// their sentence.
    #[serde(default)]
    pub period_end: Vec<String>,
    /// Phrases that make the span of their sentence the period of every figure of a report
    /// ("unless otherwise stated", "salvo que se indique lo contrario"), lower-case.
    #[serde(default)]
    pub report_period: Vec<String>,
    /// Phrases naming a source other than a report's own authors as saying something now ("the
    /// government says", "el gobierno afirma"), lower-case: a figure in their sentence is no
    /// finding of the report, and the report's period does not cover it: it is the source's
    /// present claim, of the article's date.
    #[serde(default)]
    pub other_sources: Vec<String>,
    /// Demonstratives that open a sentence referring back to a noun counted in the sentence
    /// before ("Those prisoners ...", "Esos presos ..."), lower-case: its figures take that
    /// count's period.
    #[serde(default)]
    pub back_determiners: Vec<String>,
    /// Phrases saying a figure held before a running total's start ("before the state of
    /// exception", "antes del régimen"), lower-case: written in its clause before it, the
    /// figure describes the start's month.
    #[serde(default)]
    pub before_start: Vec<String>,
}

impl PeriodWords {
    /// Every phrase list, by its name in periods.toml: checked for empty phrases and
    /// lower-cased on load, in one place so a new list cannot miss either.
    fn phrase_lists(&mut self) -> [(&'static str, &mut Vec<String>); 26] {
        [
            ("baseline_openers", &mut self.baseline_openers),
            ("own_anchor_phrases", &mut self.own_anchor_phrases),
            ("year_before", &mut self.year_before),
            ("back_references", &mut self.back_references),
            ("clause_breaks", &mut self.clause_breaks),
            ("start_words", &mut self.start_words),
            ("until_words", &mut self.until_words),
            ("start_verbs", &mut self.start_verbs),
            ("relative_openers", &mut self.relative_openers),
            ("future_words", &mut self.future_words),
            ("future_suffixes", &mut self.future_suffixes),
            ("coordinators", &mut self.coordinators),
            ("participle_suffixes", &mut self.participle_suffixes),
            ("to_date_openers", &mut self.to_date_openers),
            ("daily_phrases", &mut self.daily_phrases),
            ("change_nouns", &mut self.change_nouns),
            ("cutoff_openers", &mut self.cutoff_openers),
            ("that_date", &mut self.that_date),
            ("now_words", &mut self.now_words),
            ("first_words", &mut self.first_words),
            ("partitive_phrases", &mut self.partitive_phrases),
            ("period_end", &mut self.period_end),
            ("report_period", &mut self.report_period),
            ("other_sources", &mut self.other_sources),
            ("back_determiners", &mut self.back_determiners),
            ("before_start", &mut self.before_start),
        ]
    }
}

/// Measures that count from one start to their date.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunningTotal {
    /// The measures whose statements run from the start.
    pub measures: Vec<String>,
    /// The date measure whose statement in the article gives the start.
    pub start: String,
    /// A duration measure ("seven months" of it): its statements date their start back from
    /// their own date.
    #[serde(default)]
    pub length: Option<String>,
}

/// Measures that count a part of the group another measure counts ("as many as 45 had no
/// record" of the men sent): undated, a statement of one tells of the group's time.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupPart {
    /// The measures of the parts.
    pub measures: Vec<String>,
    /// The measure of the whole group.
    pub group: String,
}

/// Measures whose definition names the interval they describe ("growth from 2020 to 2024"):
/// see [`crate::transform::fixed_periods`].
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FixedPeriod {
    pub measures: Vec<String>,
    /// The interval, as written in the `as_of` column; checked on load.
    pub period: String,
}

/// Measures of a state at one time (a population, a capacity, a rate): see
/// [`crate::transform::point_periods`].
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PointInTime {
    pub measures: Vec<String>,
}

/// Measures told of the same data as another's figure (a capacity, an occupancy after a
/// population): see [`crate::transform::same_time`].
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SameTime {
    pub measures: Vec<String>,
    /// The measure whose figure sets the time.
    pub with: String,
}

impl PeriodRules {
    /// Parse and check the rules against the measure catalog: every id must name a measure,
    /// `start` one of unit `date`, `length` one of kind `duration`.
    pub fn parse(file: &str, text: &str, catalog: &Catalog) -> Result<PeriodRules> {
        let fail = |message: String| Error::Knowledge { file: file.to_string(), message };
        let mut rules: PeriodRules = toml::from_str(text).map_err(|e| fail(e.to_string()))?;
        for (lang, words) in rules.language.iter_mut() {
            let days = &mut words.weekdays;
            if !days.is_empty() && days.len() != 7 || days.iter().any(|d| d.trim().is_empty()) {
                return Err(fail(format!("[language.{lang}] weekdays: give the seven days of the week, Monday first")));
            }
            if let Some((name, _)) = words.phrase_lists().into_iter().find(|(_, list)| list.iter().any(|w| w.trim().is_empty())) {
                return Err(fail(format!("[language.{lang}] {name}: an empty phrase")));
            }
            if let Some((phrase, months)) = words.first_periods.iter().find(|(p, n)| p.trim().is_empty() || **n == 0) {
                return Err(fail(format!("[language.{lang}] first_periods: {phrase:?} = {months}: give a phrase and a number of months above 0")));
            }
            words.first_periods = std::mem::take(&mut words.first_periods).into_iter().map(|(p, n)| (p.trim().to_lowercase(), n)).collect();
            for (_, list) in words.phrase_lists() {
                for w in list.iter_mut() {
                    *w = w.trim().to_lowercase();
                }
            }
            for w in words.weekdays.iter_mut() {
                *w = w.trim().to_lowercase();
            }
        }
        for (i, rule) in rules.running_totals.iter().enumerate() {
            let at = format!("running_total {}", i + 1);
            known_measures(&at, &rule.measures, catalog).map_err(fail)?;
            let start = catalog.get(&rule.start).ok_or_else(|| fail(format!("{at}: unknown start measure {:?}", rule.start)))?;
            if start.unit != "date" {
                return Err(fail(format!("{at}: start measure {:?} is not a date (unit {:?})", rule.start, start.unit)));
            }
            if let Some(length) = &rule.length {
                let m = catalog.get(length).ok_or_else(|| fail(format!("{at}: unknown length measure {length:?}")))?;
                if !m.kinds.iter().any(|k| k == "duration") {
                    return Err(fail(format!("{at}: length measure {length:?} is not a duration")));
                }
            }
        }
        for (i, part) in rules.group_parts.iter().enumerate() {
            let at = format!("group_part {}", i + 1);
            known_measures(&at, &part.measures, catalog).map_err(fail)?;
            known_measures(&at, std::slice::from_ref(&part.group), catalog).map_err(fail)?;
        }
        for (i, fixed) in rules.fixed_periods.iter().enumerate() {
            let at = format!("fixed_period {}", i + 1);
            known_measures(&at, &fixed.measures, catalog).map_err(fail)?;
            if !Period::parse(&fixed.period).is_some_and(|p| !p.is_point()) {
                return Err(fail(format!("{at}: period {:?} is no interval (`YYYY/YYYY`, `YYYY-MM/YYYY-MM`, ...)", fixed.period)));
            }
        }
        for (i, same) in rules.same_times.iter().enumerate() {
            let at = format!("same_time {}", i + 1);
            known_measures(&at, &same.measures, catalog).map_err(fail)?;
            known_measures(&at, std::slice::from_ref(&same.with), catalog).map_err(fail)?;
        }
        for (i, point) in rules.points_in_time.iter().enumerate() {
            let at = format!("point_in_time {}", i + 1);
            known_measures(&at, &point.measures, catalog).map_err(fail)?;
        }
        Ok(rules)
    }
}

/// A rule's measures, at `at` in the file: at least one, each in the catalog; else why not.
fn known_measures(at: &str, measures: &[String], catalog: &Catalog) -> std::result::Result<(), String> {
    if measures.is_empty() {
        return Err(format!("{at}: no measures"));
    }
    match measures.iter().find(|id| catalog.get(id).is_none()) {
        Some(id) => Err(format!("{at}: unknown measure {id:?}")),
        None => Ok(()),
    }
}

impl PeriodRules {
    /// The words of a language; none when the file lists none.
    pub fn words(&self, language: &str) -> &PeriodWords {
        static NO_WORDS: PeriodWords = PeriodWords {
            weekdays: Vec::new(),
            baseline_openers: Vec::new(),
            own_anchor_phrases: Vec::new(),
            year_before: Vec::new(),
            back_references: Vec::new(),
            clause_breaks: Vec::new(),
            start_words: Vec::new(),
            until_words: Vec::new(),
            start_verbs: Vec::new(),
            relative_openers: Vec::new(),
            future_words: Vec::new(),
            future_suffixes: Vec::new(),
            coordinators: Vec::new(),
            participle_suffixes: Vec::new(),
            first_periods: BTreeMap::new(),
            to_date_openers: Vec::new(),
            daily_phrases: Vec::new(),
            change_nouns: Vec::new(),
            cutoff_openers: Vec::new(),
            that_date: Vec::new(),
            now_words: Vec::new(),
            first_words: Vec::new(),
            partitive_phrases: Vec::new(),
            period_end: Vec::new(),
            report_period: Vec::new(),
            other_sources: Vec::new(),
            back_determiners: Vec::new(),
            before_start: Vec::new(),
        };
        self.language.get(language).unwrap_or(&NO_WORDS)
    }
}

/// Give the statements of each running total the interval from the article's start to their
/// date. `reference` is the article's date at the precision known: the end of a figure
/// without one (a running total is counted up to the time of writing).
pub fn apply(doc: &Doc, mentions: &mut [Mention], rules: &PeriodRules, lexicon: &Lexicon, words: &PeriodWords, reference: Option<Period>) {
    for rule in &rules.running_totals {
        let stated = stated_start(mentions, &rule.start).or_else(|| since_start(doc, mentions, rule, lexicon, words)).map(|s| refined(mentions, rule, s));
        for i in 0..mentions.len() {
            let m = &mentions[i];
            if !of_rule(m, rule) {
                continue;
            }
            // A duration of the rule dates its own start, and that of the figures of its
            // sentence ("over 33 months of emergency rule, at least 318 died"); the stated
            // start, when they agree.
            let length = rule.length.as_ref().and_then(|id| {
                let own = m.measure.as_ref() == Some(id);
                mentions.iter().find(|l| if own { std::ptr::eq(*l, m) } else { l.is_statement && l.sentence == m.sentence && l.measure.as_ref() == Some(id) })
            });
            // "On March 27, 2022, the Assembly approved it. Over two and a half years, police have
            // detained 71,400": a length runs to the date its own sentence names, else to the
            // article's, never to a date told before (often the start itself).
            let to_now = length.is_some() && m.as_of.is_some_and(|p| dated_before(mentions, m.sentence, p));
            let Some(end) = (if to_now { reference } else { m.as_of.or(reference) }) else {
                mentions[i].as_of = None;
                continue;
            };
            let counted_back = length.and_then(|l| counted_back(l, &end));
            let start = match (stated, counted_back) {
                (Some(s), Some(c)) if same_at_coarser(&s, &c) || length.is_some_and(|l| within_rounding(l, &s, &c)) => Some(s),
                (Some(s), Some(_)) if m.measure != rule.length => Some(s),
                (_, Some(c)) => Some(c),
                (s, None) => s,
            };
            if let Some(months) = first_months(doc, &mentions[i], words) {
                mentions[i].as_of = first_period(start, months, end).or(mentions[i].as_of);
                continue;
            }
            let Some(start) = start else { continue };
            mentions[i].as_of = Some(running(start, end, reference));
        }
        if let Some(start) = stated {
            date_before_the_start(doc, mentions, start, &words.before_start);
        }
    }
}

/// "La población, que antes del régimen rondaba los 1.234 presos": a figure whose clause
/// says, before it, that it held before the start (`phrases`) describes the start's month
/// (its year, when only that is known), not the time of writing.
fn date_before_the_start(doc: &Doc, mentions: &mut [Mention], start: Period, phrases: &[String]) {
    if phrases.is_empty() {
        return;
    }
    let month = match start.start {
        Point::Day(d) => Point::Month(d.year(), d.month()),
        other => other,
    };
    for m in mentions.iter_mut().filter(|m| m.is_statement && !matches!(m.kind, "date" | "year") && m.sentence < doc.sentences.len()) {
        let (from, _) = doc.clause_span(m.sentence, m.start, m.end);
        let lead = crate::transform::claims::lower_padded(doc.slice(from, m.start));
        if phrases.iter().any(|p| crate::transform::claims::has_phrase(&lead, p)) {
            m.as_of = Some(Period::at(month));
        }
    }
}

/// Is `period` the date of a date or year mention of a sentence before `sentence`, which
/// itself names none: did the statement borrow it?
fn dated_before(mentions: &[Mention], sentence: usize, period: Period) -> bool {
    let dates = || mentions.iter().filter(|d| matches!(d.kind, "date" | "year"));
    !dates().any(|d| d.sentence == sentence) && dates().any(|d| d.sentence < sentence && d.value.as_deref().and_then(Period::parse) == Some(period))
}

/// The months of a first period named in the statement's sentence ("in its first year").
fn first_months(doc: &Doc, m: &Mention, words: &PeriodWords) -> Option<u32> {
    if words.first_periods.is_empty() || m.sentence >= doc.sentences.len() {
        return None;
    }
    let words_of = |s: &str| s.to_lowercase().split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
    let sentence = format!(" {} ", words_of(&doc.sentence_text(m.sentence)));
    words.first_periods.iter().find(|(phrase, _)| sentence.contains(&format!(" {} ", words_of(phrase)))).map(|(_, n)| *n)
}

/// The first `months` of a running total: from its start, when stated, to that many months
/// later; else from that many months before the figure's date `end` (a point) to it.
fn first_period(start: Option<Period>, months: u32, end: Period) -> Option<Period> {
    let month_of = |d: NaiveDate| Point::Month(d.year(), d.month());
    match start {
        Some(s) => {
            let first = s.start.first_day();
            let last = first.checked_add_months(Months::new(months))?;
            let last = if matches!(s.start, Point::Day(_)) { Point::Day(last) } else { month_of(last) };
            Some(Period::between(s.start, last))
        }
        None if end.is_point() && !matches!(end.end, Point::Year(_)) => {
            let first = end.end.first_day().checked_sub_months(Months::new(months))?;
            Some(Period::between(month_of(first), end.end))
        }
        None => None,
    }
}

/// Is the mention a statement of one of the rule's measures?
fn of_rule(m: &Mention, rule: &RunningTotal) -> bool {
    m.is_statement && m.measure.as_ref().is_some_and(|id| rule.measures.contains(id))
}

/// The start `start` to the day, when a sentence of the rule's statements gives a day within
/// it ("March 2022" stated as the start, "57,410 arrests from 27 March 2022 to 18 October").
fn refined(mentions: &[Mention], rule: &RunningTotal, start: Period) -> Period {
    let (first, last) = start.bounds();
    let sentences: std::collections::BTreeSet<usize> = mentions.iter().filter(|m| of_rule(m, rule)).map(|m| m.sentence).collect();
    mentions
        .iter()
        .filter(|m| m.kind == "date" && sentences.contains(&m.sentence))
        .filter_map(|m| m.value.as_deref().and_then(Period::parse))
        .filter(|p| matches!(p.start, Point::Day(_)) && p.is_point() && p.start.first_day() >= first && p.start.last_day() <= last)
        .min_by_key(|p| p.start.first_day())
        .unwrap_or(start)
}

/// The interval of a running total from `start` to a figure dated `end`: a figure dated at or
/// before the start dates the start itself ("since operations began on March 25") and runs to
/// the article's date; an interval the text gives stays.
pub(crate) fn running(start: Period, end: Period, reference: Option<Period>) -> Period {
    if !end.is_point() {
        return end;
    }
    // Within a start known to the month or day, the figure's date is the start's; a start
    // known only to the year ("2022", counted back from "two years") holds later dates too.
    let (first, last) = (start.start.first_day(), start.start.last_day());
    let at_start = end.end.last_day() <= first || (!matches!(start.start, Point::Year(_)) && end.end.last_day() <= last);
    if at_start {
        return match reference {
            Some(r) if r.end.first_day() > end.end.last_day() => end.through(&r),
            _ => end,
        };
    }
    start.starting_point().through(&end)
}

/// The start the article states: of its statements of the `start` measure, the one ending
/// first (a dateline or a later milestone mislabelled as the start ends later), the first
/// written on a tie.
fn stated_start(mentions: &[Mention], measure: &str) -> Option<Period> {
    mentions
        .iter()
        .filter(|m| m.is_statement && m.measure.as_deref() == Some(measure))
        .filter_map(|m| m.value.as_deref().and_then(Period::parse))
        .min_by_key(|p| p.end.last_day())
}

/// The start the article gives in passing, when no statement states it: the earliest date
/// after "since", or named a beginning by the apposition after it ("27 de marzo de 2022,
/// fecha en que se aprobó el régimen"), in a sentence that holds one of the rule's statements
/// ("the police have made 64,000 arrests since 27 March 2022").
fn since_start(doc: &Doc, mentions: &[Mention], rule: &RunningTotal, lexicon: &Lexicon, words: &PeriodWords) -> Option<Period> {
    let sentences: std::collections::BTreeSet<usize> = mentions.iter().filter(|m| of_rule(m, rule)).map(|m| m.sentence).collect();
    mentions
        .iter()
        .filter(|m| matches!(m.kind, "date" | "year") && m.start >= doc.front_matter_end && sentences.contains(&m.sentence))
        .filter(|m| (after_since(doc, m, lexicon, words) || named_a_start_after(doc, m, words) || named_a_start_before(doc, m, words)) && !is_name_year(doc, m, lexicon))
        .filter_map(|m| m.value.as_deref().and_then(Period::parse))
        .min_by_key(|p| p.end.last_day())
}

/// "seven months" of a figure dated `end`: its start, to the day for weeks and days; for years
/// and months, the month `end` minus the length falls in when the length is "nearly" so (the
/// start is that day or later), else the start lies in the month before it or that month:
/// their year when both share it ("33 months" to 20 January 2025: 2022), else that month.
pub(crate) fn counted_back(m: &Mention, end: &Period) -> Option<Period> {
    let number = m.number().filter(|n| *n >= 0.0 && *n < 1000.0)?;
    // "dos años y medio": a length in years is counted in whole months.
    let whole = |x: f64| (x.fract() == 0.0).then_some(x as u32);
    let last = end.end.last_day();
    let day = |d: Option<NaiveDate>| d.map(|d| Period::at(Point::Day(d)));
    match m.unit.as_deref()? {
        "years" | "months" => {
            let months = if m.unit.as_deref() == Some("years") { whole(12.0 * number)? } else { whole(number)? };
            let latest = last.checked_sub_months(Months::new(months))?;
            // Counted back from a year (an undated article's): a year, no finer.
            if matches!(end.end, Point::Year(_)) {
                return Some(Period::at(Point::Year(latest.year())));
            }
            let month = Period::at(Point::Month(latest.year(), latest.month()));
            let nearly = matches!(m.qualifier, "approximately" | "just_under" | "less_than" | "at_most");
            let earliest = latest.checked_sub_months(Months::new(1))?.succ_opt()?;
            Some(if nearly || earliest.month() == latest.month() || earliest.year() != latest.year() { month } else { Period::at(Point::Year(latest.year())) })
        }
        "weeks" => day(last.checked_sub_days(chrono::Days::new(7 * u64::from(whole(number)?)))),
        "days" => day(last.checked_sub_days(chrono::Days::new(u64::from(whole(number)?)))),
        _ => None,
    }
}

/// Most months a length rounded in words ("nearly three years", "about two years") may be
/// off the time it rounds.
const ROUNDING_MONTHS: u32 = 6;

/// Does the stated start `stated` fit a length that only rounds the time (`counted`, the start
/// counted back by the rounded number): "nearly three years" to January ends after a start
/// some months later than three years before; "about" either way, "more than" earlier, a few
/// months at most? An exact length must agree to the precision written.
fn within_rounding(length: &Mention, stated: &Period, counted: &Period) -> bool {
    let (s, c) = (stated.start.first_day(), counted.start.first_day());
    let later = c.checked_add_months(Months::new(ROUNDING_MONTHS)).is_some_and(|limit| s > c && s <= limit);
    let earlier = s.checked_add_months(Months::new(ROUNDING_MONTHS)).is_some_and(|limit| s < c && c <= limit);
    match length.qualifier {
        "just_under" | "less_than" | "at_most" => later,
        "more_than" | "at_least" => earlier,
        "approximately" => later || earlier,
        _ => false,
    }
}

/// Both periods' starts agree at the coarser precision of the two.
fn same_at_coarser(a: &Period, b: &Period) -> bool {
    let (x, y) = (a.start.to_string(), b.start.to_string());
    let n = x.len().min(y.len());
    x[..n] == y[..n]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(kind: &'static str, value: &str, unit: Option<&str>, measure: &str, as_of: Option<&str>) -> Mention {
        Mention {
            date_range: None,
            start: 0,
            end: 0,
            surface: String::new(),
            kind,
            value: Some(value.into()),
            low: None,
            high: None,
            qualifier: "",
            unit: unit.map(str::to_string),
            is_statement: true,
            measure: Some(measure.into()),
            measure_evidence: None,
            as_of: as_of.and_then(Period::parse),
            sentence: 0,
        }
    }

    fn rules() -> PeriodRules {
        toml::from_str("[[running_total]]\nmeasures = [\"arrests\", \"length\"]\nstart = \"start\"\nlength = \"length\"\n").unwrap()
    }

    fn run(text: &str, ms: &mut [Mention], reference: &str) {
        let lexicons = crate::extract::Lexicons::embedded().unwrap();
        apply(&Doc::new(text), ms, &rules(), &lexicons.by_language["en"], &PeriodWords::default(), Period::parse(reference));
    }

    fn as_of(m: &Mention) -> String {
        m.as_of.map(|p| p.to_string()).unwrap_or_default()
    }

    #[test]
    fn a_running_total_runs_from_the_stated_start() {
        let mut ms = vec![
            mention("date", "2021-05", None, "start", None),
            mention("date", "2021-06-10", None, "start", None),
            mention("count", "1234", Some("persons"), "arrests", Some("2022-01-10")),
            mention("count", "99", Some("persons"), "arrests", None),
            mention("count", "5", Some("persons"), "arrests", Some("2021-05-02")),
        ];
        run("", &mut ms, "2022-02-01");
        assert_eq!(as_of(&ms[2]), "2021-05/2022-01-10");
        assert_eq!(as_of(&ms[3]), "2021-05/2022-02-01");
        // Dated before the start: the date is where the count began.
        assert_eq!(as_of(&ms[4]), "2021-05-02/2022-02-01");
    }

    #[test]
    fn a_length_dates_the_start_back() {
        let mut ms = vec![
            mention("duration", "7", Some("months"), "length", None),
            mention("duration", "2", Some("years"), "length", Some("2023-03-20")),
            mention("count", "1234", Some("persons"), "arrests", None),
        ];
        ms[0].qualifier = "approximately";
        (ms[1].sentence, ms[2].sentence) = (1, 2);
        run("", &mut ms, "2021-10-23");
        // Nearly seven months: the start is in the month seven months back.
        assert_eq!(as_of(&ms[0]), "2021-03/2021-10-23");
        // Two years: February or March 2021, so 2021.
        assert_eq!(as_of(&ms[1]), "2021/2023-03-20");
        // Only the length's own start: the article states none for the count.
        assert_eq!(as_of(&ms[2]), "");
    }

    #[test]
    fn a_length_in_the_figures_sentence_dates_its_start() {
        let mut ms = vec![mention("duration", "5", Some("months"), "length", None), mention("count", "1234", Some("persons"), "arrests", None)];
        ms[0].qualifier = "approximately";
        run("", &mut ms, "2021-10-23");
        assert_eq!(as_of(&ms[1]), "2021-05/2021-10-23");
    }

    #[test]
    fn a_day_within_the_stated_start_refines_it() {
        let mut day = mention("date", "2021-05-09", None, "", None);
        (day.is_statement, day.measure, day.sentence) = (false, None, 1);
        let mut count = mention("count", "1234", Some("persons"), "arrests", Some("2022-01-10"));
        count.sentence = 1;
        let mut ms = vec![mention("date", "2021-05", None, "start", None), day, count];
        run("", &mut ms, "2022-02-01");
        assert_eq!(as_of(&ms[2]), "2021-05-09/2022-01-10");
    }

    #[test]
    fn the_embedded_rules_load_and_bad_ones_are_refused_naming_the_file() {
        let k = crate::knowledge::Knowledge::load(None).unwrap();
        assert!(!k.periods.running_totals.is_empty());
        assert_eq!(k.periods.words("es").weekdays.len(), 7);
        let bad = [
            "[[running_total]]\nmeasures = [\"no_such_measure\"]\nstart = \"es_state_of_exception_start\"\n",
            "[[running_total]]\nmeasures = [\"es_state_of_exception_arrests\"]\nstart = \"es_state_of_exception_arrests\"\n",
            "[language.en]\nweekdays = [\"monday\"]\n",
            "[language.en]\nyear_before = [\" \"]\n",
            "[language.en]\nback_references = [\"that\", \"\"]\n",
            "[[running_total]]\nmeasures = []\nstart = \"es_state_of_exception_start\"\nextra = 1\n",
            "[[group_part]]\nmeasures = [\"no_such_measure\"]\ngroup = \"venezuelans_deported_to_cecot\"\n",
            "[[group_part]]\nmeasures = []\ngroup = \"venezuelans_deported_to_cecot\"\n",
        ];
        for text in bad {
            let err = PeriodRules::parse("periods.toml", text, &k.measures).unwrap_err().to_string();
            assert!(err.contains("periods.toml"), "{err}");
        }
    }

    #[test]
    fn no_start_stated_leaves_the_date() {
        let mut ms = vec![mention("count", "1234", Some("persons"), "arrests", Some("2022-01-10"))];
        run("", &mut ms, "2022-02-01");
        assert_eq!(as_of(&ms[0]), "2022-01-10");
    }

    #[test]
    fn a_date_after_since_in_the_figures_sentence_is_the_start() {
        let text = "Police made 1,234 arrests since March 3, 2021.";
        let mut date = mention("date", "2021-03-03", None, "", None);
        (date.start, date.end, date.is_statement, date.measure) = (32, 45, false, None);
        let mut ms = vec![mention("count", "1234", Some("arrests"), "arrests", None), date];
        run(text, &mut ms, "2022-02-01");
        assert_eq!(as_of(&ms[0]), "2021-03-03/2022-02-01");
    }
}
