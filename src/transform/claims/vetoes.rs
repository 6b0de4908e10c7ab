//! What keeps a statement from a measure: no measured quantity or a rate (no measure at all),
//! and what keeps a framed measure's whole total from it (an average, a subgroup, one part, an
//! amount per unit, a change), with the projections, windows and tenses that limit the rest.

use crate::extract::Lexicon;
use crate::transform::own_phrase;

use super::catalog::{ByLanguage, Catalog, Measure};
use super::figure::Figure;
use super::rules::{counts_no_measured_quantity, noun_after, own_noun_phrase, projection_in_clause, rate_or_its_base};
use super::texts::FigureTexts;
use super::{has_phrase, is_past_tense, opens_with};

/// Why a statement states no measure at all, if so: its figure counts no measured quantity,
/// or it is a rate or the base of one. The reason is the statement's evidence.
pub(super) fn no_measure_at_all(f: &Figure, texts: &FigureTexts) -> Option<String> {
    let m = f.m();
    let own_noun = own_noun_phrase(m, &texts.left, &texts.right, f.catalog.governing_verb.contains(f.language()));
    counts_no_measured_quantity(f.doc, m, &own_noun, &texts.left, texts.clause_end, f.catalog, f.language())
        .or_else(|| rate_or_its_base(f.doc, f.mentions, f.i, f.catalog, f.language()))
        .or_else(|| asked_about(f))
        .or_else(|| imagined(f))
}

/// Is the figure's sentence a condition contrary to fact: its line opens with a word of
/// `condition` and that clause (up to its first comma) holds a verb of `subjunctive` ("If
/// every block were full, the prison would hold 1,234 men")? Its figures are imagined, even a
/// design figure, which a projection word alone does not refuse.
fn imagined(f: &Figure) -> Option<String> {
    let m = f.m();
    let (start, end) = f.doc.sentences[m.sentence];
    let sentence = f.doc.slice(start, end);
    let line = sentence.rsplit('\n').next().unwrap_or("").trim_start().to_lowercase();
    let condition = line.split(',').next().unwrap_or("");
    let condition = format!(" {} ", condition.replace(|c: char| !c.is_alphanumeric() && c != '\'', " "));
    let opener = f.catalog.condition.get(f.language())?.iter().find(|w| condition.trim_start().starts_with(&format!("{w} ")))?;
    let verb = f.catalog.subjunctive.get(f.language())?.iter().find(|w| has_phrase(&condition, w))?;
    Some(format!("imagined: {opener} ... {verb}"))
}

/// Is the figure asked about in a yes-no question ("Does the prison hold 1,234 men?"): its line
/// opens with an auxiliary of `polar_question` and the figure's sentence ends on a question
/// mark? A question states no figure.
fn asked_about(f: &Figure) -> Option<String> {
    let m = f.m();
    let (start, end) = f.doc.sentences[m.sentence];
    let head = f.doc.slice(start, m.start);
    let line = head.rsplit('\n').next().unwrap_or("").trim_start().to_lowercase();
    let first = line.split_whitespace().next()?;
    let auxiliaries = f.catalog.polar_question.get(f.language())?;
    if !auxiliaries.iter().any(|w| w == first) {
        return None;
    }
    let tail = f.doc.slice(m.end, end);
    let ends_asking = tail.chars().find(|c| matches!(c, '.' | '!' | '?' | '\n')) == Some('?');
    ends_asking.then(|| format!("asked about: {first} ... ?"))
}

