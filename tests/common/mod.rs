//! What the end-to-end tests share: a project copied into a temporary
//! directory, the binary run as a user runs it, a site read back as a tree of
//! files, and pages read with lol_html, as the tool reads its own pages.
//! Helpers that only one test file needs stay in that file.

// Every test file compiles this module on its own and uses a different part
// of it: what one test binary leaves unused, another uses.
#![allow(dead_code)]

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use lol_html::{RewriteStrSettings, element, rewrite_str, text};
use serde_json::Value;
use tempfile::TempDir;

/// The repository's example briefing.
pub const EXAMPLE_SLUG: &str = "starmer-us-backstop";
pub const EXAMPLE_SHEET: &str = "content/starmer-us-backstop.yaml";
pub const EXAMPLE_SEED: &str = "seeds/000_efa7916b03e9017c.txt";

pub fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

// ---------------------------------------------------------------- projects

/// A project in a temporary directory, at `<tmp>/project`, so that output
/// folders, files outside the project and the like can be put beside it.
pub struct Project {
    name: String,
    dir: TempDir,
}

impl Project {
    /// A copy of `tests/fixtures/<fixture>/`.
    pub fn fixture(fixture: &str) -> Project {
        let from = manifest_dir().join("tests/fixtures").join(fixture);
        assert!(from.is_dir(), "no fixture {}", from.display());
        let project = Project::empty(fixture);
        copy_dir(&from, &project.root());
        project
    }

    /// A copy of the repository's own project: its `content/`, `seeds/` and `templates/`.
    pub fn example() -> Project {
        let project = Project::empty("the example project");
        for folder in ["content", "seeds", "templates"] {
            copy_dir(&manifest_dir().join(folder), &project.root().join(folder));
        }
        project
    }

    pub fn empty(name: &str) -> Project {
        let dir = TempDir::new().expect("creating a temporary directory");
        std::fs::create_dir(dir.path().join("project")).expect("creating the project folder");
        Project { name: name.to_string(), dir }
    }

    pub fn root(&self) -> PathBuf {
        self.dir.path().join("project")
    }

    /// A path beside the project, outside its root: for output folders and the like.
    pub fn beside(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes `bytes` to `file`, a path relative to the project root.
    pub fn write(&self, file: &str, bytes: impl AsRef<[u8]>) {
        let path = self.root().join(file);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("creating a folder of the project");
        }
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
    }

    pub fn read(&self, file: &str) -> String {
        let path = self.root().join(file);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
    }

    /// `tracebrief build --root <project> --out OUT ARGS`, with `env` set for the run.
    pub fn build_with(&self, out: &Path, args: &[&OsStr], env: &[(&str, &OsStr)]) -> Run {
        let root = self.root();
        let mut all: Vec<&OsStr> =
            vec!["build".as_ref(), "--root".as_ref(), root.as_ref(), "--out".as_ref(), out.as_ref()];
        all.extend(args);
        let shown: Vec<String> = args.iter().map(|a| a.to_string_lossy().into_owned()).collect();
        let command = ["build".to_string()].into_iter().chain(shown).collect::<Vec<_>>().join(" ");
        Run::of(&format!("{command} of {}", self.name), &all, env)
    }

    /// `tracebrief build --root <project> --out OUT ARGS`.
    pub fn build(&self, out: &Path, args: &[&str]) -> Run {
        let args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
        self.build_with(out, &args, &[])
    }

    /// Builds into `out` and expects success.
    pub fn built(&self, out: &Path) -> Run {
        let run = self.build(out, &[]);
        run.assert_exit(0);
        run
    }

    /// `tracebrief check --root <project> ARGS`.
    pub fn check(&self, args: &[&str]) -> Run {
        let root = self.root();
        let mut all: Vec<&OsStr> = vec!["check".as_ref(), "--root".as_ref(), root.as_ref()];
        all.extend(args.iter().map(OsStr::new));
        Run::of(&format!("check of {}", self.name), &all, &[])
    }

