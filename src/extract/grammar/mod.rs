//! Number grammar over tokens: dates, clock times, digit and word numbers, and the words
//! around them (qualifiers, ranges, units, rates, shares, multipliers). Language-specific
//! words all come from the [`Lexicon`]; this module holds only the shapes of expressions.
//!
//! This file holds the [`Grammar`] (the lexicon compiled into phrase sets), the scan loop
//! [`Grammar::run`] with the table of which rules a word may start, and the candidate type.
//! The rules live by job in the sibling files: `dates` (dates, years, clocks, decades),
//! `special` (words that are numbers on their own, word ordinals), `numbers` (the number rule
//! and what surrounds a number), `cores` (reading the number itself: digits, number words,
//! scales), `qualifiers` (cues, negations, ranges), `units` (units, counted nouns, rates,
//! money, ages), `identifiers` (numbers that name), `continuations` (the second pass over
//! the candidates) and `statements` (the mention of a candidate, and whether it states a figure).

use chrono::NaiveDate;

use super::lexicon::Lexicon;
use super::phrases::PhraseSet;
use super::text::{Doc, Token};
use super::Mention;
use crate::corpus::number_format::NumberFormat;
use crate::period::{Period, Point};

mod continuations;
mod cores;
mod dates;
mod identifiers;
mod numbers;
mod qualifiers;
mod special;
mod statements;
mod units;

use dates::dateline_end;

/// Words that cannot sit between a number and its counted noun ("40 were found" has no noun).
const STOP_WORDS: &[&str] = &[
    "the", "a", "an", "in", "on", "at", "to", "for", "with", "and", "or", "were", "was", "are", "is", "had", "have", "has", "be", "been", "by", "as", "that",
    "this", "from", "than", "but", "who", "which", "it", "they", "he", "she", "we", "de", "del", "la", "el", "los", "las", "en", "con", "y", "o", "que", "se",
    "por", "para", "a", "al", "fueron", "son", "eran", "han", "ha", "es", "fue", "su", "sus", "un", "una", "more", "less", "más", "menos", "per", "each",
    "cada", "not", "no", "when", "while", "after", "before", "if", "because", "since", "until", "cuando", "mientras", "después", "antes", "si", "porque",
    "desde", "hasta", "last", "next", "this", "that", "pasado", "pasada", "próximo", "próxima", "este", "esta",
];

/// Determiners allowed between a partitive "of"/"de" and the noun ("40 of these men").
const PARTITIVE_DETERMINERS: &[&str] = &["these", "those", "the", "them", "their", "los", "las", "ellos", "ellas", "estos", "estas", "esos", "esas"];

/// Definite articles: allowed between a qualifier cue and the number ("casi el 75 %"), and
/// between "since"/"desde" and its date ("desde el 27 de marzo").
pub(crate) const ARTICLES: &[&str] = &["the", "el", "la", "los", "las"];

