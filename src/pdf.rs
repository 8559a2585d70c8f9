//! PDFs of the printable briefings, printed by headless Chromium.
//!
//! Each `print.html` is written to a private temporary folder and printed
//! with `--print-to-pdf`; the PDF's bytes join the rest of the site, which
//! `output` writes in one swap, so a failed print leaves nothing behind.
//! Chromium stamps the time into a PDF; the stamp is replaced by the
//! briefing's date (or a fixed one), so the same inputs give the same bytes.

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The names Chromium goes by on `PATH`.
const NAMES: &[&str] = &["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"];

/// A Chromium (or Chrome) to print with.
#[derive(Debug, Clone)]
pub struct Chromium {
    pub path: PathBuf,
}

#[derive(Debug)]
pub enum PdfError {
    /// No Chromium on `PATH`, or the one given does not exist.
    NotFound {
        given: Option<PathBuf>,
    },
    /// Chromium ran but made no PDF.
    Failed {
        briefing: String,
        reason: String,
    },
    /// Chromium did not finish in time.
    TimedOut {
        briefing: String,
        seconds: u64,
    },
    Io {
        action: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
}

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PdfError::NotFound { given: Some(path) } => write!(
                f,
                "--pdf: no Chromium at {} (given with --chromium); give the path of a chromium or google-chrome program",
                path.display()
            ),
            PdfError::NotFound { given: None } => write!(
                f,
                "--pdf needs headless Chromium, and none is on PATH; install it (Debian: apt-get install chromium) or give its path with --chromium PATH"
            ),
            PdfError::Failed { briefing, reason } => {
                write!(f, "--pdf: Chromium could not print the briefing {briefing}: {reason}; nothing was written")
            }
            PdfError::TimedOut { briefing, seconds } => write!(
                f,
                "--pdf: Chromium did not finish printing the briefing {briefing} within {seconds} s and was stopped; nothing was written (allow more time with --pdf-timeout)"
            ),
            PdfError::Io { action, path, source } => {
                write!(f, "--pdf: could not {action} {}: {source}; nothing was written", path.display())
            }
        }
    }
}

impl std::error::Error for PdfError {}

impl Chromium {
    /// The Chromium given, or the first one on `PATH`.
    pub fn find(given: Option<&Path>) -> Result<Chromium, PdfError> {
        if let Some(path) = given {
            return if path.is_file() {
                Ok(Chromium { path: path.to_path_buf() })
            } else {
                Err(PdfError::NotFound { given: Some(path.to_path_buf()) })
            };
        }
        let paths = std::env::var_os("PATH").unwrap_or_default();
        std::env::split_paths(&paths)
            .flat_map(|dir| NAMES.iter().map(move |name| dir.join(name)))
            .find(|candidate| candidate.is_file())
            .map(|path| Chromium { path })
            .ok_or(PdfError::NotFound { given: None })
    }
}

/// A printable briefing to print: its slug, date and `print.html`, and the
/// print stylesheet that page links to.
pub struct Printable<'a> {
    pub slug: &'a str,
    /// `YYYY-MM-DD`, stamped into the PDF instead of the time of printing.
    pub date: Option<&'a str>,
    pub html: &'a str,
    pub style: &'a str,
}

/// Prints every briefing, one after the other; the PDFs' bytes in the same order.
pub fn print_all(chromium: &Chromium, printables: &[Printable], timeout: Duration) -> Result<Vec<Vec<u8>>, PdfError> {
    let work = WorkFolder::new()?;
    printables.iter().map(|p| print_one(chromium, &work.path, p, timeout)).collect()
}

fn print_one(chromium: &Chromium, work: &Path, printable: &Printable, timeout: Duration) -> Result<Vec<u8>, PdfError> {
    let slug = printable.slug;
    let html = work.join(format!("{slug}.html"));
    let pdf = work.join(format!("{slug}.pdf"));
    let profile = work.join(format!("{slug}.profile"));
    std::fs::write(&html, for_paper(printable.html, printable.style)).map_err(|e| io("write", &html, e))?;
    let mut url = String::from("file://");
    url.push_str(&html.to_string_lossy());
    let mut command = Command::new(&chromium.path);
    // its own process group, so that a hung Chromium is stopped with all its helpers
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let child = command
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(&url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| io("start Chromium", &chromium.path, e))?;
    let outcome = wait(child, timeout).map_err(|e| io("wait for Chromium", &chromium.path, e))?;
    let failed = |reason: String| PdfError::Failed { briefing: slug.to_string(), reason };
    match outcome {
        Waited::TimedOut => return Err(PdfError::TimedOut { briefing: slug.to_string(), seconds: timeout.as_secs() }),
        Waited::Exited { success: false, stderr } => {
            return Err(failed(format!("it exited with an error ({})", last_line(&stderr))));
        }
        Waited::Exited { success: true, .. } => {}
    }
    let mut bytes = std::fs::read(&pdf).map_err(|_| failed("it wrote no PDF".to_string()))?;
    if !bytes.starts_with(b"%PDF-") {
        return Err(failed("what it wrote is not a PDF".to_string()));
    }
    stamp(&mut bytes, printable.date);
    Ok(bytes)
}

enum Waited {
    Exited { success: bool, stderr: String },
    TimedOut,
}

