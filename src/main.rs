//! `cecot-data`: the command line. Flags are declared once here, with their docs; the work
//! lives in the library.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use cecot_data::corpus::add::{add, preview, AddOptions, Added, Citation};
use cecot_data::error::Error;
use cecot_data::pipeline::{build, review_sheet, BuildOptions};

const EXAMPLES: &str = "\
Examples:
  cecot-data add saved-page.html            # put an article into raw/ (text, page, manifest row)
  cecot-data add clip.md --lang es --dry-run
  cecot-data build                          # raw/ -> output/
  cecot-data build --raw my_corpus --out /tmp/ds
  cecot-data review-sheet --out review.xlsx # a sheet to review the statements in; save it as raw/review.xlsx
  cecot-data validate output/               # check a dataset against the table schemas
  cecot-data schemas --write schemas/       # regenerate schemas/tables/*.schema.json
  cecot-data bench --sizes 1,10,50          # extraction throughput in MB/s

Exit codes:
  0  success
  1  validate found violations
  2  bad input (manifest, checksum, knowledge file, review sheet, arguments, an article add refuses)
  3  a file could not be read or written";

/// Lines of text `add --dry-run` shows per article.
const PREVIEW_LINES: usize = 8;

#[derive(Parser)]
#[command(name = "cecot-data", version, about = "Build the CECOT numeric-claims dataset from news articles in raw/", after_help = EXAMPLES)]
struct Cli {
    /// Print nothing on stderr but errors.
    #[arg(long, short, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the dataset: read the corpus, extract, transform, write CSV + Parquet + dictionary,
    /// and the report (report/index.html, one page per article and per measure, charts/*.svg).
    ///
    /// The output is written to a temporary folder and swapped in only when complete: a failed
    /// build leaves the previous output as it was. A review sheet in the corpus folder
    /// (review.xlsx, review.ods or review.csv) is applied to the mentions before the statements
    /// are made.
    Build {
        /// Corpus folder: a manifest sources.csv and the articles it lists.
        #[arg(long, default_value = "raw")]
        raw: PathBuf,
        /// Dataset folder to write.
        #[arg(long, default_value = "output")]
        out: PathBuf,
        /// Read the lexicons and catalogs from this folder instead of the copies in the binary.
        #[arg(long)]
        schemas: Option<PathBuf>,
        /// Skip review decisions whose mention no longer exists (listed as warnings) instead of failing.
        #[arg(long)]
        allow_stale: bool,
        /// Articles extracted at once, one per thread; default: one per core.
        #[arg(long, short)]
        jobs: Option<usize>,
        /// Build only shard I of N (the articles whose source_id hashes to I) and write its rows
        /// as Parquet under --out, for `merge`; shards of one split may share one --out.
        #[arg(long, value_name = "I/N")]
        shard: Option<cecot_data::shard::Shard>,
    },
    /// Merge shards written by `build --shard I/N` into the dataset a single build writes.
    ///
    /// Reads every shard's rows, puts the articles back in manifest order, computes the
    /// comparisons and derived figures once and writes CSV + Parquet + dictionary.
    Merge {
        /// Folders holding the shards (each `--out` of `build --shard`).
        #[arg(required = true)]
        shards: Vec<PathBuf>,
        /// Dataset folder to write.
        #[arg(long, default_value = "output")]
        out: PathBuf,
        /// Corpus folder: its article texts for the report's pages, and its review sheet when the
        /// shards were built with one.
        #[arg(long, default_value = "raw")]
        raw: PathBuf,
        /// Read the lexicons and catalogs from this folder instead of the copies in the binary.
        #[arg(long)]
        schemas: Option<PathBuf>,
        /// Skip review decisions whose mention no longer exists instead of failing.
        #[arg(long)]
        allow_stale: bool,
    },
    /// Add articles to the corpus from text files (.txt, .md) or saved web pages (.html, .htm).
    ///
    /// A text is stored as it is (its front matter read for the citation); a page's article
    /// paragraphs are stored without navigation, scripts, share buttons and bylines, and the page
    /// itself kept under <raw>/html/. Each file gets a source_id and a manifest row with its
    /// sha256; the language is detected when --lang is not given. Flags win over what the file
    /// says. A file already in the corpus, unreadable, not UTF-8, empty, with a bad date or in a
    /// language without a lexicon is refused and nothing is written.
    Add {
        /// Files to add.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Corpus folder.
        #[arg(long, default_value = "raw")]
        raw: PathBuf,
        /// Language of the text (en or es); detected from the text when absent.
        #[arg(long)]
        lang: Option<String>,
        /// Address the article was published at.
        #[arg(long)]
        url: Option<String>,
        /// Publication date, YYYY-MM-DD.
        #[arg(long)]
        published: Option<String>,
        /// Outlet that published it.
        #[arg(long)]
        publisher: Option<String>,
        /// Headline.
        #[arg(long)]
        title: Option<String>,
        /// Author(s), `; `-separated.
        #[arg(long)]
        author: Option<String>,
        /// Show the manifest row and the first lines of the text; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Read add.toml (front-matter and page rules) from this folder instead of the copy in the binary.
        #[arg(long)]
        schemas: Option<PathBuf>,
    },
    /// Write a review sheet listing the statements the extractor finds, to record decisions in.
    ///
    /// One row per statement: mention_id filled in, the decision columns (action, field,
    /// new_value, reviewer, reviewed_on, note) empty, then what was extracted. Fill in the rows
    /// you decide on and save the sheet as <raw>/review.xlsx (or .ods, .csv); the next build
    /// applies it.
    ReviewSheet {
        /// Corpus folder.
        #[arg(long, default_value = "raw")]
        raw: PathBuf,
        /// File to write: .xlsx or .csv. Not inside the corpus folder, so it is applied only once you move it there.
        #[arg(long, default_value = "review.xlsx")]
        out: PathBuf,
        /// Read the lexicons and catalogs from this folder instead of the copies in the binary.
        #[arg(long)]
        schemas: Option<PathBuf>,
    },
    /// Check a dataset against the table schemas; prints `file:line:column: problem` per violation.
    Validate {
        /// Dataset folder.
        #[arg(default_value = "output")]
        dir: PathBuf,
    },
    /// Write the table schemas (Table Schema JSON) generated from the table definitions.
    Schemas {
        /// Folder to write `tables/<table>.schema.json` into.
        #[arg(long, default_value = "schemas")]
        write: PathBuf,
    },
    /// Measure extraction throughput on the corpus repeated to several sizes.
    Bench {
        /// Corpus folder.
        #[arg(long, default_value = "raw")]
        raw: PathBuf,
        /// Sizes in MB, comma-separated.
        #[arg(long, value_delimiter = ',', default_value = "1,10,100")]
        sizes: Vec<usize>,
        /// Timed runs per size; each size reports its fastest.
        #[arg(long, default_value_t = cecot_data::bench::DEFAULT_RUNS)]
        runs: usize,
        /// Time whole builds instead (each in a child process): wall time, time per article,
        /// peak RSS and rows per table at each of --articles.
        #[arg(long)]
        build: bool,
        /// With --build: corpus sizes in articles (the corpus repeated under distinct ids).
        #[arg(long, value_delimiter = ',', default_value = "1000,10000")]
        articles: Vec<usize>,
        /// With --build: threads of each build (default: all cores).
        #[arg(long, short)]
        jobs: Option<usize>,
    },
}

