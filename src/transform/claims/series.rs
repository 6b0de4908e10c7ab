//! Measures and units that a figure takes from the figures around it: a series or a continuation
//! takes the measure before it, a bare number after a rate's noun that rate, a multiplier its
//! baseline year, a count without its noun the unit of the count before it or of its measure.

use std::collections::BTreeMap;

use super::catalog::Catalog;
use super::has_phrase;
use crate::extract::text::Doc;
use crate::extract::{Lexicon, Mention};

/// A figure that continues the one before it states the same measure: a rate in a series dated
/// by year ("the homicide rate was 41 per 100,000 in 2018, 22.5 in 2019 and 9.1 in 2020"), or a
/// figure a continuation cue ties to the one before ("held 98,700 people, up from 31,400 in
/// 2019"). A statement without a measure takes the measure of the statement before it in its
/// sentence when both are of one kind and unit (or it has none) and only years, the lexicon's
/// `series_joiners` and, for the second kind, a `continuation_cues` phrase stand between them.
pub(super) fn measures_along_series(doc: &Doc, mentions: &mut [Mention], lexicon: &Lexicon) {
    let mut previous: Option<usize> = None;
    for i in 0..mentions.len() {
        let m = &mentions[i];
        if !m.is_statement || matches!(m.kind, "date" | "year") {
            continue;
        }
        if let Some(p) = previous {
            let head = &mentions[p];
            let same_kind = (m.kind == head.kind && (m.unit.is_none() || m.unit == head.unit)) || bare_after_a_rate(head, m);
            if same_kind && m.sentence == head.sentence && m.measure.is_none() && head.measure.is_some() && !other_nouns(head, m) && continues(doc, mentions, p, i, lexicon) {
                if bare_after_a_rate(head, m) {
                    mentions[i].kind = "ratio";
                    mentions[i].unit = mentions[p].unit.clone();
                }
                mentions[i].measure = mentions[p].measure.clone();
                mentions[i].measure_evidence = Some(format!("continues: {}", mentions[p].surface));
            } else if m.sentence == head.sentence && m.measure.is_none() && head.measure.is_some() && in_another_currency(doc, head, m) {
                mentions[i].measure = mentions[p].measure.clone();
                mentions[i].measure_evidence = Some(format!("in another currency: {}", mentions[p].surface));
            }
        }
        previous = Some(i);
    }
}

/// Is `m` a bare number after the rate figure `head` ("se ubicó en 2,4 y en 2024 en 1,9"): a
/// level of the same rate where years and series joiners alone stand between them (see
/// [`continues`]).
fn bare_after_a_rate(head: &Mention, m: &Mention) -> bool {
    is_rate(head) && is_bare_number(m)
}

/// Do two counts name different nouns of their own ("233 venezolanos y 21 salvadoreños")? The
/// second counts another group: it continues no series of the first.
fn other_nouns(a: &Mention, b: &Mention) -> bool {
    let noun = |m: &Mention| m.surface.split_whitespace().last().filter(|w| w.chars().all(char::is_alphabetic)).map(str::to_lowercase);
    matches!((noun(a), noun(b)), (Some(x), Some(y)) if x != y)
}

/// Words that may stand between a sum and the same sum in another currency ("six million dollars
/// — roughly £4.8 million —", "US$6 millones (unos 5,5 millones de euros)").
const CONVERSION_WORDS: &[&str] = &["or", "about", "roughly", "around", "some", "nearly", "approximately", "o", "unos", "unas", "aproximadamente"];

/// Is `b` the sum `a` states, in another currency, set right after it between marks?
fn in_another_currency(doc: &Doc, a: &Mention, b: &Mention) -> bool {
    let between = doc.slice(a.end, b.start).to_lowercase();
    a.kind == "money" && b.kind == "money" && a.unit.is_some() && b.unit.is_some() && a.unit != b.unit
        && between.chars().any(|c| matches!(c, '—' | '–' | '(' | ',' | '-'))
        && between.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).all(|w| CONVERSION_WORDS.contains(&w))
}

