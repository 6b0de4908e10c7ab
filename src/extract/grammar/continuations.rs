//! Second pass over the candidates of a text: a bare number inherits the unit of the mention
//! before it, and a duration joined to a smaller unit of time becomes one compound duration.

use super::{Cand, Grammar, ARTICLES};
use crate::extract::format_value;
use crate::extract::text::Token;

/// Units of time and the next smaller one a compound duration is written in, with the factor
/// between them ("una hora con cinco minutos" = 65 minutes).
const SMALLER_UNITS: &[(&str, &str, f64)] =
    &[("hours", "minutes", 60.0), ("minutes", "seconds", 60.0), ("days", "hours", 24.0), ("weeks", "days", 7.0), ("years", "months", 12.0)];

impl<'a> Grammar<'a> {
    /// "una hora con cinco minutos", "two years and three months": a duration joined to a
    /// smaller unit of time is one duration in the smaller unit (65 minutes, 27 months).
    pub(super) fn join_compound_durations(&self, toks: &[Token], cands: Vec<Cand>) -> Vec<Cand> {
        let mut out: Vec<Cand> = Vec::with_capacity(cands.len());
        for c in cands {
            if let Some(prev) = out.last_mut() {
                let joined = c.a == prev.b + 1 && toks[prev.b].sentence == toks[c.a].sentence && self.lex.duration_joiners.contains(&toks[prev.b].lower);
                let exact = prev.qualifier == "exact" && c.qualifier == "exact";
                let factor = match (prev.unit.as_deref(), c.unit.as_deref()) {
                    (Some(big), Some(small)) => SMALLER_UNITS.iter().find(|(b, s, _)| *b == big && *s == small).map(|(_, _, f)| *f),
                    _ => None,
                };
                let values = prev.value.as_deref().and_then(|v| v.parse::<f64>().ok()).zip(c.value.as_deref().and_then(|v| v.parse::<f64>().ok()));
                if let (true, true, "duration", "duration", Some(f), Some((big, small))) = (joined, exact, prev.kind, c.kind, factor, values) {
                    prev.b = c.b;
                    prev.value = Some(format_value(big * f + small));
                    prev.unit = c.unit;
                    continue;
                }
            }
            out.push(c);
        }
        out
    }

    /// Do the tokens between two figures make the second the next member of a series dated by
    /// year ("41 per 100,000 in 2018, 22.5 in 2019")? A year, and only the lexicon's
    /// `series_joiners` besides.
    fn continues_dated_series(&self, gap: &[Token]) -> bool {
        let is_year = |t: &Token| t.is_digits() && t.lower.len() == 4 && t.lower.parse::<i32>().is_ok_and(|y| (1900..=2100).contains(&y));
        gap.iter().any(is_year) && gap.iter().all(|t| is_year(t) || self.lex.series_joiners.contains(&t.lower))
    }

    /// A continuation cue right before token `a`, or before an article there ("frente a los 18,1").
    fn continuation_before(&self, toks: &[Token], a: usize) -> bool {
        let article = a > 0 && ARTICLES.contains(&toks[a - 1].lower.as_str());
        self.continuation.match_before(toks, a).is_some() || (article && self.continuation.match_before(toks, a - 1).is_some())
    }

    /// Second pass: a bare number takes the money unit or the rate unit of the mention before
    /// it in the same sentence ("otros 1,2 millones", "up from 570").
    pub(super) fn inherit_from_neighbours(&self, toks: &[Token], cands: &mut [Cand]) {
        for k in 1..cands.len() {
            let (head, tail) = cands.split_at_mut(k);
            let c = &mut tail[0];
            if c.kind != "count" || c.unit.is_some() {
                continue;
            }
            let sentence = toks[c.a].sentence;
            let prev = head.iter().rev().take_while(|p| toks[p.a].sentence == sentence).find(|p| matches!(p.kind, "money" | "ratio" | "count" | "percent"));
            let Some(prev) = prev else { continue };
            let core_tok = &toks[c.a..c.b];
            let has_decimal_or_scale =
                core_tok.iter().any(|t| t.is_digits() && (t.lower.contains(',') || t.lower.contains('.')) && self.parse_digits(&t.lower).is_some_and(|v| v.1))
                    || core_tok.iter().any(|t| self.lex.scales.contains_key(&t.lower));
            if prev.kind == "money" && has_decimal_or_scale {
                c.kind = "money";
                c.unit = Some("USD".into());
            } else if prev.kind == "ratio"
                && prev.unit.as_deref().is_some_and(|u| u.contains("_per_"))
                && (self.continuation_before(toks, c.a) || self.continues_dated_series(&toks[prev.b..c.a]))
            {
                c.kind = "ratio";
                c.unit = prev.unit.clone();
            }
        }
    }
}
