//! Dates and times: full and partial dates, years, weekdays, slash dates, parts of a year, the
//! dateline, clock times and decades; a date without a year takes it from the article or its context.

use chrono::{Datelike, NaiveDate};

use super::{Cand, Grammar, ARTICLES};
use crate::extract::lexicon::Lexicon;
use crate::extract::text::{Doc, Token};
use crate::period::{Period, Point};

/// The most months ahead of the article's date a deadline told in the past tense may fall
/// ("was extended until February 15"); a month further ahead is the one just gone.
const PAST_DEADLINE_MONTHS: u32 = 6;

/// Months from the article's month `r` forward to `month` (0 to 11).
fn months_ahead(month: u32, r: NaiveDate) -> u32 {
    (month + 12 - r.month()) % 12
}

/// How many words before a date a future-tense verb may stand ("will expire on November 14").
const FUTURE_TENSE_REACH: usize = 3;

/// How many tokens before a deadline most of a year ahead its verb in the future may stand
/// ("will be extended until the 31st of December").
const DEADLINE_VERB_REACH: usize = 8;

/// A dateline is looked for in the first lines of the text, and its first characters.
const DATELINE_LINES: usize = 4;

const DATELINE_CHARS: usize = 400;

/// How many earlier mentions a month without a year looks back through for its year.
const MONTH_LOOKBACK: usize = 400;

/// ... and how many sentences back: a month named long before ("Since March 2022 ...") is
/// another March than the one a later paragraph tells of.
const MONTH_SENTENCES: usize = 3;

/// Which occurrence of a month, relative to the article's date, a date without a year means.
enum Towards {
    /// The latest one strictly before the article's month ("diciembre pasado").
    Before,
    /// The latest one up to the article's month (most dates in a story).
    OnOrBefore,
    /// The first one from the article's month on ("until February 15").
    OnOrAfter,
}

/// The year of `month` taken `towards` the article's date `r`.
fn year_of_month(month: u32, r: NaiveDate, towards: Towards) -> i32 {
    match towards {
        Towards::Before if month < r.month() => r.year(),
        Towards::OnOrBefore if month <= r.month() => r.year(),
        Towards::Before | Towards::OnOrBefore => r.year() - 1,
        Towards::OnOrAfter if month >= r.month() => r.year(),
        Towards::OnOrAfter => r.year() + 1,
    }
}

/// Where a dateline may stand: the first lines of the text that hold anything (a blank line
/// between headline, byline and date is layout, not a line of the story), within its first
/// characters.
pub(super) fn dateline_end(doc: &Doc) -> usize {
    let ends = doc.chars.iter().enumerate().filter(|(_, c)| **c == '\n').map(|(k, _)| k);
    let mut line_start = 0;
    let mut lines = 0;
    for end in ends {
        let blank = doc.chars[line_start..end].iter().all(|c| c.is_whitespace());
        line_start = end + 1;
        if !blank {
            lines += 1;
            if lines > DATELINE_LINES {
                return end.min(DATELINE_CHARS);
            }
        }
    }
    doc.chars.len().min(DATELINE_CHARS)
}

fn month_name_ok(tok: &Token, lex: &Lexicon) -> Option<u32> {
    let m = *lex.months.get(&tok.lower)?;
    // English month names double as words ("may", "march"): only capitalised ones count.
    if !lex.lower_case_months && !tok.starts_upper() {
        return None;
    }
    Some(m)
}

