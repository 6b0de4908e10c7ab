//! What rules a measure out before or after the scores: a projection, a count of something no
//! measure counts, a difference, another place, a short window, a part of a partitive's whole.

use super::catalog::{ByLanguage, Catalog, Measure};
use super::near_words::{after_last_conjunction, near_parts, since_figure_before};
use super::{has_phrase, lower_padded};
use crate::extract::text::Doc;
use crate::extract::Mention;
use crate::transform::frames::{self, GROUP_RANK};
use crate::transform::own_phrase;

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
/// inhabitants among its own words (`not_counted`: "counts: workers"), a change or an increment
/// right before a count or a sum (`change_before`: "rose by 21,700", "another 5,300": "change:
/// rose by") or right after its number (`change_after`: "5,300 more inmates"), or a difference between two figures after it (`difference`: "418 capturas más que
/// las 61.300", "40 more than the year before": "difference: más que"), or the whole part of a
/// larger number (`fraction_after`: "23 and a half hours": "part of a number: and a half"). `left` holds the words
/// before the figure in its clause (lower-cased, padded); `clause_end` ends the clause.
pub(super) fn counts_no_measured_quantity(doc: &Doc, m: &Mention, own: &str, left: &str, clause_end: usize, catalog: &Catalog, language: &str) -> Option<String> {
    let words = |list: &ByLanguage| list.get(language).cloned().unwrap_or_default();
    if m.kind == "count" {
        if let Some(noun) = words(&catalog.not_counted).into_iter().find(|w| has_phrase(own, w)) {
            return Some(format!("counts: {noun}"));
        }
    }
    if matches!(m.kind, "count" | "money") {
        if let Some(change) = change_word(doc, m, own, left, clause_end, catalog, language) {
            return Some(format!("change: {change}"));
        }
    }
    if matches!(m.kind, "date" | "year") {
        return None;
    }
    let after = lower_padded(doc.slice(m.end, clause_end.max(m.end)));
    if m.kind == "count" {
        if let Some(fraction) = words(&catalog.fraction_after).into_iter().find(|w| after.starts_with(&format!(" {w} "))) {
            return Some(format!("part of a number: {fraction}"));
        }
    }
    words(&catalog.difference)
        .into_iter()
        .find(|w| after.starts_with(&format!(" {w} ")) || own_phrase::after_its_noun(&after, w))
        .map(|w| format!("difference: {w}"))
}

/// The word that makes a count or a sum a change or an increment, if any: right before it
/// (`change_before`: "rose by 21,700", "another 5,300"), right after its number (`change_after`:
/// "5,300 more inmates") or closing its noun phrase ("18.000 reos más"). `left` holds the words
/// before the figure in its clause (lower-cased, padded); `clause_end` ends the clause.
fn change_word(doc: &Doc, m: &Mention, own: &str, left: &str, clause_end: usize, catalog: &Catalog, language: &str) -> Option<String> {
    let words = |list: &ByLanguage| list.get(language).cloned().unwrap_or_default();
    // A quotation mark is no word ("\"Otros 17 criminales ...\"").
    let left = lower_padded(left.replace(['"', '“', '”', '«', '»'], " "));
    if let Some(change) = words(&catalog.change_before).into_iter().find(|w| left.ends_with(&format!(" {w} "))) {
        return Some(change);
    }
    let after_number = number_end(own, &m.surface).map_or("", |at| &own[at..]);
    let first_after = after_number.split_whitespace().next().filter(|_| after_number.starts_with(' ')).unwrap_or("");
    if let Some(change) = words(&catalog.change_after).into_iter().find(|w| w == first_after) {
        return Some(change);
    }
    // The increment word may close the count's noun phrase too ("18.000 reos más"), unless
    // it opens a comparison (`difference`: "reos más que").
    if let Some(change) = words(&catalog.change_after).into_iter().find(|w| stands_alone_after(doc, m, w)) {
        return Some(change);
    }
    let after = lower_padded(doc.slice(m.end, clause_end.max(m.end)).replace(|c: char| c.is_ascii_punctuation() && c != '-', " "));
    let closes_noun = |w: &String| match m.surface.ends_with(char::is_alphabetic) {
        true => after.starts_with(&format!(" {w} ")),
        false => own_phrase::after_its_noun(&after, w),
    };
    let compares = words(&catalog.difference).iter().any(|d| after.starts_with(&format!(" {d} ")) || own_phrase::after_its_noun(&after, d));
    words(&catalog.change_after).into_iter().find(|w| closes_noun(w) && !compares)
}

