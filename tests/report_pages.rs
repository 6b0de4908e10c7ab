//! The report's pages from a small corpus written here: every mention highlighted over
//! exactly its characters (code points, not bytes, past accents and dashes), a chart per
//! measure, and an error naming the file when a text no longer fits its mentions.

use std::fs;
use std::path::{Path, PathBuf};

use cecot_data::corpus::sha256_hex;
use cecot_data::error::Error;
use cecot_data::load::write_dataset_with;
use cecot_data::pipeline::{build, build_tables, doc_sections, BuildOptions, Knowledge};

/// Invented sentences with multi-byte characters before and between the figures.
const TEXT: &str = "Informe — Penales de El Salvador\n\n\
    Según la Dirección de Centros Penales, más de 250 venezolanos llegaron al penal en marzo de 2025. \
    La organización Cristosal documentó 261 muertes bajo custodia desde 2022; el Ministerio, «unas 240».\n";

const ID: &str = "900_report_fixture";

fn corpus(dir: &Path) -> PathBuf {
    let raw = dir.join("raw");
    fs::create_dir_all(raw.join("articles")).unwrap();
    fs::write(raw.join("articles").join(format!("{ID}.txt")), TEXT).unwrap();
    let manifest = format!(
        "source_id,path,sha256,title,url,publisher,author,published,retrieved,language,notes\n\
         {ID},articles/{ID}.txt,{},Informe de prueba,,Diario de Prueba,,2025-04-02,,es,written for the report tests\n",
        sha256_hex(TEXT.as_bytes())
    );
    fs::write(raw.join("sources.csv"), manifest).unwrap();
    raw
}

fn build_into(raw: &Path, out: &Path) {
    build(&BuildOptions { raw: raw.to_path_buf(), out: out.to_path_buf(), progress: false, ..BuildOptions::default() }).unwrap();
}

/// (mention_id, surface) of every row of mentions.csv.
fn mentions(out: &Path) -> Vec<(String, String)> {
    let mut reader = csv::Reader::from_path(out.join("mentions.csv")).unwrap();
    reader.deserialize::<std::collections::HashMap<String, String>>().map(|r| r.unwrap()).map(|r| (r["mention_id"].clone(), r["surface"].clone())).collect()
}

#[test]
fn every_mention_is_highlighted_over_exactly_its_characters() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    build_into(&corpus(tmp.path()), &out);
    let page = fs::read_to_string(out.join(format!("report/articles/{ID}.html"))).unwrap();
    let rows = mentions(&out);
    assert!(rows.len() >= 3, "the fixture has figures: {rows:?}");
    let marks = regex::Regex::new(r#"<mark id="m-([^"]+)"[^>]*data-mention-id="([^"]+)"[^>]*>([^<]*)</mark>"#).unwrap();
    let found: Vec<(String, String)> = marks.captures_iter(&page).map(|c| (c[2].to_string(), c[3].to_string())).collect();
    assert_eq!(page.matches("data-mention-id=").count(), rows.len());
    for (id, surface) in &rows {
        assert!(found.contains(&(id.clone(), surface.clone())), "{id} should be highlighted as {surface:?}; found {found:?}");
    }
    assert!(page.contains("tabindex=\"0\""));
}

#[test]
fn report_has_index_lists_measure_pages_and_charts_and_rebuilds_the_same() {
    let tmp = tempfile::tempdir().unwrap();
    let raw = corpus(tmp.path());
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    build_into(&raw, &a);
    build_into(&raw, &b);
    for file in ["report/index.html", "report/lists/articles-1.html", "report/lists/derived-1.html"] {
        assert!(a.join(file).is_file(), "{file}");
    }
    let charts: Vec<String> = fs::read_dir(a.join("charts")).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(!charts.is_empty());
    for chart in &charts {
        let measure = chart.trim_end_matches(".svg");
        assert!(a.join(format!("report/measures/{measure}.html")).is_file(), "a page for {measure}");
        let svg = fs::read_to_string(a.join("charts").join(chart)).unwrap();
        assert!(svg.starts_with("<svg") && svg.contains(measure), "{chart}");
    }
    for file in ["report/index.html", &format!("report/articles/{ID}.html")] {
        assert_eq!(fs::read(a.join(file)).unwrap(), fs::read(b.join(file)).unwrap(), "{file} differs between two builds");
    }
}

#[test]
fn a_text_shorter_than_its_mentions_is_an_error_naming_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    let raw = corpus(tmp.path());
    let tables = build_tables(&raw, &Knowledge::load(None).unwrap(), false, false).unwrap();
    let article = raw.join("articles").join(format!("{ID}.txt"));
    fs::write(&article, "Informe").unwrap();
    let err = cecot_data::report::write(&tmp.path().join("out"), &raw, &tables.all()).unwrap_err();
    assert!(matches!(err, Error::Report { .. }), "{err}");
    assert!(err.to_string().contains(&format!("{ID}.txt")), "{err}");
}

/// Every file under `dir` with its bytes, by path.
fn snapshot(dir: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    let mut files = std::collections::BTreeMap::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else {
                files.insert(path.strip_prefix(dir).unwrap().to_path_buf(), fs::read(&path).unwrap());
            }
        }
    }
    files
}

#[test]
fn a_report_that_fails_midway_leaves_the_previous_output() {
    let tmp = tempfile::tempdir().unwrap();
    let raw = corpus(tmp.path());
    let out = tmp.path().join("out");
    build_into(&raw, &out);
    let before = snapshot(&out);
    let knowledge = Knowledge::load(None).unwrap();
    let tables = build_tables(&raw, &knowledge, false, false).unwrap();
    let err = write_dataset_with(&out, &tables.all(), &doc_sections(&knowledge), |dir| {
        fs::create_dir(dir.join("report")).unwrap();
        fs::write(dir.join("report/index.html"), "half a page").unwrap();
        Err(Error::Report { path: dir.join("report"), message: "stopped midway".into() })
    })
    .unwrap_err();
    assert!(matches!(err, Error::Report { .. }), "{err}");
    assert_eq!(snapshot(&out), before);
    assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 2, "only raw/ and out/ remain, no temporary folder");
}
