//! The texts around a figure that all its readings share, built once by [`figure_texts`]: its
//! own words, the words near it, its clause, its sentence, the sentence before and the words
//! that lead to it (its scene).

use crate::extract::text::Doc;
use crate::extract::Mention;
use crate::transform::own_phrase;

use super::catalog::Catalog;
use super::phrase_index::{Hits, PhraseIndex};
use super::figure::Figure;
use super::frame_check::unit_in_surface;
use super::lower_padded;
use super::near_words::{apposition_antecedent, is_quantity, near_parts, question_it_answers, opens_with_pronoun, since_figure_before, stands_alone, subject_after_opening_time, subject_before_relative, words_before_a_sourcing_aside};
use super::partitive::whole_of_its_partitive;
use super::series::{levels_the_rate_before, rate_noun_across_years};
use super::words_of;
use super::score::{Context, SentenceHits};

/// The texts around a figure, lower-cased and padded with spaces (but `left` and `right`, as
/// [`near_parts`] gives them).
pub(super) struct FigureTexts {
    /// The words before and after the figure, up to its neighbouring figures.
    pub(super) left: String,
    pub(super) right: String,
    /// The count right after the figure that is the whole of its partitive ("144 de los 230").
    pub(super) whole_after: Option<usize>,
    /// Where the figure's clause starts and ends (characters of the document).
    pub(super) clause_start: usize,
    pub(super) clause_end: usize,
    /// The subject an aside (a relative clause, a short apposition, a participle phrase) cuts
    /// off from the figure's clause, if any (`near_words::subject_before_relative`).
    pub(super) subject_before: Option<String>,
    /// The figure's clause, with a subject a relative clause cuts off from it, or the noun
    /// phrase its apposition is about.
    pub(super) clause: String,
    /// The figure's clause is an apposition to the noun phrase that opens its sentence.
    pub(super) in_apposition: bool,
    /// The figure's clause up to the figure.
    pub(super) clause_left: String,
    /// The figure's own words (see [`own_phrase::own_words`]).
    pub(super) own: String,
    /// The words near the figure (see [`near_text`]).
    pub(super) near: String,
    /// The figure's sentence.
    pub(super) sentence: String,
    /// The sentence before (see [`previous_text`]); empty for the first.
    pub(super) previous: String,
    /// The figure's scene and its clause from the figure on (see [`lead`]).
    pub(super) lead: String,
    /// A bare figure after an anaphoric word ("fueron 217"): it counts the group named before.
    pub(super) bare_reference: bool,
    /// An anaphoric noun stands alone before the figure ("a figure of 1,234"): it counts what a
    /// count named before it counted, whose words are among its near words.
    pub(super) counts_previous: bool,
    /// The sentence opens with a pronoun: its subject is the sentence before's.
    pub(super) anaphoric: bool,
}

