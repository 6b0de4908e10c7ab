//! Claims: which measure each statement states (from the catalog in schemas/measures.toml
//! and the frames of schemas/frames.toml); the period it describes is as_of.rs's job.
//!
//! This file holds [`assign_measures`] (the order in which a statement is read) and the small
//! text helpers the others share. The rest lives by job in the sibling files: `catalog` (the
//! catalog, its loading and checks, the phrase index), `score` (the word scores), `near_words`
//! (the words around a figure), `rules` (what takes a measure away: projections, other places,
//! differences, partitives), `frame_check` (the frames' reading against the scores), `series`
//! (measures and units from neighbouring figures) and `dates` (when a date is a claim).

use crate::extract::text::Doc;
use crate::extract::{Lexicon, Mention};
use crate::transform::as_of::is_name_year;
use crate::transform::frames;
use crate::transform::own_phrase;
use crate::transform::persons::NameReader;

mod catalog;
mod dates;
mod frame_check;
mod near_words;
mod rules;
mod score;
mod series;
mod start_dates;

use catalog::Hits;
pub use catalog::{ByLanguage, Catalog, Fit, Measure, PersonAttribute, EMBEDDED_MEASURES};
use dates::{is_dateline, opens_a_span, DATE_CLAIM_MARGIN};
use frame_check::{frame_checked, framed_measure, unit_in_surface};
use near_words::{antecedent_clause, antecedent_of_own_relative, is_quantity, near_parts, opens_with_pronoun, since_figure_before, stands_alone, subject_before_relative, with_antecedent};
use rules::{about_another_place, noun_after, place_of_another_figure, counts_no_measured_quantity, counts_only_the_whole, held_elsewhere, own_noun_phrase, partitive_whole, parts_of_a_whole_before, projection_in_clause, rate_or_its_base, ruled_out, subject_of_other_figures, whole_of_a_part, Place};
use score::{score, Context, Score, SentenceHits};
use series::{measures_along_series, rates_named_before, units_from_antecedents, units_from_measures, units_of_multipliers};

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

pub(crate) fn lower_padded(s: String) -> String {
    format!(" {} ", s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase())
}

/// Is `word` (lower-case) a past-tense form: one of the lexicon's `past_tense_words`, or a word
/// with a `past_suffixes` ending (English "-ed", Spanish "-aron", "-ó")?
pub(crate) fn is_past_tense(word: &str, lexicon: &Lexicon) -> bool {
    lexicon.past_tense_words.iter().any(|w| w == word)
        || (word.chars().count() > 4 && lexicon.past_suffixes.iter().any(|s| word.ends_with(s.as_str())) && !lexicon.not_past_tense.iter().any(|w| w == word))
}

/// Does a figure's verb stand in the simple past: a past form among its own words that its
/// clause does not put in the present perfect, with an auxiliary a few words before it ("police
/// arrested", "capturó"; not "have arrested", "han capturado")?
fn in_simple_past(own_words: &str, clause_left: &str, lexicon: &Lexicon) -> bool {
    let clause: Vec<&str> = clause_left.split_whitespace().collect();
    let perfect = |verb: &str| {
        clause.iter().rposition(|w| *w == verb).is_some_and(|k| clause[k.saturating_sub(PERFECT_REACH)..k].iter().any(|w| lexicon.present_perfect_auxiliaries.iter().any(|a| a == w)))
    };
    own_words.split_whitespace().any(|w| is_past_tense(w, lexicon) && !perfect(w))
}

/// The start of a clause that a parenthesis before it does not cut ("Un avión del Servicio de
/// Aduanas (ICE) de Estados Unidos aterrizó con 17 venezolanos": the plane sets the scene of 17).
fn across_parentheses(doc: &Doc, sentence: usize, clause_start: usize) -> usize {
    let sentence_start = doc.sentences[sentence].0;
    let mut start = clause_start;
    while start > sentence_start && doc.chars[start - 1] == ')' {
        let Some(open) = (sentence_start..start - 1).rev().find(|&k| doc.chars[k] == '(') else { break };
        start = doc.clause_span(sentence, open, open).0;
    }
    start
}

/// Is the sentence a question that heads its answer without naming a subject ("How many does
/// it hold?")? The subject is then the text's before it; a question that names one ("How many
/// prisons does El Salvador have?") opens a new topic.
fn heads_its_answer(doc: &Doc, sentence: usize, catalog: &Catalog, language: &str) -> bool {
    let text = doc.sentence_text(sentence);
    text.trim_end().ends_with('?') && !catalog.frames.names_a_subject(language, &lower_padded(text))
}

