//! The one definition of every published table: columns, types, constraints and the
//! descriptions a reader sees. The CSV and Parquet writers, `validate`, the files in
//! `schemas/`, `datapackage.json` and `data_dictionary.md` are all generated from here.

/// The logical type of a column, mapped to a Parquet/polars dtype and a Table Schema type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    /// UTF-8 text (polars `String`, Table Schema `string`).
    String,
    /// 64-bit signed integer (polars `Int64`, Table Schema `integer`).
    Integer,
    /// 64-bit float (polars `Float64`, Table Schema `number`).
    Number,
    /// `true` / `false` (polars `Boolean`, Table Schema `boolean`).
    Boolean,
    /// Calendar date, ISO 8601 `YYYY-MM-DD` (polars `Date`, Table Schema `date`).
    Date,
}

impl ColumnType {
    /// The Frictionless Table Schema type name.
    pub fn table_schema_name(self) -> &'static str {
        match self {
            ColumnType::String => "string",
            ColumnType::Integer => "integer",
            ColumnType::Number => "number",
            ColumnType::Boolean => "boolean",
            ColumnType::Date => "date",
        }
    }

    /// The dtype a notebook user sees when reading the Parquet file with polars.
    pub fn polars_name(self) -> &'static str {
        match self {
            ColumnType::String => "String",
            ColumnType::Integer => "Int64",
            ColumnType::Number => "Float64",
            ColumnType::Boolean => "Boolean",
            ColumnType::Date => "Date",
        }
    }
}

/// One column of a published table.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// Name in the CSV header and the Parquet schema; never renamed, other code depends on it.
    pub name: &'static str,
    /// Logical type, which fixes the CSV text form and the Parquet dtype.
    pub ty: ColumnType,
    /// A value must be present in every row.
    pub required: bool,
    /// Plain-language meaning, written for the public.
    pub description: &'static str,
    /// Unit of the values, where the column has one.
    pub unit: Option<&'static str>,
    /// The only values allowed, where the column is an enumeration.
    pub allowed: Option<&'static [&'static str]>,
    /// A regular expression every value matches whole (Table Schema `constraints.pattern`).
    pub pattern: Option<&'static str>,
    /// A value as it appears in the CSV.
    pub example: &'static str,
}

/// A column of this table refers to the primary key of another table.
#[derive(Debug, Clone, Copy)]
pub struct ForeignKey {
    /// The referring column of this table.
    pub column: &'static str,
    /// The referenced table.
    pub table: &'static str,
    /// The referenced column of that table.
    pub table_column: &'static str,
}

/// One published table.
#[derive(Debug, Clone, Copy)]
pub struct TableDef {
    /// File stem of the table's CSV and Parquet files and its resource name in datapackage.json.
    pub name: &'static str,
    /// Human title.
    pub title: &'static str,
    /// What one row is, written for the public.
    pub description: &'static str,
    /// Columns in the order they are written.
    pub columns: &'static [Column],
    /// Columns whose values together identify a row: present and unique.
    pub primary_key: &'static [&'static str],
    /// Columns that refer to other tables and must resolve.
    pub foreign_keys: &'static [ForeignKey],
    /// The stage of the pipeline that makes the rows (and where its code lives), named when a
    /// row breaks the definition.
    pub built_by: &'static str,
}

impl TableDef {
    /// Position of a column by name.
    pub fn column_index(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.name == name)
    }
}

const fn col(name: &'static str, ty: ColumnType, description: &'static str, example: &'static str) -> Column {
    Column { name, ty, required: false, description, unit: None, allowed: None, pattern: None, example }
}

const fn req(name: &'static str, ty: ColumnType, description: &'static str, example: &'static str) -> Column {
    Column { name, ty, required: true, description, unit: None, allowed: None, pattern: None, example }
}

const fn with_unit(mut c: Column, unit: &'static str) -> Column {
    c.unit = Some(unit);
    c
}

const fn one_of(mut c: Column, allowed: &'static [&'static str]) -> Column {
    c.allowed = Some(allowed);
    c
}

const fn matching(mut c: Column, pattern: &'static str) -> Column {
    c.pattern = Some(pattern);
    c
}

/// A period: a year, month or day, or two of them as `start/end` (ISO 8601 interval).
pub const PERIOD_PATTERN: &str = r"\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?";

use ColumnType::{Boolean, Date, Integer, Number, String as Text};

/// Kinds of numeric mention (GUIDELINE section 2).
pub const KINDS: &[&str] =
    &["count", "percent", "money", "ratio", "date", "year", "duration", "age", "temperature", "distance", "ordinal", "identifier", "other"];

