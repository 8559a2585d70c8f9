//! `serve` end to end: the binary serves a copy of the example project on a
//! free port; a test fetches pages over HTTP (a plain HTTP/1.1 GET on a
//! socket), listens to the build events as a page does, changes the
//! project's files and sees the new pages, the overlay of a failing check,
//! and its end.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{EXAMPLE_SHEET, EXAMPLE_SLUG, Project};

/// How long anything may take on a busy machine: generous, and never asserted as a time.
const PATIENCE: Duration = Duration::from_secs(60);

/// A running `tracebrief serve`, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
    /// What it printed on standard output and standard error so far.
    stdout: Arc<Mutex<String>>,
    stderr: Arc<Mutex<String>>,
}

impl Server {
    /// Serves `project` on a free port, once it says where.
    fn start(project: &Project) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_tracebrief"))
            .args(["serve", "--port", "0", "--root"])
            .arg(project.root())
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("starting tracebrief serve");
        let stdout = collect(child.stdout.take().unwrap(), None);
        let (lines, said) = mpsc::channel();
        let stderr = collect(child.stderr.take().unwrap(), Some(lines));
        let mut server = Server { child, port: 0, stdout, stderr };
        let serving = server.wait_for_line(&said, "serving ");
        let url = serving.split(" at ").nth(1).expect("the serving line names the address").trim();
        let port = url.trim_start_matches("http://127.0.0.1:").trim_end_matches('/');
        server.port = port.parse().unwrap_or_else(|_| panic!("no port in {serving:?}"));
        server
    }

    fn wait_for_line(&mut self, said: &Receiver<String>, start: &str) -> String {
        let deadline = Instant::now() + PATIENCE;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match said.recv_timeout(left) {
                Ok(line) if line.starts_with(start) => return line,
                Ok(_) => {}
                Err(_) => break,
            }
        }
        panic!("the server never said {start:?}\n{}", self.said());
    }

    fn said(&mut self) -> String {
        let status = self.child.try_wait().ok().flatten().map_or("running".to_string(), |s| s.to_string());
        let (stdout, stderr) = (self.stdout.lock().unwrap().clone(), self.stderr.lock().unwrap().clone());
        format!("(server {status})\n--- stdout\n{stdout}\n--- stderr\n{stderr}")
    }

    /// What it printed so far, once it has printed each of `needles`: it
    /// may log a build a moment after announcing it, and its two streams are
    /// read apart (or not at all, within patience).
    fn said_once(&mut self, needles: &[&str]) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let said = self.said();
            if needles.iter().all(|n| said.contains(n)) || Instant::now() > deadline {
                return said;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn get(&self, path: &str) -> Response {
        get(self.port, path)
    }

    /// Listens to the build events, as a page does.
    fn events(&self) -> Events {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connecting to the server");
        stream.set_read_timeout(Some(Duration::from_millis(200))).unwrap();
        write!(stream, "GET /__tracebrief/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
            .unwrap();
        Events { stream, received: String::new(), seen: 0 }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Reads `from` into a string as it comes, sending each line to `lines`.
fn collect(from: impl Read + Send + 'static, lines: Option<mpsc::Sender<String>>) -> Arc<Mutex<String>> {
    let text = Arc::new(Mutex::new(String::new()));
    let into = Arc::clone(&text);
    std::thread::spawn(move || {
        for line in BufReader::new(from).lines() {
            let Ok(line) = line else { break };
            into.lock().unwrap().push_str(&format!("{line}\n"));
            if let Some(lines) = &lines {
                let _ = lines.send(line);
            }
        }
    });
    text
}

/// An HTTP response, read whole.
struct Response {
    status: u16,
    head: String,
    body: String,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name).then(|| value.trim())
        })
    }
}

/// `GET path` over a connection of its own.
fn get(port: u16, path: &str) -> Response {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connecting to the server");
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("reading the response");
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    Response { status, head: head.to_string(), body: body.to_string() }
}

