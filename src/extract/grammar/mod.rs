//! Number grammar over tokens: dates, clock times, digit and word numbers, and the words
//! around them (qualifiers, ranges, units, rates, shares, multipliers). Language-specific
//! words all come from the [`Lexicon`]; this module holds only the shapes of expressions.

use chrono::NaiveDate;

use super::lexicon::Lexicon;
use super::phrases::PhraseSet;
use super::text::{Doc, Token};
use super::{format_value, tidy, Mention};
use crate::corpus::number_format::NumberFormat;
use crate::period::{Period, Point};

mod continuations;
mod cores;
mod dates;
mod identifiers;
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

/// How many tokens back an idiom may start and still cover a number word.
const IDIOM_REACH: usize = 4;

/// The lexicon compiled into phrase sets.
pub struct Grammar<'a> {
    lex: &'a Lexicon,
    qualifier_cues: PhraseSet<String>,
    percent: PhraseSet<()>,
    /// Currency symbols and words, with the unit they give ("$" -> USD, "€" -> EUR).
    currency_prefix: PhraseSet<String>,
    currency_words: PhraseSet<String>,
    per_words: PhraseSet<()>,
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
        let years = toks.iter().filter(|t| t.is_digits() && t.lower.len() == 4 && t.lower.chars().all(|c| c.is_ascii_digit()));
        self.latest_year.set(years.filter_map(|t| t.lower.parse::<i32>().ok()).filter(|y| (1990..=2100).contains(y)).max());
        *self.sentence_tokens.borrow_mut() = sentence_token_ranges(toks, doc.sentences.len());
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
    /// not to a count or a duration ("los 42,885 capturados", "los tres meses"), where only
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

    /// A year in words after a preposition of time: "en dos mil veintiséis", "in two thousand
    /// and nine". Round thousands and hundreds ("en dos mil") stay counts.
    fn is_word_year(&self, toks: &[Token], core: &Core, a: usize, value: f64) -> bool {
        core.words
            && (1900.0..=2100.0).contains(&value)
            && value % 100.0 != 0.0
            && a > 0
            && toks[a - 1].sentence == toks[a].sentence
            && self.lex.story_date_prepositions.contains(&toks[a - 1].lower)
            && self.unit_after(toks, core.end).is_none()
    }

    // ----- numbers ------------------------------------------------------------------------

    /// A whole number mention at token `i`, with what surrounds it.
    fn number_at(&self, doc: &Doc, toks: &[Token], i: usize) -> Option<Cand> {
        let lex = self.lex;
        let t = &toks[i];
        let core = self.core_at(toks, i)?;
        if core.words && !self.word_number_allowed(toks, i, &core) {
            return None;
        }
        let mut c = Cand::new(i, core.end, "count", Some(format_value(core.value)));
        if core.approximate {
            c.qualifier = "approximately";
        }
        let mut value = core.value;

        // Digit ordinals and list enumerators.
        if t.is_digits() && !core.has_decimals {
            if let Some(s) = toks.get(i + 1) {
                if !s.space_before && s.is_word() && lex.ordinal_suffixes.contains(&s.lower) && !self.nouns_or_units_at(toks, i + 1) {
                    c.b = i + 2;
                    c.kind = "ordinal";
                    if let Some(after) = toks.get(i + 2) {
                        if lex.identifier_after.contains(&after.lower) {
                            c.b = i + 3;
                            c.kind = "identifier";
                        }
                    }
                    return Some(c);
                }
            }
            if self.is_list_enumerator(doc, toks, i) {
                c.kind = "ordinal";
                return Some(c);
            }
        }
        // Identifiers: citation markers, names and references.
        if let Some(name) = self.identifier_start(toks, i, &core) {
            c.kind = "identifier";
            c.a = c.a.min(name);
            if t.is_digits()
                && toks.get(i + 1).is_some_and(|n| n.is("-") && !n.space_before)
                && toks.get(i + 2).is_some_and(|n| n.is_digits() && !n.space_before)
            {
                // Phone numbers: "7012-4455".
                c.b = i + 3;
                c.value = Some(format!("{}{}", t.lower, toks[i + 2].lower));
            }
            return Some(c);
        }
        if t.is_digits()
            && toks.get(i + 1).is_some_and(|n| n.is("-") && !n.space_before)
            && toks.get(i + 2).is_some_and(|n| n.is_digits() && !n.space_before && n.lower.len() >= 4)
            && t.lower.len() >= 3
            && !(core.year_shaped && value <= 2100.0)
        {
            c.kind = "identifier";
            c.b = i + 3;
            c.value = Some(format!("{}{}", t.lower, toks[i + 2].lower));
            return Some(c);
        }

        // Look-behind: currency, qualifier cue, "first"/ordinal before a count.
        let mut a = i;
        let mut money: Option<String> = None;
        if let Some((s, unit)) = self.currency_prefix.match_before(toks, a).filter(|(s, _)| *s >= self.floor.get()) {
            if !toks[a].space_before || toks[a - 1].lower.ends_with('$') {
                money = Some(unit);
                a = s;
            }
        }
        let mut ratio_prefix = false;
        if a > self.floor.get() && toks[a - 1].is("x") && !toks[a].space_before && t.is_digits() {
            ratio_prefix = true;
            a -= 1;
        }
        let (qa, qualifier) = self.qualifier_before(toks, a);
        // "spoke about one guard": "about" is a preposition before a lone "one" (but "roughly one
        // in five" is a share's bound).
        let share_follows = self.share_words.match_at(toks, core.end).is_some();
        let unit_follows = self.durations.match_at(toks, core.end).is_some();
        let lone_one = core.words && value == 1.0 && qualifier == Some("approximately") && !share_follows && !unit_follows;
        if let Some(q) = qualifier.filter(|_| !lone_one) {
            c.qualifier = q;
            a = qa;
        } else if qualifier.is_none() {
            a = qa; // "el 90 por ciento": the article stays in the span
        }
        if a > 0 && lex.ordinals.get(&toks[a - 1].lower) == Some(&1.0) && toks[a - 1].sentence == t.sentence && toks[a - 1].lower != "second" {
            a -= 1; // "the first five", "first 11 weeks"
        }
        c.a = a;
        c.b = core.end;

        // Range "between X and Y" / "entre X y Y" / "between the ages of X and Y".
        let opener = self.range_opener(toks, a);
        let opened = opener.is_some();
        let mut b = core.end;
        let mut range_high: Option<(Core, usize)> = None;
        // Suffix: percent before a range connector ("13% to 15%") is rare; read scale first.
        let joiners: Vec<&String> = if opened { lex.range_join.iter().collect() } else { Vec::new() };
        let from_change = a > 0 && lex.change_from.contains(&toks[a - 1].lower) && self.sentence_has_change_verb(toks, a - 1);
        if let Some(conn) = toks.get(b) {
            let is_conn = self.range_connectors.match_at(toks, b).is_some()
                || joiners.iter().any(|j| **j == conn.lower)
                || (a > 0 && lex.change_from.contains(&toks[a - 1].lower) && (conn.is("to") || conn.is("a")));
            if is_conn && conn.sentence == t.sentence && !from_change {
                let mut k = b + 1;
                if let Some((n, unit)) = self.currency_prefix.match_at(toks, k) {
                    k += n;
                    money = Some(unit);
                }
                if let Some(high) = self.core_at(toks, k) {
                    // "$4.67–$4.76 million": the high end's scale covers the low end.
                    let low_scaled =
                        if high.scaled && !core.scaled { value * high.value / self.core_unscaled(toks, high).max(f64::MIN_POSITIVE) } else { value };
                    let hyphen = conn.lower == "-" || conn.lower == "–" || conn.lower == "—";
                    let both_years = core.year_shaped && high.year_shaped;
                    let one_year = core.year_shaped != high.year_shaped && (core.year_shaped || high.year_shaped);
                    let ordered = high.value > low_scaled && low_scaled >= value;
                    // Years join only with a dash ("2019-2024"); a dash joins only without spaces.
                    let years_ok = hyphen || !both_years;
                    let dash_ok = !hyphen || !conn.space_before;
                    let words_ok = !high.words || self.word_number_allowed(toks, k, &high);
                    let valid = ordered && years_ok && dash_ok && words_ok && !one_year;
                    if valid {
                        range_high = Some((high, k));
                    }
                }
            }
        }
        if let Some((high, _)) = range_high {
            let mut low = value;
            let mut high_v = high.value;
            if high.scaled && !core.scaled {
                // "$4.67–$4.76 million": the scale covers both ends.
                let scale = high.value / self.core_unscaled(toks, high).max(f64::MIN_POSITIVE);
                low *= scale;
            }
            if core.year_shaped && high.year_shaped {
                c.kind = "year";
            }
            high_v = tidy(high_v);
            c.low = Some(tidy(low));
            c.high = Some(high_v);
            c.value = None;
            c.qualifier = "range";
            b = high.end;
            value = low;
            if let Some(o) = opener {
                c.a = c.a.min(o);
            }
        }

        // "two and a half years": a half joined to the number before its unit.
        if range_high.is_none() && core.words {
            if let Some(n) = self.and_a_half_at(toks, b).filter(|n| self.durations.match_at(toks, b + n).is_some()) {
                value += 0.5;
                b += n;
            }
        }

        // Look-ahead: percent, currency, multiplier "times", shares, rates, units.
        if let Some((n, _)) = self.percent.match_at(toks, b) {
            c.b = b + n;
            c.kind = "percent";
            c.unit = Some("percent".into());
            // "entre 10 % y 20 %", "from 13% to 15%", "van de 100 % a 64 %": both ends carry
            // the sign; a spread written from the top down is the same range.
            let changed_from = a > 0 && lex.change_from.contains(&toks[a - 1].lower);
            let second = (range_high.is_none() && !from_change).then(|| self.percent_range_end(toks, c.b, opened || changed_from)).flatten();
            if let Some((other, end)) = second.filter(|(other, _)| *other != value) {
                c.low = Some(tidy(value.min(other)));
                c.high = Some(tidy(value.max(other)));
                c.qualifier = "range";
                c.b = end;
                if let Some(o) = opener {
                    c.a = c.a.min(o);
                }
            }
            return Some(self.close(toks, c, value));
        }
        if let Some((end, unit)) = self.currency_after(toks, b) {
            money = Some(unit);
            b = end;
        }
        if let Some(unit) = money {
            // "$1.5bn", "US$ 12.5m": a scale letter glued to an amount of money.
            if let Some(x) = toks.get(b).filter(|x| x.is_word() && !x.space_before) {
                if let Some(scale) = self.lex.money_scales.get(&x.lower) {
                    value *= scale;
                    b += 1;
                }
            }
            c.b = b;
            c.kind = "money";
            c.unit = Some(unit);
            return Some(self.close(toks, c, value));
        }
        // "multiplicado por diez", "multiplied by four": a multiplier.
        let multiplied = self.multiplier_before.match_before(toks, c.a).is_some_and(|(s, _)| toks[s].sentence == toks[c.a].sentence);
        if ratio_prefix || multiplied {
            c.b = b;
            c.kind = "ratio";
            return Some(self.close(toks, c, value));
        }
        if let Some(x) = toks.get(b) {
            if x.is("x") && !x.space_before {
                c.b = b + 1;
                c.kind = if core.has_decimals { "other" } else { "ratio" };
                c.is_statement = false;
                return Some(self.close(toks, c, value));
            }
            if x.is("/") && !x.space_before && toks.get(b + 1).is_some_and(|y| y.is_digits() && !y.space_before) {
                c.b = b + 2;
                c.kind = "other";
                c.unit = Some("hours".into()).filter(|_| value == 24.0);
                return Some(self.close(toks, c, value));
            }
        }
        if let Some((n, _)) = self.times_words.match_at(toks, b) {
            c.b = b + n;
            let multiplier = toks.get(b + n).is_some_and(|f| self.lex.multiplier_followers.contains(&f.lower));
            if multiplier {
                c.kind = "ratio";
            } else {
                c.unit = Some("occasions".into());
            }
            return Some(self.close(toks, c, value));
        }
        if range_high.is_none() {
            if let Some((n, _)) = self.share_words.match_at(toks, b) {
                if let Some(den) = self.core_at(toks, b + n) {
                    if den.value > value && den.value > 1.0 && den.value <= 1000.0 && !den.year_shaped && !core.year_shaped {
                        c.b = den.end;
                        c.kind = "ratio";
                        c.value = Some(format_value(value / den.value));
                        c.unit = Some("fraction".into());
                        return Some(self.close_keep_value(toks, c));
                    }
                }
            }
        }
        // Rates: "1,720 prisoners per 100,000 residents", "2,4 homicidios por cada 100.000 habitantes".
        if let Some(rate) = self.rate_after(toks, b).or_else(|| self.parenthesised_rate_after(toks, b)) {
            c.b = rate.0;
            c.kind = "ratio";
            c.unit = Some(self.name_rate_subject(toks, c.a, rate.1));
            return Some(self.close(toks, c, value));
        }
        // Hyphenated compounds: "31-year-old", "64-page", "four-month", "one-time".
        if toks.get(b).is_some_and(|h| h.is("-") && !h.space_before) {
            if let Some((n, _)) = self.age_compounds.match_at(toks, b + 1) {
                c.b = b + 1 + n;
                c.kind = "age";
                c.unit = Some("years".into());
                return Some(self.close(toks, c, value));
            }
            if let Some(q) = toks.get(b + 1).filter(|x| !x.space_before).and_then(|x| self.lex.bound_suffixes.get(&x.lower)) {
                // "2,000-plus families": the suffix bounds the number.
                if let Some(q) = crate::load::schema::QUALIFIERS.iter().copied().find(|x| x == q) {
                    c.qualifier = q;
                }
                c.b = b + 2;
                if let Some((end, unit, kind)) = self.unit_after(toks, b + 2) {
                    c.b = end;
                    c.kind = kind;
                    c.unit = Some(unit);
                }
                return Some(self.close(toks, c, value));
            }
            if let Some(after) = toks.get(b + 1).filter(|x| x.is_word() && !x.space_before) {
                c.b = b + 2;
                if let Some((n, u)) = self.durations.match_at(toks, b + 1) {
                    c.b = b + 1 + n;
                    c.kind = "duration";
                    c.unit = Some(u);
                } else if let Some((n, u)) = self.nouns.match_at(toks, b + 1) {
                    c.b = b + 1 + n;
                    c.unit = Some(u);
                } else if self.lex.fold_suffixes.contains(&after.lower) {
                    // "ten-fold", "3-fold": a multiplier, like "tenfold".
                    c.kind = "ratio";
                } else if !self.lex.cardinals.contains_key(&after.lower) {
                    c.kind = "other";
                    c.is_statement = false;
                }
                return Some(self.close(toks, c, value));
            }
        }
        c.b = b;
        // Ages written "27 years old" or "de 16 años".
        if let Some((n, _)) = self.age_compounds.match_at(toks, b) {
            c.b = b + n;
            c.kind = "age";
            c.unit = Some("years".into());
            return Some(self.close(toks, c, value));
        }
        // Units and counted nouns.
        if let Some((end, unit, kind)) = self.unit_after(toks, b) {
            c.b = end;
            c.kind = kind;
            c.unit = Some(unit);
            // "dos años y medio": a half joined after the unit of time.
            if kind == "duration" && range_high.is_none() {
                if let Some(n) = self.and_a_half_at(toks, end) {
                    value += 0.5;
                    c.b = end + n;
                }
            }
        } else if (core.year_shaped || self.is_word_year(toks, &core, c.a, value))
            && (1000.0..=2100.0).contains(&value)
            && c.qualifier == "exact"
            && range_high.is_none()
        {
            c.kind = "year";
            // "la década de 1990": the ten years from it.
            if let Some((s, _)) = self.decade_words.match_before(toks, a).filter(|_| value % 10.0 == 0.0) {
                c.a = s.max(self.floor.get());
                c.value = None;
                c.low = Some(value);
                c.high = Some(value + 9.0);
                c.qualifier = "range";
                c.is_statement = false;
                return Some(c);
            }
            if let Some((s, _)) = self.period_prefixes.match_before(toks, a) {
                c.a = s;
            } else if a >= 2 && toks[a - 1].is("-") && self.period_prefixes.match_before(toks, a - 1).is_some() {
                c.a = self.period_prefixes.match_before(toks, a - 1).map(|(s, _)| s).unwrap_or(a);
            }
            return Some(c);
        } else if core.year_shaped && range_high.is_some() {
            c.kind = "year";
            return Some(c);
        } else if let Some(noun) = self.unlisted_plural_noun(toks, b) {
            c.b = b + 1;
            c.unit = Some(noun);
        }
        // "half an hour", "one night": article-number + duration handled in unit_after.
        if (c.kind == "duration" || c.kind == "count") && (self.is_age(toks, c.a, i, c.b, &c) || (c.a != i && self.is_age(toks, i, i, c.b, &c))) {
            c.kind = "age";
            c.unit = Some("years".into());
            // "1.200 menores de 18 años": the count before took "menores" as its noun, yet
            // "menores de" still bounds the age (a threshold that defines the group).
            if c.qualifier == "exact" {
                if let Some((s, q)) = self.qualifier_cues.match_before(toks, c.a) {
                    if toks[s].sentence == toks[c.a].sentence && s < self.floor.get() {
                        c.qualifier = crate::load::schema::QUALIFIERS.iter().copied().find(|x| *x == q).unwrap_or(c.qualifier);
                    }
                }
            }
        }
        // Indefinite "one night" / "One day": a moment, not an amount.
        if core.words && value == 1.0 && c.qualifier == "exact" && matches!(c.unit.as_deref(), Some("days") | Some("nights")) {
            c.kind = "other";
            c.is_statement = false;
        }
        if core.words && value == 0.0 && c.unit.is_none() {
            c.kind = "other";
            c.is_statement = false;
        }
        Some(self.close(toks, c, value))
    }

    /// Is a number word at `i` a number here? Articles and pronouns are not.
    fn word_number_allowed(&self, toks: &[Token], i: usize, core: &Core) -> bool {
        let lex = self.lex;
        let w = &toks[i].lower;
        let prev = if i > 0 && toks[i - 1].sentence == toks[i].sentence { Some(&toks[i - 1]) } else { None };
        let next = toks.get(core.end).filter(|n| n.sentence == toks[i].sentence);
        if self.inside_idiom(toks, i) {
            return false;
        }
        if core.value == 1.0 && core.end == i + 1 {
            if prev.is_some_and(|p| lex.one_exclusions_before.contains(&p.lower)) {
                return false;
            }
            if let Some(n) = next {
                if lex.one_exclusions_after.contains(&n.lower) && !(n.lower == "-" && toks.get(core.end + 1).is_some_and(|x| !x.is("by"))) {
                    return false;
                }
            }
            // Spanish "un"/"una" are articles unless a unit of time or a cue makes them a number.
            if lex.one_articles.contains(w) {
                let before_cue = self.qualifier_cues.match_before(toks, i).is_some();
                // "un segundo grupo": "segundo" is a rank there, not a unit of time.
                let rank = toks.get(core.end).is_some_and(|u| lex.ordinals.contains_key(&u.lower))
                    && toks.get(core.end + 1).is_some_and(|n| n.is_word() && !n.is("de") && n.sentence == toks[i].sentence);
                let unit_follows = self.durations.match_at(toks, core.end).is_some() && !rank;
                return before_cue || unit_follows || self.is_partitive(toks, core.end);
            }
        }
        true
    }

    /// Is token `i` part of an idiom whose number words are not numbers ("one by one",
    /// "third countries")?
    fn inside_idiom(&self, toks: &[Token], i: usize) -> bool {
        (0..=IDIOM_REACH.min(i)).any(|k| self.idioms.match_at(toks, i - k).is_some_and(|(n, _)| i - k + n > i))
    }

    // ----- words that are numbers on their own ---------------------------------------------

    // ----- dates and times ----------------------------------------------------------------
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
    /// A date: a month, the first word of a period prefix ("early", "the end of"), "mid".
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
    let date = std::iter::once("mid".to_string()).chain(lex.months.keys().cloned()).chain(lex.period_prefixes.iter().filter_map(first_word));
    let marked = (special.chain(lex.scale_fractions.keys().cloned()).map(|w| (w, Starts::SPECIAL | Starts::NUMBER)))
        .chain(number.map(|w| (w, Starts::NUMBER)))
        .chain(date.map(|w| (w, Starts::DATE)));
    let mut starts: std::collections::BTreeMap<String, u8> = std::collections::BTreeMap::new();
    for (word, bits) in marked {
        *starts.entry(word).or_default() |= bits;
    }
    starts.into_iter().collect()
}

/// Token index range of each sentence (tokens are in order, sentences numbered from 0).
fn sentence_token_ranges(toks: &[Token], n_sentences: usize) -> Vec<(usize, usize)> {
    let mut ranges = vec![(0, 0); n_sentences.max(1)];
    let mut i = 0;
    while i < toks.len() {
        let s = toks[i].sentence;
        let start = i;
        while i < toks.len() && toks[i].sentence == s {
            i += 1;
        }
        if s < ranges.len() {
            ranges[s] = (start, i);
        }
    }
    ranges
}
