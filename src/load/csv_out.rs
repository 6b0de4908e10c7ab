//! Write a table as CSV: UTF-8, header of column names in definition order, `\n` line ends,
//! fields from [`Cell::to_csv_field`](super::Cell::to_csv_field), null as the empty field.
//! The same table always gives the same bytes.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use super::Table;
use crate::error::{Error, Result};

/// Write `table` to `path`, replacing any file there.
pub(crate) fn write_csv(path: &Path, table: &Table) -> Result<()> {
    let file = File::create(path).map_err(|e| Error::io(path, e))?;
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(BufWriter::new(file));
    let failed = |e: csv::Error| Error::Write { path: path.to_path_buf(), message: e.to_string() };
    writer.write_record(table.def.columns.iter().map(|c| c.name)).map_err(failed)?;
    for row in &table.rows {
        for cell in row {
            writer.write_field(cell.csv_field().as_bytes()).map_err(failed)?;
        }
        writer.write_record(None::<&[u8]>).map_err(failed)?;
    }
    let mut inner = writer.into_inner().map_err(|e| Error::io(path, e.into_error()))?;
    // Flush and sync before the directory is swapped in, so a crash cannot publish a short file.
    inner.flush().map_err(|e| Error::io(path, e))?;
    inner.get_ref().sync_all().map_err(|e| Error::io(path, e))
}
