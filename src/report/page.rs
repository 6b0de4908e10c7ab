//! The frame every report page shares: head, inlined style and script, navigation, and the
//! small pieces several pages use (file names, pagers, verdict badges, source chips).

use maud::{html, Markup, DOCTYPE};

use super::colours::SourceColours;

/// The style and script every page links to, written once as `report/assets/` beside the
/// pages: relative links, so the report opens from the file system with no network.
pub const ASSETS: &[(&str, &str)] = &[("report.css", include_str!("assets/report.css")), ("report.js", include_str!("assets/report.js"))];

/// Rows per page of a paged list (articles, derived figures), which keeps every page small at
/// any corpus size.
pub const PAGE_ROWS: usize = 100;

/// A whole HTML page. `root` is the relative path from the page to the report folder
/// (`""` or `"../"`).
pub fn page(title: &str, root: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · cecot-data report" }
                link rel="stylesheet" href={ (root) "assets/report.css" };
            }
            body {
                header { nav { a href={ (root) "index.html" } { "cecot-data report" } } }
                main { (body) }
                script src={ (root) "assets/report.js" } {}
            }
        }
    }
}

/// A search box that filters the page's `[data-filter-item]` elements; hidden until the
/// script shows it, as it does nothing without script.
pub fn filter_box(label: &str) -> Markup {
    html! {
        div.filter data-filter-box hidden {
            label { (label) " " input type="search" placeholder="type to filter"; }
        }
    }
}

/// An id made safe as a file name: letters, digits, `-`, `_` and `.` are kept, anything else
/// becomes `_` (ids are file stems and snake_case already; this guards the odd one).
pub fn file_stem(id: &str) -> String {
    let stem: String = id.chars().map(|c| if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '_' }).collect();
    if stem.is_empty() || stem.starts_with('.') {
        format!("_{stem}")
    } else {
        stem
    }
}

/// Where an article's page is, from the report folder.
pub fn article_href(source_id: &str) -> String {
    format!("articles/{}.html", file_stem(source_id))
}

/// Where a measure's page is, from the report folder.
pub fn measure_href(measure: &str) -> String {
    measure_page_href(measure, 1)
}

/// Where page `n` (from 1) of a measure's claims is, from the report folder.
pub fn measure_page_href(measure: &str, n: usize) -> String {
    match n {
        1 => format!("measures/{}.html", file_stem(measure)),
        n => format!("measures/{}-page-{n}.html", file_stem(measure)),
    }
}

/// Where a measure's chart is, from the report folder.
pub fn chart_href(measure: &str) -> String {
    format!("../charts/{}.svg", file_stem(measure))
}

/// The file of page `n` (from 1) of a paged list named `list`, from the report folder.
pub fn list_href(list: &str, n: usize) -> String {
    format!("lists/{list}-{n}.html")
}

/// Links to every page of a paged list, the current one in bold.
pub fn pager(list: &str, pages: usize, current: Option<usize>, root: &str) -> Markup {
    page_links(pages, current, |n| format!("{root}{}", list_href(list, n)))
}

/// Links to pages 1 to `pages`, each at `href(n)`, the current one in bold.
pub fn page_links(pages: usize, current: Option<usize>, href: impl Fn(usize) -> String) -> Markup {
    html! {
        @if pages > 1 {
            nav.pager aria-label="pages" {
                "Pages: "
                @for n in 1..=pages {
                    @if Some(n) == current { strong aria-current="page" { (n) } } @else { a href=(href(n)) { (n) } }
                }
            }
        }
    }
}

/// A comparison verdict as a badge.
pub fn verdict_badge(verdict: &str) -> Markup {
    html! { span class={ "verdict verdict-" (verdict) } { (verdict.replace('_', " ")) } }
}

/// A source's colour chip and its name.
pub fn source_chip(colours: &SourceColours, source_id: &str, label: &str) -> Markup {
    html! { span.chip style={ "background:" (colours.hex(source_id)) } aria-hidden="true" {} (label) }
}

/// A number for reading: at most two decimals (the tables keep every digit).
pub fn short_number(x: f64) -> String {
    let s = format!("{x:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Number of pages a list of `rows` rows takes (at least one).
pub fn page_count(rows: usize) -> usize {
    rows.div_ceil(PAGE_ROWS).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_stems_are_safe() {
        assert_eq!(file_stem("000_abc"), "000_abc");
        assert_eq!(file_stem("../x y"), "_.._x_y");
        assert_eq!(file_stem(""), "_");
    }

    #[test]
    fn numbers_read_short() {
        assert_eq!(short_number(59.4450801766), "59.45");
        assert_eq!(short_number(10.0), "10");
    }

    #[test]
    fn text_is_escaped() {
        let html = page("a <b> & c", "", html! { p { ("<script>") } }).into_string();
        assert!(html.contains("a &lt;b&gt; &amp; c"));
        assert!(html.contains("&lt;script&gt;"));
    }
}
