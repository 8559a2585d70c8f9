//! The commands that write a project's files rather than check them:
//! `draft` (a fact sheet of a seed) and `init` (a new project), and the
//! shell completions and manual page of the command line.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::CommandFactory;

use super::{Cli, Console, Failure, exit};
use crate::diagnostic::Diagnostic;
use crate::source::Seed;
use crate::{draft, init};

/// `draft`: a fact sheet of one seed, written to `out` (never over a file) or printed.
pub(super) fn draft_sheet(console: &Console, root: &Path, seed: &Path, out: Option<&Path>) -> Result<u8, Failure> {
    let fail = |d: Diagnostic| -> Result<u8, Failure> {
        console.diagnostics(Path::new("."), &[d])?;
        Ok(exit::BAD_INPUT)
    };
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
        return fail(d);
    };
    // where the sheet is written, and its path in the project
    let (out, sheet) = match out {
        None => (None, draft::default_sheet(&seed_shown)),
        Some(given) => match within_root(root, given, false) {
            Some((path, shown)) => (Some(path), shown),
            None => {
                let d = Diagnostic::input(
                    "refused-output",
                    format!("{} is outside the project {}", given.display(), root.display()),
                )
                .in_file(given)
                .help("draft into the project's content/ folder, such as content/article.yaml");
                return fail(d);
            }
        },
    };
    let out = out.as_deref();
    if let Some(out) = out {
        if std::fs::symlink_metadata(out).is_ok() {
            let d = Diagnostic::input("refused-output", format!("{} already exists", out.display()))
                .in_file(out)
                .help("draft to a new file: tracebrief never writes over a fact sheet");
            return fail(d);
        }
        if out.extension().is_none_or(|e| e != "yaml") || crate::sheet::slug_of(out).is_none() {
            let d = Diagnostic::input("invalid-slug", format!("{} is no fact sheet's name", out.display()))
                .in_file(out)
                .help("name the sheet content/<slug>.yaml, the slug in lower-case letters, digits and hyphens");
            return fail(d);
        }
    }
    let seed = match Seed::load_as(&seed_path, &seed_shown) {
        Ok(seed) => seed,
        Err(e) => {
            console.diagnostics(root, &[Diagnostic::from(e)])?;
            return Ok(exit::BAD_INPUT);
        }
    };
    let drafted = draft::draft(&draft::Request { root, seed: &seed_shown, sheet: &sheet }, &seed);
    let summary = format!("{} actors, {} quotes, {} figures", drafted.actors, drafted.quotes, drafted.figures);
    // what the check finds outside the draft (a template of the project, its settings)
    let unsettled = drafted.diagnostics.len();
    let unsettled = (unsettled > 0).then(|| {
        format!("; the project's check still finds {unsettled} problem(s) outside the draft: run `tracebrief check`")
    });
    let Some(out) = out else {
        let mut stdout = console.stdout(false);
        stdout.write_all(drafted.yaml.as_bytes())?;
        stdout.flush()?;
        if !console.quiet || unsettled.is_some() {
            eprintln!("drafted {}: {summary}{}", seed_shown.display(), unsettled.unwrap_or_default());
        }
        return Ok(exit::OK);
    };
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
        return fail(d);
    }
    if !console.quiet || unsettled.is_some() {
        let mut stdout = console.stdout(console.colour());
        writeln!(stdout, "drafted {}: {summary}{}", out.display(), unsettled.unwrap_or_default())?;
        stdout.flush()?;
    }
    Ok(exit::OK)
}

/// `path` (relative to the current folder, or else to `root`) when it stands
/// inside `root`: where to read it, and its path relative to the root.
/// A path that need not `exist` is placed by its folder, which is made
/// when it is missing (`content/` of a project that has no sheet yet).
fn within_root(root: &Path, path: &Path, exist: bool) -> Option<(PathBuf, PathBuf)> {
    let real_root = root.canonicalize().ok()?;
    let candidates = [path.to_path_buf(), root.join(path)];
    for candidate in candidates.iter().filter(|c| !exist || c.is_file()) {
        let real = if exist {
            candidate.canonicalize().ok()
        } else {
            // the nearest folder that exists stands for the ones to make under it
            let parent = candidate.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
            let mut existing = parent.to_path_buf();
            let mut missing = Vec::new();
            while !existing.is_dir() {
                missing.push(existing.file_name()?.to_os_string());
                existing =
                    existing.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")).to_path_buf();
            }
            let under: PathBuf = missing.iter().rev().collect();
            existing.canonicalize().ok().zip(candidate.file_name()).map(|(p, name)| p.join(under).join(name))
        };
        if let Some(shown) = real.and_then(|r| r.strip_prefix(&real_root).ok().map(Path::to_path_buf)) {
            return Some((candidate.clone(), shown));
        }
    }
    None
}

/// `init`: a new project in `dir`; says what it created and what it kept.
pub(super) fn init_project(console: &Console, dir: &Path, force: bool) -> Result<u8, Failure> {
    let done = match init::init(dir, force) {
        Ok(done) => done,
        Err(d) => {
            console.diagnostics(Path::new("."), &[*d])?;
            return Ok(exit::BAD_INPUT);
        }
    };
    let mut stdout = console.stdout(console.colour());
    let shown = |file: &Path| if dir == Path::new(".") { file.to_path_buf() } else { dir.join(file) };
    for outcome in &done {
        match outcome {
            init::Outcome::Kept(file) => {
                writeln!(stdout, "kept {}: it is there already", shown(file).display())?;
            }
            init::Outcome::Created(file) if !console.quiet => {
                writeln!(stdout, "created {}", shown(file).display())?;
            }
            init::Outcome::Created(_) => {}
        }
    }
    if !console.quiet {
        let root = if dir == Path::new(".") { String::new() } else { format!(" --root {}", dir.display()) };
        writeln!(stdout, "next: tracebrief check{root}, then tracebrief build{root}")?;
    }
    stdout.flush()?;
    Ok(exit::OK)
}

/// `completions SHELL`: the completion script of the shell, on stdout.
pub(super) fn completions(console: &Console, shell: clap_complete::Shell) -> Result<u8, Failure> {
    let mut stdout = console.stdout(false);
    clap_complete::generate(shell, &mut Cli::command(), "tracebrief", &mut stdout);
    stdout.flush()?;
    Ok(exit::OK)
}

/// `man`: the manual page, in roff, on stdout.
pub(super) fn manual(console: &Console) -> Result<u8, Failure> {
    let mut stdout = console.stdout(false);
    clap_mangen::Man::new(Cli::command()).render(&mut stdout)?;
    stdout.flush()?;
    Ok(exit::OK)
}
