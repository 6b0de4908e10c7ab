//! The dataset contract: `build` regenerates the committed output/ byte for byte, refuses bad
//! input with an error naming the file, and never destroys the previous output.

use std::fs;
use std::path::{Path, PathBuf};

use cecot_data::error::Error;
use cecot_data::pipeline::{build, BuildOptions};

mod common;
use common::{copy_dir, files, repo};

fn build_into(raw: &Path, out: &Path) -> Result<(), Error> {
    build(&BuildOptions { raw: raw.to_path_buf(), out: out.to_path_buf(), progress: false, ..BuildOptions::default() }).map(|_| ())
}

#[test]
fn build_reproduces_committed_output_byte_for_byte() {
    let tmp = tempfile::tempdir().unwrap();
    let first = tmp.path().join("a");
    let second = tmp.path().join("b");
    build_into(&repo().join("raw"), &first).unwrap();
    build_into(&repo().join("raw"), &second).unwrap();
    assert_eq!(files(&first), files(&second), "two builds of the same input differ");
    let committed = files(&repo().join("output"));
    let built = files(&first);
    let names = |v: &[(String, Vec<u8>)]| v.iter().map(|f| f.0.clone()).collect::<Vec<_>>();
    assert_eq!(names(&committed), names(&built), "output/ holds other files than build writes");
    for ((name, want), (_, got)) in committed.iter().zip(&built) {
        assert!(want == got, "output/{name} differs from what build produces now: run `cargo run --release -- build` and commit output/");
    }
}

#[test]
fn built_dataset_validates_clean() {
    let tmp = tempfile::tempdir().unwrap();
    build_into(&repo().join("raw"), tmp.path()).unwrap();
    let violations = cecot_data::load::validate_dir(tmp.path()).unwrap();
    assert!(violations.is_empty(), "{violations:#?}");
}

/// A corpus copy and an output folder that already holds a good build.
fn corpus_with_previous_output() -> (tempfile::TempDir, PathBuf, PathBuf, Vec<(String, Vec<u8>)>) {
    let tmp = tempfile::tempdir().unwrap();
    let raw = tmp.path().join("raw");
    copy_dir(&repo().join("raw"), &raw);
    let out = tmp.path().join("out");
    build_into(&raw, &out).unwrap();
    let before = files(&out);
    (tmp, raw, out, before)
}

#[test]
fn sha_mismatch_is_refused_and_leaves_output_untouched() {
    let (_tmp, raw, out, before) = corpus_with_previous_output();
    let article = fs::read_dir(raw.join("articles")).unwrap().next().unwrap().unwrap().path();
    fs::write(&article, "changed text with 12 numbers").unwrap();
    let err = build_into(&raw, &out).unwrap_err();
    assert!(matches!(err, Error::ChecksumMismatch { .. }), "{err}");
    assert!(err.to_string().contains(&article.file_name().unwrap().to_string_lossy().into_owned()), "{err}");
    assert_eq!(err.exit_code(), 2);
    assert_eq!(files(&out), before);
}

#[test]
fn missing_article_is_refused_and_leaves_output_untouched() {
    let (_tmp, raw, out, before) = corpus_with_previous_output();
    let article = fs::read_dir(raw.join("articles")).unwrap().next().unwrap().unwrap().path();
    fs::remove_file(&article).unwrap();
    let err = build_into(&raw, &out).unwrap_err();
    assert!(err.to_string().contains(&article.file_name().unwrap().to_string_lossy().into_owned()), "{err}");
    assert_eq!(files(&out), before);
}

#[test]
fn manifest_with_unknown_language_names_the_line() {
    let (_tmp, raw, out, before) = corpus_with_previous_output();
    let manifest = raw.join("sources.csv");
    let text = fs::read_to_string(&manifest).unwrap();
    let broken = text.replacen(",en,", ",fr,", 1);
    fs::write(&manifest, broken).unwrap();
    let err = build_into(&raw, &out).unwrap_err();
    let msg = err.to_string();
    assert!(msg.contains("sources.csv:2") && msg.contains("fr"), "{msg}");
    assert_eq!(files(&out), before);
}

#[test]
fn malformed_measure_catalog_is_refused() {
    let units = vec!["persons".to_string()];
    let dup = "min_score = 1.0\n[[measure]]\nid = \"a\"\ntitle = \"t\"\ndescription = \"d\"\nunit = \"persons\"\nkinds = [\"count\"]\ncontext.en = [\"x\"]\ncues.en = [\"y\"]\n";
    let twice = format!("{dup}{}", &dup[dup.find("[[measure]]").unwrap()..]);
    let err = cecot_data::transform::Catalog::parse("m.toml", &twice, &units).unwrap_err();
    assert!(err.to_string().contains("appears twice"), "{err}");
    let bad_unit = dup.replace("unit = \"persons\"", "unit = \"furlongs\"");
    assert!(cecot_data::transform::Catalog::parse("m.toml", &bad_unit, &units).is_err());
    let empty_cues = dup.replace("cues.en = [\"y\"]", "cues.en = []");
    assert!(cecot_data::transform::Catalog::parse("m.toml", &empty_cues, &units).is_err());
    let person = "[[person_attribute]]\nprefix = \"age\"\ntitle = \"t\"\ndescription = \"d\"\nunit = \"persons\"\nkinds = [\"age\"]\n";
    assert!(cecot_data::transform::Catalog::parse("m.toml", &format!("{dup}{person}"), &units).is_ok());
    let err = cecot_data::transform::Catalog::parse("m.toml", &format!("{dup}{person}{person}"), &units).unwrap_err();
    assert!(err.to_string().contains("prefix \"age\" appears twice"), "{err}");
    let err = cecot_data::transform::Catalog::parse("m.toml", &format!("{dup}{}", person.replace("\"persons\"", "\"furlongs\"")), &units).unwrap_err();
    assert!(err.to_string().contains("unknown unit"), "{err}");
}

#[test]
fn malformed_lexicon_is_refused() {
    let err = cecot_data::extract::Lexicon::parse(
        "xx.toml",
        "language = \"xx\"\ndecimal_mark = \",\"\ngroup_mark = \",\"\n[cardinals]\none = 1\n[qualifiers]\n[months]\n",
    )
    .unwrap_err();
    assert!(err.to_string().starts_with("xx.toml"), "{err}");
}

#[test]
fn build_on_one_thread_and_on_three_gives_the_same_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let (one, three) = (tmp.path().join("one"), tmp.path().join("three"));
    for (out, jobs) in [(&one, 1), (&three, 3)] {
        let opts = BuildOptions { raw: repo().join("raw"), out: out.clone(), progress: false, jobs: Some(jobs), ..BuildOptions::default() };
        build(&opts).unwrap();
    }
    assert_eq!(files(&one), files(&three), "articles are processed in parallel but written in manifest order");
}
