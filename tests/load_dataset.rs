//! Behaviour of the load layer: writing a dataset, and validating one.

mod load_support;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use cecot_data::load::schema::{ColumnType, TABLES};
use cecot_data::load::{validate_dir, write_dataset, Cell, Violation};
use cecot_data::Error;
use load_support::{empty_tables, sample_docs, sample_tables};
use polars::prelude::{DataType, ParquetReader, SerReader};

/// Write the sample dataset to `<tmp>/out` and return that path.
fn written_sample(tmp: &tempfile::TempDir) -> PathBuf {
    let out = tmp.path().join("out");
    write_dataset(&out, &sample_tables(), &sample_docs()).expect("sample dataset writes");
    out
}

/// Every file of a directory, by name, with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fs::read_dir(dir)
        .expect("readable dir")
        .map(|e| e.expect("dir entry").path())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), fs::read(&p).expect("readable file")))
        .collect()
}

/// Rewrite a CSV file through `edit`, which gets the header and rows as text.
fn edit_csv(path: &Path, edit: impl FnOnce(&mut Vec<String>, &mut Vec<Vec<String>>)) {
    let mut reader = csv::Reader::from_path(path).expect("readable csv");
    let mut header: Vec<String> = reader.headers().expect("header").iter().map(String::from).collect();
    let mut rows: Vec<Vec<String>> = reader.records().map(|r| r.expect("record").iter().map(String::from).collect()).collect();
    edit(&mut header, &mut rows);
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_path(path).unwrap();
    writer.write_record(&header).unwrap();
    for row in rows {
        writer.write_record(&row).unwrap();
    }
    writer.flush().unwrap();
}

/// Index of a column in a header.
fn index(header: &[String], name: &str) -> usize {
    header.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}"))
}

/// Validate and return the violations as displayed, for readable assertion failures.
fn violations(dir: &Path) -> Vec<String> {
    validate_dir(dir).expect("dir readable").iter().map(Violation::to_string).collect()
}

/// Assert that some violation is in `file`, on `line` (if given), in `column`, and says `what`.
fn assert_reported(found: &[String], file: &str, location: &str, what: &str) {
    let hit = found.iter().any(|v| v.contains(&format!("{file}{location}")) && v.contains(what));
    assert!(hit, "expected a violation at {file}{location} saying {what:?}; found:\n{}", found.join("\n"));
}

#[test]
fn written_dataset_validates_clean() {
    let tmp = tempfile::tempdir().unwrap();
    let out = written_sample(&tmp);
    assert_eq!(violations(&out), Vec::<String>::new());
    let names: Vec<String> = snapshot(&out).into_keys().collect();
    for def in TABLES {
        assert!(names.contains(&format!("{}.csv", def.name)), "{names:?}");
        assert!(names.contains(&format!("{}.parquet", def.name)), "{names:?}");
    }
    assert!(names.contains(&"datapackage.json".to_string()));
    assert!(names.contains(&"data_dictionary.md".to_string()));
}

#[test]
fn writing_twice_gives_identical_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let first = snapshot(&written_sample(&tmp));
    let again = snapshot(&written_sample(&tmp)); // over the previous output
    let elsewhere = tmp.path().join("elsewhere");
    write_dataset(&elsewhere, &sample_tables(), &sample_docs()).unwrap();
    assert_eq!(first, again);
    assert_eq!(first, snapshot(&elsewhere));
}

#[test]
fn csv_uses_header_newlines_and_empty_nulls() {
    let tmp = tempfile::tempdir().unwrap();
    let out = written_sample(&tmp);
    let text = fs::read_to_string(out.join("sources.csv")).unwrap();
    assert!(!text.contains('\r'));
    let mut lines = text.lines();
    assert_eq!(lines.next().unwrap(), TABLES[0].columns.iter().map(|c| c.name).collect::<Vec<_>>().join(","));
    assert_eq!(lines.nth(1).unwrap(), "002_bbbb,articles/002_bbbb.txt,cd34,,,,,,,es,\"notes with \"\"quotes\"\"\",\"1.234,5\",default,800,1,0");
}

#[test]
fn validate_reports_missing_column() {
    let tmp = tempfile::tempdir().unwrap();
    let out = written_sample(&tmp);
    edit_csv(&out.join("mentions.csv"), |header, rows| {
        let i = index(header, "unit");
        header.remove(i);
        rows.iter_mut().for_each(|r| drop(r.remove(i)));
    });
    assert_reported(&violations(&out), "mentions.csv", ":1:unit", "missing column");
}

