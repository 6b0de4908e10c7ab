//! The number rule: a number with what surrounds it (its qualifier, range, sign, scale, unit,
//! rate or currency), and when a number word is a number at all.

use super::{Cand, Core, Grammar};
use crate::extract::text::{Doc, Token};
use crate::extract::{format_value, tidy};

/// How many tokens back an idiom may start and still cover a number word.
const IDIOM_REACH: usize = 4;

impl<'a> Grammar<'a> {
    /// A year in words after a preposition of time: "en dos mil veintiséis", "in two thousand
    /// and nine". Round thousands and hundreds ("en dos mil") stay counts.
    fn is_word_year(&self, toks: &[Token], core: &Core, a: usize, value: f64) -> bool {
        core.words
            && (1900.0..=2100.0).contains(&value)
            && value % 100.0 != 0.0
            && a > 0
            && toks[a - 1].sentence == toks[a].sentence
            && self.lex.story_date_prepositions.contains(&toks[a - 1].lower)
            && self.unit_after(toks, core.end).is_none()
    }

    /// A whole number mention at token `i`, with what surrounds it.
    pub(super) fn number_at(&self, doc: &Doc, toks: &[Token], i: usize) -> Option<Cand> {
        let lex = self.lex;
        let t = &toks[i];
        let core = self.core_at(toks, i)?;
        if core.words && !self.word_number_allowed(toks, i, &core) {
            return None;
        }
        let mut c = Cand::new(i, core.end, "count", Some(format_value(core.value)));
        if core.approximate {
            c.qualifier = "approximately";
        }
        let mut value = core.value;

        // Digit ordinals and list enumerators.
        if t.is_digits() && !core.has_decimals {
            if let Some(s) = toks.get(i + 1) {
                if !s.space_before && s.is_word() && lex.ordinal_suffixes.contains(&s.lower) && !self.nouns_or_units_at(toks, i + 1) {
                    c.b = i + 2;
                    c.kind = "ordinal";
                    if let Some(after) = toks.get(i + 2) {
                        if lex.identifier_after.contains(&after.lower) {
                            c.b = i + 3;
                            c.kind = "identifier";
                        }
                    }
                    return Some(c);
                }
            }
            if self.is_list_enumerator(doc, toks, i) {
                c.kind = "ordinal";
                return Some(c);
            }
        }
        // Identifiers: citation markers, names and references.
        if let Some(name) = self.identifier_start(toks, i, &core) {
            c.kind = "identifier";
            c.a = c.a.min(name);
            if t.is_digits()
                && toks.get(i + 1).is_some_and(|n| n.is("-") && !n.space_before)
                && toks.get(i + 2).is_some_and(|n| n.is_digits() && !n.space_before)
            {
                // Phone numbers: "5310-2896".
                c.b = i + 3;
                c.value = Some(format!("{}{}", t.lower, toks[i + 2].lower));
            }
            return Some(c);
        }
        if t.is_digits()
            && toks.get(i + 1).is_some_and(|n| n.is("-") && !n.space_before)
            && toks.get(i + 2).is_some_and(|n| n.is_digits() && !n.space_before && n.lower.len() >= 4)
            && t.lower.len() >= 3
            && !(core.year_shaped && value <= 2100.0)
        {
            c.kind = "identifier";
            c.b = i + 3;
            c.value = Some(format!("{}{}", t.lower, toks[i + 2].lower));
            return Some(c);
        }

        // Look-behind: currency, qualifier cue, "first"/ordinal before a count.
        let mut a = i;
        let mut money: Option<String> = None;
        if let Some((s, unit)) = self.currency_prefix.match_before(toks, a).filter(|(s, _)| *s >= self.floor.get() && toks[*s].sentence == t.sentence) {
            if !toks[a].space_before || toks[a - 1].lower.ends_with('$') {
                money = Some(unit);
                a = s;
            }
        }
        let mut ratio_prefix = false;
        if a > self.floor.get() && toks[a - 1].is("x") && !toks[a].space_before && t.is_digits() {
            ratio_prefix = true;
            a -= 1;
        }
        let (qa, qualifier) = self.qualifier_before(toks, a);
        // "spoke about one guard": "about" is a preposition before a lone "one" (but "roughly one
        // in five" is a share's bound).
        let share_follows = self.share_words.match_at(toks, core.end).is_some();
        let unit_follows = self.durations.match_at(toks, core.end).is_some();
        let lone_one = core.words && value == 1.0 && qualifier == Some("approximately") && !share_follows && !unit_follows;
        if let Some(q) = qualifier.filter(|_| !lone_one) {
            c.qualifier = q;
            a = qa;
        } else if qualifier.is_none() {
            a = qa; // "el 90 por ciento": the article stays in the span
        }
        if a > 0 && lex.ordinals.get(&toks[a - 1].lower) == Some(&1.0) && toks[a - 1].sentence == t.sentence && toks[a - 1].lower != "second" {
            a -= 1; // "the first five", "first 11 weeks"
        }
        c.a = a;
        c.b = core.end;

        // Range "between X and Y" / "entre X y Y" / "between the ages of X and Y".
        let opener = self.range_opener(toks, a);
        let opened = opener.is_some();
        let mut b = core.end;
        let mut range_high: Option<(Core, usize)> = None;
        // Suffix: percent before a range connector ("13% to 15%") is rare; read scale first.
        let joiners: Vec<&String> = if opened { lex.range_join.iter().collect() } else { Vec::new() };
        let from_change = a > 0 && lex.change_from.contains(&toks[a - 1].lower) && self.sentence_has_change_verb(toks, a - 1);
        if let Some(conn) = toks.get(b) {
            let is_conn = self.range_connectors.match_at(toks, b).is_some()
                || joiners.iter().any(|j| **j == conn.lower)
                || (a > 0 && lex.change_from.contains(&toks[a - 1].lower) && (conn.is("to") || conn.is("a")));
            if is_conn && conn.sentence == t.sentence && !from_change {
                let mut k = b + 1;
                if let Some((n, unit)) = self.currency_prefix.match_at(toks, k) {
                    k += n;
                    money = Some(unit);
                }
                if let Some(high) = self.core_at(toks, k) {
                    // "$2.31–$2.38 million": the high end's scale covers the low end.
                    let low_scaled =
                        if high.scaled && !core.scaled { value * high.value / self.core_unscaled(toks, high).max(f64::MIN_POSITIVE) } else { value };
                    let hyphen = conn.lower == "-" || conn.lower == "–" || conn.lower == "—";
                    let both_years = core.year_shaped && high.year_shaped;
                    let one_year = core.year_shaped != high.year_shaped && (core.year_shaped || high.year_shaped);
                    let ordered = high.value > low_scaled && low_scaled >= value;
                    // Years join only with a dash ("2019-2024"); a dash joins only without spaces.
                    let years_ok = hyphen || !both_years;
                    let dash_ok = !hyphen || !conn.space_before;
                    let words_ok = !high.words || self.word_number_allowed(toks, k, &high);
                    let valid = ordered && years_ok && dash_ok && words_ok && !one_year;
                    if valid {
                        range_high = Some((high, k));
                    }
                }
            }
        }
        if range_high.is_none() && core.words && !opened {
            range_high = self.spoken_range_high(toks, i, b, &core);
        }
        if let Some((high, _)) = range_high {
            let mut low = value;
            let mut high_v = high.value;
            if high.scaled && !core.scaled {
                // "$2.31–$2.38 million": the scale covers both ends.
                let scale = high.value / self.core_unscaled(toks, high).max(f64::MIN_POSITIVE);
                low *= scale;
            }
            if core.year_shaped && high.year_shaped {
                c.kind = "year";
            }
            high_v = tidy(high_v);
            c.low = Some(tidy(low));
            c.high = Some(high_v);
            c.value = None;
            c.qualifier = "range";
            b = high.end;
            value = low;
            if let Some(o) = opener {
                c.a = c.a.min(o);
            }
        }

        // "two and a half years": a half joined to the number before its unit.
        if range_high.is_none() && core.words {
            if let Some(n) = self.and_a_half_at(toks, b).filter(|n| self.durations.match_at(toks, b + n).is_some()) {
                value += 0.5;
                b += n;
            }
        }

        // Look-ahead: percent, currency, multiplier "times", shares, rates, units.
        if let Some((n, _)) = self.percent.match_at(toks, b) {
            c.b = b + n;
            c.kind = "percent";
            c.unit = Some("percent".into());
            // "entre 10 % y 20 %", "from 13% to 15%", "van de 100 % a 64 %": both ends carry
            // the sign; a spread written from the top down is the same range.
            let changed_from = a > 0 && lex.change_from.contains(&toks[a - 1].lower);
            let second = (range_high.is_none() && !from_change).then(|| self.percent_range_end(toks, c.b, opened || changed_from)).flatten();
            if let Some((other, end)) = second.filter(|(other, _)| *other != value) {
                c.low = Some(tidy(value.min(other)));
                c.high = Some(tidy(value.max(other)));
                c.qualifier = "range";
                c.b = end;
                if let Some(o) = opener {
                    c.a = c.a.min(o);
                }
            }
            return Some(self.close(toks, c, value));
        }
        if let Some((end, unit)) = self.currency_after(toks, b) {
            money = Some(unit);
            b = end;
        }
        if let Some(unit) = money {
            // "$1.5bn", "US$ 12.5m": a scale letter glued to an amount of money.
            if let Some(x) = toks.get(b).filter(|x| x.is_word() && !x.space_before) {
                if let Some(scale) = self.lex.money_scales.get(&x.lower) {
                    value *= scale;
                    b += 1;
                }
            }
            c.b = b;
            c.kind = "money";
            c.unit = Some(unit);
            return Some(self.close(toks, c, value));
        }
        // "multiplicado por diez", "multiplied by four": a multiplier.
        let multiplied = self.multiplier_before.match_before(toks, c.a).is_some_and(|(s, _)| toks[s].sentence == toks[c.a].sentence);
        if ratio_prefix || multiplied {
            c.b = b;
            c.kind = "ratio";
            return Some(self.close(toks, c, value));
        }
        if let Some(x) = toks.get(b) {
            if x.is("x") && !x.space_before {
                c.b = b + 1;
                c.kind = if core.has_decimals { "other" } else { "ratio" };
                c.is_statement = false;
                return Some(self.close(toks, c, value));
            }
            if x.is("/") && !x.space_before && toks.get(b + 1).is_some_and(|y| y.is_digits() && !y.space_before) {
                c.b = b + 2;
                c.kind = "other";
                c.unit = Some("hours".into()).filter(|_| value == 24.0);
                return Some(self.close(toks, c, value));
            }
        }
        if let Some((n, _)) = self.times_words.match_at(toks, b) {
            c.b = b + n;
            let multiplier = toks.get(b + n).is_some_and(|f| self.lex.multiplier_followers.contains(&f.lower));
            if multiplier {
                c.kind = "ratio";
            } else {
                c.unit = Some("occasions".into());
            }
            return Some(self.close(toks, c, value));
        }
        if range_high.is_none() {
            if let Some((n, _)) = self.share_words.match_at(toks, b) {
                if let Some(den) = self.core_at(toks, b + n) {
                    if den.value > value && den.value > 1.0 && den.value <= 1000.0 && !den.year_shaped && !core.year_shaped {
                        c.b = den.end;
                        c.kind = "ratio";
                        c.value = Some(format_value(value / den.value));
                        c.unit = Some("fraction".into());
                        return Some(self.close_keep_value(toks, c));
                    }
                }
            }
        }
        // Rates: "1,640 prisoners per 100,000 residents", "2,4 homicidios por cada 100.000 habitantes".
        // A year-shaped number with no counted noun of its own before "per" is the year of the
        // rate before it ("de 93 en 2011 a 3,2 en 2021 por cada 100.000"), no rate itself.
        let rate = self.rate_after(toks, b).or_else(|| self.parenthesised_rate_after(toks, b)).filter(|(_, unit)| !(core.year_shaped && unit.starts_with("units_per_")));
        if let Some(rate) = rate {
            c.b = rate.0;
            c.kind = "ratio";
            c.unit = Some(self.name_rate_subject(toks, c.a, rate.1));
            return Some(self.close(toks, c, value));
        }
        // Hyphenated compounds: "31-year-old", "64-page", "four-month", "one-time".
        if toks.get(b).is_some_and(|h| h.is("-") && !h.space_before) {
            if let Some((n, _)) = self.age_compounds.match_at(toks, b + 1) {
                c.b = b + 1 + n;
                c.kind = "age";
                c.unit = Some("years".into());
                return Some(self.close(toks, c, value));
            }
            if let Some(q) = toks.get(b + 1).filter(|x| !x.space_before).and_then(|x| self.lex.bound_suffixes.get(&x.lower)) {
                // "2,000-plus families": the suffix bounds the number.
                if let Some(q) = crate::load::schema::QUALIFIERS.iter().copied().find(|x| x == q) {
                    c.qualifier = q;
                }
                c.b = b + 2;
                if let Some((end, unit, kind)) = self.unit_after(toks, b + 2) {
                    c.b = end;
                    c.kind = kind;
                    c.unit = Some(unit);
                }
                return Some(self.close(toks, c, value));
            }
            if let Some(after) = toks.get(b + 1).filter(|x| x.is_word() && !x.space_before) {
                c.b = b + 2;
                if let Some((n, u)) = self.durations.match_at(toks, b + 1) {
                    c.b = b + 1 + n;
                    c.kind = "duration";
                    c.unit = Some(u);
                } else if let Some((n, u)) = self.nouns.match_at(toks, b + 1) {
                    c.b = b + 1 + n;
                    c.unit = Some(u);
                } else if self.lex.fold_suffixes.contains(&after.lower) {
                    // "ten-fold", "3-fold": a multiplier, like "tenfold".
                    c.kind = "ratio";
                } else if !self.lex.cardinals.contains_key(&after.lower) {
                    c.kind = "other";
                    c.is_statement = false;
                }
                return Some(self.close(toks, c, value));
            }
        }
        c.b = b;
        // Ages written "27 years old" or "de 16 años"; of a thing ("the crackdown is now 3 years
        // old"), how long it has lasted.
        if let Some((n, _)) = self.age_compounds.match_at(toks, b) {
            c.b = b + n;
            c.kind = if self.is_age_of_a_thing(toks, c.a) { "duration" } else { "age" };
            c.unit = Some("years".into());
            return Some(self.close(toks, c, value));
        }
        // Units and counted nouns.
        if let Some((end, unit, kind)) = self.unit_after(toks, b) {
            c.b = end;
            c.kind = kind;
            c.unit = Some(unit);
            // "dos años y medio": a half joined after the unit of time.
            if kind == "duration" && range_high.is_none() {
                if let Some(n) = self.and_a_half_at(toks, end) {
                    value += 0.5;
                    c.b = end + n;
                }
            }
        } else if (core.year_shaped || self.is_word_year(toks, &core, c.a, value))
            && (1000.0..=2100.0).contains(&value)
            && c.qualifier == "exact"
            && range_high.is_none()
        {
            c.kind = "year";
            // "la década de 1990": the ten years from it.
            if let Some((s, _)) = self.decade_words.match_before(toks, a).filter(|_| value % 10.0 == 0.0) {
                c.a = s.max(self.floor.get());
                c.value = None;
                c.low = Some(value);
                c.high = Some(value + 9.0);
                c.qualifier = "range";
                c.is_statement = false;
                return Some(c);
            }
            if let Some((s, _)) = self.period_prefixes.match_before(toks, a) {
                c.a = s;
            } else if a >= 2 && toks[a - 1].is("-") && self.period_prefixes.match_before(toks, a - 1).is_some() {
                c.a = self.period_prefixes.match_before(toks, a - 1).map(|(s, _)| s).unwrap_or(a);
            }
            return Some(c);
        } else if core.year_shaped && range_high.is_some() {
            c.kind = "year";
            return Some(c);
        } else if let Some(noun) = self.unlisted_plural_noun(toks, b) {
            c.b = b + 1;
            c.unit = Some(noun);
        }
        // "half an hour", "one night": article-number + duration handled in unit_after.
        if (c.kind == "duration" || c.kind == "count") && (self.is_age(toks, c.a, i, c.b, &c) || (c.a != i && self.is_age(toks, i, i, c.b, &c))) {
            c.kind = "age";
            c.unit = Some("years".into());
            // "1.200 menores de 18 años": the count before took "menores" as its noun, yet
            // "menores de" still bounds the age (a threshold that defines the group).
            if c.qualifier == "exact" {
                if let Some((s, q)) = self.qualifier_cues.match_before(toks, c.a) {
                    if toks[s].sentence == toks[c.a].sentence && s < self.floor.get() {
                        c.qualifier = crate::load::schema::QUALIFIERS.iter().copied().find(|x| *x == q).unwrap_or(c.qualifier);
                    }
                }
            }
        }
        // Indefinite "one night" / "One day": a moment, not an amount.
        if core.words && value == 1.0 && c.qualifier == "exact" && matches!(c.unit.as_deref(), Some("days") | Some("nights")) {
            c.kind = "other";
            c.is_statement = false;
        }
        if core.words && value == 0.0 && c.unit.is_none() {
            c.kind = "other";
            c.is_statement = false;
        }
        Some(self.close(toks, c, value))
    }

