//! The figure a reading is about: statement `i` of its document, with the catalog, the
//! lexicon of its language and what its article's story is about. Every reading of a statement
//! takes one.

use crate::extract::text::Doc;
use crate::extract::{Lexicon, Mention};

use crate::transform::frames::ArticleSubjects;

use super::catalog::{ByLanguage, Catalog};
use super::{has_phrase, lower_padded};

/// What an article's story is about, read once for all its statements (a statement may name
/// its subject only elsewhere in the article: the first sentence often states a figure before
/// naming what it is about).
pub(super) struct Story {
    /// The subjects the article names anywhere.
    pub(super) subjects: ArticleSubjects,
    /// The article names another prison than its subject, so a stand-in ("the prison") may
    /// mean either.
    pub(super) other_prison: bool,
}

impl Story {
    /// Read the story of `doc`'s text after its front matter.
    pub(super) fn read(doc: &Doc, catalog: &Catalog, language: &str) -> Story {
        let text = lower_padded(doc.slice(doc.front_matter_end, doc.chars.len()));
        let other_prisons = catalog.other_prisons.get(language).map_or(&[][..], |w| w.as_slice());
        Story { subjects: catalog.frames.article_subjects(language, &text), other_prison: other_prisons.iter().any(|w| has_phrase(&text, w)) }
    }
}

pub(super) struct Figure<'a> {
    pub(super) doc: &'a Doc,
    pub(super) mentions: &'a [Mention],
    pub(super) i: usize,
    pub(super) catalog: &'a Catalog,
    pub(super) lexicon: &'a Lexicon,
    pub(super) story: &'a Story,
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
