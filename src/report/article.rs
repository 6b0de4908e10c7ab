//! One page per article: its text with every mention highlighted (one element carrying
//! `data-mention-id` per row of `mentions`), and a table of the same details for reading
//! without hovering, each statement linked to its derived figures and comparisons.

use std::ops::Range;
use std::path::Path;

use maud::{html, Markup};

use super::data::Data;
use super::page::{self, file_stem, measure_href};
use super::rows::Row;
use crate::error::{Error, Result};

/// The page of article `source` (a `sources` row), reading its text from `raw_dir`.
pub fn render(data: &Data, source: &Row, raw_dir: &Path) -> Result<Markup> {
    let source_id = source.str("source_id");
    let path = raw_dir.join(source.str("path"));
    let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
    let text = String::from_utf8(bytes).map_err(|e| Error::NotUtf8 { path: path.clone(), offset: e.utf8_error().valid_up_to() })?;
    let mentions = data.mentions_by_source.get(source_id).map(Vec::as_slice).unwrap_or_default();
    let spans = byte_spans(&text, mentions, &path)?;
    let tree = nest(&spans, 0..text.len());
    let title = source.text("title").unwrap_or(source_id);
    let body = html! {
        h1 { (title) }
        (citation(source))
        (legend())
        h2 { "Text" }
        div.article-text { (render_nodes(&text, &tree, mentions)) }
        h2 { "Figures in this article" }
        (details_table(data, mentions))
    };
    Ok(page::page(title, "../", body))
}

/// A mention's span in bytes of the text, with its position among the article's mentions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    start: usize,
    end: usize,
    mention: usize,
}

/// The mentions' code-point spans as byte spans, sorted so an enclosing span comes before what
/// it encloses. A span outside the text (the text changed since the tables were built) is an
/// error naming the file and the offsets.
fn byte_spans(text: &str, mentions: &[Row], path: &Path) -> Result<Vec<Span>> {
    let mut byte_at: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    byte_at.push(text.len());
    let chars = byte_at.len() - 1;
    let mut spans = Vec::with_capacity(mentions.len());
    for (i, m) in mentions.iter().enumerate() {
        let (start, end) = (m.int("start").unwrap_or(-1), m.int("end").unwrap_or(-1));
        if start < 0 || end < start || end as usize > chars {
            let message = format!("mention {} spans code points {start}-{end}, outside the text ({chars} code points)", m.str("mention_id"));
            return Err(Error::Report { path: path.to_path_buf(), message });
        }
        spans.push(Span { start: byte_at[start as usize], end: byte_at[end as usize], mention: i });
    }
    spans.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)).then(a.mention.cmp(&b.mention)));
    Ok(spans)
}

/// A piece of the highlighted text.
#[derive(Debug, PartialEq, Eq)]
enum Node {
    Text(Range<usize>),
    Mention(usize, Vec<Node>),
}

/// The text in `within` as plain runs and mentions, mentions nested where one encloses
/// another. A mention that starts inside another but ends after it is cut at the enclosing
/// one's end, so every mention still gets exactly one element.
fn nest(spans: &[Span], within: Range<usize>) -> Vec<Node> {
    let mut nodes = Vec::new();
    let mut pos = within.start;
    let mut i = 0;
    while i < spans.len() {
        let span = spans[i];
        let start = span.start.clamp(pos, within.end);
        let end = span.end.clamp(start, within.end);
        // The spans this one encloses follow it directly (sorted by start, longest first).
        let inner = spans[i + 1..].iter().take_while(|s| s.start < end).count();
        if start > pos {
            nodes.push(Node::Text(pos..start));
        }
        nodes.push(Node::Mention(span.mention, nest(&spans[i + 1..i + 1 + inner], start..end)));
        pos = end;
        i += 1 + inner;
    }
    if within.end > pos {
        nodes.push(Node::Text(pos..within.end));
    }
    nodes
}

fn render_nodes(text: &str, nodes: &[Node], mentions: &[Row]) -> Markup {
    html! {
        @for node in nodes {
            @match node {
                Node::Text(r) => (&text[r.clone()]),
                Node::Mention(i, inner) => (mark(&mentions[*i], render_nodes(text, inner, mentions))),
            }
        }
    }
}

/// The highlighted element of one mention: focusable, its details in the title (the script
/// turns them into a tooltip), coloured by kind, statements set apart, reviewed ones marked.
fn mark(m: &Row, inner: Markup) -> Markup {
    let review = m.str("review");
    let class = format!(
        "k-{}{}{}",
        m.str("kind"),
        if m.flag("is_statement") { " statement" } else { "" },
        if review == "unreviewed" { String::new() } else { format!(" reviewed review-{review}") }
    );
    html! {
        mark id={ "m-" (m.str("mention_id")) } class=(class) tabindex="0" data-mention-id=(m.str("mention_id")) title=(details_line(m)) { (inner) }
    }
}

/// Every detail of a mention on one line per field, for the title and tooltip.
fn details_line(m: &Row) -> String {
    let mut lines = vec![format!("kind: {}", m.str("kind"))];
    let mut push = |name: &str, value: String| {
        if !value.is_empty() {
            lines.push(format!("{name}: {value}"));
        }
    };
    push("value", m.shown("value"));
    push("bounds", bounds(m));
    push("qualifier", m.shown("qualifier"));
    push("unit", m.shown("unit"));
    push("measure", m.shown("measure"));
    push("as of", m.shown("as_of"));
    push("statement", if m.flag("is_statement") { "yes".into() } else { "no".into() });
    push("review", m.shown("review"));
    lines.join("\n")
}

