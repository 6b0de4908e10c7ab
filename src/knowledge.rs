//! The knowledge files: lexicons, the measure catalog with its frames and the derivation catalog, embedded in
//! the binary or read from a folder laid out like `schemas/` (`--schemas DIR`), and the data
//! dictionary's sections that document them. Their prose is Markdown in schemas/doc/, with
//! `{{placeholders}}` for the catalog tables generated here.

use std::path::Path;

use crate::corpus::number_format::{self, Decision, NumberFormat, OutletFormats, EMBEDDED_NUMBER_FORMATS};
use crate::error::{Error, Result};
use crate::extract::{Lexicon, Lexicons};
use crate::load::DocSection;
use crate::transform::claims::{Catalog, EMBEDDED_MEASURES};
use crate::transform::derived::{self, DerivedCatalog, EMBEDDED_DERIVED};
use crate::transform::frames::{FrameBook, EMBEDDED_FRAMES};
use crate::transform::running_totals::{PeriodRules, EMBEDDED_PERIODS};
use crate::transform::statements::{APPROXIMATELY_TOLERANCE, JUST_UNDER_TOLERANCE};

/// How claims are read: the rules of as_of, intervals and is_statement.
const CLAIMS_DOC: &str = include_str!("../schemas/doc/claims.md");
/// The measure catalog's introduction; `{{measures}}` is its table.
const MEASURES_DOC: &str = include_str!("../schemas/doc/measures.md");
/// Measures of named persons; `{{person_attributes}}` is their table.
const PERSONS_DOC: &str = include_str!("../schemas/doc/person_attributes.md");
/// Derived figures and comparisons; `{{constants}}` are the named factors, `{{derived}}` the
/// catalog's table.
const DERIVED_DOC: &str = include_str!("../schemas/doc/derived.md");

/// The knowledge files: lexicons and the measure catalog, embedded in the binary or read
/// from a folder laid out like `schemas/` (`--schemas DIR`).
#[derive(Debug, Clone)]
pub struct Knowledge {
    pub lexicons: Lexicons,
    pub measures: Catalog,
    /// The derivation catalog (schemas/derived.toml).
    pub derived: DerivedCatalog,
    /// Outlets' number formats (schemas/number_formats.toml).
    pub number_formats: OutletFormats,
    /// The periods of running totals (schemas/periods.toml).
    pub periods: PeriodRules,
}

impl Knowledge {
    /// Load and check every knowledge file.
    pub fn load(schemas: Option<&Path>) -> Result<Knowledge> {
        let lexicons = load_lexicons(schemas)?;
        let units = known_units(&lexicons);
        let (file, text) = knowledge_file(schemas, "measures.toml", EMBEDDED_MEASURES)?;
        let measures = Catalog::parse(&file, &text, &units)?;
        let (frames_file, frames_text) = knowledge_file(schemas, "frames.toml", EMBEDDED_FRAMES)?;
        let measures = measures.set_frames(&file, FrameBook::parse(&frames_file, &frames_text)?)?;
        let (file, text) = knowledge_file(schemas, "derived.toml", EMBEDDED_DERIVED)?;
        let derived = DerivedCatalog::parse(&file, &text, &measures)?;
        let (file, text) = knowledge_file(schemas, "number_formats.toml", EMBEDDED_NUMBER_FORMATS)?;
        let number_formats = OutletFormats::parse(&file, &text)?;
        let (file, text) = knowledge_file(schemas, "periods.toml", EMBEDDED_PERIODS)?;
        let periods = PeriodRules::parse(&file, &text, &measures)?;
        Ok(Knowledge { lexicons, measures, derived, number_formats, periods })
    }
}

/// A knowledge file's name (for errors) and text: `<schemas>/<name>` when a folder is given,
/// else the copy embedded in the binary.
pub(crate) fn knowledge_file(schemas: Option<&Path>, name: &str, embedded: &str) -> Result<(String, String)> {
    match schemas {
        Some(dir) => {
            let path = dir.join(name);
            let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
            Ok((path.display().to_string(), text))
        }
        None => Ok((format!("schemas/{name} (embedded)"), embedded.to_string())),
    }
}

