//! Check a written dataset against the table definitions, like dbt's tests declared beside
//! the tables: header, types, required values, allowed values, primary keys, foreign keys,
//! and that every Parquet file holds the same rows as its CSV.
//!
//! The same row checks run in memory before anything is written (see
//! [`super::write_dataset`]), so a dataset the loader writes always validates, and a
//! dataset edited by hand afterwards is caught by `cecot-data validate`.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::fs::File;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use polars::prelude as pl;
use polars::prelude::SerReader;

use super::schema::{Column, ColumnType, TableDef, TABLES};
use super::table::format_number;
use crate::error::{Error, Result};

/// At most this many violations of one kind are listed per file and column; the rest are
/// counted in one summary line, so a shifted column does not bury everything else.
const MAX_PER_KIND: usize = 20;

/// At most this many cell disagreements between a Parquet file and its CSV are listed per
/// column.
const MAX_DISAGREEMENTS: usize = 3;

/// One thing wrong with a dataset, displayed as `file:line:column: what is wrong`.
///
/// `line` is the line number in the CSV file (the header is line 1, so the first data row is
/// usually line 2), so an editor can jump to it. For a `.parquet` file it is the CSV line of
/// the same row. It is `None` for problems with a whole file or a whole column, and `column`
/// is `None` for problems with a whole file or row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The file the problem is in.
    pub path: PathBuf,
    /// CSV line number (1 = header), where the problem is in one row.
    pub line: Option<u64>,
    /// Column name, where the problem is in one column.
    pub column: Option<String>,
    /// What is wrong, and where useful what to do about it.
    pub message: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        match (self.line, &self.column) {
            (Some(line), Some(col)) => write!(f, "{path}:{line}:{col}: {}", self.message),
            (Some(line), None) => write!(f, "{path}:{line}: {}", self.message),
            (None, Some(col)) => write!(f, "{path}: column {col}: {}", self.message),
            (None, None) => write!(f, "{path}: {}", self.message),
        }
    }
}

/// Check every table of [`TABLES`] in `dir`: both `<name>.csv` and `<name>.parquet` present,
/// CSV header equal to the columns in definition order, each value of its type (integer,
/// number, `true`/`false`, `YYYY-MM-DD`), required values present, enumerations allowed,
/// primary keys present and unique, foreign keys resolved, and the Parquet file holding the
/// same columns (with the expected dtypes) and the same values as the CSV.
///
/// Never panics on bad input: malformed CSV, garbage Parquet and missing files are reported as
/// violations. Returns `Err` only when `dir` itself cannot be read. An empty list means valid;
/// the CLI prints each violation and exits 1 when there are any.
pub fn validate_dir(dir: &Path) -> Result<Vec<Violation>> {
    std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    let mut report = Report::default();
    for name in ["datapackage.json", "data_dictionary.md"] {
        if !dir.join(name).is_file() {
            report.file(&dir.join(name), "file is missing; rebuild the dataset to write it");
        }
    }
    // Each file is read and checked on its own thread; reports are joined in table order, so
    // the violations come out in the same order whatever the threads do.
    use rayon::prelude::*;
    let read: Vec<(Option<TextTable>, Report)> = TABLES
        .par_iter()
        .map(|def| {
            let mut own = Report::default();
            (read_csv(def, &dir.join(format!("{}.csv", def.name)), &mut own), own)
        })
        .collect();
    let mut tables = Vec::new();
    for (table, own) in read {
        report.absorb(own);
        tables.extend(table);
    }
    check_tables(&tables, &mut report);
    let parquet: Vec<Report> = TABLES
        .par_iter()
        .map(|def| {
            let mut own = Report::default();
            let csv = tables.iter().find(|t| t.def.name == def.name);
            check_parquet(def, &dir.join(format!("{}.parquet", def.name)), csv, &mut own);
            own
        })
        .collect();
    parquet.into_iter().for_each(|own| report.absorb(own));
    Ok(report.finish())
}

/// A table as CSV text: what the file holds, or what it would hold (see
/// [`TextTable::from_table`]). The row checks work on this form so that files and in-memory
/// tables are held to exactly the same rules.
pub(crate) struct TextTable {
    pub(crate) def: &'static TableDef,
    /// The CSV file the rows are (or would be) in; violations name it.
    pub(crate) path: PathBuf,
    pub(crate) header: Vec<String>,
    pub(crate) rows: Vec<TextRow>,
}

/// One data row of a [`TextTable`] and the CSV line it starts on.
pub(crate) struct TextRow {
    pub(crate) line: u64,
    pub(crate) fields: Vec<String>,
}

