//! Human review: decisions in raw/review.xlsx, .ods or .csv are applied on every build, each
//! correction is checked like an extracted value, and every malformed sheet is refused with
//! the sheet, row and column, leaving the previous output untouched.
//!
//! The sheets are written by the tests (xlsx with rust_xlsxwriter, ods as a zip with
//! content.xml). The mentions they decide on are picked from what the extractor finds in the
//! committed corpus, so the tests hold whatever the extractor's figures are.

use std::fs;
use std::io::Write;
use std::path::Path;

use cecot_data::corpus::{self, Source};
use cecot_data::error::Error;
use cecot_data::extract::{Extraction, Mention};
use cecot_data::pipeline::{build, build_tables, extract_corpus, known_units, BuildOptions, Knowledge};
use cecot_data::review::{self, Action, Status, COLUMNS};

mod common;
use common::{copy_dir, files, repo};

// ----------------------------------------------------------------------------------------------
// Sheets

/// A cell of a test sheet.
#[derive(Clone, Debug)]
enum C {
    S(String),
    N(f64),
    D(u16, u8, u8),
    B(bool),
    E,
}

fn s(x: &str) -> C {
    if x.is_empty() {
        C::E
    } else {
        C::S(x.to_string())
    }
}

/// A decision row in [`COLUMNS`] order, reviewed on a text date.
fn row(id: &str, action: &str, field: &str, new_value: &str) -> Vec<C> {
    vec![s(id), s(action), s(field), s(new_value), s("reviewer-a"), s("2025-08-01"), s("test decision")]
}

fn header() -> Vec<C> {
    COLUMNS.iter().map(|c| s(c)).collect()
}

fn write_xlsx(path: &Path, rows: &[Vec<C>]) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (r, cells) in rows.iter().enumerate() {
        for (c, cell) in cells.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cell {
                C::S(v) => drop(sheet.write_string(r, c, v).unwrap()),
                C::N(x) => drop(sheet.write_number(r, c, *x).unwrap()),
                C::B(b) => drop(sheet.write_boolean(r, c, *b).unwrap()),
                C::D(y, m, d) => drop(sheet.write_datetime_with_format(r, c, ExcelDateTime::from_ymd(*y, *m, *d).unwrap(), &date).unwrap()),
                C::E => {}
            }
        }
    }
    book.save(path).unwrap();
}

