//! The knowledge `add` reads articles with (schemas/add.toml): which front-matter keys and
//! page `<meta>` keys fill which manifest column, and what of a web page is chrome.

use std::collections::BTreeSet;
use std::path::Path;

use scraper::Selector;
use serde::Deserialize;

use crate::error::{Error, Result};

/// schemas/add.toml as shipped in the binary.
pub const EMBEDDED_ADD_RULES: &str = include_str!("../../schemas/add.toml");

/// The keys each manifest column is read from, first found wins.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldKeys {
    pub title: Vec<String>,
    pub url: Vec<String>,
    pub publisher: Vec<String>,
    pub author: Vec<String>,
    pub published: Vec<String>,
    #[serde(default)]
    pub retrieved: Vec<String>,
}

impl FieldKeys {
    /// Every (column, keys) pair, in manifest order.
    pub fn by_column(&self) -> [(&'static str, &[String]); 6] {
        [
            ("title", &self.title),
            ("url", &self.url),
            ("publisher", &self.publisher),
            ("author", &self.author),
            ("published", &self.published),
            ("retrieved", &self.retrieved),
        ]
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    front_matter: FieldKeys,
    page: PageFile,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PageFile {
    meta: FieldKeys,
    content: Vec<String>,
    drop_tags: Vec<String>,
    drop_roles: Vec<String>,
    drop_words: Vec<String>,
    keep_words: Vec<String>,
    block_tags: Vec<String>,
    max_link_share: f64,
}

/// How a web page is turned into article text.
#[derive(Debug, Clone)]
pub struct PageRules {
    pub meta: FieldKeys,
    /// Where the article is, tried in order.
    pub content: Vec<Selector>,
    pub drop_tags: BTreeSet<String>,
    pub drop_roles: BTreeSet<String>,
    pub drop_words: BTreeSet<String>,
    pub keep_words: BTreeSet<String>,
    pub block_tags: BTreeSet<String>,
    pub max_link_share: f64,
}

/// schemas/add.toml, read and checked.
#[derive(Debug, Clone)]
pub struct AddRules {
    pub front_matter: FieldKeys,
    pub page: PageRules,
}

impl AddRules {
    /// `<schemas>/add.toml` when a folder is given, else the embedded copy.
    pub fn load(schemas: Option<&Path>) -> Result<AddRules> {
        let (file, text) = crate::knowledge::knowledge_file(schemas, "add.toml", EMBEDDED_ADD_RULES)?;
        AddRules::parse(&file, &text)
    }

    /// Parse and check the rules; `file` names them in errors.
    pub fn parse(file: &str, text: &str) -> Result<AddRules> {
        let bad = |message: String| Error::Knowledge { file: file.to_string(), message };
        let raw: RulesFile = toml::from_str(text).map_err(|e| bad(e.to_string()))?;
        let p = raw.page;
        let content = p
            .content
            .iter()
            .map(|s| Selector::parse(s).map_err(|e| bad(format!("page.content: {s:?} is not a CSS selector: {e}"))))
            .collect::<Result<Vec<_>>>()?;
        if content.is_empty() {
            return Err(bad("page.content lists no selector".into()));
        }
        if !(0.0..=1.0).contains(&p.max_link_share) {
            return Err(bad(format!("page.max_link_share is {}; it is a share between 0 and 1", p.max_link_share)));
        }
        let page = PageRules {
            meta: lower_keys(p.meta),
            content,
            drop_tags: words("page.drop_tags", p.drop_tags, &bad)?,
            drop_roles: words("page.drop_roles", p.drop_roles, &bad)?,
            drop_words: words("page.drop_words", p.drop_words, &bad)?,
            keep_words: words("page.keep_words", p.keep_words, &bad)?,
            block_tags: words("page.block_tags", p.block_tags, &bad)?,
            max_link_share: p.max_link_share,
        };
        Ok(AddRules { front_matter: lower_keys(raw.front_matter), page })
    }
}

/// Keys are matched case-insensitively, so they are kept lower-case.
fn lower_keys(mut keys: FieldKeys) -> FieldKeys {
    for list in [&mut keys.title, &mut keys.url, &mut keys.publisher, &mut keys.author, &mut keys.published, &mut keys.retrieved] {
        for k in list.iter_mut() {
            *k = k.trim().to_lowercase();
        }
    }
    keys
}

/// A word list: lower-case single words, none empty.
fn words(field: &str, list: Vec<String>, bad: &dyn Fn(String) -> Error) -> Result<BTreeSet<String>> {
    list.into_iter()
        .map(|w| {
            let w = w.trim().to_lowercase();
            if w.is_empty() || w.contains(char::is_whitespace) {
                Err(bad(format!("{field}: {w:?} is not a single word")))
            } else {
                Ok(w)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_rules_load() {
        let rules = AddRules::load(None).unwrap();
        assert!(rules.page.drop_tags.contains("script"));
        assert!(rules.front_matter.title.contains(&"title".to_string()));
    }

    #[test]
    fn a_bad_selector_names_the_field() {
        let text = EMBEDDED_ADD_RULES.replace("\"[role=main]\"", "\"[[\"");
        let err = AddRules::parse("add.toml", &text).unwrap_err().to_string();
        assert!(err.contains("page.content") && err.contains("add.toml"), "{err}");
    }

    #[test]
    fn an_unknown_key_is_refused() {
        let text = EMBEDDED_ADD_RULES.replace("[page]\n", "[page]\ndrop_tag = [\"x\"]\n");
        assert!(AddRules::parse("add.toml", &text).is_err());
    }
}