/// Does the increment word `word` stand right after the figure's number with no noun between
/// and close its clause or sentence ("sent 17 more.", "room for 1,234 more, officials said")?
/// The figure adds to a count before it: no level. A word after it ("more than", "more
/// inmates") is left to the noun-phrase and comparison rules.
fn stands_alone_after(doc: &Doc, m: &Mention, word: &str) -> bool {
    if !m.surface.ends_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let rest = doc.slice(m.end, doc.sentences[m.sentence].1.max(m.end));
    let Some(tail) = rest.strip_prefix(' ').and_then(|r| r.strip_prefix(word).or_else(|| r.strip_prefix(&capitalised(word)))) else { return false };
    let next = tail.chars().next();
    next.is_none() || matches!(next, Some('.' | ',' | ';' | ':' | '!' | '?' | ')' | '"' | '”' | '\n'))
}

/// `word` with its first letter in upper case.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// How many words may stand between a rate's count and the base after it ("1,580 people behind
/// bars | for every | 100,000").
const RATE_WORDS_BETWEEN: usize = 8;

/// Is the count a rate or the base of one (`rate_base`: "1,580 people behind bars for every
/// 100,000 inhabitants")? The base stands right after a `rate_base` word; the rate is the
/// figure before it in the same clause, its words up to the base ending in that word. Either
/// way the figure counts no one: "rate: for every".
pub(super) fn rate_or_its_base(doc: &Doc, mentions: &[Mention], i: usize, catalog: &Catalog, language: &str) -> Option<String> {
    let m = &mentions[i];
    if m.kind != "count" {
        return None;
    }
    let openers = catalog.rate_base.get(language)?;
    let ends_in_opener = |text: String| {
        let text = lower_padded(text);
        openers.iter().find(|w| text.ends_with(&format!(" {w} "))).cloned()
    };
    let sentence_start = doc.sentences[m.sentence].0;
    let before = doc.slice(sentence_start.max(m.start.saturating_sub(40)), m.start);
    if let Some(w) = ends_in_opener(before) {
        return Some(format!("base of a rate: {w}"));
    }
    let next = mentions[i + 1..].iter().find(|p| p.sentence == m.sentence && p.start >= m.end)?;
    let between = doc.slice(m.end, next.start);
    let one_clause = !between.contains([',', ';', ':', '.']) && between.split_whitespace().count() <= RATE_WORDS_BETWEEN;
    one_clause.then(|| ends_in_opener(between)).flatten().map(|w| format!("rate: {w}"))
}

/// Where the number of a figure's own words ends: after its last digit, or after the number
/// word its surface opens with ("dos primeros aviones").
fn number_end(own: &str, surface: &str) -> Option<usize> {
    if let Some(at) = own.rfind(|c: char| c.is_ascii_digit()) {
        return Some(at + 1);
    }
    let first = surface.split_whitespace().next()?.to_lowercase();
    own.find(&format!(" {first} ")).map(|at| at + first.len() + 1)
}

