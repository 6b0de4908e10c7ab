//! Transform: from mentions to the tables an analyst queries: statements (claims with a
//! measure and a period), and later derived figures and the cross-source comparison.

pub mod claims;
pub mod statements;

pub use claims::Catalog;