#[test]
fn validate_reports_misordered_columns() {
    let tmp = tempfile::tempdir().unwrap();
    let out = written_sample(&tmp);
    edit_csv(&out.join("sources.csv"), |header, rows| {
        header.swap(0, 1);
        rows.iter_mut().for_each(|r| r.swap(0, 1));
    });
    assert_reported(&violations(&out), "sources.csv", ":1:", "out of order");
}

#[test]
fn validate_reports_bad_enum_value() {
    let tmp = tempfile::tempdir().unwrap();
    let out = written_sample(&tmp);
    edit_csv(&out.join("mentions.csv"), |header, rows| rows[0][index(header, "kind")] = "lots".into());
    assert_reported(&violations(&out), "mentions.csv", ":2:kind", "`lots` is not an allowed value");
}

#[test]
fn validate_reports_a_period_that_is_not_one() {
    let tmp = tempfile::tempdir().unwrap();
    let out = written_sample(&tmp);
    edit_csv(&out.join("mentions.csv"), |header, rows| rows[0][index(header, "as_of")] = "1990/1999/2024-10-14".into());
    assert_reported(&violations(&out), "mentions.csv", ":2:as_of", "does not match the pattern");
}

#[test]
fn validate_reports_values_of_the_wrong_type() {
    let tmp = tempfile::tempdir().unwrap();
    let out = written_sample(&tmp);
    edit_csv(&out.join("sources.csv"), |header, rows| {
        rows[0][index(header, "chars")] = "12.5".into();
        rows[0][index(header, "published")] = "2024-2-29".into();
        rows[1][index(header, "language")] = String::new();
    });
    let found = violations(&out);
    assert_reported(&found, "sources.csv", ":2:chars", "is not an integer");
    assert_reported(&found, "sources.csv", ":2:published", "is not a date");
    assert_reported(&found, "sources.csv", ":3:language", "required value is missing");
}

#[test]
fn validate_reports_duplicate_primary_key() {
    let tmp = tempfile::tempdir().unwrap();
    let out = written_sample(&tmp);
    edit_csv(&out.join("sources.csv"), |_, rows| rows.push(rows[0].clone()));
    assert_reported(&violations(&out), "sources.csv", ":4:source_id", "duplicate primary key `001_aaaa`: the same as line 2");
}

#[test]
fn validate_reports_dangling_source_id() {
    let tmp = tempfile::tempdir().unwrap();
    let out = written_sample(&tmp);
    edit_csv(&out.join("mentions.csv"), |header, rows| rows[2][index(header, "source_id")] = "999_zzzz".into());
    assert_reported(&violations(&out), "mentions.csv", ":4:source_id", "`999_zzzz` is not a sources.source_id");
}

#[test]
fn validate_reports_csv_parquet_disagreement() {
    let tmp = tempfile::tempdir().unwrap();
    let out = written_sample(&tmp);
    edit_csv(&out.join("statements.csv"), |header, rows| rows[0][index(header, "value")] = "1235".into());
    let found = violations(&out);
    assert_reported(&found, "statements.parquet", ":2:value", "Parquet has `1234` but the CSV has `1235`");
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn validate_accepts_the_same_number_written_differently() {
    let tmp = tempfile::tempdir().unwrap();
    let out = written_sample(&tmp);
    edit_csv(&out.join("statements.csv"), |header, rows| rows[0][index(header, "value")] = "1234.000".into());
    assert_eq!(violations(&out), Vec::<String>::new());
}

#[test]
fn validate_reports_missing_and_garbage_files_without_panicking() {
    let tmp = tempfile::tempdir().unwrap();
    let out = written_sample(&tmp);
    fs::remove_file(out.join("comparisons.csv")).unwrap();
    fs::write(out.join("sources.parquet"), b"PAR1 this is not parquet PAR1").unwrap();
    let mentions = fs::read(out.join("mentions.parquet")).unwrap();
    fs::write(out.join("mentions.parquet"), &mentions[..mentions.len() / 2]).unwrap();
    fs::write(out.join("derived.csv"), b"derived_id,\"unterminated\n\xff\xfe,x\n").unwrap();
    let found = violations(&out);
    assert_reported(&found, "comparisons.csv", ": ", "file is missing");
    assert_reported(&found, "sources.parquet", ": ", "cannot read as Parquet");
    assert_reported(&found, "mentions.parquet", ": ", "cannot read as Parquet");
    assert!(found.iter().any(|v| v.contains("derived.csv")), "{found:?}");
}

#[test]
fn validate_reports_rows_of_the_wrong_width() {
    let tmp = tempfile::tempdir().unwrap();
    let out = written_sample(&tmp);
    let path = out.join("comparisons.csv");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, format!("{text}a,b\n")).unwrap();
    assert_reported(&violations(&out), "comparisons.csv", ":3:", "row has 2 fields but the header has 13");
}

