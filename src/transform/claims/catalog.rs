//! The measure catalog (schemas/measures.toml): its measures, person attributes and word
//! lists, loading and checking it (its phrases are indexed by `phrase_index`).

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::load::schema::KINDS;
use crate::transform::frames::{self, FrameBook, FrameRef};

use super::phrase_index::PhraseIndex;

/// The catalog embedded in the binary.
pub const EMBEDDED_MEASURES: &str = include_str!("../../../schemas/measures.toml");

/// Cue lists by language code.
pub type ByLanguage = BTreeMap<String, Vec<String>>;

/// One quantity in the world that articles state.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    pub id: String,
    pub title: String,
    pub description: String,
    /// Unit of the statements (`any` accepts every unit, `date` is for dates and years).
    pub unit: String,
    pub kinds: Vec<String>,
    #[serde(default)]
    pub context: ByLanguage,
    #[serde(default)]
    pub cues: ByLanguage,
    #[serde(default)]
    pub exclude: ByLanguage,
    /// The quantity only grows over time (a running total since a date): later claims may be
    /// larger without contradicting earlier ones.
    #[serde(default)]
    pub cumulative: bool,
    /// The figure does not change with the date it is stated on (a feature of a building, the
    /// terms of a deal, a limit in law): the comparison sets its claims side by side whatever
    /// period each names. Dates are timeless too ([`Measure::is_timeless`]).
    #[serde(default)]
    pub timeless: bool,
    /// A figure a plan or a design states as a fact ("the prison will hold 36,000"): a
    /// projection word before it does not take its measure away.
    #[serde(default)]
    pub design: bool,
    /// The terms of a deal (what one government pays the other): a commitment of the deal
    /// (`commitment` words: "will pay", "agreed to pay") states them as a fact; a hypothetical
    /// ("could pay", "would pay if") is still a projection.
    #[serde(default)]
    pub terms: bool,
    /// The entry applies only with one of its words in the figure's own clause: set on the
    /// cross-source measures, where a word elsewhere in the sentence too often names another
    /// figure's quantity.
    #[serde(default)]
    pub near_required: bool,
    /// The measure's frame (schemas/frames.toml): the quantities it counts and the subjects it
    /// belongs to. A framed measure is assigned only when both are read around the figure.
    #[serde(default)]
    pub frame: Option<FrameRef>,
    /// The figure counts per unit (a cell's occupants): a `distributive` word among its own
    /// words ("70 reos cada una") does not rule it out.
    #[serde(default)]
    pub per_unit: bool,
    /// Quantities of schemas/frames.toml that rule the entry out when one of their words is
    /// read in the figure's clause: what it counts is another thing ("los 231 venezolanos
    /// regresaron a Caracas" counts a return, not a deportation; "4 reos murieron" deaths,
    /// not the prison population).
    #[serde(default)]
    pub unless: Vec<String>,
    /// The figure must carry the measure's unit ("31 prisons"): a bare number near the unit's
    /// noun counts something else ("room for 27,000 in the prisons", "the last four governments").
    #[serde(default)]
    pub unit_named: bool,
    /// About El Salvador itself (see [`Measure::is_local`]), decided once when the catalog loads.
    #[serde(skip)]
    pub(super) local: bool,
    /// The words of its frame's quantities that name a place of `elsewhere` ("returned to
    /// Venezuela"), by language: found once when the frames are set, read for every statement.
    #[serde(skip)]
    pub(super) own_places: ByLanguage,
}

/// An attribute of a named person (age, ...): one measure per person, with the id
/// `<prefix>_<name>` built from the name the article gives ("Ana Pérez, 39," -> age_ana_perez).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonAttribute {
    pub prefix: String,
    pub title: String,
    pub description: String,
    pub unit: String,
    pub kinds: Vec<String>,
}

