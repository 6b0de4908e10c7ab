//! What a number counts: units and counted nouns after it, rates ("per 100,000"), money and
//! currencies, and the cues that make a number an age.

use super::{Cand, Grammar, ARTICLES, PARTITIVE_DETERMINERS, STOP_WORDS};
use crate::extract::format_value;
use crate::extract::text::Token;

/// How many words may open a parenthesis before the "per" of a rate it spells out
/// ("512 (proporción de presos por cada 100 mil habitantes)").
const PAREN_RATE_WORDS: usize = 4;

/// How many words may qualify a rate's counted noun before its "per" ("people serving jail
/// sentences per 100,000").
const RATE_MODIFIERS: usize = 3;

/// The smallest base of a rate: "cada" (a rate's "per" after its noun in "12 homicidios cada
/// 100.000 habitantes") also distributes ("70 reos cada una", "cada dos semanas"), where the number after
/// it is small; a rate is per a hundred or more.
const SMALLEST_RATE_BASE: f64 = 100.0;

/// How many tokens before a rate without its counted noun, in its sentence, may name what it counts.
const RATE_SUBJECT_WINDOW: usize = 40;

fn unit_kind(unit: &str) -> &'static str {
    match unit {
        "seconds" | "minutes" | "hours" | "days" | "nights" | "weeks" | "months" | "years" | "decades" => "duration",
        _ => "count",
    }
}

impl<'a> Grammar<'a> {
    pub(super) fn nouns_or_units_at(&self, toks: &[Token], i: usize) -> bool {
        self.durations.match_at(toks, i).is_some() || self.nouns.match_at(toks, i).is_some()
    }

    /// A rate's unit with `units` for its counted noun ("15 per 100,000 inhabitants") takes the
    /// noun of the nearest rate subject before it in its sentence ("the homicide rate ...").
    pub(super) fn name_rate_subject(&self, toks: &[Token], a: usize, unit: String) -> String {
        let Some(rest) = unit.strip_prefix("units_per_") else { return unit };
        let sentence = toks[a].sentence;
        let subject = (a.saturating_sub(RATE_SUBJECT_WINDOW)..a)
            .rev()
            .take_while(|&k| toks[k].sentence == sentence)
            .find_map(|k| self.rate_subjects.match_at(toks, k).filter(|(n, _)| k + n <= a).map(|(_, noun)| noun));
        match subject {
            Some(noun) => format!("{noun}_per_{rest}"),
            None => unit,
        }
    }

    /// "per 100,000 residents", "por cada 100.000 habitantes", "per 1,000 inmates":
    /// (end token, unit).
    pub(super) fn rate_after(&self, toks: &[Token], b: usize) -> Option<(usize, String)> {
        let sentence = toks.get(b)?.sentence;
        // An optional counted noun before "per", with a few modifiers ("480 personas detenidas
        // por cada 100 mil habitantes", "950 people serving prison terms per 100,000").
        let mut k = b;
        let mut numerator = String::new();
        let word = |k: usize| toks.get(k).filter(|t| t.is_word() && t.sentence == sentence && self.per_words.match_at(toks, k).is_none());
        if let Some(t) = word(k) {
            numerator = t.lower.to_string();
            k += 1;
            for _ in 0..RATE_MODIFIERS {
                if self.per_words.match_at(toks, k).is_some() || word(k).is_none_or(|m| STOP_WORDS.contains(&m.lower.as_str())) {
                    break;
                }
                k += 1;
            }
        }
        // Past one modifier, only a denominator the lexicon knows as a rate's makes a rate:
        // "seis módulos vigilados por 300 soldados" is no rate.
        let long_numerator = k > b + 2;
        let noun_per = |k: usize| self.noun_per_words.match_at(toks, k).filter(|_| !numerator.is_empty());
        let per = self.per_words.match_at(toks, k);
        let only_after_noun = per.is_none();
        let (n, _) = per.or_else(|| noun_per(k))?;
        let den = self.core_at(toks, k + n)?;
        if den.value < SMALLEST_RATE_BASE {
            return None;
        }
        if toks[k + n].is_word() && !self.lex.cardinals.contains_key(&toks[k + n].lower) {
            return None;
        }
        let mut end = den.end;
        let mut denominator_noun = String::new();
        if let Some(t) = toks.get(end) {
            if t.is_word() && t.sentence == sentence && !STOP_WORDS.contains(&t.lower.as_str()) {
                denominator_noun = t.lower.to_string();
                end += 1;
            }
        }
        // "cada" makes a rate only of a base the lexicon knows ("cada 100.000 habitantes"), not
        // of a span of time or space ("cada 100 días").
        if (long_numerator || only_after_noun) && !self.lex.rate_nouns.contains_key(&denominator_noun) {
            return None;
        }
        // ... and only of a counted noun the lexicon knows, right before "cada" ("12 homicidios
        // cada 100.000 habitantes"): "3 jueces visitan cada 100 celdas" is no rate.
        if only_after_noun && (k != b + 1 || !self.lex.rate_nouns.contains_key(&numerator)) {
            return None;
        }
        let normal = |w: String| self.lex.rate_nouns.get(&w).cloned().unwrap_or(w);
        let denominator_noun = normal(denominator_noun);
        let mut unit = if numerator.is_empty() { "units".to_string() } else { normal(numerator) };
        unit.push_str(&format!("_per_{}", format_value(den.value)));
        if !denominator_noun.is_empty() {
            unit.push('_');
            unit.push_str(&denominator_noun);
        }
        Some((end, unit))
    }

