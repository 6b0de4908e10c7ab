//! The period each statement describes (as_of), from the anchors of its clause, its sentence,
//! the sentence before and the article's date.

use chrono::{Datelike, NaiveDate};

use crate::extract::phrases::PhraseSet;
use crate::extract::text::Doc;
use crate::extract::{Lexicon, Mention};
use crate::period::{Period, Point};
use crate::transform::claims::{has_phrase, is_past_tense, lower_padded};
use crate::transform::running_totals::PeriodWords;

/// The period each statement describes (the rules, in order, are documented in the data
/// dictionary, see `pipeline::doc_sections`): an anchor of its clause; else the anchors of its
/// sentence that no other figure's clause holds ("in March 2025, the US deported 212" ->
/// 2025-03; "between 2020 and 2024" -> 2020/2024; "since 2022" -> 2022/<date>); else a survey
/// period stated earlier; else the sentence's first anchor; else, in the present tense, the
/// article's date; else the anchors of the sentence before or earlier in the paragraph.
/// Anchors are date and year mentions and expressions relative to the article's date.
///
/// `words` are the language's words of schemas/periods.toml: weekdays ("said Tuesday" in an
/// article of a known day is the last Tuesday up to that day) and the openers of a
/// comparison's baseline ("more than in 2023").
pub fn assign_as_of(
    doc: &Doc,
    mentions: &mut [Mention],
    lexicon: &Lexicon,
    words: &PeriodWords,
    reference: Option<NaiveDate>,
    reference_period: Option<Period>,
) {
    assign_as_of_until(doc, mentions, lexicon, words, reference, reference_period, reference_period);
}