/// The lexicon compiled into phrase sets.
pub struct Grammar<'a> {
    lex: &'a Lexicon,
    qualifier_cues: PhraseSet<String>,
    percent: PhraseSet<()>,
    /// Currency symbols and words, with the unit they give ("$" -> USD, "€" -> EUR).
    currency_prefix: PhraseSet<String>,
    currency_words: PhraseSet<String>,
    per_words: PhraseSet<()>,
    noun_per_words: PhraseSet<()>,
    rate_subjects: PhraseSet<String>,
    share_words: PhraseSet<()>,
    range_connectors: PhraseSet<()>,
    relative_years: PhraseSet<i32>,
    past_month_before: PhraseSet<()>,
    past_month_after: PhraseSet<()>,
    day_range_open: PhraseSet<()>,
    day_range_join: PhraseSet<()>,
    times_words: PhraseSet<()>,
    period_prefixes: PhraseSet<()>,
    am: PhraseSet<()>,
    pm: PhraseSet<()>,
    age_compounds: PhraseSet<()>,
    age_before: PhraseSet<()>,
    identifier_before: PhraseSet<()>,
    identifier_verbs: PhraseSet<()>,
    continuation: PhraseSet<()>,
    fractions: PhraseSet<f64>,
    multipliers: PhraseSet<f64>,
    vague: PhraseSet<f64>,
    measure_units: PhraseSet<(String, String)>,
    durations: PhraseSet<String>,
    nouns: PhraseSet<String>,
    scales: PhraseSet<f64>,
    boilerplate: PhraseSet<()>,
    roman_after: PhraseSet<()>,
    decade_words: PhraseSet<()>,
    short_decade_openers: PhraseSet<()>,
    multiplier_before: PhraseSet<()>,
    clock_fractions: PhraseSet<u32>,
    idioms: PhraseSet<()>,
    /// What each word may start, as bits of [`Starts`] (see [`starters`]): any other plain
    /// word is skipped with one lookup, without trying the rules.
    starters: super::lexicon::WordMap<u8>,
    /// First token the current candidate may claim: look-behinds never reach into the
    /// previous mention ("5 menores de 18 años" is two mentions, not overlapping ones).
    floor: std::cell::Cell<usize>,
    /// The latest year written in digits in the article being read.
    latest_year: std::cell::Cell<Option<i32>>,
    /// The year an undated article is taken to be written in: the latest year its text or its
    /// url slug names (`...-balance-del-2023`: no older than 2023). One decision per article.
    undated_year: std::cell::Cell<Option<i32>>,
    /// The year in the url slug of the undated article being read: it is no older.
    url_year_floor: std::cell::Cell<Option<i32>>,
    /// Where the dateline zone of the article being read ends (a char offset): the first lines.
    dateline_end: std::cell::Cell<usize>,
    /// How the article being read writes its numbers (one decision per article).
    number_format: std::cell::Cell<NumberFormat>,
    /// Token range of each sentence, so sentence-wide checks cost the sentence, not the text.
    sentence_tokens: std::cell::RefCell<Vec<(usize, usize)>>,
    /// The latest year the dates and years found so far name, and how many of the candidates
    /// it covers: a running maximum, so each month without a year costs the candidates found
    /// since the last one, not all of them (quadratic in a long text).
    years_named: std::cell::Cell<(usize, Option<i32>)>,
}

/// A number read at a token: its value and the tokens it covers.
#[derive(Debug, Clone, Copy)]
struct Core {
    end: usize,
    value: f64,
    words: bool,
    has_decimals: bool,
    scaled: bool,
    /// Written as a bare 4-digit integer (a candidate year).
    year_shaped: bool,
    /// A collective that counts roughly ("una decena" = about ten).
    approximate: bool,
}

/// A mention under construction, in tokens.
#[derive(Debug, Clone)]
struct Cand {
    a: usize,
    b: usize,
    kind: &'static str,
    value: Option<String>,
    low: Option<f64>,
    high: Option<f64>,
    date_range: Option<Period>,
    qualifier: &'static str,
    unit: Option<String>,
    is_statement: bool,
    /// A date whose year was guessed from context, not written or named relative to the
    /// article: no evidence for the year of a later date of the same month.
    year_inferred: bool,
}

impl Cand {
    fn new(a: usize, b: usize, kind: &'static str, value: Option<String>) -> Cand {
        Cand { a, b, kind, value, low: None, high: None, date_range: None, qualifier: "exact", unit: None, is_statement: true, year_inferred: false }
    }
}