/// Have glibc serve large allocations from its heap and keep freed memory there, instead of
/// mapping each one fresh and unmapping it on free (its default above 32 MB). A long text's
/// buffers (its code points and tokens: about 13 bytes per byte of text) were otherwise faulted
/// in page by page on every article: 35,700 page faults per 10 MB extract, at about 3 us each
/// on these VMs, which was the whole of the bench's 10 MB / 1 MB throughput gap (issue 12).
/// Allocations under 32 MB, all an ordinary article makes, are served from the heap either way.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn keep_large_buffers() {
    const LIMIT: libc::c_int = 1 << 30;
    // SAFETY: `mallopt` only sets two of the allocator's tuning parameters; it is called first
    // thing in `main`, before any other thread exists, and takes no pointers. A refused value
    // (return 0) leaves glibc's default, which is still correct, only slower.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, LIMIT);
        libc::mallopt(libc::M_TRIM_THRESHOLD, LIMIT);
    }
}

/// Other platforms keep their allocator's defaults.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn keep_large_buffers() {}

fn main() -> ExitCode {
    keep_large_buffers();
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(e.exit_code() as u8)
        }
    }
}

fn run(cli: Cli) -> Result<(), Error> {
    match cli.command {
        Command::Build { raw, out, schemas, allow_stale, jobs, shard } => {
            let summary = build(&BuildOptions { raw, out: out.clone(), schemas, allow_stale, progress: !cli.quiet, jobs, shard })?;
            if let Some(shard) = shard {
                if !cli.quiet {
                    eprintln!(
                        "built shard {}/{} into {}: {} articles, {} mentions, {} statements in {:.2}s",
                        shard.index,
                        shard.count,
                        out.display(),
                        summary.articles,
                        summary.mentions,
                        summary.statements,
                        summary.seconds
                    );
                }
                return Ok(());
            }
            report_build(&out, &summary, cli.quiet);
            Ok(())
        }
        Command::Merge { shards, out, raw, schemas, allow_stale } => {
            let summary = cecot_data::pipeline::merge(&cecot_data::pipeline::MergeOptions { shards, out: out.clone(), raw, schemas, allow_stale })?;
            report_build(&out, &summary, cli.quiet);
            Ok(())
        }
        Command::Validate { dir } => {
            let violations = cecot_data::load::validate_dir(&dir)?;
            for v in &violations {
                println!("{v}");
            }
            if violations.is_empty() {
                if !cli.quiet {
                    eprintln!("{}: valid", dir.display());
                }
                Ok(())
            } else {
                Err(Error::Invalid { dir, count: violations.len() })
            }
        }
        Command::Schemas { write } => {
            cecot_data::load::write_schema_files(&write)?;
            if !cli.quiet {
                eprintln!("wrote {}/tables/*.schema.json", write.display());
            }
            Ok(())
        }
        Command::ReviewSheet { raw, out, schemas } => {
            let rows = review_sheet(&raw, schemas.as_deref(), &out)?;
            if !cli.quiet {
                let ext = out.extension().and_then(|e| e.to_str()).unwrap_or("xlsx");
                eprintln!("wrote {}: {rows} statements to review; fill in the rows you decide on and save it as {}/review.{ext}", out.display(), raw.display());
            }
            Ok(())
        }
        Command::Bench { raw, build: true, articles, jobs, .. } => {
            let exe = std::env::current_exe().map_err(|e| Error::io("cecot-data", e))?;
            let work = tempfile_dir()?;
            let rows = cecot_data::bench_build::run(&exe, &raw, &articles, jobs, &work);
            let _ = std::fs::remove_dir_all(&work);
            print!("{}", cecot_data::bench_build::report(&rows?));
            Ok(())
        }
        Command::Bench { raw, sizes, runs, .. } => bench(&raw, &sizes, runs),
        Command::Add { files, raw, lang, url, published, publisher, title, author, dry_run, schemas } => {
            let citation = Citation { title, url, publisher, author, published, lang };
            let added = add(&AddOptions { files, raw: raw.clone(), schemas: schemas.clone(), citation, dry_run })?;
            let knowledge = cecot_data::pipeline::Knowledge::load(schemas.as_deref())?;
            report_added(&added, &knowledge, &raw, dry_run, cli.quiet);
            Ok(())
        }
    }
}

