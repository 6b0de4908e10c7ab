//! The partitive reading: is a figure a part of a whole ("83 of the Venezuelans", "of them,
//! 68", "144 de los 230"), or a share of a group of people, rather than a whole total?

use crate::extract::text::Doc;
use crate::extract::Mention;
use crate::transform::frames;

use super::catalog::{Catalog, Measure};
use super::figure::Figure;
use super::rules::partitive_whole;
use super::texts::FigureTexts;
use super::vetoes::Bar;
use super::{has_phrase, lower_padded, opens_with};

/// What a figure's partitives say of it.
pub(super) struct PartReading {
    /// The whole a partitive of the figure's own names ("of the Venezuelans", "of them").
    pub(super) whole: Option<String>,
    /// What the frames read in that whole.
    whole_reading: Option<frames::Reading>,
    /// The whole is a pronoun ("79 of them").
    pronoun_whole: bool,
    /// A percent of a group of people.
    share_of_people: bool,
    /// The whole is a group of people without a number ("of the men").
    whole_of_people: bool,
    /// The figure follows its sentence's opening partitive ("Of them, 68 ...").
    after_partitive: bool,
    /// The whole of its partitive is a count right after the figure ("144 de los 230").
    whole_after: bool,
}

/// The partitive reading of figure `f`.
pub(super) fn part_reading(f: &Figure, texts: &FigureTexts) -> PartReading {
    let (doc, catalog, m) = (f.doc, f.catalog, f.m());
    // A figure after a sentence's opening partitive ("Of them, 68 ...") is a part of a whole
    // counted before: it counts no whole total, unless its own words name its group ("Among
    // the deportees, 216 were Venezuelans").
    let after_partitive =
        texts.clause_start > doc.sentences[m.sentence].0 && f.words(&catalog.opening_partitive).iter().any(|w| opens_with(&texts.sentence, w));
    // A figure with a partitive of its own ("83 of the Venezuelans were removed under the
    // act", "79 of them") counts a part of the group it names: no whole total of that group,
    // only a part. A whole that names another thing leaves the figure whole ("some 12,650 of
    // the most dangerous gang members").
    let partitive = f.words(&catalog.partitive);
    let whole = partitive_whole(m, &texts.right, &partitive, &f.words(&catalog.auxiliaries));
    let whole_reading = whole
        .as_deref()
        .map(|w| catalog.frames.read(f.language(), &frames::Texts { own: w, near: "", clause: "", sentence: "", previous: "", article: &frames::ArticleSubjects::default() }, None, false));
    let pronoun_whole = whole.as_deref().is_some_and(|w| partitive.iter().any(|p| w.trim() == p && !p.ends_with(" the")));
    // A percent of a group of people ("60 percent of the inmates", "45 percent of them") is
    // a share of that group, no rate of a whole (an occupancy, a growth).
    // The people a partitive names, in the figure's surface ("128 of the men") or after it
    // ("60 percent | of the prison population").
    let people = f.words(&catalog.people);
    let after = lower_padded(doc.slice(m.end, texts.clause_end));
    let whole_names_people = whole.as_deref().is_some_and(|w| people.iter().any(|p| has_phrase(w, p))) || of_people(&after, &partitive, &people);
    // A percent takes its people without an article too ("60 percent of inmates").
    let share_of_people = m.kind == "percent" && (pronoun_whole || whole_names_people || of_people(&after, &f.words(&catalog.share_of), &people));
    // A whole of people without a number ("128 of the men were deported") is a group the
    // figure is a part of, unless the figure's own words name the measure's subject.
    let whole_of_people = whole.as_deref().is_some_and(|w| !w.contains(|c: char| c.is_ascii_digit())) && whole_names_people;
    PartReading { whole, whole_reading, pronoun_whole, share_of_people, whole_of_people, after_partitive, whole_after: texts.whole_after.is_some() }
}

impl PartReading {
    /// What of the partitives bars `measure` for figure `m`, if anything (`reading` is the
    /// figure's frame reading).
    pub(super) fn bar(&self, catalog: &Catalog, m: &Mention, reading: &frames::Reading, measure: &Measure) -> Option<Bar> {
        if m.kind == "count" && self.part_of_its_group(catalog, reading, measure) {
            Some(Bar::PartOfItsGroup)
        } else if self.share_of_people && measure.frame.is_some() {
            Some(Bar::ShareOfPeople)
        } else if self.after_partitive && whole_total(catalog, reading, measure) {
            Some(Bar::AfterPartitive)
        } else {
            None
        }
    }

    /// Does a count of a part of the group its partitive names fail `measure`, a whole total?
    fn part_of_its_group(&self, catalog: &Catalog, reading: &frames::Reading, measure: &Measure) -> bool {
        measure.frame.as_ref().is_some_and(|f| {
            !catalog.frames.counts_a_part(&f.quantity)
                && (self.pronoun_whole
                    || self.whole_after
                    || self
                        .whole_reading
                        .as_ref()
                        .is_some_and(|r| catalog.frames.subject_read(&f.subject, r).is_some() || catalog.frames.quantity_level(f, r).is_some())
                    || (self.whole_of_people && catalog.frames.subject_read(&f.subject, reading).is_none_or(|(level, _)| level != frames::Level::Own)))
        })
    }
}

/// Does `measure` count a whole total whose subject the figure's own words do not name?
fn whole_total(catalog: &Catalog, reading: &frames::Reading, measure: &Measure) -> bool {
    measure.frame.as_ref().is_some_and(|f| {
        !catalog.frames.counts_a_part(&f.quantity) && catalog.frames.subject_read(&f.subject, reading).is_none_or(|(level, _)| level != frames::Level::Own)
    })
}

/// The count right after figure `i` that is the whole of its partitive ("144 de los [primeros]
/// 230"): a partitive word and at most one word between the two figures.
pub(super) fn whole_of_its_partitive(doc: &Doc, mentions: &[Mention], i: usize, partitive: &[String]) -> Option<usize> {
    let m = &mentions[i];
    let j = (i + 1..mentions.len()).find(|&j| mentions[j].start >= m.end && !matches!(mentions[j].kind, "ordinal" | "identifier" | "other"))?;
    let next = &mentions[j];
    if next.sentence != m.sentence || next.kind != "count" || m.kind != "count" {
        return None;
    }
    let between = lower_padded(doc.slice(m.end, next.start));
    partitive.iter().find_map(|p| between.strip_prefix(&format!(" {p} "))).filter(|rest| rest.split_whitespace().count() <= 1).map(|_| j)
}

/// How many words after a partitive may name the group a share is of ("of the prison population").
const SHARE_WHOLE_WORDS: usize = 3;

/// Do the words right after a percent (`after`, lower-cased and padded) open a partitive whose
/// next few words name people (`people`: "60 percent | of the inmates", "of the prison
/// population")?
fn of_people(after: &str, partitive: &[String], people: &[String]) -> bool {
    partitive.iter().filter_map(|p| after.strip_prefix(&format!(" {p} "))).any(|rest| {
        let whole = lower_padded(rest.split_whitespace().take(SHARE_WHOLE_WORDS).collect::<Vec<_>>().join(" "));
        people.iter().any(|w| has_phrase(&whole, w))
    })
}