impl<'a> Grammar<'a> {
    pub fn new(lex: &'a Lexicon) -> Grammar<'a> {
        let map = |m: &super::lexicon::WordMap<f64>| PhraseSet::new(m.iter().map(|(k, v)| (k.clone(), *v)));
        Grammar {
            lex,
            qualifier_cues: PhraseSet::new(lex.qualifiers.iter().flat_map(|(q, cues)| cues.iter().map(move |c| (c.clone(), q.clone())))),
            percent: PhraseSet::of_list(&lex.percent_words, ()),
            currency_prefix: currencies(&lex.currency_prefixes, lex),
            currency_words: currencies(&lex.currency_words, lex),
            per_words: PhraseSet::of_list(&lex.per_words, ()),
            noun_per_words: PhraseSet::of_list(&lex.noun_per_words, ()),
            rate_subjects: PhraseSet::new(lex.rate_subjects.iter().map(|(k, v)| (k.to_lowercase(), v.clone()))),
            share_words: PhraseSet::of_list(&lex.share_words, ()),
            range_connectors: PhraseSet::of_list(&lex.range_connectors, ()),
            relative_years: PhraseSet::new(lex.relative_years.iter().map(|(k, v)| (k.clone(), *v))),
            past_month_before: PhraseSet::of_list(&lex.past_month_before, ()),
            past_month_after: PhraseSet::of_list(&lex.past_month_after, ()),
            day_range_open: PhraseSet::of_list(&lex.day_range_open, ()),
            day_range_join: PhraseSet::of_list(&lex.day_range_join, ()),
            times_words: PhraseSet::of_list(&lex.times_words, ()),
            period_prefixes: PhraseSet::of_list(&lex.period_prefixes, ()),
            am: PhraseSet::of_list(&lex.am_words, ()),
            pm: PhraseSet::of_list(&lex.pm_words, ()),
            age_compounds: PhraseSet::of_list(&lex.age_compounds, ()),
            age_before: PhraseSet::of_list(&lex.age_before, ()),
            identifier_before: PhraseSet::of_list(&lex.identifier_before, ()),
            identifier_verbs: PhraseSet::of_list(&lex.identifier_verbs, ()),
            continuation: PhraseSet::of_list(&lex.continuation_cues, ()),
            fractions: map(&lex.fractions),
            multipliers: map(&lex.multipliers),
            vague: map(&lex.vague),
            measure_units: PhraseSet::new(lex.measures_units.iter().map(|(k, v)| (k.clone(), (v.unit.clone(), v.kind.clone())))),
            durations: PhraseSet::new(lex.durations.iter().map(|(k, v)| (k.clone(), v.clone()))),
            nouns: PhraseSet::new(lex.noun_units.iter().map(|(k, v)| (k.clone(), v.clone()))),
            scales: map(&lex.scales),
            boilerplate: PhraseSet::of_list(&lex.boilerplate_words, ()),
            roman_after: PhraseSet::of_list(&lex.roman_numeral_after, ()),
            decade_words: PhraseSet::of_list(&lex.decade_words, ()),
            short_decade_openers: PhraseSet::of_list(&lex.short_decade_openers, ()),
            multiplier_before: PhraseSet::of_list(&lex.multiplier_before, ()),
            clock_fractions: PhraseSet::new(lex.clock_fractions.iter().map(|(k, v)| (k.clone(), *v))),
            idioms: PhraseSet::of_list(&lex.idioms, ()),
            starters: starters(lex),
            floor: std::cell::Cell::new(0),
            dateline_end: std::cell::Cell::new(0),
            latest_year: std::cell::Cell::new(None),
            undated_year: std::cell::Cell::new(None),
            url_year_floor: std::cell::Cell::new(None),
            number_format: std::cell::Cell::new(NumberFormat::with_decimal_mark(lex.decimal_mark)),
            sentence_tokens: std::cell::RefCell::new(Vec::new()),
            years_named: std::cell::Cell::new((0, None)),
        }
    }

    /// Scan the document; returns the mentions and the reference date for dates without a
    /// year: the published date, else the dateline (with the dateline as written).
    pub fn run(
        &self,
        doc: &Doc,
        published: Option<NaiveDate>,
        url_date: Option<Point>,
        number_format: NumberFormat,
    ) -> (Vec<Mention>, Option<(NaiveDate, String)>) {
        let toks = &doc.tokens;
        self.number_format.set(number_format);
        self.dateline_end.set(dateline_end(doc));
        // The dateline is read before this article's year is known: no earlier article's year.
        self.undated_year.set(None);
        let (sentence_tokens, latest_year) = read_ahead(toks, doc.sentences.len());
        self.latest_year.set(latest_year);
        *self.sentence_tokens.borrow_mut() = sentence_tokens;
        self.years_named.set((0, None));
        let dated = match published {
            Some(d) => Some((d, d.format("%Y-%m-%d").to_string())),
            None => self.find_dateline(doc).or_else(|| url_date.filter(|p| !matches!(p, Point::Year(_))).map(|p| (p.first_day(), p.to_string()))),
        };
        let reference = dated.as_ref().map(|d| d.0);
        let url_year = url_date.and_then(|p| match p {
            Point::Year(y) => Some(y),
            _ => None,
        });
        let undated_year = match (self.latest_year.get(), url_year) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        self.undated_year.set(undated_year.filter(|_| reference.is_none()));
        self.url_year_floor.set(url_year.filter(|_| reference.is_none()));
        let mut cands: Vec<Cand> = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            // Debug builds (and so the tests) try every rule at every token, to prove that
            // trying only the rules a token may start never changes a mention.
            let (date, number) = self.may_start(&toks[i]);
            let (try_date, try_number) = (date || cfg!(debug_assertions), number || cfg!(debug_assertions));
            if !(try_date || try_number) {
                i += 1;
                continue;
            }
            self.floor.set(cands.last().map_or(0, |c| c.b));
            // An ordinal part of a year ("the first quarter of 2025") starts at an ordinal, a
            // number starter.
            let part = if try_number { self.part_of_year_at(toks, i, reference) } else { None };
            debug_assert!(number || part.is_none(), "a part of a year starts at {:?}, which `starters` does not mark", toks[i].lower);
            let dated = part.or_else(|| {
                let dated = if try_date { self.date_at(toks, i, reference, &cands) } else { None };
                debug_assert!(date || dated.is_none(), "a date starts at {:?}, which `starters` does not mark", toks[i].lower);
                dated
            });
            let found = dated.or_else(|| {
                if !try_number {
                    return None;
                }
                let found = self
                    .clock_at(toks, i)
                    .or_else(|| self.decade_at(toks, i))
                    .or_else(|| self.special_number_at(toks, i))
                    .or_else(|| self.number_at(doc, toks, i));
                debug_assert!(number || found.is_none(), "a number starts at {:?}, which `starters` does not mark", toks[i].lower);
                found
            });
            match found {
                Some(mut c) => {
                    // A mention never runs into the next sentence (a table's next row, a
                    // heading): every later stage reads a mention inside its sentence.
                    let sentence = toks[i].sentence;
                    while c.b > i + 1 && toks[c.b - 1].sentence != sentence {
                        c.b -= 1;
                    }
                    while c.a < i && toks[c.a].sentence != sentence {
                        c.a += 1;
                    }
                    self.fit_article(toks, &mut c);
                    c.a = c.a.max(self.floor.get()); // never overlap the previous mention
                    self.mark_title_of_work(toks, &mut c);
                    i = c.b.max(i + 1);
                    if c.a < c.b {
                        cands.push(c);
                    }
                }
                None => i += 1,
            }
        }
        self.inherit_from_neighbours(toks, &mut cands);
        let cands = self.join_compound_durations(toks, cands);
        // Whether a sentence is boilerplate is read once for all the mentions in it.
        let mut last_sentence: Option<(usize, bool)> = None;
        let mentions = cands
            .into_iter()
            .map(|c| {
                let sentence = toks[c.a].sentence;
                let boilerplate = match last_sentence {
                    Some((s, b)) if s == sentence => b,
                    _ => self.is_boilerplate(toks, c.a),
                };
                last_sentence = Some((sentence, boilerplate));
                self.finish(doc, c, boilerplate)
            })
            .collect();
        (mentions, dated)
    }