/// `low–high`, `≥ low` or empty, from a mention's bounds.
fn bounds(m: &Row) -> String {
    match (m.text("low"), m.text("high")) {
        (Some(_), Some(_)) => format!("{}–{}", m.shown("low"), m.shown("high")),
        (Some(_), None) => format!("≥ {}", m.shown("low")),
        (None, Some(_)) => format!("≤ {}", m.shown("high")),
        (None, None) => String::new(),
    }
}

fn citation(source: &Row) -> Markup {
    html! {
        dl {
            dt { "Source id" } dd { code { (source.str("source_id")) } }
            @if let Some(p) = source.text("publisher") { dt { "Publisher" } dd { (p) } }
            @if let Some(a) = source.text("author") { dt { "Author" } dd { (a) } }
            @if source.date("published").is_some() { dt { "Published" } dd { (source.shown("published")) } }
            @if let Some(u) = source.text("url") { dt { "Address" } dd { a href=(u) { (u) } } }
            dt { "Figures" } dd { (source.shown("n_mentions")) " mentions, " (source.shown("n_statements")) " statements" }
        }
    }
}

fn legend() -> Markup {
    html! {
        p.legend {
            "Key: "
            mark.statement.k-count { "count" } mark.statement.k-percent { "percent" } mark.statement.k-money { "money" }
            mark.statement.k-date { "date" } mark.statement.k-duration { "duration or age" } mark.statement.k-other { "other" }
            " are statements (claims); " mark { "outlined" } " numbers are not; " mark.statement.k-count.reviewed { "reviewed" } " marks a reviewed figure."
            " Hover or focus a figure (Tab) for its details; the table below lists them all."
        }
    }
}

fn details_table(data: &Data, mentions: &[Row]) -> Markup {
    html! {
        table {
            thead { tr { th { "Figure" } th { "Kind" } th { "Value" } th { "Bounds" } th { "Qualifier" } th { "Unit" } th { "Measure" } th { "As of" } th { "Statement" } th { "Review" } th { "Derived and compared" } } }
            tbody {
                @for m in mentions {
                    tr id={ "row-" (m.str("mention_id")) } {
                        td { a href={ "#m-" (m.str("mention_id")) } { (m.str("surface")) } }
                        td { (m.str("kind")) }
                        td.num { (m.shown("value")) }
                        td { (bounds(m)) }
                        td { (m.str("qualifier")) }
                        td { (m.shown("unit")) }
                        td { @if let Some(measure) = m.text("measure") { a href={ "../" (measure_href(measure)) } { (measure) } } }
                        td { (m.shown("as_of")) }
                        td { @if m.flag("is_statement") { "yes" } @else { "no" } }
                        td { (m.str("review")) }
                        td { (links(data, m.str("mention_id"))) }
                    }
                }
            }
        }
    }
}

/// Links from a statement to the derived figures it enters or checks and the comparisons it
/// is part of.
fn links(data: &Data, statement_id: &str) -> Markup {
    let derived = data.derived_by_statement.get(statement_id).map(Vec::as_slice).unwrap_or_default();
    let compared = data.comparisons_by_statement.get(statement_id).map(Vec::as_slice).unwrap_or_default();
    html! {
        @for &i in derived {
            @let d = data.derived.get(i);
            @if let Some(d) = d {
                a href={ "../" (page::list_href("derived", i / page::PAGE_ROWS + 1)) "#d-" (i) } { (d.str("derived_id")) } " "
            }
        }
        @for (comparison_id, measure) in compared {
            a href={ "../measures/" (file_stem(measure)) ".html#c-" (comparison_id) } { "compared: " (comparison_id) } " "
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize, mention: usize) -> Span {
        Span { start, end, mention }
    }

    #[test]
    fn nested_mentions_nest_and_every_mention_gets_one_node() {
        let spans = vec![span(2, 10, 0), span(4, 6, 1), span(12, 14, 2)];
        let tree = nest(&spans, 0..20);
        assert_eq!(
            tree,
            vec![
                Node::Text(0..2),
                Node::Mention(0, vec![Node::Text(2..4), Node::Mention(1, vec![Node::Text(4..6)]), Node::Text(6..10)]),
                Node::Text(10..12),
                Node::Mention(2, vec![Node::Text(12..14)]),
                Node::Text(14..20),
            ]
        );
    }

    #[test]
    fn a_crossing_mention_is_cut_at_the_enclosing_end() {
        let tree = nest(&[span(0, 5, 0), span(3, 8, 1)], 0..8);
        assert_eq!(tree, vec![Node::Mention(0, vec![Node::Text(0..3), Node::Mention(1, vec![Node::Text(3..5)])]), Node::Text(5..8)]);
    }

    #[test]
    fn equal_and_empty_spans_still_get_a_node() {
        let tree = nest(&[span(1, 3, 0), span(1, 3, 1), span(5, 5, 2)], 0..6);
        assert_eq!(
            tree,
            vec![
                Node::Text(0..1),
                Node::Mention(0, vec![Node::Mention(1, vec![Node::Text(1..3)])]),
                Node::Text(3..5),
                Node::Mention(2, vec![]),
                Node::Text(5..6),
            ]
        );
    }
}
