//! Per-language word lists for the extractor, read from `schemas/lexicon/<lang>.toml`.
//! The files are embedded in the binary; `--schemas DIR` reads them from a folder instead.
//! Everything is lower-cased on load so the grammar compares lower-cased text only.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::lookup::{Filter, Key};
use crate::error::{Error, Result};
use crate::load::schema::{KINDS, QUALIFIERS};

/// A unit word with the kind it gives the number ("74 kilómetros" -> distance, km).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasureUnit {
    pub unit: String,
    pub kind: String,
}

/// A list of words or phrases, lower-cased as it is read: the grammar compares lower-cased
/// text only. Membership is a hash probe, not a scan: the grammar asks it for every token.
#[derive(Debug, Clone, Default)]
pub struct Words(Vec<String>, rustc_hash::FxHashSet<String>, Filter);

impl PartialEq for Words {
    fn eq(&self, other: &Words) -> bool {
        self.0 == other.0
    }
}

impl Words {
    /// The words, lower-cased, in the file's order.
    pub fn new(words: impl IntoIterator<Item = String>) -> Words {
        let list: Vec<String> = words.into_iter().map(|w| w.to_lowercase()).collect();
        let set: rustc_hash::FxHashSet<String> = list.iter().cloned().collect();
        let filter = Filter::new(set.iter().map(String::as_str));
        Words(list, set, filter)
    }

    /// Is `word` (lower-cased) one of the words?
    #[inline]
    pub fn contains<K: Key + ?Sized>(&self, word: &K) -> bool {
        self.2.may_contain(word) && self.1.contains(word.text())
    }
}

impl std::ops::Deref for Words {
    type Target = Vec<String>;
    fn deref(&self) -> &Vec<String> {
        &self.0
    }
}

impl<'a> IntoIterator for &'a Words {
    type Item = &'a String;
    type IntoIter = std::slice::Iter<'a, String>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<'de> Deserialize<'de> for Words {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Words, D::Error> {
        let words = Vec::<String>::deserialize(d)?;
        Ok(Words::new(words))
    }
}

/// A table keyed by lower-cased word or phrase. Iteration is in key order, as in a
/// `BTreeMap` (phrase sets are built from it, and their tie-breaks follow that order);
/// lookups are a hash probe, not a walk of the tree: the grammar asks for every token.
#[derive(Clone)]
pub struct WordMap<V>(BTreeMap<String, V>, rustc_hash::FxHashMap<String, V>, Filter);

impl<V: Clone> WordMap<V> {
    fn from_sorted(map: BTreeMap<String, V>) -> WordMap<V> {
        let index = map.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        let filter = Filter::new(map.keys().map(String::as_str));
        WordMap(map, index, filter)
    }

    /// The value of `key` (lower-cased).
    #[inline]
    pub fn get<K: Key + ?Sized>(&self, key: &K) -> Option<&V> {
        if !self.2.may_contain(key) {
            return None;
        }
        self.1.get(key.text())
    }

    /// Is `key` (lower-cased) in the table?
    #[inline]
    pub fn contains_key<K: Key + ?Sized>(&self, key: &K) -> bool {
        self.get(key).is_some()
    }

    /// Lower-case every key (later duplicates win, as when a `BTreeMap` is collected).
    fn lowercase_keys(&mut self) {
        let old = std::mem::take(&mut self.0);
        *self = old.into_iter().map(|(k, v)| (k.to_lowercase(), v)).collect();
    }
}

impl<V: std::fmt::Debug> std::fmt::Debug for WordMap<V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl<V> Default for WordMap<V> {
    fn default() -> WordMap<V> {
        WordMap(BTreeMap::new(), rustc_hash::FxHashMap::default(), Filter::default())
    }
}

impl<V> std::ops::Deref for WordMap<V> {
    type Target = BTreeMap<String, V>;
    fn deref(&self) -> &BTreeMap<String, V> {
        &self.0
    }
}

