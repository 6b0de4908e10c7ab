//! Claims: which measure each statement states (from the catalog in schemas/measures.toml),
//! and the period it describes (as_of), from the anchors in its sentence.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;

use crate::error::{Error, Result};
use crate::extract::text::Doc;
use crate::extract::Mention;
use crate::load::schema::KINDS;

/// The catalog embedded in the binary.
pub const EMBEDDED_MEASURES: &str = include_str!("../../schemas/measures.toml");

/// Cue lists by language code.
pub type ByLanguage = BTreeMap<String, Vec<String>>;

/// One quantity in the world that articles state.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    pub id: String,
    pub title: String,
    pub description: String,
    /// Unit of the statements (`any` accepts every unit, `date` is for dates and years).
    pub unit: String,
    pub kinds: Vec<String>,
    #[serde(default)]
    pub context: ByLanguage,
    #[serde(default)]
    pub cues: ByLanguage,
    #[serde(default)]
    pub exclude: ByLanguage,
}

/// The measure catalog.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    pub min_score: f64,
    #[serde(rename = "measure")]
    pub measures: Vec<Measure>,
}

impl Catalog {
    /// Parse and check a catalog; `file` names it in errors; `known_units` are the units the
    /// extractor can produce.
    pub fn parse(file: &str, text: &str, known_units: &[String]) -> Result<Catalog> {
        let fail = |message: String| Error::Knowledge { file: file.to_string(), message };
        let mut catalog: Catalog = toml::from_str(text).map_err(|e| fail(e.to_string()))?;
        let mut seen = std::collections::BTreeSet::new();
        for m in &mut catalog.measures {
            if !seen.insert(m.id.clone()) {
                return Err(fail(format!("measure id {:?} appears twice", m.id)));
            }
            if m.id.is_empty() || !m.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
                return Err(fail(format!("measure id {:?} must be snake_case", m.id)));
            }
            if m.context.values().all(Vec::is_empty) || m.cues.values().all(Vec::is_empty) {
                return Err(fail(format!("measure {}: context and cues must not be empty", m.id)));
            }
            for list in m.context.values().chain(m.cues.values()).chain(m.exclude.values()) {
                if list.iter().any(|c| c.trim().is_empty()) {
                    return Err(fail(format!("measure {}: a cue is empty", m.id)));
                }
            }
            for k in &m.kinds {
                if !KINDS.contains(&k.as_str()) {
                    return Err(fail(format!("measure {}: unknown kind {k:?}", m.id)));
                }
            }
            if !(m.unit == "any" || m.unit == "date" || known_units.contains(&m.unit)) {
                return Err(fail(format!("measure {}: unknown unit {:?}; use a unit the lexicons produce, `any` or `date`", m.id, m.unit)));
            }
            for list in m.context.values_mut().chain(m.cues.values_mut()).chain(m.exclude.values_mut()) {
                for c in list.iter_mut() {
                    *c = c.to_lowercase();
                }
            }
        }
        Ok(catalog)
    }

    pub fn get(&self, id: &str) -> Option<&Measure> {
        self.measures.iter().find(|m| m.id == id)
    }
}

/// Does `haystack` (lower-cased, padded with spaces) contain the cue as whole words?
fn has_phrase(haystack: &str, cue: &str) -> bool {
    let mut from = 0;
    while let Some(pos) = haystack[from..].find(cue) {
        let s = from + pos;
        let e = s + cue.len();
        let before_ok = s == 0 || !haystack[..s].chars().next_back().is_some_and(char::is_alphanumeric);
        let after_ok = !haystack[e..].chars().next().is_some_and(char::is_alphanumeric);
        if before_ok && after_ok {
            return true;
        }
        from = s + cue.len().max(1);
    }
    false
}

/// Score of a measure for a statement, or None when the measure cannot apply.
fn score(m: &Measure, mention: &Mention, lang: &str, sentence: &str, previous: &str) -> Option<f64> {
    if !m.kinds.iter().any(|k| k == mention.kind) {
        return None;
    }
    let unit_ok = match m.unit.as_str() {
        "any" | "date" => true,
        u => mention.unit.as_deref().is_none_or(|mu| mu == u),
    };
    if !unit_ok {
        return None;
    }
    let list = |by: &ByLanguage| by.get(lang).cloned().unwrap_or_default();
    if list(&m.exclude).iter().any(|c| has_phrase(sentence, c)) {
        return None;
    }
    let context = list(&m.context);
    let in_sentence = context.iter().any(|c| has_phrase(sentence, c));
    if !in_sentence && !context.iter().any(|c| has_phrase(previous, c)) {
        return None;
    }
    let mut s = if in_sentence { 1.0 } else { 0.5 };
    for c in list(&m.cues) {
        if has_phrase(sentence, &c) {
            s += 1.0;
        } else if has_phrase(previous, &c) {
            s += 0.25;
        }
    }
    Some(s)
}

