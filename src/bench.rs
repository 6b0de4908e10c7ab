//! Throughput of the extractor: the corpus's articles, per language, concatenated and repeated
//! up to a target size, run through an [`crate::extract::Extractor`] and timed. Comparing the
//! throughput at the largest and the smallest size shows whether the extractor scales linearly
//! with the length of an article (ratio near 1.0) or worse (ratio well below 1.0).
//!
//! Each size also times a `regex` scan for digit runs (`\d+`) over the same text in the same
//! run: the floor of any number extractor, against which the extractor's MB/s is quoted (a
//! ratio, since absolute times on a shared machine are noise).
//!
//! Sizes are in megabytes of UTF-8 text, 1 MB = 1,000,000 bytes.

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::error::{Error, Result};
use crate::extract::{ArticleContext, Extractor, Lexicons};

/// Bytes in one MB of the size arguments.
pub const BYTES_PER_MB: usize = 1_000_000;

/// Timed runs per size by default: each size reports the best of this many, so sizes are
/// compared on equal terms (one run of the largest size alone read 0.76-1.02 of the smaller
/// sizes' throughput across repeats on one machine: noise, not scaling).
pub const DEFAULT_RUNS: usize = 3;

/// One timing: one language's text at one size.
#[derive(Debug, Clone, PartialEq)]
pub struct BenchRow {
    /// Language of the articles and of the lexicon used.
    pub language: String,
    /// Target size in MB, as asked.
    pub size_mb: usize,
    /// Actual size of the text in bytes (the target, cut back to a character boundary).
    pub bytes: usize,
    /// Mentions found in the text.
    pub mentions: usize,
    /// Timed runs; `seconds` is the best of them.
    pub runs: usize,
    /// Wall-clock seconds of the fastest run of `extract`.
    pub seconds: f64,
    /// Throughput: `bytes` / 1,000,000 / `seconds`.
    pub mb_per_s: f64,
    /// Throughput of the `\d+` regex scan of the same text (best of as many runs).
    pub regex_mb_per_s: f64,
}

/// The baseline scan: every run of digits.
const DIGIT_SCAN: &str = r"\d+";

/// Time `extract` on the corpus in `raw` (a folder with `sources.csv`), for each language
/// with articles and each size in `sizes_mb`. Rows come per language, in the order of
/// `sizes_mb`. Each size is timed `runs` times and reports the fastest.
pub fn run(raw: &Path, sizes_mb: &[usize], runs: usize) -> Result<Vec<BenchRow>> {
    if sizes_mb.is_empty() || sizes_mb.contains(&0) {
        return Err(Error::Usage(format!("bench sizes must be whole megabytes above 0, got {sizes_mb:?}")));
    }
    if runs == 0 {
        return Err(Error::Usage("bench runs must be 1 or more".into()));
    }
    let sizes: Vec<usize> = sizes_mb.iter().map(|mb| mb * BYTES_PER_MB).collect();
    let rows = run_bytes(raw, &sizes, runs)?;
    Ok(rows.into_iter().zip(sizes_mb.iter().cycle()).map(|(row, mb)| BenchRow { size_mb: *mb, ..row }).collect())
}

/// [`run`] with sizes in bytes; `size_mb` of each row is the size rounded down to MB.
fn run_bytes(raw: &Path, sizes: &[usize], runs: usize) -> Result<Vec<BenchRow>> {
    let sources = crate::corpus::load(raw)?;
    let lexicons = Lexicons::embedded()?;
    let mut languages: Vec<&str> = sources.iter().map(|a| a.source.language.as_str()).collect();
    languages.sort_unstable();
    languages.dedup();
    let digits = regex::Regex::new(DIGIT_SCAN).expect("valid regex");
    let mut rows = Vec::new();
    for language in languages {
        let lexicon = lexicons.get(language).ok_or_else(|| Error::Knowledge {
            file: format!("schemas/lexicon/{language}.toml"),
            message: format!("no embedded lexicon for language {language:?}, which the corpus uses"),
        })?;
        let extractor = Extractor::new(lexicon); // compiled once, outside the timed runs
        let articles: Vec<&str> = sources.iter().filter(|a| a.source.language == language).map(|a| a.text.as_str()).collect();
        for &size in sizes {
            let text = repeat_to(&articles, size);
            let mut best = Duration::MAX;
            let mut mentions = 0;
            for _ in 0..runs {
                let started = Instant::now();
                let extraction = extractor.extract(&text, ArticleContext::default());
                let elapsed = started.elapsed();
                mentions = extraction.mentions.len();
                drop(extraction);
                best = best.min(elapsed);
            }
            let seconds = best.as_secs_f64().max(f64::MIN_POSITIVE);
            let regex_seconds = best_of(runs, || digits.find_iter(&text).count()).as_secs_f64().max(f64::MIN_POSITIVE);
            rows.push(BenchRow {
                language: language.to_string(),
                size_mb: size / BYTES_PER_MB,
                bytes: text.len(),
                mentions,
                runs,
                seconds,
                mb_per_s: text.len() as f64 / BYTES_PER_MB as f64 / seconds,
                regex_mb_per_s: text.len() as f64 / BYTES_PER_MB as f64 / regex_seconds,
            });
        }
    }
    Ok(rows)
}

