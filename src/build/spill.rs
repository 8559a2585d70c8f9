//! The diagnostics of a run's briefings, with the lines they point into,
//! written to a temporary file as the briefings are gathered and read back
//! when the run ends: a project with a warning in every briefing must not
//! hold them all while its lists and its search index are made.

use std::fs::File;
use std::io::{self, BufReader, Read, Seek, SeekFrom, Write};

use crate::diagnostic::{Diagnostic, Sources, Tally};

/// What one briefing found, as it is written.
type Found = (Vec<Diagnostic>, Vec<Diagnostic>, Sources);

/// The diagnostics kept so far: in a file, or in memory when no temporary
/// file can be made.
pub(super) struct Spill {
    file: Option<File>,
    /// The bytes of the file that hold whole records.
    written: u64,
    /// Whether records still go to the file.
    writing: bool,
    kept: Vec<Found>,
    tally: Tally,
}

/// The diagnostics read back, in the order they were added.
pub(super) struct ReadBack {
    /// What tracing found, briefing after briefing.
    pub traced: Vec<Diagnostic>,
    /// What publishing found (input errors, templates, writes).
    pub problems: Vec<Diagnostic>,
    pub sources: Sources,
}

impl Spill {
    pub fn new() -> Spill {
        let file = tempfile::tempfile().ok();
        Spill { writing: file.is_some(), file, written: 0, kept: Vec::new(), tally: Tally::default() }
    }

    /// Keeps one briefing's diagnostics: those tracing found, then the others.
    pub fn add(&mut self, traced: Vec<Diagnostic>, problems: Vec<Diagnostic>, sources: Sources) {
        if traced.is_empty() && problems.is_empty() && sources.is_empty() {
            return;
        }
        self.tally.add(Tally::of(&traced));
        self.tally.add(Tally::of(&problems));
        let found = (traced, problems, sources);
        if let Some(file) = self.file.as_mut().filter(|_| self.writing) {
            // one write a briefing: its length, then the record
            let written = postcard::to_stdvec(&found).map_err(io::Error::other).and_then(|bytes| {
                let mut record = (bytes.len() as u64).to_le_bytes().to_vec();
                record.extend_from_slice(&bytes);
                file.write_all(&record)?;
                Ok(record.len() as u64)
            });
            match written {
                Ok(n) => {
                    self.written += n;
                    return;
                }
                // the disk is full: the whole records are read back from the file, the rest kept here
                Err(_) => self.writing = false,
            }
        }
        self.kept.push(found);
    }

    /// The counts of every diagnostic kept.
    pub fn tally(&self) -> Tally {
        self.tally
    }

    /// Every diagnostic kept, in the order added.
    pub fn read_back(self) -> io::Result<ReadBack> {
        let mut back = ReadBack { traced: Vec::new(), problems: Vec::new(), sources: Sources::default() };
        let mut take = |(traced, problems, sources): Found| {
            back.traced.extend(traced);
            back.problems.extend(problems);
            back.sources.extend(sources);
        };
        if let Some(mut file) = self.file {
            file.seek(SeekFrom::Start(0))?;
            let mut reader = BufReader::new(file.take(self.written));
            let mut length = [0; 8];
            let mut bytes = Vec::new();
            loop {
                match reader.read_exact(&mut length) {
                    Ok(()) => {}
                    Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => break,
                    Err(e) => return Err(e),
                }
                bytes.resize(usize::try_from(u64::from_le_bytes(length)).map_err(io::Error::other)?, 0);
                reader.read_exact(&mut bytes)?;
                take(postcard::from_bytes(&bytes).map_err(io::Error::other)?);
            }
        }
        self.kept.into_iter().for_each(&mut take);
        Ok(back)
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::diagnostic::{CODES, Place};

    #[test]
    fn every_diagnostic_comes_back_whole_and_in_order() {
        let sheet = Path::new("content/a.yaml");
        let text = "figures:\n  - value: 3.5\n";
        let place = Place::new(sheet, text, 12..23);
        let mut spill = Spill::new();
        let mut added = Vec::new();
        let (label, also, help) = ("here", "and here", "do this");
        for (i, (code, _)) in CODES.iter().enumerate() {
            let (warning, error) = (format!("warning {i}"), format!("error {i}"));
            let d = Diagnostic::warning(code, warning)
                .at(place.clone())
                .label(label)
                .related(place.clone(), also)
                .help(help);
            let problem = Diagnostic::error(code, error);
            let mut sources = Sources::default();
            sources.add(sheet, text);
            added.push((d.clone(), problem.clone()));
            spill.add(vec![d], vec![problem], sources);
        }
        spill.add(Vec::new(), Vec::new(), Sources::default());
        let tally = spill.tally();
        assert_eq!((tally.errors, tally.warnings), (CODES.len(), CODES.len()));
        let back = spill.read_back().expect("read back");
        let (traced, problems): (Vec<Diagnostic>, Vec<Diagnostic>) = added.into_iter().unzip();
        assert_eq!(back.traced, traced, "what tracing found, briefing after briefing");
        assert_eq!(back.problems, problems);
        assert_eq!(back.sources.get(sheet), Some(text));
    }
}
