//! The command line: parses arguments, runs a command, prints
//! errors, and picks the exit code.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand, ValueEnum};

use crate::config::Settings;
use crate::diagnostic::{Diagnostic, Severity, Sources, Tally};
use crate::error::InputError;
use crate::output::SiteFiles;
use crate::pdf::{self, Chromium};
use crate::project::Project;
use crate::report::{self, Outcome};
use crate::source::Seed;
use crate::{build, draft, output, project, scan};

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
        Command::Draft { seed, out, root } => draft_sheet(&root, &seed, out.as_deref()),
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

/// A loaded project with its settings, or the input errors that stop it.
fn load(root: &Path) -> Result<(Project, Settings), project::LoadFailure> {
    let mut project = project::load(root)?;
    match Settings::load(root, &mut project.sources) {
        Ok(settings) => Ok((project, settings)),
        Err(d) => Err(project::LoadFailure { diagnostics: vec![*d], sources: project.sources }),
    }
}

/// `check`: load, trace, render in memory and verify; report; the exit code says how it went.
fn check(root: &Path, format: report::Format, strict: bool) -> Result<u8, Failure> {
    let colour = use_colour() && format == report::Format::Human;
    let stdout = stdout(colour);
    let (project, settings) = match load(root) {
        Ok(loaded) => loaded,
        Err(failure) => {
            let outcome =
                Outcome { root, diagnostics: &failure.diagnostics, trace: None, strict, sources: &failure.sources };
            report::write(format, &outcome, colour, stdout)?;
            return Ok(exit::BAD_INPUT);
        }
    };
    let mut sources = project.sources.clone();
    let run = build::run(&project, &settings, &mut sources);
    let outcome = Outcome { root, diagnostics: &run.diagnostics, trace: Some(&run.trace), strict, sources: &sources };
    report::write(format, &outcome, colour, stdout)?;
    Ok(check_exit_code(Tally::of(&run.diagnostics), strict))
}

/// What `build` was asked to do.
struct BuildRequest {
    root: PathBuf,
    out: Option<PathBuf>,
    force: bool,
    /// Print PDFs too, with this Chromium, each within this time.
    pdf: Option<(Chromium, Duration)>,
}