/// Waits for `child` until `timeout`, then kills it. Its messages are read
/// as they come, so a chatty Chromium never blocks on a full pipe.
fn wait(mut child: Child, timeout: Duration) -> std::io::Result<Waited> {
    let reader = child.stderr.take().map(|mut pipe| {
        std::thread::spawn(move || {
            let mut stderr = String::new();
            let _ = pipe.read_to_string(&mut stderr);
            stderr
        })
    });
    let deadline = Instant::now() + timeout;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break Some(status);
        }
        if Instant::now() >= deadline {
            stop(&mut child);
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let stderr = match (status, reader) {
        // a killed Chromium's children may keep the pipe open: do not wait for them
        (None, _) => return Ok(Waited::TimedOut),
        (Some(_), Some(reader)) => reader.join().unwrap_or_default(),
        (Some(_), None) => String::new(),
    };
    Ok(Waited::Exited { success: status.is_some_and(|s| s.success()), stderr })
}

/// Kills `child` and, on Unix, the process group it leads (Chromium's helpers).
fn stop(child: &mut Child) {
    #[cfg(unix)]
    {
        let group = format!("-{}", child.id());
        let _ = Command::new("kill").args(["-KILL", "--", &group]).stderr(Stdio::null()).status();
    }
    let _ = child.kill();
    let _ = child.wait();
}

fn last_line(stderr: &str) -> String {
    let line = stderr.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("no message");
    line.chars().take(200).collect()
}

fn io(action: &'static str, path: &Path, source: std::io::Error) -> PdfError {
    PdfError::Io { action, path: path.to_path_buf(), source }
}

/// The print page as a PDF should hold it: links to other pages of the site
/// become text (a PDF would hold them as addresses of the temporary folder
/// it was printed from); links within the page and to the web stay; the
/// print stylesheet the page links is put in it, as the page is printed
/// away from the site.
fn for_paper(html: &str, style: &str) -> String {
    use lol_html::html_content::ContentType;
    use lol_html::{RewriteStrSettings, element, rewrite_str};
    let settings = RewriteStrSettings::new()
        .append_element_content_handler(element!("a[href]", |el| {
            let href = el.get_attribute("href").unwrap_or_default().to_ascii_lowercase();
            if !(href.starts_with('#') || href.starts_with("https://") || href.starts_with("http://")) {
                el.remove_attribute("href");
            }
            Ok(())
        }))
        .append_element_content_handler(element!("link[rel=stylesheet][href$='print.css']", |el| {
            el.replace(&format!("<style>\n{style}</style>"), ContentType::Html);
            Ok(())
        }));
    rewrite_str(html, settings).unwrap_or_else(|_| html.to_string())
}

/// Replaces the 14 digits of `/CreationDate (D:…` and `/ModDate (D:…` with the
/// briefing's date (or 1 January 2000), keeping every byte offset of the file.
fn stamp(pdf: &mut [u8], date: Option<&str>) {
    let digits: Vec<u8> = match date.filter(|d| d.len() == 10) {
        Some(d) => format!("{}{}{}000000", &d[0..4], &d[5..7], &d[8..10]).into_bytes(),
        None => b"20000101000000".to_vec(),
    };
    for key in [&b"/CreationDate (D:"[..], &b"/ModDate (D:"[..]] {
        let mut from = 0;
        while let Some(at) = find(&pdf[from..], key) {
            let start = from + at + key.len();
            let end = start + digits.len();
            if end <= pdf.len() && pdf[start..end].iter().all(u8::is_ascii_digit) {
                pdf[start..end].copy_from_slice(&digits);
            }
            from = end.min(pdf.len());
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A private temporary folder, removed when dropped.
struct WorkFolder {
    path: PathBuf,
}

impl WorkFolder {
    fn new() -> Result<WorkFolder, PdfError> {
        let base = std::env::temp_dir();
        for n in 0..100u32 {
            let path = base.join(format!("tracebrief-pdf-{}-{n}", std::process::id()));
            match std::fs::create_dir(&path) {
                Ok(()) => return Ok(WorkFolder { path }),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(io("create the temporary folder", &path, e)),
            }
        }
        Err(io("create a temporary folder in", &base, std::io::Error::other("all names taken")))
    }
}

impl Drop for WorkFolder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_time_of_printing_becomes_the_briefings_date() {
        let mut pdf = b"%PDF-1.4 /CreationDate (D:20261125204928+00'00') /ModDate (D:20261125204930+00'00')".to_vec();
        stamp(&mut pdf, Some("2025-02-17"));
        assert_eq!(
            pdf,
            b"%PDF-1.4 /CreationDate (D:20250217000000+00'00') /ModDate (D:20250217000000+00'00')".to_vec()
        );
        stamp(&mut pdf, None);
        assert!(String::from_utf8_lossy(&pdf).contains("(D:20000101000000+00'00')"));
    }

    #[test]
    fn only_links_within_the_page_or_to_the_web_stay_links() {
        let html = for_paper(
            r##"<a href="source.html#s2">a</a><a href="#note-1">b</a><a href="https://example.org/x">c</a>"##,
            "",
        );
        assert_eq!(html, r##"<a>a</a><a href="#note-1">b</a><a href="https://example.org/x">c</a>"##);
    }

    #[test]
    fn the_print_stylesheet_is_put_in_the_page() {
        let html = for_paper(r#"<head><link rel="stylesheet" href="../../print.css"></head>"#, "p { margin: 0 }\n");
        assert_eq!(html, "<head><style>\np { margin: 0 }\n</style></head>");
    }

    #[test]
    fn a_missing_chromium_names_the_flag_and_the_package() {
        let e = Chromium::find(Some(Path::new("/nonexistent/chromium"))).unwrap_err();
        assert!(e.to_string().contains("--chromium"), "{e}");
        let e = PdfError::NotFound { given: None };
        assert!(e.to_string().contains("apt-get install chromium") && e.to_string().contains("--chromium"), "{e}");
    }
}
