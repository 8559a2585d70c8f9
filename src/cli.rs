//! The command line (SPEC §7): parses arguments, runs a command, prints
//! errors, and picks the exit code.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::diagnostic::Tally;
use crate::error::InputError;
use crate::report::{self, Outcome};
use crate::source::Seed;
use crate::{project, scan, trace};

/// Exit codes of SPEC §7.
pub mod exit {
    pub const OK: u8 = 0;
    pub const CHECK_FAILED: u8 = 1;
    pub const BAD_INPUT: u8 = 2;
}

#[derive(Debug, Parser)]
#[command(
    name = "tracebrief",
    version,
    about = "Briefing sites whose every number is traced to a sentence of the source"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Prove every figure, quote and actor of the fact sheets against their seeds
    Check {
        /// The project folder
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// `human` for a terminal, `json` for tools, `github` for workflow annotations, `sarif` for code scanning
        #[arg(long, value_enum, default_value_t = report::Format::Human)]
        format: report::Format,
        /// Fail (exit 1) on warnings too
        #[arg(long)]
        strict: bool,
    },
    /// Show the sentences and number mentions of one text
    Scan {
        /// The text to scan (UTF-8)
        file: PathBuf,
        /// `human` for a terminal, `json` for tools (byte offsets into the file)
        #[arg(long, value_enum, default_value_t = ScanFormat::Human)]
        format: ScanFormat,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ScanFormat {
    Human,
    Json,
}

/// Runs the command line and returns the process's exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(Failure::Input(e)) => {
            eprintln!("error: {e}");
            ExitCode::from(exit::BAD_INPUT)
        }
        // the reader went away (`| head`): nothing more to say
        Err(Failure::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(exit::OK),
        Err(Failure::Io(e)) => {
            eprintln!("error: writing the output: {e}");
            ExitCode::from(exit::BAD_INPUT)
        }
    }
}

enum Failure {
    Input(InputError),
    Io(io::Error),
}

impl From<InputError> for Failure {
    fn from(e: InputError) -> Self {
        Failure::Input(e)
    }
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Io(e)
    }
}

fn run(cli: Cli) -> Result<u8, Failure> {
    match cli.command {
        Command::Check { root, format, strict } => check(&root, format, strict),
        Command::Scan { file, format } => {
            let seed = Seed::load(&file)?;
            let mentions = crate::numbers::scan_seed(&seed);
            match format {
                ScanFormat::Json => scan::write_json(&seed, &mentions, stdout(false))?,
                ScanFormat::Human => {
                    let colour = use_colour();
                    scan::write_human(&seed, &mentions, colour, stdout(colour))?
                }
            }
            Ok(exit::OK)
        }
    }
}

/// `check`: load the project, trace it, report; the exit code says how it went.
fn check(root: &std::path::Path, format: report::Format, strict: bool) -> Result<u8, Failure> {
    let colour = use_colour() && format == report::Format::Human;
    let stdout = stdout(colour);
    match project::load(root) {
        Err(failure) => {
            let outcome = Outcome {
                root,
                diagnostics: &failure.diagnostics,
                trace: None,
                strict,
                sources: &failure.sources,
            };
            report::write(format, &outcome, colour, stdout)?;
            Ok(exit::BAD_INPUT)
        }
        Ok(project) => {
            let trace = trace::trace(&project);
            let outcome = Outcome {
                root,
                diagnostics: &trace.diagnostics,
                trace: Some(&trace),
                strict,
                sources: &project.sources,
            };
            report::write(format, &outcome, colour, stdout)?;
            Ok(check_exit_code(Tally::of(&trace.diagnostics), strict))
        }
    }
}

fn check_exit_code(tally: Tally, strict: bool) -> u8 {
    if tally.input_errors > 0 {
        exit::BAD_INPUT
    } else if tally.passes(strict) {
        exit::OK
    } else {
        exit::CHECK_FAILED
    }
}

/// Buffered standard output; through anstream when it gets colour, so that
/// consoles without ANSI support are served too.
fn stdout(colour: bool) -> Box<dyn Write> {
    let out = io::stdout().lock();
    if colour {
        Box::new(io::BufWriter::new(anstream::AutoStream::always(out)))
    } else {
        Box::new(io::BufWriter::new(out))
    }
}

/// Colour only on a terminal, and never with `NO_COLOR` set (anstream's rules).
fn use_colour() -> bool {
    io::stdout().is_terminal() && anstream::AutoStream::choice(&io::stdout()) != anstream::ColorChoice::Never
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
