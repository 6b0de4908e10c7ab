//! The report's front page (measures with their charts, verdicts and first claims; the first
//! page of articles and of derived figures) and the paged lists behind it, so no page grows
//! with the corpus beyond [`PAGE_ROWS`] rows per list.

use maud::{html, Markup};

use super::data::Data;
use super::measure::claims_table;
use super::page::{self, article_href, chart_href, filter_box, measure_href, page_count, pager, verdict_badge, PAGE_ROWS};
use super::rows::Row;

/// Measures shown with their chart on the front page; the list of measures has them all.
const FRONT_MEASURES: usize = 24;

/// Claims shown per measure on the front page; the measure's page lists them all.
const FRONT_CLAIMS: usize = 8;

/// `index.html`.
pub fn index(data: &Data) -> Markup {
    let measures = &data.statements_by_measure;
    let front: Vec<&str> = data.measures_ranked.iter().take(FRONT_MEASURES).copied().collect();
    let body = html! {
        h1 { "CECOT data: the claims at a glance" }
        p {
            (data.sources.len()) " articles, " (data.statements.len()) " statements, " (measures.len()) " measures compared across sources, "
            (data.derived.len()) " derived figures. The tables: "
            a href="../statements.csv" { "statements" } ", " a href="../mentions.csv" { "mentions" } ", "
            a href="../comparisons.csv" { "comparisons" } ", " a href="../derived.csv" { "derived" } "; their meaning: "
            a href="../data_dictionary.md" { "data dictionary" } "."
        }
        (filter_box("Filter measures, articles and figures on this page:"))
        nav { "Jump to: " a href="#measures" { "measures" } " · " a href="#articles" { "articles" } " · " a href="#derived" { "derived figures" } }
        h2 id="measures" { "Measures across sources" }
        p { "The " (front.len()) " measures stated by the most sources, each with its chart and first claims; "
            a href="#all-measures" { "all " (measures.len()) " measures" } " are listed below." }
        @for measure in &front {
            @let claims = &measures[measure];
            section.card data-filter-item {
                h3 { a href=(measure_href(measure)) { (measure) } " " (verdict_badge(data.verdict(measure))) }
                img.chart src=(chart_href(measure)) alt=(super::measure::chart_alt(data, measure, claims)) width="760";
                (claims_table(data, &claims[..claims.len().min(FRONT_CLAIMS)], ""))
                @if claims.len() > FRONT_CLAIMS { p { a href=(measure_href(measure)) { "All " (claims.len()) " claims of " (measure) } } }
            }
        }
        h2 id="all-measures" { "All measures" }
        (measures_table(data, 0, ""))
        (pager("measures", page_count(data.measures_ranked.len()), Some(1), ""))
        h2 id="articles" { "Articles" }
        (articles_table(data, 0, ""))
        (pager("articles", page_count(data.sources.len()), Some(1), ""))
        h2 id="derived" { "Derived figures" }
        (derived_table(data, 0, ""))
        (pager("derived", page_count(data.derived.len()), Some(1), ""))
    };
    page::page("CECOT data", "", body)
}

/// Page `n` (from 1) of the list of articles.
pub fn articles_page(data: &Data, n: usize) -> Markup {
    let pages = page_count(data.sources.len());
    let body = html! {
        h1 { "Articles, page " (n) " of " (pages) }
        (filter_box("Filter this page:"))
        (articles_table(data, n - 1, "../"))
        (pager("articles", pages, Some(n), "../"))
    };
    page::page(&format!("Articles {n}"), "../", body)
}

/// Page `n` (from 1) of the list of measures.
pub fn measures_page(data: &Data, n: usize) -> Markup {
    let pages = page_count(data.measures_ranked.len());
    let body = html! {
        h1 { "Measures, page " (n) " of " (pages) }
        (filter_box("Filter this page:"))
        (measures_table(data, n - 1, "../"))
        (pager("measures", pages, Some(n), "../"))
    };
    page::page(&format!("Measures {n}"), "../", body)
}

