//! Writing a built site to disk: the last stage of `build`. (`serve` keeps
//! its site in memory instead, in a [`MemorySite`].)
//!
//! A [`Staging`] folder beside the output folder takes the pages as they
//! are made; [`Staging::commit`] writes the [`MARKER`] file that says
//! tracebrief made the folder and swaps it in — in one step where the
//! system can exchange two folders — only once everything is written. A
//! failure before the swap — a folder that cannot be created, a full disk, a
//! file that cannot be written, a check that fails — removes the partial
//! folder and leaves the previous site exactly as it was. It refuses to
//! replace a folder that it did not make (one with files and no marker)
//! unless forced, and never replaces a file or a symbolic link. The marker
//! holds no version or time, so the same files give a byte-identical tree.
//!
//! It does not render, check or decide what a site contains: that is done, and
//! must have passed, before this is called. It takes no lock: two runs writing
//! the same folder at the same time are not supported (each clears the other's
//! unfinished folder as stale). Nothing is fsynced, so a power cut soon after
//! a build may lose the new site's files or undo the swap: run the build again.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ffi::{OsStr, OsString};
use std::fmt;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

/// The file written at the root of every site tracebrief makes; a folder
/// without it is not replaced unless forced.
pub const MARKER: &str = ".tracebrief-site";

/// The marker's content: no version and no time, so that output is byte-identical.
const MARKER_CONTENT: &[u8] = b"tracebrief site\n";

/// The files of a built site: paths relative to the site root (forward slashes,
/// no `..`), and their bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SiteFiles {
    files: BTreeMap<PathBuf, Vec<u8>>,
}

impl SiteFiles {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a file, replacing any earlier one at the same path. Paths are
    /// checked by [`write_site`], before anything is written.
    pub fn add(&mut self, path: impl Into<PathBuf>, bytes: impl Into<Vec<u8>>) {
        self.files.insert(path.into(), bytes.into());
    }

    pub fn get(&self, path: &Path) -> Option<&[u8]> {
        self.files.get(path).map(Vec::as_slice)
    }

    /// The paths in sorted order, the order in which they are written.
    pub fn paths(&self) -> impl Iterator<Item = &Path> {
        self.files.keys().map(PathBuf::as_path)
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

/// Why a site was not written. Except for [`OutputError::SwapFailed`], the
/// previous output folder, if any, is unchanged.
#[derive(Debug)]
pub enum OutputError {
    /// The output folder has files but no marker: tracebrief did not make it.
    NotOurs { target: PathBuf },
    /// The output path is a file (or anything else that is not a folder). Even
    /// `force` does not replace it: turning a file into a folder is surprising.
    NotAFolder { target: PathBuf },
    /// The output path is a symbolic link. Replacing it with a folder would
    /// silently break the link, so even `force` does not.
    Symlink { target: PathBuf },
    /// A path that cannot be written: an output folder without a name (`.`,
    /// `..`, `/`), or a site file that is not a plain relative path or that
    /// takes the marker's name.
    InvalidPath { path: PathBuf, reason: &'static str },
    /// The new site could not be moved in, and the previous one could not be
    /// moved back: it is left at `previous`.
    SwapFailed { target: PathBuf, previous: PathBuf, source: io::Error },
    /// A file-system operation failed before the swap.
    Io { path: PathBuf, action: &'static str, source: io::Error },
}

impl fmt::Display for OutputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OutputError::NotOurs { target } => write!(
                f,
                "refusing to replace {}: it was not made by tracebrief (it has no {MARKER} file); \
                 pass --force to replace it",
                target.display()
            ),
            OutputError::NotAFolder { target } => write!(
                f,
                "refusing to replace {}: it is not a folder; remove it or choose another output folder with --out",
                target.display()
            ),
            OutputError::Symlink { target } => write!(
                f,
                "refusing to replace {}: it is a symbolic link, and replacing it would break the link; \
                 pass the folder it points to with --out instead",
                target.display()
            ),
            OutputError::InvalidPath { path, reason } => write!(f, "cannot write {}: {reason}", path.display()),
            OutputError::SwapFailed { target, previous, source } => write!(
                f,
                "could not move the new site into {} ({source}), nor move the previous site back: \
                 it is at {}; rename it to {} to restore it",
                target.display(),
                previous.display(),
                target.display()
            ),
            OutputError::Io { path, action, source } => {
                write!(f, "could not {action} {}: {source}; nothing was replaced", path.display())
            }
        }
    }
}

impl std::error::Error for OutputError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            OutputError::SwapFailed { source, .. } | OutputError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

fn io_error(path: &Path, action: &'static str, source: io::Error) -> OutputError {
    OutputError::Io { path: path.to_path_buf(), action, source }
}

/// Writes `files` as the folder `target`, replacing what is there only when
/// complete, and removing the previous site before it returns.
///
/// Everything that can be refused is refused before anything is written. A
/// full disk is no special case: it is a write error like any other, and
/// leaves the previous site as it was.
pub fn write_site(target: &Path, files: &SiteFiles, force: bool) -> Result<(), OutputError> {
    write_site_with(target, files, force, write_file)
}

fn write_site_with(target: &Path, files: &SiteFiles, force: bool, write: WriteFile) -> Result<(), OutputError> {
    for path in files.paths() {
        check_site_path(path)?;
    }
    let staging = Staging::begin_with(target, force, write, Removal::Inline)?;
    files.files.par_iter().try_for_each(|(path, bytes)| staging.write(path, bytes))?;
    staging.commit()
}

/// How one file is written; tests swap in one that fails like a full disk.
type WriteFile = fn(&Path, &[u8]) -> io::Result<()>;

/// Writes one file. It is not fsynced: a site is many thousand small files and
/// syncing each one costs more than rendering them; the swap's rename is what
/// keeps a half-written site from ever being seen.
fn write_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = File::create_new(path)?;
    file.write_all(bytes)
}

