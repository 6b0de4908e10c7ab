//! The figure a reading is about: statement `i` of its document, with the catalog and the
//! lexicon of its language. Every reading of a statement takes one.

use crate::extract::text::Doc;
use crate::extract::{Lexicon, Mention};

use super::catalog::{ByLanguage, Catalog};

pub(super) struct Figure<'a> {
    pub(super) doc: &'a Doc,
    pub(super) mentions: &'a [Mention],
    pub(super) i: usize,
    pub(super) catalog: &'a Catalog,
    pub(super) lexicon: &'a Lexicon,
}

impl<'a> Figure<'a> {
    /// The figure's own mention.
    pub(super) fn m(&self) -> &'a Mention {
        &self.mentions[self.i]
    }

    /// The language of its article (a key of the catalog's word lists).
    pub(super) fn language(&self) -> &'a String {
        &self.lexicon.language
    }

    /// A word list of the catalog in the figure's language (empty when it has none).
    pub(super) fn words(&self, list: &ByLanguage) -> Vec<String> {
        list.get(self.language()).cloned().unwrap_or_default()
    }

    /// Is the figure a date or a year (which may be a claim itself)?
    pub(super) fn is_date(&self) -> bool {
        matches!(self.m().kind, "date" | "year")
    }
}