/// The build events of one connection.
struct Events {
    stream: TcpStream,
    received: String,
    /// How many builds were already taken.
    seen: usize,
}

impl Events {
    /// The builds named so far (`data:` of each `reload` event).
    fn builds(&self) -> Vec<String> {
        let events = self.received.split("event: reload").skip(1);
        events
            .filter_map(|event| {
                let data = event.split("data: ").nth(1)?;
                let end = data.find(['\r', '\n'])?;
                Some(data[..end].to_string())
            })
            .collect()
    }

    /// The next build named, after those already taken.
    fn next(&mut self) -> String {
        let deadline = Instant::now() + PATIENCE;
        let mut buffer = [0; 4096];
        while Instant::now() < deadline {
            if let Some(build) = self.builds().get(self.seen) {
                self.seen += 1;
                return build.clone();
            }
            match self.stream.read(&mut buffer) {
                Ok(0) => break,
                Ok(n) => self.received.push_str(&String::from_utf8_lossy(&buffer[..n])),
                Err(e) if matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut) => {}
                Err(e) => panic!("reading the events: {e}"),
            }
        }
        panic!("no build event came; received:\n{}", self.received);
    }
}

/// The example project, served.
fn served_example() -> (Project, Server) {
    let project = Project::example();
    let server = Server::start(&project);
    (project, server)
}

/// The 1-based line of the first line of `file` that holds `what`.
fn line_of(project: &Project, file: &str, what: &str) -> usize {
    project.read(file).lines().position(|l| l.contains(what)).expect("the line is there") + 1
}

#[test]
fn pages_are_served_from_memory_with_their_types() {
    let (project, server) = served_example();
    let home = server.get("/");
    assert_eq!(home.status, 200, "{}", home.head);
    assert_eq!(home.header("content-type"), Some("text/html; charset=utf-8"));
    assert!(home.body.contains("Briefings"), "{}", home.body);
    assert!(home.body.contains("/__tracebrief/events"), "the page listens for builds");
    assert!(!home.body.contains("<dialog id=\"tracebrief-overlay\""), "no overlay while the check passes");

    let briefing = format!("/briefings/{EXAMPLE_SLUG}/");
    assert_eq!(server.get(&briefing).status, 200);
    let folder = server.get(briefing.trim_end_matches('/'));
    assert_eq!(folder.status, 308);
    assert_eq!(folder.header("location"), Some(briefing.as_str()));
    let style = server.get("/style.css");
    assert_eq!((style.status, style.header("content-type")), (200, Some("text/css; charset=utf-8")));
    let trace = server.get("/trace.json");
    assert_eq!((trace.status, trace.header("content-type")), (200, Some("application/json; charset=utf-8")));
    assert!(trace.body.contains(EXAMPLE_SLUG));

    let missing = server.get("/no/such/page.html");
    assert_eq!(missing.status, 404);
    // the site's own 404.html, which every build writes
    assert!(missing.body.contains("Page not found") && missing.body.contains("/__tracebrief/events"));
    assert!(!project.root().join("site").exists(), "serve writes no site");
}

#[test]
fn the_site_has_its_own_404_page_when_static_gives_one() {
    let project = Project::example();
    project.write("static/404.html", "<!DOCTYPE html>\n<html><body><h1>Lost</h1></body></html>\n");
    let server = Server::start(&project);
    let missing = server.get("/gone.html");
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("<h1>Lost</h1>") && missing.body.contains("/__tracebrief/events"));
}

