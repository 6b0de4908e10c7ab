//! The whole build: raw/ -> extract -> transform -> load. [`build`] is what `cecot-data build`
//! runs; [`build_tables`] stops before writing, for tests and other programs.

use std::path::{Path, PathBuf};
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};

use std::io::IsTerminal;

use rayon::prelude::*;

use crate::article::{article_rows_or_left_out, ArticleRows, Tools};
use crate::corpus::{self, Article, Entry, Manifest, Source};
use crate::error::{Error, Result};
use crate::extract::Extraction;
use crate::load::rows::{rows_table, MentionRow, SourceRow, StatementRow};
use crate::load::Table;
use crate::review::{self, ArticleReview, Decisions, ReviewReport};
use crate::shard::{read_shards, write_shard, Shard, ShardManifest};
use crate::transform::{comparisons, corpus_start, derived, inputs};

pub use crate::knowledge::{doc_sections, known_units, load_lexicons, Knowledge};

/// Options of `cecot-data build`.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub raw: PathBuf,
    pub out: PathBuf,
    /// Read lexicons and catalogs from this folder instead of the embedded copies.
    pub schemas: Option<PathBuf>,
    /// Skip review decisions whose mention no longer exists instead of failing.
    pub allow_stale: bool,
    /// Show a progress bar on stderr for corpora large enough to wait for (hidden when
    /// stderr is not a terminal).
    pub progress: bool,
    /// Threads extracting articles at once; None: one per core.
    pub jobs: Option<usize>,
    /// Build only this shard's articles and write their rows, not the dataset.
    pub shard: Option<Shard>,
}

impl Default for BuildOptions {
    /// raw/ into output/, embedded schemas, a progress bar, every core.
    fn default() -> BuildOptions {
        BuildOptions { raw: "raw".into(), out: "output".into(), schemas: None, allow_stale: false, progress: true, jobs: None, shard: None }
    }
}

/// Corpora smaller than this build too fast for a progress bar to help.
const PROGRESS_MIN_ARTICLES: usize = 200;

/// What a build did, for the one-line summary.
#[derive(Debug, Clone)]
pub struct BuildSummary {
    pub articles: usize,
    pub mentions: usize,
    pub statements: usize,
    pub seconds: f64,
    /// What the review sheet did, when raw/ has one.
    pub review: Option<ReviewReport>,
    /// Derived figures that yielded no row, one line each, saying why.
    pub missing_derived: Vec<String>,
    /// References of derived figures that had more distinct figures than the catalog's cap.
    pub capped_derived: Vec<String>,
}

/// The tables of a dataset, before they are written.
#[derive(Debug)]
pub struct Tables {
    pub sources: Table,
    pub mentions: Table,
    pub statements: Table,
    pub derived: Table,
    pub comparisons: Table,
    /// The review sheet applied to the mentions, when raw/ has one.
    pub review: Option<ReviewReport>,
    /// Derived figures that yielded no row, one line each, saying why.
    pub missing_derived: Vec<String>,
    /// References of derived figures that had more distinct figures than the catalog's cap.
    pub capped_derived: Vec<String>,
}

impl Tables {
    /// Every table, in the order of [`schema::TABLES`].
    pub fn all(&self) -> Vec<Table> {
        vec![self.sources.clone(), self.mentions.clone(), self.statements.clone(), self.derived.clone(), self.comparisons.clone()]
    }

    /// Every table, in the order of [`schema::TABLES`], without copying the rows.
    pub fn into_all(self) -> Vec<Table> {
        vec![self.sources, self.mentions, self.statements, self.derived, self.comparisons]
    }
}

/// Extract the mentions of every article of a corpus held in memory and read them as claims
/// (no review applied): for the review sheet and tests.
pub fn extract_corpus(articles: &[Article], knowledge: &Knowledge) -> Result<Vec<Extraction>> {
    let tools = Tools::new(knowledge, None);
    articles.par_iter().map(|a| tools.extract(&a.source, &a.text)).collect::<Vec<_>>().into_iter().collect()
}

/// A progress bar on stderr (articles done, articles per second) for corpora large enough to
/// wait for; hidden otherwise and when stderr is not a terminal.
fn progress_bar(show: bool, articles: usize) -> ProgressBar {
    if !show || articles < PROGRESS_MIN_ARTICLES || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(articles as u64);
    let style = ProgressStyle::with_template("{bar:40} {pos}/{len} articles, {per_sec}, {elapsed} (eta {eta})");
    bar.set_style(style.unwrap_or_else(|_| ProgressStyle::default_bar()));
    bar
}

/// The records of a corpus's articles, in manifest order, before the corpus-wide transforms.
#[derive(Debug, Default)]
pub struct CorpusRows {
    pub sources: Vec<SourceRow>,
    pub mentions: Vec<MentionRow>,
    pub statements: Vec<StatementRow>,
}