/// Why a measure cannot be the figure's: which reading bars it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Bar {
    /// The figure counts a part of the group its partitive names ("79 of them").
    PartOfItsGroup,
    /// A percent of a group of people is a share of it, no framed figure.
    ShareOfPeople,
    /// After a sentence's opening partitive ("Of them, 68"): no whole total.
    AfterPartitive,
    /// A percent after a change word is a change, and the measure counts none.
    PercentChange,
    /// A count of things counts no persons.
    ThingsNotPersons,
    /// A bare figure that refers back counts the group before, no things.
    BareThings,
    /// A figure whose own words name a group of people ("238 eran venezolanos") counts them,
    /// no things, unless its own words name the things too.
    PeopleNotThings,
    /// An average: no whole total.
    Average,
    /// A subgroup: no whole total.
    Subgroup,
    /// One part of the whole (one raid, one batch): no whole total.
    OnePart,
    /// An amount per unit, for a measure that counts no amount per unit.
    PerUnit,
    /// Another figure of the sentence names another place for it.
    PlaceOfAnotherFigure,
    /// The measure's group is held elsewhere than its place.
    HeldElsewhere,
    /// The measure names its unit and the figure's unit is another.
    OtherUnit,
    /// The measure's group is most of the figure's, not all of it ("most of them Venezuelans").
    MixedGroup,
    /// A multiple ("three times that") is no rate per head of a population.
    Multiple,
}

/// The limits a figure's words set on what it may state.
pub(super) struct Limits<'a> {
    /// The word that makes the figure a projection, if any.
    pub(super) projection: Option<&'a str>,
    /// The word of a planned change of a design figure, with a projection.
    pub(super) planned_change: Option<String>,
    /// A deal's commitment before the figure.
    pub(super) committed: bool,
    /// The figure counts over a short window or a period named in words: no running total.
    pub(super) short_window: bool,
    pub(super) average: bool,
    /// An amount a verb of paying gives per period of a deal's terms ("pays 1,234 dollars a
    /// year"): the terms of the deal, no average, for a measure of its terms.
    pub(super) paid_per_term: bool,
    pub(super) of_a_subgroup: bool,
    pub(super) per_unit: bool,
    /// The things a count counts (flights, prisons), when its noun names them.
    pub(super) things: Option<String>,
    /// The word that makes the figure one part of a whole (a raid, a batch), if any.
    pub(super) one_part: Option<String>,
    pub(super) percent_changed: bool,
    /// The figure is a multiple ("three times", "twice", "tenfold"), no level of its own.
    pub(super) multiple: bool,
}