/// Does the figure's clause, or the text since the figure before it in its sentence, name a
/// place of the catalog's `elsewhere` (or its clause cut at its neighbours one of
/// `other_facilities`) ("in Guatemala the rate is 16.1"; "that of the United
/// States, where it is 517")? Its figure is that place's, not El Salvador's.
/// `besides`: words that name no other place here (a measure's payer, see `from` in its frame).
pub(super) fn about_another_place(doc: &Doc, mentions: &[Mention], i: usize, clause_text: &str, near_text: &str, catalog: &Catalog, language: &str, besides: &[String]) -> Place {
    let m = &mentions[i];
    // A rank ("a second prison") is no figure before it: the place it names stays in view.
    let since_previous = lower_padded(since_figure_before(doc, mentions, i, |p| !matches!(p.kind, "ordinal" | "identifier" | "other")));
    // The sentence's subject, before its first figure, is the place of all its figures ("El país
    // norteño tiene ... una tasa de 512"), unless El Salvador is named there too.
    let first = mentions.iter().find(|p| p.sentence == m.sentence).map_or(m.start, |p| p.start);
    let opening = lower_padded(doc.slice(doc.sentences[m.sentence].0, first));
    let here = catalog.here.get(language).is_some_and(|names| names.iter().any(|w| has_phrase(&opening, w)));
    let named = |list: &ByLanguage, text: &str| list.get(language).is_some_and(|places| places.iter().any(|w| has_phrase(text, w)));
    let names = |text: &str| {
        let text = besides.iter().fold(text.to_string(), |kept, w| without_phrase(&kept, &format!(" {w}")));
        let text = without_regions(&without_counterparts(&without_origins(&text, catalog, language), catalog, language), catalog, language);
        named(&catalog.elsewhere, &text) || named(&catalog.other_prisons, &text)
    };
    // Another prison of the country stands in El Salvador: naming the country (or the capital a
    // prison stands in) does not make the sentence's figures its system's.
    let another_prison_opens = named(&catalog.other_prisons, &opening);
    if names(clause_text) || names(&since_previous) || named(&catalog.other_facilities, near_text) {
        Place::Clause
    } else if another_prison_opens || (!here && names(&opening)) || another_place_before(doc, m, &opening, here, catalog, language) {
        Place::SentenceSubject
    } else {
        Place::Here
    }
}

/// The words that name no other place of a framed measure's figure: those of the party it comes
/// from (`from` in its frame: the United States paying El Salvador), and those of its own
/// quantity that name a place of `elsewhere` (a return home "to Venezuela" is where the released
/// go, not where the figure belongs), unless its clause (`clause`, lower-cased, padded) names a
/// quantity of another measure of the same group ("deported 5,400 Venezuelans to Venezuela" is
/// no return from CECOT: Venezuela is where they were deported to).
pub(super) fn no_places_of(catalog: &Catalog, measure: &Measure, clause: &str, language: &str) -> Vec<String> {
    let Some(frame) = &measure.frame else { return Vec::new() };
    let own_places = measure.own_places.get(language).map_or(&[][..], Vec::as_slice);
    let another_measure_of_its_group = || {
        let named = catalog.frames.quantities_named(language, clause);
        let same_group = |f: &&frames::FrameRef| f.subject.iter().any(|s| frame.subject.contains(s));
        catalog.measures.iter().filter_map(|m| m.frame.as_ref()).filter(same_group).any(|f| f.quantity.iter().any(|q| !frame.quantity.contains(q) && named.contains(&q.as_str())))
    };
    let own_places = if own_places.is_empty() || another_measure_of_its_group() { &[][..] } else { own_places };
    catalog.frames.subject_words(language, &frame.from).into_iter().chain(own_places.iter().cloned()).collect()
}

/// The text (lower-cased, padded) without the places a journey starts from ("from Texas", "left
/// the U.S."), when it sends the figure to El Salvador (a `destination` word before a place of
/// `here`: "to San Salvador", or a place of `here` before a `receives` word: "El Salvador
/// received"): the figure flown or deported there is El Salvador's. Without such
/// a destination the text is kept whole ("Mexico received 4,000 deported from the United States").
fn without_origins(text: &str, catalog: &Catalog, language: &str) -> String {
    let words = |list: &ByLanguage| list.get(language).cloned().unwrap_or_default();
    let here = words(&catalog.here);
    let sent_here = here.iter().any(|h| {
        words(&catalog.destination).iter().any(|d| has_phrase(text, &format!("{d} {h}"))) || words(&catalog.receives).iter().any(|r| has_phrase(text, &format!("{h} {r}")))
    });
    if !sent_here {
        return text.to_string();
    }
    let mut kept = text.to_string();
    // Most texts name no origin: those are kept whole without trying every place after it.
    for origin in words(&catalog.origin).iter().filter(|o| text.contains(&format!(" {o} "))) {
        for place in words(&catalog.elsewhere) {
            for article in ORIGIN_ARTICLES {
                kept = without_phrase(&kept, &format!(" {origin} {article}{place}"));
            }
        }
    }
    kept
}

