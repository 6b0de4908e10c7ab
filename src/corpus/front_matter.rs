//! The YAML front matter of a clipped article: `key: value` pairs between `---` lines at the
//! top of a .txt or .md file, as web clippers (Obsidian's among them) write them. The text is
//! stored as it is, front matter included; this only reads the citation out of it.

use yaml_rust2::{Yaml, YamlLoader};

/// One key of the front matter with its values (a list gives several) and its line in the file.
#[derive(Debug, Clone)]
struct Entry {
    key: String,
    values: Vec<String>,
    line: u64,
}

/// The scalar fields of a front matter, keys lower-cased.
#[derive(Debug, Clone, Default)]
pub struct FrontMatter {
    entries: Vec<Entry>,
}

/// A front matter that is not YAML: the line of the file and what is wrong.
#[derive(Debug, Clone)]
pub struct Malformed {
    pub line: u64,
    pub message: String,
}

impl FrontMatter {
    /// The first of `keys` that has a value: the values joined by `; `, the key and its line.
    pub fn get(&self, keys: &[String]) -> Option<(String, &str, u64)> {
        keys.iter().find_map(|k| {
            let e = self.entries.iter().find(|e| &e.key == k && !e.values.is_empty())?;
            Some((e.values.join("; "), e.key.as_str(), e.line))
        })
    }
}

/// Read the front matter at the top of `text`; `None` when the text has none.
pub fn read(text: &str) -> Result<Option<FrontMatter>, Malformed> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.lines();
    if lines.next().map(str::trim_end) != Some("---") {
        return Ok(None);
    }
    let body: Vec<&str> = lines.by_ref().take_while(|l| !matches!(l.trim_end(), "---" | "...")).collect();
    if body.len() == text.lines().count() - 1 {
        return Err(Malformed { line: 1, message: "front matter opened with `---` is never closed by a `---` line".into() });
    }
    let yaml = body.join("\n");
    let docs = YamlLoader::load_from_str(&yaml)
        .map_err(|e| Malformed { line: 1 + e.marker().line() as u64, message: format!("front matter is not YAML: {}", e.info()) })?;
    let Some(Yaml::Hash(map)) = docs.into_iter().next() else {
        return Ok(Some(FrontMatter::default()));
    };
    let entries = map
        .iter()
        .filter_map(|(k, v)| {
            let key = scalar(k)?.to_lowercase();
            let line = key_line(&body, &key);
            Some(Entry { values: values(v), key, line })
        })
        .collect();
    Ok(Some(FrontMatter { entries }))
}

/// A value's text: a scalar as it is, a list as its scalars; Obsidian's `[[Name]]` links
/// unwrapped.
fn values(v: &Yaml) -> Vec<String> {
    let items: Vec<&Yaml> = match v {
        Yaml::Array(items) => items.iter().collect(),
        other => vec![other],
    };
    items.into_iter().filter_map(scalar).map(|s| unlink(&s)).filter(|s| !s.is_empty()).collect()
}

fn scalar(v: &Yaml) -> Option<String> {
    match v {
        Yaml::String(s) | Yaml::Real(s) => Some(s.trim().to_string()),
        Yaml::Integer(i) => Some(i.to_string()),
        Yaml::Boolean(b) => Some(b.to_string()),
        _ => None,
    }
}

/// `[[Gisela Salim-Peyer]]` -> `Gisela Salim-Peyer`.
fn unlink(s: &str) -> String {
    s.strip_prefix("[[").and_then(|s| s.strip_suffix("]]")).unwrap_or(s).trim().to_string()
}

/// The file line of a top-level key (the opening `---` is line 1).
fn key_line(body: &[&str], key: &str) -> u64 {
    let at = body.iter().position(|l| l.split_once(':').is_some_and(|(k, _)| k.trim().trim_matches(['"', '\'']).eq_ignore_ascii_case(key)));
    at.map_or(1, |i| i as u64 + 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(k: &[&str]) -> Vec<String> {
        k.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn clipper_front_matter_is_read() {
        let text =
            "---\ntitle: A title\nsource: https://x.example/a\nauthor:\n  - \"[[Ana Pérez]]\"\n  - \"[[Luis Díaz]]\"\npublished: 2025-07-23\n---\nBody 12.\n";
        let fm = read(text).unwrap().unwrap();
        assert_eq!(fm.get(&keys(&["url", "source"])).unwrap().0, "https://x.example/a");
        assert_eq!(fm.get(&keys(&["author"])).unwrap().0, "Ana Pérez; Luis Díaz");
        let (date, key, line) = fm.get(&keys(&["published"])).unwrap();
        assert_eq!((date.as_str(), key, line), ("2025-07-23", "published", 7));
    }

    #[test]
    fn text_without_front_matter_has_none() {
        assert!(read("Headline\n---\nBody\n").unwrap().is_none());
    }

    #[test]
    fn unclosed_front_matter_is_malformed() {
        assert!(read("---\ntitle: x\nBody\n").is_err());
    }

    #[test]
    fn broken_yaml_names_a_line() {
        let err = read("---\ntitle: x\nauthor: [a, b\n---\nBody\n").unwrap_err();
        assert!(err.line >= 2, "{err:?}");
    }
}
