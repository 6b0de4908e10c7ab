//! The words around a figure that its measure is read from: its clause cut at the neighbouring
//! figures and conjunctions, the clause with a relative pronoun's antecedent, and the pronouns and
//! nouns that bring in the sentence before.

use super::catalog::Catalog;
use super::{has_phrase, lower_padded};
use crate::extract::text::Doc;
use crate::extract::Mention;
use crate::transform::own_phrase;

/// The figure's clause for the frames: with the clause before it when it opens with a relative
/// pronoun of `openers` ("the mega-prison, which they described as built for 36,000"), whose
/// antecedent ends that clause.
pub(super) fn with_antecedent(doc: &Doc, m: &Mention, clause_start: usize, clause_text: &str, openers: Option<&Vec<String>>) -> String {
    match antecedent_clause(doc, m, clause_start, clause_text, openers) {
        Some(before) => lower_padded(format!("{before} {clause_text}")),
        None => clause_text.to_string(),
    }
}

/// The clause before the figure's when the figure's opens with a relative pronoun of `openers`:
/// its antecedent ends it ("El penal, | que puede recibir hasta 47.500 presos").
pub(super) fn antecedent_clause(doc: &Doc, m: &Mention, clause_start: usize, clause_text: &str, openers: Option<&Vec<String>>) -> Option<String> {
    let opens = openers.is_some_and(|list| list.iter().any(|w| clause_text.starts_with(&format!(" {w} "))));
    if !opens || clause_start <= doc.sentences[m.sentence].0 {
        return None;
    }
    let (before, _) = doc.clause_span(m.sentence, clause_start - 1, clause_start - 1);
    Some(doc.slice(before, clause_start - 1))
}

/// The subject of the figure's clause when a relative clause or a short apposition stands
/// between them: "La población carcelaria, | que antes era de 1.234 reos, | supera ya los
/// 5.678" (the clause before the relative clause, which opens with one of `openers`, right
/// before the figure's).
pub(super) fn subject_before_relative(doc: &Doc, m: &Mention, clause_start: usize, openers: Option<&Vec<String>>) -> Option<String> {
    let sentence_start = doc.sentences[m.sentence].0;
    if clause_start <= sentence_start {
        return None;
    }
    let (relative_start, _) = doc.clause_span(m.sentence, clause_start - 1, clause_start - 1);
    let relative = lower_padded(doc.slice(relative_start, clause_start - 1));
    let opens = openers.is_some_and(|list| list.iter().any(|w| relative.starts_with(&format!(" {w} "))));
    let apposition = is_short_apposition(&relative);
    if !(opens || apposition) || relative_start <= sentence_start {
        return None;
    }
    let (before, _) = doc.clause_span(m.sentence, relative_start - 1, relative_start - 1);
    if !opens {
        // An apposition names the subject too ("The prison they were sent to, | CECOT, | was
        // built for 1,234"), when what it stands beside opens the sentence as a noun phrase (a
        // longer clause holds a verb of its own: "... detained 1,234, | officials say, | which").
        let subject = doc.slice(before, relative_start - 1);
        let noun_phrase = before == sentence_start && subject.split_whitespace().count() <= APPOSITION_ANTECEDENT_WORDS;
        return noun_phrase.then(|| doc.slice(before, clause_start - 1));
    }
    Some(doc.slice(before, relative_start - 1))
}

/// Is `clause` (lower-cased, padded) a short apposition between commas: a name or a noun of a
/// few words, with no figure ("El penal, | el CECOT, | ...")?
fn is_short_apposition(clause: &str) -> bool {
    let words = clause.split_whitespace().count();
    (1..=SHORT_APPOSITION_WORDS).contains(&words) && !clause.chars().any(|c| c.is_ascii_digit())
}

/// Most words of an apposition between the subject and the rest of its clause.
const SHORT_APPOSITION_WORDS: usize = 3;

