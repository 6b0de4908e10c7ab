//! `cecot-data add`: an article goes into the corpus from a text or a saved web page; the
//! stored text has the article's paragraphs and none of the page's chrome; the citation is
//! read from the file; a refusal leaves raw/ byte for byte as it was; the corpus then builds
//! and validates. The fixtures under tests/fixtures/add/ are pages written for these tests.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use cecot_data::corpus::add::{add, AddOptions, Added, Citation};
use cecot_data::error::Error;
use cecot_data::pipeline::{build, BuildOptions};

mod common;
use common::{copy_dir, files, repo};

fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures/add").join(name)
}

/// A copy of the repository's corpus the test may change.
fn corpus() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let raw = tmp.path().join("raw");
    copy_dir(&repo().join("raw"), &raw);
    (tmp, raw)
}

fn options(raw: &Path, files: &[PathBuf]) -> AddOptions {
    AddOptions { files: files.to_vec(), raw: raw.to_path_buf(), schemas: None, citation: Citation::default(), dry_run: false }
}

fn add_one(raw: &Path, file: &Path) -> Added {
    add(&options(raw, &[file.to_path_buf()])).unwrap().remove(0)
}

fn cell<'a>(a: &'a Added, column: &str) -> &'a str {
    a.row.iter().find(|(c, _)| c == column).map_or_else(|| panic!("no column {column}"), |(_, v)| v.as_str())
}

/// Every file under a folder with its bytes, by relative path.
fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                found.push((p.strip_prefix(dir).unwrap().to_path_buf(), fs::read(&p).unwrap()));
            }
        }
    }
    found.sort();
    found
}

fn build_and_validate(raw: &Path) -> cecot_data::pipeline::BuildSummary {
    let out = raw.parent().unwrap().join("out");
    let summary = build(&BuildOptions { raw: raw.to_path_buf(), out: out.clone(), ..BuildOptions::default() }).unwrap();
    let violations = cecot_data::load::validate_dir(&out).unwrap();
    assert!(violations.is_empty(), "{violations:#?}");
    summary
}

#[test]
fn news_page_keeps_the_paragraphs_and_drops_the_chrome() {
    let (_tmp, raw) = corpus();
    let a = add_one(&raw, &fixture("news_page.html"));
    let text = fs::read_to_string(&a.text_path).unwrap();
    assert_eq!(text.lines().next(), Some("Prison census shows crowding in new wing"));
    for paragraph in [
        "counted 14,200 inmates in the new wing",
        "about 300 guards",
        "transfers from other prisons made since then",
        "12 deaths were reported",
        "how many of the inmates have been convicted",
    ] {
        assert!(text.contains(paragraph), "missing {paragraph:?} in:\n{text}");
    }
    for chrome in [
        "Home",
        "Opinion",
        "Advertisement",
        "By Jane Roe",
        "Share on",
        "Copy link",
        "Email",
        "trackParagraph",
        "dataLayer",
        "display: flex",
        "Related",
        "Earlier story",
        "morning briefing",
        "Subscribe",
        "covers justice",
        "Most read",
        "rights reserved",
        "Photo:",
    ] {
        assert!(!text.contains(chrome), "chrome {chrome:?} kept in:\n{text}");
    }
    assert_eq!(text.lines().count(), 6, "{text}");
}

#[test]
fn news_page_metadata_fills_the_manifest_row() {
    let (_tmp, raw) = corpus();
    let a = add_one(&raw, &fixture("news_page.html"));
    assert_eq!(cell(&a, "title"), "Prison census shows crowding in new wing");
    assert_eq!(cell(&a, "url"), "https://ledger.example/world/prison-census", "the canonical link wins over og:url");
    assert_eq!(cell(&a, "publisher"), "The Example Ledger");
    assert_eq!(cell(&a, "author"), "Jane Roe", "a profile address is no author name");
    assert_eq!(cell(&a, "published"), "2025-03-16", "the date as the page writes it, not shifted to UTC");
    assert_eq!(cell(&a, "language"), "en");
    assert!(cell(&a, "notes").contains("title from <meta og:title>"), "{}", cell(&a, "notes"));
}

#[test]
fn source_id_is_the_next_number_and_the_text_hash() {
    let (_tmp, raw) = corpus();
    let a = add_one(&raw, &fixture("news_page.html"));
    let text = fs::read(&a.text_path).unwrap();
    let sha = cecot_data::corpus::sha256_hex(&text);
    assert_eq!(a.source_id, format!("005_{}", &sha[..16]));
    assert_eq!(cell(&a, "sha256"), sha);
    assert_eq!(cell(&a, "path"), format!("articles/{}.txt", a.source_id));
}

