//! The final choice of a statement's measure: the word scores and the frames weighed against
//! the readings of its figure (texts, limits, place, partitives, frames), then the checks that
//! may still leave it empty (another figure's noun, a part, a whole, a projection).

use std::cmp::Ordering;

use crate::transform::frames;

use super::catalog::Measure;
use super::phrase_index::PhraseIndex;
use super::counts_things;
use super::dates::DATE_CLAIM_MARGIN;
use super::figure::Figure;
use super::frame_check::{framed_measure, FrameCheck};
use super::partitive::PartReading;
use super::places::PlaceReading;
use super::rules::{counts_only_the_whole, held_elsewhere, mixed_group_of_its_subject, place_of_another_figure, ruled_out, subject_of_other_figures, whole_of_a_part, Place};
use super::score::{score, Context, Score};
use super::start_dates::stated_start;
use super::texts::FigureTexts;
use super::units::rate_unit;
use super::vetoes::{Bar, Limits};

/// A measure chosen (or none) with the evidence for it or for none.
type Pick<'a> = (Option<&'a Measure>, Option<String>);

/// Everything read of a figure that its measure's choice weighs.
pub(super) struct Readings<'a> {
    pub(super) f: &'a Figure<'a>,
    pub(super) texts: &'a FigureTexts,
    pub(super) limits: &'a Limits<'a>,
    pub(super) places: &'a PlaceReading,
    pub(super) parts: &'a PartReading,
    pub(super) reading: &'a frames::Reading,
    /// The figure's unit a measure must fit.
    pub(super) unit: Option<&'a str>,
    pub(super) index: &'a PhraseIndex,
    /// The catalog's phrases around the figure, for the word scores.
    pub(super) cx: &'a Context<'a>,
    pub(super) one_event: bool,
    /// How far from the figure a measure's `unless` words stop it.
    pub(super) unless_level: frames::Level,
}

impl<'a> Readings<'a> {
    /// The measure of the statement and the evidence for it (or for none).
    pub(super) fn choose(&self) -> (Option<String>, Option<String>) {
        let (f, catalog, m) = (self.f, self.f.catalog, self.f.m());
        let (scored, best_stopped) = self.scored();
        // A count whose own words say what it counts: not a part (its own phrase holds its
        // whole's noun: "17.500 de los detenidos") nor an amount per unit ("alojan 80 cada una").
        let own_words_count_it = m.kind == "count" && self.parts.whole.is_none() && !self.limits.per_unit;
        let framed = self.framed();
        let date_verb_next_to_it = f.is_date()
            && framed.as_ref().is_some_and(|(_, choice)| {
                ends_with_words(&self.texts.left, &choice.quantity.2, 1) || verb_before_its_object(&self.texts.left, &choice.quantity.2, &choice.subject.2)
            });
        let stands_for_a_count = self.texts.counts_previous;
        let check = FrameCheck { catalog, framed, reading: self.reading, is_date: f.is_date(), date_verb_next_to_it, stands_for_a_count, own_words_count_it, index: self.index, language: f.language(), other_prison: f.story.other_prison };
        let (chosen, evidence) = check.decide(scored);
        let evidence = match (&chosen, evidence, best_stopped) {
            (None, None, Some((measure, _))) => {
                catalog.frames.quantity_within(&measure.unless, self.reading, self.unless_level).map(|word| format!("not {}: {word}", measure.id))
            }
            (_, evidence, _) => evidence,
        };
        let pick = self.not_owned_by_another((chosen, evidence));
        let pick = self.not_only_the_whole(pick);
        let pick = self.not_the_whole_of_a_part(pick);
        let (chosen, evidence) = self.not_projected(pick);
        let evidence = match (&chosen, &self.limits.one_part) {
            (None, Some(part)) if evidence.is_none() => Some(format!("a part: {part}")),
            _ => evidence,
        };
        // A date a start word of its subject governs is that start ("began on", "el inicio del régimen, el").
        match chosen {
            None if f.is_date() && self.places.date_place == Place::Here => {
                stated_start(f.doc, f.mentions, f.i, catalog, f.language()).map_or((None, evidence), |(measure, why)| (Some(measure.id.clone()), Some(why)))
            }
            chosen => (chosen, evidence),
        }
    }

