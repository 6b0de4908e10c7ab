//! Named people a figure describes: "Ana Pérez, 39," or "Ana Pérez: a 39-year-old nurse".
//!
//! A person's attributes (age, ...) are quantities of one person, not of the world at large,
//! so the catalog cannot list them in advance. Instead it lists attribute templates
//! (`[[person_attribute]]` in schemas/measures.toml) and the measure id is built from the
//! attribute and the person's name: `age_ana_perez`. Two articles giving the same person's age
//! then share an id, which is what the cross-source table needs.

use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet};

use crate::extract::text::{Doc, TokKind, Token};
use crate::extract::{Lexicon, Mention};

/// Longest name read, in words ("Juan José Ibáñez García" has four).
const MAX_NAME_WORDS: usize = 5;

/// Reads the names of one article. The indexes it needs are built on first use, once per
/// article, so an article without a named figure pays nothing and a long one stays linear.
pub struct NameReader<'a> {
    doc: &'a Doc,
    lexicon: &'a Lexicon,
    lower_case_words: OnceCell<BTreeSet<&'a str>>,
    capitalised_at: OnceCell<BTreeMap<&'a str, Vec<usize>>>,
}

impl<'a> NameReader<'a> {
    pub fn new(doc: &'a Doc, lexicon: &'a Lexicon) -> NameReader<'a> {
        NameReader { doc, lexicon, lower_case_words: OnceCell::new(), capitalised_at: OnceCell::new() }
    }

    /// The person a figure is attached to by apposition, as a snake_case ASCII slug: the
    /// capitalised name right before the figure, separated from it by a comma or colon and at
    /// most an indefinite article or an age word ("Ortiz, 39,", "Ana Pérez: A 39-year-old",
    /// "dice Marta, de 39 años"). A surname alone becomes the full name it continues when the article named the
    /// person in full earlier ("Lena Ortiz ... Ortiz, 39" -> lena_ortiz).
    pub fn person_before(&self, m: &Mention) -> Option<String> {
        let toks = &self.doc.tokens;
        let first = toks.partition_point(|t| t.start < m.start);
        let mut j = first.checked_sub(1)?;
        // "a 39-year-old", "de 39 años", "aged 39": at most two such words between.
        for _ in 0..2 {
            let t = &toks[j];
            if t.is_word() && (self.lexicon.one_articles.contains(&t.lower) || self.lexicon.age_before.contains(&t.lower)) {
                j = j.checked_sub(1)?;
            }
        }
        if !(toks[j].kind == TokKind::Punct && matches!(self.doc.chars[toks[j].start], ',' | ':')) {
            return None;
        }
        let name = self.name_ending_at(j.checked_sub(1)?)?;
        let full = if name.len() == 1 { self.full_name_before(name[0]) } else { None };
        let words: Vec<&Token> = full.unwrap_or(name).into_iter().map(|i| &toks[i]).collect();
        Some(slug(&words))
    }

    /// Token indices of the name that ends at token `last`, in reading order: capitalised
    /// words of one sentence, with lower-case particles ("de", "del") between them. A
    /// sentence's first word is dropped when it is an ordinary word: listed in the lexicon's
    /// `not_name_words`, or written in lower case elsewhere in the article ("When", "Then").
    fn name_ending_at(&self, last: usize) -> Option<Vec<usize>> {
        let toks = &self.doc.tokens;
        let is_name_word =
            |t: &Token| t.is_word() && t.upper_first && !(t.all_upper && t.lower.chars().count() > 1) && !self.lexicon.months.contains_key(&t.lower);
        if !is_name_word(&toks[last]) {
            return None;
        }
        let mut words = vec![last];
        let mut i = last;
        while words.len() < MAX_NAME_WORDS && i > 0 && toks[i].space_before {
            let prev = &toks[i - 1];
            if prev.sentence != toks[last].sentence {
                break;
            }
            if is_name_word(prev) {
                words.push(i - 1);
                i -= 1;
            } else if let Some(k) = self.particles_then_name_word(i - 1, &is_name_word) {
                words.extend((k..i).rev());
                i = k;
            } else {
                break;
            }
        }
        words.reverse();
        let opens_sentence = |k: usize| k == 0 || toks[k - 1].sentence != toks[k].sentence || is_opening_punct(self.doc, &toks[k - 1]);
        let ordinary = |w: &str| self.lexicon.not_name_words.iter().any(|x| x == w) || self.lower_case_words().contains(w);
        if opens_sentence(words[0]) && ordinary(toks[words[0]].lower.as_str()) {
            words.remove(0);
        }
        // "President Nayib Bukele": a title is no part of the name.
        while words.len() > 1 && self.lexicon.name_titles.contains(&toks[words[0]].lower) {
            words.remove(0);
        }
        // A particle cannot open a name once the word before it is gone.
        while words.first().is_some_and(|&k| !toks[k].upper_first) {
            words.remove(0);
        }
        (!words.is_empty()).then_some(words)
    }

    /// "José de la Cruz": from the particle at token `p` back over at most two particles
    /// ("la", "de") to a name word of the same sentence; the index of that word.
    fn particles_then_name_word(&self, p: usize, is_name_word: &dyn Fn(&Token) -> bool) -> Option<usize> {
        let toks = &self.doc.tokens;
        let mut k = p;
        for _ in 0..2 {
            let t = &toks[k];
            if !(t.is_word() && !t.upper_first && t.space_before && self.lexicon.name_particles.contains(&t.lower)) || k == 0 {
                return None;
            }
            k -= 1;
            if is_name_word(&toks[k]) && toks[k].sentence == toks[p].sentence {
                return Some(k);
            }
        }
        None
    }

    /// The nearest full name (two words or more) before token `surname` that ends with the
    /// same word.
    fn full_name_before(&self, surname: usize) -> Option<Vec<usize>> {
        let toks = &self.doc.tokens;
        let at = self.capitalised_at().get(toks[surname].lower.as_str())?;
        let earlier = &at[..at.partition_point(|&k| k < surname)];
        earlier.iter().rev().filter_map(|&k| self.name_ending_at(k)).find(|name| name.len() >= 2)
    }

    /// Words the article writes in lower case somewhere: a capitalised one of these opening a
    /// sentence is an ordinary word, not a name.
    fn lower_case_words(&self) -> &BTreeSet<&'a str> {
        self.lower_case_words.get_or_init(|| self.doc.tokens.iter().filter(|t| t.is_word() && !t.upper_first).map(|t| t.lower.as_str()).collect())
    }

    /// Where each capitalised word occurs, in token order.
    fn capitalised_at(&self) -> &BTreeMap<&'a str, Vec<usize>> {
        self.capitalised_at.get_or_init(|| {
            let mut at: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
            for (k, t) in self.doc.tokens.iter().enumerate().filter(|(_, t)| t.is_word() && t.upper_first) {
                at.entry(t.lower.as_str()).or_default().push(k);
            }
            at
        })
    }
}