#[test]
fn the_page_is_kept_beside_the_text_with_its_checksum() {
    let (_tmp, raw) = corpus();
    let a = add_one(&raw, &fixture("news_page.html"));
    let page = a.page_path.clone().unwrap();
    assert_eq!(page, raw.join(format!("html/{}.html", a.source_id)));
    assert_eq!(fs::read(&page).unwrap(), fs::read(fixture("news_page.html")).unwrap());
    assert_eq!(cell(&a, "html_sha256"), cecot_data::corpus::sha256_hex(&fs::read(&page).unwrap()));
    let manifest = fs::read_to_string(raw.join("sources.csv")).unwrap();
    assert!(manifest.lines().next().unwrap().ends_with(",html_path,html_sha256"), "{manifest}");
}

#[test]
fn existing_rows_stay_as_they_were() {
    let (_tmp, raw) = corpus();
    let before = fs::read_to_string(raw.join("sources.csv")).unwrap();
    add_one(&raw, &fixture("clipping.md"));
    let after = fs::read_to_string(raw.join("sources.csv")).unwrap();
    assert!(after.starts_with(&before), "a text needs no new column, so the manifest is only appended to");
    assert_eq!(after.lines().count(), before.lines().count() + 1);
}

#[test]
fn a_page_of_bare_paragraphs_is_read_and_its_language_detected() {
    let (_tmp, raw) = corpus();
    let a = add_one(&raw, &fixture("only_paragraphs.html"));
    let text = fs::read_to_string(&a.text_path).unwrap();
    assert_eq!(text.lines().count(), 4, "{text}");
    assert!(text.starts_with("El ministerio informó el martes"), "{text}");
    assert_eq!(cell(&a, "language"), "es");
    assert_eq!(cell(&a, "title"), "", "no metadata, nothing invented");
    assert_eq!(cell(&a, "published"), "");
}

#[test]
fn a_broken_page_still_gives_its_paragraphs() {
    let (_tmp, raw) = corpus();
    let a = add_one(&raw, &fixture("broken_page.html"));
    let text = fs::read_to_string(&a.text_path).unwrap();
    assert!(text.contains("raises spending on prisons by 15 percent"), "{text}");
    assert!(text.contains("2 new buildings"), "{text}");
    assert!(text.contains("health care for inmates, which they called"), "{text}");
    assert!(!text.contains("injected by a script"), "{text}");
}

#[test]
fn a_text_with_front_matter_is_stored_as_it_is_and_cited_from_it() {
    let (_tmp, raw) = corpus();
    let a = add_one(&raw, &fixture("clipping.md"));
    assert_eq!(fs::read(&a.text_path).unwrap(), fs::read(fixture("clipping.md")).unwrap());
    assert_eq!(cell(&a, "title"), "A week inside the transfer flights");
    assert_eq!(cell(&a, "url"), "https://notes.example/2025/04/flights");
    assert_eq!(cell(&a, "author"), "Alex Poe");
    assert_eq!(cell(&a, "published"), "2025-04-02");
    assert_eq!(cell(&a, "retrieved"), "2025-04-05");
    assert!(a.page_path.is_none() && !a.row.iter().any(|(c, _)| c == "html_path"), "a text has no page, so no page column is added");
}

#[test]
fn flags_win_over_what_the_file_says() {
    let (_tmp, raw) = corpus();
    let mut opts = options(&raw, &[fixture("news_page.html")]);
    opts.citation =
        Citation { title: Some("Given title".into()), published: Some("2025-03-17".into()), publisher: Some("Given outlet".into()), ..Citation::default() };
    let a = add(&opts).unwrap().remove(0);
    assert_eq!((cell(&a, "title"), cell(&a, "published"), cell(&a, "publisher")), ("Given title", "2025-03-17", "Given outlet"));
    assert_eq!(cell(&a, "author"), "Jane Roe");
}

#[test]
fn the_corpus_builds_and_validates_after_adding() {
    let (_tmp, raw) = corpus();
    let files = ["news_page.html", "only_paragraphs.html", "broken_page.html", "clipping.md"].map(fixture);
    let added = add(&options(&raw, &files)).unwrap();
    let ids: Vec<_> = added.iter().map(|a| &a.source_id[..3]).collect();
    assert_eq!(ids, ["005", "006", "007", "008"]);
    let summary = build_and_validate(&raw);
    assert_eq!(summary.articles, 9);
    let sources = fs::read_to_string(raw.parent().unwrap().join("out/sources.csv")).unwrap();
    assert!(sources.contains(&added[0].source_id), "{sources}");
}