/// [`assign_as_of`], with `now` where a since phrase ends: the article's date
/// (`reference_period`, which dates the present tense), or an undated article's year
/// ([`undated_article_year`]), which dates no present tense: an analyst leaves that empty.
pub fn assign_as_of_until(
    doc: &Doc,
    mentions: &mut [Mention],
    lexicon: &Lexicon,
    words: &PeriodWords,
    reference: Option<NaiveDate>,
    reference_period: Option<Period>,
    now: Option<Period>,
) {
    // Every date and year of the story (not in a name, not in front matter) with its period.
    let dates: Vec<(&Mention, Period)> = mentions
        .iter()
        .filter(|m| matches!(m.kind, "date" | "year") && m.start >= doc.front_matter_end && !is_name_year(doc, m, lexicon))
        .filter_map(|m| anchor_value(m, lexicon).map(|value| (m, value)))
        .collect();
    // Those that are no claim themselves anchor the figures around them.
    let mut anchors: Vec<Anchor> = dates
        .iter()
        .filter(|(m, value)| (!m.is_statement || opens_a_range(doc, m, lexicon)) && !is_dateline(doc, m, *value, reference_period))
        .map(|(m, value)| {
            let period = since(doc, m, *value, lexicon, words, now);
            let date = (period != *value).then_some(*value);
            Anchor { sentence: m.sentence, start: m.start, value: period, date, adjoining: false }
        })
        .collect();
    if let Some(r) = reference {
        anchors.extend(relative_anchors(doc, lexicon, r, &dates));
        anchors.extend(ago_anchors(doc, mentions, lexicon, r));
    }
    if let Some(Point::Day(r)) = reference_period.filter(Period::is_point).map(|p| p.start) {
        anchors.extend(weekday_anchors(doc, &words.weekdays, r, &dates));
    }
    anchors.sort_by_key(|a| a.start);
    let before = year_before_anchors(doc, &words.year_before, &anchors);
    anchors.extend(before);
    anchors.sort_by_key(|a| a.start);
    let that_date = that_date_anchors(doc, &words.that_date, &anchors);
    let that_date_starts: Vec<usize> = that_date.iter().map(|a| a.start).collect();
    anchors.extend(that_date);
    anchors.sort_by_key(|a| a.start);
    // A duration runs from a beginning: the date a start word names ("fue decretado el 27 de
    // marzo de 2022") is where "lleva 142 días" is counted from, not where it ends.
    let starts: Vec<usize> = dates.iter().filter(|(m, _)| named_a_start_before(doc, m, words)).map(|(m, _)| m.start).collect();
    let no_starts: Vec<Anchor> = anchors.iter().filter(|a| !starts.contains(&a.start)).cloned().collect();
    let past_asides: Vec<usize> = anchors.iter().filter(|a| in_past_aside(doc, a, lexicon, words)).map(|a| a.start).collect();
    // Clauses of the figures: an anchor in another figure's clause belongs to that figure
    // ("6,900 inmates in 1999, putting the rate at just under 151%").
    let clauses: Vec<Clause> = mentions
        .iter()
        .filter(|m| m.is_statement && !matches!(m.kind, "date" | "year"))
        .map(|m| {
            let (from, to) = doc.clause_span(m.sentence, m.start, m.end);
            Clause { sentence: m.sentence, start: m.start, from, to }
        })
        .collect();
    // A survey or study period stated once covers every later finding without its own anchor.
    let mut surveys = survey_periods(doc, &anchors, lexicon, &words.weekdays);
    surveys.extend(report_periods(doc, &dates, &words.report_period));
    surveys.sort_by_key(|(s, _)| *s);
    // "al cierre del periodo": the survey period's end, for every figure of the sentence.
    let period_ends = period_end_anchors(doc, &words.period_end, &surveys);
    let period_end_starts: Vec<usize> = period_ends.iter().map(|a| a.start).collect();
    anchors.extend(period_ends);
    anchors.sort_by_key(|a| a.start);
    let baselines = baseline_anchors(doc, mentions, &anchors, lexicon, words);
    let mut cutoffs = cutoff_anchors(doc, &anchors, &words.cutoff_openers);
    cutoffs.extend(that_date_starts);
    cutoffs.extend(period_end_starts);
    let first_stretches = first_stretches(doc, mentions, &words.first_words, reference_period);
    let mut facts: Option<SentenceFacts> = None;
    // The period of each statement so far, with its sentence: a sentence that refers back
    // ("That is an occupancy rate of 204%") takes the one before's.
    let mut assigned: Vec<Dated> = Vec::new();
    // Statements whose clause says "now" ("some 2,700 have now been released"): a restatement
    // of their number elsewhere does not lend them its older date.
    let mut said_now: Vec<usize> = Vec::new();
    // Statements whose period only came from the sentences before ("De los 127 venezolanos,
    // 83 …"): a restatement of their number dated in its own sentence lends them its period.
    let mut from_context: Vec<usize> = Vec::new();
    for m in mentions.iter_mut().filter(|m| m.is_statement && !matches!(m.kind, "date" | "year")) {
        let (ca, cb) = doc.clause_span(m.sentence, m.start, m.end);
        let after: String = doc.slice(m.end, (m.end + 40).min(cb.max(m.end))).to_lowercase();
        // A duration is a term or a distance in time, which no date dates ("within 72 hours"),
        // unless it is a daily routine ("23 hours a day"): that is the present's.
        let term = m.kind == "duration" && !is_daily(&after, &words.daily_phrases);
        let sentence_anchors = by_sentence(if term { &no_starts } else { &anchors }, m.sentence);
        // "The prison, which opened in 2023, now holds 36,500": a date of a past aside about
        // another noun tells of the aside, not of a figure whose own clause is not past.
        // An aside right after the figure's own clause is about the figure ("Los dos aviones, que
        // aterrizaron el 16 de marzo"); the sentence's main verb is what is read without asides.
        let aside_spans: Vec<(usize, usize, usize)> = sentence_anchors
            .iter()
            .filter(|a| (a.start < ca || a.start >= cb) && past_asides.contains(&a.start))
            .map(|a| {
                let (ka, kb) = clause_of_words(doc, a.sentence, a.start);
                (a.start, ka, kb)
            })
            .filter(|(_, ka, _)| *ka != cb + 1)
            .collect();
        let asides: Vec<usize> =
            if aside_spans.is_empty() || main_clause_in_past(doc, m.sentence, &aside_spans, lexicon) { Vec::new() } else { aside_spans.iter().map(|x| x.0).collect() };
        let kept: Vec<Anchor> = sentence_anchors.iter().filter(|a| !asides.contains(&a.start)).cloned().collect();
        let here: &[Anchor] = if asides.is_empty() { sentence_anchors } else { &kept };
        // A comparison's baseline ("frente a 1.6 el año pasado") dates its own figure only.
        let not_others_baseline = |a: &&Anchor| !baselines.contains(&a.start) || (a.start >= m.end && a.start <= m.end + BASELINE_GAP);
        // "está por cumplir 39 meses y la Asamblea aprobará mañana la prórroga": a date after the
        // article's (a plan) dates what its own part of the clause says, not across "y", "and".
        let not_others_plan = |a: &&Anchor| {
            let ahead = reference.is_some_and(|r| a.value.start.first_day() > r);
            let (x, y) = if a.start < m.start { (a.start, m.start) } else { (m.end, a.start) };
            !ahead || !has_word_of(&doc.slice(x, y), &words.coordinators)
        };
        let in_clause: Vec<&Anchor> = here.iter().filter(|a| a.start >= ca && a.start < cb).filter(not_others_baseline).filter(not_others_plan).collect();
        let others = by_sentence(&clauses, m.sentence);
        let free_in_sentence: Vec<&Anchor> =
            // A data cut-off ("con corte al 31 de diciembre") dates every figure of its sentence.
            here.iter()
                .filter(|a| cutoffs.contains(&a.start) || !others.iter().any(|c| c.start != m.start && a.start >= c.from && a.start < c.to))
                .filter(not_others_baseline)
                .filter(not_others_plan)
                .collect();
        let previous: Vec<&Anchor> = if m.sentence > 0 { by_sentence(&anchors, m.sentence - 1).iter().collect() } else { Vec::new() };
        // Read once per sentence: its figures come one after another.
        let f = match facts.take() {
            Some(f) if f.index == m.sentence => facts.insert(f),
            _ => facts.insert(SentenceFacts::of(doc, m.sentence, lexicon, words)),
        };
        let f: &SentenceFacts = f;
        let (sentence, present, changes) = (&f.text, f.present, f.changes);
        let survey_period = surveys.iter().rfind(|(s, _)| *s <= m.sentence).map(|(_, p)| *p);
        // Sourcing counts ("three inmates told me", "interviewed hundreds") describe the
        // reporting, not a period.
        let before: String = doc.slice(ca.max(m.start.saturating_sub(30)), m.start).to_lowercase();
        let sourcing = m.kind == "count"
            && (lexicon.sourcing_verbs.iter().any(|v| has_phrase(&format!(" {after} "), v) || has_phrase(&format!(" {before} "), v))
                || m.unit.as_ref().is_some_and(|u| lexicon.sourcing_units.contains(u)));
        if sourcing {
            m.as_of = None;
            continue;
        }
        let word_before = before.split_whitespace().last().unwrap_or("").to_string();
        // "permitir el acceso a los 25 centros penales del país": a figure after a definite
        // article is known already, no finding of a survey.
        let survey_period = survey_period.filter(|_| !crate::extract::ARTICLES.contains(&word_before.as_str()));
        let now_in_clause = names_now(&doc.slice(ca, cb), &words.now_words);
        if now_in_clause {
            said_now.push(m.start);
        }
        // "has now been in force for more than three years": the present, not a report's period.
        let survey_period = survey_period.filter(|_| !now_in_clause);
        // "The government says 1,234 have been freed": another source's claim is no finding of
        // the survey, and its period does not cover it.
        let own_part = semicolon_part(doc, m);
        let other_source = words.other_sources.iter().any(|p| has_phrase(&own_part, p));
        let survey_period = survey_period.filter(|_| !other_source);
        // An age is the person's at the time of writing: the anchors of the paragraph, and of
        // the sentence outside the age's clause, date the events told about the person.
        let carry = m.kind != "age";
        let free_in_sentence = if carry { free_in_sentence } else { Vec::new() };
        // "from 12 in 2021 to 30 in 2022": an anchor right after the figure is its own.
        let own = here.iter().find(|a| a.start >= m.end && is_own_anchor(doc, m.end, a, lexicon, words));
        // "rose between 2021 and 2024, from 210 to 3,740": a change's ends take the period's ends.
        let from_to = match here {
            [first, second] if changes => {
                if lexicon.change_from.contains(&word_before) {
                    Some(first.value)
                } else if lexicon.change_to.contains(&word_before) {
                    Some(second.value)
                } else {
                    None
                }
            }
            _ => None,
        };
        // "from 27,300 in 2020 to 82,200 in 2024, an increase of 201%": the change's whole span,
        // from the first anchor before the figure to the last.
        let change_span = match here.iter().filter(|a| a.start < m.start).collect::<Vec<_>>().as_slice() {
            [first, .., last] if names_change(&before, &words.change_nouns) => Some(first.value.through(&last.value)),
            _ => None,
        };
        // "un crecimiento del 167 % respecto a diciembre de 2020": a change measured against a
        // baseline runs from the baseline to the period of the figure it changes (the last one
        // dated, in this sentence or the one before), or to the article's date.
        // The surface may hold the phrase's last word ("del 167 %").
        let lead: String = m.surface.chars().take_while(|c| !c.is_ascii_digit()).collect::<String>().to_lowercase();
        let change_since_baseline = names_change(&format!("{before}{lead}"), &words.change_nouns)
            .then(|| here.iter().find(|a| a.start >= m.end && a.start <= m.end + BASELINE_GAP && after_baseline_opener(doc, a, &words.baseline_openers)))
            .flatten()
            .and_then(|baseline| {
                let last = assigned.iter().rev().take_while(|d| d.sentence + 1 >= m.sentence).find_map(|d| d.period);
                last.or(reference_period).map(|end| baseline.value.through(&end))
            });
        // "documenta 352 muertes entre el 27 de marzo de 2022, ..., y el 28 de febrero de 2025":
        // a span opened in the figure's clause and closed after it is the figure's.
        let span_from_clause = {
            let free: Vec<&Anchor> = here.iter().filter(not_others_baseline).collect();
            between_pair(doc, &free, lexicon, &words.weekdays)
                .filter(|(a, b)| in_clause.iter().any(|c| c.start == a.start) && !in_clause.iter().any(|c| c.start == b.start))
                .filter(|_| carry)
                .map(|(a, b)| a.value.through(&b.value))
        };
        let local = own
            .map(|a| a.value)
            .or(change_since_baseline)
            .or(change_span)
            .or(from_to)
            .or(span_from_clause)
            .or_else(|| {
                [in_clause, free_in_sentence]
                    .into_iter()
                    .find(|v| !v.is_empty())
                    .map(|v| period_of(doc, &v, f, m.start, &word_before, lexicon, &words.weekdays))
            })
            // "transferred $3.3 million in the first 11 weeks of the deal": those weeks up to
            // the article's date.
            // The duration itself spans them too.
            .or_else(|| first_stretches.iter().find(|(s, d, _)| *s == m.sentence && (!term || *d == m.start)).map(|(_, _, p)| *p))
            // "now nears 64,800 — one of every 60 adults": an apposition takes its figure's.
            .or_else(|| assigned.last().filter(|d| d.sentence == m.sentence && is_apposition(doc, d.end, m.start)).and_then(|d| d.period))
            // "That is a rate of 204%": the period of the last figure of the sentence before,
            // up to the sentence's first clause break ("…, and 12 jails are full").
            .or_else(|| {
                let opening = lower_padded(doc.slice(doc.sentences[m.sentence].0, m.start));
                let back =
                    words.back_references.iter().any(|w| opens_with(sentence, w)) && !words.clause_breaks.iter().any(|b| opening.contains(&format!("{b} ")));
                let last = assigned.iter().rev().take_while(|d| d.sentence + 1 >= m.sentence).find(|d| d.sentence + 1 == m.sentence);
                back.then(|| last.and_then(|d| d.period)).flatten()
            })
            // "Those prisoners were held in 23 jails": the period of the figure of the sentence
            // before that counted the noun the demonstrative names ("held 1,234 prisoners").
            .or_else(|| demonstrative_reference(doc, sentence, &words.back_determiners, &assigned, m.sentence))
            // A survey's period covers its findings whose sentence has no anchor of its own.
            .or(survey_period.filter(|_| here.is_empty()))
            // Its sentence's dates are all of past asides: the figure's clause is the present's.
            .or_else(|| if asides.is_empty() || !here.is_empty() || term { None } else { reference_period })
            // A clause in the present (perfect) counts up to the article's date: an anchor of
            // another figure's clause does not date it.
            .or_else(|| if !term && clause_in_present(&doc.slice(ca, cb), lexicon, words) { reference_period } else { None })
            // "El Gobierno afirma haber liberado a 1.234": a source's claim told in the present.
            .or_else(|| if !term && other_source { reference_period } else { None })
            // The sentence's time, though another figure's clause holds it: its first anchor
            // ("held 96,300 in mid-2023, in facilities built for 51,200").
            .or_else(|| {
                if !carry {
                    return None;
                }
                let free: Vec<&Anchor> =
                    here.iter().filter(|a| !baselines.contains(&a.start)).filter(not_others_plan).filter(|a| !across_semicolon(doc, m, a)).collect();
                // "4,870 between October and March, about 810 a month": the sentence's span.
                // Else the nearest before the figure ("in 2023 it closed with 123 murders, a rate
                // of 1.3") that is no comparison's baseline ("104 flights, 16% more than in 2023,
                // with 12,600 people"), or the first.
                let nearest = free.iter().rfind(|a| a.start < m.start && !after_baseline_opener(doc, a, &words.baseline_openers)).or(free.first());
                between_pair(doc, &free, lexicon, &words.weekdays).map(|(a, b)| a.value.through(&b.value)).or_else(|| nearest.map(|a| a.value))
            })
            .or(survey_period)
            // A duration in the present tense states a term or a distance in time ("must be
            // brought before a judge within 72 hours", "the trip takes 40 minutes"): it holds
            // whatever the date, so the article's date does not date it.
            ;
        let present_now = reference_period.filter(|_| present && !term);
        let past_clause = present_now.is_some() && clause_told_in_past(&doc.slice(ca, cb), lexicon, words);
        let local = if past_clause { local } else { local.or(present_now) };
        // Else a period borrowed from the sentences before.
        let borrowed = || {
            match previous.len() {
                _ if !carry => None,
                1 => Some(previous[0].carried()),
                2 => {
                    // "between 2020 and 2024 to 98,000. That value …": the joined period.
                    let joined = has_any_word(&doc.sentence_text(m.sentence - 1), &["between", "entre"]);
                    joined
                        .then(|| previous[0].value.through(&previous[1].value))
                        .or_else(|| span_before(doc, &previous, lexicon, &words.weekdays))
                }
                _ => span_before(doc, &previous, lexicon, &words.weekdays),
            }
            .or_else(|| if carry { earlier_in_paragraph(doc, &anchors, &clauses, m.start).map(Anchor::carried) } else { None })
        };
        // "al menos 157 de ellos carecían de antecedentes": a part of a group told shortly before.
        let of_group = || {
            // The surface may hold the phrase ("at least 90 of the men").
            let tail = m.surface.rfind(|c: char| c.is_ascii_digit()).map_or("", |k| &m.surface[k + 1..]);
            let rights = [lower_padded(after.clone()), lower_padded(format!("{tail} {after}"))];
            // "Of the deportees, 238 were …": a partitive phrase fronted before the figure.
            let opening = lower_padded(doc.slice(doc.sentences[m.sentence].0, m.start));
            let fronted = opening.contains(',') && starts_with_any(&opening, &words.partitive_phrases);
            let partitive = fronted || rights.iter().any(|r| starts_with_any(r, &words.partitive_phrases));
            let group = assigned.iter().rev().take_while(|d| d.sentence + PARTITIVE_SENTENCES >= m.sentence).find_map(|d| d.period);
            group.filter(|_| partitive && carry)
        };
        // A sentence whose only dates are of its asides lends the figure no older one either.
        let dated_by_aside = !asides.is_empty() && here.is_empty();
        m.as_of = local.or_else(|| {
            if dated_by_aside {
                return present_now;
            }
            // "Not all are still held: some 1,234 were freed": a figure whose own clause is in the
            // simple past tells of the time the sentences before set, not of another clause's
            // present; the article's date only when they set none.
            let period = borrowed().or_else(of_group);
            if period.is_some() {
                from_context.push(m.start);
            }
            period.or(present_now)
        });
        assigned.push(Dated { sentence: m.sentence, start: m.start, end: m.end, period: m.as_of });
    }
    restatements_share_their_period(mentions, reference_period, &said_now, &from_context);
}

