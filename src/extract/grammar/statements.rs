//! Turning a candidate into a mention, and whether it states a figure: not in boilerplate about
//! the publication, metadata lines, bounds that define a group, "two weeks ago", an indefinite "one".

use super::{Cand, Grammar};
use crate::extract::text::{Doc, Token};
use crate::extract::Mention;

impl<'a> Grammar<'a> {
    /// The mention of a candidate; `boilerplate` says whether its sentence is about the
    /// publication itself ([`Grammar::is_boilerplate`]).
    pub(super) fn finish(&self, doc: &Doc, mut c: Cand, boilerplate: bool) -> Mention {
        let toks = &doc.tokens;
        let start = toks[c.a].start;
        let end = toks[c.b - 1].end;
        if start < doc.front_matter_end && is_metadata_line(doc, start) {
            c.is_statement = false; // "published: 2025-07-23"; a description line is content
        }
        if matches!(c.kind, "identifier" | "ordinal" | "date" | "year") {
            c.is_statement = false;
        }
        if boilerplate || self.defines_group(toks, &c) || self.is_indefinite_one(toks, &c) || self.is_time_ago(toks, &c) {
            c.is_statement = false;
        }
        Mention {
            start,
            end,
            surface: doc.slice(start, end),
            kind: c.kind,
            value: c.value,
            low: c.low,
            high: c.high,
            date_range: c.date_range,
            qualifier: c.qualifier,
            unit: c.unit,
            is_statement: c.is_statement,
            measure: None,
            measure_evidence: None,
            as_of: None,
            sentence: toks[c.a].sentence,
        }
    }

    /// Text about the publication itself: "100% reader-funded", "3 min read", "Join 9,000 subscribers".
    pub(super) fn is_boilerplate(&self, toks: &[Token], a: usize) -> bool {
        let words = self.sentence_slice(toks, toks[a].sentence);
        (0..words.len()).any(|k| self.boilerplate.match_at(words, k).is_some())
    }

    /// A bound that defines the group counted: "menores de 18 años", "29 were over 60",
    /// "penales con más del 200 % de ocupación".
    fn defines_group(&self, toks: &[Token], c: &Cand) -> bool {
        let bounded = matches!(c.qualifier, "more_than" | "less_than");
        // "menores de 18 años", "entre 18 y 30 años": a bound, or a bracket of ages opened by
        // "between" ("aged 18 to 81" describes the people counted, and is a statement).
        let bracket = c.qualifier == "range" && self.lex.range_open.contains(&toks[c.a].lower);
        if c.kind == "age" && (bounded || bracket) {
            return true;
        }
        // "penales con más del 200 % de ocupación", "prisons with more than 200%": the bound
        // defines a group (a counted noun, plural) counted elsewhere; "un brote de tuberculosis
        // con más de mil casos" states a count.
        let definer = c.a > 0 && self.lex.group_definers.contains(&toks[c.a - 1].lower);
        let group = c.a > 1
            && self.lex.noun_units.contains_key(&toks[c.a - 2].lower)
            && self.lex.plural_suffixes.iter().any(|s| toks[c.a - 2].lower.ends_with(s.as_str()));
        bounded && definer && group
    }

    /// "two weeks ago", "hace dos semanas": a duration that places an event in time, not a
    /// quantity. After a word of `since_words` it is how long a state has lasted ("vigente desde
    /// hace 30 meses"): a quantity.
    fn is_time_ago(&self, toks: &[Token], c: &Cand) -> bool {
        let sentence = toks[c.a].sentence;
        let since = c.a > 1 && toks[c.a - 2].sentence == sentence && self.lex.since_words.contains(&toks[c.a - 2].lower);
        let before = c.a > 0 && toks[c.a - 1].sentence == sentence && self.lex.ago_before.contains(&toks[c.a - 1].lower) && !since;
        let after = toks.get(c.b).is_some_and(|t| t.sentence == sentence && self.lex.ago_after.contains(&t.lower));
        c.kind == "duration" && (before || after)
    }

    /// Indefinite or partitive "one": "one of the inmates", "One man", "one respondent".
    fn is_indefinite_one(&self, toks: &[Token], c: &Cand) -> bool {
        if c.value.as_deref() != Some("1") || c.qualifier != "exact" || !toks[c.a].is_word() || c.kind != "count" {
            return false;
        }
        let next = toks.get(c.a + 1);
        let partitive = next.is_some_and(|n| n.is("of") || n.is("de"));
        // A lone "one" with no counted noun is a pronoun ("they drew blood from one").
        partitive || c.unit.as_deref() == Some("persons") || c.unit.is_none()
    }
}

/// Front-matter keys whose values describe the publication, not the world.
const METADATA_KEYS: &[&str] = &["published", "created", "date", "updated", "modified", "source", "url", "author", "tags", "id", "lang", "language"];

/// Is the front-matter line holding `offset` a metadata field (not free text such as a description)?
fn is_metadata_line(doc: &Doc, offset: usize) -> bool {
    let line_start = doc.chars[..offset].iter().rposition(|c| *c == '\n').map_or(0, |p| p + 1);
    let line: String = doc.chars[line_start..offset].iter().collect();
    match line.split_once(':') {
        Some((key, _)) => METADATA_KEYS.contains(&key.trim().to_lowercase().as_str()),
        None => true, // list items under `author:` or `tags:`
    }
}
