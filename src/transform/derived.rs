//! Derived figures: the formulas of schemas/derived.toml evaluated on the statements.
//!
//! A formula is arithmetic over measure references (`es_prison_population[2024] /
//! es_prison_capacity * PERCENT`), parsed and evaluated by the `exmex` crate. This module only
//! finds the references, binds each to the figures it picks, and writes one row per
//! combination of input figures, naming every statement that states them. A figure repeated by
//! many articles is one input ([`super::figures`]), so the rows grow with the corpus, not with
//! a power of it: an entry of scope `article` combines the figures of one article at a time
//! (rows at most proportional to the articles), one of scope `sources` combines the distinct
//! figures of the whole corpus, at most `max_figures_per_reference` of them per reference (the
//! most-cited; the build summary says when others were left out). A figure from an article never appears in a
//! formula: literal numbers other than 0 and 1 are rejected, conversion factors have names
//! ([`CONSTANTS`]), and an assumption (a date read from vague wording) is declared in the entry
//! with its reason, which the row's note repeats.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::OnceLock;

use rayon::prelude::*;

use exmex::prelude::*;
use exmex::{FloatOpsFactory, MakeOperators, Operator};
use regex::Regex;
use serde::Deserialize;

use crate::error::{Error, Result};
use crate::load::rows::DerivedRow;
use crate::load::Table;

use super::claims::Catalog as MeasureCatalog;
use super::figures::{self, Figure};
use super::inputs::{date_of_day, day_number, seconds_per_unit, unit_factor, Claim};

/// The derivation catalog embedded in the binary.
pub const EMBEDDED_DERIVED: &str = include_str!("../../schemas/derived.toml");

/// The named constants a formula may use: unit conversions, never figures from an article.
pub const CONSTANTS: &[(&str, f64, &str)] = &[
    ("PERCENT", 100.0, "a ratio times PERCENT is a percentage"),
    ("HOURS_PER_DAY", 24.0, "hours in a day"),
    ("MINUTES_PER_HOUR", 60.0, "minutes in an hour"),
    ("SECONDS_PER_MINUTE", 60.0, "seconds in a minute"),
    ("DAYS_PER_WEEK", 7.0, "days in a week"),
    ("DAYS_PER_YEAR", 365.0, "days in a year"),
    ("MONTHS_PER_YEAR", 12.0, "months in a year"),
];

/// Functions a formula may call besides exmex's defaults (`sqrt`, `ln`, `abs`, …).
pub const FUNCTIONS: &[(&str, &str)] = &[("year", "the calendar year of a date (a date enters a formula as a day number)")];

/// exmex's float operators plus [`CONSTANTS`] and `year`.
#[derive(Clone, Debug)]
struct FormulaOps;

impl MakeOperators<f64> for FormulaOps {
    fn make<'a>() -> Vec<Operator<'a, f64>> {
        let mut ops = FloatOpsFactory::<f64>::make();
        for (name, value, _) in CONSTANTS {
            ops.push(Operator::make_constant(name, *value));
        }
        ops.push(Operator::make_unary("year", year_of_day));
        ops
    }
}

fn year_of_day(days: f64) -> f64 {
    use chrono::Datelike;
    date_of_day(days).map_or(f64::NAN, |d| d.year() as f64)
}

type Formula = FlatEx<f64, FormulaOps>;