/// Does the figure open its sentence (one word at most before it, or an opening word and a
/// determiner, after an opening phrase set off by a comma if any: "Tonight, the 317 ...",
/// "Tonight the 317 ...") and a relative pronoun of `relatives` follow its own words ("317
/// Venezuelan men who had spent ...")?
fn subject_of_relative_clause(doc: &Doc, m: &Mention, right: &str, relatives: &[String]) -> bool {
    let before = doc.slice(doc.sentences[m.sentence].0, m.start);
    let words: Vec<String> = before.rsplit(',').next().unwrap_or("").split_whitespace().map(str::to_lowercase).collect();
    let opens_sentence = words.len() <= 1 || (words.len() == 2 && DETERMINERS.contains(&words[1].as_str()));
    let next = own_phrase::words_after(m, right).into_iter().next().unwrap_or("").to_lowercase();
    opens_sentence && relatives.iter().any(|r| *r == next)
}

/// Does a bare figure (its surface names no unit: "fueron 217") follow a word of `bare_anaphora`
/// that stands alone before it, so that what it counts is the group named before it? Not when
/// the sentence before counts something itself: the bare figure may then restate that count or
/// count another thing ("Tres aviones aterrizaron con venezolanos. Fueron 217").
fn refers_back_bare(mentions: &[Mention], i: usize, left: &str, right: &str, catalog: &Catalog, language: &str, names_another_quantity: impl Fn(&str) -> bool) -> bool {
    let m = &mentions[i];
    let bare = is_bare(m, right, catalog, language);
    let counted_before = m.sentence > 0 && mentions.iter().any(|p| p.sentence + 1 == m.sentence && p.kind == "count");
    bare && !counted_before && catalog.bare_anaphora.get(language).is_some_and(|words| words.iter().any(|w| stands_alone(left, w, &names_another_quantity)))
}

/// `text` (lower-cased, padded) without the phrases where `word` is followed by a place name
/// (`here` or `elsewhere`: "desde Estados Unidos"), so that the word is read only as a start in
/// time ("desde marzo").
fn without_places_after(text: &str, word: &str, catalog: &Catalog, language: &str) -> String {
    let places = catalog.here.get(language).into_iter().flatten().chain(catalog.elsewhere.get(language).into_iter().flatten());
    let mut kept = text.to_string();
    for place in places {
        for article in ["", "el ", "la ", "los ", "the "] {
            kept = kept.replace(&format!(" {word} {article}{place} "), " | ");
        }
    }
    kept
}

/// Does `text` (lower-cased, padded) name a place of `elsewhere` and none of `here`?
fn names_only_another_place(text: &str, catalog: &Catalog, language: &str) -> bool {
    let named = |list: &ByLanguage| list.get(language).is_some_and(|places| places.iter().any(|w| has_phrase(text, w)));
    named(&catalog.elsewhere) && !named(&catalog.here)
}

/// Is the figure bare: a count whose surface names no unit and which no noun follows (only a
/// mark, the sentence's end or a word of `bare_followers`: "fueron 217 y ...")?
fn is_bare(m: &Mention, right: &str, catalog: &Catalog, language: &str) -> bool {
    let next = own_phrase::words_after(m, right).into_iter().next().unwrap_or("").to_lowercase();
    let next = next.trim_matches(|c: char| !c.is_alphanumeric());
    let followed_by_a_noun = !next.is_empty() && !catalog.bare_followers.get(language).is_some_and(|w| w.iter().any(|f| f == next));
    !unit_in_surface(m) && m.kind == "count" && !followed_by_a_noun
}

/// The subject of the verb a bare figure completes ("las deportaciones de salvadoreños desde
/// Estados Unidos sumaron 14.000"): the words of its clause before that verb (a word of
/// `bare_anaphora` right before the figure), which name what it counts as its own noun would.
fn subject_of_its_verb(m: &Mention, clause_left: &str, right: &str, catalog: &Catalog, language: &str) -> Option<String> {
    if !is_bare(m, right, catalog, language) {
        return None;
    }
    let verb = catalog.bare_anaphora.get(language)?.iter().find(|w| clause_left.ends_with(&format!(" {w} ")))?;
    let subject = &clause_left[..clause_left.len() - verb.len() - 1];
    (subject.split_whitespace().count() >= 2).then(|| subject.to_string())
}

/// Does a framed measure count things (flights, pavilions: a quantity with `things`)?
pub(super) fn counts_things(catalog: &Catalog, measure: &Measure) -> bool {
    measure.frame.as_ref().is_some_and(|f| f.quantity.iter().filter_map(|q| catalog.frames.quantity(q)).any(|k| catalog.frames.quantities[k].1.things))
}

