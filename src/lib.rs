//! tracebrief reads a news text (a *seed*) and proves that every number it
//! states is where a briefing says it is.
//!
//! The pipeline, one module a stage:
//! - [`source`]: load a seed and split it into sentences with byte spans;
//! - [`numbers`]: find the number mentions of a sentence, with exact values;
//! - [`scan`]: the `scan` command's report of both, for people and for machines;
//! - [`cli`]: the command line.

pub mod cli;
pub mod diagnostic;
pub mod error;
pub mod numbers;
pub mod project;
pub mod report;
pub mod scan;
pub mod sheet;
pub mod source;
pub mod trace;
