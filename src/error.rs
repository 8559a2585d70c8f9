//! Input errors: what in the user's files is wrong, where, and what to do about it.
//!
//! A one-line error of a single file (what `scan` reports); a project's
//! problems are [`crate::diagnostic::Diagnostic`]s, which these convert into.
//! Either ends a run with exit code 2.

use std::fmt;
use std::path::{Path, PathBuf};

/// A 1-based line and column (in characters) of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    pub line: usize,
    pub column: usize,
}

impl Location {
    /// The line and column of byte `offset` in `text`. An offset inside a
    /// character or past the end is clamped to the character before it.
    pub fn of_offset(text: &str, offset: usize) -> Location {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Location { line: before.matches('\n').count() + 1, column: before[line_start..].chars().count() + 1 }
    }
}

/// Something wrong with an input file, with the place and a hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub file: PathBuf,
    pub location: Option<Location>,
    pub message: String,
    pub help: String,
}

impl InputError {
    pub fn new(file: &Path, message: impl Into<String>, help: impl Into<String>) -> Self {
        InputError { file: file.to_path_buf(), location: None, message: message.into(), help: help.into() }
    }

    pub fn at(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }
}

impl fmt::Display for InputError {
    /// One line: `file:line:col: message; help`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(at) = self.location {
            write!(f, ":{}:{}", at.line, at.column)?;
        }
        write!(f, ": {}", self.message)?;
        if !self.help.is_empty() {
            write!(f, "; {}", self.help)?;
        }
        Ok(())
    }
}

impl std::error::Error for InputError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn location_counts_lines_and_characters() {
        let text = "ab\nÉlysée x";
        assert_eq!(Location::of_offset(text, 0), Location { line: 1, column: 1 });
        assert_eq!(Location::of_offset(text, 3), Location { line: 2, column: 1 });
        // 'x' is after "Élysée " (7 characters, 9 bytes)
        assert_eq!(Location::of_offset(text, 12), Location { line: 2, column: 8 });
    }

    #[test]
    fn location_inside_a_character_is_clamped() {
        let text = "Élysée";
        assert_eq!(Location::of_offset(text, 1), Location { line: 1, column: 1 });
        assert_eq!(Location::of_offset(text, 99).column, 7);
    }
}
