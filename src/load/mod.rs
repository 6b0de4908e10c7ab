//! Load: write the tables as CSV and Parquet with their data dictionary and Frictionless
//! data package, and validate a written dataset against the table definitions.

pub mod schema;
pub mod table;

pub use table::{Cell, Table};
