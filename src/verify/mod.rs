//! The published-number check: every number mention a reader is shown on a
//! rendered page must be accounted for by the element around it — a
//! `data-trace="s3 s7"` whose sentences state it, a `data-sentence="sN"` that
//! renders the seed's own sentence, or `data-trace="meta"` / `"derived"`.
//!
//! Four parts, one job each: `markup` reads the page as HTML does, with
//! html5gum's tokenizer; `walk` keeps the open elements and finds the text a
//! reader is shown, each piece with the claim of the element around it;
//! `references` decodes character references and maps offsets back to the
//! page; `accounting` judges each mention against its claim.
//!
//! It neither renders pages nor loads briefings, and it prints nothing: the
//! caller gives the sentences through [`Sentences`] and turns each
//! [`Unaccounted`] into an `untraced-published-number` diagnostic.

mod accounting;
pub mod css;
mod gathered;
mod markup;
mod memo;

/// Every number mention of `text`, as [`numbers::scan`] finds them; a
/// short text this thread has scanned before is not scanned again.
pub fn mentions_of(text: &str) -> Vec<Mention> {
    memo::mentions(text).to_vec()
}
mod references;
mod template;
mod walk;
pub mod xml;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

pub use css::Stylesheets;

use crate::numbers::{self, Mention};

/// A number mention of a page that nothing accounts for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unaccounted {
    /// The page, as given to [`check_page`].
    pub page: PathBuf,
    /// Byte offset of the mention (its hedge or currency included) in the page's HTML.
    pub offset: usize,
    /// 1-based line of `offset`.
    pub line: usize,
    /// 1-based column of `offset`, in characters.
    pub column: usize,
    /// The mention as it reads on the page, character references decoded: `2.4%`.
    pub text: String,
    pub reason: Reason,
    /// The briefing of the element around it (`data-briefing`), if any.
    pub briefing: Option<String>,
}

/// Why a mention is not accounted for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// No ancestor element has `data-trace` or `data-sentence` (or the nearest
    /// one has an empty `data-trace`, which traces nothing).
    NotTraced,
    /// `data-trace="s3 s7"`: none of these sentences states this number.
    NotStated { sentences: Vec<String> },
    /// `data-trace` or `data-sentence` names a sentence that does not exist,
    /// or no briefing is known for it (no `data-briefing` around it).
    UnknownSentence { sentence: String },
    /// `data-trace="derived"` around a number that is no count the tool makes.
    NotACount,
    /// `data-trace="derived"` around a count the page's template was not given.
    NotDerived,
    /// `data-trace="meta"` around a sum or a hedged number, which are claims.
    NotMeta,
    /// `data-trace="meta"` around a number no value of the page's sheets holds.
    NotGivenValue,
    /// A string of CSS `content` draws it, and CSS cites no sentence.
    InStylesheet,
    /// A template writes this count itself inside `data-trace="derived"`.
    WrittenInDerived,
}

/// The sentences of the briefings whose pages are checked.
pub trait Sentences {
    /// The mentions of sentence `sentence` (1-based) of briefing `briefing`
    /// (its slug), if both exist.
    fn mentions(&self, briefing: &str, sentence: usize) -> Option<&[Mention]>;

    /// The text of that sentence, when it is at hand: the part of a
    /// `data-sentence` element that is the sentence word for word needs no
    /// reading, only what the element shows besides it.
    fn text(&self, _briefing: &str, _sentence: usize) -> Option<&str> {
        None
    }
}

/// What a page's template was given that the page may show without citing
/// a sentence.
///
/// `data-trace="derived"` may show its counts: every whole number of its
/// data (counts of figures, note and page numbers), and the length of a list
/// of its data or a place in it (`{{ quotes | length }}`, `loop.index`, 0 to
/// the longest list's length).
///
/// `data-trace="meta"` may show the numbers of its sheets' values that are
/// no claims: the date, the publisher, the article's address.
///
/// A number the template writes itself is none of these, unless it happens
/// to be one of them. A page the tool makes from no template is given
/// nothing; a static page is written by hand, and its author's `meta`
/// marks any number that is no claim (`Founded in 1998`).
#[derive(Debug, Default, Clone)]
pub struct Given {
    counts: Vec<u64>,
    /// The length of the longest list of the data, if it has any list.
    longest_list: Option<u64>,
    /// The sheets' values that are no claims, as the data holds them.
    values: Vec<String>,
    /// Their numbers, scanned when a `meta` element first needs them: most
    /// pages show their dates and addresses with no number left to judge.
    value_mentions: OnceLock<Vec<Mention>>,
    /// A static page: `meta` holds any number that is no claim.
    by_hand: bool,
}

