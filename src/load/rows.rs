//! One row type per published table. The stages hand these typed records to load, which is
//! the only place they become cells ([`Row::into_cells`], [`rows_table`]); a shard's Parquet
//! read back becomes records again with [`Row::from_cells`].
//!
//! Each type names its columns once, as fields in the order of its table's definition in
//! [`super::schema`] (which holds the types, constraints and descriptions); the test
//! `every_row_type_has_its_tables_columns_in_order` holds the two together, so a column added
//! is a field added.

use chrono::NaiveDate;

use super::schema::{self, TableDef};
use super::{Cell, Table};

/// A record of one published table.
pub trait Row: Sized {
    /// The table's one definition.
    const TABLE: &'static TableDef;
    /// The field names, in column order.
    const FIELDS: &'static [&'static str];
    /// The row's cells, in column order.
    fn into_cells(self) -> Vec<Cell>;
    /// The record of a row of cells in column order; None when a cell is not of its field's type.
    fn from_cells(cells: &[Cell]) -> Option<Self>;
}

/// A field's value as a cell: text (empty text is null), numbers, booleans, dates, and
/// `Option`s of them (None is null).
pub trait IntoCell {
    fn into_cell(self) -> Cell;
}

/// A cell read back as a field's value; None when the cell is of another type.
pub trait FromCell: Sized {
    fn from_cell(cell: &Cell) -> Option<Self>;
}

impl IntoCell for String {
    fn into_cell(self) -> Cell {
        Cell::text(self)
    }
}

impl IntoCell for i64 {
    fn into_cell(self) -> Cell {
        Cell::Int(self)
    }
}

impl IntoCell for f64 {
    fn into_cell(self) -> Cell {
        Cell::Num(self)
    }
}

impl IntoCell for bool {
    fn into_cell(self) -> Cell {
        Cell::Bool(self)
    }
}

impl IntoCell for NaiveDate {
    fn into_cell(self) -> Cell {
        Cell::Date(self)
    }
}

impl<T: IntoCell> IntoCell for Option<T> {
    fn into_cell(self) -> Cell {
        self.map_or(Cell::Null, IntoCell::into_cell)
    }
}

impl FromCell for String {
    /// A null text cell is the empty string (the writers write empty text as null).
    fn from_cell(cell: &Cell) -> Option<String> {
        match cell {
            Cell::Str(s) => Some(s.clone()),
            Cell::Null => Some(String::new()),
            _ => None,
        }
    }
}

impl FromCell for i64 {
    fn from_cell(cell: &Cell) -> Option<i64> {
        if let Cell::Int(x) = cell {
            Some(*x)
        } else {
            None
        }
    }
}

impl FromCell for f64 {
    fn from_cell(cell: &Cell) -> Option<f64> {
        if let Cell::Num(x) = cell {
            Some(*x)
        } else {
            None
        }
    }
}

impl FromCell for bool {
    fn from_cell(cell: &Cell) -> Option<bool> {
        if let Cell::Bool(x) = cell {
            Some(*x)
        } else {
            None
        }
    }
}

impl FromCell for NaiveDate {
    fn from_cell(cell: &Cell) -> Option<NaiveDate> {
        if let Cell::Date(x) = cell {
            Some(*x)
        } else {
            None
        }
    }
}

impl<T: FromCell> FromCell for Option<T> {
    fn from_cell(cell: &Cell) -> Option<Option<T>> {
        match cell {
            Cell::Null => Some(None),
            other => T::from_cell(other).map(Some),
        }
    }
}