/// The noun phrase an apposition holding the figure is about: the figure's clause opens with
/// a word of `openers` and the clause before it opens the sentence and is a short noun phrase
/// ("El régimen de excepción, | vigente desde hace 12 meses, | ha permitido ..."; "El pago, |
/// de 4,56 millones de dólares, | fue ..."). A longer clause before it holds a verb of its own.
pub(super) fn apposition_antecedent(doc: &Doc, m: &Mention, clause_start: usize, clause_text: &str, openers: Option<&Vec<String>>) -> Option<String> {
    let sentence_start = doc.sentences[m.sentence].0;
    // A count may open the apposition itself, closed by a comma ("Los presos, 1.234 en total,
    // ..."); a figure after an opening phrase is its clause's subject ("Del total, 1.234 fueron").
    let (_, clause_end) = doc.clause_span(m.sentence, m.start, m.end);
    let closed = doc.chars.get(clause_end) == Some(&',');
    let figure_first = openers.is_some() && m.kind == "count" && closed && doc.slice(clause_start, m.start).trim().is_empty();
    let opens = figure_first || openers.is_some_and(|list| list.iter().any(|w| clause_text.starts_with(&format!(" {w} "))));
    if !opens || clause_start <= sentence_start || doc.chars[clause_start - 1] != ',' {
        return None;
    }
    let (before, _) = doc.clause_span(m.sentence, clause_start - 1, clause_start - 1);
    let antecedent = doc.slice(before, clause_start - 1);
    (before == sentence_start && antecedent.split_whitespace().count() <= APPOSITION_ANTECEDENT_WORDS).then_some(antecedent)
}

/// Most words of a noun phrase that an apposition is about ("El régimen de excepción en El
/// Salvador").
const APPOSITION_ANTECEDENT_WORDS: usize = 7;

/// The first words of the main clause after a time phrase that opens the sentence and holds
/// the figure ("Tras 12 meses, | el régimen de excepción sigue vigente"): the span is the main
/// clause's subject's. Only for a duration, and only the words where that subject stands.
pub(super) fn subject_after_opening_time(doc: &Doc, mentions: &[Mention], i: usize, clause_start: usize, clause_end: usize, since: &[String]) -> Option<String> {
    let m = &mentions[i];
    let (sentence_start, sentence_end) = doc.sentences[m.sentence];
    if m.kind != "duration" || clause_start != sentence_start {
        return None;
    }
    // A phrase, not a clause of its own: a preposition or two before the figure, a complement
    // or an adverb after it ("Después de | 12 meses", "12 meses | después").
    let words = |a: usize, b: usize| doc.slice(a, b).split_whitespace().count();
    if words(clause_start, m.start) > OPENING_PHRASE_WORDS {
        return None;
    }
    // "For 41 months, since March 27, 2022, | Salvadorans have lived under ...": the start an
    // aside gives the length is part of the time phrase.
    // After such an aside the main clause is the length's whole predicate: its subject and
    // the verb that says what lasted, often more words than a subject alone.
    let (phrase_end, main_words) = match end_of_a_since_aside(doc, mentions, i, since) {
        Some(end) => (end, MAIN_CLAUSE_WORDS),
        None if doc.chars.get(clause_end) == Some(&',') && words(m.end, clause_end) <= OPENING_PHRASE_WORDS => (clause_end, MAIN_SUBJECT_WORDS),
        None => return None,
    };
    if phrase_end + 1 >= sentence_end {
        return None;
    }
    let (_, main_end) = doc.clause_span(m.sentence, phrase_end + 1, phrase_end + 1);
    let main = doc.slice(phrase_end + 1, main_end);
    Some(main.split_whitespace().take(main_words).collect::<Vec<_>>().join(" "))
}