impl TextTable {
    /// The CSV text of an in-memory table, as the writer would write it to `path`. Row `i`
    /// (0-based) is line `i + 2`, which holds for the file as long as no text has a newline.
    pub(crate) fn from_table(table: &super::Table, path: PathBuf) -> TextTable {
        let header = table.def.columns.iter().map(|c| c.name.to_string()).collect();
        let rows = (0u64..).zip(&table.rows).map(|(i, row)| TextRow { line: i + 2, fields: row.iter().map(|c| c.to_csv_field()).collect() }).collect();
        TextTable { def: table.def, path, header, rows }
    }

    /// Where each defined column is in the header, by name.
    fn positions(&self) -> Vec<Option<usize>> {
        self.def.columns.iter().map(|c| self.header.iter().position(|h| h == c.name)).collect()
    }

    /// The rows whose width matches the header; the others are reported by [`check_widths`].
    fn whole_rows(&self) -> impl Iterator<Item = &TextRow> {
        self.rows.iter().filter(|r| r.fields.len() == self.header.len())
    }
}

/// Read a CSV file into a [`TextTable`], or report why it cannot be read. The first record is
/// the header; reading stops at the first malformed record.
fn read_csv(def: &'static TableDef, path: &Path, report: &mut Report) -> Option<TextTable> {
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            report.file(path, "file is missing; rebuild the dataset to write it");
            return None;
        }
        Err(e) => {
            report.file(path, &format!("cannot open: {e}"));
            return None;
        }
    };
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(file);
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(h)) => h.iter().map(str::to_string).collect(),
        Some(Err(e)) => {
            report.row(path, csv_error_line(&e).unwrap_or(1), "header", &format!("cannot read the header: {e}"));
            return None;
        }
        None => {
            report.file(path, "file is empty; expected at least the header line");
            return None;
        }
    };
    let mut rows = Vec::new();
    for record in records {
        match record {
            Ok(r) => rows.push(TextRow { line: r.position().map_or(0, |p| p.line()), fields: r.iter().map(str::to_string).collect() }),
            Err(e) => {
                let line = csv_error_line(&e).unwrap_or(0);
                report.row(path, line, "csv", &format!("malformed CSV, reading stopped here: {e}"));
                break;
            }
        }
    }
    Some(TextTable { def, path: path.to_path_buf(), header, rows })
}

/// The line a CSV error happened on, where the csv crate knows it.
fn csv_error_line(e: &csv::Error) -> Option<u64> {
    e.position().map(|p| p.line())
}

/// Run the row checks on a set of tables: header, widths, values, primary keys and foreign
/// keys (a foreign key into a table not in the set is not checked; its absence is reported
/// where the set was made).
pub(crate) fn check_tables(tables: &[TextTable], report: &mut Report) {
    for table in tables {
        check_header(table, report);
        check_widths(table, report);
        check_values(table, report);
        check_primary_key(table, report);
        check_foreign_keys(table, tables, report);
    }
}

/// The header must list the defined columns, each once, in definition order.
fn check_header(table: &TextTable, report: &mut Report) {
    let defined: Vec<&str> = table.def.columns.iter().map(|c| c.name).collect();
    let mut seen = HashSet::new();
    for name in &table.header {
        if !seen.insert(name.as_str()) {
            report.cell(&table.path, 1, name, "header", "column appears more than once in the header");
        } else if !defined.contains(&name.as_str()) {
            report.cell(&table.path, 1, name, "header", "unexpected column: the table definition has no such column");
        }
    }
    for (i, name) in defined.iter().enumerate() {
        if !table.header.iter().any(|h| h == name) {
            let msg = format!("missing column: the definition puts it at position {}", i + 1);
            report.cell(&table.path, 1, name, "header", &msg);
        }
    }
    let header: Vec<&str> = table.header.iter().map(String::as_str).collect();
    let same_set = header.len() == defined.len() && defined.iter().all(|d| header.contains(d));
    if same_set && header != defined {
        let msg = format!("columns are out of order; expected: {}", defined.join(","));
        report.row(&table.path, 1, "header", &msg);
    }
}

/// Every row must have as many fields as the header.
fn check_widths(table: &TextTable, report: &mut Report) {
    for row in table.rows.iter().filter(|r| r.fields.len() != table.header.len()) {
        let msg = format!("row has {} fields but the header has {}", row.fields.len(), table.header.len());
        report.row(&table.path, row.line, "width", &msg);
    }
}

