//! The crate's one error type. Every variant says where: the file, and the line, row or
//! offset when there is one, and reads as a sentence a user can act on.

use std::path::PathBuf;

/// Everything that can go wrong while building or validating the dataset.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },

    /// A row or header of the manifest (raw/sources.csv) is malformed.
    #[error("{}:{line}: {message}", path.display())]
    Manifest { path: PathBuf, line: u64, message: String },

    /// An article's bytes do not hash to the manifest's sha256.
    #[error(
        "{}: sha256 is {actual} but {}:{line} says {expected}; the file changed since it was registered \
         (if the change is intended, update its sha256 in the manifest)",
        path.display(),
        manifest.display()
    )]
    ChecksumMismatch { path: PathBuf, manifest: PathBuf, line: u64, expected: String, actual: String },

    /// An article is not valid UTF-8.
    #[error("{}: not valid UTF-8 at byte {offset}; articles must be UTF-8 text", path.display())]
    NotUtf8 { path: PathBuf, offset: usize },

    /// A file given to `add` is malformed where a line can be named: its front matter, or a
    /// date in it.
    #[error("{}{}: {message}; nothing was added", path.display(), line.map(|l| format!(":{l}")).unwrap_or_default())]
    Article { path: PathBuf, line: Option<u64>, message: String },

    /// A file given to `add` has the same text (or page) as an article already in the corpus,
    /// or as another file of the same command; `place` says where that one is.
    #[error("{}: already in the corpus as {source_id} ({place} has the same sha256 {sha256}); nothing was added", path.display())]
    AlreadyInCorpus { path: PathBuf, source_id: String, place: String, sha256: String },

    /// A file given to `add` holds no article text (`what` says what was empty).
    #[error("{}: {what}; nothing was added", path.display())]
    EmptyArticle { path: PathBuf, what: String },

    /// The language of a file given to `add` is unknown or has no lexicon.
    #[error("{}: {message}; nothing was added", path.display())]
    Language { path: PathBuf, message: String },

    /// A knowledge file (lexicon, measure catalog, derivation catalog) is malformed.
    #[error("{file}: {message}")]
    Knowledge { file: String, message: String },

    /// The review sheet (raw/review.xlsx, .ods or .csv) is malformed, or a decision in it cannot
    /// be applied: the file, and the sheet, row (1-based, as a spreadsheet shows it) and column
    /// when the problem is in a cell.
    #[error("{}: {message}", review_place(file, sheet, row, column))]
    Review { file: PathBuf, sheet: Option<String>, row: Option<usize>, column: Option<String>, message: String },

    /// Decisions of the review sheet refer to mentions that no longer exist (the article or the
    /// extractor changed); `stale` lists them as `row N: mention_id`.
    #[error(
        "{}: {} decision(s) refer to mentions that no longer exist (the article or the extractor changed):\n  {}\n\
         point them at the current mention_id (see output/mentions.csv) or delete those rows; \
         `build --allow-stale` skips them instead",
        file.display(),
        stale.len(),
        stale.join("\n  ")
    )]
    ReviewStale { file: PathBuf, stale: Vec<String> },

    /// Writing a table failed.
    #[error("writing {}: {message}", path.display())]
    Write { path: PathBuf, message: String },

    /// The report cannot be drawn from the tables and texts it was given: a column it reads is
    /// missing, or a mention's span does not fit its article's text.
    #[error("report: {}: {message}", path.display())]
    Report { path: PathBuf, message: String },

    /// The tables handed to the loader break their definitions, so nothing was written and the
    /// previous output is untouched. `first` lists the first violations, one per line, each as
    /// `file:line:column: what is wrong` for the file that would have been written.
    #[error(
        "refusing to write {}: the tables break their definitions in {count} place(s); the first:\n{first}\n\
         fix the stage that built these rows (the previous output is untouched)",
        out.display()
    )]
    Rejected { out: PathBuf, count: usize, first: String },

    /// `validate` found violations; each has been reported.
    #[error("{count} violation(s) found in {}", dir.display())]
    Invalid { dir: PathBuf, count: usize },

    /// A shard folder is missing, incomplete or inconsistent with the others of a merge.
    #[error("{}: {message}", path.display())]
    Shard { path: PathBuf, message: String },

    /// A command-line argument is unusable.
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// Wrap an I/O error with the path it happened on.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io { path: path.into(), source }
    }

    /// The process exit code documented in `--help`: 1 for invalid data, 2 for bad input or
    /// usage, 3 for I/O failures.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Invalid { .. } => 1,
            Error::Io { .. } | Error::Write { .. } => 3,
            _ => 2,
        }
    }
}

/// `file, sheet "S", row R, column C` for a review error, leaving out what is unknown.
fn review_place(file: &std::path::Path, sheet: &Option<String>, row: &Option<usize>, column: &Option<String>) -> String {
    let mut place = file.display().to_string();
    if let Some(s) = sheet {
        place.push_str(&format!(", sheet {s:?}"));
    }
    if let Some(r) = row {
        place.push_str(&format!(", row {r}"));
    }
    if let Some(c) = column {
        place.push_str(&format!(", column {c}"));
    }
    place
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