/// Where an aside that gives a length's start ends, when one follows the length: a word of
/// `since` right after it (a comma or a dash between) and the date after that word ("41
/// months, since March 27, 2022,", "41 meses - desde marzo de 2022 -"): the delimiter after
/// the date, which [`subject_after_opening_time`] reads as its time phrase's end.
fn end_of_a_since_aside(doc: &Doc, mentions: &[Mention], i: usize, since: &[String]) -> Option<usize> {
    let m = &mentions[i];
    let date = mentions.get(i + 1).filter(|d| matches!(d.kind, "date" | "year") && d.sentence == m.sentence)?;
    let between = doc.slice(m.end, date.start).to_lowercase();
    let between = between.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '-' | '–' | '—'));
    let opens_with_since = since.iter().any(|w| between.starts_with(&format!("{w} ")));
    if !opens_with_since || between.split_whitespace().count() > SINCE_ASIDE_WORDS {
        return None;
    }
    let (_, sentence_end) = doc.sentences[m.sentence];
    let after = date.end + doc.chars[date.end..sentence_end].iter().take_while(|c| c.is_whitespace()).count();
    matches!(doc.chars.get(after), Some(',' | '-' | '–' | '—')).then_some(after)
}

/// Most words between a length and the date of the aside that gives its start ("since the
/// night of").
const SINCE_ASIDE_WORDS: usize = 4;

/// Most words on either side of the figure in an opening time phrase ("A más de | 12 meses |
/// de régimen").
const OPENING_PHRASE_WORDS: usize = 3;

/// How many words open a main clause with its subject ("el régimen de excepción").
const MAIN_SUBJECT_WORDS: usize = 4;

/// How many words of a main clause after a length and the aside that gives its start are read
/// as its predicate ("Salvadorans have lived under a state of exception").
const MAIN_CLAUSE_WORDS: usize = 8;

/// Does `noun` stand in `text` (lower-cased, padded) without a complement that names what it
/// counts ("the number reached", not "the number of prisoners", nor, where `names_its_own`
/// reads its own quantity in the `COMPLEMENT_WORDS` after it, "the number actually inside")?
pub(super) fn stands_alone(text: &str, noun: &str, names_its_own: impl Fn(&str) -> bool) -> bool {
    text.match_indices(&format!(" {noun} ")).any(|(at, _)| {
        let after: Vec<&str> = text[at + noun.len() + 2..].split_whitespace().take(COMPLEMENT_WORDS).collect();
        let next = after.first().copied().unwrap_or("");
        // "of" right before the figure gives the figure itself ("a figure of 1,234"), no
        // complement naming what it counts ("the number of inmates").
        let of_the_figure = after.len() == 1;
        (of_the_figure || !matches!(next, "of" | "de" | "del")) && !names_its_own(&format!(" {} ", after.join(" ")))
    })
}

/// How many words after an anaphoric noun may name what it counts ("the number actually inside").
const COMPLEMENT_WORDS: usize = 2;

/// Words that start a new clause about another figure.
const CONJUNCTIONS: &[&str] = &[" and ", " while ", " but ", " whereas ", " y ", " mientras ", " pero ", " e "];

/// The words of `left` (lower-cased, padded) after its last conjunction: those before it belong
/// to another figure's clause.
pub(super) fn after_last_conjunction(left: &str) -> &str {
    CONJUNCTIONS.iter().filter_map(|c| left.rfind(c).map(|i| i + c.len())).max().map_or(left, |i| &left[i..])
}

/// The question mark that ends the text right before a clause starting at `a` in its sentence
/// (past spaces, dashes and quotes), if there is one.
fn question_before(doc: &Doc, a: usize, sentence: usize) -> Option<usize> {
    let start = doc.sentences[sentence].0;
    let q = doc.chars[start..a].iter().rposition(|c| !(c.is_whitespace() || matches!(c, '—' | '–' | '-' | '"' | '«' | '»' | '“' | '”')))? + start;
    (doc.chars[q] == '?' && q > start).then(|| q - 1)
}

/// Does the question whose text ends at `q` ask how many (a word of `questions` in its clause)?
fn asks_how_many(doc: &Doc, q: usize, sentence: usize, questions: &[String]) -> bool {
    let (a, b) = doc.clause_span(sentence, q, q);
    let clause = lower_padded(doc.slice(a, b));
    questions.iter().any(|w| has_phrase(&clause, w))
}