/// The measure catalog.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    pub min_score: f64,
    #[serde(rename = "measure")]
    pub measures: Vec<Measure>,
    #[serde(rename = "person_attribute", default)]
    pub person_attributes: Vec<PersonAttribute>,
    /// Words that make a figure a projection, a target or a hypothetical when they stand
    /// before it in its clause ("will close the year with 84,000", "la meta de"): such a figure
    /// states no fact, so it gets no measure (unless the measure is a `design` figure).
    #[serde(default)]
    pub projection: ByLanguage,
    /// Rank entries by the words next to the figure first, farther words only breaking a tie
    /// (see [`Score::cmp`](super::score::Score::cmp)); otherwise all points add up.
    #[serde(default)]
    pub nearest_first: bool,
    /// Nouns that, among a count's own words, say it counts something no measure of people
    /// held counts ("hundreds of workers", "a population of six million", "artículo 12"): such
    /// a count gets no measure.
    #[serde(default)]
    pub not_counted: ByLanguage,
    /// Words that open a short window before a duration of days, weeks or hours in a figure's
    /// clause ("380 capturas en 12 días"): such a count is no running total, so it gets no
    /// `cumulative` measure.
    #[serde(default)]
    pub window: ByLanguage,
    /// Periods named in words ("over the past year", "last month", "en lo que va del año"): a
    /// count whose scene names one is that period's, no running total (see `window`).
    #[serde(default)]
    pub named_window: ByLanguage,
    /// Places other than El Salvador ("the United States", "Guatemala"): a figure whose clause
    /// names one is about that place, so no measure of El Salvador, its prisons, CECOT or the
    /// state of exception (a measure whose frame names one of `local_subjects`) applies.
    #[serde(default)]
    pub elsewhere: ByLanguage,
    /// Places of custody outside El Salvador that a story about the deportees names beside
    /// CECOT ("Guantanamo", "an ICE facility"): a figure whose own clause, cut at the
    /// neighbouring figures, names one is that place's, as with `elsewhere` ("Guantanamo has room
    /// for 30,000, while CECOT holds 15,000"); a neighbour's words about where the men had been
    /// held do not move the figure.
    #[serde(default)]
    pub other_facilities: ByLanguage,
    /// Words that, opening a sentence, stand for the place the sentence before is about ("Its
    /// government", "There"): after a sentence about a place of `elsewhere` (El Salvador not
    /// named in it), the figures are that place's.
    #[serde(default)]
    pub place_anaphora: ByLanguage,
    /// Participles that open a sentence without its subject ("Construido en 1970 para 850
    /// internos, hoy tiene capacidad para 10.000"): the subject is the one the whole sentence
    /// before is about, wherever that sentence names it ("El caso más crítico es Mariona.").
    #[serde(default)]
    pub elided_subject: ByLanguage,
    /// Words that open the place a flight or a deportation starts from ("from Texas", "left the
    /// U.S."): when the same text names its destination in El Salvador (`destination` before a
    /// place of `here`), that origin is no place the figure belongs to.
    #[serde(default)]
    pub origin: ByLanguage,
    /// Nouns of a pact between two parties ("a prisoner exchange with the United States"): the
    /// place after "with" is the other party, not where the figure belongs.
    #[serde(default)]
    pub counterpart: ByLanguage,
    /// Relative pronouns that, right after a figure opening its sentence, make it the subject
    /// of a relative clause ("317 men who had spent months in CECOT landed in Caracas"): the
    /// sentence's main verb, after that clause, is the figure's own too, so a measure's `unless`
    /// quantities are read in the whole sentence.
    #[serde(default)]
    pub subject_relative: ByLanguage,
    /// Words that open the place a flight or a deportation ends in ("to San Salvador", "landed
    /// in El Salvador"), read before a place of `here` (see `origin`).
    #[serde(default)]
    pub destination: ByLanguage,
    /// Words after a place of `here` that make it a destination ("El Salvador received ..."):
    /// see `origin`.
    #[serde(default)]
    pub receives: ByLanguage,
    /// Words that open a sentence with a partitive ("Of them, 68 ...", "Of the 216, 129 ..."):
    /// a figure in a later clause of that sentence is a part of a whole counted before, so it
    /// takes no framed measure of a whole total, only one whose quantity counts a part (`part`
    /// in schemas/frames.toml: those released, those with no record).
    #[serde(default)]
    pub opening_partitive: ByLanguage,
    /// Words right after a figure (or after its noun) that make it a difference between two
    /// figures ("418 capturas más que las 61.300", "40 more than in 2023"): it gets no measure.
    #[serde(default)]
    pub difference: ByLanguage,
    /// Words right before a figure that make it a change or an increment, not a level ("rose by
    /// 21,700", "an increase of 10,000", "another 5,300"): a count or a sum after one gets no
    /// measure.
    #[serde(default)]
    pub change_before: ByLanguage,
    /// Words right after a count's number that make it an increment ("5,300 more inmates", "3
    /// new prisons", "247 others"): it gets no measure.
    #[serde(default)]
    pub change_after: ByLanguage,
    /// Words right after a number that make it the whole part of a larger number ("23 and a half
    /// hours", "tres y media"): the figure alone counts nothing, so it gets no measure.
    #[serde(default)]
    pub fraction_after: ByLanguage,
    /// Words that open the base of a rate ("for every", "out of every"): a count right after one
    /// is that base ("for every 100,000 residents"), and a count whose words up to the next
    /// figure end in one is the rate itself ("1,580 people behind bars for every 100,000"):
    /// neither counts anyone, so they get no count measure.
    #[serde(default)]
    pub rate_base: ByLanguage,
    /// Words that make a count one part of a whole: one event's, one day's, one batch's or one
    /// part of a place's ("in a single raid", "the first group of", "in one cell block"). Read
    /// from the figure before it in its sentence to the end of its clause, they rule out every
    /// framed measure (whole totals).
    #[serde(default)]
    pub one_part: ByLanguage,
    /// Words that open a partitive after a figure ("32 de los venezolanos", "40 of the men"): the
    /// figure is a part of the whole they name, so it takes no measure read only in those words.
    #[serde(default)]
    pub partitive: ByLanguage,
    /// Verbs of changing a figure ("ampliar", "expand"): after a projection word, they make even
    /// a `design` figure a projection ("planea ampliar su capacidad hasta 55.000").
    #[serde(default)]
    pub change: ByLanguage,
    /// Words that make a count an amount per unit ("cada una", "por celda"; "each", "per cell"):
    /// among its own words, they rule out every framed measure but those counting per unit.
    #[serde(default)]
    pub distributive: ByLanguage,
    /// Nouns of a part of a group ("mujeres", "menores"; "women", "minors"): among a count's own
    /// words they make it a count of that part, so no framed measure (a whole group's total)
    /// applies; an entry without a frame (arrests of women) may.
    #[serde(default)]
    pub subgroup: ByLanguage,
    /// Nouns of people: a percent whose partitive whole names them ("60 percent of the inmates")
    /// is a share of that group, no rate of a whole (an occupancy, a growth): no framed measure.
    #[serde(default)]
    pub people: ByLanguage,
    /// Words right before a percent that make it a change, not a level ("rose 270 percent",
    /// "expanded by 40 percent"; "rose to 167 percent" is a level): only a framed measure of a
    /// change (a quantity with `change = true`) applies.
    #[serde(default)]
    pub percent_change: ByLanguage,
    /// Nouns of a rate and the unit of its figures, per language ("tasa de homicidios" ->
    /// homicides_per_100000_inhabitants): a bare number after one in its sentence, with only
    /// years, dates and other bare numbers between, is that rate ("la tasa de homicidios bajó
    /// a 40 en 2019 y a 21,5 en 2020").
    #[serde(default)]
    pub rate_subjects: BTreeMap<String, BTreeMap<String, String>>,
    /// A rate's noun without its complement ("the rate", "la tasa") that, opening a sentence,
    /// stands for the rate of `rate_subjects` the sentence before names.
    #[serde(default)]
    pub rate_anaphora: ByLanguage,
    /// Subjects that stand for a rate figure of the sentence before ("it", "the figure"), and
    /// verbs of a level that end right before a bare number ("had fallen to", "was"): together
    /// they make the number a new level of that rate (see `series::rate_levels_after_a_rate`).
    #[serde(default)]
    pub rate_level_subjects: ByLanguage,
    #[serde(default)]
    pub rate_level_verbs: ByLanguage,
    /// Where a language drops a verb's subject: the words that may open the clause of such a
    /// verb of a level ("ya había bajado a 38"); see `series::rate_levels_after_a_rate`.
    #[serde(default)]
    pub rate_level_dropped_subject: ByLanguage,
    /// Determiners that make a bare number a figure already stated ("is that 12.3 real?").
    #[serde(default)]
    pub restating_determiners: ByLanguage,
    /// Words that, alone after a duration closing its clause, make it the time since the event
    /// the sentence before names ("In the 14 months since, ...").
    #[serde(default)]
    pub time_since: ByLanguage,
    /// Phrases that open a clause naming most of a figure's group ("most of them Venezuelans"):
    /// that group is a part of the figure's, see `rules::mixed_group_of_its_subject`.
    #[serde(default)]
    pub mixed_group: ByLanguage,
    /// Auxiliary and copular verbs: one after a partitive's whole opens the figure's own
    /// predicate ("32 de los venezolanos | tenían condenas", "40 of them | were freed").
    #[serde(default)]
    pub auxiliaries: ByLanguage,
    /// Words after a percent that name the group it is a share of, without an article ("60
    /// percent of inmates"); `partitive` holds those with one.
    #[serde(default)]
    pub share_of: ByLanguage,
    /// Modal verbs before a figure's governing verb, read as its own words by the frames ("can
    /// hold 1,234" is a capacity; "hold" alone counts those held).
    #[serde(default)]
    pub modals: ByLanguage,
    /// Words that open a running total's start ("desde", "since"): a date after one in a
    /// figure's clause is where its total begins, not a window (see `window`).
    #[serde(default)]
    pub since: ByLanguage,
    /// Nouns of a start ("inicio", "beginning"): with the subject of a date measure after them
    /// and only `date_lead` words before a date, the date is that start ("desde el inicio del
    /// régimen de excepción, el 1 de mayo de 2020"); see `start_dates`.
    #[serde(default)]
    pub start_nouns: ByLanguage,
    /// Words that may stand between the word that governs a date and the date ("began on",
    /// "entró en vigor el").
    #[serde(default)]
    pub date_lead: ByLanguage,
    /// Words that open an apposition to a date saying what happened on it ("1 de mayo de 2020,
    /// fecha en que se aprobó ...", "May 1, 2020, when ...").
    #[serde(default)]
    pub date_apposition: ByLanguage,
    /// Phrases of time that may open a sentence before its date in apposition ("The next
    /// morning, 12 May, Congress approved ..."): the date still opens the sentence's scene.
    #[serde(default)]
    pub date_scene_lead: ByLanguage,
    /// Auxiliaries that open a yes-no question ("Does the prison hold 1,234 men?"): a figure
    /// asked about is stated by no one.
    #[serde(default)]
    pub polar_question: ByLanguage,
    /// Words that open a condition ("if"), and the verbs that put it in the subjunctive
    /// ("were"): a sentence opening with such a condition imagines its figures.
    #[serde(default)]
    pub condition: ByLanguage,
    #[serde(default)]
    pub subjunctive: ByLanguage,
    /// Labels of a page's metadata line that dates the page ("date 2020-05-01"): a date right
    /// after one at the text's start is the publication's, never a claim.
    #[serde(default)]
    pub dateline_labels: ByLanguage,
    /// Words that make a count or a sum an average or an amount per period ("1.200 deportados al
    /// mes", "un promedio de 40", "$5 million a year"): in the figure's clause, they rule out every
    /// framed measure (totals); an entry without a frame may still count the average.
    #[serde(default)]
    pub average: ByLanguage,
    /// Words of a deal's commitment ("will pay"): a projection word among them leaves a `terms`
    /// measure its figure.
    #[serde(default)]
    pub commitment: ByLanguage,
    /// Phrases of a term, not a period's amount ("to hold them for a year"): an `average` word
    /// inside one makes no average.
    #[serde(default)]
    pub term: ByLanguage,
    /// Periods a deal's payment is set by ("a year"): an amount paid per such a period states
    /// the deal's terms, no average.
    #[serde(default)]
    pub term_periods: ByLanguage,
    /// Pronouns that, opening a sentence, make the sentence before's subject its own ("They
    /// were first enacted in March"): a date there may take its subject from that sentence.
    #[serde(default)]
    pub anaphora: ByLanguage,
    /// Word endings that make one word in several forms, per language: a word of an entry's
    /// lists ending in one ending of a group is also read with each other ending of the group
    /// ("liberados" also reads "liberadas", "liberado"; "pagó" also "pagaron").
    #[serde(default)]
    pub inflections: BTreeMap<String, Vec<Vec<String>>>,
    /// El Salvador's prisons other than CECOT, by name ("Mariona", "Izalco"): a figure whose
    /// clause names one is that prison's, so, as with `elsewhere`, no measure of the prison
    /// system, of CECOT or of the country applies.
    #[serde(default)]
    pub other_prisons: ByLanguage,
    /// Regions El Salvador is part of ("Latin America's largest prison"): a place of
    /// `elsewhere` inside one of their names ("america's") names no other place.
    #[serde(default)]
    pub regions: ByLanguage,
    /// Names of El Salvador itself: a sentence that opens with one of them and another place
    /// (see `elsewhere`) is not all about that place.
    #[serde(default)]
    pub here: ByLanguage,
    /// The frame subjects that are El Salvador's (see `elsewhere`).
    #[serde(default)]
    pub local_subjects: Vec<String>,
    /// The units the extractor gives; a mention's other unit words (a raw noun such as
    /// "privados") say nothing about its unit, so they do not keep a measure from fitting.
    #[serde(skip)]
    pub(super) known_units: std::collections::BTreeSet<String>,
    /// The phrases of every entry, per language, compiled for one-pass search.
    #[serde(skip)]
    pub(super) index: BTreeMap<String, PhraseIndex>,
    /// The frames the framed measures name (schemas/frames.toml).
    #[serde(skip)]
    pub(super) frames: FrameBook,
    /// Let the frames decide framed measures (see [`FrameCheck::decide`](super::frame_check::FrameCheck::decide)); off, the word scores
    /// alone decide, as before the frames.
    #[serde(default)]
    pub frame_check: bool,
    /// The languages where, when the word scores choose no measure, the frames' own choice fills
    /// it if the figure's own phrase names its quantity and its clause its subject (see
    /// [`FrameCheck::decide`](super::frame_check::FrameCheck::decide)).
    #[serde(default)]
    pub frame_fill: Vec<String>,
    /// The languages where that fill needs the subject in the figure's clause cut at the
    /// neighbouring figures, not anywhere in its clause: their frame words are looser.
    #[serde(default)]
    pub frame_fill_near: Vec<String>,
    /// The languages where the word right before a figure is its governing verb, one of its own
    /// words ("holds 84,000"): see [`own_phrase::own_words`](crate::transform::own_phrase::own_words).
    #[serde(default)]
    pub governing_verb: Vec<String>,
    /// The languages where a framed measure the word scores choose stands only when its frame
    /// is read around the figure (its quantity up to the sentence before, its subject anywhere
    /// earlier in the article); unlike `frame_check`, a nearer quantity of another frame does
    /// not take its place.
    #[serde(default)]
    pub frame_veto: Vec<String>,
    /// The languages where a framed measure the word scores choose gives way to the frames' own
    /// choice of another quantity when the figure's own phrase names that quantity and the
    /// scored measure's quantity stands nowhere in the figure's clause ("57,000 people were
    /// arrested ..., and 5,300 of them had been released": 57,000 counts arrests).
    #[serde(default)]
    pub own_quantity_first: Vec<String>,
    /// Nouns that stand for the quantity of the sentence before ("the number", "the toll"): a
    /// figure after one in its clause counts what the sentence before counts ("Police say the
    /// number reached 66,300"), so that sentence's words name it as if in its own clause.
    #[serde(default)]
    pub anaphoric_nouns: ByLanguage,
    /// Words before a bare figure (no noun of its own) that leave what it counts to the sentence
    /// before ("... enviados al CECOT. En total, fueron 217"): read like `anaphoric_nouns`, but
    /// only for a figure whose surface names no unit.
    #[serde(default)]
    pub bare_anaphora: ByLanguage,
    /// Words that may follow such a bare figure (a mark or the end of the sentence may too):
    /// another word after it is its own noun ("fueron 270 guatemaltecos").
    #[serde(default)]
    pub bare_followers: ByLanguage,
    /// Words of a question that asks how many ("cuántos", "how many"): an answer in the clause
    /// after it ("—¿Cuántos han muerto? —Hemos documentado 380") reads its words as its own.
    #[serde(default)]
    pub quantity_questions: ByLanguage,
    /// Words that open a short aside naming a source ("según el Gobierno", "de acuerdo con la
    /// policía"): set off by commas inside a clause, it does not cut the figure's words from
    /// the clause before it ("tiene capacidad, según el Gobierno, para 1.234 reos").
    #[serde(default)]
    pub sourcing_asides: ByLanguage,
    /// Verbs that open a sentence whose subject goes unsaid ("Lleva ya cinco años en vigor"):
    /// the subject is the last one the text named.
    #[serde(default)]
    pub verb_first_openers: ByLanguage,
    /// Words that set a count over the whole running span of what it counts ("bajo el
    /// régimen"): a verb in the simple past with one sums that span, no single event.
    #[serde(default)]
    pub running_spans: ByLanguage,
    /// Relative pronouns: a clause that opens with one ("..., which officials say was built for
    /// 36,000") is about the noun the clause before ends with, so the frames read that clause
    /// as part of the figure's.
    #[serde(default)]
    pub relative_openers: ByLanguage,
    /// Words that open an apposition to the noun phrase that opens its sentence ("El régimen,
    /// vigente desde hace 12 meses, ..."): the figure's clause is about that noun phrase.
    #[serde(default)]
    pub apposition_openers: ByLanguage,
}