/// Assign a measure to every statement, and make dates statements where the date itself is
/// the claim ("CECOT opened in 2023"): a date or year becomes a statement only when a date
/// measure of the catalog fits it.
pub fn assign_measures(doc: &Doc, mentions: &mut [Mention], catalog: &Catalog, lang: &str) {
    for i in 0..mentions.len() {
        let m = &mentions[i];
        let is_date = matches!(m.kind, "date" | "year");
        if !(m.is_statement || (is_date && m.value.is_some() && m.start >= doc.front_matter_end)) {
            continue;
        }
        let sentence = format!(" {} ", doc.sentence_text(m.sentence).to_lowercase());
        let previous = if m.sentence > 0 { doc.sentence_text(m.sentence - 1).to_lowercase() } else { String::new() };
        let mut best: Option<(&str, f64)> = None;
        let mut tie = false;
        for measure in &catalog.measures {
            if is_date != (measure.unit == "date") {
                continue;
            }
            if let Some(s) = score(measure, m, lang, &sentence, &previous) {
                match best {
                    Some((_, b)) if s < b => {}
                    Some((_, b)) if s == b => tie = true,
                    _ => {
                        best = Some((measure.id.as_str(), s));
                        tie = false;
                    }
                }
            }
        }
        let chosen = best.filter(|(_, s)| *s >= catalog.min_score + if is_date { 1.0 } else { 0.0 } && !tie).map(|(id, _)| id.to_string());
        let m = &mut mentions[i];
        if is_date {
            if chosen.is_some() {
                m.is_statement = true;
                m.measure = chosen;
            }
        } else {
            m.measure = chosen;
        }
    }
}

/// The period each statement describes: the non-statement date and year anchors of its
/// sentence ("in March 2025" -> 2025-03; "between 2020 and 2024" -> 2020/2024), else those of
/// the sentence before when it has exactly one.
pub fn assign_as_of(doc: &Doc, mentions: &mut [Mention]) {
    let anchors: Vec<(usize, usize, String, usize)> = mentions
        .iter()
        .filter(|m| matches!(m.kind, "date" | "year") && !m.is_statement && m.start >= doc.front_matter_end)
        .filter_map(|m| anchor_value(m).map(|v| (m.sentence, m.start, v, m.end)))
        .collect();
    for m in mentions.iter_mut().filter(|m| m.is_statement && !matches!(m.kind, "date" | "year")) {
        let here: Vec<&(usize, usize, String, usize)> = anchors.iter().filter(|a| a.0 == m.sentence).collect();
        let chosen = match here.len() {
            0 => {
                let before: Vec<_> = anchors.iter().filter(|a| m.sentence > 0 && a.0 == m.sentence - 1).collect();
                if before.len() == 1 {
                    Some(before[0].2.clone())
                } else {
                    None
                }
            }
            1 => Some(here[0].2.clone()),
            _ => {
                // Two anchors joined ("between 2020 and 2024", "from March 15 to April 28"):
                // an interval; otherwise the anchor nearest before the figure.
                let between = doc.sentence_text(m.sentence).to_lowercase();
                let joined = ["between", "entre", "from", "desde"].iter().any(|w| between.contains(w));
                if joined && here.len() == 2 {
                    Some(format!("{}/{}", here[0].2, here[1].2))
                } else {
                    here.iter().filter(|a| a.1 < m.start).next_back().or(here.first()).map(|a| a.2.clone())
                }
            }
        };
        m.as_of = chosen;
    }
}

fn anchor_value(m: &Mention) -> Option<String> {
    if let Some(v) = &m.value {
        return Some(v.clone());
    }
    match (m.low, m.high) {
        (Some(l), Some(h)) => Some(format!("{}/{}", l as i64, h as i64)),
        _ => None,
    }
}

/// First and last day of an as_of value: `2024`, `2025-03`, `2025-03-27`, or `A/B`.
pub fn as_of_bounds(as_of: &str) -> Option<(NaiveDate, NaiveDate)> {
    let (a, b) = as_of.split_once('/').unwrap_or((as_of, as_of));
    Some((period_bounds(a)?.0, period_bounds(b)?.1))
}

fn period_bounds(p: &str) -> Option<(NaiveDate, NaiveDate)> {
    match p.len() {
        4 => {
            let y: i32 = p.parse().ok()?;
            Some((NaiveDate::from_ymd_opt(y, 1, 1)?, NaiveDate::from_ymd_opt(y, 12, 31)?))
        }
        7 => {
            let start = NaiveDate::parse_from_str(&format!("{p}-01"), "%Y-%m-%d").ok()?;
            let next = if start.month() == 12 {
                NaiveDate::from_ymd_opt(start.year() + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(start.year(), start.month() + 1, 1)?
            };
            Some((start, next.pred_opt()?))
        }
        10 => {
            let d = NaiveDate::parse_from_str(p, "%Y-%m-%d").ok()?;
            Some((d, d))
        }
        _ => None,
    }
}
