//! The Frictionless Data Package (`datapackage.json`) and the Table Schema of each table
//! (`schemas/tables/<name>.schema.json`), generated from the table definitions.
//!
//! JSON objects are serialised with sorted keys (serde_json's default map) and two-space
//! indentation, ending in a newline, so the files are byte-stable and diff well.

use std::path::Path;

use serde_json::{json, Map, Value};

use super::schema::{Column, TableDef, TABLES};
use crate::error::{Error, Result};

/// Licence of the published data.
const DATA_LICENSE: (&str, &str, &str) = ("CC-BY-4.0", "Creative Commons Attribution 4.0", "https://creativecommons.org/licenses/by/4.0/");

/// The Frictionless Table Schema of one table: its fields (name, type, description,
/// constraints `required` and `enum`), primary key, foreign keys and `missingValues: [""]`
/// (an empty CSV field is a missing value). The same object is embedded in
/// `datapackage.json` and written to `schemas/tables/<name>.schema.json`.
pub fn table_schema_json(def: &TableDef) -> Value {
    let mut schema = Map::new();
    schema.insert("fields".into(), def.columns.iter().map(field_json).collect());
    schema.insert("missingValues".into(), json!([""]));
    schema.insert("primaryKey".into(), json!(def.primary_key));
    if !def.foreign_keys.is_empty() {
        let fks = def.foreign_keys.iter().map(|fk| json!({"fields": [fk.column], "reference": {"resource": fk.table, "fields": [fk.table_column]}}));
        schema.insert("foreignKeys".into(), fks.collect());
    }
    Value::Object(schema)
}

/// One Table Schema field descriptor.
fn field_json(column: &Column) -> Value {
    let mut constraints = Map::new();
    constraints.insert("required".into(), json!(column.required));
    if let Some(allowed) = column.allowed {
        constraints.insert("enum".into(), json!(allowed));
    }
    if let Some(pattern) = column.pattern {
        constraints.insert("pattern".into(), json!(pattern));
    }
    json!({
        "name": column.name,
        "type": column.ty.table_schema_name(),
        "description": field_description(column),
        "constraints": constraints,
    })
}

/// The column's description, with its unit appended: Table Schema has no unit property, and
/// a reader of the package alone should still learn it.
fn field_description(column: &Column) -> String {
    match column.unit {
        Some(unit) => format!("{} Unit: {unit}.", column.description),
        None => column.description.to_string(),
    }
}

/// The Frictionless Data Package describing every table's CSV file.
pub fn datapackage_json() -> Value {
    let (license, license_title, license_path) = DATA_LICENSE;
    json!({
        "profile": "tabular-data-package",
        "name": "cecot-data",
        "title": "Numbers in the news about CECOT and El Salvador's prisons",
        "description": "Numeric mentions, claims, derived figures and cross-source comparisons extracted from news \
                        articles about CECOT, El Salvador's prison system and the 2025 US deportations. Each table \
                        is also published as <name>.parquet with the same rows; data_dictionary.md documents \
                        every column.",
        "licenses": [{"name": license, "title": license_title, "path": license_path}],
        "resources": TABLES.iter().map(|def| resource_json(def)).collect::<Vec<_>>(),
    })
}

/// One tabular data resource: a table's CSV file and its schema.
fn resource_json(def: &TableDef) -> Value {
    json!({
        "profile": "tabular-data-resource",
        "name": def.name,
        "path": format!("{}.csv", def.name),
        "title": def.title,
        "description": def.description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": table_schema_json(def),
    })
}

/// Pretty JSON with a trailing newline, as every JSON file of the dataset is written.
pub(crate) fn json_text(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

/// Write `<dir>/tables/<name>.schema.json` for every table, replacing files there.
///
/// This is how the checked-in `schemas/tables/` is regenerated after a change to
/// `src/load/schema.rs`: the CLI calls it as `cecot-data schemas --write schemas/`. The test
/// `schemas_dir_matches_definitions` fails while the checked-in files are stale.
pub fn write_schema_files(dir: &Path) -> Result<()> {
    let tables_dir = dir.join("tables");
    std::fs::create_dir_all(&tables_dir).map_err(|e| Error::io(&tables_dir, e))?;
    for def in TABLES {
        let path = tables_dir.join(schema_file_name(def));
        std::fs::write(&path, json_text(&table_schema_json(def))).map_err(|e| Error::io(&path, e))?;
    }
    Ok(())
}

/// File name of a table's schema under `schemas/tables/`.
pub fn schema_file_name(def: &TableDef) -> String {
    format!("{}.schema.json", def.name)
}
