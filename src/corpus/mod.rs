//! The corpus: a folder with a manifest `sources.csv` and the article texts it lists.
//! Any folder laid out this way can be built (`build --raw DIR`).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::load::schema::LANGUAGES;
use number_format::{NumberFormat, NUMBER_FORMATS};

pub mod add;
mod append;
mod front_matter;
pub mod html;
pub mod number_format;
pub mod rules;

/// The manifest's file name inside a corpus folder.
pub const MANIFEST: &str = "sources.csv";

/// Columns the manifest must have.
pub const REQUIRED_COLUMNS: &[&str] = &["source_id", "path", "sha256", "language"];
/// Columns it may have; anything else is a typo and is refused.
pub const OPTIONAL_COLUMNS: &[&str] = &["title", "url", "publisher", "author", "published", "retrieved", "notes", "number_format", "html_path", "html_sha256"];

/// One article of the corpus as its manifest row describes it (the text is read separately,
/// by [`Manifest::read_text`], so a corpus of any size is listed without holding its texts).
#[derive(Debug, Clone, Default)]
pub struct Source {
    pub source_id: String,
    /// As written in the manifest, relative to the manifest's folder.
    pub path: String,
    pub sha256: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub publisher: Option<String>,
    pub author: Option<String>,
    pub published: Option<NaiveDate>,
    pub retrieved: Option<NaiveDate>,
    pub language: String,
    pub notes: Option<String>,
    /// How the article writes numbers, when the manifest says (`1,234.5` or `1.234,5`); else the
    /// build decides it ([`number_format::decide`]).
    pub number_format: Option<NumberFormat>,
}

/// An article with its text, read and checked.
#[derive(Debug, Clone)]
pub struct Article {
    pub source: Source,
    pub text: String,
}

/// One row of the manifest: the article it lists and the line it is on (for errors).
#[derive(Debug, Clone)]
pub struct Entry {
    /// Line of the row in the manifest, 1-based.
    pub line: u64,
    pub source: Source,
}

/// A corpus's manifest, checked row by row, with the texts still on disk.
#[derive(Debug, Clone)]
pub struct Manifest {
    /// The manifest file, `<raw>/sources.csv`.
    pub path: PathBuf,
    /// The corpus folder the rows' paths are relative to.
    pub dir: PathBuf,
    /// The rows in manifest order.
    pub entries: Vec<Entry>,
}

impl Manifest {
    /// Read an entry's article text, refusing it when its bytes do not hash to the manifest's
    /// sha256 or are not UTF-8.
    pub fn read_text(&self, entry: &Entry) -> Result<String> {
        read_checked(&self.dir.join(&entry.source.path), &self.path, entry.line, &entry.source.sha256)
    }
}

/// Read `<raw>/sources.csv` and every article it lists, checking each file's sha256. Holds the
/// whole corpus in memory: for small corpora and tests; the build streams with
/// [`read_manifest`] and [`Manifest::read_text`].
pub fn load(raw: &Path) -> Result<Vec<Article>> {
    let manifest = read_manifest(raw)?;
    manifest.entries.iter().map(|e| Ok(Article { text: manifest.read_text(e)?, source: e.source.clone() })).collect()
}

