//! Reading the number itself at a token: digits by the article's number format, number words
//! ("two hundred and five", "veintidós", "a dozen"), scales and the lower orders after them.

use super::{Core, Grammar, PARTITIVE_DETERMINERS};
use crate::corpus::number_format::{Basis, Decision, NumberFormat};
use crate::extract::text::Token;

impl<'a> Grammar<'a> {
    /// The language's own number format, for an article whose format was not decided.
    pub fn default_number_format(&self) -> Decision {
        Decision { format: NumberFormat::with_decimal_mark(self.lex.decimal_mark), basis: Basis::Default }
    }

    /// Parse a digit token by the article's number format and the shape of its groups: a
    /// single mark before exactly three digits groups them only where the article's group mark
    /// is that mark (`58,213` in `1,234.5` text; `70.000` in `1.234,5` text).
    pub(super) fn parse_digits(&self, s: &str) -> Option<(f64, bool)> {
        let format = self.number_format.get();
        let has_dot = s.contains('.');
        let has_comma = s.contains(',');
        let (group, decimal) = if has_dot && has_comma {
            // Both marks: the last one is the decimal mark.
            if s.rfind('.') > s.rfind(',') {
                (',', '.')
            } else {
                ('.', ',')
            }
        } else if has_dot || has_comma {
            let mark = if has_dot { '.' } else { ',' };
            let parts: Vec<&str> = s.split(mark).collect();
            let grouped = parts.len() > 2 || (parts[1].len() == 3 && mark == format.group_mark() && parts[0].len() <= 3);
            if grouped {
                (mark, if mark == '.' { ',' } else { '.' })
            } else {
                (if mark == '.' { ',' } else { '.' }, mark)
            }
        } else {
            (format.group_mark(), format.decimal_mark())
        };
        let cleaned: String = s.chars().filter(|c| *c != group).map(|c| if c == decimal { '.' } else { c }).collect();
        let has_decimals = cleaned.contains('.');
        cleaned.parse::<f64>().ok().map(|v| (v, has_decimals))
    }

    /// A number at token `i`: digits with an optional scale word, or number words; a scaled
    /// number continues with lower orders ("83 mil 417", "tres millones 218 mil 407").
    pub(super) fn core_at(&self, toks: &[Token], i: usize) -> Option<Core> {
        let core = self.simple_core_at(toks, i)?;
        Some(if core.scaled && !core.has_decimals { self.lower_orders(toks, core) } else { core })
    }

    /// "83 mil 417", "mil 630", "3 millones 218 mil 407": after a scaled number, digits below
    /// its last scale, each with a smaller scale, or plain after a thousand.
    fn lower_orders(&self, toks: &[Token], mut core: Core) -> Core {
        let sentence = toks[core.end - 1].sentence;
        let mut last_scale = [1e12, 1e9, 1e6, 1e3].into_iter().find(|s| core.value >= *s && core.value % s == 0.0).unwrap_or(0.0);
        while let Some(d) = toks.get(core.end).filter(|d| d.is_digits() && d.sentence == sentence && d.lower.chars().all(|c| c.is_ascii_digit())) {
            let Ok(n) = d.lower.parse::<f64>() else { break };
            if n >= 1000.0 || n >= last_scale {
                break;
            }
            match self.scales.match_at(toks, core.end + 1).filter(|(_, s)| *s >= 1000.0 && *s < last_scale) {
                Some((len, s)) => {
                    core.value += n * s;
                    core.end += 1 + len;
                    last_scale = s;
                }
                None if last_scale == 1000.0 => {
                    core.value += n;
                    core.end += 1;
                    break;
                }
                None => break,
            }
        }
        core
    }

    /// A number at token `i` without lower orders after its scale.
    fn simple_core_at(&self, toks: &[Token], i: usize) -> Option<Core> {
        let t = toks.get(i)?;
        if t.is_digits() {
            let (mut value, has_decimals) = self.parse_digits(&t.lower)?;
            let year_shaped = t.lower.len() == 4 && t.lower.chars().all(|c| c.is_ascii_digit());
            let mut end = i + 1;
            let mut scaled = false;
            if let Some((n, s)) = self.scales.match_at(toks, end) {
                if s >= 1000.0 {
                    value *= s;
                    end += n;
                    scaled = true;
                }
            }
            return Some(Core { end, value, words: false, has_decimals, scaled, year_shaped: year_shaped && !scaled, approximate: false });
        }
        if t.is_word() {
            return self.word_number_at(toks, i);
        }
        None
    }