/// One entry of schemas/derived.toml, as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DerivedSpec {
    pub id: String,
    pub description: String,
    /// Arithmetic over measure references, named constants and assumptions.
    pub formula: String,
    /// Unit of the computed figure.
    pub unit: String,
    /// A reference to the stated figure the computed one is checked against.
    #[serde(default)]
    pub check: Option<String>,
    /// Time unit to convert the statements of a duration measure into, by measure id.
    #[serde(default)]
    pub units: BTreeMap<String, String>,
    /// References (as written in the formula) whose statements must come from one source.
    #[serde(default)]
    pub same_source: Vec<String>,
    /// References whose statements must describe the same period (equal as_of).
    #[serde(default)]
    pub same_as_of: Vec<String>,
    /// References whose statements must come from different sources.
    #[serde(default)]
    pub distinct_sources: Vec<String>,
    /// References whose statements' periods must end in this order, earliest first.
    #[serde(default)]
    pub chronological: Vec<String>,
    /// `max` or `min`: keep only the combination with the largest (smallest) value.
    #[serde(default)]
    pub select: Option<String>,
    /// Named dates the formula assumes, each with its reason.
    #[serde(default)]
    pub assume: BTreeMap<String, Assumption>,
    /// The entry refers to measures not yet in the measure catalog.
    #[serde(default)]
    pub pending: bool,
    /// Remark written into every row's note.
    #[serde(default)]
    pub note: Option<String>,
    /// `article` (every input from one article) or `sources` (inputs from any sources);
    /// by default `article` when `same_source` names every reference, else `sources`.
    #[serde(default)]
    pub scope: Option<String>,
}

/// Where an entry's inputs may come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// One article at a time: its own arithmetic.
    Article,
    /// The distinct figures of the whole corpus.
    Sources,
}

/// A value the formula assumes because the text does not state it precisely: a date only
/// (a number would be a figure from an article and belongs in a statement).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assumption {
    /// ISO 8601 `YYYY-MM-DD`.
    pub date: String,
    pub why: String,
}

/// A measure reference: `measure[as_of]@source_id#tag`, every part after the id optional.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// As written in the formula.
    pub text: String,
    pub measure: String,
    /// Picks statements whose period ends within this one.
    pub as_of: Option<String>,
    /// Picks statements of this source.
    pub source: Option<String>,
    /// Tells two references to one measure apart (`x#a / x#b`).
    pub tag: Option<String>,
}

/// A checked catalog entry, ready to evaluate.
#[derive(Debug, Clone)]
pub struct Derivation {
    pub spec: DerivedSpec,
    /// Measure references in order of first appearance.
    pub refs: Vec<Reference>,
    pub check: Option<Reference>,
    /// Measure ids the entry uses that the measure catalog does not have (pending entries).
    pub unknown_measures: Vec<String>,
    pub scope: Scope,
    /// The assumed dates, parsed.
    assumed: BTreeMap<String, chrono::NaiveDate>,
    /// The formula with each reference and assumption replaced by an exmex variable.
    rewritten: String,
}

/// The derivation catalog.
#[derive(Debug, Clone)]
pub struct DerivedCatalog {
    pub entries: Vec<Derivation>,
    /// The most distinct figures a reference combines (the most-cited are kept).
    pub max_figures: usize,
}

/// The cap on distinct figures per reference when the catalog does not set one.
pub const DEFAULT_MAX_FIGURES: usize = 12;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
    #[serde(default)]
    max_figures_per_reference: Option<usize>,
    #[serde(rename = "derived", default)]
    derived: Vec<DerivedSpec>,
}

fn reference_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\b([a-z][a-z0-9_]*)(?:\[([^\]]*)\])?(?:@([A-Za-z0-9_]+))?(?:#([a-z0-9_]+))?").expect("valid regex"))
}

fn literal_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(?:^|[^A-Za-z0-9_.{])(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+)").expect("valid regex"))
}

/// Parse one reference (`measure[as_of]@source#tag`), or None when `text` is not exactly one.
pub fn parse_reference(text: &str) -> Option<Reference> {
    let text = text.trim();
    let c = reference_pattern().captures(text)?;
    if c.get(0)?.as_str() != text {
        return None;
    }
    Some(Reference {
        text: text.to_string(),
        measure: c[1].to_string(),
        as_of: c.get(2).map(|m| m.as_str().to_string()),
        source: c.get(3).map(|m| m.as_str().to_string()),
        tag: c.get(4).map(|m| m.as_str().to_string()),
    })
}

