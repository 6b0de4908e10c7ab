//! The article as the grammar sees it: code points, a mask over what is not readable text
//! (URLs, link targets, image paths), sentences, and tokens with code-point spans.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters (any script), e.g. `million`, `años`.
    Word,
    /// ASCII digits with `.`/`,` between digits, e.g. `12,345`, `1.312,4`.
    Digits,
    /// One other visible character, e.g. `$`, `%`, `-`, `[`.
    Punct,
}

/// One token of the readable text.
#[derive(Debug, Clone)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// Lower-cased text (digit tokens are their own text), inline up to 24 bytes.
    pub lower: super::lookup::Lower,
    /// The first character is upper-case ("March", "One").
    pub upper_first: bool,
    /// Every character is upper-case ("COVID", "II").
    pub all_upper: bool,
    /// White space (or a masked region) separates it from the previous token.
    pub space_before: bool,
    /// Index of the sentence it belongs to.
    pub sentence: usize,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
    pub fn is_digits(&self) -> bool {
        self.kind == TokKind::Digits
    }
    pub fn is(&self, s: &str) -> bool {
        self.lower == s
    }
    pub fn starts_upper(&self) -> bool {
        self.upper_first
    }
}

/// The tokenised article.
#[derive(Debug)]
pub struct Doc {
    pub chars: Vec<char>,
    pub tokens: Vec<Token>,
    /// Sentence spans (code points), in order.
    pub sentences: Vec<(usize, usize)>,
    /// End of a YAML front-matter block, 0 when there is none.
    pub front_matter_end: usize,
}

impl Doc {
    pub fn new(text: &str) -> Doc {
        let chars = code_points(text);
        let mask = unreadable_mask(&chars);
        let sentences = split_sentences(&chars);
        let front_matter_end = front_matter_end(&chars);
        let tokens = tokenize(&chars, &mask, &sentences);
        Doc { chars, tokens, sentences, front_matter_end }
    }

    /// Text of a code-point span.
    pub fn slice(&self, start: usize, end: usize) -> String {
        self.chars[start..end].iter().collect()
    }

    /// The clause around a span: out to the nearest `, ; : ( ) – —` or the sentence's ends.
    pub fn clause_span(&self, sentence: usize, start: usize, end: usize) -> (usize, usize) {
        let (ss, se) = self.sentences[sentence];
        let delimiter = |c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '–' | '—');
        let mut a = start.max(ss);
        while a > ss && !delimiter(self.chars[a - 1]) {
            a -= 1;
        }
        let mut b = end.min(se);
        while b < se && !delimiter(self.chars[b]) {
            b += 1;
        }
        (a, b)
    }

    /// The sentence text around a code-point offset, trimmed.
    pub fn sentence_text(&self, sentence: usize) -> String {
        let (s, e) = self.sentences[sentence];
        self.slice(s, e).split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// The code points of `text`. Runs of ASCII (most of an article) are widened byte by byte,
/// which the compiler vectorises; the rest is decoded.
fn code_points(text: &str) -> Vec<char> {
    let mut chars = Vec::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest.bytes().position(|b| !b.is_ascii()).unwrap_or(rest.len());
        chars.extend(rest[..ascii].bytes().map(char::from));
        rest = &rest[ascii..];
        let other = rest.char_indices().find(|(_, c)| c.is_ascii()).map_or(rest.len(), |(k, _)| k);
        chars.extend(rest[..other].chars());
        rest = &rest[other..];
    }
    chars
}

/// Marks code points that are not readable text: URLs, markdown link targets and image paths.
/// Link and image text (`[inside a coffin]`) stays readable.
fn unreadable_mask(chars: &[char]) -> Vec<bool> {
    let mut mask = vec![false; chars.len()];
    let n = chars.len();
    let mut i = 0;
    while i < n {
        // A link target opens at a `]` and a URL holds a `/` or a `.` before the next white
        // space: a run of other characters (most words) is passed over whole.
        let run_end = chars[i..].iter().position(|c| c.is_whitespace()).map_or(n, |k| i + k);
        if !chars[i..run_end].iter().any(|c| matches!(c, ']' | '/' | '.')) {
            i = run_end + 1;
            continue;
        }
        while i < run_end {
            i = mask_at(chars, i, &mut mask);
        }
    }
    mask
}