/// How the previous site (and the folders of killed runs) are removed once
/// they are out of the way.
#[derive(Debug, Clone)]
pub enum Removal {
    /// Here and now, before the call returns.
    Inline,
    /// By this program run again (`exe`, with the hidden command
    /// `remove-old-site FOLDER`) in the background, so that a build does not
    /// wait for a tree of thousands of files to be deleted.
    Background(PathBuf),
}

impl Removal {
    fn remove(&self, folder: &Path) {
        match self {
            Removal::Inline => {
                let _ = fs::remove_dir_all(folder);
            }
            Removal::Background(exe) => {
                let mut command = std::process::Command::new(exe);
                command
                    .arg("remove-old-site")
                    .arg(folder)
                    .stdin(std::process::Stdio::null())
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::null());
                // its own process group: a Ctrl-C at the terminal stops the build, not the clean-up
                #[cfg(unix)]
                std::os::unix::process::CommandExt::process_group(&mut command, 0);
                if command.spawn().is_err() {
                    let _ = fs::remove_dir_all(folder);
                }
            }
        }
    }
}

/// Removes `folder` if it is one that tracebrief wrote beside an output
/// folder (`.{name}.old-{pid}` or `.{name}.new-{pid}`): what the hidden
/// command `remove-old-site` runs. Anything else is left alone.
pub fn remove_old_site(folder: &Path) -> bool {
    let Some(name) = folder.file_name().and_then(OsStr::to_str) else { return false };
    let ours = name.starts_with('.')
        && ["old", "new"].iter().any(|kind| {
            name.rsplit_once(&format!(".{kind}-"))
                .is_some_and(|(_, pid)| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
        });
    let is_folder = fs::symlink_metadata(folder).is_ok_and(|m| m.is_dir());
    ours && is_folder && fs::remove_dir_all(folder).is_ok()
}

/// A site being written: a fresh folder beside the output folder that pages
/// are written into as they are made, swapped in by [`Staging::commit`] only
/// once complete. Dropped without a commit, it is removed and the previous
/// site stays as it was.
pub struct Staging {
    places: Places,
    existing: Existing,
    write: WriteFile,
    removal: Removal,
    /// The folders made so far in the new site, so each is made once.
    folders: Mutex<HashSet<PathBuf>>,
    files: AtomicUsize,
    committed: bool,
}

impl Staging {
    /// Checks that `target` may be replaced, clears what killed runs left
    /// beside it (putting back a previous site a killed swap left aside),
    /// and makes the folder the new site is written into.
    pub fn begin(target: &Path, force: bool, removal: Removal) -> Result<Staging, OutputError> {
        Staging::begin_with(target, force, write_file, removal)
    }

    fn begin_with(target: &Path, force: bool, write: WriteFile, removal: Removal) -> Result<Staging, OutputError> {
        let places = Places::of(target)?;
        restore_interrupted(&places);
        let existing = inspect_target(target, force)?;
        fs::create_dir_all(&places.parent).map_err(|e| io_error(&places.parent, "create the folder", e))?;
        remove_stale(&places, existing, &removal);
        fs::create_dir(&places.new).map_err(|e| io_error(&places.new, "create the folder", e))?;
        Ok(Staging {
            places,
            existing,
            write,
            removal,
            folders: Mutex::new(HashSet::new()),
            files: AtomicUsize::new(0),
            committed: false,
        })
    }

    /// The folder the new site is written into.
    pub fn folder(&self) -> &Path {
        &self.places.new
    }

    /// Writes one file of the site (`path` relative to the site root).
    /// Safe to call from several threads at once.
    pub fn write(&self, path: &Path, bytes: &[u8]) -> Result<(), OutputError> {
        check_site_path(path)?;
        if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty()) {
            self.make_folder(folder)?;
        }
        let destination = self.places.new.join(path);
        (self.write)(&destination, bytes).map_err(|e| io_error(&destination, "write", e))?;
        self.files.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// Creates one file of the site to be written bit by bit (`trace.json`).
    pub fn create(&self, path: &Path) -> Result<File, OutputError> {
        check_site_path(path)?;
        if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty()) {
            self.make_folder(folder)?;
        }
        let destination = self.places.new.join(path);
        let file = File::create_new(&destination).map_err(|e| io_error(&destination, "write", e))?;
        self.files.fetch_add(1, Ordering::Relaxed);
        Ok(file)
    }

    /// Makes folder `folder` of the site (and those above it), once.
    fn make_folder(&self, folder: &Path) -> Result<(), OutputError> {
        let made = self.folders.lock().is_ok_and(|folders| folders.contains(folder));
        if made {
            return Ok(());
        }
        let path = self.places.new.join(folder);
        fs::create_dir_all(&path).map_err(|e| io_error(&path, "create the folder", e))?;
        if let Ok(mut folders) = self.folders.lock() {
            folders.insert(folder.to_path_buf());
        }
        Ok(())
    }

    /// How many files have been written.
    pub fn files(&self) -> usize {
        self.files.load(Ordering::Relaxed)
    }

    /// Writes the marker and swaps the new site in.
    pub fn commit(mut self) -> Result<(), OutputError> {
        let marker = self.places.new.join(MARKER);
        (self.write)(&marker, MARKER_CONTENT).map_err(|e| io_error(&marker, "write", e))?;
        swap_in(&self.places, self.existing, &self.removal)?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            // Best effort: a leftover is removed as stale by the next run.
            let _ = fs::remove_dir_all(&self.places.new);
        }
    }
}