#[test]
fn a_second_add_of_the_same_file_is_refused_and_changes_nothing() {
    let (_tmp, raw) = corpus();
    let first = add_one(&raw, &fixture("news_page.html"));
    let before = tree(&raw);
    let err = add(&options(&raw, &[fixture("news_page.html")])).unwrap_err();
    assert!(matches!(err, Error::AlreadyInCorpus { .. }), "{err}");
    assert!(err.to_string().contains(&first.source_id), "{err}");
    assert_eq!(err.exit_code(), 2);
    assert_eq!(tree(&raw), before);
}

#[test]
fn an_article_already_registered_by_hand_is_refused() {
    let (_tmp, raw) = corpus();
    let before = tree(&raw);
    let err = add(&options(&raw, &[raw.join("articles/001_5205c1a6869afc4c.txt")])).unwrap_err();
    assert!(err.to_string().contains("already in the corpus as 001_5205c1a6869afc4c"), "{err}");
    assert_eq!(tree(&raw), before);
}

#[test]
fn the_same_text_twice_in_one_command_is_refused_and_nothing_is_written() {
    let (tmp, raw) = corpus();
    let copy = tmp.path().join("copy.md");
    fs::copy(fixture("clipping.md"), &copy).unwrap();
    let before = tree(&raw);
    let err = add(&options(&raw, &[fixture("news_page.html"), fixture("clipping.md"), copy])).unwrap_err();
    assert!(matches!(err, Error::AlreadyInCorpus { .. }), "{err}");
    assert_eq!(tree(&raw), before, "the first, good file is not added either");
}

/// Each refusal: the file, and a word the message must have.
#[test]
fn refusals_leave_raw_unchanged_with_a_clear_error() {
    let (tmp, raw) = corpus();
    let write = |name: &str, bytes: &[u8]| {
        let p = tmp.path().join(name);
        fs::write(&p, bytes).unwrap();
        p
    };
    let french = "Le ministère a annoncé mardi que la prison avait reçu deux cents hommes pendant la nuit. \
                  Les familles disent qu'elles n'ont reçu aucune information officielle depuis dimanche.\n";
    let cases: Vec<(PathBuf, &str)> = vec![
        (write("latin1.txt", b"Caf\xe9 con 12 presos\n"), "not valid UTF-8"),
        (write("empty.txt", b"  \n\n"), "empty"),
        (write("front_only.md", b"---\ntitle: x\n---\n\n"), "nothing after its front matter"),
        (write("chrome_only.html", b"<nav><a href=/>Home</a></nav><script>var n = 3;</script><footer>(c) 2025</footer>"), "no article text"),
        (
            write("bad_date.md", b"---\npublished: 2025-13-45\n---\nThe prison held 12,000 people according to the report published today.\n"),
            "bad_date.md:2: published",
        ),
        (write("french.txt", french.as_bytes()), "French"),
        (tmp.path().join("missing.txt"), "missing.txt"),
        (write("page.pdf", b"%PDF"), "cannot add"),
    ];
    let before = tree(&raw);
    for (file, expected) in cases {
        let err = add(&options(&raw, std::slice::from_ref(&file))).unwrap_err();
        let message = err.to_string();
        assert!(message.contains(expected), "{}: {message}", file.display());
        assert!(message.contains(file.file_name().unwrap().to_str().unwrap()), "the error names the file: {message}");
        assert_ne!(err.exit_code(), 0);
        assert_eq!(tree(&raw), before, "{} changed raw/", file.display());
    }
}

#[test]
fn bad_flags_are_refused_before_anything_is_read() {
    let (_tmp, raw) = corpus();
    let before = tree(&raw);
    for citation in [Citation { published: Some("16/03/2025".into()), ..Citation::default() }, Citation { lang: Some("fr".into()), ..Citation::default() }] {
        let mut opts = options(&raw, &[fixture("news_page.html")]);
        opts.citation = citation;
        assert!(matches!(add(&opts).unwrap_err(), Error::Usage(_)));
    }
    let mut opts = options(&raw, &[fixture("news_page.html"), fixture("clipping.md")]);
    opts.citation.title = Some("One title for two articles".into());
    assert!(matches!(add(&opts).unwrap_err(), Error::Usage(_)));
    assert_eq!(tree(&raw), before);
}

