//! A saved web page turned into article text and citation metadata: the paragraphs of the
//! article, one per line, without the page's navigation, scripts, share buttons, bylines and
//! adverts; the title, date, outlet, author and address from the page's own metadata.
//!
//! The page is parsed by html5ever (through `scraper`), which repairs broken markup the way a
//! browser does, so a malformed page still yields its paragraphs.

use std::collections::BTreeMap;

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};

use super::rules::{FieldKeys, PageRules};

/// What was read from a page.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// The article's paragraphs, one per line, each ending with a newline.
    pub text: String,
    /// Manifest column -> (value, where it came from), for title, url, publisher, author,
    /// published (as written by the page; checked by the caller).
    pub meta: BTreeMap<&'static str, (String, String)>,
    /// The primary subtag of `<html lang>`, lower-case (`es` for `es-SV`).
    pub lang: Option<String>,
}

/// Read a page's article text and metadata.
pub fn read_page(html: &str, rules: &PageRules) -> Page {
    let doc = Html::parse_document(html);
    let mut paragraphs = Vec::new();
    let root = content_root(&doc, rules);
    if !has_descendant(root, "h1") {
        if let Some(h1) = first_headline(&doc, rules) {
            paragraphs.push(h1);
        }
    }
    let mut walker = Walker { rules, paragraphs, current: String::new(), link_chars: 0, in_link: 0 };
    walker.read(root);
    walker.flush();
    let mut text = String::new();
    for p in &walker.paragraphs {
        text.push_str(p);
        text.push('\n');
    }
    Page { text, meta: metadata(&doc, &rules.meta), lang: page_lang(&doc) }
}

/// The element holding the article: the first content selector with a match that has
/// paragraph text (an `<article>` teaser without paragraphs is not the story); among its
/// matches the one with the most. The whole page when none has.
fn content_root<'a>(doc: &'a Html, rules: &PageRules) -> ElementRef<'a> {
    let p = selector("p");
    let paragraph_text = |e: &ElementRef| e.select(&p).map(|p| p.text().map(str::len).sum::<usize>()).sum::<usize>();
    for sel in &rules.content {
        let best = doc.select(sel).map(|e| (paragraph_text(&e), e)).filter(|(n, _)| *n > 0).max_by_key(|(n, _)| *n);
        if let Some((_, e)) = best {
            return e;
        }
    }
    doc.root_element()
}

fn has_descendant(e: ElementRef, tag: &str) -> bool {
    e.select(&selector(tag)).next().is_some()
}

/// The page's first `<h1>` outside the chrome, for a content root that lacks the headline.
fn first_headline(doc: &Html, rules: &PageRules) -> Option<String> {
    doc.select(&selector("h1"))
        .find(|h| !h.ancestors().filter_map(ElementRef::wrap).any(|a| is_chrome(a, rules)))
        .map(|h| collapse(&h.text().collect::<String>()))
        .filter(|t| !t.is_empty())
}

/// Gathers the text of a subtree into paragraphs, cutting at block elements.
struct Walker<'r> {
    rules: &'r PageRules,
    paragraphs: Vec<String>,
    /// Text of the paragraph being read, whitespace not yet collapsed.
    current: String,
    /// How many of `current`'s characters are link text.
    link_chars: usize,
    in_link: usize,
}

impl Walker<'_> {
    /// Read a subtree, leaving out chrome and cutting paragraphs around block elements.
    /// Iterative, so a page nested thousands of levels deep cannot exhaust the stack.
    fn read(&mut self, root: ElementRef) {
        let mut skipping: Option<ego_tree::NodeId> = None;
        for edge in root.traverse() {
            match edge {
                Edge::Open(node) if skipping.is_none() => match node.value() {
                    Node::Text(t) => self.text(t),
                    Node::Element(el) => match ElementRef::wrap(node) {
                        Some(e) if is_chrome(e, self.rules) => skipping = Some(node.id()),
                        _ => self.open(el.name()),
                    },
                    _ => {}
                },
                Edge::Close(node) => match (skipping, node.value()) {
                    (Some(id), _) if id == node.id() => skipping = None,
                    (None, Node::Element(el)) => self.close(el.name()),
                    _ => {}
                },
                Edge::Open(_) => {}
            }
        }
    }

    fn open(&mut self, name: &str) {
        if self.rules.block_tags.contains(name) {
            self.flush();
        }
        self.in_link += usize::from(name == "a");
    }

    fn close(&mut self, name: &str) {
        self.in_link = self.in_link.saturating_sub(usize::from(name == "a"));
        if self.rules.block_tags.contains(name) {
            self.flush();
        }
    }

    fn text(&mut self, t: &str) {
        self.current.push_str(t);
        if self.in_link > 0 {
            self.link_chars += t.chars().filter(|c| !c.is_whitespace()).count();
        }
    }

    /// End the current paragraph, keeping it unless it is empty or mostly links.
    fn flush(&mut self) {
        let text = collapse(&self.current);
        let chars = text.chars().filter(|c| !c.is_whitespace()).count();
        let mostly_links = chars > 0 && self.link_chars as f64 > self.rules.max_link_share * chars as f64;
        if chars > 0 && !mostly_links {
            self.paragraphs.push(text);
        }
        self.current.clear();
        self.link_chars = 0;
    }
}