/// Does mention `b` continue mention `a`: between them only years, series joiners and verbs of
/// change (with at least one year, or rates of one unit), around at most one continuation cue?
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
    // A verb of change may carry the series on ("stood at 38 in 2019, fell to 7.8 in 2022").
    let joined = rest.split_whitespace().all(|w| lexicon.series_joiners.contains(w) || lexicon.change_verbs.contains(w));
    let rates = mentions[a].kind == "ratio" && mentions[a].unit.is_some() && (mentions[a].unit == mentions[b].unit || bare_after_a_rate(&mentions[a], &mentions[b]));
    joined && (cue.is_some() || (!years.is_empty() && rates))
}

/// Bare numbers that a rate's noun before them in their sentence names ("la tasa de homicidios
/// bajó a 40 en 2019, a 21,5 en 2020"), or a noun of `anaphora` opening their sentence after a
/// sentence that names the rate ("The rate fell from 12 in 2017 to 3 in 2023"): they are that
/// rate, in its unit. Only years, dates and other bare numbers may stand between the noun and
/// the number.
pub(super) fn rates_named_before(doc: &Doc, mentions: &mut [Mention], rates: &BTreeMap<String, String>, anaphora: &[String], per_words: &[String]) {
    for i in 0..mentions.len() {
        if !is_bare_number(&mentions[i]) {
            continue;
        }
        let m = &mentions[i];
        let start = doc.sentences[m.sentence].0;
        let left = doc.slice(start, m.start).to_lowercase();
        let named_here = last_rate_noun(&left, start, rates.iter()).map(|(_, end, unit)| (end, unit));
        let Some((at, unit)) = named_here.or_else(|| rate_of_the_sentence_before(doc, m, &left, rates, anaphora)) else {
            continue;
        };
        let between_ok = mentions[..i]
            .iter()
            .filter(|x| x.start >= at)
            .all(|x| matches!(x.kind, "year" | "date") || x.unit.as_deref() == Some(unit.as_str()) || base_of_the_rate(doc, at, x, per_words));
        if between_ok {
            let unit = unit.clone();
            mentions[i].kind = "ratio";
            mentions[i].unit = Some(unit);
        }
    }
}

/// Is `x` the base of the rate whose noun ends at `at`, a word of `per_words` right before it
/// ("la tasa de homicidios por cada 1.000 habitantes bajó a 12"): it counts no level of the rate,
/// and the number after it still does.
fn base_of_the_rate(doc: &Doc, at: usize, x: &Mention, per_words: &[String]) -> bool {
    let between = super::lower_padded(doc.slice(at, x.start));
    per_words.iter().any(|w| between.ends_with(&format!(" {w} ")))
}

/// A bare number that a subject standing for a rate (`subjects`: "it", "the figure") and a verb
/// of a level right before it (`verbs`: "had fallen to", "was") state, in the sentence after a
/// rate figure ("The murder rate was 45.6 per 100,000 in 2010. By 2020 it had fallen to 12.3"): a new
/// level of that rate, in its unit. Only years, dates and earlier levels of the rate may come
/// before it in its sentence, and the rate is the last of those levels, else the last rate figure
/// of the sentence before. Where the language drops the verb's subject (`dropped`: the words
/// that may open such a clause), a verb with only those words and years before it in its clause
/// has the rate for subject ("En 2019 ya había bajado a 38; en 2023 se ubicó en 2,4").
pub(super) fn rate_levels_after_a_rate(doc: &Doc, mentions: &mut [Mention], subjects: &[String], verbs: &[String], dropped: &[String]) {
    for i in 0..mentions.len() {
        if !is_bare_number(&mentions[i]) {
            continue;
        }
        if let Some(unit) = rate_before_a_level(doc, mentions, i, subjects, verbs, dropped).and_then(|x| x.unit.clone()) {
            mentions[i].kind = "ratio";
            mentions[i].unit = Some(unit);
        }
    }
}

/// The rate figure that figure `i` is a new level of, when a subject standing for it and a verb
/// of a level state `i` with only years, dates and earlier levels of it before it in its
/// sentence (see [`rate_levels_after_a_rate`]).
fn rate_before_a_level<'m>(doc: &Doc, mentions: &'m [Mention], i: usize, subjects: &[String], verbs: &[String], dropped: &[String]) -> Option<&'m Mention> {
    let m = &mentions[i];
    let figures_before: Vec<&Mention> = mentions[..i].iter().filter(|x| x.sentence == m.sentence && !matches!(x.kind, "year" | "date")).collect();
    if m.sentence == 0 || !figures_before.iter().all(|x| is_rate(x)) {
        return None;
    }
    let left = super::lower_padded(doc.slice(doc.sentences[m.sentence].0, m.start));
    if !stated_by_a_rate_subject(&left, subjects, verbs, dropped) {
        return None;
    }
    match figures_before.last() {
        Some(level) => Some(*level),
        None => mentions[..i].iter().rev().filter(|x| x.sentence + 1 == m.sentence).find(|x| x.is_statement && is_rate(x)),
    }
}