#[test]
fn a_change_is_built_and_announced_and_its_pages_served() {
    let (project, mut server) = served_example();
    let mut events = server.events();
    let first = events.next();

    let sheet = project.read(EXAMPLE_SHEET);
    let title = sheet.lines().find(|l| l.starts_with("title: ")).unwrap().to_string();
    project.write(EXAMPLE_SHEET, sheet.replacen(&title, "title: A title changed while served", 1));
    let next = events.next();
    assert_ne!(next, first, "a new build is named anew");

    let home = server.get("/");
    assert!(home.body.contains("A title changed while served"), "{}", home.body);
    assert!(home.body.contains(&format!("const build = \"{next}\";")), "the page names its build");
    let said = server.said_once(&["content/starmer-us-backstop.yaml changed: rebuilt in "]);
    assert!(said.contains("content/starmer-us-backstop.yaml changed: rebuilt in "), "{said}");
}

#[test]
fn a_failing_check_shows_an_overlay_on_every_page_until_it_passes() {
    let (project, mut server) = served_example();
    let mut events = server.events();
    events.next();

    let sheet = project.read(EXAMPLE_SHEET);
    let line = line_of(&project, EXAMPLE_SHEET, "value: 100000");
    project.write(EXAMPLE_SHEET, sheet.replacen("value: 100000", "value: 100001", 1));
    events.next();
    for page in ["/", &format!("/briefings/{EXAMPLE_SLUG}/"), "/actors/"] {
        let shown = server.get(page);
        assert_eq!(shown.status, 200, "{page}");
        assert!(shown.body.contains("role=\"alertdialog\""), "{page}: no overlay\n{}", shown.body);
        assert!(shown.body.contains("error[evidence-mismatch]"), "{page}");
        assert!(shown.body.contains(&format!("content/starmer-us-backstop.yaml:{line}:12")), "{page}\n{}", shown.body);
    }
    // the last site that passed is still the one served
    assert!(server.get(&format!("/briefings/{EXAMPLE_SLUG}/")).body.contains("100,000"));
    let said = server.said_once(&["error[evidence-mismatch]", "the check failed (1 error, 0 warnings)"]);
    assert!(said.contains("error[evidence-mismatch]"), "the terminal shows the diagnostics\n{said}");
    assert!(said.contains("the check failed (1 error, 0 warnings)"), "{said}");

    project.write(EXAMPLE_SHEET, sheet);
    events.next();
    let home = server.get("/");
    assert!(
        !home.body.contains("<dialog id=\"tracebrief-overlay\""),
        "the overlay is gone once the check passes\n{}",
        home.body
    );
}

#[test]
fn a_port_in_use_is_refused_with_a_diagnostic_that_names_the_flag() {
    let taken = TcpListener::bind(("127.0.0.1", 0)).unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let project = Project::example();
    let root = project.root();
    let run =
        common::Run::of("serve on a port in use", &["serve", "--port", &port, "--root", root.to_str().unwrap()], &[]);
    assert_eq!(run.code(), 2, "{}", run.stdout());
    assert!(
        run.stdout().contains(&format!("error[port-in-use]: port {port} of 127.0.0.1 is in use")),
        "{}",
        run.stdout()
    );
    assert!(run.stdout().contains("--port"), "{}", run.stdout());
    drop(taken);
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_server_and_its_event_streams() {
    let (_project, mut server) = served_example();
    let mut events = server.events();
    events.next();
    let pid = rustix::process::Pid::from_child(&server.child);
    rustix::process::kill_process(pid, rustix::process::Signal::INT).unwrap();
    let deadline = Instant::now() + PATIENCE;
    let status = loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "the server did not stop\n{}", server.said());
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(status.code(), Some(0), "{}", server.said());
}

#[test]
fn a_built_site_has_none_of_what_serve_adds() {
    let project = Project::example();
    let out = project.beside("site");
    let run = project.build(&out, &[]);
    assert_eq!(run.code(), 0, "{}", run.stdout());
    for entry in walkdir::WalkDir::new(&out) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let text = String::from_utf8_lossy(&std::fs::read(entry.path()).unwrap()).into_owned();
            assert!(!text.contains("__tracebrief"), "{}", entry.path().display());
        }
    }
}
