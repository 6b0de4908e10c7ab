//! A date that a start word of a date measure's subject governs: the date is that start, whatever
//! else its sentence counts (deaths or arrests since then). Three constructions:
//! - the start word and its subject right before the date, with only `date_lead` words between
//!   ("the state of exception began on May 1, 2020", "desde el inicio del régimen de excepción,
//!   el 1 de mayo de 2020");
//! - an apposition after the date that names them ("1 de mayo de 2020, fecha en que se aprobó el
//!   régimen de excepción");
//! - a date that opens its sentence, the only date there, whose clauses name them ("On May 1,
//!   2020, after a weekend of killings, Congress approved a state of exception").

use super::catalog::{ByLanguage, Catalog, Measure};
use crate::extract::text::Doc;
use crate::extract::Mention;

/// Most `date_lead` words between the governing word and the date ("en vigor desde el").
const LEAD_WORDS: usize = 3;
/// Most words between a start word and its subject, in either order ("declared a state of
/// emergency", "the state of exception was declared").
const SUBJECT_REACH: usize = 4;
/// Most words between a date and the opener of its apposition ("que es precisamente cuando").
const APPOSITION_LEAD: usize = 3;
/// Most words of an apposition after a date read for its start word and subject.
const APPOSITION_WORDS: usize = 14;

/// The words of `text`, lower-cased, without the marks that separate them (a comma between a
/// start and its date: "el inicio del régimen, el 1 de mayo").
fn words_of(text: &str) -> Vec<String> {
    let marks = |c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '"' | '“' | '”' | '«' | '»' | '—' | '–' | '‘' | '’');
    let spaced: String = text.to_lowercase().chars().map(|c| if marks(c) { ' ' } else { c }).collect();
    // A sentence's final period is no part of its last word; an abbreviation's inner ones are ("u.s.").
    spaced.split_whitespace().map(|w| if w.matches('.').count() == 1 { w.trim_end_matches('.').to_string() } else { w.to_string() }).filter(|w| !w.is_empty()).collect()
}

/// The positions where `phrase` (its words) starts in `words`.
fn occurrences(words: &[String], phrase: &[String]) -> Vec<usize> {
    if phrase.is_empty() || phrase.len() > words.len() {
        return Vec::new();
    }
    (0..=words.len() - phrase.len()).filter(|&k| words[k..k + phrase.len()] == *phrase).collect()
}

/// Spans (start, end) of every phrase of `phrases` in `words`.
fn spans(words: &[String], phrases: &[Vec<String>]) -> Vec<(usize, usize)> {
    phrases.iter().flat_map(|p| occurrences(words, p).into_iter().map(move |k| (k, k + p.len()))).collect()
}

/// Does a span of `first` end at most [`SUBJECT_REACH`] words before a span of `second` starts?
fn followed_by(words: &[String], first: &[Vec<String>], second: &[Vec<String>]) -> bool {
    let seconds = spans(words, second);
    spans(words, first).iter().any(|&(_, e)| seconds.iter().any(|&(s, _)| s >= e && s - e <= SUBJECT_REACH))
}

/// Does `words` end with a phrase of `last` that a phrase of `before` precedes within
/// [`SUBJECT_REACH`] words?
fn ends_with_after(words: &[String], last: &[Vec<String>], before: &[Vec<String>]) -> bool {
    last.iter().filter(|p| words.ends_with(p)).any(|p| {
        let head = &words[..words.len() - p.len()];
        spans(head, before).iter().any(|&(_, e)| head.len() - e <= SUBJECT_REACH)
    })
}

/// `words` without up to [`LEAD_WORDS`] `lead` words at its end.
fn without_lead<'w>(words: &'w [String], lead: &[String]) -> &'w [String] {
    let mut end = words.len();
    while end > 0 && words.len() - end < LEAD_WORDS && lead.contains(&words[end - 1]) {
        end -= 1;
    }
    &words[..end]
}

fn phrases(list: &[String]) -> Vec<Vec<String>> {
    list.iter().map(|p| words_of(p)).filter(|p| !p.is_empty()).collect()
}

/// The words that start a date measure's subject: its frame's date quantity words but the
/// `since` words (a total counted "since March" states no start), and the `start_nouns`.
fn start_words(catalog: &Catalog, measure: &Measure, language: &str) -> Vec<Vec<String>> {
    let get = |list: &ByLanguage| list.get(language).cloned().unwrap_or_default();
    let since = get(&catalog.since);
    let Some(frame) = measure.frame.as_ref() else { return Vec::new() };
    let verbs = frame.quantity.iter().filter_map(|q| catalog.frames.quantity(q)).flat_map(|k| catalog.frames.quantities[k].1.words.get(language).cloned().unwrap_or_default());
    phrases(&verbs.chain(get(&catalog.start_nouns)).filter(|w| !since.contains(w)).collect::<Vec<_>>())
}

/// Are `before` (the words before a date opening its sentence) a phrase of time the date stands
/// in apposition to ("Early the next morning, 12 May, ...")? The date still opens the scene.
fn is_scene_lead(before: &[String], scene_leads: &[String]) -> bool {
    phrases(scene_leads).iter().any(|p| p.as_slice() == before)
}