/// The limits of figure `f`.
pub(super) fn limits<'a>(f: &Figure<'a>, texts: &FigureTexts) -> Limits<'a> {
    let (doc, mentions, i, catalog, m) = (f.doc, f.mentions, f.i, f.catalog, f.m());
    let is_date = f.is_date();
    let words = |list: &ByLanguage| f.words(list);
    let projection = if is_date { None } else { projection_in_clause(doc, m, texts.clause_start, &texts.right, catalog, f.language()) };
    // A plan to change a design figure ("planea ampliar su capacidad hasta 55.000") states
    // no design: the projection holds for `design` measures too.
    let planned_change = projection.and(words(&catalog.change).into_iter().find(|w| has_phrase(&texts.clause_left, w)));
    // A deal's commitment ("will pay El Salvador $6 million") states its terms.
    let committed = words(&catalog.commitment).iter().any(|w| has_phrase(&texts.clause_left, w));
    let short_window = !is_date && own_phrase::over_short_window(mentions, doc, i, &words(&catalog.window), &words(&catalog.since));
    // A term ("to hold them for a year") is no amount per period: its words are no average's.
    let rate_text = words(&catalog.term).iter().fold(texts.near.clone(), |text, w| text.replace(w.as_str(), " "));
    let average = matches!(m.kind, "count" | "money") && words(&catalog.average).iter().any(|w| has_phrase(&rate_text, w));
    let paid_per_term = average && paid_per_term_period(f, texts, &rate_text);
    let of_a_subgroup = m.kind == "count" && words(&catalog.subgroup).iter().any(|w| has_phrase(&texts.own, w));
    // An amount per unit names its unit in its own words ("80 cada una", "$135,000 each") or
    // opens its sentence with it ("Cada una de las 257 celdas tiene capacidad para 80 reos").
    let per_unit =
        matches!(m.kind, "count" | "money") && words(&catalog.distributive).iter().any(|w| names_distributive(&texts.own, w) || opens_with(&texts.sentence, w));
    // A count of things (flights, prisons) counts no persons; one night's flights are the
    // operation itself, not a part of it ("three flights landed overnight").
    let things = catalog.frames.things_counted(f.language(), &noun_after(m, &texts.right)).filter(|_| m.kind == "count");
    // A period named in words sets the scene too ("Over the past year, 4,600 were arrested"):
    // a count of that period is no running total, unless its clause names a start.
    let named_window = !is_date
        && !words(&catalog.since).iter().any(|w| has_phrase(&texts.lead, w))
        && words(&catalog.named_window).iter().any(|w| has_phrase(&texts.lead, w));
    // A total counted from its start ("con este vuelo, los enviados desde marzo suman 256")
    // is the whole, whatever part its scene names.
    // "desde Estados Unidos" names where a journey starts, not when a count starts.
    let from_a_start =
        words(&catalog.since).iter().any(|w| has_phrase(&texts.lead, w) && has_phrase(&without_places_after(&texts.lead, w, catalog, f.language()), w));
    let one_part = if matches!(m.kind, "count" | "percent") && things.is_none() && !from_a_start {
        words(&catalog.one_part).into_iter().find(|w| has_phrase(&texts.lead, w))
    } else {
        None
    };
    // A percent after a change word ("rose 270 percent") is a change, no level.
    let percent_changed = m.kind == "percent" && words(&catalog.percent_change).iter().any(|w| texts.clause_left.ends_with(&format!(" {w} ")));
    let multiple = is_multiple(f);
    Limits {
        multiple,
        projection,
        planned_change,
        committed,
        short_window: short_window || named_window,
        average,
        paid_per_term,
        of_a_subgroup,
        per_unit,
        things,
        one_part,
        percent_changed,
    }
}

impl Limits<'_> {
    /// What of the limits bars `measure`, if anything. Framed measures count a whole group's
    /// total: not an average, a subgroup, one part of the whole (one raid, one batch, one cell
    /// block) or, unless the measure counts per unit (a cell's occupants), an amount per unit.
    pub(super) fn bar(&self, catalog: &Catalog, measure: &Measure) -> Option<Bar> {
        let framed = measure.frame.as_ref();
        if self.percent_changed && framed.is_some_and(|f| !catalog.frames.counts_a_change(&f.quantity)) {
            return Some(Bar::PercentChange);
        }
        if self.multiple && framed.is_some_and(|f| catalog.frames.counts_per_population(&f.quantity)) {
            return Some(Bar::Multiple);
        }
        if self.things.is_some() && measure.unit == "persons" {
            return Some(Bar::ThingsNotPersons);
        }
        if framed.is_none() {
            return None;
        }
        if self.average && !(measure.terms && self.paid_per_term) {
            Some(Bar::Average)
        } else if self.of_a_subgroup {
            Some(Bar::Subgroup)
        } else if self.one_part.is_some() {
            Some(Bar::OnePart)
        } else if self.per_unit && !measure.per_unit {
            Some(Bar::PerUnit)
        } else {
            None
        }
    }
}

/// Is the figure a multiple: a ratio whose surface ends in a word of `times_words` ("three
/// times"), a multiplier ("twice", "tripled") or a word with a fold suffix ("tenfold")?
fn is_multiple(f: &Figure) -> bool {
    let m = f.m();
    let Some(last) = m.surface.split_whitespace().last().map(str::to_lowercase) else { return false };
    let lexicon = f.lexicon;
    m.kind == "ratio"
        && (lexicon.times_words.contains(last.as_str())
            || lexicon.multipliers.contains_key(&last)
            || lexicon.fold_suffixes.iter().any(|s| last.len() > s.len() && last.ends_with(s.as_str())))
}