    /// "512 (proporción de presos por cada 100 mil habitantes)", "a rate of 512 (prisoners
    /// per 100,000 residents)": a rate whose words follow in parentheses; the word before
    /// "per" is its numerator. (end token after the closing parenthesis, unit).
    pub(super) fn parenthesised_rate_after(&self, toks: &[Token], b: usize) -> Option<(usize, String)> {
        let sentence = toks.get(b).filter(|t| t.is("("))?.sentence;
        let words = toks[b + 1..].iter().take(PAREN_RATE_WORDS + 1).take_while(|t| t.is_word() && t.sentence == sentence);
        let per = words.enumerate().find(|(n, _)| self.per_words.match_at(toks, b + 1 + n).is_some()).map(|(n, _)| b + 1 + n)?;
        if per == b + 1 {
            return None;
        }
        let (end, unit) = self.rate_after(toks, per - 1)?;
        toks.get(end).filter(|t| t.is(")") && t.sentence == sentence)?;
        Some((end + 1, unit))
    }

    /// A unit or counted noun after the number, possibly behind up to two modifiers
    /// ("six consecutive days", "226 Venezuelan men") or a partitive ("40 of these men").
    pub(super) fn unit_after(&self, toks: &[Token], b: usize) -> Option<(usize, String, &'static str)> {
        // The number's sentence, not the next token's: a table row's last figure is followed
        // by the next row's name ("6,300 \n Cárcel de Mujeres"), which is no unit of it.
        let sentence = toks.get(b.checked_sub(1)?)?.sentence;
        let lookup = |k: usize| -> Option<(usize, String, &'static str)> {
            if toks.get(k)?.sentence != sentence {
                return None;
            }
            if let Some((n, (unit, kind))) = self.measure_units.match_at(toks, k) {
                let kind = crate::load::schema::KINDS.iter().copied().find(|x| *x == kind).unwrap_or("other");
                return Some((k + n, unit, kind));
            }
            // A unit of time that is also an ordinal ("segundo", "second") is a unit only right
            // after the number: "12 inciso segundo" is no duration.
            let ordinal_word = self.lex.ordinals.contains_key(&toks[k].lower);
            if let Some((n, unit)) = self.durations.match_at(toks, k).filter(|_| k == b || !ordinal_word) {
                return Some((k + n, unit.clone(), unit_kind(&unit)));
            }
            if let Some((n, unit)) = self.nouns.match_at(toks, k) {
                return Some((k + n, unit, "count"));
            }
            None
        };
        if let Some(hit) = lookup(b) {
            return Some(hit);
        }
        // Partitive "of these", "de los".
        if let Some(t) = toks.get(b) {
            if (t.is("of") || t.is("de")) && t.sentence == sentence {
                let mut k = b + 1;
                if toks.get(k).is_some_and(|d| PARTITIVE_DETERMINERS.contains(&d.lower.as_str())) {
                    k += 1;
                }
                if let Some(hit) = lookup(k) {
                    return Some(hit);
                }
            }
        }
        // Up to two modifiers.
        let mut k = b;
        for _ in 0..2 {
            let t = toks.get(k)?;
            if !t.is_word() || t.sentence != sentence || STOP_WORDS.contains(&t.lower.as_str()) || self.lex.cardinals.contains_key(&t.lower) {
                return None;
            }
            if self.lex.months.contains_key(&t.lower) {
                return None;
            }
            k += 1;
            if let Some(hit) = lookup(k) {
                return Some(hit);
            }
        }
        None
    }

