//! Write a table as CSV: UTF-8, header of column names in definition order, `\n` line ends,
//! fields from [`Cell::to_csv_field`](super::Cell::to_csv_field), null as the empty field.
//! The same table always gives the same bytes.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use rayon::prelude::*;

use super::{Cell, Table};
use crate::error::{Error, Result};

/// Rows formatted by one task: enough to outweigh the task, few enough to hold a window of
/// them per thread.
const CHUNK_ROWS: usize = 4096;

/// Write `table` to `path`, replacing any file there.
///
/// A record's bytes depend on that record alone, so chunks of rows are formatted on the pool
/// (a window of a few per thread at a time, which bounds the memory) and written in order:
/// the bytes of one writer going row by row.
pub(crate) fn write_csv(path: &Path, table: &Table) -> Result<()> {
    let file = File::create(path).map_err(|e| Error::io(path, e))?;
    let mut out = BufWriter::new(file);
    let header: Vec<&str> = table.def.columns.iter().map(|c| c.name).collect();
    out.write_all(&records(path, std::iter::once(header))?).map_err(|e| Error::io(path, e))?;
    let window = CHUNK_ROWS * 2 * rayon::current_num_threads().max(1);
    for rows in table.rows.chunks(window) {
        let parts: Vec<Result<Vec<u8>>> = rows.par_chunks(CHUNK_ROWS).map(|chunk| records(path, chunk.iter().map(|row| fields(row)))).collect();
        for part in parts {
            out.write_all(&part?).map_err(|e| Error::io(path, e))?;
        }
    }
    // Flush and sync before the directory is swapped in, so a crash cannot publish a short file.
    out.flush().map_err(|e| Error::io(path, e))?;
    out.get_ref().sync_all().map_err(|e| Error::io(path, e))
}

/// A row's CSV fields.
fn fields(row: &[Cell]) -> Vec<std::borrow::Cow<'_, str>> {
    row.iter().map(Cell::csv_field).collect()
}

/// Some records as CSV bytes.
fn records<F: AsRef<str>>(path: &Path, records: impl Iterator<Item = Vec<F>>) -> Result<Vec<u8>> {
    let failed = |e: csv::Error| Error::Write { path: path.to_path_buf(), message: e.to_string() };
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new());
    for record in records {
        writer.write_record(record.iter().map(|f| f.as_ref().as_bytes())).map_err(failed)?;
    }
    writer.into_inner().map_err(|e| Error::io(path, e.into_error()))
}