    /// Why `measure` cannot be the figure's, if it cannot.
    fn bar(&self, measure: &Measure) -> Option<Bar> {
        let (f, catalog) = (self.f, self.f.catalog);
        if let Some(bar) = self.parts.bar(catalog, f.m(), self.reading, measure).or_else(|| self.limits.bar(catalog, measure)) {
            return Some(bar);
        }
        if self.texts.bare_reference && counts_things(catalog, measure) {
            Some(Bar::BareThings)
        } else if counts_things(catalog, measure) && self.own_words_name_people_not_things(measure) {
            Some(Bar::PeopleNotThings)
        } else if place_of_another_figure(f.doc, f.mentions, f.i, measure, self.reading, catalog, f.language()).is_some() {
            Some(Bar::PlaceOfAnotherFigure)
        } else if held_elsewhere(catalog, measure, self.places.besides_its_payer(f, self.texts, measure), self.reading) {
            Some(Bar::HeldElsewhere)
        } else if (measure.unit_named && self.unit != Some(measure.unit.as_str())) || self.unit_counts_another_quantity(measure) {
            Some(Bar::OtherUnit)
        } else if mixed_group_of_its_subject(f.doc, f.m(), &self.texts.own, measure, catalog, f.language()) {
            Some(Bar::MixedGroup)
        } else {
            None
        }
    }

    /// Do the figure's own words name a group of people and none of the things `measure`
    /// counts ("238 eran venezolanos", after a sentence on the planes that carried them)?
    fn own_words_name_people_not_things(&self, measure: &Measure) -> bool {
        let frames = &self.f.catalog.frames;
        let things_own = measure.frame.as_ref().is_some_and(|f| frames.quantity_level(f, self.reading) == Some(frames::Level::Own));
        !things_own && frames.another_group_within(&[], self.reading, frames::Level::Own)
    }

    /// Does the figure's own unit name a quantity of another frame than `measure`'s ("5.6
    /// homicides per 100,000" after a sentence on prisoners per 100,000)? A rate's unit is
    /// built by the extractor from its own nouns, so it is the figure's even when the catalog
    /// lists no such unit.
    fn unit_counts_another_quantity(&self, measure: &Measure) -> bool {
        let unit = self.unit.or_else(|| rate_unit(self.f));
        let (Some(frame), Some(unit)) = (&measure.frame, unit) else { return false };
        self.f.catalog.frames.unit_of_another_quantity(frame, unit).is_some()
    }

    /// Is `measure` excluded for the frames? An entry's `exclude` words next to the figure rule
    /// it out for the frames as for the word scores ("condenado a 20 años de prisión", "en un
    /// solo día"); a running total is no count of one event.
    fn excluded(&self, measure: &Measure) -> bool {
        let catalog = self.f.catalog;
        catalog.measures.iter().position(|x| std::ptr::eq(x, measure)).is_some_and(|k| self.cx.near.any(&self.index.exclude[k]))
            || (measure.cumulative && self.one_event)
    }

    /// Does a word of `measure`'s `unless` list stop it?
    fn stopped(&self, measure: &Measure) -> bool {
        self.f.catalog.frames.quantity_within(&measure.unless, self.reading, self.unless_level).is_some()
    }

    /// The frames' choice, unless barred, excluded or stopped.
    fn framed(&self) -> Option<(&'a Measure, frames::Choice)> {
        let f = self.f;
        framed_measure(f.catalog, self.reading, f.m(), self.unit, f.is_date(), self.limits.short_window, self.places.date_place)
            .filter(|(measure, _)| self.bar(measure).is_none() && !self.excluded(measure) && !self.stopped(measure))
    }

    /// The word scores' choice (the best measure over the threshold, no tie), and the
    /// best-scored measure a word of its `unless` list stopped over the threshold, for the
    /// evidence of an empty measure ("not venezuelans_deported_to_cecot: home").
    fn scored(&self) -> (Option<(&'a Measure, Score)>, Option<(&'a Measure, Score)>) {
        let (f, catalog) = (self.f, self.f.catalog);
        let is_date = f.is_date();
        let mut best: Option<(&Measure, Score)> = None;
        let mut tie = false;
        let mut best_stopped: Option<(&Measure, Score)> = None;
        for (k, measure) in catalog.measures.iter().enumerate() {
            if ruled_out(measure, is_date, self.limits.short_window, self.places.of(measure)) || self.bar(measure).is_some() {
                continue;
            }
            let Some(s) = score(measure, k, self.index, f.m(), self.unit, self.cx) else { continue };
            if self.stopped(measure) {
                if best_stopped.as_ref().is_none_or(|(_, b)| s.cmp(b, catalog.nearest_first) == Ordering::Greater) {
                    best_stopped = Some((measure, s));
                }
                continue;
            }
            match best.as_ref().map(|(_, b)| s.cmp(b, catalog.nearest_first)) {
                Some(Ordering::Less) => {}
                Some(Ordering::Equal) => tie = true,
                _ => {
                    best = Some((measure, s));
                    tie = false;
                }
            }
        }
        let threshold = catalog.min_score + if is_date { DATE_CLAIM_MARGIN } else { 0.0 };
        (best.filter(|(_, s)| s.total() >= threshold && !tie), best_stopped.filter(|(_, s)| s.total() >= threshold))
    }

