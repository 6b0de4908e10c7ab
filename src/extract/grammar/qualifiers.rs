//! The words that qualify a number: cues before it ("about", "more than"), negations that flip a
//! bound, "over" that means during, and the ends of ranges.

use super::{Cand, Grammar, ARTICLES};
use crate::extract::format_value;
use crate::extract::text::Token;

/// Qualifier cues that are also prepositions: before an indefinite article they govern a noun
/// phrase ("about a 21-year-old"), not a number.
const PREPOSITION_CUES: &[&str] = &["about", "around", "over", "under", "above", "below", "sobre", "bajo"];

/// Negations that flip a bound in the same clause ("ningún detenido puede pasar más de 72 horas").
/// How many words before a bound a negation may sit to flip it: "no más de 300", "there
/// were not more than 300", but not "have not seen my son for more than two years", where the
/// negation is the verb's ...
const NEGATION_WINDOW: usize = 3;

/// ... unless a modal verb between them makes it a limit: "ningún detenido puede pasar más de
/// 72 horas" (at most 72 hours); then the negation may sit this far back.
const NEGATION_REACH: usize = 8;

const NEGATIONS: &[&str] = &["no", "not", "never", "ningún", "ninguna", "ninguno", "nunca", "ni", "cannot", "nadie"];

/// How many tokens back the word opening a range may stand ("between the ages of 16").
const RANGE_OPENER_REACH: usize = 4;

impl<'a> Grammar<'a> {
    /// The far end of a range of percentages after the first one's sign at `k`: a connector
    /// ("to", "-", or "y"/"a" after an opener), a number and its own sign. (value, end token).
    pub(super) fn percent_range_end(&self, toks: &[Token], k: usize, opened: bool) -> Option<(f64, usize)> {
        let conn = toks.get(k).filter(|t| t.sentence == toks[k - 1].sentence)?;
        let hyphen = matches!(conn.lower.as_str(), "-" | "–" | "—");
        let joined =
            self.range_connectors.match_at(toks, k).is_some() || (opened && (self.lex.range_join.contains(&conn.lower) || conn.is("to") || conn.is("a")));
        if !joined || (hyphen && conn.space_before) {
            return None;
        }
        let high = self.core_at(toks, k + 1).filter(|h| !h.words && toks[k + 1].sentence == conn.sentence)?;
        let (n, _) = self.percent.match_at(toks, high.end)?;
        Some((high.value, high.end + n))
    }

    /// The word that opens a range before token `a`: right before it, or before a few words of
    /// a noun phrase ("between the ages of 16 and 35", "entre los 41 y 50 años").
    pub(super) fn range_opener(&self, toks: &[Token], a: usize) -> Option<usize> {
        let sentence = toks.get(a)?.sentence;
        let floor = self.floor.get();
        for k in (floor..a).rev().take(RANGE_OPENER_REACH) {
            let t = &toks[k];
            if t.sentence != sentence {
                return None;
            }
            if self.lex.range_open.contains(&t.lower) {
                return Some(k);
            }
            if !t.is_word() || self.lex.range_join.contains(&t.lower) {
                return None;
            }
        }
        None
    }

    /// Finish a candidate: apply the negation flip and statement defaults.
    pub(super) fn close(&self, toks: &[Token], mut c: Cand, value: f64) -> Cand {
        if c.qualifier == "vague" || c.qualifier == "range" {
            c.value = None;
        } else if c.value.is_some() {
            c.value = Some(format_value(value));
        }
        c.qualifier = self.negation_flip(toks, c.a, c.qualifier);
        c
    }

    pub(super) fn close_keep_value(&self, toks: &[Token], mut c: Cand) -> Cand {
        c.qualifier = self.negation_flip(toks, c.a, c.qualifier);
        c
    }

    /// "ningún detenido puede pasar más de 72 horas": a negation earlier in the clause turns
    /// "more than" into "at most" and "less than" into "at least".
    fn negation_flip(&self, toks: &[Token], a: usize, q: &'static str) -> &'static str {
        if !matches!(q, "more_than" | "less_than") {
            return q;
        }
        let sentence = toks[a].sentence;
        let mut k = a;
        let mut seen = 0;
        let mut modal = false;
        while k > 0 && seen < NEGATION_REACH {
            k -= 1;
            let w = &toks[k];
            if w.sentence != sentence || matches!(w.lower.as_str(), "," | ";" | ":" | "." | "pero" | "but") {
                break;
            }
            modal |= self.lex.modal_words.contains(&w.lower);
            if NEGATIONS.contains(&w.lower.as_str()) && (seen < NEGATION_WINDOW || modal) {
                return if q == "more_than" { "at_most" } else { "at_least" };
            }
            seen += 1;
        }
        q
    }

    /// Qualifier cue right before token `a` (an article may sit between): (new start, qualifier).
    pub(super) fn qualifier_before(&self, toks: &[Token], a: usize) -> (usize, Option<&'static str>) {
        let sentence = toks[a].sentence;
        let try_at = |end: usize| -> Option<(usize, &'static str)> {
            let (s, q) = self.qualifier_cues.match_before(toks, end)?;
            if toks[s].sentence != sentence || s < self.floor.get() {
                return None;
            }
            let q = crate::load::schema::QUALIFIERS.iter().copied().find(|x| *x == q)?;
            Some((s, q))
        };
        if let Some((s, q)) = try_at(a) {
            return (s, Some(self.during_or(toks, s, a, q)));
        }
        // "el 90 por ciento", "roughly a threefold increase"; but "about a 21-year-old" is the
        // preposition "about" before an indefinite article.
        let definite = a > 0 && ARTICLES.contains(&toks[a - 1].lower.as_str());
        let indefinite = a > 0 && self.lex.one_articles.contains(&toks[a - 1].lower);
        if definite || indefinite {
            let cue = try_at(a - 1).filter(|(s, _)| definite || !PREPOSITION_CUES.contains(&toks[*s].lower.as_str()));
            if let Some((s, q)) = cue {
                return (s, Some(self.during_or(toks, s, a, q)));
            }
            // "el 90 por ciento": keep the article in the span.
            if self.lex.article_in_span && toks[a - 1].sentence == sentence && ARTICLES.contains(&toks[a - 1].lower.as_str()) {
                return (a - 1, None);
            }
        }
        (a, None)
    }

    /// "Over 33 months of emergency rule", "Over the three years of": over = during, not a bound.
    fn during_or(&self, toks: &[Token], cue: usize, number: usize, q: &'static str) -> &'static str {
        if !toks[cue].is("over") {
            return q;
        }
        let Some(core) = self.core_at(toks, number) else { return q };
        // "a 35% increase over 2022": a year compared with, not a bound.
        if core.year_shaped && (1900.0..=2100.0).contains(&core.value) && self.unit_after(toks, core.end).is_none() {
            return "exact";
        }
        match self.durations.match_at(toks, core.end) {
            Some((n, _)) if toks.get(core.end + n).is_some_and(|x| x.is("of")) => "exact",
            _ => q,
        }
    }

    pub(super) fn sentence_has_change_verb(&self, toks: &[Token], before: usize) -> bool {
        let sentence = toks[before].sentence;
        toks[..before].iter().rev().take_while(|t| t.sentence == sentence).any(|t| self.lex.change_verbs.contains(&t.lower))
    }
}
