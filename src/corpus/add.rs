//! `cecot-data add`: put an article into the corpus from a text file or a saved web page.
//! The text is stored under `articles/`, a page also kept whole under `html/`, and one
//! manifest row per file appended with its checksum, language and citation. Every file is
//! read and checked before anything is written, so a refusal leaves the corpus as it was.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use whatlang::Lang;

use super::append::{Manifest, Row};
use super::front_matter;
use super::html::read_page;
use super::rules::AddRules;
use super::sha256_hex;
use crate::error::{Error, Result};
use crate::load::schema::LANGUAGES;

/// Folders of a corpus, relative to its manifest, that `add` writes into.
pub const ARTICLES_DIR: &str = "articles";
pub const PAGES_DIR: &str = "html";

/// Citation fields given on the command line; each wins over what the file says.
#[derive(Debug, Clone, Default)]
pub struct Citation {
    pub title: Option<String>,
    pub url: Option<String>,
    pub publisher: Option<String>,
    pub author: Option<String>,
    /// YYYY-MM-DD.
    pub published: Option<String>,
    /// `en` or `es`; detected from the text when absent.
    pub lang: Option<String>,
}

/// What `cecot-data add` was asked to do.
#[derive(Debug, Clone)]
pub struct AddOptions {
    pub files: Vec<PathBuf>,
    /// Corpus folder (its manifest is `<raw>/sources.csv`).
    pub raw: PathBuf,
    /// Read schemas/add.toml from this folder instead of the embedded copy.
    pub schemas: Option<PathBuf>,
    pub citation: Citation,
    /// Show what would be added without writing.
    pub dry_run: bool,
}

/// One article added (or, in a dry run, that would be).
#[derive(Debug, Clone)]
pub struct Added {
    /// The file it came from.
    pub file: PathBuf,
    pub source_id: String,
    /// The manifest row, column by column in the manifest's order.
    pub row: Vec<(String, String)>,
    /// The article text as stored.
    pub text: String,
    /// Where the text is stored.
    pub text_path: PathBuf,
    /// Where the original page is kept, for a web page.
    pub page_path: Option<PathBuf>,
    /// The page's bytes as read (and hashed), kept as they are.
    pub page: Option<Vec<u8>>,
}

/// Add the files to the corpus, all or none.
pub fn add(opts: &AddOptions) -> Result<Vec<Added>> {
    check_flags(opts)?;
    let rules = AddRules::load(opts.schemas.as_deref())?;
    let manifest = Manifest::read(&opts.raw)?;
    let mut drafts: Vec<Draft> = Vec::new();
    for file in &opts.files {
        let draft = Draft::read(file, &rules, &opts.citation)?;
        refuse_duplicate(&draft, &drafts, &manifest)?;
        drafts.push(draft);
    }
    let first = manifest.next_sequence();
    let rows: Vec<Row> = drafts.iter().enumerate().map(|(i, d)| d.row(first + i as u64)).collect();
    if let Some(taken) = rows.iter().map(|r| &r["source_id"]).find(|id| manifest.has_id(id)) {
        let message = format!("source_id {taken} is already taken; renumber the manifest's ids");
        return Err(Error::Manifest { path: manifest.path.clone(), line: 1, message });
    }
    let header = manifest.header_for(&rows);
    let added: Vec<Added> = drafts.into_iter().zip(&rows).map(|(d, r)| d.added(r, &header, &opts.raw)).collect();
    if !opts.dry_run {
        commit(&added, &rows, &manifest)?;
    }
    Ok(added)
}

/// Refuse unusable flags before any file is read.
fn check_flags(opts: &AddOptions) -> Result<()> {
    if opts.files.is_empty() {
        return Err(Error::Usage("add: give at least one file (.txt, .md, .html or .htm)".into()));
    }
    let c = &opts.citation;
    if opts.files.len() > 1 && (c.title.is_some() || c.url.is_some()) {
        return Err(Error::Usage("add: --title and --url describe one article; give them with one file at a time".into()));
    }
    if let Some(lang) = &c.lang {
        if !LANGUAGES.contains(&lang.as_str()) {
            return Err(Error::Usage(format!("add: --lang {lang:?} has no lexicon; use one of {}", LANGUAGES.join(", "))));
        }
    }
    if let Some(d) = &c.published {
        if NaiveDate::parse_from_str(d, "%Y-%m-%d").is_err() {
            return Err(Error::Usage(format!("add: --published {d:?} is not a date YYYY-MM-DD")));
        }
    }
    Ok(())
}

