//! Words that are numbers on their own: fractions ("three-quarters"), multipliers ("twice", "el
//! doble"), vague plurals ("dozens"), Roman numerals in names, and word ordinals ("the first").

use super::{Cand, Grammar, Starts, STOP_WORDS};
use crate::extract::format_value;
use crate::extract::text::Token;

impl<'a> Grammar<'a> {
    /// Fractions, multipliers and vague plurals: "three-quarters", "twice", "el doble",
    /// "dozens", "decenas de miles".
    pub(super) fn special_number_at(&self, toks: &[Token], i: usize) -> Option<Cand> {
        let t = &toks[i];
        if !t.is_word() {
            return None;
        }
        if let Some(v) = Some(t).filter(|t| t.all_upper).and_then(|t| roman_value(&t.lower.to_uppercase())) {
            if self.roman_after.match_before(toks, i).is_some() {
                let mut c = Cand::new(i, i + 1, "identifier", Some(format_value(v)));
                if let Some((s, _)) = self.roman_after.match_before(toks, i) {
                    c.a = s.max(self.floor.get());
                }
                c.is_statement = false;
                return Some(c);
            }
        }
        // Most words here start no vague amount, multiplier, fraction or duration: their only
        // rule left is the ordinal, and the qualifier before them is not looked for.
        if self.starters.get(&t.lower).is_none_or(|s| s & Starts::SPECIAL == 0) {
            return self.ordinal_at(toks, i);
        }
        let (qa, qualifier) = self.qualifier_before(toks, i);
        if let Some((n, v)) = self.vague.match_at(toks, i) {
            // "tens of thousands" wins over "thousands" only as a whole phrase.
            let mut c = Cand::new(qa, i + n, "count", None);
            c.qualifier = "vague";
            c.low = Some(v);
            if let Some((end, unit, kind)) = self.unit_after(toks, i + n) {
                c.b = end;
                c.unit = Some(unit);
                c.kind = kind;
            }
            return Some(c);
        }
        if let Some((n, v)) = self.multipliers.match_at(toks, i) {
            if toks.get(i + n).is_some_and(|f| self.lex.multiplier_idiom_followers.contains(&f.lower)) {
                return None; // "doubled down": an idiom, not a multiplier
            }
            let mut c = Cand::new(i, i + n, "ratio", Some(format_value(v)));
            // "casi se ha triplicado": auxiliaries may stand between the bound and the verb.
            let (qa, qualifier) = match qualifier {
                None => {
                    let mut k = i;
                    while k > 0 && i - k < 2 && self.lex.auxiliaries.contains(&toks[k - 1].lower) && toks[k - 1].sentence == t.sentence {
                        k -= 1;
                    }
                    if k < i {
                        self.qualifier_before(toks, k)
                    } else {
                        (qa, qualifier)
                    }
                }
                some => (qa, some),
            };
            if let Some(q) = qualifier {
                c.qualifier = q;
                c.a = qa;
            } else if qa < i {
                c.a = qa;
            }
            // "twice" with nothing compared is a count of occasions ("visited twice").
            let compared = toks.get(i + n).is_some_and(|f| f.sentence == t.sentence && self.lex.multiplier_followers.contains(&f.lower));
            if !compared && v == 2.0 && t.is("twice") {
                c.kind = "count";
                c.unit = Some("occasions".into());
            }
            return Some(self.close_keep_value(toks, c));
        }
        // A share ("a third of the inmates"), or a half that counts only before a scale, a
        // collective or a unit of time ("medio millón", "media docena", "media hora"; alone,
        // "medio" is "middle").
        let fraction = self.fractions.match_at(toks, i).map(|(n, v)| (n, v, false));
        let fraction = fraction.or_else(|| self.lex.scale_fractions.get(&t.lower).map(|&v| (1, v, true)));
        if let Some((n, v, needs_amount)) = fraction {
            // "a third of the inmates" and "fewer than a third" are shares; "a third logged at"
            // is a rank.
            let last = &toks[i + n - 1].lower;
            let share = qualifier.is_some() || toks.get(i + n).is_some_and(|x| x.is("of") || x.is("de"));
            if self.lex.ordinals.contains_key(last) && !share {
                return self.ordinal_at(toks, i + n - 1);
            }
            // "the second half of 2024", "the first half": a part of a period, not a share.
            if i > 0 && self.lex.ordinals.contains_key(&toks[i - 1].lower) && toks[i - 1].sentence == t.sentence {
                return None;
            }
            let mut c = Cand::new(i, i + n, "ratio", Some(format_value(v)));
            c.unit = Some("fraction".into());
            if let Some(q) = qualifier {
                c.qualifier = q;
                c.a = qa;
            }
            let mut k = i + n;
            if !needs_amount && toks.get(k).is_some_and(|x| self.lex.one_articles.contains(&x.lower)) {
                k += 1;
            }
            if let Some((m, unit)) = self.durations.match_at(toks, k) {
                c.b = k + m;
                c.kind = "duration";
                c.unit = Some(unit);
            } else if let Some((m, s)) = self.scales.match_at(toks, k) {
                c.b = k + m;
                c.kind = "count";
                c.unit = None;
                c.value = Some(format_value(v * s));
                self.money_after(toks, &mut c);
                if needs_amount && c.kind == "count" {
                    self.counted_noun_after(toks, &mut c);
                }
            } else if let Some(s) = toks.get(k).and_then(|x| self.lex.collectives.get(&x.lower)) {
                // "half a dozen guards": six.
                c.b = k + 1;
                c.kind = "count";
                c.unit = None;
                c.value = Some(format_value(v * s));
                self.counted_noun_after(toks, &mut c);
            } else if k > i + n || needs_amount {
                return None; // "half a day" without a duration word: not a share
            }
            return Some(self.close_keep_value(toks, c));
        }
        if let Some((m, unit)) = self.durations.match_at(toks, i) {
            let and_half = self.and_a_half_at(toks, i + m);
            if let Some(h) = and_half.filter(|_| qualifier.is_some() || m == 1) {
                let mut c = Cand::new(i, i + m + h, "duration", Some("1.5".into()));
                c.unit = Some(unit);
                if let Some(q) = qualifier {
                    c.qualifier = q;
                    c.a = qa;
                }
                return Some(self.close_keep_value(toks, c));
            }
        }
        self.ordinal_at(toks, i)
    }

