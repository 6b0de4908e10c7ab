//! Claims: which measure each statement states (from the catalog in schemas/measures.toml
//! and the frames of schemas/frames.toml); the period it describes is as_of.rs's job.
//!
//! This file holds [`assign_measures`] (the passes over an article's statements) and the small
//! text helpers the others share. `statement` reads one statement, in order, from named
//! readings that live by job in the sibling files: `figure` (the statement's figure and what
//! its article is about), `texts` (the texts around the figure), `vetoes` (what keeps a measure
//! from it: no measured quantity, rates, projections, windows, amounts per unit, subgroups),
//! `places` (another place), `units` (the unit a measure must fit), `frame_reading` (what the
//! frames read), `partitive` (parts and shares) and `choice` (the final choice, with
//! `start_dates` for a date a start word governs). The rest: `catalog` (the catalog, its
//! loading and checks), `phrase_index` (its phrases in one automaton), `score` (the word
//! scores), `near_words` (the words around a figure), `rules` (what takes a measure away:
//! projections, other places, differences, partitives), `frame_check` (the frames' reading
//! against the scores), `series` (measures and units from neighbouring figures), `restated`
//! (figures that restate a count) and `dates` (when a date is a claim).

use crate::extract::text::Doc;
use crate::extract::{Lexicon, Mention};
use crate::transform::persons::NameReader;

mod catalog;
mod choice;
mod dates;
mod figure;
mod frame_check;
mod frame_reading;
mod near_words;
mod partitive;
mod phrase_index;
mod places;
mod restated;
mod rules;
mod score;
mod series;
mod start_dates;
mod statement;
mod texts;
mod units;
mod vetoes;

pub use catalog::{ByLanguage, Catalog, Fit, Measure, PersonAttribute, EMBEDDED_MEASURES};
use dates::date_claim_candidate;
use figure::{Figure, Story};
use rules::parts_of_a_whole_before;
use score::SentenceHits;
use series::{measures_along_series, measures_of_rate_levels, rate_levels_after_a_rate, rates_named_before, restated_rates, units_from_antecedents, units_from_measures, units_of_multipliers};
use statement::read_statement;

/// Does `haystack` (lower-cased, padded with spaces) contain the cue as whole words?
pub(crate) fn has_phrase(haystack: &str, cue: &str) -> bool {
    let mut from = 0;
    while let Some(s) = find_from(haystack, cue, from) {
        let e = s + cue.len();
        let before_ok = s == 0 || !haystack[..s].chars().next_back().is_some_and(char::is_alphanumeric);
        let after_ok = !haystack[e..].chars().next().is_some_and(char::is_alphanumeric);
        if before_ok && after_ok {
            return true;
        }
        from = s + cue.len().max(1);
    }
    false
}

/// Where `needle` first occurs in `haystack` at or after byte `from`. The texts searched are
/// a clause or a sentence and the words a few bytes long, so a scan for the needle's first byte
/// beats `str::find`, whose searcher costs more to set up than such a search takes (most of a
/// build's time went there). A match of a whole `str` starts at a character boundary.
fn find_from(haystack: &str, needle: &str, from: usize) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else { return (from <= h.len()).then_some(from) };
    let mut at = from;
    while at + n.len() <= h.len() {
        let s = at + h[at..=h.len() - n.len()].iter().position(|&b| b == first)?;
        if h[s..].starts_with(n) {
            return Some(s);
        }
        at = s + 1;
    }
    None
}

/// Does `text` (lower-cased, padded) open with the words `opener`, followed by a space or a mark
/// ("among them, 68")?
fn opens_with(text: &str, opener: &str) -> bool {
    text.strip_prefix(' ').and_then(|t| t.strip_prefix(opener)).is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
}

/// The measure of a person's attribute stated by `m`, when a person attribute of the catalog
/// fits its kind and unit and the figure is in apposition to a name.
fn person_measure(names: &NameReader, m: &Mention, catalog: &Catalog) -> Option<String> {
    let attribute = catalog.person_attributes.iter().find(|p| p.fit().accepts(m.kind, m.unit.as_deref()))?;
    names.person_before(m).map(|person| format!("{}_{person}", attribute.prefix))
}

/// `s` lower-cased, each run of white space one space, with a space at each end: the form of
/// every text a phrase is looked for in.
pub(crate) fn lower_padded(s: String) -> String {
    // Two allocations, not four: every statement makes several of these texts.
    let lower = s.to_lowercase();
    let mut padded = String::with_capacity(lower.len() + 2);
    for word in lower.split_whitespace() {
        padded.push(' ');
        padded.push_str(word);
    }
    padded.push(' ');
    if padded.len() == 1 {
        padded.push(' ');
    }
    padded
}