/// The question that the figure's sentence answers, when the sentence before is a question
/// asking how many or how long (a word of `questions`) and the figure, the first of its
/// sentence, opens the answer: a few words at most before it in its first clause ("¿Cuánto
/// tiempo lleva vigente la medida? Ya 1.234 días."), or only a speaker's label, a dash or a
/// quotation mark ("HOST: How many are held there? | GUEST: About 1,234."). The answer's
/// quantity and subject are the question's, as in an answer within one sentence (see
/// [`near_parts`]). The question's last clause, from its question word on.
pub(super) fn question_it_answers(doc: &Doc, mentions: &[Mention], i: usize, questions: &[String]) -> Option<String> {
    let m = &mentions[i];
    if m.sentence == 0 || mentions[..i].iter().any(|p| p.sentence == m.sentence) {
        return None;
    }
    let (start, _) = doc.sentences[m.sentence];
    let (clause_start, _) = doc.clause_span(m.sentence, m.start, m.end);
    let opening = doc.slice(start, m.start);
    let opens_its_clause = clause_start <= start && opening.split_whitespace().count() <= MAX_WORDS_BEFORE_AN_ANSWER;
    if !opens_its_clause && !opens_an_answer(&opening) {
        return None;
    }
    let question = doc.sentence_text(m.sentence - 1);
    if !question.trim_end().ends_with('?') {
        return None;
    }
    let question = lower_padded(question.replace(['¿', '?'], " "));
    let from = questions.iter().filter_map(|w| question.rfind(&format!(" {w} "))).max()?;
    Some(question[from..].to_string())
}

/// Is `opening` (the text of a sentence before its first figure) no more than a speaker's
/// label ("GUEST:", "Q.", "A:") or a dash or a quotation mark that opens an answer?
fn opens_an_answer(opening: &str) -> bool {
    let bare = opening.trim().trim_matches(|c: char| matches!(c, '—' | '–' | '-' | '"' | '“' | '«' | '\'') || c.is_whitespace());
    bare.is_empty() || (bare.ends_with(':') && bare.split_whitespace().count() <= SPEAKER_LABEL_WORDS)
}

/// Most words of a speaker's label before an answer ("MARÍA LÓPEZ, LAWYER:").
const SPEAKER_LABEL_WORDS: usize = 4;

/// Most words before a figure that opens an answer ("Ya son unos 1.234").
const MAX_WORDS_BEFORE_AN_ANSWER: usize = 3;