/// The words of the clause after a parenthesis that opens right after figure `i` and holds
/// only another figure (its value in another unit: "6 millones de dólares (5,5 millones de
/// euros) de Estados Unidos"), up to the clause's next mark.
fn words_after_a_conversion(doc: &Doc, mentions: &[Mention], i: usize) -> Option<String> {
    let m = &mentions[i];
    let (_, sentence_end) = doc.sentences[m.sentence];
    let open = (m.end..sentence_end).find(|&k| !doc.chars[k].is_whitespace()).filter(|&k| doc.chars[k] == '(')?;
    let close = (open..sentence_end).find(|&k| doc.chars[k] == ')')?;
    let inner = mentions.iter().find(|x| x.start > open && x.end <= close)?;
    let only_a_figure = doc.slice(open + 1, inner.start).trim().is_empty() && doc.slice(inner.end, close).trim().is_empty();
    if !only_a_figure || close + 1 >= sentence_end {
        return None;
    }
    let (_, b) = doc.clause_span(m.sentence, close + 1, close + 1);
    Some(doc.slice(close + 1, b))
}

/// The count right after figure `i` that is the whole of its partitive ("144 de los [primeros]
/// 230"): a partitive word and at most one word between the two figures.
fn whole_of_its_partitive(doc: &Doc, mentions: &[Mention], i: usize, partitive: &[String]) -> Option<usize> {
    let m = &mentions[i];
    let j = (i + 1..mentions.len()).find(|&j| mentions[j].start >= m.end && !matches!(mentions[j].kind, "ordinal" | "identifier" | "other"))?;
    let next = &mentions[j];
    if next.sentence != m.sentence || next.kind != "count" || m.kind != "count" {
        return None;
    }
    let between = lower_padded(doc.slice(m.end, next.start));
    partitive.iter().find_map(|p| between.strip_prefix(&format!(" {p} "))).filter(|rest| rest.split_whitespace().count() <= 1).map(|_| j)
}

/// The clause before a colon that opens the clause starting at `clause_start` (a colon
/// followed by a space: "20:02" is a time), when there is one.
fn head_of_list(doc: &Doc, sentence: usize, clause_start: usize) -> Option<String> {
    let colon = clause_start.checked_sub(1)?;
    let followed_by_space = doc.chars.get(clause_start).is_some_and(|c| c.is_whitespace());
    if colon <= doc.sentences[sentence].0 || doc.chars[colon] != ':' || !followed_by_space {
        return None;
    }
    let (a, b) = doc.clause_span(sentence, colon - 1, colon - 1);
    Some(doc.slice(a, b))
}

/// Determiners that may stand between an opening word and a figure that is its sentence's
/// subject ("Tonight the 146 men who ...").
const DETERMINERS: &[&str] = &["the", "these", "those", "all", "los", "las", "estos", "estas", "esos", "esas", "todos"];