/// Quotes, dashes and bullets that can open a sentence's first word.
fn is_opening_punct(doc: &Doc, t: &Token) -> bool {
    t.kind == TokKind::Punct && matches!(doc.chars[t.start], '"' | '“' | '«' | '‘' | '\'' | '-' | '–' | '—' | '*' | '(' | '[')
}

/// ASCII snake_case of a name: diacritics folded, one underscore between words.
fn slug(words: &[&Token]) -> String {
    let mut out = String::new();
    for w in words {
        for c in w.lower.chars().map(fold_diacritic) {
            if c.is_ascii_alphanumeric() {
                out.push(c);
            } else if !out.ends_with('_') && !out.is_empty() {
                out.push('_');
            }
        }
        if !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_string()
}

/// The base letter of a Latin letter with a diacritic (names in these articles are Spanish
/// and English; other letters pass through and are dropped by [`slug`] if not ASCII).
fn fold_diacritic(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tok(lower: &str) -> Token {
        Token { start: 0, end: 0, kind: TokKind::Word, lower: lower.into(), upper_first: true, all_upper: false, space_before: true, sentence: 0 }
    }

    #[test]
    fn slugs_fold_diacritics_and_join_words() {
        let words = [tok("juan"), tok("josé"), tok("ibáñez"), tok("garcía")];
        assert_eq!(slug(&words.iter().collect::<Vec<_>>()), "juan_jose_ibanez_garcia");
        let words = [tok("o'brien")];
        assert_eq!(slug(&words.iter().collect::<Vec<_>>()), "o_brien");
    }
}
