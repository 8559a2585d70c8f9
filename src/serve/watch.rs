//! Watching the project for changes: `content/`, `seeds/`, `templates/`,
//! `static/` and `tracebrief.yaml`, with notify, debounced so that an
//! editor's save (often a write, a rename and a touch) is one change. What
//! an editor writes beside a file while it works (`.x.swp`, `x~`, `#x#`,
//! `.#x`, `4913`) is no change, and neither is anything outside those
//! (`site/`, `.git/`). Paths are sent relative to the project root.

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use notify_debouncer_full::notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

/// The folders of a project that its site is made from.
const FOLDERS: [&str; 4] = ["content", "seeds", "templates", "static"];

/// How long the watcher waits for a burst of events to end.
const QUIET: Duration = Duration::from_millis(120);

/// A running watch of a project.
pub struct Watcher {
    debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
    /// The project root, as the system names it (symbolic links resolved).
    root: PathBuf,
    /// The folders watched (each with all it holds).
    watched: HashSet<PathBuf>,
}

impl Watcher {
    /// Watches the project at `root`, sending each debounced batch of
    /// changed paths (relative to the root) to `changed`.
    pub fn start(root: &Path, changed: Sender<Vec<PathBuf>>) -> notify_debouncer_full::notify::Result<Watcher> {
        let real = root.canonicalize()?;
        let base = real.clone();
        let mut debouncer = new_debouncer(QUIET, None, move |events: DebounceEventResult| {
            let Ok(events) = events else { return };
            // reading a file is no change (and the build reads them all)
            let mut files: Vec<PathBuf> = events
                .iter()
                .filter(|e| !matches!(e.kind, EventKind::Access(_)))
                .flat_map(|e| e.paths.iter())
                .filter_map(|path| path.strip_prefix(&base).ok().map(Path::to_path_buf))
                .filter(|f| matters(f))
                .collect();
            files.sort();
            files.dedup();
            if !files.is_empty() {
                let _ = changed.send(files);
            }
        })?;
        // the root itself, not what it holds: the settings, and folders made later
        debouncer.watch(&real, RecursiveMode::NonRecursive)?;
        let mut watcher = Watcher { debouncer, root: real, watched: HashSet::new() };
        watcher.watch_new_folders();
        Ok(watcher)
    }

    /// Watches the project's folders that were made since the last call
    /// (or made again: a removed folder's watch is gone with it).
    pub fn watch_new_folders(&mut self) {
        for folder in FOLDERS {
            let path = self.root.join(folder);
            if !path.is_dir() {
                self.watched.remove(&path);
                continue;
            }
            if !self.watched.contains(&path) && self.debouncer.watch(&path, RecursiveMode::Recursive).is_ok() {
                self.watched.insert(path);
            }
        }
    }
}

/// Whether a change to `file` (relative to the root) may change the site:
/// a file of the project's folders or its settings, and not one an editor
/// keeps while it works.
fn matters(file: &Path) -> bool {
    let mut parts = file.components();
    let top = match parts.next() {
        Some(Component::Normal(top)) => top.to_string_lossy(),
        _ => return false,
    };
    let in_project = if parts.clone().next().is_none() {
        top == crate::config::FILE || FOLDERS.contains(&top.as_ref())
    } else {
        FOLDERS.contains(&top.as_ref())
    };
    in_project && !file.components().any(|part| is_scratch(&part.as_os_str().to_string_lossy()))
}

/// A name editors give the files they keep beside the one being edited:
/// swap, backup, lock, autosave and test files.
fn is_scratch(name: &str) -> bool {
    const ENDINGS: [&str; 9] =
        [".swp", ".swx", ".swo", ".swpx", ".kate-swp", ".tmp", ".crswap", "___jb_tmp___", "___jb_old___"];
    name.starts_with(".#")
        || name.ends_with('~')
        || (name.starts_with('#') && name.ends_with('#'))
        || name == "4913"
        || ENDINGS.iter().any(|end| name.ends_with(end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_files_a_site_is_made_from_matter() {
        let cases = [
            ("content/x.yaml", true),
            ("content/x.md", true),
            ("seeds/a/b.txt", true),
            ("templates/base.html", true),
            ("static/img/logo.png", true),
            ("tracebrief.yaml", true),
            ("content", true),
            ("site/index.html", false),
            ("target/debug/tracebrief", false),
            ("README.md", false),
            ("content/.x.yaml.swp", false),
            ("content/x.yaml~", false),
            ("content/#x.yaml#", false),
            ("content/.#x.yaml", false),
            ("content/4913", false),
            ("content/x.yaml.tmp", false),
            ("templates/base.html___jb_tmp___", false),
            (".git/index", false),
            ("static/.well-known/security.txt", true),
        ];
        for (file, expected) in cases {
            assert_eq!(matters(Path::new(file)), expected, "{file}");
        }
    }
}