/// The fastest of `runs` timed calls of `f`.
fn best_of<R>(runs: usize, mut f: impl FnMut() -> R) -> Duration {
    (0..runs)
        .map(|_| {
            let started = Instant::now();
            std::hint::black_box(f());
            started.elapsed()
        })
        .min()
        .unwrap_or(Duration::MAX)
}

/// The articles joined by blank lines, repeated until the text reaches `bytes`, then cut back
/// to the last character boundary at or before `bytes`.
fn repeat_to(articles: &[&str], bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + 4);
    if articles.iter().all(|a| a.is_empty()) {
        return text;
    }
    'fill: loop {
        for article in articles {
            if text.len() >= bytes {
                break 'fill;
            }
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            text.push_str(article);
        }
    }
    let mut cut = bytes.min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    text.truncate(cut);
    text
}

/// A plain-text table of the rows and, per language, the throughput at the largest size
/// divided by the throughput at the smallest (linear scaling is about 1.0).
pub fn report(rows: &[BenchRow]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<8} {:>8} {:>12} {:>9} {:>4} {:>10} {:>9} {:>11} {:>12}",
        "language", "size_mb", "bytes", "mentions", "runs", "seconds", "MB/s", "regex MB/s", "extract/regex"
    );
    for r in rows {
        let _ = writeln!(
            out,
            "{:<8} {:>8} {:>12} {:>9} {:>4} {:>10.3} {:>9.3} {:>11.1} {:>12}",
            r.language,
            r.size_mb,
            r.bytes,
            r.mentions,
            r.runs,
            r.seconds,
            r.mb_per_s,
            r.regex_mb_per_s,
            format!("1/{:.1}", r.regex_mb_per_s / r.mb_per_s)
        );
    }
    let _ = writeln!(
        out,
        "regex: a `{DIGIT_SCAN}` scan (every run of digits) of the same text in the same run; extract/regex is the extractor's share of its throughput"
    );
    let mut languages: Vec<&str> = rows.iter().map(|r| r.language.as_str()).collect();
    languages.dedup();
    for language in languages {
        let of_language: Vec<&BenchRow> = rows.iter().filter(|r| r.language == language).collect();
        let smallest = of_language.iter().min_by_key(|r| r.bytes);
        let largest = of_language.iter().max_by_key(|r| r.bytes);
        if let (Some(s), Some(l)) = (smallest, largest) {
            if s.bytes == l.bytes {
                let _ = writeln!(out, "{language}: one size only, no scaling ratio");
            } else {
                let ratio = l.mb_per_s / s.mb_per_s;
                let _ = writeln!(
                    out,
                    "{language}: throughput {} MB / {} MB = {ratio:.2} (linear scaling is about 1.0; below 1.0 the extractor slows down on longer text)",
                    format_mb(l.bytes),
                    format_mb(s.bytes),
                );
            }
        }
    }
    out
}

fn format_mb(bytes: usize) -> String {
    let mb = bytes as f64 / BYTES_PER_MB as f64;
    if mb.fract() == 0.0 {
        format!("{mb:.0}")
    } else {
        format!("{mb:.2}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("raw")
    }

    #[test]
    fn repeat_to_reaches_the_size_on_a_char_boundary() {
        let text = repeat_to(&["año ñandú", "b"], 25);
        assert!(text.len() <= 25 && text.len() >= 22, "{text:?}");
        assert!(text.starts_with("año ñandú\n\nb\n\naño"), "{text:?}");
        assert_eq!(repeat_to(&[""], 10), "");
    }

    #[test]
    fn zero_or_no_size_is_a_usage_error() {
        assert!(matches!(run(&raw(), &[], DEFAULT_RUNS), Err(Error::Usage(_))));
        assert!(matches!(run(&raw(), &[0, 1], DEFAULT_RUNS), Err(Error::Usage(_))));
        assert!(matches!(run(&raw(), &[1], 0), Err(Error::Usage(_))));
    }

    #[test]
    fn bench_times_each_language_and_size() {
        let rows = run_bytes(&raw(), &[100_000, 200_000], 2).expect("the corpus in raw/ loads");
        assert!(!rows.is_empty());
        for r in &rows {
            assert!(r.mentions > 0 && r.seconds > 0.0 && r.mb_per_s > 0.0 && r.regex_mb_per_s > 0.0, "{r:?}");
            assert!(r.bytes <= 200_000 && r.bytes > 99_000, "{r:?}");
        }
        assert!(rows.iter().all(|r| r.runs == 2), "every size is timed as often: {rows:?}");
        let text = report(&rows);
        assert!(text.contains("MB/s") && text.contains("linear scaling") && text.contains("regex MB/s"), "{text}");
    }

    #[test]
    fn bench_runs_at_one_megabyte() {
        let rows = run(&raw(), &[1], 1).expect("the corpus in raw/ loads");
        assert!(rows.iter().all(|r| r.size_mb == 1 && r.runs == 1 && r.mentions > 0), "{rows:?}");
        eprintln!("{}", report(&rows));
    }

    /// `cargo test --lib bench::tests::scaling_1_2_5 -- --ignored --nocapture` prints the table.
    #[test]
    #[ignore = "slow in the dev profile; run by hand to see the scaling ratio"]
    fn scaling_1_2_5() {
        let rows = run(&raw(), &[1, 2, 5], DEFAULT_RUNS).expect("the corpus in raw/ loads");
        eprintln!("{}", report(&rows));
    }
}