/// The texts around figure `f`.
pub(super) fn figure_texts(f: &Figure) -> FigureTexts {
    let (doc, mentions, i, catalog, m) = (f.doc, f.mentions, f.i, f.catalog, f.m());
    let questions = catalog.quantity_questions.get(f.language()).map_or(&[][..], |w| w.as_slice());
    let (left, right) = near_parts(doc, mentions, i, questions);
    // A short aside naming a source does not cut the figure from the words before it.
    let before_aside = words_before_a_sourcing_aside(doc, mentions, i, &f.words(&catalog.sourcing_asides));
    let left = with_before(before_aside.as_deref(), left);
    // The whole of a partitive right after the figure ("144 de los primeros 230 venezolanos
    // no tenían condenas") does not cut its words: the predicate after the whole is the part's.
    let whole_after = whole_of_its_partitive(doc, mentions, i, &f.words(&catalog.partitive));
    let right_near = match whole_after {
        Some(j) => lower_padded(format!("{} {}", doc.slice(m.start, mentions[j].start), near_parts(doc, mentions, j, questions).1)),
        None => right.clone(),
    };
    // A figure in another unit in parentheses right after it ("6 millones de dólares (5,1
    // millones de euros) de Estados Unidos") does not cut its clause.
    let right_near = with_after(right_near, words_after_a_conversion(doc, mentions, i).as_deref());
    let (clause_start, clause_end) = doc.clause_span(m.sentence, m.start, m.end);
    // A relative clause between the figure's clause and its subject leaves the subject its own.
    let subject_before = subject_before_relative(doc, m, clause_start, catalog.relative_openers.get(f.language()));
    let clause = with_before(subject_before.as_deref(), lower_padded(doc.slice(clause_start, clause_end)));
    let clause = with_before(before_aside.as_deref(), clause);
    // An apposition is about the noun phrase before it: its words are the clause's own.
    let apposition_of = apposition_antecedent(doc, m, clause_start, &clause, catalog.apposition_openers.get(f.language()));
    let clause = with_before(apposition_of.as_deref(), clause);
    // A time phrase opening the sentence is the span of the main clause's subject: its words
    // are the figure's near words.
    let main_subject = subject_after_opening_time(doc, mentions, i, clause_start, clause_end, &f.words(&catalog.since));
    let clause = with_after(clause, main_subject.as_deref());
    // An answer counts what the question before it asks ("How many were sent to CECOT?" —
    // "1,234."; "¿Cuánto dura? Ya 1.234 días"): the question's words are its own, as in "1,234
    // were sent to CECOT".
    let question = question_it_answers(doc, mentions, i, questions);
    let own = with_before(question.as_deref(), own_phrase::own_words(m, &left, &right, catalog.governing_verb.contains(f.language())));
    let clause = with_before(question.as_deref(), clause);
    let (counts_previous, bare_reference) = refers_back(f, &left, &right);
    let near = near_text(f, clause_start, &left, &right_near, counts_previous || bare_reference);
    let near = with_before(question.as_deref(), near);
    // The noun phrase an apposition describes is the figure's nearest noun ("El pago, de 4,56
    // millones de dólares,").
    let near = match (&apposition_of, &main_subject) {
        (Some(antecedent), _) => with_before(Some(antecedent), near),
        (None, subject) => with_after(near, subject.as_deref()),
    };
    let sentence = lower_padded(doc.sentence_text(m.sentence));
    let anaphoric = opens_with_pronoun(&sentence, catalog, f.language());
    let clause_left = with_before(before_aside.as_deref(), lower_padded(doc.slice(clause_start, m.start)));
    let lead = lead(f, clause_start, clause_end);
    let previous = previous_text(f);
    FigureTexts { left, right, whole_after, clause_start, clause_end, clause, subject_before, in_apposition: apposition_of.is_some(), clause_left, own, near, sentence, previous, lead, bare_reference, counts_previous, anaphoric }
}

/// `text` (lower-cased, padded) with `words` before it, when there are any.
fn with_before(words: Option<&str>, text: String) -> String {
    match words {
        Some(words) => lower_padded(format!("{words} {text}")),
        None => text,
    }
}

/// `text` (lower-cased, padded) with `words` after it, when there are any.
fn with_after(text: String, words: Option<&str>) -> String {
    match words {
        Some(words) => lower_padded(format!("{text} {words}")),
        None => text,
    }
}

impl FigureTexts {
    /// The catalog's phrases found in the texts, for the word scores.
    pub(super) fn word_hits<'h>(&self, index: &PhraseIndex, sentence: &'h Hits, previous: &'h Hits) -> Context<'h> {
        Context { own: index.hits(&self.own), near: index.hits(&self.near), clause: index.hits(&self.clause), sentence, previous, anaphoric: self.anaphoric }
    }
}

