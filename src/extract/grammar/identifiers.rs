//! Numbers that name rather than count: identifiers ("MS-13", "Barrio 18", "COVID-19"), titles of
//! works ("60 Minutes") and list enumerators.

use super::{Cand, Core, Grammar};
use crate::extract::text::{Doc, Token};

/// Opening quote marks: a capitalised number word right after one starts a title.
const OPEN_QUOTES: &[&str] = &["\"", "“", "«", "‘"];

impl<'a> Grammar<'a> {
    /// "spoke to 60 Minutes", "el programa 60 Minutos": a number whose counted noun is
    /// capitalised in running text (the word before it lower-case) names a work or programme.
    pub(super) fn mark_title_of_work(&self, toks: &[Token], c: &mut Cand) {
        if c.kind != "duration" || c.a == 0 || c.b <= c.a + 1 {
            return;
        }
        let (first, noun, before) = (&toks[c.a], &toks[c.b - 1], &toks[c.a - 1]);
        let running_text = before.sentence == first.sentence && before.is_word() && !before.starts_upper();
        let capitalised_noun = noun.is_word() && noun.starts_upper() && noun.lower.chars().skip(1).any(|ch| ch.is_lowercase());
        if first.is_digits() && running_text && capitalised_noun {
            c.kind = "identifier";
            c.unit = None;
            c.is_statement = false;
        }
    }

    pub(super) fn is_list_enumerator(&self, doc: &Doc, toks: &[Token], i: usize) -> bool {
        let t = &toks[i];
        if t.lower.len() > 2 {
            return false;
        }
        let dot = match toks.get(i + 1) {
            Some(d) if d.is(".") && !d.space_before => d,
            _ => return false,
        };
        let followed_by_space = doc.chars.get(dot.end).is_some_and(|c| *c == ' ');
        let line_start = t.start == 0 || doc.chars[..t.start].iter().rev().take_while(|c| **c != '\n').all(|c| c.is_whitespace());
        let after_mark = i > 0 && matches!(toks[i - 1].lower.as_str(), ":" | ".");
        followed_by_space && (line_start || after_mark)
    }

    /// Where the name a number belongs to starts (the number's own token when the name is the
    /// number itself), or None when the number is no identifier. The span covers the name:
    /// "MS-13", "Barrio 18", "Module 8", "COVID-19", "MS302".
    pub(super) fn identifier_start(&self, toks: &[Token], i: usize, core: &Core) -> Option<usize> {
        let t = &toks[i];
        let prev = if i > 0 { Some(&toks[i - 1]) } else { None };
        // Citation markers "[12]".
        if t.is_digits() && prev.is_some_and(|p| p.is("[") && !t.space_before) && toks.get(core.end).is_some_and(|n| n.is("]")) {
            return Some(i);
        }
        // Codes such as "COVID-19" or "H-2": an all-capital word joined to the number by a dash.
        if t.is_digits() && i >= 2 && toks[i - 1].is("-") && !t.space_before && !toks[i - 1].space_before {
            let w = &toks[i - 2];
            if w.is_word() && w.lower.chars().count() >= 2 && w.all_upper {
                return Some(i - 2);
            }
        }
        // Digits glued to the letters of a name ("MS302", "Radio21"): part of the name. One
        // letter is a sign, not a name ("x14" is a multiplier).
        let name_before = |p: &Token| p.is_word() && p.lower.chars().count() >= 2 && p.lower.chars().all(char::is_alphabetic);
        if t.is_digits() && !t.space_before && prev.is_some_and(name_before) {
            return Some(i - 1);
        }
        // "a group said to number 1,234": the word of a name is a verb, and the number counts.
        let named = self.identifier_before.match_before(toks, i).filter(|_| self.identifier_verbs.match_before(toks, i).is_none());
        if let Some((s, _)) = named.filter(|(s, _)| toks[*s].sentence == t.sentence) {
            return (!toks[i].space_before || !prev.is_some_and(|p| p.is("-"))).then_some(s);
        }
        // "18th Street" handled with ordinals; capitalised number words inside names:
        // "the One Story to Read Today newsletter", "beca Tres Ríos", «Mil días de excepción».
        if core.words && t.starts_upper() {
            let sentence_start = i == 0 || toks[i - 1].sentence != t.sentence;
            let after_quote = prev.is_some_and(|p| OPEN_QUOTES.contains(&p.lower.as_str()));
            let next_upper = toks.get(core.end).is_some_and(|n| n.is_word() && n.starts_upper() && n.sentence == t.sentence);
            if next_upper && (!sentence_start || after_quote) {
                return Some(i);
            }
            // A quoted title in sentence case after a noun that names a work: la serie «Mil
            // días de excepción», the report "Ten years of ...".
            let titled = i >= 2 && toks[i - 2 - usize::from(toks[i - 2].is(",") && i >= 3)..i - 1].iter().any(|w| self.lex.title_nouns.contains(&w.lower));
            if after_quote && titled {
                return Some(i);
            }
        }
        None
    }
}