/// The words of `measure`'s frame quantities that name one of the `elsewhere` places, by language.
fn places_its_quantities_name(frames: &FrameBook, measure: &Measure, elsewhere: &ByLanguage) -> ByLanguage {
    let Some(frame) = &measure.frame else { return ByLanguage::new() };
    let quantities: Vec<&frames::Quantity> = frame.quantity.iter().filter_map(|q| frames.quantity(q)).map(|k| &frames.quantities[k].1).collect();
    elsewhere
        .iter()
        .map(|(language, places)| {
            let words = quantities.iter().flat_map(|q| q.words.get(language).into_iter().flatten());
            let naming: Vec<String> = words.filter(|w| places.iter().any(|p| super::has_phrase(&super::lower_padded(w.to_string()), p))).cloned().collect();
            (language.clone(), naming)
        })
        .filter(|(_, naming)| !naming.is_empty())
        .collect()
}

impl Measure {
    /// Check the entry on load: a snake_case id, context words and cues, no empty word, known
    /// kinds, and a unit the extractor produces (`known_units`), `any` or `date`.
    fn check(&self, known_units: &[String]) -> std::result::Result<(), String> {
        if self.id.is_empty() || !self.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
            return Err(format!("measure id {:?} must be snake_case", self.id));
        }
        if self.context.values().all(Vec::is_empty) || self.cues.values().all(Vec::is_empty) {
            return Err(format!("measure {}: context and cues must not be empty", self.id));
        }
        for list in self.context.values().chain(self.cues.values()).chain(self.exclude.values()) {
            if list.iter().any(|c| c.trim().is_empty()) {
                return Err(format!("measure {}: a cue is empty", self.id));
            }
        }
        for k in &self.kinds {
            if !KINDS.contains(&k.as_str()) {
                return Err(format!("measure {}: unknown kind {k:?}", self.id));
            }
        }
        if !(self.unit == "any" || self.unit == "date" || known_units.contains(&self.unit)) {
            return Err(format!("measure {}: unknown unit {:?}; use a unit the lexicons produce, `any` or `date`", self.id, self.unit));
        }
        Ok(())
    }

    /// Lower-case the entry's words (context, cues, exclude) and add their inflections (the
    /// catalog's `inflections` groups, by language).
    fn lower_and_inflect(&mut self, inflections: &BTreeMap<String, Vec<Vec<String>>>) {
        for list in self.context.values_mut().chain(self.cues.values_mut()).chain(self.exclude.values_mut()) {
            for c in list.iter_mut() {
                *c = c.to_lowercase();
            }
        }
        for (lang, groups) in inflections {
            for list in [&mut self.context, &mut self.cues, &mut self.exclude].into_iter().filter_map(|l| l.get_mut(lang)) {
                *list = with_inflections(list, groups);
            }
        }
    }

    /// Is the measure about El Salvador itself: does its frame name one of `subjects`? Not a
    /// measure of a group sent somewhere (`at` in its frame): the place it is sent to decides
    /// (see `held_elsewhere`), whoever sends it ("the United States sent them on three flights").
    /// A measure without a frame is, unless its own words name one of the `elsewhere` places (a
    /// payment by the United States).
    fn is_local(&self, subjects: &[String], elsewhere: &[&ByLanguage]) -> bool {
        match &self.frame {
            Some(f) => f.at.is_empty() && f.subject.iter().any(|s| subjects.contains(s)),
            None => {
                let own = self.context.values().chain(self.cues.values()).flatten();
                let places: Vec<&String> = elsewhere.iter().flat_map(|list| list.values().flatten()).collect();
                !own.into_iter().any(|w| places.iter().any(|p| w.contains(p.as_str())))
            }
        }
    }

    /// Is the figure the same whenever it is stated: marked `timeless`, or a date (when CECOT
    /// opened)?
    pub fn is_timeless(&self) -> bool {
        self.timeless || self.unit == "date"
    }

    pub(super) fn fit(&self) -> Fit<'_> {
        Fit { kinds: &self.kinds, unit: &self.unit, also: self.frame.as_ref().map_or(&[], |f| f.units.as_slice()) }
    }
}