/// The text (lower-cased, padded) without the places named as the other party of a pact
/// (`counterpart` words: "sent home in an exchange with the United States"): that party is no
/// place the figure belongs to.
fn without_counterparts(text: &str, catalog: &Catalog, language: &str) -> String {
    let Some(pacts) = catalog.counterpart.get(language) else { return text.to_string() };
    let mut kept = text.to_string();
    // Most texts name no pact: those are kept whole without trying every place after it.
    for pact in pacts.iter().filter(|w| text.contains(&format!(" {w} with "))) {
        for place in catalog.elsewhere.get(language).into_iter().flatten() {
            for article in ORIGIN_ARTICLES {
                kept = without_phrase(&kept, &format!(" {pact} with {article}{place}"));
            }
        }
    }
    kept
}

/// The text (lower-cased, padded) without the names of the regions El Salvador is part of
/// (`regions`: "latin america's largest prison" names no other place than El Salvador's).
fn without_regions(text: &str, catalog: &Catalog, language: &str) -> String {
    catalog.regions.get(language).into_iter().flatten().fold(text.to_string(), |kept, region| without_phrase(&kept, &format!(" {region}")))
}

/// The text with every whole-word occurrence of `phrase` (which opens with a space) blanked.
fn without_phrase(text: &str, phrase: &str) -> String {
    let mut kept = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(phrase) {
        let end = at + phrase.len();
        let whole = !rest[end..].chars().next().is_some_and(char::is_alphanumeric);
        kept.push_str(&rest[..at]);
        kept.push_str(if whole { " |" } else { &rest[at..end] });
        rest = &rest[end..];
    }
    kept.push_str(rest);
    kept
}

/// Articles that may stand between an origin word and its place ("from the United States").
const ORIGIN_ARTICLES: &[&str] = &["", "the ", "los ", "el "];

/// Does a sentence that opens with a word standing for a place (`place_anaphora`: "Its
/// government has arrested 10,000") follow one that opens on another place of `elsewhere` or
/// another prison (in its first words: "Ecuador has copied the model.", "La Esperanza is
/// notorious."), El Salvador not named there? Its figures are that place's.
fn another_place_before(doc: &Doc, m: &Mention, opening: &str, here: bool, catalog: &Catalog, language: &str) -> bool {
    let words = |list: &ByLanguage| list.get(language).cloned().unwrap_or_default();
    let opens_with = |list: &ByLanguage| words(list).iter().any(|w| opening.starts_with(&format!(" {w} ")));
    // The participle's subject may follow it ("Inaugurado en 2023, el CECOT alberga ..."):
    // then the sentence names it.
    let elided = opens_with(&catalog.elided_subject) && !catalog.frames.names_a_subject(language, &lower_padded(doc.sentence_text(m.sentence)));
    if m.sentence == 0 || !(elided || opens_with(&catalog.place_anaphora)) {
        return false;
    }
    let before_words = if elided { usize::MAX } else { PLACE_OPENING_WORDS };
    let before = lower_padded(doc.sentence_text(m.sentence - 1).split_whitespace().take(before_words).collect::<Vec<_>>().join(" "));
    let named_before = |list: &ByLanguage| words(list).iter().any(|w| has_phrase(&before, w));
    // Another prison of the country is in El Salvador: a Salvadoran word in either sentence
    // leaves it the pronoun's place ("La Esperanza ... . Its cells, a Salvadoran researcher said").
    let another_country = !here && named_before(&catalog.elsewhere) && !named_before(&catalog.here);
    another_country || named_before(&catalog.other_prisons)
}

/// How many words open a sentence that is about a place ("In neighbouring Honduras, ...").
const PLACE_OPENING_WORDS: usize = 3;

/// Is a measure ruled out before any word is read: a date measure for a figure or the reverse,
/// a running total for a count over a short window, a measure of El Salvador for a figure
/// about another place?
pub(super) fn ruled_out(measure: &Measure, is_date: bool, short_window: bool, place: Place) -> bool {
    is_date != (measure.unit == "date")
        || (short_window && measure.cumulative)
        || (place == Place::Clause && measure.local)
        || (place == Place::SentenceSubject && measure.frame.is_some() && measure.local)
}