/// The files of a site kept in memory, by their paths in the site
/// (`briefings/x/index.html`, forward slashes): what `serve` serves.
pub type MemoryFiles = HashMap<String, Arc<[u8]>>;

/// A site being built in memory (`serve`), page by page from several
/// threads at once, as [`Staging`] builds one on disk. It may start from the
/// files of a previous site, so that a rebuild replaces only what changed.
#[derive(Default)]
pub struct MemorySite {
    files: Mutex<MemoryFiles>,
}

impl MemorySite {
    /// A site holding `files` to begin with.
    pub fn with_files(files: MemoryFiles) -> MemorySite {
        MemorySite { files: Mutex::new(files) }
    }

    /// Writes one file of the site (`path` relative to the site root),
    /// replacing any there.
    pub fn write(&self, path: &Path, bytes: &[u8]) -> Result<(), OutputError> {
        check_site_path(path)?;
        let mut files = self.files.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        files.insert(site_path(path), Arc::from(bytes));
        Ok(())
    }

    /// Removes one file of the site, if it is there.
    pub fn remove(&self, path: &Path) {
        let mut files = self.files.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        files.remove(&site_path(path));
    }

    /// Removes the files whose paths `gone` picks.
    pub fn remove_where(&self, gone: impl Fn(&str) -> bool) {
        let mut files = self.files.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        files.retain(|path, _| !gone(path));
    }