#[test]
fn validate_errs_only_when_the_directory_is_unreadable() {
    let tmp = tempfile::tempdir().unwrap();
    assert!(validate_dir(&tmp.path().join("absent")).is_err());
    let found = violations(tmp.path());
    assert_eq!(found.len(), 2 + 2 * TABLES.len(), "{found:?}");
}

#[test]
fn failed_write_leaves_previous_output_intact() {
    let tmp = tempfile::tempdir().unwrap();
    let out = written_sample(&tmp);
    let before = snapshot(&out);
    let mut tables = empty_tables(); // different rows, so a partial write would show
    tables[1].rows.push(sample_tables()[1].rows[0].clone());
    tables[1].rows[0][5] = Cell::text("lots"); // kind
    let err = write_dataset(&out, &tables, &[]).unwrap_err();
    assert!(matches!(err, Error::Rejected { .. }), "{err}");
    let message = err.to_string();
    assert!(message.contains("mentions.csv:2:kind: `lots` is not an allowed value"), "{message}");
    assert!(message.contains("mentions.csv:2:source_id: `001_aaaa` is not a sources.source_id"), "{message}");
    assert_eq!(snapshot(&out), before);
    let left: Vec<_> = fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left, vec![std::ffi::OsString::from("out")], "no temporary directory is left behind");
}

#[test]
fn write_rejects_a_missing_table_and_cells_of_the_wrong_type() {
    let tmp = tempfile::tempdir().unwrap();
    let mut tables = sample_tables();
    tables.remove(3); // derived
    tables[0].rows[0][13] = Cell::Num(1.5); // sources.chars is an integer
    let err = write_dataset(&tmp.path().join("out"), &tables, &[]).unwrap_err().to_string();
    assert!(err.contains("no `derived` table was given"), "{err}");
    assert!(err.contains("sources.csv:2:chars: Num(1.5) is not a integer value"), "{err}");
    assert!(!tmp.path().join("out").exists());
}

#[test]
fn write_refuses_to_replace_a_directory_that_is_not_a_dataset() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("precious.txt"), "keep me").unwrap();
    let err = write_dataset(tmp.path(), &sample_tables(), &[]).unwrap_err().to_string();
    assert!(err.contains("not a dataset written by cecot-data"), "{err}");
    assert_eq!(fs::read_to_string(tmp.path().join("precious.txt")).unwrap(), "keep me");
}

#[test]
fn write_creates_missing_parent_directories() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("a/b/out");
    write_dataset(&out, &sample_tables(), &[]).unwrap();
    assert!(out.join("datapackage.json").is_file());
}

#[test]
fn empty_tables_still_have_full_schema() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    write_dataset(&out, &empty_tables(), &[]).unwrap();
    assert_eq!(violations(&out), Vec::<String>::new());
    for def in TABLES {
        let header = fs::read_to_string(out.join(format!("{}.csv", def.name))).unwrap();
        assert_eq!(header, format!("{}\n", def.columns.iter().map(|c| c.name).collect::<Vec<_>>().join(",")));
        let file = fs::File::open(out.join(format!("{}.parquet", def.name))).unwrap();
        let df = ParquetReader::new(file).finish().unwrap();
        assert_eq!(df.height(), 0);
        let dtypes: Vec<(String, DataType)> = df.columns().iter().map(|c| (c.name().to_string(), c.dtype().clone())).collect();
        let expected: Vec<(String, DataType)> = def.columns.iter().map(|c| (c.name.to_string(), dtype(c.ty))).collect();
        assert_eq!(dtypes, expected, "table {}", def.name);
    }
}

