//! The frame reading: the texts the frames read around a figure (its own words with their
//! antecedents, the near words, the clause and the sentence), and what the frames read there.

use crate::extract::text::Doc;
use crate::extract::Mention;
use crate::transform::frames;
use crate::transform::own_phrase;

use super::catalog::Catalog;
use super::figure::Figure;
use super::frame_check::unit_in_surface;
use super::near_words::{antecedent_clause, antecedent_of_own_relative, relative_across_dates, with_antecedent};
use super::texts::{is_bare, FigureTexts};
use super::lower_padded;

/// The texts the frames read around a figure (lower-cased, padded); its sentence before is
/// [`FigureTexts::previous`].
pub(super) struct FrameTexts {
    /// The figure's own words with their governing verb and antecedents.
    pub(super) own: String,
    pub(super) near: String,
    pub(super) clause: String,
    pub(super) sentence: String,
}

/// The frame texts of figure `f`.
pub(super) fn frame_texts(f: &Figure, texts: &FigureTexts) -> FrameTexts {
    let (doc, m) = (f.doc, f.m());
    let openers = f.catalog.relative_openers.get(f.language());
    // A sentence that opens with a pronoun reads the sentence before as its own ("They were
    // first enacted in March").
    let sentence = if texts.anaphoric { format!("{}{}", texts.previous, texts.sentence) } else { texts.sentence.clone() };
    let clause = with_antecedent(doc, m, texts.clause_start, &texts.clause, openers);
    // The antecedent of a relative clause stands next to the figure for the frames too.
    let near = match antecedent_clause(doc, m, texts.clause_start, &texts.clause, openers).or_else(|| subject_across_an_aside(f, texts)) {
        Some(before) => lower_padded(format!("{before} {}", texts.near)),
        None => texts.near.clone(),
    };
    let own = own_frame_words(f, texts, &clause);
    FrameTexts { own, near, clause, sentence }
}

/// The subject that an aside cuts off from the figure's clause ("La prisión, | que costó
/// mucho, | tiene capacidad para 1.234 reos"), when no other figure stands between the clause's
/// start and the figure: it is the subject of the verb that governs the figure, as near to it
/// as in the same sentence without the aside. Only for the languages of `frame_fill_near`,
/// whose fill reads a subject near the figure (elsewhere the fill reads the clause, which holds
/// that subject already).
fn subject_across_an_aside(f: &Figure, texts: &FigureTexts) -> Option<String> {
    let m = f.m();
    if !f.catalog.frame_fill_near.iter().any(|l| l == f.language()) {
        return None;
    }
    // Mentions are in text order: a figure between the clause's start and this one is the
    // mention right before it.
    let figure_between = f.i.checked_sub(1).is_some_and(|j| f.mentions[j].sentence == m.sentence && f.mentions[j].start >= texts.clause_start);
    if figure_between {
        return None;
    }
    texts.subject_before.clone()
}

/// The figure's own words as the frames read them; `frame_clause` is its clause with the
/// antecedent of a relative clause.
fn own_frame_words(f: &Figure, texts: &FigureTexts, frame_clause: &str) -> String {
    let (catalog, m) = (f.catalog, f.m());
    // The frames read the figure's own words with its governing verb: the one word the
    // scores read too where the language's `governing_verb` is on, else the verb phrase
    // before it ("han muerto 433 reos").
    let own_frame = if catalog.governing_verb.contains(f.language()) {
        with_modal_before(&texts.own, &texts.left, &f.words(&catalog.modals))
    } else {
        own_phrase::own_frame_words(m, &texts.left, &texts.right, &f.words(&catalog.auxiliaries))
    };
    let own_frame = relative_across_dates(f.doc, f.mentions, f.i, texts.clause_start, &own_frame, catalog.relative_openers.get(f.language()));
    // A relative pronoun among the figure's own words stands for its antecedent ("the prison
    // population, which stood at 31,750"): the antecedent's last words are its own too.
    let own_frame = match antecedent_of_own_relative(&own_frame, frame_clause, &texts.clause, catalog.relative_openers.get(f.language())) {
        Some(antecedent) => format!("{antecedent}{own_frame}"),
        None => own_frame,
    };
    // A bare figure completing a verb ("... sumaron 13.750") has its verb's subject for noun.
    match subject_of_its_verb(m, &texts.clause_left, &texts.right, catalog, f.language()) {
        Some(subject) => format!("{subject}{own_frame}"),
        None => own_frame,
    }
}

/// The figure's own words (`own`, lower-cased, padded) with the modal verb right before their
/// governing verb ("can hold 1,234": a capacity, where "hold" alone is a count held), when the
/// governing verb is the last word of `left` (the words before the figure).
fn with_modal_before(own: &str, left: &str, modals: &[String]) -> String {
    let before: Vec<&str> = left.split_whitespace().collect();
    match before.as_slice() {
        [.., modal, verb] if own.starts_with(&format!(" {verb} ")) && modals.iter().any(|m| m == modal) => format!(" {modal}{own}"),
        _ => own.to_string(),
    }
}

/// What the frames read in `frame_texts` (and the whole `article`), stand-ins included;
/// `own_unit` is the figure's unit when it names it itself.
pub(super) fn frame_reading(f: &Figure, texts: &FigureTexts, frame_texts: &FrameTexts, own_unit: Option<&str>) -> frames::Reading {
    let catalog = f.catalog;
    let read = frames::Texts {
        own: &frame_texts.own,
        near: &frame_texts.near,
        clause: &frame_texts.clause,
        sentence: &frame_texts.sentence,
        previous: &texts.previous,
        article: &f.story.subjects,
    };
    let mut reading = catalog.frames.read(f.language(), &read, own_unit, unit_in_surface(f.m()));
    // "El penal" stands for CECOT in an article about it, unless the article names another prison.
    catalog.frames.read_stand_ins(f.language(), &read, &mut reading, f.story.other_prison);
    reading
}

/// How far from the figure a measure's `unless` words stop it. A figure that opens its
/// sentence as the subject of a relative clause has the sentence's main verb after that
/// clause: what stops a measure is read there too. So does a figure in apposition to the
/// sentence's subject ("Los presos, 1.234 en total, fueron liberados").
pub(super) fn unless_level(f: &Figure, texts: &FigureTexts) -> frames::Level {
    let subject_of_relative = subject_of_relative_clause(f.doc, f.m(), &texts.right, &f.words(&f.catalog.subject_relative));
    if subject_of_relative || texts.in_apposition {
        frames::Level::Sentence
    } else {
        frames::Level::Near
    }
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

/// Determiners that may stand between an opening word and a figure that is its sentence's
/// subject ("Tonight the 146 men who ...").
const DETERMINERS: &[&str] = &["the", "these", "those", "all", "los", "las", "estos", "estas", "esos", "esas", "todos"];

/// The subject of the verb a bare figure completes ("las deportaciones de salvadoreños desde
/// Estados Unidos sumaron 13.750"): the words of its clause before that verb (a word of
/// `bare_anaphora` right before the figure), which name what it counts as its own noun would.
fn subject_of_its_verb(m: &Mention, clause_left: &str, right: &str, catalog: &Catalog, language: &str) -> Option<String> {
    if !is_bare(m, right, catalog, language) {
        return None;
    }
    let verb = catalog.bare_anaphora.get(language)?.iter().find(|w| clause_left.ends_with(&format!(" {w} ")))?;
    let subject = &clause_left[..clause_left.len() - verb.len() - 1];
    (subject.split_whitespace().count() >= 2).then(|| subject.to_string())
}
