//! A table as rows of typed cells, tied to its one definition in [`super::schema`].
//! Every stage hands the loader a [`Table`]; the loader never needs to know which table it is.

use std::borrow::Cow;

use chrono::NaiveDate;

use super::schema::{ColumnType, TableDef};

/// One typed value. `Null` is an empty CSV field and a Parquet null.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// A missing value.
    Null,
    /// Text, for a `String` column; never empty (use [`Cell::text`], which gives `Null`).
    Str(String),
    /// An `Integer` value.
    Int(i64),
    /// A `Number` value; must be finite to be written.
    Num(f64),
    /// A `Boolean` value.
    Bool(bool),
    /// A `Date` value.
    Date(NaiveDate),
}

impl Cell {
    /// Text, or `Null` for an empty string.
    pub fn text(s: impl Into<String>) -> Cell {
        let s = s.into();
        if s.is_empty() {
            Cell::Null
        } else {
            Cell::Str(s)
        }
    }

    /// Text, or `Null` for `None` or an empty string.
    pub fn opt_text(s: Option<impl Into<String>>) -> Cell {
        s.map_or(Cell::Null, Cell::text)
    }

    /// A number, or `Null` for `None`.
    pub fn opt_num(x: Option<f64>) -> Cell {
        x.map_or(Cell::Null, Cell::Num)
    }

    /// A date, or `Null` for `None`.
    pub fn opt_date(d: Option<NaiveDate>) -> Cell {
        d.map_or(Cell::Null, Cell::Date)
    }

    /// Is this the missing value?
    pub fn is_null(&self) -> bool {
        matches!(self, Cell::Null)
    }

    /// The CSV field for this cell: numbers in their shortest round-trip form with a dot
    /// decimal, booleans `true`/`false`, dates ISO 8601, null as the empty field.
    pub fn to_csv_field(&self) -> String {
        self.csv_field().into_owned()
    }

    /// [`Cell::to_csv_field`] without copying text: the writer and the checks run over every
    /// cell of every table, and most cells are text.
    pub fn csv_field(&self) -> Cow<'_, str> {
        match self {
            Cell::Null => Cow::Borrowed(""),
            Cell::Str(s) => Cow::Borrowed(s),
            Cell::Int(i) => Cow::Owned(i.to_string()),
            Cell::Num(x) => Cow::Owned(format_number(*x)),
            Cell::Bool(b) => Cow::Borrowed(if *b { "true" } else { "false" }),
            Cell::Date(d) => Cow::Owned(d.format("%Y-%m-%d").to_string()),
        }
    }

    /// Does this cell fit a column of type `ty`? (Null fits every type.)
    pub fn fits(&self, ty: ColumnType) -> bool {
        matches!(
            (self, ty),
            (Cell::Null, _)
                | (Cell::Str(_), ColumnType::String)
                | (Cell::Int(_), ColumnType::Integer)
                | (Cell::Num(_), ColumnType::Number)
                | (Cell::Bool(_), ColumnType::Boolean)
                | (Cell::Date(_), ColumnType::Date)
        )
    }
}

/// Shortest decimal that reads back as the same f64, never in exponent form, so CSV readers
/// in every language parse it and the same number always gives the same bytes.
pub fn format_number(x: f64) -> String {
    if x == 0.0 {
        return "0".to_string(); // also folds -0.0
    }
    let s = format!("{x}");
    if s.contains('e') {
        // Display never uses exponents for f64, but keep the contract explicit.
        format!("{x:.}")
    } else {
        s
    }
}

/// Rows of typed cells for one table definition. Cells are in the definition's column order.
#[derive(Debug, Clone)]
pub struct Table {
    /// The definition the rows follow.
    pub def: &'static TableDef,
    /// One `Vec` per row, one cell per column of `def`.
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// A table with no rows yet.
    pub fn new(def: &'static TableDef) -> Table {
        Table { def, rows: Vec::new() }
    }

    /// Append a row. Panics in debug builds when the row does not match the definition: that is
    /// a programming error in a stage, not bad input.
    pub fn push(&mut self, row: Vec<Cell>) {
        debug_assert_eq!(row.len(), self.def.columns.len(), "row width for table {}", self.def.name);
        debug_assert!(row.iter().zip(self.def.columns).all(|(c, col)| c.fits(col.ty)), "cell types for table {}: {row:?}", self.def.name);
        self.rows.push(row);
    }

    /// The cells of one column, by name.
    pub fn column(&self, name: &str) -> Option<impl Iterator<Item = &Cell>> {
        let i = self.def.column_index(name)?;
        Some(self.rows.iter().map(move |r| &r[i]))
    }
}
