//! Load: write the tables as CSV and Parquet with their data dictionary and Frictionless
//! data package, and validate a written dataset against the table definitions.
//!
//! Everything here reads the one definition of each table in [`schema`]: the writers, the
//! checks in [`validate`], `datapackage.json`, `data_dictionary.md` and `schemas/tables/`.

mod atomic;
mod csv_out;
mod dictionary;
mod package;
mod parquet_in;
mod parquet_out;
mod readback;
pub mod rows;
pub mod schema;
pub mod table;
pub mod validate;

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
pub use package::{datapackage_json, schema_file_name, table_schema_json, write_schema_files};
pub use parquet_in::read_parquet_table;
pub use parquet_out::write_parquet as write_parquet_table;
pub use table::{Cell, Table};
use validate::Report;
pub use validate::{validate_dir, Violation};

/// A section of documentation appended to `data_dictionary.md` after the tables, such as
/// the measure catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocSection {
    /// Heading of the section (one line, without `#`).
    pub title: String,
    /// Body, as Markdown; written as given.
    pub body_markdown: String,
}

/// How many violations a [`Error::Rejected`] lists.
const REJECTED_LISTED: usize = 10;

/// Write the dataset to `out`: `<table>.csv` and `<table>.parquet` for every table, plus
/// `data_dictionary.md` (the tables, then `docs`) and `datapackage.json`.
///
/// `tables` must hold exactly one [`Table`] per definition in [`schema::TABLES`], in any
/// order (pass `Table::new(&schema::DERIVED)` for a table with no rows). Before anything is
/// written, the rows are held to the same checks as [`validate_dir`] (types, required and
/// allowed values, unique primary keys, foreign keys resolving among `tables`); any violation
/// gives [`Error::Rejected`].
///
/// The write is atomic: the files go to a temporary directory beside `out`, which is
/// validated and then swapped in. On any failure `out` is left exactly as it was. `out` must
/// be absent, empty, or a dataset written earlier (it has a `datapackage.json`); its parent is
/// created if needed.
pub fn write_dataset(out: &Path, tables: &[Table], docs: &[DocSection]) -> Result<()> {
    write_dataset_with(out, tables, docs, |_| Ok(()))
}

/// [`write_dataset`], with `extra` writing more into the new dataset folder (the report)
/// before it is swapped in: its files are published with the tables or not at all, and a
/// failure of `extra` leaves `out` as it was.
pub fn write_dataset_with(out: &Path, tables: &[Table], docs: &[DocSection], extra: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    let ordered = check_before_writing(out, tables)?;
    atomic::replace_dir(out, |dir| {
        write_files(dir, &ordered, docs)?;
        extra(dir)?;
        readback::check(dir, &ordered)
    })
}

/// [`write_dataset_with`] for tables the caller is done with: `extra` gets the tables too,
/// and runs on the build's pool beside the read-back check of the written files (which holds
/// one Parquet column at a time, see [`readback`]); the tables are freed after both.
pub fn write_dataset_owned(out: &Path, tables: Vec<Table>, docs: &[DocSection], extra: impl FnOnce(&Path, &[Table]) -> Result<()> + Send) -> Result<()> {
    check_before_writing(out, &tables)?;
    return_freed_memory(); // the checks' keys, before the writers' arrays
    crate::stage_log::done("checked before writing");
    atomic::replace_dir(out, |dir| {
        let ordered = publication_order(&tables);
        write_files(dir, &ordered, docs)?;
        return_freed_memory(); // the writers' arrays, before the report's pages
        crate::stage_log::done("written");
        // The report's pages are mostly files created in one folder, which the file system
        // does one at a time: the check's reading fills the other cores meanwhile.
        let (reported, checked) = rayon::join(|| extra(dir, &tables), || readback::check(dir, &ordered));
        reported?;
        checked?;
        crate::stage_log::done("report and read-back check");
        Ok(())
    })?;
    crate::stage_log::done("swapped in");
    // Hundreds of thousands of rows of strings: freed on the pool, not by one thread.
    use rayon::prelude::*;
    tables.into_par_iter().for_each(|t| t.rows.into_par_iter().with_min_len(1024).for_each(drop));
    crate::stage_log::done("tables freed");
    Ok(())
}

/// Hand the memory just freed back to the system. glibc keeps freed memory in the arena of
/// the thread that allocated it, and the next stage's threads allocate from their own:
/// without this, the memory of one stage and the next would add up in the process's peak.
fn return_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free pages of malloc's own arenas; no memory in use
    // is touched.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// The tables in publication order (the checks before writing have made sure each definition
/// has exactly one).
fn publication_order(tables: &[Table]) -> Vec<&Table> {
    schema::TABLES.iter().filter_map(|def| tables.iter().find(|t| t.def.name == def.name)).collect()
}

/// The tables in publication order, or [`Error::Rejected`] listing what breaks the
/// definitions. Violations name the files the rows would be written to.
fn check_before_writing<'t>(out: &Path, tables: &'t [Table]) -> Result<Vec<&'t Table>> {
    let mut report = Report::default();
    let ordered = one_table_per_definition(out, tables, &mut report);
    // The cell types and the row checks, each table's on its own thread: neither reads the
    // other's findings, and the violations are listed in table order whatever ran first.
    use rayon::prelude::*;
    let (typed, ()) = rayon::join(
        || ordered.par_iter().map(|table| check_cell_types(out, table)).collect::<Vec<Report>>(),
        || validate::check_tables_in_memory(&ordered, out, &mut report),
    );
    typed.into_iter().for_each(|own| report.absorb(own));
    let violations = report.finish();
    if violations.is_empty() {
        Ok(ordered)
    } else {
        Err(rejected(out, &where_built(violations, &ordered)))
    }
}

