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
///
/// Each CSV file is read a record at a time beside its Parquet file (on its own thread), so
/// memory holds one table's Parquet columns and keys, not every table as text.
pub fn validate_dir(dir: &Path) -> Result<Vec<Violation>> {
    std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    let mut report = Report::default();
    for name in ["datapackage.json", "data_dictionary.md"] {
        if !dir.join(name).is_file() {
            report.file(&dir.join(name), "file is missing; rebuild the dataset to write it");
        }
    }
    use rayon::prelude::*;
    let checked: Vec<Option<TableChecks>> = (0..TABLES.len())
        .into_par_iter()
        .map(|i| {
            let def = &TABLES[i];
            let mut own = Report::default();
            let checks = check_files(i, def, &dir.join(format!("{}.csv", def.name)), &dir.join(format!("{}.parquet", def.name)), &mut own);
            (own, checks)
        })
        .collect::<Vec<_>>()
        .into_iter()
        .map(|(own, checks)| {
            report.absorb(own);
            checks
        })
        .collect();
    let present: Vec<TableChecks> = checked.into_iter().flatten().collect();
    finish_foreign_keys(present, &mut report);
    Ok(report.finish())
}

/// The order violations are listed in, whatever order the checks ran in: files missing, then
/// each CSV file's reading problems, then each table's row checks (header, widths, values
/// column by column, primary key, foreign keys), then each Parquet file.
mod stage {
    pub const READ: u64 = 1;
    pub const ROWS: u64 = 2;
    pub const PARQUET: u64 = 3;

    /// The stage of check `sub` of phase `phase` on table `table`.
    pub fn of(phase: u64, table: usize, sub: usize) -> u64 {
        (phase << 40) | ((table as u64) << 20) | sub as u64
    }
}

/// Read one table's CSV file a record at a time, run the row checks on each record and
/// compare it with the same row of the Parquet file. None when the CSV cannot be read (its
/// foreign keys are then not checked, nor is it a foreign key's target).
fn check_files(i: usize, def: &'static TableDef, csv_path: &Path, parquet_path: &Path, report: &mut Report) -> Option<TableChecks> {
    let parquet = read_parquet_checked(i, def, parquet_path, report);
    report.at(stage::of(stage::READ, i, 0));
    let file = match File::open(csv_path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            report.file(csv_path, "file is missing; rebuild the dataset to write it");
            return None;
        }
        Err(e) => {
            report.file(csv_path, &format!("cannot open: {e}"));
            return None;
        }
    };
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(std::io::BufReader::new(file));
    let mut records = reader.records();
    let header: Vec<String> = match records.next() {
        Some(Ok(h)) => h.iter().map(str::to_string).collect(),
        Some(Err(e)) => {
            report.row(csv_path, csv_error_line(&e).unwrap_or(1), "header", &format!("cannot read the header: {e}"));
            return None;
        }
        None => {
            report.file(csv_path, "file is empty; expected at least the header line");
            return None;
        }
    };
    let mut checks = TableChecks::new(i, def, csv_path.to_path_buf(), header, report);
    let mut compare = parquet.as_ref().map(|df| ParquetCompare::new(i, def, df, &checks, parquet_path));
    let mut rows = 0usize;
    for record in records {
        match record {
            Ok(r) => {
                let line = r.position().map_or(0, |p| p.line());
                let fields: Vec<&str> = r.iter().collect();
                checks.row(line, &fields, report);
                if let Some(compare) = compare.as_mut() {
                    compare.row(rows, line, &fields);
                }
                rows += 1;
            }
            Err(e) => {
                report.at(stage::of(stage::READ, i, 0));
                let line = csv_error_line(&e).unwrap_or(0);
                report.row(csv_path, line, "csv", &format!("malformed CSV, reading stopped here: {e}"));
                break;
            }
        }
    }
    if let (Some(compare), Some(df)) = (compare, parquet.as_ref()) {
        compare.finish(df, rows, csv_path, report);
    }
    Some(checks)
}

