//! The reading of one statement, in order: its texts, what keeps it from any measure, its
//! limits, place, unit, frames and partitives, then the choice of its measure. A new reading
//! is one function of its own file and one call here.

use crate::extract::Mention;

use super::phrase_index::PhraseIndex;
use super::choice::Readings;
use super::figure::Figure;
use super::frame_reading::{frame_reading, frame_texts, unless_level};
use super::partitive::part_reading;
use super::places::place_reading;
use super::score::SentenceHits;
use super::texts::{figure_texts, previous_hits};
use super::units::{borrowed_unit_void, known_unit, rate_unit};
use super::vetoes::{limits, no_measure_at_all, one_event};

/// What the reading of a statement found.
pub(super) enum Outcome {
    /// No measure at all, for the reason given.
    Unmeasured(String),
    /// The measure chosen (or none), its evidence, and whether the unit it borrowed is void.
    Read { is_date: bool, measure: Option<String>, evidence: Option<String>, borrowed_unit_void: bool },
}

/// Read figure `f`'s statement. `own_unit[j]`: mention `j` had a unit of its own before it
/// borrowed any.
pub(super) fn read_statement(f: &Figure, index: &PhraseIndex, sentences: &mut SentenceHits, own_unit: &[bool]) -> Outcome {
    let sentence_hits = sentences.of(f.m().sentence);
    let previous_hits = previous_hits(f, sentences);
    let texts = figure_texts(f);
    let cx = texts.word_hits(index, &sentence_hits, &previous_hits);
    if let Some(reason) = no_measure_at_all(f, &texts) {
        return Outcome::Unmeasured(reason);
    }
    let limits = limits(f, &texts);
    let places = place_reading(f, &texts);
    let borrowed_unit_void = borrowed_unit_void(f, own_unit);
    let unit = known_unit(f, borrowed_unit_void);
    let frame_texts = frame_texts(f, &texts);
    let reading = frame_reading(f, &texts, &frame_texts, unit.filter(|_| own_unit[f.i]).or_else(|| rate_unit(f)));
    let parts = part_reading(f, &texts);
    let one_event = one_event(f, &texts, &frame_texts.own);
    let unless_level = unless_level(f, &texts);
    let readings =
        Readings { f, texts: &texts, limits: &limits, places: &places, parts: &parts, reading: &reading, unit, index, cx: &cx, one_event, unless_level };
    let (measure, evidence) = readings.choose();
    Outcome::Read { is_date: f.is_date(), measure, evidence, borrowed_unit_void }
}

impl Outcome {
    /// Write the outcome on the statement's mention: a date becomes a statement only when a
    /// measure was chosen for it.
    pub(super) fn write(self, m: &mut Mention) {
        match self {
            Outcome::Unmeasured(reason) => {
                m.measure = None;
                m.measure_evidence = Some(reason);
            }
            Outcome::Read { is_date: true, measure, evidence, .. } => {
                if measure.is_some() {
                    m.is_statement = true;
                    m.measure = measure;
                    m.measure_evidence = evidence;
                }
            }
            Outcome::Read { is_date: false, measure, evidence, borrowed_unit_void } => {
                if borrowed_unit_void {
                    m.unit = None;
                }
                m.measure = measure;
                m.measure_evidence = evidence;
            }
        }
    }
}