impl Given {
    pub fn new(mut counts: Vec<u64>, longest_list: Option<u64>, mut values: Vec<String>) -> Given {
        counts.sort_unstable();
        counts.dedup();
        values.sort_unstable();
        values.dedup();
        Given { counts, longest_list, values, value_mentions: OnceLock::new(), by_hand: false }
    }

    /// What a static page is given: no counts, and any number in `meta`.
    pub fn static_page() -> Given {
        Given { by_hand: true, ..Given::default() }
    }

    /// What a page read back from a built site, its data lost, is taken to
    /// have been given: any count, and any number in `meta` that is no claim.
    pub fn unknown() -> Given {
        Given { longest_list: Some(u64::MAX), by_hand: true, ..Given::default() }
    }

    /// `n` is one of the page's counts.
    fn holds(&self, n: u64) -> bool {
        self.longest_list.is_some_and(|longest| n <= longest) || self.counts.binary_search(&n).is_ok()
    }

    /// A value of the page's sheets states `mention`.
    fn states_value(&self, mention: &Mention) -> bool {
        if self.by_hand {
            return true;
        }
        let mentions = self.value_mentions.get_or_init(|| self.values.iter().flat_map(|v| numbers::scan(v)).collect());
        mentions.iter().any(|m| numbers::states(m, mention))
    }
}

/// What the check knows of a page besides its HTML.
#[derive(Clone, Copy)]
pub struct Known<'a> {
    /// The sentences its claims may cite.
    pub sentences: &'a dyn Sentences,
    /// The attributes the site's CSS draws on it.
    pub css: &'a Stylesheets,
    /// What its template was given: counts, and the sheets' values that are no claims.
    pub given: &'a Given,
}

/// Every number mention of `html` that no `data-trace` or `data-sentence`
/// around it accounts for, in page order. `page` only names the page in the
/// results.
pub fn check_page(page: &Path, html: &str, known: Known) -> Vec<Unaccounted> {
    let found = markup::read(html, known);
    unaccounted_at(page, html, found)
}

/// Every number the strings of stylesheet `css` draw on a page (CSS
/// `content`): no sentence can be cited there.
pub fn check_stylesheet(file: &Path, css: &str) -> Vec<Unaccounted> {
    let found = css::drawn_numbers(css)
        .into_iter()
        .map(|(offset, text)| FoundMention { offset, text, reason: Reason::InStylesheet, briefing: None })
        .collect();
    unaccounted_at(file, css, found)
}

/// Every count template `text` writes itself inside an element marked
/// `data-trace="derived"`: no data of a page gave it.
pub fn check_template(file: &Path, text: &str) -> Vec<Unaccounted> {
    unaccounted_at(file, text, template::derived_counts(text))
}

/// What the walk found, located in `text`.
fn unaccounted_at(page: &Path, html: &str, found: Found) -> Vec<Unaccounted> {
    let mut found: Vec<Unaccounted> = found
        .into_iter()
        .map(|f| Unaccounted {
            page: page.to_path_buf(),
            offset: f.offset,
            line: 0,
            column: 0,
            text: f.text,
            reason: f.reason,
            briefing: f.briefing,
        })
        .collect();
    locate(html, &mut found);
    found
}

/// An unaccounted mention as the walk finds it.
struct FoundMention {
    /// Byte offset in the page.
    offset: usize,
    text: String,
    reason: Reason,
    briefing: Option<String>,
}

/// Each unaccounted mention, in the order found.
type Found = Vec<FoundMention>;

/// Fills in the line and column (1-based, columns in characters) of every
/// result from its byte offset, in one pass over the page.
fn locate(html: &str, found: &mut [Unaccounted]) {
    found.sort_by_key(|u| u.offset);
    let (mut at, mut line, mut column) = (0, 1, 1);
    for u in found {
        // results are sorted, so the page is walked once
        let offset = floor_char_boundary(html, u.offset);
        let passed = &html[at..offset];
        match passed.rfind('\n') {
            Some(last) => {
                line += passed.bytes().filter(|b| *b == b'\n').count();
                column = 1 + passed[last + 1..].chars().count();
            }
            None => column += passed.chars().count(),
        }
        at = offset;
        u.line = line;
        u.column = column;
    }
}

/// The largest char boundary of `s` at or before `at`.
fn floor_char_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests;