/// Is a measure of a group held or sent somewhere (`at` in its frame: the Venezuelans in
/// CECOT) ruled out for a figure whose clause names another place, its own place being named
/// nowhere in its sentence ("Mexico received 4,000 Venezuelans deported from the United States")?
pub(super) fn held_elsewhere(catalog: &Catalog, measure: &Measure, place: Place, reading: &frames::Reading) -> bool {
    let Some(frame) = measure.frame.as_ref().filter(|f| !f.at.is_empty()) else { return false };
    place != Place::Here && catalog.frames.subject_read(&frame.at, reading).is_none_or(|(level, _)| level > frames::Level::Sentence)
}

/// Is a measure of a group held or sent somewhere (`at` in its frame) ruled out because its
/// place is named only beyond the figure's clause, next to a later count of the sentence ("The
/// US deported 6,300 Venezuelans last year, 143 of them to El Salvador": El Salvador is the
/// 143's place, not the 6,300's)? The place word, when so.
pub(super) fn place_of_another_figure(doc: &Doc, mentions: &[Mention], i: usize, measure: &Measure, reading: &frames::Reading, catalog: &Catalog, language: &str) -> Option<String> {
    let frame = measure.frame.as_ref().filter(|f| !f.at.is_empty())?;
    let (level, word) = catalog.frames.subject_read(&frame.at, reading)?;
    if level <= frames::Level::Clause {
        return None;
    }
    let m = &mentions[i];
    // A count after the figure (its part, or the next item): one before it names the whole the
    // figure is a part of ("178 people to El Salvador: 147 Venezuelans and 31 Salvadorans").
    let others = mentions.iter().enumerate().filter(|(_, o)| o.start > m.end && o.sentence == m.sentence && o.kind == "count");
    let questions = catalog.quantity_questions.get(language).map_or(&[][..], |w| w.as_slice());
    others
        .map(|(j, _)| near_parts(doc, mentions, j, questions))
        .any(|(left, right)| has_phrase(&lower_padded(format!("{left} {right}")), &word))
        .then_some(word)
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
const SCALE_WORDS: &[&str] = &["mil", "millón", "millones", "thousand", "million", "millions", "hundred", "billion"];

/// The words naming the whole a partitive figure is part of ("32 de los venezolanos enviados
/// ...", "40 of the men sent ..."): from the `partitive` word in its surface or right after it
/// to the end of its own words, lower-cased and padded; None for a figure that is no part.
pub(super) fn partitive_whole(m: &Mention, right: &str, partitive: &[String], auxiliaries: &[String]) -> Option<String> {
    let own = lower_padded(format!("{} {}", m.surface, own_phrase::words_after(m, right).join(" ")));
    let number_end = own.rfind(|c: char| c.is_ascii_digit()).map(|i| i + 1).or_else(|| spelled_number_end(m, partitive))?;
    // The partitive stands right after the number ("32 de los"), a scale word at most between
    // ("3 mil de los"): after a noun, "of the" is its complement ("5,300 members of the gangs").
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

/// Where a number in words ends in its own words ("unos ciento ochenta de esos venezolanos"):
/// before the partitive its surface holds, the extractor having read the number's words up to
/// it; None when the surface holds none.
fn spelled_number_end(m: &Mention, partitive: &[String]) -> Option<usize> {
    let surface = lower_padded(m.surface.clone());
    partitive.iter().filter_map(|p| surface.find(&format!(" {p} "))).min()
}

/// The part a figure is the whole of ("unos 172 de los primeros 233 venezolanos no tenían
/// condenas": 233 is the whole of 172): the figure before it in its sentence when only a
/// `partitive` word and at most one more word ("primeros") stand between them. The predicate
/// after the whole is the part's, so the whole counts no part (no record, released, died).
pub(super) fn whole_of_a_part<'m>(doc: &Doc, mentions: &'m [Mention], i: usize, partitive: &[String]) -> Option<&'m Mention> {
    let m = &mentions[i];
    let part = mentions[..i].iter().rev().find(|p| p.sentence == m.sentence && p.end <= m.start)?;
    if part.kind != "count" || m.kind != "count" {
        return None;
    }
    let between = lower_padded(doc.slice(part.end, m.start));
    let opener = partitive.iter().find(|p| between.starts_with(&format!(" {p} ")))?;
    (between[opener.len() + 2..].split_whitespace().count() <= 1).then_some(part)
}