impl<'a, V> IntoIterator for &'a WordMap<V> {
    type Item = (&'a String, &'a V);
    type IntoIter = std::collections::btree_map::Iter<'a, String, V>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<V: Clone> FromIterator<(String, V)> for WordMap<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(pairs: I) -> WordMap<V> {
        WordMap::from_sorted(pairs.into_iter().collect())
    }
}

impl<'de, V: Deserialize<'de> + Clone> Deserialize<'de> for WordMap<V> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<WordMap<V>, D::Error> {
        Ok(WordMap::from_sorted(BTreeMap::<String, V>::deserialize(d)?))
    }
}

/// The words of one language. Field docs are in the TOML files.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lexicon {
    pub language: String,
    pub decimal_mark: char,
    pub group_mark: char,
    pub cardinals: WordMap<f64>,
    pub scales: WordMap<f64>,
    #[serde(default)]
    pub collectives: WordMap<f64>,
    #[serde(default)]
    pub roman_numeral_after: Words,
    #[serde(default)]
    pub currency_units: WordMap<String>,
    #[serde(default)]
    pub money_scales: WordMap<f64>,
    #[serde(default)]
    pub standalone_scales: Words,
    #[serde(default)]
    pub story_date_prepositions: Words,
    #[serde(default)]
    pub fiscal_year_prefixes: Words,
    #[serde(default)]
    pub idioms: Words,
    #[serde(default)]
    pub fiscal_year_start_month: Option<u32>,
    #[serde(default)]
    pub bound_suffixes: WordMap<String>,
    #[serde(default)]
    pub decade_words: Words,
    #[serde(default)]
    pub short_decade_openers: Words,
    #[serde(default)]
    pub rate_nouns: WordMap<String>,
    /// What a rate written without its counted noun counts, named before it ("the homicide
    /// rate fell to 1.6 per 100,000" -> homicides): phrase -> the noun of [rate_nouns]' values.
    #[serde(default)]
    pub rate_subjects: std::collections::BTreeMap<String, String>,
    #[serde(default)]
    pub present_tense_cues: Words,
    /// Auxiliaries of the present perfect ("has", "have"): a past form right after one is in
    /// the present ("the police have made 64,300 arrests").
    #[serde(default)]
    pub present_perfect_auxiliaries: Words,
    #[serde(default)]
    pub past_tense_words: Words,
    #[serde(default)]
    pub past_suffixes: Words,
    #[serde(default)]
    pub not_past_tense: Words,
    #[serde(default)]
    pub since_words: Words,
    #[serde(default)]
    pub survey_cues: Words,
    #[serde(default)]
    pub sourcing_verbs: Words,
    #[serde(default)]
    pub sourcing_units: Words,
    #[serde(default)]
    pub change_to: Words,
    #[serde(default)]
    pub own_anchor_words: Words,
    #[serde(default)]
    pub relative_periods: WordMap<String>,
    /// A year named relative to the article's date after a day and month ("16 de mayo de este
    /// año", "March 3 of last year"): phrase -> years from the article's year.
    #[serde(default)]
    pub relative_years: WordMap<i32>,
    /// A day may follow its month without a year ("March 8"); where it may not (Spanish), "marzo
    /// 8" is a month and a count unless a year follows ("marzo 8, 2024").
    #[serde(default = "yes")]
    pub month_first_days: bool,
    /// Month names are written lower-case ("27 de marzo"); where they are not (English), a
    /// lower-case "may" or "march" is a word, not a month.
    #[serde(default)]
    pub lower_case_months: bool,
    /// A definite article before a bare figure belongs to its span ("el 90 por ciento").
    #[serde(default)]
    pub article_in_span: bool,
    /// The articles `article_in_span` keeps before a percentage or a multiplier (contractions
    /// with a preposition too: "al 30 %", "del 97 %").
    #[serde(default)]
    pub span_articles: Words,
    /// An age cue other than "de" makes an age only of a figure in years ("con 20 años", not
    /// "con 20 reos").
    #[serde(default)]
    pub age_cues_need_years: bool,
    /// An ordinal may follow its noun ("inciso segundo", "capítulo tercero"): after a
    /// lower-case word it is a rank even before a comma or the sentence's end.
    #[serde(default)]
    pub postposed_ordinals: bool,
    /// Words before a date without a year that point ahead of the article's date ("until
    /// February 15"): the date is the next one, not the last.
    #[serde(default)]
    pub future_date_cues: Words,
    /// A future-tense auxiliary ("will") or verb ending ("vencerá", "-rán") a few words before
    /// a date without a year makes it a date ahead of the article's ("will expire on November 14").
    #[serde(default)]
    pub future_tense_words: Words,
    #[serde(default)]
    pub future_tense_suffixes: Words,
    /// Words before or after a month that make it the latest one before the article's month
    /// ("last December", "diciembre pasado").
    #[serde(default)]
    pub past_month_before: Words,
    #[serde(default)]
    pub past_month_after: Words,
    /// Words right before a day and month that make it the latest such day on or before the
    /// article's date ("el pasado 3 de enero"), whatever year the sentence names.
    #[serde(default)]
    pub past_day_before: Words,
    /// Words that open an aside set off by commas ("la población, que en marzo de 2022 era
    /// de 33,700, alcanzó 96,200 a finales de febrero"): a year inside such an aside gives no
    /// year to a month without one written after it.
    #[serde(default)]
    pub aside_openers: Words,
    /// Day names -> days from Monday (0..=6): a weekday written with a date without a year
    /// ("el domingo 5 de enero", "Sunday, January 5") picks the year it falls on.
    #[serde(default)]
    pub weekdays: WordMap<u32>,
    /// How "01/03/2023" reads when neither part is above 12: `dmy` (1 March) or `mdy` (3 January).
    #[serde(default = "day_first")]
    pub slash_date_order: String,
    /// Words joining the parts of a compound duration ("una hora con cinco minutos").
    #[serde(default)]
    pub duration_joiners: Words,
    /// The word "year" between a month and its year ("marzo del año 2022").
    #[serde(default)]
    pub year_words: Words,
    #[serde(default)]
    pub seasons: WordMap<[u32; 2]>,
    #[serde(default)]
    pub since_then: Words,
    #[serde(default)]
    pub name_year_joiners: Words,
    #[serde(default)]
    pub name_year_heads: Words,
    /// Nouns of a law whose year, after a joiner, dates the law even in lower case ("una ley de
    /// 1798"), not a figure of the article.
    #[serde(default)]
    pub law_year_heads: Words,
    #[serde(default)]
    pub approximate_collectives: Words,
    #[serde(default)]
    pub multiplier_idiom_followers: Words,
    #[serde(default)]
    pub boilerplate_words: Words,
    #[serde(default)]
    pub group_definers: Words,
    #[serde(default)]
    pub ago_before: Words,
    #[serde(default)]
    pub ago_after: Words,
    #[serde(default)]
    pub compound_joiners: Words,
    /// The decimal point said as a word between number words ("five point two million").
    #[serde(default)]
    pub decimal_point_words: Words,
    #[serde(default)]
    pub one_articles: Words,
    #[serde(default)]
    pub ordinals: WordMap<f64>,
    #[serde(default)]
    pub ordinal_suffixes: Words,
    #[serde(default)]
    pub fractions: WordMap<f64>,
    #[serde(default)]
    pub scale_fractions: WordMap<f64>,
    #[serde(default)]
    pub multipliers: WordMap<f64>,
    #[serde(default)]
    pub times_words: Words,
    #[serde(default)]
    pub multiplier_followers: Words,
    #[serde(default)]
    pub vague: WordMap<f64>,
    #[serde(default)]
    pub one_exclusions_before: Words,
    #[serde(default)]
    pub one_exclusions_after: Words,
    pub qualifiers: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub emphasis: Words,
    #[serde(default)]
    pub non_bounds_after: Words,
    #[serde(default)]
    pub range_connectors: Words,
    #[serde(default)]
    pub range_open: Words,
    #[serde(default)]
    pub range_join: Words,
    /// Words that open a span of days ("del 8 al 16 de febrero", "from March 24 to 27").
    #[serde(default)]
    pub day_range_open: Words,
    /// Words that join the two days of such a span ("al", "y", "and", "to", "-").
    #[serde(default)]
    pub day_range_join: Words,
    #[serde(default)]
    pub change_verbs: Words,
    #[serde(default)]
    pub change_from: Words,
    #[serde(default)]
    pub continuation_cues: Words,
    /// Words that may stand between the members of a series of rates dated by year ("41 per
    /// 100,000 in 2018, 22.5 in 2019 and 9.1 in 2020"): a bare figure after them continues it.
    #[serde(default)]
    pub series_joiners: Words,
    #[serde(default)]
    pub percent_words: Words,
    #[serde(default)]
    pub currency_prefixes: Words,
    #[serde(default)]
    pub currency_words: Words,
    #[serde(default)]
    pub per_words: Words,
    /// Words that make a rate's "per" only after its counted noun ("12 homicidios cada 100.000
    /// habitantes"); a bare number before them is no rate ("uno cada 100").
    #[serde(default)]
    pub noun_per_words: Words,
    #[serde(default)]
    pub share_words: Words,
    pub months: WordMap<u32>,
    /// Parts of a year counted by ordinals, with their length in months ("quarter" = 3:
    /// "the second quarter of 2025" is 2025-04/2025-06).
    #[serde(default)]
    pub parts_of_year: WordMap<u32>,
    #[serde(default)]
    pub period_prefixes: Words,
    #[serde(default)]
    pub decade_suffix: String,
    #[serde(default)]
    pub am_words: Words,
    #[serde(default)]
    pub clock_articles: Words,
    #[serde(default)]
    pub clock_fractions: WordMap<u32>,
    #[serde(default)]
    pub pm_words: Words,
    #[serde(default)]
    pub age_compounds: Words,
    #[serde(default)]
    pub age_before: Words,
    #[serde(default)]
    pub age_context: Words,
    #[serde(default)]
    pub age_copulas: Words,
    #[serde(default)]
    pub term_nouns: Words,
    /// Words that tie a number of years to a term noun after it ("un año bajo el régimen",
    /// "tres años de vigencia"): such years are a duration, not an age.
    #[serde(default)]
    pub term_links: Words,
    #[serde(default)]
    pub age_adverbs: Words,
    #[serde(default)]
    pub person_pronouns: Words,
    #[serde(default)]
    pub age_followers: Words,
    /// Nouns of things whose age ("the regime is 3 years old") is how long they have lasted.
    #[serde(default)]
    pub thing_age_nouns: Words,
    /// Words that open a short complement of a noun ("crackdown on gangs", "state of exception").
    #[serde(default)]
    pub noun_complement_links: Words,
    /// Relative pronouns of a person ("who"): a noun after one is inside the person's clause.
    #[serde(default)]
    pub person_relatives: Words,
    #[serde(default)]
    pub identifier_before: Words,
    #[serde(default)]
    pub identifier_after: Words,
    /// Phrases that end in a word of `identifier_before` used as a verb ("to number", "they
    /// number"): the number after one is counted, not named.
    #[serde(default)]
    pub identifier_verbs: Words,
    #[serde(default)]
    pub title_nouns: Words,
    #[serde(default)]
    pub modal_words: Words,
    #[serde(default)]
    pub multiplier_before: Words,
    #[serde(default)]
    pub auxiliaries: Words,
    #[serde(default)]
    pub fold_suffixes: Words,
    #[serde(default)]
    pub plural_suffixes: Words,
    #[serde(default)]
    pub not_counted_nouns: Words,
    #[serde(default)]
    pub name_particles: Words,
    #[serde(default)]
    pub not_name_words: Words,
    #[serde(default)]
    pub name_titles: Words,
    #[serde(default)]
    pub measures_units: WordMap<MeasureUnit>,
    #[serde(default)]
    pub durations: WordMap<String>,
    #[serde(default)]
    pub units: BTreeMap<String, Vec<String>>,
    /// Counted noun (lower-case phrase) -> normalised unit, built from `units` on load.
    #[serde(skip)]
    pub noun_units: WordMap<String>,
}