impl PersonAttribute {
    /// Check the attribute on load: a snake_case prefix, known kinds (at least one) and a unit
    /// the extractor produces (`known_units`).
    fn check(&self, known_units: &[String]) -> std::result::Result<(), String> {
        if self.prefix.is_empty() || !self.prefix.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
            return Err(format!("person attribute prefix {:?} must be snake_case", self.prefix));
        }
        if let Some(k) = self.kinds.iter().find(|k| !KINDS.contains(&k.as_str())) {
            return Err(format!("person attribute {}: unknown kind {k:?}", self.prefix));
        }
        if self.kinds.is_empty() {
            return Err(format!("person attribute {}: `kinds` is empty", self.prefix));
        }
        if !known_units.contains(&self.unit) {
            return Err(format!("person attribute {}: unknown unit {:?}; use a unit the lexicons produce", self.prefix, self.unit));
        }
        Ok(())
    }

    pub(super) fn fit(&self) -> Fit<'_> {
        Fit { kinds: &self.kinds, unit: &self.unit, also: &[] }
    }
}

/// What a measure id accepts: the kinds and the unit of its statements.
pub struct Fit<'a> {
    pub kinds: &'a [String],
    pub unit: &'a str,
    /// Other units its statements may carry (its frame's `units`: a capacity in places or beds,
    /// a payment in pounds).
    pub also: &'a [String],
}

