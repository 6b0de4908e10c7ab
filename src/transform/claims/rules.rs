//! What rules a measure out before or after the scores: a projection, a count of something no
//! measure counts, a difference, another place, a short window, a part of a partitive's whole.

use super::catalog::{ByLanguage, Catalog, Measure};
use super::near_words::after_last_conjunction;
use super::{has_phrase, lower_padded};
use crate::extract::text::Doc;
use crate::extract::Mention;
use crate::transform::{frames, own_phrase};

/// The projection word (of the catalog's `projection` list) before the figure in its clause,
/// if any: "will close the year with 84,000", "la meta es llegar a 17,000".
fn projection_word<'a>(words: &'a [String], left: &str) -> Option<&'a str> {
    words.iter().find(|w| has_phrase(left, w)).map(String::as_str)
}

/// The projection word of the figure's clause before it, if any, or of its own words after it
/// (the verb of a figure that is its subject: "500.000 podrían ser deportados", "17,000 will be
/// freed"). Before it, it governs the whole clause, whatever figures (a year to close) stand
/// between: "cerrará 2024 con más de 110,000 reos".
pub(super) fn projection_in_clause<'c>(doc: &Doc, m: &Mention, clause_start: usize, right: &str, catalog: &'c Catalog, language: &str) -> Option<&'c str> {
    let clause_left = lower_padded(after_last_conjunction(&lower_padded(doc.slice(clause_start, m.start))).to_string());
    let after = lower_padded(format!("{} {}", m.surface, own_phrase::words_after(m, right).join(" ")));
    catalog.projection.get(language).and_then(|words| projection_word(words, &clause_left).or_else(|| projection_word(words, &after)))
}

/// Why a figure counts nothing a measure counts, as its evidence: a count of workers or
/// inhabitants among its own words (`not_counted`: "counts: workers"), or a difference between
/// two figures after it (`difference`: "418 capturas más que las 61.300", "40 more than the year
/// before": "difference: más que"). `clause_end` ends the figure's clause.
pub(super) fn counts_no_measured_quantity(doc: &Doc, m: &Mention, own: &str, clause_end: usize, catalog: &Catalog, language: &str) -> Option<String> {
    let words = |list: &ByLanguage| list.get(language).cloned().unwrap_or_default();
    if m.kind == "count" {
        if let Some(noun) = words(&catalog.not_counted).into_iter().find(|w| has_phrase(own, w)) {
            return Some(format!("counts: {noun}"));
        }
    }
    if matches!(m.kind, "date" | "year") {
        return None;
    }
    let after = lower_padded(doc.slice(m.end, clause_end.max(m.end)));
    words(&catalog.difference)
        .into_iter()
        .find(|w| after.starts_with(&format!(" {w} ")) || own_phrase::after_its_noun(&after, w))
        .map(|w| format!("difference: {w}"))
}

/// Does the figure's clause, or the text since the figure before it in its sentence, name a
/// place of the catalog's `elsewhere` ("in Guatemala the rate is 16.1"; "that of the United
/// States, where it is 540")? Its figure is that place's, not El Salvador's.
pub(super) fn about_another_place(doc: &Doc, mentions: &[Mention], i: usize, clause_text: &str, catalog: &Catalog, language: &str) -> Place {
    let m = &mentions[i];
    // A rank ("a second prison") is no figure before it: the place it names stays in view.
    let from = mentions[..i]
        .iter()
        .rev()
        .find(|p| p.sentence == m.sentence && p.end <= m.start && !matches!(p.kind, "ordinal" | "identifier" | "other"))
        .map_or(doc.sentences[m.sentence].0, |p| p.end);
    let since_previous = lower_padded(doc.slice(from, m.start));
    // The sentence's subject, before its first figure, is the place of all its figures ("El país
    // norteño tiene ... una tasa de 512"), unless El Salvador is named there too.
    let first = mentions.iter().find(|p| p.sentence == m.sentence).map_or(m.start, |p| p.start);
    let opening = lower_padded(doc.slice(doc.sentences[m.sentence].0, first));
    let here = catalog.here.get(language).is_some_and(|names| names.iter().any(|w| has_phrase(&opening, w)));
    let named = |list: &ByLanguage, text: &str| list.get(language).is_some_and(|places| places.iter().any(|w| has_phrase(text, w)));
    let names = |text: &str| named(&catalog.elsewhere, text) || named(&catalog.other_prisons, text);
    if names(clause_text) || names(&since_previous) {
        Place::Clause
    } else if !here && names(&opening) {
        Place::SentenceSubject
    } else {
        Place::Here
    }
}

/// Is a measure ruled out before any word is read: a date measure for a figure or the reverse,
/// a running total for a count over a short window, a measure of El Salvador for a figure
/// about another place?
pub(super) fn ruled_out(measure: &Measure, is_date: bool, short_window: bool, place: Place) -> bool {
    is_date != (measure.unit == "date")
        || (short_window && measure.cumulative)
        || (place == Place::Clause && measure.local)
        || (place == Place::SentenceSubject && measure.frame.is_some() && measure.local)
}

