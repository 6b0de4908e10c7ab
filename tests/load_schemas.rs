//! The checked-in `schemas/tables/` must be what the table definitions generate.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use cecot_data::load::write_schema_files;

/// How to bring the checked-in files up to date, said in every failure.
const REGENERATE: &str = "regenerate with `cargo run -- schemas --write schemas/` \
     (or `UPDATE_SCHEMAS=1 cargo test --test load_schemas`) and commit the result";

fn files(dir: &Path) -> BTreeMap<String, String> {
    let Ok(entries) = fs::read_dir(dir) else { return BTreeMap::new() };
    entries
        .map(|e| e.expect("dir entry").path())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), fs::read_to_string(&p).unwrap_or_default()))
        .collect()
}

#[test]
fn schemas_dir_matches_definitions() {
    let checked_in = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("schemas");
    if std::env::var_os("UPDATE_SCHEMAS").is_some() {
        write_schema_files(&checked_in).expect("schemas/ writable");
    }
    let tmp = tempfile::tempdir().unwrap();
    write_schema_files(tmp.path()).expect("temp dir writable");
    let expected = files(&tmp.path().join("tables"));
    let found = files(&checked_in.join("tables"));
    for (name, text) in &expected {
        match found.get(name) {
            None => panic!("schemas/tables/{name} is missing; {REGENERATE}"),
            Some(t) if t != text => panic!("schemas/tables/{name} differs from the table definitions; {REGENERATE}"),
            Some(_) => {}
        }
    }
    let extra: Vec<&String> = found.keys().filter(|n| !expected.contains_key(*n)).collect();
    assert!(extra.is_empty(), "schemas/tables/ has files of no table definition: {extra:?}; delete them, then {REGENERATE}");
}