/// Qualifiers: how the stated number bounds the quantity (GUIDELINE section 3).
pub const QUALIFIERS: &[&str] = &["exact", "approximately", "more_than", "at_least", "less_than", "at_most", "just_under", "range", "vague"];

/// Languages the extractor has a lexicon for.
pub const LANGUAGES: &[&str] = &["en", "es"];

pub use crate::corpus::number_format::{BASES as NUMBER_FORMAT_BASES, NUMBER_FORMATS};

/// Review status of a mention or statement (issue: human review).
pub const REVIEW_STATUSES: &[&str] = &["unreviewed", "accepted", "rejected", "corrected"];

/// Outcome of checking a derived figure against a figure the text states.
pub const CHECKS: &[&str] = &["consistent", "inconsistent", "none"];

/// Verdict of the cross-source comparison of one measure.
pub const VERDICTS: &[&str] = &["consistent", "conflicting", "time_series", "single"];

/// The articles of the corpus.
pub const SOURCES: TableDef = TableDef {
    name: "sources",
    title: "Sources",
    description: "One row per article in the corpus: the manifest raw/sources.csv (citation and checksum) plus \
                  counts computed by the build.",
    columns: &[
        req("source_id", Text, "Identifier of the article; the file stem of its text in raw/articles/.", "000_baf8922a97370fa5"),
        req("path", Text, "Path of the article's text, relative to the manifest's folder.", "articles/000_baf8922a97370fa5.txt"),
        req("sha256", Text, "SHA-256 of the article's bytes; the build refuses a file that does not match.", "49944bb0af62…"),
        col("title", Text, "Headline as the article states it; empty when the clipping has none.", "No One Was Supposed to Leave Alive"),
        col("url", Text, "Address the article was published at, where known.", "https://www.theatlantic.com/…"),
        col("publisher", Text, "Outlet that published the article, where the clipping says.", "The Atlantic"),
        col("author", Text, "Author(s) as credited, `; `-separated.", "Gisela Salim-Peyer"),
        col("published", Date, "Publication date as the article states it; also the anchor for relative dates.", "2025-07-23"),
        col("retrieved", Date, "Date the article was clipped or downloaded.", "2025-07-24"),
        one_of(req("language", Text, "Language of the article's text (ISO 639-1); selects the extractor's lexicon.", "en"), LANGUAGES),
        col("notes", Text, "Where each citation field came from, and anything a citer should know.", "title from the first line"),
        one_of(
            req(
                "number_format",
                Text,
                "How the article writes numbers, which decides whether `58,213` is sixty-four thousand (`1,234.5`) or sixty-four point one (`1.234,5`); one decision per article, never per number.",
                "1,234.5",
            ),
            NUMBER_FORMATS,
        ),
        one_of(
            req(
                "number_format_basis",
                Text,
                "What decided `number_format`: the manifest's `number_format` column; else the article's own unambiguous numbers (`1,318,900`, `0,63`, `27.5`) when one format outnumbers the other two to one (inferred); else the outlet's known format, by url domain or publisher (schemas/number_formats.toml); else the default of the article's language.",
                "inferred",
            ),
            NUMBER_FORMAT_BASES,
        ),
        with_unit(req("chars", Integer, "Length of the article's text in Unicode code points.", "15691"), "characters"),
        with_unit(req("n_mentions", Integer, "Numeric mentions found in the article.", "45"), "mentions"),
        with_unit(req("n_statements", Integer, "Mentions that are claims about the world (rows of `statements`).", "30"), "statements"),
    ],
    primary_key: &["source_id"],
    foreign_keys: &[],
    built_by: "corpus (src/corpus, src/article.rs)",
};