    /// A counted noun the lexicon does not list, right after the number ("17 buses",
    /// "40 autobuses"): a lower-case word with a plural ending that is no function word,
    /// number word or verb the lexicon names. It is the unit as written.
    pub(super) fn unlisted_plural_noun(&self, toks: &[Token], b: usize) -> Option<String> {
        let t = toks.get(b)?;
        let prev = toks.get(b.checked_sub(1)?)?;
        let lex = self.lex;
        let plural = lex.plural_suffixes.iter().any(|s| t.lower.ends_with(s.as_str()));
        let listed = |w: &str| {
            STOP_WORDS.contains(&w)
                || lex.not_counted_nouns.iter().any(|x| x == w)
                || lex.cardinals.contains_key(w)
                || lex.scales.contains_key(w)
                || lex.months.contains_key(w)
                || lex.ordinals.contains_key(w)
        };
        let ok = t.is_word() && t.space_before && !t.upper_first && t.sentence == prev.sentence && t.lower.chars().count() >= 3 && plural && !listed(&t.lower);
        ok.then(|| t.lower.to_string())
    }

    /// The counted noun or unit after a count, when there is one ("half a dozen guards").
    pub(super) fn counted_noun_after(&self, toks: &[Token], c: &mut Cand) {
        if let Some((end, unit, kind)) = self.unit_after(toks, c.b) {
            c.b = end;
            c.unit = Some(unit);
            c.kind = kind;
        }
    }

    /// "half a million dollars", "medio millón de dólares": a currency after a counted amount
    /// makes it money.
    pub(super) fn money_after(&self, toks: &[Token], c: &mut Cand) {
        if let Some((end, unit)) = self.currency_after(toks, c.b) {
            c.b = end;
            c.kind = "money";
            c.unit = Some(unit);
        }
    }

    /// A currency word at token `b`, or after "de"/"of" ("millones de dólares"): where it ends
    /// and its unit.
    pub(super) fn currency_after(&self, toks: &[Token], b: usize) -> Option<(usize, String)> {
        self.currency_words
            .match_at(toks, b)
            .map(|(n, u)| (b + n, u))
            .or_else(|| toks.get(b).filter(|x| x.is("de") || x.is("of")).and_then(|_| self.currency_words.match_at(toks, b + 1)).map(|(n, u)| (b + 1 + n, u)))
    }

    /// Does a term noun follow the years ending at token `b`, tied by a `term_links` word and at
    /// most one article ("cumplió un año bajo el régimen", "tiene tres años de vigencia")?
    fn term_follows(&self, toks: &[Token], b: usize, sentence: usize) -> bool {
        let lex = self.lex;
        let at = |k: usize| toks.get(k).filter(|t| t.sentence == sentence);
        if !at(b).is_some_and(|t| lex.term_links.contains(&t.lower)) {
            return false;
        }
        let noun = if at(b + 1).is_some_and(|t| ARTICLES.contains(&t.lower.as_str())) { b + 2 } else { b + 1 };
        at(noun).is_some_and(|t| lex.term_nouns.contains(&t.lower))
    }

    /// Is the age that starts at token `a` ("3 years old") a thing's: an age copula (and
    /// adverbs) before it, whose subject is a noun of `thing_age_nouns`, alone or with a short
    /// complement ("the crackdown on gangs is now 3 years old")? It then tells how long the
    /// thing has lasted, a duration.
    pub(super) fn is_age_of_a_thing(&self, toks: &[Token], a: usize) -> bool {
        let lex = self.lex;
        let sentence = toks[a].sentence;
        let word = |k: usize| toks.get(k).filter(|t| t.sentence == sentence && t.is_word());
        let mut k = a;
        while k > 0 && word(k - 1).is_some_and(|t| lex.age_adverbs.contains(&t.lower)) {
            k -= 1;
        }
        if k == 0 || !word(k - 1).is_some_and(|t| lex.age_copulas.contains(&t.lower)) {
            return false;
        }
        let copula = k - 1;
        let thing = |k: usize| word(k).is_some_and(|t| lex.thing_age_nouns.contains(&t.lower));
        // The subject right before the copula, or before a complement of up to three words.
        let Some(noun) = (1..=4).map(|back| copula.wrapping_sub(back)).find(|&n| {
            n < copula && thing(n) && (n + 1 == copula || word(n + 1).is_some_and(|t| lex.noun_complement_links.contains(&t.lower)))
        }) else {
            return false;
        };
        // A thing inside a relative clause of a person ("the man who ran the plan is 61 years
        // old") is no subject of the age.
        !toks[..noun].iter().rev().take_while(|t| t.sentence == sentence).any(|t| lex.person_relatives.contains(&t.lower))
    }

