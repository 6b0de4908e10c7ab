//! Write the small hand-made dataset of the load tests to a directory, to try readers and
//! validators on: `cargo run --example write_sample -- /tmp/cecot-sample`, then
//! `python3 tests/python/check_readers.py /tmp/cecot-sample` and
//! `frictionless validate /tmp/cecot-sample/datapackage.json`.

#[path = "../tests/load_support/mod.rs"]
mod load_support;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(out) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: write_sample OUTPUT_DIR [--empty]");
        return ExitCode::from(2);
    };
    let empty = std::env::args().any(|a| a == "--empty");
    let tables = if empty { load_support::empty_tables() } else { load_support::sample_tables() };
    match cecot_data::load::write_dataset(&out, &tables, &load_support::sample_docs()) {
        Ok(()) => {
            println!("wrote {}", out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(e.exit_code() as u8)
        }
    }
}