/// Is `word` (lower-case) a past-tense form: one of the lexicon's `past_tense_words`, or a word
/// with a `past_suffixes` ending (English "-ed", Spanish "-aron", "-ó")?
pub(crate) fn is_past_tense(word: &str, lexicon: &Lexicon) -> bool {
    lexicon.past_tense_words.iter().any(|w| w == word)
        || (word.chars().count() > 4 && lexicon.past_suffixes.iter().any(|s| word.ends_with(s.as_str())) && !lexicon.not_past_tense.iter().any(|w| w == word))
}

/// Does a framed measure count things (flights, pavilions: a quantity with `things`)?
pub(super) fn counts_things(catalog: &Catalog, measure: &Measure) -> bool {
    measure.frame.as_ref().is_some_and(|f| f.quantity.iter().filter_map(|q| catalog.frames.quantity(q)).any(|k| catalog.frames.quantities[k].1.things))
}

/// The words of a catalog list in `language` (none when the language has no such list).
fn words_of<'a>(lists: &'a ByLanguage, language: &str) -> &'a [String] {
    lists.get(language).map_or(&[][..], Vec::as_slice)
}

/// Assign a measure to every statement, and make dates statements where the date itself is
/// the claim ("CECOT opened in 2023"): a date or year becomes a statement only when a date
/// measure of the catalog fits it. A figure in apposition to a named person ("Ana Pérez, 39,")
/// states that person's attribute (`age_ana_perez`) when a person attribute of the catalog fits.
pub fn assign_measures(doc: &Doc, mentions: &mut [Mention], catalog: &Catalog, lexicon: &Lexicon) {
    // Units read from the text come first, so a measure must fit them ("de los 11 venezolanos
    // ..., siete están en el CECOT" counts persons, not pavilions).
    units_of_multipliers(mentions);
    // A unit a count takes from the count before it is no word of its own phrase: it names no
    // quantity for the frames ("... on three flights, 129 of them under the act").
    let own_unit: Vec<bool> = mentions.iter().map(|m| m.unit.is_some()).collect();
    let language = lexicon.language.as_str();
    if let Some(rates) = catalog.rate_subjects.get(language) {
        rates_named_before(doc, mentions, rates, words_of(&catalog.rate_anaphora, language), &lexicon.per_words);
    }
    rate_levels_after_a_rate(doc, mentions, words_of(&catalog.rate_level_subjects, language), words_of(&catalog.rate_level_verbs, language), words_of(&catalog.rate_level_dropped_subject, language));
    units_from_antecedents(mentions, 0);
    let names = NameReader::new(doc, lexicon);
    let index = catalog.index.get(&lexicon.language);
    let mut sentences = index.map(|index| SentenceHits { doc, index, kept: Vec::new() });
    let story = Story::read(doc, catalog, &lexicon.language);
    for i in 0..mentions.len() {
        if mentions[i].is_statement {
            if let Some(id) = person_measure(&names, &mentions[i], catalog) {
                mentions[i].measure = Some(id);
                mentions[i].measure_evidence = Some("near: a person's name before it".to_string());
                continue;
            }
        }
        let f = Figure { doc, mentions: &*mentions, i, catalog, lexicon, story: &story };
        if !(f.m().is_statement || date_claim_candidate(&f)) {
            continue;
        }
        let (Some(index), Some(sentences)) = (index, sentences.as_mut()) else { continue };
        let outcome = read_statement(&f, index, sentences, &own_unit);
        outcome.write(&mut mentions[i]);
    }
    // A new level of a rate states that rate's measure; a series may continue it.
    measures_of_rate_levels(doc, mentions, words_of(&catalog.rate_level_subjects, language), words_of(&catalog.rate_level_verbs, language), words_of(&catalog.rate_level_dropped_subject, language));
    measures_along_series(doc, mentions, lexicon);
    parts_of_a_whole_before(doc, mentions, catalog, &lexicon.language);
    restated::restated_for_another_period(doc, mentions, catalog, &lexicon.language);
    restated::restated_counts(doc, mentions, catalog, &lexicon.language);
    restated_rates(doc, mentions, words_of(&catalog.restating_determiners, language));
    // Then the measure's unit; then the unit of a count in the sentence before.
    units_from_measures(mentions, catalog);
    units_from_antecedents(mentions, 1);
}
