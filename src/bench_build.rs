//! `bench --build`: whole builds timed at several corpus sizes. The corpus's articles are
//! repeated under distinct ids up to each size, and each build runs as a child process, so its
//! peak resident memory (from `wait4`) is its own. The report gives wall time, time per
//! article, peak RSS and rows per table at each size, and the ratio of time per article at the
//! largest size to the smallest (a linear build is about 1.0).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use crate::corpus::{self, MANIFEST};
use crate::error::{Error, Result};
use crate::load::schema;

/// One timed build.
#[derive(Debug, Clone, PartialEq)]
pub struct BuildBenchRow {
    pub articles: usize,
    pub seconds: f64,
    /// Peak resident set of the build process, in bytes.
    pub peak_rss: u64,
    /// (table, rows) in the order of [`schema::TABLES`].
    pub rows: Vec<(&'static str, usize)>,
}

/// Build the corpus in `raw` repeated to each size in `articles`, in a child process running
/// `exe build`, with `jobs` threads (None: all cores). Corpora and outputs go under `work`.
pub fn run(exe: &Path, raw: &Path, articles: &[usize], jobs: Option<usize>, work: &Path) -> Result<Vec<BuildBenchRow>> {
    if articles.is_empty() || articles.contains(&0) {
        return Err(Error::Usage(format!("bench --articles must be counts above 0, got {articles:?}")));
    }
    let source = corpus::load(raw)?;
    let mut rows = Vec::new();
    for &n in articles {
        let dir = work.join(format!("corpus-{n}"));
        repeat_corpus(&source, n, &dir)?;
        let out = work.join(format!("out-{n}"));
        let mut cmd = Command::new(exe);
        cmd.args(["-q", "build", "--raw"]).arg(&dir).arg("--out").arg(&out);
        if let Some(j) = jobs {
            cmd.args(["--jobs", &j.to_string()]);
        }
        let started = Instant::now();
        let peak_rss = run_child(cmd, exe)?;
        let seconds = started.elapsed().as_secs_f64();
        let counts = schema::TABLES.iter().map(|t| Ok((t.name, count_rows(&out.join(format!("{}.csv", t.name)))?))).collect::<Result<Vec<_>>>()?;
        rows.push(BuildBenchRow { articles: n, seconds, peak_rss, rows: counts });
        let _ = std::fs::remove_dir_all(&dir);
        let _ = std::fs::remove_dir_all(&out);
    }
    Ok(rows)
}

/// Write a corpus of `n` articles into `dir`: the articles of `source` in turn, each under a
/// new id `<id>_<k>` (as /work/shared/tools/synth_corpus.py makes them).
fn repeat_corpus(source: &[corpus::Article], n: usize, dir: &Path) -> Result<()> {
    let articles = dir.join("articles");
    std::fs::create_dir_all(&articles).map_err(|e| Error::io(&articles, e))?;
    let manifest = dir.join(MANIFEST);
    let fail = |e: csv::Error| Error::Write { path: manifest.clone(), message: e.to_string() };
    let mut w = csv::Writer::from_path(&manifest).map_err(fail)?;
    w.write_record(["source_id", "path", "sha256", "language", "publisher", "published"]).map_err(fail)?;
    for k in 0..n {
        let a = &source[k % source.len()];
        let id = format!("{}_{k:05}", a.source.source_id);
        let path = format!("articles/{id}.txt");
        std::fs::write(dir.join(&path), &a.text).map_err(|e| Error::io(dir.join(&path), e))?;
        let published = a.source.published.map(|d| d.to_string()).unwrap_or_default();
        let publisher = a.source.publisher.clone().unwrap_or_default();
        w.write_record([id.as_str(), &path, &a.source.sha256, &a.source.language, &publisher, &published]).map_err(fail)?;
    }
    w.flush().map_err(|e| Error::io(&manifest, e))
}

/// Run a command to its end and return its peak resident set in bytes; a failure is an error.
fn run_child(mut cmd: Command, exe: &Path) -> Result<u64> {
    let child = cmd.spawn().map_err(|e| Error::io(exe, e))?;
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: rusage is plain data, zeroed is a valid value; wait4 fills it for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    if waited != pid {
        return Err(Error::io(exe, std::io::Error::last_os_error()));
    }
    if !(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0) {
        return Err(Error::Usage(format!("the benchmarked build failed (wait status {status}); run it alone to see its error")));
    }
    Ok(usage.ru_maxrss as u64 * 1024) // kilobytes on Linux
}

/// Records of a CSV file (quoted newlines do not count).
fn count_rows(path: &PathBuf) -> Result<usize> {
    let mut r = csv::Reader::from_path(path).map_err(|e| Error::Write { path: path.clone(), message: e.to_string() })?;
    Ok(r.records().count())
}

/// The rows as a table, and the ratio of time per article at the largest size to the smallest.
pub fn report(rows: &[BuildBenchRow]) -> String {
    let mut out = String::new();
    let _ = write!(out, "{:>9} {:>9} {:>12} {:>10}", "articles", "seconds", "ms/article", "peak_MB");
    for t in schema::TABLES {
        let _ = write!(out, " {:>11}", t.name);
    }
    out.push('\n');
    for r in rows {
        let _ = write!(out, "{:>9} {:>9.2} {:>12.3} {:>10.1}", r.articles, r.seconds, per_article_ms(r), r.peak_rss as f64 / 1e6);
        for (_, n) in &r.rows {
            let _ = write!(out, " {n:>11}");
        }
        out.push('\n');
    }
    let smallest = rows.iter().min_by_key(|r| r.articles);
    let largest = rows.iter().max_by_key(|r| r.articles);
    if let (Some(s), Some(l)) = (smallest, largest) {
        if s.articles != l.articles {
            let _ = writeln!(
                out,
                "time per article at {} / at {} articles = {:.2} (a linear build is about 1.0)",
                l.articles,
                s.articles,
                per_article_ms(l) / per_article_ms(s)
            );
        }
    }
    out
}

fn per_article_ms(r: &BuildBenchRow) -> f64 {
    r.seconds * 1000.0 / r.articles.max(1) as f64
}
