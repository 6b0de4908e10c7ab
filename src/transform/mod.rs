//! Transform: from mentions to the tables an analyst queries: statements (claims with a
//! measure and a period), derived figures computed from them by the formulas of
//! schemas/derived.toml, and the cross-source comparison of each measure.

pub mod as_of;
pub mod claims;
pub mod comparisons;
pub mod corpus_start;
pub mod derived;
pub mod figures;
pub mod frames;
pub mod fixed_periods;
pub mod point_periods;
pub mod group_periods;
pub mod inputs;
pub mod own_phrase;
pub mod persons;
pub mod running_totals;
pub mod same_time;
pub mod statements;

pub use claims::Catalog;
