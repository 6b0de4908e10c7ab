//! Builds past one machine. `build --shard I/N` processes the articles whose source id hashes
//! to I (of N) and writes their rows as Parquet, hive-partitioned so that duckdb and polars
//! read the shards of every machine as one table:
//!
//! ```text
//! DIR/sources/shard=I/part-I-of-N.parquet      (likewise mentions/, statements/)
//! DIR/_shards/part-I-of-N.json                 (articles in manifest order, review outcome)
//! ```
//!
//! `merge DIR...` reads the shards back as records, puts the articles in manifest order,
//! computes comparisons and derived figures once, and writes the same dataset, byte for byte,
//! as a single build of the whole corpus.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::load::rows::{rows_table, table_rows, MentionRow, Row, SourceRow, StatementRow};
use crate::load::{read_parquet_table, write_parquet_table, Table};
use crate::pipeline::CorpusRows;
use crate::review::ArticleReview;

/// The part of a corpus one machine builds: shard `index` of `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u64,
    pub count: u64,
}

impl FromStr for Shard {
    type Err = String;

    /// `I/N` with 0 <= I < N.
    fn from_str(s: &str) -> std::result::Result<Shard, String> {
        let bad = || format!("{s:?} is not a shard; write I/N with 0 <= I < N, e.g. 0/3");
        let (i, n) = s.split_once('/').ok_or_else(bad)?;
        let (index, count): (u64, u64) = (i.trim().parse().map_err(|_| bad())?, n.trim().parse().map_err(|_| bad())?);
        if count == 0 || index >= count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

impl Shard {
    /// Does the article with this source id belong to the shard? A stable hash (the first 8
    /// bytes of the id's SHA-256), the same on every machine and every run.
    pub fn holds(&self, source_id: &str) -> bool {
        let digest = Sha256::digest(source_id.as_bytes());
        let mut first = [0u8; 8];
        first.copy_from_slice(&digest[..8]);
        u64::from_be_bytes(first) % self.count == self.index
    }

    fn stem(&self) -> String {
        format!("part-{}-of-{}", self.index, self.count)
    }
}

/// What a shard holds besides its rows: which shard it is, its articles with their place in
/// the manifest, and what the review sheet did to them.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ShardManifest {
    pub index: u64,
    pub count: u64,
    /// (0-based row of the manifest, source_id) of each article, in manifest order.
    pub articles: Vec<(usize, String)>,
    /// The review sheet's outcome on the shard's articles, when the corpus has one.
    pub review: Option<ArticleReview>,
}

/// Write a shard's rows into `dir` (created if needed; other shards may write there too).
pub fn write_shard(dir: &Path, shard: Shard, manifest: ShardManifest, rows: CorpusRows) -> Result<()> {
    let tables = [rows_table(rows.sources), rows_table(rows.mentions), rows_table(rows.statements)];
    for table in &tables {
        let folder = dir.join(table.def.name).join(format!("shard={}", shard.index));
        write_atomically(&folder.join(format!("{}.parquet", shard.stem())), |tmp| write_parquet_table(tmp, table))?;
    }
    let json = serde_json::to_string_pretty(&manifest).map_err(|e| Error::Write { path: dir.to_path_buf(), message: e.to_string() })?;
    let path = dir.join("_shards").join(format!("{}.json", shard.stem()));
    write_atomically(&path, |tmp| std::fs::write(tmp, json.as_bytes()).map_err(|e| Error::io(tmp, e)))
}

/// Write a file through a temporary name beside it, so a reader never sees half of it.
fn write_atomically(path: &Path, write: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    let folder = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder).map_err(|e| Error::io(folder, e))?;
    let tmp = folder.join(format!(".{}.tmp-{}", path.file_name().unwrap_or_default().to_string_lossy(), std::process::id()));
    write(&tmp).and_then(|()| std::fs::rename(&tmp, path).map_err(|e| Error::io(path, e))).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

/// Every shard in `dirs`, read back: the rows of all articles in manifest order, and the
/// review outcomes of the shards (None when the shards were built without a review sheet).
pub fn read_shards(dirs: &[PathBuf]) -> Result<(CorpusRows, Option<ArticleReview>)> {
    let mut manifests: Vec<(PathBuf, ShardManifest)> = Vec::new();
    for dir in dirs {
        let folder = dir.join("_shards");
        let entries = std::fs::read_dir(&folder).map_err(|e| Error::io(&folder, e))?;
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "json")).collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
            let m: ShardManifest =
                serde_json::from_str(&text).map_err(|e| Error::Shard { path: path.clone(), message: format!("not a shard manifest: {e}") })?;
            manifests.push((path, m));
        }
    }
    check_complete(dirs, &manifests)?;
    let mut order: Vec<(usize, String)> = Vec::new();
    let (mut sources, mut mentions, mut statements) = (HashMap::new(), HashMap::new(), HashMap::new());
    let mut review: Option<ArticleReview> = None;
    for (path, m) in &manifests {
        let dir = path.parent().and_then(Path::parent).unwrap_or(Path::new("."));
        let shard = Shard { index: m.index, count: m.count };
        for row in read_rows::<SourceRow>(dir, shard)? {
            sources.insert(row.source_id.clone(), row);
        }
        group(&mut mentions, read_rows::<MentionRow>(dir, shard)?, |r| r.source_id.clone());
        group(&mut statements, read_rows::<StatementRow>(dir, shard)?, |r| r.source_id.clone());
        order.extend(m.articles.iter().cloned());
        if let Some(r) = &m.review {
            review.get_or_insert_with(ArticleReview::default).add(r.clone());
        }
    }
    order.sort();
    let mut rows = CorpusRows::default();
    for (_, source_id) in order {
        let source = sources.remove(&source_id).ok_or_else(|| Error::Shard {
            path: dirs.first().cloned().unwrap_or_default(),
            message: format!("article {source_id} is listed in a shard manifest but has no row in its sources/ file"),
        })?;
        rows.sources.push(source);
        rows.mentions.extend(mentions.remove(&source_id).unwrap_or_default());
        rows.statements.extend(statements.remove(&source_id).unwrap_or_default());
    }
    Ok((rows, review))
}