impl<'a> Grammar<'a> {
    /// Dates: "March 27, 2022", "11 June 2024", "2 de diciembre de 2024", "marzo de 2022",
    /// "2025-07-23", "January 2023", a bare month ("in April") with its year from context.
    pub(super) fn date_at(&self, toks: &[Token], i: usize, reference: Option<NaiveDate>, before: &[Cand]) -> Option<Cand> {
        let t = toks.get(i)?;
        let lex = self.lex;
        let sentence = t.sentence;
        let same = |k: usize| toks.get(k).filter(|x| x.sentence == sentence);
        // ISO 8601.
        if t.is_digits() && t.lower.len() == 4 {
            if let (Some(d1), Some(m), Some(d2), Some(d)) = (same(i + 1), same(i + 2), same(i + 3), same(i + 4)) {
                if d1.is("-")
                    && d2.is("-")
                    && m.is_digits()
                    && d.is_digits()
                    && !d1.space_before
                    && !m.space_before
                    && !d2.space_before
                    && !d.space_before
                    && m.lower.len() == 2
                    && d.lower.len() == 2
                {
                    let date = NaiveDate::from_ymd_opt(t.lower.parse().ok()?, m.lower.parse().ok()?, d.lower.parse().ok()?)?;
                    return Some(self.date_cand(i, i + 5, date.format("%Y-%m-%d").to_string()));
                }
            }
            if let Some(c) = self.iso_month_at(toks, i) {
                return Some(c);
            }
        }
        if let Some(c) = self.slash_date_at(toks, i, reference).or_else(|| self.second_day_at(toks, i, before)) {
            return Some(c);
        }
        // Day first: "11 June 2024", "2 de diciembre de 2024", "27 de marzo"; a day in words
        // as transcripts write it ("el quince de marzo").
        let day_in_words = self.day_in_words(toks, i);
        if (t.is_digits() && t.lower.len() <= 2) || day_in_words.is_some() {
            let day: u32 = match day_in_words {
                Some(day) => day,
                None => t.lower.parse().ok()?,
            };
            let mut k = i + 1;
            if same(k).is_some_and(|x| x.is("de")) {
                k += 1;
            } else if same(k).is_some_and(|x| x.is(",")) && same(k + 1).and_then(|m| month_name_ok(m, lex)).is_some() {
                // "19, October 2024": a comma between day and month only in a full date.
                let mut e = k + 2;
                if self.year_after(toks, &mut e, sentence).is_some() {
                    k += 1;
                }
            }
            if let Some(month) = same(k).and_then(|m| month_name_ok(m, lex)) {
                let mut end = k + 1;
                let year = self.year_after(toks, &mut end, sentence).or_else(|| self.relative_year_after(toks, &mut end, reference));
                let past = self.past_day_cue(toks, i);
                let year = year.or_else(|| self.past_day_year(month, day, reference).filter(|_| past));
                let inferred = year.is_none();
                let year = year.or_else(|| self.infer_year(toks, i, month, reference, before));
                let year = match (year, self.weekday_before(toks, i)) {
                    (Some(y), Some(w)) if inferred => Some(self.fit_weekday(y, month, day, w, reference)),
                    (y, _) => y,
                };
                let value = match year {
                    Some(y) => NaiveDate::from_ymd_opt(y, month, day).map(|d| d.format("%Y-%m-%d").to_string()),
                    None => None,
                };
                if (1..=31).contains(&day) {
                    let mut c = self.date_cand(i, end, value.unwrap_or_default());
                    c.year_inferred = inferred;
                    return Some(c);
                }
            }
            // "Entre el 15 y el 30 de marzo", "del 8 al 16 de febrero", "entre el sábado 15 y
            // el domingo 16 de marzo": a bare day joined to a full date, weekdays aside.
            if let Some((n, _)) = self.day_range_join.match_at(toks, i + 1).filter(|_| same(i + 1).is_some()) {
                let mut k = i + 1 + n;
                if same(k).is_some_and(|x| ARTICLES.contains(&x.lower.as_str())) {
                    k += 1;
                }
                if same(k).is_some_and(|x| lex.weekdays.contains_key(&x.lower)) {
                    k += 1;
                }
                let mut opener = i;
                if opener >= 1 && toks[opener - 1].sentence == sentence && lex.weekdays.contains_key(&toks[opener - 1].lower) {
                    opener -= 1;
                }
                if opener >= 1 && ARTICLES.contains(&toks[opener - 1].lower.as_str()) {
                    opener -= 1;
                }
                let opened = self.day_range_open.match_before(toks, opener).is_some_and(|(s, _)| toks[s].sentence == sentence);
                if opened {
                    if let Some(partner) = self.date_at(toks, k, reference, before) {
                        if let Some(v) = partner.value.as_deref().filter(|v| v.len() == 10) {
                            let date = NaiveDate::parse_from_str(v, "%Y-%m-%d").ok()?;
                            let d = NaiveDate::from_ymd_opt(date.year(), date.month(), day)?;
                            return Some(self.date_cand(i, i + 1, d.format("%Y-%m-%d").to_string()));
                        }
                    }
                }
            }
            return None;
        }
        // Month first: "March 27, 2022", "Oct. 14, 2024", "January 2023", "marzo de 2022", "June".
        let (a, month_tok) = if let Some((n, _)) = self.period_prefixes.match_at(toks, i) {
            let mut k = i + n;
            if same(k).is_some_and(|x| x.is("-")) {
                k += 1;
            }
            (i, k)
        } else if t.is("mid") && same(i + 1).is_some_and(|x| x.is("-")) {
            (i, i + 2)
        } else {
            (i, i)
        };
        let month = same(month_tok).and_then(|m| month_name_ok(m, lex))?;
        if month_tok != i && !toks[month_tok].space_before && !toks[month_tok - 1].is("-") {
            return None;
        }
        let mut k = month_tok + 1;
        // "Oct.", "Sept.": an abbreviation (a shorter spelling of a longer month name) takes its
        // dot; a full name ("July.") ends the sentence instead.
        let word = &toks[month_tok].lower;
        let abbreviation = lex.months.iter().any(|(name, n)| *n == month && name.len() > word.len() && name.starts_with(word.as_str()));
        if abbreviation && same(k).is_some_and(|x| x.is(".") && !x.space_before) {
            k += 1;
        }
        let mut day = None;
        if let Some(d) = same(k).filter(|d| d.is_digits() && d.lower.len() <= 2) {
            let v: u32 = d.lower.parse().ok()?;
            // Where days follow their month only in full dates ("marzo 8, 2024"), "en marzo 8,
            // en abril 10" is a month and a count.
            let year_follows = || {
                let mut e = k + 1;
                self.year_after(toks, &mut e, sentence).is_some()
            };
            if (1..=31).contains(&v) && !same(k + 1).is_some_and(|x| x.is(":")) && (lex.month_first_days || year_follows()) {
                day = Some(v);
                k += 1;
            }
        }
        let mut end = k;
        let mut year = self.year_after(toks, &mut end, sentence);
        if year.is_none() && day.is_some() {
            // "March 24 and 27, 2022": the year after the span's second day.
            if let Some((n, _)) = self.day_range_join.match_at(toks, end).filter(|_| same(end).is_some()) {
                if same(end + n).is_some_and(|d| d.is_digits() && d.lower.len() <= 2) {
                    let mut e2 = end + n + 1;
                    year = self.year_after(toks, &mut e2, sentence);
                }
            }
        }
        if year.is_none() && day.is_none() {
            // "June and November 2024": the partner's year.
            let j = end;
            if same(j).is_some_and(|x| lex.range_join.contains(&x.lower) || x.is("to") || x.is("a") || x.is("-"))
                && same(j + 1).and_then(|m| month_name_ok(m, lex)).is_some()
            {
                let mut e2 = j + 2;
                year = self.year_after(toks, &mut e2, sentence);
            }
        }
        let year = year.or_else(|| self.relative_year_after(toks, &mut end, reference));
        // "diciembre pasado", "last December": the latest such month before the article's.
        let past = if year.is_none() && day.is_none() { reference.zip(self.past_month_cue(toks, a, end)) } else { None };
        let (a, year) = match past {
            Some((r, (start, stop))) => {
                end = stop;
                (start, Some(year_of_month(month, r, Towards::Before)))
            }
            None => (a, year),
        };
        // "last January 3": the latest such day on or before the article's date.
        let past_day = match day {
            Some(d) if year.is_none() && self.past_day_cue(toks, a) => self.past_day_year(month, d, reference),
            _ => None,
        };
        let year = year.or(past_day).or_else(|| self.year_from_pair_start(toks, a, month, before));
        let inferred = year.is_none();
        let year = year.or_else(|| self.infer_year(toks, i, month, reference, before));
        let year = match (year, day, self.weekday_before(toks, a)) {
            (Some(y), Some(d), Some(w)) if inferred => Some(self.fit_weekday(y, month, d, w, reference)),
            (y, _, _) => y,
        };
        // A bare lower-case month after "de" is part of another date ("27 de marzo" handled above).
        let value = match (year, day) {
            (Some(y), Some(d)) => NaiveDate::from_ymd_opt(y, month, d).map(|x| x.format("%Y-%m-%d").to_string()),
            (Some(y), None) => Some(format!("{y:04}-{month:02}")),
            (None, _) => None,
        };
        let mut c = self.date_cand(a, end, value.unwrap_or_default());
        c.year_inferred = inferred;
        Some(c)
    }

