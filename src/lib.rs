//! tracebrief reads a news text (a *seed*) and proves that every number it
//! states is where a briefing says it is.
//!
//! The pipeline, one module a stage:
//! - [`source`]: load a seed and split it into sentences with byte spans;
//! - [`numbers`]: find the number mentions of a sentence, with exact values;
//! - [`scan`]: the `scan` command's report of both, for people and for machines;
//! - [`cli`]: the command line.

pub mod cli;
pub mod error;
pub mod numbers;
pub mod scan;
pub mod source;
