//! Core measures on articles written for the project after the extractor (see
//! tests/fixtures/own_articles/README.md): a floor under precision and recall in each language,
//! so a change tuned to the seeds that breaks on other text fails here.

use std::collections::BTreeMap;
use std::path::Path;

use cecot_data::pipeline::{build, BuildOptions};

mod common;
use common::repo;

/// Rows of a CSV file as maps from column to cell.
fn rows(path: &Path) -> Vec<BTreeMap<String, String>> {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let header = reader.headers().unwrap().clone();
    reader.records().map(|r| header.iter().zip(r.unwrap().iter()).map(|(h, c)| (h.to_string(), c.to_string())).collect()).collect()
}

fn span(r: &BTreeMap<String, String>) -> (String, usize, usize) {
    (r["source_id"].clone(), r["start"].parse().unwrap(), r["end"].parse().unwrap())
}

fn overlap(a: &(String, usize, usize), b: &(String, usize, usize)) -> usize {
    if a.0 != b.0 {
        return 0;
    }
    a.2.min(b.2).saturating_sub(a.1.max(b.1))
}

/// Precision and recall of the core measures (those the gold names) in one language.
fn core_scores(predicted: &[BTreeMap<String, String>], gold: &[BTreeMap<String, String>], language: &str) -> (f64, f64) {
    let core: std::collections::BTreeSet<&str> = gold.iter().map(|g| g["measure"].as_str()).filter(|m| !m.is_empty()).collect();
    let of_language = |r: &&BTreeMap<String, String>| r["source_id"].starts_with(language);
    let gold: Vec<&BTreeMap<String, String>> = gold.iter().filter(of_language).collect();
    let predicted: Vec<&BTreeMap<String, String>> =
        predicted.iter().filter(of_language).filter(|p| p["is_statement"] == "true" && core.contains(p["measure"].as_str())).collect();
    let best_gold = |p: &BTreeMap<String, String>| gold.iter().copied().filter(|g| overlap(&span(g), &span(p)) > 0).max_by_key(|g| overlap(&span(g), &span(p)));
    let right = predicted.iter().filter(|p| best_gold(p).is_some_and(|g| g["measure"] == p["measure"])).count();
    let wanted: Vec<&&BTreeMap<String, String>> = gold.iter().filter(|g| core.contains(g["measure"].as_str())).collect();
    let found = wanted.iter().filter(|g| predicted.iter().any(|p| p["measure"] == g["measure"] && overlap(&span(g), &span(p)) > 0)).count();
    (right as f64 / predicted.len().max(1) as f64, found as f64 / wanted.len().max(1) as f64)
}

#[test]
fn core_measures_hold_on_articles_nobody_tuned_them_to() {
    let dir = repo().join("tests/fixtures/own_articles");
    let out = tempfile::tempdir().unwrap();
    build(&BuildOptions { raw: dir.join("raw"), out: out.path().to_path_buf(), progress: false, ..BuildOptions::default() }).unwrap();
    let predicted = rows(&out.path().join("mentions.csv"));
    let gold = rows(&dir.join("gold.csv"));
    for language in ["en_", "es_"] {
        let (precision, recall) = core_scores(&predicted, &gold, language);
        eprintln!("{language}: core precision {precision:.3}, recall {recall:.3}");
        assert!(precision >= 0.90, "{language}: core precision {precision:.3} fell below 0.90");
        assert!(recall >= 0.70, "{language}: core recall {recall:.3} fell below 0.70");
    }
}
