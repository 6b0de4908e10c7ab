//! The manifest as `add` sees it: what is already registered (ids, checksums), the next
//! sequence number, and new rows appended in one atomic write.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::{check_header, csv_error, MANIFEST, OPTIONAL_COLUMNS, REQUIRED_COLUMNS};
use crate::error::{Error, Result};

/// The header of a manifest `add` creates: the columns of raw/sources.csv, in its order.
const NEW_HEADER: &[&str] = &["source_id", "path", "sha256", "title", "url", "publisher", "author", "published", "retrieved", "language", "notes"];

/// A manifest row by column name; columns left out stay empty.
pub type Row = BTreeMap<&'static str, String>;

/// Where an article already in the manifest is.
#[derive(Debug, Clone)]
pub struct Registered {
    pub source_id: String,
    pub line: u64,
}

/// The manifest of a corpus folder, read for appending.
#[derive(Debug)]
pub struct Manifest {
    pub path: PathBuf,
    /// The file's bytes; empty when there is no manifest yet.
    bytes: Vec<u8>,
    header: Vec<String>,
    records: Vec<csv::StringRecord>,
    /// Text sha256 -> the article that has it.
    pub texts: BTreeMap<String, Registered>,
    /// Page sha256 (html_sha256) -> the article that has it.
    pub pages: BTreeMap<String, Registered>,
    ids: BTreeSet<String>,
}

impl Manifest {
    /// Read `<raw>/sources.csv`; a folder without one gets a new manifest.
    pub fn read(raw: &Path) -> Result<Manifest> {
        let path = raw.join(MANIFEST);
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(Error::io(&path, e)),
        };
        let mut m = Manifest { path, bytes, header: Vec::new(), records: Vec::new(), texts: BTreeMap::new(), pages: BTreeMap::new(), ids: BTreeSet::new() };
        if m.bytes.is_empty() {
            m.header = NEW_HEADER.iter().map(|s| s.to_string()).collect();
            return Ok(m);
        }
        let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(m.bytes.as_slice());
        let headers = reader.headers().map_err(|e| csv_error(&m.path, e))?.clone();
        check_header(&m.path, &headers)?;
        let records = reader.records().collect::<std::result::Result<Vec<_>, _>>().map_err(|e| csv_error(&m.path, e))?;
        m.header = headers.iter().map(str::to_string).collect();
        for record in &records {
            m.register(record);
        }
        m.records = records;
        Ok(m)
    }

    fn register(&mut self, record: &csv::StringRecord) {
        let line = record.position().map_or(0, |p| p.line());
        let cell = |name: &str| self.header.iter().position(|h| h == name).and_then(|i| record.get(i)).map(str::trim).filter(|s| !s.is_empty());
        let source_id = cell("source_id").unwrap_or_default().to_string();
        let (text_sha, page_sha) = (cell("sha256").map(str::to_lowercase), cell("html_sha256").map(str::to_lowercase));
        let here = Registered { source_id: source_id.clone(), line };
        if let Some(sha) = text_sha {
            self.texts.entry(sha).or_insert_with(|| here.clone());
        }
        if let Some(sha) = page_sha {
            self.pages.entry(sha).or_insert(here);
        }
        self.ids.insert(source_id);
    }

    /// The sequence number of the next article: one past the largest `NNN_` prefix of the
    /// ids (or the number of rows when no id has one).
    pub fn next_sequence(&self) -> u64 {
        let numbered = self.ids.iter().filter_map(|id| id.split('_').next()?.parse::<u64>().ok()).max();
        numbered.map_or(self.records.len() as u64, |n| n + 1)
    }

    /// Whether a source_id is taken.
    pub fn has_id(&self, id: &str) -> bool {
        self.ids.contains(id)
    }

    /// The header the manifest will have once `rows` are added: its own, plus at the end any
    /// optional column the new rows fill that it lacks.
    pub fn header_for(&self, rows: &[Row]) -> Vec<String> {
        let mut header = self.header.clone();
        for column in REQUIRED_COLUMNS.iter().chain(OPTIONAL_COLUMNS) {
            let filled = rows.iter().any(|r| r.get(column).is_some_and(|v| !v.is_empty()));
            if filled && !header.iter().any(|h| h == column) {
                header.push(column.to_string());
            }
        }
        header
    }

    /// The manifest's text with `rows` appended. When the header is unchanged the existing
    /// bytes are kept as they are and the rows follow; when a column is added every row is
    /// written again with the new column empty.
    pub fn with_rows(&self, rows: &[Row]) -> Result<Vec<u8>> {
        let header = self.header_for(rows);
        let keep_bytes = header == self.header && !self.bytes.is_empty();
        let mut out = csv::WriterBuilder::new().from_writer(Vec::new());
        let fail = |e: csv::Error| Error::Write { path: self.path.clone(), message: e.to_string() };
        if !keep_bytes {
            out.write_record(&header).map_err(fail)?;
            for old in &self.records {
                let padded = header.iter().enumerate().map(|(i, _)| old.get(i).unwrap_or_default());
                out.write_record(padded).map_err(fail)?;
            }
        }
        for row in rows {
            out.write_record(header.iter().map(|h| row.get(h.as_str()).map_or("", String::as_str))).map_err(fail)?;
        }
        let appended = out.into_inner().map_err(|e| Error::Write { path: self.path.clone(), message: e.to_string() })?;
        if !keep_bytes {
            return Ok(appended);
        }
        let mut bytes = self.bytes.clone();
        if !bytes.ends_with(b"\n") {
            bytes.push(b'\n');
        }
        bytes.extend_from_slice(&appended);
        Ok(bytes)
    }

    /// Write the manifest with `rows` appended: a temporary file beside it, then a rename, so
    /// a reader (or a failure) never sees half a manifest.
    pub fn append(&self, rows: &[Row]) -> Result<()> {
        let bytes = self.with_rows(rows)?;
        let dir = self.path.parent().unwrap_or(Path::new("."));
        let tmp = dir.join(format!(".{MANIFEST}.add-{}", std::process::id()));
        let written = write_synced(&tmp, &bytes).and_then(|()| fs::rename(&tmp, &self.path).map_err(|e| Error::io(&self.path, e)));
        if written.is_err() {
            let _ = fs::remove_file(&tmp); // best effort; the error that matters is `written`
        }
        written
    }
}