    /// Age cues around a number: "aged 18", "youngest was 19", "de 58 años",
    /// "Castillo, 24,", "29 were over 60" (with "age" in the sentence).
    pub(super) fn is_age(&self, toks: &[Token], a: usize, i: usize, b: usize, c: &Cand) -> bool {
        let sentence = toks[i].sentence;
        let years = c.unit.as_deref() == Some("years");
        let lex = self.lex;
        if years && self.term_follows(toks, b, sentence) {
            return false;
        }
        // A cue within three tokens before.
        for back in 1..=3 {
            if a < back {
                break;
            }
            let end = a - back + 1;
            if let Some((s, _)) = self.age_before.match_before(toks, end) {
                if toks[s].sentence != sentence {
                    continue;
                }
                let cue = &toks[s..end];
                let cue_text: Vec<&str> = cue.iter().map(|t| t.lower.as_str()).collect();
                // Spanish "de" marks an age only right before "N años", and no cue marks one
                // after a noun of a term ("penas de más de 10 años", "un plazo de 72 horas",
                // "el régimen de excepción cumplió un año").
                let after_term = s > 0 && lex.term_nouns.contains(&toks[s - 1].lower);
                if after_term {
                    continue;
                }
                if cue_text == ["de"] {
                    // "más de un año" is a bound, not an age: the "de" belongs to the cue.
                    let part_of_cue = self.qualifier_cues.match_before(toks, end).is_some_and(|(cs, _)| cs < s);
                    if back == 1 && years && !part_of_cue {
                        return true;
                    }
                    continue;
                }
                // "a los 19 años" is an age; "a los dos años de su captura" a time after.
                if cue_text == ["a", "los"] {
                    let after = |k: usize| toks.get(b + k).filter(|x| x.sentence == sentence);
                    let time_after = after(0).is_some_and(|x| x.is("de")) && !after(1).is_some_and(|x| x.is("edad"));
                    if back == 1 && years && !time_after {
                        return true;
                    }
                    continue;
                }
                if lex.age_cues_need_years && !years {
                    continue;
                }
                if back == 1 || toks[end..a].iter().all(|t| t.is_word() || t.is(",")) {
                    return true;
                }
            }
        }
        if c.unit.is_some() && !years {
            return false;
        }
        // "Name, 24," : an apposition after a capitalised name.
        if c.unit.is_none()
            && a >= 2
            && toks[a - 1].is(",")
            && toks[a - 2].starts_upper()
            && toks[a - 2].is_word()
            && toks[a - 2].sentence == sentence
            && toks.get(b).is_some_and(|n| n.is(",") || n.is(";"))
            && !toks[i].is_word()
        {
            return true;
        }
        // "He is now 22.", "Kevin, was 19 when soldiers took him": a bare number after a copula
        // whose subject is a person (a personal pronoun or a capitalised name), ending its
        // clause or followed by "when".
        if c.unit.is_none() && c.qualifier == "exact" && !toks[i].is_word() {
            let mut k = a;
            if k > 0 && lex.age_adverbs.contains(&toks[k - 1].lower) {
                k -= 1; // "is now 22"
            }
            let copula = k > 0 && lex.age_copulas.contains(&toks[k - 1].lower) && toks[k - 1].sentence == sentence;
            let subject = copula && k >= 2 && {
                let mut j = k - 2;
                if toks[j].is(",") && j > 0 {
                    j -= 1;
                }
                let w = &toks[j];
                w.sentence == sentence
                    && w.is_word()
                    && (lex.person_pronouns.contains(&w.lower) || (w.starts_upper() && !w.all_upper && j > 0 && toks[j - 1].sentence == sentence))
            };
            let ends =
                toks.get(b).is_none_or(|n| n.sentence != sentence || matches!(n.lower.as_str(), "." | "," | ";") || lex.age_followers.contains(&n.lower));
            if subject && ends {
                return true;
            }
        }
        // A bound on a bare number in a sentence about age: "29 were over 60".
        if c.unit.is_none() && c.qualifier != "exact" && self.sentence_slice(toks, sentence).iter().any(|t| lex.age_context.contains(&t.lower)) {
            return true;
        }
        false
    }
}
