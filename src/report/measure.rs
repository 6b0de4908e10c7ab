//! One page per measure: its chart, its comparisons (the whole measure and each period), and
//! every claim with its quote, linked to its place in its article.

use maud::{html, Markup};

use super::data::Data;
use super::page::{self, article_href, chart_href, filter_box, measure_page_href, page_count, page_links, source_chip, verdict_badge, PAGE_ROWS};
use super::rows::Row;

/// Page `n` (from 1) of `measure`, whose statements are `claims`: the chart and comparisons,
/// and that page's share of the claims ([`PAGE_ROWS`] a page).
pub fn render(data: &Data, measure: &str, claims: &[Row], n: usize) -> Markup {
    let comparisons = data.comparisons_by_measure.get(measure).map(Vec::as_slice).unwrap_or_default();
    let pages = page_count(claims.len());
    let shown = &claims[((n - 1) * PAGE_ROWS).min(claims.len())..(n * PAGE_ROWS).min(claims.len())];
    let pager = page_links(pages, Some(n), |k| format!("../{}", measure_page_href(measure, k)));
    let body = html! {
        h1 { (measure) @if pages > 1 { ", page " (n) " of " (pages) } }
        p { "Verdict across sources: " (verdict_badge(data.verdict(measure))) " · " (claims.len()) " claims" }
        figure {
            img.chart src={ "../" (chart_href(measure)) } alt=(chart_alt(data, measure, claims)) width="760";
            figcaption { "Each claim is the interval its wording allows (an open bar runs on past the axis for “more than” or a vague plural), over the period it describes; colour by source." }
        }
        h2 { "Comparisons" }
        (comparisons_table(comparisons))
        h2 { "Claims" }
        (filter_box("Filter these claims:"))
        (claims_table(data, shown, "../"))
        (pager)
    };
    page::page(measure, "../", body)
}

/// A text alternative to the chart: what it shows, claim by claim.
pub fn chart_alt(data: &Data, measure: &str, claims: &[Row]) -> String {
    let listed: Vec<String> = claims.iter().take(12).map(|c| format!("{} {} ({})", claim_value(c), c.shown("as_of"), data.label(c.str("source_id")))).collect();
    let more = if claims.len() > listed.len() { format!(" and {} more", claims.len() - listed.len()) } else { String::new() };
    format!("Chart of {measure}, verdict {}: {}{more}", data.verdict(measure).replace('_', " "), listed.join("; "))
}

/// A claim's value as worded: qualifier and value or bounds, with its unit.
pub fn claim_value(c: &Row) -> String {
    let value = if c.date("value_date").is_some() {
        c.shown("value_date")
    } else if c.num("value").is_some() {
        c.shown("value")
    } else {
        interval(c)
    };
    let qualifier = match c.str("qualifier") {
        "exact" => String::new(),
        q => format!("{} ", q.replace('_', " ")),
    };
    format!("{qualifier}{value} {}", c.shown("unit")).trim().to_string()
}

fn comparisons_table(comparisons: &[Row]) -> Markup {
    html! {
        table {
            thead { tr { th { "Comparison" } th { "Period" } th { "Statements" } th { "Sources" } th { "Min" } th { "Max" } th { "Spread" } th { "Verdict" } th { "Disagreeing" } th { "Left out (no period)" } } }
            tbody {
                @for c in comparisons {
                    tr id={ "c-" (c.str("comparison_id")) } {
                        td { (c.str("comparison_id")) }
                        td { (c.shown("as_of")) }
                        td.num { (c.shown("n_statements")) }
                        td.num { (c.shown("n_sources")) }
                        td.num { (c.shown("min")) }
                        td.num { (c.shown("max")) }
                        td.num { (c.shown("spread")) }
                        td { (verdict_badge(c.str("verdict"))) }
                        td { (statement_links(c.str("disagreeing_statement_ids"))) }
                        td.num { (c.str("undated_statement_ids").split(';').filter(|id| !id.is_empty()).count()) }
                    }
                }
            }
        }
    }
}

/// Links to the statements of a `;` list, each on its article's page.
fn statement_links(ids: &str) -> Markup {
    html! {
        @for id in ids.split(';').filter(|id| !id.is_empty()) {
            @let source = id.split(':').next().unwrap_or(id);
            a href={ "../" (article_href(source)) "#m-" (id) } { (id) } " "
        }
    }
}

/// Claims with their source, value, period, review and quote; `root` leads to the report
/// folder from the page.
pub fn claims_table(data: &Data, claims: &[Row], root: &str) -> Markup {
    html! {
        table {
            thead { tr { th { "Source" } th { "Claim" } th { "Interval" } th { "As of" } th { "Review" } th { "Quote" } } }
            tbody {
                @for c in claims {
                    tr data-filter-item {
                        td { (source_chip(&data.colours, c.str("source_id"), &data.label(c.str("source_id")))) }
                        td { a href={ (root) (article_href(c.str("source_id"))) "#m-" (c.str("statement_id")) } { (claim_value(c)) } }
                        td { (interval(c)) }
                        td { (c.shown("as_of")) }
                        td { (c.str("review")) }
                        td { (c.str("quote")) }
                    }
                }
            }
        }
    }
}

/// `[low, high]` with an open end shown as unbounded.
fn interval(c: &Row) -> String {
    match (c.num("interval_low"), c.num("interval_high")) {
        (None, None) => String::new(),
        (low, high) => format!(
            "[{}, {}]",
            low.map(|_| c.shown("interval_low")).unwrap_or_else(|| "−∞".into()),
            high.map(|_| c.shown("interval_high")).unwrap_or_else(|| "∞".into())
        ),
    }
}