/// A new level of a rate that the word readings leave without a measure ("en 2023 se ubicó en
/// 2,4", after "ya había bajado a 38" of the homicide rate) states the measure of the rate it is
/// a level of (see [`rate_levels_after_a_rate`]), in the same unit.
pub(super) fn measures_of_rate_levels(doc: &Doc, mentions: &mut [Mention], subjects: &[String], verbs: &[String], dropped: &[String]) {
    for i in 0..mentions.len() {
        if mentions[i].measure.is_some() || !mentions[i].is_statement || !is_rate(&mentions[i]) {
            continue;
        }
        let level_of = rate_before_a_level(doc, mentions, i, subjects, verbs, dropped).filter(|x| x.unit == mentions[i].unit && x.measure.is_some());
        if let Some((measure, surface)) = level_of.map(|x| (x.measure.clone(), x.surface.clone())) {
            mentions[i].measure = measure;
            mentions[i].measure_evidence = Some(format!("a new level of: {surface}"));
        }
    }
}

/// Is figure `i` a new level of a rate the sentence before states, in that rate's unit ("By
/// 2020 it had fallen to 12")? Its words are then that sentence's, as an anaphoric noun's are.
pub(super) fn levels_the_rate_before(doc: &Doc, mentions: &[Mention], i: usize, subjects: &[String], verbs: &[String], dropped: &[String]) -> bool {
    is_rate(&mentions[i]) && rate_before_a_level(doc, mentions, i, subjects, verbs, dropped).is_some_and(|x| x.unit == mentions[i].unit)
}

/// Does `left` (the figure's sentence up to it, lower-cased and padded) end with a verb of a
/// level, after a subject that stands for a rate, or with no subject where the language drops it?
fn stated_by_a_rate_subject(left: &str, subjects: &[String], verbs: &[String], dropped: &[String]) -> bool {
    verbs.iter().filter(|v| left.ends_with(&format!(" {v} "))).any(|v| {
        let before = &left[..left.len() - v.len() - 1];
        subjects.iter().any(|s| has_phrase(before, s)) || subject_dropped(before, dropped)
    })
}

/// Does the clause that ends with `before` (the words before a verb) hold only years and words of
/// `dropped`: a verb whose subject the language leaves out ("; en 2023 se ubicó en")? Never where
/// the language keeps its subjects (no such words).
fn subject_dropped(before: &str, dropped: &[String]) -> bool {
    let clause = before.rsplit([',', ';', ':', '(', '—']).next().unwrap_or(before);
    !dropped.is_empty() && clause.split_whitespace().all(|w| w.chars().all(|c| c.is_ascii_digit()) || dropped.iter().any(|d| d == w))
}

/// A figure of a rate: a ratio whose unit is a count per a number of others
/// ("homicides_per_100000_people").
fn is_rate(m: &Mention) -> bool {
    m.kind == "ratio" && m.unit.as_deref().is_some_and(|u| u.contains("_per_"))
}

/// A bare number after a determiner that makes it a figure already stated (`determiners`: "is
/// that 12.3 real?"), of the value of a rate figure before it: that rate, in its unit and measure.
pub(super) fn restated_rates(doc: &Doc, mentions: &mut [Mention], determiners: &[String]) {
    for i in 0..mentions.len() {
        let m = &mentions[i];
        if !is_bare_number(m) || m.measure.is_some() || m.value.is_none() {
            continue;
        }
        let left = super::lower_padded(doc.slice(doc.sentences[m.sentence].0, m.start));
        if !left.split_whitespace().next_back().is_some_and(|w| determiners.iter().any(|d| d == w)) {
            continue;
        }
        let stated = mentions[..i].iter().rev().find(|x| x.is_statement && is_rate(x) && x.value == m.value && x.measure.is_some());
        if let Some((unit, measure, surface)) = stated.map(|x| (x.unit.clone(), x.measure.clone(), x.surface.clone())) {
            let m = &mut mentions[i];
            m.kind = "ratio";
            m.unit = unit;
            m.measure = measure;
            m.measure_evidence = Some(format!("restates the rate {surface}"));
        }
    }
}