/// Does a measure read only dates (all its frame's quantities are `dates`)?
fn dates_only(catalog: &Catalog, measure: &Measure) -> bool {
    measure.frame.as_ref().is_some_and(|f| !f.quantity.is_empty() && f.quantity.iter().all(|q| catalog.frames.quantity(q).is_some_and(|k| catalog.frames.quantities[k].1.dates)))
}

/// The date measure whose start date `i` (a date or a year) is stated as, with the evidence.
pub(super) fn stated_start<'c>(doc: &Doc, mentions: &[Mention], i: usize, catalog: &'c Catalog, language: &str) -> Option<(&'c Measure, String)> {
    let m = &mentions[i];
    let (sentence_start, sentence_end) = doc.sentences[m.sentence];
    let figure = |p: &&Mention| p.sentence == m.sentence && !matches!(p.kind, "ordinal" | "identifier" | "other");
    let from = mentions[..i].iter().filter(figure).map(|p| p.end).filter(|&e| e <= m.start).max().unwrap_or(sentence_start).max(sentence_start);
    let to = mentions[i + 1..].iter().filter(figure).map(|p| p.start).filter(|&s| s >= m.end).min().unwrap_or(sentence_end).min(sentence_end);
    let before = words_of(&doc.slice(from, m.start));
    let after = words_of(&doc.slice(m.end, to));
    let get = |list: &ByLanguage| list.get(language).cloned().unwrap_or_default();
    let lead = get(&catalog.date_lead);
    let governed = without_lead(&before, &lead);
    let openers = phrases(&get(&catalog.date_apposition));
    let only_date = !mentions.iter().enumerate().any(|(j, p)| j != i && p.sentence == m.sentence && matches!(p.kind, "date" | "year"));
    let opens_sentence = from == sentence_start && (governed.is_empty() || is_scene_lead(&before, &get(&catalog.date_scene_lead)));
    // Up to a duration after it: "On May 1, 2022, two years after Congress declared it" dates
    // an anniversary, not the start.
    let duration = mentions[i + 1..].iter().find(|p| p.sentence == m.sentence && p.kind == "duration").map_or(sentence_end, |p| p.start);
    let rest_of_sentence = words_of(&doc.slice(m.end, duration.min(sentence_end)));
    catalog.measures.iter().filter(|x| x.kinds.iter().any(|k| k == m.kind) && dates_only(catalog, x)).find_map(|measure| {
        let starts = start_words(catalog, measure, language);
        let subjects = phrases(&catalog.frames.subject_words(language, &measure.frame.as_ref()?.subject));
        let named = |w: &[String]| followed_by(w, &starts, &subjects) || followed_by(w, &subjects, &starts);
        if ends_with_after(governed, &starts, &subjects) || ends_with_after(governed, &subjects, &starts) {
            return Some((measure, "governed: a start of its subject right before it".to_string()));
        }
        // The opener may follow a few words of a relative ("2020, que es precisamente cuando ...").
        let apposition = spans(&after, &openers).into_iter().filter(|&(s, _)| s <= APPOSITION_LEAD).map(|(_, e)| &after[e..]).find(|rest| named(&rest[..rest.len().min(APPOSITION_WORDS)]));
        if apposition.is_some() {
            return Some((measure, "apposition: a start of its subject".to_string()));
        }
        (opens_sentence && only_date && named(&rest_of_sentence)).then(|| (measure, "scene: opens a sentence naming a start of its subject".to_string()))
    })
    .or_else(|| {
        let since = get(&catalog.since);
        let opens = from == sentence_start && only_date && opens_with_since(governed, &since);
        opens.then(|| start_of_the_subject_before(doc, m.sentence, &after, &openers, catalog, language)).flatten()
    })
}

/// Are `governed` (the words before a date, its `date_lead` words set aside) only a `since`
/// word ("Desde el 1 de mayo de 2020, cuando ...")? The date then opens its sentence.
fn opens_with_since(governed: &[String], since: &[String]) -> bool {
    governed.len() == 1 && since.contains(&governed[0])
}

/// The date measure whose start a date's apposition names with its start word only, its subject
/// named in the sentence before ("¿Desde cuándo rige el régimen de excepción? Desde el 1 de
/// mayo de 2020, cuando el Congreso lo aprobó"): the apposition's verb is the subject's start.
/// Only one date measure may fit, so an article on two subjects leaves the date alone.
fn start_of_the_subject_before<'c>(doc: &Doc, sentence: usize, after: &[String], openers: &[Vec<String>], catalog: &'c Catalog, language: &str) -> Option<(&'c Measure, String)> {
    let before = words_of(&doc.sentence_text(sentence.checked_sub(1)?));
    let rest = spans(after, openers).into_iter().filter(|&(s, _)| s <= APPOSITION_LEAD).map(|(_, e)| &after[e..]).next()?;
    let rest = &rest[..rest.len().min(APPOSITION_WORDS)];
    let mut fits = catalog.measures.iter().filter(|x| dates_only(catalog, x)).filter(|measure| {
        let Some(frame) = measure.frame.as_ref() else { return false };
        let subjects = phrases(&catalog.frames.subject_words(language, &frame.subject));
        !spans(rest, &start_words(catalog, measure, language)).is_empty() && !spans(&before, &subjects).is_empty()
    });
    let measure = fits.next()?;
    fits.next().is_none().then(|| (measure, "apposition: a start of the subject of the sentence before".to_string()))
}
