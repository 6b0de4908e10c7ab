//! Property test of the extractor on random text, without extra dependencies: a deterministic
//! xorshift generator builds a few thousand strings from digits, separators, marks, quotes,
//! accented letters, emoji, URL pieces and the lexicons' own words, in both languages, and
//! checks that `extract` and the claims read from it (measures, periods, running totals) never
//! panic and that the spans are sound: in bounds and inside their sentence, `start < end`,
//! `chars[start..end] == surface`, sorted and not overlapping.
//!
//! A failing input is shrunk (chunks removed while it still fails) before it is reported, so
//! the message gives a small case to paste into a regression test.

use std::panic::{self, AssertUnwindSafe};

use cecot_data::corpus::number_format::{Basis, Decision, NumberFormat};
use cecot_data::extract::{extract, ArticleContext, Lexicon, Lexicons};
use cecot_data::load::schema::{KINDS, PERIOD_PATTERN, QUALIFIERS};
use cecot_data::pipeline::Knowledge;
use cecot_data::transform::{as_of, claims, running_totals};
use chrono::NaiveDate;

/// Inputs per language; with two languages this stays well under ten seconds in the dev profile.
const CASES_PER_LANGUAGE: usize = 2500;

/// xorshift64*: small, fast, and the same sequence on every machine.
struct XorShift(u64);

impl XorShift {
    fn new(seed: u64) -> XorShift {
        XorShift(seed.max(1))
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Marks, quotes, scripts and fragments the tokenizer and the masks must cope with.
const MARKS: &[&str] = &[
    ".", ",", "-", "–", "—", "%", "$", ":", "/", "[", "]", "(", ")", "](", "![", "«", "»", "“", "”", "\"", "'", "’", "¿", "¡", "*", "#", "&", "+", "x", "ª",
    "º", "°", "\u{301}", "\u{200b}", "\t", "…", ";", "?", "!",
];
const LETTERS: &[&str] = &["á", "é", "í", "ó", "ú", "ñ", "Ñ", "Á", "ü", "a", "e", "s", "A", "Z", "ß", "İ", "ǅ", "Σ"];
const EMOJI: &[&str] = &["🙂", "👍🏽", "🇸🇻", "👨‍👩‍👧", "❤️", "🔒"];
const FRAGMENTS: &[&str] = &[
    "https://",
    "http://",
    "www.",
    "example.org/2025/07/x",
    "?id=35&page=2",
    "#section-4",
    "](https://x.org/1)",
    "---\n",
    "published: 2025-07-23\n",
    "2025-07-23",
    "2025-13-45",
    "9999-99-99",
    "21:00",
    "4:15 p.m.",
    "12:",
    "a. m.",
    "US$",
    "MS-",
    "Barrio",
    "Module",
    "Módulo",
    "[20]",
    "1.0x",
    "24/7",
    "x14",
    "1990s",
    "2019-2024",
    "-year-old",
    "year-old",
    "por cada",
    "de cada",
    "one in",
    "per",
    "between",
    "entre",
    "de",
    "of",
    "the",
    "el",
    "a",
    "un",
    "una",
    "and",
    "y",
    "to",
    "or",
    "from",
    "rose",
    "pasó",
    "no",
    "ningún",
    "1.",
    "2.",
    "Oct.",
    "mid-",
    "early",
    "inicios de",
    "hora y media",
    "half an",
    "media",
    "times",
    "veces",
    "as many",
    "doubled down",
];

/// Words of one lexicon that the grammar keys on.
fn lexicon_words(lex: &Lexicon) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    words.extend(lex.cardinals.keys().cloned());
    words.extend(lex.scales.keys().cloned());
    words.extend(lex.collectives.keys().cloned());
    words.extend(lex.ordinals.keys().cloned());
    words.extend(lex.fractions.keys().cloned());
    words.extend(lex.multipliers.keys().cloned());
    words.extend(lex.vague.keys().cloned());
    words.extend(lex.months.keys().cloned());
    words.extend(lex.durations.keys().cloned());
    words.extend(lex.measures_units.keys().cloned());
    words.extend(lex.qualifiers.values().flatten().cloned());
    words.extend(lex.percent_words.iter().cloned());
    words.extend(lex.currency_prefixes.iter().cloned());
    words.extend(lex.currency_words.iter().cloned());
    words.extend(lex.age_compounds.iter().cloned());
    words.extend(lex.age_before.iter().cloned());
    words.extend(lex.identifier_before.iter().cloned());
    words.extend(lex.period_prefixes.iter().cloned());
    words.extend(lex.emphasis.iter().cloned());
    words.extend(lex.noun_units.keys().take(40).cloned());
    // Capitalised variants: months, names and sentence starts depend on case.
    let capitalised: Vec<String> = words
        .iter()
        .step_by(3)
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
        })
        .collect();
    words.extend(capitalised);
    words
}