/// The words nearest mention `i`, lower-cased, as (before the figure, the figure and after);
/// `questions` are the words of a question that asks how many (`quantity_questions`).
pub(super) fn near_parts(doc: &Doc, mentions: &[Mention], i: usize, questions: &[String]) -> (String, String) {
    let m = &mentions[i];
    let (a, b) = doc.clause_span(m.sentence, m.start, m.end);
    // The clause holds the figure, whatever the clause reading says at its edges.
    let (mut a, mut b) = (a.min(m.start), b.max(m.end));
    // "the longest, 31 months", "the oldest, 58": a figure alone in its clause is elliptical;
    // its words are in the clause before.
    let wordless = |from: usize, to: usize| !doc.chars[from..to].iter().any(|c| c.is_alphabetic());
    if wordless(a, m.start) && wordless(m.end, b) && a > doc.sentences[m.sentence].0 {
        a = doc.clause_span(m.sentence, a - 1, a - 1).0;
    }
    // An answer names its quantity in the question it answers ("—¿Cuántos han muerto? —Hemos
    // documentado 380"): the question's clause is the answer's too, when it asks how many.
    if let Some(q) = question_before(doc, a, m.sentence).filter(|&q| asks_how_many(doc, q, m.sentence, questions)) {
        a = doc.clause_span(m.sentence, q, q).0;
    }
    // Only other quantities cut the window; ranks and names ("por primera vez") do not.
    // Nor a change written as a verb ("has tripled to 98,000"): the figure is the new level.
    let change_verb = |x: &Mention| x.kind == "ratio" && !x.surface.chars().any(|c| c.is_ascii_digit());
    let cuts = |x: &&Mention| !matches!(x.kind, "ordinal" | "identifier" | "other") && !change_verb(x);
    if let Some(prev) = mentions[..i].iter().rev().filter(cuts).find(|p| p.end <= m.start) {
        a = a.max(prev.end);
    }
    if let Some(next) = mentions[i + 1..].iter().filter(cuts).find(|n| n.start >= m.end) {
        b = b.min(next.start);
        if b == next.start {
            b = m.end + own_phrase::before_next_figures_words(&doc.slice(m.end, b));
        }
    }
    // Words before the figure after a conjunction belong to it, not to the figure before
    // ("87 were due to illness and 14 appeared to result from acts of violence").
    let left = lower_padded(doc.slice(a, m.start));
    // Words after a conjunction open another clause ("enacted in March and have been prolonged").
    let right = lower_padded(doc.slice(m.start, b));
    let surface_end = lower_padded(m.surface.clone()).len() - 1;
    let cut = CONJUNCTIONS.iter().filter_map(|c| right[surface_end.min(right.len())..].find(c).map(|i| i + surface_end)).min();
    let right = cut.map_or(right.as_str(), |i| &right[..i]).to_string();
    (lower_padded(after_last_conjunction(&left).to_string()), lower_padded(right))
}

/// Does the sentence (lower-cased, padded) open with a pronoun of the catalog's `anaphora` ("It was first introduced
/// in late March")? Its subject is then the sentence before's.
pub(super) fn opens_with_pronoun(sentence_text: &str, catalog: &Catalog, language: &str) -> bool {
    catalog.anaphora.get(language).is_some_and(|list| list.iter().any(|w| sentence_text.starts_with(&format!(" {w} "))))
}

/// The text of a figure's sentence from the figure before it (or the sentence's start) to the
/// figure: the words that set the scene for it, across commas ("In a single day, police
/// arrested 1,050"). `figure` says which mentions count as figures here.
pub(super) fn since_figure_before(doc: &Doc, mentions: &[Mention], i: usize, figure: impl Fn(&Mention) -> bool) -> String {
    let m = &mentions[i];
    let from = mentions[..i].iter().rev().find(|p| p.sentence == m.sentence && p.end <= m.start && figure(p)).map_or(doc.sentences[m.sentence].0, |p| p.end);
    doc.slice(from, m.start)
}

/// Is a mention a quantity, not a rank, a name or a date ("the first group of 2,150": `first`
/// sets no figure of its own; "On a single flight in March, ... 93": `March` dates it)?
pub(super) fn is_quantity(m: &Mention) -> bool {
    !matches!(m.kind, "ordinal" | "identifier" | "other" | "date" | "year")
}

/// How many words end a relative pronoun's antecedent ("the prison population").
const ANTECEDENT_WORDS: usize = 3;

/// The last words of the antecedent (lower-cased, padded) when the figure's own words (`own`)
/// hold a relative pronoun of `openers` that opens its clause: `with_antecedent` is the clause
/// with the clause before it, `clause` the clause alone.
pub(super) fn antecedent_of_own_relative(own: &str, with_antecedent: &str, clause: &str, openers: Option<&Vec<String>>) -> Option<String> {
    let opener = openers?.iter().find(|w| clause.starts_with(&format!(" {w} ")) && own.contains(&format!(" {w} ")))?;
    let before = with_antecedent.strip_suffix(clause).filter(|_| !opener.is_empty())?;
    let words: Vec<&str> = before.split_whitespace().collect();
    Some(lower_padded(words[words.len().saturating_sub(ANTECEDENT_WORDS)..].join(" ")))
}

/// Most words besides the figure's own that may stand between a relative pronoun and the figure
/// once the dates are set aside (a preposition or an adverb: "que en | marzo de 2021 | era de
/// 1.234", "que actualmente alberga 1.234").
const WORDS_AROUND_DATES: usize = 1;

