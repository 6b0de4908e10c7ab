//! A figure that restates a count of people the article states elsewhere ("at least 1,234 people
//! have died in custody. ... Of the 1,234, 567 died in hospital"): a definite determiner before
//! it says it names a group already counted, so it states that count's measure.

use super::catalog::Catalog;
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