/// Page `n` (from 1) of the list of derived figures.
pub fn derived_page(data: &Data, n: usize) -> Markup {
    let pages = page_count(data.derived.len());
    let body = html! {
        h1 { "Derived figures, page " (n) " of " (pages) }
        (filter_box("Filter this page:"))
        (derived_table(data, n - 1, "../"))
        (pager("derived", pages, Some(n), "../"))
    };
    page::page(&format!("Derived figures {n}"), "../", body)
}

/// The rows of page `page` (from 0) of a list of `len` rows.
fn page_rows(len: usize, page: usize) -> std::ops::Range<usize> {
    let start = (page * PAGE_ROWS).min(len);
    start..(start + PAGE_ROWS).min(len)
}

fn measures_table(data: &Data, page: usize, root: &str) -> Markup {
    html! {
        table {
            thead { tr { th { "Measure" } th { "Verdict" } th { "Claims" } th { "Sources" } th { "Min" } th { "Max" } } }
            tbody {
                @for measure in &data.measures_ranked[page_rows(data.measures_ranked.len(), page)] {
                    @let whole = data.comparisons_by_measure.get(measure).and_then(|rows| rows.iter().find(|c| c.str("comparison_id") == *measure));
                    tr data-filter-item {
                        td { a href={ (root) (measure_href(measure)) } { (measure) } }
                        td { (verdict_badge(data.verdict(measure))) }
                        td.num { (data.statements_by_measure.get(measure).map_or(0, Vec::len)) }
                        td.num { @if let Some(c) = whole { (c.shown("n_sources")) } }
                        td.num { @if let Some(c) = whole { (c.shown("min")) } }
                        td.num { @if let Some(c) = whole { (c.shown("max")) } }
                    }
                }
            }
        }
    }
}

fn articles_table(data: &Data, page: usize, root: &str) -> Markup {
    let rows: Vec<Row> = page_rows(data.sources.len(), page).filter_map(|i| data.sources.get(i)).collect();
    html! {
        table {
            thead { tr { th { "Article" } th { "Publisher" } th { "Published" } th { "Mentions" } th { "Statements" } } }
            tbody {
                @for s in rows {
                    tr data-filter-item {
                        td { a href={ (root) (article_href(s.str("source_id"))) } { (s.text("title").unwrap_or(s.str("source_id"))) } }
                        td { (page::source_chip(&data.colours, s.str("source_id"), s.str("publisher"))) }
                        td { (s.shown("published")) }
                        td.num { (s.shown("n_mentions")) }
                        td.num { (s.shown("n_statements")) }
                    }
                }
            }
        }
    }
}

fn derived_table(data: &Data, page: usize, root: &str) -> Markup {
    html! {
        table {
            thead { tr { th { "Figure" } th { "Formula" } th { "Value" } th { "Unit" } th { "Check" } th { "Inputs" } th { "Note" } } }
            tbody {
                @for i in page_rows(data.derived.len(), page) {
                    @if let Some(d) = data.derived.get(i) {
                        tr id={ "d-" (i) } data-filter-item {
                            td { (d.str("derived_id")) }
                            td { code { (d.str("formula")) } }
                            td.num title=(d.shown("value")) { @if let Some(v) = d.num("value") { (page::short_number(v)) } }
                            td { (d.shown("unit")) }
                            td { (d.str("check")) @if let Some(c) = d.text("check_statement_id") { " against " (statement_link(c, root)) } }
                            td { @for id in d.str("inputs").split(';').filter(|id| !id.is_empty()) { (statement_link(id, root)) " " } }
                            td { (d.shown("note")) }
                        }
                    }
                }
            }
        }
    }
}

/// A link to a statement's place in its article (`<source_id>:<start>-<end>`).
fn statement_link(statement_id: &str, root: &str) -> Markup {
    let source_id = statement_id.rsplit_once(':').map_or(statement_id, |(s, _)| s);
    html! { a href={ (root) (article_href(source_id)) "#m-" (statement_id) } { (statement_id) } }
}