/// Whether an element is navigation, script, share buttons, byline or other chrome.
fn is_chrome(e: ElementRef, rules: &PageRules) -> bool {
    let el = e.value();
    if rules.drop_tags.contains(el.name()) || el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    if el.attr("role").is_some_and(|r| rules.drop_roles.contains(&r.trim().to_lowercase())) {
        return true;
    }
    el.classes().chain(el.id()).any(|name| names_chrome(name, rules))
}

/// `share-buttons` names chrome; `article-body--ads` names the article.
fn names_chrome(name: &str, rules: &PageRules) -> bool {
    let words: Vec<String> = name.split(['-', '_', ' ']).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    words.iter().any(|w| rules.drop_words.contains(w)) && !words.iter().any(|w| rules.keep_words.contains(w))
}

/// Title, url, publisher, author and published from `<meta>` tags and the canonical link.
fn metadata(doc: &Html, keys: &FieldKeys) -> BTreeMap<&'static str, (String, String)> {
    let metas = meta_tags(doc);
    let mut found = BTreeMap::new();
    if let Some(href) = doc.select(&selector("link[rel~=canonical][href]")).filter_map(|l| l.attr("href")).map(str::trim).find(|h| !h.is_empty()) {
        found.insert("url", (href.to_string(), "the canonical link".to_string()));
    }
    for (column, wanted) in keys.by_column() {
        if found.contains_key(column) {
            continue;
        }
        let hit = wanted.iter().find_map(|k| metas.iter().find(|(key, v)| key == k && usable(column, v)).map(|(key, v)| (v.clone(), key.clone())));
        if let Some((value, key)) = hit {
            found.insert(column, (value, format!("<meta {key}>")));
        }
    }
    if !found.contains_key("title") {
        if let Some(t) = doc.select(&selector("title")).map(|t| collapse(&t.text().collect::<String>())).find(|t| !t.is_empty()) {
            found.insert("title", (t, "<title>".to_string()));
        }
    }
    found
}

/// `article:author` is often a profile address rather than a name.
fn usable(column: &str, value: &str) -> bool {
    let profile_link = column == "author" && value.starts_with("http");
    !value.is_empty() && !profile_link
}

/// Every `<meta>` with content, as (lower-case name, property or itemprop; collapsed content),
/// in page order.
fn meta_tags(doc: &Html) -> Vec<(String, String)> {
    let mut tags = Vec::new();
    for m in doc.select(&selector("meta[content]")) {
        let content = collapse(m.attr("content").unwrap_or_default());
        for attr in ["name", "property", "itemprop"] {
            if let Some(key) = m.attr(attr) {
                tags.push((key.trim().to_lowercase(), content.clone()));
            }
        }
    }
    tags
}

/// `es` from `<html lang="es-SV">`.
fn page_lang(doc: &Html) -> Option<String> {
    let lang = doc.root_element().attr("lang")?;
    let primary = lang.split(['-', '_']).next()?.trim().to_lowercase();
    (!primary.is_empty()).then_some(primary)
}

/// Runs of whitespace (newlines, tabs, no-break spaces) as one space, trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A selector written in this file; they are constants, so a failure is a bug here.
fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("selector literal in corpus/html.rs")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::rules::AddRules;

    fn read(html: &str) -> Page {
        read_page(html, &AddRules::load(None).unwrap().page)
    }

    #[test]
    fn paragraphs_without_chrome() {
        let page = read(
            "<html><body><nav>Home | World</nav><article><h1>A headline</h1><p class=byline>By Someone</p>\
             <p>First paragraph with 12 people.</p><div class=share-tools><a href=#>Share</a></div>\
             <script>var x = 3;</script><p>Second <b>one</b>.</p></article><aside>Read more</aside></body></html>",
        );
        assert_eq!(page.text, "A headline\nFirst paragraph with 12 people.\nSecond one.\n");
    }

    #[test]
    fn class_words_with_a_keep_word_are_the_article() {
        let page = read("<body><div class='article-body--ads'><p>Kept.</p></div><div class=ad-slot><p>Buy now</p></div></body>");
        assert_eq!(page.text, "Kept.\n");
    }

    #[test]
    fn a_teaser_article_without_paragraphs_is_not_the_story() {
        let page = read("<body><article><h2><a href=x>Teaser</a></h2></article><div class=story><p>The story.</p></div></body>");
        assert_eq!(page.text, "The story.\n");
    }

    #[test]
    fn a_paragraph_of_links_is_dropped() {
        let page = read("<body><p><a href=a>One</a> · <a href=b>Two</a></p><p>Text with <a href=c>a link</a> inside it.</p></body>");
        assert_eq!(page.text, "Text with a link inside it.\n");
    }

    #[test]
    fn metadata_prefers_the_first_key_and_the_canonical_link() {
        let page = read(
            "<html lang=es-SV><head><title>T | Site</title><meta property=og:title content=' The  title '>\
             <meta property=og:url content=https://a.example/x><link rel=canonical href=https://a.example/canonical>\
             <meta property=article:author content=https://a.example/people/p><meta name=author content='Ana Pérez'>\
             </head><body><p>x</p></body></html>",
        );
        assert_eq!(page.meta["title"].0, "The title");
        assert_eq!(page.meta["url"].0, "https://a.example/canonical");
        assert_eq!(page.meta["author"].0, "Ana Pérez");
        assert_eq!(page.lang.as_deref(), Some("es"));
    }
}
