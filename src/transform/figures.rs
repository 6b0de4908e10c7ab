//! Distinct figures: the statements that state the same thing, grouped.
//!
//! Articles repeat each other: one count of deportees may be stated by hundreds of statements.
//! The derived figures combine *figures*, not statements, so their number does not grow with
//! how often a figure is repeated. A figure is one (measure, period, stated value, qualifier,
//! unit) and lists every statement that states it; a figure repeated by 500 articles is one
//! input naming 500 statements.

use std::collections::{BTreeSet, HashMap};

use super::inputs::Claim;

/// One distinct figure and the statements that state it.
#[derive(Debug, Clone)]
pub struct Figure<'c> {
    /// The first statement that states it (table order): the figure's values, period and unit.
    pub claim: &'c Claim,
    /// Every statement that states it, in table order.
    pub statements: Vec<&'c Claim>,
    /// The sources of those statements.
    pub sources: BTreeSet<&'c str>,
}

impl<'c> Figure<'c> {
    /// How many statements state it: the figure's weight when only the most-cited are kept.
    pub fn citations(&self) -> usize {
        self.statements.len()
    }

    /// Does any of its statements come from this source?
    pub fn stated_by(&self, source: &str) -> bool {
        self.sources.contains(source)
    }
}

/// What makes two statements the same figure. Floats by their bits: the values come from one
/// parser, so equal figures have equal bits.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct FigureKey<'c> {
    measure: &'c str,
    as_of: Option<&'c str>,
    value: Option<u64>,
    low: Option<u64>,
    high: Option<u64>,
    qualifier: &'c str,
    unit: Option<&'c str>,
    date: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
}

impl<'c> FigureKey<'c> {
    fn of(c: &'c Claim) -> FigureKey<'c> {
        FigureKey {
            measure: &c.measure,
            as_of: c.as_of.as_deref(),
            value: c.value.map(f64::to_bits),
            low: c.low.map(f64::to_bits),
            high: c.high.map(f64::to_bits),
            qualifier: &c.qualifier,
            unit: c.unit.as_deref(),
            date: c.date,
        }
    }
}

/// The distinct figures of some claims, in the order of their first statement.
pub fn group<'c>(claims: impl IntoIterator<Item = &'c Claim>) -> Vec<Figure<'c>> {
    let mut index: HashMap<FigureKey<'c>, usize> = HashMap::new();
    let mut figures: Vec<Figure<'c>> = Vec::new();
    for c in claims {
        let i = *index.entry(FigureKey::of(c)).or_insert_with(|| {
            figures.push(Figure { claim: c, statements: Vec::new(), sources: BTreeSet::new() });
            figures.len() - 1
        });
        figures[i].statements.push(c);
        figures[i].sources.insert(&c.source_id);
    }
    figures
}

/// Keep the `cap` most-cited figures (ties: the earlier first statement), in their original
/// order; returns how many there were before.
pub fn keep_most_cited<T>(figures: &mut Vec<T>, cap: usize, citations: impl Fn(&T) -> usize) -> usize {
    let before = figures.len();
    if before > cap {
        let mut order: Vec<usize> = (0..before).collect();
        order.sort_by_key(|&i| (std::cmp::Reverse(citations(&figures[i])), i));
        let kept: BTreeSet<usize> = order.into_iter().take(cap).collect();
        let mut i = 0;
        figures.retain(|_| {
            i += 1;
            kept.contains(&(i - 1))
        });
    }
    before
}