impl Fit<'_> {
    /// Does a mention of this kind and unit fit? (`any` and `date` accept every unit; a mention
    /// without a unit fits any unit.)
    pub fn accepts(&self, kind: &str, unit: Option<&str>) -> bool {
        self.kinds.iter().any(|k| k == kind) && (matches!(self.unit, "any" | "date") || unit.is_none_or(|u| u == self.unit || self.also.iter().any(|a| a == u)))
    }
}

impl Catalog {
    /// Parse and check a catalog; `file` names it in errors; `known_units` are the units the
    /// extractor can produce.
    pub fn parse(file: &str, text: &str, known_units: &[String]) -> Result<Catalog> {
        let fail = |message: String| Error::Knowledge { file: file.to_string(), message };
        let mut catalog: Catalog = toml::from_str(text).map_err(|e| fail(e.to_string()))?;
        let mut seen = std::collections::BTreeSet::new();
        for m in &mut catalog.measures {
            if !seen.insert(m.id.clone()) {
                return Err(fail(format!("measure id {:?} appears twice", m.id)));
            }
            m.check(known_units).map_err(fail)?;
            m.lower_and_inflect(&catalog.inflections);
        }
        for (name, lists) in catalog.word_lists() {
            lower_checked(name, lists).map_err(fail)?;
        }
        catalog.lower_rate_subjects(known_units).map_err(fail)?;
        catalog.known_units = known_units.iter().cloned().collect();
        for m in &mut catalog.measures {
            m.local = m.is_local(&catalog.local_subjects, &[&catalog.elsewhere, &catalog.other_facilities]);
        }
        let languages: std::collections::BTreeSet<String> =
            catalog.measures.iter().flat_map(|m| m.context.keys().chain(m.cues.keys()).chain(m.exclude.keys()).cloned()).collect();
        for lang in languages {
            let index = PhraseIndex::build(&catalog.measures, &lang).map_err(fail)?;
            catalog.index.insert(lang, index);
        }
        let mut prefixes = std::collections::BTreeSet::new();
        for p in &catalog.person_attributes {
            if !prefixes.insert(p.prefix.as_str()) {
                return Err(fail(format!("person attribute prefix {:?} appears twice", p.prefix)));
            }
            p.check(known_units).map_err(fail)?;
        }
        let frames = FrameBook::parse("schemas/frames.toml (embedded)", frames::EMBEDDED_FRAMES)?;
        catalog.set_frames(file, frames)
    }