fn xml_escape(v: &str) -> String {
    v.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A minimal OpenDocument spreadsheet: mimetype (stored, first), manifest and content.xml.
fn write_ods(path: &Path, rows: &[Vec<C>]) {
    use zip::write::SimpleFileOptions;
    let mut content = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="decisions">"#,
    );
    for cells in rows {
        content.push_str("<table:table-row>");
        for cell in cells {
            content.push_str(&match cell {
                C::S(v) => format!(r#"<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>"#, xml_escape(v)),
                C::N(x) => format!(r#"<table:table-cell office:value-type="float" office:value="{x}"><text:p>{x}</text:p></table:table-cell>"#),
                C::B(b) => format!(r#"<table:table-cell office:value-type="boolean" office:boolean-value="{b}"><text:p>{b}</text:p></table:table-cell>"#),
                C::D(y, m, d) => {
                    let iso = format!("{y:04}-{m:02}-{d:02}");
                    format!(r#"<table:table-cell office:value-type="date" office:date-value="{iso}"><text:p>{iso}</text:p></table:table-cell>"#)
                }
                C::E => "<table:table-cell/>".to_string(),
            });
        }
        content.push_str("</table:table-row>");
    }
    content.push_str("</table:table></office:spreadsheet></office:body></office:document-content>");
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let mut zip = zip::ZipWriter::new(fs::File::create(path).unwrap());
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet").unwrap();
    zip.start_file("META-INF/manifest.xml", stored).unwrap();
    zip.write_all(manifest.as_bytes()).unwrap();
    zip.start_file("content.xml", SimpleFileOptions::default()).unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    zip.finish().unwrap();
}

fn write_csv(path: &Path, rows: &[Vec<C>]) {
    let mut w = csv::Writer::from_path(path).unwrap();
    for cells in rows {
        w.write_record(cells.iter().map(|c| match c {
            C::S(v) => v.clone(),
            C::N(x) => x.to_string(),
            C::B(b) => b.to_string(),
            C::D(y, m, d) => format!("{y:04}-{m:02}-{d:02}"),
            C::E => String::new(),
        }))
        .unwrap();
    }
    w.flush().unwrap();
}

fn write_sheet(path: &Path, rows: &[Vec<C>]) {
    match path.extension().unwrap().to_str().unwrap() {
        "xlsx" => write_xlsx(path, rows),
        "ods" => write_ods(path, rows),
        "csv" => write_csv(path, rows),
        other => panic!("{other}"),
    }
}

// ----------------------------------------------------------------------------------------------
// The corpus and what the extractor found in it

struct Corpus {
    sources: Vec<Source>,
    extractions: Vec<Extraction>,
    /// The verdicts of the last sheet applied, per article.
    verdicts: Vec<review::Verdicts>,
    knowledge: Knowledge,
}

fn corpus() -> Corpus {
    let knowledge = Knowledge::load(None).unwrap();
    let articles = corpus::load(&repo().join("raw")).unwrap();
    let extractions = extract_corpus(&articles, &knowledge).unwrap();
    let sources = articles.into_iter().map(|a| a.source).collect();
    Corpus { sources, extractions, verdicts: Vec::new(), knowledge }
}

impl Corpus {
    fn id(&self, i: usize, m: &Mention) -> String {
        format!("{}:{}-{}", self.sources[i].source_id, m.start, m.end)
    }

    /// (mention_id, mention) of every mention, in corpus order.
    fn mentions(&self) -> Vec<(String, Mention)> {
        let mut out = Vec::new();
        for (i, ex) in self.extractions.iter().enumerate() {
            for m in &ex.mentions {
                out.push((self.id(i, m), m.clone()));
            }
        }
        out
    }

    /// The review status and reviewer of a mention: its verdict, else unreviewed.
    fn status(&self, id: &str) -> (Status, Option<String>) {
        for (i, ex) in self.extractions.iter().enumerate() {
            if let Some(j) = ex.mentions.iter().position(|m| self.id(i, m) == id) {
                let verdict = self.verdicts.get(i).and_then(|v| v.get(&j));
                return verdict.map_or((Status::Unreviewed, None), |v| (v.status, Some(v.reviewer.clone())));
            }
        }
        panic!("no mention {id}")
    }

    fn get(&self, id: &str) -> Mention {
        self.mentions().into_iter().find(|(i, _)| i == id).unwrap_or_else(|| panic!("no mention {id}")).1
    }

    /// The first statement the predicate accepts.
    fn statement(&self, pred: impl Fn(&Mention) -> bool) -> (String, Mention) {
        self.mentions().into_iter().find(|(_, m)| m.is_statement && pred(m)).expect("the corpus has such a statement")
    }

    /// A catalog measure other than the statement's own that fits its kind and unit.
    fn other_measure(&self, m: &Mention) -> String {
        self.knowledge
            .measures
            .measures
            .iter()
            .find(|x| {
                Some(&x.id) != m.measure.as_ref() && x.kinds.iter().any(|k| k == m.kind) && (x.unit == "any" || m.unit.as_deref().is_none_or(|u| u == x.unit))
            })
            .expect("another measure fits")
            .id
            .clone()
    }

    /// Apply a sheet written at `dir/review.<ext>`.
    fn apply(&mut self, dir: &Path) -> Result<review::ReviewReport, Error> {
        let decisions = review::load_decisions(dir)?.expect("a review sheet");
        let units = known_units(&self.knowledge.lexicons);
        let (report, verdicts) = review::apply(&decisions, &self.sources, &mut self.extractions, &self.knowledge.measures, &units)?;
        self.verdicts = verdicts;
        Ok(report)
    }
}

/// Write `rows` as `review.<ext>` in a fresh folder and apply it to the corpus.
fn apply_sheet(ext: &str, rows: &[Vec<C>]) -> (Corpus, Result<review::ReviewReport, Error>) {
    let tmp = tempfile::tempdir().unwrap();
    write_sheet(&tmp.path().join(format!("review.{ext}")), rows);
    let mut c = corpus();
    let r = c.apply(tmp.path());
    (c, r)
}

fn review_error(r: Result<review::ReviewReport, Error>) -> (Option<String>, Option<usize>, Option<String>, String) {
    match r {
        Err(e @ Error::Review { .. }) => {
            let text = e.to_string();
            let Error::Review { sheet, row, column, .. } = e else { unreachable!() };
            (sheet, row, column, text)
        }
        Err(other) => panic!("expected a review error, got {other}"),
        Ok(r) => panic!("expected a review error, got {r:?}"),
    }
}

// ----------------------------------------------------------------------------------------------
// Decisions

#[test]
fn reject_keeps_the_mention_and_takes_it_out_of_statements() {
    let c = corpus();
    let (id, _) = c.statement(|_| true);
    for ext in ["xlsx", "ods", "csv"] {
        let (c, r) = apply_sheet(ext, &[header(), row(&id, "reject", "", "")]);
        let report = r.unwrap();
        assert_eq!((report.applied, report.rejected, report.stale.len()), (1, 1, 0), "{ext}");
        let m = c.get(&id);
        assert_eq!(c.status(&id).0, Status::Rejected, "{ext}");
        assert!(!m.is_statement, "{ext}");
        assert_eq!(c.status(&id).1.as_deref(), Some("reviewer-a"), "{ext}");
    }
}

#[test]
fn accept_marks_accepted_and_changes_nothing_else() {
    let c = corpus();
    let (id, before) = c.statement(|_| true);
    let (c, r) = apply_sheet("xlsx", &[header(), row(&id, "accept", "", "")]);
    assert_eq!(r.unwrap().accepted, 1);
    let after = c.get(&id);
    assert_eq!(c.status(&id).0, Status::Accepted);
    assert_eq!(after, before);
}

#[test]
fn correct_each_field_replaces_it_and_marks_corrected() {
    let c = corpus();
    let (count_id, count) = c.statement(|m| m.kind == "count" && m.measure.is_some() && m.number().is_some());
    let other = c.other_measure(&count);
    let (plain_id, _) = c.statement(|m| m.kind == "count" && m.measure.is_none());
    let (date_id, _) = c.mentions().into_iter().find(|(_, m)| m.kind == "date" && !m.is_statement).unwrap();
    let unit = known_units(&c.knowledge.lexicons).into_iter().find(|u| Some(u) != count.unit.as_ref()).unwrap();
    for ext in ["xlsx", "ods", "csv"] {
        let rows = vec![
            header(),
            row(&count_id, "correct", "measure", &other),
            row(&count_id, "correct", "value", "1234.5"),
            row(&count_id, "correct", "qualifier", "approximately"),
            row(&count_id, "correct", "as_of", "2024-03/2025"),
            row(&plain_id, "correct", "kind", "other"),
            row(&plain_id, "correct", "unit", &unit),
            row(&plain_id, "correct", "qualifier", "range"),
            row(&plain_id, "correct", "low", "10"),
            row(&plain_id, "correct", "high", "20.5"),
            row(&plain_id, "correct", "value", ""),
            row(&plain_id, "correct", "is_statement", "false"),
            row(&date_id, "correct", "is_statement", "TRUE"),
            row(&date_id, "correct", "value", "2023-02"),
        ];
        let (c, r) = apply_sheet(ext, &rows);
        let report = r.unwrap_or_else(|e| panic!("{ext}: {e}"));
        assert_eq!((report.applied, report.corrected), (13, 3), "{ext}");
        let m = c.get(&count_id);
        assert_eq!(m.measure.as_deref(), Some(other.as_str()), "{ext}");
        assert_eq!(m.value.as_deref(), Some("1234.5"), "{ext}");
        assert_eq!(m.qualifier, "approximately", "{ext}");
        assert_eq!(m.as_of.map(|p| p.to_string()).as_deref(), Some("2024-03/2025"), "{ext}");
        assert_eq!(c.status(&count_id).0, Status::Corrected, "{ext}");
        let p = c.get(&plain_id);
        assert_eq!((p.kind, p.unit.as_deref(), p.qualifier), ("other", Some(unit.as_str()), "range"), "{ext}");
        assert_eq!((p.low, p.high, p.value.as_deref(), p.is_statement), (Some(10.0), Some(20.5), None, false), "{ext}");
        let d = c.get(&date_id);
        assert!(d.is_statement, "{ext}");
        assert_eq!(d.value.as_deref(), Some("2023-02"), "{ext}");
    }
}

#[test]
fn numbers_booleans_and_date_cells_are_read_as_their_values() {
    let c = corpus();
    let (id, _) = c.statement(|m| m.kind == "count" && m.number().is_some());
    let (plain, _) = c.statement(|m| m.kind == "count" && m.measure.is_none());
    for ext in ["xlsx", "ods"] {
        let rows = vec![
            header(),
            vec![s(&id), s("Correct"), s("value"), C::N(42.0), s("reviewer-b"), C::D(2025, 8, 2), C::E],
            vec![s(&plain), s("correct"), s("is_statement"), C::B(false), s("reviewer-b"), C::D(2025, 8, 2), C::E],
        ];
        let (c, r) = apply_sheet(ext, &rows);
        let report = r.unwrap_or_else(|e| panic!("{ext}: {e}"));
        assert_eq!(report.decisions[0].reviewed_on, chrono::NaiveDate::from_ymd_opt(2025, 8, 2).unwrap(), "{ext}");
        assert_eq!(report.decisions[0].action, Action::Correct);
        assert_eq!(c.get(&id).value.as_deref(), Some("42"), "{ext}");
        assert!(!c.get(&plain).is_statement, "{ext}");
    }
    // A date typed as an Excel serial number (no date format) is a date too.
    let (_, r) = apply_sheet("xlsx", &[header(), vec![s(&id), s("accept"), C::E, C::E, s("r"), C::N(45871.0), C::E]]);
    assert_eq!(r.unwrap().decisions[0].reviewed_on.to_string(), "2025-08-02");
}

#[test]
fn rows_without_an_action_and_extra_columns_are_ignored() {
    let c = corpus();
    let (id, _) = c.statement(|_| true);
    let mut head = header();
    head.push(s("my remarks"));
    let mut undecided = row(&id, "", "", "");
    undecided.push(s("look again later"));
    let (c, r) = apply_sheet("csv", &[head, undecided, vec![C::E; 8]]);
    assert_eq!(r.unwrap().applied, 0);
    assert_eq!(c.status(&id).0, Status::Unreviewed);
}

#[test]
fn header_only_sheet_is_no_decision() {
    for ext in ["xlsx", "ods", "csv"] {
        let (_, r) = apply_sheet(ext, &[header()]);
        assert_eq!(r.unwrap().applied, 0, "{ext}");
    }
}

#[test]
fn several_reviewers_of_one_mention_are_all_named() {
    let c = corpus();
    let (id, _) = c.statement(|_| true);
    let mut second = row(&id, "correct", "as_of", "2025");
    second[4] = s("reviewer-b");
    let (c, r) = apply_sheet("csv", &[header(), row(&id, "accept", "", ""), second]);
    r.unwrap();
    assert_eq!(c.status(&id), (Status::Corrected, Some("reviewer-a; reviewer-b".to_string())));
}

// ----------------------------------------------------------------------------------------------
// Refused sheets: every error names the sheet, row and column

#[test]
fn stale_id_is_reported_not_dropped() {
    let c = corpus();
    let (id, _) = c.statement(|_| true);
    let gone = format!("{}:999999-1000003", c.sources[0].source_id);
    let (c, r) = apply_sheet("xlsx", &[header(), row(&id, "reject", "", ""), row(&gone, "reject", "", "")]);
    let report = r.unwrap();
    assert_eq!(report.stale, vec![review::Stale { row: 3, mention_id: gone.clone() }]);
    assert_eq!(c.status(&id).0, Status::Rejected, "the other decisions still apply");
    let msg = report.stale_error().to_string();
    assert!(msg.contains(&format!("row 3: {gone}")) && msg.contains("--allow-stale"), "{msg}");
}

#[test]
fn bad_enum_value_names_sheet_row_and_column() {
    let c = corpus();
    let (id, _) = c.statement(|_| true);
    for (field, value, says) in [
        ("kind", "cnt", "not a kind"),
        ("qualifier", "roughly", "not a qualifier"),
        ("is_statement", "yes", "not true or false"),
        ("unit", "furlongs", "not a unit"),
    ] {
        let (sheet, row_n, column, msg) = review_error(apply_sheet("xlsx", &[header(), row(&id, "accept", "", ""), row(&id, "correct", field, value)]).1);
        assert_eq!((sheet.as_deref(), row_n, column.as_deref()), (Some("Sheet1"), Some(3), Some("new_value")), "{msg}");
        assert!(msg.contains("review.xlsx, sheet \"Sheet1\", row 3, column new_value") && msg.contains(says), "{msg}");
    }
}

#[test]
fn non_number_value_is_refused() {
    let c = corpus();
    let (id, _) = c.statement(|m| m.kind == "count");
    for (field, value) in [("value", "twelve"), ("value", "1,234"), ("low", "abc"), ("high", "NaN")] {
        let (_, row_n, column, msg) = review_error(apply_sheet("ods", &[header(), row(&id, "correct", field, value)]).1);
        assert_eq!((row_n, column.as_deref()), (Some(2), Some("new_value")), "{msg}");
        assert!(msg.contains("is not a number") && msg.contains("sheet \"decisions\""), "{msg}");
    }
}

#[test]
fn value_of_a_date_must_be_an_iso_date() {
    let c = corpus();
    let (id, _) = c.mentions().into_iter().find(|(_, m)| m.kind == "date").unwrap();
    let (_, _, _, msg) = review_error(apply_sheet("csv", &[header(), row(&id, "correct", "value", "March 2025")]).1);
    assert!(msg.contains("is not a date"), "{msg}");
    // Changing the kind of a number to date checks its value against the new kind.
    let (num, _) = c.statement(|m| m.kind == "count" && m.number().is_some());
    let (_, row_n, _, msg) = review_error(apply_sheet("csv", &[header(), row(&num, "correct", "kind", "date")]).1);
    assert!(row_n == Some(2) && msg.contains("is not a date"), "{msg}");
}

#[test]
fn unknown_measure_or_one_that_does_not_fit_is_refused() {
    let c = corpus();
    let (id, m) = c.statement(|m| m.kind == "count");
    let (_, row_n, column, msg) = review_error(apply_sheet("csv", &[header(), row(&id, "correct", "measure", "no_such_measure")]).1);
    assert_eq!((row_n, column.as_deref()), (Some(2), Some("new_value")));
    assert!(msg.contains("review.csv, row 2, column new_value: \"no_such_measure\" is not a measure id"), "{msg}");
    let date_measure = c.knowledge.measures.measures.iter().find(|x| !x.kinds.iter().any(|k| k == m.kind)).unwrap().id.clone();
    let (_, _, _, msg) = review_error(apply_sheet("csv", &[header(), row(&id, "correct", "measure", &date_measure)]).1);
    assert!(msg.contains("this mention's kind is count"), "{msg}");
}

#[test]
fn a_persons_measure_can_be_named_by_a_reviewer() {
    // Person attributes are not listed one by one: any `age_<name>` fits an age.
    let c = corpus();
    let (age_id, _) = c.statement(|m| m.kind == "age");
    let (c, r) = apply_sheet("csv", &[header(), row(&age_id, "correct", "measure", "age_some_named_person")]);
    r.unwrap();
    assert_eq!(c.get(&age_id).measure.as_deref(), Some("age_some_named_person"));
    let (count_id, _) = c.statement(|m| m.kind == "count");
    let (_, _, _, msg) = review_error(apply_sheet("csv", &[header(), row(&count_id, "correct", "measure", "age_some_named_person")]).1);
    assert!(msg.contains("this mention's kind is count"), "{msg}");
}

#[test]
fn bad_as_of_is_refused() {
    let c = corpus();
    let (id, _) = c.statement(|_| true);
    let (_, _, _, msg) = review_error(apply_sheet("csv", &[header(), row(&id, "correct", "as_of", "spring 2025")]).1);
    assert!(msg.contains("\"spring 2025\" is not a period"), "{msg}");
}

#[test]
fn malformed_cells_are_refused() {
    let c = corpus();
    let (id, _) = c.statement(|_| true);
    let mut no_date = row(&id, "accept", "", "");
    no_date[5] = s("yesterday");
    let mut no_reviewer = row(&id, "accept", "", "");
    no_reviewer[4] = C::E;
    let cases: Vec<(Vec<C>, &str, &str)> = vec![
        (no_date, "reviewed_on", "\"yesterday\" is not a date"),
        (no_reviewer, "reviewer", "reviewer is empty"),
        (row(&id, "approve", "", ""), "action", "\"approve\" is not an action"),
        (row(&id, "correct", "", "12"), "field", "a correction needs the field"),
        (row(&id, "correct", "surface", "12"), "field", "\"surface\" is not a field"),
        (row(&id, "reject", "value", ""), "field", "only for correct"),
        (row(&id, "accept", "", "12"), "new_value", "only for correct"),
        (row("not-an-id", "accept", "", ""), "mention_id", "is not a mention id"),
        (row("", "accept", "", ""), "mention_id", "mention_id is empty"),
        (row(&id, "", "value", "12"), "action", "action is empty"),
        (row(&id, "correct", "kind", ""), "new_value", "kind cannot be empty"),
    ];
    for ext in ["xlsx", "ods", "csv"] {
        for (bad, column, says) in &cases {
            let (_, row_n, col, msg) = review_error(apply_sheet(ext, &[header(), row(&id, "accept", "", ""), bad.clone()]).1);
            assert_eq!((row_n, col.as_deref()), (Some(3), Some(*column)), "{ext}: {msg}");
            assert!(msg.contains(says), "{ext}: {msg}");
        }
    }
}

#[test]
fn conflicting_reject_and_correct_is_refused() {
    let c = corpus();
    let (id, _) = c.statement(|_| true);
    let (_, row_n, column, msg) = review_error(apply_sheet("xlsx", &[header(), row(&id, "correct", "as_of", "2025"), row(&id, "reject", "", "")]).1);
    assert_eq!((row_n, column.as_deref()), (Some(3), Some("action")));
    assert!(msg.contains("row 2 does correct") && msg.contains("either rejected or kept"), "{msg}");
}

#[test]
fn empty_sheet_is_refused() {
    for ext in ["xlsx", "ods", "csv"] {
        let (_, row_n, _, msg) = review_error(apply_sheet(ext, &[]).1);
        assert_eq!(row_n, None);
        assert!(msg.contains("the sheet is empty") && msg.contains("mention_id, action, field"), "{ext}: {msg}");
    }
}

#[test]
fn wrong_header_is_refused() {
    let c = corpus();
    let (id, _) = c.statement(|_| true);
    let mut typo = header();
    typo[0] = s("mention id");
    for ext in ["xlsx", "ods", "csv"] {
        let (_, row_n, _, msg) = review_error(apply_sheet(ext, &[typo.clone(), row(&id, "reject", "", "")]).1);
        assert_eq!(row_n, Some(1));
        assert!(msg.contains("wrong header: missing column(s) mention_id"), "{ext}: {msg}");
    }
    // A sheet without a header: its first row is data.
    let (_, _, _, msg) = review_error(apply_sheet("csv", &[row(&id, "reject", "", "")]).1);
    assert!(msg.contains("wrong header"), "{msg}");
}

#[test]
fn two_review_files_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    write_sheet(&tmp.path().join("review.csv"), &[header()]);
    write_sheet(&tmp.path().join("review.xlsx"), &[header()]);
    let err = review::load_decisions(tmp.path()).unwrap_err();
    assert!(err.to_string().contains("2 review sheets are present (review.xlsx, review.csv); keep one"), "{err}");
}

#[test]
fn no_review_file_is_no_review() {
    assert_eq!(review::load_decisions(&repo().join("raw")).unwrap(), None);
}

// ----------------------------------------------------------------------------------------------
// The sheet a reviewer starts from

#[test]
fn review_sheet_lists_the_statements_and_reads_back_as_no_decision() {
    let c = corpus();
    let statements: Vec<String> = c.mentions().into_iter().filter(|(_, m)| m.is_statement).map(|(id, _)| id).collect();
    let tmp = tempfile::tempdir().unwrap();
    for ext in ["xlsx", "csv"] {
        let out = tmp.path().join(format!("fresh.{ext}"));
        let n = cecot_data::pipeline::review_sheet(&repo().join("raw"), None, &out).unwrap();
        assert_eq!(n, statements.len());
        let decisions = review::read_sheet(&out).unwrap();
        assert!(decisions.decisions.is_empty(), "{ext}");
    }
    // The reviewer fills in one row of the CSV: it applies.
    let text = fs::read_to_string(tmp.path().join("fresh.csv")).unwrap();
    let first = format!("{},,,,,,", statements[0]);
    assert!(text.contains(&first), "{text}");
    let filled = text.replacen(&first, &format!("{},reject,,,reviewer-a,2025-08-01,not a claim", statements[0]), 1);
    let dir = tmp.path().join("raw");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("review.csv"), filled).unwrap();
    let mut c = corpus();
    assert_eq!(c.apply(&dir).unwrap().rejected, 1);
    assert_eq!(c.status(&statements[0]).0, Status::Rejected);
    let err = cecot_data::pipeline::review_sheet(&repo().join("raw"), None, &tmp.path().join("fresh.txt")).unwrap_err();
    assert!(err.to_string().contains(".xlsx or .csv"), "{err}");
}

// ----------------------------------------------------------------------------------------------
// The build

fn build_into(raw: &Path, out: &Path, allow_stale: bool) -> Result<cecot_data::pipeline::BuildSummary, Error> {
    build(&BuildOptions { raw: raw.to_path_buf(), out: out.to_path_buf(), allow_stale, progress: false, ..BuildOptions::default() })
}

/// Rows of a written CSV table as header -> value maps.
fn read_table(path: &Path) -> Vec<std::collections::BTreeMap<String, String>> {
    let mut r = csv::Reader::from_path(path).unwrap();
    let headers = r.headers().unwrap().clone();
    r.records().map(|rec| headers.iter().zip(rec.unwrap().iter()).map(|(h, v)| (h.to_string(), v.to_string())).collect()).collect()
}

#[test]
fn build_applies_the_sheet_to_statements_and_mentions() {
    let c = corpus();
    let (moved, m) = c.statement(|m| m.kind == "count" && m.measure.is_some());
    let (rejected, _) = c.mentions().into_iter().find(|(id, m)| m.is_statement && *id != moved).unwrap();
    let new_measure = c.other_measure(&m);
    let tmp = tempfile::tempdir().unwrap();
    let raw = tmp.path().join("raw");
    copy_dir(&repo().join("raw"), &raw);
    let out = tmp.path().join("out");
    let plain = build_into(&raw, &out, false).unwrap();
    write_xlsx(
        &raw.join("review.xlsx"),
        &[
            header(),
            row(&rejected, "reject", "", ""),
            vec![s(&moved), s("correct"), s("measure"), s(&new_measure), s("reviewer-b"), C::D(2025, 8, 3), s("wrong measure")],
        ],
    );
    let summary = build_into(&raw, &out, false).unwrap();
    assert_eq!(summary.statements, plain.statements - 1);
    let statements = read_table(&out.join("statements.csv"));
    assert!(!statements.iter().any(|r| r["statement_id"] == rejected));
    let row = statements.iter().find(|r| r["statement_id"] == moved).unwrap();
    assert_eq!((row["measure"].as_str(), row["review"].as_str(), row["reviewer"].as_str()), (new_measure.as_str(), "corrected", "reviewer-b"));
    assert!(statements.iter().filter(|r| r["statement_id"] != moved).all(|r| r["review"] == "unreviewed" && r["reviewer"].is_empty()));
    let mentions = read_table(&out.join("mentions.csv"));
    let r = mentions.iter().find(|r| r["mention_id"] == rejected).unwrap();
    assert_eq!((r["review"].as_str(), r["reviewer"].as_str(), r["is_statement"].as_str()), ("rejected", "reviewer-a", "false"));
    let sources = read_table(&out.join("sources.csv"));
    let total: usize = sources.iter().map(|r| r["n_statements"].parse::<usize>().unwrap()).sum();
    assert_eq!(total, statements.len());
    let dictionary = fs::read_to_string(out.join("data_dictionary.md")).unwrap();
    assert!(dictionary.contains(&format!("| 3 | `{moved}` | correct | measure | {new_measure} | reviewer-b | 2025-08-03 | wrong measure |")), "{dictionary}");
    assert!(cecot_data::load::validate_dir(&out).unwrap().is_empty());
    // build_tables applies it the same way.
    let tables = build_tables(&raw, &Knowledge::load(None).unwrap(), false, false).unwrap();
    assert_eq!(tables.statements.rows.len(), statements.len());
}

#[test]
fn stale_decision_fails_the_build_unless_allowed_and_leaves_output_untouched() {
    let c = corpus();
    let (id, _) = c.statement(|_| true);
    let gone = format!("{}:999999-1000003", c.sources[0].source_id);
    let tmp = tempfile::tempdir().unwrap();
    let raw = tmp.path().join("raw");
    copy_dir(&repo().join("raw"), &raw);
    let out = tmp.path().join("out");
    build_into(&raw, &out, false).unwrap();
    let before = files(&out);
    write_csv(&raw.join("review.csv"), &[header(), row(&id, "reject", "", ""), row(&gone, "accept", "", "")]);
    let err = build_into(&raw, &out, false).unwrap_err();
    assert!(matches!(err, Error::ReviewStale { .. }), "{err}");
    assert_eq!(err.exit_code(), 2);
    assert!(err.to_string().contains(&format!("row 3: {gone}")), "{err}");
    assert_eq!(files(&out), before, "a failed build leaves the output as it was");
    let summary = build_into(&raw, &out, true).unwrap();
    assert_eq!(summary.review.unwrap().stale.len(), 1);
    assert_ne!(files(&out), before);
}

#[test]
fn malformed_sheet_fails_the_build_and_leaves_output_untouched() {
    let c = corpus();
    let (id, _) = c.statement(|_| true);
    let tmp = tempfile::tempdir().unwrap();
    let raw = tmp.path().join("raw");
    copy_dir(&repo().join("raw"), &raw);
    let out = tmp.path().join("out");
    build_into(&raw, &out, false).unwrap();
    let before = files(&out);
    write_ods(&raw.join("review.ods"), &[header(), row(&id, "correct", "measure", "no_such_measure")]);
    let err = build_into(&raw, &out, true).unwrap_err();
    assert!(err.to_string().contains("review.ods, sheet \"decisions\", row 2, column new_value"), "{err}");
    assert_eq!(err.exit_code(), 2);
    assert_eq!(files(&out), before);
}

#[test]
fn cli_exits_non_zero_on_a_stale_decision_and_allow_stale_builds() {
    let c = corpus();
    let gone = format!("{}:999999-1000003", c.sources[0].source_id);
    let tmp = tempfile::tempdir().unwrap();
    let raw = tmp.path().join("raw");
    copy_dir(&repo().join("raw"), &raw);
    write_csv(&raw.join("review.csv"), &[header(), row(&gone, "reject", "", "")]);
    let out = tmp.path().join("out");
    let run = |extra: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_cecot-data"))
            .args(["build", "--raw", raw.to_str().unwrap(), "--out", out.to_str().unwrap()])
            .args(extra)
            .output()
            .unwrap()
    };
    let failed = run(&[]);
    assert_eq!(failed.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&failed.stderr);
    assert!(stderr.contains("no longer exist") && stderr.contains("--allow-stale"), "{stderr}");
    assert!(!out.exists());
    let ok = run(&["--allow-stale"]);
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    assert!(String::from_utf8_lossy(&ok.stderr).contains("warning:"));
}

#[test]
fn rejecting_an_input_statement_changes_derived_and_comparisons() {
    let tmp = tempfile::tempdir().unwrap();
    let raw = tmp.path().join("raw");
    copy_dir(&repo().join("raw"), &raw);
    let out = tmp.path().join("out");
    build_into(&raw, &out, false).unwrap();
    // A statement that feeds at least one derived figure.
    let derived = read_table(&out.join("derived.csv"));
    let input = derived.iter().flat_map(|r| r["inputs"].split(';').map(str::to_string).collect::<Vec<_>>()).next().expect("some derived row");
    let using = derived.iter().filter(|r| r["inputs"].split(';').any(|i| i == input)).count();
    let comparisons_before = read_table(&out.join("comparisons.csv"));
    assert!(comparisons_before.iter().any(|r| r["statement_ids"].split(';').any(|i| i == input)));
    write_csv(&raw.join("review.csv"), &[header(), row(&input, "reject", "", "")]);
    build_into(&raw, &out, false).unwrap();
    let after = read_table(&out.join("derived.csv"));
    assert!(after.iter().all(|r| !r["inputs"].split(';').any(|i| i == input)), "rejected {input} still feeds a derived row");
    // A row whose input figure other statements also state stays, naming only them; the
    // others are gone. No row is added.
    assert!(using > 0 && after.len() <= derived.len(), "rows using the rejected statement are gone or name the others, none added");
    assert_ne!(after, derived);
    let comparisons = read_table(&out.join("comparisons.csv"));
    assert!(comparisons.iter().all(|r| !r["statement_ids"].split(';').any(|i| i == input)), "rejected {input} still compared");
}