/// `build`: everything `check` does, then write the site — only when all passed.
fn build_site(request: BuildRequest) -> Result<u8, Failure> {
    let root = request.root.as_path();
    let colour = use_colour();
    let mut stdout = stdout(colour);
    let (project, mut settings) = match load(root) {
        Ok(loaded) => loaded,
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
    let mut sources = project.sources.clone();
    let run = build::run(&project, &settings, &mut sources);
    let tally = Tally::of(&run.diagnostics);
    let outcome =
        Outcome { root, diagnostics: &run.diagnostics, trace: Some(&run.trace), strict: false, sources: &sources };
    let target =
        request.out.unwrap_or_else(|| if root == Path::new(".") { PathBuf::from("site") } else { root.join("site") });
    let Some(mut site) = run.site.filter(|_| tally.errors == 0) else {
        report::write(report::Format::Human, &outcome, colour, &mut stdout)?;
        writeln!(stdout, "nothing written: {} is as it was", target.display())?;
        stdout.flush()?;
        return Ok(check_exit_code(tally, false));
    };
    // a build that passes shows its warnings; notes (a figure stated twice…) are for `check`
    let warnings: Vec<Diagnostic> = run.diagnostics.iter().filter(|d| d.severity != Severity::Note).cloned().collect();
    if !warnings.is_empty() {
        report::write(report::Format::Human, &Outcome { diagnostics: &warnings, ..outcome }, colour, &mut stdout)?;
    }
    stdout.flush()?;
    let refusal = build::endangers_project(root, &target).map(|why| {
        format!("refusing to write the site to {}: it {why}; give another folder with --out", target.display())
    });
    let written = match refusal {
        Some(refusal) => Err(refusal),
        None => add_pdfs(&project, &mut site, request.pdf.as_ref())
            .map_err(|e| e.to_string())
            .and_then(|()| output::write_site(&target, &site, request.force).map_err(|e| e.to_string())),
    };
    if let Err(message) = written {
        eprintln!("error: {message}");
        return Ok(exit::BAD_INPUT);
    }
    writeln!(stdout, "built {}: {} files; {}", target.display(), site.len() + 1, outcome.summary())?;
    stdout.flush()?;
    Ok(exit::OK)
}

/// `draft`: a fact sheet of one seed, written to `out` (never over a file) or printed.
fn draft_sheet(root: &Path, seed: &Path, out: Option<&Path>) -> Result<u8, Failure> {
    let colour = use_colour();
    let fail = |d: Diagnostic, sources: &Sources| -> Result<u8, Failure> {
        report::write_diagnostics(root, &[d], sources, colour, stdout(colour))?;
        Ok(exit::BAD_INPUT)
    };
    let no_sources = Sources::default();
    let Some((seed_path, seed_shown)) = within_root(root, seed, true) else {
        let d = if seed.exists() || root.join(seed).exists() {
            Diagnostic::input(
                "source-outside-root",
                format!("{} is outside the project {}", seed.display(), root.display()),
            )
            .in_file(seed)
            .help("copy the seed into the project's seeds/ folder, or give the project folder with --root")
        } else {
            Diagnostic::input("missing-seed", format!("the seed {} does not exist", seed.display()))
                .in_file(seed)
                .help("give the path of a text file of the project, such as seeds/article.txt")
        };
        return fail(d, &no_sources);
    };
    let sheet = match out {
        Some(out) => {
            within_root(root, out, false).map_or_else(|| draft::default_sheet(&seed_shown), |(_, shown)| shown)
        }
        None => draft::default_sheet(&seed_shown),
    };
    if let Some(out) = out {
        if std::fs::symlink_metadata(out).is_ok() {
            let d = Diagnostic::input("refused-output", format!("{} already exists", out.display()))
                .in_file(out)
                .help("draft to a new file: tracebrief never writes over a fact sheet");
            return fail(d, &no_sources);
        }
        if out.extension().is_none_or(|e| e != "yaml") || crate::sheet::slug_of(out).is_none() {
            let d = Diagnostic::input("invalid-slug", format!("{} is no fact sheet's name", out.display()))
                .in_file(out)
                .help("name the sheet content/<slug>.yaml, the slug in lower-case letters, digits and hyphens");
            return fail(d, &no_sources);
        }
    }
    let seed = match Seed::load_as(&seed_path, &seed_shown) {
        Ok(seed) => seed,
        Err(e) => return fail(Diagnostic::from(e), &no_sources),
    };
    let drafted = draft::draft(&draft::Request { root, seed: &seed_shown, sheet: &sheet }, &seed);
    let summary = format!("{} actors, {} quotes, {} figures", drafted.actors, drafted.quotes, drafted.figures);
    match out {
        None => {
            let mut stdout = stdout(false);
            stdout.write_all(drafted.yaml.as_bytes())?;
            stdout.flush()?;
            eprintln!("drafted {}: {summary}", seed_shown.display());
        }
        Some(out) => {
            if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent)?;
            }
            let written = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(out)
                .and_then(|mut file| file.write_all(drafted.yaml.as_bytes()));
            if let Err(e) = written {
                let d = Diagnostic::input("unreadable-file", format!("cannot write {}: {e}", out.display()))
                    .in_file(out)
                    .help("check that the folder exists and can be written");
                return fail(d, &no_sources);
            }
            let mut stdout = stdout(colour);
            writeln!(stdout, "drafted {}: {summary}", out.display())?;
            stdout.flush()?;
        }
    }
    Ok(exit::OK)
}

/// `path` (relative to the current folder, or else to `root`) when it stands
/// inside `root`: where to read it, and its path relative to the root.
/// A path that need not `exist` is placed by its folder.
fn within_root(root: &Path, path: &Path, exist: bool) -> Option<(PathBuf, PathBuf)> {
    let real_root = root.canonicalize().ok()?;
    let candidates = [path.to_path_buf(), root.join(path)];
    for candidate in candidates.iter().filter(|c| !exist || c.is_file()) {
        let real = if exist {
            candidate.canonicalize().ok()
        } else {
            let parent = candidate.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
            parent.canonicalize().ok().zip(candidate.file_name()).map(|(p, name)| p.join(name))
        };
        if let Some(shown) = real.and_then(|r| r.strip_prefix(&real_root).ok().map(Path::to_path_buf)) {
            return Some((candidate.clone(), shown));
        }
    }
    None
}

/// Prints each briefing's `print.html` to `briefing.pdf` beside it, when asked.
fn add_pdfs(project: &Project, site: &mut SiteFiles, pdf: Option<&(Chromium, Duration)>) -> Result<(), pdf::PdfError> {
    let Some((chromium, timeout)) = pdf else { return Ok(()) };
    let pages: Vec<(String, Option<&str>, String)> = project
        .briefings
        .iter()
        .map(|b| {
            let page = PathBuf::from(format!("briefings/{}/print.html", b.slug));
            let html = site.get(&page).map(|bytes| String::from_utf8_lossy(bytes).into_owned()).unwrap_or_default();
            (b.slug.clone(), b.date.as_ref().map(|d| d.value.as_str()), html)
        })
        .collect();
    let printables: Vec<pdf::Printable> =
        pages.iter().map(|(slug, date, html)| pdf::Printable { slug, date: *date, html }).collect();
    for ((slug, _, _), bytes) in pages.iter().zip(pdf::print_all(chromium, &printables, *timeout)?) {
        site.add(format!("briefings/{slug}/briefing.pdf"), bytes);
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
