//! `data_dictionary.md`: every table's title, description, keys and columns, generated from
//! the table definitions, followed by the documentation sections the pipeline hands in (such
//! as the measure catalog). The same input always gives the same text.

use std::fmt::Write;

use super::schema::{Column, TableDef};
use super::{DocSection, Table};

/// The whole dictionary for `tables` (in publication order) and `docs`.
pub(crate) fn render(tables: &[&Table], docs: &[DocSection]) -> String {
    let mut out = String::new();
    out.push_str(INTRO);
    for table in tables {
        let (def, rows) = (table.def, rows(table.rows.len()));
        let _ = writeln!(out, "- [{}](#{}): `{}.csv`, {rows}", def.title, def.name, def.name);
    }
    for table in tables {
        render_table(&mut out, table.def, table.rows.len());
    }
    for doc in docs {
        let _ = write!(out, "\n## {}\n\n{}\n", one_line(&doc.title), doc.body_markdown.trim_end());
    }
    out
}

/// What every file of the dataset has in common, said once.
const INTRO: &str = "# cecot-data: data dictionary

Generated from the table definitions (`src/load/schema.rs`) by the build; do not edit by hand.

Every table is published twice with the same rows:

- `<table>.csv`: UTF-8, comma-separated, header line of column names, `\\n` line ends; an empty
  field is a missing value; numbers use a dot decimal and no exponent; booleans are `true` /
  `false`; dates are `YYYY-MM-DD`.
- `<table>.parquet`: zstd-compressed, typed as in the Type column (integer `Int64`, number
  `Float64`, boolean `Boolean`, date `Date`, string `String`); missing values are nulls.
  Enumerations (such as `kind` or `qualifier`) are plain `String` columns; their allowed
  values are listed below.

`datapackage.json` describes the CSV files as a Frictionless Data Package, and
`schemas/tables/<table>.schema.json` holds each table's Table Schema.

## Tables

";

/// One table's section: heading, description, keys and the column table.
fn render_table(out: &mut String, def: &TableDef, n_rows: usize) {
    let _ = write!(out, "\n## {}\n\n**{}.** {}\n\n", def.name, def.title, one_line(def.description));
    let _ = writeln!(out, "- Files: `{0}.csv`, `{0}.parquet` ({1})", def.name, rows(n_rows));
    let _ = writeln!(out, "- Primary key: {}", code_list(def.primary_key.iter().copied()));
    for fk in def.foreign_keys {
        let _ = writeln!(out, "- Foreign key: `{}` refers to `{}.{}`", fk.column, fk.table, fk.table_column);
    }
    out.push_str("\n| Column | Type | Required | Unit | Allowed values | Description | Example |\n");
    out.push_str("| --- | --- | --- | --- | --- | --- | --- |\n");
    for column in def.columns {
        out.push_str(&column_row(column));
    }
}

/// "1 row", "3 rows".
fn rows(n: usize) -> String {
    if n == 1 {
        "1 row".to_string()
    } else {
        format!("{n} rows")
    }
}

/// One row of a column table.
fn column_row(column: &Column) -> String {
    let cells = [
        format!("`{}`", column.name),
        format!("{} (`{}`)", column.ty.table_schema_name(), column.ty.polars_name()),
        if column.required { "yes" } else { "no" }.to_string(),
        column.unit.unwrap_or("").to_string(),
        match (column.allowed, column.pattern) {
            (Some(a), _) => code_list(a.iter().copied()),
            (None, Some(p)) => format!("matches {}", code(p)),
            (None, None) => String::new(),
        },
        column.description.to_string(),
        code(column.example),
    ];
    let cells: Vec<String> = cells.iter().map(|c| table_cell(c)).collect();
    format!("| {} |\n", cells.join(" | "))
}

/// Text made safe for a Markdown table cell: no line breaks, pipes escaped.
fn table_cell(text: &str) -> String {
    one_line(text).replace('|', "\\|")
}

/// Text on one line, runs of whitespace collapsed (descriptions are wrapped in the source).
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `a`, `b`, `c`.
fn code_list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.map(code).collect::<Vec<_>>().join(", ")
}

/// A code span, or the plain text when it holds a backtick a span cannot.
fn code(text: &str) -> String {
    if text.is_empty() || text.contains('`') {
        text.to_string()
    } else {
        format!("`{text}`")
    }
}