/// Does the figure stand for a count named before it: (an anaphoric noun stands alone before
/// it ("the figure"), it is bare after an anaphoric word ("fueron 217"))?
fn refers_back(f: &Figure, left: &str, right: &str) -> (bool, bool) {
    let (doc, catalog, m, language) = (f.doc, f.catalog, f.m(), f.language());
    // A complement of the noun that names another quantity than the sentence before says
    // what it counts itself ("the number actually inside", after a capacity).
    // Read only when a noun or a bare figure asks (most figures have neither).
    let before_quantities = std::cell::OnceCell::new();
    let before_quantities = || {
        before_quantities.get_or_init(|| {
            if m.sentence > 0 { catalog.frames.quantities_named(language, &lower_padded(doc.sentence_text(m.sentence - 1))) } else { Vec::new() }
        })
    };
    let names_another_quantity = |words: &str| catalog.frames.quantities_named(language, words).iter().any(|q| !before_quantities().contains(q));
    let counts_previous = catalog.anaphoric_nouns.get(language).is_some_and(|nouns| nouns.iter().any(|n| stands_alone(left, n, names_another_quantity)))
        || time_since_the_event_before(doc, m, words_of(&catalog.time_since, language))
        || levels_the_rate_before(doc, f.mentions, f.i, words_of(&catalog.rate_level_subjects, language), words_of(&catalog.rate_level_verbs, language), words_of(&catalog.rate_level_dropped_subject, language));
    let bare_reference = !counts_previous && refers_back_bare(f.mentions, f.i, left, right, catalog, language, names_another_quantity);
    (counts_previous, bare_reference)
}

/// The words near the figure: those around it, with the words of the count it stands for when
/// it refers back (`stands_for_a_count_before`) and the head of the list it is an item of.
fn near_text(f: &Figure, clause_start: usize, left: &str, right_near: &str, stands_for_a_count_before: bool) -> String {
    let (doc, m) = (f.doc, f.m());
    // An anaphoric noun before the figure, or a bare figure after an anaphoric word ("fueron
    // 217"), brings the words of the count it stands for next to it: the sentence before's,
    // and those of its own sentence before its clause ("about 7,300 released; the minister
    // put the figure at 6,900"; an apposition: "los venezolanos del CECOT, un total de 219,").
    let earlier_in_sentence = doc.slice(doc.sentences[m.sentence].0, clause_start);
    // A quantity named earlier in its own sentence is the nearer one it stands for ("how many
    // are held there is not published; an official put the figure at 1,234"): the sentence
    // before is not read then.
    let names_its_own = || !f.catalog.frames.quantities_named(f.language(), &lower_padded(earlier_in_sentence.clone())).is_empty();
    let near_text = match stands_for_a_count_before {
        true if m.sentence > 0 && !names_its_own() => lower_padded(format!("{} {earlier_in_sentence} {left} {right_near}", doc.sentence_text(m.sentence - 1))),
        true => lower_padded(format!("{earlier_in_sentence} {left} {right_near}")),
        false => lower_padded(format!("{left} {right_near}")),
    };
    // A rate's noun that gave the figure its unit across a year is among its words too.
    let rates = f.catalog.rate_subjects.get(f.language());
    let near_text = match rates.and_then(|rates| rate_noun_across_years(doc, f.mentions, f.i, rates)) {
        Some(noun) => lower_padded(format!("{} {near_text}", doc.slice(noun, m.start))),
        None => near_text,
    };
    // The items of a list after a colon are parts of the head before it ("274 personas al
    // CECOT: 259 venezolanos y 21 salvadoreños"): the head's words are theirs too.
    match head_of_list(doc, m.sentence, clause_start) {
        Some(head) => lower_padded(format!("{head} {near_text}")),
        None => near_text,
    }
}