impl CorpusRows {
    /// Append one article's rows.
    pub fn push(&mut self, article: ArticleRows) {
        self.sources.push(article.source);
        self.mentions.extend(article.mentions);
        self.statements.extend(article.statements);
    }
}

/// The review sheet of a corpus and what it did to the articles built so far.
#[derive(Debug)]
pub struct Reviewed {
    pub decisions: Decisions,
    pub done: ArticleReview,
}

impl Reviewed {
    /// The report of the whole sheet; stale decisions fail unless `allow_stale`.
    pub fn report(self, allow_stale: bool) -> Result<ReviewReport> {
        self.decisions.report(self.done).refuse_stale(allow_stale)
    }
}

/// Read a corpus and apply its review sheet: the rows of every article, in manifest order,
/// computed in parallel on the current rayon pool.
pub fn corpus_rows(raw: &Path, knowledge: &Knowledge, allow_stale: bool, show_progress: bool) -> Result<(CorpusRows, Option<ReviewReport>)> {
    let manifest = corpus::read_manifest(raw)?;
    let (rows, reviewed) = corpus_rows_of(&manifest, &manifest.entries, knowledge, show_progress)?;
    Ok((rows, reviewed.map(|r| r.report(allow_stale)).transpose()?))
}

/// The rows of some entries of a manifest (all of them, or a shard's), with the review
/// sheet's decisions on them applied.
pub fn corpus_rows_of(manifest: &Manifest, entries: &[Entry], knowledge: &Knowledge, show_progress: bool) -> Result<(CorpusRows, Option<Reviewed>)> {
    let decisions = review::load_decisions(&manifest.dir)?;
    let tools = Tools::new(knowledge, decisions.as_ref());
    let progress = progress_bar(show_progress, entries.len());
    let articles: Vec<Result<ArticleRows>> = entries
        .par_iter()
        .map(|entry| {
            let text = manifest.read_text(entry)?;
            let rows = article_rows_or_left_out(&entry.source, &text, &tools);
            progress.inc(1);
            rows
        })
        .collect();
    progress.finish_and_clear();
    crate::stage_log::done("extract");
    let mut rows = CorpusRows::default();
    let mut done = ArticleReview::default();
    for article in articles {
        let mut article = article?;
        done.add(std::mem::take(&mut article.review));
        rows.push(article);
    }
    crate::stage_log::done("rows gathered");
    Ok((rows, decisions.map(|decisions| Reviewed { decisions, done })))
}

/// The corpus-wide transforms over the articles' rows (claims, derived figures,
/// comparisons) and every table: what a build and a merge of shards both finish with.
pub fn tables_of(mut rows: CorpusRows, knowledge: &Knowledge, review: Option<ReviewReport>) -> Tables {
    // Before the claims: the derived figures and the comparison read the periods it gives.
    corpus_start::apply(&mut rows.mentions, &mut rows.statements, &knowledge.periods, &knowledge.lexicons);
    let claims = inputs::claims_of(&rows.statements, &rows.mentions);
    crate::stage_log::done("claims");
    // The derived figures and the comparison read the same claims and nothing of each other:
    // each on its own thread of the build's pool, and so are the tables' cells.
    let (derived, comparisons) =
        rayon::join(|| derived::derive(&knowledge.derived, &claims, &knowledge.measures), || comparisons::compare(&claims, &knowledge.measures));
    drop(claims);
    crate::stage_log::done("derived and comparisons");
    let CorpusRows { sources, mentions, statements } = rows;
    let (mentions, (statements, sources)) = rayon::join(|| rows_table(mentions), || rayon::join(|| rows_table(statements), || rows_table(sources)));
    Tables {
        sources,
        mentions,
        statements,
        derived: rows_table(derived.rows),
        comparisons: rows_table(comparisons),
        review,
        missing_derived: derived.missing,
        capped_derived: derived.capped,
    }
}

/// Read a corpus, apply its review sheet and compute every table, on the current rayon pool.
pub fn build_tables(raw: &Path, knowledge: &Knowledge, allow_stale: bool, show_progress: bool) -> Result<Tables> {
    let (rows, review) = corpus_rows(raw, knowledge, allow_stale, show_progress)?;
    Ok(tables_of(rows, knowledge, review))
}

/// Write a fresh review sheet (`.xlsx` or `.csv`) listing the statements the extractor finds
/// in the corpus at `raw`: what `cecot-data review-sheet` runs. Returns the rows written.
pub fn review_sheet(raw: &Path, schemas: Option<&Path>, out: &Path) -> Result<usize> {
    let knowledge = Knowledge::load(schemas)?;
    let articles = corpus::load(raw)?;
    let extractions = extract_corpus(&articles, &knowledge)?;
    let sources: Vec<Source> = articles.into_iter().map(|a| a.source).collect();
    review::write_sheet(out, &sources, &extractions)
}