/// Each value must parse as its column's type, be present where required and be allowed
/// where the column is an enumeration.
fn check_values(table: &TextTable, report: &mut Report) {
    for (column, pos) in table.def.columns.iter().zip(table.positions()) {
        let Some(pos) = pos else { continue };
        for row in table.whole_rows() {
            if let Some(msg) = value_problem(column, &row.fields[pos]) {
                report.cell(&table.path, row.line, column.name, "value", &msg);
            }
        }
    }
}

/// What is wrong with one CSV field of `column`, if anything.
pub(crate) fn value_problem(column: &Column, value: &str) -> Option<String> {
    if value.is_empty() {
        return column.required.then(|| "required value is missing".to_string());
    }
    if let Some(expected) = type_problem(column.ty, value) {
        return Some(format!("`{value}` is not {expected}"));
    }
    if let Some(allowed) = column.allowed {
        if !allowed.contains(&value) {
            return Some(format!("`{value}` is not an allowed value (one of: {})", allowed.join(", ")));
        }
    }
    match column.pattern {
        Some(pattern) if !whole_match(pattern, value) => Some(format!("`{value}` does not match the pattern `{pattern}`")),
        _ => None,
    }
}

/// Does `value` match `pattern` as a whole? Patterns are compiled once.
fn whole_match(pattern: &'static str, value: &str) -> bool {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static COMPILED: OnceLock<Mutex<HashMap<&'static str, regex::Regex>>> = OnceLock::new();
    let mut compiled = COMPILED.get_or_init(Default::default).lock().unwrap_or_else(|e| e.into_inner());
    let re = compiled.entry(pattern).or_insert_with(|| regex::Regex::new(&format!("^(?:{pattern})$")).expect("the schema's patterns compile"));
    re.is_match(value)
}

/// Does a non-empty field parse as `ty`? Returns what was expected when not.
fn type_problem(ty: ColumnType, value: &str) -> Option<&'static str> {
    let ok = match ty {
        ColumnType::String => true,
        ColumnType::Integer => value.parse::<i64>().is_ok(),
        ColumnType::Number => parse_number(value).is_some(),
        ColumnType::Boolean => value == "true" || value == "false",
        ColumnType::Date => parse_date(value).is_some(),
    };
    (!ok).then_some(match ty {
        ColumnType::String => "text",
        ColumnType::Integer => "an integer",
        ColumnType::Number => "a finite number with a dot decimal",
        ColumnType::Boolean => "a boolean (`true` or `false`)",
        ColumnType::Date => "a date (YYYY-MM-DD)",
    })
}

/// A finite number; `NaN` and infinities are not numbers a reader can use.
fn parse_number(value: &str) -> Option<f64> {
    value.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// An ISO 8601 calendar date, exactly `YYYY-MM-DD`.
fn parse_date(value: &str) -> Option<NaiveDate> {
    if value.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(value, "%Y-%m-%d").ok()
}

/// The primary key must be present in every row and unique across rows.
fn check_primary_key(table: &TextTable, report: &mut Report) {
    let positions = table.positions();
    let key_positions: Option<Vec<usize>> = table.def.primary_key.iter().map(|k| table.def.column_index(k).and_then(|i| positions[i])).collect();
    let Some(key_positions) = key_positions else { return }; // a missing key column is reported by the header check
    let key_name = table.def.primary_key.join(",");
    let mut first_line: HashMap<Vec<&str>, u64> = HashMap::new();
    for row in table.whole_rows() {
        let key: Vec<&str> = key_positions.iter().map(|&p| row.fields[p].as_str()).collect();
        if key.iter().any(|v| v.is_empty()) {
            report.cell(&table.path, row.line, &key_name, "key", "primary key is empty");
        } else if let Some(first) = first_line.get(&key) {
            let msg = format!("duplicate primary key `{}`: the same as line {first}", key.join(","));
            report.cell(&table.path, row.line, &key_name, "key", &msg);
        } else {
            first_line.insert(key, row.line);
        }
    }
}

/// Every non-empty foreign key value must occur in the referenced column.
fn check_foreign_keys(table: &TextTable, tables: &[TextTable], report: &mut Report) {
    let positions = table.positions();
    for fk in table.def.foreign_keys {
        let Some(pos) = table.def.column_index(fk.column).and_then(|i| positions[i]) else { continue };
        let Some(target) = tables.iter().find(|t| t.def.name == fk.table) else { continue };
        let Some(target_values) = column_values(target, fk.table_column) else { continue };
        for row in table.whole_rows() {
            let value = row.fields[pos].as_str();
            if !value.is_empty() && !target_values.contains(value) {
                let msg = format!("`{value}` is not a {}.{} (foreign key)", fk.table, fk.table_column);
                report.cell(&table.path, row.line, fk.column, "foreign key", &msg);
            }
        }
    }
}

/// The set of values of one column, or `None` when the table lacks it.
fn column_values<'t>(table: &'t TextTable, column: &str) -> Option<HashSet<&'t str>> {
    let pos = table.header.iter().position(|h| h == column)?;
    Some(table.whole_rows().map(|r| r.fields[pos].as_str()).collect())
}