impl DerivedCatalog {
    /// Parse and check a catalog against the measure catalog; `file` names it in errors.
    pub fn parse(file: &str, text: &str, measures: &MeasureCatalog) -> Result<DerivedCatalog> {
        let parsed: CatalogFile = toml::from_str(text).map_err(|e| Error::Knowledge { file: file.to_string(), message: e.to_string() })?;
        let mut seen = BTreeSet::new();
        let mut entries = Vec::new();
        for spec in parsed.derived {
            let id = spec.id.clone();
            let fail = |message: String| Error::Knowledge { file: file.to_string(), message: format!("derived {id}: {message}") };
            if !seen.insert(spec.id.clone()) {
                return Err(fail("the id appears twice; ids must be unique".into()));
            }
            entries.push(Derivation::check(spec, measures).map_err(fail)?);
        }
        let max_figures = parsed.max_figures_per_reference.unwrap_or(DEFAULT_MAX_FIGURES);
        if max_figures == 0 {
            return Err(Error::Knowledge { file: file.to_string(), message: "max_figures_per_reference is 0; a reference needs at least one figure".into() });
        }
        Ok(DerivedCatalog { entries, max_figures })
    }
}

impl Derivation {
    fn check(spec: DerivedSpec, measures: &MeasureCatalog) -> std::result::Result<Derivation, String> {
        if spec.id.is_empty() || !spec.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
            return Err("the id must be snake_case".into());
        }
        if spec.description.trim().is_empty() || spec.unit.trim().is_empty() {
            return Err("description and unit must not be empty".into());
        }
        let function_names: BTreeSet<String> = FormulaOps::make().iter().map(|o| o.repr().to_string()).collect();
        let mut assumed = BTreeMap::new();
        for (name, a) in &spec.assume {
            let date = chrono::NaiveDate::parse_from_str(&a.date, "%Y-%m-%d")
                .map_err(|_| format!("assumption {name}: {:?} is not a date YYYY-MM-DD (an assumption is a date; a number belongs in a statement)", a.date))?;
            assumed.insert(name.clone(), date);
            if !name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') || measures.get(name).is_some() {
                return Err(format!("assumption {name:?} must be snake_case and must not be a measure id"));
            }
        }
        // Find the references and replace each (and each assumption) by an exmex variable.
        let mut refs: Vec<Reference> = Vec::new();
        let mut rewritten = String::new();
        let mut last = 0;
        for c in reference_pattern().captures_iter(&spec.formula) {
            let whole = c.get(0).expect("match");
            let name = &c[1];
            let plain = whole.as_str() == name;
            let var = if plain && spec.assume.contains_key(name) {
                format!("{{a:{name}}}")
            } else if plain && function_names.contains(name) {
                continue;
            } else {
                let r = parse_reference(whole.as_str()).expect("matched reference");
                let i = refs.iter().position(|x| x.text == r.text).unwrap_or_else(|| {
                    refs.push(r);
                    refs.len() - 1
                });
                format!("{{r{i}}}")
            };
            rewritten.push_str(&spec.formula[last..whole.start()]);
            rewritten.push_str(&var);
            last = whole.end();
        }
        rewritten.push_str(&spec.formula[last..]);
        for m in literal_pattern().captures_iter(&rewritten) {
            let lit = &m[1];
            if !matches!(lit.parse::<f64>(), Ok(x) if x == 0.0 || x == 1.0) {
                return Err(format!(
                    "the formula {:?} holds the literal number {lit}; formulas hold measure ids, the named constants {} and the \
                     literals 0 and 1 only: a figure from an article belongs in a statement, a conversion factor has a name",
                    spec.formula,
                    CONSTANTS.iter().map(|c| c.0).collect::<Vec<_>>().join(", ")
                ));
            }
        }
        if refs.is_empty() {
            return Err(format!("the formula {:?} refers to no measure; a derived figure is computed from statements", spec.formula));
        }
        let expr = Formula::parse(&rewritten).map_err(|e| format!("the formula {:?} does not parse: {e}", spec.formula))?;
        for v in expr.var_names() {
            let v = v.trim_matches(|c| c == '{' || c == '}');
            if !(v.starts_with('r') && v[1..].parse::<usize>().is_ok() || v.starts_with("a:")) {
                return Err(format!(
                    "the formula {:?} uses the unknown name {v:?}; names are measure ids (snake_case), assumptions, functions or the constants {}",
                    spec.formula,
                    CONSTANTS.iter().map(|c| c.0).collect::<Vec<_>>().join(", ")
                ));
            }
        }
        let check = match &spec.check {
            Some(text) => Some(parse_reference(text).ok_or_else(|| format!("check {text:?} is not one measure reference"))?),
            None => None,
        };
        let mut unknown_measures = Vec::new();
        for r in refs.iter().chain(check.iter()) {
            if measures.get(&r.measure).is_none() {
                if !spec.pending {
                    return Err(format!(
                        "unknown measure id {:?} (not in schemas/measures.toml); fix the id, add the measure to the catalog, or mark the entry \
                         `pending = true` while the measure waits to be catalogued",
                        r.measure
                    ));
                }
                if !unknown_measures.contains(&r.measure) {
                    unknown_measures.push(r.measure.clone());
                }
            }
            if let Some(a) = &r.as_of {
                if super::as_of::as_of_bounds(a).is_none() {
                    return Err(format!("reference {:?}: as_of selector {a:?} is not a period (`2024`, `2025-03`, `2020/2024`)", r.text));
                }
            }
        }
        for (field, list) in [
            ("same_source", &spec.same_source),
            ("same_as_of", &spec.same_as_of),
            ("distinct_sources", &spec.distinct_sources),
            ("chronological", &spec.chronological),
        ] {
            for r in list {
                if !refs.iter().any(|x| &x.text == r) {
                    return Err(format!("{field} names {r:?}, which is not a reference of the formula"));
                }
            }
        }
        for (measure, unit) in &spec.units {
            if seconds_per_unit(unit).is_none() {
                return Err(format!("units: {unit:?} for {measure} is not a time unit (seconds, minutes, hours, days, weeks, months, years)"));
            }
            if !refs.iter().chain(check.iter()).any(|r| &r.measure == measure) {
                return Err(format!("units names {measure:?}, which the formula does not use"));
            }
        }
        if let Some(s) = &spec.select {
            if s != "max" && s != "min" {
                return Err(format!("select is {s:?}; use `max` or `min`"));
            }
        }
        let scope = match spec.scope.as_deref() {
            Some("article") => Scope::Article,
            Some("sources") => Scope::Sources,
            Some(other) => return Err(format!("scope is {other:?}; use `article` or `sources`")),
            None if refs.iter().all(|r| spec.same_source.contains(&r.text)) => Scope::Article,
            None => Scope::Sources,
        };
        Ok(Derivation { spec, refs, check, unknown_measures, scope, assumed, rewritten })
    }

    fn formula(&self) -> Formula {
        Formula::parse(&self.rewritten).expect("checked when the catalog was loaded")
    }
}

