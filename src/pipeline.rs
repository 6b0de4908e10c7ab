//! The whole build: raw/ -> extract -> transform -> load. [`build`] is what `cecot-data build`
//! runs; [`build_tables`] stops before writing, for tests and other programs.

use std::path::{Path, PathBuf};
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};

use std::io::IsTerminal;

use rayon::prelude::*;

use crate::article::{article_rows, ArticleRows, Tools};
use crate::corpus::{self, Article, Entry, Manifest, Source};
use crate::error::{Error, Result};
use crate::extract::{Extraction, Lexicons};
use crate::load::rows::{rows_table, MentionRow, SourceRow, StatementRow};
use crate::load::{DocSection, Table};
use crate::review::{self, ArticleReview, ReviewReport};
use crate::transform::claims::{Catalog, EMBEDDED_MEASURES};
use crate::transform::derived::{DerivedCatalog, EMBEDDED_DERIVED};
use crate::transform::{comparisons, derived, inputs};

/// The knowledge files: lexicons and the measure catalog, embedded in the binary or read
/// from a folder laid out like `schemas/` (`--schemas DIR`).
#[derive(Debug, Clone)]
pub struct Knowledge {
    pub lexicons: Lexicons,
    pub measures: Catalog,
    /// The derivation catalog (schemas/derived.toml).
    pub derived: DerivedCatalog,
}

impl Knowledge {
    /// Load and check every knowledge file.
    pub fn load(schemas: Option<&Path>) -> Result<Knowledge> {
        let lexicons = load_lexicons(schemas)?;
        let units = known_units(&lexicons);
        let (file, text) = knowledge_file(schemas, "measures.toml", EMBEDDED_MEASURES)?;
        let measures = Catalog::parse(&file, &text, &units)?;
        let (file, text) = knowledge_file(schemas, "derived.toml", EMBEDDED_DERIVED)?;
        let derived = DerivedCatalog::parse(&file, &text, &measures)?;
        Ok(Knowledge { lexicons, measures, derived })
    }
}

/// A knowledge file's name (for errors) and text: `<schemas>/<name>` when a folder is given,
/// else the copy embedded in the binary.
fn knowledge_file(schemas: Option<&Path>, name: &str, embedded: &str) -> Result<(String, String)> {
    match schemas {
        Some(dir) => {
            let path = dir.join(name);
            let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
            Ok((path.display().to_string(), text))
        }
        None => Ok((format!("schemas/{name} (embedded)"), embedded.to_string())),
    }
}

/// Every unit the extractor can give a mention, from the lexicons.
pub fn known_units(lexicons: &Lexicons) -> Vec<String> {
    let mut units: Vec<String> = vec!["USD".into(), "percent".into(), "fraction".into(), "occasions".into(), "clock_time".into()];
    for lex in lexicons.by_language.values() {
        units.extend(lex.units.keys().cloned());
        units.extend(lex.durations.values().cloned());
        units.extend(lex.measures_units.values().map(|m| m.unit.clone()));
    }
    units.sort();
    units.dedup();
    units
}

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
}