    /// The catalog's word lists by language, named as in the file: each is checked for empty
    /// words and lower-cased on load (one enumeration, so that no list is left out of either).
    fn word_lists(&mut self) -> [(&'static str, &mut ByLanguage); 62] {
        [
            ("rate_anaphora", &mut self.rate_anaphora),
            ("rate_level_subjects", &mut self.rate_level_subjects),
            ("rate_level_verbs", &mut self.rate_level_verbs),
            ("rate_level_dropped_subject", &mut self.rate_level_dropped_subject),
            ("restating_determiners", &mut self.restating_determiners),
            ("time_since", &mut self.time_since),
            ("mixed_group", &mut self.mixed_group),
            ("projection", &mut self.projection),
            ("not_counted", &mut self.not_counted),
            ("window", &mut self.window),
            ("named_window", &mut self.named_window),
            ("elsewhere", &mut self.elsewhere),
            ("difference", &mut self.difference),
            ("change_before", &mut self.change_before),
            ("change_after", &mut self.change_after),
            ("fraction_after", &mut self.fraction_after),
            ("rate_base", &mut self.rate_base),
            ("one_part", &mut self.one_part),
            ("other_facilities", &mut self.other_facilities),
            ("place_anaphora", &mut self.place_anaphora),
            ("elided_subject", &mut self.elided_subject),
            ("origin", &mut self.origin),
            ("counterpart", &mut self.counterpart),
            ("subject_relative", &mut self.subject_relative),
            ("destination", &mut self.destination),
            ("receives", &mut self.receives),
            ("opening_partitive", &mut self.opening_partitive),
            ("average", &mut self.average),
            ("term", &mut self.term),
            ("term_periods", &mut self.term_periods),
            ("commitment", &mut self.commitment),
            ("partitive", &mut self.partitive),
            ("auxiliaries", &mut self.auxiliaries),
            ("modals", &mut self.modals),
            ("share_of", &mut self.share_of),
            ("subgroup", &mut self.subgroup),
            ("people", &mut self.people),
            ("percent_change", &mut self.percent_change),
            ("distributive", &mut self.distributive),
            ("change", &mut self.change),
            ("since", &mut self.since),
            ("start_nouns", &mut self.start_nouns),
            ("date_lead", &mut self.date_lead),
            ("date_apposition", &mut self.date_apposition),
            ("date_scene_lead", &mut self.date_scene_lead),
            ("polar_question", &mut self.polar_question),
            ("condition", &mut self.condition),
            ("subjunctive", &mut self.subjunctive),
            ("dateline_labels", &mut self.dateline_labels),
            ("other_prisons", &mut self.other_prisons),
            ("regions", &mut self.regions),
            ("anaphora", &mut self.anaphora),
            ("anaphoric_nouns", &mut self.anaphoric_nouns),
            ("bare_anaphora", &mut self.bare_anaphora),
            ("bare_followers", &mut self.bare_followers),
            ("relative_openers", &mut self.relative_openers),
            ("apposition_openers", &mut self.apposition_openers),
            ("here", &mut self.here),
            ("quantity_questions", &mut self.quantity_questions),
            ("sourcing_asides", &mut self.sourcing_asides),
            ("verb_first_openers", &mut self.verb_first_openers),
            ("running_spans", &mut self.running_spans),
        ]
    }

    /// Lower-case the nouns of `rate_subjects`, checking that each has a rate unit.
    fn lower_rate_subjects(&mut self, known_units: &[String]) -> std::result::Result<(), String> {
        for (lang, rates) in self.rate_subjects.iter_mut() {
            let mut lowered = BTreeMap::new();
            for (noun, unit) in std::mem::take(rates) {
                // A rate's unit is built by the extractor from its two nouns ("x_per_100000_y").
                if noun.trim().is_empty() || !(known_units.contains(&unit) || unit.contains("_per_")) {
                    return Err(format!("rate_subjects.{lang}: {noun:?} needs a noun and a rate unit (`<noun>_per_<n>_<noun>`), not {unit:?}"));
                }
                lowered.insert(noun.to_lowercase(), unit);
            }
            *rates = lowered;
        }
        Ok(())
    }

    /// Use this frame book (`--schemas`), checking that every measure's frame names its
    /// quantities and subjects; `file` names the catalog in errors.
    pub fn set_frames(mut self, file: &str, mut frames: FrameBook) -> Result<Catalog> {
        frames.inflect(&self.inflections, with_inflections).map_err(|message| Error::Knowledge { file: file.to_string(), message })?;
        for m in &self.measures {
            if let Some(frame) = &m.frame {
                frames.check(&m.id, frame).map_err(|message| Error::Knowledge { file: file.to_string(), message })?;
            }
            if let Some(q) = m.unless.iter().find(|q| frames.quantity(q).is_none()) {
                return Err(Error::Knowledge {
                    file: file.to_string(),
                    message: format!("measure {}: `unless` names unknown quantity {q:?} (schemas/frames.toml)", m.id),
                });
            }
        }
        for m in &mut self.measures {
            m.own_places = places_its_quantities_name(&frames, m, &self.elsewhere);
        }
        self.frames = frames;
        Ok(self)
    }

    /// The catalog entry with this id.
    pub fn get(&self, id: &str) -> Option<&Measure> {
        self.measures.iter().find(|m| m.id == id)
    }

    /// The person attribute whose ids this is (`age_ana_perez` -> the `age` attribute). A
    /// catalog entry with the same prefix (`age_youngest_...`) is found by [`Catalog::get`] first.
    pub fn person_attribute_of(&self, id: &str) -> Option<&PersonAttribute> {
        self.person_attributes.iter().find(|p| id.strip_prefix(p.prefix.as_str()).is_some_and(|rest| rest.len() > 1 && rest.starts_with('_')))
    }

    /// What a measure id accepts, whether a catalog entry or a person attribute; None for an
    /// id the catalog does not know.
    pub fn fit(&self, id: &str) -> Option<Fit<'_>> {
        if let Some(m) = self.get(id) {
            return Some(m.fit());
        }
        self.person_attribute_of(id).map(PersonAttribute::fit)
    }
}