/// The figure's scene and its clause from the figure on.
fn lead(f: &Figure, clause_start: usize, clause_end: usize) -> String {
    let (doc, mentions, i, catalog, m) = (f.doc, f.mentions, f.i, f.catalog, f.m());
    // What sets the figure's scene: its clause, or, for the sentence's first figure, all
    // that opens the sentence ("In a single day, police arrested 1,050"); a figure before it
    // has its own scene ("arrested 220 in a sweep, bringing the total to 86,300").
    // A count of the things that carry the figure ("Los dos primeros aviones ... llevaban a
    // 233") is part of its scene, not a figure with a scene of its own.
    let sets_a_scene = |p: &Mention| is_quantity(p) && catalog.frames.things_counted(f.language(), &lower_padded(p.surface.clone())).is_none();
    let first_figure = !mentions[..i].iter().any(|p| p.sentence == m.sentence && p.end <= m.start && sets_a_scene(p));
    let scene =
        if first_figure { since_figure_before(doc, mentions, i, sets_a_scene) } else { doc.slice(across_parentheses(doc, m.sentence, clause_start), m.start) };
    lower_padded(format!("{scene} {}", doc.slice(m.start, clause_end)))
}

/// The text of the sentence before the figure's: the two before when the one before is a
/// question that heads its answer.
fn previous_text(f: &Figure) -> String {
    let doc = f.doc;
    match f.m().sentence {
        0 => String::new(),
        s if reads_two_sentences_back(f, s) => {
            let headline = headline_before(f, s).map_or(String::new(), |h| doc.sentence_text(h));
            lower_padded(format!("{headline} {} {}", doc.sentence_text(s - 2), doc.sentence_text(s - 1)))
        }
        s => lower_padded(doc.sentence_text(s - 1)),
    }
}

/// The article's headline (its first sentence after any front matter), when the sentence before
/// `sentence` is a question heading that names no subject and the headline stands before the two
/// sentences read already: the answers of a questions-and-answers piece ("¿Cuántos presos
/// caben?") are about what its headline names. Not a headline about another place (one that
/// names a place of `elsewhere` and none of `here`): its subjects are that place's.
fn headline_before(f: &Figure, sentence: usize) -> Option<usize> {
    let doc = f.doc;
    let headline = doc.sentences.iter().position(|&(start, _)| start >= doc.front_matter_end)?;
    let question = sentence >= 1 && heads_its_answer(doc, sentence - 1, f.catalog, f.language());
    (question && headline + 2 < sentence && !about_another_place(f, &lower_padded(doc.sentence_text(headline)))).then_some(headline)
}

/// Does `text` (lower-cased, padded) name a place of `elsewhere` and none of `here`?
fn about_another_place(f: &Figure, text: &str) -> bool {
    let named = |list: &super::catalog::ByLanguage| words_of(list, f.language()).iter().any(|w| super::has_phrase(text, w));
    named(&f.catalog.elsewhere) && !named(&f.catalog.here)
}

/// The catalog's phrases in the sentence before the figure's (see [`previous_text`]).
pub(super) fn previous_hits(f: &Figure, sentences: &mut SentenceHits) -> Hits {
    // A question before the figure ("¿Cuántos presos caben?") heads its answer: the sentence
    // before the question is read as the one before too.
    match f.m().sentence {
        0 => Hits::default(),
        s if reads_two_sentences_back(f, s) => {
            let two_back = sentences.of(s - 1).union(&sentences.of(s - 2));
            match headline_before(f, s) {
                Some(h) => two_back.union(&sentences.of(h)),
                None => two_back,
            }
        }
        s => sentences.of(s - 1),
    }
}

/// Is the sentence before `sentence` read together with the one before it: a question that
/// heads its answer, or the second of two sentences opening with a pronoun?
fn reads_two_sentences_back(f: &Figure, sentence: usize) -> bool {
    sentence >= 2
        && (heads_its_answer(f.doc, sentence - 1, f.catalog, f.language())
            || continues_a_pronoun_chain(f.doc, sentence, f.catalog, f.language())
            || continues_an_unsaid_subject(f.doc, sentence, f.catalog, f.language()))
}

