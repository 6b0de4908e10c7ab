//! The whole build: raw/ -> extract -> transform -> load. [`build`] is what `cecot-data build`
//! runs; [`build_tables`] stops before writing, for tests and other programs.

use std::path::{Path, PathBuf};
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};

use crate::corpus::{self, Source};
use crate::error::{Error, Result};
use crate::extract::{ArticleContext, Extraction, Extractor, Lexicons};
use crate::load::schema;
use crate::load::{Cell, DocSection, Table};
use crate::review::{self, ReviewReport};
use crate::transform::claims::{self, Catalog, EMBEDDED_MEASURES};
use crate::transform::derived::{DerivedCatalog, EMBEDDED_DERIVED};
use crate::transform::statements::statements_table;
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
}

/// Load the lexicons: from `<schemas>/lexicon/` when given, else the embedded ones.
pub fn load_lexicons(schemas: Option<&Path>) -> Result<Lexicons> {
    match schemas {
        Some(dir) => Lexicons::from_dir(&dir.join("lexicon")),
        None => Lexicons::embedded(),
    }
}

/// Extract the mentions of every article of a corpus and read them as claims.
pub fn extract_corpus(sources: &[Source], knowledge: &Knowledge) -> Result<Vec<Extraction>> {
    extract_corpus_with_progress(sources, knowledge, &ProgressBar::hidden())
}

/// [`extract_corpus`], ticking a progress bar once per article.
fn extract_corpus_with_progress(sources: &[Source], knowledge: &Knowledge, progress: &ProgressBar) -> Result<Vec<Extraction>> {
    let lexicons = &knowledge.lexicons;
    let extractors: std::collections::BTreeMap<&str, Extractor> = lexicons.by_language.iter().map(|(lang, lex)| (lang.as_str(), Extractor::new(lex))).collect();
    sources
        .iter()
        .map(|s| {
            progress.inc(1);
            let (lexicon, extractor) = lexicons.get(&s.language).zip(extractors.get(s.language.as_str())).ok_or_else(|| Error::Knowledge {
                file: "lexicon".into(),
                message: format!("no lexicon for language {:?} (article {})", s.language, s.source_id),
            })?;
            let mut ex = extractor.extract(&s.text, ArticleContext { published: s.published });
            claims::assign_measures(&ex.doc, &mut ex.mentions, &knowledge.measures, lexicon);
            claims::assign_as_of(&ex.doc, &mut ex.mentions, lexicon, ex.reference_date, ex.reference_period.as_deref());
            Ok(ex)
        })
        .collect()
}

/// Read a corpus, apply its review sheet and compute every table.
pub fn build_tables(raw: &Path, knowledge: &Knowledge, allow_stale: bool, show_progress: bool) -> Result<Tables> {
    let sources = corpus::load(raw)?;
    let progress = if show_progress && sources.len() >= PROGRESS_MIN_ARTICLES {
        let bar = ProgressBar::new(sources.len() as u64);
        bar.set_style(ProgressStyle::with_template("{bar:40} {pos}/{len} articles {elapsed}").unwrap_or_else(|_| ProgressStyle::default_bar()));
        bar
    } else {
        ProgressBar::hidden()
    };
    let mut extractions = extract_corpus_with_progress(&sources, knowledge, &progress)?;
    progress.finish_and_clear();
    let units = known_units(&knowledge.lexicons);
    let review = review::review_corpus(raw, &sources, &mut extractions, &knowledge.measures, &units, allow_stale)?;
    let mentions = mentions_table(&sources, &extractions);
    let statements = statements_table(&sources, &extractions);
    let claims = inputs::claims_from_tables(&statements, &mentions);
    let derived = derived::derive(&knowledge.derived, &claims, &knowledge.measures);
    Ok(Tables {
        sources: sources_table(&sources, &extractions),
        mentions,
        statements,
        derived: derived.table,
        comparisons: comparisons::compare(&claims, &knowledge.measures),
        review,
        missing_derived: derived.missing,
        capped_derived: derived.capped,
    })
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
         Each reference picks every figure that fits it (a figure is one measure, period, value, qualifier and unit, with \
         every statement that states it) and the entry gives one row per combination of figures, naming their statements in \
         `inputs`; a reference that picks none gives no row (the build prints which). An entry of scope `article` combines \
         the figures of one article at a time; one of scope `sources` combines the distinct figures of the whole corpus, \
         at most `max_figures_per_reference` ({cap}) per reference, the most-cited (the build prints which references \
         had more). A statement enters at \
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
         optionally check, units, same_source, same_as_of, distinct_sources, chronological, select, scope, assume, note; the \
         file's header explains each), then `cecot-data build`. An unknown measure id or a literal number is an error \
         naming the entry.\n\n\
         | id | formula | unit | check | description |\n|---|---|---|---|---|\n",
        constants.join(", "),
        cap = knowledge.derived.max_figures
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
                Cell::text(m.review.as_str()),
                Cell::opt_text(m.reviewer.clone()),
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

/// Write a fresh review sheet (`.xlsx` or `.csv`) listing the statements the extractor finds
/// in the corpus at `raw`: what `cecot-data review-sheet` runs. Returns the rows written.
pub fn review_sheet(raw: &Path, schemas: Option<&Path>, out: &Path) -> Result<usize> {
    let knowledge = Knowledge::load(schemas)?;
    let sources = corpus::load(raw)?;
    let extractions = extract_corpus(&sources, &knowledge)?;
    review::write_sheet(out, &sources, &extractions)
}

/// Build the dataset from `opts.raw` into `opts.out`.
pub fn build(opts: &BuildOptions) -> Result<BuildSummary> {
    let started = Instant::now();
    let knowledge = Knowledge::load(opts.schemas.as_deref())?;
    let tables = build_tables(&opts.raw, &knowledge, opts.allow_stale, opts.progress)?;
    let summary = BuildSummary {
        articles: tables.sources.rows.len(),
        mentions: tables.mentions.rows.len(),
        statements: tables.statements.rows.len(),
        seconds: 0.0,
        review: tables.review.clone(),
        missing_derived: tables.missing_derived.clone(),
        capped_derived: tables.capped_derived.clone(),
    };
    let mut docs = doc_sections(&knowledge);
    docs.extend(tables.review.as_ref().map(review::doc_section));
    crate::load::write_dataset(&opts.out, &tables.all(), &docs)?;
    Ok(BuildSummary { seconds: started.elapsed().as_secs_f64(), ..summary })
}
