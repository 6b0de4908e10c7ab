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
#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// Lower-cased text (digit tokens are their own text): an interned handle.
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
    /// Each pass below runs once per text and is kept out of line (`#[inline(never)]`), so a
    /// profile of the extractor names it.
    pub fn new(text: &str) -> Doc {
        let chars = code_points(text);
        let mask = unreadable_mask(&chars);
        let sentences = split_sentences(&chars);
        let front_matter_end = front_matter_end(&chars);
        let tokens = tokenize(text, &mask, &sentences);
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
#[inline(never)]
fn code_points(text: &str) -> Vec<char> {
    let mut chars = Vec::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = ascii_prefix_len(rest.as_bytes());
        chars.extend(rest[..ascii].bytes().map(char::from));
        rest = &rest[ascii..];
        let other = rest.char_indices().find(|(_, c)| c.is_ascii()).map_or(rest.len(), |(k, _)| k);
        chars.extend(rest[..other].chars());
        rest = &rest[other..];
    }
    chars
}

/// How many bytes of `bytes` are ASCII, counted from the start. Blocks of 16 are tested whole
/// (the OR of their bytes, which the compiler vectorises): nearly every block of prose is ASCII.
#[inline]
fn ascii_prefix_len(bytes: &[u8]) -> usize {
    const BLOCK: usize = 16;
    let whole = bytes.chunks_exact(BLOCK).take_while(|block| block.iter().fold(0, |any, &b| any | b).is_ascii()).count() * BLOCK;
    whole + bytes[whole..].iter().position(|b| !b.is_ascii()).unwrap_or(bytes.len() - whole)
}

/// The spans of code points that are not readable text: URLs, markdown link targets and image
/// paths, in order and apart. Link and image text (`[inside a coffin]`) stays readable.
#[inline(never)]
fn unreadable_mask(chars: &[char]) -> Vec<(usize, usize)> {
    let mut mask = Vec::new();
    let n = chars.len();
    let mut i = 0;
    while i < n {
        // A link target opens at a `]` and a URL holds a `/` or a `.` before the next white
        // space: a run of other characters (most words) holds nothing to mask. Go straight to
        // the next such mark, then read its run of non-white-space from where the run starts.
        let is_mark = |c: char| (c == ']') | (c == '/') | (c == '.');
        let mark = find_from(chars, i, is_mark, is_mark);
        if mark == n {
            break;
        }
        let run_start = chars[i..mark].iter().rposition(|c| c.is_whitespace()).map_or(i, |k| i + k + 1);
        let run_end = find_from(chars, mark, may_be_whitespace, char::is_whitespace);
        i = run_start;
        while i < run_end {
            i = mask_at(chars, i, &mut mask);
        }
    }
    mask
}

/// Every white-space code point is a control or space below `!` or above ASCII.
#[inline]
fn may_be_whitespace(c: char) -> bool {
    c <= ' ' || c > '\x7f'
}

/// Index of the first code point at or after `from` for which `hit` holds, else `chars.len()`.
/// Blocks of 16 are first tested with `maybe` (a cheap test that holds wherever `hit` does)
/// into a mask of one bit per code point, without a branch per code point, so the compiler
/// vectorises it; `hit` is asked only at the bits set, and most blocks set none.
#[inline]
fn find_from(chars: &[char], from: usize, maybe: impl Fn(char) -> bool, hit: impl Fn(char) -> bool) -> usize {
    const BLOCK: usize = 16;
    let n = chars.len();
    let mut i = from.min(n);
    while let Some(block) = chars.get(i..i + BLOCK) {
        let mut bits = block.iter().enumerate().fold(0u32, |bits, (k, &c)| bits | (u32::from(maybe(c)) << k));
        while bits != 0 {
            let k = bits.trailing_zeros() as usize;
            if hit(block[k]) {
                return i + k;
            }
            bits &= bits - 1;
        }
        i += BLOCK;
    }
    i + chars[i..].iter().position(|&c| hit(c)).unwrap_or(n - i)
}