    /// An ISO month, "2025-03": a year, a hyphen and two digits of a month with nothing glued
    /// after. "2011-12" and "2001-02" (the next year's last digits) are a span of years.
    /// The day of a date written in words: one cardinal word of the lexicon (1 to 31) followed
    /// by "de" and a month ("quince de marzo"). Only with "de": "one of May's" is no date.
    fn day_in_words(&self, toks: &[Token], i: usize) -> Option<u32> {
        let t = toks.get(i)?;
        let same = |k: usize| toks.get(k).filter(|x| x.sentence == t.sentence);
        let day = self.lex.cardinals.get(&t.lower).map(|v| *v as u32).filter(|d| (1..=31).contains(d))?;
        let month_after = same(i + 1).is_some_and(|x| x.is("de")) && same(i + 2).and_then(|m| month_name_ok(m, self.lex)).is_some();
        month_after.then_some(day)
    }

    fn iso_month_at(&self, toks: &[Token], i: usize) -> Option<Cand> {
        let (t, d1, m) = (toks.get(i)?, toks.get(i + 1)?, toks.get(i + 2)?);
        let glued = |x: &Token| !x.space_before && x.sentence == t.sentence;
        if !(d1.is("-") && glued(d1) && m.is_digits() && glued(m) && m.lower.len() == 2 && m.lower.chars().all(|c| c.is_ascii_digit())) {
            return None;
        }
        if toks.get(i + 3).is_some_and(|x| !x.space_before && (x.is_digits() || x.is("-") || x.is_word())) {
            return None;
        }
        let (year, month): (i32, u32) = (t.lower.parse().ok()?, m.lower.parse().ok()?);
        let next_year = (year + 1).rem_euclid(100) as u32;
        if !(1990..=2100).contains(&year) || !(1..=12).contains(&month) || month == next_year {
            return None;
        }
        Some(self.date_cand(i, i + 3, format!("{year:04}-{month:02}")))
    }