/// A file read and checked, not yet numbered.
#[derive(Debug)]
struct Draft {
    file: PathBuf,
    text: String,
    /// The page's bytes, for a web page.
    page: Option<Vec<u8>>,
    /// The page's `<html lang>`, used when the text's language cannot be told.
    page_lang: Option<String>,
    /// Citation column -> (value, where it came from).
    fields: BTreeMap<&'static str, (String, String)>,
    language: String,
    language_origin: String,
}

impl Draft {
    fn read(file: &Path, rules: &AddRules, citation: &Citation) -> Result<Draft> {
        let bytes = fs::read(file).map_err(|e| Error::io(file, e))?;
        let content = String::from_utf8(bytes).map_err(|e| Error::NotUtf8 { path: file.to_path_buf(), offset: e.utf8_error().valid_up_to() })?;
        let ext = file.extension().and_then(|e| e.to_str()).unwrap_or_default().to_lowercase();
        let mut draft = match ext.as_str() {
            "txt" | "text" | "md" | "markdown" => Draft::from_text(file, content, rules)?,
            "html" | "htm" | "xhtml" => Draft::from_page(file, content, rules)?,
            _ => return Err(Error::Usage(format!("{}: cannot add a {ext:?} file; give a .txt, .md, .html or .htm file", file.display()))),
        };
        draft.apply_flags(citation);
        draft.check_dates()?;
        let (language, origin) = match &citation.lang {
            Some(l) => (l.clone(), "--lang".to_string()),
            None => detect_language(file, &draft.text, draft.page_lang.as_deref())?,
        };
        draft.language = language;
        draft.language_origin = origin;
        Ok(draft)
    }

    /// A .txt or .md file: stored as it is; its front matter gives the citation.
    fn from_text(file: &Path, text: String, rules: &AddRules) -> Result<Draft> {
        let fm = front_matter::read(&text).map_err(|m| Error::Article { path: file.to_path_buf(), line: Some(m.line), message: m.message })?;
        let body = body_after_front_matter(&text, fm.is_some());
        if body.trim().is_empty() {
            let what = if fm.is_some() { "the file has nothing after its front matter" } else { "the file is empty" };
            return Err(Error::EmptyArticle { path: file.to_path_buf(), what: what.into() });
        }
        let mut fields = BTreeMap::new();
        if let Some(fm) = &fm {
            for (column, keys) in rules.front_matter.by_column() {
                if let Some((value, key, line)) = fm.get(keys) {
                    fields.insert(column, (value, format!("front matter `{key}` (line {line})")));
                }
            }
        }
        if let (false, Some(line)) = (fields.contains_key("title"), headline_line(body)) {
            fields.insert("title", (line.to_string(), "the first line".to_string()));
        }
        Ok(Draft { file: file.to_path_buf(), text, page: None, page_lang: None, fields, language: String::new(), language_origin: String::new() })
    }

    /// A saved web page: the article's paragraphs are stored, the page kept beside them.
    fn from_page(file: &Path, html: String, rules: &AddRules) -> Result<Draft> {
        let page = read_page(&html, &rules.page);
        if page.text.trim().is_empty() {
            let what = "no article text found in the page (if a script fills it in, save the page once it has loaded, or add its text as .txt)";
            return Err(Error::EmptyArticle { path: file.to_path_buf(), what: what.into() });
        }
        let page_bytes = Some(html.into_bytes());
        Ok(Draft {
            file: file.to_path_buf(),
            text: page.text,
            page: page_bytes,
            page_lang: page.lang,
            fields: page.meta,
            language: String::new(),
            language_origin: String::new(),
        })
    }

    fn apply_flags(&mut self, c: &Citation) {
        let flags = [("title", &c.title), ("url", &c.url), ("publisher", &c.publisher), ("author", &c.author), ("published", &c.published)];
        for (column, value) in flags {
            if let Some(v) = value {
                self.fields.insert(column, (v.trim().to_string(), format!("--{column}")));
            }
        }
    }

    /// Dates become YYYY-MM-DD (a timestamp keeps its date as written); anything else is refused.
    fn check_dates(&mut self) -> Result<()> {
        for column in ["published", "retrieved"] {
            let Some((value, origin)) = self.fields.get(column).cloned() else { continue };
            let date = as_date(&value).ok_or_else(|| Error::Article {
                path: self.file.clone(),
                line: origin_line(&origin),
                message: format!("{column} {value:?} from {origin} is not a date YYYY-MM-DD; {}", date_hint(column)),
            })?;
            self.fields.insert(column, (date.format("%Y-%m-%d").to_string(), origin));
        }
        Ok(())
    }

    fn sha256(&self) -> String {
        sha256_hex(self.text.as_bytes())
    }

