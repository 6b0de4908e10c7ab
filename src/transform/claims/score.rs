//! The word scores: how well each catalog entry's context words and cues, found next to a figure,
//! in its sentence or in the sentence before, fit a statement, and how two scores rank.

use super::catalog::Measure;
use super::phrase_index::{Hits, PhraseIndex};
use super::lower_padded;
use crate::extract::text::Doc;
use crate::extract::Mention;

/// The phrases found where a measure is scored: the words nearest the figure (its clause, cut
/// at the neighbouring mentions), its sentence, and the sentence before.
pub(super) struct Context<'a> {
    /// The figure's own words: its noun phrase and governing verb (see [`own_phrase::own_words`](crate::transform::own_phrase::own_words)).
    pub(super) own: Hits,
    pub(super) near: Hits,
    /// The figure's whole clause, not cut at the neighbouring figures.
    pub(super) clause: Hits,
    pub(super) sentence: &'a Hits,
    pub(super) previous: &'a Hits,
    /// The sentence opens with a pronoun (`anaphora` of the catalog: "It was first introduced
    /// in late March"): its subject is the sentence before's.
    pub(super) anaphoric: bool,
}

impl Context<'_> {
    /// Where phrase `id` is found, nearest first: `own`, `near`, `sentence` or `before`.
    fn level_of(&self, id: usize) -> Option<&'static str> {
        if self.own.has(id) {
            Some("own")
        } else if self.near.has(id) {
            Some("near")
        } else if self.sentence.has(id) {
            Some("sentence")
        } else if self.previous.has(id) {
            Some("before")
        } else {
            None
        }
    }
}

/// Most that cues found only in the sentence before add to a measure's score (two cues).
const MAX_FROM_PREVIOUS: f64 = 0.3;

/// How well entry `k` of the catalog fits a statement: the points its words score next to the
/// figure (its clause) and farther away (its sentence, the sentence before), and the words.
pub(super) struct Score {
    /// Points of the words in the figure's own noun phrase; they rank before all others.
    own: f64,
    near: f64,
    farther: f64,
    /// The entry's words found, with where: `near`, `sentence` or `before`.
    evidence: Vec<(&'static str, usize)>,
}

impl Score {
    /// The points of an entry's context words: next to the figure, elsewhere in its sentence,
    /// or only in the sentence before.
    fn of_context(near: bool, in_sentence: bool, anaphoric: bool) -> Score {
        match (near, in_sentence) {
            (true, _) => Score { own: 0.0, near: 1.0, farther: 0.0, evidence: Vec::new() },
            (false, true) => Score { own: 0.0, near: 0.0, farther: 0.3, evidence: Vec::new() },
            // A pronoun opening the sentence makes the sentence before's subject its own.
            _ if anaphoric => Score { own: 0.0, near: 0.0, farther: 0.3, evidence: Vec::new() },
            _ => Score { own: 0.0, near: 0.0, farther: 0.2, evidence: Vec::new() },
        }
    }

    /// Are some of the entry's words among the figure's own words (its noun phrase and verb)?
    pub(super) fn in_own_words(&self) -> bool {
        self.own > 0.0
    }

    pub(super) fn total(&self) -> f64 {
        self.near + self.farther
    }

    /// Does this score beat `other`? With `nearest_first`, the words next to the figure decide
    /// and farther words only break a tie ("CECOT, built for 36,000, holds 17,000": each
    /// figure's own noun and verb); otherwise all points add up.
    pub(super) fn cmp(&self, other: &Score, nearest_first: bool) -> std::cmp::Ordering {
        if self.decided_by_own_words(other) {
            return self.own.total_cmp(&other.own);
        }
        if nearest_first {
            self.near.total_cmp(&other.near).then(self.farther.total_cmp(&other.farther))
        } else {
            self.total().total_cmp(&other.total())
        }
    }

    /// Does the figure's own phrase decide between the two? Only when it names what one entry
    /// counts and the other entry finds no word of its own next to the figure: a word of the
    /// figure's own phrase does not outvote another entry's words in the same clause.
    fn decided_by_own_words(&self, other: &Score) -> bool {
        (self.own > 0.0 && other.near == 0.0) || (other.own > 0.0 && self.near == 0.0)
    }

