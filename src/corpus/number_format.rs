//! How an article writes its numbers: `1,234.5` (comma groups, point decimal: English, and the
//! Spanish of El Salvador, Mexico and Central America) or `1.234,5` (point groups, comma decimal:
//! Spain and most of South America). `58,213` is sixty-four thousand in the first and sixty-four
//! point one in the second, so the extractor reads every figure of an article by one decision,
//! made once per article, never guessed number by number:
//!
//! 1. the manifest's `number_format` column, when given;
//! 2. else the article's own unambiguous numbers (`1,318,900`, `0,63`, `27.5`, `3,9 millones`),
//!    when they agree by a clear majority;
//! 3. else what the outlet is known to use (schemas/number_formats.toml: url domains and
//!    publisher names);
//! 4. else the default of the article's language (its lexicon's marks).

use std::fmt;

use regex::Regex;
use serde::Deserialize;

use crate::error::{Error, Result};

/// The number formats an article may use, named by how they write one thousand two hundred
/// thirty-four and a half.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
pub enum NumberFormat {
    /// `1,234.5`
    #[serde(rename = "1,234.5")]
    PointDecimal,
    /// `1.234,5`
    #[serde(rename = "1.234,5")]
    CommaDecimal,
}

/// Every format's name, as the manifest and the sources table write it.
pub const NUMBER_FORMATS: &[&str] = &["1,234.5", "1.234,5"];

impl NumberFormat {
    /// `1,234.5` or `1.234,5`.
    pub fn parse(s: &str) -> Option<NumberFormat> {
        match s.trim() {
            "1,234.5" => Some(NumberFormat::PointDecimal),
            "1.234,5" => Some(NumberFormat::CommaDecimal),
            _ => None,
        }
    }

    /// The format whose decimal mark is `mark`.
    pub fn with_decimal_mark(mark: char) -> NumberFormat {
        if mark == ',' {
            NumberFormat::CommaDecimal
        } else {
            NumberFormat::PointDecimal
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            NumberFormat::PointDecimal => "1,234.5",
            NumberFormat::CommaDecimal => "1.234,5",
        }
    }

    pub fn decimal_mark(self) -> char {
        match self {
            NumberFormat::PointDecimal => '.',
            NumberFormat::CommaDecimal => ',',
        }
    }

    pub fn group_mark(self) -> char {
        match self {
            NumberFormat::PointDecimal => ',',
            NumberFormat::CommaDecimal => '.',
        }
    }
}

impl fmt::Display for NumberFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What decided an article's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    Manifest,
    Inferred,
    Outlet,
    Default,
}

/// Every basis's name, as the sources table writes it.
pub const BASES: &[&str] = &["manifest", "inferred", "outlet", "default"];

impl Basis {
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Manifest => "manifest",
            Basis::Inferred => "inferred",
            Basis::Outlet => "outlet",
            Basis::Default => "default",
        }
    }
}

/// An article's number format and what decided it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision {
    pub format: NumberFormat,
    pub basis: Basis,
}

/// The knowledge file of outlets' formats.
pub const EMBEDDED_NUMBER_FORMATS: &str = include_str!("../../schemas/number_formats.toml");