impl Default for BuildOptions {
    /// raw/ into output/, embedded schemas, a progress bar, every core.
    fn default() -> BuildOptions {
        BuildOptions { raw: "raw".into(), out: "output".into(), schemas: None, allow_stale: false, progress: true, jobs: None }
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
}

impl Tables {
    /// Every table, in the order of [`schema::TABLES`].
    pub fn all(&self) -> Vec<Table> {
        vec![self.sources.clone(), self.mentions.clone(), self.statements.clone(), self.derived.clone(), self.comparisons.clone()]
    }
}

/// Load the lexicons: from `<schemas>/lexicon/` when given, else the embedded ones.
pub fn load_lexicons(schemas: Option<&Path>) -> Result<Lexicons> {
    match schemas {
        Some(dir) => Lexicons::from_dir(&dir.join("lexicon")),
        None => Lexicons::embedded(),
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

/// Read a corpus and apply its review sheet: the rows of every article, in manifest order,
/// computed in parallel on the current rayon pool.
pub fn corpus_rows(raw: &Path, knowledge: &Knowledge, allow_stale: bool, show_progress: bool) -> Result<(CorpusRows, Option<ReviewReport>)> {
    let manifest = corpus::read_manifest(raw)?;
    corpus_rows_of(&manifest, &manifest.entries, knowledge, allow_stale, show_progress)
}

/// [`corpus_rows`] for some entries of a manifest (a shard's).
pub fn corpus_rows_of(manifest: &Manifest, entries: &[Entry], knowledge: &Knowledge, allow_stale: bool, show_progress: bool) -> Result<(CorpusRows, Option<ReviewReport>)> {
    let decisions = review::load_decisions(&manifest.dir)?;
    let tools = Tools::new(knowledge, decisions.as_ref());
    let progress = progress_bar(show_progress, entries.len());
    let articles: Vec<Result<ArticleRows>> = entries
        .par_iter()
        .map(|entry| {
            let text = manifest.read_text(entry)?;
            let rows = article_rows(&entry.source, &text, &tools);
            progress.inc(1);
            rows
        })
        .collect();
    progress.finish_and_clear();
    let mut rows = CorpusRows::default();
    let mut done = ArticleReview::default();
    for article in articles {
        let mut article = article?;
        done.add(std::mem::take(&mut article.review));
        rows.push(article);
    }
    let review = decisions.map(|d| d.report(done).refuse_stale(allow_stale)).transpose()?;
    Ok((rows, review))
}

/// The corpus-wide transforms over the articles' rows (claims, derived figures,
/// comparisons) and every table: what a build and a merge of shards both finish with.
pub fn tables_of(rows: CorpusRows, knowledge: &Knowledge, review: Option<ReviewReport>) -> Tables {
    let claims = inputs::claims_of(&rows.statements, &rows.mentions);
    let derived = derived::derive(&knowledge.derived, &claims, &knowledge.measures);
    let comparisons = comparisons::compare(&claims, &knowledge.measures);
    Tables {
        sources: rows_table(rows.sources),
        mentions: rows_table(rows.mentions),
        statements: rows_table(rows.statements),
        derived: rows_table(derived.rows),
        comparisons: rows_table(comparisons),
        review,
        missing_derived: derived.missing,
    }
}

/// Read a corpus, apply its review sheet and compute every table, on the current rayon pool.
pub fn build_tables(raw: &Path, knowledge: &Knowledge, allow_stale: bool, show_progress: bool) -> Result<Tables> {
    let (rows, review) = corpus_rows(raw, knowledge, allow_stale, show_progress)?;
    Ok(tables_of(rows, knowledge, review))
}

/// The dictionary sections that document the knowledge files.
pub fn doc_sections(knowledge: &Knowledge) -> Vec<DocSection> {
    let mut measures = String::from(
        "Each statement's `measure` is an id of this catalog (schemas/measures.toml). A statement gets the \
         entry whose unit and kind fit it, whose context words appear in its sentence (or the one before), with at \
         least one cue word, and whose context and cue words score highest (nearer the figure scores more); below the catalog's minimum score, or on a tie, the measure stays \
         empty. A date or year becomes a statement only when a date measure fits it (\"CECOT opened in 2023\").\n\n\
         A measure marked cumulative is a running total: the comparison reads its differing claims over time as a \
         series.\n\n\
         | id | title | unit | kinds | cumulative | description |\n|---|---|---|---|---|---|\n",
    );
    for m in &knowledge.measures.measures {
        let cumulative = if m.cumulative { "yes" } else { "" };
        measures.push_str(&format!("| `{}` | {} | {} | {} | {} | {} |\n", m.id, m.title, m.unit, m.kinds.join(", "), cumulative, m.description));
    }
    if !knowledge.measures.person_attributes.is_empty() {
        measures.push_str(
            "\nAttributes of a named person get one measure per person, `<prefix>_<name>`: the name is the one the \
             figure is in apposition to (`Ana Pérez, 39,`, `Ana Pérez: a 39-year-old nurse`; a surname alone takes the \
             full name given earlier in the article), folded to ASCII snake_case (`age_ana_perez`).\n\n\
             | prefix | title | unit | kinds | description |\n|---|---|---|---|---|\n",
        );
        for p in &knowledge.measures.person_attributes {
            measures.push_str(&format!("| `{}_<name>` | {} | {} | {} | {} |\n", p.prefix, p.title, p.unit, p.kinds.join(", "), p.description));
        }
    }
    let rules = format!(
        "- `as_of`, in order of precedence: a date right after the figure (`12 in 2021`); for the ends of a \
         change, the ends of the sentence's period (`between 2021 and 2024, from 210 to 3,900`); the anchors of the \
         figure's clause, else of its sentence when no other figure's clause holds them (`in March 2025` -> \
         `2025-03`; two anchors after `between`/`from` -> `A/B`; `since 2022` -> `2022/<article date>`; `fiscal year \
         2024` -> `2023-10/2024-09`; the level a change reaches, `to 98,000`, takes the period's end); the period of \
         a survey stated earlier (`Between June and November 2024 we surveyed`); the sentence's first anchor, though \
         another figure's clause holds it (`104,800 in mid-2023, in facilities built for 58,300`); for a sentence in \
         the present tense (a present-tense cue of the lexicon, or no past-tense form at all), the article's date at \
         the precision it is written (not for durations, which state a term: `within 72 hours`); the one anchor (or joined period) of the sentence before; the last free anchor earlier \
         in the paragraph. Anchors are date and year mentions, and expressions relative to the article's date \
         (manifest `published`, else a dateline at the top of the text): `this month`, `anoche`, `last summer` (the \
         months of a season of the lexicon's [seasons]), and `since then`/`desde entonces`, which runs from the last \
         date before it to the article's date. Counts of sources (`three inmates told me`, `two independent sources`) get none, and ages take \
         only an anchor of their own clause or the article's date. `as_of_start`/`as_of_end` are the first and last \
         day of the period.\n\
         - `interval_low`/`interval_high`: exact -> [v, v]; approximately -> [v x (1 - {a}), v x (1 + {a})]; \
         more_than and at_least -> [v, unbounded); less_than and at_most -> (unbounded, v]; just_under -> \
         [v x (1 - {j}), v]; range -> [low, high]; vague -> [low, unbounded).\n\
         - `is_statement` is false for publication metadata and front matter, dates and years that anchor other \
         figures, years inside names (`the Geneva Conventions of 1949`, which anchor nothing either), ordinals, identifiers (citation markers, MS-13, Module 8), list enumerators, clock times, \
         indefinite or partitive `one` (`one of the inmates`), thresholds that define a group (`menores de 18 \
         años`) and sentences about the publication itself (subscribers, reading time).\n",
        a = crate::transform::statements::APPROXIMATELY_TOLERANCE,
        j = crate::transform::statements::JUST_UNDER_TOLERANCE,
    );
    vec![
        DocSection { title: "How claims are read".into(), body_markdown: rules },
        DocSection { title: "Measure catalog".into(), body_markdown: measures },
        DocSection { title: "Derived figures and comparisons".into(), body_markdown: derived_doc(knowledge) },
    ]
}

/// The dictionary section on schemas/derived.toml and the comparison verdicts.
fn derived_doc(knowledge: &Knowledge) -> String {
    let constants: Vec<String> = derived::CONSTANTS.iter().map(|(n, v, d)| format!("`{n}` = {v} ({d})")).collect();
    let mut doc = format!(
        "`derived` rows come from the formulas of schemas/derived.toml. A formula is arithmetic (`+ - * / ^`, parentheses, \
         functions such as `sqrt`, `ln` and `year`) over measure references: `measure_id`, optionally `[as_of]` (statements \
         whose period ends within it), `@source_id` (one source) and `#tag` (a second statement of the same measure). \
         Each reference picks every statement that fits it and the entry gives one row per combination, naming the \
         statements in `inputs`; a reference that picks none gives no row (the build prints which). A statement enters at \
         its stated value (`more than 50` -> 50, said in the note), a range at both ends (rows `<id>_min` and `<id>_max`), \
         a date as a day number; vague plurals do not enter formulas. Durations are converted to the entry's `units` or \
         the measure's unit. Formulas never hold a figure from an article: the only literals are 0 and 1, and conversion \
         factors are named: {}. A date the text gives vaguely is an assumption of the entry (`assume`), with its reason \
         in every row's note.\n\n\
         `check`: the computed value against a stated figure (a statement of the entry's `check` measure other than the \
         inputs, preferably from an input's source): consistent when the stated figure's interval (see How claims are \
         read; `more than`, `less than` and `just under` exclude their figure) admits the value, or the value rounded to \
         the stated figure's precision (4.07 months agrees with `four months`); inconsistent when no such statement \
         does; none without a check.\n\n\
         `comparisons`: one row per measure, and one per period (`<measure>@<as_of>`) where its statements describe \
         different periods. verdict: `single` (one statement); `consistent` (one value satisfies every statement's \
         interval: `more than 50` and `roughly 55`); `time_series` (they disagree only across periods: the statements \
         of each period agree, and each statement without a period agrees with some period: a cumulative count 10 -> 20 -> 30); \
         `conflicting` (they cannot all be true: 40 and `more than 50`). Durations are compared in one time unit; \
         dates as the days they cover (`2023` covers January 2023). min and max are stated values (both ends of a range, \
         the year of a date; vague plurals only bound the verdict).\n\n\
         **Add a derived figure**: add a `[[derived]]` entry to schemas/derived.toml (id, description, formula, unit, \
         optionally check, units, same_source, same_as_of, distinct_sources, chronological, select, assume, note; the \
         file's header explains each), then `cecot-data build`. An unknown measure id or a literal number is an error \
         naming the entry.\n\n\
         | id | formula | unit | check | description |\n|---|---|---|---|---|\n",
        constants.join(", ")
    );
    for d in &knowledge.derived.entries {
        let s = &d.spec;
        let pending = if d.unknown_measures.is_empty() { String::new() } else { format!(" (waits for {})", d.unknown_measures.join(", ")) };
        doc.push_str(&format!(
            "| `{}` | `{}` | {} | {} | {}{} |\n",
            s.id,
            s.formula,
            s.unit,
            s.check.as_deref().map(|c| format!("`{c}`")).unwrap_or_default(),
            s.description,
            pending
        ));
    }
    doc
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

/// Build the dataset from `opts.raw` into `opts.out`.
pub fn build(opts: &BuildOptions) -> Result<BuildSummary> {
    let started = Instant::now();
    let knowledge = Knowledge::load(opts.schemas.as_deref())?;
    let tables = thread_pool(opts.jobs)?.install(|| build_tables(&opts.raw, &knowledge, opts.allow_stale, opts.progress))?;
    let summary = BuildSummary {
        articles: tables.sources.rows.len(),
        mentions: tables.mentions.rows.len(),
        statements: tables.statements.rows.len(),
        seconds: 0.0,
        review: tables.review.clone(),
        missing_derived: tables.missing_derived.clone(),
    };
    let mut docs = doc_sections(&knowledge);
    docs.extend(tables.review.as_ref().map(review::doc_section));
    crate::load::write_dataset(&opts.out, &tables.all(), &docs)?;
    Ok(BuildSummary { seconds: started.elapsed().as_secs_f64(), ..summary })
}