/// The span the sentence before opens and closes ("From 1 May 2020 to 9 June 2023, the
/// ministry counted 1,234 arrests. Some 56 were later freed"): a figure of the next sentence
/// without an anchor of its own tells of the same span, from the start (the date of a since
/// phrase, not its run to the article's date) to the end.
fn span_before(doc: &Doc, previous: &[&Anchor], lexicon: &Lexicon, weekdays: &[String]) -> Option<Period> {
    between_pair(doc, previous, lexicon, weekdays).map(|(a, b)| a.carried().through(&b.carried()))
}

/// The part of the figure's sentence between the semicolons around it, lower-cased and padded:
/// a statement of its own ("the government says 1,234 were freed; our records show ...").
fn semicolon_part(doc: &Doc, m: &Mention) -> String {
    let (from, to) = doc.sentences[m.sentence];
    let before = doc.slice(from, m.start);
    let after = doc.slice(m.end, to.max(m.end));
    let lead = before.rsplit(';').next().unwrap_or("");
    let tail = after.split(';').next().unwrap_or("");
    lower_padded(format!("{lead}{}{tail}", m.surface))
}

/// Is a semicolon between the figure and the anchor ("1,234 were freed; the court admitted in
/// 2019 that ..."): the anchor tells of another statement, which the sentence only joins.
fn across_semicolon(doc: &Doc, m: &Mention, a: &Anchor) -> bool {
    let (x, y) = if a.start < m.start { (a.start, m.start) } else { (m.end, a.start) };
    doc.slice(x, y).contains(';')
}

/// Is the anchor in a past aside about a noun: a clause that opens with a participle of the
/// language's `participle_suffixes` ("anunciado en febrero"), or with a `relative_openers` word
/// ("which opened in 2023", "que se publicó en marzo") and has a past form ("opened",
/// "publicó")?
fn in_past_aside(doc: &Doc, a: &Anchor, lexicon: &Lexicon, words: &PeriodWords) -> bool {
    let (ka, kb) = clause_of_words(doc, a.sentence, a.start);
    let split = |t: String| t.to_lowercase().split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect::<Vec<_>>();
    let before = split(doc.slice(ka, a.start));
    let whole = split(doc.slice(ka, kb));
    let participle = |w: &str| w.chars().count() > PARTICIPLE_MIN_CHARS && words.participle_suffixes.iter().any(|s| w.ends_with(s.as_str()));
    // "indicó que en 2023 cerró con 249": a "que" or "that" inside a clause opens what was said.
    let first = before.first().map(String::as_str).unwrap_or("");
    let relative = words.relative_openers.iter().any(|w| w == first);
    participle(first) || (relative && whole.iter().any(|w| is_past_tense(w, lexicon)))
}

/// The clause around an offset, as [`Doc::clause_span`], but a comma between digits ("31,700")
/// does not end it.
fn clause_of_words(doc: &Doc, sentence: usize, at: usize) -> (usize, usize) {
    let (from, to) = doc.sentences[sentence];
    let in_number = |k: usize| doc.chars[k] == ',' && k > from && k + 1 < to && doc.chars[k - 1].is_ascii_digit() && doc.chars[k + 1].is_ascii_digit();
    let (mut a, mut b) = doc.clause_span(sentence, at, at);
    while a > from && in_number(a - 1) {
        a = doc.clause_span(sentence, a - 1, a - 1).0;
    }
    while b < to && in_number(b) {
        b = doc.clause_span(sentence, b + 1, b + 1).1;
    }
    (a, b)
}

/// Fewer characters than this make no participle ("todo", "lado").
const PARTICIPLE_MIN_CHARS: usize = 5;

/// Is a sentence's main clause in the simple past: its text without the `asides` (anchor start,
/// clause start, clause end) has a past form?
fn main_clause_in_past(doc: &Doc, sentence: usize, asides: &[(usize, usize, usize)], lexicon: &Lexicon) -> bool {
    let (from, to) = doc.sentences[sentence];
    let rest: String = (from..to).filter(|k| !asides.iter().any(|(_, ka, kb)| (*ka..*kb).contains(k))).map(|k| doc.chars[k]).collect();
    in_simple_past(&rest, lexicon)
}

/// Does a clause have a verb in the simple past: a past form not made present by a perfect
/// auxiliary a few words before it ("stood", "capturó"; not "have risen")?
fn in_simple_past(clause: &str, lexicon: &Lexicon) -> bool {
    let lower = clause.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    has_a_simple_past_form(&words, lexicon)
}

/// Is one of `words` a past form that no perfect auxiliary a few words before it makes
/// present?
fn has_a_simple_past_form(words: &[&str], lexicon: &Lexicon) -> bool {
    let perfect = |k: usize| words[k.saturating_sub(PERFECT_REACH)..k].iter().any(|w| lexicon.present_perfect_auxiliaries.iter().any(|a| a == w));
    words.iter().enumerate().any(|(k, w)| is_past_tense(w, lexicon) && !perfect(k))
}

/// Is a clause told in the simple past only: a past form not made present by a perfect
/// auxiliary, no present-tense cue ("1,234 were freed"; not "1,234 are women and 56 were
/// minors", "has paid $1 million of the $2 million agreed"), the verbs of a since clause that
/// names a beginning aside ("since the regime began")?
fn clause_told_in_past(clause: &str, lexicon: &Lexicon, period_words: &PeriodWords) -> bool {
    let lower = clause.to_lowercase();
    let words = tense_words(&lower, lexicon, period_words);
    let cue = words.iter().any(|w| lexicon.present_tense_cues.iter().any(|c| c == w));
    !cue && has_a_simple_past_form(&words, lexicon)
}

/// Is the word a verb in the future tense by its ending ("pagará", "tendrán"): longer than the
/// ending by more than two letters ("irán" is a country as well)?
fn is_future_form(word: &str, suffixes: &[String]) -> bool {
    suffixes.iter().any(|s| word.ends_with(s.as_str()) && word.chars().count() > s.chars().count() + 2)
}

/// Does the text hold one of `words` (lower-case) as a whole word ("entre", not the start of
/// "entrevista")? A capital after a small letter starts a word too: a byline glued to the
/// text ("Ana PérezEntre el 3 y el 9 de mayo") still opens with "Entre".
fn has_any_word(text: &str, words: &[&str]) -> bool {
    let mut spaced = String::with_capacity(text.len() + 8);
    let mut previous_small = false;
    for c in text.chars() {
        if c.is_uppercase() && previous_small {
            spaced.push(' ');
        }
        previous_small = c.is_lowercase();
        spaced.extend(c.to_lowercase());
    }
    spaced.split(|c: char| !c.is_alphanumeric()).any(|w| words.contains(&w))
}