    /// The files written.
    pub fn into_files(self) -> MemoryFiles {
        self.files.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// A site path as a key of [`MemoryFiles`]: its parts joined by `/`.
pub fn site_path(path: &Path) -> String {
    let parts: Vec<String> = path.components().map(|part| part.as_os_str().to_string_lossy().into_owned()).collect();
    parts.join("/")
}

/// The output folder and the folders written beside it.
struct Places {
    target: PathBuf,
    /// The folder holding the target; `.` for a bare name.
    parent: PathBuf,
    /// The target's own name, from which the names beside it are made.
    name: OsString,
    /// `.{name}.new-{pid}`: the new site while it is written.
    new: PathBuf,
    /// `.{name}.old-{pid}`: the previous site while the new one is moved in.
    old: PathBuf,
}

impl Places {
    fn of(target: &Path) -> Result<Places, OutputError> {
        let Some(name) = target.file_name() else {
            return Err(OutputError::InvalidPath {
                path: target.to_path_buf(),
                reason: "the output folder needs a name of its own (not `.`, `..` or `/`); pass one such as site/",
            });
        };
        let parent = match target.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let pid = std::process::id();
        Ok(Places {
            target: target.to_path_buf(),
            new: parent.join(sibling_name(name, "new", pid)),
            old: parent.join(sibling_name(name, "old", pid)),
            name: name.to_os_string(),
            parent,
        })
    }
}

fn sibling_name(name: &OsStr, kind: &str, pid: u32) -> OsString {
    let mut sibling = OsString::from(".");
    sibling.push(name);
    sibling.push(format!(".{kind}-{pid}"));
    sibling
}

/// Whether `candidate` is `.{name}.{kind}-{digits}`, a folder some run of
/// tracebrief made beside the target `name`.
fn is_sibling(candidate: &OsStr, name: &OsStr, kind: &str) -> bool {
    let prefix = [b".", name.as_encoded_bytes(), b".", kind.as_bytes(), b"-"].concat();
    candidate
        .as_encoded_bytes()
        .strip_prefix(prefix.as_slice())
        .is_some_and(|pid| !pid.is_empty() && pid.iter().all(u8::is_ascii_digit))
}

/// A site file must land inside the new folder and must not replace the marker.
fn check_site_path(path: &Path) -> Result<(), OutputError> {
    let reason = if path.as_os_str().is_empty() {
        "a site file needs a name"
    } else if !path.components().all(|part| matches!(part, Component::Normal(_))) {
        "a site file path must be relative, with no `.` or `..` parts"
    } else if path.components().next() == Some(Component::Normal(OsStr::new(MARKER))) {
        "this name is reserved for tracebrief's marker file"
    } else {
        return Ok(());
    };
    Err(OutputError::InvalidPath { path: path.to_path_buf(), reason })
}

/// What is at the target now, once it is known that it may be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Existing {
    Nothing,
    Folder,
}

fn inspect_target(target: &Path, force: bool) -> Result<Existing, OutputError> {
    let metadata = match fs::symlink_metadata(target) {
        Ok(metadata) => metadata,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Existing::Nothing),
        Err(e) => return Err(io_error(target, "read", e)),
    };
    if metadata.file_type().is_symlink() {
        return Err(OutputError::Symlink { target: target.to_path_buf() });
    }
    if !metadata.is_dir() {
        return Err(OutputError::NotAFolder { target: target.to_path_buf() });
    }
    if force || has_marker(target)? || is_empty_folder(target)? {
        Ok(Existing::Folder)
    } else {
        Err(OutputError::NotOurs { target: target.to_path_buf() })
    }
}