/// The derived table and the build-summary lines of the formulas that yielded no row.
#[derive(Debug, Clone)]
pub struct Derived {
    pub rows: Vec<DerivedRow>,
    /// One line per entry (or reference) that produced nothing, saying why.
    pub missing: Vec<String>,
    /// One line per reference that had more distinct figures than the catalog's cap, saying
    /// how many were left out.
    pub capped: Vec<String>,
}

/// One evaluated combination of figures.
struct Row<'f> {
    inputs: Vec<&'f Figure<'f>>,
    values: Vec<f64>,
    value: f64,
    suffix: &'static str,
}

/// The figures a check can be read against: those of the scope's own article first (empty
/// across sources), then the corpus's.
struct CheckPool<'f> {
    own: Vec<&'f Figure<'f>>,
    corpus: &'f [&'f Figure<'f>],
    /// Across sources: prefer a corpus figure stated by a source of the inputs.
    prefer_input_sources: bool,
}

/// Evaluate every entry of the catalog on the claims: entries of scope `article` within each
/// article, the others over the distinct figures of the whole corpus.
pub fn derive(catalog: &DerivedCatalog, claims: &[Claim], measures: &MeasureCatalog) -> Derived {
    let corpus = figures::group(claims);
    let mut by_source: BTreeMap<&str, Vec<&Claim>> = BTreeMap::new();
    for c in claims {
        by_source.entry(c.source_id.as_str()).or_default().push(c);
    }
    let articles: Vec<Vec<Figure>> = by_source.into_values().map(figures::group).collect();
    let cap = catalog.max_figures;
    let mut rows: Vec<DerivedRow> = Vec::new();
    let (mut missing, mut capped) = (Vec::new(), Vec::new());
    for d in &catalog.entries {
        if !d.unknown_measures.is_empty() {
            missing.push(format!("{}: waits for measure {} (not in schemas/measures.toml)", d.spec.id, d.unknown_measures.join(", ")));
            continue;
        }
        let unit_of = |measure: &str| -> Option<String> {
            d.spec.units.get(measure).cloned().or_else(|| measures.get(measure).map(|m| m.unit.clone()).filter(|u| seconds_per_unit(u).is_some()))
        };
        let units: Vec<Option<String>> = d.refs.iter().map(|r| unit_of(&r.measure)).collect();
        let corpus_candidates = candidates(d, &corpus, &units);
        let absent: Vec<&Reference> = d.refs.iter().zip(&corpus_candidates).filter(|(_, c)| c.is_empty()).map(|(r, _)| r).collect();
        if !absent.is_empty() {
            missing.extend(absent.iter().map(|r| format!("{}: no statement with a number for {}", d.spec.id, r.text)));
            continue;
        }
        let mut check_pool = check_figures(d, &corpus);
        if check_pool.len() > cap {
            capped.push(format!("{}: check {} has {} distinct figures; the {cap} most-cited are checked against", d.spec.id, check_text(d), check_pool.len()));
            figures::keep_most_cited(&mut check_pool, cap, |f| f.citations());
        }
        let formula = d.formula();
        let before = rows.len();
        match d.scope {
            Scope::Sources => {
                let mut cands = corpus_candidates;
                for (r, c) in d.refs.iter().zip(cands.iter_mut()) {
                    let n = figures::keep_most_cited(c, cap, |f| f.citations());
                    if n > cap {
                        capped.push(format!("{}: {} has {n} distinct figures; the {cap} most-cited are combined", d.spec.id, r.text));
                    }
                }
                let pool = CheckPool { own: Vec::new(), corpus: &check_pool, prefer_input_sources: true };
                rows.extend(combine(d, &formula, &cands, &units).iter().map(|row| render(d, row, &pool)));
            }
            Scope::Article => {
                // Each article's rows on the build's pool, gathered in article order.
                let per_article: Vec<(Vec<DerivedRow>, Vec<&str>)> = articles
                    .par_iter()
                    .map(|article| {
                        let mut cands = candidates(d, article, &units);
                        if cands.iter().any(Vec::is_empty) {
                            return (Vec::new(), Vec::new());
                        }
                        let mut over: Vec<&str> = Vec::new();
                        for (r, c) in d.refs.iter().zip(cands.iter_mut()) {
                            if figures::keep_most_cited(c, cap, |f| f.citations()) > cap {
                                over.push(r.text.as_str());
                            }
                        }
                        let pool = CheckPool { own: check_figures(d, article), corpus: &check_pool, prefer_input_sources: false };
                        (combine(d, &formula, &cands, &units).iter().map(|row| render(d, row, &pool)).collect(), over)
                    })
                    .collect();
                let mut over_cap: BTreeMap<&str, usize> = BTreeMap::new();
                for (article_rows, over) in per_article {
                    rows.extend(article_rows);
                    over.into_iter().for_each(|r| *over_cap.entry(r).or_default() += 1);
                }
                for (r, n) in over_cap {
                    capped
                        .push(format!("{}: {r} has more than {cap} distinct figures in {n} article(s); the {cap} most-cited of each are combined", d.spec.id));
                }
            }
        }
        if rows.len() == before {
            missing.push(format!("{}: no combination of statements satisfies the entry's constraints or gives a finite value", d.spec.id));
        }
    }
    rows.par_sort_by(|a, b| (&a.derived_id, &a.inputs).cmp(&(&b.derived_id, &b.inputs))); // stable, as sort_by
    Derived { rows, missing, capped }
}

