//! Builds past one machine: shards built apart and merged give the single build's bytes.

use std::path::Path;

use cecot_data::error::Error;
use cecot_data::pipeline::{build, merge, BuildOptions, MergeOptions};
use cecot_data::shard::Shard;

mod common;
use common::{files, repo, write_corpus};

fn build_shard(raw: &Path, out: &Path, index: u64, count: u64) {
    let shard = Some(Shard { index, count });
    build(&BuildOptions { raw: raw.to_path_buf(), out: out.to_path_buf(), progress: false, shard, ..BuildOptions::default() }).unwrap();
}

fn merge_into(shards: Vec<std::path::PathBuf>, out: &Path) -> Result<cecot_data::pipeline::BuildSummary, Error> {
    merge(&MergeOptions { shards, out: out.to_path_buf(), raw: repo().join("raw"), ..MergeOptions::default() })
}

#[test]
fn three_shards_merged_equal_a_single_build_byte_for_byte() {
    let tmp = tempfile::tempdir().unwrap();
    let raw = repo().join("raw");
    // Two shards share one folder (as a job array writing to shared storage), one has its own.
    let (shared, own) = (tmp.path().join("shared"), tmp.path().join("own"));
    build_shard(&raw, &shared, 0, 3);
    build_shard(&raw, &own, 1, 3);
    build_shard(&raw, &shared, 2, 3);
    let merged = tmp.path().join("merged");
    merge_into(vec![shared.clone(), own.clone()], &merged).unwrap();
    let single = tmp.path().join("single");
    build(&BuildOptions { raw, out: single.clone(), progress: false, ..BuildOptions::default() }).unwrap();
    assert_eq!(files(&merged), files(&single));
}

#[test]
fn the_corpus_start_of_running_totals_is_read_across_shards() {
    // Made-up articles: one states when the count began, the others only counts since then.
    let tmp = tempfile::tempdir().unwrap();
    let raw = tmp.path().join("raw");
    let start = "Rule\n\nThe state of exception was declared on March 14, 2021. Since then, police have arrested 12,345 people.\n";
    let count = "Rule\n\nPolice have arrested more than 23,456 people since the state of exception began, the ministry said.\n";
    let cuenta = "Régimen\n\nLa policía ha capturado a más de 34.567 personas desde que inició el régimen de excepción, informó el ministerio.\n";
    write_corpus(&raw, &[("en_a", "en", "2024-05-10", start), ("en_b", "en", "2024-06-20", count), ("es_c", "es", "2024-07-02", cuenta)]);
    let shards: Vec<_> = (0..3).map(|i| tmp.path().join(format!("shard{i}"))).collect();
    for (i, dir) in shards.iter().enumerate() {
        build_shard(&raw, dir, i as u64, 3);
    }
    let merged = tmp.path().join("merged");
    merge(&MergeOptions { shards, out: merged.clone(), raw: raw.clone(), ..MergeOptions::default() }).unwrap();
    let single = tmp.path().join("single");
    build(&BuildOptions { raw, out: single.clone(), progress: false, ..BuildOptions::default() }).unwrap();
    assert_eq!(files(&merged), files(&single));
    let statements = std::fs::read_to_string(merged.join("statements.csv")).unwrap();
    assert_eq!(statements.matches("2021-03-14/").count(), 3, "{statements}");
    assert_eq!(statements.matches(",en_a:").count(), 2, "{statements}");
}

#[test]
fn a_missing_shard_is_named_and_nothing_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("shards");
    build_shard(&repo().join("raw"), &dir, 0, 2);
    let out = tmp.path().join("out");
    let err = merge_into(vec![dir], &out).unwrap_err();
    assert!(err.to_string().contains("1/2 missing"), "{err}");
    assert!(!out.exists());
}