/// Does the sentence open with its verb, its subject unsaid (one of `verb_first_openers`:
/// "Lleva ya cinco años en vigor"), while the sentence before names no subject either and the
/// one before that does ("El régimen se aprobó de urgencia. Desde entonces, el Congreso lo
/// renovó cada mes. Lleva ya cinco años en vigor")? The unsaid subject is the last one named,
/// two sentences back: that sentence is read as the one before too.
fn continues_an_unsaid_subject(doc: &Doc, sentence: usize, catalog: &Catalog, language: &str) -> bool {
    let text = lower_padded(doc.sentence_text(sentence));
    let verb_first = words_of(&catalog.verb_first_openers, language).iter().any(|w| text.starts_with(&format!(" {w} ")));
    let names = |s: usize| catalog.frames.names_a_subject(language, &lower_padded(doc.sentence_text(s)));
    verb_first && !names(sentence) && !names(sentence - 1) && names(sentence - 2)
}

/// Is the figure a time since the event the sentence before names: a duration with a word of
/// `time_since` alone after it, closing its clause ("In the 14 months since, police ...")?
fn time_since_the_event_before(doc: &Doc, m: &Mention, time_since: &[String]) -> bool {
    if m.kind != "duration" || m.sentence == 0 {
        return false;
    }
    let after = lower_padded(doc.slice(m.end, doc.sentences[m.sentence].1));
    time_since.iter().any(|w| after.strip_prefix(&format!(" {w}")).is_some_and(|rest| rest.starts_with([',', '.', ';', ':']) || rest.trim().is_empty()))
}

/// Do the sentence and the one before both open with a pronoun ("It was meant to last a month.
/// It has now been in force for a year.")? The second's subject is the first's, which the
/// sentence before that names: it is read as the sentence before too.
fn continues_a_pronoun_chain(doc: &Doc, sentence: usize, catalog: &Catalog, language: &str) -> bool {
    let opens = |s: usize| opens_with_pronoun(&lower_padded(doc.sentence_text(s)), catalog, language);
    opens(sentence) && opens(sentence - 1)
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

/// Does a bare figure (its surface names no unit: "fueron 217") follow a word of `bare_anaphora`
/// that stands alone before it, so that what it counts is the group named before it? Not when
/// the sentence before counts something itself: the bare figure may then restate that count or
/// count another thing ("Tres aviones aterrizaron con venezolanos. Fueron 217").
fn refers_back_bare(
    mentions: &[Mention],
    i: usize,
    left: &str,
    right: &str,
    catalog: &Catalog,
    language: &str,
    names_another_quantity: impl Fn(&str) -> bool,
) -> bool {
    let m = &mentions[i];
    let bare = is_bare(m, right, catalog, language);
    let counted_before = m.sentence > 0 && mentions.iter().any(|p| p.sentence + 1 == m.sentence && p.kind == "count");
    bare && !counted_before && catalog.bare_anaphora.get(language).is_some_and(|words| words.iter().any(|w| stands_alone(left, w, &names_another_quantity)))
}

/// Is the figure bare: a count whose surface names no unit and which no noun follows (only a
/// mark, the sentence's end or a word of `bare_followers`: "fueron 217 y ...")?
pub(super) fn is_bare(m: &Mention, right: &str, catalog: &Catalog, language: &str) -> bool {
    let next = own_phrase::words_after(m, right).into_iter().next().unwrap_or("").to_lowercase();
    let next = next.trim_matches(|c: char| !c.is_alphanumeric());
    let followed_by_a_noun = !next.is_empty() && !catalog.bare_followers.get(language).is_some_and(|w| w.iter().any(|f| f == next));
    !unit_in_surface(m) && m.kind == "count" && !followed_by_a_noun
}

/// The words of the clause after a parenthesis that opens right after figure `i` and holds
/// only another figure (its value in another unit: "6 millones de dólares (5,1 millones de
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
