//! Multi-word cue phrases ("more than", "por cada", "tens of thousands") matched against the
//! token stream, forwards from a token or backwards from one.

use rustc_hash::FxHashMap;

use super::lookup::{word_hash, Filter, Key, Lower};
use super::text::Token;

/// Split a phrase the way the tokenizer splits text: letter runs, digit runs, single marks.
pub fn phrase_tokens(phrase: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut cur_kind = 0u8; // 1 letters, 2 digits
    for c in phrase.to_lowercase().chars() {
        let kind = if c.is_alphabetic() {
            1
        } else if c.is_ascii_digit() {
            2
        } else {
            0
        };
        if (kind == 0 || kind != cur_kind) && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        if kind == 0 {
            if !c.is_whitespace() {
                out.push(c.to_string());
            }
        } else {
            cur.push(c);
        }
        cur_kind = kind;
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// A set of phrases, each with a payload.
///
/// The phrases are indexed by their first and by their last token, so a lookup at a token
/// costs one hash probe and a comparison with the few phrases that start (or end) with it,
/// not a scan of every phrase; and a bit filter over those tokens answers "no phrase here"
/// (most tokens) without the probe. The index is keyed by the token's [`word_hash`], which
/// the token carries: the probe hashes nothing, and the comparison that follows reads every
/// word of the phrase, so two words of one hash only share a list.
#[derive(Debug, Clone)]
pub struct PhraseSet<T> {
    /// Longest first, so the first hit is the longest match.
    items: Vec<(Vec<String>, T)>,
    /// The words of each item interned, in `items` order: a token is compared with a word by
    /// address, not byte by byte.
    interned: Vec<Vec<Lower>>,
    /// Indices into `items` by the hash of the first token, in `items` order.
    by_first: FxHashMap<u64, Vec<usize>>,
    /// Indices into `items` by the hash of the last token, in `items` order.
    by_last: FxHashMap<u64, Vec<usize>>,
    /// The first tokens' and the last tokens' hashes.
    first_filter: Filter,
    last_filter: Filter,
}

impl<T: Clone> PhraseSet<T> {
    pub fn new(pairs: impl IntoIterator<Item = (String, T)>) -> Self {
        let mut items: Vec<(Vec<String>, T)> = pairs.into_iter().map(|(p, t)| (phrase_tokens(&p), t)).filter(|(p, _)| !p.is_empty()).collect();
        // Longest first, so the first hit is the longest match.
        items.sort_by_key(|item| std::cmp::Reverse(item.0.len()));
        let (mut by_first, mut by_last) = (FxHashMap::default(), FxHashMap::default());
        for (i, (p, _)) in items.iter().enumerate() {
            by_first.entry(word_hash(&p[0])).or_insert_with(Vec::new).push(i);
            by_last.entry(word_hash(&p[p.len() - 1])).or_insert_with(Vec::new).push(i);
        }
        let first_filter = Filter::new(items.iter().map(|(p, _)| p[0].as_str()));
        let last_filter = Filter::new(items.iter().map(|(p, _)| p[p.len() - 1].as_str()));
        let interned = items.iter().map(|(p, _)| p.iter().map(|w| Lower::new(w)).collect()).collect();
        PhraseSet { items, interned, by_first, by_last, first_filter, last_filter }
    }

    pub fn of_list(list: &[String], payload: T) -> Self {
        Self::new(list.iter().map(|p| (p.clone(), payload.clone())))
    }

    /// Longest phrase starting at token `i`: (tokens matched, payload).
    #[inline]
    pub fn match_at(&self, toks: &[Token], i: usize) -> Option<(usize, T)> {
        let first = &toks.get(i)?.lower;
        if !self.first_filter.may_contain(first) {
            return None;
        }
        let starting = self.by_first.get(&first.known_hash().unwrap_or_else(|| word_hash(first)))?;
        let k = *starting.iter().find(|&&k| matches_forward(toks, i, &self.interned[k]))?;
        Some((self.interned[k].len(), self.items[k].1.clone()))
    }

    /// Longest phrase ending just before token `end`: (first token index, payload).
    #[inline]
    pub fn match_before(&self, toks: &[Token], end: usize) -> Option<(usize, T)> {
        let last = &toks.get(end.checked_sub(1)?)?.lower;
        if !self.last_filter.may_contain(last) {
            return None;
        }
        let ending = self.by_last.get(&last.known_hash().unwrap_or_else(|| word_hash(last)))?;
        let k = *ending.iter().find(|&&k| self.interned[k].len() <= end && matches_forward(toks, end - self.interned[k].len(), &self.interned[k]))?;
        Some((end - self.interned[k].len(), self.items[k].1.clone()))
    }

    /// The phrases, as token lists.
    #[allow(dead_code)] // part of the set's API, whether or not the grammar uses it today
    pub fn iter_items(&self) -> impl Iterator<Item = &Vec<String>> {
        self.items.iter().map(|(p, _)| p)
    }
}

/// Do the tokens from `i` spell `phrase`? Within a phrase, tokens after the first must not
/// cross a sentence boundary.
fn matches_forward(toks: &[Token], i: usize, phrase: &[Lower]) -> bool {
    if i + phrase.len() > toks.len() {
        return false;
    }
    let sentence = toks[i].sentence;
    phrase.iter().enumerate().all(|(k, w)| toks[i + k].lower == *w && toks[i + k].sentence == sentence)
}