fn has_marker(folder: &Path) -> Result<bool, OutputError> {
    let marker = folder.join(MARKER);
    match fs::symlink_metadata(&marker) {
        Ok(metadata) => Ok(metadata.is_file()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(io_error(&marker, "read", e)),
    }
}

fn is_empty_folder(folder: &Path) -> Result<bool, OutputError> {
    let mut entries = fs::read_dir(folder).map_err(|e| io_error(folder, "read", e))?;
    match entries.next() {
        None => Ok(true),
        Some(Ok(_)) => Ok(false),
        Some(Err(e)) => Err(io_error(folder, "read", e)),
    }
}

/// Removes the `.new-` folders of runs that were killed, and the `.old-`
/// folders of earlier builds: the previous sites they replaced.
///
/// Best effort: a folder that cannot be removed costs only space, and if it
/// blocks this run's own names, creating them fails with a clear error.
fn remove_stale(places: &Places, existing: Existing, removal: &Removal) {
    let Ok(entries) = fs::read_dir(&places.parent) else {
        return;
    };
    for entry in entries.flatten() {
        let candidate = entry.file_name();
        let stale = is_sibling(&candidate, &places.name, "new")
            || (existing == Existing::Folder && is_sibling(&candidate, &places.name, "old"));
        if stale && entry.file_type().is_ok_and(|kind| kind.is_dir()) {
            removal.remove(&entry.path());
        }
    }
}

/// A run killed between the two renames of a swap (where folders cannot be
/// exchanged in one step) leaves no target and the previous site in
/// `.{name}.old-{pid}`: it is put back, so that the target is never missing
/// for long and a failed build after such a kill still leaves it in place.
fn restore_interrupted(places: &Places) {
    if fs::symlink_metadata(&places.target).is_ok() {
        return;
    }
    let Ok(entries) = fs::read_dir(&places.parent) else {
        return;
    };
    let previous = entries
        .flatten()
        .filter(|e| is_sibling(&e.file_name(), &places.name, "old"))
        .map(|e| e.path())
        .find(|folder| has_marker(folder).unwrap_or(false));
    if let Some(previous) = previous {
        let _ = fs::rename(previous, &places.target);
    }
}

/// Moves the complete new folder to the target. Where the system can, the
/// two folders are exchanged in one step, so that no moment leaves the
/// target missing; elsewhere the previous site is moved aside, then the new
/// one in. The previous site is then removed (see [`Removal`]).
fn swap_in(places: &Places, existing: Existing, removal: &Removal) -> Result<(), OutputError> {
    let Places { target, new, old, .. } = places;
    if existing == Existing::Nothing {
        return fs::rename(new, target).map_err(|e| io_error(target, "move the new site into", e));
    }
    if exchange(new, target).is_ok() {
        fault("after-exchange");
        // `new` now holds the previous site
        return match fs::rename(new, old) {
            Ok(()) => {
                removal.remove(old);
                Ok(())
            }
            Err(_) => {
                removal.remove(new);
                Ok(())
            }
        };
    }
    fs::rename(target, old).map_err(|e| io_error(target, "move aside", e))?;
    fault("between-renames");
    if let Err(source) = fs::rename(new, target) {
        return Err(match fs::rename(old, target) {
            Ok(()) => io_error(target, "move the new site into", source),
            Err(_) => OutputError::SwapFailed { target: target.clone(), previous: old.clone(), source },
        });
    }
    // The new site is in place; an old folder that resists is removed by the next run.
    removal.remove(old);
    Ok(())
}

/// Exchanges two folders in one step (Linux's `renameat2` with `RENAME_EXCHANGE`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    if fault_set("no-exchange") {
        return Err(io::Error::from(io::ErrorKind::Unsupported));
    }
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

