//! cecot-data: numeric mentions, claims and derived figures from news articles about CECOT,
//! El Salvador's prison system and the 2025 US deportations, as an open dataset.
//!
//! The modules follow the data flow: [`corpus`] reads raw/, [`extract`] finds the numeric
//! mentions, [`transform`] turns them into statements, derived figures and comparisons,
//! [`load`] writes and validates the tables, and [`report`] draws them as charts and pages.
//! [`review`] applies a reviewer's decisions to the mentions between extraction and transform.
//! [`pipeline`] runs them in order.

pub mod article;
pub mod bench;
pub mod bench_build;
pub mod corpus;
pub mod error;
pub mod extract;
pub mod knowledge;
pub mod load;
pub mod period;
pub mod pipeline;
pub mod report;
pub mod review;
pub mod shard;
pub mod stage_log;
pub mod transform;

pub use error::{Error, Result};
