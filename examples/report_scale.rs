//! Time the report at corpus scale without running the extractor: the tables of raw/ are
//! copied until they hold N articles (each copy's ids prefixed with its number, texts shared),
//! and only `report::write` is timed. Prints the time, the number of files and the size of the
//! largest page. `cargo run --example report_scale -- 10000 /tmp/report-scale`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use cecot_data::load::{Cell, Table};
use cecot_data::pipeline::{build_tables, Knowledge};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(n), Some(out)) = (args.next().and_then(|n| n.parse::<usize>().ok()), args.next().map(PathBuf::from)) else {
        eprintln!("usage: report_scale ARTICLES OUTPUT_DIR");
        return ExitCode::from(2);
    };
    let raw = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("raw");
    let tables = build_tables(&raw, &Knowledge::load(None).expect("knowledge"), false, false).expect("tables of raw/");
    let base = tables.sources.rows.len();
    let copies = n.div_ceil(base);
    let scaled: Vec<Table> = tables.all().into_iter().map(|t| replicate(t, copies)).collect();
    std::fs::create_dir_all(&out).expect("output folder");
    let started = Instant::now();
    if let Err(e) = cecot_data::report::write(&out, &raw, &scaled) {
        eprintln!("{e}");
        return ExitCode::FAILURE;
    }
    let seconds = started.elapsed().as_secs_f64();
    let (files, largest) = walk(&out.join("report"));
    println!("{} articles: report written in {seconds:.1}s, {files} files, largest page {} ({} KB)", base * copies, largest.1.display(), largest.0 / 1024);
    ExitCode::SUCCESS
}

/// The rows of the tables that grow with the corpus, `copies` times, ids made distinct.
fn replicate(table: Table, copies: usize) -> Table {
    if !matches!(table.def.name, "sources" | "mentions" | "statements") {
        return table;
    }
    let mut out = Table::new(table.def);
    let id_columns: Vec<usize> = ["source_id", "mention_id", "statement_id"].iter().filter_map(|c| table.def.column_index(c)).collect();
    for k in 0..copies {
        for row in &table.rows {
            let mut row = row.clone();
            for &i in &id_columns {
                if let Cell::Str(s) = &row[i] {
                    row[i] = Cell::Str(format!("{k:05}{s}"));
                }
            }
            out.rows.push(row);
        }
    }
    out
}

/// Number of files under `dir` and the largest (bytes, path).
fn walk(dir: &Path) -> (usize, (u64, PathBuf)) {
    let mut count = 0;
    let mut largest = (0, PathBuf::new());
    for entry in std::fs::read_dir(dir).expect("report folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            let (c, l) = walk(&path);
            count += c;
            largest = largest.max(l);
        } else {
            count += 1;
            largest = largest.max((path.metadata().map(|m| m.len()).unwrap_or(0), path));
        }
    }
    (count, largest)
}