/// Every numeric mention found in the articles.
pub const MENTIONS: TableDef = TableDef {
    name: "mentions",
    title: "Numeric mentions",
    description: "One row per expression in an article that denotes a number (digits, number words, vague \
                  quantities, dates, money…), typed by the rules of GUIDELINE.md. Spans are Unicode code-point \
                  offsets into the article's text, so every row can be traced to the exact characters it came from.",
    columns: &[
        req("mention_id", Text, "`<source_id>:<start>-<end>`; unique across the dataset.", "003_5427e80093aae986:4595-4602"),
        req("source_id", Text, "The article the mention is in (sources.source_id).", "003_5427e80093aae986"),
        with_unit(req("start", Integer, "Offset of the first character, in Unicode code points from the start of the file.", "4595"), "code points"),
        with_unit(req("end", Integer, "Offset just past the last character (exclusive): text[start:end] == surface.", "4602"), "code points"),
        req("surface", Text, "The exact characters of the mention, with its qualifier and counted noun.", "12,345"),
        one_of(req("kind", Text, "What sort of number it is.", "count"), KINDS),
        col("value", Text, "The number with a dot decimal and no separators; ISO date (`2025-03-27`, `2025-03`) for dates; `HH:MM` for clock times; empty for ranges and vague plurals.", "12345"),
        col("low", Text, "Lower bound, written like `value`: both bounds for a range (`65`, or `2024-01` for a date range such as a quarter); the conventional minimum for a vague plural (dozens 24, hundreds 200, thousands 2000). The statements table has the numeric bounds.", "65"),
        col("high", Text, "Upper bound of a range, written like `value` (`70`, `2024-03`).", "70"),
        one_of(req("qualifier", Text, "How the stated number bounds the quantity (`more than 50` -> more_than).", "exact"), QUALIFIERS),
        col(
            "unit",
            Text,
            "Normalised unit or counted noun (persons, USD, percent, days, fraction…). A count written without its noun takes the unit of the count before it in its sentence (\"Of the 417 detainees, 96 died\"), else its measure's unit, else the unit of a count in the sentence before. A multiplier's unit names its baseline year: x_2023_level for \"four times as many as in 2023\".",
            "persons",
        ),
        req("is_statement", Boolean, "True when the number asserts something about the world the dataset covers; false for metadata, time anchors, names, ordinals, list numbers, citation markers, partitive `one`.", "true"),
        col("measure", Text, "For statements: the quantity stated, an id of schemas/measures.toml shared across articles.", "es_prison_population"),
        matching(col("as_of", Text, "The period the figure describes: `2024`, `2025-03`, `2022-03-27/2023-03-27`; empty when the text gives no anchor.", "2024"), PERIOD_PATTERN),
        req("sentence", Text, "The sentence the mention sits in, for context.", "…the system held 12,345 people…"),
        one_of(req("review", Text, "Human review status (raw/review.*): unreviewed, accepted, rejected or corrected.", "unreviewed"), REVIEW_STATUSES),
        col("reviewer", Text, "Who reviewed the row, when it was reviewed.", "jdoe"),
    ],
    primary_key: &["mention_id"],
    foreign_keys: &[ForeignKey { column: "source_id", table: "sources", table_column: "source_id" }],
    built_by: "extract (src/extract)",
};

/// The mentions that are claims, ready for analysis.
pub const STATEMENTS: TableDef = TableDef {
    name: "statements",
    title: "Statements (claims)",
    description: "The mentions that assert something about the world, made ready for analysis: the measure they \
                  state, their value and the interval the wording allows, the period they describe as dates, and \
                  the citation of their source.",
    columns: &[
        req("statement_id", Text, "Same as mentions.mention_id.", "003_5427e80093aae986:4595-4602"),
        req("source_id", Text, "The article that makes the claim (sources.source_id).", "003_5427e80093aae986"),
        col("measure", Text, "The quantity claimed (schemas/measures.toml); empty when no catalog entry fits well enough.", "es_prison_population"),
        col(
            "measure_evidence",
            Text,
            "The words that decided the measure, by where they were found (`near`: the figure's clause; `sentence`; `before`: the sentence before); for a projection or target, the word that made it one (its measure stays empty).",
            "near: capacity, cecot",
        ),
        one_of(req("kind", Text, "What sort of number it is (as in mentions).", "count"), KINDS),
        col("value", Number, "The stated number; empty for ranges, vague plurals and dates.", "12345"),
        col("value_date", Date, "For date claims (kind date/year): the first day of the stated date, month or year.", "2023-01-01"),
        col("low", Number, "Lower bound of a range, or the conventional minimum of a vague plural.", "65"),
        col("high", Number, "Upper bound of a range.", "70"),
        one_of(req("qualifier", Text, "How the stated number bounds the quantity.", "just_under"), QUALIFIERS),
        col("unit", Text, "Normalised unit or counted noun.", "persons"),
        matching(col("as_of", Text, "Period the claim describes, ISO 8601 date or interval.", "2020/2024"), PERIOD_PATTERN),
        col("as_of_start", Date, "First day of as_of.", "2020-01-01"),
        col("as_of_end", Date, "Last day of as_of.", "2024-12-31"),
        col("interval_low", Number, "Smallest value the wording allows (see the dictionary's interval rules); empty when unbounded below.", "162"),
        col("interval_high", Number, "Largest value the wording allows; empty when unbounded above (more than, at least, vague plurals).", "167"),
        req("quote", Text, "The sentence that makes the claim.", "…just under 90%…"),
        col(
            "as_of_start_from",
            Text,
            "For a running total whose article states no start of its own: the statement (statement_id: source and span) whose date, the start the corpus states most often, begins its as_of.",
            "004_…:1480-1494",
        ),
        col("publisher", Text, "Publisher of the source (joined from sources).", "Salon"),
        col("published", Date, "Publication date of the source (joined from sources).", "2025-03-20"),
        one_of(req("review", Text, "Human review status: unreviewed, accepted or corrected (rejected rows leave this table).", "unreviewed"), REVIEW_STATUSES),
        col("reviewer", Text, "Who reviewed the row.", "jdoe"),
    ],
    primary_key: &["statement_id"],
    foreign_keys: &[
        ForeignKey { column: "source_id", table: "sources", table_column: "source_id" },
        ForeignKey { column: "statement_id", table: "mentions", table_column: "mention_id" },
    ],
    built_by: "claims (src/transform/claims/, as_of.rs, statements.rs)",
};