/// The Parquet file of a table, read, with its columns checked against the definition; None
/// (reported) when it is missing or unreadable.
fn read_parquet_checked(i: usize, def: &TableDef, path: &Path, report: &mut Report) -> Option<(pl::DataFrame, Vec<&'static str>)> {
    report.at(stage::of(stage::PARQUET, i, 0));
    if !path.is_file() {
        report.file(path, "file is missing; rebuild the dataset to write it");
        return None;
    }
    let df = match read_parquet(path) {
        Ok(df) => df,
        Err(msg) => {
            report.file(path, &format!("cannot read as Parquet: {msg}; rebuild the dataset"));
            return None;
        }
    };
    let comparable = check_parquet_schema(def, path, &df, report);
    Some((df, comparable))
}

/// The CSV text of an in-memory table's row, as the writer would write it.
fn csv_fields(row: &[super::Cell]) -> Vec<std::borrow::Cow<'_, str>> {
    row.iter().map(|c| c.csv_field()).collect()
}

/// Run the row checks on tables held in memory, as if written to `dir` (header, widths,
/// values, primary keys, and foreign keys among `tables`; a foreign key into a table not among
/// them is not checked, its absence is reported where the set was made). Row `i` (0-based) is
/// line `i + 2`, which holds for the file as long as no text has a newline. Each table is
/// checked on its own thread, a row at a time, so no table is copied whole as text.
pub(crate) fn check_tables_in_memory(tables: &[&super::Table], dir: &Path, report: &mut Report) {
    use rayon::prelude::*;
    let checked: Vec<(Report, TableChecks)> = tables
        .par_iter()
        .map(|table| {
            let mut own = Report::default();
            let i = TABLES.iter().position(|d| d.name == table.def.name).unwrap_or(TABLES.len());
            let header = table.def.columns.iter().map(|c| c.name.to_string()).collect();
            let mut checks = TableChecks::new(i, table.def, dir.join(format!("{}.csv", table.def.name)), header, &mut own);
            // The values a chunk of rows at a time on the pool, beside the keys in row order;
            // the chunks' reports are taken in row order, so the listing is a sequential one's.
            let shape = checks.values_only();
            let (values, ()) = rayon::join(
                || in_memory_values(&shape, &table.rows),
                || {
                    let mut keys = Report::default();
                    for (line, row) in (2u64..).zip(&table.rows) {
                        if row.len() == checks.header.len() {
                            let fields = csv_fields(row);
                            checks.keys(line, &fields.iter().map(|f| f.as_ref()).collect::<Vec<&str>>(), &mut keys);
                        }
                    }
                    own.absorb(keys);
                },
            );
            values.into_iter().for_each(|chunk| own.absorb(chunk));
            (own, checks)
        })
        .collect();
    let mut present = Vec::new();
    for (own, checks) in checked {
        report.absorb(own);
        present.push(checks);
    }
    finish_foreign_keys(present, report);
}

/// Rows checked by one task of [`in_memory_values`]: enough to outweigh the task.
const VALUE_CHUNK_ROWS: usize = 4096;

/// The width and value checks of a table's rows in memory, one report per chunk of rows.
fn in_memory_values(checks: &TableChecks, rows: &[Vec<super::Cell>]) -> Vec<Report> {
    use rayon::prelude::*;
    rows.par_chunks(VALUE_CHUNK_ROWS)
        .enumerate()
        .map(|(k, chunk)| {
            let mut report = Report::default();
            for (line, row) in (2 + (k * VALUE_CHUNK_ROWS) as u64..).zip(chunk) {
                let fields = csv_fields(row);
                checks.values(line, &fields.iter().map(|f| f.as_ref()).collect::<Vec<&str>>(), &mut report);
            }
            report
        })
        .collect()
}

/// The line a CSV error happened on, where the csv crate knows it.
fn csv_error_line(e: &csv::Error) -> Option<u64> {
    e.position().map(|p| p.line())
}

