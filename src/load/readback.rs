//! The read-back check of a dataset just written: every CSV and Parquet file must read back as
//! the table it was written from, cell for cell.
//!
//! The tables have already passed every row check in memory (types, required and allowed
//! values, keys; see [`super::validate::check_tables_in_memory`]), so files that hold exactly
//! their rows validate as well; what is left to check is the trip through CSV and Parquet.
//! Comparing with the rows in memory instead of validating the files anew builds no key sets
//! and holds one Parquet column at a time, so it can run beside the report: each table's CSV
//! file and each Parquet column is its own task on the build's pool.

use std::fs::File;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use chrono::NaiveDate;
use polars::prelude as pl;
use polars::prelude::SerReader;
use rayon::prelude::*;

use super::schema::ColumnType;
use super::validate::{days_to_date, polars_dtype};
use super::{Cell, Table};
use crate::error::{Error, Result};

/// Check the files of `tables` in `dir` against the tables; the first difference in table
/// order (CSV first, then the Parquet columns in definition order) is the error.
pub(crate) fn check(dir: &Path, tables: &[&Table]) -> Result<()> {
    for name in ["datapackage.json", "data_dictionary.md"] {
        if !dir.join(name).is_file() {
            return Err(differs(&dir.join(name), "the file is missing".into()));
        }
    }
    let checked: Vec<Result<()>> = tables
        .par_iter()
        .flat_map_iter(|table| [(table, true), (table, false)])
        .map(|(table, csv)| match csv {
            true => check_csv(&dir.join(format!("{}.csv", table.def.name)), table),
            false => check_parquet(&dir.join(format!("{}.parquet", table.def.name)), table),
        })
        .collect();
    checked.into_iter().collect()
}

fn differs(path: &Path, what: String) -> Error {
    Error::Write { path: path.to_path_buf(), message: format!("the written file does not read back as the table it was written from: {what}") }
}

/// The CSV file: its header is the definition's columns, then one record per row, each
/// field the cell's CSV text.
fn check_csv(path: &Path, table: &Table) -> Result<()> {
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(std::io::BufReader::new(file));
    let mut record = csv::ByteRecord::new();
    let mut read = |record: &mut csv::ByteRecord| reader.read_byte_record(record).map_err(|e| differs(path, format!("unreadable CSV: {e}")));
    if !read(&mut record)? || !record.iter().eq(table.def.columns.iter().map(|c| c.name.as_bytes())) {
        return Err(differs(path, "the header is not the table's columns".into()));
    }
    for (i, row) in table.rows.iter().enumerate() {
        if !read(&mut record)? {
            return Err(differs(path, format!("the file ends after {i} of the table's {} rows", table.rows.len())));
        }
        let line = record.position().map_or(0, |p| p.line());
        if record.len() != row.len() {
            return Err(differs(path, format!("line {line} has {} fields, the table {}", record.len(), row.len())));
        }
        if let Some((c, (field, cell))) = record.iter().zip(row).enumerate().find(|(_, (field, cell))| *field != cell.csv_field().as_bytes()) {
            let name = table.def.columns[c].name;
            return Err(differs(path, format!("line {line}, column {name}: `{}` where the table has {cell:?}", String::from_utf8_lossy(field))));
        }
    }
    if read(&mut record)? {
        return Err(differs(path, format!("the file has more records than the table's {} rows", table.rows.len())));
    }
    Ok(())
}

/// The Parquet file: the definition's columns in order, of their dtypes, one at a time on the
/// pool, each value the cell's (text empty in the table is null in the file).
fn check_parquet(path: &Path, table: &Table) -> Result<()> {
    let names: Vec<String> = reader(path)?.schema().map_err(|e| differs(path, e.to_string()))?.iter_names().map(|n| n.to_string()).collect();
    if !names.iter().map(String::as_str).eq(table.def.columns.iter().map(|c| c.name)) {
        return Err(differs(path, format!("its columns are {names:?}")));
    }
    let checked: Vec<Result<()>> = (0..table.def.columns.len()).into_par_iter().map(|c| check_parquet_column(path, table, c)).collect();
    checked.into_iter().collect()
}

fn reader(path: &Path) -> Result<pl::ParquetReader<File>> {
    Ok(pl::ParquetReader::new(File::open(path).map_err(|e| Error::io(path, e))?))
}

/// Column `c` of the Parquet file against column `c` of the table.
fn check_parquet_column(path: &Path, table: &Table, c: usize) -> Result<()> {
    let column = &table.def.columns[c];
    let reader = reader(path)?.with_projection(Some(vec![c]));
    let df = match catch_unwind(AssertUnwindSafe(|| reader.finish())) {
        Ok(Ok(df)) => df,
        Ok(Err(e)) => return Err(differs(path, format!("column {} cannot be read: {e}", column.name))),
        Err(_) => return Err(differs(path, format!("the Parquet reader failed on column {}", column.name))),
    };
    let read = df.column(column.name).map_err(|e| differs(path, e.to_string()))?;
    if *read.dtype() != polars_dtype(column.ty) {
        return Err(differs(path, format!("column {} is {} where the definition says {}", column.name, read.dtype(), polars_dtype(column.ty))));
    }
    if read.len() != table.rows.len() {
        return Err(differs(path, format!("{} rows where the table has {}", read.len(), table.rows.len())));
    }
    let values = values(read, column.ty).ok_or_else(|| differs(path, format!("column {} cannot be read", column.name)))?;
    let cells = table.rows.iter().map(|r| r.get(c).unwrap_or(&Cell::Null));
    let first_difference = values.zip(cells).position(|(value, cell)| !value.is(cell));
    match first_difference {
        None => Ok(()),
        Some(row) => Err(differs(path, format!("row {}, column {}: the table has {:?}", row + 1, column.name, table.rows[row].get(c)))),
    }
}

/// A Parquet value, borrowed from the column read.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Value<'a> {
    Null,
    Str(&'a str),
    Int(i64),
    Num(f64),
    Bool(bool),
    Date(Option<NaiveDate>),
}

impl Value<'_> {
    /// Is this the value `cell` is written as? (Empty text is written as null.)
    fn is(self, cell: &Cell) -> bool {
        match (self, cell) {
            (Value::Null, Cell::Null) => true,
            (Value::Null, Cell::Str(s)) => s.is_empty(),
            (Value::Str(a), Cell::Str(b)) => a == b,
            (Value::Int(a), Cell::Int(b)) => a == *b,
            (Value::Num(a), Cell::Num(b)) => a == *b,
            (Value::Bool(a), Cell::Bool(b)) => a == *b,
            (Value::Date(a), Cell::Date(b)) => a == Some(*b),
            _ => false,
        }
    }
}

/// A Parquet column's values in order; None when it is not of `ty`'s dtype.
fn values(column: &pl::Column, ty: ColumnType) -> Option<Box<dyn Iterator<Item = Value<'_>> + '_>> {
    Some(match ty {
        ColumnType::String => Box::new(column.str().ok()?.iter().map(|v| v.map_or(Value::Null, Value::Str))),
        ColumnType::Integer => Box::new(column.i64().ok()?.iter().map(|v| v.map_or(Value::Null, Value::Int))),
        ColumnType::Number => Box::new(column.f64().ok()?.iter().map(|v| v.map_or(Value::Null, Value::Num))),
        ColumnType::Boolean => Box::new(column.bool().ok()?.iter().map(|v| v.map_or(Value::Null, Value::Bool))),
        ColumnType::Date => Box::new(column.date().ok()?.physical().iter().map(|d| d.map_or(Value::Null, |d| Value::Date(days_to_date(d))))),
    })
}