/// Outlets whose format is known: by url domain (a domain matches itself and its subdomains;
/// an entry starting with a dot is a top-level domain, `.sv`) or by publisher name (a
/// case-insensitive part of the manifest's `publisher`).
#[derive(Debug, Clone, Default)]
pub struct OutletFormats {
    outlets: Vec<Outlet>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Outlet {
    format: NumberFormat,
    #[serde(default)]
    domains: Vec<String>,
    #[serde(default)]
    publishers: Vec<String>,
    /// Why these outlets write numbers this way (documentation only).
    #[serde(default)]
    #[allow(dead_code)]
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OutletFile {
    #[serde(default)]
    outlet: Vec<Outlet>,
}

impl OutletFormats {
    /// Parse and check schemas/number_formats.toml; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<OutletFormats> {
        let fail = |message: String| Error::Knowledge { file: file.to_string(), message };
        let parsed: OutletFile = toml::from_str(text).map_err(|e| fail(e.to_string()))?;
        let mut outlets = parsed.outlet;
        for (i, o) in outlets.iter_mut().enumerate() {
            if o.domains.is_empty() && o.publishers.is_empty() {
                return Err(fail(format!("[[outlet]] number {} names no domain and no publisher", i + 1)));
            }
            for d in o.domains.iter_mut() {
                *d = d.trim().to_lowercase();
                if d.is_empty() || d.contains('/') || d.contains(' ') {
                    return Err(fail(format!("[[outlet]] number {}: {d:?} is not a domain (write elfaro.net or .sv)", i + 1)));
                }
            }
            for p in o.publishers.iter_mut() {
                *p = p.trim().to_lowercase();
                if p.is_empty() {
                    return Err(fail(format!("[[outlet]] number {}: an empty publisher name", i + 1)));
                }
            }
        }
        Ok(OutletFormats { outlets })
    }

    /// The format of the outlet at `url` or named `publisher`, when the table knows it; a
    /// domain match wins over a publisher match.
    pub fn lookup(&self, url: Option<&str>, publisher: Option<&str>) -> Option<NumberFormat> {
        let host = url.and_then(host_of);
        if let Some(host) = &host {
            let by_domain = |o: &&Outlet| o.domains.iter().any(|d| domain_matches(host, d));
            if let Some(o) = self.outlets.iter().find(by_domain) {
                return Some(o.format);
            }
        }
        let publisher = publisher?.to_lowercase();
        self.outlets.iter().find(|o| o.publishers.iter().any(|p| publisher.contains(p.as_str()))).map(|o| o.format)
    }
}

/// The host of a url, lower-cased, without `www.` and port: `https://www.elfaro.net/es/...` ->
/// `elfaro.net`.
fn host_of(url: &str) -> Option<String> {
    let rest = url.trim().split_once("://").map_or(url.trim(), |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?.split(':').next()?.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty()).then_some(host)
}

/// `elfaro.net` matches itself and `www2.elfaro.net`; `.sv` matches every host under `sv`.
fn domain_matches(host: &str, domain: &str) -> bool {
    if domain.starts_with('.') {
        return host.ends_with(domain);
    }
    host == domain || host.ends_with(&format!(".{domain}"))
}

/// What an article's own numbers say of its format, as weights. A number only one format can
/// write weighs two: in `1,234.5` text `1,318,900`, `1,234.5` and `27.5`; in `1.234,5` text
/// `1.318.900`, `1.234,5` and `0,63`. A single mark before exactly three digits (`58,213`,
/// `70.000`) could be either, but a group is far likelier than three decimals, so it weighs one
/// for the format that groups with that mark, unless a scale word follows (`4,125 millones` may
/// be a decimal).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Evidence {
    pub point_decimal: usize,
    pub comma_decimal: usize,
}

/// Weights of a number only one format writes, and of a likely group.
const UNAMBIGUOUS: usize = 2;
const LIKELY_GROUP: usize = 1;

impl Evidence {
    /// Weigh the numbers of `text`; `is_scale` tells a scale word (`millones`, `million`).
    pub fn of(text: &str, is_scale: impl Fn(&str) -> bool) -> Evidence {
        let mut e = Evidence::default();
        for m in number_pattern().find_iter(text) {
            // Digits glued to letters or slashes are identifiers and links, not numbers.
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '_' | '-' | '.' | ','))
                || after.is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '_'))
            {
                continue;
            }
            let (format, weight) = match classify(m.as_str()) {
                Some(format) => (format, UNAMBIGUOUS),
                None => match likely_group(m.as_str()) {
                    Some(format) if !next_word(&text[m.end()..]).is_some_and(|w| is_scale(&w)) => (format, LIKELY_GROUP),
                    _ => continue,
                },
            };
            match format {
                NumberFormat::PointDecimal => e.point_decimal += weight,
                NumberFormat::CommaDecimal => e.comma_decimal += weight,
            }
        }
        e
    }

    /// The format the evidence decides: one side outweighs the other two to one, so one odd
    /// number (a version, a time written `10.30`, a typo) does not outvote the article.
    pub fn verdict(self) -> Option<NumberFormat> {
        let (p, c) = (self.point_decimal, self.comma_decimal);
        if p > 2 * c {
            Some(NumberFormat::PointDecimal)
        } else if c > 2 * p {
            Some(NumberFormat::CommaDecimal)
        } else {
            None
        }
    }
}

/// The lower-cased word after a number, skipping spaces.
fn next_word(rest: &str) -> Option<String> {
    let word: String = rest.trim_start().chars().take_while(|c| c.is_alphabetic()).collect();
    (!word.is_empty()).then(|| word.to_lowercase())
}

/// Runs of digits with inner marks: `1,318,900`, `0,63`, `27.5`.
fn number_pattern() -> &'static Regex {
    static PATTERN: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
    PATTERN.get_or_init(|| Regex::new(r"\d+(?:[.,]\d+)+").expect("a valid pattern"))
}