/// Write a file and flush it to disk before it is renamed into place.
fn write_synced(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut file = fs::File::create(path).map_err(|e| Error::io(path, e))?;
    file.write_all(bytes).and_then(|()| file.sync_all()).map_err(|e| Error::io(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest(text: &str) -> (tempfile::TempDir, Manifest) {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(MANIFEST), text).unwrap();
        let m = Manifest::read(dir.path()).unwrap();
        (dir, m)
    }

    fn row(pairs: &[(&'static str, &str)]) -> Row {
        pairs.iter().map(|(k, v)| (*k, v.to_string())).collect()
    }

    #[test]
    fn rows_are_appended_by_column_name_keeping_existing_bytes() {
        let (_d, m) = manifest("source_id,language,path,sha256,notes\r\n007_aa,en,a.txt,AB,\"x, y\"");
        assert_eq!(m.next_sequence(), 8);
        let bytes = m.with_rows(&[row(&[("source_id", "008_bb"), ("path", "b.txt"), ("sha256", "cd"), ("language", "es")])]).unwrap();
        assert_eq!(String::from_utf8(bytes).unwrap(), "source_id,language,path,sha256,notes\r\n007_aa,en,a.txt,AB,\"x, y\"\n008_bb,es,b.txt,cd,\n");
        assert!(m.texts.contains_key("ab"));
    }

    #[test]
    fn a_column_the_header_lacks_is_added_at_the_end() {
        let (_d, m) = manifest("source_id,path,sha256,language\n000_aa,a.txt,ab,en\n");
        let bytes =
            m.with_rows(&[row(&[("source_id", "001_bb"), ("path", "b.txt"), ("sha256", "cd"), ("language", "en"), ("html_path", "html/b.html")])]).unwrap();
        assert_eq!(String::from_utf8(bytes).unwrap(), "source_id,path,sha256,language,html_path\n000_aa,a.txt,ab,en,\n001_bb,b.txt,cd,en,html/b.html\n");
    }

    #[test]
    fn no_manifest_gives_a_new_one() {
        let dir = tempfile::tempdir().unwrap();
        let m = Manifest::read(dir.path()).unwrap();
        assert_eq!(m.next_sequence(), 0);
        let bytes = m.with_rows(&[row(&[("source_id", "000_bb")])]).unwrap();
        assert!(String::from_utf8(bytes).unwrap().starts_with("source_id,path,sha256,title,"));
    }
}