    /// A day name right before a date, or before its comma ("el domingo 5 de enero", "Sunday,
    /// January 5"): days from Monday.
    fn weekday_before(&self, toks: &[Token], a: usize) -> Option<u32> {
        let sentence = toks[a].sentence;
        let mut k = a;
        if k > 0 && toks[k - 1].is(",") {
            k -= 1;
        }
        let w = toks.get(k.checked_sub(1)?).filter(|w| w.sentence == sentence)?;
        self.lex.weekdays.get(&w.lower).copied()
    }

    /// The year a day and month fall on the weekday written with them: the year guessed if it
    /// fits, else the first plausible one that does (the article's year and the ones around it;
    /// undated, the year it is taken to be written in and the one after).
    fn fit_weekday(&self, guess: i32, month: u32, day: u32, weekday: u32, reference: Option<NaiveDate>) -> i32 {
        let plausible: Vec<i32> = match (reference, self.undated_year.get()) {
            (Some(r), _) => vec![r.year(), r.year() - 1, r.year() + 1],
            (None, Some(y)) => vec![y, y + 1],
            (None, None) => Vec::new(),
        };
        let fits = |y: &i32| NaiveDate::from_ymd_opt(*y, month, day).is_some_and(|d| d.weekday().num_days_from_monday() == weekday);
        std::iter::once(guess).chain(plausible).find(fits).unwrap_or(guess)
    }

    /// A word of the lexicon's `past_day_before` ("last", "this past") right before token `a`.
    fn past_day_cue(&self, toks: &[Token], a: usize) -> bool {
        self.lex.past_day_before.iter().any(|cue| {
            let words: Vec<&str> = cue.split_whitespace().collect();
            a >= words.len() && toks[a - words.len()..a].iter().zip(&words).all(|(t, w)| t.lower == *w && t.sentence == toks[a].sentence)
        })
    }

    /// The year of "el pasado 3 de enero": the latest such day on or before the article's date;
    /// undated, the year the article is taken to be written in.
    fn past_day_year(&self, month: u32, day: u32, reference: Option<NaiveDate>) -> Option<i32> {
        match reference {
            Some(r) if (month, day) <= (r.month(), r.day()) => Some(r.year()),
            Some(r) => Some(r.year() - 1),
            None => self.undated_year.get(),
        }
    }

    /// "March 24 and 27, 2022", "March 24-27": a bare day right after a dated day and a joiner
    /// of a span of days takes that date's month, and its year unless one follows.
    fn second_day_at(&self, toks: &[Token], i: usize, before: &[Cand]) -> Option<Cand> {
        let t = toks.get(i).filter(|t| t.is_digits() && t.lower.len() <= 2)?;
        let prev = before.last().filter(|p| p.kind == "date" && toks[p.a].sentence == t.sentence)?;
        let first = NaiveDate::parse_from_str(prev.value.as_deref()?, "%Y-%m-%d").ok()?;
        let (n, _) = self.day_range_join.match_at(toks, prev.b)?;
        if prev.b + n != i || toks.get(i + 1).is_some_and(|x| self.lex.months.contains_key(&x.lower) || x.is("de")) {
            return None;
        }
        let day: u32 = t.lower.parse().ok()?;
        let mut end = i + 1;
        let year = self.year_after(toks, &mut end, t.sentence).unwrap_or(first.year());
        let date = NaiveDate::from_ymd_opt(year, first.month(), day).filter(|d| *d > first)?;
        Some(self.date_cand(i, end, date.format("%Y-%m-%d").to_string()))
    }

    /// "el primer trimestre de 2024", "the second quarter of 2025", "la segunda mitad de este
    /// año": an ordinal part of a year (schemas' `parts_of_year`) with its year written or named
    /// relative to the article's date is one date range of months.
    pub(super) fn part_of_year_at(&self, toks: &[Token], i: usize, reference: Option<NaiveDate>) -> Option<Cand> {
        let t = toks.get(i)?;
        let nth = *self.lex.ordinals.get(&t.lower)?;
        let noun = toks.get(i + 1).filter(|x| x.sentence == t.sentence)?;
        let months = *self.lex.parts_of_year.get(&noun.lower)?;
        let nth = nth as u32;
        if nth == 0 || nth * months > 12 {
            return None;
        }
        let mut end = i + 2;
        // "of 2025": English joins the year with a preposition `year_after` does not read.
        if toks.get(end).is_some_and(|x| x.is("of") && x.sentence == t.sentence) && toks.get(end + 1).is_some_and(|y| y.is_digits() && y.lower.len() == 4) {
            end += 1;
        }
        let year = self.year_after(toks, &mut end, t.sentence).or_else(|| self.relative_year_after(toks, &mut end, reference))?;
        let (first, last) = ((nth - 1) * months + 1, nth * months);
        let mut c = self.date_cand(i, end, String::new());
        c.qualifier = "range";
        c.date_range = Some(Period::between(Point::Month(year, first), Point::Month(year, last)));
        Some(c)
    }

