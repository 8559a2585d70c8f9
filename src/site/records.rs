//! What the site shows of one briefing, as owned records: its card, its
//! figures, its quotes, its actors with the sentences that name them, and
//! the sentences its numbers cite. A briefing's own pages are rendered from
//! them as soon as the briefing is traced; the pages that list across
//! briefings read them back from the catalogue, one page at a time.
//!
//! Every text that can hold a number is already marked (`*_html`) with the
//! sentence that states it, so a template cannot publish an unmarked one.

use serde::{Deserialize, Serialize};

use crate::sheet::ActorKind;

/// A briefing as a card of the home page and a heading of the lists.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BriefingRecord {
    pub slug: String,
    pub title: String,
    pub title_html: String,
    /// `YYYY-MM-DD`
    pub date: Option<String>,
    pub figures: usize,
    pub quotes: usize,
    pub actors: usize,
    /// Where the seed was published, as readers are told.
    pub source: SourceRecord,
    /// The summary's first sentence, its numbers marked as the summary's are.
    pub standfirst: Option<Standfirst>,
}

/// The seed's origin as readers are told it: the outlet, the article's own
/// headline and its address; never the seed's file.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SourceRecord {
    /// `City A.M.`
    pub publisher: Option<String>,
    /// The article's headline, its numbers marked with the sentences that state them.
    pub title_html: Option<String>,
    pub url: Option<String>,
    /// The host of `url` (`www.cityam.com`): the outlet's name when no publisher is given.
    pub host: Option<String>,
}

/// A text shown as a briefing's lead: as HTML (numbers marked), as plain
/// text (for a meta description), and the sentences its numbers cite.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Standfirst {
    pub html: String,
    pub text: String,
    /// `s16 s17`: what an element holding the plain text cites (`data-trace`).
    pub cites: String,
}

/// A figure traced to a sentence.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FigureRecord {
    pub id: String,
    pub label_html: String,
    /// As published: `upwards of 100,000 troops`.
    pub value: String,
    pub bare_value: String,
    pub qualifier: Option<String>,
    /// The number of the sentence that states it.
    pub sentence: usize,
    /// That sentence, as one line of HTML, the words that state the figure marked.
    pub sentence_html: String,
    pub original_href: Option<String>,
    /// The actor id the sheet gives it.
    pub actor: Option<String>,
}

/// A quote traced to a sentence.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct QuoteRecord {
    pub id: String,
    /// The id as an HTML id: `_3` for the third quote of a sheet that gives it none.
    pub anchor: String,
    pub text_html: String,
    /// The speaker's actor id.
    pub speaker: String,
    pub sentence: usize,
    /// The sentences after the first that a quote running over several covers.
    pub also: Vec<usize>,
    /// Its first sentence, as one line of HTML, the quoted words marked.
    pub sentence_html: String,
    /// A quote of one or two words, shown in the sentence it stands in.
    pub short: bool,
    pub original_href: Option<String>,
}

/// An actor of a sheet, with the role that sheet gives it, and where its seed names it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ActorRecord {
    pub id: String,
    pub name: String,
    pub role: Option<String>,
    pub kind: ActorKind,
    /// How many times the seed names it.
    pub mentions: usize,
    /// Each sentence that names it: (number, the sentence as HTML with the names marked).
    pub sentences: Vec<(usize, String)>,
}

/// The sentences a briefing's records cite or show, for checking the pages
/// that list them: (number, the sentence as one line), and the values of
/// figures traced to a sentence as they are published (number, value).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Cited {
    pub sentences: Vec<(usize, String)>,
    pub published: Vec<(usize, String)>,
}