/// Does the text hold one of `words` as a whole word?
fn has_word_of(text: &str, words: &[String]) -> bool {
    text.to_lowercase().split(|c: char| !c.is_alphanumeric()).any(|t| words.iter().any(|w| w == t))
}

/// Does a clause name the present in one of `now_words` ("now", "ahora")?
fn names_now(clause: &str, now_words: &[String]) -> bool {
    let clause = lower_padded(clause.replace(|c: char| !c.is_alphanumeric(), " "));
    now_words.iter().any(|w| clause.contains(&format!(" {w} ")))
}

/// The time of an article that neither its manifest, a dateline nor its url dates to the
/// month: the year its url names (`/2024/`, `-del-2024`), as a whole year. It dates no present
/// tense; where the url names no year either, [`latest_named_time`] does.
pub fn undated_article_year(url_date: Option<Point>) -> Option<Period> {
    url_date.map(|p| Period::at(Point::Year(p.first_day().year())))
}

/// The time of an article that neither its manifest, a dateline nor its url dates at all: the
/// latest time its story names ("When I toured it in May 2023, it held 1,234"), at the
/// precision written, outside sentences in the future tense (a plan is no time of the story).
/// The article is no older than that; a reporter's present is seldom much later, so it dates
/// the present tense and ends the running totals, where nothing else would. A date of a past
/// aside ("the jails, which held 1,234 in 2019, now hold ...") is the story's background, no
/// such time.
pub fn latest_named_time(doc: &Doc, mentions: &[Mention], lexicon: &Lexicon, words: &PeriodWords) -> Option<Period> {
    let future = |sentence: usize| {
        let text = doc.sentence_text(sentence).to_lowercase();
        let w: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        w.iter().any(|x| words.future_words.iter().any(|f| f == x) || is_future_form(x, &words.future_suffixes))
    };
    mentions
        .iter()
        .filter(|m| matches!(m.kind, "date" | "year") && m.start >= doc.front_matter_end && !is_name_year(doc, m, lexicon))
        .filter(|m| !future(m.sentence))
        .filter_map(|m| anchor_value(m, lexicon).map(|value| (m, value)))
        .filter(|(m, value)| {
            let anchor = Anchor { sentence: m.sentence, start: m.start, value: *value, date: None, adjoining: false };
            !in_past_aside(doc, &anchor, lexicon, words)
        })
        .map(|(_, p)| Period::at(p.end))
        .max_by_key(|p| p.end.last_day())
}

/// Does the text right after a duration (`after`, lower-case) open with a phrase of
/// `daily_phrases` ("a day", "al día"): is it hours of each day?
fn is_daily(after: &str, daily_phrases: &[String]) -> bool {
    // "23 hours a day.": the sentence may end right after the phrase.
    let after = lower_padded(after.replace(|c: char| !c.is_alphanumeric() && !c.is_whitespace(), " "));
    starts_with_any(&after, daily_phrases)
}

/// Does `padded` (lower-case, padded with spaces) open with one of `phrases` as whole words?
fn starts_with_any(padded: &str, phrases: &[String]) -> bool {
    phrases.iter().any(|p| padded.starts_with(&format!(" {p} ")))
}

/// Does `padded` (lower-case, padded with spaces) end with one of `phrases` as whole words?
fn ends_with_any(padded: &str, phrases: &[String]) -> bool {
    phrases.iter().any(|p| padded.ends_with(&format!(" {p} ")))
}

/// Does the text before a figure (`before`, lower-case) end in a phrase of `change_nouns`
/// ("an increase of", "un crecimiento de"): is the figure the size of a change?
fn names_change(before: &str, change_nouns: &[String]) -> bool {
    ends_with_any(&lower_padded(before.to_string()), change_nouns)
}

/// Starts of the anchors written right after one of `openers` ("as of", "con corte al"): the
/// cut-off date of a sentence's data, whichever figure's clause holds it.
fn cutoff_anchors(doc: &Doc, anchors: &[Anchor], openers: &[String]) -> std::collections::BTreeSet<usize> {
    anchors
        .iter()
        .filter(|a| {
            let before = lower_padded(doc.slice(a.start.saturating_sub(30).max(doc.sentences[a.sentence].0), a.start));
            ends_with_any(&before, openers)
        })
        .map(|a| a.start)
        .collect()
}

/// The sentences that name the first weeks, days or months of something still running ("in
/// the first 11 weeks of the deal"): a duration after one of `first_words`. Each gives the
/// stretch counted back from the article's date (a day) to it, with its sentence and the
/// duration's start. Years are left out: "in its first year" is as often told long after.
fn first_stretches(doc: &Doc, mentions: &[Mention], first_words: &[String], reference: Option<Period>) -> Vec<(usize, usize, Period)> {
    let Some(now) = reference.filter(|r| r.is_point() && matches!(r.start, Point::Day(_))) else { return Vec::new() };
    mentions
        .iter()
        .filter(|d| d.kind == "duration" && matches!(d.unit.as_deref(), Some("weeks" | "days" | "months")))
        .filter(|d| {
            let surface = lower_padded(d.surface.clone());
            let before = lower_padded(doc.slice(d.start.saturating_sub(16).max(doc.sentences[d.sentence].0), d.start));
            starts_with_any(&surface, first_words) || ends_with_any(&before, first_words)
        })
        .filter_map(|d| Some((d.sentence, d.start, crate::transform::running_totals::counted_back(d, &now)?.through(&now))))
        .collect()
}

/// Is the date the article's dateline ("WASHINGTON, May 6, 2025 — The US transferred …"): the
/// article's own date, with only capitalised words before it in its sentence and a dash or
/// bracket after it? It dates the writing, not the figures the sentence goes on to tell.
fn is_dateline(doc: &Doc, m: &Mention, value: Period, reference: Option<Period>) -> bool {
    let Some(&(sentence_start, _)) = doc.sentences.get(m.sentence) else { return false };
    let before = doc.slice(sentence_start, m.start);
    let after = doc.slice(m.end, (m.end + 3).min(doc.chars.len()));
    reference == Some(value) && !before.chars().any(char::is_lowercase) && after.trim_start().starts_with(['—', '–', '-', '('])
}

/// A statement's period as the rules gave it, with where the statement is.
struct Dated {
    sentence: usize,
    start: usize,
    end: usize,
    period: Option<Period>,
}

/// Is the text from a figure's end to the next figure's start a dash and a few words ("64,800
/// — one of every 60"): does the next figure restate the first?
fn is_apposition(doc: &Doc, figure_end: usize, next_start: usize) -> bool {
    // The most words between the dash and the restating figure.
    const MAX_WORDS: usize = 4;
    let gap = doc.slice(figure_end, next_start);
    let Some(rest) = gap.trim_start().strip_prefix(['—', '–']) else { return false };
    !rest.contains(|c: char| c.is_ascii_digit() || ",;:()—–".contains(c)) && rest.split_whitespace().count() <= MAX_WORDS
}

/// Does the sentence (lower-cased, padded) open with the phrase, after any quote or dash?
fn opens_with(sentence: &str, phrase: &str) -> bool {
    let text = sentence.trim_start_matches(|c: char| c.is_whitespace() || !c.is_alphanumeric());
    text.strip_prefix(phrase).is_some_and(|rest| rest.starts_with(|c: char| !c.is_alphanumeric()))
}

/// A figure stated again (a headline, a quote of the same number) is the same claim: where one
/// statement of a measure and value has a period of its own and another only the article's
/// date or none, the other takes that period ("57,410 arrests" in a headline, and "57,410
/// arrests up to 18 October" in the text); one whose clause says "now" (`said_now`, by start)
/// keeps the article's date; one dated only from the sentences before (`from_context`, by
/// start) takes the period its restatement has in its own sentence.
fn restatements_share_their_period(mentions: &mut [Mention], reference: Option<Period>, said_now: &[usize], from_context: &[usize]) {
    let key = |m: &Mention| m.measure.clone().map(|id| (id, m.value.clone(), m.low.map(f64::to_bits), m.high.map(f64::to_bits)));
    let own = |m: &Mention| m.as_of.filter(|p| Some(*p) != reference && !from_context.contains(&m.start));
    let dated: Vec<_> = mentions.iter().filter(|m| m.is_statement).filter_map(|m| Some((key(m)?, own(m)?))).collect();
    for m in mentions.iter_mut().filter(|m| m.is_statement && own(m).is_none() && !said_now.contains(&m.start)) {
        let Some(k) = key(m) else { continue };
        if let Some((_, period)) = dated.iter().find(|(d, _)| *d == k) {
            m.as_of = Some(*period);
        }
    }
}

/// Most words from a present-perfect auxiliary to the past form it makes present ("have now
/// been released").
const PERFECT_REACH: usize = 3;

