//! Frames: a core measure is a subject x a quantity x a unit (schemas/frames.toml). A statement
//! is read for the quantity it counts and the subject it belongs to, nearest words first (the
//! figure's own phrase, its clause, the sentence, the sentence before); a framed measure is
//! assigned only when one of its quantities and one of its subjects are found and the unit fits.
//! Precision first: an empty measure is better than a wrong one.

use std::collections::BTreeMap;

use aho_corasick::AhoCorasick;
use serde::Deserialize;

use crate::error::{Error, Result};

/// The frame book embedded in the binary.
pub const EMBEDDED_FRAMES: &str = include_str!("../../schemas/frames.toml");

/// The rank (schemas/frames.toml) from which a subject is a group of people (the Venezuelans,
/// the Salvadorans) that a count's own noun names.
pub const GROUP_RANK: i64 = 3;

/// Where a word was found, nearest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// The figure's own noun phrase and governing verb.
    Own,
    /// Its clause, cut at the neighbouring figures.
    Near,
    /// Its whole clause.
    Clause,
    Sentence,
    Previous,
    /// Anywhere in the article (for a subject only: what the story is about).
    Article,
}

impl Level {
    pub fn name(self) -> &'static str {
        match self {
            Level::Own => "own",
            Level::Near | Level::Clause => "clause",
            Level::Sentence => "sentence",
            Level::Previous => "sentence before",
            Level::Article => "article",
        }
    }
}

/// A quantity: what a figure counts. Its words are keyed by language code (flattened, so
/// unknown keys are languages).
#[derive(Debug, Clone, Deserialize)]
pub struct Quantity {
    #[serde(flatten)]
    pub words: BTreeMap<String, Vec<String>>,
    /// Units that name the quantity by themselves ("61,300 arrests").
    #[serde(default)]
    pub units: Vec<String>,
    /// Units that allow the quantity without naming it ("two years" may be how long the state
    /// of exception lasted, or a window): read as far as a check of the scores' choice reaches
    /// (the sentence before), never as the figure's own word, so the frames do not choose by them.
    #[serde(default)]
    pub check_units: Vec<String>,
    /// The quantity of a date claim: its word must stand next to the date.
    #[serde(default)]
    pub dates: bool,
    /// Its words are nouns of what is counted (prisoners, inmates), which other quantities
    /// count too: read only when no other quantity is read in the figure's clause ("diseñada
    /// para 31.234 reos" counts capacity, "alojan 70 reos cada una" a cell's occupants).
    #[serde(default)]
    pub yields: bool,
    /// It counts a part of a group counted before (those released, those with no record): a
    /// figure after an opening partitive ("Of them, 68 ...") may count it, not a whole total.
    #[serde(default)]
    pub part: bool,
    /// It counts things, not people (flights, pavilions, prisons): a figure whose own words
    /// name it ("two more prisons") counts no persons, whatever the words around it say.
    #[serde(default)]
    pub things: bool,
    /// It counts a change, not a level: a percent after a change word may count it.
    #[serde(default)]
    pub change: bool,
    /// Words of a negation, by language: one must stand in the word or among the few words
    /// before it for the word to name the quantity ("no criminal record", "did not have a
    /// criminal record"; "had criminal records" names the opposite).
    #[serde(default)]
    pub negations: BTreeMap<String, Vec<String>>,
    /// Its words are verbs of containing that other quantities use too (a capacity, a cell's
    /// occupants hold people): they name it, but refuse no other quantity read farther away.
    #[serde(default)]
    pub shared: bool,
    /// Words, by language, that make a word of the quantity another word when they follow it
    /// ("hasta marzo", "hasta la fecha": "hasta" is then a time, no capacity).
    #[serde(default)]
    pub not_before: BTreeMap<String, Vec<String>>,
}

/// How many words before a quantity's word its negation may stand ("none of whom had a").
const NEGATION_WORDS_BEFORE: usize = 4;

/// Is a quantity's word, found at `start..end` of `text`, negated (one of `negations` in the
/// word or among the few words before it)?
fn negated(text: &str, start: usize, end: usize, negations: &[String]) -> bool {
    let before: Vec<&str> = text[..start].split_whitespace().collect();
    let window = format!(" {} {} ", before[before.len().saturating_sub(NEGATION_WORDS_BEFORE)..].join(" "), &text[start..end]);
    negations.iter().any(|n| crate::transform::claims::has_phrase(&window, n))
}