/// Every shard of one split, each once, and no article twice.
fn check_complete(dirs: &[PathBuf], manifests: &[(PathBuf, ShardManifest)]) -> Result<()> {
    let place = dirs.first().cloned().unwrap_or_default();
    let Some((_, first)) = manifests.first() else {
        return Err(Error::Shard { path: place, message: "holds no shard (no _shards/part-*.json); build them with `build --shard I/N --out DIR`".into() });
    };
    let mut seen: BTreeMap<u64, &Path> = BTreeMap::new();
    for (path, m) in manifests {
        if m.count != first.count {
            return Err(Error::Shard {
                path: path.clone(),
                message: format!("is shard {}/{} but others are of {}; merge the shards of one split", m.index, m.count, first.count),
            });
        }
        if let Some(other) = seen.insert(m.index, path) {
            return Err(Error::Shard { path: path.clone(), message: format!("shard {} is also in {}; give each shard once", m.index, other.display()) });
        }
    }
    let missing: Vec<String> = (0..first.count).filter(|i| !seen.contains_key(i)).map(|i| format!("{i}/{}", first.count)).collect();
    if !missing.is_empty() {
        return Err(Error::Shard { path: place, message: format!("shard(s) {} missing; build them before merging", missing.join(", ")) });
    }
    Ok(())
}

/// The rows of one table of one shard.
fn read_rows<R: Row>(dir: &Path, shard: Shard) -> Result<Vec<R>> {
    let path = dir.join(R::TABLE.name).join(format!("shard={}", shard.index)).join(format!("{}.parquet", shard.stem()));
    let table: Table = read_parquet_table(&path, R::TABLE)?;
    table_rows(&table).map_err(|i| Error::Shard { path, message: format!("row {} does not fit table {}", i + 1, R::TABLE.name) })
}

/// Append rows to their group, keeping their order.
fn group<R>(groups: &mut HashMap<String, Vec<R>>, rows: Vec<R>, key: impl Fn(&R) -> String) {
    for row in rows {
        groups.entry(key(&row)).or_default().push(row);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shard_parses_i_of_n() {
        assert_eq!("1/3".parse::<Shard>(), Ok(Shard { index: 1, count: 3 }));
        assert!("3/3".parse::<Shard>().is_err());
        assert!("0/0".parse::<Shard>().is_err());
        assert!("a/3".parse::<Shard>().is_err());
    }

    #[test]
    fn every_article_falls_in_exactly_one_shard() {
        for id in ["000_a", "001_b", "x:y", ""] {
            let held: Vec<u64> = (0..5).filter(|&i| Shard { index: i, count: 5 }.holds(id)).collect();
            assert_eq!(held.len(), 1, "{id}: {held:?}");
        }
    }
}