    /// The manifest row of this article as number `sequence` of the corpus.
    fn row(&self, sequence: u64) -> Row {
        let sha = self.sha256();
        let id = format!("{sequence:03}_{}", &sha[..16]);
        let mut row = Row::new();
        row.insert("path", format!("{ARTICLES_DIR}/{id}.txt"));
        row.insert("sha256", sha);
        row.insert("language", self.language.clone());
        for (column, (value, _)) in &self.fields {
            row.insert(column, value.clone());
        }
        if let Some(page) = &self.page {
            row.insert("html_path", format!("{PAGES_DIR}/{id}.html"));
            row.insert("html_sha256", sha256_hex(page));
        }
        row.insert("notes", self.notes());
        row.insert("source_id", id);
        row
    }

    /// Where each field came from, like the notes of the rows written by hand.
    fn notes(&self) -> String {
        let name = self.file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let mut parts = vec![format!("added by cecot-data add from {name}")];
        for column in ["title", "url", "publisher", "author", "published", "retrieved"] {
            if let Some((_, origin)) = self.fields.get(column) {
                parts.push(format!("{column} from {origin}"));
            }
        }
        parts.push(format!("language {}", self.language_origin));
        parts.join("; ")
    }

    fn added(self, row: &Row, header: &[String], raw: &Path) -> Added {
        Added {
            source_id: row["source_id"].clone(),
            row: header.iter().map(|h| (h.clone(), row.get(h.as_str()).cloned().unwrap_or_default())).collect(),
            text_path: raw.join(&row["path"]),
            page_path: row.get("html_path").map(|p| raw.join(p)),
            page: self.page,
            file: self.file,
            text: self.text,
        }
    }
}

/// The text after a front matter's closing line (all of it when there is none).
fn body_after_front_matter(text: &str, has_front_matter: bool) -> &str {
    if !has_front_matter {
        return text;
    }
    let mut rest = text;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        rest = &rest[line.len()..];
        if i > 0 && matches!(line.trim_end(), "---" | "...") {
            return rest;
        }
    }
    ""
}

/// The first line as a title when it reads like one: short, not a sentence.
fn headline_line(body: &str) -> Option<&str> {
    let line = body.lines().map(str::trim).find(|l| !l.is_empty())?;
    let line = line.trim_start_matches('#').trim();
    (!line.is_empty() && line.chars().count() <= 200 && !line.ends_with('.')).then_some(line)
}

/// `2025-03-16`, or the date of a timestamp as written (`2025-03-16T21:05:00-06:00`).
fn as_date(value: &str) -> Option<NaiveDate> {
    let v = value.trim();
    let day = match v.char_indices().nth(10) {
        Some((i, 'T' | 't' | ' ')) => &v[..i],
        Some(_) => return None,
        None => v,
    };
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

/// The line an origin like "front matter `date` (line 5)" names, if any.
fn origin_line(origin: &str) -> Option<u64> {
    origin.rsplit_once("(line ").and_then(|(_, n)| n.trim_end_matches(')').parse().ok())
}

/// What to do about a date that is not one.
fn date_hint(column: &str) -> &'static str {
    match column {
        "published" => "give --published YYYY-MM-DD",
        _ => "write it as YYYY-MM-DD or remove it",
    }
}

/// Language detectors name languages by ISO 639-3; the manifest uses ISO 639-1.
const ISO_639_1: &[(Lang, &str)] = &[(Lang::Eng, "en"), (Lang::Spa, "es"), (Lang::Por, "pt"), (Lang::Fra, "fr"), (Lang::Deu, "de"), (Lang::Ita, "it")];

/// The text's language by whatlang; when it cannot tell, the page's `<html lang>`.
fn detect_language(file: &Path, text: &str, page_lang: Option<&str>) -> Result<(String, String)> {
    let known = |code: &str| LANGUAGES.contains(&code);
    let refuse = |message: String| Error::Language { path: file.to_path_buf(), message };
    match whatlang::detect(text).filter(whatlang::Info::is_reliable) {
        Some(info) => {
            let code = ISO_639_1.iter().find(|(l, _)| *l == info.lang()).map(|(_, c)| *c);
            match code.filter(|c| known(c)) {
                Some(c) => Ok((c.to_string(), format!("detected by whatlang ({}, confidence {:.2})", info.lang().eng_name(), info.confidence()))),
                None => Err(refuse(format!(
                    "the text reads as {} (whatlang, confidence {:.2}); the extractor has lexicons for {} only (give --lang if the detection is wrong)",
                    info.lang().eng_name(),
                    info.confidence(),
                    LANGUAGES.join(", ")
                ))),
            }
        }
        None => match page_lang.filter(|l| known(l)) {
            Some(l) => Ok((l.to_string(), "from <html lang> (whatlang could not tell)".to_string())),
            None => Err(refuse(format!("cannot tell the text's language; give --lang {}", LANGUAGES.join("|")))),
        },
    }
}