impl Derived {
    /// The rows as the derived table.
    pub fn table(&self) -> Table {
        crate::load::rows::rows_table(self.rows.iter().cloned())
    }
}

fn check_text(d: &Derivation) -> &str {
    d.check.as_ref().map_or("", |r| r.text.as_str())
}

/// The figures each reference picks that have a number a formula can take.
fn candidates<'f>(d: &Derivation, figures: &'f [Figure<'f>], units: &[Option<String>]) -> Vec<Vec<&'f Figure<'f>>> {
    d.refs.iter().zip(units).map(|(r, unit)| figures.iter().filter(|f| picks(r, f.claim) && !f.claim.points(unit.as_deref()).is_empty()).collect()).collect()
}

/// The figures of the entry's check reference that state a number (dates aside).
fn check_figures<'f>(d: &Derivation, figures: &'f [Figure<'f>]) -> Vec<&'f Figure<'f>> {
    let Some(r) = &d.check else { return Vec::new() };
    figures.iter().filter(|f| picks(r, f.claim) && f.claim.date.is_none() && f.claim.interval().is_some()).collect()
}

/// The rows of one scope: every combination of one figure per reference that meets the
/// entry's constraints, at both ends of its range inputs, or the one `select` picks.
fn combine<'f>(d: &Derivation, formula: &Formula, candidates: &[Vec<&'f Figure<'f>>], units: &[Option<String>]) -> Vec<Row<'f>> {
    let mut produced: Vec<Row> = Vec::new();
    for combo in product(candidates) {
        if !constraints_hold(d, &combo) {
            continue;
        }
        let points: Vec<Vec<f64>> = combo.iter().zip(units).map(|(f, unit)| f.claim.points(unit.as_deref())).collect();
        let mut evaluated: Vec<(Vec<f64>, f64)> = Vec::new();
        for values in product(&points) {
            if let Some(v) = evaluate(d, formula, &values) {
                evaluated.push((values, v));
            }
        }
        if evaluated.is_empty() {
            continue;
        }
        let is_range = points.iter().any(|p| p.len() > 1);
        let min = evaluated.iter().min_by(|a, b| a.1.total_cmp(&b.1)).expect("non-empty").clone();
        let max = evaluated.iter().max_by(|a, b| a.1.total_cmp(&b.1)).expect("non-empty").clone();
        if d.spec.select.is_some() || !is_range {
            let keep = if d.spec.select.as_deref() == Some("min") { min } else { max };
            produced.push(Row { inputs: combo.clone(), values: keep.0, value: keep.1, suffix: "" });
        } else {
            produced.push(Row { inputs: combo.clone(), values: min.0, value: min.1, suffix: "_min" });
            produced.push(Row { inputs: combo, values: max.0, value: max.1, suffix: "_max" });
        }
    }
    match d.spec.select.as_deref() {
        Some("min") => produced.into_iter().min_by(|a, b| a.value.total_cmp(&b.value)).into_iter().collect(),
        Some(_) => produced.into_iter().max_by(|a, b| a.value.total_cmp(&b.value)).into_iter().collect(),
        None => produced,
    }
}