/// Mask the link target or URL that starts at `i`, if one does; the position to look at next.
fn mask_at(chars: &[char], i: usize, mask: &mut Vec<(usize, usize)>) -> usize {
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
        mask.push((i + 1, (j + 1).min(n)));
        return j + 1;
    }
    // Bare URL: scheme or www. up to white space or a closing bracket.
    if starts_url(chars, i) {
        let mut j = i;
        while j < n && !chars[j].is_whitespace() && !matches!(chars[j], ')' | ']' | '>' | '"' | '”' | '»') {
            j += 1;
        }
        mask.push((i, j));
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
#[inline(never)]
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
#[inline(never)]
fn split_sentences(chars: &[char]) -> Vec<(usize, usize)> {
    let n = chars.len();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < n {
        // Most characters end nothing: skip to the next one that may (the four tests joined
        // with a non-short-circuit `|`, so a block of them is vectorised).
        let may_end = |c: char| (c == '\n') | (c == '.') | (c == '!') | (c == '?');
        i = find_from(chars, i, may_end, may_end);
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

/// Code points of the longest of [`ABBREVIATIONS`]: a longer word before a period is none of
/// them (lower-casing never shortens a word), so it is not read back to its start.
const LONGEST_ABBREVIATION: usize = 6;

fn is_abbreviation(chars: &[char], dot: usize) -> bool {
    let mut s = dot;
    while s > 0 && dot - s <= LONGEST_ABBREVIATION && (chars[s - 1].is_alphabetic() || chars[s - 1] == '.') {
        s -= 1;
    }
    if dot - s > LONGEST_ABBREVIATION {
        return false;
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

/// The tokens of `text`, with spans in code points. `masked` holds the spans (code points) of
/// [`unreadable_mask`]. The text is read byte by byte, a code point decoded only where a byte
/// is not ASCII; the code-point offset is counted along.
#[inline(never)]
fn tokenize(text: &str, masked: &[(usize, usize)], sentences: &[(usize, usize)]) -> Vec<Token> {
    let bytes = text.as_bytes();
    let n = bytes.len();
    // About one token per five bytes of prose: one allocation, not a dozen doublings.
    let mut tokens = Vec::with_capacity(n / 4 + 16);
    let mut spellings = Spellings::sized_for(n);
    let mut masked = masked.iter().copied();
    // Where the next masked span starts (no token reads into it) and ends; kept in locals, so
    // the loop compares one number per step instead of peeking at the list.
    let mut next_mask = masked.next().unwrap_or((usize::MAX, usize::MAX));
    let mut sentence = 0;
    let mut sentence_end = sentences.first().map_or(usize::MAX, |s| s.1);
    // The byte offset and the code-point offset of the next code point.
    let (mut p, mut i) = (0, 0);
    let mut space_before = true;
    while p < n {
        if i >= next_mask.0 {
            (p, i) = skip_code_points(bytes, p, i, next_mask.1);
            next_mask = masked.next().unwrap_or((usize::MAX, usize::MAX));
            space_before = true;
            continue;
        }
        let limit = next_mask.0;
        let (start, start_byte) = (i, p);
        let kind = match bytes[p] {
            b if b.is_ascii_alphabetic() => {
                (p, i) = word_end(text, p, i, limit);
                TokKind::Word
            }
            b if b.is_ascii_digit() => {
                (p, i) = digits_end(bytes, p, i, limit);
                TokKind::Digits
            }
            b if is_ascii_space(b) => {
                (p, i) = spaces_end(bytes, p, i, limit);
                space_before = true;
                continue;
            }
            b if b.is_ascii() => {
                p += 1;
                i += 1;
                TokKind::Punct
            }
            _ => {
                let (c, width) = code_point_at(text, p);
                if c.is_whitespace() {
                    (p, i) = (p + width, i + 1);
                    space_before = true;
                    continue;
                }
                if c.is_alphabetic() {
                    (p, i) = word_end(text, p, i, limit);
                    TokKind::Word
                } else {
                    (p, i) = (p + width, i + 1);
                    TokKind::Punct
                }
            }
        };
        while start >= sentence_end && sentence + 1 < sentences.len() {
            sentence += 1;
            sentence_end = sentences[sentence].1;
        }
        let (lower, upper_first, all_upper) = spellings.read(text, start_byte, p);
        tokens.push(Token { start, end: i, kind, lower, upper_first, all_upper, space_before, sentence });
        // Most tokens are followed by one space: it is read here, not in a turn of the loop.
        space_before = p < n && bytes[p] == b' ' && i < next_mask.0;
        if space_before {
            (p, i) = (p + 1, i + 1);
        }
    }
    tokens
}

/// ASCII white space as [`char::is_whitespace`] reads it: tab to carriage return, and space.
#[inline]
fn is_ascii_space(b: u8) -> bool {
    b == b' ' || (b'\t'..=b'\r').contains(&b)
}

/// The end (byte, code point) of the run of ASCII white space from byte `p` (code point `i`),
/// stopping at code point `limit`.
#[inline]
fn spaces_end(bytes: &[u8], p: usize, i: usize, limit: usize) -> (usize, usize) {
    let run = ascii_run(&bytes[p..], limit - i, is_ascii_space);
    (p + run, i + run)
}

/// The end (byte, code point) of a number's digits from byte `p` (code point `i`), stopping at
/// code point `limit`. ASCII only: a byte is a code point.
#[inline]
fn digits_end(bytes: &[u8], mut p: usize, mut i: usize, limit: usize) -> (usize, usize) {
    let n = bytes.len();
    while p < n && i < limit {
        // A mark belongs to the number only between two digits ("12,345", not "12, ").
        let inner_mark = matches!(bytes[p], b'.' | b',') && p + 1 < n && bytes[p + 1].is_ascii_digit() && i + 1 < limit;
        if bytes[p].is_ascii_digit() || inner_mark {
            p += 1;
            i += 1;
        } else {
            break;
        }
    }
    (p, i)
}

/// How many of the first `most` bytes of `bytes` are ASCII and pass `keep`, counted from the
/// start: a tight loop over bytes, each one a code point.
#[inline]
fn ascii_run(bytes: &[u8], most: usize, keep: impl Fn(u8) -> bool) -> usize {
    let bytes = &bytes[..bytes.len().min(most)];
    bytes.iter().position(|&b| !keep(b)).unwrap_or(bytes.len())
}

/// The code point at byte `p` of `text` and its width in bytes.
#[inline]
fn code_point_at(text: &str, p: usize) -> (char, usize) {
    let b = text.as_bytes()[p];
    if b.is_ascii() {
        return (char::from(b), 1);
    }
    let c = text[p..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
    (c, c.len_utf8())
}

/// Advance from byte `p` (code point `i`) to code point `to`: the new (byte, code point).
fn skip_code_points(bytes: &[u8], mut p: usize, mut i: usize, to: usize) -> (usize, usize) {
    while i < to && p < bytes.len() {
        p += 1;
        // A code point's continuation bytes are 0b10xxxxxx.
        while p < bytes.len() && bytes[p] & 0xC0 == 0x80 {
            p += 1;
        }
        i += 1;
    }
    (p, i)
}

/// The end (byte, code point) of the run of letters from byte `p` (code point `i`), stopping
/// at code point `limit`. Runs of ASCII letters (most of a word) are read as bytes in a tight
/// loop; a code point is decoded only where a byte is not ASCII.
#[inline(always)]
fn word_end(text: &str, mut p: usize, mut i: usize, limit: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    loop {
        let run = ascii_letters(&bytes[p..], limit - i);
        (p, i) = (p + run, i + run);
        if p == bytes.len() || i == limit || bytes[p].is_ascii() {
            return (p, i);
        }
        let (c, width) = code_point_at(text, p);
        if !is_word_char(c) {
            return (p, i);
        }
        (p, i) = (p + width, i + 1);
    }
}

/// How many of the first `most` bytes of `bytes` are ASCII letters, counted from the start.
/// Eight bytes are tested at once where the text has them (most words are read in one step),
/// with arithmetic on one `u64` that keeps each byte in its own lane.
#[inline]
fn ascii_letters(bytes: &[u8], most: usize) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let lanes = |b: u8| u64::from_le_bytes([b; 8]);
    let mut run = 0;
    while let Some(window) = bytes.get(run..run + 8) {
        let x = u64::from_le_bytes(window.try_into().unwrap_or_default());
        // Folded to lower case, an ASCII byte (high bit clear) is a letter when it is at least
        // `a` and below `{`; adding `0x80 - a` and `0x80 - {` sets a lane's high bit exactly
        // when it is. No lane carries into the next: each stays below 0x100.
        let folded = (x | lanes(0x20)) & !HIGH;
        let at_least_a = folded + lanes(0x80 - b'a');
        let past_z = folded + lanes(0x80 - b'z' - 1);
        let not_letter = (!(at_least_a & !past_z) | x) & HIGH;
        if not_letter != 0 {
            return (run + not_letter.trailing_zeros() as usize / 8).min(most);
        }
        run += 8;
        if run >= most {
            return most;
        }
    }
    run + ascii_run(&bytes[run..], most - run, |b| b.is_ascii_alphabetic())
}

/// A letter, or the combining acute accent of a decomposed letter ("e\u{301}").
#[inline]
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphabetic() || (!c.is_ascii() && (c.is_alphabetic() || c == '\u{301}'))
}

/// What the tokenizer reads from a token's text: its lower-cased text, whether its first
/// character is upper-case and whether all are.
type Spelling = (super::lookup::Lower, bool, bool);

/// The spellings read so far in a text. Most tokens repeat ("the", ",", "prison"): a repeated
/// one is copied from here, not lower-cased and interned again. Nearly every token is short:
/// up to 15 bytes it is looked up by its bytes packed into one number (see [`packed`]),
/// which hashes and compares without a loop.
///
/// In front of the map, a small table indexed by the packed bytes keeps the latest spelling
/// of each slot: the frequent words ("the", ",", "of") are found there, in memory the text
/// being read has not pushed out of the cache, without a probe of the map.
struct Spellings<'t> {
    recent: Vec<(u128, Spelling)>,
    /// 64 less log2 of the number of slots of `recent`: a slot is a mix's top bits.
    recent_shift: u32,
    short: rustc_hash::FxHashMap<u128, Spelling>,
    long: rustc_hash::FxHashMap<&'t str, Spelling>,
    buffer: String,
}

/// Spellings kept per text: enough for the words of an article, bounded for a huge text.
const SPELLINGS_KEPT: usize = 8192;

/// Slots of [`Spellings::recent`], powers of two (32 bytes each): about one per 64 bytes of
/// text, so a short article clears little memory and a long text's vocabulary (a few thousand
/// words) rarely shares a slot.
const RECENT_SLOTS_MIN: usize = 256;
const RECENT_SLOTS_MAX: usize = 16384;

impl Spellings<'_> {
    /// The spellings of a text of `bytes` bytes, none read yet.
    fn sized_for(bytes: usize) -> Self {
        let slots = (bytes / 64).next_power_of_two().clamp(RECENT_SLOTS_MIN, RECENT_SLOTS_MAX);
        // No packed spelling is 0 (its top byte holds a length of at least 1): an empty slot.
        let empty = (0, (super::lookup::Lower::default(), false, false));
        Spellings {
            recent: vec![empty; slots],
            recent_shift: 64 - slots.trailing_zeros(),
            short: Default::default(),
            long: Default::default(),
            buffer: String::new(),
        }
    }

    /// The slot of a packed spelling in `recent`: the top bits of a multiplicative mix.
    #[inline]
    fn recent_slot(&self, key: u128) -> usize {
        let mixed = ((key as u64) ^ ((key >> 64) as u64).rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (mixed >> self.recent_shift) as usize
    }
}

impl<'t> Spellings<'t> {
    /// The spelling of the token at `text[start..end]` (bytes): remembered, or read and
    /// remembered.
    #[inline]
    fn read(&mut self, text: &'t str, start: usize, end: usize) -> Spelling {
        // The text is sliced (a check of both ends for a character boundary) only where a
        // spelling is read anew or is too long to pack.
        match packed(text.as_bytes(), start, end) {
            Some(key) => {
                let slot = self.recent_slot(key);
                if self.recent[slot].0 == key {
                    return self.recent[slot].1;
                }
                let spelling = match self.short.get(&key) {
                    Some(known) => *known,
                    None => {
                        let spelling = spell(&text[start..end], &mut self.buffer);
                        if self.short.len() < SPELLINGS_KEPT {
                            self.short.insert(key, spelling);
                        }
                        spelling
                    }
                };
                self.recent[slot] = (key, spelling);
                spelling
            }
            None => {
                let token = &text[start..end];
                if let Some(known) = self.long.get(token) {
                    return *known;
                }
                let spelling = spell(token, &mut self.buffer);
                if self.long.len() < SPELLINGS_KEPT {
                    self.long.insert(token, spelling);
                }
                spelling
            }
        }
    }
}

/// The bytes `bytes[start..end]` (at most 15) as one number: the bytes in its low bytes, the
/// length in its top byte, so two spellings pack alike exactly when they are equal.
#[inline]
fn packed(bytes: &[u8], start: usize, end: usize) -> Option<u128> {
    let len = end - start;
    if len > 15 {
        return None;
    }
    // Sixteen bytes read at once where the text has them, the bytes past the token dropped.
    let raw = match bytes.get(start..start + 16) {
        Some(window) => u128::from_le_bytes(window.try_into().ok()?),
        None => {
            let mut window = [0u8; 16];
            window[..len].copy_from_slice(&bytes[start..end]);
            u128::from_le_bytes(window)
        }
    };
    Some((raw & LOW_BYTES[len]) | ((len as u128) << 120))
}

/// `LOW_BYTES[k]` keeps the low `k` bytes of a `u128`: a load, where a shift by a variable
/// count of a 128-bit number takes a dozen instructions.
const LOW_BYTES: [u128; 16] = {
    let mut masks = [0u128; 16];
    let mut k = 1;
    while k < 16 {
        masks[k] = (1u128 << (8 * k)) - 1;
        k += 1;
    }
    masks
};

/// Read a token's spelling: its lower-cased text (interned), whether its first character is
/// upper-case and whether all are.
#[cold]
fn spell(token: &str, buffer: &mut String) -> Spelling {
    let upper_first = token.chars().next().is_some_and(char::is_uppercase);
    (super::lookup::Lower::new(lower_case(token, buffer)), upper_first, token.chars().all(char::is_uppercase))
}

/// The lower-cased text of a token, written into `buffer` (no allocation per token). Each
/// code point is lower-cased on its own, as `char::to_lowercase` does.
fn lower_case<'b>(text: &str, buffer: &'b mut String) -> &'b str {
    buffer.clear();
    if text.is_ascii() {
        buffer.push_str(text);
        buffer.make_ascii_lowercase();
    } else {
        for c in text.chars() {
            buffer.extend(c.to_lowercase());
        }
    }
    buffer
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A token as the tests compare it: start, end, kind, lower, upper_first, all_upper,
    /// space_before, sentence.
    type TokenRead = (usize, usize, TokKind, String, bool, bool, bool, usize);

    /// The tokenizer as it read code points before it read bytes: the reference the byte
    /// tokenizer must agree with, token for token.
    fn tokens_by_code_points(chars: &[char], masked: &[(usize, usize)], sentences: &[(usize, usize)]) -> Vec<TokenRead> {
        let mask: Vec<bool> = (0..chars.len()).map(|i| masked.iter().any(|&(a, b)| a <= i && i < b)).collect();
        let (n, mut i, mut space_before, mut out) = (chars.len(), 0, true, Vec::new());
        while i < n {
            let c = chars[i];
            if c.is_whitespace() || mask[i] {
                (space_before, i) = (true, i + 1);
                continue;
            }
            let start = i;
            let kind = if c.is_alphabetic() {
                while i < n && !mask[i] && (chars[i].is_alphabetic() || chars[i] == '\u{301}') {
                    i += 1;
                }
                TokKind::Word
            } else if c.is_ascii_digit() {
                while i < n
                    && !mask[i]
                    && (chars[i].is_ascii_digit() || (matches!(chars[i], '.' | ',') && i + 1 < n && chars[i + 1].is_ascii_digit() && !mask[i + 1]))
                {
                    i += 1;
                }
                TokKind::Digits
            } else {
                i += 1;
                TokKind::Punct
            };
            let text = &chars[start..i];
            let lower: String = text.iter().flat_map(|c| c.to_lowercase()).collect();
            let sentence = sentences.iter().position(|&(_, e)| e > start).unwrap_or(sentences.len() - 1);
            out.push((start, i, kind, lower, text[0].is_uppercase(), text.iter().all(|c| c.is_uppercase()), space_before, sentence));
            space_before = false;
        }
        out
    }

    /// The unreadable mask as it was found before it searched bytes: run by run of non-white-space.
    fn mask_by_runs(chars: &[char]) -> Vec<(usize, usize)> {
        let (n, mut i, mut mask) = (chars.len(), 0, Vec::new());
        while i < n {
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

    #[test]
    fn bytes_are_read_as_code_points_would_be() {
        let pieces = [
            "a",
            "Prison",
            "ÉL",
            "año",
            "e\u{301}",
            "ΣΑΣ",
            "12",
            "3,4",
            "5.6",
            ".",
            ",",
            " ",
            "  ",
            "\n",
            "\u{a0}",
            "\u{2003}",
            "]",
            "(",
            ")",
            "](",
            "http://x.org/a",
            "www.b.com",
            "bit.ly/3x",
            "/",
            "[",
            "“",
            "—",
            "🙂",
            "-",
            "%",
            "$",
            "ß",
            "İ",
            "\t",
            "?",
            "!",
            "Mr",
            "U.S.",
        ];
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..(state % 24) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(pieces[(state % pieces.len() as u64) as usize]);
            }
            let doc = Doc::new(&text);
            let chars: Vec<char> = text.chars().collect();
            let masked = unreadable_mask(&chars);
            assert_eq!(masked, mask_by_runs(&chars), "mask of {text:?}");
            let read: Vec<_> =
                doc.tokens.iter().map(|t| (t.start, t.end, t.kind, t.lower.to_string(), t.upper_first, t.all_upper, t.space_before, t.sentence)).collect();
            assert_eq!(read, tokens_by_code_points(&chars, &masked, &doc.sentences), "tokens of {text:?}");
        }
    }

    #[test]
    fn no_abbreviation_is_longer_than_the_longest() {
        assert!(ABBREVIATIONS.iter().all(|a| a.chars().count() <= LONGEST_ABBREVIATION));
    }

    #[test]
    fn letters_are_counted_eight_at_a_time_as_one_by_one() {
        let one_by_one = |bytes: &[u8], most: usize| bytes.iter().take(most).take_while(|b| b.is_ascii_alphabetic()).count();
        // Every byte value at every place of a run of letters, with the run cut at every length.
        for odd in 0..=255u8 {
            for at in 0..20 {
                let mut bytes = b"abcdefghijKLMNOPQRSTuvwxyz".to_vec();
                bytes[at] = odd;
                for len in 0..bytes.len() {
                    for most in [0, 1, 7, 8, 9, 16, usize::MAX] {
                        assert_eq!(ascii_letters(&bytes[..len], most), one_by_one(&bytes[..len], most), "{odd:#x} at {at}, {len} bytes, at most {most}");
                    }
                }
            }
        }
    }

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
