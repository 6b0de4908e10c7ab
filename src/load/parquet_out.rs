//! Write a table as Parquet with polars. Each column gets the dtype of its definition (see
//! [`ColumnType::polars_name`]) whether or not it has rows, so an empty table still carries its
//! full typed schema. Enumerations stay plain `String` columns: categoricals differ between
//! readers and would tie the file to one polars version.
//!
//! Strings are written as plain (large) UTF-8 strings, polars' oldest compatibility level, not
//! the `string_view` of its default writer: Spark, pandas' sort and group-by, and Arrow readers
//! older than 2024 do not handle `string_view`. polars 0.55's `ParquetWriter` always writes its
//! newest level, so the file is written with polars-parquet's writer (the one `ParquetWriter`
//! wraps) from record batches exported at the oldest level.
//!
//! Compression is zstd at its default level, written single-threaded with no timestamps in the
//! metadata, so the same table always gives the same bytes.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use chrono::NaiveDate;
use polars::prelude as pl;
use polars::prelude::{CompatLevel, IntoColumn, NamedFrom, SchemaExt};
use polars_parquet::write::{row_group_iter, CompressionOptions, FileWriter, StatisticsOptions, Version, WriteOptions};

use super::schema::{Column, ColumnType};
use super::{Cell, Table};
use crate::error::{Error, Result};

/// Write `table` to `path`, replacing any file there.
pub fn write_parquet(path: &Path, table: &Table) -> Result<()> {
    let failed = |e: pl::PolarsError| Error::Write { path: path.to_path_buf(), message: e.to_string() };
    let df = data_frame(table).map_err(failed)?;
    let file = File::create(path).map_err(|e| Error::io(path, e))?;
    let mut out = BufWriter::new(file);
    write_oldest_level(&mut out, &df).map_err(failed)?;
    out.flush().map_err(|e| Error::io(path, e))?;
    out.get_ref().sync_all().map_err(|e| Error::io(path, e))
}

/// Rows per row group, as polars' `ParquetWriter` splits them.
const ROW_GROUP_ROWS: usize = 512 * 512;

/// Write `df` as Parquet at polars' oldest compatibility level (plain strings), with the
/// options `ParquetWriter` uses by default (zstd, statistics, its encodings).
fn write_oldest_level<W: Write>(out: W, df: &pl::DataFrame) -> pl::PolarsResult<()> {
    let schema = df.schema().to_arrow(CompatLevel::oldest());
    let encodings = pl::get_encodings(&schema);
    let options = WriteOptions {
        statistics: StatisticsOptions::default(),
        compression: CompressionOptions::from(pl::ParquetCompression::Zstd(None)),
        version: Version::V1,
        data_page_size: None,
    };
    let mut writer = FileWriter::try_new(out, schema, options)?;
    let fields = writer.parquet_schema().fields().to_vec();
    for offset in (0..df.height()).step_by(ROW_GROUP_ROWS) {
        let mut group = df.slice(offset as i64, ROW_GROUP_ROWS);
        group.rechunk_mut();
        for batch in group.iter_chunks(CompatLevel::oldest(), false) {
            let rows = batch.len() as u64;
            writer.write(rows, row_group_iter(batch, encodings.clone(), fields.clone(), options))?;
        }
    }
    writer.end(None)?;
    Ok(())
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