/// The row checks of one table, fed a row at a time: widths, values, primary key; the values
/// of its foreign keys are kept, to be checked once every table has been read, and so are the
/// values other tables' foreign keys point to.
struct TableChecks {
    index: usize,
    def: &'static TableDef,
    path: PathBuf,
    header: Vec<String>,
    /// Where each defined column is in the header.
    positions: Vec<Option<usize>>,
    /// Where the primary key's columns are; None when one is missing from the header.
    key_positions: Option<Vec<usize>>,
    /// The first line of each primary key seen (see [`key_text`]).
    keys: HashMap<String, u64>,
    /// (foreign key number, position, (line, value) of each non-empty value) of each foreign
    /// key whose column is in the header.
    foreign: Vec<ForeignColumn>,
    /// (column, position, values) of the columns other tables' foreign keys point to, when in
    /// the header; the values are None for a column that is the whole primary key, whose
    /// values are the keys of `keys` (one copy of the mention ids, not two).
    targets: Vec<TargetColumn>,
}

/// A foreign key's column: the key's number, its position in the header, and the (line, value)
/// of each non-empty value.
type ForeignColumn = (usize, usize, Vec<(u64, String)>);

/// A column other tables' foreign keys point to: its name, its position in the header, and its
/// values (None when they are the primary keys already kept).
type TargetColumn = (&'static str, usize, Option<HashSet<String>>);

impl TableChecks {
    /// Start checking a table with this header (checked here).
    fn new(index: usize, def: &'static TableDef, path: PathBuf, header: Vec<String>, report: &mut Report) -> TableChecks {
        report.at(stage::of(stage::ROWS, index, 0));
        check_header(def, &path, &header, report);
        let positions: Vec<Option<usize>> = def.columns.iter().map(|c| header.iter().position(|h| h == c.name)).collect();
        let key_positions = def.primary_key.iter().map(|k| def.column_index(k).and_then(|i| positions[i])).collect();
        let foreign = (def.foreign_keys.iter().enumerate())
            .filter_map(|(k, fk)| Some((k, def.column_index(fk.column).and_then(|i| positions[i])?, Vec::new())))
            .collect();
        let is_key = |c: &str| def.primary_key == [c];
        let targets = target_columns(def.name).filter_map(|c| Some((c, header.iter().position(|h| h == c)?, (!is_key(c)).then(HashSet::new)))).collect();
        TableChecks { index, def, path, header, positions, key_positions, keys: HashMap::new(), foreign, targets }
    }

    /// A copy that runs [`TableChecks::values`] only (it keeps no keys), for other threads.
    fn values_only(&self) -> TableChecks {
        TableChecks {
            path: self.path.clone(),
            header: self.header.clone(),
            positions: self.positions.clone(),
            key_positions: None,
            keys: HashMap::new(),
            foreign: Vec::new(),
            targets: Vec::new(),
            ..*self
        }
    }

    /// Check one data row.
    fn row(&mut self, line: u64, fields: &[&str], report: &mut Report) {
        if self.values(line, fields, report) {
            self.keys(line, fields, report);
        }
    }

    /// The checks of one row that need no other row: its width and its values. False when
    /// the row is too short or long for its fields to be read by position.
    fn values(&self, line: u64, fields: &[&str], report: &mut Report) -> bool {
        if fields.len() != self.header.len() {
            report.at(stage::of(stage::ROWS, self.index, 1));
            let msg = format!("row has {} fields but the header has {}", fields.len(), self.header.len());
            report.row(&self.path, line, "width", &msg);
            return false;
        }
        for (c, (column, pos)) in self.def.columns.iter().zip(&self.positions).enumerate() {
            let Some(pos) = pos else { continue };
            if let Some(msg) = value_problem(column, fields[*pos]) {
                report.at(stage::of(stage::ROWS, self.index, 2 + c));
                report.cell(&self.path, line, column.name, "value", &msg);
            }
        }
        true
    }

    /// The checks of one row (of the right width) against the rows before it: its primary key
    /// is new; and the values the foreign keys are checked with once every table is read.
    fn keys(&mut self, line: u64, fields: &[&str], report: &mut Report) {
        self.primary_key(line, fields, report);
        for (_, pos, values) in &mut self.foreign {
            if !fields[*pos].is_empty() {
                values.push((line, fields[*pos].to_string()));
            }
        }
        for (_, pos, values) in self.targets.iter_mut().filter_map(|(_, pos, v)| Some((0, pos, v.as_mut()?))) {
            if !values.contains(fields[*pos]) {
                values.insert(fields[*pos].to_string());
            }
        }
    }

    /// The primary key must be present in every row and unique across rows.
    fn primary_key(&mut self, line: u64, fields: &[&str], report: &mut Report) {
        let Some(key_positions) = &self.key_positions else { return }; // a missing key column is reported by the header check
        report.at(stage::of(stage::ROWS, self.index, 2 + self.def.columns.len()));
        let key_name = || self.def.primary_key.join(",");
        let key: Vec<&str> = key_positions.iter().map(|&p| fields[p]).collect();
        if key.iter().any(|v| v.is_empty()) {
            report.cell(&self.path, line, &key_name(), "key", "primary key is empty");
            return;
        }
        match self.keys.get(&key_text(&key)) {
            Some(first) => {
                let msg = format!("duplicate primary key `{}`: the same as line {first}", key.join(","));
                report.cell(&self.path, line, &key_name(), "key", &msg);
            }
            None => {
                self.keys.insert(key_text(&key), line);
            }
        }
    }
}

/// A primary key's values as one text: the value itself for a one-column key (as a foreign
/// key's value is), each value after its length otherwise.
fn key_text(values: &[&str]) -> String {
    match values {
        [one] => one.to_string(),
        _ => values.iter().map(|v| format!("{}:{v}", v.len())).collect(),
    }
}

/// The columns of `table` that some table's foreign key points to.
fn target_columns(table: &str) -> impl Iterator<Item = &'static str> + '_ {
    let mut columns: Vec<&'static str> = TABLES.iter().flat_map(|d| d.foreign_keys).filter(|fk| fk.table == table).map(|fk| fk.table_column).collect();
    columns.sort_unstable();
    columns.dedup();
    columns.into_iter()
}

/// Every non-empty foreign key value must occur in the referenced column of a table that was
/// read (a table that could not be read, or lacks the column, is reported elsewhere).
fn finish_foreign_keys(tables: Vec<TableChecks>, report: &mut Report) {
    for table in &tables {
        for (k, _, values) in &table.foreign {
            let fk = &table.def.foreign_keys[*k];
            let target = tables.iter().find(|t| t.def.name == fk.table).and_then(|t| Some((t, t.targets.iter().find(|(c, ..)| *c == fk.table_column)?)));
            let Some((target, (_, _, target_values))) = target else { continue };
            let known = |v: &String| match target_values {
                Some(values) => values.contains(v),
                None => target.keys.contains_key(v.as_str()),
            };
            report.at(stage::of(stage::ROWS, table.index, 3 + table.def.columns.len() + k));
            for (line, value) in values.iter().filter(|(_, v)| !known(v)) {
                let msg = format!("`{value}` is not a {}.{} (foreign key)", fk.table, fk.table_column);
                report.cell(&table.path, *line, fk.column, "foreign key", &msg);
            }
        }
    }
}

/// The header must list the defined columns, each once, in definition order.
fn check_header(def: &TableDef, path: &Path, header: &[String], report: &mut Report) {
    let defined: Vec<&str> = def.columns.iter().map(|c| c.name).collect();
    let mut seen = HashSet::new();
    for name in header {
        if !seen.insert(name.as_str()) {
            report.cell(path, 1, name, "header", "column appears more than once in the header");
        } else if !defined.contains(&name.as_str()) {
            report.cell(path, 1, name, "header", "unexpected column: the table definition has no such column");
        }
    }
    for (i, name) in defined.iter().enumerate() {
        if !header.iter().any(|h| h == name) {
            let msg = format!("missing column: the definition puts it at position {}", i + 1);
            report.cell(path, 1, name, "header", &msg);
        }
    }
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let same_set = header.len() == defined.len() && defined.iter().all(|d| header.contains(d));
    if same_set && header != defined {
        let msg = format!("columns are out of order; expected: {}", defined.join(","));
        report.row(path, 1, "header", &msg);
    }
}

/// A Parquet file compared with its CSV a row at a time, as the CSV is read. Disagreements
/// are listed only when both files turn out to have the same number of rows.
struct ParquetCompare<'d> {
    index: usize,
    path: PathBuf,
    /// Each compared column: its place in the definition, its place in the CSV, its type, its
    /// Parquet values as CSV text (None when they cannot be read) and its disagreements.
    columns: Vec<(usize, usize, ColumnType, Option<FieldIter<'d>>, usize)>,
    found: Report,
}

/// A Parquet column's values as the CSV writer would write them (null = empty), in order.
type FieldIter<'d> = Box<dyn Iterator<Item = String> + 'd>;

impl<'d> ParquetCompare<'d> {
    fn new(index: usize, def: &'static TableDef, parquet: &'d (pl::DataFrame, Vec<&'static str>), checks: &TableChecks, path: &Path) -> ParquetCompare<'d> {
        let (df, comparable) = parquet;
        let columns = (def.columns.iter().enumerate())
            .filter(|(_, column)| comparable.contains(&column.name))
            .filter_map(|(c, column)| {
                let pos = checks.positions[c]?;
                let values = df.column(column.name).ok().and_then(|v| parquet_fields(v, column.ty));
                Some((c, pos, column.ty, values, 0))
            })
            .collect();
        ParquetCompare { index, path: path.to_path_buf(), columns, found: Report::default() }
    }

    /// Compare CSV row `_row` (0-based, at `line`) with the next Parquet row.
    fn row(&mut self, _row: usize, line: u64, fields: &[&str]) {
        let def_columns = TABLES.get(self.index).map(|d| d.columns);
        for (c, pos, ty, values, disagreements) in &mut self.columns {
            let Some(parquet) = values.as_mut().and_then(|v| v.next()) else { continue };
            let Some(text) = fields.get(*pos) else { continue }; // short rows are reported by the CSV checks
            if same_value(*ty, &parquet, text) {
                continue;
            }
            *disagreements += 1;
            if *disagreements <= MAX_DISAGREEMENTS {
                let name = def_columns.map_or("", |d| d[*c].name);
                self.found.at(stage::of(stage::PARQUET, self.index, 1 + *c));
                self.found.cell(&self.path, line, name, "parquet", &format!("Parquet has `{parquet}` but the CSV has `{text}`"));
            }
        }
    }

    /// Report a difference in row counts, or the disagreements found.
    fn finish(self, df: &(pl::DataFrame, Vec<&'static str>), rows: usize, csv_path: &Path, report: &mut Report) {
        let height = df.0.height();
        if height != rows {
            report.at(stage::of(stage::PARQUET, self.index, 0));
            report.file(&self.path, &format!("has {height} rows but {} has {rows}", csv_path.display()));
            return;
        }
        report.absorb(self.found);
        let def_columns = TABLES.get(self.index).map(|d| d.columns);
        for (c, _, _, values, disagreements) in &self.columns {
            let name = def_columns.map_or("", |d| d[*c].name);
            report.at(stage::of(stage::PARQUET, self.index, 1 + *c));
            if values.is_none() {
                report.column(&self.path, name, "values cannot be read");
            } else if *disagreements > MAX_DISAGREEMENTS {
                let msg = format!("… and {} more rows where Parquet and CSV disagree", disagreements - MAX_DISAGREEMENTS);
                report.column(&self.path, name, &msg);
            }
        }
    }
}

/// A Parquet column's values as the CSV writer would write them (null = empty), read lazily.
fn parquet_fields(column: &pl::Column, ty: ColumnType) -> Option<FieldIter<'_>> {
    fn text<T: ToString>(v: Option<T>) -> String {
        v.map_or(String::new(), |v| v.to_string())
    }
    Some(match ty {
        ColumnType::String => Box::new(column.str().ok()?.iter().map(text)),
        ColumnType::Integer => Box::new(column.i64().ok()?.iter().map(text)),
        ColumnType::Number => Box::new(column.f64().ok()?.iter().map(|v| v.map_or(String::new(), format_number))),
        ColumnType::Boolean => Box::new(column.bool().ok()?.iter().map(text)),
        ColumnType::Date => Box::new(column.date().ok()?.physical().iter().map(|d| text(d.and_then(days_to_date)))),
    })
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

/// Does `value` match `pattern` as a whole? The patterns of [`TABLES`] are compiled once and
/// read without a lock (tables are checked on several threads at once); any other pattern is
/// compiled on the spot.
fn whole_match(pattern: &'static str, value: &str) -> bool {
    use std::sync::OnceLock;
    static COMPILED: OnceLock<HashMap<&'static str, regex::Regex>> = OnceLock::new();
    let compile = |pattern: &str| regex::Regex::new(&format!("^(?:{pattern})$")).expect("the schema's patterns compile");
    let compiled = COMPILED.get_or_init(|| TABLES.iter().flat_map(|t| t.columns).filter_map(|c| c.pattern).map(|p| (p, compile(p))).collect());
    match compiled.get(pattern) {
        Some(re) => re.is_match(value),
        None => compile(pattern).is_match(value),
    }
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
    /// Each violation listed, with the stage it belongs to (see [`stage`]).
    violations: Vec<(u64, &'static str, Violation)>,
    counts: HashMap<(PathBuf, Option<String>, &'static str), usize>,
    /// The stage of the violations pushed next.
    stage: u64,
}

impl Report {
    /// Put the violations pushed from now on in this stage.
    fn at(&mut self, stage: u64) {
        self.stage = stage;
    }

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
    /// Reports absorbed in order list what one report fed the same violations in that order
    /// would list (at most [`MAX_PER_KIND`] of a kind), so a table may be checked in chunks.
    pub(crate) fn absorb(&mut self, other: Report) {
        // The other's listed violations of a kind are its first ones: count each in turn
        // (listing it while there is room), then the rest of the other's counts.
        let mut unlisted = other.counts;
        for (stage, kind, v) in other.violations {
            let key = (v.path.clone(), v.column.clone(), kind);
            if let Some(n) = unlisted.get_mut(&key) {
                *n = n.saturating_sub(1);
            }
            let n = self.counts.entry(key).or_default();
            *n += 1;
            if *n <= MAX_PER_KIND {
                self.violations.push((stage, kind, v));
            }
        }
        for (key, n) in unlisted {
            *self.counts.entry(key).or_default() += n;
        }
    }

    fn push(&mut self, kind: &'static str, v: Violation) {
        let n = self.counts.entry((v.path.clone(), v.column.clone(), kind)).or_default();
        *n += 1;
        if *n <= MAX_PER_KIND {
            self.violations.push((self.stage, kind, v));
        }
    }

    /// The listed violations, followed by one summary per file, column and kind that had more.
    pub(crate) fn finish(mut self) -> Vec<Violation> {
        // Checks run a row at a time and tables on several threads; the listing is in the
        // order of the stages, and within one in the order found (a stable sort).
        self.violations.sort_by_key(|(stage, ..)| *stage);
        let mut violations: Vec<Violation> = self.violations.into_iter().map(|(.., v)| v).collect();
        let mut more: Vec<_> = self.counts.into_iter().filter(|(_, n)| *n > MAX_PER_KIND).collect();
        more.sort();
        for ((path, column, kind), n) in more {
            let message = format!("… and {} more {kind} violations like the above", n - MAX_PER_KIND);
            violations.push(Violation { path, line: None, column, message });
        }
        violations
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A report fed `lines` of one kind of violation, at stage `stage`.
    fn fed(lines: std::ops::Range<u64>, stage: u64, kind: &'static str) -> Report {
        let mut report = Report::default();
        report.at(stage);
        for line in lines {
            report.cell(Path::new("t.csv"), line, "c", kind, &format!("bad at {line}"));
        }
        report
    }

    #[test]
    fn reports_absorbed_in_order_list_what_one_report_lists() {
        // The values of rows 2..60 (more than the cap), and keys found on another thread.
        let whole = {
            let mut r = fed(2..60, 5, "value");
            r.absorb(fed(2..30, 7, "key"));
            r.finish()
        };
        let mut chunked = Report::default();
        chunked.absorb(fed(2..30, 7, "key"));
        for lines in [2..12, 12..13, 13..40, 40..60] {
            chunked.absorb(fed(lines, 5, "value"));
        }
        assert_eq!(chunked.finish(), whole);
    }
}