/// Does the reference pick this claim?
fn picks(r: &Reference, c: &Claim) -> bool {
    c.measure == r.measure && r.source.as_ref().is_none_or(|s| &c.source_id == s) && r.as_of.as_ref().is_none_or(|a| c.ends_within(a))
}

fn constraints_hold(d: &Derivation, combo: &[&Figure]) -> bool {
    for (i, a) in combo.iter().enumerate() {
        if combo[..i].iter().any(|b| std::ptr::eq(*a, *b)) {
            return false; // one figure (and so one statement) cannot be two inputs
        }
    }
    let of = |text: &String| -> &Figure {
        let i = d.refs.iter().position(|r| &r.text == text).expect("checked");
        combo[i]
    };
    if !d.spec.same_source.is_empty() && !share_a_source(&d.spec.same_source.iter().map(of).collect::<Vec<_>>()) {
        return false;
    }
    if !d.spec.same_as_of.is_empty() {
        let periods: Vec<Option<&str>> = d.spec.same_as_of.iter().map(|t| of(t).claim.as_of.as_deref()).collect();
        if !(periods.windows(2).all(|w| w[0] == w[1]) && periods.iter().all(Option::is_some)) {
            return false;
        }
    }
    if !distinct_representatives(&d.spec.distinct_sources.iter().map(|t| &of(t).sources).collect::<Vec<_>>(), &mut Vec::new()) {
        return false;
    }
    let ends: Vec<_> = d.spec.chronological.iter().map(|t| of(t).claim.as_of_end).collect();
    if ends.iter().any(Option::is_none) || !ends.windows(2).all(|w| w[0] < w[1]) {
        return false;
    }
    true
}