/// Figures computed from statements.
pub const DERIVED: TableDef = TableDef {
    name: "derived",
    title: "Derived figures",
    description: "Figures computed from statements by the formulas of schemas/derived.toml (occupancy rate, growth, \
                  shares, cost per person, sums that check a breakdown). Each row names the statements it was \
                  computed from, and whether it agrees with a figure the text states.",
    columns: &[
        req("derived_id", Text, "Id of the formula in schemas/derived.toml.", "es_prison_occupancy_rate_computed"),
        req("formula", Text, "The formula over measure references, as in the catalog.", "es_prison_population[2024] / es_prison_capacity * 100"),
        req("inputs", Text, "statement_ids of the inputs, `;`-separated, in order; a repeated figure names all.", "003_…:4595-4602;003_…:4413-4427"),
        req("input_values", Text, "The inputs' values, `;`-separated, in the same order.", "12345;6789"),
        col("value", Number, "The computed figure.", "181.84"),
        col("unit", Text, "Unit of the computed figure.", "percent"),
        col("check_statement_id", Text, "The statement whose stated figure this one is checked against.", "003_…:4700-4715"),
        one_of(
            req(
                "check",
                Text,
                "consistent when the stated figure's interval admits the computed value, inconsistent when not, none when nothing is checked.",
                "consistent",
            ),
            CHECKS,
        ),
        col("note", Text, "Assumptions and remarks (from the catalog).", "text states about 182%"),
    ],
    primary_key: &["derived_id", "inputs"],
    foreign_keys: &[],
    built_by: "derived figures (src/transform/derived.rs)",
};

/// How the sources agree on each measure.
pub const COMPARISONS: TableDef = TableDef {
    name: "comparisons",
    title: "Cross-source comparison",
    description: "One row per measure (and per period where the claims describe different periods): how many \
                  statements and sources state it, their spread, and whether they agree.",
    columns: &[
        req("comparison_id", Text, "`<measure>` or, where grouped by period, `<measure>@<as_of>`.", "es_prison_population@2024"),
        req("measure", Text, "The measure compared.", "venezuelans_deported_to_cecot"),
        matching(col("as_of", Text, "The period compared, when the claims are grouped by period.", "2025-03"), PERIOD_PATTERN),
        req("n_statements", Integer, "Statements compared.", "5"),
        req("n_sources", Integer, "Distinct sources among them.", "4"),
        req("statement_ids", Text, "The statements compared, `;`-separated.", "000_…:10235-10240;003_…:74-87"),
        col("min", Number, "Smallest stated value (or lower bound).", "50"),
        col("max", Number, "Largest stated value (or upper bound).", "55"),
        col("spread", Number, "max - min.", "5"),
        with_unit(col("spread_pct", Number, "spread as a percentage of min.", "10"), "percent"),
        one_of(req("verdict", Text, "consistent (the claims' intervals overlap), conflicting (they cannot all be true), time_series (same measure over different periods), single (one statement).", "conflicting"), VERDICTS),
        col("disagreeing_statement_ids", Text, "For a conflicting verdict, the statements outside the largest set that can all be true together (per period), `;`-separated: the claims to check first.", "003_…:74-87"),
        col("undated_statement_ids", Text, "Statements of the measure left out because their period is unknown (a quantity that changes over time cannot be compared without its date), `;`-separated.", "002_…:8379-8394"),
    ],
    primary_key: &["comparison_id"],
    foreign_keys: &[],
    built_by: "comparisons (src/transform/comparisons.rs)",
};

/// Every published table, in the order they are written and documented.
pub const TABLES: &[&TableDef] = &[&SOURCES, &MENTIONS, &STATEMENTS, &DERIVED, &COMPARISONS];

/// Look a table up by name.
pub fn table(name: &str) -> Option<&'static TableDef> {
    TABLES.iter().copied().find(|t| t.name == name)
}