/// Mask the link target or URL that starts at `i`, if one does; the position to look at next.
fn mask_at(chars: &[char], i: usize, mask: &mut [bool]) -> usize {
    let n = chars.len();
    // Markdown link target: `](` ... `)`.
    if chars[i] == ']' && i + 1 < n && chars[i + 1] == '(' {
        let mut j = i + 2;
        let mut depth = 1;
        while j < n && chars[j] != '\n' {
            match chars[j] {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        for m in &mut mask[i + 1..(j + 1).min(n)] {
            *m = true;
        }
        return j + 1;
    }
    // Bare URL: scheme or www. up to white space or a closing bracket.
    if starts_url(chars, i) {
        let mut j = i;
        while j < n && !chars[j].is_whitespace() && !matches!(chars[j], ')' | ']' | '>' | '"' | '”' | '»') {
            j += 1;
        }
        for m in &mut mask[i..j] {
            *m = true;
        }
        return j;
    }
    i + 1
}

fn starts_url(chars: &[char], i: usize) -> bool {
    // Every form below starts with an ASCII letter or digit, or a bare domain's hyphen, at the
    // start of a word: most positions of a text stop here.
    let c = chars[i];
    if !(c.is_ascii_alphanumeric() || c == '-') || (i > 0 && chars[i - 1].is_alphanumeric()) {
        return false;
    }
    // Only a scheme or `www.` starts with an `h` or a `w`.
    let at = |s: &str| s.chars().enumerate().all(|(k, c)| chars.get(i + k).is_some_and(|x| x.eq_ignore_ascii_case(&c)));
    let scheme = matches!(c, 'h' | 'H' | 'w' | 'W') && (at("http://") || at("https://") || at("www."));
    // A domain written as a markdown link's text (`[example.org/report-2024](...)`) is read.
    let link_text = i > 0 && chars[i - 1] == '[';
    scheme || (!link_text && is_domain_path(chars, i))
}

/// A link written without its scheme: a domain and a path, `pic.twitter.com/5qwEN6gJGT`,
/// `bit.ly/3xYz`. The domain's labels are letters, digits and hyphens, the last one letters.
fn is_domain_path(chars: &[char], i: usize) -> bool {
    let mut labels = 0;
    let mut label_len = 0;
    let mut label_alpha = true;
    for &c in &chars[i..] {
        match c {
            '.' if label_len > 0 => {
                labels += 1;
                label_len = 0;
                label_alpha = true;
            }
            '/' => return labels >= 1 && label_len >= 2 && label_alpha,
            c if c.is_ascii_alphanumeric() || c == '-' => {
                label_len += 1;
                label_alpha &= c.is_ascii_alphabetic();
            }
            _ => return false,
        }
    }
    false
}

/// End offset of a leading `---` YAML block, 0 when the text has none.
fn front_matter_end(chars: &[char]) -> usize {
    let text: String = chars.iter().take(4).collect();
    if text != "---\n" {
        return 0;
    }
    let mut line_start = 4;
    for i in 4..chars.len() {
        if chars[i] == '\n' {
            let line: String = chars[line_start..i].iter().collect();
            if line.trim_end() == "---" {
                return i;
            }
            line_start = i + 1;
        }
    }
    0
}

/// Abbreviations whose period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "no", "nº", "mr", "mrs", "ms", "dr", "st", "sr", "sra", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vs", "etc",
    "u.s", "a.m", "p.m", "approx", "inc", "co", "gen", "gov", "sen", "rep", "lt",
];

/// Sentence spans: a line break, or `.`/`!`/`?` (with closing quotes) followed by white space
/// and a capital, digit or opening quote, unless the period closes an abbreviation; or a period
/// glued to the capital after it when a lower-case word precedes it.
fn split_sentences(chars: &[char]) -> Vec<(usize, usize)> {
    let n = chars.len();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < n {
        // Most characters end nothing: skip to the next one that may.
        i += chars[i..].iter().position(|c| matches!(c, '\n' | '.' | '!' | '?')).unwrap_or(n - i);
        if i == n {
            break;
        }
        let c = chars[i];
        let mut boundary_end = None;
        if c == '\n' {
            boundary_end = Some(i);
        } else if matches!(c, '.' | '!' | '?') && !is_abbreviation(chars, i) {
            let mut j = i + 1;
            while j < n && matches!(chars[j], '"' | '”' | '’' | '»' | ')' | '*') {
                j += 1;
            }
            // Scraped text loses the space after a period ("aquella semana.Según el informe"): a
            // period between a lower-case word and a capital still ends the sentence.
            let glued = j == i + 1 && i >= 2 && j < n && c == '.' && chars[j].is_uppercase() && chars[i - 1].is_lowercase() && chars[i - 2].is_lowercase();
            if glued {
                boundary_end = Some(j);
            } else if j < n && chars[j] == ' ' {
                let mut k = j;
                while k < n && chars[k] == ' ' {
                    k += 1;
                }
                if k < n && (chars[k].is_uppercase() || chars[k].is_ascii_digit() || matches!(chars[k], '"' | '“' | '«' | '¿' | '¡' | '‘' | '(' | '[' | '*'))
                {
                    boundary_end = Some(j);
                }
            }
        }
        if let Some(e) = boundary_end {
            if e > start {
                out.push((start, e));
            }
            start = e + if c == '\n' { 1 } else { 0 };
            i = e.max(i) + 1;
            continue;
        }
        i += 1;
    }
    if start < n {
        out.push((start, n));
    }
    if out.is_empty() {
        out.push((0, n));
    }
    out
}

fn is_abbreviation(chars: &[char], dot: usize) -> bool {
    let mut s = dot;
    while s > 0 && (chars[s - 1].is_alphabetic() || chars[s - 1] == '.') {
        s -= 1;
    }
    let word = &chars[s..dot];
    if word.iter().all(char::is_ascii) {
        // Nearly every word before a period: compared as it stands, without a String.
        let abbreviation = |a: &&str| a.len() == word.len() && a.chars().zip(word).all(|(x, y)| x == y.to_ascii_lowercase());
        return (word.len() == 1 && word[0].is_ascii_alphabetic()) || ABBREVIATIONS.iter().any(abbreviation);
    }
    let word: String = word.iter().collect::<String>().to_lowercase();
    if word.chars().count() == 1 && word.chars().all(char::is_alphabetic) {
        return true; // initials: "J. Smith"
    }
    ABBREVIATIONS.contains(&word.as_str())
}

fn tokenize(chars: &[char], mask: &[bool], sentences: &[(usize, usize)]) -> Vec<Token> {
    let n = chars.len();
    // About one token per five characters of prose: one allocation, not a dozen doublings.
    let mut tokens = Vec::with_capacity(n / 4 + 16);
    let mut spellings = Spellings::default();
    let mut i = 0;
    let mut space_before = true;
    let mut sentence = 0;
    while i < n {
        let c = chars[i];
        if c.is_whitespace() || mask[i] {
            space_before = true;
            i += 1;
            continue;
        }
        let start = i;
        let kind = if c.is_alphabetic() {
            while i < n && !mask[i] && (chars[i].is_alphabetic() || chars[i] == '\u{301}') {
                i += 1;
            }
            TokKind::Word
        } else if c.is_ascii_digit() {
            while i < n && !mask[i] {
                // A mark belongs to the number only between two digits ("12,345", not "12, ").
                let inner_mark = matches!(chars[i], '.' | ',') && i + 1 < n && chars[i + 1].is_ascii_digit() && !mask[i + 1];
                if chars[i].is_ascii_digit() || inner_mark {
                    i += 1;
                } else {
                    break;
                }
            }
            TokKind::Digits
        } else {
            i += 1;
            TokKind::Punct
        };
        while sentence + 1 < sentences.len() && sentences[sentence].1 <= start {
            sentence += 1;
        }
        let (lower, upper_first, all_upper) = spellings.read(&chars[start..i]);
        tokens.push(Token { start, end: i, kind, lower, upper_first, all_upper, space_before, sentence });
        space_before = false;
    }
    tokens
}

/// What the tokenizer reads from a token's text: its lower-cased text with its hash, whether
/// its first character is upper-case and whether all are.
type Spelling = (super::lookup::Lower, bool, bool);

/// The spellings read so far in a text. Most tokens repeat ("the", ",", "prison"): a repeated
/// one is copied from here, not lower-cased and hashed again.
#[derive(Default)]
struct Spellings {
    read: rustc_hash::FxHashMap<Box<[char]>, Spelling>,
    buffer: String,
}

/// Spellings kept per text: enough for the words of an article, bounded for a huge text.
const SPELLINGS_KEPT: usize = 8192;

impl Spellings {
    /// The spelling of a token's text: remembered, or read and remembered.
    fn read(&mut self, text: &[char]) -> Spelling {
        if let Some(known) = self.read.get(text) {
            return known.clone();
        }
        let spelling = (super::lookup::Lower::new(lower_case(text, &mut self.buffer)), text[0].is_uppercase(), text.iter().all(|c| c.is_uppercase()));
        if self.read.len() < SPELLINGS_KEPT {
            self.read.insert(text.into(), spelling.clone());
        }
        spelling
    }
}

/// The lower-cased text of a token, written into `buffer` first (no allocation per token,
/// and none at all up to 24 bytes).
fn lower_case(text: &[char], buffer: &mut String) -> compact_str::CompactString {
    buffer.clear();
    for &c in text {
        if c.is_ascii() {
            buffer.push(c.to_ascii_lowercase());
        } else {
            buffer.extend(c.to_lowercase());
        }
    }
    compact_str::CompactString::new(buffer.as_str())
}

#[cfg(test)]
mod tests {
    use super::Doc;

    fn sentences(text: &str) -> Vec<String> {
        let doc = Doc::new(text);
        (0..doc.sentences.len()).map(|i| doc.sentence_text(i)).collect()
    }

    #[test]
    fn link_targets_and_urls_are_not_read() {
        let doc = Doc::new("Read [the report](https://example.org/r(1)) at www.example.org/x or bit.ly/3xYz, [example.org/a-2](x) today.");
        let words: Vec<&str> = doc.tokens.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(words, ["read", "[", "the", "report", "]", "at", "or", "[", "example", ".", "org", "/", "a", "-", "2", "]", "today", "."]);
    }

    #[test]
    fn a_period_glued_to_the_next_capital_still_ends_a_sentence() {
        assert_eq!(
            sentences("El penal estaba lleno aquella semana.Según el informe, hubo 40."),
            ["El penal estaba lleno aquella semana.", "Según el informe, hubo 40."]
        );
        // Not after an initial, an abbreviation or inside a domain name.
        assert_eq!(sentences("Read J.Smith on elsalvador.com today.").len(), 1);
        assert_eq!(sentences("The U.S.Embassy said so.").len(), 1);
    }
}