/// Is one source among the statements of every figure?
fn share_a_source(figures: &[&Figure]) -> bool {
    let Some((smallest, _)) = figures.iter().enumerate().min_by_key(|(_, f)| f.sources.len()) else { return true };
    figures[smallest].sources.iter().any(|s| figures.iter().all(|f| f.stated_by(s)))
}

/// Can each set give a different source (a statement of each figure from a source of its
/// own)? A small backtracking search: the lists have a few figures.
fn distinct_representatives<'s>(sets: &[&'s BTreeSet<&'s str>], used: &mut Vec<&'s str>) -> bool {
    let Some((first, rest)) = sets.split_first() else { return true };
    for s in first.iter() {
        if used.contains(s) {
            continue;
        }
        used.push(s);
        let found = distinct_representatives(rest, used);
        used.pop();
        if found {
            return true;
        }
    }
    false
}

/// Evaluate the formula with the values of the references (in reference order); None for a
/// result that is not a finite number (a division by zero).
fn evaluate(d: &Derivation, formula: &Formula, values: &[f64]) -> Option<f64> {
    let args: Vec<f64> = formula
        .var_names()
        .iter()
        .map(|v| {
            let v = v.trim_matches(|c| c == '{' || c == '}');
            match v.strip_prefix("a:") {
                Some(name) => day_number(d.assumed[name]),
                None => values[v[1..].parse::<usize>().expect("checked")],
            }
        })
        .collect();
    formula.eval(&args).ok().filter(|x| x.is_finite())
}

/// Every combination of one item of each list, in order.
fn product<T: Clone>(lists: &[Vec<T>]) -> Vec<Vec<T>> {
    let mut out: Vec<Vec<T>> = vec![Vec::new()];
    for list in lists {
        out = out
            .into_iter()
            .flat_map(|prefix| {
                list.iter().map(move |x| {
                    let mut next = prefix.clone();
                    next.push(x.clone());
                    next
                })
            })
            .collect();
    }
    out
}