/// The figure's own words (`own`, lower-cased, padded) with the relative pronoun that opens its
/// clause before them, when only dates and one other word stand between the two ("La población
/// penitenciaria, que a finales de 2021 era de 1.234 personas", "el penal, que actualmente
/// alberga 1.234": the date or the adverb cuts the figure's words from the pronoun, whose
/// antecedent is what it counts); else `own` as it is.
pub(super) fn relative_across_dates(doc: &Doc, mentions: &[Mention], i: usize, clause_start: usize, own: &str, openers: Option<&Vec<String>>) -> String {
    let m = &mentions[i];
    let dates: Vec<&Mention> = mentions.iter().filter(|x| x.start >= clause_start && x.end <= m.start && matches!(x.kind, "date" | "year")).collect();
    if matches!(m.kind, "date" | "year") {
        return own.to_string();
    }
    let mut text = String::new();
    let mut from = clause_start;
    for d in &dates {
        text.push_str(&doc.slice(from, d.start));
        text.push(' ');
        from = d.end;
    }
    text.push_str(&doc.slice(from, m.start));
    let text = lower_padded(text);
    let Some(opener) = openers.and_then(|list| list.iter().find(|w| text.starts_with(&format!(" {w} ")))) else { return own.to_string() };
    if own.contains(&format!(" {opener} ")) {
        return own.to_string();
    }
    let own_words: Vec<&str> = own.split_whitespace().collect();
    let others = text[opener.len() + 1..].split_whitespace().filter(|w| !own_words.contains(w)).count();
    match others <= WORDS_AROUND_DATES {
        true => format!(" {opener}{own}"),
        false => own.to_string(),
    }
}

/// Most words of a sourcing aside ("según la Dirección General de Centros Penales").
const SOURCING_ASIDE_WORDS: usize = 7;
/// Most words between a sourcing aside and the figure ("para", "de unos").
const WORDS_AFTER_ASIDE: usize = 2;

/// The words of the clause before a short aside naming a source (one of `openers`, set off by
/// commas, no figure in it) when only a preposition or two stand between the aside and figure
/// `i` ("La prisión tiene capacidad, | según el Gobierno, | para 1.234 reos"): the figure
/// completes that clause, which the aside only interrupts. From the figure before it, if one
/// stands in that clause.
pub(crate) fn words_before_a_sourcing_aside(doc: &Doc, mentions: &[Mention], i: usize, openers: &[String]) -> Option<String> {
    let m = &mentions[i];
    let sentence_start = doc.sentences[m.sentence].0;
    let (a, _) = doc.clause_span(m.sentence, m.start, m.end);
    if openers.is_empty() || a < sentence_start + 2 || doc.chars[a - 1] != ',' || doc.slice(a, m.start).split_whitespace().count() > WORDS_AFTER_ASIDE {
        return None;
    }
    let (aside_start, aside_end) = doc.clause_span(m.sentence, a - 2, a - 2);
    if aside_start < sentence_start + 2 || doc.chars[aside_start - 1] != ',' {
        return None;
    }
    let aside = lower_padded(doc.slice(aside_start, aside_end));
    let is_aside = openers.iter().any(|w| aside.starts_with(&format!(" {w} "))) && aside.split_whitespace().count() <= SOURCING_ASIDE_WORDS;
    let figure_in = |from: usize, to: usize| mentions.iter().any(|x| x.start >= from && x.end <= to && is_quantity(x));
    if !is_aside || figure_in(aside_start, aside_end) {
        return None;
    }
    let (before_start, _) = doc.clause_span(m.sentence, aside_start - 2, aside_start - 2);
    let from = mentions[..i].iter().filter(|x| x.sentence == m.sentence && x.end <= aside_start && is_quantity(x)).map(|x| x.end).max().map_or(before_start, |e| e.max(before_start));
    Some(doc.slice(from, aside_start - 1))
}