/// Is a clause in the present: a present-tense cue, and every past form in it within a few
/// words after a present-perfect auxiliary ("the police have made 73,400 arrests since the
/// decree", "3,150 have now been released")? A language without such auxiliaries reads no
/// clause so.
fn clause_in_present(clause: &str, lexicon: &Lexicon, period_words: &PeriodWords) -> bool {
    if lexicon.present_perfect_auxiliaries.is_empty() {
        return false;
    }
    let lower = clause.to_lowercase();
    let words = tense_words(&lower, lexicon, period_words);
    // "have freed", "have been freed", "have now been freed": an auxiliary up to three words before.
    let perfect = |k: usize| words[k.saturating_sub(PERFECT_REACH)..k].iter().any(|w| lexicon.present_perfect_auxiliaries.iter().any(|a| a == w));
    words.iter().any(|w| lexicon.present_tense_cues.iter().any(|c| c == w)) && words.iter().enumerate().all(|(k, w)| !is_past_tense(w, lexicon) || perfect(k))
}

/// The words of a text that tell its tense, lower-case: without the verbs of a since clause
/// that names a beginning ("since the crackdown began", "desde que inició el régimen": the
/// past of the start, not of the figure's clause).
fn tense_words<'t>(text: &'t str, lexicon: &Lexicon, words: &PeriodWords) -> Vec<&'t str> {
    let all: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let mut skip = vec![false; all.len()];
    for (k, w) in all.iter().enumerate() {
        if lexicon.since_words.iter().any(|s| s == w) {
            if let Some(j) = since_start_verb(&all[k + 1..], words) {
                skip[k + 1..=k + 1 + j].iter_mut().for_each(|x| *x = true);
            }
        }
    }
    all.into_iter().zip(skip).filter(|(_, s)| !s).map(|(w, _)| w).collect()
}

/// Where the words after a since word name a beginning by a verb ("the crackdown began",
/// "que inició", "the emergency was declared"): the index of the first `start_words` or
/// `start_verbs` entry among the first [`SINCE_VERB_REACH`] words, no number before it.
fn since_start_verb(after: &[&str], words: &PeriodWords) -> Option<usize> {
    let is_start = |w: &str| words.start_words.iter().chain(&words.start_verbs).any(|s| s == w);
    after.iter().take(SINCE_VERB_REACH).take_while(|w| !w.chars().any(|c| c.is_ascii_digit())).position(|w| is_start(w))
}

/// Most words from a since word to the verb of the beginning it names ("since the state of
/// emergency was declared").
const SINCE_VERB_REACH: usize = 6;

/// The periods of the sentences that state a survey or study between two anchors ("Between
/// June and November 2024 we surveyed"), by sentence, in text order; the sentence may hold no
/// figure itself.
fn survey_periods(doc: &Doc, anchors: &[Anchor], lexicon: &Lexicon, weekdays: &[String]) -> Vec<(usize, Period)> {
    let mut found: Vec<(usize, Period)> = Vec::new();
    let mut read: Option<usize> = None;
    for a in anchors {
        if read.replace(a.sentence) == Some(a.sentence) {
            continue;
        }
        let here = by_sentence(anchors, a.sentence);
        if !SentenceFacts::of(doc, a.sentence, lexicon, &PeriodWords::default()).survey {
            continue;
        }
        // "said on Wednesday they had documented 347 deaths between March 27, 2022, and May 31,
        // 2025": a span written as one range, or that a range word opens among more dates than
        // two, is the survey's, not the day it was told.
        let span = here.iter().find(|x| !x.value.is_point()).map(|x| x.value).or_else(|| match here {
            [first, second] => Some(first.value.through(&second.value)),
            _ => between_pair(doc, &here.iter().collect::<Vec<_>>(), lexicon, weekdays).map(|(x, y)| x.value.through(&y.value)),
        });
        found.extend(span.map(|p| (a.sentence, p)));
    }
    found
}

/// What the period rules read of a whole sentence.
struct SentenceFacts {
    index: usize,
    /// Lower-cased, padded with spaces.
    text: String,
    /// In the present tense: a present-tense cue, or no past-tense form at all ("Polls suggest 9
    /// in 10 support it"; a list item "- 97,100 inmates in a system built for 58,600").
    present: bool,
    /// States a survey or study ("Between June and November 2024 we surveyed").
    survey: bool,
    /// Has a verb of change ("rose", "creció").
    changes: bool,
}

impl SentenceFacts {
    fn of(doc: &Doc, index: usize, lexicon: &Lexicon, period_words: &PeriodWords) -> SentenceFacts {
        let text = format!(" {} ", doc.sentence_text(index).to_lowercase());
        let words = tense_words(&text, lexicon, period_words);
        let has = |list: &[String]| words.iter().any(|w| list.iter().any(|c| c == w));
        // "confirmó que Estados Unidos pagará 6 millones": what is agreed or planned is told as
        // of the article's date, like the present.
        let future = has(&period_words.future_words) || words.iter().any(|w| is_future_form(w, &period_words.future_suffixes));
        let present = has(&lexicon.present_tense_cues) || future || !words.iter().any(|w| is_past_tense(w, lexicon));
        let (survey, changes) = (has(&lexicon.survey_cues), has(&lexicon.change_verbs));
        SentenceFacts { index, text, present, survey, changes }
    }
}

/// How many sentences back the group of a partitive figure ("157 of them") may be told.
const PARTITIVE_SENTENCES: usize = 3;

/// Most characters between a baseline figure and the anchor that dates it ("1.6 in 2023").
const BASELINE_GAP: usize = 24;

/// Starts of the anchors that date the baseline of a change or a comparison ("up from 6,620
/// inmates in 2000", "pasó de 3 en 2019 a 11", "frente a 1.6 el año pasado"): the anchor right
/// after a figure that follows a `change_from` word, in a sentence with a change verb, or
/// that follows one of the language's `baseline_openers`. Such an anchor dates that figure
/// only, never the sentence's other figures.
fn baseline_anchors(doc: &Doc, mentions: &[Mention], anchors: &[Anchor], lexicon: &Lexicon, words: &PeriodWords) -> std::collections::BTreeSet<usize> {
    let mut found = std::collections::BTreeSet::new();
    for f in mentions.iter().filter(|f| f.is_statement && !matches!(f.kind, "date" | "year")) {
        let next = anchors.partition_point(|a| a.start < f.end);
        let Some(a) = anchors.get(next).filter(|a| a.sentence == f.sentence) else { continue };
        let adjoining = doc.slice(f.end, a.start).trim().is_empty();
        if !is_own_anchor(doc, f.end, a, lexicon, words) && !adjoining {
            continue;
        }
        let before = lower_padded(doc.slice(f.start.saturating_sub(24).max(doc.sentences[f.sentence].0), f.start));
        if words.baseline_openers.iter().any(|o| before.trim_end().ends_with(&format!(" {o}"))) {
            found.insert(a.start);
            continue;
        }
        if !is_own_anchor(doc, f.end, a, lexicon, words) {
            continue;
        }
        let words: Vec<&str> = before.split_whitespace().collect();
        let from = words.iter().rev().take(3).any(|w| lexicon.change_from.iter().any(|c| c == w));
        let sentence = lower_padded(doc.sentence_text(f.sentence));
        let changes = sentence.split(|c: char| !c.is_alphanumeric()).any(|w| lexicon.change_verbs.iter().any(|v| v == w));
        if from && changes {
            found.insert(a.start);
        }
    }
    found
}

/// Is the anchor the figure's own, written right after it (the figure ending at `figure_end`):
/// after one of the lexicon's `own_anchor_words` ("12 in 2021") or of the language's
/// `own_anchor_phrases` ("41,300 at the close of 2019"), or with nothing between when the
/// anchor is a phrase of its own ("9.4 the year before").
fn is_own_anchor(doc: &Doc, figure_end: usize, a: &Anchor, lexicon: &Lexicon, words: &PeriodWords) -> bool {
    // The longest phrase between a figure and its anchor, in characters, with spaces.
    const MAX_GAP: usize = 24;
    if a.start > figure_end + MAX_GAP {
        return false;
    }
    let gap = doc.slice(figure_end, a.start).to_lowercase();
    let gap = gap.split_whitespace().collect::<Vec<_>>().join(" ");
    (gap.is_empty() && a.adjoining) || lexicon.own_anchor_words.contains(&gap) || words.own_anchor_phrases.contains(&gap)
}

/// Phrases naming the year before an anchor of their sentence ("in 2021, from 9.4 the year
/// before"): that year, for the figure right before the phrase.
fn year_before_anchors(doc: &Doc, phrases: &[String], anchors: &[Anchor]) -> Vec<Anchor> {
    phrase_places(doc, phrases)
        .into_iter()
        .filter_map(|(sentence, start)| {
            let last = anchors.iter().rfind(|a| a.sentence == sentence && a.start < start)?;
            let year = last.value.start.year() - 1;
            Some(Anchor { sentence, start, value: Period::at(Point::Year(year)), date: None, adjoining: true })
        })
        .collect()
}