    /// Word ordinals: "for the first time", "primera", "a second riot".
    fn ordinal_at(&self, toks: &[Token], i: usize) -> Option<Cand> {
        let t = &toks[i];
        // "twenty-third": a cardinal ten, a hyphen and an ordinal unit.
        let tens = self.lex.cardinals.get(&t.lower).filter(|v| (20.0..100.0).contains(*v) && *v % 10.0 == 0.0);
        let hyphen = toks.get(i + 1).is_some_and(|h| h.is("-") && !h.space_before);
        let unit = toks.get(i + 2).filter(|u| !u.space_before).and_then(|u| self.lex.ordinals.get(&u.lower)).filter(|u| **u < 10.0);
        if let (Some(tens), true, Some(unit)) = (tens, hyphen, unit) {
            let mut c = Cand::new(i, i + 3, "ordinal", Some(format_value(tens + unit)));
            c.is_statement = false;
            return Some(c);
        }
        if let Some(&v) = self.lex.ordinals.get(&t.lower) {
            if self.inside_idiom(toks, i) {
                return None;
            }
            let next = toks.get(i + 1).filter(|n| n.sentence == t.sentence);
            // "Twitter first, ensuring": an adverb, not a rank; but "inciso segundo," where
            // ordinals follow their noun.
            let prev = i.checked_sub(1).map(|p| &toks[p]).filter(|p| p.sentence == t.sentence);
            let postposed = self.lex.postposed_ordinals && prev.is_some_and(|p| p.is_word() && !p.starts_upper() && !STOP_WORDS.contains(&p.lower.as_str()));
            if next.is_none_or(|n| !n.is_word()) && !postposed {
                return None;
            }
            // "first 11 weeks", "the first five": the number after it is the mention.
            if self.core_at(toks, i + 1).is_some() {
                return None;
            }
            // "trigésima primera", "vigésimo quinto": tens and units of a compound ordinal.
            let unit = next.and_then(|n| self.lex.ordinals.get(&n.lower)).filter(|u| v >= 20.0 && v % 10.0 == 0.0 && **u < 10.0);
            let (end, v) = match unit {
                Some(u) => (i + 2, v + u),
                None => (i + 1, v),
            };
            let mut c = Cand::new(i, end, "ordinal", Some(format_value(v)));
            c.is_statement = false;
            if t.starts_upper() && next.is_some_and(|n| n.starts_upper()) && i > 0 && toks[i - 1].sentence == t.sentence {
                c.kind = "identifier"; // "Safe Third Country Transfers Act"
            }
            return Some(c);
        }
        None
    }
}

/// Value of an upper-case Roman numeral ("II" -> 2), for names like "World War II".
fn roman_value(s: &str) -> Option<f64> {
    if s.is_empty() || s.len() > 6 || !s.chars().all(|c| matches!(c, 'I' | 'V' | 'X')) {
        return None;
    }
    let digit = |c: char| match c {
        'I' => 1,
        'V' => 5,
        _ => 10,
    };
    let chars: Vec<i32> = s.chars().map(digit).collect();
    let mut total = 0;
    for (k, v) in chars.iter().enumerate() {
        if chars.get(k + 1).is_some_and(|next| next > v) {
            total -= v;
        } else {
            total += v;
        }
    }
    Some(total as f64)
}
