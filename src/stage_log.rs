//! `CECOT_STAGES=1`: one line on stderr per stage of a build (seconds since start, resident
//! and peak memory), to find which stage is slow or holds the memory. Silent otherwise.

use std::sync::OnceLock;
use std::time::Instant;

fn start() -> Option<&'static Instant> {
    static START: OnceLock<Option<Instant>> = OnceLock::new();
    START.get_or_init(|| std::env::var_os("CECOT_STAGES").map(|_| Instant::now())).as_ref()
}

/// Log that `stage` is done, when `CECOT_STAGES` is set.
pub fn done(stage: &str) {
    let Some(start) = start() else { return };
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = |key: &str| status.lines().find_map(|l| l.strip_prefix(key)).and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok()).unwrap_or(0);
    eprintln!("stage {stage:<28} {:>8.2} s  rss {:>6} MB  peak {:>6} MB", start.elapsed().as_secs_f64(), kb("VmRSS:") / 1024, kb("VmHWM:") / 1024);
}
