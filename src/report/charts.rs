//! One SVG chart per measure, drawn with plotters: each claim is the interval its wording
//! allows (its qualifier's bounds) on the value axis against the period it describes on the
//! time axis, coloured by source. Claims that state no period stand in a panel of their own.

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;

use super::colours::SourceColours;
use super::rows::Row;
use crate::error::{Error, Result};

/// Size of a chart in pixels.
const WIDTH: u32 = 760;
const HEIGHT: u32 = 380;
/// Width of the panel for claims without a period.
const UNDATED_WIDTH: u32 = 150;
/// Height of one legend entry, and how many sources the legend names.
const LEGEND_ROW: u32 = 18;
const LEGEND_MAX: usize = 8;

/// A claim as the chart draws it.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartClaim {
    /// Its source, which picks the colour and the legend entry.
    pub source_id: String,
    /// Legend text for the source.
    pub source_label: String,
    /// Smallest value the wording allows; `None` when unbounded below.
    pub low: Option<f64>,
    /// Largest value the wording allows; `None` when unbounded above.
    pub high: Option<f64>,
    /// The period described, as fractional years `[start, end)`; `None` when not stated.
    pub period: Option<(f64, f64)>,
}

impl ChartClaim {
    /// The claim of a `statements` row, or `None` when its value is not a number the axis
    /// can hold (a vague plural without a bound). Dates are drawn as fractional years.
    pub fn from_statement(row: &Row, source_label: String) -> Option<ChartClaim> {
        let (low, high) = match row.date("value_date") {
            Some(d) => (Some(fractional_year(d)), Some(fractional_year(d))),
            None => match (row.num("interval_low"), row.num("interval_high")) {
                (None, None) => {
                    let v = row.num("value")?;
                    (Some(v), Some(v))
                }
                bounds => bounds,
            },
        };
        let period = match (row.date("as_of_start"), row.date("as_of_end")) {
            (Some(s), Some(e)) => Some((fractional_year(s), fractional_year(e.succ_opt().unwrap_or(e)))),
            _ => None,
        };
        Some(ChartClaim { source_id: row.str("source_id").to_string(), source_label, low, high, period })
    }
}

/// What a chart shows besides its claims.
pub struct ChartSpec<'a> {
    /// The measure id.
    pub measure: &'a str,
    /// The comparison verdict for the whole measure.
    pub verdict: &'a str,
    /// Unit of the values (axis title).
    pub unit: &'a str,
    /// Values are dates, shown as years on the value axis.
    pub dates: bool,
}

/// The SVG text of one measure's chart.
pub fn render(spec: &ChartSpec, claims: &[ChartClaim], colours: &SourceColours, path: &Path) -> Result<String> {
    let mut svg = String::new();
    draw(&mut svg, spec, claims, colours).map_err(|e| Error::Write { path: path.to_path_buf(), message: format!("drawing the chart: {e}") })?;
    Ok(svg)
}

type DrawResult = std::result::Result<(), String>;

/// A plotters error as text (its error types borrow the backend).
fn msg(e: impl std::fmt::Display) -> String {
    e.to_string()
}

fn draw(svg: &mut String, spec: &ChartSpec, claims: &[ChartClaim], colours: &SourceColours) -> DrawResult {
    let all: Vec<&ChartClaim> = claims.iter().collect();
    let sources = by_source(&all);
    let claims = &distinct_shapes(claims, colours);
    let legend_rows = sources.len().min(LEGEND_MAX) + usize::from(sources.len() > LEGEND_MAX);
    let legend_height = legend_rows as u32 * LEGEND_ROW + 6;
    let root = SVGBackend::with_string(svg, (WIDTH, HEIGHT + legend_height)).into_drawing_area();
    root.fill(&WHITE).map_err(msg)?;
    let title = format!("{} — {}", spec.measure, spec.verdict.replace('_', " "));
    let body = root.titled(&title, ("sans-serif", 17).into_font().color(&BLACK)).map_err(msg)?;
    let (plot, legend) = body.split_vertically(body.dim_in_pixel().1 - legend_height);
    let (y0, y1) = value_range(claims, spec.dates);
    let dated: Vec<&ChartClaim> = claims.iter().filter(|c| c.period.is_some()).collect();
    let undated: Vec<&ChartClaim> = claims.iter().filter(|c| c.period.is_none()).collect();
    let areas = if dated.is_empty() {
        (None, Some(plot))
    } else if undated.is_empty() {
        (Some(plot), None)
    } else {
        let (left, right) = plot.split_horizontally(WIDTH - UNDATED_WIDTH);
        (Some(left), Some(right))
    };
    if let (Some(area), _) = &areas {
        draw_dated(area, spec, &dated, colours, (y0, y1))?;
    }
    if let (first, Some(area)) = &areas {
        draw_undated(area, spec, &undated, colours, (y0, y1), first.is_none())?;
    }
    draw_legend(&legend, &sources, colours)?;
    root.present().map_err(msg)?;
    Ok(())
}