    /// Where the lexicon keeps articles in spans (`article_in_span`), an article belongs to a
    /// percentage or a multiplier ("el 90 por ciento", "un 17 %", "al 30 %", "el doble") but
    /// not to a count or a duration ("los 31,640 capturados", "los tres meses"), where only
    /// "un"/"una" may be the number itself ("un millón", "una decena").
    fn fit_article(&self, toks: &[Token], c: &mut Cand) {
        if !self.lex.article_in_span || c.a >= toks.len() {
            return;
        }
        let sentence = toks[c.a].sentence;
        let is_article = |k: usize| self.lex.span_articles.contains(&toks[k].lower);
        if matches!(c.kind, "percent" | "ratio") {
            if c.qualifier == "exact" && c.a > 0 && toks[c.a - 1].sentence == sentence && is_article(c.a - 1) && !is_article(c.a) {
                c.a -= 1;
            }
        } else if c.qualifier == "exact" && ARTICLES.contains(&toks[c.a].lower.as_str()) && c.a + 1 < c.b {
            c.a += 1;
        }
    }

    /// May a date start at this token, and may a number? Digits may start either; a word that
    /// [`starters`] marks, what it marks; an all-capitals word (a Roman numeral) a number. A
    /// plain word ("prison", "said") starts neither.
    #[inline]
    fn may_start(&self, t: &Token) -> (bool, bool) {
        if t.is_digits() {
            return (true, true);
        }
        let starts = self.starters.get(&t.lower).copied().unwrap_or(0);
        (starts & Starts::DATE != 0, starts & Starts::NUMBER != 0 || (t.all_upper && t.is_word()))
    }

