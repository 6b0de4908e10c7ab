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
use polars_arrow::array::{Array, BooleanArray, PrimitiveArray, Utf8Array};
use polars_arrow::datatypes::ArrowDataType;
use polars_arrow::record_batch::RecordBatchT;
use polars_parquet::write::{row_group_iter, CompressionOptions, FileWriter, StatisticsOptions, Version, WriteOptions};

use super::schema::{Column, ColumnType};
use super::{Cell, Table};
use crate::error::{Error, Result};

/// Write `table` to `path`, replacing any file there.
pub fn write_parquet(path: &Path, table: &Table) -> Result<()> {
    let failed = |e: pl::PolarsError| Error::Write { path: path.to_path_buf(), message: e.to_string() };
    let file = File::create(path).map_err(|e| Error::io(path, e))?;
    let mut out = BufWriter::new(file);
    write_oldest_level(&mut out, table).map_err(failed)?;
    out.flush().map_err(|e| Error::io(path, e))?;
    out.get_ref().sync_all().map_err(|e| Error::io(path, e))
}

/// Rows per row group, as polars' `ParquetWriter` splits them.
const ROW_GROUP_ROWS: usize = 512 * 512;

/// The options polars' `ParquetWriter` writes with by default: zstd, statistics, format 1.
fn write_options() -> WriteOptions {
    WriteOptions {
        statistics: StatisticsOptions::default(),
        compression: CompressionOptions::from(pl::ParquetCompression::Zstd(None)),
        version: Version::V1,
        data_page_size: None,
    }
}

/// Write `table` as Parquet at polars' oldest compatibility level (plain strings), with the
/// options `ParquetWriter` uses by default (zstd, statistics, its encodings). The schema is
/// the one polars gives the table's columns; each row group's arrays are built straight from
/// its rows, as polars would export them, so memory holds one row group's arrays at a time
/// and never a second copy of every string.
fn write_oldest_level<W: Write>(out: W, table: &Table) -> pl::PolarsResult<()> {
    let schema = std::sync::Arc::new(data_frame(&Table::new(table.def))?.schema().to_arrow(CompatLevel::oldest()));
    let encodings = pl::get_encodings(&schema);
    let options = write_options();
    let mut writer = FileWriter::try_new(out, (*schema).clone(), options)?;
    let fields = writer.parquet_schema().fields().to_vec();
    for group in table.rows.chunks(ROW_GROUP_ROWS) {
        let arrays = (0..table.def.columns.len()).map(|i| oldest_array(table.def.columns[i].ty, group, i)).collect();
        let batch = RecordBatchT::try_new(group.len(), schema.clone(), arrays)?;
        writer.write(group.len() as u64, row_group_iter(batch, encodings.clone(), fields.clone(), options))?;
    }
    writer.end(None)?;
    Ok(())
}

/// Column `i` of some rows as the array polars exports at its oldest level: large UTF-8
/// strings (empty text as null, as in the CSV), 64-bit integers and floats, booleans, and
/// dates as days since 1970. Cells of another type (which the loader's checks reject before
/// writing) become null.
fn oldest_array(ty: ColumnType, rows: &[Vec<Cell>], i: usize) -> Box<dyn Array> {
    let cells = rows.iter().map(|r| r.get(i).unwrap_or(&Cell::Null));
    match ty {
        ColumnType::String => {
            let strings = cells.map(|c| if let Cell::Str(s) = c { Some(s.as_str()) } else { None }.filter(|s| !s.is_empty()));
            Box::new(Utf8Array::<i64>::from_iter(strings))
        }
        ColumnType::Integer => Box::new(PrimitiveArray::<i64>::from_iter(cells.map(|c| if let Cell::Int(x) = c { Some(*x) } else { None }))),
        ColumnType::Number => Box::new(PrimitiveArray::<f64>::from_iter(cells.map(|c| if let Cell::Num(x) = c { Some(*x) } else { None }))),
        ColumnType::Boolean => Box::new(BooleanArray::from_iter(cells.map(|c| if let Cell::Bool(b) = c { Some(*b) } else { None }))),
        ColumnType::Date => {
            let days = PrimitiveArray::<i32>::from_iter(cells.map(|c| if let Cell::Date(d) = c { date_to_days(*d) } else { None }));
            Box::new(days.to(ArrowDataType::Date32))
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::rows::{rows_table, ComparisonRow};

    /// How the file was written before row groups were built from the cells: the whole table
    /// as a polars DataFrame, sliced into row groups and exported at the oldest level.
    fn write_through_data_frame(table: &Table) -> Vec<u8> {
        let df = data_frame(table).unwrap();
        let schema = df.schema().to_arrow(CompatLevel::oldest());
        let encodings = pl::get_encodings(&schema);
        let options = write_options();
        let mut out = Vec::new();
        let mut writer = FileWriter::try_new(&mut out, schema, options).unwrap();
        let fields = writer.parquet_schema().fields().to_vec();
        for offset in (0..df.height()).step_by(ROW_GROUP_ROWS) {
            let mut group = df.slice(offset as i64, ROW_GROUP_ROWS);
            group.rechunk_mut();
            for batch in group.iter_chunks(CompatLevel::oldest(), false) {
                writer.write(batch.len() as u64, row_group_iter(batch, encodings.clone(), fields.clone(), options)).unwrap();
            }
        }
        writer.end(None).unwrap();
        out
    }

    #[test]
    fn row_groups_from_cells_are_the_bytes_of_polars_export() {
        // More rows than one row group, with nulls, empty text and every kind of cell.
        let rows = (0..ROW_GROUP_ROWS + 1000).map(|i| ComparisonRow {
            comparison_id: format!("measure_{i}@{}", 2000 + i % 30),
            measure: format!("measure_{}", i % 7),
            as_of: (i % 3 != 0).then(|| format!("{}", 2000 + i % 30)),
            n_statements: (i % 11) as i64,
            n_sources: (i % 5) as i64,
            statement_ids: if i % 13 == 0 { String::new() } else { format!("a_{i}:1-2;b_{i}:3-4") },
            min: (i % 4 != 0).then_some(i as f64 * 0.5),
            max: Some(i as f64),
            spread: None,
            spread_pct: (i % 2 == 0).then_some(1.0 / (i as f64 + 1.0)),
            verdict: ["consistent", "conflicting", "single"][i % 3].to_string(),
            disagreeing_statement_ids: (i % 3 == 1).then(|| format!("b_{i}:3-4")),
            undated_statement_ids: None,
        });
        let table = rows_table(rows);
        let mut direct = Vec::new();
        write_oldest_level(&mut direct, &table).unwrap();
        assert!(direct == write_through_data_frame(&table), "the two writers disagree");
        let mut empty = Vec::new();
        write_oldest_level(&mut empty, &Table::new(table.def)).unwrap();
        assert!(empty == write_through_data_frame(&Table::new(table.def)), "the two writers disagree on an empty table");
    }
}
