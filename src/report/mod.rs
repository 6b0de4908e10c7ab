//! Report: the finished tables as pages to look at rather than rows to read. `output/report/`
//! holds a static, self-contained site (no server, no network): `index.html` with every
//! measure's chart and verdict, one page per article with each of its figures highlighted, one
//! page per measure with every claim, and paged lists of measures, articles and derived
//! figures.
//! `output/charts/<measure>.svg` holds the charts.
//!
//! The report reads the tables by column name only ([`rows`]) and re-reads each article's text
//! from the corpus while writing that article's page, so it never holds every text at once.

mod article;
mod charts;
mod colours;
mod data;
mod measure;
mod overview;
mod page;
mod rows;

use rayon::prelude::*;
use std::path::Path;

use crate::error::{Error, Result};
use crate::load::Table;
use charts::{ChartClaim, ChartSpec};
use data::Data;
use page::{file_stem, page_count};

/// Write `report/` and `charts/` into `out_dir` (the dataset folder being written) from
/// `tables` and the article texts of the corpus at `raw_dir` (`sources.path` is relative to it).
pub fn write(out_dir: &Path, raw_dir: &Path, tables: &[Table]) -> Result<()> {
    let data = Data::new(tables)?;
    let report = out_dir.join("report");
    for dir in [report.clone(), report.join("assets"), report.join("articles"), report.join("measures"), report.join("lists"), out_dir.join("charts")] {
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    }
    for (name, text) in page::ASSETS {
        write_file(&report.join("assets").join(name), text.as_bytes())?;
    }
    crate::stage_log::done("report: data");
    write_charts(&data, &out_dir.join("charts"))?;
    crate::stage_log::done("report: charts");
    // Every page on the build's pool: each is its own file, drawn from the shared lookups;
    // the first failure in page order is reported.
    let measure_pages: Vec<(&str, &Vec<_>, usize)> =
        data.statements_by_measure.iter().flat_map(|(measure, claims)| (1..=page_count(claims.len())).map(move |n| (*measure, claims, n))).collect();
    let written: Vec<Result<()>> = measure_pages
        .par_iter()
        .map(|(measure, claims, n)| write_page(&report.join(page::measure_page_href(measure, *n)), measure::render(&data, measure, claims, *n)))
        .collect();
    written.into_iter().collect::<Result<()>>()?;
    crate::stage_log::done("report: measure pages");
    // Article pages on the build's pool, each reading its own text; the first failure in
    // manifest order is reported.
    let sources: Vec<_> = data.sources.iter().collect();
    let written: Vec<Result<()>> = sources
        .par_iter()
        .map(|source| {
            let path = report.join(format!("articles/{}.html", file_stem(source.str("source_id"))));
            write_page(&path, article::render(&data, source, raw_dir)?)
        })
        .collect();
    written.into_iter().collect::<Result<()>>()?;
    crate::stage_log::done("report: article pages");
    let lists: Vec<(&str, usize)> = [("articles", data.sources.len()), ("measures", data.measures_ranked.len()), ("derived", data.derived.len())]
        .into_iter()
        .flat_map(|(list, rows)| (1..=page_count(rows)).map(move |n| (list, n)))
        .collect();
    let written: Vec<Result<()>> = lists
        .par_iter()
        .map(|&(list, n)| {
            let page = match list {
                "articles" => overview::articles_page(&data, n),
                "measures" => overview::measures_page(&data, n),
                _ => overview::derived_page(&data, n),
            };
            write_page(&report.join(format!("lists/{list}-{n}.html")), page)
        })
        .collect();
    written.into_iter().collect::<Result<()>>()?;
    crate::stage_log::done("report: lists");
    write_page(&report.join("index.html"), overview::index(&data))
}

/// One chart per measure that has statements.
fn write_charts(data: &Data, dir: &Path) -> Result<()> {
    let measures: Vec<_> = data.statements_by_measure.iter().collect();
    let written: Vec<Result<()>> = measures.par_iter().map(|&(measure, claims)| write_chart(data, dir, measure, claims)).collect();
    written.into_iter().collect()
}

/// The chart of one measure's statements.
fn write_chart(data: &Data, dir: &Path, measure: &str, claims: &[rows::Row]) -> Result<()> {
    let path = dir.join(format!("{}.svg", file_stem(measure)));
    let drawn: Vec<ChartClaim> = claims.iter().filter_map(|c| ChartClaim::from_statement(c, data.label(c.str("source_id")))).collect();
    let dates = claims.iter().any(|c| c.date("value_date").is_some());
    let unit = claims.iter().find_map(|c| c.text("unit")).unwrap_or(if dates { "date" } else { "value" });
    let spec = ChartSpec { measure, verdict: data.verdict(measure), unit, dates };
    let svg = charts::render(&spec, &drawn, &data.colours, &path)?;
    write_file(&path, svg.as_bytes())
}

fn write_page(path: &Path, page: maud::Markup) -> Result<()> {
    write_file(path, page.into_string().as_bytes())
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    std::fs::write(path, bytes).map_err(|e| Error::io(path, e))
}