/// The fault-injection hook of the tests that kill a build mid-swap:
/// `TRACEBRIEF_FAULT` names the points (comma-separated) where the process
/// aborts as if killed, and `no-exchange` makes it swap with two renames.
fn fault(point: &str) {
    if fault_set(point) {
        std::process::abort();
    }
}

fn fault_set(point: &str) -> bool {
    std::env::var("TRACEBRIEF_FAULT").is_ok_and(|faults| faults.split(',').any(|f| f == point))
}

#[cfg(test)]
mod tests {
    use super::*;
    use tempfile::TempDir;

    /// Every file (with its bytes) and folder (with `None`) under `root`, by relative path.
    fn tree(root: &Path) -> BTreeMap<PathBuf, Option<Vec<u8>>> {
        fn walk(root: &Path, folder: &Path, found: &mut BTreeMap<PathBuf, Option<Vec<u8>>>) {
            for entry in fs::read_dir(folder).unwrap() {
                let path = entry.unwrap().path();
                let relative = path.strip_prefix(root).unwrap().to_path_buf();
                if path.is_dir() {
                    found.insert(relative, None);
                    walk(root, &path, found);
                } else {
                    found.insert(relative, Some(fs::read(&path).unwrap()));
                }
            }
        }
        let mut found = BTreeMap::new();
        walk(root, root, &mut found);
        found
    }

