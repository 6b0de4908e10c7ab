//! `CECOT_STAGES=1`: one line on stderr per stage of a build (seconds since start, CPU seconds
//! of the process since start, resident and peak memory), to find which stage is slow, which
//! runs on one core (its CPU time grows no faster than its wall time with `--jobs 2`), or holds
//! the memory. Silent otherwise.

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
    let (wall, cpu) = (start.elapsed().as_secs_f64(), cpu_seconds());
    eprintln!("stage {stage:<28} {wall:>8.2} s  cpu {cpu:>8.2} s  rss {:>6} MB  peak {:>6} MB", kb("VmRSS:") / 1024, kb("VmHWM:") / 1024);
}

/// User and system CPU time of the whole process (every thread) so far.
fn cpu_seconds() -> f64 {
    // SAFETY: rusage is plain data, zeroed is a valid value; getrusage only fills it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) } != 0 {
        return 0.0;
    }
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    seconds(usage.ru_utime) + seconds(usage.ru_stime)
}