fn render(d: &Derivation, row: &Row, pool: &CheckPool) -> DerivedRow {
    let input_values: Vec<String> = row
        .inputs
        .iter()
        .zip(&row.values)
        .map(|(f, &v)| match f.claim.date {
            Some(_) => date_of_day(v).map_or_else(|| v.to_string(), |d| d.to_string()),
            None => crate::load::table::format_number(crate::extract::tidy(v)),
        })
        .collect();
    let value = crate::extract::tidy(row.value);
    let (check_id, check) = check_against(d, value, &row.inputs, pool);
    let mut notes: Vec<String> = d.spec.note.iter().cloned().collect();
    for (name, a) in &d.spec.assume {
        notes.push(format!("assumes {name} = {}: {}", a.date, a.why));
    }
    let bounded: Vec<String> = row
        .inputs
        .iter()
        .zip(&input_values)
        .filter(|(f, _)| !matches!(f.claim.qualifier.as_str(), "exact" | "range") && f.claim.date.is_none())
        .map(|(f, v)| format!("{v} is {}", f.claim.qualifier.replace('_', " ")))
        .collect();
    if !bounded.is_empty() {
        notes.push(format!("inputs read at their stated value: {}", bounded.join(", ")));
    }
    match row.suffix {
        "_min" => notes.push("smallest value over the ends of the range inputs".into()),
        "_max" => notes.push("largest value over the ends of the range inputs".into()),
        _ => {}
    }
    if let Some(sel) = &d.spec.select {
        notes.push(format!("the {} over all combinations of input figures", if sel == "max" { "largest" } else { "smallest" }));
    }
    let statements: Vec<&str> = row.inputs.iter().flat_map(|f| f.statements.iter().map(|c| c.statement_id.as_str())).collect();
    DerivedRow {
        derived_id: format!("{}{}", d.spec.id, row.suffix),
        formula: d.spec.formula.clone(),
        inputs: statements.join(";"),
        input_values: input_values.join(";"),
        value: Some(value),
        unit: Some(d.spec.unit.clone()),
        check_statement_id: check_id,
        check: check.to_string(),
        note: Some(notes.join("; ")),
    }
}

/// Check a computed value against the figures of the entry's check reference (each read
/// through one of its statements that is not an input): consistent when one admits it,
/// preferring the article's own figures, else a figure stated by a source of the inputs.
fn check_against<'f>(d: &Derivation, value: f64, inputs: &[&Figure], pool: &CheckPool<'f>) -> (Option<String>, &'static str) {
    if d.check.is_none() {
        return (None, "none");
    }
    let input_ids: HashSet<&str> = inputs.iter().flat_map(|f| f.statements.iter().map(|c| c.statement_id.as_str())).collect();
    let is_input = |c: &Claim| input_ids.contains(c.statement_id.as_str());
    let readable = |f: &&'f Figure<'f>| -> Option<(bool, &'f Claim)> {
        let statement = *f.statements.iter().find(|c| !is_input(c))?;
        let shares_source = pool.prefer_input_sources && inputs.iter().any(|i| i.sources.iter().any(|s| f.stated_by(s)));
        Some((shares_source, statement))
    };
    let own: Vec<&Claim> = pool.own.iter().filter_map(|f| readable(f).map(|r| r.1)).collect();
    let mut corpus: Vec<(bool, &Claim)> = pool.corpus.iter().filter_map(readable).collect();
    corpus.sort_by(|a, b| (!a.0, &a.1.statement_id).cmp(&(!b.0, &b.1.statement_id)));
    let mut candidates: Vec<&Claim> = own;
    candidates.sort_by(|a, b| a.statement_id.cmp(&b.statement_id));
    candidates.extend(corpus.into_iter().map(|c| c.1));
    let unit = Some(d.spec.unit.as_str());
    let admits = |c: &Claim| {
        let v = value * unit_factor(unit, c.unit.as_deref());
        let interval = c.interval().expect("filtered");
        interval.contains(v) || interval.contains(round_to(v, stated_decimals(c)))
    };
    match candidates.iter().find(|c| admits(c)) {
        Some(c) => (Some(c.statement_id.clone()), "consistent"),
        None => match candidates.first() {
            Some(c) => (Some(c.statement_id.clone()), "inconsistent"),
            None => (None, "none"),
        },
    }
}

/// Decimals of the stated figure (`23.5` -> 1): a figure stated as `4 months` is not more
/// precise than a month, so a computed 4.07 months agrees with it.
fn stated_decimals(c: &Claim) -> i32 {
    let figure = c.value.or(c.low).unwrap_or(0.0);
    let s = crate::load::table::format_number(figure);
    s.split_once('.').map_or(0, |(_, f)| f.len() as i32)
}

fn round_to(x: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (x * f).round() / f
}
