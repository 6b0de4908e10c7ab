//! When a date is a claim itself ("CECOT opened in 2023"): the margin its date measure must clear,
//! and the dates that only open a span and claim nothing.

use super::figure::Figure;
use super::lower_padded;
use crate::extract::text::Doc;
use crate::extract::{Lexicon, Mention};
use crate::transform::as_of::is_name_year;

/// A date becomes a claim only when a date measure clears the catalog's minimum by this much:
/// a context word somewhere in the sentence and a cue (opened, began…) next to the date.
pub(super) const DATE_CLAIM_MARGIN: f64 = 0.25;

/// May figure `f`, a date or a year, be a claim itself: it has a value, stands in the article's
/// text (not its front matter), is no part of a name and opens no span?
pub(super) fn date_claim_candidate(f: &Figure) -> bool {
    let m = f.m();
    f.is_date()
        && m.value.is_some()
        && m.start >= f.doc.front_matter_end
        && !is_name_year(f.doc, m, f.lexicon)
        && !opens_a_span(f.doc, f.mentions, f.i, f.lexicon)
        && !f.catalog.dateline_labels.get(f.language()).is_some_and(|labels| is_dateline(f.doc, m, labels))
}

/// Does date `i` open a span the next date closes ("del 3 de mayo al 9 de junio", "from
/// May 2021 to June 2023")? Such a date dates the figures of its sentence; it claims
/// nothing itself. Between the two dates stand at most [`SPAN_GAP_WORDS`] words, the first a
/// word that joins a range (`day_range_join`, `range_join`, `change_to` of the lexicon).
pub(super) fn opens_a_span(doc: &Doc, mentions: &[Mention], i: usize, lexicon: &Lexicon) -> bool {
    let m = &mentions[i];
    let Some(next) = mentions[i + 1..].iter().find(|n| n.start >= m.end && !matches!(n.kind, "ordinal" | "identifier" | "other")) else { return false };
    if next.sentence != m.sentence || !matches!(next.kind, "date" | "year") {
        return false;
    }
    let gap = lower_padded(doc.slice(m.end, next.start));
    let words: Vec<&str> = gap.split_whitespace().collect();
    let joins = |w: &str| lexicon.day_range_join.contains(w) || lexicon.range_join.contains(w) || lexicon.change_to.contains(w);
    !words.is_empty() && words.len() <= SPAN_GAP_WORDS && joins(words[0])
}

/// Most words between two dates that make a span ("al día", "hasta el").
const SPAN_GAP_WORDS: usize = 3;

/// Does date `m` follow only a label of a page's metadata line at the text's start ("date
/// 2020-05-01 El Salvador ...")? It dates the page and claims nothing.
pub(super) fn is_dateline(doc: &Doc, m: &Mention, labels: &[String]) -> bool {
    let in_first_sentence = m.sentence == doc.sentences.iter().position(|&(_, e)| e > doc.front_matter_end).unwrap_or(0);
    if !in_first_sentence {
        return false;
    }
    let before = lower_padded(doc.slice(doc.front_matter_end, m.start));
    labels.iter().any(|l| l == before.trim())
}