/// The Parquet file must be readable, have the defined columns with their dtypes, and hold the
/// same rows as the CSV.
fn check_parquet(def: &TableDef, path: &Path, csv: Option<&TextTable>, report: &mut Report) {
    if !path.is_file() {
        report.file(path, "file is missing; rebuild the dataset to write it");
        return;
    }
    let df = match read_parquet(path) {
        Ok(df) => df,
        Err(msg) => {
            report.file(path, &format!("cannot read as Parquet: {msg}; rebuild the dataset"));
            return;
        }
    };
    let columns_ok = check_parquet_schema(def, path, &df, report);
    let Some(csv) = csv else { return };
    if df.height() != csv.rows.len() {
        let msg = format!("has {} rows but {} has {}", df.height(), csv.path.display(), csv.rows.len());
        report.file(path, &msg);
        return;
    }
    for (column, pos) in def.columns.iter().zip(csv.positions()) {
        if let (true, Some(pos)) = (columns_ok.contains(&column.name), pos) {
            compare_column(column, &df, csv, pos, path, report);
        }
    }
}

/// Read a Parquet file with polars. A reader that panics on garbage bytes is caught here, so
/// `validate` reports the file instead of crashing.
fn read_parquet(path: &Path) -> std::result::Result<pl::DataFrame, String> {
    let file = File::open(path).map_err(|e| e.to_string())?;
    match catch_unwind(AssertUnwindSafe(|| pl::ParquetReader::new(file).finish())) {
        Ok(Ok(df)) => Ok(df),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err("the Parquet reader failed on this file".to_string()),
    }
}

/// Report missing, extra, misordered and mistyped columns; return the defined columns whose
/// values can be compared.
fn check_parquet_schema(def: &TableDef, path: &Path, df: &pl::DataFrame, report: &mut Report) -> Vec<&'static str> {
    let found: Vec<&str> = df.columns().iter().map(|c| c.name().as_str()).collect();
    let mut comparable = Vec::new();
    for column in def.columns {
        let Some(c) = df.columns().iter().find(|c| c.name().as_str() == column.name) else {
            report.column(path, column.name, "missing column");
            continue;
        };
        let expected = polars_dtype(column.ty);
        if *c.dtype() == expected {
            comparable.push(column.name);
        } else {
            report.column(path, column.name, &format!("dtype is {} but the definition says {expected}", c.dtype()));
        }
    }
    for name in found.iter().filter(|n| def.column_index(n).is_none()) {
        report.column(path, name, "unexpected column: the table definition has no such column");
    }
    let defined: Vec<&str> = def.columns.iter().map(|c| c.name).collect();
    if found.len() == defined.len() && comparable.len() == defined.len() && found != defined {
        report.file(path, &format!("columns are out of order; expected: {}", defined.join(",")));
    }
    comparable
}

/// The polars dtype a column of type `ty` is written as.
pub(crate) fn polars_dtype(ty: ColumnType) -> pl::DataType {
    match ty {
        ColumnType::String => pl::DataType::String,
        ColumnType::Integer => pl::DataType::Int64,
        ColumnType::Number => pl::DataType::Float64,
        ColumnType::Boolean => pl::DataType::Boolean,
        ColumnType::Date => pl::DataType::Date,
    }
}

/// Compare one column cell by cell with the CSV, listing the first few disagreements.
fn compare_column(column: &Column, df: &pl::DataFrame, csv: &TextTable, pos: usize, path: &Path, report: &mut Report) {
    let Some(values) = df.column(column.name).ok().and_then(|c| parquet_fields(c, column.ty)) else {
        report.column(path, column.name, "values cannot be read");
        return;
    };
    let mut disagreements = 0;
    for (row, parquet) in csv.rows.iter().zip(&values) {
        let Some(text) = row.fields.get(pos) else { continue }; // short rows are reported by the CSV checks
        if same_value(column.ty, parquet, text) {
            continue;
        }
        disagreements += 1;
        if disagreements <= MAX_DISAGREEMENTS {
            let msg = format!("Parquet has `{parquet}` but the CSV has `{text}`");
            report.cell(path, row.line, column.name, "parquet", &msg);
        }
    }
    if disagreements > MAX_DISAGREEMENTS {
        let msg = format!("… and {} more rows where Parquet and CSV disagree", disagreements - MAX_DISAGREEMENTS);
        report.column(path, column.name, &msg);
    }
}