/// Where the body of the text holds one of `phrases`, as (sentence, start) of each match; a
/// match is skipped over whole, so phrases do not overlap.
fn phrase_places(doc: &Doc, phrases: &[String]) -> Vec<(usize, usize)> {
    let set = PhraseSet::new(phrases.iter().map(|p| (p.clone(), ())));
    let toks = &doc.tokens;
    let mut found = Vec::new();
    let mut i = toks.partition_point(|t| t.start < doc.front_matter_end);
    while i < toks.len() {
        match set.match_at(toks, i) {
            Some((n, ())) => {
                found.push((toks[i].sentence, toks[i].start));
                i += n;
            }
            None => i += 1,
        }
    }
    found
}

/// Phrases that refer back to the last date told ("at that date", "a esa fecha"): that
/// date, as an anchor of their sentence, which dates every figure of it like a cut-off. The
/// date must stand at most [`THAT_DATE_SENTENCES`] sentences before.
fn that_date_anchors(doc: &Doc, phrases: &[String], anchors: &[Anchor]) -> Vec<Anchor> {
    phrase_places(doc, phrases)
        .into_iter()
        .filter_map(|(sentence, start)| {
            let last = anchors.iter().rfind(|a| a.start < start && a.sentence + THAT_DATE_SENTENCES >= sentence)?;
            Some(Anchor { sentence, start, value: last.carried(), date: None, adjoining: false })
        })
        .collect()
}

/// The periods a report states for all its figures ("Unless otherwise stated, the figures
/// cover 1 May 2021 to 30 June 2024"): in a sentence with one of `phrases`, from its first
/// date to its last, whether or not a date is a statement itself (the start of what the
/// report counts often is), by sentence.
fn report_periods(doc: &Doc, dates: &[(&Mention, Period)], phrases: &[String]) -> Vec<(usize, Period)> {
    let mut sentences: Vec<usize> = phrase_places(doc, phrases).into_iter().map(|(sentence, _)| sentence).collect();
    sentences.dedup();
    sentences
        .into_iter()
        .filter_map(|sentence| {
            let here: Vec<Period> = dates.iter().filter(|(m, _)| m.sentence == sentence).map(|(_, p)| *p).collect();
            match here.as_slice() {
                [first, .., last] => Some((sentence, first.through(last))),
                _ => None,
            }
        })
        .collect()
}

/// The period of the figure the opening of a sentence refers back to by a demonstrative and
/// a noun ("Those prisoners ...", "Esos presos ..."): the figure of the sentence before whose
/// own words end in that noun or are followed by it ("1,234 prisoners"). `sentence` is the
/// sentence lower-cased and padded.
fn demonstrative_reference(doc: &Doc, sentence: &str, determiners: &[String], assigned: &[Dated], index: usize) -> Option<Period> {
    let words: Vec<&str> = sentence.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let [first, noun, ..] = words.as_slice() else { return None };
    if !determiners.iter().any(|d| d == first) || noun.chars().count() < 3 {
        return None;
    }
    let counts_noun = |d: &Dated| {
        let around = doc.slice(d.start, (d.end + 30).min(doc.chars.len())).to_lowercase();
        let tail: Vec<&str> = around.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit())).take(2).collect();
        tail.iter().any(|w| w == noun)
    };
    assigned.iter().filter(|d| d.sentence + 1 == index).find(|d| d.period.is_some() && counts_noun(d)).and_then(|d| d.period)
}

/// Phrases naming the end of a report's period ("al cierre del periodo"): the end of the
/// last survey period stated before their sentence, as an anchor of it.
fn period_end_anchors(doc: &Doc, phrases: &[String], surveys: &[(usize, Period)]) -> Vec<Anchor> {
    phrase_places(doc, phrases)
        .into_iter()
        .filter_map(|(sentence, start)| {
            let (_, period) = surveys.iter().rfind(|(s, _)| *s < sentence)?;
            Some(Anchor { sentence, start, value: Period::at(period.end), date: None, adjoining: false })
        })
        .collect()
}

/// How many sentences back a phrase like "at that date" looks for the date it means.
const THAT_DATE_SENTENCES: usize = 2;

/// The last anchor before `offset` in the same paragraph (its line): the time a paragraph has
/// set holds for its later figures ("One night in mid-May … For six days …").
fn earlier_in_paragraph<'a>(doc: &Doc, anchors: &'a [Anchor], clauses: &[Clause], offset: usize) -> Option<&'a Anchor> {
    let paragraph_start = doc.chars[..offset].iter().rposition(|c| *c == '\n').map_or(0, |p| p + 1);
    let claimed = |a: &Anchor| clauses.iter().any(|c| c.start != offset && a.start >= c.from && a.start < c.to);
    anchors.iter().rfind(|a| a.start >= paragraph_start && a.start < offset && !claimed(a))
}

/// "since 2022" -> `2022/<article date>`; other anchors stay as they are.
fn since(doc: &Doc, m: &Mention, value: Period, lexicon: &Lexicon, words: &PeriodWords, reference: Option<Period>) -> Period {
    match reference {
        Some(r) if after_since(doc, m, lexicon, words) || after_to_date_opener(doc, m, words) => {
            // "since the 1990s": a period already runs from its start.
            value.starting_point().through(&r)
        }
        _ => value,
    }
}

/// Is the anchor a comparison's baseline: written right after an opener ("more than in 2023",
/// "frente a 2021"), one word (a preposition, an article) at most between?
fn after_baseline_opener(doc: &Doc, a: &Anchor, openers: &[String]) -> bool {
    let before = lower_padded(doc.slice(a.start.saturating_sub(30).max(doc.sentences[a.sentence].0), a.start));
    openers.iter().any(|o| {
        let phrase = format!(" {o} ");
        before.rfind(&phrase).is_some_and(|at| before[at + phrase.len()..].split_whitespace().count() <= 1)
    })
}

/// Is the mention written after a word of `since_words` ("since 2022", "desde el 27 de marzo
/// de 2022": an article may stand between), or after a since phrase that names a beginning
/// and ends in the date ("since the emergency began on March 27, 2022", "desde el inicio del
/// régimen, el 27 de marzo de 2022")?
pub(crate) fn after_since(doc: &Doc, m: &Mention, lexicon: &Lexicon, words: &PeriodWords) -> bool {
    let before: String = doc.chars[m.start.saturating_sub(16)..m.start].iter().collect::<String>().to_lowercase();
    let mut before_words = before.split_whitespace().rev();
    let mut last = before_words.next().unwrap_or("");
    if crate::extract::ARTICLES.contains(&last) {
        last = before_words.next().unwrap_or("");
    }
    lexicon.since_words.iter().any(|w| w == last) || after_since_start(doc, m, lexicon, words)
}

/// Is the date the one a start verb right before it names ("fue decretado el 27 de marzo de
/// 2022", "was declared on March 27, 2022", "began in March 2022"): one of `start_verbs` among
/// the [`START_WORD_REACH`] words before it in its sentence, no figure between?
pub(crate) fn named_a_start_before(doc: &Doc, m: &Mention, words: &PeriodWords) -> bool {
    let Some(&(sentence_start, _)) = doc.sentences.get(m.sentence) else { return false };
    let before = doc.slice(sentence_start, m.start).to_lowercase();
    let tokens: Vec<&str> = before.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let near = &tokens[tokens.len().saturating_sub(START_WORD_REACH)..];
    let k = near.iter().rposition(|t| words.start_verbs.iter().any(|w| w == t));
    k.is_some_and(|k| !near[k..].iter().any(|t| t.chars().any(|c| c.is_ascii_digit())))
}

/// Most words from a start verb to the date it names ("was declared on").
const START_WORD_REACH: usize = 3;

/// Is the date followed by an apposition that names it a beginning ("entre el 27 de marzo de
/// 2022, fecha en que la Asamblea aprobó el régimen, y …", "on March 27, 2022, when the
/// emergency began"): a comma, then a `start_words` entry within [`SINCE_START_WORDS`] words,
/// no figure between?
pub(crate) fn named_a_start_after(doc: &Doc, m: &Mention, words: &PeriodWords) -> bool {
    let Some(&(_, sentence_end)) = doc.sentences.get(m.sentence) else { return false };
    let after = doc.slice(m.end, sentence_end.min(m.end + 120));
    let Some(rest) = after.trim_start().strip_prefix(',') else { return false };
    let aside = rest.split([',', ';', '(', ')']).next().unwrap_or("").to_lowercase();
    let tokens: Vec<&str> = aside.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(SINCE_START_WORDS).collect();
    !tokens.iter().any(|t| t.chars().any(|c| c.is_ascii_digit())) && tokens.iter().any(|t| words.start_words.iter().any(|w| w == t))
}

/// Is the mention written after one of the language's `to_date_openers` ("en lo que va de
/// 2024", "so far in 2024"), an article between or not: from its start to the article's date.
fn after_to_date_opener(doc: &Doc, m: &Mention, words: &PeriodWords) -> bool {
    let Some(&(sentence_start, _)) = doc.sentences.get(m.sentence) else { return false };
    let before = lower_padded(doc.slice(sentence_start.max(m.start.saturating_sub(40)), m.start));
    let before = before.trim_end();
    let before = crate::extract::ARTICLES.iter().find_map(|a| before.strip_suffix(&format!(" {a}"))).unwrap_or(before);
    words.to_date_openers.iter().any(|o| before.ends_with(&format!(" {o}")))
}

