//! The command line: parses arguments, runs a command, prints
//! errors, and picks the exit code. `check` and `build` live here, `serve` in
//! [`crate::serve`]; the commands that write a project's files (`draft`, `init`) and
//! the shell completions in `authoring`.

mod authoring;

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::{Parser, Subcommand, ValueEnum};

use crate::config::Settings;
use crate::diagnostic::{Diagnostic, Severity, Sources, Tally};
use crate::error::InputError;
use crate::output::OutputError;
use crate::pdf::{self, Chromium, PdfError};
use crate::progress::Progress;
use crate::project::Project;
use crate::report::{self, Outcome};
use crate::source::Seed;
use crate::{build, output, project, scan, serve};

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
    /// Print only what went wrong: no progress, no summary of a run that passed
    #[arg(long, short, global = true)]
    quiet: bool,
    /// When to colour the output (`auto`: on a terminal, unless NO_COLOR is set)
    #[arg(long, value_enum, value_name = "WHEN", global = true, default_value_t = ColorWhen::Auto)]
    color: ColorWhen,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorWhen {
    Auto,
    Always,
    Never,
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
    /// Draft a fact sheet of a seed, for an analyst to prune and label; it passes `check --strict` as written
    Draft {
        /// The seed to draft from (inside the project)
        seed: PathBuf,
        /// Where to write the sheet, such as content/SLUG.yaml (default: print it)
        #[arg(short, long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// The project folder
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Create a project with the example briefing, settings, a .gitignore and a GitHub Actions workflow
    Init {
        /// The folder to create the project in; it must be empty or new
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Add the missing files to a folder that is not empty (none is written over)
        #[arg(long)]
        force: bool,
    },
    /// Build the site in memory and serve it on 127.0.0.1; rebuild and reload on every change, errors as an overlay
    Serve {
        /// The project folder
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The port to serve on (0: any free one)
        #[arg(long, short, default_value_t = 1111)]
        port: u16,
        /// Open the site in the browser
        #[arg(long)]
        open: bool,
    },
    /// Show the sentences and number mentions of one text
    Scan {
        /// The text to scan (UTF-8)
        file: PathBuf,
        /// `human` for a terminal, `json` for tools (byte offsets into the file)
        #[arg(long, value_enum, default_value_t = ScanFormat::Human)]
        format: ScanFormat,
    },
    /// Print the completion script of a shell (bash, zsh, fish, elvish, powershell)
    Completions {
        /// The shell to complete in
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), for `man`
    Man,
    /// Remove a previous site that a build left beside the new one (run by `build` itself, in the background)
    #[command(hide = true)]
    RemoveOldSite { folder: PathBuf },
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

/// How a run talks: its colour and how much it says.
struct Console {
    color: ColorWhen,
    quiet: bool,
}

impl Console {
    /// Whether standard output gets colour.
    fn colour(&self) -> bool {
        match self.color {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => use_colour(),
        }
    }

    fn stdout(&self, colour: bool) -> Box<dyn Write> {
        stdout(colour)
    }

    /// The one printer of errors that are not a check's: rustc-style, on stdout.
    fn diagnostics(&self, root: &Path, diagnostics: &[Diagnostic]) -> io::Result<()> {
        let colour = self.colour();
        report::write_diagnostics(root, diagnostics, &Sources::default(), colour, self.stdout(colour))
    }
}

fn run(cli: Cli) -> Result<u8, Failure> {
    let console = Console { color: cli.color, quiet: cli.quiet };
    match cli.command {
        Command::Check { root, format, strict } => check(&console, &root, format, strict),
        Command::Build { root, out, force, pdf, chromium, pdf_timeout } => {
            let pdf = if pdf {
                match Chromium::find(chromium.as_deref()) {
                    Ok(found) => Some((found, Duration::from_secs(pdf_timeout))),
                    Err(e) => {
                        console.diagnostics(Path::new("."), &[pdf_diagnostic(&e)])?;
                        return Ok(exit::BAD_INPUT);
                    }
                }
            } else {
                None
            };
            build_site(&console, BuildRequest { root, out, force, pdf })
        }
        Command::Draft { seed, out, root } => authoring::draft_sheet(&console, &root, &seed, out.as_deref()),
        Command::Init { dir, force } => authoring::init_project(&console, &dir, force),
        Command::Serve { root, port, open } => {
            let options = serve::Options { root, port, open, colour: console.colour(), quiet: console.quiet };
            Ok(serve::serve(&options)?)
        }
        Command::Scan { file, format } => {
            let seed = Seed::load(&file)?;
            let mentions = crate::numbers::scan_seed(&seed);
            match format {
                ScanFormat::Json => scan::write_json(&seed, &mentions, stdout(false))?,
                ScanFormat::Human => {
                    let colour = console.colour();
                    scan::write_human(&seed, &mentions, colour, stdout(colour))?
                }
            }
            Ok(exit::OK)
        }
        Command::Completions { shell } => authoring::completions(&console, shell),
        Command::Man => authoring::manual(&console),
        Command::RemoveOldSite { folder } => {
            output::remove_old_site(&folder);
            Ok(exit::OK)
        }
    }
}

/// A message of the form `what went wrong; what to do` as a diagnostic with a help line.
fn with_help(code: &'static str, text: &str, file: &Path) -> Diagnostic {
    let d = match text.split_once("; ") {
        Some((message, help)) => Diagnostic::input(code, message).help(help),
        None => Diagnostic::input(code, text),
    };
    d.in_file(file)
}

fn pdf_diagnostic(e: &PdfError) -> Diagnostic {
    let code = if matches!(e, PdfError::NotFound { .. }) { "no-chromium" } else { "pdf-failed" };
    let file = match e {
        PdfError::NotFound { given: Some(path) } => path.clone(),
        PdfError::Io { path, .. } => path.clone(),
        PdfError::Failed { briefing, .. } | PdfError::TimedOut { briefing, .. } => {
            PathBuf::from(format!("briefings/{briefing}/print.html"))
        }
        PdfError::NotFound { given: None } => PathBuf::from("."),
    };
    with_help(code, &e.to_string(), &file)
}

fn output_diagnostic(e: &OutputError, target: &Path) -> Diagnostic {
    let code = match e {
        OutputError::NotOurs { .. }
        | OutputError::NotAFolder { .. }
        | OutputError::Symlink { .. }
        | OutputError::InvalidPath { .. } => "refused-output",
        OutputError::SwapFailed { .. } | OutputError::Io { .. } => "write-failed",
    };
    with_help(code, &e.to_string(), target)
}

/// An opened project with its settings, or the input errors that stop it.
fn open(root: &Path) -> Result<(Project, Settings), project::LoadFailure> {
    let project = project::open(root)?;
    let mut sources = Sources::default();
    match Settings::load(root, &mut sources) {
        Ok(settings) => Ok((project, settings)),
        Err(d) => Err(project::LoadFailure { diagnostics: vec![*d], sources }),
    }
}

/// `check`: load, trace, render and verify every page, writing nothing; report; the exit code says how it went.
fn check(console: &Console, root: &Path, format: report::Format, strict: bool) -> Result<u8, Failure> {
    let colour = console.colour() && format == report::Format::Human;
    let stdout = stdout(colour);
    // `--quiet`: the diagnostics, without the summary line
    let write = |outcome: &Outcome, stdout| {
        if console.quiet && format == report::Format::Human {
            report::write_diagnostics(outcome.root, outcome.diagnostics, outcome.sources, colour, stdout)
        } else {
            report::write(format, outcome, colour, stdout)
        }
    };
    let progress = Progress::start("opening the project", !console.quiet);
    let (project, settings) = match open(root) {
        Ok(opened) => opened,
        Err(failure) => {
            progress.finish();
            let outcome =
                Outcome { root, diagnostics: &failure.diagnostics, trace: None, strict, sources: &failure.sources };
            write(&outcome, stdout)?;
            return Ok(exit::BAD_INPUT);
        }
    };
    progress.stage(&checking(&project));
    let keep_facts = matches!(format, report::Format::Json);
    let run = build::run(&project, &settings, build::Output::Nowhere, keep_facts);
    progress.finish();
    let outcome =
        Outcome { root, diagnostics: &run.diagnostics, trace: Some(&run.trace), strict, sources: &run.sources };
    write(&outcome, stdout)?;
    Ok(check_exit_code(run.tally(), strict))
}

/// The stage a progress line names while a project is checked.
fn checking(project: &Project) -> String {
    let n = project.sheets.len();
    format!("tracing, rendering and verifying {n} briefing{}", if n == 1 { "" } else { "s" })
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
fn build_site(console: &Console, request: BuildRequest) -> Result<u8, Failure> {
    let started = Instant::now();
    let root = request.root.as_path();
    let colour = console.colour();
    let mut stdout = stdout(colour);
    let progress = Progress::start("opening the project", !console.quiet);
    let (project, mut settings) = match open(root) {
        Ok(opened) => opened,
        Err(failure) => {
            progress.finish();
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
        progress.finish();
        let refusal = Diagnostic::input(
            "refused-output",
            format!("refusing to write the site to {}: it {why}", target.display()),
        )
        .in_file(&target)
        .help("give another folder with --out");
        console.diagnostics(Path::new("."), &[refusal])?;
        return Ok(exit::BAD_INPUT);
    }
    // the previous site is removed by this program again, in the background, once the new one is in place
    let removal = std::env::current_exe().map_or(output::Removal::Inline, output::Removal::Background);
    let staging = match output::Staging::begin(&target, request.force, removal) {
        Ok(staging) => staging,
        Err(e) => {
            progress.finish();
            console.diagnostics(Path::new("."), &[output_diagnostic(&e, &target)])?;
            return Ok(exit::BAD_INPUT);
        }
    };
    progress.stage(&checking(&project));
    let mut run = build::run(&project, &settings, build::Output::Staging(&staging), false);
    let tally = run.tally();
    if tally.errors == 0 {
        // a build that passes shows its warnings; notes (a figure stated twice…) are for `check`
        run.diagnostics.retain(|d| d.severity != Severity::Note);
    }
    let outcome =
        Outcome { root, diagnostics: &run.diagnostics, trace: Some(&run.trace), strict: false, sources: &run.sources };
    if tally.errors > 0 {
        progress.finish();
        drop(staging);
        report::write(report::Format::Human, &outcome, colour, &mut stdout)?;
        writeln!(stdout, "nothing written: {} is as it was", target.display())?;
        stdout.flush()?;
        return Ok(check_exit_code(tally, false));
    }
    if !run.diagnostics.is_empty() {
        progress.finish();
        report::write(report::Format::Human, &outcome, colour, &mut stdout)?;
    }
    stdout.flush()?;
    if request.pdf.is_some() {
        progress.stage("printing the briefings to PDF");
    }
    let written =
        add_pdfs(&run, &staging, request.pdf.as_ref()).map_err(|e| Box::new(pdf_diagnostic(&e))).and_then(|()| {
            let files = staging.files() + 1;
            staging.commit().map(|()| files).map_err(|e| Box::new(output_diagnostic(&e, &target)))
        });
    progress.finish();
    let files = match written {
        Ok(files) => files,
        Err(d) => {
            console.diagnostics(Path::new("."), &[*d])?;
            return Ok(exit::BAD_INPUT);
        }
    };
    if !console.quiet {
        let folder = target.display().to_string();
        let slash = if folder.ends_with('/') { "" } else { "/" };
        let seconds = started.elapsed().as_secs_f64();
        writeln!(stdout, "built {folder}{slash} in {seconds:.1} s: {files} files; {}", outcome.summary())?;
    }
    stdout.flush()?;
    Ok(exit::OK)
}

/// Prints each briefing's `print.html` to `briefing.pdf` beside it, when asked.
fn add_pdfs(run: &build::Run, staging: &output::Staging, pdf: Option<&(Chromium, Duration)>) -> Result<(), PdfError> {
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
        staging.write(&path, &bytes).map_err(|e| PdfError::Io {
            action: "write",
            path: path.clone(),
            source: io::Error::other(e.to_string()),
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
pub(crate) fn stdout(colour: bool) -> Box<dyn Write> {
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
