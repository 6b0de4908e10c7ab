//! The figure's own frame: the words of its noun phrase and governing verb, read before any
//! word of its clause or sentence. What these words say outranks the cue words of a
//! neighbouring clause ("released from these 66,000 arrested" counts arrests), and some of them
//! rule every measure out: a figure that counts workers or inhabitants, or a count over a short
//! window ("380 capturas en 12 días"), is no running total. The word lists are data
//! (schemas/measures.toml: `not_counted`, `window`).

use crate::extract::text::Doc;
use crate::extract::Mention;
use crate::extract::ARTICLES;

/// How many words after the figure belong to its own noun phrase ("66,000 arrested",
/// "36 mil pandilleros recluidos").
const OWN_WORDS_AFTER: usize = 3;

/// How many words may stand before a date that opens a sentence ("En el año 2024, ...").
const OPENING_WORDS: usize = 3;

/// Prepositions that tie the words before them to the figure after ("capacity of 36,000",
/// "capacidad para 36 mil", "a prison for 36,000"): the two words before such a preposition are
/// the figure's own.
const LINKS: &[&str] = &["of", "for", "to", "at", "de", "del", "para", "a", "en"];

/// The figure's own words, lower-cased and padded with spaces: its surface, up to
/// [`OWN_WORDS_AFTER`] words after it (within `right`, its clause cut at the next figure), and
/// the words a linking preposition ties to it from `left`, or, without one and with
/// `governing_verb`, the word right before it: its governing verb ("holds 84,000", "deported
/// 200", "can hold 30,000").
pub fn own_words(m: &Mention, left: &str, right: &str, governing_verb: bool) -> String {
    let after = words_after(m, right);
    let before: Vec<&str> = left.split_whitespace().collect();
    let tied = match first_tied_word(&before) {
        Some(i) => before[i..].join(" "),
        None if governing_verb => governing_word(&before).to_string(),
        None => String::new(),
    };
    format!(" {} {} {} ", tied, m.surface.to_lowercase(), after.join(" "))
}

/// The word right before a figure, when it is a word (not a mark).
fn governing_word<'w>(words: &[&'w str]) -> &'w str {
    words.last().filter(|w| w.chars().any(char::is_alphabetic)).copied().unwrap_or("")
}

/// The words of its own phrase after the figure: up to [`OWN_WORDS_AFTER`] words of `right`
/// after its surface, none after a mark that is no word.
pub fn words_after<'a>(m: &Mention, right: &'a str) -> Vec<&'a str> {
    right.split_whitespace().skip(m.surface.split_whitespace().count()).take_while(|w| !w.chars().all(|c| !c.is_alphanumeric())).take(OWN_WORDS_AFTER).collect()
}

