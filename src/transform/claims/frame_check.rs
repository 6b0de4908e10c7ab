//! The frames' reading of a statement (schemas/frames.toml) against the word scores': the framed
//! measure the frames choose, and whether the scores' choice stands, gives way or is refused.

use super::catalog::{Catalog, Measure};
use super::phrase_index::PhraseIndex;
use super::rules::{ruled_out, Place};
use super::score::Score;
use crate::extract::Mention;
use crate::transform::frames::{self, FrameRef};

/// A measure chosen (or none) with the evidence for it or for none.
type Pick<'c> = (Option<&'c Measure>, Option<String>);

/// What the frames read around one statement, against which the word scores' choice is checked.
pub(super) struct FrameCheck<'c, 'r> {
    pub(super) catalog: &'c Catalog,
    /// The frames' own choice, if any.
    pub(super) framed: Option<(&'c Measure, frames::Choice)>,
    pub(super) reading: &'r frames::Reading,
    pub(super) is_date: bool,
    /// The figure is a date and the quantity the frames chose for it is the verb right before
    /// it, a preposition at most between ("was opened in May 2021").
    pub(super) date_verb_next_to_it: bool,
    /// The figure stands for a count named before it ("a figure of 1,234"): the quantity of
    /// that count, read among its near words, is its own.
    pub(super) stands_for_a_count: bool,
    /// The figure's own words say what it counts (no part, no amount per unit).
    pub(super) own_words_count_it: bool,
    pub(super) index: &'r PhraseIndex,
    pub(super) language: &'r str,
    /// The article names another prison than its subject (see `Story::other_prison`).
    pub(super) other_prison: bool,
}

impl<'c> FrameCheck<'c, '_> {
    /// The measure of a statement from its two readings: the catalog's word scores and the
    /// frames. A framed measure the scores choose stands only when its frame is read around the
    /// figure too (its quantity and its subject); when the scores choose none or their choice
    /// fails its frame, the frames' own choice stands if the figure's own phrase names its
    /// quantity.
    pub(super) fn decide(self, scored: Option<(&'c Measure, Score)>) -> Pick<'c> {
        if self.catalog.frame_check {
            return self.checked_against_its_frame(scored);
        }
        let reach = own_reach(self.date_verb_next_to_it || self.stands_for_a_count, self.fill_reach());
        match scored {
            Some((measure, score)) if !score.in_own_words() && self.frameless_gives_way(measure, reach) => {
                let refusal = format!("not {}: no frame, and its own words name another", measure.id);
                own_frame_instead(self.framed, reach, refusal)
            }
            Some(scored) => self.scored_unless_refused(scored, reach),
            None if self.fills() => {
                let reach = self.subject_in_its_sentence(reach);
                // A date's quantity is the verb right before it, read by the date rules; a
                // figure whose own words name a quantity counts that one ("pero alberga a
                // 1.234 reos", after a capacity).
                let reach = if self.is_date || self.catalog.frames.own_quantity_besides_the_counted(self.reading) { reach } else { quantity_near_it(reach) };
                own_frame(self.framed, reach)
            }
            None => (None, None),
        }
    }

    /// Does a measure the word scores chose without a frame, none of its words among the
    /// figure's own, give way to the frames' own choice? A figure whose own noun or verb names
    /// a framed quantity, its subject within reach ("the pavilion holds 1,234 of CECOT's
    /// inmates"), counts that quantity: words of an entry with no frame read only around the
    /// figure say less of what it counts than its own words do.
    fn frameless_gives_way(&self, measure: &Measure, reach: OwnReach) -> bool {
        measure.frame.is_none()
            && self.fills()
            && self.framed.as_ref().is_some_and(|(_, choice)| choice.quantity.0 == frames::Level::Own && within_reach(choice, reach))
    }

    /// The reach of the frames' own choice where the scores chose nothing: where the fill reads
    /// a subject only near the figure (`frame_fill_near`), a figure whose own noun or verb names
    /// its quantity may take its subject from its sentence ("de los 300 liberados, 212
    /// llegaron a El Salvador ..., bajo la Ley de Enemigos Extranjeros"). Not a quantity its
    /// unit alone names (any sum in dollars is no payment), nor a length of time, whose words
    /// open a clause about anyone ("Después de 29 meses, fue liberado"), nor a date, whose
    /// quantity is its verb, read by the date rules.
    fn subject_in_its_sentence(&self, reach: OwnReach) -> OwnReach {
        match &self.framed {
            Some((_, choice)) if self.fills_near() && !self.is_date && choice.quantity.0 == frames::Level::Own
                    && !choice.by_its_unit
                    && !self.catalog.frames.is_a_length_of_time(&choice.quantity.1) =>
            {
                OwnReach { subject: reach.subject.max(frames::Level::Sentence), ..reach }
            }
            _ => reach,
        }
    }

    /// Do the frames fill an empty measure in the statement's language (`frame_fill`)?
    fn fills(&self) -> bool {
        self.catalog.frame_fill.iter().any(|l| l == self.language)
    }

    /// Does the fill read the subject only near the figure in the statement's language
    /// (`frame_fill_near`)?
    fn fills_near(&self) -> bool {
        self.catalog.frame_fill_near.iter().any(|l| l == self.language)
    }

    /// How far from the figure the frames' own choice may find its subject when it fills an
    /// empty measure (the language's `frame_fill_near`: near, else the clause).
    fn fill_reach(&self) -> frames::Level {
        let (catalog, reading) = (self.catalog, self.reading);
        let reach = if self.fills_near() { frames::Level::Near } else { frames::Level::Clause };
        // A count of the things that carry a group (flights) has the group they carry as a
        // figure of its own in its clause ("los tres vuelos han llevado a 274 personas al
        // CECOT"), unless that clause names another group ("con 144 salvadoreños deportados").
        // Things that carry a group sent somewhere (`at` in their frame) may have it as the
        // subject their sentence is about ("The men arrived on three flights", after a sentence
        // naming them), as far as no other group is named there; things of a place (pavilions)
        // stay in their clause.
        let carries_within = |level: frames::Level| {
            self.framed.as_ref().is_some_and(|(measure, _)| {
                let sent = level <= frames::Level::Clause || measure.frame.as_ref().is_some_and(|f| !f.at.is_empty());
                super::counts_things(catalog, measure)
                    && sent
                    && measure.frame.as_ref().is_some_and(|f| !catalog.frames.another_group_within(&f.subject, reading, level))
            })
        };
        [frames::Level::Sentence, frames::Level::Clause].into_iter().find(|&level| carries_within(level)).unwrap_or(reach)
    }

    /// The scores' choice where the frames veto and fill (no `frame_check`): it stands unless
    /// the frames refuse it, and a refused measure leaves the figure to the frames' own choice.
    fn scored_unless_refused(self, (measure, score): (&'c Measure, Score), reach: OwnReach) -> Pick<'c> {
        let fills = self.fills();
        let fills_near = self.fills_near();
        let (catalog, reading, framed, other_prison) = (self.catalog, self.reading, self.framed, self.other_prison);
        // A figure whose own words name the subject of another framed measure of the same
        // quantity is not this measure's.
        match own_subject_of_another_frame(catalog, measure, reading) {
            // The frames' own choice may take its place, as after a refusal below ("CECOT,
            // built for 47,500": not the prison system's capacity, CECOT's).
            Some(word) => {
                let refusal = format!("not {}: {word} is named nearer", measure.id);
                // Where the frames' choice counts the same quantity, only its subject differs: the
                // quantity the scores read near the figure serves it too ("the 1,234 figure is the
                // prison's capacity").
                let same_quantity = framed.as_ref().is_some_and(|(other, _)| shares_a_quantity(measure, other));
                let reach = if same_quantity { quantity_near_it(reach) } else { reach };
                own_frame_instead(framed.filter(|(other, _)| other.id != measure.id && fills), reach, refusal)
            }
            // A date claim is checked by its own rule already (a cue next to it, its subject in
            // its sentence); a date often names its event without a verb ("the state of
            // emergency in March 2022").
            None => match measure.frame.as_ref().filter(|_| !self.is_date && catalog.frame_veto.iter().any(|l| l == self.language)) {
                // A refused measure leaves the figure to the frames' own choice, as if the
                // scores had chosen none.
                Some(frame) if catalog.frames.fit(frame, reading, self.is_date, true).is_none() => {
                    let refusal = format!("not {}: {}", measure.id, catalog.frames.missing(frame, reading));
                    let reach = subject_of_the_same_quantity(measure, &framed, reach, other_prison);
                    own_frame_instead(framed.filter(|_| fills), reach, refusal)
                }
                // Where the fill reads a subject only near the figure (`frame_fill_near`), the
                // scores' choice gives way only to a nearer subject's measure that stands in its
                // place: there a subject the article names elsewhere is the scores' usual reading.
                Some(frame)
                    if subject_only_elsewhere_in_the_article(catalog, measure, frame, &framed, reading)
                        && (!fills_near || framed.as_ref().is_some_and(|(_, choice)| fills && within_reach(choice, subject_of_the_same_quantity(measure, &framed, reach, other_prison)))) =>
                {
                    let refusal = format!("not {}: its subject only elsewhere in the article", measure.id);
                    // Where the fill reads a subject only near the figure, the nearer subject
                    // of the same quantity may stand in the sentence before.
                    let reach = if fills_near { subject_of_the_same_quantity(measure, &framed, reach, other_prison) } else { reach };
                    own_frame_instead(framed.filter(|_| fills), reach, refusal)
                }
                Some(frame) if catalog.own_quantity_first.iter().any(|l| l == self.language) && own_quantity_outranks(catalog, frame, &framed, reading) => {
                    own_frame(framed, reach)
                }
                // A count whose own words count another quantity, the measure's read only
                // beyond its clause ("capturado a 78.000 personas, de las cuales 6.900
                // han sido liberadas": 78.000 counts no releases).
                Some(frame)
                    if self.own_words_count_it
                        && catalog.frames.quantity_level(frame, reading).is_none_or(|l| l > frames::Level::Near)
                        && catalog.frames.other_own_quantity(&frame.quantity, reading).is_some() =>
                {
                    let other = catalog.frames.other_own_quantity(&frame.quantity, reading).unwrap_or_default();
                    let refusal = format!("not {}: its own words count {other}", measure.id);
                    let reach = predicate_near_it(reach_of_the_same_subject(frame, &framed, reach));
                    own_frame_instead(framed.filter(|(o, _)| o.id != measure.id), reach, refusal)
                }
                _ => (Some(measure), Some(score.describe(self.index))),
            },
        }
    }

    /// The scores' choice where each framed choice is checked against its frame
    /// (`frame_check`): it stands when its frame fits and no quantity of another frame is
    /// nearer; when the scores choose none, the frames' own choice stands.
    fn checked_against_its_frame(self, scored: Option<(&'c Measure, Score)>) -> Pick<'c> {
        let (catalog, reading) = (self.catalog, self.reading);
        let mut refused = None;
        let had_score = scored.is_some();
        if let Some((measure, score)) = scored {
            match &measure.frame {
                None => return (Some(measure), Some(score.describe(self.index))),
                Some(frame) => match catalog.frames.fit(frame, reading, self.is_date, true) {
                    // A quantity of another frame nearer the figure outranks it.
                    Some(choice) => match &self.framed {
                        Some((other, nearer)) if other.id != measure.id && nearer.quantity.0 < choice.quantity.0 => {
                            if nearer.quantity.0 == frames::Level::Own {
                                return (Some(*other), Some(nearer.evidence()));
                            }
                            refused = Some(format!("not {}: {} is nearer ({})", measure.id, nearer.quantity.2, nearer.quantity.0.name()));
                        }
                        _ => return (Some(measure), Some(choice.evidence())),
                    },
                    None => refused = Some(format!("not {}: {}", measure.id, catalog.frames.missing(frame, reading))),
                },
            }
        }
        match self.framed.filter(|_| !had_score).map(|f| own_frame(Some(f), own_reach(self.date_verb_next_to_it || self.stands_for_a_count, frames::Level::Clause))) {
            Some((Some(measure), evidence)) => (Some(measure), evidence),
            _ => (None, refused),
        }
    }
}

/// The frames' own choice (see [`own_frame`]) in place of a measure the frames refused, its
/// evidence followed by the `refusal`; else none, with the refusal.
fn own_frame_instead(framed: Option<(&Measure, frames::Choice)>, reach: OwnReach, refusal: String) -> Pick<'_> {
    match own_frame(framed, reach) {
        (Some(other), Some(evidence)) => (Some(other), Some(format!("{evidence} ; {refusal}"))),
        _ => (None, Some(refusal)),
    }
}

/// Does the frames' own choice (see [`own_frame`]) count another quantity than `frame`, named in
/// the figure's own phrase, while `frame`'s quantity is not named there? The figure's own noun
/// and verb say what it counts before any word of its clause does.
fn own_quantity_outranks(catalog: &Catalog, frame: &FrameRef, framed: &Option<(&Measure, frames::Choice)>, reading: &frames::Reading) -> bool {
    let Some((other, choice)) = framed else { return false };
    let other_quantities = other.frame.as_ref().map_or(&[][..], |f| f.quantity.as_slice());
    let scored_level = catalog.frames.quantity_level(frame, reading);
    choice.quantity.0 == frames::Level::Own
        && choice.subject.0 <= frames::Level::Clause
        && !other_quantities.iter().any(|q| frame.quantity.contains(q))
        && scored_level.is_none_or(|l| l > frames::Level::Own)
}

/// Is the frames' own choice within `reach` (see [`own_frame`])?
fn within_reach(choice: &frames::Choice, reach: OwnReach) -> bool {
    (choice.quantity.0 <= reach.quantity || choice.by_its_unit) && (choice.subject.0 <= reach.subject || choice.story_place)
}

/// Is `measure`'s subject named only elsewhere in the article, while the frames' own choice
/// counts the same quantity of a subject named in or before the figure's sentence? The nearest
/// subject wins ("The men arrived on three flights", after a sentence on Venezuelans sent to
/// CECOT: their flights, though the article names Salvadorans deported in another paragraph),
/// when it is as narrow.
fn subject_only_elsewhere_in_the_article(catalog: &Catalog, measure: &Measure, frame: &FrameRef, framed: &Option<(&Measure, frames::Choice)>, reading: &frames::Reading) -> bool {
    let Some((other, choice)) = framed else { return false };
    let own_level = catalog.frames.subject_read(&frame.subject, reading).map(|(level, _)| level);
    // A broader subject read nearer does not outrank a narrower one the article is about (the
    // country's inmates before CECOT's capacity).
    let as_narrow = catalog.frames.rank(choice) >= catalog.frames.top_rank(&frame.subject);
    other.id != measure.id && shares_a_quantity(measure, other) && own_level == Some(frames::Level::Article) && choice.subject.0 < frames::Level::Article && as_narrow
}

/// The reach of the frames' own choice in place of a scored measure refused for its subject: a
/// measure of the same quantity may take its subject from the sentence before ("Visitamos el
/// CECOT en junio. Según el director, había entonces 1.234 internos": the prison's inmates, not
/// the country's). Not where the article names another prison (`other_prison`): the sentence
/// before may then name either ("enviados al CECOT y a Mariona. Esa cárcel tiene ...").
fn subject_of_the_same_quantity(refused: &Measure, framed: &Option<(&Measure, frames::Choice)>, reach: OwnReach, other_prison: bool) -> OwnReach {
    match framed {
        Some((other, _)) if !other_prison && shares_a_quantity(refused, other) => OwnReach { subject: reach.subject.max(frames::Level::Previous), ..reach },
        _ => reach,
    }
}

/// Do two framed measures count a quantity in common (capacity: CECOT's and the system's)?
fn shares_a_quantity(a: &Measure, b: &Measure) -> bool {
    match (&a.frame, &b.frame) {
        (Some(a), Some(b)) => a.quantity.iter().any(|q| b.quantity.contains(q)),
        _ => false,
    }
}

/// The reach of the frames' own choice in place of a scored measure whose quantity the figure's
/// own words refuse: when both frames are of the subject the frames read, the scores found the
/// figure's subject already, and its own words only say which of that subject's quantities it
/// counts ("bajo el régimen ... Las autoridades han detenido a 1.234 personas, de las cuales 56
/// han sido liberadas": 1.234 counts the arrests, not the releases, of the regime named
/// before). Its subject is then read as far as the frames read it (the sentence before).
fn reach_of_the_same_subject(refused: &FrameRef, framed: &Option<(&Measure, frames::Choice)>, reach: OwnReach) -> OwnReach {
    match framed {
        Some((_, choice)) if refused.subject.contains(&choice.subject.1) => OwnReach { subject: reach.subject.max(frames::Level::Previous), ..reach },
        _ => reach,
    }
}

/// The reach of the frames' own choice in place of a measure whose quantity the figure's own
/// words refuse: its own words name who is counted ("1.234 personas detenidas"), and the
/// predicate near it what is said of them ("carecían de vínculos"), so its quantity may be read
/// among the words near it.
fn predicate_near_it(reach: OwnReach) -> OwnReach {
    OwnReach { quantity: reach.quantity.max(frames::Level::Near), ..reach }
}

/// How far the frames' own choice may find a figure's quantity and its subject.
#[derive(Clone, Copy)]
struct OwnReach {
    quantity: frames::Level,
    subject: frames::Level,
}

/// The reach of the frames' own choice, its subject as far as `subject`: a figure's quantity
/// is named in its own phrase; a date's is the verb next to it, which its own phrase (the date
/// alone) does not hold ("the prison was opened in May 2021"), and which is read among the
/// words near it (`quantity_near`), as is that of a count a figure stands for.
fn own_reach(quantity_near: bool, subject: frames::Level) -> OwnReach {
    let quantity = if quantity_near { frames::Level::Near } else { frames::Level::Own };
    OwnReach { quantity, subject }
}

/// A reach whose quantity may be named near the figure, in its clause up to the neighbouring
/// figures ("a group of 252: the 1,234 from the March flights and 18 who came later" counts
/// the men flown), not only in its own phrase; a quantity beyond them tells of another figure.
/// For the frames' own choice where no word score chose a measure (not for a date, see
/// `decide`), and where it takes the place of a refused measure of the same quantity.
fn quantity_near_it(reach: OwnReach) -> OwnReach {
    OwnReach { quantity: reach.quantity.max(frames::Level::Near), ..reach }
}

/// The frames' own choice when the figure's own words name its quantity and its clause (as
/// far as `reach`) its subject ("17,000 inmates in the mega-prison"), with the words that
/// decided it.
fn own_frame(framed: Option<(&Measure, frames::Choice)>, reach: OwnReach) -> (Option<&Measure>, Option<String>) {
    match framed.filter(|(_, choice)| within_reach(choice, reach)) {
        Some((measure, choice)) => (Some(measure), Some(choice.evidence())),
        None => (None, None),
    }
}

/// The word of the figure's own phrase that names the subject of another framed measure of the
/// same quantity, as narrow as the measure's own (as high a rank), when none of the measure's
/// own subjects is named there: "envió a 240 venezolanos y 20 salvadoreños a la megacárcel":
/// 20 counts Salvadorans sent, not Venezuelans (the megacárcel is where they went, a broader
/// subject).
fn own_subject_of_another_frame(catalog: &Catalog, measure: &Measure, reading: &frames::Reading) -> Option<String> {
    let frame = measure.frame.as_ref()?;
    let own = catalog.frames.subject_read(&frame.subject, reading);
    let own_level = own.as_ref().map(|(level, _)| *level);
    // A word of the measure's subject inside the other's longer name names the other ("one of
    // the largest prisons": a prison, not the prisons of the system).
    let holds_its_word = |level: frames::Level, word: &str| {
        own.as_ref().is_some_and(|(l, w)| *l == level && word != w && crate::transform::claims::has_phrase(&format!(" {word} "), w))
    };
    // A subject of the figure's own clause outranks one read only beyond its sentence ("CECOT,
    // which opened in 2021, holds 1,234 men", after a sentence on the prison population); a
    // narrower subject read nearer than the measure's own outranks it too ("the 1,234 figure is
    // the prison's capacity, and the country's prison system is full").
    let nearer = |level: frames::Level| match own_level {
        Some(own) if own <= frames::Level::Sentence => level < own,
        _ => level <= frames::Level::Clause,
    };
    catalog.measures.iter().filter_map(|other| other.frame.as_ref()).filter(|f| f.quantity.iter().any(|q| frame.quantity.contains(q))).find_map(|f| {
        let rank = catalog.frames.top_rank(&frame.subject);
        let others: Vec<String> =
            f.subject.iter().filter(|s| !frame.subject.contains(s) && catalog.frames.top_rank(std::slice::from_ref(s)) >= rank).cloned().collect();
        catalog.frames.subject_read(&others, reading).filter(|(level, word)| nearer(*level) || holds_its_word(*level, word)).map(|(_, word)| word)
    })
}

/// Does the figure's own surface give its unit ("three flights", "US$5 millones"), rather than
/// a count before it ("... on three flights, 113 of them")? A bare numeral does not.
pub(super) fn unit_in_surface(m: &Mention) -> bool {
    m.surface.chars().any(|c| !(c.is_ascii_digit() || c.is_whitespace() || matches!(c, ',' | '.' | '\'' | '-')))
}

/// The framed measure a statement states: among the measures whose kind and unit fit and whose
/// frame's quantity and subject are both read around it, the one with the nearest quantity,
/// then the nearest subject, then the narrower subject. A tie leaves it empty.
pub(super) fn framed_measure<'c>(
    catalog: &'c Catalog,
    reading: &frames::Reading,
    m: &Mention,
    unit: Option<&str>,
    is_date: bool,
    short_window: bool,
    place: Place,
) -> Option<(&'c Measure, frames::Choice)> {
    let mut best: Option<((frames::Level, frames::Level, i64), &Measure, frames::Choice)> = None;
    let mut tie = false;
    for measure in &catalog.measures {
        let Some(frame) = &measure.frame else { continue };
        if ruled_out(measure, is_date, short_window, place)
            || !measure.fit().accepts(m.kind, unit)
            || catalog.frames.quantity_near(&measure.unless, reading).is_some()
        {
            continue;
        }
        if measure.unit == "any" && !frame.units.is_empty() && unit.is_some_and(|u| !frame.units.iter().any(|x| x == u)) {
            continue;
        }
        let Some(choice) = catalog.frames.fit(frame, reading, is_date, false) else { continue };
        let key = (choice.quantity.0, choice.subject.0, -catalog.frames.rank(&choice));
        match best.as_ref().map(|(k, _, _)| key.cmp(k)) {
            Some(std::cmp::Ordering::Greater) => {}
            Some(std::cmp::Ordering::Equal) => tie = true,
            _ => {
                best = Some((key, measure, choice));
                tie = false;
            }
        }
    }
    best.filter(|_| !tie).map(|(_, measure, choice)| (measure, choice))
}