/// Is the mention the date of a beginning named after a since word of its sentence: at most
/// [`SINCE_START_WORDS`] words between, none a figure or an `until_words` entry, one of them a
/// `start_words` entry
/// ("since lawmakers suspended guarantees on", "desde el inicio del régimen, el")?
fn after_since_start(doc: &Doc, m: &Mention, lexicon: &Lexicon, words: &PeriodWords) -> bool {
    let Some(&(sentence_start, _)) = doc.sentences.get(m.sentence) else { return false };
    let before = doc.slice(sentence_start, m.start).to_lowercase();
    let tokens: Vec<&str> = before.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let Some(k) = tokens.iter().rposition(|t| lexicon.since_words.iter().any(|w| w == t)) else { return false };
    let between = &tokens[k + 1..];
    // "desde que inició el régimen hasta el 16 de mayo": a date after an until word ends the span.
    between.len() <= SINCE_START_WORDS
        && !between.iter().any(|t| t.chars().any(|c| c.is_ascii_digit()) || words.until_words.iter().any(|w| w == t))
        && between.iter().any(|t| words.start_words.iter().any(|w| w == t))
}

/// Most words between a since word and the date of the beginning it names.
const SINCE_START_WORDS: usize = 10;

/// Anchors written relative to the article's date `r`: "this month", "anoche", "last summer"
/// (the lexicon's `relative_periods`), and "since then", "desde entonces" (`since_then`), which
/// run from the last anchor before them to the article's date. Found in the text like the date
/// mentions, so they date the figures of their clause, sentence and paragraph the same way.
fn relative_anchors(doc: &Doc, lexicon: &Lexicon, r: NaiveDate, dates: &[(&Mention, Period)]) -> Vec<Anchor> {
    // A phrase's payload: the period it names, or None for "since then".
    let relative = lexicon.relative_periods.iter().map(|(p, period)| (p.clone(), Some(period.as_str())));
    let phrases = PhraseSet::new(relative.chain(lexicon.since_then.iter().map(|p| (p.clone(), None))));
    let toks = &doc.tokens;
    let mut found = Vec::new();
    let mut i = toks.partition_point(|t| t.start < doc.front_matter_end);
    while i < toks.len() {
        let Some((n, period)) = phrases.match_at(toks, i) else {
            i += 1;
            continue;
        };
        let (sentence, start) = (toks[i].sentence, toks[i].start);
        // "el 10 de junio de este año": the phrase is part of a date, which anchors already.
        if dates.iter().any(|(m, _)| m.start <= start && start < m.end) {
            i += n;
            continue;
        }
        let value = match period {
            Some(period) => relative_period(period, lexicon, r),
            // The last date before, a date claim included ("se aprobó el 27 de marzo de 2022
            // ... desde entonces").
            None => dates.iter().rfind(|(m, _)| m.start < start).map(|(_, last)| last.starting_point().through(&Period::day(r))),
        };
        if let Some(value) = value {
            found.push(Anchor { sentence, start, value, date: None, adjoining: false });
        }
        i += n;
    }
    found
}

/// Durations that place an event back from the article's date `r` ("two years ago", "hace
/// tres meses": the lexicon's `ago_before`, `ago_after` words next to them): the time they
/// point to, at the precision of their unit (the year for years, the month for months, the
/// day for weeks and days).
fn ago_anchors(doc: &Doc, mentions: &[Mention], lexicon: &Lexicon, r: NaiveDate) -> Vec<Anchor> {
    let word_before = |m: &Mention| {
        let from = doc.sentences.get(m.sentence).map_or(0, |s| s.0);
        doc.slice(from, m.start).to_lowercase().split(|c: char| !c.is_alphanumeric()).rfind(|w| !w.is_empty()).map(str::to_string)
    };
    let word_after = |m: &Mention| {
        let to = doc.sentences.get(m.sentence).map_or(m.end, |s| s.1).max(m.end);
        doc.slice(m.end, to).to_lowercase().split(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty()).map(str::to_string)
    };
    mentions
        .iter()
        .filter(|m| m.kind == "duration" && !m.is_statement && m.start >= doc.front_matter_end)
        .filter(|m| {
            word_before(m).is_some_and(|w| lexicon.ago_before.contains(&w)) || word_after(m).is_some_and(|w| lexicon.ago_after.contains(&w))
        })
        .filter_map(|m| {
            let point = ago_point(m, r)?;
            Some(Anchor { sentence: m.sentence, start: m.start, value: Period::at(point), date: None, adjoining: false })
        })
        .collect()
}

/// The time a whole number of years, months, weeks or days back from `r` points to.
fn ago_point(m: &Mention, r: NaiveDate) -> Option<Point> {
    let n = m.number().filter(|n| n.fract() == 0.0 && *n > 0.0 && *n < 1000.0)? as u32;
    match m.unit.as_deref()? {
        "years" => Some(Point::Year(r.year() - n as i32)),
        "months" => r.checked_sub_months(chrono::Months::new(n)).map(|d| Point::Month(d.year(), d.month())),
        "weeks" => r.checked_sub_days(chrono::Days::new(7 * u64::from(n))).map(Point::Day),
        "days" => r.checked_sub_days(chrono::Days::new(u64::from(n))).map(Point::Day),
        _ => None,
    }
}

/// Days of the week named without a date ("said Tuesday", "dijo este lunes"): the last such
/// day up to the article's date `r`. A weekday written with its date ("Sunday, January 5",
/// "el domingo 5 de enero") is dated by the date.
fn weekday_anchors(doc: &Doc, weekdays: &[String], r: NaiveDate, dates: &[(&Mention, Period)]) -> Vec<Anchor> {
    let first = doc.tokens.partition_point(|t| t.start < doc.front_matter_end);
    doc.tokens[first..]
        .iter()
        .filter_map(|t| {
            let day = weekdays.iter().position(|w| *w == t.lower)? as i64;
            let dated = dates.iter().any(|(m, _)| m.start <= t.end + 3 && m.end > t.start);
            let back = (i64::from(r.weekday().num_days_from_monday()) - day).rem_euclid(7);
            let value = Period::day(r.checked_sub_days(chrono::Days::new(back as u64))?);
            (!dated).then_some(Anchor { sentence: t.sentence, start: t.start, value, date: None, adjoining: false })
        })
        .collect()
}

/// The period a relative expression names, for an article dated `r`: day, day-1, day+1,
/// month, month-1, year, year-1, year-to-date, month-to-date, week-1, weekend, or a season of
/// the lexicon (with -1, the last one); none for a phrase that names no time.
fn relative_period(period: &str, lexicon: &Lexicon, r: NaiveDate) -> Option<Period> {
    let month_before = |d: NaiveDate| d.with_day(1).and_then(|d| d.pred_opt()).unwrap_or(d);
    Some(match period {
        "day" => Period::day(r),
        "day-1" => Period::day(r.pred_opt()?),
        // "cumple mañana tres años", "takes effect tomorrow".
        "day+1" => Period::day(r.succ_opt()?),
        // A phrase that names no time though a word of it may ("por la mañana" is no tomorrow).
        "none" => return None,
        "month" => Period::at(Point::Month(r.year(), r.month())),
        "month-1" => {
            let m = month_before(r);
            Period::at(Point::Month(m.year(), m.month()))
        }
        "year" => Period::at(Point::Year(r.year())),
        "year-1" => Period::at(Point::Year(r.year() - 1)),
        // "en lo que va del año", "so far this month": from the first day to the article's date.
        "year-to-date" => Period::between(Point::Day(r.with_ordinal(1)?), Point::Day(r)),
        "month-to-date" => Period::between(Point::Day(r.with_day(1)?), Point::Day(r)),
        // "over the weekend", "el pasado fin de semana": the last Saturday up to the article's
        // date, and the Sunday after it when that is no later.
        "weekend" => {
            let saturday = r.checked_sub_days(chrono::Days::new(u64::from((r.weekday().num_days_from_monday() + 2) % 7)))?;
            let sunday = saturday.succ_opt().filter(|d| *d <= r).unwrap_or(saturday);
            Period::between(Point::Day(saturday), Point::Day(sunday))
        }
        // "last week", "la semana pasada": Monday to Sunday of the week before the article's.
        "week-1" => {
            let monday = r.checked_sub_days(chrono::Days::new(u64::from(r.weekday().num_days_from_monday()) + 7))?;
            Period::between(Point::Day(monday), Point::Day(monday.checked_add_days(chrono::Days::new(6))?))
        }
        season => {
            let (name, last_one) = season.strip_suffix("-1").map_or((season, false), |n| (n, true));
            let [first, last] = *lexicon.seasons.get(name)?;
            season_period(first, last, r, last_one)
        }
    })
}

