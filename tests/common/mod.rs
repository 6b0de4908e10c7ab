//! Helpers shared by the integration tests that build whole corpora.

// Each test file uses some of them.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

/// The repository root (where raw/ and output/ live).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copy a folder tree, e.g. raw/ into a temporary corpus the test may change.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        let target = to.join(p.file_name().unwrap());
        if p.is_dir() {
            copy_dir(&p, &target);
        } else {
            fs::copy(&p, &target).unwrap();
        }
    }
}

/// Every file under a folder (recursively) with its bytes, sorted by path relative to the
/// folder (`report/index.html`).
pub fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    collect_files(dir, "", &mut out);
    out.sort();
    out
}

fn collect_files(dir: &Path, prefix: &str, out: &mut Vec<(String, Vec<u8>)>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = format!("{prefix}{}", path.file_name().unwrap().to_string_lossy());
        if path.is_dir() {
            collect_files(&path, &format!("{name}/"), out);
        } else {
            out.push((name, fs::read(&path).unwrap()));
        }
    }
}

/// Write a corpus folder of made-up articles, each `(source_id, language, published, text)`:
/// its texts under `articles/` and the manifest `sources.csv`.
pub fn write_corpus(raw: &Path, articles: &[(&str, &str, &str, &str)]) {
    fs::create_dir_all(raw.join("articles")).unwrap();
    let mut manifest = String::from("source_id,path,sha256,title,url,publisher,author,published,retrieved,language,notes\n");
    for (id, language, published, text) in articles {
        let path = format!("articles/{id}.txt");
        fs::write(raw.join(&path), text).unwrap();
        let sha = cecot_data::corpus::sha256_hex(text.as_bytes());
        manifest.push_str(&format!("{id},{path},{sha},,,,,{published},,{language},\n"));
    }
    fs::write(raw.join("sources.csv"), manifest).unwrap();
}