    /// `tracebrief scan <project>/<seed> --format json`, which must succeed: its JSON.
    pub fn scan_json(&self, seed: &str) -> Value {
        let path = self.root().join(seed);
        let run = Run::of(
            &format!("scan of {seed}"),
            &["scan".as_ref(), path.as_os_str(), "--format".as_ref(), "json".as_ref()],
            &[],
        );
        run.assert_exit(0);
        run.json()
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap_or_else(|e| panic!("creating {}: {e}", to.display()));
    for entry in std::fs::read_dir(from).unwrap_or_else(|e| panic!("reading {}: {e}", from.display())) {
        let entry = entry.expect("reading a folder to copy");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("the type of a file to copy").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap_or_else(|e| panic!("copying {}: {e}", target.display()));
        }
    }
}

// ---------------------------------------------------------------- running the binary

/// Runs the binary in the package root with `args`, and `env` added to the
/// environment. `CLICOLOR_FORCE` is removed, so that the binary sees the pipe
/// it writes to; `NO_COLOR` is left to the caller ([`Run::of`] sets it).
pub fn tracebrief<A: AsRef<OsStr>>(args: &[A], env: &[(&str, &OsStr)]) -> Output {
    tracebrief_in(manifest_dir(), args, env)
}

/// [`tracebrief`], run in `cwd`.
pub fn tracebrief_in<A: AsRef<OsStr>>(cwd: &Path, args: &[A], env: &[(&str, &OsStr)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tracebrief"));
    command.args(args).current_dir(cwd).env_remove("CLICOLOR_FORCE");
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().expect("running the tracebrief binary")
}

/// One run of the binary, with what a failing assertion should show.
pub struct Run {
    /// What was run, for failure messages: `check of clean`.
    pub what: String,
    output: Output,
}

impl Run {
    /// Runs the binary as [`tracebrief`] does, without colour (`NO_COLOR=1`).
    pub fn of<A: AsRef<OsStr>>(what: &str, args: &[A], env: &[(&str, &OsStr)]) -> Run {
        let mut all = vec![("NO_COLOR", OsStr::new("1"))];
        all.extend(env);
        Run::new(what, tracebrief(args, &all))
    }

    /// Every run, whatever its input, ends with an exit code of its own: never a panic.
    pub fn new(what: &str, output: Output) -> Run {
        let run = Run { what: what.to_string(), output };
        let code = run.output.status.code();
        assert!(code.is_some(), "{}: killed by a signal\n{}", run.what, run.shown());
        assert_ne!(code, Some(101), "{}: exit code 101 is a panic\n{}", run.what, run.shown());
        assert!(!run.text().contains("panicked"), "{}: the program panicked\n{}", run.what, run.shown());
        run
    }

    pub fn code(&self) -> i32 {
        self.output.status.code().unwrap_or(-1)
    }

    pub fn stdout(&self) -> &str {
        std::str::from_utf8(&self.output.stdout).expect("stdout is UTF-8")
    }

    pub fn stderr(&self) -> &str {
        std::str::from_utf8(&self.output.stderr).expect("stderr is UTF-8")
    }

    /// Everything the user sees.
    pub fn text(&self) -> String {
        format!("{}{}", self.stdout(), self.stderr())
    }

    /// The output, for failure messages.
    pub fn shown(&self) -> String {
        format!("--- stdout\n{}--- stderr\n{}", self.stdout(), self.stderr())
    }

    pub fn assert_exit(&self, expected: i32) {
        assert_eq!(
            self.code(),
            expected,
            "{}: exit code {} instead of {expected}\n{}",
            self.what,
            self.code(),
            self.shown()
        );
    }

    /// The JSON on stdout (`check --format json`, `scan --format json`).
    pub fn json(&self) -> Value {
        serde_json::from_str(self.stdout())
            .unwrap_or_else(|e| panic!("{}: stdout is not JSON ({e})\n{}", self.what, self.shown()))
    }
}

// ---------------------------------------------------------------- sites as trees of files

/// Every file (with its bytes) and folder (with `None`) under `root`, by relative path.
pub type Tree = BTreeMap<PathBuf, Option<Vec<u8>>>;

pub fn tree(root: &Path) -> Tree {
    fn walk(root: &Path, folder: &Path, found: &mut Tree) {
        for entry in std::fs::read_dir(folder).unwrap_or_else(|e| panic!("reading {}: {e}", folder.display())) {
            let path = entry.expect("reading a folder of the site").path();
            let relative = path.strip_prefix(root).expect("a path under the root").to_path_buf();
            if path.is_dir() {
                found.insert(relative, None);
                walk(root, &path, found);
            } else {
                let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
                found.insert(relative, Some(bytes));
            }
        }
    }
    let mut found = Tree::new();
    walk(root, root, &mut found);
    found
}

/// How `actual` differs from `expected`, one line a path; empty when they are equal.
pub fn differences(expected: &Tree, actual: &Tree) -> Vec<String> {
    let paths: BTreeSet<&PathBuf> = expected.keys().chain(actual.keys()).collect();
    paths
        .into_iter()
        .filter_map(|path| {
            let shown = path.display();
            match (expected.get(path), actual.get(path)) {
                (Some(a), Some(b)) if a == b => None,
                (Some(_), None) => Some(format!("{shown}: missing")),
                (None, Some(_)) => Some(format!("{shown}: unexpected")),
                _ => Some(format!("{shown}: differs")),
            }
        })
        .collect()
}

pub fn assert_same_tree(expected: &Tree, actual: &Tree, what: &str) {
    let found = differences(expected, actual);
    assert!(found.is_empty(), "{what}:\n  {}", found.join("\n  "));
}

/// The folders a build leaves beside `out` while it works (`.out.new-<pid>`,
/// `.out.old-<pid>`): none may be left once it is done.
pub fn leftovers(out: &Path) -> Vec<String> {
    let name = out.file_name().expect("the output has a name").to_string_lossy();
    let parent = out.parent().expect("the output has a parent");
    let list = || {
        let mut found: Vec<String> = std::fs::read_dir(parent)
            .expect("reading the folder of the output")
            .map(|e| e.expect("reading an entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(&format!(".{name}.new-")) || n.starts_with(&format!(".{name}.old-")))
            .collect();
        found.sort();
        found
    };
    // a build removes the site it replaced in the background, after it exits: give that a moment
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let mut found = list();
    while !found.is_empty() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
        found = list();
    }
    found
}

pub fn read_page(site: &Path, page: &str) -> String {
    let path = site.join(page);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

// ---------------------------------------------------------------- reading HTML

/// The attributes (values decoded) of every element of `html` that `selector` matches, in page order.
pub fn elements(html: &str, selector: &str) -> Vec<BTreeMap<String, String>> {
    let found = RefCell::new(Vec::new());
    let settings =
        RewriteStrSettings::new().with_strict(false).append_element_content_handler(element!(selector, |el| {
            let attributes = el.attributes().iter().map(|a| (a.name(), decode_entities(&a.value()))).collect();
            found.borrow_mut().push(attributes);
            Ok(())
        }));
    rewrite_str(html, settings).unwrap_or_else(|e| panic!("reading HTML for `{selector}`: {e}"));
    found.into_inner()
}

/// The text (character references decoded, descendants' text included) of
/// every element that `selector` matches, in page order. Matches must not nest.
pub fn texts(html: &str, selector: &str) -> Vec<String> {
    let found: RefCell<Vec<String>> = RefCell::new(Vec::new());
    let settings = RewriteStrSettings::new()
        .with_strict(false)
        .append_element_content_handler(element!(selector, |_| {
            found.borrow_mut().push(String::new());
            Ok(())
        }))
        .append_element_content_handler(text!(selector, |chunk| {
            if let Some(last) = found.borrow_mut().last_mut() {
                last.push_str(chunk.as_str());
            }
            Ok(())
        }));
    rewrite_str(html, settings).unwrap_or_else(|e| panic!("reading HTML for `{selector}`: {e}"));
    found.into_inner().iter().map(|raw| decode_entities(raw)).collect()
}

/// The text of the one element that `selector` matches.
pub fn one_text(html: &str, selector: &str) -> String {
    let found = texts(html, selector);
    assert_eq!(found.len(), 1, "`{selector}` should match one element: {found:?}");
    found.into_iter().next().expect("one element")
}

/// White space runs as one space, none at the ends.
pub fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The values of `attribute` on the elements that have it.
pub fn attribute_values(html: &str, attribute: &str) -> Vec<String> {
    elements(html, &format!("[{attribute}]")).into_iter().filter_map(|mut a| a.remove(attribute)).collect()
}

/// Character references: `&amp;`, `&quot;`, `&#39;`, `&#x2F;` …
pub fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let decoded = rest.find(';').and_then(|end| {
            let c = match &rest[1..end] {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                name => {
                    let number = name.strip_prefix('#')?;
                    let code = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => number.parse().ok()?,
                    };
                    char::from_u32(code)
                }
            };
            c.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