    /// Number words: "thirty-two", "two hundred and five", "veintidós", "ciento cincuenta",
    /// "a dozen", "un millón", "half a million".
    fn word_number_at(&self, toks: &[Token], i: usize) -> Option<Core> {
        let lex = self.lex;
        let sentence = toks[i].sentence;
        let mut j = i;
        // "a dozen", "un millón", "una decena": the article stands for one.
        if lex.one_articles.contains(&toks[i].lower) {
            let next = toks.get(i + 1)?;
            if next.sentence != sentence {
                return None;
            }
            if let Some(&c) = lex.collectives.get(&next.lower) {
                return Some(Core {
                    end: i + 2,
                    value: c,
                    words: true,
                    has_decimals: false,
                    scaled: false,
                    year_shaped: false,
                    approximate: lex.approximate_collectives.contains(&next.lower),
                });
            }
            if let Some((n, s)) = self.scales.match_at(toks, i + 1) {
                return Some(Core { end: i + 1 + n, value: s, words: true, has_decimals: false, scaled: true, year_shaped: false, approximate: false });
            }
            // "more than a month", "nearly a decade": after a bound, the article before a unit
            // of time is one (alone, "a month" is mostly a rate: "$400 a month").
            let bounded = self.qualifier_cues.match_before(toks, i).is_some_and(|(s, _)| toks[s].sentence == sentence);
            if bounded && self.durations.match_at(toks, i + 1).is_some() && !lex.cardinals.contains_key(&toks[i].lower) {
                return Some(Core { end: i + 1, value: 1.0, words: true, has_decimals: false, scaled: false, year_shaped: false, approximate: false });
            }
            // Partitive "una de las cárceles": the article is the number one (GUIDELINE §4).
            if self.is_partitive(toks, i + 1) && !lex.cardinals.contains_key(&toks[i].lower) {
                return Some(Core { end: i + 1, value: 1.0, words: true, has_decimals: false, scaled: false, year_shaped: false, approximate: false });
            }
            if !lex.cardinals.contains_key(&toks[i].lower) {
                return None;
            }
        }
        let mut total = 0.0;
        let mut current = 0.0;
        let mut last: Option<f64> = None; // value of the last cardinal word
        let mut any = false;
        let mut scaled = false;
        let mut end = i;
        // The scale just read, when nothing has followed it yet ("cinco millones").
        let mut last_big_scale: Option<f64> = None;
        // Spanish "mil quinientos": a scale that stands for one thousand on its own.
        if lex.standalone_scales.contains(&toks[i].lower) {
            if let Some(&s) = lex.scales.get(&toks[i].lower) {
                total = s;
                any = true;
                scaled = true;
                j = i + 1;
                end = j;
            }
        }
        while j < toks.len() && toks[j].sentence == sentence {
            let w = &toks[j].lower;
            if let Some(&c) = lex.cardinals.get(w) {
                if let Some(prev) = last {
                    // Only tens + units, or hundreds + anything below, continue a compound.
                    let ok = ((20.0..100.0).contains(&prev) && prev % 10.0 == 0.0 && c < 10.0) || (prev >= 100.0 && prev % 100.0 == 0.0 && c < 100.0);
                    if !ok {
                        break;
                    }
                }
                current += c;
                last = Some(c);
                last_big_scale = None;
                any = true;
                j += 1;
                end = j;
                continue;
            }
            if any {
                // "cinco millones y medio": a half right after a scale of millions is half of it.
                if let Some(n) = self.half_of_the_scale_at(toks, j, end, current, last_big_scale) {
                    total += 0.5 * last_big_scale.unwrap_or(0.0);
                    end = j + n;
                    break;
                }
                // "six and a half million": the half belongs to the scale's multiplier.
                let half_scale = self.and_a_half_at(toks, j).and_then(|n| self.scales.match_at(toks, j + n).map(|(m, s)| (n + m, s)));
                if let Some((n, s)) = half_scale.filter(|(_, s)| *s >= 1000.0 && current > 0.0) {
                    total += (current + 0.5) * s;
                    current = 0.0;
                    scaled = true;
                    end = j + n;
                    break;
                }
                if let Some((n, s)) = self.scales.match_at(toks, j) {
                    if s == 100.0 {
                        current = current.max(1.0) * 100.0;
                        last = Some(100.0);
                    } else {
                        total += current.max(1.0) * s;
                        current = 0.0;
                        last = None;
                        scaled = true;
                    }
                    j += n;
                    end = j;
                    last_big_scale = Some(s);
                    continue;
                }
                if let Some(&c) = lex.collectives.get(w) {
                    current = current.max(1.0) * c;
                    j += 1;
                    end = j;
                    break;
                }
                // Joiners and hyphens continue a compound only when a number word follows.
                let joiner = lex.compound_joiners.contains(w) || (w == "-" && !toks[j].space_before);
                let next_is_card = toks.get(j + 1).is_some_and(|n| lex.cardinals.contains_key(&n.lower) && n.sentence == sentence);
                if joiner && next_is_card {
                    let prev = last.unwrap_or(0.0);
                    let ok = ((20.0..100.0).contains(&prev) && prev % 10.0 == 0.0) || (prev >= 100.0 && prev % 100.0 == 0.0);
                    if ok {
                        j += 1;
                        continue;
                    }
                }
            }
            break;
        }
        if !any {
            return None;
        }
        if !scaled && total == 0.0 {
            if let Some(core) = self.spoken_decimal_at(toks, end, current) {
                return Some(core);
            }
        }
        Some(Core { end, value: total + current, words: true, has_decimals: false, scaled, year_shaped: false, approximate: false })
    }

