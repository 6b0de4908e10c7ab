//! A small hand-made dataset for the load tests and the `write_sample` example. The numbers
//! are arbitrary; they come from no article.

#![allow(dead_code)] // each test binary uses a different part

use cecot_data::load::schema::{COMPARISONS, DERIVED, MENTIONS, SOURCES, STATEMENTS};
use cecot_data::load::{Cell, DocSection, Table};
use chrono::NaiveDate;

fn s(text: &str) -> Cell {
    Cell::text(text)
}

fn date(y: i32, m: u32, d: u32) -> Cell {
    Cell::Date(NaiveDate::from_ymd_opt(y, m, d).expect("valid test date"))
}

/// Every table, with a few rows that satisfy the definitions.
pub fn sample_tables() -> Vec<Table> {
    vec![sources(), mentions(), statements(), derived(), comparisons()]
}

/// Every table with no rows.
pub fn empty_tables() -> Vec<Table> {
    vec![Table::new(&SOURCES), Table::new(&MENTIONS), Table::new(&STATEMENTS), Table::new(&DERIVED), Table::new(&COMPARISONS)]
}

/// A documentation section to append to the dictionary.
pub fn sample_docs() -> Vec<DocSection> {
    vec![DocSection { title: "Measures".into(), body_markdown: "- `test_measure`: a measure used by the tests.\n".into() }]
}

fn sources() -> Table {
    let mut t = Table::new(&SOURCES);
    t.push(vec![
        s("001_aaaa"),
        s("articles/001_aaaa.txt"),
        s("ab12"),
        s("A title, with a comma"),
        s("https://example.org/a"),
        s("Example Post"),
        s("A. Writer; B. Writer"),
        date(2024, 2, 29),
        date(2024, 3, 1),
        s("en"),
        Cell::Null,
        s("1,234.5"),
        s("inferred"),
        Cell::Int(1200),
        Cell::Int(3),
        Cell::Int(2),
    ]);
    t.push(vec![
        s("002_bbbb"),
        s("articles/002_bbbb.txt"),
        s("cd34"),
        Cell::Null,
        Cell::Null,
        Cell::Null,
        Cell::Null,
        Cell::Null,
        Cell::Null,
        s("es"),
        s("notes with \"quotes\""),
        s("1.234,5"),
        s("default"),
        Cell::Int(800),
        Cell::Int(1),
        Cell::Int(0),
    ]);
    t
}

#[allow(clippy::too_many_arguments)]
fn mention(id: &str, src: &str, start: i64, end: i64, surface: &str, kind: &str, value: Option<&str>, statement: bool) -> Vec<Cell> {
    vec![
        s(id),
        s(src),
        Cell::Int(start),
        Cell::Int(end),
        s(surface),
        s(kind),
        Cell::opt_text(value),
        Cell::Null,
        Cell::Null,
        s("exact"),
        s("persons"),
        Cell::Bool(statement),
        s("test_measure"),
        s("2024"),
        s("A sentence with 1,234 people."),
        s("unreviewed"),
        Cell::Null,
    ]
}

fn mentions() -> Table {
    let mut t = Table::new(&MENTIONS);
    t.push(mention("001_aaaa:10-15", "001_aaaa", 10, 15, "1,234", "count", Some("1234"), true));
    t.push(mention("001_aaaa:40-44", "001_aaaa", 40, 44, "12.5%", "percent", Some("12.5"), true));
    t.push(mention("002_bbbb:5-9", "002_bbbb", 5, 9, "2023", "year", Some("2023"), false));
    t
}

fn statement(id: &str, value: f64, kind: &str) -> Vec<Cell> {
    vec![
        s(id),
        s("001_aaaa"),
        s("test_measure"),
        s("near: test"),
        s(kind),
        Cell::Num(value),
        Cell::Null,
        Cell::Null,
        Cell::Null,
        s("exact"),
        s("persons"),
        s("2024"),
        date(2024, 1, 1),
        date(2024, 12, 31),
        Cell::Num(value),
        Cell::Num(value),
        s("A sentence with 1,234 people."),
        Cell::Null,
        s("Example Post"),
        date(2024, 2, 29),
        s("accepted"),
        s("tester"),
    ]
}

fn statements() -> Table {
    let mut t = Table::new(&STATEMENTS);
    t.push(statement("001_aaaa:10-15", 1234.0, "count"));
    t.push(statement("001_aaaa:40-44", 12.5, "percent"));
    t
}

fn derived() -> Table {
    let mut t = Table::new(&DERIVED);
    t.push(vec![
        s("test_share"),
        s("test_measure / test_measure * 100"),
        s("001_aaaa:10-15;001_aaaa:10-15"),
        s("1234;1234"),
        Cell::Num(100.0),
        s("percent"),
        s("001_aaaa:40-44"),
        s("inconsistent"),
        s("a | pipe"),
    ]);
    t
}

fn comparisons() -> Table {
    let mut t = Table::new(&COMPARISONS);
    t.push(vec![
        s("test_measure@2024"),
        s("test_measure"),
        s("2024"),
        Cell::Int(2),
        Cell::Int(1),
        s("001_aaaa:10-15;001_aaaa:40-44"),
        Cell::Num(12.5),
        Cell::Num(1234.0),
        Cell::Num(1221.5),
        Cell::Num(9772.0),
        s("conflicting"),
        s("001_aaaa:40-44"),
        Cell::Null,
    ]);
    t
}