/// Is a sum paid per period of a deal's terms: a word of `term_periods` among the words near it
/// (`rate_text`) and a verb of paying before it in its clause ("the US pays El Salvador 1,234
/// dollars a year"; not "the agreement budgets 1,234 dollars a year")?
fn paid_per_term_period(f: &Figure, texts: &FigureTexts, rate_text: &str) -> bool {
    f.m().kind == "money"
        && f.words(&f.catalog.term_periods).iter().any(|w| has_phrase(rate_text, w))
        && f.catalog.frames.quantities_named(f.language(), &texts.clause_left).contains(&"paid")
}

/// Does `text` (lower-cased, padded) name the distributive `phrase`, maybe with one word
/// qualifying its noun ("per federal prisoner", "per adult inmate")?
fn names_distributive(text: &str, phrase: &str) -> bool {
    if has_phrase(text, phrase) {
        return true;
    }
    let Some((first, noun)) = phrase.split_once(' ') else { return false };
    let words: Vec<&str> = text.split_whitespace().collect();
    let noun: Vec<&str> = noun.split_whitespace().collect();
    words.windows(noun.len() + 2).any(|w| w[0] == first && w[2..] == noun[..])
}

/// Does the figure count one event: a running total is stated as one, in the present or
/// present perfect ("han capturado", "suman") or from its start ("desde 2022 capturaron"); a
/// verb in the simple past without a start counts one event ("la Policía capturó a 275
/// pandilleros en Soyapango"). `own_frame` is the figure's own words as the frames read them.
pub(super) fn one_event(f: &Figure, texts: &FigureTexts, own_frame: &str) -> bool {
    !f.words(&f.catalog.since).iter().any(|w| has_phrase(&texts.sentence, w))
        && !over_a_running_span(f, texts)
        && in_simple_past(&own_frame[..own_frame.find(&f.m().surface.to_lowercase()).unwrap_or(0)], &texts.clause_left, f.lexicon)
}

/// Does the figure's sentence set it over the whole running span of what it counts with a word
/// of `running_spans` ("la Policía capturó a 1.234 pandilleros bajo el régimen"; "en cinco
/// meses de régimen")? A simple past then sums that span, as a start would.
fn over_a_running_span(f: &Figure, texts: &FigureTexts) -> bool {
    f.words(&f.catalog.running_spans).iter().any(|w| has_phrase(&texts.sentence, w))
}

/// Does a figure's verb stand in the simple past: a past form among its own words that its
/// clause does not put in the present perfect, with an auxiliary a few words before it ("police
/// arrested", "capturó"; not "have arrested", "han capturado")?
fn in_simple_past(own_words: &str, clause_left: &str, lexicon: &Lexicon) -> bool {
    let clause: Vec<&str> = clause_left.split_whitespace().collect();
    let perfect = |verb: &str| {
        clause
            .iter()
            .rposition(|w| *w == verb)
            .is_some_and(|k| clause[k.saturating_sub(PERFECT_REACH)..k].iter().any(|w| lexicon.present_perfect_auxiliaries.iter().any(|a| a == w)))
    };
    own_words.split_whitespace().any(|w| is_past_tense(w, lexicon) && !perfect(w))
}

/// Most words from a present-perfect auxiliary to the past form it makes present ("have now
/// been released").
const PERFECT_REACH: usize = 3;

/// `text` (lower-cased, padded) without the phrases where `word` is followed by a place name
/// (`here` or `elsewhere`: "desde Estados Unidos"), so that the word is read only as a start in
/// time ("desde marzo").
fn without_places_after(text: &str, word: &str, catalog: &Catalog, language: &str) -> String {
    let places = catalog.here.get(language).into_iter().flatten().chain(catalog.elsewhere.get(language).into_iter().flatten());
    let mut kept = text.to_string();
    for place in places {
        for article in ["", "el ", "la ", "los ", "the "] {
            kept = kept.replace(&format!(" {word} {article}{place} "), " | ");
        }
    }
    kept
}