/// The figure's own words as the frames read them: [`own_words`] and, when no preposition
/// ties words before the figure to it, the verb right before it with the auxiliaries before
/// that ("han muerto 310 reos", "el régimen suma 38 meses"): a noun before the verb is its
/// subject, not the figure's ("Centros Penales reporta 111.300 reos").
pub fn own_frame_words(m: &Mention, left: &str, right: &str, auxiliaries: &[String]) -> String {
    let before: Vec<&str> = left.split_whitespace().collect();
    let governing = if first_tied_word(&before).is_some() { String::new() } else { before[first_governing_word(&before, auxiliaries)..].join(" ") };
    // One space between words: a phrase of the frames may run from the verb into the surface
    // ("recibir hasta" in "puede recibir hasta 1.234 presos").
    let words = format!("{governing} {}", own_words(m, left, right, false));
    format!(" {} ", words.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Where, in the words right before a figure, those a linking preposition ties to it begin:
/// the preposition ending them and the two words before it ("capacity of", "system built
/// for"); None when the last word is no preposition.
fn first_tied_word(words: &[&str]) -> Option<usize> {
    // An article may stand between the preposition and the figure ("frente a los 18,1").
    let words = match words.split_last() {
        Some((last, rest)) if ARTICLES.contains(&last.to_lowercase().as_str()) => rest,
        _ => words,
    };
    let last = words.last()?;
    LINKS.contains(&last.to_lowercase().as_str()).then(|| words.len().saturating_sub(3))
}

/// How many words right before a figure, with no preposition between, are its own: the verb
/// that governs it and the auxiliaries before it ("han muerto 310 reos", "fueron liberadas
/// 7.500 personas", "killed 200").
const GOVERNING_WORDS_BEFORE: usize = 3;

/// Where, in the words right before a figure, its governing verb begins: the last word and up
/// to [`GOVERNING_WORDS_BEFORE`] words in all, each before it one of `auxiliaries`; none after
/// a punctuation mark (a comma or a colon ends another phrase: "Tras la masacre, 300 reos
/// ..."). `words.len()` when none are.
fn first_governing_word(words: &[&str], auxiliaries: &[String]) -> usize {
    let ends_phrase = |w: &str| w.ends_with(|c: char| c.is_ascii_punctuation() || matches!(c, '—' | '–' | '”' | '“' | '»' | '«'));
    let mut first = words.len();
    for (i, w) in words.iter().enumerate().rev().take(GOVERNING_WORDS_BEFORE) {
        let is_auxiliary = auxiliaries.iter().any(|a| a.eq_ignore_ascii_case(w));
        if ends_phrase(w) || (i + 1 < words.len() && !is_auxiliary) {
            break;
        }
        first = i;
    }
    first
}

/// Where the words after a figure stop being its own because they lead to the next figure:
/// "93,000 inmates in a system built for 64,000": `system built for` is tied to 64,000 by its
/// preposition, as [`own_words`] reads it from that figure's side. `gap` is the text between
/// the two figures; the answer is the number of its chars that belong to the first figure. The
/// first word after the figure always stays its own ("36,000 inmates out of 100,000").
pub fn before_next_figures_words(gap: &str) -> usize {
    let offsets: Vec<usize> = gap.split_whitespace().map(|w| w.as_ptr() as usize - gap.as_ptr() as usize).collect();
    let words: Vec<&str> = gap.split_whitespace().collect();
    match first_tied_word(&words) {
        Some(first) if words.len() > 1 => gap[..offsets[first.max(1)]].chars().count(),
        _ => gap.chars().count(),
    }
}

/// Does `after` (the words after a figure, lower-cased and padded) read `<noun> <phrase>`: one
/// word, then the phrase ("418 capturas más que las ...")?
pub fn after_its_noun(after: &str, phrase: &str) -> bool {
    let mut words = after.split_whitespace();
    words.next().is_some_and(|noun| noun.chars().all(char::is_alphabetic))
        && format!(" {} ", words.collect::<Vec<_>>().join(" ")).starts_with(&format!(" {phrase} "))
}

/// Is the figure a count over a short window ("300 capturas en 10 días", "in 10 days, police
/// made 400 arrests", "95 muertes en 2024")? True when a duration of days, weeks or hours in its
/// sentence follows one of the `window` words (the window often opens the sentence, a clause
/// before the figure), or a year or a date in its clause does (see
/// [`in_one_calendar_period`]). Such a count is no running total.
pub fn over_short_window(mentions: &[Mention], doc: &Doc, i: usize, window: &[String], since: &[String]) -> bool {
    let m = &mentions[i];
    let opened = |d: &Mention| {
        let before = doc.slice(doc.sentences[m.sentence].0.max(d.start.saturating_sub(12)), d.start).to_lowercase();
        before.split_whitespace().last().is_some_and(|w| window.iter().any(|x| x == w))
    };
    // A count between the figure and the duration is the one the window counts ("368 muertes
    // ..., al menos cuatro de ellas en las últimas dos semanas").
    let count_between = |d: &Mention| {
        let (from, to) = if d.start > m.end { (m.end, d.start) } else { (d.end, m.start) };
        mentions.iter().any(|x| x.sentence == m.sentence && x.kind == "count" && x.is_statement && x.start >= from && x.end <= to)
    };
    let over_days = mentions
        .iter()
        .filter(|d| d.sentence == m.sentence && d.kind == "duration")
        .any(|d| matches!(d.unit.as_deref(), Some("days" | "weeks" | "hours")) && opened(d) && !count_between(d));
    over_days || in_one_calendar_period(mentions, doc, i, &opened, since)
}

/// Is the figure dated, in its own clause or the opening clause of its sentence, to one year,
/// month or day that a `window` word opens ("95 muertes en 2024", "In March, 5,000 were
/// arrested")? A count of that period is no running
/// total since something began, unless a `since` word stands before it in the clause ("since
/// the crackdown began in May 2021": the start, not a window).
fn in_one_calendar_period(mentions: &[Mention], doc: &Doc, i: usize, opened: &dyn Fn(&Mention) -> bool, since: &[String]) -> bool {
    let m = &mentions[i];
    let (a, b) = doc.clause_span(m.sentence, m.start, m.end);
    let sentence_start = doc.sentences[m.sentence].0;
    // In the figure's clause, or opening its sentence before it ("In 2024, 95 died"; but not
    // "X first reported deaths in 2022, when it counted 17 by June": a clause of its own).
    let opens_sentence = |d: &Mention| doc.slice(sentence_start, d.start).split_whitespace().count() <= OPENING_WORDS;
    let dates_it = |d: &Mention| {
        (d.start >= a && d.end <= b)
            || (d.end <= m.start && d.sentence == m.sentence && doc.clause_span(d.sentence, d.start, d.end).0 == sentence_start && opens_sentence(d))
    };
    mentions.iter().filter(|d| matches!(d.kind, "date" | "year") && !d.is_statement && dates_it(d)).any(|d| {
        let from = a.min(d.start).max(sentence_start);
        let before = format!(" {} ", doc.slice(from, d.start).to_lowercase().split_whitespace().collect::<Vec<_>>().join(" "));
        opened(d) && !since.iter().any(|w| before.contains(&format!(" {w} ")))
    })
}

#[cfg(test)]
mod tests {
    use super::{before_next_figures_words, first_governing_word};

    #[test]
    fn words_tied_to_the_next_figure_are_not_the_first_figures() {
        // "93,000 inmates in a system built for 64,000": `system built for` leads to 64,000.
        let gap = " inmates in a system built for ";
        assert_eq!(&gap[..before_next_figures_words(gap)], " inmates in a ");
        // The first word stays the figure's own noun.
        assert_eq!(before_next_figures_words(" inmates out of "), " inmates ".chars().count());
        // No preposition before the next figure: the whole gap is the first figure's.
        assert_eq!(before_next_figures_words(" detenidos y "), " detenidos y ".chars().count());
    }

    #[test]
    fn the_governing_verb_takes_its_auxiliaries_not_its_subject() {
        let aux: Vec<String> = ["han", "fueron", "se"].iter().map(|w| w.to_string()).collect();
        let from = |left: &str| {
            let words: Vec<&str> = left.split_whitespace().collect();
            words[first_governing_word(&words, &aux)..].join(" ")
        };
        assert_eq!(from("en las cárceles han muerto"), "han muerto");
        assert_eq!(from("en total fueron liberadas"), "fueron liberadas");
        assert_eq!(from("el año pasado se registraron"), "se registraron");
        // A noun before the verb is its subject ("Centros Penales reporta 111.300 reos").
        assert_eq!(from("centros penales reporta"), "reporta");
        // A comma ends another phrase ("Tras la masacre, 300 reos").
        assert_eq!(from("tras la masacre,"), "");
    }
}
