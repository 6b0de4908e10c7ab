//! Replace an output directory all at once: build the new one beside it, then swap. A reader
//! (or a failed run) never sees a half-written dataset, and a failure leaves the previous
//! output exactly as it was.

use std::fs;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Marks a directory as written by the loader; only such a directory (or an empty one) is
/// replaced, so a mistyped `--out .` cannot swap away an unrelated folder.
const MARKER: &str = "datapackage.json";

/// Fill a fresh temporary directory next to `out` with `fill`, then put it in place of `out`.
/// On any failure the temporary directory is removed and `out` is left untouched.
pub(crate) fn replace_dir(out: &Path, fill: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    let (parent, name) = split(out)?;
    fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
    refuse_foreign(out)?;
    let tmp = parent.join(format!(".{name}.tmp-{}", std::process::id()));
    remove_if_present(&tmp)?; // left behind by a killed run that had our pid
    fs::create_dir(&tmp).map_err(|e| Error::io(&tmp, e))?;
    let result = fill(&tmp).and_then(|()| swap_in(&tmp, out, &parent, &name));
    if result.is_err() {
        let _ = fs::remove_dir_all(&tmp); // best effort: the error that matters is `result`
    }
    result
}

/// The directory `out` lives in and its own name.
fn split(out: &Path) -> Result<(PathBuf, String)> {
    let name = out.file_name().and_then(|n| n.to_str()).filter(|n| !n.is_empty());
    let Some(name) = name else {
        let message = "the output must be a named directory such as `output/`".to_string();
        return Err(Error::Write { path: out.to_path_buf(), message });
    };
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Ok((parent, name.to_string()))
}

/// Refuse to replace anything but an empty directory or a previous dataset.
fn refuse_foreign(out: &Path) -> Result<()> {
    let Ok(meta) = fs::symlink_metadata(out) else { return Ok(()) };
    let is_empty_dir = meta.is_dir() && fs::read_dir(out).map(|mut d| d.next().is_none()).unwrap_or(false);
    if is_empty_dir || (meta.is_dir() && out.join(MARKER).is_file()) {
        return Ok(());
    }
    let message = format!("it exists but is not a dataset written by cecot-data (no {MARKER}); remove it or choose another output directory");
    Err(Error::Write { path: out.to_path_buf(), message })
}

/// Move `out` aside, move `tmp` to `out`, then delete the old output. If the second move
/// fails the old output is moved back.
fn swap_in(tmp: &Path, out: &Path, parent: &Path, name: &str) -> Result<()> {
    if fs::symlink_metadata(out).is_err() {
        return fs::rename(tmp, out).map_err(|e| Error::io(out, e));
    }
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    remove_if_present(&old)?;
    fs::rename(out, &old).map_err(|e| Error::io(out, e))?;
    if let Err(e) = fs::rename(tmp, out) {
        let _ = fs::rename(&old, out); // put the previous output back; report the first error
        return Err(Error::io(out, e));
    }
    // The new output is in place; failing to delete the old copy must not fail the build.
    let _ = fs::remove_dir_all(&old);
    Ok(())
}

/// Remove a directory left over from an earlier run, if there is one.
fn remove_if_present(dir: &Path) -> Result<()> {
    match fs::remove_dir_all(dir) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::io(dir, e)),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(dir: &Path) -> Vec<(String, String)> {
        let mut found: Vec<_> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), fs::read_to_string(&p).unwrap()))
            .collect();
        found.sort();
        found
    }

    #[test]
    fn failure_midway_leaves_previous_output_and_no_temporary_dir() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        fs::create_dir(&out).unwrap();
        fs::write(out.join(MARKER), "old package").unwrap();
        fs::write(out.join("t.csv"), "old rows").unwrap();
        let result = replace_dir(&out, |dir| {
            fs::write(dir.join(MARKER), "new package").unwrap();
            fs::write(dir.join("t.csv"), "half of the new").unwrap();
            Err(Error::Write { path: dir.join("t.parquet"), message: "disk full".into() })
        });
        assert!(result.is_err());
        let old = vec![(MARKER.to_string(), "old package".to_string()), ("t.csv".into(), "old rows".into())];
        assert_eq!(files(&out), old);
        assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1, "only `out` remains");
    }

    #[test]
    fn success_replaces_every_file_and_drops_stale_ones() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        fs::create_dir(&out).unwrap();
        fs::write(out.join(MARKER), "old").unwrap();
        fs::write(out.join("stale.csv"), "gone").unwrap();
        replace_dir(&out, |dir| fs::write(dir.join(MARKER), "new").map_err(|e| Error::io(dir, e))).unwrap();
        assert_eq!(files(&out), vec![(MARKER.to_string(), "new".to_string())]);
        assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1, "only `out` remains");
    }

    #[test]
    fn a_relative_output_lives_in_the_current_directory() {
        assert_eq!(split(Path::new("output")).unwrap(), (PathBuf::from("."), "output".to_string()));
        assert!(split(Path::new("/")).is_err());
        assert!(split(Path::new("a/..")).is_err());
    }
}