/// Most words from a present-perfect auxiliary to the past form it makes present ("have now
/// been released").
const PERFECT_REACH: usize = 3;

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
            is_date && m.value.is_some() && m.start >= doc.front_matter_end && !is_name_year(doc, m, lexicon) && !opens_a_span(doc, mentions, i, lexicon)
                && !catalog.dateline_labels.get(&lexicon.language).is_some_and(|labels| is_dateline(doc, m, labels));
        if !(m.is_statement || date_claim_candidate) {
            continue;
        }
        let (Some(index), Some(sentences)) = (index, sentences.as_mut()) else { continue };
        let sentence = sentences.of(m.sentence);
        // A question before the figure ("¿Cuántos presos caben?") heads its answer: the sentence
        // before the question is read as the one before too.
        let previous = match m.sentence {
            0 => Hits::default(),
            s if s >= 2 && heads_its_answer(doc, s - 1, catalog, &lexicon.language) => sentences.of(s - 1).union(&sentences.of(s - 2)),
            s => sentences.of(s - 1),
        };
        let questions = catalog.quantity_questions.get(&lexicon.language).map_or(&[][..], |w| w.as_slice());
        let (left, right) = near_parts(doc, mentions, i, questions);
        // The whole of a partitive right after the figure ("144 de los primeros 230 venezolanos
        // no tenían condenas") does not cut its words: the predicate after the whole is the part's.
        let whole_after = whole_of_its_partitive(doc, mentions, i, &catalog.partitive.get(&lexicon.language).cloned().unwrap_or_default());
        let right_near = match whole_after {
            Some(j) => lower_padded(format!("{} {}", doc.slice(mentions[i].start, mentions[j].start), near_parts(doc, mentions, j, questions).1)),
            None => right.clone(),
        };
        // A figure in another unit in parentheses right after it ("6 millones de dólares (5,5
        // millones de euros) de Estados Unidos") does not cut its clause.
        let right_near = match words_after_a_conversion(doc, mentions, i) {
            Some(after) => lower_padded(format!("{right_near} {after}")),
            None => right_near,
        };
        let (ca, cb) = doc.clause_span(mentions[i].sentence, mentions[i].start, mentions[i].end);
        // A relative clause between the figure's clause and its subject leaves the subject its own.
        let clause_text = match subject_before_relative(doc, &mentions[i], ca, catalog.relative_openers.get(&lexicon.language)) {
            Some(subject) => lower_padded(format!("{subject} {}", doc.slice(ca, cb))),
            None => lower_padded(doc.slice(ca, cb)),
        };
        let clause = index.hits(&clause_text);
        let own = own_phrase::own_words(&mentions[i], &left, &right, catalog.governing_verb.contains(&lexicon.language));
        // A complement of the noun that names another quantity than the sentence before says
        // what it counts itself ("the number actually inside", after a capacity).
        let before_quantities = if mentions[i].sentence > 0 { catalog.frames.quantities_named(&lexicon.language, &lower_padded(doc.sentence_text(mentions[i].sentence - 1))) } else { Vec::new() };
        let names_another_quantity = |words: &str| catalog.frames.quantities_named(&lexicon.language, words).iter().any(|q| !before_quantities.contains(q));
        let counts_previous = catalog.anaphoric_nouns.get(&lexicon.language).is_some_and(|nouns| nouns.iter().any(|n| stands_alone(&left, n, names_another_quantity)));
        let bare_reference = !counts_previous && refers_back_bare(mentions, i, &left, &right, catalog, &lexicon.language, names_another_quantity);
        // An anaphoric noun before the figure, or a bare figure after an anaphoric word ("fueron
        // 217"), brings the words of the count it stands for next to it: the sentence before's,
        // and those of its own sentence before its clause ("about 7,300 released; the minister
        // put the figure at 6,900"; an apposition: "los venezolanos del CECOT, un total de 219,").
        let earlier_in_sentence = doc.slice(doc.sentences[mentions[i].sentence].0, ca);
        let near_text = match counts_previous || bare_reference {
            true if mentions[i].sentence > 0 => lower_padded(format!("{} {earlier_in_sentence} {left} {right_near}", doc.sentence_text(mentions[i].sentence - 1))),
            true => lower_padded(format!("{earlier_in_sentence} {left} {right_near}")),
            false => lower_padded(format!("{left} {right_near}")),
        };
        // The items of a list after a colon are parts of the head before it ("274 personas al
        // CECOT: 259 venezolanos y 21 salvadoreños"): the head's words are theirs too.
        let near_text = match head_of_list(doc, mentions[i].sentence, ca) {
            Some(head) => lower_padded(format!("{head} {near_text}")),
            None => near_text,
        };
        let sentence_text = lower_padded(doc.sentence_text(mentions[i].sentence));
        let anaphoric = opens_with_pronoun(&sentence_text, catalog, &lexicon.language);
        let cx = Context { own: index.hits(&own), near: index.hits(&near_text), clause, sentence: &sentence, previous: &previous, anaphoric };
        let projection = if is_date { None } else { projection_in_clause(doc, &mentions[i], ca, &right, catalog, &lexicon.language) };
        let own_noun = own_noun_phrase(&mentions[i], &left, &right, catalog.governing_verb.contains(&lexicon.language));
        let no_count = counts_no_measured_quantity(doc, &mentions[i], &own_noun, &left, cb, catalog, &lexicon.language);
        if let Some(reason) = no_count.or_else(|| rate_or_its_base(doc, mentions, i, catalog, &lexicon.language)) {
            mentions[i].measure = None;
            mentions[i].measure_evidence = Some(reason);
            continue;
        }
        let words = |list: &ByLanguage| list.get(&lexicon.language).cloned().unwrap_or_default();
        // A plan to change a design figure ("planea ampliar su capacidad hasta 55.000") states
        // no design: the projection holds for `design` measures too.
        let clause_left = lower_padded(doc.slice(ca, mentions[i].start));
        let planned_change = projection.and(words(&catalog.change).into_iter().find(|w| has_phrase(&clause_left, w)));
        // A deal's commitment ("will pay El Salvador $6 million") states its terms.
        let committed = words(&catalog.commitment).iter().any(|w| has_phrase(&clause_left, w));
        let short_window = !is_date && own_phrase::over_short_window(mentions, doc, i, &words(&catalog.window), &words(&catalog.since));
        // A term ("to hold them for a year") is no amount per period: its words are no average's.
        let rate_text = words(&catalog.term).iter().fold(near_text.clone(), |text, w| text.replace(w.as_str(), " "));
        let average = matches!(mentions[i].kind, "count" | "money") && words(&catalog.average).iter().any(|w| has_phrase(&rate_text, w));
        let of_a_subgroup = mentions[i].kind == "count" && words(&catalog.subgroup).iter().any(|w| has_phrase(&own, w));
        // An amount per unit names its unit in its own words ("80 cada una", "$135,000 each") or
        // opens its sentence with it ("Cada una de las 257 celdas tiene capacidad para 80 reos").
        let sentence_opening = lower_padded(doc.sentence_text(mentions[i].sentence));
        let per_unit = matches!(mentions[i].kind, "count" | "money") && words(&catalog.distributive).iter().any(|w| has_phrase(&own, w) || opens_with(&sentence_opening, w));
        // What sets the figure's scene: its clause, or, for the sentence's first figure, all
        // that opens the sentence ("In a single day, police arrested 1,050"); a figure before it
        // has its own scene ("arrested 220 in a sweep, bringing the total to 86,300").
        // A count of the things that carry the figure ("Los dos primeros aviones ... llevaban a
        // 233") is part of its scene, not a figure with a scene of its own.
        let sets_a_scene = |p: &Mention| is_quantity(p) && catalog.frames.things_counted(&lexicon.language, &lower_padded(p.surface.clone())).is_none();
        let first_figure = !mentions[..i].iter().any(|p| p.sentence == mentions[i].sentence && p.end <= mentions[i].start && sets_a_scene(p));
        let scene = if first_figure { since_figure_before(doc, mentions, i, sets_a_scene) } else { doc.slice(across_parentheses(doc, mentions[i].sentence, ca), mentions[i].start) };
        let lead = lower_padded(format!("{scene} {}", doc.slice(mentions[i].start, cb)));
        // A count of things (flights, prisons) counts no persons; one night's flights are the
        // operation itself, not a part of it ("three flights landed overnight").
        let things = catalog.frames.things_counted(&lexicon.language, &noun_after(&mentions[i], &right)).filter(|_| mentions[i].kind == "count");
        // A period named in words sets the scene too ("Over the past year, 4,600 were arrested"):
        // a count of that period is no running total, unless its clause names a start.
        let named_window = !is_date && !words(&catalog.since).iter().any(|w| has_phrase(&lead, w)) && words(&catalog.named_window).iter().any(|w| has_phrase(&lead, w));
        let short_window = short_window || named_window;
        // A total counted from its start ("con este vuelo, los enviados desde marzo suman 256")
        // is the whole, whatever part its scene names.
        // "desde Estados Unidos" names where a journey starts, not when a count starts.
        let from_a_start = words(&catalog.since).iter().any(|w| has_phrase(&without_places_after(&lead, w, catalog, &lexicon.language), w));
        let one_part = if matches!(mentions[i].kind, "count" | "percent") && things.is_none() && !from_a_start { words(&catalog.one_part).into_iter().find(|w| has_phrase(&lead, w)) } else { None };
        // Framed measures count a whole group's total: not an average, a subgroup, one part of
        // the whole (one raid, one batch, one cell block) or, unless the measure counts per unit
        // (a cell's occupants), an amount per unit.
        let no_total = |measure: &Measure| measure.frame.is_some() && (average || of_a_subgroup || one_part.is_some() || (per_unit && !measure.per_unit));
        let place = if is_date { Place::Here } else { about_another_place(doc, mentions, i, &clause_text, &near_text, catalog, &lexicon.language, &[]) };
        // A bare figure is the group's named before it: so is its place ("México deportó a
        // venezolanos. En total, fueron 270").
        let place = if bare_reference && place == Place::Here && names_only_another_place(&near_text, catalog, &lexicon.language) { Place::Clause } else { place };
        // The place of a measure whose figure comes from a party named as a place (the United
        // States paying El Salvador): that party's words name no other place of it.
        let place_besides_its_payer = |measure: &Measure| match measure.frame.as_ref().filter(|f| !f.from.is_empty() && !is_date) {
            Some(f) => about_another_place(doc, mentions, i, &clause_text, &near_text, catalog, &lexicon.language, &catalog.frames.subject_words(&lexicon.language, &f.from)),
            None => place,
        };
        let m = &mentions[i];
        // A unit taken from a count in another clause is no unit of a figure whose own clause
        // names what it counts before it ("through 95 requests, the prison population rose from
        // 31,200"): the measure's unit replaces it.
        let borrowed_unit_void = !own_unit[i] && m.kind == "count" && m.unit.is_some() && {
            // The words since the count it borrowed from (or its sentence's start), from the
            // last mark of a clause on: they must follow such a mark and name a quantity.
            let sentence_start = doc.sentences[m.sentence].0;
            let from = mentions[..i].iter().enumerate().rev().find(|(j, p)| own_unit[*j] && p.kind == "count").map_or(sentence_start, |(_, p)| p.end.max(sentence_start));
            let between = doc.slice(from, m.start);
            // A mark followed by a space ends a clause; one inside a number ("31,200") does not.
            // Without a mark, the words between name the figure's own quantity when they name one
            // ("25 facilities built for 58,600": the 58,600 are places for persons, no facilities).
            let after_mark = between.rfind([',', ';', ':']).is_some().then(|| between.rsplit([',', ';', ':']).find(|part| part.starts_with(' '))).flatten();
            let own_words = after_mark.or_else(|| (!between.contains([',', ';', ':'])).then_some(between.as_str()));
            own_words.is_some_and(|words| catalog.frames.names_a_quantity(&lexicon.language, &lower_padded(words.to_string())))
        };
        let unit = m.unit.as_deref().filter(|u| catalog.known_units.contains(*u) && !borrowed_unit_void);
        let previous_text = match m.sentence {
            0 => String::new(),
            s if s >= 2 && heads_its_answer(doc, s - 1, catalog, &lexicon.language) => lower_padded(format!("{} {}", doc.sentence_text(s - 2), doc.sentence_text(s - 1))),
            s => lower_padded(doc.sentence_text(s - 1)),
        };
        // A sentence that opens with a pronoun reads the sentence before as its own ("They were
        // first enacted in March").
        let frame_sentence = if anaphoric { format!("{previous_text}{sentence_text}") } else { sentence_text.clone() };
        let frame_clause = with_antecedent(doc, m, ca, &clause_text, catalog.relative_openers.get(&lexicon.language));
        // The antecedent of a relative clause stands next to the figure for the frames too.
        let frame_near = match antecedent_clause(doc, m, ca, &clause_text, catalog.relative_openers.get(&lexicon.language)) {
            Some(before) => lower_padded(format!("{before} {near_text}")),
            None => near_text.clone(),
        };
        // The frames read the figure's own words with its governing verb: the one word the
        // scores read too where the language's `governing_verb` is on, else the verb phrase
        // before it ("han muerto 350 reos").
        let own_frame = if catalog.governing_verb.contains(&lexicon.language) { own.clone() } else { own_phrase::own_frame_words(m, &left, &right, &words(&catalog.auxiliaries)) };
        // A relative pronoun among the figure's own words stands for its antecedent ("the prison
        // population, which stood at 36,000"): the antecedent's last words are its own too.
        let own_frame = match antecedent_of_own_relative(&own_frame, &frame_clause, &clause_text, catalog.relative_openers.get(&lexicon.language)) {
            Some(antecedent) => format!("{antecedent}{own_frame}"),
            None => own_frame,
        };
        // A bare figure completing a verb ("... sumaron 14.000") has its verb's subject for noun.
        let own_frame = match subject_of_its_verb(m, &clause_left, &right, catalog, &lexicon.language) {
            Some(subject) => format!("{subject}{own_frame}"),
            None => own_frame,
        };
        let texts = frames::Texts {
            own: &own_frame,
            near: &frame_near,
            clause: &frame_clause,
            sentence: &frame_sentence,
            previous: &previous_text,
            article: &article_text,
        };
        let mut reading = catalog.frames.read(&lexicon.language, &texts, unit.filter(|_| own_unit[i]), unit_in_surface(m));
        // "El penal" stands for CECOT in an article about it, unless the article names another prison.
        let other_prison = words(&catalog.other_prisons).iter().any(|w| has_phrase(&article_text, w));
        catalog.frames.read_stand_ins(&lexicon.language, &texts, &mut reading, other_prison);
        // A figure after a sentence's opening partitive ("Of them, 68 ...") is a part of a whole
        // counted before: it counts no whole total, unless its own words name its group ("Among
        // the deportees, 216 were Venezuelans").
        let after_partitive = ca > doc.sentences[m.sentence].0 && words(&catalog.opening_partitive).iter().any(|w| opens_with(&sentence_text, w));
        let whole_total = |measure: &Measure| {
            measure.frame.as_ref().is_some_and(|f| {
                !catalog.frames.counts_a_part(&f.quantity) && catalog.frames.subject_read(&f.subject, &reading).is_none_or(|(level, _)| level != frames::Level::Own)
            })
        };
        // A figure with a partitive of its own ("83 of the Venezuelans were removed under the
        // act", "79 of them") counts a part of the group it names: no whole total of that group,
        // only a part. A whole that names another thing leaves the figure whole ("some 13,400 of
        // the most dangerous gang members").
        let whole = partitive_whole(m, &right, &words(&catalog.partitive), &words(&catalog.auxiliaries));
        let whole_reading = whole.as_deref().map(|w| catalog.frames.read(&lexicon.language, &frames::Texts { own: w, near: "", clause: "", sentence: "", previous: "", article: "" }, None, false));
        let pronoun_whole = whole.as_deref().is_some_and(|w| words(&catalog.partitive).iter().any(|p| w.trim() == p && !p.ends_with(" the")));
        // A percent of a group of people ("60 percent of the inmates", "45 percent of them") is
        // a share of that group, no rate of a whole (an occupancy, a growth).
        // The people a partitive names, in the figure's surface ("128 of the men") or after it
        // ("60 percent | of the prison population").
        let whole_names_people = whole.as_deref().is_some_and(|w| words(&catalog.people).iter().any(|p| has_phrase(w, p)))
            || of_people(&lower_padded(doc.slice(m.end, cb)), &words(&catalog.partitive), &words(&catalog.people));
        let share_of_people = m.kind == "percent" && (pronoun_whole || whole_names_people);
        // A percent after a change word ("rose 270 percent") is a change, no level.
        let clause_before = lower_padded(doc.slice(ca, m.start));
        let percent_changed = m.kind == "percent" && words(&catalog.percent_change).iter().any(|w| clause_before.ends_with(&format!(" {w} ")));
        // A whole of people without a number ("128 of the men were deported") is a group the
        // figure is a part of, unless the figure's own words name the measure's subject.
        let whole_of_people = whole.as_deref().is_some_and(|w| !w.contains(|c: char| c.is_ascii_digit())) && whole_names_people;
        let part_of_its_group = |measure: &Measure| {
            measure.frame.as_ref().is_some_and(|f| {
                !catalog.frames.counts_a_part(&f.quantity)
                    && (pronoun_whole
                        || whole_after.is_some()
                        || whole_reading.as_ref().is_some_and(|r| catalog.frames.subject_read(&f.subject, r).is_some() || catalog.frames.quantity_level(f, r).is_some())
                        || (whole_of_people && catalog.frames.subject_read(&f.subject, &reading).is_none_or(|(level, _)| level != frames::Level::Own)))
            })
        };
        let no_total = |measure: &Measure| {
            (m.kind == "count" && part_of_its_group(measure))
                || (share_of_people && measure.frame.is_some())
                || (percent_changed && measure.frame.as_ref().is_some_and(|f| !catalog.frames.counts_a_change(&f.quantity)))
                || (things.is_some() && measure.unit == "persons")
                || (bare_reference && counts_things(catalog, measure))
                || place_of_another_figure(doc, mentions, i, measure, &reading, catalog, &lexicon.language).is_some()
                || no_total(measure) || (after_partitive && whole_total(measure)) || held_elsewhere(catalog, measure, place_besides_its_payer(measure), &reading) || (measure.unit_named && unit != Some(measure.unit.as_str()))
        };
        // An entry's `exclude` words next to the figure rule it out for the frames as for the
        // word scores ("condenado a 20 años de prisión", "en un solo día").
        let excluded = |measure: &Measure| catalog.measures.iter().position(|x| std::ptr::eq(x, measure)).is_some_and(|k| cx.near.any(&index.exclude[k]));
        // A running total is stated as one: in the present or present perfect ("han capturado",
        // "suman") or from its start ("desde 2022 capturaron"); a verb in the simple past without
        // a start counts one event ("la Policía capturó a 300 pandilleros en Soyapango").
        let one_event = !words(&catalog.since).iter().any(|w| has_phrase(&sentence_text, w))
            && in_simple_past(&own_frame[..own_frame.find(&mentions[i].surface.to_lowercase()).unwrap_or(0)], &clause_left, lexicon);
        let excluded = |measure: &Measure| excluded(measure) || (measure.cumulative && one_event);
        // A figure that opens its sentence as the subject of a relative clause has the
        // sentence's main verb after that clause: what stops a measure is read there too.
        let subject_of_relative = subject_of_relative_clause(doc, &mentions[i], &right, &words(&catalog.subject_relative));
        let unless_level = if subject_of_relative { frames::Level::Sentence } else { frames::Level::Near };
        let stopped = |measure: &Measure| catalog.frames.quantity_within(&measure.unless, &reading, unless_level).is_some();
        // A date of another place ("En Honduras, donde rige desde 2022 un estado de excepción")
        // is no date of a framed measure of El Salvador's, for the frames and the word scores
        // alike (an unframed date, such as a break in relations between two other countries,
        // names its place in its own words).
        let date_place = if is_date { about_another_place(doc, mentions, i, &clause_text, &near_text, catalog, &lexicon.language, &[]) } else { place };
        let framed = framed_measure(catalog, &reading, m, unit, is_date, short_window, date_place).filter(|(measure, _)| !no_total(measure) && !excluded(measure) && !stopped(measure));
        let mut best: Option<(&Measure, Score)> = None;
        let mut tie = false;
        // The best-scored measure a word of its `unless` list stopped, for the evidence of an
        // empty measure ("not venezuelans_deported_to_cecot: home").
        let mut best_stopped: Option<(&Measure, Score)> = None;
        for (k, measure) in catalog.measures.iter().enumerate() {
            let place = if measure.frame.is_some() { date_place } else { place };
            if ruled_out(measure, is_date, short_window, place) || no_total(measure) {
                continue;
            }
            if stopped(measure) {
                if let Some(s) = score(measure, k, index, m, unit, &cx) {
                    if best_stopped.as_ref().is_none_or(|(_, b)| s.cmp(b, catalog.nearest_first) == std::cmp::Ordering::Greater) {
                        best_stopped = Some((measure, s));
                    }
                }
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
        // A count whose own words say what it counts: not a part (its own phrase holds its
        // whole's noun: "17.500 de los detenidos") nor an amount per unit ("alojan 80 cada una").
        let own_words_count_it = m.kind == "count" && whole.is_none() && !per_unit;
        let (chosen, evidence) = frame_checked(catalog, scored, framed, &reading, is_date, own_words_count_it, index, &lexicon.language);
        let evidence = match (&chosen, evidence, best_stopped.filter(|(_, s)| s.total() >= threshold)) {
            (None, None, Some((measure, _))) => {
                catalog.frames.quantity_within(&measure.unless, &reading, unless_level).map(|word| format!("not {}: {word}", measure.id))
            }
            (_, evidence, _) => evidence,
        };
        // A noun the figure takes only from its neighbours' own words is theirs ("247 people: 216
        // Venezuelans and 31 Salvadorans"); a group its own noun names is its own ("216
        // Venezuelans detained in El Salvador" counts no arrests of the country's).
        let owned_by = |c: &Measure| {
            let own_group = c.frame.as_ref().and_then(|f| catalog.frames.owning_subject_besides(&f.subject, &reading));
            own_group.map(|w| format!("its own words name {w}"))
                .or_else(|| subject_of_other_figures(doc, mentions, i, c, &reading, catalog, &lexicon.language).map(|w| format!("{w} is another figure's noun")))
        };
        let (chosen, evidence) = match chosen.map(|c| (c, owned_by(c))) {
            Some((measure, Some(why))) => (None, Some(format!("not {}: {why}", measure.id))),
            _ => (chosen, evidence),
        };
        let (chosen, evidence) = match (chosen, &whole) {
            (Some(measure), Some(whole)) if counts_only_the_whole(catalog, measure, whole, &near_text, &lexicon.language) => {
                (None, Some(format!("not {}: a part of {}", measure.id, whole.trim())))
            }
            _ => (chosen, evidence),
        };
        // The whole of a part before it ("172 de los 233 venezolanos no tenían condenas") leaves
        // the predicate to the part: it counts no part of its own.
        let (chosen, evidence) = match (chosen, whole_of_a_part(doc, mentions, i, &words(&catalog.partitive))) {
            (Some(measure), Some(part)) if measure.frame.as_ref().is_some_and(|f| catalog.frames.counts_a_part(&f.quantity)) => {
                (None, Some(format!("not {}: the whole of {}", measure.id, part.surface)))
            }
            (chosen, _) => (chosen, evidence),
        };
        // A projection states no fact: its measure stays empty, and the evidence says why.
        let (chosen, evidence) = match (chosen, projection) {
            (Some(measure), Some(word)) if !(measure.design || (measure.terms && committed)) || planned_change.is_some() => {
                (None, Some(format!("projection: {word}{}", planned_change.map_or(String::new(), |c| format!(" {c}")))))
            }
            (Some(measure), _) => (Some(measure.id.clone()), evidence),
            (None, _) => (None, evidence),
        };
        let evidence = match (&chosen, &one_part) {
            (None, Some(part)) if evidence.is_none() => Some(format!("a part: {part}")),
            _ => evidence,
        };
        // A date a start word of its subject governs is that start ("began on", "el inicio del régimen, el").
        let (chosen, evidence) = match chosen {
            None if is_date && date_place == Place::Here => start_dates::stated_start(doc, mentions, i, catalog, &lexicon.language).map_or((None, evidence), |(measure, why)| (Some(measure.id.clone()), Some(why))),
            chosen => (chosen, evidence),
        };
        let m = &mut mentions[i];
        if is_date {
            if chosen.is_some() {
                m.is_statement = true;
                m.measure = chosen;
                m.measure_evidence = evidence;
            }
        } else {
            if borrowed_unit_void {
                m.unit = None;
            }
            m.measure = chosen;
            m.measure_evidence = evidence;
        }
    }
    measures_along_series(doc, mentions, lexicon);
    parts_of_a_whole_before(doc, mentions, catalog, &lexicon.language);
    // Then the measure's unit; then the unit of a count in the sentence before.
    units_from_measures(mentions, catalog);
    units_from_antecedents(mentions, 1);
}

/// How many words after a partitive may name the group a share is of ("of the prison population").
const SHARE_WHOLE_WORDS: usize = 3;

/// Do the words right after a percent (`after`, lower-cased and padded) open a partitive whose
/// next few words name people (`people`: "60 percent | of the inmates", "of the prison
/// population")?
fn of_people(after: &str, partitive: &[String], people: &[String]) -> bool {
    partitive.iter().filter_map(|p| after.strip_prefix(&format!(" {p} "))).any(|rest| {
        let whole = lower_padded(rest.split_whitespace().take(SHARE_WHOLE_WORDS).collect::<Vec<_>>().join(" "));
        people.iter().any(|w| has_phrase(&whole, w))
    })
}
