use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use cecot_data::pipeline::{build, BuildOptions};

#[derive(Parser)]
#[command(name = "cecot-data", version, about = "Build the CECOT numeric-claims dataset from raw/ articles")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the dataset: raw/ -> output/
    Build {
        #[arg(long, default_value = "raw")]
        raw: PathBuf,
        #[arg(long, default_value = "output")]
        out: PathBuf,
        #[arg(long)]
        schemas: Option<PathBuf>,
        #[arg(long, short)]
        quiet: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build { raw, out, schemas, quiet } => match build(&BuildOptions { raw, out, schemas }) {
            Ok(s) => {
                if !quiet {
                    eprintln!("built {} articles, {} mentions, {} statements in {:.2}s", s.articles, s.mentions, s.statements, s.seconds);
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(e.exit_code() as u8)
            }
        },
    }
}