/// Does one of `followers` follow the word that ends at `end` of `text` ("hasta | marzo")?
fn followed_by(text: &str, end: usize, followers: &[String]) -> bool {
    let rest = &text[end..];
    followers.iter().any(|f| rest.strip_prefix(' ').and_then(|r| r.strip_prefix(f.as_str())).is_some_and(|r| !r.starts_with(char::is_alphanumeric)))
}

/// A subject: whose the figure is (words keyed by language code, like [`Quantity`]).
#[derive(Debug, Clone, Deserialize)]
pub struct Subject {
    /// Breaks a tie at the same level: the narrower subject (higher rank) wins.
    #[serde(default)]
    pub rank: i64,
    /// Definite nouns that stand for the subject in an article that names it ("el penal" in an
    /// article about CECOT), keyed by language: read where they stand, as the subject's word.
    #[serde(default)]
    pub stands_for: BTreeMap<String, Vec<String>>,
    /// The `stands_for` nouns would fit any prison ("el penal"): in an article that names another
    /// prison they may stand for either, and are not read. Nouns no other prison fits ("the
    /// system", "the measure") are read whatever prisons the article names.
    #[serde(default)]
    pub stands_for_any_prison: bool,
    /// A count whose own noun names this group counts it: it takes only a measure of the group.
    #[serde(default)]
    pub owns: bool,
    #[serde(flatten)]
    pub words: BTreeMap<String, Vec<String>>,
}

/// A measure's frame, as measures.toml names it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrameRef {
    pub quantity: Vec<String>,
    pub subject: Vec<String>,
    /// The units a statement of the measure may carry: when the measure's own unit is `any`,
    /// the only ones (an arrest count counts persons or arrests, not weapons or vehicles); else
    /// others besides it (a capacity in places or beds).
    #[serde(default)]
    pub units: Vec<String>,
    /// Subjects that name where the counted are (CECOT, El Salvador) for a measure whose
    /// subject is a group of people: when the figure's clause names another place ("4,000
    /// Venezuelans deported to Mexico"), the measure stands only if one of these is read in its
    /// sentence.
    #[serde(default)]
    pub at: Vec<String>,
    /// Subjects that name the party a measure's figure comes from (the United States, which pays
    /// El Salvador): their words name no other place of the figure ("the United States paid").
    #[serde(default)]
    pub from: Vec<String>,
    /// A rate of a place's whole population (per 100,000 inhabitants): when the figure's own
    /// words name its quantity, its subject may be the place the article names anywhere, as
    /// the story's place ("2.4 per 100,000 inhabitants last year", in an article about the
    /// country). Another place named near it is read by the place rules (`elsewhere`).
    #[serde(default)]
    pub of_the_story_place: bool,
    /// A quantity that sets a part of a group apart (those with no criminal record): named
    /// only beyond the figure's clause, it tells of a part while the figure counts the whole
    /// ("Of the 1,234 men sent, most had no criminal record"), so it must stand in the clause.
    #[serde(default)]
    pub quantity_in_its_clause: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct FramesFile {
    quantity: BTreeMap<String, Quantity>,
    subject: BTreeMap<String, Subject>,
}

/// What a phrase of the index names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Names {
    Quantity(usize),
    Subject(usize),
}

/// The words of one language, compiled for one-pass search.
#[derive(Debug, Clone)]
struct Index {
    automaton: AhoCorasick,
    /// What each phrase names (a phrase may name several frames) and its text.
    phrases: Vec<(Vec<Names>, String)>,
}

/// The frames of schemas/frames.toml.
#[derive(Debug, Clone, Default)]
pub struct FrameBook {
    pub quantities: Vec<(String, Quantity)>,
    pub subjects: Vec<(String, Subject)>,
    index: BTreeMap<String, Index>,
}

/// The words found around one statement: for each quantity and subject, its nearest level and
/// the word found there.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    quantities: BTreeMap<usize, (Level, String)>,
    subjects: BTreeMap<usize, (Level, String)>,
}

/// The subjects an article names anywhere, each with the first word that names it: read once
/// per article, since every statement of the article shares them (what the story is about).
#[derive(Debug, Clone, Default)]
pub struct ArticleSubjects(BTreeMap<usize, String>);

/// The texts around a statement, lower-cased and padded with spaces, one per level.
pub struct Texts<'a> {
    pub own: &'a str,
    pub near: &'a str,
    pub clause: &'a str,
    pub sentence: &'a str,
    pub previous: &'a str,
    /// The subjects its whole article names.
    pub article: &'a ArticleSubjects,
}