/// Declare a table's row type: the struct, and its [`Row`] impl with the fields as columns.
macro_rules! table_row {
    ($(#[$meta:meta])* $name:ident for $def:path { $($(#[$fmeta:meta])* $field:ident: $ty:ty,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq)]
        pub struct $name {
            $($(#[$fmeta])* pub $field: $ty,)*
        }

        impl Row for $name {
            const TABLE: &'static TableDef = &$def;
            const FIELDS: &'static [&'static str] = &[$(stringify!($field)),*];

            fn into_cells(self) -> Vec<Cell> {
                vec![$(IntoCell::into_cell(self.$field)),*]
            }

            fn from_cells(cells: &[Cell]) -> Option<Self> {
                let mut cells = cells.iter();
                Some($name { $($field: FromCell::from_cell(cells.next()?)?,)* })
            }
        }
    };
}

table_row! {
    /// One article of the corpus (the manifest row plus counts).
    SourceRow for schema::SOURCES {
        source_id: String,
        path: String,
        sha256: String,
        title: Option<String>,
        url: Option<String>,
        publisher: Option<String>,
        author: Option<String>,
        published: Option<NaiveDate>,
        retrieved: Option<NaiveDate>,
        language: String,
        notes: Option<String>,
        number_format: String,
        number_format_basis: String,
        chars: i64,
        n_mentions: i64,
        n_statements: i64,
    }
}

table_row! {
    /// One numeric mention.
    MentionRow for schema::MENTIONS {
        mention_id: String,
        source_id: String,
        start: i64,
        end: i64,
        surface: String,
        kind: String,
        value: Option<String>,
        low: Option<String>,
        high: Option<String>,
        qualifier: String,
        unit: Option<String>,
        is_statement: bool,
        measure: Option<String>,
        as_of: Option<String>,
        sentence: String,
        review: String,
        reviewer: Option<String>,
    }
}

table_row! {
    /// One claim: a mention that is a statement, with its interval and period.
    StatementRow for schema::STATEMENTS {
        statement_id: String,
        source_id: String,
        measure: Option<String>,
        measure_evidence: Option<String>,
        kind: String,
        value: Option<f64>,
        value_date: Option<NaiveDate>,
        low: Option<f64>,
        high: Option<f64>,
        qualifier: String,
        unit: Option<String>,
        as_of: Option<String>,
        as_of_start: Option<NaiveDate>,
        as_of_end: Option<NaiveDate>,
        interval_low: Option<f64>,
        interval_high: Option<f64>,
        quote: String,
        as_of_start_from: Option<String>,
        publisher: Option<String>,
        published: Option<NaiveDate>,
        review: String,
        reviewer: Option<String>,
    }
}

table_row! {
    /// One figure computed by a formula of schemas/derived.toml.
    DerivedRow for schema::DERIVED {
        derived_id: String,
        formula: String,
        inputs: String,
        input_values: String,
        value: Option<f64>,
        unit: Option<String>,
        check_statement_id: Option<String>,
        check: String,
        note: Option<String>,
    }
}

table_row! {
    /// The cross-source comparison of one measure (or one measure in one period).
    ComparisonRow for schema::COMPARISONS {
        comparison_id: String,
        measure: String,
        as_of: Option<String>,
        n_statements: i64,
        n_sources: i64,
        statement_ids: String,
        min: Option<f64>,
        max: Option<f64>,
        spread: Option<f64>,
        spread_pct: Option<f64>,
        verdict: String,
        disagreeing_statement_ids: Option<String>,
        undated_statement_ids: Option<String>,
    }
}

/// The table of some records: where records become cells.
pub fn rows_table<R: Row>(rows: impl IntoIterator<Item = R>) -> Table {
    let mut table = Table::new(R::TABLE);
    table.rows.extend(rows.into_iter().map(Row::into_cells));
    table
}

/// The records of a table of `R`'s definition, or the 0-based index of the first row whose
/// cells do not fit them.
pub fn table_rows<R: Row>(table: &Table) -> Result<Vec<R>, usize> {
    table.rows.iter().enumerate().map(|(i, cells)| R::from_cells(cells).ok_or(i)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn columns(def: &TableDef) -> Vec<&'static str> {
        def.columns.iter().map(|c| c.name).collect()
    }

    #[test]
    fn every_row_type_has_its_tables_columns_in_order() {
        assert_eq!(SourceRow::FIELDS, columns(SourceRow::TABLE));
        assert_eq!(MentionRow::FIELDS, columns(MentionRow::TABLE));
        assert_eq!(StatementRow::FIELDS, columns(StatementRow::TABLE));
        assert_eq!(DerivedRow::FIELDS, columns(DerivedRow::TABLE));
        assert_eq!(ComparisonRow::FIELDS, columns(ComparisonRow::TABLE));
        assert_eq!(schema::TABLES.len(), 5, "a new table needs its row type here");
    }

    #[test]
    fn a_row_reads_back_from_its_cells() {
        let row = ComparisonRow {
            comparison_id: "m@2024".into(),
            measure: "m".into(),
            as_of: Some("2024".into()),
            n_statements: 2,
            n_sources: 1,
            statement_ids: "a:1-2;a:5-6".into(),
            min: Some(1.5),
            max: None,
            spread: None,
            spread_pct: None,
            verdict: "consistent".into(),
            disagreeing_statement_ids: None,
            undated_statement_ids: Some("a:9-10".into()),
        };
        let table = rows_table([row.clone()]);
        assert!(table.rows[0].iter().zip(table.def.columns).all(|(c, col)| c.fits(col.ty)));
        assert_eq!(table_rows::<ComparisonRow>(&table), Ok(vec![row]));
        assert_eq!(ComparisonRow::from_cells(&[Cell::Int(1)]), None);
    }
}