/// Read and check `<raw>/sources.csv`, without reading the articles.
pub fn read_manifest(raw: &Path) -> Result<Manifest> {
    let manifest = raw.join(MANIFEST);
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_path(&manifest).map_err(|e| csv_error(&manifest, e))?;
    let headers = reader.headers().map_err(|e| csv_error(&manifest, e))?.clone();
    check_header(&manifest, &headers)?;
    let col = |name: &str| headers.iter().position(|h| h == name);
    let mut entries = Vec::new();
    let mut seen = BTreeSet::new();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(&manifest, e))?;
        let line = record.position().map_or(0, |p| p.line());
        let get = |name: &str| col(name).and_then(|i| record.get(i)).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
        let bad = |message: String| Error::Manifest { path: manifest.clone(), line, message };
        let source_id = get("source_id").ok_or_else(|| bad("source_id is empty".into()))?;
        if !seen.insert(source_id.clone()) {
            return Err(bad(format!("source_id {source_id:?} appears twice")));
        }
        let path = get("path").ok_or_else(|| bad(format!("{source_id}: path is empty")))?;
        let sha256 = get("sha256").ok_or_else(|| bad(format!("{source_id}: sha256 is empty")))?.to_lowercase();
        let language = get("language").ok_or_else(|| bad(format!("{source_id}: language is empty")))?;
        if !LANGUAGES.contains(&language.as_str()) {
            return Err(bad(format!("{source_id}: language {language:?} has no lexicon; use one of {}", LANGUAGES.join(", "))));
        }
        let date = |name: &str| -> Result<Option<NaiveDate>> {
            get(name)
                .map(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| bad(format!("{source_id}: {name} {s:?} is not a date YYYY-MM-DD"))))
                .transpose()
        };
        let number_format = match get("number_format") {
            None => None,
            Some(f) => {
                Some(NumberFormat::parse(&f).ok_or_else(|| bad(format!("{source_id}: number_format {f:?} is not one of {}", NUMBER_FORMATS.join(", "))))?)
            }
        };
        let published = date("published")?;
        let retrieved = date("retrieved")?;
        check_page(raw, &manifest, line, get("html_path"), get("html_sha256"), |m| bad(format!("{source_id}: {m}")))?;
        let source = Source {
            source_id,
            path,
            sha256,
            title: get("title"),
            url: get("url"),
            publisher: get("publisher"),
            author: get("author"),
            published,
            retrieved,
            language,
            notes: get("notes"),
            number_format,
        };
        entries.push(Entry { line, source });
    }
    if entries.is_empty() {
        return Err(Error::Manifest { path: manifest, line: 1, message: "lists no articles".into() });
    }
    Ok(Manifest { path: manifest, dir: raw.to_path_buf(), entries })
}

fn check_header(manifest: &Path, headers: &csv::StringRecord) -> Result<()> {
    for required in REQUIRED_COLUMNS {
        if !headers.iter().any(|h| h == *required) {
            return Err(Error::Manifest { path: manifest.to_path_buf(), line: 1, message: format!("missing column {required:?}") });
        }
    }
    for h in headers.iter() {
        if !REQUIRED_COLUMNS.contains(&h) && !OPTIONAL_COLUMNS.contains(&h) {
            return Err(Error::Manifest {
                path: manifest.to_path_buf(),
                line: 1,
                message: format!("unknown column {h:?}; allowed: {}, {}", REQUIRED_COLUMNS.join(", "), OPTIONAL_COLUMNS.join(", ")),
            });
        }
    }
    Ok(())
}

/// Read an article, refusing it when its bytes do not hash to the manifest's sha256.
fn read_checked(file: &Path, manifest: &Path, line: u64, expected: &str) -> Result<String> {
    let bytes = std::fs::read(file).map_err(|e| Error::io(file, e))?;
    let actual = sha256_hex(&bytes);
    if actual != expected {
        return Err(Error::ChecksumMismatch { path: file.to_path_buf(), manifest: manifest.to_path_buf(), line, expected: expected.to_string(), actual });
    }
    String::from_utf8(bytes).map_err(|e| Error::NotUtf8 { path: file.to_path_buf(), offset: e.utf8_error().valid_up_to() })
}

/// The original web page an article was extracted from (html_path, html_sha256), when the
/// row names one: it must be there, unchanged.
fn check_page(raw: &Path, manifest: &Path, line: u64, path: Option<String>, sha256: Option<String>, bad: impl Fn(&str) -> Error) -> Result<()> {
    match (path, sha256) {
        (None, None) => Ok(()),
        (Some(p), Some(expected)) => {
            let file = raw.join(p);
            let actual = sha256_hex(&std::fs::read(&file).map_err(|e| Error::io(&file, e))?);
            let expected = expected.to_lowercase();
            if actual == expected {
                return Ok(());
            }
            Err(Error::ChecksumMismatch { path: file, manifest: manifest.to_path_buf(), line, expected, actual })
        }
        (Some(_), None) => Err(bad("html_path is given without html_sha256")),
        (None, Some(_)) => Err(bad("html_sha256 is given without html_path")),
    }
}