    /// "01/03/2023", "3/27/2025": day and month in the lexicon's `slash_date_order` (`dmy` or
    /// `mdy`), unless a part above 12 shows which is the day, or one reading is the article's
    /// own date (a dateline "05/04/2022" on an article of 5 April 2022 in English).
    fn slash_date_at(&self, toks: &[Token], i: usize, reference: Option<NaiveDate>) -> Option<Cand> {
        let part = |k: usize, lens: &[usize]| {
            toks.get(k).filter(|t| t.is_digits() && lens.contains(&t.lower.len()) && t.lower.chars().all(|c| c.is_ascii_digit()) && (k == i || !t.space_before))
        };
        let slash = |k: usize| toks.get(k).is_some_and(|t| t.is("/") && !t.space_before);
        let (a, b, y) = (part(i, &[1, 2])?, part(i + 2, &[1, 2])?, part(i + 4, &[4])?);
        if !(slash(i + 1) && slash(i + 3)) || toks.get(i + 5).is_some_and(|t| (t.is("/") || t.is_digits()) && !t.space_before) {
            return None;
        }
        let (a, b, year): (u32, u32, i32) = (a.lower.parse().ok()?, b.lower.parse().ok()?, y.lower.parse().ok()?);
        let (day, month) = if a > 12 || (b <= 12 && self.lex.slash_date_order != "mdy") { (a, b) } else { (b, a) };
        let swapped = NaiveDate::from_ymd_opt(year, day, month).filter(|_| day <= 12 && day != month);
        let date = match swapped {
            Some(other) if reference == Some(other) => other,
            _ => NaiveDate::from_ymd_opt(year, month, day)?,
        };
        Some(self.date_cand(i, i + 5, date.format("%Y-%m-%d").to_string()))
    }

    /// "between October and March": the second month follows the first in time.
    fn year_from_pair_start(&self, toks: &[Token], a: usize, month: u32, before: &[Cand]) -> Option<i32> {
        let prev = before.last()?;
        if prev.kind != "date" || prev.b + 1 != a {
            return None;
        }
        let joiner = &toks[prev.b];
        if !(self.lex.range_join.contains(&joiner.lower) || joiner.is("to") || joiner.is("-") || joiner.is("a")) {
            return None;
        }
        let v = prev.value.as_deref()?;
        let (y, m): (i32, u32) = (v.get(..4)?.parse().ok()?, v.get(5..7)?.parse().ok()?);
        Some(if month < m { y + 1 } else { y })
    }

    /// "de este año", "of last year" after a day and month: the article's year moved by the
    /// lexicon's `relative_years`; advances `end`.
    /// Undated, the year the article is taken to be written in ("hasta el 16 de mayo de este
    /// año" in an article that names 2024 last).
    fn relative_year_after(&self, toks: &[Token], end: &mut usize, reference: Option<NaiveDate>) -> Option<i32> {
        let year = reference.map(|r| r.year()).or_else(|| self.undated_year.get())?;
        let (n, delta) = self.relative_years.match_at(toks, *end).filter(|_| toks[*end].sentence == toks[*end - 1].sentence)?;
        *end += n;
        Some(year + delta)
    }

    /// Read ", 2024" / " 2024" / " de 2024" after a month or day; advances `end`.
    fn year_after(&self, toks: &[Token], end: &mut usize, sentence: usize) -> Option<i32> {
        let mut k = *end;
        let same = |k: usize| toks.get(k).filter(|x| x.sentence == sentence);
        if same(k).is_some_and(|x| x.is(",") || x.is("de") || x.is("del")) {
            k += 1;
            // "marzo del año 2022"
            if same(k).is_some_and(|x| self.lex.year_words.contains(&x.lower)) && same(k + 1).is_some_and(|y| y.is_digits() && y.lower.len() == 4) {
                k += 1;
            }
        }
        let y = same(k).filter(|y| y.is_digits() && y.lower.len() == 4)?;
        let v: i32 = y.lower.parse().ok()?;
        if !(1000..=2100).contains(&v) {
            return None;
        }
        *end = k + 1;
        Some(v)
    }

