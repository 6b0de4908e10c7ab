//! Word lookups cheap enough to ask at every token. A token's lower-cased text carries its
//! hash, computed once when the text is tokenised; every word table of the lexicon keeps a
//! small bit filter of its keys' hashes, so asking a table about a word it does not hold (the
//! common case: most words of an article are in no table) costs one bit test, not a hash of
//! the word and a probe. A set bit only says "maybe": the table's own map answers then, so the
//! filter changes the speed of a lookup, never its answer.

use std::fmt;
use std::hash::Hasher as _;
use std::sync::{Mutex, OnceLock};

use rustc_hash::FxHashMap;

/// The hash the filters are built with.
pub fn word_hash(word: &str) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(word.as_bytes());
    hasher.finish()
}

/// The lower-cased text of a token: a handle (8 bytes, `Copy`) to the one interned copy of
/// that text and its [`word_hash`]. A token is small and costs no allocation, and two handles
/// are equal exactly when they point to the same copy.
///
/// The copies live for the whole process, shared by every thread: their number grows with the
/// vocabulary read (distinct lower-cased words and numbers), not with the text.
#[derive(Clone, Copy)]
pub struct Lower(&'static Interned);

/// One interned text with its hash.
struct Interned {
    text: &'static str,
    hash: u64,
}

/// Every text interned so far.
fn interned() -> &'static Mutex<FxHashMap<&'static str, &'static Interned>> {
    static INTERNED: OnceLock<Mutex<FxHashMap<&'static str, &'static Interned>>> = OnceLock::new();
    INTERNED.get_or_init(Default::default)
}

impl Lower {
    /// The handle of `text`, interning it the first time it is seen.
    pub fn new(text: &str) -> Lower {
        // A panic elsewhere while the lock was held leaves the map whole: use it still.
        let mut map = interned().lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(known) = map.get(text) {
            return Lower(known);
        }
        let text: &'static str = Box::leak(text.into());
        let entry: &'static Interned = Box::leak(Box::new(Interned { text, hash: word_hash(text) }));
        map.insert(text, entry);
        Lower(entry)
    }

    #[inline]
    pub fn as_str(&self) -> &'static str {
        self.0.text
    }

    #[inline]
    fn hash(&self) -> u64 {
        self.0.hash
    }
}

impl Default for Lower {
    fn default() -> Lower {
        Lower::new("")
    }
}

impl PartialEq for Lower {
    #[inline]
    fn eq(&self, other: &Lower) -> bool {
        // One interned copy per text: the same text is the same address.
        std::ptr::eq(self.0, other.0)
    }
}

impl Eq for Lower {}

impl PartialOrd for Lower {
    fn partial_cmp(&self, other: &Lower) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Lower {
    fn cmp(&self, other: &Lower) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl std::ops::Deref for Lower {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        self.0.text
    }
}

impl From<&str> for Lower {
    fn from(text: &str) -> Lower {
        Lower::new(text)
    }
}

impl fmt::Debug for Lower {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Lower {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<str> for Lower {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Lower {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Lower {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<Lower> for String {
    fn eq(&self, other: &Lower) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<Lower> for str {
    fn eq(&self, other: &Lower) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Lower> for &str {
    fn eq(&self, other: &Lower) -> bool {
        *self == other.as_str()
    }
}

/// What a word table can be asked with: any text, and a token's text with its hash.
pub trait Key {
    fn text(&self) -> &str;
    /// The [`word_hash`] of the text when it is known without hashing.
    fn known_hash(&self) -> Option<u64> {
        None
    }
}

impl Key for str {
    fn text(&self) -> &str {
        self
    }
}

impl Key for String {
    fn text(&self) -> &str {
        self
    }
}

impl Key for Lower {
    #[inline]
    fn text(&self) -> &str {
        self.as_str()
    }
    #[inline]
    fn known_hash(&self) -> Option<u64> {
        Some(self.hash())
    }
}

impl<K: Key + ?Sized> Key for &K {
    fn text(&self) -> &str {
        (**self).text()
    }
    fn known_hash(&self) -> Option<u64> {
        (**self).known_hash()
    }
}

/// One bit per hash bucket of a table's keys: a clear bit proves the word is not a key.
#[derive(Debug, Clone)]
pub struct Filter {
    bits: Vec<u64>,
    /// log2 of the number of bits.
    shift: u32,
}

/// Bits per key: with 16, about one word in 16 outside the table passes the filter.
const BITS_PER_KEY: usize = 16;

/// The filter of an empty table: it passes no token.
impl Default for Filter {
    fn default() -> Filter {
        Filter::new([])
    }
}

impl Filter {
    pub fn new<'a>(keys: impl IntoIterator<Item = &'a str>) -> Filter {
        let hashes: Vec<u64> = keys.into_iter().map(word_hash).collect();
        let n_bits = (hashes.len() * BITS_PER_KEY).next_power_of_two().max(64);
        let mut filter = Filter { bits: vec![0; n_bits / 64], shift: n_bits.trailing_zeros() };
        for h in hashes {
            let b = filter.bit(h);
            filter.bits[b / 64] |= 1 << (b % 64);
        }
        filter
    }

    #[inline]
    fn bit(&self, hash: u64) -> usize {
        // The top bits of a multiplicative mix: FxHash's low bits vary little across short words.
        (hash.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - self.shift)) as usize
    }

    /// May `key` be one of the keys? `false` is certain; `true` means "ask the table". A key
    /// without a known hash always passes (hashing it here would cost what the filter saves).
    #[inline]
    pub fn may_contain<K: Key + ?Sized>(&self, key: &K) -> bool {
        match key.known_hash() {
            Some(h) if !self.bits.is_empty() => {
                let b = self.bit(h);
                self.bits[b / 64] & (1 << (b % 64)) != 0
            }
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_filter_never_rejects_a_key() {
        let keys = ["more than", "about", "casi", "más de", "thousand", "-", "%"];
        let filter = Filter::new(keys);
        for k in keys {
            assert!(filter.may_contain(&Lower::from(k)), "{k}");
            assert!(filter.may_contain(k), "{k}");
        }
        let empty = Filter::default();
        assert!(empty.may_contain("anything") && !empty.may_contain(&Lower::from("anything")));
        let passed = ["prison", "inmates", "government", "were", "said", "cell"].iter().filter(|w| filter.may_contain(&Lower::from(**w))).count();
        assert!(passed <= 2, "{passed} of 6 words outside the table passed");
    }

    #[test]
    #[allow(clippy::cmp_owned)] // comparing with an owned String is what is tested
    fn lower_compares_as_its_text() {
        let l = Lower::from("año");
        assert!(l == "año" && l == *"año" && l == "año".to_string() && "año".to_string() == l);
        assert_eq!(format!("{l}-{l:?}"), "año-\"año\"");
        assert_eq!(l.len(), 4);
    }
}