/// Lower-case hex SHA-256 of some bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

fn csv_error(path: &Path, e: csv::Error) -> Error {
    let line = e.position().map_or(0, |p| p.line());
    match e.kind() {
        csv::ErrorKind::Io(_) => Error::Io { path: PathBuf::from(path), source: std::io::Error::other(e.to_string()) },
        _ => Error::Manifest { path: path.to_path_buf(), line, message: e.to_string() },
    }
}

/// The date a news url carries in its path: `/2025/03/27/`, `/2025/03/`, `/2025-03-27-slug`.
/// Only a year and a month together count: a bare `/2025/` is as often an archive or an id.
/// Else a year among the words of a slug (`...-balance-del-2023`) comes back as a
/// [`Point::Year`]: not the article's date, but a year it is no older than.
pub fn url_date(url: &str) -> Option<crate::period::Point> {
    use crate::period::Point;
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let parts: Vec<&str> = path.split(['/', '?', '#']).collect();
    month_in_path(&parts).or_else(|| slug_year(&parts).map(Point::Year))
}

/// The latest year written as one word of a hyphenated slug (`-del-2024`, `-de-2025`).
fn slug_year(parts: &[&str]) -> Option<i32> {
    let slugs = parts.iter().skip(1).filter(|p| p.contains('-'));
    let words = slugs.flat_map(|p| p.split(['-', '_', '.']));
    words.filter(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit())).filter_map(|w| w.parse::<i32>().ok()).filter(|y| (1990..=2100).contains(y)).max()
}

/// `/2025/03/27/`, `/2025/03/`, `/2025-03-27-slug`: the date at the precision written.
fn month_in_path(parts: &[&str]) -> Option<crate::period::Point> {
    use crate::period::Point;
    let number = |s: &str, len: usize| (s.len() == len && s.chars().all(|c| c.is_ascii_digit())).then(|| s.parse::<u32>().ok()).flatten();
    for w in 0..parts.len() {
        let (Some(y), Some(m)) = (number(parts[w], 4), parts.get(w + 1).and_then(|p| number(p, 2))) else {
            // `/2025-03-27-title`
            let head: String = parts[w].chars().take(10).collect();
            if let Ok(d) = chrono::NaiveDate::parse_from_str(&head, "%Y-%m-%d") {
                return Some(Point::Day(d));
            }
            continue;
        };
        if !(1990..=2100).contains(&y) || !(1..=12).contains(&m) {
            continue;
        }
        let day = parts.get(w + 2).and_then(|p| number(p, 2)).and_then(|d| chrono::NaiveDate::from_ymd_opt(y as i32, m, d));
        return Some(day.map_or(Point::Month(y as i32, m), Point::Day));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::period::Point;

    #[test]
    fn url_dates_at_the_precision_written() {
        let d = |y, m, d| Point::Day(chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap());
        assert_eq!(url_date("https://example.com/world/2024/11/05/story-slug/"), Some(d(2024, 11, 5)));
        assert_eq!(url_date("https://example.com/2023/02/deported.html"), Some(Point::Month(2023, 2)));
        assert_eq!(url_date("https://example.com/news/2023-06-14-prison-count"), Some(d(2023, 6, 14)));
        assert_eq!(url_date("https://example.com/noticias/1013774/2022"), None);
        assert_eq!(url_date("https://example.com/item/2022/99/x"), None);
    }

    #[test]
    fn a_year_in_the_slug_is_a_lower_bound() {
        assert_eq!(url_date("https://example.com/prisons-hold-more-inmates-so-far-in-2024/"), Some(Point::Year(2024)));
        assert_eq!(url_date("https://example.com/noticias/vuelos-del-primer-trimestre-de-2025"), Some(Point::Year(2025)));
        assert_eq!(url_date("https://example.com/2023/02/deported-in-2022.html"), Some(Point::Month(2023, 2)));
        assert_eq!(url_date("https://example.com/story-1798_20250330abc"), None);
    }
}