    fn date_cand(&self, a: usize, b: usize, value: String) -> Cand {
        let mut c = Cand::new(a, b, "date", if value.is_empty() { None } else { Some(value) });
        c.is_statement = false;
        c
    }

    /// The year of a date written without one: an explicit year earlier in the sentence, an
    /// earlier mention of the same month with a year, else the latest such month on or before
    /// the reference date.
    fn infer_year(&self, toks: &[Token], i: usize, month: u32, reference: Option<NaiveDate>, before: &[Cand]) -> Option<i32> {
        let sentence = toks[i].sentence;
        // A date in the dateline ("Updated Jan 27", "WASHINGTON, Jan 27 (Reuters)") is the
        // article's own: its year, whatever years the lines around it name.
        if let Some(r) = reference.filter(|_| toks[i].start < self.dateline_end.get() && !self.looks_ahead(toks, i)) {
            return Some(year_of_month(month, r, Towards::OnOrBefore));
        }
        // "will expire on November 14", "se extiende hasta el 14 de noviembre" later in the
        // article's year: that year, whatever year the sentence names; but a bare "by"/"hasta"
        // in a sentence in the past tense closes a span in the past ("counted 23 by the end of
        // May" in a sentence about 2022).
        let past_sentence = || self.sentence_slice(toks, sentence).iter().any(|t| t.is_word() && crate::transform::claims::is_past_tense(&t.lower, self.lex));
        let ahead = self.future_tense_before(toks, i) || (self.looks_ahead(toks, i) && !past_sentence());
        if let Some(r) = reference.filter(|r| month >= r.month() && ahead) {
            return Some(r.year());
        }
        for c in before.iter().rev() {
            if toks[c.a].sentence != sentence {
                break;
            }
            if self.in_closed_aside(toks, c, i) {
                continue;
            }
            if c.kind == "year" {
                if let Some(v) = c.value.as_deref().and_then(|v| v.parse::<i32>().ok()) {
                    let name_year = c.a > 0 && toks[c.a - 1].is("of");
                    if !name_year {
                        return Some(v);
                    }
                }
            }
            // "approved on March 27, 2022, after ... on March 26": a full date's year.
            if c.kind == "date" {
                if let Some(v) = c.value.as_deref().filter(|v| v.len() >= 7).and_then(|v| v[..4].parse::<i32>().ok()) {
                    return Some(v);
                }
            }
        }
        // An earlier mention of the same month with a year, in the last few sentences: look back
        // a bounded way, so a long text costs linear time.
        for c in before.iter().rev().take(MONTH_LOOKBACK).take_while(|c| toks[c.a].sentence + MONTH_SENTENCES >= sentence) {
            if c.kind == "date" && !c.year_inferred {
                if let Some(v) = c.value.as_deref() {
                    if v.len() == 7 && v[5..7].parse::<u32>().ok() == Some(month) {
                        return v[..4].parse().ok();
                    }
                }
            }
        }
        match reference {
            // "until February 15" in January: a deadline ahead, the first such month from the
            // article's date on; otherwise the latest one on or before it. In a sentence in the
            // past, a month most of a year ahead is one just gone ("hasta el 30 de septiembre se
            // contabilizaban", written in October).
            // Without a verb in the future, a month most of a year ahead is one just gone
            // whatever the tense ("las capturas realizadas hasta el 28 de febrero", in March).
            Some(r)
                if self.looks_ahead(toks, i)
                    && !((past_sentence() || !self.future_tense_within(toks, i, DEADLINE_VERB_REACH)) && months_ahead(month, r) > PAST_DEADLINE_MONTHS) =>
            {
                Some(year_of_month(month, r, Towards::OnOrAfter))
            }
            Some(r) => Some(year_of_month(month, r, Towards::OnOrBefore)),
            // Without the article's date, the latest year the story has named so far ("en el
            // primer trimestre de 2025, igual que en 2024 ... el 16 de marzo"), else the latest
            // it names at all: news tells of its own year and the years before.
            // A year in the url slug bounds it from below.
            None => {
                let named = self.latest_year_named(before);
                let floor = self.url_year_floor.get();
                match named.or(self.latest_year.get()) {
                    Some(y) => Some(floor.map_or(y, |f| y.max(f))),
                    None => floor,
                }
            }
        }
    }

    /// Is the candidate inside an aside that one of the lexicon's `aside_openers` opens right
    /// after a comma, and a comma closes before token `i` ("…, que en marzo de 2022 era …, alcanzó
    /// … en febrero")?
    fn in_closed_aside(&self, toks: &[Token], c: &Cand, i: usize) -> bool {
        let sentence = toks[c.a].sentence;
        let Some(comma) = (0..c.a).rev().take_while(|&k| toks[k].sentence == sentence).find(|&k| toks[k].is(",")) else { return false };
        let opened = toks.get(comma + 1).is_some_and(|t| self.lex.aside_openers.contains(&t.lower));
        opened && (c.b..i).any(|k| toks[k].is(","))
    }

