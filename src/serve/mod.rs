//! `serve`: the site built in memory, served on 127.0.0.1, built again when
//! the project changes, and each open page reloaded once it is.
//!
//! Three parts, one a thread: the watcher (`watch`) turns changes to the
//! project's files into lists of paths; the builder (here) builds again
//! what they touch ([`crate::build::LiveSite`]) and says what it found, on
//! the terminal and to the server; the server (`http`) answers from the
//! last site whose check passed, and adds to every page the script that
//! reloads it and, while the check fails, the overlay that lists why
//! (`page`). Nothing is written to disk.

mod http;
mod page;
mod watch;

use std::io::{self, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use tokio::sync::watch as latest;

use crate::build::{LiveSite, Rebuilt};
use crate::diagnostic::{Diagnostic, Severity, Sources};
use crate::output::MemoryFiles;
use crate::report::{self, Outcome};

/// What `serve` was asked to do.
pub struct Options {
    pub root: PathBuf,
    /// The port on 127.0.0.1; 0 for any free one.
    pub port: u16,
    /// Open the site in the browser once it is served.
    pub open: bool,
    /// Colour the diagnostics on standard output.
    pub colour: bool,
    /// Say only what went wrong.
    pub quiet: bool,
}

/// What the server shows: the last site whose check passed and, while the
/// check fails, why.
#[derive(Clone)]
pub struct Shown {
    pub files: Arc<MemoryFiles>,
    /// The overlay listing the diagnostics, while the check fails.
    pub overlay: Option<Arc<str>>,
    /// Which build this is: a page made by another reloads.
    pub build: Arc<str>,
}

/// Serves the project until Ctrl-C; the exit code.
pub fn serve(options: &Options) -> io::Result<u8> {
    let root = options.root.as_path();
    if !root.is_dir() {
        let d = Diagnostic::input("no-project", format!("{} is not a folder", root.display()))
            .in_file(Path::new("."))
            .help("give the project folder with --root, or run tracebrief inside it");
        print_diagnostics(root, &[d], &Sources::default(), options.colour)?;
        return Ok(crate::cli::exit::BAD_INPUT);
    }
    let listener = match listen(options.port) {
        Ok(listener) => listener,
        Err(d) => {
            print_diagnostics(Path::new("."), &[*d], &Sources::default(), options.colour)?;
            return Ok(crate::cli::exit::BAD_INPUT);
        }
    };
    let address = listener.local_addr()?;

    let started = Instant::now();
    let progress = crate::progress::Progress::start("building the site in memory", !options.quiet);
    let mut site = LiveSite::new(root);
    let rebuilt = site.build_everything();
    progress.finish();
    let builder = Builder {
        root: root.to_path_buf(),
        colour: options.colour,
        quiet: options.quiet,
        server: server_name(),
        count: 0,
    };
    builder.tell(&rebuilt, started.elapsed(), &[])?;
    let (show, shown) = latest::channel(builder.shown(&site, &rebuilt));

    // the watcher sends the builder the files that changed
    let (changed, changes) = std::sync::mpsc::channel();
    let watcher = match watch::Watcher::start(root, changed) {
        Ok(watcher) => watcher,
        Err(e) => {
            let d = Diagnostic::input("cannot-watch", format!("cannot watch {} for changes: {e}", root.display()))
                .help("on Linux, raise fs.inotify.max_user_watches, or close other programs that watch files");
            print_diagnostics(Path::new("."), &[d], &Sources::default(), options.colour)?;
            return Ok(crate::cli::exit::BAD_INPUT);
        }
    };
    std::thread::spawn(move || builder.run(site, watcher, &changes, &show));

    let url = format!("http://{address}/");
    eprintln!("serving {} at {url}", root.display());
    if options.open
        && let Err(e) = opener::open(&url)
    {
        eprintln!("could not open a browser ({e}); open {url} yourself");
    }
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    runtime.block_on(http::serve(listener, shown))?;
    if !options.quiet {
        eprintln!("stopped");
    }
    Ok(crate::cli::exit::OK)
}

/// The socket on 127.0.0.1, or the diagnostic that says why there is none.
fn listen(port: u16) -> Result<TcpListener, Box<Diagnostic>> {
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    TcpListener::bind(address).and_then(|l| l.set_nonblocking(true).map(|()| l)).map_err(|e| {
        let d = if e.kind() == io::ErrorKind::AddrInUse {
            Diagnostic::input("port-in-use", format!("port {port} of 127.0.0.1 is in use")).help(format!(
                "another program (or another `tracebrief serve`) has it: pass another port with --port, \
                     such as --port {}, or --port 0 for any free one",
                port.saturating_add(1)
            ))
        } else {
            Diagnostic::input("cannot-listen", format!("cannot listen on {address}: {e}"))
                .help("pass another port with --port; ports under 1024 need privileges")
        };
        Box::new(d)
    })
}

/// The builder's thread: builds again on each change and says what it found.
struct Builder {
    root: PathBuf,
    colour: bool,
    quiet: bool,
    /// This server's name, and the builds it made so far: together, the name of a build.
    server: String,
    count: u64,
}

impl Builder {
    fn run(
        mut self,
        mut site: LiveSite,
        mut watcher: watch::Watcher,
        changes: &Receiver<Vec<PathBuf>>,
        show: &latest::Sender<Shown>,
    ) {
        while let Ok(first) = changes.recv() {
            // changes that came in while the last build ran are built together
            let mut files = first;
            files.extend(changes.try_iter().flatten());
            files.sort();
            files.dedup();
            watcher.watch_new_folders();
            let started = Instant::now();
            let Some(rebuilt) = site.rebuild(&files) else { continue };
            let took = started.elapsed();
            if self.tell(&rebuilt, took, &files).is_err() {
                return;
            }
            self.count += 1;
            if show.send(self.shown(&site, &rebuilt)).is_err() {
                return;
            }
        }
    }

    /// What the server is to show after `rebuilt`.
    fn shown(&self, site: &LiveSite, rebuilt: &Rebuilt) -> Shown {
        let files = site.served();
        let overlay =
            (!rebuilt.passed()).then(|| Arc::from(page::overlay(&self.root, &rebuilt.run, !files.is_empty())));
        Shown { files, overlay, build: Arc::from(format!("{}-{}", self.server, self.count)) }
    }

    /// Says how a build went: its diagnostics on standard output when it
    /// failed (its warnings when it passed), a line on standard error.
    fn tell(&self, rebuilt: &Rebuilt, took: Duration, files: &[PathBuf]) -> io::Result<()> {
        let run = &rebuilt.run;
        let shown: Vec<Diagnostic> = run.diagnostics.iter().filter(|d| d.severity != Severity::Note).cloned().collect();
        if !shown.is_empty() {
            let outcome = Outcome {
                root: &self.root,
                diagnostics: &shown,
                trace: Some(&run.trace),
                sources: &run.sources,
                strict: false,
            };
            report::write(report::Format::Human, &outcome, self.colour, crate::cli::stdout(self.colour))?;
        }
        let what = match files {
            [] => String::new(),
            [one] => format!("{} changed: ", one.display()),
            more => format!("{} files changed: ", more.len()),
        };
        let ms = took.as_millis();
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let done = if rebuilt.everything {
            format!(
                "built everything in {ms} ms ({}, {})",
                plural(rebuilt.briefings, "briefing"),
                plural(rebuilt.lists, "list page")
            )
        } else {
            format!(
                "rebuilt in {ms} ms ({}, {})",
                plural(rebuilt.briefings, "briefing"),
                plural(rebuilt.lists, "list page")
            )
        };
        let mut stderr = io::stderr().lock();
        if rebuilt.passed() {
            if !self.quiet {
                writeln!(stderr, "{what}{done}")?;
            }
        } else {
            let tally = run.tally();
            writeln!(
                stderr,
                "{what}the check failed ({}, {}) in {ms} ms; the last site that passed is still served",
                plural(tally.errors, "error"),
                plural(tally.warnings, "warning")
            )?;
        }
        Ok(())
    }
}

/// A name for this server, so that a page an earlier one served (the
/// browser still open) reloads too.
fn server_name() -> String {
    let started = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis());
    format!("{}-{started}", std::process::id())
}

fn print_diagnostics(root: &Path, diagnostics: &[Diagnostic], sources: &Sources, colour: bool) -> io::Result<()> {
    report::write_diagnostics(root, diagnostics, sources, colour, crate::cli::stdout(colour))
}