/// The polars dtype each column type must be written as.
fn dtype(ty: ColumnType) -> DataType {
    match ty {
        ColumnType::String => DataType::String,
        ColumnType::Integer => DataType::Int64,
        ColumnType::Number => DataType::Float64,
        ColumnType::Boolean => DataType::Boolean,
        ColumnType::Date => DataType::Date,
    }
}

#[test]
fn parquet_holds_typed_values_and_nulls() {
    let tmp = tempfile::tempdir().unwrap();
    let out = written_sample(&tmp);
    let df = ParquetReader::new(fs::File::open(out.join("sources.parquet")).unwrap()).finish().unwrap();
    assert_eq!(df.column("chars").unwrap().i64().unwrap().get(1), Some(800));
    assert_eq!(df.column("title").unwrap().str().unwrap().get(1), None);
    assert_eq!(df.column("published").unwrap().date().unwrap().physical().get(0), Some(19782)); // 2024-02-29
    assert_eq!(df.column("published").unwrap().null_count(), 1);
}

#[test]
fn dictionary_documents_every_column_and_appends_doc_sections() {
    let tmp = tempfile::tempdir().unwrap();
    let out = written_sample(&tmp);
    let dictionary = fs::read_to_string(out.join("data_dictionary.md")).unwrap();
    for def in TABLES {
        assert!(dictionary.contains(&format!("\n## {}\n", def.name)), "{}", def.name);
        for column in def.columns {
            assert!(dictionary.contains(&format!("| `{}` |", column.name)), "{}.{}", def.name, column.name);
        }
    }
    assert!(dictionary.contains("integer (`Int64`)"));
    assert!(dictionary.contains("`count`, `percent`"));
    assert!(dictionary.trim_end().ends_with("## Measures\n\n- `test_measure`: a measure used by the tests."));
}

#[test]
fn datapackage_describes_every_csv() {
    let tmp = tempfile::tempdir().unwrap();
    let out = written_sample(&tmp);
    let text = fs::read_to_string(out.join("datapackage.json")).unwrap();
    assert!(text.ends_with("}\n"));
    let package: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(package["name"], "cecot-data");
    assert_eq!(package["licenses"][0]["name"], "CC-BY-4.0");
    let resources = package["resources"].as_array().unwrap();
    assert_eq!(resources.len(), TABLES.len());
    let statements = &resources[2];
    assert_eq!(statements["path"], "statements.csv");
    assert_eq!(statements["schema"]["missingValues"], serde_json::json!([""]));
    assert_eq!(statements["schema"]["primaryKey"], serde_json::json!(["statement_id"]));
    assert_eq!(
        statements["schema"]["foreignKeys"][1],
        serde_json::json!({"fields": ["statement_id"], "reference": {"resource": "mentions", "fields": ["mention_id"]}})
    );
    let kind = &statements["schema"]["fields"][4];
    assert_eq!(kind["name"], "kind");
    assert_eq!(kind["constraints"]["required"], true);
    assert_eq!(kind["constraints"]["enum"][0], "count");
}

#[test]
fn validate_survives_corrupted_parquet_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let out = written_sample(&tmp);
    let path = out.join("statements.parquet");
    let good = fs::read(&path).unwrap();
    let mut state: u64 = 0x2545_f491_4f6c_dd1d; // xorshift: the same corruptions every run
    for _ in 0..300 {
        let mut bad = good.clone();
        for _ in 0..1 + (state % 4) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let at = (state % bad.len() as u64) as usize;
            bad[at] ^= 1 << (state % 8);
        }
        fs::write(&path, &bad).unwrap();
        let _ = validate_dir(&out).expect("corruption is reported, never an error or a panic");
    }
}

#[test]
fn a_rejected_row_names_its_stage_its_key_and_its_article() {
    let tmp = tempfile::tempdir().unwrap();
    let mut tables = sample_tables();
    let statements = tables.iter_mut().find(|t| t.def.name == "statements").expect("a statements table");
    let as_of = statements.def.column_index("as_of").unwrap();
    statements.rows[0][as_of] = Cell::Str("2022/2023/2024".into());
    let err = write_dataset(&tmp.path().join("out"), &tables, &[]).unwrap_err().to_string();
    assert!(err.contains("statements.csv:2:as_of"), "{err}");
    assert!(err.contains("built by claims (src/transform"), "{err}");
    assert!(err.contains("article 001_aaaa"), "{err}");
    assert!(err.contains("statement_id 001_aaaa:"), "{err}");
}
