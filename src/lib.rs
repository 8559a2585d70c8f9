//! tracebrief reads a news text (a *seed*) and a fact sheet, proves that
//! every figure, quote and actor of the sheet is stated in a sentence of the
//! seed, and publishes a briefing site whose every number is traced.
//!
//! The pipeline, one module a stage:
//! - [`config`]: the project's settings (`tracebrief.yaml`);
//! - [`project`]: load the fact sheets ([`sheet`]) and their seeds ([`source`]),
//!   every input file checked by [`inputs`];
//! - [`numbers`]: find the number mentions of a sentence, with exact values;
//! - [`trace`]: prove each fact against the sentences of its seed;
//! - [`site`]: render the pages in memory;
//! - [`verify`]: check every number the pages publish (docs/published-numbers.md);
//! - [`pdf`]: print the printable briefings to PDF with headless Chromium;
//! - [`output`]: write the site, swapping it in only when complete;
//! - [`build`]: the run that strings these together for `check` and `build`,
//!   and keeps a site in memory up to date for `serve` ([`serve`]);
//! - [`draft`]: a first fact sheet of a seed, for an analyst to prune and label;
//! - [`init`]: a new project with the example briefing;
//! - [`progress`]: what a long run shows on a terminal while it works;
//! - [`report`], [`scan`], [`cli`]: what the commands print, and the command line.

pub mod build;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod draft;
pub mod error;
pub mod init;
pub mod inputs;
pub mod numbers;
pub mod output;
pub mod pdf;
pub mod progress;
pub mod project;
pub mod published;
pub mod report;
pub mod scan;
pub mod serve;
pub mod sheet;
pub mod site;
pub mod source;
pub mod trace;
pub mod verify;