/// Every unit the extractor can give a mention, from the lexicons.
pub fn known_units(lexicons: &Lexicons) -> Vec<String> {
    let mut units: Vec<String> = vec!["USD".into(), "percent".into(), "fraction".into(), "occasions".into(), "clock_time".into()];
    for lex in lexicons.by_language.values() {
        units.extend(lex.units.keys().cloned());
        units.extend(lex.durations.values().cloned());
        units.extend(lex.measures_units.values().map(|m| m.unit.clone()));
    }
    units.sort();
    units.dedup();
    units
}

/// Load the lexicons: from `<schemas>/lexicon/` when given, else the embedded ones.
pub fn load_lexicons(schemas: Option<&Path>) -> Result<Lexicons> {
    match schemas {
        Some(dir) => Lexicons::from_dir(&dir.join("lexicon")),
        None => Lexicons::embedded(),
    }
}

/// The dictionary sections that document the knowledge files.
pub fn doc_sections(knowledge: &Knowledge) -> Vec<DocSection> {
    let rules = fill(CLAIMS_DOC, &[("approximately", APPROXIMATELY_TOLERANCE.to_string()), ("just_under", JUST_UNDER_TOLERANCE.to_string())]);
    vec![
        DocSection { title: "How claims are read".into(), body_markdown: rules },
        DocSection { title: "Measure catalog".into(), body_markdown: measures_doc(&knowledge.measures) },
        DocSection { title: "Derived figures and comparisons".into(), body_markdown: derived_doc(&knowledge.derived) },
    ]
}

/// The section on schemas/measures.toml: its rules and one table row per measure.
fn measures_doc(catalog: &Catalog) -> String {
    let rows: String = catalog
        .measures
        .iter()
        .map(|m| {
            let yes = |b: bool| if b { "yes" } else { "" };
            format!("| `{}` | {} | {} | {} | {} | {} | {} |\n", m.id, m.title, m.unit, m.kinds.join(", "), yes(m.cumulative), yes(m.is_timeless()), m.description)
        })
        .collect();
    let mut doc = fill(MEASURES_DOC, &[("measures", rows)]);
    if !catalog.person_attributes.is_empty() {
        let rows: String = catalog
            .person_attributes
            .iter()
            .map(|p| format!("| `{}_<name>` | {} | {} | {} | {} |\n", p.prefix, p.title, p.unit, p.kinds.join(", "), p.description))
            .collect();
        doc.push_str(&fill(PERSONS_DOC, &[("person_attributes", rows)]));
    }
    doc
}

/// The section on schemas/derived.toml and the comparison verdicts.
fn derived_doc(catalog: &DerivedCatalog) -> String {
    let constants: Vec<String> = derived::CONSTANTS.iter().map(|(n, v, d)| format!("`{n}` = {v} ({d})")).collect();
    let rows: String = catalog
        .entries
        .iter()
        .map(|d| {
            let s = &d.spec;
            let pending = if d.unknown_measures.is_empty() { String::new() } else { format!(" (waits for {})", d.unknown_measures.join(", ")) };
            let check = s.check.as_deref().map(|c| format!("`{c}`")).unwrap_or_default();
            format!("| `{}` | `{}` | {} | {} | {}{} |\n", s.id, s.formula, s.unit, check, s.description, pending)
        })
        .collect();
    fill(DERIVED_DOC, &[("constants", constants.join(", ")), ("cap", catalog.max_figures.to_string()), ("derived", rows)])
}

/// A prose template with each `{{name}}` replaced by its value.
fn fill(template: &str, values: &[(&str, String)]) -> String {
    values.iter().fold(template.to_string(), |text, (name, value)| text.replace(&format!("{{{{{name}}}}}"), value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_placeholder_of_the_prose_is_filled() {
        let knowledge = Knowledge::load(None).unwrap();
        for section in doc_sections(&knowledge) {
            assert!(!section.body_markdown.contains("{{"), "{}: {}", section.title, section.body_markdown);
        }
    }
}

/// How an article writes its numbers, decided as the build decides it (manifest, the article's
/// own numbers, the outlet, the language): what `build` reads it in and `add` reports.
pub fn decide_number_format(
    knowledge: &Knowledge,
    lexicon: &Lexicon,
    manifest: Option<NumberFormat>,
    text: &str,
    url: Option<&str>,
    publisher: Option<&str>,
) -> Decision {
    let default = NumberFormat::with_decimal_mark(lexicon.decimal_mark);
    let is_scale = |w: &str| lexicon.scales.contains_key(w);
    let article = number_format::Article { text, url, publisher, is_scale: &is_scale };
    number_format::decide(manifest, article, &knowledge.number_formats, default)
}