/// Name, for each violation in a row, the stage that built the row, the row's key and its
/// article: what a user needs to find the rule (and the text) that went wrong.
fn where_built(violations: Vec<Violation>, tables: &[&Table]) -> Vec<Violation> {
    violations
        .into_iter()
        .map(|mut v| {
            let stem = v.path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
            let Some(table) = tables.iter().find(|t| t.def.name == stem) else { return v };
            let row = v.line.and_then(|l| l.checked_sub(2)).and_then(|i| table.rows.get(i as usize));
            let cell = |name: &str| table.def.column_index(name).and_then(|i| row?.get(i)).map(|c| c.to_csv_field()).filter(|s| !s.is_empty());
            let key: Vec<String> = table.def.primary_key.iter().filter_map(|k| cell(k)).collect();
            let mut place = format!("built by {}", table.def.built_by);
            if !key.is_empty() {
                place = format!("{} {}, {place}", table.def.primary_key.join("+"), key.join(" "));
            }
            if let Some(source) = cell("source_id").filter(|_| table.def.name != "sources") {
                place = format!("article {source}, {place}");
            }
            v.message = format!("{} ({place})", v.message);
            v
        })
        .collect()
}

/// Match `tables` to [`schema::TABLES`]; report definitions given no table, given twice, and
/// tables of unknown definitions.
fn one_table_per_definition<'t>(out: &Path, tables: &'t [Table], report: &mut Report) -> Vec<&'t Table> {
    let mut ordered = Vec::new();
    for def in schema::TABLES {
        let given: Vec<&Table> = tables.iter().filter(|t| t.def.name == def.name).collect();
        let problem = match given.len() {
            1 => None,
            0 => Some(format!("no `{0}` table was given; pass an empty one (Table::new(&schema::{1})) to publish it empty", def.name, def.name.to_uppercase())),
            n => Some(format!("{n} `{}` tables were given; merge them into one", def.name)),
        };
        match problem {
            Some(message) => report.other(Violation { path: out.join(format!("{}.csv", def.name)), line: None, column: None, message }),
            None => ordered.push(given[0]),
        }
    }
    for table in tables.iter().filter(|t| schema::table(t.def.name).is_none()) {
        let message = format!("`{}` is not a published table (not in schema::TABLES)", table.def.name);
        report.other(Violation { path: out.join(format!("{}.csv", table.def.name)), line: None, column: None, message });
    }
    ordered
}

/// Every cell must be of its column's type (a number in an integer column would be written as
/// text that happens to parse, but the Parquet column would be null).
fn check_cell_types(out: &Path, table: &Table) -> Report {
    let mut report = Report::default();
    let path = csv_path(out, table);
    for (line, row) in (2u64..).zip(&table.rows) {
        for (cell, column) in row.iter().zip(table.def.columns) {
            if !cell.fits(column.ty) {
                let message = format!("{cell:?} is not a {} value", column.ty.table_schema_name());
                report.other(Violation { path: path.clone(), line: Some(line), column: Some(column.name.into()), message });
            }
        }
    }
    report
}

/// Where a table's CSV file goes in `dir`.
fn csv_path(dir: &Path, table: &Table) -> PathBuf {
    dir.join(format!("{}.csv", table.def.name))
}

/// [`Error::Rejected`] listing the first violations.
fn rejected(out: &Path, violations: &[Violation]) -> Error {
    let first: Vec<String> = violations.iter().take(REJECTED_LISTED).map(|v| format!("  {v}")).collect();
    Error::Rejected { out: out.to_path_buf(), count: violations.len(), first: first.join("\n") }
}

/// Write every file of the dataset into `dir`.
fn write_files(dir: &Path, tables: &[&Table], docs: &[DocSection]) -> Result<()> {
    // Each table's two files on their own thread of the build's pool: the files do not depend
    // on each other, and the first error in table order is the one reported.
    use rayon::prelude::*;
    let written: Vec<Result<()>> = tables
        .par_iter()
        .flat_map_iter(|table| [(table, true), (table, false)])
        .map(|(table, csv)| match csv {
            true => csv_out::write_csv(&csv_path(dir, table), table),
            false => parquet_out::write_parquet(&dir.join(format!("{}.parquet", table.def.name)), table),
        })
        .collect();
    written.into_iter().collect::<Result<()>>()?;
    write_text(&dir.join("data_dictionary.md"), &dictionary::render(tables, docs))?;
    write_text(&dir.join("datapackage.json"), &package::json_text(&datapackage_json()))
}

/// Write a text file and make sure it is on disk before the directory is swapped in.
fn write_text(path: &Path, text: &str) -> Result<()> {
    let write = || -> std::io::Result<()> {
        let file = std::fs::File::create(path)?;
        std::io::Write::write_all(&mut &file, text.as_bytes())?;
        file.sync_all()
    };
    write().map_err(|e| Error::io(path, e))
}