    /// The evidence as text: `near: capacity, cecot; sentence: prison`.
    pub(super) fn describe(&self, index: &PhraseIndex) -> String {
        let mut parts = Vec::new();
        for level in ["own", "near", "sentence", "before"] {
            let mut words: Vec<&str> = self.evidence.iter().filter(|(l, _)| *l == level).map(|(_, id)| index.texts[*id].as_str()).collect();
            words.sort_unstable();
            words.dedup();
            if !words.is_empty() {
                parts.push(format!("{level}: {}", words.join(", ")));
            }
        }
        parts.join("; ")
    }
}

/// Score of entry `k` of the catalog for a statement, or None when it cannot apply. A context
/// word near the figure gives one point (0.3 elsewhere in the sentence, 0.2 in the sentence
/// before); each cue near it one more (0.25 elsewhere in the sentence, 0.15 in the sentence
/// before, at most [`MAX_FROM_PREVIOUS`] from there); without any cue the entry does not apply.
pub(super) fn score(m: &Measure, k: usize, index: &PhraseIndex, mention: &Mention, unit: Option<&str>, cx: &Context) -> Option<Score> {
    if !m.fit().accepts(mention.kind, unit) {
        return None;
    }
    if cx.near.any(&index.exclude[k]) {
        return None;
    }
    let context = &index.context[k];
    let near = cx.near.any(context);
    let in_sentence = near || cx.sentence.any(context);
    // A date claims something only with its subject in its own sentence ("CECOT opened in
    // 2023"); a figure may take it from the sentence before.
    let date = m.unit == "date";
    if !in_sentence && ((date && !cx.anaphoric) || !cx.previous.any(context)) {
        return None;
    }
    let mut evidence: Vec<(&'static str, usize)> = context.iter().filter_map(|&c| cx.level_of(c).map(|l| (l, c))).collect();
    let mut score = Score::of_context(near, in_sentence, cx.anaphoric);
    // The context words name what an entry counts (arrested, released, capacity): one in the
    // figure's own phrase outranks every word farther away.
    score.own = context.iter().filter(|&&c| cx.own.has(c)).count().min(1) as f64;
    let mut from_previous = 0.0;
    let mut cues = 0;
    let mut near_cues = 0;
    for &c in &index.cues[k] {
        match cx.level_of(c) {
            // A cue names the subject or the setting, not what the figure counts: it ranks with
            // the clause's words even in the figure's own phrase.
            Some("own" | "near") => {
                score.near += 1.0;
                near_cues += 1
            }
            Some("sentence") => score.farther += 0.25,
            Some(_) => from_previous += 0.15,
            None => continue,
        }
        cues += 1;
        evidence.push((cx.level_of(c).unwrap_or("before"), c));
    }
    // The sentence before only confirms: many of its words cannot outweigh the figure's own
    // sentence.
    score.farther += f64::min(from_previous, MAX_FROM_PREVIOUS);
    // Without any of its words next to the figure, an entry only describes the sentence the
    // figure sits in, not the figure ("hay 2,300 menores ... capturados en el régimen").
    // A date is the claim only with its verb next to it ("declared on March 27"): a cue
    // elsewhere in the sentence is another clause's ("was last updated on 3 October").
    // `near_required`: what the figure counts is read next to it: a context word in its clause,
    // or a cue among its own words (a cue elsewhere in the clause names a neighbour's setting).
    let counted_here = near || cx.clause.any(context) || cx.own.any(&index.cues[k]);
    if cues == 0 || (date && near_cues == 0) || (m.near_required && !date && !counted_here) {
        return None;
    }
    score.evidence = evidence;
    Some(score)
}

/// The phrases of each sentence, found once: mentions come in reading order, so the last two
/// sentences asked for are all that is kept.
pub(super) struct SentenceHits<'a> {
    pub(super) doc: &'a Doc,
    pub(super) index: &'a PhraseIndex,
    pub(super) kept: Vec<(usize, Hits)>,
}

impl SentenceHits<'_> {
    pub(super) fn of(&mut self, sentence: usize) -> Hits {
        if let Some((_, h)) = self.kept.iter().find(|(s, _)| *s == sentence) {
            return h.clone();
        }
        let hits = self.index.hits(&lower_padded(self.doc.sentence_text(sentence)));
        if self.kept.len() >= 2 {
            self.kept.remove(0);
        }
        self.kept.push((sentence, hits.clone()));
        hits
    }
}