/// The lexicons shipped in the binary, by language.
pub const EMBEDDED: &[(&str, &str)] = &[("en", include_str!("../../schemas/lexicon/en.toml")), ("es", include_str!("../../schemas/lexicon/es.toml"))];

impl Lexicon {
    /// Parse and check one lexicon file. `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<Lexicon> {
        let fail = |message: String| Error::Knowledge { file: file.to_string(), message };
        let mut lex: Lexicon = toml::from_str(text).map_err(|e| fail(e.to_string()))?;
        lex.normalise();
        lex.check().map_err(fail)?;
        Ok(lex)
    }

    fn normalise(&mut self) {
        fn lower_vec(v: &mut [String]) {
            for s in v.iter_mut() {
                *s = s.to_lowercase();
            }
        }
        self.cardinals.lowercase_keys();
        self.scales.lowercase_keys();
        self.collectives.lowercase_keys();
        self.ordinals.lowercase_keys();
        self.fractions.lowercase_keys();
        self.scale_fractions.lowercase_keys();
        self.multipliers.lowercase_keys();
        self.vague.lowercase_keys();
        self.months.lowercase_keys();
        self.parts_of_year.lowercase_keys();
        self.weekdays.lowercase_keys();
        self.measures_units.lowercase_keys();
        self.durations.lowercase_keys();
        self.relative_periods.lowercase_keys();
        self.seasons.lowercase_keys();
        self.clock_fractions.lowercase_keys();
        self.rate_nouns.lowercase_keys();
        self.currency_units.lowercase_keys();
        self.money_scales.lowercase_keys();
        self.bound_suffixes.lowercase_keys();
        for cues in self.qualifiers.values_mut() {
            lower_vec(cues);
        }
        self.noun_units = self.units.iter().flat_map(|(unit, nouns)| nouns.iter().map(move |n| (n.to_lowercase(), unit.clone()))).collect();
    }

    /// Reject a lexicon that would make the grammar misread numbers.
    fn check(&self) -> std::result::Result<(), String> {
        if self.language.trim().is_empty() {
            return Err("`language` is empty".into());
        }
        if self.decimal_mark == self.group_mark {
            return Err(format!("decimal_mark and group_mark are both {:?}", self.decimal_mark));
        }
        for mark in [self.decimal_mark, self.group_mark] {
            if mark != '.' && mark != ',' {
                return Err(format!("digit marks must be '.' or ',', found {mark:?}"));
            }
        }
        if !matches!(self.slash_date_order.as_str(), "dmy" | "mdy") {
            return Err(format!("slash_date_order must be \"dmy\" or \"mdy\", found {:?}", self.slash_date_order));
        }
        if self.cardinals.is_empty() {
            return Err("[cardinals] is empty".into());
        }
        if let Some((part, n)) = self.parts_of_year.iter().find(|(_, n)| !matches!(**n, 1 | 2 | 3 | 4 | 6)) {
            return Err(format!("[parts_of_year] {part} = {n}: a part of a year lasts 1, 2, 3, 4 or 6 months"));
        }
        if let Some((day, n)) = self.weekdays.iter().find(|(_, n)| **n > 6) {
            return Err(format!("[weekdays] {day} = {n}: days count from Monday = 0 to Sunday = 6"));
        }
        for (qualifier, cues) in &self.qualifiers {
            if !QUALIFIERS.contains(&qualifier.as_str()) {
                return Err(format!("[qualifiers] has unknown qualifier {qualifier:?}; known: {}", QUALIFIERS.join(", ")));
            }
            if cues.is_empty() || cues.iter().any(|c| c.trim().is_empty()) {
                return Err(format!("[qualifiers] {qualifier} has an empty cue list or an empty cue"));
            }
        }
        for (word, mu) in &self.measures_units {
            if !KINDS.contains(&mu.kind.as_str()) {
                return Err(format!("[measures_units] {word:?} has unknown kind {:?}", mu.kind));
            }
        }
        for (month, n) in &self.months {
            if !(1..=12).contains(n) {
                return Err(format!("[months] {month:?} = {n} is not a month number"));
            }
        }
        for (suffix, q) in &self.bound_suffixes {
            if !QUALIFIERS.contains(&q.as_str()) {
                return Err(format!("[bound_suffixes] {suffix:?} = {q:?} is not a qualifier"));
            }
        }
        for (season, months) in &self.seasons {
            if months.iter().any(|m| !(1..=12).contains(m)) {
                return Err(format!("[seasons] {season:?} = {months:?}: give the first and last month, 1 to 12"));
            }
        }
        for (phrase, period) in &self.relative_periods {
            let season = period.strip_suffix("-1").unwrap_or(period);
            let named = ["day", "day-1", "day+1", "month", "month-1", "year", "year-1", "year-to-date", "month-to-date", "week-1", "weekend", "none"];
            if !named.contains(&period.as_str()) && !self.seasons.contains_key(season) {
                return Err(format!(
                    "[relative_periods] {phrase:?} = {period:?}: use day, day-1, day+1, month, month-1, year, year-1, year-to-date, month-to-date, week-1, weekend, none, or a season of [seasons] (this one, or with -1 the last one)"
                ));
            }
        }
        for (unit, nouns) in &self.units {
            if nouns.iter().any(|n| n.trim().is_empty()) {
                return Err(format!("[units] {unit} has an empty noun"));
            }
        }
        Ok(())
    }

    /// The qualifier whose cue list holds `phrase`, if any.
    pub fn qualifier_of(&self, phrase: &str) -> Option<&str> {
        self.qualifiers.iter().find(|(_, cues)| cues.iter().any(|c| c == phrase)).map(|(q, _)| q.as_str())
    }

    /// Longest cue phrase over all qualifiers, in words; bounds the look-behind.
    pub fn longest_cue_words(&self) -> usize {
        self.qualifiers.values().flatten().map(|c| c.split_whitespace().count()).max().unwrap_or(1)
    }
}

