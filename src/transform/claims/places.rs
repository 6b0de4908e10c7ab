//! The place reading: is a figure about El Salvador, or does its text name another place?

use super::catalog::{ByLanguage, Catalog, Measure};
use super::figure::Figure;
use super::has_phrase;
use super::rules::{about_another_place, no_places_of, Place};
use super::texts::FigureTexts;

/// Where a figure's text names another place than El Salvador, for its measures.
pub(super) struct PlaceReading {
    /// The figure's place (a date's is here: a date is read against framed measures only).
    pub(super) place: Place,
    /// The place of a date, for framed measures; the figure's place for other figures.
    pub(super) date_place: Place,
    /// The text of a figure (not a date) names no other place at all: leaving some words out
    /// of it cannot make it name one.
    names_no_other_place: bool,
}

/// The place reading of figure `f`.
pub(super) fn place_reading(f: &Figure, texts: &FigureTexts) -> PlaceReading {
    let another_place = || about_another_place(f.doc, f.mentions, f.i, &texts.clause, &texts.near, f.catalog, f.language(), &[]);
    let place = if f.is_date() { Place::Here } else { another_place() };
    let names_no_other_place = !f.is_date() && place == Place::Here;
    // A bare figure is the group's named before it: so is its place ("México deportó a
    // venezolanos. En total, fueron 270").
    let place =
        if texts.bare_reference && place == Place::Here && names_only_another_place(&texts.near, f.catalog, f.language()) { Place::Clause } else { place };
    // A date of another place ("En Honduras, donde rige desde 2022 un estado de excepción")
    // is no date of a framed measure of El Salvador's, for the frames and the word scores
    // alike (an unframed date, such as a break in relations between two other countries,
    // names its place in its own words).
    let date_place = if f.is_date() { another_place() } else { place };
    PlaceReading { place, date_place, names_no_other_place }
}

impl PlaceReading {
    /// The place `measure` is read against: a framed measure's is the date's.
    pub(super) fn of(&self, measure: &Measure) -> Place {
        if measure.frame.is_some() {
            self.date_place
        } else {
            self.place
        }
    }

    /// The place of a measure whose figure comes from a party named as a place (the United
    /// States paying El Salvador): that party's words name no other place of it. So are the
    /// places its own quantity names (a return "to Venezuela").
    pub(super) fn besides_its_payer(&self, f: &Figure, texts: &FigureTexts, measure: &Measure) -> Place {
        let besides = (!f.is_date()).then(|| no_places_of(f.catalog, measure, &texts.clause, f.language())).filter(|w| !w.is_empty());
        match besides {
            Some(_) if self.names_no_other_place => Place::Here,
            Some(besides) => about_another_place(f.doc, f.mentions, f.i, &texts.clause, &texts.near, f.catalog, f.language(), &besides),
            None => self.place,
        }
    }
}

/// Does `text` (lower-cased, padded) name a place of `elsewhere` and none of `here`?
fn names_only_another_place(text: &str, catalog: &Catalog, language: &str) -> bool {
    let named = |list: &ByLanguage| list.get(language).is_some_and(|places| places.iter().any(|w| has_phrase(text, w)));
    named(&catalog.elsewhere) && !named(&catalog.here)
}