    /// The latest year named by the dates and years of `before`, the candidates found so far
    /// in this run (a list that only grows while the run scans the text).
    fn latest_year_named(&self, before: &[Cand]) -> Option<i32> {
        let (mut seen, mut latest) = self.years_named.get();
        if seen > before.len() {
            (seen, latest) = (0, None);
        }
        let year_of = |c: &Cand| c.value.as_deref().and_then(|v| v.get(..4)?.parse::<i32>().ok()).or_else(|| c.date_range.map(|r| r.end.year()));
        let years = before[seen..].iter().filter(|c| matches!(c.kind, "date" | "year")).filter_map(year_of);
        latest = latest.max(years.max());
        self.years_named.set((before.len(), latest));
        latest
    }

    /// "diciembre pasado", "last December": a word of the lexicon's `past_month_before` right
    /// before the month, or of `past_month_after` right after it; the span with it.
    fn past_month_cue(&self, toks: &[Token], a: usize, end: usize) -> Option<(usize, usize)> {
        let sentence = toks[a].sentence;
        if let Some((s, _)) = self.past_month_before.match_before(toks, a).filter(|(s, _)| toks[*s].sentence == sentence) {
            return Some((s, end));
        }
        let (n, _) = self.past_month_after.match_at(toks, end).filter(|_| toks.get(end).is_some_and(|t| t.sentence == sentence))?;
        Some((a, end + n))
    }

    /// A date after a word that points ahead ("until", "hasta el", "next"): the lexicon's
    /// `future_date_cues`, right before the date or its article.
    fn looks_ahead(&self, toks: &[Token], i: usize) -> bool {
        let mut k = i;
        if k > 0 && ARTICLES.contains(&toks[k - 1].lower.as_str()) {
            k -= 1;
        }
        let cue = k > 0 && toks[k - 1].sentence == toks[i].sentence && self.lex.future_date_cues.contains(&toks[k - 1].lower);
        cue || self.future_tense_before(toks, i)
    }

    /// A future-tense word a few words before token `i`, within its clause ("will expire on",
    /// "vencerá el").
    fn future_tense_before(&self, toks: &[Token], i: usize) -> bool {
        self.future_tense_within(toks, i, FUTURE_TENSE_REACH)
    }

    /// A future-tense word at most `reach` tokens before token `i`, with only words and
    /// numbers between.
    fn future_tense_within(&self, toks: &[Token], i: usize, reach: usize) -> bool {
        let lex = self.lex;
        let future = |w: &str| {
            lex.future_tense_words.contains(w) || lex.future_tense_suffixes.iter().any(|s| w.ends_with(s.as_str()) && w.chars().count() > s.chars().count() + 2)
        };
        toks[i.saturating_sub(reach)..i]
            .iter()
            .rev()
            .take_while(|t| t.sentence == toks[i].sentence && (t.is_word() || t.is_digits()))
            .any(|t| t.is_word() && future(&t.lower))
    }

    /// The first full date near the top of the text: the article's dateline.
    pub fn find_dateline(&self, doc: &Doc) -> Option<(NaiveDate, String)> {
        let toks = &doc.tokens;
        // A dateline or byline sits in the first lines; a date inside the story ("since March
        // 2022") is not the article's date.
        let top = dateline_end(doc);
        for i in 0..toks.len() {
            if toks[i].start > top {
                break;
            }
            let after_preposition = i > 0 && self.lex.story_date_prepositions.contains(&toks[i - 1].lower);
            if after_preposition {
                continue;
            }
            // A date whose year the text does not give ("entre el 1 de enero y ...") is no
            // evidence of the article's year.
            if let Some(c) = self.date_at(toks, i, None, &[]).filter(|c| !c.year_inferred) {
                if let Some(v) = c.value.as_deref() {
                    if v.len() == 10 {
                        return NaiveDate::parse_from_str(v, "%Y-%m-%d").ok().map(|d| (d, v.to_string()));
                    }
                    if v.len() == 7 {
                        return NaiveDate::parse_from_str(&format!("{v}-01"), "%Y-%m-%d").ok().map(|d| (d, v.to_string()));
                    }
                }
            }
        }
        None
    }