/// Refuse a file whose text or page is already in the corpus or earlier in the command.
fn refuse_duplicate(draft: &Draft, earlier: &[Draft], manifest: &Manifest) -> Result<()> {
    let sha = draft.sha256();
    let page_sha = draft.page.as_deref().map(sha256_hex);
    let manifest_name = manifest.path.display();
    let registered =
        manifest.texts.get(&sha).map(|r| (r, sha.clone())).or_else(|| page_sha.as_ref().and_then(|p| manifest.pages.get(p).map(|r| (r, p.clone()))));
    if let Some((r, sha256)) = registered {
        return Err(Error::AlreadyInCorpus { path: draft.file.clone(), source_id: r.source_id.clone(), place: format!("{manifest_name}:{}", r.line), sha256 });
    }
    if let Some(e) = earlier.iter().find(|e| e.sha256() == sha) {
        let place = format!("{}, given earlier in this command,", e.file.display());
        return Err(Error::AlreadyInCorpus { path: draft.file.clone(), source_id: "a new article".into(), place, sha256: sha });
    }
    Ok(())
}

/// Write the texts, the pages and the manifest. The manifest is renamed into place last, so
/// until then the corpus is unchanged; on a failure the files written so far are removed.
fn commit(added: &[Added], rows: &[Row], manifest: &Manifest) -> Result<()> {
    let mut written: Vec<PathBuf> = Vec::new();
    let mut made_dirs: Vec<PathBuf> = Vec::new();
    let result = (|| {
        for a in added {
            write_new(&a.text_path, a.text.as_bytes(), &mut written, &mut made_dirs)?;
            if let (Some(page_path), Some(page)) = (&a.page_path, &a.page) {
                write_new(page_path, page, &mut written, &mut made_dirs)?;
            }
        }
        manifest.append(rows)
    })();
    if result.is_err() {
        for f in &written {
            let _ = fs::remove_file(f); // best effort: the error that matters is `result`
        }
        for d in made_dirs.iter().rev() {
            let _ = fs::remove_dir(d); // only removes it if it is empty
        }
    }
    result
}

/// Write a file that must not exist yet, creating its folder if needed.
fn write_new(path: &Path, bytes: &[u8], written: &mut Vec<PathBuf>, made_dirs: &mut Vec<PathBuf>) -> Result<()> {
    use std::io::Write;
    if let Some(dir) = path.parent() {
        if !dir.exists() {
            fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
            made_dirs.push(dir.to_path_buf());
        }
    }
    let mut file = fs::OpenOptions::new().write(true).create_new(true).open(path).map_err(|e| Error::io(path, e))?;
    written.push(path.to_path_buf());
    file.write_all(bytes).and_then(|()| file.sync_all()).map_err(|e| Error::io(path, e))
}

/// The manifest row and the first `lines` lines of the text, for `add --dry-run`.
pub fn preview(a: &Added, lines: usize) -> String {
    let mut out = format!("would add {} as {}\n", a.file.display(), a.source_id);
    let width = a.row.iter().map(|(c, _)| c.len()).max().unwrap_or(0);
    for (column, value) in &a.row {
        out.push_str(&format!("  {column:width$}  {value}\n"));
    }
    let total = a.text.lines().count();
    out.push_str(&format!("  text, first {} of {total} lines:\n", lines.min(total)));
    for line in a.text.lines().take(lines) {
        let shown: String = line.chars().take(160).collect();
        let more = if shown.len() < line.len() { "…" } else { "" };
        out.push_str(&format!("    | {shown}{more}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_keep_the_day_as_written() {
        assert_eq!(as_date("2025-03-16T23:30:00-06:00"), NaiveDate::from_ymd_opt(2025, 3, 16));
        assert_eq!(as_date("2025-03-16"), NaiveDate::from_ymd_opt(2025, 3, 16));
        assert_eq!(as_date("16/03/2025"), None);
        assert_eq!(as_date("2025-02-30"), None);
    }

    #[test]
    fn a_title_is_a_short_first_line_that_is_no_sentence() {
        assert_eq!(headline_line("\n# Inside the prison\nBody."), Some("Inside the prison"));
        assert_eq!(headline_line("It was a long day."), None);
    }

    #[test]
    fn the_body_starts_after_the_closing_line() {
        assert_eq!(body_after_front_matter("---\na: b\n---\nBody\n", true), "Body\n");
        assert_eq!(body_after_front_matter("---\na: b\n---\n", true), "");
    }
}
