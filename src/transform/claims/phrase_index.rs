//! The catalog's phrases of one language in one automaton: a text is searched once for all of
//! them, and a statement's word scores read the hits as bits.

use std::collections::BTreeMap;

use aho_corasick::AhoCorasick;

use super::catalog::{ByLanguage, Measure};

/// The catalog's phrases of one language (context, cues, exclude of every entry), found in a
/// text in one pass: scoring a statement then costs one search per text, not one per phrase.
#[derive(Debug, Clone)]
pub(super) struct PhraseIndex {
    automaton: AhoCorasick,
    /// Phrase ids of each entry, in catalog order.
    pub(super) context: Vec<Vec<usize>>,
    pub(super) cues: Vec<Vec<usize>>,
    pub(super) exclude: Vec<Vec<usize>>,
    /// The phrases, by id (for the evidence of a measure).
    pub(super) texts: Vec<String>,
}

/// Which phrases of an index a text holds as whole words, one bit each.
#[derive(Debug, Clone, Default)]
pub(super) struct Hits(Vec<u64>);

impl Hits {
    pub(super) fn has(&self, id: usize) -> bool {
        self.0.get(id / 64).is_some_and(|w| w & (1 << (id % 64)) != 0)
    }
    pub(super) fn any(&self, ids: &[usize]) -> bool {
        ids.iter().any(|&id| self.has(id))
    }
    /// The hits of both texts.
    pub(super) fn union(&self, other: &Hits) -> Hits {
        let len = self.0.len().max(other.0.len());
        Hits((0..len).map(|k| self.0.get(k).copied().unwrap_or(0) | other.0.get(k).copied().unwrap_or(0)).collect())
    }
}

impl PhraseIndex {
    pub(super) fn build(measures: &[Measure], lang: &str) -> std::result::Result<PhraseIndex, String> {
        let mut ids: BTreeMap<&str, usize> = BTreeMap::new();
        let mut phrases: Vec<&str> = Vec::new();
        let mut lists = |pick: fn(&Measure) -> &ByLanguage| -> Vec<Vec<usize>> {
            measures
                .iter()
                .map(|m| {
                    pick(m)
                        .get(lang)
                        .map(|list| {
                            list.iter()
                                .map(|p| {
                                    *ids.entry(p.as_str()).or_insert_with(|| {
                                        phrases.push(p.as_str());
                                        phrases.len() - 1
                                    })
                                })
                                .collect()
                        })
                        .unwrap_or_default()
                })
                .collect()
        };
        let context = lists(|m| &m.context);
        let cues = lists(|m| &m.cues);
        let exclude = lists(|m| &m.exclude);
        let automaton = AhoCorasick::new(&phrases).map_err(|e| format!("cannot compile the {lang} phrases: {e}"))?;
        let texts = phrases.iter().map(|p| p.to_string()).collect();
        Ok(PhraseIndex { automaton, context, cues, exclude, texts })
    }

    /// The phrases `text` (lower-cased) holds as whole words: no letter or digit just before
    /// or after.
    pub(super) fn hits(&self, text: &str) -> Hits {
        let mut bits = vec![0u64; self.texts.len().div_ceil(64)];
        for m in self.automaton.find_overlapping_iter(text) {
            let before_ok = !text[..m.start()].chars().next_back().is_some_and(char::is_alphanumeric);
            let after_ok = !text[m.end()..].chars().next().is_some_and(char::is_alphanumeric);
            if before_ok && after_ok {
                let id = m.pattern().as_usize();
                bits[id / 64] |= 1 << (id % 64);
            }
        }
        Hits(bits)
    }
}