/// A run of digits, sometimes with `.`/`,` groups and decimals in either convention.
fn digits(rng: &mut XorShift) -> String {
    let mut s = String::new();
    let groups = 1 + rng.below(4);
    for g in 0..groups {
        if g > 0 {
            let marks: [&str; 8] = [".", ",", ".", ",", "-", ":", "/", " "];
            s.push_str(marks[rng.below(marks.len())]);
        }
        let len = 1 + rng.below(4);
        for _ in 0..len {
            s.push(char::from(b'0' + rng.below(10) as u8));
        }
    }
    s
}

/// One random input made of `words` (the lexicon) and the fixed pools.
fn random_text(rng: &mut XorShift, words: &[String]) -> String {
    let pieces = 1 + rng.below(30);
    let mut s = String::new();
    for _ in 0..pieces {
        let piece = match rng.below(10) {
            0..=2 => digits(rng),
            3 | 4 => rng.pick(words).clone(),
            5 => rng.pick(MARKS).to_string(),
            6 => rng.pick(FRAGMENTS).to_string(),
            7 => rng.pick(LETTERS).to_string(),
            8 => rng.pick(EMOJI).to_string(),
            _ => rng.pick(&["\n", "\n\n", ". ", ", ", "  "]).to_string(),
        };
        s.push_str(&piece);
        if rng.below(3) != 0 {
            s.push(' ');
        }
    }
    s
}

/// Which invariants [`check`] enforces.
#[derive(Clone, Copy, PartialEq)]
enum Property {
    /// No panic, in the extractor nor in the claims read from it; each span in bounds, inside
    /// its sentence, non-empty, and spelling its surface; kind and qualifier from the schema.
    SoundSpans,
    /// The span checks above, mentions sorted and pairwise disjoint, and low <= high.
    Strict,
}

/// The schema's period pattern, anchored: every as_of must match it whole.
fn period_pattern() -> &'static regex::Regex {
    static PATTERN: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    PATTERN.get_or_init(|| regex::Regex::new(&format!("^(?:{PERIOD_PATTERN})$")).expect("the schema's pattern compiles"))
}

/// Run the extractor on `text` (numbers read in `format`), then the period rules, and check
/// the invariants; `Err` says what broke.
fn check(lex: &Lexicon, text: &str, property: Property, format: NumberFormat) -> Result<usize, String> {
    let published = NaiveDate::from_ymd_opt(2025, 7, 23);
    let context = ArticleContext { published, number_format: Some(Decision { format, basis: Basis::Manifest }), ..Default::default() };
    let knowledge = knowledge();
    let words = knowledge.periods.words(&lex.language);
    let run = panic::catch_unwind(AssertUnwindSafe(|| {
        let mut ex = extract(text, lex, context);
        // The claims' reading is checked once per input, under the first property.
        if property == Property::SoundSpans {
            claims::assign_measures(&ex.doc, &mut ex.mentions, &knowledge.measures, lex);
        }
        as_of::assign_as_of(&ex.doc, &mut ex.mentions, lex, words, ex.reference_date, ex.reference_period);
        running_totals::apply(&ex.doc, &mut ex.mentions, &knowledge.periods, lex, words, ex.reference_period);
        ex
    }));
    let extraction = match run {
        Ok(x) => x,
        Err(payload) => {
            let msg = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "non-string panic".into());
            return Err(format!("panic: {msg}"));
        }
    };
    let chars: Vec<char> = text.chars().collect();
    let mut previous_end = 0;
    for (k, m) in extraction.mentions.iter().enumerate() {
        if m.start >= m.end || m.end > chars.len() {
            return Err(format!("mention {k} span {}..{} out of bounds (text has {} chars)", m.start, m.end, chars.len()));
        }
        let slice: String = chars[m.start..m.end].iter().collect();
        if slice != m.surface {
            return Err(format!("mention {k} surface {:?} but text[{}..{}] is {slice:?}", m.surface, m.start, m.end));
        }
        if property == Property::Strict && k > 0 && m.start < previous_end {
            return Err(format!("mention {k} {:?} starts at {} before the previous one ends at {previous_end}", m.surface, m.start));
        }
        if !KINDS.contains(&m.kind) || !QUALIFIERS.contains(&m.qualifier) {
            return Err(format!("mention {k} {:?} has kind {:?} / qualifier {:?} outside the schema", m.surface, m.kind, m.qualifier));
        }
        if let (Property::Strict, Some(low), Some(high)) = (property, m.low, m.high) {
            if low > high {
                return Err(format!("mention {k} {:?} has low {low} > high {high}", m.surface));
            }
        }
        if let Some(period) = m.as_of {
            let written = period.to_string();
            if !period_pattern().is_match(&written) {
                return Err(format!("mention {k} {:?} has as_of {written:?}, which the schema's pattern refuses", m.surface));
            }
        }
        let Some(&(from, to)) = extraction.doc.sentences.get(m.sentence) else {
            return Err(format!("mention {k} {:?} points at sentence {} of {}", m.surface, m.sentence, extraction.doc.sentences.len()));
        };
        if m.start < from || m.end > to {
            return Err(format!("mention {k} {:?} at {}..{} runs out of its sentence {from}..{to}", m.surface, m.start, m.end));
        }
        previous_end = m.end;
    }
    Ok(extraction.mentions.len())
}