/// The chart area of a panel: fractional years (or slots) across, values up.
type Panel<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// The panel of claims with a period: time across, value up, a legend of sources.
fn draw_dated(area: &DrawingArea<SVGBackend, Shift>, spec: &ChartSpec, claims: &[&ChartClaim], colours: &SourceColours, (y0, y1): (f64, f64)) -> DrawResult {
    let (x0, x1) = time_range(claims);
    let mut chart = ChartBuilder::on(area).margin(8).x_label_area_size(34).y_label_area_size(70).build_cartesian_2d(x0..x1, y0..y1).map_err(msg)?;
    let span = x1 - x0;
    chart
        .configure_mesh()
        .light_line_style(WHITE)
        .x_labels(6)
        .y_labels(6)
        .x_label_formatter(&|x| period_label(*x, span))
        .y_label_formatter(&|y| value_label(*y, spec.dates, y1 - y0))
        .x_desc("period the claim describes")
        .y_desc(spec.unit)
        .draw()
        .map_err(msg)?;
    for claim in claims {
        draw_claim(&mut chart, claim, claim.period.unwrap_or_default(), (y0, y1), rgb(colours, &claim.source_id))?;
    }
    Ok(())
}

/// The panel of claims that state no period, side by side in source order.
fn draw_undated(
    area: &DrawingArea<SVGBackend, Shift>,
    spec: &ChartSpec,
    claims: &[&ChartClaim],
    colours: &SourceColours,
    (y0, y1): (f64, f64),
    alone: bool,
) -> DrawResult {
    let n = claims.len() as f64;
    let y_labels = if alone { 70 } else { 0 };
    let mut chart = ChartBuilder::on(area).margin(8).x_label_area_size(34).y_label_area_size(y_labels).build_cartesian_2d(0.0..n, y0..y1).map_err(msg)?;
    chart
        .configure_mesh()
        .light_line_style(WHITE)
        .x_labels(0)
        .y_labels(if alone { 6 } else { 0 })
        .y_label_formatter(&|y| value_label(*y, spec.dates, y1 - y0))
        .x_desc("no period stated")
        .y_desc(if alone { spec.unit } else { "" })
        .draw()
        .map_err(msg)?;
    let mut ordered: Vec<&ChartClaim> = claims.to_vec();
    ordered.sort_by(|a, b| a.source_id.cmp(&b.source_id));
    for (i, claim) in ordered.into_iter().enumerate() {
        let slot = (i as f64 + 0.3, i as f64 + 0.7);
        draw_claim(&mut chart, claim, slot, (y0, y1), rgb(colours, &claim.source_id))?;
    }
    Ok(())
}

/// The legend under the plot: one entry per source, in id order, the first [`LEGEND_MAX`]
/// and how many more.
fn draw_legend(area: &DrawingArea<SVGBackend, Shift>, sources: &[(&str, Vec<&ChartClaim>)], colours: &SourceColours) -> DrawResult {
    let font = ("sans-serif", 13).into_font().color(&BLACK);
    for (i, (source_id, group)) in sources.iter().take(LEGEND_MAX).enumerate() {
        let y = i as i32 * LEGEND_ROW as i32 + 2;
        area.draw(&Rectangle::new([(80, y + 2), (92, y + 14)], rgb(colours, source_id).filled())).map_err(msg)?;
        area.draw(&Text::new(group[0].source_label.clone(), (100, y + 1), font.clone())).map_err(msg)?;
    }
    if sources.len() > LEGEND_MAX {
        let y = LEGEND_MAX as i32 * LEGEND_ROW as i32 + 3;
        area.draw(&Text::new(format!("and {} more sources", sources.len() - LEGEND_MAX), (100, y), font)).map_err(msg)?;
    }
    Ok(())
}