/// Lexicons by language code.
#[derive(Debug, Clone)]
pub struct Lexicons {
    pub by_language: BTreeMap<String, Lexicon>,
}

impl Lexicons {
    /// The lexicons embedded in the binary.
    pub fn embedded() -> Result<Lexicons> {
        let mut by_language = BTreeMap::new();
        for (lang, text) in EMBEDDED {
            let lex = Lexicon::parse(&format!("schemas/lexicon/{lang}.toml (embedded)"), text)?;
            by_language.insert(lex.language.clone(), lex);
        }
        Ok(Lexicons { by_language })
    }

    /// Every `*.toml` in `dir` (e.g. `schemas/lexicon/`), one lexicon per language.
    pub fn from_dir(dir: &std::path::Path) -> Result<Lexicons> {
        let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "toml")).collect();
        paths.sort();
        let mut by_language = BTreeMap::new();
        for path in paths {
            let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
            let lex = Lexicon::parse(&path.display().to_string(), &text)?;
            by_language.insert(lex.language.clone(), lex);
        }
        if by_language.is_empty() {
            return Err(Error::Knowledge { file: dir.display().to_string(), message: "no lexicon (*.toml) in this folder".into() });
        }
        Ok(Lexicons { by_language })
    }

    pub fn get(&self, language: &str) -> Option<&Lexicon> {
        self.by_language.get(language)
    }
}

fn day_first() -> String {
    "dmy".into()
}

fn yes() -> bool {
    true
}