#[test]
fn dry_run_shows_the_row_and_writes_nothing() {
    let (_tmp, raw) = corpus();
    let before = tree(&raw);
    let mut opts = options(&raw, &[fixture("news_page.html")]);
    opts.dry_run = true;
    let a = add(&opts).unwrap().remove(0);
    assert_eq!(tree(&raw), before);
    let shown = cecot_data::corpus::add::preview(&a, 3);
    assert!(shown.contains(&a.source_id) && shown.contains("The Example Ledger"), "{shown}");
    assert!(shown.contains("first 3 of 6 lines") && shown.contains("| Prison census shows crowding"), "{shown}");
}

#[test]
fn a_header_with_other_columns_gets_values_by_name_and_empty_unknowns() {
    let (_tmp, raw) = corpus();
    let old = fs::read_to_string(raw.join("sources.csv")).unwrap();
    // Columns reordered, as a user may keep them; `retrieved` is one add knows no value for.
    let mut reordered = String::from("language,source_id,sha256,path,retrieved,title\n");
    let mut reader = csv::Reader::from_reader(old.as_bytes());
    for r in reader.records() {
        let r = r.unwrap();
        reordered.push_str(&format!("{},{},{},{},,\n", &r[9], &r[0], &r[2], &r[1]));
    }
    fs::write(raw.join("sources.csv"), &reordered).unwrap();
    let a = add_one(&raw, &fixture("only_paragraphs.html"));
    let manifest = fs::read_to_string(raw.join("sources.csv")).unwrap();
    let last = manifest.lines().last().unwrap();
    assert!(last.starts_with(&format!("es,{},{},articles/", a.source_id, cell(&a, "sha256"))), "{last}");
    assert!(manifest.lines().next().unwrap().starts_with("language,source_id,sha256,path,retrieved,title,"), "{manifest}");
    assert_eq!(cell(&a, "retrieved"), "");
    build_and_validate(&raw);
}

#[test]
fn a_changed_page_fails_the_build() {
    let (_tmp, raw) = corpus();
    let a = add_one(&raw, &fixture("news_page.html"));
    fs::write(a.page_path.as_ref().unwrap(), "<p>edited</p>").unwrap();
    let out = raw.parent().unwrap().join("out");
    let err = build(&BuildOptions { raw: raw.clone(), out, ..BuildOptions::default() }).unwrap_err();
    assert!(matches!(err, Error::ChecksumMismatch { .. }), "{err}");
    assert!(err.to_string().contains(&format!("{}.html", a.source_id)), "{err}");
}

#[test]
fn a_folder_without_a_manifest_gets_one() {
    let tmp = tempfile::tempdir().unwrap();
    let raw = tmp.path().join("raw");
    let a = add_one(&raw, &fixture("clipping.md"));
    assert!(a.source_id.starts_with("000_"), "{}", a.source_id);
    let names: Vec<String> = files(&raw).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, [format!("articles/{}.txt", a.source_id), "sources.csv".to_string()]);
    build_and_validate(&raw);
}

#[test]
fn cli_add_prints_the_next_command_and_exits_non_zero_on_refusal() {
    let (_tmp, raw) = corpus();
    let bin = env!("CARGO_BIN_EXE_cecot-data");
    let run = |extra: &[&str]| Command::new(bin).arg("add").arg(fixture("clipping.md")).arg("--raw").arg(&raw).args(extra).output().unwrap();
    let dry = run(&["--dry-run"]);
    assert!(dry.status.success());
    assert!(String::from_utf8_lossy(&dry.stdout).contains("would add"), "{dry:?}");
    let added = run(&[]);
    assert!(added.status.success(), "{added:?}");
    assert!(String::from_utf8_lossy(&added.stderr).contains("next: cecot-data build --raw"), "{added:?}");
    let again = run(&[]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already in the corpus"), "{again:?}");
}

#[test]
fn a_failed_write_removes_what_was_written_and_keeps_the_manifest() {
    let (_tmp, raw) = corpus();
    let files = [fixture("news_page.html"), fixture("clipping.md")];
    let mut dry = options(&raw, &files);
    dry.dry_run = true;
    let planned = add(&dry).unwrap();
    // A stray file where the second text would go makes the write fail after the first
    // article's text and page are written.
    fs::write(&planned[1].text_path, "stray").unwrap();
    let before = tree(&raw);
    let err = add(&options(&raw, &files)).unwrap_err();
    assert!(matches!(err, Error::Io { .. }), "{err}");
    assert!(err.to_string().contains(&planned[1].source_id), "{err}");
    assert_eq!(tree(&raw), before);
    assert!(!raw.join("html").exists(), "the folder made for the page is removed again");
}
