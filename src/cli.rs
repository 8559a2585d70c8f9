//! The command line: parses arguments, runs a command, prints
//! errors, and picks the exit code.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand, ValueEnum};

use crate::config::Settings;
use crate::diagnostic::{Diagnostic, Severity, Tally};
use crate::error::InputError;
use crate::pdf::{self, Chromium};
use crate::project::{self, Project};
use crate::report::{self, Outcome};
use crate::source::Seed;
use crate::{build, output, scan};

/// Exit codes: 0 success, 1 the check found errors, 2 bad usage or input.
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
    /// Build the briefing site; runs the check first and writes nothing unless it passes
    Build {
        /// The project folder
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site (default: the project's site/)
        #[arg(long)]
        out: Option<PathBuf>,
        /// Replace an output folder tracebrief did not make
        #[arg(long)]
        force: bool,
        /// Also print each briefing to briefings/<slug>/briefing.pdf, with headless Chromium
        #[arg(long)]
        pdf: bool,
        /// The Chromium (or Chrome) to print with (default: the first on PATH)
        #[arg(long, value_name = "PATH", requires = "pdf")]
        chromium: Option<PathBuf>,
        /// Seconds Chromium may take to print one briefing before it is stopped
        #[arg(long, value_name = "SECONDS", default_value_t = 120, requires = "pdf")]
        pdf_timeout: u64,
    },
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
    /// Remove a previous site that a build left beside the new one (run by `build` itself, in the background)
    #[command(hide = true)]
    RemoveOldSite { folder: PathBuf },
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
        Command::Build { root, out, force, pdf, chromium, pdf_timeout } => {
            let pdf = if pdf {
                match Chromium::find(chromium.as_deref()) {
                    Ok(found) => Some((found, Duration::from_secs(pdf_timeout))),
                    Err(e) => {
                        eprintln!("error: {e}");
                        return Ok(exit::BAD_INPUT);
                    }
                }
            } else {
                None
            };
            build_site(BuildRequest { root, out, force, pdf })
        }
        Command::RemoveOldSite { folder } => {
            output::remove_old_site(&folder);
            Ok(exit::OK)
        }
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

/// An opened project with its settings, or the input errors that stop it.
fn open(root: &Path) -> Result<(Project, Settings), project::LoadFailure> {
    let project = project::open(root)?;
    let mut sources = crate::diagnostic::Sources::default();
    match Settings::load(root, &mut sources) {
        Ok(settings) => Ok((project, settings)),
        Err(d) => Err(project::LoadFailure { diagnostics: vec![*d], sources }),
    }
}

/// `check`: load, trace, render and verify every page, writing nothing; report; the exit code says how it went.
fn check(root: &Path, format: report::Format, strict: bool) -> Result<u8, Failure> {
    let colour = use_colour() && format == report::Format::Human;
    let stdout = stdout(colour);
    let (project, settings) = match open(root) {
        Ok(opened) => opened,
        Err(failure) => {
            let outcome =
                Outcome { root, diagnostics: &failure.diagnostics, trace: None, strict, sources: &failure.sources };
            report::write(format, &outcome, colour, stdout)?;
            return Ok(exit::BAD_INPUT);
        }
    };
    let keep_facts = matches!(format, report::Format::Json);
    let run = build::run(&project, &settings, build::Output::Nowhere, keep_facts);
    let outcome =
        Outcome { root, diagnostics: &run.diagnostics, trace: Some(&run.trace), strict, sources: &run.sources };
    report::write(format, &outcome, colour, stdout)?;
    Ok(check_exit_code(run.tally(), strict))
}

/// What `build` was asked to do.
struct BuildRequest {
    root: PathBuf,
    out: Option<PathBuf>,
    force: bool,
    /// Print PDFs too, with this Chromium, each within this time.
    pdf: Option<(Chromium, Duration)>,
}

/// `build`: everything `check` does, writing each page into a new folder
/// beside the site as it is made, and swapping it in only when all passed.
fn build_site(request: BuildRequest) -> Result<u8, Failure> {
    let root = request.root.as_path();
    let colour = use_colour();
    let mut stdout = stdout(colour);
    let (project, mut settings) = match open(root) {
        Ok(opened) => opened,
        Err(failure) => {
            let outcome = Outcome {
                root,
                diagnostics: &failure.diagnostics,
                trace: None,
                strict: false,
                sources: &failure.sources,
            };
            report::write(report::Format::Human, &outcome, colour, stdout)?;
            return Ok(exit::BAD_INPUT);
        }
    };
    settings.pdf = request.pdf.is_some();
    let target =
        request.out.unwrap_or_else(|| if root == Path::new(".") { PathBuf::from("site") } else { root.join("site") });
    if let Some(why) = build::endangers_project(root, &target) {
        eprintln!(
            "error: refusing to write the site to {}: it {why}; give another folder with --out",
            target.display()
        );
        return Ok(exit::BAD_INPUT);
    }
    // the previous site is removed by this program again, in the background, once the new one is in place
    let removal = std::env::current_exe().map_or(output::Removal::Inline, output::Removal::Background);
    let staging = match output::Staging::begin(&target, request.force, removal) {
        Ok(staging) => staging,
        Err(e) => {
            eprintln!("error: {e}");
            return Ok(exit::BAD_INPUT);
        }
    };
    let run = build::run(&project, &settings, build::Output::Staging(&staging), false);
    let tally = run.tally();
    let outcome =
        Outcome { root, diagnostics: &run.diagnostics, trace: Some(&run.trace), strict: false, sources: &run.sources };
    if tally.errors > 0 {
        report::write(report::Format::Human, &outcome, colour, &mut stdout)?;
        drop(staging);
        writeln!(stdout, "nothing written: {} is as it was", target.display())?;
        stdout.flush()?;
        return Ok(check_exit_code(tally, false));
    }
    // a build that passes shows its warnings; notes (a figure stated twice…) are for `check`
    let warnings: Vec<Diagnostic> = run.diagnostics.iter().filter(|d| d.severity != Severity::Note).cloned().collect();
    if !warnings.is_empty() {
        report::write(report::Format::Human, &Outcome { diagnostics: &warnings, ..outcome }, colour, &mut stdout)?;
    }
    stdout.flush()?;
    if let Err(e) = add_pdfs(&run, &staging, request.pdf.as_ref()) {
        eprintln!("error: {e}");
        return Ok(exit::BAD_INPUT);
    }
    let files = staging.files() + 1;
    if let Err(e) = staging.commit() {
        eprintln!("error: {e}");
        return Ok(exit::BAD_INPUT);
    }
    writeln!(stdout, "built {}: {files} files; {}", target.display(), outcome.summary())?;
    stdout.flush()?;
    Ok(exit::OK)
}

/// Prints each briefing's `print.html` to `briefing.pdf` beside it, when asked.
fn add_pdfs(
    run: &build::Run,
    staging: &output::Staging,
    pdf: Option<&(Chromium, Duration)>,
) -> Result<(), pdf::PdfError> {
    let Some((chromium, timeout)) = pdf else { return Ok(()) };
    let read = |path: &Path| std::fs::read_to_string(staging.folder().join(path)).unwrap_or_default();
    let style = read(Path::new("print.css"));
    let pages: Vec<(&str, Option<&str>, String)> = run
        .briefings
        .iter()
        .map(|(slug, date)| {
            (slug.as_str(), date.as_deref(), read(&Path::new("briefings").join(slug).join("print.html")))
        })
        .collect();
    let printables: Vec<pdf::Printable> =
        pages.iter().map(|(slug, date, html)| pdf::Printable { slug, date: *date, html, style: &style }).collect();
    for ((slug, _, _), bytes) in pages.iter().zip(pdf::print_all(chromium, &printables, *timeout)?) {
        let path = PathBuf::from(format!("briefings/{slug}/briefing.pdf"));
        staging.write(&path, &bytes).map_err(|e| pdf::PdfError::Io {
            action: "write",
            path: path.clone(),
            source: std::io::Error::other(e.to_string()),
        })?;
    }
    Ok(())
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