/// The months of a season as a period: the one the date `r` falls in (or, outside it, the one
/// of its year), or with `last_one` the latest one that ended before `r`'s month. A season may
/// run over the new year (December to February).
fn season_period(first: u32, last: u32, r: NaiveDate, last_one: bool) -> Period {
    let wraps = last < first;
    let end_of = |y: i32| if wraps { (y + 1, last) } else { (y, last) };
    let now = (r.year(), r.month());
    let mut y = r.year();
    if last_one {
        while end_of(y) >= now {
            y -= 1;
        }
    } else if wraps && r.month() <= last {
        y -= 1;
    }
    let (end_year, end_month) = end_of(y);
    Period::between(Point::Month(y, first), Point::Month(end_year, end_month))
}

/// A date or year anchor of a sentence.
#[derive(Clone)]
struct Anchor {
    sentence: usize,
    start: usize,
    value: Period,
    /// For "since <date>" (`<date>/<article date>`): the date alone, which is what the anchor
    /// gives the sentences after it ("She has searched since June 14, 2022. 'They took him
    /// with eleven others'" tells of that day).
    date: Option<Period>,
    /// A phrase that dates the figure written right before it, nothing between ("9.4 the year
    /// before").
    adjoining: bool,
}

impl Anchor {
    /// The anchor's period for a figure of another sentence.
    fn carried(&self) -> Period {
        self.date.unwrap_or(self.value)
    }
}

/// The clause of a statement.
struct Clause {
    sentence: usize,
    start: usize,
    from: usize,
    to: usize,
}

trait InSentence {
    fn sentence(&self) -> usize;
}
impl InSentence for Anchor {
    fn sentence(&self) -> usize {
        self.sentence
    }
}
impl InSentence for Clause {
    fn sentence(&self) -> usize {
        self.sentence
    }
}

/// The items of one sentence from a list in text order (binary search: linear overall).
fn by_sentence<T: InSentence>(items: &[T], sentence: usize) -> &[T] {
    let a = items.partition_point(|x| x.sentence() < sentence);
    let b = items.partition_point(|x| x.sentence() <= sentence);
    &items[a..b]
}

/// One anchor is the period; two after "between"/"from" are an interval (the figure a change
/// reaches, "to 98,000", takes its end); otherwise the anchor nearest before the figure.
fn period_of(doc: &Doc, anchors: &[&Anchor], facts: &SentenceFacts, figure_start: usize, word_before: &str, lexicon: &Lexicon, weekdays: &[String]) -> Period {
    let changes = facts.changes;
    let joined = has_any_word(&doc.sentence_text(facts.index), &["between", "entre", "from", "desde"]);
    match anchors {
        [one] => one.value,
        // "grew between 2020 and 2024 to 98,000": the level a change reaches is the end's (only
        // after a change verb: "detuvo a 66.000" is not a change).
        [_, b] if joined && changes && lexicon.change_to.iter().any(|w| w == word_before) => b.value,
        [a, b] if joined => a.value.through(&b.value),
        _ => match between_pair(doc, anchors, lexicon, weekdays) {
            // "envió entre marzo y abril ... el 18 de julio": the span, not the nearest date.
            Some((a, b)) => a.value.through(&b.value),
            None => anchors.iter().rfind(|a| a.start < figure_start).unwrap_or(&anchors[0]).value,
        },
    }
}

/// Does a range opener stand right before the date (an article may follow it: "entre el 1 de
/// mayo de 2020, fecha en que se aprobó el régimen, y ...")? A date that is a claim itself (a
/// start) still bounds the span it opens, so it anchors the figures of that span.
fn opens_a_range(doc: &Doc, m: &Mention, lexicon: &Lexicon) -> bool {
    let before = lower_padded(doc.slice(m.start.saturating_sub(24).max(doc.sentences[m.sentence].0), m.start));
    let mut words = before.split_whitespace().rev();
    let last = words.next().unwrap_or("");
    let last = if crate::extract::ARTICLES.contains(&last) { words.next().unwrap_or("") } else { last };
    lexicon.range_open.contains(last)
}

/// Two anchors that open and close a span: "between March and April", "entre marzo y abril",
/// "from 2019 to 2024" (a `range_open` word before the first, a `range_join` or `change_to`
/// word between them), or "June 3 and 4" (a `range_join` word right after the first). A
/// weekday before the second ("entre el sábado 15 y el domingo 16 de marzo") is part of it.
fn between_pair<'a>(doc: &Doc, anchors: &[&'a Anchor], lexicon: &Lexicon, weekdays: &[String]) -> Option<(&'a Anchor, &'a Anchor)> {
    anchors.windows(2).find_map(|w| {
        let (a, b) = (w[0], w[1]);
        let gap = lower_padded(doc.slice(a.start, b.start));
        // "entre el 27 de marzo de 2022, fecha en que se aprobó el régimen, y el 28 de febrero":
        // an apposition set off by commas after the first anchor is no part of the join.
        let joining = match gap.split_once(',') {
            Some((_, rest)) if rest.contains(',') => rest.rsplit(',').next().unwrap_or(rest),
            _ => gap.as_str(),
        };
        let gap_words: Vec<&str> = joining.split_whitespace().filter(|g| !weekdays.iter().any(|d| d == g)).collect();
        let joined =
            gap_words.iter().rev().take(2).any(|g| lexicon.range_join.contains(*g) || lexicon.day_range_join.contains(*g) || lexicon.change_to.contains(*g));
        let before = lower_padded(doc.slice(a.start.saturating_sub(24).max(doc.sentences[a.sentence].0), a.start));
        let opened = before
            .split_whitespace()
            .rev()
            .filter(|p| !weekdays.iter().any(|d| d == p))
            .take(2)
            .any(|p| lexicon.range_open.contains(p) || lexicon.day_range_open.contains(p) || lexicon.change_from.contains(p));
        // "On June 3 and 4", "in 2021 and 2022": two anchors joined with nothing else between.
        let adjacent = gap_words.len() <= 3 && !gap.contains([',', ';']) && gap_words.last().is_some_and(|g| lexicon.range_join.contains(*g));
        ((joined && opened && gap_words.len() <= 6) || adjacent).then_some((a, b))
    })
}

/// "the Geneva Conventions of 1949", "la Ley de Amnistía de 1993": a year inside a
/// name anchors nothing. The year follows a joiner of the lexicon after a capitalised word;
/// where the lexicon lists `name_year_heads` (Spanish, whose "de" also dates a source: "datos
/// de Cristosal de 2024"), one of the five words before must be a capitalised head ("Ley").
pub(crate) fn is_name_year(doc: &Doc, m: &Mention, lexicon: &Lexicon) -> bool {
    // A sentence's first word is capitalised as such: "As of March 2025" names nothing.
    let from = doc.sentences.get(m.sentence).map_or(0, |s| s.0).max(m.start.saturating_sub(80));
    let opens_sentence = doc.sentences.get(m.sentence).is_some_and(|s| s.0 == from);
    let before: String = doc.chars[from..m.start].iter().collect();
    let words: Vec<&str> = before.split_whitespace().collect();
    if opens_sentence && words.len() <= 2 {
        return false;
    }
    let [.., name, joiner] = words.as_slice() else { return false };
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    if law_of_the_year(&words, lexicon) {
        return true;
    }
    if !(capitalised(name) && lexicon.name_year_joiners.contains(&joiner.to_lowercase())) {
        return false;
    }
    let heads = &lexicon.name_year_heads;
    heads.is_empty() || words.iter().rev().skip(1).take(5).any(|w| capitalised(w) && heads.contains(&w.to_lowercase()))
}

/// "una ley de 1798", "una ley de guerra de 1798": a noun of `law_year_heads`, in lower case
/// too, and a joiner before the year, with at most one joined word between ("ley de guerra
/// de"): the year dates the law, no figure of the article.
fn law_of_the_year(words: &[&str], lexicon: &Lexicon) -> bool {
    let joins = |w: &str| lexicon.name_year_joiners.contains(&w.to_lowercase());
    let head = |w: &str| lexicon.law_year_heads.contains(&w.to_lowercase());
    match words {
        [.., h, j] => head(h) && joins(j) || matches!(words, [.., h2, j2, _, j] if head(h2) && joins(j2) && joins(j)),
        _ => false,
    }
}

fn anchor_value(m: &Mention, lexicon: &Lexicon) -> Option<Period> {
    if let Some(range) = m.date_range {
        return Some(range);
    }
    if let Some(v) = &m.value {
        // "fiscal year 2024" (US): October 2023 to September 2024.
        let surface = m.surface.to_lowercase();
        if let (Some(start_month), Ok(year)) = (lexicon.fiscal_year_start_month, v.parse::<i32>()) {
            if lexicon.fiscal_year_prefixes.iter().any(|p| surface.starts_with(p.as_str())) && start_month > 1 {
                return Some(Period::between(Point::Month(year - 1, start_month), Point::Month(year, start_month - 1)));
            }
        }
        return Period::parse(v);
    }
    match (m.low, m.high) {
        (Some(l), Some(h)) => Period::parse(&format!("{}/{}", l as i64, h as i64)),
        _ => None,
    }
}

/// First and last day of an as_of value: `2024`, `2025-03`, `2025-03-27`, or `A/B`.
pub fn as_of_bounds(as_of: &str) -> Option<(NaiveDate, NaiveDate)> {
    Period::parse(as_of).map(|p| p.bounds())
}
