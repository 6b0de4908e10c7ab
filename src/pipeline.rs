//! The whole build: raw/ -> extract -> transform -> load. [`build`] is what `cecot-data build`
//! runs; [`build_tables`] stops before writing, for tests and other programs.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::corpus::{self, Source};
use crate::error::{Error, Result};
use crate::extract::{self, ArticleContext, Extraction, Lexicons};
use crate::load::schema;
use crate::load::{Cell, Table};

/// Where the knowledge files come from: embedded in the binary, or a folder laid out like
/// `schemas/` (`--schemas DIR`).
#[derive(Debug, Clone, Default)]
pub struct Knowledge {
    pub lexicons: Option<Lexicons>,
}

/// Options of `cecot-data build`.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub raw: PathBuf,
    pub out: PathBuf,
    /// Read lexicons and catalogs from this folder instead of the embedded copies.
    pub schemas: Option<PathBuf>,
}

/// What a build did, for the one-line summary.
#[derive(Debug, Clone)]
pub struct BuildSummary {
    pub articles: usize,
    pub mentions: usize,
    pub statements: usize,
    pub seconds: f64,
}

/// The tables of a dataset, before they are written.
#[derive(Debug)]
pub struct Tables {
    pub sources: Table,
    pub mentions: Table,
}

impl Tables {
    pub fn all(&self) -> Vec<Table> {
        vec![self.sources.clone(), self.mentions.clone()]
    }
}

/// Load the lexicons: from `<schemas>/lexicon/` when given, else the embedded ones.
pub fn load_lexicons(schemas: Option<&Path>) -> Result<Lexicons> {
    match schemas {
        Some(dir) => Lexicons::from_dir(&dir.join("lexicon")),
        None => Lexicons::embedded(),
    }
}

/// Extract the mentions of every article of a corpus.
pub fn extract_corpus(sources: &[Source], lexicons: &Lexicons) -> Result<Vec<Extraction>> {
    sources
        .iter()
        .map(|s| {
            let lexicon = lexicons.get(&s.language).ok_or_else(|| Error::Knowledge {
                file: "lexicon".into(),
                message: format!("no lexicon for language {:?} (article {})", s.language, s.source_id),
            })?;
            Ok(extract::extract(&s.text, lexicon, ArticleContext { published: s.published }))
        })
        .collect()
}

/// Read a corpus and compute every table.
pub fn build_tables(raw: &Path, schemas: Option<&Path>) -> Result<Tables> {
    let lexicons = load_lexicons(schemas)?;
    let sources = corpus::load(raw)?;
    let extractions = extract_corpus(&sources, &lexicons)?;
    let mentions = mentions_table(&sources, &extractions);
    let sources_table = sources_table(&sources, &extractions);
    Ok(Tables { sources: sources_table, mentions })
}

fn mentions_table(sources: &[Source], extractions: &[Extraction]) -> Table {
    let mut table = Table::new(&schema::MENTIONS);
    for (source, ex) in sources.iter().zip(extractions) {
        for m in &ex.mentions {
            table.push(vec![
                Cell::text(format!("{}:{}-{}", source.source_id, m.start, m.end)),
                Cell::text(source.source_id.clone()),
                Cell::Int(m.start as i64),
                Cell::Int(m.end as i64),
                Cell::text(m.surface.clone()),
                Cell::text(m.kind),
                Cell::opt_text(m.value.clone()),
                Cell::opt_num(m.low),
                Cell::opt_num(m.high),
                Cell::text(m.qualifier),
                Cell::opt_text(m.unit.clone()),
                Cell::Bool(m.is_statement),
                Cell::opt_text(m.measure.clone()),
                Cell::opt_text(m.as_of.clone()),
                Cell::text(ex.doc.sentence_text(m.sentence)),
                Cell::text("unreviewed"),
                Cell::Null,
            ]);
        }
    }
    table
}

fn sources_table(sources: &[Source], extractions: &[Extraction]) -> Table {
    let mut table = Table::new(&schema::SOURCES);
    for (s, ex) in sources.iter().zip(extractions) {
        let statements = ex.mentions.iter().filter(|m| m.is_statement).count();
        table.push(vec![
            Cell::text(s.source_id.clone()),
            Cell::text(s.path.clone()),
            Cell::text(s.sha256.clone()),
            Cell::opt_text(s.title.clone()),
            Cell::opt_text(s.url.clone()),
            Cell::opt_text(s.publisher.clone()),
            Cell::opt_text(s.author.clone()),
            Cell::opt_date(s.published),
            Cell::opt_date(s.retrieved),
            Cell::text(s.language.clone()),
            Cell::opt_text(s.notes.clone()),
            Cell::Int(ex.doc.chars.len() as i64),
            Cell::Int(ex.mentions.len() as i64),
            Cell::Int(statements as i64),
        ]);
    }
    table
}

/// Build the dataset from `opts.raw` into `opts.out`.
pub fn build(opts: &BuildOptions) -> Result<BuildSummary> {
    let started = Instant::now();
    let tables = build_tables(&opts.raw, opts.schemas.as_deref())?;
    let summary = BuildSummary {
        articles: tables.sources.rows.len(),
        mentions: tables.mentions.rows.len(),
        statements: tables.mentions.column("is_statement").map_or(0, |c| c.filter(|v| **v == Cell::Bool(true)).count()),
        seconds: 0.0,
    };
    write_csv_only(&opts.out, &tables.all())?;
    Ok(BuildSummary { seconds: started.elapsed().as_secs_f64(), ..summary })
}

/// Temporary writer until the load layer lands: CSV only.
fn write_csv_only(out: &Path, tables: &[Table]) -> Result<()> {
    std::fs::create_dir_all(out).map_err(|e| Error::io(out, e))?;
    for t in tables {
        let path = out.join(format!("{}.csv", t.def.name));
        let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_path(&path).map_err(|e| Error::Write { path: path.clone(), message: e.to_string() })?;
        w.write_record(t.def.columns.iter().map(|c| c.name)).map_err(|e| Error::Write { path: path.clone(), message: e.to_string() })?;
        for r in &t.rows {
            w.write_record(r.iter().map(|c| c.to_csv_field())).map_err(|e| Error::Write { path: path.clone(), message: e.to_string() })?;
        }
        w.flush().map_err(|e| Error::io(&path, e))?;
    }
    Ok(())
}