/// A pool of `jobs` threads (None: one per core) to run a build on.
fn thread_pool(jobs: Option<usize>) -> Result<rayon::ThreadPool> {
    if jobs == Some(0) {
        return Err(Error::Usage("--jobs must be 1 or more".into()));
    }
    rayon::ThreadPoolBuilder::new().num_threads(jobs.unwrap_or(0)).build().map_err(|e| Error::Usage(format!("cannot start {jobs:?} threads: {e}")))
}

/// Build the dataset from `opts.raw` into `opts.out`, or with `opts.shard`, one shard's rows.
pub fn build(opts: &BuildOptions) -> Result<BuildSummary> {
    let started = Instant::now();
    crate::stage_log::done("start");
    let knowledge = Knowledge::load(opts.schemas.as_deref())?;
    crate::stage_log::done("knowledge loaded");
    if let Some(shard) = opts.shard {
        return thread_pool(opts.jobs)?.install(|| build_shard(opts, shard, &knowledge, started));
    }
    thread_pool(opts.jobs)?.install(|| {
        let tables = build_tables(&opts.raw, &knowledge, opts.allow_stale, opts.progress)?;
        write_tables(&opts.out, &opts.raw, tables, &knowledge, started)
    })
}

/// Build the articles of one shard and write their rows into `opts.out` (see [`crate::shard`]).
fn build_shard(opts: &BuildOptions, shard: Shard, knowledge: &Knowledge, started: Instant) -> Result<BuildSummary> {
    let manifest = corpus::read_manifest(&opts.raw)?;
    let (places, entries): (Vec<usize>, Vec<Entry>) =
        manifest.entries.iter().enumerate().filter(|(_, e)| shard.holds(&e.source.source_id)).map(|(i, e)| (i, e.clone())).unzip();
    let (rows, reviewed) = corpus_rows_of(&manifest, &entries, knowledge, opts.progress)?;
    let summary = BuildSummary {
        articles: rows.sources.len(),
        mentions: rows.mentions.len(),
        statements: rows.statements.len(),
        seconds: 0.0,
        review: None,
        missing_derived: Vec::new(),
        capped_derived: Vec::new(),
    };
    let articles = places.into_iter().zip(entries).map(|(i, e)| (i, e.source.source_id)).collect();
    let shard_manifest = ShardManifest { index: shard.index, count: shard.count, articles, review: reviewed.map(|r| r.done) };
    write_shard(&opts.out, shard, shard_manifest, rows)?;
    Ok(BuildSummary { seconds: started.elapsed().as_secs_f64(), ..summary })
}

/// Options of `cecot-data merge`.
#[derive(Debug, Clone, Default)]
pub struct MergeOptions {
    /// Folders holding shards written by `build --shard I/N --out DIR`.
    pub shards: Vec<PathBuf>,
    pub out: PathBuf,
    /// The corpus folder: its article texts for the report's pages (one at a time), and its
    /// review sheet when the shards were built with one.
    pub raw: PathBuf,
    pub schemas: Option<PathBuf>,
    pub allow_stale: bool,
}

/// Merge the shards of a corpus into the dataset a single build of it writes.
pub fn merge(opts: &MergeOptions) -> Result<BuildSummary> {
    let started = Instant::now();
    let knowledge = Knowledge::load(opts.schemas.as_deref())?;
    let (rows, done) = read_shards(&opts.shards)?;
    let review = match done {
        None => None,
        Some(done) => {
            let raw = &opts.raw;
            let decisions = review::load_decisions(raw)?
                .ok_or_else(|| Error::Usage(format!("the shards were built with a review sheet, and {} has none", raw.display())))?;
            Some(Reviewed { decisions, done }.report(opts.allow_stale)?)
        }
    };
    write_tables(&opts.out, &opts.raw, tables_of(rows, &knowledge, review), &knowledge, started)
}

/// Write a dataset's tables with their dictionary, and sum up the build.
fn write_tables(out: &Path, raw: &Path, tables: Tables, knowledge: &Knowledge, started: Instant) -> Result<BuildSummary> {
    let summary = BuildSummary {
        articles: tables.sources.rows.len(),
        mentions: tables.mentions.rows.len(),
        statements: tables.statements.rows.len(),
        seconds: 0.0,
        review: tables.review.clone(),
        missing_derived: tables.missing_derived.clone(),
        capped_derived: tables.capped_derived.clone(),
    };
    let mut docs = doc_sections(knowledge);
    docs.extend(tables.review.as_ref().map(review::doc_section));
    let all = tables.into_all();
    crate::stage_log::done("tables");
    crate::load::write_dataset_owned(out, all, &docs, |dir, all| crate::report::write(dir, raw, all))?;
    Ok(BuildSummary { seconds: started.elapsed().as_secs_f64(), ..summary })
}
