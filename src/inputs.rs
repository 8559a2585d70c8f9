//! The project's input files as the loaders may read them: every path leads
//! inside the project (through `..` and symbolic links alike), and every file
//! is a regular file — a FIFO, socket or device among the inputs would make a
//! read wait forever, so it is refused before anything opens it.
//!
//! Folders are walked with walkdir, in file-name order, and a walk says what
//! it could not read rather than skipping it.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostic::Diagnostic;

/// Why `path` (relative to `root`) may not be read as an input file, if it may not.
pub fn refuse_file(root: &Path, path: &Path) -> Option<Diagnostic> {
    refuse(root, path).or_else(|| {
        let metadata = std::fs::metadata(root.join(path)).ok()?;
        (!metadata.is_file()).then(|| not_a_file(path, metadata.is_dir()))
    })
}

/// Why `path` (relative to `root`) leads outside the project, if it does:
/// it is, or passes through, a symbolic link to a place outside `root`.
pub fn refuse(root: &Path, path: &Path) -> Option<Diagnostic> {
    let real_root = root.canonicalize().ok()?;
    let real = root.join(path).canonicalize().ok()?;
    (!real.starts_with(&real_root)).then(|| {
        Diagnostic::input(
            "outside-root",
            format!("{} leads outside the project root through a symbolic link", path.display()),
        )
        .in_file(path)
        .help("keep the project's inputs inside its folder: copy the file in rather than linking to it")
    })
}

/// The regular files under the folder `folder` (relative to `root`), by their
/// paths relative to `root`, sorted; `depth` limits how deep the walk goes
/// (1: only the folder's own files). A missing folder has no files.
pub fn files_under(root: &Path, folder: &str, depth: usize) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let (mut files, mut problems) = (Vec::new(), Vec::new());
    let top = root.join(folder);
    if std::fs::symlink_metadata(&top).is_err() {
        return (files, problems);
    }
    if let Some(d) = refuse(root, Path::new(folder)) {
        return (files, vec![d]);
    }
    let walk = WalkDir::new(&top).follow_links(true).max_depth(depth).sort_by_file_name();
    for entry in walk {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e.path().map_or_else(|| PathBuf::from(folder), |p| relative(root, p));
                problems.push(
                    Diagnostic::input("unreadable-file", format!("cannot read {}: {e}", path.display()))
                        .in_file(&path)
                        .help("make it readable, or remove it (a link that loops back on itself cannot be followed)"),
                );
                continue;
            }
        };
        let path = relative(root, entry.path());
        if entry.path_is_symlink()
            && let Some(d) = refuse(root, &path)
        {
            problems.push(d);
            continue;
        }
        let kind = entry.file_type();
        if kind.is_file() {
            files.push(path);
        } else if !kind.is_dir() {
            problems.push(not_a_file(&path, false));
        }
    }
    (files, problems)
}

fn not_a_file(path: &Path, is_dir: bool) -> Diagnostic {
    let (message, help) = if is_dir {
        ("is a directory, not a file", "give the path of a file")
    } else {
        ("is not a regular file (a FIFO, socket or device)", "replace it with a regular file, or remove it")
    };
    Diagnostic::input("not-a-file", format!("{} {message}", path.display())).in_file(path).help(help)
}

fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn links_that_lead_outside_are_refused() {
        let outside = tempfile::tempdir().unwrap();
        let root = tempfile::tempdir().unwrap();
        let root = root.path();
        std::fs::write(outside.path().join("secret.html"), "42").unwrap();
        std::fs::create_dir_all(root.join("static/css")).unwrap();
        std::fs::write(root.join("static/css/site.css"), "").unwrap();
        std::fs::write(root.join("static/a.html"), "").unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret.html"), root.join("static/b.html")).unwrap();
        std::os::unix::fs::symlink(root.join("static/a.html"), root.join("static/c.html")).unwrap();
        let (files, problems) = files_under(root, "static", usize::MAX);
        assert_eq!(files, [Path::new("static/a.html"), Path::new("static/c.html"), Path::new("static/css/site.css")]);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].message, "static/b.html leads outside the project root through a symbolic link");
    }

    #[test]
    fn a_fifo_is_refused_without_opening_it() {
        let root = tempfile::tempdir().unwrap();
        let root = root.path();
        std::fs::create_dir(root.join("static")).unwrap();
        let fifo = root.join("static/pipe.html");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return; // no mkfifo here
        }
        let (files, problems) = files_under(root, "static", usize::MAX);
        assert!(files.is_empty());
        assert_eq!(problems[0].code, "not-a-file");
        assert_eq!(refuse_file(root, Path::new("static/pipe.html")).map(|d| d.code), Some("not-a-file"));
        assert_eq!(refuse_file(root, Path::new("static")).map(|d| d.code), Some("not-a-file"));
    }
}