/// Is a framed measure read, in a partitive figure's clause, only in the words naming the whole
/// ("32 de los venezolanos enviados al Cecot tenían condenas": `enviados` names the whole, so
/// 32 is no count of those sent)? A part takes a measure only from its own predicate ("85 de los
/// venezolanos enviados no tenían antecedentes").
pub(super) fn counts_only_the_whole(catalog: &Catalog, measure: &Measure, whole: &str, near_text: &str, language: &str) -> bool {
    let Some(frame) = &measure.frame else { return false };
    let rest = lower_padded(near_text.replacen(whole.trim(), " ", 1));
    let texts = frames::Texts { own: &rest, near: &rest, clause: "", sentence: "", previous: "", article: &frames::ArticleSubjects::default() };
    catalog.frames.quantity_near(&frame.quantity, &catalog.frames.read(language, &texts, None, false)).is_none()
}

/// Does a figure with a noun of its own ("247 people", "31 alleged members") take a measure's
/// subject only from other counts' own noun phrases in its sentence ("... 247 people: 216
/// Venezuelans and 31 Salvadorans")? That group is theirs: the word, when so. Only the groups
/// (subjects of rank `GROUP_RANK` and up) are owned this way, by counts of persons; a place or
/// a prison is shared.
pub(super) fn subject_of_other_figures(doc: &Doc, mentions: &[Mention], i: usize, measure: &Measure, reading: &frames::Reading, catalog: &Catalog, language: &str) -> Option<String> {
    let m = &mentions[i];
    let sentence_text = &lower_padded(doc.sentence_text(m.sentence));
    let frame = measure.frame.as_ref()?;
    // A count of planes or flights carries the group, it does not count it.
    if measure.unit != "persons" || !has_own_noun(m) || catalog.frames.subject_read(&frame.subject, reading).is_some_and(|(level, _)| level == frames::Level::Own) {
        return None;
    }
    let mut rest = sentence_text.to_string();
    for (j, other) in mentions.iter().enumerate().filter(|(j, o)| *j != i && o.sentence == m.sentence && o.kind == "count") {
        let questions = catalog.quantity_questions.get(language).map_or(&[][..], |w| w.as_slice());
        let (_, right) = near_parts(doc, mentions, j, questions);
        let noun_phrase: Vec<&str> = own_phrase::words_after(other, &right).into_iter().take_while(|w| !PREPOSITIONS.contains(w)).collect();
        rest = rest.replacen(lower_padded(format!("{} {}", other.surface, noun_phrase.join(" "))).trim(), " | ", 1);
    }
    if catalog.frames.subject_words(language, &frame.subject).iter().any(|w| has_phrase(&rest, w)) {
        return None;
    }
    let groups: Vec<String> = frame.subject.iter().filter(|s| catalog.frames.top_rank(std::slice::from_ref(s)) >= GROUP_RANK).cloned().collect();
    catalog.frames.subject_words(language, &groups).into_iter().find(|w| has_phrase(sentence_text, w))
}


/// Words that end a count's noun phrase ("216 Venezuelans | to CECOT").
const PREPOSITIONS: &[&str] = &["to", "of", "for", "at", "in", "on", "from", "into", "under", "a", "al", "de", "del", "en", "para", "desde", "hacia", "bajo"];

/// Does the figure's surface end in a noun of its own ("247 people", "three flights"), not a
/// number or its scale ("83,600", "seven thousand")?
fn has_own_noun(m: &Mention) -> bool {
    let words: Vec<&str> = m.surface.split_whitespace().collect();
    words.len() > 1 && words.last().is_some_and(|w| w.chars().all(char::is_alphabetic) && !SCALE_WORDS.contains(&w.to_lowercase().as_str()))
}