/// `add --dry-run` shows each row and the start of its text on stdout; `add` says what it
/// wrote and what to run next.
fn report_added(added: &[Added], knowledge: &cecot_data::pipeline::Knowledge, raw: &std::path::Path, dry_run: bool, quiet: bool) {
    if dry_run {
        for a in added {
            print!("{}", preview(a, PREVIEW_LINES));
            println!("{}", numbers_read_as(a, knowledge));
        }
        return;
    }
    if quiet {
        return;
    }
    for a in added {
        let page = a.page_path.as_ref().map(|p| format!(" (page kept as {})", p.display())).unwrap_or_default();
        eprintln!("added {} as {}: {}{page}; {}", a.file.display(), a.source_id, a.text_path.display(), numbers_read_as(a, knowledge));
    }
    let raw_flag = if raw == std::path::Path::new("raw") { String::new() } else { format!(" --raw {}", raw.display()) };
    eprintln!("next: cecot-data build{raw_flag}");
}

/// The number format the build will read an added article in, and what decides it.
fn numbers_read_as(a: &Added, knowledge: &cecot_data::pipeline::Knowledge) -> String {
    let field = |name: &str| a.row.iter().find(|(c, v)| c == name && !v.is_empty()).map(|(_, v)| v.as_str());
    let Some(lexicon) = field("language").and_then(|l| knowledge.lexicons.get(l)) else { return String::new() };
    let manifest = field("number_format").and_then(cecot_data::corpus::number_format::NumberFormat::parse);
    let d = cecot_data::knowledge::decide_number_format(knowledge, lexicon, manifest, &a.text, field("url"), field("publisher"));
    format!("numbers read as {} ({})", d.format, d.basis.as_str())
}

/// The build summary on stderr: review decisions, counts, derived figures without a row.
fn report_build(out: &std::path::Path, summary: &cecot_data::pipeline::BuildSummary, quiet: bool) {
    if let Some(r) = &summary.review {
        for s in &r.stale {
            eprintln!("warning: {}, row {}: mention {} no longer exists; decision skipped (--allow-stale)", r.file.display(), s.row, s.mention_id);
        }
        if !quiet {
            eprintln!(
                "review {}: {} decisions applied ({} accepted, {} rejected, {} corrected mentions)",
                r.file.display(),
                r.applied,
                r.accepted,
                r.rejected,
                r.corrected
            );
        }
    }
    if !quiet {
        eprintln!(
            "built {}: {} articles, {} mentions, {} statements in {:.2}s",
            out.display(),
            summary.articles,
            summary.mentions,
            summary.statements,
            summary.seconds
        );
        if !summary.missing_derived.is_empty() {
            eprintln!("derived figures without a row ({}):", summary.missing_derived.len());
            for line in &summary.missing_derived {
                eprintln!("  {line}");
            }
        }
        if !summary.capped_derived.is_empty() {
            eprintln!("derived figures over the cap on distinct figures ({}):", summary.capped_derived.len());
            for line in &summary.capped_derived {
                eprintln!("  {line}");
            }
        }
    }
}

/// A fresh folder under the system's temporary directory for the build benchmark.
fn tempfile_dir() -> Result<PathBuf, Error> {
    let dir = std::env::temp_dir().join(format!("cecot-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    Ok(dir)
}

fn bench(raw: &std::path::Path, sizes: &[usize], runs: usize) -> Result<(), Error> {
    let rows = cecot_data::bench::run(raw, sizes, runs)?;
    print!("{}", cecot_data::bench::report(&rows));
    Ok(())
}