/// Check that no word of the lists `name` is empty, and lower-case them.
fn lower_checked(name: &str, lists: &mut ByLanguage) -> std::result::Result<(), String> {
    for list in lists.values_mut() {
        if list.iter().any(|c| c.trim().is_empty()) {
            return Err(format!("a `{name}` word is empty"));
        }
        for c in list.iter_mut() {
            *c = c.to_lowercase();
        }
    }
    Ok(())
}

/// The phrases of `list` and, after each, the other forms of its last word that `groups` of
/// endings make ("personas liberadas" -> "personas liberada", "personas liberados", ...), each
/// once, in order.
fn with_inflections(list: &[String], groups: &[Vec<String>]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |p: String| {
        if !out.contains(&p) {
            out.push(p);
        }
    };
    for phrase in list {
        push(phrase.clone());
        let (head, last) = phrase.rsplit_once(' ').map_or(("", phrase.as_str()), |(h, l)| (h, l));
        for group in groups {
            // The longest ending of the group the word has, and a stem left before it.
            let Some(ending) = group.iter().filter(|e| last.ends_with(e.as_str()) && last.len() > e.len() + 2).max_by_key(|e| e.len()) else { continue };
            let stem = &last[..last.len() - ending.len()];
            for other in group.iter().filter(|e| *e != ending) {
                let word = format!("{stem}{other}");
                push(if head.is_empty() { word } else { format!("{head} {word}") });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::with_inflections;

    #[test]
    fn a_word_is_read_in_every_form_of_its_ending_group() {
        let groups = vec![vec!["ado".to_string(), "ada".into(), "ados".into(), "adas".into()], vec!["ó".to_string(), "aron".into()]];
        let list = ["personas liberadas".to_string(), "pagó".into(), "cecot".into()];
        assert_eq!(
            with_inflections(&list, &groups),
            ["personas liberadas", "personas liberado", "personas liberada", "personas liberados", "pagó", "pagaron", "cecot"]
        );
        // A short word is its own stem: "dado" stays alone.
        assert_eq!(with_inflections(&["dado".to_string()], &groups), ["dado"]);
    }
}