    /// "seventy, eighty men", "dos, tres días": two number words a comma apart, the second
    /// one step above the first (the next unit, ten or hundred), said as a rough range. A third
    /// number before or after them makes a list or a count ("one, two, three"), not a range.
    fn spoken_range_high(&self, toks: &[Token], start: usize, comma: usize, low: &Core) -> Option<(Core, usize)> {
        let mark = toks.get(comma).filter(|c| c.is(",") && !c.space_before && c.sentence == toks[low.end - 1].sentence)?;
        let high = self.core_at(toks, comma + 1).filter(|h| h.words && !h.has_decimals && toks[comma + 1].sentence == mark.sentence)?;
        let step = [1.0, 10.0, 100.0].into_iter().rev().find(|s| low.value >= *s && low.value % s == 0.0)?;
        let one_step_up = low.value >= 2.0 && high.value == low.value + step && low.value + step < step * 10.0;
        let list_goes_on = toks.get(high.end).is_some_and(|n| n.is(",") || self.lex.compound_joiners.contains(&n.lower) || n.is("or") || n.is("o"))
            && toks.get(high.end + 1).is_some_and(|n| self.lex.cardinals.contains_key(&n.lower));
        let list_came_before = start >= 2 && toks[start - 1].is(",") && self.lex.cardinals.contains_key(&toks[start - 2].lower);
        (one_step_up && !list_goes_on && !list_came_before && self.word_number_allowed(toks, comma + 1, &high)).then_some((high, comma + 1))
    }