/// Where the rate noun that gave figure `i` its unit starts in its sentence, when only years
/// and dates stand between them ("la tasa de homicidios de 2023 fue de 3,2"): the noun is the
/// figure's though a year cuts the words around it.
pub(super) fn rate_noun_across_years(doc: &Doc, mentions: &[Mention], i: usize, rates: &BTreeMap<String, String>) -> Option<usize> {
    let m = &mentions[i];
    let unit = m.unit.as_deref()?;
    // Most figures are no rate: their sentence is not read.
    let its_rates: Vec<(&String, &String)> = rates.iter().filter(|(_, u)| u.as_str() == unit).collect();
    if its_rates.is_empty() {
        return None;
    }
    let start = doc.sentences[m.sentence].0;
    let (from, to, _) = last_rate_noun(&doc.slice(start, m.start).to_lowercase(), start, its_rates.into_iter())?;
    let between: Vec<&Mention> = mentions[..i].iter().filter(|x| x.start >= to).collect();
    (!between.is_empty() && between.iter().all(|x| matches!(x.kind, "year" | "date"))).then_some(from)
}

/// The last of the rate nouns `rates` (noun, unit) in `left` (lower-cased text starting at
/// character `start` of the document): where it starts and ends in the document, and its unit.
fn last_rate_noun<'r>(left: &str, start: usize, rates: impl Iterator<Item = (&'r String, &'r String)>) -> Option<(usize, usize, &'r String)> {
    rates
        .filter_map(|(noun, unit)| left.rfind(noun.as_str()).map(|b| start + left[..b].chars().count()).map(|at| (at, at + noun.chars().count(), unit)))
        .max_by_key(|(at, end, _)| (*at, *end))
}

/// The rate a noun of `anaphora` opening the figure's sentence (`left`: its words up to the
/// figure, lower-cased) stands for: the last of `rates` the sentence before names. Where the
/// noun ends, and the rate's unit.
fn rate_of_the_sentence_before<'r>(doc: &Doc, m: &Mention, left: &str, rates: &'r BTreeMap<String, String>, anaphora: &[String]) -> Option<(usize, &'r String)> {
    let opening = left.trim_start();
    let noun = anaphora.iter().find(|a| opening.strip_prefix(a.as_str()).is_some_and(|rest| rest.starts_with(char::is_whitespace)))?;
    let before = doc.sentence_text(m.sentence.checked_sub(1)?).to_lowercase();
    let (_, unit) = rates.iter().filter_map(|(name, unit)| before.rfind(name.as_str()).map(|b| (b, unit))).max_by_key(|(b, _)| *b)?;
    let leading = left.chars().count() - opening.chars().count();
    Some((doc.sentences[m.sentence].0 + leading + noun.chars().count(), unit))
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
pub(super) fn units_of_multipliers(mentions: &mut [Mention]) {
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

/// A count written without its noun continues the count before it ("Of the 417 detainees,
/// 96 died in hospital and 73 in their cells"; "con 44 votos a favor y tres en contra"): it
/// takes the unit of the nearest earlier count with a unit in its sentence, or up to
/// `sentences_back` sentences before.
pub(super) fn units_from_antecedents(mentions: &mut [Mention], sentences_back: usize) {
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
pub(super) fn units_from_measures(mentions: &mut [Mention], catalog: &Catalog) {
    // A raw noun ("privados") is no unit: the measure's unit replaces it.
    let unitless = |m: &Mention| m.unit.as_ref().is_none_or(|u| !catalog.known_units.contains(u));
    for m in mentions.iter_mut().filter(|m| unitless(m) && m.kind != "date" && m.kind != "year") {
        let Some(fit) = m.measure.as_deref().and_then(|id| catalog.fit(id)) else { continue };
        if !matches!(fit.unit, "any" | "date") {
            m.unit = Some(fit.unit.to_string());
        }
    }
}