/// One claim over `[xa, xb)`: a closed interval is a box (a line when it is one value); an
/// interval open above or below is a bar that runs off the axis with an arrow, with no edge on
/// its open side.
fn draw_claim<'a, DB: DrawingBackend + 'a>(
    chart: &mut Panel<'a, DB>,
    claim: &ChartClaim,
    (xa, xb): (f64, f64),
    (y0, y1): (f64, f64),
    colour: RGBColor,
) -> DrawResult {
    let fill = colour.mix(0.3).filled();
    let open_fill = colour.mix(0.15).filled();
    let edge = colour.stroke_width(2);
    let mid = (xa + xb) / 2.0;
    let plot = chart.plotting_area();
    match (claim.low, claim.high) {
        (Some(lo), Some(hi)) if hi - lo <= (y1 - y0) * 0.004 => {
            plot.draw(&PathElement::new(vec![(xa, lo), (xb, lo)], colour.stroke_width(3))).map_err(msg)?;
            plot.draw(&Circle::new((mid, lo), 3, colour.filled())).map_err(msg)?;
        }
        (Some(lo), Some(hi)) => {
            plot.draw(&Rectangle::new([(xa, lo), (xb, hi)], fill)).map_err(msg)?;
            plot.draw(&Rectangle::new([(xa, lo), (xb, hi)], edge)).map_err(msg)?;
        }
        (Some(lo), None) => {
            plot.draw(&Rectangle::new([(xa, lo), (xb, y1)], open_fill)).map_err(msg)?;
            plot.draw(&PathElement::new(vec![(xa, y1), (xa, lo), (xb, lo), (xb, y1)], edge)).map_err(msg)?;
            plot.draw(&(EmptyElement::at((mid, y1)) + Polygon::new(vec![(-5, 9), (5, 9), (0, 1)], colour.filled()))).map_err(msg)?;
        }
        (None, Some(hi)) => {
            plot.draw(&Rectangle::new([(xa, y0), (xb, hi)], open_fill)).map_err(msg)?;
            plot.draw(&PathElement::new(vec![(xa, y0), (xa, hi), (xb, hi), (xb, y0)], edge)).map_err(msg)?;
            plot.draw(&(EmptyElement::at((mid, y0)) + Polygon::new(vec![(-5, -9), (5, -9), (0, -1)], colour.filled()))).map_err(msg)?;
        }
        (None, None) => {}
    }
    Ok(())
}

/// The claims that draw different shapes, first of each kept: claims of the same colour,
/// bounds and period draw the same shape, and a large corpus repeats them thousands of times.
fn distinct_shapes(claims: &[ChartClaim], colours: &SourceColours) -> Vec<ChartClaim> {
    let key =
        |c: &ChartClaim| (colours.rgb(&c.source_id), c.low.map(f64::to_bits), c.high.map(f64::to_bits), c.period.map(|(a, b)| (a.to_bits(), b.to_bits())));
    let mut seen = std::collections::BTreeSet::new();
    claims.iter().filter(|c| seen.insert(key(c))).cloned().collect()
}

/// The claims grouped by source, sources in id order, claims in the order given.
fn by_source<'c>(claims: &[&'c ChartClaim]) -> Vec<(&'c str, Vec<&'c ChartClaim>)> {
    let mut groups: std::collections::BTreeMap<&str, Vec<&ChartClaim>> = Default::default();
    for c in claims {
        groups.entry(c.source_id.as_str()).or_default().push(c);
    }
    groups.into_iter().collect()
}

fn rgb(colours: &SourceColours, source_id: &str) -> RGBColor {
    let (r, g, b) = colours.rgb(source_id);
    RGBColor(r, g, b)
}

/// The value axis: every finite bound with some room above and below; counts and amounts
/// start at zero, so bars of different sources compare by length.
fn value_range(claims: &[ChartClaim], dates: bool) -> (f64, f64) {
    let values: Vec<f64> = claims.iter().flat_map(|c| [c.low, c.high]).flatten().filter(|v| v.is_finite()).collect();
    let (Some(min), Some(max)) = (values.iter().copied().reduce(f64::min), values.iter().copied().reduce(f64::max)) else {
        return (0.0, 1.0);
    };
    let min = if !dates && min >= 0.0 { 0.0 } else { min };
    let room = match (max > min, dates) {
        (true, _) => (max - min) * 0.15,
        (false, true) => 1.0, // a year either side of one date
        (false, false) => (max.abs() * 0.15).max(1.0),
    };
    let low = if !dates && min == 0.0 { 0.0 } else { min - room };
    (low, max + room)
}