    /// The names in `parent` that look like folders written beside a target.
    fn leftovers(parent: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(parent)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.contains(".new-") || name.contains(".old-"))
            .collect();
        names.sort();
        names
    }

    fn site(pages: &[(&str, &str)]) -> SiteFiles {
        let mut files = SiteFiles::new();
        for (path, text) in pages {
            files.add(*path, text.as_bytes());
        }
        files
    }

    fn sample() -> SiteFiles {
        site(&[
            ("index.html", "<h1>Briefings</h1>\n"),
            ("briefings/troops/index.html", "<p>upwards of 100,000</p>\n"),
            ("assets/css/site.css", "body { margin: 0 }\n"),
            ("facts.json", "{\"facts\": []}\n"),
        ])
    }

    /// A temporary folder holding a previous tracebrief site at `x`.
    fn previous_site() -> (TempDir, PathBuf) {
        let dir = TempDir::new().unwrap();
        let target = dir.path().join("x");
        let previous = site(&[("index.html", "old front page\n"), ("gone.html", "only in the old site\n")]);
        write_site(&target, &previous, false).unwrap();
        (dir, target)
    }

    #[test]
    fn a_fresh_target_gets_every_file_and_the_marker() {
        let dir = TempDir::new().unwrap();
        let target = dir.path().join("x");
        let files = sample();
        write_site(&target, &files, false).unwrap();

        let written = tree(&target);
        for path in files.paths() {
            assert_eq!(written[path].as_deref(), files.get(path), "{}", path.display());
        }
        assert_eq!(written[Path::new(MARKER)].as_deref(), Some(MARKER_CONTENT));
        assert_eq!(written[Path::new("briefings/troops")], None);
        assert_eq!(written.values().filter(|bytes| bytes.is_some()).count(), files.len() + 1);
        assert_eq!(leftovers(dir.path()), Vec::<String>::new());
    }

    #[test]
    fn missing_parent_folders_of_the_target_are_created() {
        let dir = TempDir::new().unwrap();
        let target = dir.path().join("out/deeper/x");
        write_site(&target, &sample(), false).unwrap();
        assert_eq!(fs::read(target.join("index.html")).unwrap(), b"<h1>Briefings</h1>\n");
        assert_eq!(leftovers(&dir.path().join("out/deeper")), Vec::<String>::new());
    }

    #[test]
    fn replacing_our_site_removes_what_the_new_one_lacks() {
        let (dir, target) = previous_site();
        write_site(&target, &sample(), false).unwrap();
        assert!(!target.join("gone.html").exists());
        assert_eq!(fs::read(target.join("index.html")).unwrap(), b"<h1>Briefings</h1>\n");
        assert!(target.join(MARKER).is_file());
        assert_eq!(leftovers(dir.path()), Vec::<String>::new());
    }

    #[test]
    fn a_folder_it_did_not_make_is_refused_untouched() {
        let dir = TempDir::new().unwrap();
        let target = dir.path().join("x");
        fs::create_dir_all(target.join("notes")).unwrap();
        fs::write(target.join("notes/todo.txt"), "mine\n").unwrap();
        let before = tree(&target);

        let error = write_site(&target, &sample(), false).unwrap_err();
        assert!(matches!(&error, OutputError::NotOurs { target: t } if *t == target), "{error:?}");
        assert_eq!(
            error.to_string(),
            format!(
                "refusing to replace {}: it was not made by tracebrief (it has no .tracebrief-site file); \
                 pass --force to replace it",
                target.display()
            )
        );
        assert_eq!(tree(&target), before);
        assert_eq!(leftovers(dir.path()), Vec::<String>::new());
    }

    #[test]
    fn force_replaces_a_folder_it_did_not_make() {
        let dir = TempDir::new().unwrap();
        let target = dir.path().join("x");
        fs::create_dir(&target).unwrap();
        fs::write(target.join("todo.txt"), "mine\n").unwrap();

        write_site(&target, &sample(), true).unwrap();
        assert!(!target.join("todo.txt").exists());
        assert!(target.join(MARKER).is_file());
        assert_eq!(leftovers(dir.path()), Vec::<String>::new());
    }

    #[test]
    fn an_empty_folder_needs_no_force() {
        let dir = TempDir::new().unwrap();
        let target = dir.path().join("x");
        fs::create_dir(&target).unwrap();
        write_site(&target, &sample(), false).unwrap();
        assert!(target.join(MARKER).is_file());
    }

    #[test]
    fn a_file_target_is_refused_even_with_force() {
        let dir = TempDir::new().unwrap();
        let target = dir.path().join("x");
        fs::write(&target, "a file\n").unwrap();
        for force in [false, true] {
            let error = write_site(&target, &sample(), force).unwrap_err();
            assert!(matches!(error, OutputError::NotAFolder { .. }), "force {force}: {error:?}");
            assert_eq!(fs::read(&target).unwrap(), b"a file\n");
            assert_eq!(leftovers(dir.path()), Vec::<String>::new());
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_target_is_refused_even_with_force() {
        let (dir, real) = previous_site();
        let before = tree(&real);
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        for force in [false, true] {
            let error = write_site(&link, &sample(), force).unwrap_err();
            assert!(matches!(error, OutputError::Symlink { .. }), "force {force}: {error:?}");
            assert!(error.to_string().contains("symbolic link"), "{error}");
            assert_eq!(fs::read_link(&link).unwrap(), real);
            assert_eq!(tree(&real), before);
            assert_eq!(leftovers(dir.path()), Vec::<String>::new());
        }
    }

    #[test]
    fn a_failure_mid_write_keeps_the_previous_site() {
        let (dir, target) = previous_site();
        let before = tree(&target);
        // `a` is both a folder (of `a/b.html`) and a file: whichever comes
        // second fails, after other folders or files are already written.
        let files = site(&[("a", "a file\n"), ("a/b.html", "under a\n"), ("z.html", "last\n")]);

        let error = write_site(&target, &files, false).unwrap_err();
        assert!(matches!(&error, OutputError::Io { path, .. } if path.ends_with("a")), "{error:?}");
        assert!(error.to_string().ends_with("; nothing was replaced"), "{error}");
        assert_eq!(tree(&target), before);
        assert_eq!(leftovers(dir.path()), Vec::<String>::new());
    }

    /// Writes like a disk that fills up halfway through `b.html`.
    fn fill_the_disk_at_b(path: &Path, bytes: &[u8]) -> io::Result<()> {
        if path.ends_with("b.html") {
            write_file(path, &bytes[..bytes.len() / 2])?;
            return Err(io::Error::from(io::ErrorKind::StorageFull));
        }
        write_file(path, bytes)
    }

    #[test]
    fn a_full_disk_keeps_the_previous_site() {
        let (dir, target) = previous_site();
        let before = tree(&target);
        let files = site(&[("a.html", "first\n"), ("b.html", "second, cut short\n"), ("c.html", "never\n")]);

        let error = write_site_with(&target, &files, false, fill_the_disk_at_b).unwrap_err();
        assert!(
            matches!(&error, OutputError::Io { action: "write", path, source } if path.ends_with("b.html")
                && source.kind() == io::ErrorKind::StorageFull),
            "{error:?}"
        );
        assert_eq!(tree(&target), before);
        assert_eq!(leftovers(dir.path()), Vec::<String>::new());
    }

    #[test]
    fn stale_folders_of_killed_runs_are_removed() {
        let (dir, target) = previous_site();
        let stale = [".x.new-999", ".x.old-998"];
        let kept = [".x.new-abc", ".x.new-", ".y.new-12", ".xx.old-12", "x.new-12"];
        for name in stale.iter().chain(&kept) {
            fs::create_dir(dir.path().join(name)).unwrap();
            fs::write(dir.path().join(name).join("page.html"), "half\n").unwrap();
        }

        write_site(&target, &sample(), false).unwrap();
        for name in stale {
            assert!(!dir.path().join(name).exists(), "{name} should be removed");
        }
        for name in kept {
            assert!(dir.path().join(name).join("page.html").is_file(), "{name} should be kept");
        }
    }

    #[test]
    fn an_old_folder_is_kept_when_the_target_is_missing() {
        // A run killed between its two renames leaves no target and the only
        // copy of the previous site in `.x.old-{pid}`.
        let dir = TempDir::new().unwrap();
        let old = dir.path().join(".x.old-998");
        fs::create_dir(&old).unwrap();
        fs::write(old.join("index.html"), "the previous site\n").unwrap();

        write_site(&dir.path().join("x"), &sample(), false).unwrap();
        assert_eq!(fs::read(old.join("index.html")).unwrap(), b"the previous site\n");
    }

    #[test]
    fn the_same_files_give_identical_trees() {
        let dir = TempDir::new().unwrap();
        let (x, y) = (dir.path().join("x"), dir.path().join("y"));
        write_site(&x, &sample(), false).unwrap();
        write_site(&y, &sample(), false).unwrap();
        let first = tree(&x);
        assert_eq!(tree(&y), first);

        write_site(&x, &sample(), false).unwrap();
        assert_eq!(tree(&x), first);
    }

    #[test]
    fn site_paths_that_leave_the_folder_or_take_the_marker_are_refused_before_writing() {
        let dir = TempDir::new().unwrap();
        let target = dir.path().join("x");
        for bad in ["/etc/passwd", "../up.html", "a/../../b.html", "./a.html", "", MARKER, ".tracebrief-site/x"] {
            let files = site(&[("index.html", "fine\n"), (bad, "bad\n")]);
            let error = write_site(&target, &files, false).unwrap_err();
            assert!(matches!(&error, OutputError::InvalidPath { path, .. } if path == Path::new(bad)), "{bad:?}");
            assert!(!target.exists(), "{bad:?}");
            assert_eq!(leftovers(dir.path()), Vec::<String>::new(), "{bad:?}");
        }
    }

    #[test]
    fn a_target_without_a_name_is_refused() {
        for target in [".", "..", "/", "site/.."] {
            let error = write_site(Path::new(target), &sample(), true).unwrap_err();
            assert!(matches!(error, OutputError::InvalidPath { .. }), "{target:?}: {error:?}");
        }
    }

    #[test]
    fn site_files_keep_one_file_a_path_in_sorted_order() {
        let mut files = SiteFiles::new();
        assert!(files.is_empty());
        files.add("b.html", "first");
        files.add("a.html", "a");
        files.add("b.html", "second");
        assert_eq!(files.len(), 2);
        assert_eq!(files.get(Path::new("b.html")), Some(&b"second"[..]));
        assert_eq!(files.get(Path::new("c.html")), None);
        assert_eq!(files.paths().collect::<Vec<_>>(), [Path::new("a.html"), Path::new("b.html")]);
    }
}
