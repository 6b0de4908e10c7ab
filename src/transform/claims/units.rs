//! The unit a statement's measure must fit: the figure's own, or one it borrowed from a count
//! before it unless its own clause names what it counts.

use super::figure::Figure;
use super::lower_padded;

/// Is the unit figure `f` took from a count in another clause void? `own_unit[j]` says whether
/// mention `j` had a unit of its own before it borrowed any.
pub(super) fn borrowed_unit_void(f: &Figure, own_unit: &[bool]) -> bool {
    let (doc, mentions, i, m) = (f.doc, f.mentions, f.i, f.m());
    // A unit taken from a count in another clause is no unit of a figure whose own clause
    // names what it counts before it ("through 95 requests, the prison population rose from
    // 31,200"): the measure's unit replaces it.
    !own_unit[i] && m.kind == "count" && m.unit.is_some() && {
        // The words since the count it borrowed from (or its sentence's start), from the
        // first mark of a clause on: they must follow such a mark and name a quantity (in any
        // clause: "73,000 arrests, and the prison population, which stood at 31,750").
        let sentence_start = doc.sentences[m.sentence].0;
        let from =
            mentions[..i].iter().enumerate().rev().find(|(j, p)| own_unit[*j] && p.kind == "count").map_or(sentence_start, |(_, p)| p.end.max(sentence_start));
        let between = doc.slice(from, m.start);
        // A mark followed by a space ends a clause; one inside a number ("31,200") does not.
        // Without a mark, the words between name the figure's own quantity when they name one
        // ("25 facilities built for 58,600": the 58,600 are places for persons, no facilities).
        let after_mark = after_first_clause_mark(&between);
        let own_words = after_mark.or_else(|| (!between.contains([',', ';', ':'])).then_some(between.as_str()));
        own_words.is_some_and(|words| f.catalog.frames.names_a_quantity(f.language(), &lower_padded(words.to_string())))
    }
}

/// The text after the first mark that ends a clause in `between` (a comma, semicolon or colon
/// followed by a space; one inside a number, "31,200", ends none), if there is one.
fn after_first_clause_mark(between: &str) -> Option<&str> {
    between.match_indices([',', ';', ':']).find(|(k, _)| between[k + 1..].starts_with(' ')).map(|(k, _)| &between[k + 1..])
}

/// The figure's unit a measure must fit: a unit of the catalog's, unless it is a void borrowed one.
pub(super) fn known_unit<'a>(f: &Figure<'a>, borrowed_unit_void: bool) -> Option<&'a str> {
    f.m().unit.as_deref().filter(|u| f.catalog.known_units.contains(*u) && !borrowed_unit_void)
}

/// The unit a rate's own words give it ("homicides_per_100000_residents"): the extractor
/// builds it from the rate's nouns, so the catalog lists few of them, yet it is the figure's
/// own and may name what it counts (a quantity's `units` in schemas/frames.toml).
pub(super) fn rate_unit<'a>(f: &Figure<'a>) -> Option<&'a str> {
    let m = f.m();
    m.unit.as_deref().filter(|u| m.kind == "ratio" && u.contains("_per_"))
}