/// A framed measure chosen for a statement, with the words that decided it.
pub struct Choice {
    pub quantity: (Level, String, String),
    pub subject: (Level, String, String),
    /// The subject is the story's place, read anywhere in the article, for a rate the
    /// figure's own words or unit name (see `FrameRef::of_the_story_place`).
    pub story_place: bool,
    /// The quantity is named by the figure's unit, its own or one taken from a rate's noun
    /// before it in its sentence ("the murder rate fell to 7.8").
    pub by_its_unit: bool,
}

impl Choice {
    /// "quantity: arrested (own) ; subject: state of exception (sentence)".
    pub fn evidence(&self) -> String {
        format!("quantity: {} ({}) ; subject: {} ({})", self.quantity.2, self.quantity.0.name(), self.subject.2, self.subject.0.name())
    }
}

impl FrameBook {
    /// Parse and check the frame book; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<FrameBook> {
        let fail = |message: String| Error::Knowledge { file: file.to_string(), message };
        let parsed: FramesFile = toml::from_str(text).map_err(|e| fail(e.to_string()))?;
        let mut book = FrameBook { quantities: parsed.quantity.into_iter().collect(), subjects: parsed.subject.into_iter().collect(), index: BTreeMap::new() };
        let mut languages = std::collections::BTreeSet::new();
        for (name, words) in book.quantities.iter_mut().map(|(n, q)| (n, &mut q.words)).chain(book.subjects.iter_mut().map(|(n, s)| (n, &mut s.words))) {
            if words.values().all(Vec::is_empty) {
                return Err(fail(format!("frame {name:?}: no words")));
            }
            for (lang, list) in words.iter_mut() {
                if list.iter().any(|w| w.trim().is_empty()) {
                    return Err(fail(format!("frame {name:?}: an empty word in {lang}")));
                }
                for w in list.iter_mut() {
                    *w = w.to_lowercase();
                }
                languages.insert(lang.clone());
            }
        }
        for lang in languages {
            let index = book.build_index(&lang).map_err(fail)?;
            book.index.insert(lang, index);
        }
        Ok(book)
    }

    fn build_index(&self, lang: &str) -> std::result::Result<Index, String> {
        let mut phrases: Vec<(Vec<Names>, String)> = Vec::new();
        let mut add = |names: Names, words: &BTreeMap<String, Vec<String>>| {
            for w in words.get(lang).into_iter().flatten() {
                match phrases.iter_mut().find(|(_, p)| p == w) {
                    Some((n, _)) => n.push(names),
                    None => phrases.push((vec![names], w.clone())),
                }
            }
        };
        for (i, (_, q)) in self.quantities.iter().enumerate() {
            add(Names::Quantity(i), &q.words);
        }
        for (i, (_, s)) in self.subjects.iter().enumerate() {
            add(Names::Subject(i), &s.words);
        }
        let automaton = AhoCorasick::new(phrases.iter().map(|(_, p)| p.as_str())).map_err(|e| format!("cannot compile the {lang} frame words: {e}"))?;
        Ok(Index { automaton, phrases })
    }

    /// The position of a quantity by name.
    pub fn quantity(&self, name: &str) -> Option<usize> {
        self.quantities.iter().position(|(n, _)| n == name)
    }

    /// Is quantity `name` a length of time (its `check_units` are time units)? Its words are
    /// time phrases ("after", "tras") that may open a clause about anyone.
    pub fn is_a_length_of_time(&self, name: &str) -> bool {
        self.quantity(name).is_some_and(|i| !self.quantities[i].1.check_units.is_empty())
    }

    /// The position of a subject by name.
    pub fn subject(&self, name: &str) -> Option<usize> {
        self.subjects.iter().position(|(n, _)| n == name)
    }

    /// Check that a measure's frame names known quantities and subjects.
    pub fn check(&self, measure: &str, frame: &FrameRef) -> std::result::Result<(), String> {
        if frame.quantity.is_empty() || frame.subject.is_empty() {
            return Err(format!("measure {measure}: its frame needs a quantity and a subject"));
        }
        if let Some(q) = frame.quantity.iter().find(|q| self.quantity(q).is_none()) {
            return Err(format!("measure {measure}: unknown quantity {q:?} (schemas/frames.toml)"));
        }
        if let Some(s) = frame.subject.iter().chain(&frame.at).chain(&frame.from).find(|s| self.subject(s).is_none()) {
            return Err(format!("measure {measure}: unknown subject {s:?} (schemas/frames.toml)"));
        }
        Ok(())
    }

    /// Read the quantities and subjects named around a statement, each at its nearest level.
    /// A mention whose unit names a quantity names it in its own phrase when `unit_named` (the
    /// figure's own words give the unit, not a count before it); else in its clause.
    pub fn read(&self, lang: &str, texts: &Texts, unit: Option<&str>, unit_named: bool) -> Reading {
        let mut reading = Reading::default();
        let Some(index) = self.index.get(lang) else { return reading };
        if let Some(u) = unit {
            self.read_unit(u, unit_named, &mut reading);
        }
        let levels = [
            (Level::Own, texts.own),
            (Level::Near, texts.near),
            (Level::Clause, texts.clause),
            (Level::Sentence, texts.sentence),
            (Level::Previous, texts.previous),
        ];
        for (level, text) in levels {
            self.read_words(index, lang, level, text, texts.sentence, &mut reading);
        }
        for (&i, word) in &texts.article.0 {
            reading.subjects.entry(i).or_insert((Level::Article, word.clone()));
        }
        if let Some(u) = unit {
            self.read_check_unit(u, &mut reading);
        }
        self.drop_yielding(&mut reading);
        reading
    }

    /// The subjects named anywhere in `article` (lower-cased, padded), for every statement of it.
    pub fn article_subjects(&self, lang: &str, article: &str) -> ArticleSubjects {
        let mut reading = Reading::default();
        if let Some(index) = self.index.get(lang) {
            self.read_words(index, lang, Level::Article, article, "", &mut reading);
        }
        ArticleSubjects(reading.subjects.into_iter().map(|(i, (_, word))| (i, word)).collect())
    }

    /// Read the quantities whose `units` hold the mention's unit `u`: in its own phrase when
    /// `unit_named`, else near it.
    fn read_unit(&self, u: &str, unit_named: bool, reading: &mut Reading) {
        for (i, (_, q)) in self.quantities.iter().enumerate() {
            if q.units.iter().any(|x| x == u) {
                let level = if unit_named { Level::Own } else { Level::Near };
                reading.quantities.insert(i, (level, u.to_string()));
            }
        }
    }

    /// Read the quantities and subjects whose words `text` holds as whole words, at `level`
    /// unless read nearer already; the article level reads subjects only, and a quantity with
    /// `negations` only where one negates its word.
    /// A quantity's word followed by one of its `not_before` words (in `text`, or in `sentence`
    /// when the word ends `text`) is another word and names nothing.
    fn read_words(&self, index: &Index, lang: &str, level: Level, text: &str, sentence: &str, reading: &mut Reading) {
        for m in index.automaton.find_overlapping_iter(text) {
            let before_ok = !text[..m.start()].chars().next_back().is_some_and(char::is_alphanumeric);
            let after_ok = !text[m.end()..].chars().next().is_some_and(char::is_alphanumeric);
            if !(before_ok && after_ok) {
                continue;
            }
            let (names, word) = &index.phrases[m.pattern().as_usize()];
            let unnegated = |i: usize| self.quantities[i].1.negations.get(lang).is_some_and(|neg| !negated(text, m.start(), m.end(), neg));
            // A word that ends its level's text (the figure's own words stop a few words after it)
            // is read with what follows it in the sentence.
            let ends_text = text[m.end()..].trim().is_empty();
            let another_word = |i: usize| {
                self.quantities[i].1.not_before.get(lang).is_some_and(|f| {
                    followed_by(text, m.end(), f) || (ends_text && f.iter().any(|f| crate::transform::claims::has_phrase(sentence, &format!("{word} {f}"))))
                })
            };
            for n in names.iter().filter(|n| level != Level::Article || matches!(n, Names::Subject(_))) {
                if matches!(n, Names::Quantity(i) if unnegated(*i) || another_word(*i)) {
                    continue;
                }
                let map = match n {
                    Names::Quantity(i) => reading.quantities.entry(*i),
                    Names::Subject(i) => reading.subjects.entry(*i),
                };
                map.or_insert((level, word.clone()));
            }
        }
    }

    /// Read the quantities whose `check_units` hold the mention's unit `u`, at the
    /// level of the sentence before, unless read nearer already.
    fn read_check_unit(&self, u: &str, reading: &mut Reading) {
        for (i, _) in self.quantities.iter().enumerate().filter(|(_, (_, q))| q.check_units.iter().any(|x| x == u)) {
            reading.quantities.entry(i).or_insert((Level::Previous, u.to_string()));
        }
    }

    /// Read each subject the article names at the level of one of its `stands_for` nouns where
    /// that noun stands nearer the figure than the subject's own name ("el penal,
    /// con capacidad para 1.234 reos", in an article about CECOT). Not, for a subject whose nouns
    /// fit any prison, when `other_named`: the article names another prison, so the noun may
    /// stand for either.
    pub fn read_stand_ins(&self, lang: &str, texts: &Texts, reading: &mut Reading, other_named: bool) {
        let levels = [(Level::Own, texts.own), (Level::Near, texts.near), (Level::Clause, texts.clause), (Level::Sentence, texts.sentence)];
        for (i, (_, subject)) in self.subjects.iter().enumerate().filter(|(_, (_, s))| !(other_named && s.stands_for_any_prison)) {
            let Some(nouns) = subject.stands_for.get(lang) else { continue };
            let Some(&(named_at, _)) = reading.subjects.get(&i) else { continue };
            let nearest = levels.iter().find_map(|(level, text)| nouns.iter().find(|n| crate::transform::claims::has_phrase(text, n)).map(|n| (*level, n.clone())));
            // The noun stands for the subject where it stands nearer than the subject's name
            // ("When the government unveiled CECOT, it said the complex had room for 1,234").
            if let Some(found) = nearest.filter(|(level, _)| *level < named_at) {
                reading.subjects.insert(i, found);
            }
        }
    }

    /// Forget the yielding quantities (nouns of what is counted) when another quantity is read
    /// in the figure's clause: that one says what the figure counts. Not a quantity of things
    /// (prisons) beside the noun: the place where the counted are held ("1.234 personas privadas
    /// de libertad en sus cárceles").
    fn drop_yielding(&self, reading: &mut Reading) {
        let other_near = reading.quantities.iter().any(|(&i, (level, _))| !self.quantities[i].1.yields && !self.quantities[i].1.things && *level == Level::Own);
        if other_near {
            reading.quantities.retain(|&i, _| !self.quantities[i].1.yields);
        }
    }

    /// Read every word in each form `groups` of endings make, per language (see
    /// `inflections` in schemas/measures.toml), and compile the words again.
    pub fn inflect(
        &mut self,
        groups: &BTreeMap<String, Vec<Vec<String>>>,
        inflected: impl Fn(&[String], &[Vec<String>]) -> Vec<String>,
    ) -> std::result::Result<(), String> {
        for words in self.quantities.iter_mut().map(|(_, q)| &mut q.words).chain(self.subjects.iter_mut().map(|(_, s)| &mut s.words)) {
            for (lang, list) in words.iter_mut() {
                if let Some(g) = groups.get(lang) {
                    *list = inflected(list, g);
                }
            }
        }
        let languages: Vec<String> = self.index.keys().cloned().collect();
        for lang in languages {
            let index = self.build_index(&lang)?;
            self.index.insert(lang, index);
        }
        Ok(())
    }

    /// How well a frame fits a reading: its nearest quantity and subject, or None when either
    /// is missing. A date's quantity must stand next to it and its subject in its sentence.
    /// `loose`: the check of a measure the catalog's scores chose (its quantity may be named
    /// in the sentence before, its subject anywhere in the article); else the frames.
    /// own choice (its quantity in the figure's clause, its subject in the sentence before).
    pub fn fit(&self, frame: &FrameRef, reading: &Reading, is_date: bool, loose: bool) -> Option<Choice> {
        let quantity = frame
            .quantity
            .iter()
            .filter_map(|name| self.quantity(name).and_then(|i| reading.quantities.get(&i)).map(|(l, w)| (*l, name.clone(), w.clone())))
            .min_by_key(|(l, _, _)| *l)?;
        let subject = frame
            .subject
            .iter()
            .filter_map(|name| self.subject(name).and_then(|i| reading.subjects.get(&i)).map(|(l, w)| (*l, name.clone(), w.clone())))
            .min_by_key(|(l, name, _)| (*l, -self.subjects[self.subject(name).unwrap_or(0)].1.rank))?;
        // A rate of the story's place whose own words name it, or whose unit names it (taken
        // from the rate's noun before it in its sentence: "the murder rate fell to 7.8").
        let named_by_its_unit = quantity.0 <= Level::Near && self.quantity(&quantity.1).is_some_and(|i| self.quantities[i].1.units.contains(&quantity.2));
        let story_place = frame.of_the_story_place && (quantity.0 == Level::Own || named_by_its_unit);
        // A figure's quantity is named in its own clause; its subject may be named in the
        // sentence before ("Venezuelans ... . Of them, 117 were sent"). A date's quantity is
        // its verb next to it ("declared on March 27"), its subject in its sentence.
        let (farthest, subject_farthest) = match (is_date, loose) {
            (true, true) => (Level::Clause, Level::Sentence),
            (true, false) => (Level::Near, Level::Sentence),
            (false, true) => (Level::Previous, Level::Article),
            (false, false) if story_place => (Level::Clause, Level::Article),
            (false, false) => (Level::Clause, Level::Previous),
        };
        let farthest = if frame.quantity_in_its_clause { farthest.min(Level::Clause) } else { farthest };
        if quantity.0 > farthest || subject.0 > subject_farthest {
            return None;
        }
        let story_place = story_place && subject.0 > Level::Previous;
        Some(Choice { quantity, subject, story_place, by_its_unit: named_by_its_unit })
    }

    /// What of a frame the reading lacks, for the evidence of a refused measure: "no quantity
    /// (capacity) in the clause", "no subject (cecot)".
    pub fn missing(&self, frame: &FrameRef, reading: &Reading) -> String {
        let found = |names: &[String], of: &BTreeMap<usize, (Level, String)>, find: &dyn Fn(&str) -> Option<usize>| {
            names.iter().filter_map(|n| find(n).and_then(|i| of.get(&i))).map(|(l, _)| *l).min()
        };
        let q = found(&frame.quantity, &reading.quantities, &|n| self.quantity(n));
        let s = found(&frame.subject, &reading.subjects, &|n| self.subject(n));
        match (q, s) {
            (None, _) => format!("no quantity ({})", frame.quantity.join(", ")),
            (Some(l), _) if l > Level::Clause => format!("quantity ({}) only in the {}", frame.quantity.join(", "), l.name()),
            (_, None) => format!("no subject ({})", frame.subject.join(", ")),
            _ => "its frame does not fit a date here".to_string(),
        }
    }

    /// The quantity, none of `frame`'s, whose `units` hold `unit` when `frame`'s units do not:
    /// such a unit names what the figure counts by itself ("5.6 homicides per 100,000" counts
    /// homicides, whatever incarceration words stand in the sentence before).
    pub fn unit_of_another_quantity(&self, frame: &FrameRef, unit: &str) -> Option<&str> {
        if frame.units.iter().any(|u| u == unit) {
            return None;
        }
        self.quantities.iter().find(|(name, q)| !frame.quantity.contains(name) && q.units.iter().any(|u| u == unit)).map(|(name, _)| name.as_str())
    }

    /// The nearest level where one of a frame's quantities is read, if anywhere.
    pub fn quantity_level(&self, frame: &FrameRef, reading: &Reading) -> Option<Level> {
        frame.quantity.iter().filter_map(|n| self.quantity(n).and_then(|i| reading.quantities.get(&i))).map(|(l, _)| *l).min()
    }

    /// The nearest level at which one of the named subjects is read, with its word.
    pub fn subject_read(&self, names: &[String], reading: &Reading) -> Option<(Level, String)> {
        names.iter().filter_map(|n| self.subject(n)).filter_map(|i| reading.subjects.get(&i).cloned()).min_by_key(|(level, _)| *level)
    }

    /// The name of a quantity read in the figure's own words that is none of `names` (and no
    /// noun of the counted nor a verb of containing, which other quantities use too), if any.
    pub fn other_own_quantity(&self, names: &[String], reading: &Reading) -> Option<&str> {
        reading
            .quantities
            .iter()
            .filter(|(&i, (level, _))| *level == Level::Own && !self.quantities[i].1.yields && !self.quantities[i].1.shared && self.quantities[i].1.check_units.is_empty() && !self.quantities[i].1.dates)
            .map(|(&i, _)| self.quantities[i].0.as_str())
            .find(|q| !names.iter().any(|n| n == q))
    }

    /// Is a group of people (rank `GROUP_RANK` and up) other than `names` read at `level` or
    /// nearer ("Dos aviones con 144 salvadoreños deportados": the planes carry Salvadorans)?
    pub fn another_group_within(&self, names: &[String], reading: &Reading, level: Level) -> bool {
        reading.subjects.iter().any(|(&i, (l, _))| *l <= level && self.subjects[i].1.rank >= GROUP_RANK && !names.contains(&self.subjects[i].0))
    }

    /// Is a quantity read in the figure's own words, other than a noun of what is counted
    /// (`yields`: "reos", "inmates")?
    pub fn own_quantity_besides_the_counted(&self, reading: &Reading) -> bool {
        reading.quantities.iter().any(|(&i, (level, _))| *level == Level::Own && !self.quantities[i].1.yields)
    }

    /// The highest rank among the named subjects.
    pub fn top_rank(&self, names: &[String]) -> i64 {
        names.iter().filter_map(|n| self.subject(n)).map(|i| self.subjects[i].1.rank).max().unwrap_or(0)
    }

    /// The word of one of the named quantities read in the figure's clause, if any.
    pub fn quantity_near(&self, names: &[String], reading: &Reading) -> Option<String> {
        self.quantity_within(names, reading, Level::Near)
    }

    /// The word of one of the named quantities read at `level` or nearer, if any.
    pub fn quantity_within(&self, names: &[String], reading: &Reading, level: Level) -> Option<String> {
        names.iter().filter_map(|n| self.quantity(n)).find_map(|i| reading.quantities.get(&i).filter(|(l, _)| *l <= level).map(|(_, w)| w.clone()))
    }

    /// The words of the named subjects in one language.
    pub fn subject_words(&self, lang: &str, names: &[String]) -> Vec<String> {
        names.iter().filter_map(|n| self.subject(n)).flat_map(|i| self.subjects[i].1.words.get(lang).cloned().unwrap_or_default()).collect()
    }

    /// The word of a subject that owns its counts (`owns`), read in the figure's own words, when
    /// none of `names` (a measure's subjects) is that subject. A measure of a group of people
    /// (rank `GROUP_RANK` and up) is owned by any other group its own words name ("21
    /// Salvadorans returned with the Venezuelans" counts no Venezuelans).
    pub fn owning_subject_besides(&self, names: &[String], reading: &Reading) -> Option<String> {
        let of_a_group = self.top_rank(names) >= GROUP_RANK;
        reading
            .subjects
            .iter()
            .filter(|(&i, (level, _))| {
                let subject = &self.subjects[i].1;
                *level == Level::Own && (subject.owns || (of_a_group && subject.rank >= GROUP_RANK)) && !names.contains(&self.subjects[i].0)
            })
            .map(|(_, (_, word))| word.clone())
            .next()
    }

    /// Does one of the named quantities count a part of a group (`part`)?
    /// The word of a quantity of things (`things`) in a figure's noun phrase (`noun`: its
    /// surface and the words after it, lower-cased and padded), if any: such a figure counts no
    /// persons ("two more prisons" is no capacity in persons).
    pub fn things_counted(&self, lang: &str, noun: &str) -> Option<String> {
        self.quantities.iter().filter(|(_, q)| q.things).flat_map(|(_, q)| q.words.get(lang).into_iter().flatten()).find(|w| crate::transform::claims::has_phrase(noun, w)).cloned()
    }

    /// Does `text` (lower-cased, padded) name a quantity a figure counts (not a duration, a
    /// date's event or a noun of the people counted: those name no other count)?
    pub fn names_a_quantity(&self, lang: &str, text: &str) -> bool {
        !self.quantities_named(lang, text).is_empty()
    }

    /// The names of the quantities a figure counts that `text` (lower-cased, padded) names (see
    /// [`FrameBook::names_a_quantity`]). A word inside a longer word found ("hold" in "can hold")
    /// names nothing of its own.
    pub fn quantities_named(&self, lang: &str, text: &str) -> Vec<&str> {
        let mut found: Vec<(usize, usize, &str)> = Vec::new();
        for (name, q) in self.quantities.iter().filter(|(_, q)| q.check_units.is_empty() && !q.dates && !q.yields) {
            for w in q.words.get(lang).into_iter().flatten() {
                for (at, _) in text.match_indices(w.as_str()) {
                    let end = at + w.len();
                    let whole = !text[..at].chars().next_back().is_some_and(char::is_alphanumeric) && !text[end..].chars().next().is_some_and(char::is_alphanumeric);
                    if whole {
                        found.push((at, end, name.as_str()));
                    }
                }
            }
        }
        let inside_another = |&(a, b, _): &(usize, usize, &str)| found.iter().any(|&(x, y, _)| x <= a && b <= y && (y - x) > (b - a));
        let mut names: Vec<&str> = found.iter().filter(|f| !inside_another(f)).map(|&(_, _, name)| name).collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    /// Does `text` (lower-cased, padded) name a subject ("¿Cuántas cárceles tiene El Salvador?")?
    pub fn names_a_subject(&self, lang: &str, text: &str) -> bool {
        self.subjects.iter().flat_map(|(_, s)| s.words.get(lang).into_iter().flatten()).any(|w| crate::transform::claims::has_phrase(text, w))
    }

    /// Does one of the named quantities count a change (`change`)?
    pub fn counts_a_change(&self, names: &[String]) -> bool {
        names.iter().filter_map(|n| self.quantity(n)).any(|i| self.quantities[i].1.change)
    }

    /// Does one of the named quantities count per head of a population: every unit that names
    /// it is a rate ("homicides_per_100000")? A multiple ("three times") is no such rate.
    pub fn counts_per_population(&self, names: &[String]) -> bool {
        names.iter().filter_map(|n| self.quantity(n)).any(|i| {
            let units = &self.quantities[i].1.units;
            !units.is_empty() && units.iter().all(|u| u.contains("_per_"))
        })
    }

    pub fn counts_a_part(&self, names: &[String]) -> bool {
        names.iter().filter_map(|n| self.quantity(n)).any(|i| self.quantities[i].1.part)
    }

    /// The rank of a choice's subject (the narrower subject wins a tie).
    pub fn rank(&self, choice: &Choice) -> i64 {
        self.subject(&choice.subject.1).map_or(0, |i| self.subjects[i].1.rank)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOOK: &str = "[quantity.capacity]\nen = [\"capacity\"]\n[subject.cecot]\nrank = 2\nen = [\"cecot\"]\n";

    fn frame(q: &str, s: &str) -> FrameRef {
        FrameRef { quantity: vec![q.into()], subject: vec![s.into()], units: Vec::new(), at: Vec::new(), from: Vec::new(), of_the_story_place: false, quantity_in_its_clause: false }
    }

    #[test]
    fn a_frame_fits_when_its_quantity_and_subject_are_read() {
        let book = FrameBook::parse("t", BOOK).unwrap();
        let texts = Texts { own: " capacity of 31,234 ", near: "", clause: "", sentence: " cecot has a capacity of 31,234 ", previous: "", article: &ArticleSubjects::default() };
        let reading = book.read("en", &texts, None, false);
        let choice = book.fit(&frame("capacity", "cecot"), &reading, false, false).unwrap();
        assert_eq!(choice.evidence(), "quantity: capacity (own) ; subject: cecot (sentence)");
        let no_subject = Texts { sentence: " the prison has a capacity of 31,234 ", ..texts };
        assert!(book.fit(&frame("capacity", "cecot"), &book.read("en", &no_subject, None, false), false, false).is_none());
    }

    #[test]
    fn a_noun_of_the_counted_yields_to_another_quantity_of_the_clause() {
        let book = FrameBook::parse(
            "t",
            "[quantity.capacity]\nes = [\"diseñada para\"]\n[quantity.prisoners]\nyields = true\nes = [\"reos\"]\n[subject.cecot]\nes = [\"megacárcel\"]\n",
        )
        .unwrap();
        let own = " diseñada para 31.234 reos ";
        let texts = Texts { own, near: own, clause: own, sentence: " la megacárcel fue diseñada para 31.234 reos ", previous: "", article: &ArticleSubjects::default() };
        let reading = book.read("es", &texts, None, false);
        assert!(book.fit(&frame("prisoners", "cecot"), &reading, false, false).is_none());
        assert!(book.fit(&frame("capacity", "cecot"), &reading, false, false).is_some());
        let alone = Texts { own: " 13.100 reos ", near: " 13.100 reos ", clause: " 13.100 reos ", ..texts };
        assert!(book.fit(&frame("prisoners", "cecot"), &book.read("es", &alone, None, false), false, false).is_some());
    }

    #[test]
    fn a_definite_noun_stands_for_the_subject_its_article_names() {
        let book = FrameBook::parse(
            "t",
            "[quantity.capacity]\nes = [\"capacidad para\"]\n[subject.cecot]\nstands_for_any_prison = true\nstands_for.es = [\"el penal\"]\nes = [\"cecot\"]\n",
        )
        .unwrap();
        let own = " capacidad para 47.500 reos ";
        let texts = Texts { own, near: " el penal tiene capacidad para 47.500 reos ", clause: "", sentence: "", previous: "", article: &book.article_subjects("es", " el cecot abrió en 2023 ") };
        let mut reading = book.read("es", &texts, None, false);
        assert!(book.fit(&frame("capacity", "cecot"), &reading, false, false).is_none());
        book.read_stand_ins("es", &texts, &mut reading, false);
        assert_eq!(book.fit(&frame("capacity", "cecot"), &reading, false, false).unwrap().evidence(), "quantity: capacidad para (own) ; subject: el penal (clause)");
        // Not when the article names another prison: "el penal" may be that one.
        let mut other = book.read("es", &texts, None, false);
        book.read_stand_ins("es", &texts, &mut other, true);
        assert!(book.fit(&frame("capacity", "cecot"), &other, false, false).is_none());
    }

    #[test]
    fn an_unknown_frame_name_is_an_error() {
        let book = FrameBook::parse("t", BOOK).unwrap();
        assert!(book.check("m", &frame("capacity", "moon")).unwrap_err().contains("unknown subject"));
        assert!(FrameBook::parse("t", "[quantity.x]\nen = [\" \"]\n[subject]\n").is_err());
    }
}