/// The time axis: every claim's period with a margin, at least a few months wide.
fn time_range(claims: &[&ChartClaim]) -> (f64, f64) {
    let starts = claims.iter().filter_map(|c| c.period.map(|p| p.0));
    let ends = claims.iter().filter_map(|c| c.period.map(|p| p.1));
    let min = starts.reduce(f64::min).unwrap_or(0.0);
    let max = ends.reduce(f64::max).unwrap_or(1.0);
    let room = ((max - min) * 0.06).max(0.2);
    (min - room, max + room)
}

/// A date as a fractional year: 2024-07-01 is about 2024.5.
pub fn fractional_year(d: NaiveDate) -> f64 {
    let days = if d.leap_year() { 366.0 } else { 365.0 };
    d.year() as f64 + d.ordinal0() as f64 / days
}

/// A time-axis label: years on a long axis, year and month on a short one.
fn period_label(x: f64, span: f64) -> String {
    let year = x.floor();
    if span > 4.0 {
        return format!("{year:.0}");
    }
    let month = ((x - year) * 12.0).floor() as u32 + 1;
    format!("{year:.0}-{:02}", month.min(12))
}

/// A value-axis label: years for dates, thousands grouped for large numbers.
fn value_label(y: f64, dates: bool, span: f64) -> String {
    if dates {
        return period_label(y, span);
    }
    if y.abs() >= 1000.0 || span >= 10.0 {
        return grouped(y.round() as i64);
    }
    let s = format!("{y:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// An integer with thousands separated by commas.
fn grouped(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(source: &str, low: Option<f64>, high: Option<f64>, period: Option<(f64, f64)>) -> ChartClaim {
        ChartClaim { source_id: source.into(), source_label: format!("Outlet {source}"), low, high, period }
    }

    fn spec() -> ChartSpec<'static> {
        ChartSpec { measure: "people_moved", verdict: "conflicting", unit: "persons", dates: false }
    }

    #[test]
    fn open_bar_for_more_than_and_verdict_in_title() {
        let claims = vec![claim("a", Some(240.0), None, None), claim("b", Some(231.0), Some(231.0), Some((2025.0, 2025.1)))];
        let colours = SourceColours::new(["a", "b"]);
        let svg = render(&spec(), &claims, &colours, Path::new("x.svg")).unwrap();
        assert!(svg.starts_with("<svg"), "{}", &svg[..80]);
        assert!(svg.contains("people_moved — conflicting"));
        assert!(svg.contains("no period stated"));
        assert!(svg.contains("Outlet a") && svg.contains("Outlet b"));
        assert!(svg.contains(&colours.hex("a").to_uppercase()) || svg.contains(&colours.hex("a")), "source colour used");
    }

    #[test]
    fn same_claims_same_bytes() {
        let claims = vec![claim("a", Some(10.0), Some(20.0), Some((2020.0, 2021.0))), claim("b", None, Some(5.0), Some((2022.0, 2023.0)))];
        let colours = SourceColours::new(["a", "b"]);
        let one = render(&spec(), &claims, &colours, Path::new("x.svg")).unwrap();
        let two = render(&spec(), &claims, &colours, Path::new("x.svg")).unwrap();
        assert_eq!(one, two);
    }

    #[test]
    fn repeated_claims_draw_once() {
        let colours = SourceColours::new(["a", "b"]);
        let claims = vec![claim("a", Some(1.0), Some(1.0), None), claim("a", Some(1.0), Some(1.0), None), claim("b", Some(1.0), Some(1.0), None)];
        assert_eq!(distinct_shapes(&claims, &colours).len(), 2);
    }

    #[test]
    fn counts_start_at_zero_and_dates_do_not() {
        let claims = vec![claim("a", Some(2023.0), Some(2023.0), None)];
        assert!(value_range(&claims, true).0 < 2023.0 && value_range(&claims, true).0 > 2000.0);
        assert_eq!(value_range(&[claim("a", Some(40.0), Some(50.0), None)], false).0, 0.0);
    }

    #[test]
    fn labels_read_as_people_write_them() {
        assert_eq!(grouped(108417), "108,417");
        assert_eq!(grouped(-1000), "-1,000");
        assert_eq!(period_label(2025.2, 1.0), "2025-03");
        assert_eq!(period_label(2025.2, 10.0), "2025");
        assert_eq!(value_label(2.5, false, 3.0), "2.5");
    }
}
