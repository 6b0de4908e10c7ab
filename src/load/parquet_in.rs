//! Read a table written by [`super::parquet_out`] back into typed cells: how a merge reads the
//! rows of shards built on other machines.

use std::fs::File;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use polars::prelude as pl;
use polars::prelude::SerReader;

use super::schema::{ColumnType, TableDef};
use super::validate::{days_to_date, polars_dtype};
use super::{Cell, Table};
use crate::error::{Error, Result};

/// Read the Parquet file at `path` as a table of `def`: its columns must be the definition's,
/// of their dtypes (extra columns, such as a hive partition, are ignored).
pub fn read_parquet_table(path: &Path, def: &'static TableDef) -> Result<Table> {
    let bad = |message: String| Error::Write { path: path.to_path_buf(), message };
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    let df = match catch_unwind(AssertUnwindSafe(|| pl::ParquetReader::new(file).finish())) {
        Ok(Ok(df)) => df,
        Ok(Err(e)) => return Err(bad(format!("not a readable Parquet file: {e}"))),
        Err(_) => return Err(bad("the Parquet reader failed on this file".into())),
    };
    let mut columns = Vec::with_capacity(def.columns.len());
    for column in def.columns {
        let c = df.column(column.name).map_err(|_| bad(format!("no column `{}` of table {}", column.name, def.name)))?;
        if *c.dtype() != polars_dtype(column.ty) {
            return Err(bad(format!("column `{}` is {} but table {} says {}", column.name, c.dtype(), def.name, polars_dtype(column.ty))));
        }
        columns.push(cells(c, column.ty).ok_or_else(|| bad(format!("column `{}` cannot be read", column.name)))?);
    }
    let mut table = Table::new(def);
    for i in 0..df.height() {
        table.rows.push(columns.iter().map(|c| c[i].clone()).collect());
    }
    Ok(table)
}

/// A Parquet column as cells of type `ty` (null as [`Cell::Null`]).
fn cells(column: &pl::Column, ty: ColumnType) -> Option<Vec<Cell>> {
    Some(match ty {
        ColumnType::String => column.str().ok()?.iter().map(Cell::opt_text).collect(),
        ColumnType::Integer => column.i64().ok()?.iter().map(|v| v.map_or(Cell::Null, Cell::Int)).collect(),
        ColumnType::Number => column.f64().ok()?.iter().map(Cell::opt_num).collect(),
        ColumnType::Boolean => column.bool().ok()?.iter().map(|v| v.map_or(Cell::Null, Cell::Bool)).collect(),
        ColumnType::Date => column.date().ok()?.physical().iter().map(|d| Cell::opt_date(d.and_then(days_to_date))).collect(),
    })
}
