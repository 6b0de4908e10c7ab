//! Figures that restate a count the article states elsewhere, and so state its measure: a count
//! of people after a definite determiner ("at least 1,234 people have died in custody. ... Of
//! the 1,234, 567 died in hospital"), and a bare figure told for another period right after a
//! count ("In all of 2024 there were 2,345").

use super::catalog::Catalog;
use super::near_words::{near_parts, stands_alone};
use super::texts::is_bare;
use super::lower_padded;
use crate::extract::text::Doc;
use crate::extract::Mention;

/// Determiners that make a figure a group already named ("the 1,234", "those 1,234").
const DEFINITE: &[&str] = &["the", "these", "those", "los", "las", "estos", "estas", "esos", "esas"];

/// Give each figure left without a measure, and with nothing read against one, the measure of
/// the count of people it restates: the same value, stated elsewhere in the article as a count of
/// people with a framed measure. Only a figure after a definite determiner, whose own noun is
/// none or a noun of people (`people`: "the 1,234", "the 1,234 people who died"), and only when
/// the value has one such measure in the article.
pub(super) fn restated_counts(doc: &Doc, mentions: &mut [Mention], catalog: &Catalog, language: &str) {
    let people = catalog.people.get(language).cloned().unwrap_or_default();
    let counts_people = |id: &str| catalog.measures.iter().any(|m| m.id == id && m.unit == "persons" && m.frame.is_some());
    for i in 0..mentions.len() {
        let m = &mentions[i];
        if m.kind != "count" || !m.is_statement || m.measure.is_some() || m.measure_evidence.is_some() || m.value.is_none() {
            continue;
        }
        if !after_a_definite_determiner(doc, m) || !names_no_other_noun(m, &people) {
            continue;
        }
        let mut stated = mentions.iter().enumerate().filter(|(j, p)| *j != i && p.kind == "count" && p.value == m.value).filter_map(|(_, p)| p.measure.as_deref()).filter(|id| counts_people(id));
        let Some(first) = stated.next() else { continue };
        if stated.any(|other| other != first) {
            continue;
        }
        let id = first.to_string();
        mentions[i].measure_evidence = Some(format!("restates the {} of {id}", mentions[i].value.as_deref().unwrap_or("")));
        mentions[i].measure = Some(id);
    }
}

/// Does a definite determiner stand right before the figure, in its sentence ("Of the 1,234,")?
fn after_a_definite_determiner(doc: &Doc, m: &Mention) -> bool {
    let before = lower_padded(doc.slice(doc.sentences[m.sentence].0, m.start));
    before.split_whitespace().next_back().is_some_and(|w| DEFINITE.contains(&w))
}

/// Is the figure's surface a bare number or a number and a noun of people ("1,234 people")?
fn names_no_other_noun(m: &Mention, people: &[String]) -> bool {
    let words: Vec<String> = m.surface.split_whitespace().map(str::to_lowercase).collect();
    let noun = words.iter().rev().take_while(|w| !w.contains(|c: char| c.is_ascii_digit())).cloned().collect::<Vec<_>>();
    noun.is_empty() || (noun.len() == 1 && people.iter().any(|p| *p == noun[0]))
}

/// A bare figure told for another period right after a count restates the quantity the sentence
/// before counts ("ICE deported 1,234 Salvadorans from January to June. In all of 2024 there were
/// 2,345"): it takes the measure of that sentence's first counted statement of its unit, when its
/// own sentence names a period before it, no count comes before it there, and the measure counts
/// over a period (a running total restated for one year would be a part of it).
pub(super) fn restated_for_another_period(doc: &Doc, mentions: &mut [Mention], catalog: &Catalog, language: &str) {
    let anaphora = catalog.bare_anaphora.get(language).map_or(&[][..], Vec::as_slice);
    let questions = catalog.quantity_questions.get(language).map_or(&[][..], Vec::as_slice);
    for i in 0..mentions.len() {
        let m = &mentions[i];
        let open = m.is_statement && m.kind == "count" && m.measure.is_none() && m.measure_evidence.is_none() && m.sentence > 0;
        if !open {
            continue;
        }
        let (left, right) = near_parts(doc, mentions, i, questions);
        let restating = is_bare(m, &right, catalog, language) && anaphora.iter().any(|w| stands_alone(&left, w, |_| false));
        let before_it = mentions[..i].iter().filter(|p| p.sentence == m.sentence);
        let (dated, counted) = before_it.fold((false, false), |(d, c), p| (d || matches!(p.kind, "year" | "date"), c || p.kind == "count"));
        if !(restating && dated && !counted) {
            continue;
        }
        let periodic = |id: &str| catalog.measures.iter().any(|c| c.id == id && !c.cumulative);
        let source = mentions.iter().find(|p| {
            p.sentence + 1 == m.sentence && p.is_statement && p.kind == "count" && (m.unit.is_none() || p.unit == m.unit) && p.measure.as_deref().is_some_and(periodic)
        });
        if let Some((measure, surface)) = source.map(|p| (p.measure.clone(), p.surface.clone())) {
            mentions[i].measure = measure;
            mentions[i].measure_evidence = Some(format!("restates for another period: {surface}"));
        }
    }
}