    /// "five point two million", "cinco punto dos millones": a whole number in words, a
    /// decimal point said as a word, its digits said one by one, then an optional scale. Said
    /// on radio and TV and kept so in transcripts; read apart, the digits after the point would
    /// be a second number with the first's scale.
    fn spoken_decimal_at(&self, toks: &[Token], point: usize, whole: f64) -> Option<Core> {
        let lex = self.lex;
        let mark = toks.get(point).filter(|t| lex.decimal_point_words.contains(&t.lower) && t.sentence == toks[point - 1].sentence)?;
        let digit_at = |k: usize| {
            toks.get(k)
                .filter(|t| t.sentence == mark.sentence)
                .and_then(|t| lex.cardinals.get(&t.lower))
                .copied()
                .filter(|d| *d < 10.0 && d.fract() == 0.0)
        };
        let mut k = point + 1;
        let mut fraction = String::new();
        while let Some(d) = digit_at(k) {
            fraction.push(char::from_digit(d as u32, 10)?);
            k += 1;
        }
        if fraction.is_empty() || whole.fract() != 0.0 {
            return None;
        }
        let mut value: f64 = format!("{whole}.{fraction}").parse().ok()?;
        let mut scaled = false;
        if let Some((n, s)) = self.scales.match_at(toks, k).filter(|(_, s)| *s >= 1000.0) {
            value *= s;
            k += n;
            scaled = true;
        }
        Some(Core { end: k, value, words: true, has_decimals: true, scaled, year_shaped: false, approximate: false })
    }

    pub(super) fn core_unscaled(&self, toks: &[Token], core: Core) -> f64 {
        // The value written before the scale word: re-read the first token.
        let mut k = core.end;
        while k > 0 {
            k -= 1;
            if toks[k].is_digits() {
                return self.parse_digits(&toks[k].lower).map(|v| v.0).unwrap_or(core.value);
            }
        }
        core.value
    }

    /// "de las", "of the" at token `k`: a partitive after a number word.
    pub(super) fn is_partitive(&self, toks: &[Token], k: usize) -> bool {
        let (Some(of), Some(det)) = (toks.get(k), toks.get(k + 1)) else { return false };
        (of.is("de") || of.is("of")) && det.sentence == of.sentence && PARTITIVE_DETERMINERS.contains(&det.lower.as_str())
    }

    /// "y medio" at token `k`, right after a scale of a million or more with nothing after it
    /// (`end == k`, no units read since): the half is half of that scale ("cinco millones y
    /// medio de euros"). Smaller scales take no half so ("mil y medio" is no idiom). The number
    /// of tokens.
    fn half_of_the_scale_at(&self, toks: &[Token], k: usize, end: usize, current: f64, scale: Option<f64>) -> Option<usize> {
        if k != end || current != 0.0 || scale.is_none_or(|s| s < 1_000_000.0) {
            return None;
        }
        self.and_a_half_at(toks, k)
    }

    /// "and a half", "y medio", "y media" at token `k`: the number of tokens.
    pub(super) fn and_a_half_at(&self, toks: &[Token], k: usize) -> Option<usize> {
        let joiner = toks.get(k).filter(|x| x.is("and") || self.lex.compound_joiners.contains(&x.lower))?;
        let mut n = 1;
        if toks.get(k + n).is_some_and(|x| self.lex.one_articles.contains(&x.lower)) {
            n += 1;
        }
        let is_half = |w: &str| self.lex.fractions.get(w).or_else(|| self.lex.scale_fractions.get(w)) == Some(&0.5);
        let half = toks.get(k + n).filter(|x| x.sentence == joiner.sentence)?;
        // "dos años y medios": a plural slip on the half is still the half, unless a noun
        // phrase goes on ("dos años y medios de comunicación").
        let slip = half.lower.strip_suffix('s').is_some_and(is_half) && !toks.get(k + n + 1).is_some_and(|x| x.is("de") || x.is("of"));
        if !(is_half(&half.lower) || slip) {
            return None;
        }
        Some(n + 1)
    }
}
