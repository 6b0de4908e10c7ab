//! `cecot-data`: the command line. Flags are declared once here, with their docs; the work
//! lives in the library.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use cecot_data::error::Error;
use cecot_data::pipeline::{build, BuildOptions};

const EXAMPLES: &str = "\
Examples:
  cecot-data build                          # raw/ -> output/
  cecot-data build --raw my_corpus --out /tmp/ds
  cecot-data validate output/               # check a dataset against the table schemas
  cecot-data schemas --write schemas/       # regenerate schemas/tables/*.schema.json
  cecot-data bench --sizes 1,10,50          # extraction throughput in MB/s

Exit codes:
  0  success
  1  validate found violations
  2  bad input (manifest, checksum, knowledge file, arguments)
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
    /// build leaves the previous output as it was.
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
        Command::Build { raw, out, schemas } => {
            let summary = build(&BuildOptions { raw, out: out.clone(), schemas })?;
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
        Command::Bench { raw, sizes } => bench(&raw, &sizes),
    }
}

fn bench(raw: &std::path::Path, sizes: &[usize]) -> Result<(), Error> {
    let _ = (raw, sizes);
    Err(Error::Usage("bench is not available in this build".into()))
}