/// The embedded knowledge (measure catalog, period rules), loaded once.
fn knowledge() -> &'static Knowledge {
    static KNOWLEDGE: std::sync::OnceLock<Knowledge> = std::sync::OnceLock::new();
    KNOWLEDGE.get_or_init(|| Knowledge::load(None).expect("the embedded knowledge loads"))
}

/// Remove chunks of `text` (by chars) while `check` still fails; returns the smallest found.
fn shrink(lex: &Lexicon, text: &str, property: Property, format: NumberFormat) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let mut chunk = (chars.len() / 2).max(1);
    loop {
        let mut removed = false;
        let mut i = 0;
        while i < chars.len() {
            let end = (i + chunk).min(chars.len());
            let candidate: String = chars[..i].iter().chain(&chars[end..]).collect();
            if !candidate.is_empty() && check(lex, &candidate, property, format).is_err() {
                chars = candidate.chars().collect();
                removed = true;
            } else {
                i += chunk;
            }
        }
        if chunk == 1 && !removed {
            break;
        }
        if !removed {
            chunk = (chunk / 2).max(1);
        }
    }
    chars.into_iter().collect()
}

thread_local! {
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The extractor's panics are caught and reported with their input: keep the panic hook from
/// printing each one, on the fuzzing thread only, so other tests' failures still print.
fn quiet_panics_on_this_thread() {
    static INSTALL: std::sync::Once = std::sync::Once::new();
    INSTALL.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !QUIET.with(|q| q.get()) {
                previous(info);
            }
        }));
    });
    QUIET.with(|q| q.set(true));
}

/// Fuzz one language; the returned failures hold the shrunk input and what broke.
fn fuzz(lang: &str, seed: u64, property: Property) -> (usize, Vec<String>) {
    fuzz_cases(lang, seed, property, CASES_PER_LANGUAGE)
}

/// [`fuzz`] with a number of cases; the number format alternates case by case.
fn fuzz_cases(lang: &str, seed: u64, property: Property, cases: usize) -> (usize, Vec<String>) {
    let lexicons = Lexicons::embedded().expect("the embedded lexicons parse");
    let lex = lexicons.get(lang).expect("lexicon");
    let words = lexicon_words(lex);
    let mut rng = XorShift::new(seed);
    let mut mentions = 0;
    let mut failures = Vec::new();
    quiet_panics_on_this_thread();
    for case in 0..cases {
        let text = random_text(&mut rng, &words);
        let format = if case % 2 == 0 { NumberFormat::PointDecimal } else { NumberFormat::CommaDecimal };
        match check(lex, &text, property, format) {
            Ok(n) => mentions += n,
            Err(_) => {
                let small = shrink(lex, &text, property, format);
                let why = check(lex, &small, property, format).err().unwrap_or_default();
                failures.push(format!("{lang} case {case}: {why}\n  input (shrunk): {small:?}\n  original: {text:?}"));
                if failures.len() >= 5 {
                    break;
                }
            }
        }
    }
    QUIET.with(|q| q.set(false));
    (mentions, failures)
}