/// A Parquet column's values as the CSV writer would write them (null = empty).
fn parquet_fields(column: &pl::Column, ty: ColumnType) -> Option<Vec<String>> {
    fn text<T: ToString>(v: Option<T>) -> String {
        v.map_or(String::new(), |v| v.to_string())
    }
    Some(match ty {
        ColumnType::String => column.str().ok()?.iter().map(text).collect(),
        ColumnType::Integer => column.i64().ok()?.iter().map(text).collect(),
        ColumnType::Number => column.f64().ok()?.iter().map(|v| v.map_or(String::new(), format_number)).collect(),
        ColumnType::Boolean => column.bool().ok()?.iter().map(text).collect(),
        ColumnType::Date => column.date().ok()?.physical().iter().map(|d| text(d.and_then(days_to_date))).collect(),
    })
}

/// Days since 1970-01-01 (polars' Date) as a calendar date.
pub(crate) fn days_to_date(days: i32) -> Option<chrono::NaiveDate> {
    NaiveDate::from_ymd_opt(1970, 1, 1)?.checked_add_signed(chrono::Duration::days(days.into()))
}

/// Equal as values of `ty`: numbers within a relative tolerance of 1e-9 (a CSV number is a
/// decimal rendering of the binary one), everything else as text.
fn same_value(ty: ColumnType, parquet: &str, csv: &str) -> bool {
    if parquet == csv {
        return true;
    }
    match (ty, parse_number(parquet), parse_number(csv)) {
        (ColumnType::Number, Some(a), Some(b)) => (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0),
        _ => false,
    }
}

/// Collects violations, listing at most [`MAX_PER_KIND`] per file, column and kind of check
/// and summarising the rest.
#[derive(Default)]
pub(crate) struct Report {
    violations: Vec<Violation>,
    counts: HashMap<(PathBuf, Option<String>, &'static str), usize>,
}

impl Report {
    /// A problem with a whole file.
    fn file(&mut self, path: &Path, message: &str) {
        self.push("file", Violation { path: path.into(), line: None, column: None, message: message.into() });
    }

    /// A problem with a whole column.
    fn column(&mut self, path: &Path, column: &str, message: &str) {
        let v = Violation { path: path.into(), line: None, column: Some(column.into()), message: message.into() };
        self.push("column", v);
    }

    /// A problem with a whole row (or line).
    fn row(&mut self, path: &Path, line: u64, kind: &'static str, message: &str) {
        self.push(kind, Violation { path: path.into(), line: Some(line), column: None, message: message.into() });
    }

    /// A problem with one cell.
    fn cell(&mut self, path: &Path, line: u64, column: &str, kind: &'static str, message: &str) {
        let v = Violation { path: path.into(), line: Some(line), column: Some(column.into()), message: message.into() };
        self.push(kind, v);
    }

    /// A problem that is not about one of the files' contents, such as a table not handed to
    /// the writer.
    pub(crate) fn other(&mut self, violation: Violation) {
        self.push("file", violation);
    }

    /// Take in the violations of a report about other files.
    fn absorb(&mut self, other: Report) {
        self.violations.extend(other.violations);
        for (key, n) in other.counts {
            *self.counts.entry(key).or_default() += n;
        }
    }

    fn push(&mut self, kind: &'static str, v: Violation) {
        let n = self.counts.entry((v.path.clone(), v.column.clone(), kind)).or_default();
        *n += 1;
        if *n <= MAX_PER_KIND {
            self.violations.push(v);
        }
    }

    /// The listed violations, followed by one summary per file, column and kind that had more.
    pub(crate) fn finish(mut self) -> Vec<Violation> {
        let mut more: Vec<_> = self.counts.into_iter().filter(|(_, n)| *n > MAX_PER_KIND).collect();
        more.sort();
        for ((path, column, kind), n) in more {
            let message = format!("… and {} more {kind} violations like the above", n - MAX_PER_KIND);
            self.violations.push(Violation { path, line: None, column, message });
        }
        self.violations
    }
}
