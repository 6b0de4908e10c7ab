//! Claims: which measure each statement states (from the catalog in schemas/measures.toml
//! and the frames of schemas/frames.toml); the period it describes is as_of.rs's job.

use std::collections::BTreeMap;

use crate::extract::text::Doc;
use crate::extract::{Lexicon, Mention};
use crate::transform::as_of::is_name_year;
use crate::transform::frames;
use crate::transform::own_phrase;
use crate::transform::persons::NameReader;

mod catalog;

pub use catalog::{ByLanguage, Catalog, Fit, Measure, PersonAttribute, EMBEDDED_MEASURES};
use catalog::Hits;

mod score;
use score::{score, Context, Score, SentenceHits};

mod near_words;
use near_words::{near_parts, opens_with_pronoun, stands_alone, with_antecedent};

mod rules;
use rules::{about_another_place, counts_no_measured_quantity, counts_only_the_whole, partitive_whole, projection_in_clause, ruled_out, Place};

mod frame_check;
use frame_check::{frame_checked, framed_measure, unit_in_surface};

/// Does `haystack` (lower-cased, padded with spaces) contain the cue as whole words?
pub(crate) fn has_phrase(haystack: &str, cue: &str) -> bool {
    let mut from = 0;
    while let Some(pos) = haystack[from..].find(cue) {
        let s = from + pos;
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

/// The measure of a person's attribute stated by `m`, when a person attribute of the catalog
/// fits its kind and unit and the figure is in apposition to a name.
fn person_measure(names: &NameReader, m: &Mention, catalog: &Catalog) -> Option<String> {
    let attribute = catalog.person_attributes.iter().find(|p| p.fit().accepts(m.kind, m.unit.as_deref()))?;
    names.person_before(m).map(|person| format!("{}_{person}", attribute.prefix))
}

pub(crate) fn lower_padded(s: String) -> String {
    format!(" {} ", s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase())
}

/// A date becomes a claim only when a date measure clears the catalog's minimum by this much:
/// a context word somewhere in the sentence and a cue (opened, began…) next to the date.
const DATE_CLAIM_MARGIN: f64 = 0.25;

/// Is `word` (lower-case) a past-tense form: one of the lexicon's `past_tense_words`, or a word
/// with a `past_suffixes` ending (English "-ed", Spanish "-aron", "-ó")?
pub(crate) fn is_past_tense(word: &str, lexicon: &Lexicon) -> bool {
    lexicon.past_tense_words.iter().any(|w| w == word)
        || (word.chars().count() > 4 && lexicon.past_suffixes.iter().any(|s| word.ends_with(s.as_str())) && !lexicon.not_past_tense.iter().any(|w| w == word))
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
    // quantity for the frames ("... on three flights, 137 of them under the act").
    let own_unit: Vec<bool> = mentions.iter().map(|m| m.unit.is_some()).collect();
    if let Some(rates) = catalog.rate_subjects.get(&lexicon.language) {
        rates_named_before(doc, mentions, rates);
    }
    units_from_antecedents(mentions, 0);
    let names = NameReader::new(doc, lexicon);
    let index = catalog.index.get(&lexicon.language);
    let mut sentences = index.map(|index| SentenceHits { doc, index, kept: Vec::new() });
    // What the story is about: a figure's subject may be named anywhere in its article (the
    // article's first sentence often states its figure before naming the subject).
    let article_text = lower_padded(doc.slice(doc.front_matter_end, doc.chars.len()));
    for i in 0..mentions.len() {
        if mentions[i].is_statement {
            if let Some(id) = person_measure(&names, &mentions[i], catalog) {
                mentions[i].measure = Some(id);
                mentions[i].measure_evidence = Some("near: a person's name before it".to_string());
                continue;
            }
        }
        let m = &mentions[i];
        let is_date = matches!(m.kind, "date" | "year");
        let date_claim_candidate =
            is_date && m.value.is_some() && m.start >= doc.front_matter_end && !is_name_year(doc, m, lexicon) && !opens_a_span(doc, mentions, i, lexicon);
        if !(m.is_statement || date_claim_candidate) {
            continue;
        }
        let (Some(index), Some(sentences)) = (index, sentences.as_mut()) else { continue };
        let sentence = sentences.of(m.sentence);
        let previous = if m.sentence > 0 { sentences.of(m.sentence - 1) } else { Hits::default() };
        let (left, right) = near_parts(doc, mentions, i);
        let (ca, cb) = doc.clause_span(mentions[i].sentence, mentions[i].start, mentions[i].end);
        let clause_text = lower_padded(doc.slice(ca, cb));
        let clause = index.hits(&clause_text);
        let own = own_phrase::own_words(&mentions[i], &left, &right, catalog.governing_verb.contains(&lexicon.language));
        let counts_previous = catalog.anaphoric_nouns.get(&lexicon.language).is_some_and(|nouns| nouns.iter().any(|n| stands_alone(&left, n)));
        // An anaphoric noun before the figure brings the sentence before's words next to it.
        let near_text = match counts_previous {
            true if mentions[i].sentence > 0 => lower_padded(format!("{} {left} {right}", doc.sentence_text(mentions[i].sentence - 1))),
            _ => lower_padded(format!("{left} {right}")),
        };
        let sentence_text = lower_padded(doc.sentence_text(mentions[i].sentence));
        let anaphoric = opens_with_pronoun(&sentence_text, catalog, &lexicon.language);
        let cx = Context { own: index.hits(&own), near: index.hits(&near_text), clause, sentence: &sentence, previous: &previous, anaphoric };
        let projection = if is_date { None } else { projection_in_clause(doc, &mentions[i], ca, &right, catalog, &lexicon.language) };
        if let Some(reason) = counts_no_measured_quantity(doc, &mentions[i], &own, cb, catalog, &lexicon.language) {
            mentions[i].measure = None;
            mentions[i].measure_evidence = Some(reason);
            continue;
        }
        let words = |list: &ByLanguage| list.get(&lexicon.language).cloned().unwrap_or_default();
        // A plan to change a design figure ("planea ampliar su capacidad hasta 55.000") states
        // no design: the projection holds for `design` measures too.
        let clause_left = lower_padded(doc.slice(ca, mentions[i].start));
        let planned_change = projection.and(words(&catalog.change).into_iter().find(|w| has_phrase(&clause_left, w)));
        let short_window = !is_date && own_phrase::over_short_window(mentions, doc, i, &words(&catalog.window), &words(&catalog.since));
        let average = matches!(mentions[i].kind, "count" | "money") && words(&catalog.average).iter().any(|w| has_phrase(&near_text, w));
        let of_a_subgroup = mentions[i].kind == "count" && words(&catalog.subgroup).iter().any(|w| has_phrase(&own, w));
        let per_unit = mentions[i].kind == "count" && words(&catalog.distributive).iter().any(|w| has_phrase(&own, w));
        // Framed measures count a whole group's total: not an average, a subgroup or, unless
        // the measure counts per unit (a cell's occupants), an amount per unit.
        let no_total = |measure: &Measure| measure.frame.is_some() && (average || of_a_subgroup || (per_unit && !measure.per_unit));
        let place = if is_date { Place::Here } else { about_another_place(doc, mentions, i, &clause_text, catalog, &lexicon.language) };
        let m = &mentions[i];
        let unit = m.unit.as_deref().filter(|u| catalog.known_units.contains(*u));
        let previous_text = if m.sentence > 0 { lower_padded(doc.sentence_text(m.sentence - 1)) } else { String::new() };
        // A sentence that opens with a pronoun reads the sentence before as its own ("They were
        // first enacted in March").
        let frame_sentence = if anaphoric { format!("{previous_text}{sentence_text}") } else { sentence_text.clone() };
        let frame_clause = with_antecedent(doc, m, ca, &clause_text, catalog.relative_openers.get(&lexicon.language));
        // The frames read the figure's own words with its governing verb: the one word the
        // scores read too where the language's `governing_verb` is on, else the verb phrase
        // before it ("han muerto 350 reos").
        let own_frame = if catalog.governing_verb.contains(&lexicon.language) { own.clone() } else { own_phrase::own_frame_words(m, &left, &right) };
        let texts = frames::Texts {
            own: &own_frame,
            near: &near_text,
            clause: &frame_clause,
            sentence: &frame_sentence,
            previous: &previous_text,
            article: &article_text,
        };
        let reading = catalog.frames.read(&lexicon.language, &texts, unit.filter(|_| own_unit[i]), unit_in_surface(m));
        let framed = framed_measure(catalog, &reading, m, unit, is_date, short_window, place).filter(|(measure, _)| !no_total(measure));
        let mut best: Option<(&Measure, Score)> = None;
        let mut tie = false;
        for (k, measure) in catalog.measures.iter().enumerate() {
            if ruled_out(measure, is_date, short_window, place) || catalog.frames.quantity_near(&measure.unless, &reading).is_some() || no_total(measure) {
                continue;
            }
            if let Some(s) = score(measure, k, index, m, unit, &cx) {
                match best.as_ref().map(|(_, b)| s.cmp(b, catalog.nearest_first)) {
                    Some(std::cmp::Ordering::Less) => {}
                    Some(std::cmp::Ordering::Equal) => tie = true,
                    _ => {
                        best = Some((measure, s));
                        tie = false;
                    }
                }
            }
        }
        let threshold = catalog.min_score + if is_date { DATE_CLAIM_MARGIN } else { 0.0 };
        let scored = best.filter(|(_, s)| s.total() >= threshold && !tie);
        let (chosen, evidence) = frame_checked(catalog, scored, framed, &reading, is_date, index, &lexicon.language);
        let whole = partitive_whole(m, &right, &words(&catalog.partitive), &words(&catalog.auxiliaries));
        let (chosen, evidence) = match (chosen, &whole) {
            (Some(measure), Some(whole)) if counts_only_the_whole(catalog, measure, whole, &near_text, &lexicon.language) => {
                (None, Some(format!("not {}: a part of {}", measure.id, whole.trim())))
            }
            _ => (chosen, evidence),
        };
        // A projection states no fact: its measure stays empty, and the evidence says why.
        let (chosen, evidence) = match (chosen, projection) {
            (Some(measure), Some(word)) if !measure.design || planned_change.is_some() => {
                (None, Some(format!("projection: {word}{}", planned_change.map_or(String::new(), |c| format!(" {c}")))))
            }
            (Some(measure), _) => (Some(measure.id.clone()), evidence),
            (None, _) => (None, evidence),
        };
        let m = &mut mentions[i];
        if is_date {
            if chosen.is_some() {
                m.is_statement = true;
                m.measure = chosen;
                m.measure_evidence = evidence;
            }
        } else {
            m.measure = chosen;
            m.measure_evidence = evidence;
        }
    }
    measures_along_series(doc, mentions, lexicon);
    // Then the measure's unit; then the unit of a count in the sentence before.
    units_from_measures(mentions, catalog);
    units_from_antecedents(mentions, 1);
}

/// A figure that continues the one before it states the same measure: a rate in a series dated
/// by year ("the homicide rate was 41 per 100,000 in 2018, 22.5 in 2019 and 9.1 in 2020"), or a
/// figure a continuation cue ties to the one before ("held 98,700 people, up from 31,400 in
/// 2019"). A statement without a measure takes the measure of the statement before it in its
/// sentence when both are of one kind and unit (or it has none) and only years, the lexicon's
/// `series_joiners` and, for the second kind, a `continuation_cues` phrase stand between them.
fn measures_along_series(doc: &Doc, mentions: &mut [Mention], lexicon: &Lexicon) {
    let mut previous: Option<usize> = None;
    for i in 0..mentions.len() {
        let m = &mentions[i];
        if !m.is_statement || matches!(m.kind, "date" | "year") {
            continue;
        }
        if let Some(p) = previous {
            let head = &mentions[p];
            let same_kind = m.kind == head.kind && (m.unit.is_none() || m.unit == head.unit);
            if same_kind && m.sentence == head.sentence && m.measure.is_none() && head.measure.is_some() && continues(doc, mentions, p, i, lexicon) {
                mentions[i].measure = mentions[p].measure.clone();
                mentions[i].measure_evidence = Some(format!("continues: {}", mentions[p].surface));
            }
        }
        previous = Some(i);
    }
}

/// Does mention `b` continue mention `a`: between them only years and series joiners (with at
/// least one year, or rates of one unit), around at most one continuation cue?
fn continues(doc: &Doc, mentions: &[Mention], a: usize, b: usize, lexicon: &Lexicon) -> bool {
    let years: Vec<&Mention> = mentions[a + 1..b].iter().filter(|m| m.kind == "year").collect();
    let mut text = String::new();
    let mut from = mentions[a].end;
    for y in &years {
        text.push_str(&doc.slice(from, y.start));
        text.push_str(" ; ");
        from = y.end;
    }
    text.push_str(&doc.slice(from, mentions[b].start));
    let spaced = format!(" {} ", text.replace(',', " , ").replace(';', " ; ").to_lowercase().split_whitespace().collect::<Vec<_>>().join(" "));
    let cue = lexicon.continuation_cues.iter().filter(|c| has_phrase(&spaced, c)).max_by_key(|c| c.len());
    let rest = match cue {
        Some(c) => spaced.replacen(&format!(" {c} "), " ", 1),
        None => spaced,
    };
    let joined = rest.split_whitespace().all(|w| lexicon.series_joiners.contains(w));
    let rates = mentions[a].kind == "ratio" && mentions[a].unit.is_some() && mentions[a].unit == mentions[b].unit;
    joined && (cue.is_some() || (!years.is_empty() && rates))
}

/// Does date `i` open a span the next date closes ("del 3 de mayo al 9 de junio", "from
/// May 2021 to June 2023")? Such a date dates the figures of its sentence; it claims
/// nothing itself. Between the two dates stand at most [`SPAN_GAP_WORDS`] words, the first a
/// word that joins a range (`day_range_join`, `range_join`, `change_to` of the lexicon).
fn opens_a_span(doc: &Doc, mentions: &[Mention], i: usize, lexicon: &Lexicon) -> bool {
    let m = &mentions[i];
    let Some(next) = mentions[i + 1..].iter().find(|n| n.start >= m.end && !matches!(n.kind, "ordinal" | "identifier" | "other")) else { return false };
    if next.sentence != m.sentence || !matches!(next.kind, "date" | "year") {
        return false;
    }
    let gap = lower_padded(doc.slice(m.end, next.start));
    let words: Vec<&str> = gap.split_whitespace().collect();
    let joins = |w: &str| lexicon.day_range_join.contains(w) || lexicon.range_join.contains(w) || lexicon.change_to.contains(w);
    !words.is_empty() && words.len() <= SPAN_GAP_WORDS && joins(words[0])
}

/// Most words between two dates that make a span ("al día", "hasta el").
const SPAN_GAP_WORDS: usize = 3;

/// Bare numbers that a rate's noun before them in their sentence names ("la tasa de homicidios
/// bajó a 40 en 2019, a 21,5 en 2020"): they are that rate, in its unit. Only years, dates and
/// other bare numbers may stand between the noun and the number.
fn rates_named_before(doc: &Doc, mentions: &mut [Mention], rates: &BTreeMap<String, String>) {
    for i in 0..mentions.len() {
        if !is_bare_number(&mentions[i]) {
            continue;
        }
        let m = &mentions[i];
        let start = doc.sentences[m.sentence].0;
        let left = doc.slice(start, m.start).to_lowercase();
        let Some((at, unit)) = rates
            .iter()
            .filter_map(|(noun, unit)| left.rfind(noun.as_str()).map(|b| (start + left[..b].chars().count() + noun.chars().count(), unit)))
            .max_by_key(|(at, _)| *at)
        else {
            continue;
        };
        let between_ok = mentions[..i].iter().filter(|x| x.start >= at).all(|x| matches!(x.kind, "year" | "date") || x.unit.as_deref() == Some(unit.as_str()));
        if between_ok {
            let unit = unit.clone();
            mentions[i].kind = "ratio";
            mentions[i].unit = Some(unit);
        }
    }
}

/// A count written as a number alone (an article at most: "los 17,3"), with no unit.
fn is_bare_number(m: &Mention) -> bool {
    let words: Vec<&str> = m.surface.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).collect();
    m.kind == "count" && m.unit.is_none() && m.is_statement && words.len() <= 1 && words.iter().all(|w| w.chars().count() <= 3)
}

/// A multiplier compares with a baseline: "four times as many as in 2023", "casi el doble de la
/// tasa de 2019", "grew tenfold since the 1990s", "between 2020 and 2024 it tripled". Its unit
/// names the baseline year: `x_2023_level`, `x_1990s_level`. The baseline is a year after the
/// multiplier, or the earlier of two years of its sentence; a lone year before it dates the
/// claim instead ("In 2024 the rate was 30 times that of the population"), and the multiplier
/// keeps no unit.
fn units_of_multipliers(mentions: &mut [Mention]) {
    let mut i = 0;
    while i < mentions.len() {
        let sentence = mentions[i].sentence;
        let end = i + mentions[i..].iter().take_while(|m| m.sentence == sentence).count();
        let years: Vec<(usize, i32, String)> =
            mentions[i..end].iter().filter(|m| m.kind == "year" && !m.is_statement).filter_map(|m| year_label(m).map(|(y, l)| (m.start, y, l))).collect();
        let distinct: std::collections::BTreeSet<i32> = years.iter().map(|(_, y, _)| *y).collect();
        for m in mentions[i..end].iter_mut().filter(|m| m.kind == "ratio" && m.unit.is_none() && m.is_statement) {
            let after = years.iter().filter(|(start, _, _)| *start > m.start).min_by_key(|(_, y, _)| *y);
            let earliest = years.iter().min_by_key(|(_, y, _)| *y).filter(|_| distinct.len() >= 2);
            if let Some((_, _, label)) = after.or(earliest) {
                m.unit = Some(format!("x_{label}_level"));
            }
        }
        i = end;
    }
}

/// A year mention as (first year, label): `2019` -> (2019, "2019"); the decade 1990-1999 ->
/// (1990, "1990s").
fn year_label(m: &Mention) -> Option<(i32, String)> {
    if let Some(y) = m.value.as_deref().and_then(|v| v.parse::<i32>().ok()) {
        return Some((y, y.to_string()));
    }
    match (m.low, m.high) {
        (Some(lo), Some(hi)) if hi - lo == 9.0 && lo % 10.0 == 0.0 => Some((lo as i32, format!("{}s", lo as i32))),
        (Some(lo), _) => Some((lo as i32, (lo as i32).to_string())),
        _ => None,
    }
}

/// A count written without its noun continues the count before it ("Of the 430 detainees,
/// 96 died in hospital and 73 in their cells"; "con 44 votos a favor y tres en contra"): it
/// takes the unit of the nearest earlier count with a unit in its sentence, or up to
/// `sentences_back` sentences before.
fn units_from_antecedents(mentions: &mut [Mention], sentences_back: usize) {
    let mut last_unit: Option<(usize, String)> = None; // (sentence, unit) of the last count with a unit
    for m in mentions.iter_mut() {
        if m.kind != "count" {
            continue;
        }
        match &m.unit {
            Some(u) => last_unit = Some((m.sentence, u.clone())),
            None => {
                if let Some((sentence, unit)) = &last_unit {
                    if m.sentence <= sentence + sentences_back {
                        m.unit = Some(unit.clone());
                    }
                }
            }
        }
    }
}

/// A figure written without its noun whose measure is known counts what its measure counts
/// ("the prison population reached 9,400"): it takes the measure's unit.
fn units_from_measures(mentions: &mut [Mention], catalog: &Catalog) {
    // A raw noun ("privados") is no unit: the measure's unit replaces it.
    let unitless = |m: &Mention| m.unit.as_ref().is_none_or(|u| !catalog.known_units.contains(u));
    for m in mentions.iter_mut().filter(|m| unitless(m) && m.kind != "date" && m.kind != "year") {
        let Some(fit) = m.measure.as_deref().and_then(|id| catalog.fit(id)) else { continue };
        if !matches!(fit.unit, "any" | "date") {
            m.unit = Some(fit.unit.to_string());
        }
    }
}