    /// A noun the figure takes only from its neighbours' own words is theirs ("239 people: 197
    /// Venezuelans and 42 Salvadorans"); a group its own noun names is its own ("197
    /// Venezuelans detained in El Salvador" counts no arrests of the country's).
    fn not_owned_by_another(&self, (chosen, evidence): Pick<'a>) -> Pick<'a> {
        let (f, catalog) = (self.f, self.f.catalog);
        let owned_by = |c: &Measure| {
            let own_group = c.frame.as_ref().filter(|_| counts_a_group(f)).and_then(|frame| catalog.frames.owning_subject_besides(&frame.subject, self.reading));
            own_group.map(|w| format!("its own words name {w}")).or_else(|| {
                subject_of_other_figures(f.doc, f.mentions, f.i, c, self.reading, catalog, f.language()).map(|w| format!("{w} is another figure's noun"))
            })
        };
        match chosen.map(|c| (c, owned_by(c))) {
            Some((measure, Some(why))) => (None, Some(format!("not {}: {why}", measure.id))),
            _ => (chosen, evidence),
        }
    }

    /// A part of a whole counts no measure only the whole counts.
    fn not_only_the_whole(&self, (chosen, evidence): Pick<'a>) -> Pick<'a> {
        match (chosen, &self.parts.whole) {
            (Some(measure), Some(whole)) if counts_only_the_whole(self.f.catalog, measure, whole, &self.texts.near, self.f.language()) => {
                (None, Some(format!("not {}: a part of {}", measure.id, whole.trim())))
            }
            _ => (chosen, evidence),
        }
    }

    /// The whole of a part before it ("143 de los 205 venezolanos no tenían condenas") leaves
    /// the predicate to the part: it counts no part of its own.
    fn not_the_whole_of_a_part(&self, (chosen, evidence): Pick<'a>) -> Pick<'a> {
        let (f, catalog) = (self.f, self.f.catalog);
        match (chosen, whole_of_a_part(f.doc, f.mentions, f.i, &f.words(&catalog.partitive))) {
            (Some(measure), Some(part)) if measure.frame.as_ref().is_some_and(|frame| catalog.frames.counts_a_part(&frame.quantity)) => {
                (None, Some(format!("not {}: the whole of {}", measure.id, part.surface)))
            }
            (chosen, _) => (chosen, evidence),
        }
    }

    /// A projection states no fact: its measure stays empty, and the evidence says why.
    fn not_projected(&self, (chosen, evidence): Pick<'a>) -> (Option<String>, Option<String>) {
        let limits = self.limits;
        match (chosen, limits.projection) {
            (Some(measure), Some(word)) if !(measure.design || (measure.terms && limits.committed)) || limits.planned_change.is_some() => {
                (None, Some(format!("projection: {word}{}", limits.planned_change.as_ref().map_or(String::new(), |c| format!(" {c}")))))
            }
            (Some(measure), _) => (Some(measure.id.clone()), evidence),
            (None, _) => (None, evidence),
        }
    }
}

/// Do the words of `text` end with `phrase` (lower-case), at most `gap` words after it ("was
/// opened in" ends with "opened", one word after it)?
/// Does `text` end with `verb`, its object `object` (an article may stand between them) and at
/// most `OBJECT_GAP` words of a time phrase ("approved the measure in late", "decretó el
/// régimen a finales de")? The date after it is the verb's, as if it stood next to it.
fn verb_before_its_object(text: &str, verb: &str, object: &str) -> bool {
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    let object: Vec<&str> = object.split_whitespace().collect();
    (0..=OBJECT_GAP).any(|gap| {
        let Some(end) = words.len().checked_sub(gap) else { return false };
        let Some(start) = end.checked_sub(object.len()) else { return false };
        if words[start..end] != object[..] {
            return false;
        }
        let before = &words[..start];
        let before = match before.last() {
            Some(w) if ARTICLES.contains(&w.as_str()) => &before[..before.len() - 1],
            _ => before,
        };
        ends_with_words(&before.join(" "), verb, 0)
    })
}

/// Most words of a time phrase between a verb's object and the date it governs.
const OBJECT_GAP: usize = 3;

/// Articles that may stand between a verb and its object ("declared a state of emergency").
const ARTICLES: &[&str] = &["a", "an", "the", "its", "el", "la", "los", "las", "un", "una", "su"];

fn ends_with_words(text: &str, phrase: &str, gap: usize) -> bool {
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    let n = phrase.split_whitespace().count();
    (0..=gap).any(|g| words.len() >= n + g && words[words.len() - n - g..words.len() - g].join(" ") == phrase)
}

/// Can a group named among the figure's own words own it? A count of people is the group's
/// own ("1,234 Venezuelans"); a sum is not: a group after it is what the money pays for ("5,6
/// millones de dólares por los venezolanos").
fn counts_a_group(f: &Figure) -> bool {
    f.m().kind != "money"
}