/// Words that end a count's noun phrase after it, in both languages: a preposition, a
/// conjunction or a relative ("83,600 people | since lawmakers ...", "200 reos | que ...").
/// "of" and "de" do not: they tie a noun to a number ("hundreds of workers").
const NOUN_PHRASE_ENDS: &[&str] = &[
    "since", "when", "after", "before", "while", "as", "because", "and", "but", "who", "which", "that", "from", "in", "on", "at", "to", "with", "by", "under", "for",
    "desde", "cuando", "después", "antes", "mientras", "como", "porque", "y", "pero", "que", "quien", "quienes", "en", "a", "al", "con", "por", "bajo", "para",
];

/// The figure's noun (lower-cased, padded): its surface when that ends in a noun ("317
/// venezolanos | abordaron aviones"), else the surface and the words after it up to a
/// preposition, a conjunction, a relative or a mark, `NOUN_WORDS` at most ("two more prisons |
/// by 2027").
pub(super) fn noun_after(m: &Mention, right: &str) -> String {
    if has_own_noun(m) {
        return lower_padded(m.surface.to_string());
    }
    let mut noun: Vec<&str> = Vec::new();
    for w in own_phrase::words_after(m, right).into_iter().take_while(|w| !NOUN_PHRASE_ENDS.contains(w)).take(NOUN_WORDS) {
        noun.push(w);
        if w.ends_with(|c: char| c.is_ascii_punctuation()) {
            break;
        }
    }
    lower_padded(format!("{} {}", m.surface, noun.join(" ")))
}

/// How many words after a bare number may hold its noun ("two more maximum-security prisons").
const NOUN_WORDS: usize = 3;

/// The figure's own words (see [`own_phrase::own_words`]) with only its noun phrase after it:
/// the words after the figure up to a preposition, a conjunction, a relative or a mark, where the
/// count's noun stands ("detained 83,600 people since lawmakers ...": `lawmakers` is no noun of
/// the count).
pub(super) fn own_noun_phrase(m: &Mention, left: &str, right: &str, governing_verb: bool) -> String {
    let mut noun: Vec<&str> = Vec::new();
    for w in own_phrase::words_after(m, right).into_iter().take_while(|w| !NOUN_PHRASE_ENDS.contains(w)) {
        noun.push(w);
        // A mark after a word ends the phrase ("3,150 inmates, officials said").
        if w.ends_with(|c: char| c.is_ascii_punctuation()) {
            break;
        }
    }
    own_phrase::own_words(m, left, &lower_padded(format!("{} {}", m.surface, noun.join(" "))), governing_verb)
}

/// A figure after a whole its sentence opens with a partitive ("Of the 143 Venezuelans, 86
/// were deported under the act"; "De los 127 venezolanos, 83 fueron expulsados ...") counts a
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

/// Does a phrase of `mixed_group` open the clause right after the figure's and name `measure`'s
/// subject ("1,234 men deported by the US, most of them Venezuelans, ..."), that subject being
/// nowhere in the figure's own words? The group named there is most of the figure's, not all of
/// it: the figure counts a mixed group, no measure of that subject.
pub(super) fn mixed_group_of_its_subject(doc: &Doc, m: &Mention, own: &str, measure: &Measure, catalog: &Catalog, language: &str) -> bool {
    let Some(frame) = measure.frame.as_ref() else { return false };
    let Some(mixed) = catalog.mixed_group.get(language).filter(|w| !w.is_empty()) else { return false };
    let after = lower_padded(doc.slice(m.end, doc.sentences[m.sentence].1));
    let Some((_, next_clause)) = after.split_once(',') else { return false };
    let next_clause = format!(" {} ", next_clause.split([',', ';']).next().unwrap_or("").trim());
    let Some(phrase) = mixed.iter().find(|p| next_clause.starts_with(&format!(" {p} "))) else { return false };
    let named = format!(" {} ", next_clause[phrase.len() + 2..].split_whitespace().take(MIXED_GROUP_WORDS).collect::<Vec<_>>().join(" "));
    let words = catalog.frames.subject_words(language, &frame.subject);
    words.iter().any(|w| has_phrase(&named, w)) && !words.iter().any(|w| has_phrase(own, w))
}

/// How many words after a `mixed_group` phrase name the group ("most of them | Venezuelan men").
const MIXED_GROUP_WORDS: usize = 2;
