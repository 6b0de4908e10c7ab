//! Derived figures: the formulas of schemas/derived.toml evaluated on the statements.
//!
//! A formula is arithmetic over measure references (`es_prison_population[2024] /
//! es_prison_capacity * PERCENT`), parsed and evaluated by the `exmex` crate. This module only
//! finds the references, binds each to the statements it picks, and writes one row per
//! combination of input statements, naming them. A figure from an article never appears in a
//! formula: literal numbers other than 0 and 1 are rejected, conversion factors have names
//! ([`CONSTANTS`]), and an assumption (a date read from vague wording) is declared in the entry
//! with its reason, which the row's note repeats.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use exmex::prelude::*;
use exmex::{FloatOpsFactory, MakeOperators, Operator};
use regex::Regex;
use serde::Deserialize;

use crate::error::{Error, Result};
use crate::load::rows::DerivedRow;
use crate::load::Table;

use super::claims::Catalog as MeasureCatalog;
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
    /// The assumed dates, parsed.
    assumed: BTreeMap<String, chrono::NaiveDate>,
    /// The formula with each reference and assumption replaced by an exmex variable.
    rewritten: String,
}

/// The derivation catalog.
#[derive(Debug, Clone)]
pub struct DerivedCatalog {
    pub entries: Vec<Derivation>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
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
        Ok(DerivedCatalog { entries })
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
                if super::claims::as_of_bounds(a).is_none() {
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
        Ok(Derivation { spec, refs, check, unknown_measures, assumed, rewritten })
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
}

/// One evaluated combination.
struct Row {
    inputs: Vec<usize>,
    values: Vec<f64>,
    value: f64,
    suffix: &'static str,
}

/// Evaluate every entry of the catalog on the claims.
pub fn derive(catalog: &DerivedCatalog, claims: &[Claim], measures: &MeasureCatalog) -> Derived {
    let mut rows: Vec<DerivedRow> = Vec::new();
    let mut missing = Vec::new();
    for d in &catalog.entries {
        if !d.unknown_measures.is_empty() {
            missing.push(format!("{}: waits for measure {} (not in schemas/measures.toml)", d.spec.id, d.unknown_measures.join(", ")));
            continue;
        }
        let unit_of = |measure: &str| -> Option<String> {
            d.spec.units.get(measure).cloned().or_else(|| measures.get(measure).map(|m| m.unit.clone()).filter(|u| seconds_per_unit(u).is_some()))
        };
        // Candidate statements of each reference.
        let mut candidates: Vec<Vec<usize>> = Vec::new();
        for r in &d.refs {
            let unit = unit_of(&r.measure);
            let c: Vec<usize> = (0..claims.len()).filter(|&i| picks(r, &claims[i]) && !claims[i].points(unit.as_deref()).is_empty()).collect();
            if c.is_empty() {
                missing.push(format!("{}: no statement with a number for {}", d.spec.id, r.text));
            }
            candidates.push(c);
        }
        if candidates.iter().any(Vec::is_empty) {
            continue;
        }
        let formula = d.formula();
        let mut produced: Vec<Row> = Vec::new();
        for combo in product(&candidates) {
            if !constraints_hold(d, &combo, claims) {
                continue;
            }
            let points: Vec<Vec<f64>> = d.refs.iter().zip(&combo).map(|(r, &i)| claims[i].points(unit_of(&r.measure).as_deref())).collect();
            let mut evaluated: Vec<(Vec<f64>, f64)> = Vec::new();
            for values in product_values(&points) {
                if let Some(v) = evaluate(d, &formula, &values) {
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
                produced.push(Row { inputs: combo.clone(), values: max.0, value: max.1, suffix: "_max" });
            }
        }
        if let Some(sel) = &d.spec.select {
            let best = if sel == "min" {
                produced.into_iter().min_by(|a, b| a.value.total_cmp(&b.value))
            } else {
                produced.into_iter().max_by(|a, b| a.value.total_cmp(&b.value))
            };
            produced = best.into_iter().collect();
        }
        if produced.is_empty() {
            missing.push(format!("{}: no combination of statements satisfies the entry's constraints or gives a finite value", d.spec.id));
        }
        for row in produced {
            rows.push(render(d, &row, claims));
        }
    }
    rows.sort_by(|a, b| (&a.derived_id, &a.inputs).cmp(&(&b.derived_id, &b.inputs)));
    Derived { rows, missing }
}

impl Derived {
    /// The rows as the derived table.
    pub fn table(&self) -> Table {
        crate::load::rows::rows_table(self.rows.iter().cloned())
    }
}

/// Does the reference pick this claim?
fn picks(r: &Reference, c: &Claim) -> bool {
    c.measure == r.measure && r.source.as_ref().is_none_or(|s| &c.source_id == s) && r.as_of.as_ref().is_none_or(|a| c.ends_within(a))
}

fn constraints_hold(d: &Derivation, combo: &[usize], claims: &[Claim]) -> bool {
    let distinct: BTreeSet<usize> = combo.iter().copied().collect();
    if distinct.len() != combo.len() {
        return false; // one statement cannot be two inputs
    }
    let of = |text: &String| -> &Claim {
        let i = d.refs.iter().position(|r| &r.text == text).expect("checked");
        &claims[combo[i]]
    };
    let all_equal = |list: &Vec<String>, f: &dyn Fn(&Claim) -> Option<String>| {
        let vals: Vec<Option<String>> = list.iter().map(|t| f(of(t))).collect();
        vals.windows(2).all(|w| w[0] == w[1]) && vals.iter().all(Option::is_some)
    };
    if !d.spec.same_source.is_empty() && !all_equal(&d.spec.same_source, &|c| Some(c.source_id.clone())) {
        return false;
    }
    if !d.spec.same_as_of.is_empty() && !all_equal(&d.spec.same_as_of, &|c| c.as_of.clone()) {
        return false;
    }
    let sources: BTreeSet<&str> = d.spec.distinct_sources.iter().map(|t| of(t).source_id.as_str()).collect();
    if sources.len() != d.spec.distinct_sources.len() {
        return false;
    }
    let ends: Vec<_> = d.spec.chronological.iter().map(|t| of(t).as_of_end).collect();
    if ends.iter().any(Option::is_none) || !ends.windows(2).all(|w| w[0] < w[1]) {
        return false;
    }
    true
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

/// Every combination of one candidate per reference, in order.
fn product(candidates: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = vec![Vec::new()];
    for c in candidates {
        out = out.into_iter().flat_map(|prefix| c.iter().map(move |&i| [prefix.clone(), vec![i]].concat())).collect();
    }
    out
}

fn product_values(points: &[Vec<f64>]) -> Vec<Vec<f64>> {
    let mut out: Vec<Vec<f64>> = vec![Vec::new()];
    for p in points {
        out = out.into_iter().flat_map(|prefix| p.iter().map(move |&x| [prefix.clone(), vec![x]].concat())).collect();
    }
    out
}

fn render(d: &Derivation, row: &Row, claims: &[Claim]) -> DerivedRow {
    let inputs: Vec<&Claim> = row.inputs.iter().map(|&i| &claims[i]).collect();
    let input_values: Vec<String> = inputs
        .iter()
        .zip(&row.values)
        .map(|(c, &v)| match c.date {
            Some(_) => date_of_day(v).map_or_else(|| v.to_string(), |d| d.to_string()),
            None => crate::load::table::format_number(crate::extract::tidy(v)),
        })
        .collect();
    let value = crate::extract::tidy(row.value);
    let (check_id, check) = check_against(d, value, &inputs, claims);
    let mut notes: Vec<String> = d.spec.note.iter().cloned().collect();
    for (name, a) in &d.spec.assume {
        notes.push(format!("assumes {name} = {}: {}", a.date, a.why));
    }
    let bounded: Vec<String> = inputs
        .iter()
        .zip(&input_values)
        .filter(|(c, _)| !matches!(c.qualifier.as_str(), "exact" | "range") && c.date.is_none())
        .map(|(c, v)| format!("{v} is {}", c.qualifier.replace('_', " ")))
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
        notes.push(format!("the {} over all combinations of input statements", if sel == "max" { "largest" } else { "smallest" }));
    }
    DerivedRow {
        derived_id: format!("{}{}", d.spec.id, row.suffix),
        formula: d.spec.formula.clone(),
        inputs: inputs.iter().map(|c| c.statement_id.as_str()).collect::<Vec<_>>().join(";"),
        input_values: input_values.join(";"),
        value: Some(value),
        unit: Some(d.spec.unit.clone()),
        check_statement_id: check_id,
        check: check.to_string(),
        note: Some(notes.join("; ")),
    }
}

/// Check a computed value against the statements of the entry's check reference (other than
/// its inputs): consistent when one admits it, preferring a statement of an input's source.
fn check_against(d: &Derivation, value: f64, inputs: &[&Claim], claims: &[Claim]) -> (Option<String>, &'static str) {
    let Some(r) = &d.check else { return (None, "none") };
    let mut candidates: Vec<&Claim> = claims
        .iter()
        .filter(|c| picks(r, c) && c.date.is_none() && !inputs.iter().any(|i| i.statement_id == c.statement_id))
        .filter(|c| c.interval().is_some())
        .collect();
    let own_source = |c: &Claim| !inputs.iter().any(|i| i.source_id == c.source_id);
    candidates.sort_by(|a, b| (own_source(a), &a.statement_id).cmp(&(own_source(b), &b.statement_id)));
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