    /// Clock times: "21:00", "4:15 p.m.", "2 a.m." -> kind other, value HH:MM.
    pub(super) fn clock_at(&self, toks: &[Token], i: usize) -> Option<Cand> {
        let t = &toks[i];
        // "a las diez de la noche": a number word is an hour only with a part of the day.
        let word_hour = self.lex.cardinals.get(&t.lower).map(|v| *v as u32).filter(|h| (1..=12).contains(h));
        if (!t.is_digits() || t.lower.len() > 2) && word_hour.is_none() {
            return None;
        }
        let mut hour: u32 = match word_hour {
            Some(h) => h,
            None => t.lower.parse().ok()?,
        };
        let mut minute = 0;
        let mut end = i + 1;
        let mut has_minutes = false;
        if toks.get(i + 1).is_some_and(|c| c.is(":") && !c.space_before) {
            let m = toks.get(i + 2).filter(|m| m.is_digits() && m.lower.len() == 2 && !m.space_before)?;
            minute = m.lower.parse().ok()?;
            end = i + 3;
            has_minutes = true;
        }
        let mut marked = false;
        if word_hour.is_some() && has_minutes {
            return None;
        }
        // "son las siete y cuarenta y dos", "a las siete y media": after the hour's article,
        // the hour is a time and "y" joins its minutes.
        let article = i > 0 && self.lex.clock_articles.contains(&toks[i - 1].lower) && toks[i - 1].sentence == t.sentence;
        if article && !has_minutes && toks.get(end).is_some_and(|y| self.lex.compound_joiners.contains(&y.lower)) {
            if let Some((n, m)) = self.clock_fractions.match_at(toks, end + 1) {
                minute = m;
                end += 1 + n;
                has_minutes = true;
            } else if let Some(core) = self.core_at(toks, end + 1).filter(|c| c.value >= 1.0 && c.value < 60.0 && c.value.fract() == 0.0) {
                minute = core.value as u32;
                end = core.end;
                has_minutes = true;
            }
        }
        if let Some((n, _)) = self.pm.match_at(toks, end) {
            if hour < 12 {
                hour += 12;
            }
            end += n;
            marked = true;
        } else if let Some((n, _)) = self.am.match_at(toks, end) {
            if hour == 12 {
                hour = 0;
            }
            end += n;
            marked = true;
        }
        if !(has_minutes || marked) || hour > 23 || minute > 59 {
            return None;
        }
        let mut c = Cand::new(i, end, "other", Some(format!("{hour:02}:{minute:02}")));
        c.unit = Some("clock_time".into());
        c.is_statement = false;
        Some(c)
    }

    /// A decade written short: "the '90s", "los años 90", "la década de los ochenta" -> year
    /// range 1990-1999. Two digits from 30 up are the 1900s, below the 2000s.
    fn short_decade_at(&self, toks: &[Token], i: usize) -> Option<Cand> {
        let t = &toks[i];
        let tens = if t.is_digits() && t.lower.len() == 2 { t.lower.parse::<u32>().ok() } else { self.lex.cardinals.get(&t.lower).map(|v| *v as u32) };
        let tens = tens.filter(|v| (10..=90).contains(v) && v % 10 == 0)?;
        let year = f64::from(if tens >= 30 { 1900 + tens } else { 2000 + tens });
        let range = |a: usize, b: usize| {
            let mut c = Cand::new(a, b, "year", None);
            c.low = Some(year);
            c.high = Some(year + 9.0);
            c.qualifier = "range";
            c.is_statement = false;
            c
        };
        // "the '90s", "the 90s": an apostrophe or "the" before, the decade suffix glued after.
        let suffix = !self.lex.decade_suffix.is_empty()
            && t.is_digits()
            && toks.get(i + 1).is_some_and(|x| x.lower == self.lex.decade_suffix && !x.space_before && x.sentence == t.sentence);
        if suffix {
            let apostrophe = i > 0 && matches!(toks[i - 1].lower.as_str(), "'" | "’") && !t.space_before;
            let the = i > 0 && toks[i - 1].is("the");
            if apostrophe || the {
                return Some(range(if apostrophe { i - 1 } else { i }, i + 2));
            }
            return None;
        }
        let (start, _) = self.short_decade_openers.match_before(toks, i).filter(|(s, _)| toks[*s].sentence == t.sentence)?;
        Some(range(start.max(self.floor.get()), i + 1))
    }

    /// "the 1990s" -> year range 1990-1999.
    pub(super) fn decade_at(&self, toks: &[Token], i: usize) -> Option<Cand> {
        let t = &toks[i];
        if t.lower.len() <= 2 || !t.is_digits() {
            if let Some(c) = self.short_decade_at(toks, i) {
                return Some(c);
            }
        }
        if self.lex.decade_suffix.is_empty() || !t.is_digits() || t.lower.len() != 4 || !t.lower.ends_with('0') {
            return None;
        }
        toks.get(i + 1).filter(|s| s.lower == self.lex.decade_suffix && !s.space_before)?;
        let y: f64 = t.lower.parse().ok()?;
        let mut c = Cand::new(i, i + 2, "year", None);
        c.low = Some(y);
        c.high = Some(y + 9.0);
        c.qualifier = "range";
        c.is_statement = false;
        Some(c)
    }
}
