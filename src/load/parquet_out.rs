//! Write a table as Parquet with polars. Each column gets the dtype of its definition (see
//! [`ColumnType::polars_name`]) whether or not it has rows, so an empty table still carries its
//! full typed schema. Enumerations stay plain `String` columns: categoricals differ between
//! readers and would tie the file to one polars version.
//!
//! Compression is zstd at its default level, written single-threaded with no timestamps in the
//! metadata, so the same table always gives the same bytes.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use chrono::NaiveDate;
use polars::prelude as pl;
use polars::prelude::{IntoColumn, NamedFrom};

use super::schema::{Column, ColumnType};
use super::{Cell, Table};
use crate::error::{Error, Result};

/// Write `table` to `path`, replacing any file there.
pub fn write_parquet(path: &Path, table: &Table) -> Result<()> {
    let failed = |e: pl::PolarsError| Error::Write { path: path.to_path_buf(), message: e.to_string() };
    let mut df = data_frame(table).map_err(failed)?;
    let file = File::create(path).map_err(|e| Error::io(path, e))?;
    let mut out = BufWriter::new(file);
    pl::ParquetWriter::new(&mut out).with_compression(pl::ParquetCompression::Zstd(None)).set_parallel(false).finish(&mut df).map_err(failed)?;
    out.flush().map_err(|e| Error::io(path, e))?;
    out.get_ref().sync_all().map_err(|e| Error::io(path, e))
}

/// The table as a polars DataFrame, one typed column per definition column.
fn data_frame(table: &Table) -> pl::PolarsResult<pl::DataFrame> {
    let columns = (0..table.def.columns.len()).map(|i| typed_column(&table.def.columns[i], table, i));
    pl::DataFrame::new(table.rows.len(), columns.collect::<pl::PolarsResult<Vec<_>>>()?)
}

/// Column `i` of `table` as a series of its definition's dtype; cells of another type (which
/// the loader's checks reject before writing) become null.
fn typed_column(column: &Column, table: &Table, i: usize) -> pl::PolarsResult<pl::Column> {
    let name = column.name.into();
    let cells = table.rows.iter().map(|r| r.get(i).unwrap_or(&Cell::Null));
    let series = match column.ty {
        ColumnType::String => {
            // An empty string is written as null, as it is in the CSV (an empty field).
            let v: Vec<Option<&str>> = cells.map(|c| if let Cell::Str(s) = c { Some(s.as_str()) } else { None }).map(|s| s.filter(|s| !s.is_empty())).collect();
            pl::Series::new(name, v)
        }
        ColumnType::Integer => {
            let v: Vec<Option<i64>> = cells.map(|c| if let Cell::Int(x) = c { Some(*x) } else { None }).collect();
            pl::Series::new(name, v)
        }
        ColumnType::Number => {
            let v: Vec<Option<f64>> = cells.map(|c| if let Cell::Num(x) = c { Some(*x) } else { None }).collect();
            pl::Series::new(name, v)
        }
        ColumnType::Boolean => {
            let v: Vec<Option<bool>> = cells.map(|c| if let Cell::Bool(b) = c { Some(*b) } else { None }).collect();
            pl::Series::new(name, v)
        }
        ColumnType::Date => {
            let v: Vec<Option<i32>> = cells.map(|c| if let Cell::Date(d) = c { date_to_days(*d) } else { None }).collect();
            pl::Series::new(name, v).cast(&pl::DataType::Date)?
        }
    };
    Ok(series.into_column())
}

/// Days since 1970-01-01, polars' physical representation of a Date.
fn date_to_days(date: NaiveDate) -> Option<i32> {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1)?;
    i32::try_from((date - epoch).num_days()).ok()
}
