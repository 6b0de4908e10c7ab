//! `cecot-data`: the command line. Flags are declared once here, with their docs; the work
//! lives in the library.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use cecot_data::error::Error;
use cecot_data::pipeline::{build, review_sheet, BuildOptions};

const EXAMPLES: &str = "\
Examples:
  cecot-data build                          # raw/ -> output/
  cecot-data build --raw my_corpus --out /tmp/ds
  cecot-data review-sheet --out review.xlsx # a sheet to review the statements in; save it as raw/review.xlsx
  cecot-data validate output/               # check a dataset against the table schemas
  cecot-data schemas --write schemas/       # regenerate schemas/tables/*.schema.json
  cecot-data bench --sizes 1,10,50          # extraction throughput in MB/s

Exit codes:
  0  success
  1  validate found violations
  2  bad input (manifest, checksum, knowledge file, review sheet, arguments)
  3  a file could not be read or written";

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
    /// Build the dataset: read the corpus, extract, transform, write CSV + Parquet + dictionary.
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
    },
}

fn main() -> ExitCode {
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
        Command::Build { raw, out, schemas, allow_stale } => {
            let summary = build(&BuildOptions { raw, out: out.clone(), schemas, allow_stale, progress: !cli.quiet })?;
            if let Some(r) = &summary.review {
                for s in &r.stale {
                    eprintln!("warning: {}, row {}: mention {} no longer exists; decision skipped (--allow-stale)", r.file.display(), s.row, s.mention_id);
                }
                if !cli.quiet {
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
            if !cli.quiet {
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
        Command::Bench { raw, sizes, runs } => bench(&raw, &sizes, runs),
    }
}

fn bench(raw: &std::path::Path, sizes: &[usize], runs: usize) -> Result<(), Error> {
    let rows = cecot_data::bench::run(raw, sizes, runs)?;
    print!("{}", cecot_data::bench::report(&rows));
    Ok(())
}