    /// The tokens of a sentence.
    fn sentence_slice<'t>(&self, toks: &'t [Token], sentence: usize) -> &'t [Token] {
        let ranges = self.sentence_tokens.borrow();
        let (a, b) = ranges.get(sentence).copied().unwrap_or((0, 0));
        &toks[a..b]
    }
}

/// Currency phrases with their unit: the lexicon's dollar words and symbols give USD, its
/// `[currency_units]` table the others.
fn currencies(dollar_phrases: &[String], lex: &Lexicon) -> PhraseSet<String> {
    let dollars = dollar_phrases.iter().map(|p| (p.clone(), "USD".to_string()));
    let others = lex.currency_units.iter().map(|(p, u)| (p.clone(), u.clone()));
    PhraseSet::new(dollars.chain(others))
}

/// What a word may start, the bits of [`starters`].
struct Starts;

impl Starts {
    /// A date: a month, the first word of a period prefix ("early", "the end of"), "mid", a
    /// cardinal of a day.
    const DATE: u8 = 1;
    /// A number: a cardinal, an ordinal, an article that stands for one, a scale that stands
    /// alone, or one of [`Starts::SPECIAL`].
    const NUMBER: u8 = 2;
    /// A vague amount, a multiplier, a fraction (a phrase's first word, or a half before a
    /// scale) or a duration: what `special_number_at` reads before ordinals.
    const SPECIAL: u8 = 4;
}

/// The words a rule of [`Grammar::run`] may start a mention at, besides digits and capitals,
/// and what each may start: the tables `date_at`, `clock_at`, `decade_at`,
/// `special_number_at` and `number_at` ask about the token they start at (a phrase counts by
/// its first word). A rule that starts at a word of another table must add it here (debug
/// builds check every token).
fn starters(lex: &Lexicon) -> super::lexicon::WordMap<u8> {
    let first_word = |p: &String| super::phrases::phrase_tokens(p).into_iter().next();
    let special = lex.vague.keys().chain(lex.multipliers.keys()).chain(lex.fractions.keys()).chain(lex.durations.keys()).filter_map(first_word);
    let number = lex.cardinals.keys().chain(lex.ordinals.keys()).cloned().chain(lex.one_articles.iter().cloned()).chain(lex.standalone_scales.iter().cloned());
    // A cardinal of a day may start a date written in words ("quince de marzo").
    let days_in_words = lex.cardinals.iter().filter(|(_, v)| (1.0..=31.0).contains(*v)).map(|(k, _)| k.clone());
    let date = std::iter::once("mid".to_string()).chain(lex.months.keys().cloned()).chain(lex.period_prefixes.iter().filter_map(first_word)).chain(days_in_words);
    let marked = (special.chain(lex.scale_fractions.keys().cloned()).map(|w| (w, Starts::SPECIAL | Starts::NUMBER)))
        .chain(number.map(|w| (w, Starts::NUMBER)))
        .chain(date.map(|w| (w, Starts::DATE)));
    let mut starts: std::collections::BTreeMap<String, u8> = std::collections::BTreeMap::new();
    for (word, bits) in marked {
        *starts.entry(word).or_default() |= bits;
    }
    starts.into_iter().collect()
}

/// What the scan needs of the whole text before it starts, read in one pass over the tokens (a
/// long text's tokens do not fit in the cache, so each pass reads them all from memory): the
/// token index range of each sentence (tokens are in order, sentences numbered from 0) and the
/// latest year written in digits.
fn read_ahead(toks: &[Token], n_sentences: usize) -> (Vec<(usize, usize)>, Option<i32>) {
    let mut ranges = vec![(0, 0); n_sentences.max(1)];
    let mut latest_year = None;
    let mut start = 0;
    for (i, t) in toks.iter().enumerate() {
        if t.is_digits() {
            latest_year = latest_year.max(year_in_digits(t));
        }
        let last_of_sentence = toks.get(i + 1).is_none_or(|next| next.sentence != t.sentence);
        if last_of_sentence {
            if t.sentence < ranges.len() {
                ranges[t.sentence] = (start, i + 1);
            }
            start = i + 1;
        }
    }
    (ranges, latest_year)
}

/// The year a digit token writes: four digits from 1990 to 2100.
fn year_in_digits(t: &Token) -> Option<i32> {
    let digits = t.lower.len() == 4 && t.lower.chars().all(|c| c.is_ascii_digit());
    digits.then(|| t.lower.parse::<i32>().ok()).flatten().filter(|y| (1990..=2100).contains(y))
}