/// Where a figure's place other than El Salvador is named, if anywhere (see
/// [`about_another_place`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Place {
    /// Nowhere: the figure is El Salvador's.
    Here,
    /// In its clause or right before it: no measure of El Salvador applies.
    Clause,
    /// Only as the sentence's subject: no framed measure of El Salvador applies (a measure
    /// without a frame may be about a deal between the two).
    SentenceSubject,
}

/// How many words (besides scale words) may stand between a number and its partitive: its noun
/// ("32 venezolanos de los 240").
const MAX_WORDS_BEFORE_PARTITIVE: usize = 1;

/// How many words after the partitive name the whole, at most ("de los venezolanos enviados").
const WHOLE_WORDS: usize = 2;

/// Words of a number's scale that may stand between it and a partitive ("3 mil de los").
const SCALE_WORDS: &[&str] = &["mil", "millón", "millones", "thousand", "million", "millions"];

/// The words naming the whole a partitive figure is part of ("32 de los venezolanos enviados
/// ...", "40 of the men sent ..."): from the `partitive` word in its surface or right after it
/// to the end of its own words, lower-cased and padded; None for a figure that is no part.
pub(super) fn partitive_whole(m: &Mention, right: &str, partitive: &[String], auxiliaries: &[String]) -> Option<String> {
    let own = lower_padded(format!("{} {}", m.surface, own_phrase::words_after(m, right).join(" ")));
    let number_end = own.rfind(|c: char| c.is_ascii_digit()).map(|i| i + 1)?;
    // The partitive stands right after the number ("32 de los"), a scale word at most between
    // ("3 mil de los"): after a noun, "of the" is its complement ("5,000 members of the gangs").
    let start = partitive.iter().filter_map(|p| own[number_end..].find(&format!(" {p} ")).map(|i| i + number_end)).min()?;
    let between = own[number_end..start].split_whitespace().filter(|w| !SCALE_WORDS.contains(w)).count();
    if between > MAX_WORDS_BEFORE_PARTITIVE {
        return None;
    }
    // The whole is the partitive and the noun phrase after it, up to the verb of the figure's
    // own predicate ("32 of the men sent there | were ..."): at most WHOLE_WORDS words.
    let words: Vec<&str> = own[start..].split_whitespace().collect();
    let opener = partitive.iter().filter(|p| own[start..].starts_with(&format!(" {p} "))).map(|p| p.split_whitespace().count()).max().unwrap_or(1);
    let noun: Vec<&str> = words[opener..].iter().take(WHOLE_WORDS).take_while(|w| !auxiliaries.contains(&w.to_string())).copied().collect();
    Some(lower_padded(format!("{} {}", words[..opener].join(" "), noun.join(" "))))
}

/// Is a framed measure read, in a partitive figure's clause, only in the words naming the whole
/// ("32 de los venezolanos enviados al Cecot tenían condenas": `enviados` names the whole, so
/// 32 is no count of those sent)? A part takes a measure only from its own predicate ("85 de los
/// venezolanos enviados no tenían antecedentes").
pub(super) fn counts_only_the_whole(catalog: &Catalog, measure: &Measure, whole: &str, near_text: &str, language: &str) -> bool {
    let Some(frame) = &measure.frame else { return false };
    let rest = lower_padded(near_text.replacen(whole.trim(), " ", 1));
    let texts = frames::Texts { own: &rest, near: &rest, clause: "", sentence: "", previous: "", article: "" };
    catalog.frames.quantity_near(&frame.quantity, &catalog.frames.read(language, &texts, None, false)).is_none()
}

/// A figure after a whole its sentence opens with a partitive ("Of the 238 Venezuelans, 137
/// were deported under the act"; "De los 241 venezolanos, 139 fueron expulsados ...") counts a
/// part of that whole: it cannot state the whole's measure, which it loses (the part may state
/// another: "100 had no record").
pub(super) fn parts_of_a_whole_before(doc: &Doc, mentions: &mut [Mention], catalog: &Catalog, language: &str) {
    let partitives = catalog.partitive.get(language).cloned().unwrap_or_default();
    for i in 0..mentions.len() {
        let m = &mentions[i];
        let Some(measure) = m.measure.clone() else { continue };
        let Some(p) = (0..i).rev().find(|&p| mentions[p].sentence == m.sentence && !matches!(mentions[p].kind, "ordinal" | "identifier" | "other")) else { continue };
        let whole = &mentions[p];
        if whole.measure.as_deref() != Some(measure.as_str()) || whole.kind != m.kind {
            continue;
        }
        let opening = lower_padded(doc.slice(doc.sentences[m.sentence].0, whole.start));
        let between = doc.slice(whole.end, m.start);
        let opens_with_partitive = partitives.iter().any(|w| opening.trim() == w.as_str());
        if opens_with_partitive && between.trim_end().ends_with(',') && between.matches(',').count() == 1 {
            let evidence = format!("not {measure}: a part of {}", whole.surface);
            mentions[i].measure = None;
            mentions[i].measure_evidence = Some(evidence);
        }
    }
}
