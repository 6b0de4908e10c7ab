//! Validate a dataset directory and print its violations, as `cecot-data validate` will:
//! `cargo run --example validate -- output/`. Exits 1 when there are violations.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: validate DATASET_DIR");
        return ExitCode::from(2);
    };
    match cecot_data::load::validate_dir(&dir) {
        Ok(violations) if violations.is_empty() => {
            println!("{}: valid", dir.display());
            ExitCode::SUCCESS
        }
        Ok(violations) => {
            violations.iter().for_each(|v| println!("{v}"));
            eprintln!("{}", cecot_data::Error::Invalid { dir, count: violations.len() });
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(e.exit_code() as u8)
        }
    }
}