    /// Is a number word at `i` a number here? Articles and pronouns are not.
    fn word_number_allowed(&self, toks: &[Token], i: usize, core: &Core) -> bool {
        let lex = self.lex;
        let w = &toks[i].lower;
        let prev = if i > 0 && toks[i - 1].sentence == toks[i].sentence { Some(&toks[i - 1]) } else { None };
        let next = toks.get(core.end).filter(|n| n.sentence == toks[i].sentence);
        if self.inside_idiom(toks, i) {
            return false;
        }
        if core.value == 1.0 && core.end == i + 1 {
            if prev.is_some_and(|p| lex.one_exclusions_before.contains(&p.lower)) {
                return false;
            }
            if let Some(n) = next {
                if lex.one_exclusions_after.contains(&n.lower) && !(n.lower == "-" && toks.get(core.end + 1).is_some_and(|x| !x.is("by"))) {
                    return false;
                }
            }
            // Spanish "un"/"una" are articles unless a unit of time or a cue makes them a number.
            if lex.one_articles.contains(w) {
                let before_cue = self.qualifier_cues.match_before(toks, i).is_some();
                // "un segundo grupo": "segundo" is a rank there, not a unit of time.
                let rank = toks.get(core.end).is_some_and(|u| lex.ordinals.contains_key(&u.lower))
                    && toks.get(core.end + 1).is_some_and(|n| n.is_word() && !n.is("de") && n.sentence == toks[i].sentence);
                let unit_follows = self.durations.match_at(toks, core.end).is_some() && !rank;
                return before_cue || unit_follows || self.is_partitive(toks, core.end);
            }
        }
        true
    }

    /// Is token `i` part of an idiom whose number words are not numbers ("one by one",
    /// "third countries")?
    pub(super) fn inside_idiom(&self, toks: &[Token], i: usize) -> bool {
        (0..=IDIOM_REACH.min(i)).any(|k| self.idioms.match_at(toks, i - k).is_some_and(|(n, _)| i - k + n > i))
    }
}