#[test]
fn en_random_text_never_panics_and_spans_spell_their_surface() {
    let (mentions, failures) = fuzz("en", 0x5EED_0001, Property::SoundSpans);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(mentions > CASES_PER_LANGUAGE, "the generator should produce numbers; got {mentions} mentions");
}

#[test]
fn es_random_text_never_panics_and_spans_spell_their_surface() {
    let (mentions, failures) = fuzz("es", 0x5EED_0002, Property::SoundSpans);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(mentions > CASES_PER_LANGUAGE, "the generator should produce numbers; got {mentions} mentions");
}

#[test]
fn en_random_text_mentions_are_disjoint_and_ranges_ordered() {
    let (_, failures) = fuzz("en", 0x5EED_0001, Property::Strict);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn es_random_text_mentions_are_disjoint_and_ranges_ordered() {
    let (_, failures) = fuzz("es", 0x5EED_0002, Property::Strict);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ----- shrunk cases found by the fuzzer, as regression tests --------------------------------

/// The strict property on one text, printing the mentions when it fails.
#[track_caller]
fn strict(lang: &str, text: &str) {
    let lexicons = Lexicons::embedded().expect("the embedded lexicons parse");
    let lex = lexicons.get(lang).expect("lexicon");
    if let Err(why) = check(lex, text, Property::Strict, NumberFormat::with_decimal_mark(lex.decimal_mark)) {
        let published = NaiveDate::from_ymd_opt(2025, 7, 23);
        let mentions = extract(text, lex, ArticleContext { published, ..Default::default() }).mentions;
        let got: Vec<_> = mentions.iter().map(|m| (m.start, m.end, m.surface.as_str(), m.kind)).collect();
        panic!("{lang} {text:?}: {why}; mentions {got:?}");
    }
}

#[test]
fn en_dimension_times_does_not_overlap() {
    strict("en", "The cell measured 2x4 meters.");
}

#[test]
fn es_dimension_times_does_not_overlap() {
    strict("es", "La celda medía 8x4 metros.");
}

#[test]
fn en_glued_currency_word_does_not_overlap() {
    strict("en", "1usd4");
}

#[test]
fn es_counted_noun_is_not_reused_as_a_cue() {
    strict("es", "Detuvieron a 5 menores de 18 años.");
}

#[test]
fn en_range_with_scale_on_high_end_keeps_low_below_high() {
    strict("en", "Estimates ran 2-1 million.");
}

#[test]
fn es_range_with_scale_on_high_end_keeps_low_below_high() {
    strict("es", "Las estimaciones van entre 900 y 1,2 millones.");
}

/// Fuzzing at scale: `FUZZ_CASES` inputs (ten million by default) split over the languages and
/// the machine's cores, every invariant of [`Property::Strict`] and the schema's period pattern.
/// Run in release: `cargo test --release --test extract_fuzz -- --ignored --nocapture`.
#[test]
#[ignore = "ten million inputs: run on demand, in release"]
fn ten_million_inputs_at_scale() {
    let total: usize = std::env::var("FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(10_000_000);
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get()).max(2);
    let started = std::time::Instant::now();
    let handles: Vec<_> = (0..threads)
        .map(|t| {
            let lang = if t % 2 == 0 { "en" } else { "es" };
            let cases = total / threads + usize::from(t < total % threads);
            std::thread::spawn(move || fuzz_cases(lang, 0xF022_0000 + t as u64, Property::Strict, cases))
        })
        .collect();
    let mut failures = Vec::new();
    let mut mentions = 0;
    for h in handles {
        let (m, f) = h.join().expect("a fuzzing thread");
        mentions += m;
        failures.extend(f);
    }
    println!("fuzz: {total} inputs, {mentions} mentions, {threads} threads, {:.1} s", started.elapsed().as_secs_f64());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn es_span_of_days_at_the_end_of_the_text_does_not_panic() {
    strict("es", "de3A");
    strict("es", "del 3 al");
}