/// Which format a number with marks can only be written in, if any.
fn classify(s: &str) -> Option<NumberFormat> {
    let marks: Vec<char> = s.chars().filter(|c| matches!(c, '.' | ',')).collect();
    let groups: Vec<&str> = s.split(['.', ',']).collect();
    let grouped = |g: &[&str]| g[0].len() <= 3 && g[1..].iter().all(|x| x.len() == 3);
    let first = marks[0];
    if marks.iter().all(|m| *m == first) {
        if marks.len() >= 2 {
            // `1,318,900` / `1.318.900`: only groups repeat.
            return grouped(&groups).then_some(if first == ',' { NumberFormat::PointDecimal } else { NumberFormat::CommaDecimal });
        }
        // One mark: a decimal unless exactly three digits follow.
        if groups[1].len() == 3 {
            return None;
        }
        return Some(NumberFormat::with_decimal_mark(first));
    }
    // Both marks: the last one is the decimal mark, and the groups before it are of three.
    let last = *marks.last()?;
    let head: Vec<&str> = groups[..groups.len() - 1].to_vec();
    let single_decimal = marks.iter().filter(|m| **m == last).count() == 1;
    (single_decimal && grouped(&head)).then(|| NumberFormat::with_decimal_mark(last))
}

/// `58,213`, `70.000`: one mark before three digits, after one to three: the format that groups
/// with that mark.
fn likely_group(s: &str) -> Option<NumberFormat> {
    let (head, tail) = s.split_once(['.', ','])?;
    let mark = s[head.len()..].chars().next()?;
    let shaped = (1..=3).contains(&head.len()) && tail.len() == 3 && tail.chars().all(|c| c.is_ascii_digit());
    shaped.then_some(if mark == ',' { NumberFormat::PointDecimal } else { NumberFormat::CommaDecimal })
}

/// What the decision reads of an article.
pub struct Article<'a> {
    pub text: &'a str,
    pub url: Option<&'a str>,
    pub publisher: Option<&'a str>,
    /// Tells a scale word of the article's language (`millones`, `million`).
    pub is_scale: &'a dyn Fn(&str) -> bool,
}

/// Decide an article's format (see the module's documentation for the order).
pub fn decide(manifest: Option<NumberFormat>, article: Article<'_>, outlets: &OutletFormats, default: NumberFormat) -> Decision {
    if let Some(format) = manifest {
        return Decision { format, basis: Basis::Manifest };
    }
    if let Some(format) = Evidence::of(article.text, article.is_scale).verdict() {
        return Decision { format, basis: Basis::Inferred };
    }
    if let Some(format) = outlets.lookup(article.url, article.publisher) {
        return Decision { format, basis: Basis::Outlet };
    }
    Decision { format: default, basis: Basis::Default }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unambiguous_numbers_decide_the_format() {
        assert_eq!(classify("1,318,900"), Some(NumberFormat::PointDecimal));
        assert_eq!(classify("1.318.900"), Some(NumberFormat::CommaDecimal));
        assert_eq!(classify("0,63"), Some(NumberFormat::CommaDecimal));
        assert_eq!(classify("27.5"), Some(NumberFormat::PointDecimal));
        assert_eq!(classify("1,234.5"), Some(NumberFormat::PointDecimal));
        assert_eq!(classify("1.234,5"), Some(NumberFormat::CommaDecimal));
        assert_eq!(classify("58,213"), None);
        assert_eq!(classify("70.000"), None);
        assert_eq!(classify("27.03.2022"), None);
    }

    #[test]
    fn links_and_identifiers_are_no_evidence() {
        let e = Evidence::of("ver bit.ly/3x.5 y la versión v2.5, el 23,4 %", |_| false);
        assert_eq!(e, Evidence { point_decimal: 0, comma_decimal: 2 });
        // A likely group weighs one, not before a scale word; a typo does not outvote the article.
        let e = Evidence::of("105,200 inmates, 72,700 arrests, 4,125 million, per 100,00", |w| w == "million");
        assert_eq!(e, Evidence { point_decimal: 2, comma_decimal: 2 });
        let typo = "105,200 inmates, 72,700 arrests, 41,000 more, 96,400 in all, 1,087 per 100,00";
        assert_eq!(Evidence::of(typo, |_| false).verdict(), Some(NumberFormat::PointDecimal));
    }

    #[test]
    fn domains_and_publishers() {
        let table =
            OutletFormats::parse("t", "[[outlet]]\nformat = \"1,234.5\"\ndomains = [\".sv\", \"elfaro.net\"]\npublishers = [\"La Prensa Gráfica\"]\n").unwrap();
        assert_eq!(table.lookup(Some("https://www.diario.elmundo.sv/x"), None), Some(NumberFormat::PointDecimal));
        assert_eq!(table.lookup(Some("https://elfaro.net/es/2024"), None), Some(NumberFormat::PointDecimal));
        assert_eq!(table.lookup(Some("https://notelfaro.net/"), None), None);
        assert_eq!(table.lookup(None, Some("LA PRENSA GRÁFICA (San Salvador)")), Some(NumberFormat::PointDecimal));
        assert!(OutletFormats::parse("t", "[[outlet]]\nformat = \"1,234.5\"\n").is_err());
        assert!(OutletFormats::parse("t", "[[outlet]]\nformat = \"1 234,5\"\ndomains = [\".sv\"]\n").is_err());
    }
}
