//! The report's one way into the finished tables: cells by column name, never by position, so
//! the report keeps working while the stages that build the rows change around it.

use std::path::Path;

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::load::table::format_number;
use crate::load::{Cell, Table};

/// One table, with the positions of the columns the report reads resolved once.
pub struct Rows<'t> {
    table: &'t Table,
}

/// One row of a [`Rows`].
#[derive(Clone, Copy)]
pub struct Row<'t> {
    table: &'t Table,
    cells: &'t [Cell],
}

impl<'t> Rows<'t> {
    /// The table named `name` among `tables`, checked to have every column in `needs`: a table
    /// or column the report reads but cannot find is an error naming both, not an empty page.
    pub fn find(tables: &'t [Table], name: &str, needs: &[&str]) -> Result<Rows<'t>> {
        let place = Path::new(name).with_extension("csv");
        let table = tables
            .iter()
            .find(|t| t.def.name == name)
            .ok_or_else(|| Error::Report { path: place.clone(), message: "the table was not given to the report".into() })?;
        if let Some(missing) = needs.iter().find(|c| table.def.column_index(c).is_none()) {
            return Err(Error::Report { path: place, message: format!("the report reads column `{missing}`, which the table does not have") });
        }
        Ok(Rows { table })
    }

    /// Every row, in table order.
    pub fn iter(&self) -> impl Iterator<Item = Row<'t>> + 't {
        let table = self.table;
        table.rows.iter().map(move |cells| Row { table, cells })
    }

    /// Row `i`, in table order.
    pub fn get(&self, i: usize) -> Option<Row<'t>> {
        let table = self.table;
        table.rows.get(i).map(|cells| Row { table, cells })
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.table.rows.len()
    }
}

/// A cell that is never there, for a column the table lacks.
static NULL: Cell = Cell::Null;

impl<'t> Row<'t> {
    /// The cell of column `name` (`Null` when the table has no such column; [`Rows::find`]
    /// checks the columns the report needs up front).
    pub fn cell(&self, name: &str) -> &'t Cell {
        match self.table.def.column_index(name) {
            Some(i) => &self.cells[i],
            None => &NULL,
        }
    }

    /// Text of a column, `None` when empty or not text.
    pub fn text(&self, name: &str) -> Option<&'t str> {
        match self.cell(name) {
            Cell::Str(s) => Some(s.as_str()),
            _ => None,
        }
    }

    /// Text of a column, or the empty string.
    pub fn str(&self, name: &str) -> &'t str {
        self.text(name).unwrap_or("")
    }

    /// A number (integer or float column), `None` when empty.
    pub fn num(&self, name: &str) -> Option<f64> {
        match self.cell(name) {
            Cell::Num(x) => Some(*x),
            Cell::Int(i) => Some(*i as f64),
            _ => None,
        }
    }

    /// An integer column, `None` when empty.
    pub fn int(&self, name: &str) -> Option<i64> {
        match self.cell(name) {
            Cell::Int(i) => Some(*i),
            _ => None,
        }
    }

    /// A date column, `None` when empty.
    pub fn date(&self, name: &str) -> Option<NaiveDate> {
        match self.cell(name) {
            Cell::Date(d) => Some(*d),
            _ => None,
        }
    }

    /// A boolean column; empty reads as false.
    pub fn flag(&self, name: &str) -> bool {
        matches!(self.cell(name), Cell::Bool(true))
    }

    /// The cell as the CSV shows it (empty for null), for display.
    pub fn shown(&self, name: &str) -> String {
        match self.cell(name) {
            Cell::Num(x) => format_number(*x),
            cell => cell.to_csv_field(),
        }
    }
}
