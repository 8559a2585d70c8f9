//! The site's search: an index of every briefing, actor, figure and quote,
//! made at build time and read by `search.js` in the reader's browser.
//!
//! Why an index of our own rather than Pagefind's: Pagefind's script loads
//! its index with `fetch()` and WebAssembly, which browsers refuse on
//! `file://`, while a tracebrief site works opened from disk; and its results
//! are excerpts of a page's text, which would show numbers without the
//! `data-trace` that says where each one comes from. Here every file is a
//! script (`<script src>` works from disk), and a result is the very HTML the
//! pages publish — the figure's value with its `data-trace`, the quote with
//! its sentences — checked by the published-number check before it is
//! written, as a page is.
//!
//! The files, under `search/`: `index.js` (what the script needs first: how
//! words are folded, the kinds of result in the site's language), one
//! `terms-*.js` for each first two letters of the words indexed (the ids of
//! the results each word stands in), and `docs-N.js`, the results
//! themselves, [`DOCS_PER_FILE`] a file. A query loads only the files of its
//! words' first letters, and the results it shows.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;

use super::records::{BriefingRecord, FigureRecord, QuoteRecord};
use super::strings::Strings;

/// Results a `docs-N.js` file holds.
pub const DOCS_PER_FILE: usize = 1000;

/// What a result is, in the order results are ranked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Briefing = 0,
    Actor = 1,
    Figure = 2,
    Quote = 3,
}

impl Kind {
    /// The kind numbered `n` (`kind as u8`).
    pub fn numbered(n: u8) -> Option<Kind> {
        [Kind::Briefing, Kind::Actor, Kind::Figure, Kind::Quote].get(usize::from(n)).copied()
    }
}

/// One result: what it is, where it leads (from the site root), what it
/// shows (HTML, its numbers marked as the pages mark them), and the result
/// of the briefing it belongs to.
#[derive(Debug, Clone)]
pub struct Doc {
    pub kind: Kind,
    pub href: String,
    pub html: String,
    /// The briefing's slug, for `data-briefing` around the result.
    pub slug: Option<String>,
    /// The id of the briefing's own result, for a figure or a quote.
    pub briefing: Option<usize>,
}

/// The index of words, as it is made. A result's id is its place among all
/// results ranked — briefings, then actors, figures and quotes, each newest
/// first — so that the first ids of a word are its best results, and the
/// script reads no more than it shows. Only the words are kept: the results
/// are made again, a file at a time, when they are written.
pub struct SearchIndex {
    /// How many results of each [`Kind`] there are.
    counts: [usize; 4],
    /// Which part (see [`SearchIndex::parts`]) each term is made in.
    splitter: Splitter,
    /// For each word of the part being made, the ids of the results it stands in.
    terms: BTreeMap<String, Postings>,
    /// The shards written so far, in order.
    shards: Vec<String>,
}

/// Results whose words are held at once: a larger site's words are made
/// in parts, each for words of some first letters, so that memory does not
/// grow with the site.
const RESULTS_PER_PART: usize = 50_000;

/// The first characters words are split by between parts, in order.
const PART_SPLITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// The first byte the words of part `p` of `parts` start from.
fn part_bound(p: usize, parts: usize) -> u16 {
    match p {
        0 => 0,
        p if p >= parts => 256,
        p => u16::from(PART_SPLITS[p * PART_SPLITS.len() / parts]),
    }
}

/// Which part of an index each term goes in, by its first byte.
#[derive(Debug, Clone)]
pub struct Splitter {
    parts: usize,
    part_of: [u8; 256],
}

impl Splitter {
    fn new(parts: usize) -> Splitter {
        let mut part_of = [0u8; 256];
        for (b, part) in part_of.iter_mut().enumerate() {
            *part = (0..parts).rfind(|&p| part_bound(p, parts) <= b as u16).unwrap_or(0) as u8;
        }
        Splitter { parts, part_of }
    }

    /// The terms of `words`, one to a line, in a string for each part.
    pub fn terms(&self, words: &str) -> Vec<String> {
        let mut by_part = vec![String::new(); self.parts];
        for term in terms(words) {
            if let Some(&b) = term.as_bytes().first() {
                let kept = &mut by_part[usize::from(self.part_of[usize::from(b)])];
                kept.push_str(&term);
                kept.push('\n');
            }
        }
        by_part
    }
}

/// The ids of the results a word stands in, rising, each kept as its gap
/// from the one before in LEB128 (a byte or two for most): at 10,000
/// briefings a million ids, held to the end of the index.
#[derive(Debug, Default)]
struct Postings {
    last: Option<u32>,
    gaps: Vec<u8>,
}

impl Postings {
    fn push(&mut self, id: u32) {
        match self.last {
            Some(last) if id == last => {}
            Some(last) if id < last => {
                // added out of order: made again, in order
                let mut ids = self.ids();
                if let Err(at) = ids.binary_search(&id) {
                    ids.insert(at, id);
                }
                *self = Postings::default();
                ids.into_iter().for_each(|id| self.push(id));
            }
            _ => {
                let mut gap = id - self.last.unwrap_or(0);
                loop {
                    let low = (gap & 0x7f) as u8;
                    gap >>= 7;
                    if gap == 0 {
                        self.gaps.push(low);
                        break;
                    }
                    self.gaps.push(low | 0x80);
                }
                self.last = Some(id);
            }
        }
    }

    fn ids(&self) -> Vec<u32> {
        let (mut ids, mut id, mut gap, mut shift) = (Vec::new(), 0u32, 0u32, 0);
        for &byte in &self.gaps {
            gap |= u32::from(byte & 0x7f) << shift;
            shift += 7;
            if byte & 0x80 == 0 {
                id += gap;
                ids.push(id);
                (gap, shift) = (0, 0);
            }
        }
        ids
    }
}

impl SearchIndex {
    /// An index of `counts` results of each [`Kind`].
    pub fn new(counts: [usize; 4]) -> SearchIndex {
        let parts = counts.iter().sum::<usize>().div_ceil(RESULTS_PER_PART).clamp(1, PART_SPLITS.len());
        SearchIndex { counts, splitter: Splitter::new(parts), terms: BTreeMap::new(), shards: Vec::new() }
    }

    /// How many parts the words are made in, each for words of some first
    /// bytes: the terms of one part are added, then written, then the next's.
    pub fn parts(&self) -> usize {
        self.splitter.parts
    }

    /// Splits terms between the parts of this index.
    pub fn splitter(&self) -> &Splitter {
        &self.splitter
    }

    /// Indexes `terms`, one to a line, of the part being made (a part of
    /// what [`Splitter::terms`] finds), as those of the result at `place`
    /// among those of `kind`.
    pub fn add_terms(&mut self, kind: Kind, place: usize, terms: &str) {
        let id = self.id(kind, place);
        for term in terms.lines() {
            match self.terms.get_mut(term) {
                Some(ids) => ids.push(id),
                None => self.terms.entry(term.to_string()).or_default().push(id),
            }
        }
    }

    /// The id of the result at `place` among those of `kind`.
    fn id(&self, kind: Kind, place: usize) -> u32 {
        let before: usize = self.counts[..kind as usize].iter().sum();
        (before + place) as u32
    }

    /// How many `docs-N.js` files there are.
    pub fn doc_files(&self) -> usize {
        self.counts.iter().sum::<usize>().div_ceil(DOCS_PER_FILE)
    }

    /// The results `docs-{n}.js` holds: for each kind, the places among its results.
    pub fn docs_of_file(&self, n: usize) -> Vec<(Kind, Range<usize>)> {
        let window = n * DOCS_PER_FILE..(n + 1) * DOCS_PER_FILE;
        let mut before = 0;
        let mut found = Vec::new();
        for (kind, count) in [Kind::Briefing, Kind::Actor, Kind::Figure, Kind::Quote].into_iter().zip(self.counts) {
            let (from, to) = (window.start.max(before), window.end.min(before + count));
            if from < to {
                found.push((kind, from - before..to - before));
            }
            before += count;
        }
        found
    }

    /// Hands `write` each file of the words of the part made: its path under
    /// the site root and its text, one file at a time. Words sharing their
    /// first two characters stand together in the sorted index, so each
    /// shard is made, written and dropped before the next.
    pub fn write_part(&mut self, mut write: impl FnMut(&str, &str)) {
        let shard_names = &mut self.shards;
        let mut terms = self.terms.iter().peekable();
        while let Some((first, _)) = terms.peek() {
            let prefix = shard_of(first, 2);
            let mut group: Vec<(&str, String)> = Vec::new();
            while let Some((term, ids)) = terms.next_if(|(term, _)| shard_of(term, 2) == prefix) {
                group.push((term, postings(&ids.ids())));
            }
            let size: usize = group.iter().map(|(t, p)| t.len() + p.len() + 6).sum();
            if size <= SHARD_BYTES {
                write_shard(&prefix, &group, &mut write);
                shard_names.push(prefix);
                continue;
            }
            // a large shard is split by the words' first three characters, so a query loads little
            for part in group.chunk_by(|(a, _), (b, _)| shard_of(a, 3) == shard_of(b, 3)) {
                let shard = shard_of(part[0].0, 3);
                write_shard(&shard, part, &mut write);
                shard_names.push(shard);
            }
        }
        self.terms.clear();
    }

    /// Hands `write` the text of `index.js`, once every part is written.
    pub fn write_index(&self, strings: &Strings, mut write: impl FnMut(&str, &str)) {
        let kinds: Vec<&str> = ["briefing", "nav_actors", "figure", "quote"].iter().map(|k| strings.get(k)).collect();
        let kinds = [kinds[0], strings.get("kind_person"), kinds[2], kinds[3]];
        let index = format!(
            "tracebriefSearch.index({{\"docsPerFile\":{DOCS_PER_FILE},\"shards\":{},\"fold\":{},\"spelling\":{},\"stop\":{},\"kinds\":{},\"none\":{},\"inBriefing\":{}}});\n",
            json_list(&self.shards),
            json(&FOLD.iter().map(|(c, s)| format!("{c}{s}")).collect::<Vec<_>>().join("|")),
            json_list(&SPELLING.iter().map(|(b, a)| format!("{b}>{a}")).collect::<Vec<_>>()),
            json_list(STOP),
            json_list(&kinds.map(capitalised)),
            json(strings.get("search_none")),
            json(strings.get("role_in")),
        );
        write("search/index.js", &index);
    }
}

/// The words a briefing is found by: its title, outlet and standfirst.
pub fn briefing_words(card: &BriefingRecord) -> String {
    let mut words = card.title.clone();
    for w in [card.source.publisher.as_deref(), card.standfirst.as_ref().map(|s| s.text.as_str())].into_iter().flatten()
    {
        words.push(' ');
        words.push_str(w);
    }
    words
}

/// A briefing's credit: the outlet and the date, values of its sheet that are no claims.
pub fn briefing_credit(card: &BriefingRecord, strings: &Strings) -> Vec<String> {
    card.source.publisher.iter().cloned().chain(card.date.as_deref().map(|d| strings.date(d))).collect()
}

/// A briefing's result: its title and credit.
pub fn briefing_doc(card: &BriefingRecord, strings: &Strings) -> Doc {
    let mut shown = card.title_html.clone();
    let credit = briefing_credit(card, strings);
    if !credit.is_empty() {
        write!(shown, " <span class=\"about\" data-trace=\"meta\">{}</span>", escape(&credit.join(", "))).ok();
    }
    Doc {
        kind: Kind::Briefing,
        href: format!("briefings/{}/index.html", card.slug),
        html: shown,
        slug: Some(card.slug.clone()),
        briefing: None,
    }
}

pub fn figure_words(f: &FigureRecord) -> String {
    format!("{} {}", text_of(&f.label_html), f.value)
}

/// A figure's result: its label and value, traced; `briefing` is the id of its briefing's result.
pub fn figure_doc(card: &BriefingRecord, f: &FigureRecord, briefing: usize) -> Doc {
    let html = format!("{}: <strong data-trace=\"s{}\">{}</strong>", f.label_html, f.sentence, escape(&f.value));
    Doc {
        kind: Kind::Figure,
        href: format!("briefings/{}/index.html#figure-{}", card.slug, f.id),
        html,
        slug: Some(card.slug.clone()),
        briefing: Some(briefing),
    }
}

/// The words a quote is found by: its own and its speaker's name (`who`).
pub fn quote_words(q: &QuoteRecord, who: &str) -> String {
    format!("{} {who}", text_of(&q.text_html))
}

/// A quote's result: the words, traced to their sentences, and who says them.
pub fn quote_doc(card: &BriefingRecord, q: &QuoteRecord, who: &str, briefing: usize) -> Doc {
    let sentences: Vec<String> =
        std::iter::once(q.sentence).chain(q.also.iter().copied()).map(|n| format!("s{n}")).collect();
    let html = format!(
        "<q data-trace=\"{}\">{}</q> <span class=\"about\">{}</span>",
        sentences.join(" "),
        q.text_html,
        escape(who)
    );
    Doc {
        kind: Kind::Quote,
        href: format!("briefings/{}/index.html#quote-{}", card.slug, q.anchor),
        html,
        slug: Some(card.slug.clone()),
        briefing: Some(briefing),
    }
}

pub fn actor_words(name: &str, role: Option<&str>) -> String {
    format!("{name} {}", role.unwrap_or(""))
}

/// An actor's result: the name and the role.
pub fn actor_doc(id: &str, name: &str, role: Option<&str>) -> Doc {
    let mut html = escape(name);
    if let Some(role) = role {
        write!(html, " <span class=\"about\">{}</span>", escape(role)).ok();
    }
    Doc { kind: Kind::Actor, href: format!("actors/{id}/index.html"), html, slug: None, briefing: None }
}

/// `docs-{n}.js`: the results of one file.
pub fn docs_file(n: usize, docs: &[Doc]) -> String {
    let mut js = format!("tracebriefSearch.docs({n},[");
    for (i, doc) in docs.iter().enumerate() {
        if i > 0 {
            js.push(',');
        }
        let briefing = doc.briefing.map_or(-1, |b| b as i64);
        write!(js, "[{},{},{},{}]", doc.kind as u8, json(&doc.href), json(&doc.html), briefing).ok();
    }
    js.push_str("]);\n");
    js
}

/// The results of one file as the page the script makes of them, for the
/// published-number check: each inside its briefing.
pub fn docs_page(docs: &[Doc]) -> String {
    let mut html = String::from("<!DOCTYPE html><html><head><title>search</title></head><body><ol>");
    for doc in docs {
        match &doc.slug {
            Some(slug) => write!(html, "<li data-briefing=\"{slug}\">{}</li>", doc.html),
            None => write!(html, "<li>{}</li>", doc.html),
        }
        .ok();
    }
    html.push_str("</ol></body></html>");
    html
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}

/// The text of marked HTML (the markup the site writes: tags and `&…;` of [`escape`]).
fn text_of(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

fn escape(text: &str) -> String {
    super::publish::escape(text)
}

/// A JSON string.
fn json(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_string())
}

fn json_list<S: AsRef<str>>(items: &[S]) -> String {
    format!("[{}]", items.iter().map(|s| json(s.as_ref())).collect::<Vec<_>>().join(","))
}

/// Writes the file of one shard: each of its words with its postings.
fn write_shard(shard: &str, terms: &[(&str, String)], write: &mut impl FnMut(&str, &str)) {
    let mut js = format!("tracebriefSearch.terms({},{{", json(shard));
    for (i, (term, ids)) in terms.iter().enumerate() {
        if i > 0 {
            js.push(',');
        }
        write!(js, "{}:{}", json(term), json(ids)).ok();
    }
    js.push_str("});\n");
    write(&format!("search/terms-{}.js", file_of(shard)), &js);
}

/// Ids, rising, as the gaps between them in base 36: `[3, 5, 40]` → `3,2,z`.
fn postings(ids: &[u32]) -> String {
    let mut out = String::new();
    let mut previous = 0;
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&base36(id - previous));
        previous = *id;
    }
    out
}

fn base36(mut n: u32) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The shard of a word: its first `n` characters.
fn shard_of(term: &str, n: usize) -> String {
    term.chars().take(n).collect()
}

/// The size above which a shard of words is split by their first three characters.
const SHARD_BYTES: usize = 48 * 1024;

/// A shard's name in a file name: its characters as hexadecimal code points.
fn file_of(shard: &str) -> String {
    shard.chars().map(|c| format!("{:x}", c as u32)).collect::<Vec<_>>().join("_")
}

/// Letters folded to their base letter, so that `Elysee` finds `Élysée`
/// (the same table `search.js` folds queries with).
const FOLD: &[(char, &str)] = &[
    ('à', "a"),
    ('á', "a"),
    ('â', "a"),
    ('ã', "a"),
    ('ä', "a"),
    ('å', "a"),
    ('ā', "a"),
    ('ă', "a"),
    ('ą', "a"),
    ('æ', "ae"),
    ('ç', "c"),
    ('ć', "c"),
    ('č', "c"),
    ('ď', "d"),
    ('đ', "d"),
    ('ð', "d"),
    ('è', "e"),
    ('é', "e"),
    ('ê', "e"),
    ('ë', "e"),
    ('ē', "e"),
    ('ė', "e"),
    ('ę', "e"),
    ('ě', "e"),
    ('ì', "i"),
    ('í', "i"),
    ('î', "i"),
    ('ï', "i"),
    ('ī', "i"),
    ('į', "i"),
    ('ı', "i"),
    ('ł', "l"),
    ('ľ', "l"),
    ('ĺ', "l"),
    ('ñ', "n"),
    ('ń', "n"),
    ('ň', "n"),
    ('ò', "o"),
    ('ó', "o"),
    ('ô', "o"),
    ('õ', "o"),
    ('ö', "o"),
    ('ø', "o"),
    ('ō', "o"),
    ('ő', "o"),
    ('œ', "oe"),
    ('ř', "r"),
    ('ŕ', "r"),
    ('ś', "s"),
    ('š', "s"),
    ('ş', "s"),
    ('ș', "s"),
    ('ß', "ss"),
    ('ť', "t"),
    ('ţ', "t"),
    ('ț', "t"),
    ('þ', "th"),
    ('ù', "u"),
    ('ú', "u"),
    ('û', "u"),
    ('ü', "u"),
    ('ū', "u"),
    ('ů', "u"),
    ('ű', "u"),
    ('ų', "u"),
    ('ý', "y"),
    ('ÿ', "y"),
    ('ź', "z"),
    ('ż', "z"),
    ('ž', "z"),
];

/// British spellings and their American forms, as whole words or word
/// beginnings: `defence` and `defense` are one word to search.
const SPELLING: &[(&str, &str)] = &[
    ("defence", "defense"),
    ("offence", "offense"),
    ("licence", "license"),
    ("pretence", "pretense"),
    ("centre", "center"),
    ("metre", "meter"),
    ("theatre", "theater"),
    ("litre", "liter"),
    ("fibre", "fiber"),
    ("calibre", "caliber"),
    ("programme", "program"),
    ("catalogue", "catalog"),
    ("dialogue", "dialog"),
    ("analogue", "analog"),
    ("grey", "gray"),
    ("tyre", "tire"),
    ("aluminium", "aluminum"),
    ("manoeuvre", "maneuver"),
    ("labour", "labor"),
    ("favour", "favor"),
    ("honour", "honor"),
    ("colour", "color"),
    ("neighbour", "neighbor"),
    ("behaviour", "behavior"),
    ("harbour", "harbor"),
    ("rumour", "rumor"),
    ("humour", "humor"),
    ("armour", "armor"),
    ("endeavour", "endeavor"),
    ("flavour", "flavor"),
    ("vigour", "vigor"),
    ("tumour", "tumor"),
    ("saviour", "savior"),
    ("ageing", "aging"),
    ("jewellery", "jewelry"),
    ("sceptic", "skeptic"),
    ("paediatric", "pediatric"),
    ("anaemia", "anemia"),
    ("oestrogen", "estrogen"),
    ("travell", "travel"),
    ("cancell", "cancel"),
    ("modell", "model"),
    ("labell", "label"),
    ("fuell", "fuel"),
    ("signall", "signal"),
    ("totall", "total"),
];

/// Words too common to search by, in the four languages.
const STOP: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "its", "of", "on", "or", "that",
    "the", "to", "was", "with", "der", "die", "das", "und", "den", "dem", "des", "ein", "eine", "le", "la", "les",
    "et", "des", "du", "un", "une", "el", "los", "las", "y", "del",
];

/// The length of the longest stop word: a longer word is none, unlooked for.
const LONGEST_STOP: usize = {
    let (mut longest, mut i) = (0, 0);
    while i < STOP.len() {
        if STOP[i].len() > longest {
            longest = STOP[i].len();
        }
        i += 1;
    }
    longest
};

/// The first bytes of the spellings [`SPELLING`] changes: most words start otherwise.
const SPELLING_STARTS: [bool; 256] = {
    let mut starts = [false; 256];
    let mut i = 0;
    while i < SPELLING.len() {
        starts[SPELLING[i].0.as_bytes()[0] as usize] = true;
        i += 1;
    }
    starts
};

/// Words ending in -ise that are no British form of an -ize word.
const ISE: &[&str] = &[
    "advertise",
    "advise",
    "arise",
    "chastise",
    "comprise",
    "compromise",
    "concise",
    "demise",
    "despise",
    "devise",
    "disguise",
    "enterprise",
    "excise",
    "exercise",
    "expertise",
    "franchise",
    "improvise",
    "incise",
    "merchandise",
    "noise",
    "otherwise",
    "paradise",
    "poise",
    "praise",
    "precise",
    "premise",
    "promise",
    "raise",
    "revise",
    "rise",
    "supervise",
    "surmise",
    "surprise",
    "televise",
    "treatise",
    "wise",
    "likewise",
    "clockwise",
    "cruise",
    "bruise",
    "guise",
    "reprise",
    "apprise",
    "franchise",
];

/// The words of `text` to index or to search by: folded, spelled one way,
/// common words left out. A word is a run of letters and digits; `.` and `,`
/// between digits are kept (`2.3`, thousands separators dropped), and a `%`
/// after digits (`2.3%`).
pub fn terms(text: &str) -> Vec<String> {
    let mut found = words(text);
    for word in &mut found {
        if let Some(respelled) = spelled(word) {
            *word = respelled;
        }
    }
    found.retain(|w| w.len() > LONGEST_STOP || !STOP.contains(&w.as_str()));
    found
}

/// The words of `text`, folded (`search.js`'s `words` does the same).
fn words(text: &str) -> Vec<String> {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            // no ASCII letter is folded
            folded.push(c.to_ascii_lowercase());
            continue;
        }
        for c in c.to_lowercase() {
            match FOLD.iter().find(|(f, _)| *f == c) {
                Some((_, base)) => folded.push_str(base),
                None => folded.push(c),
            }
        }
    }
    let bytes = folded.as_bytes();
    let mut words = Vec::new();
    let mut word = String::new();
    for (i, c) in folded.char_indices() {
        let digit_before = word.as_bytes().last().is_some_and(u8::is_ascii_digit);
        // an ASCII digit is one byte, never part of another character
        let digit_after = bytes.get(i + c.len_utf8()).is_some_and(u8::is_ascii_digit);
        if c.is_alphanumeric() || (c == '.' && digit_before && digit_after) {
            word.push(c);
        } else if c == ',' && digit_before && digit_after {
            // a thousands separator: 100,000 is 100000
        } else if c == '%' && digit_before {
            word.push(c);
            words.push(std::mem::take(&mut word));
        } else if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// The word spelled the American way when it has a British spelling
/// (`search.js`'s `spelled` does the same); `None` when it has not.
fn spelled(word: &str) -> Option<String> {
    if word.bytes().next().is_some_and(|b| SPELLING_STARTS[b as usize]) {
        for (british, american) in SPELLING {
            if let Some(rest) = word.strip_prefix(british) {
                return Some(format!("{american}{rest}"));
            }
        }
    }
    const ENDINGS: [(&str, &str, &str); 8] = [
        ("isation", "ization", "ise"),
        ("ised", "ized", "ise"),
        ("ises", "izes", "ise"),
        ("ising", "izing", "ise"),
        ("ise", "ize", "ise"),
        ("ysed", "yzed", "yse"),
        ("ysing", "yzing", "yse"),
        ("yse", "yze", "yse"),
    ];
    for (ending, american, base) in ENDINGS {
        if let Some(stem) = word.strip_suffix(ending)
            && stem.chars().count() >= 3
            && !ISE.contains(&format!("{stem}{base}").as_str())
        {
            return Some(format!("{stem}{american}"));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_keeps_each_id_once_and_rising_whatever_the_order_added() {
        let mut postings = Postings::default();
        for id in [0, 5, 5, 130, 20_000, 3, 4_000_000_000, 130, 1] {
            postings.push(id);
        }
        assert_eq!(postings.ids(), [0, 1, 3, 5, 130, 20_000, 4_000_000_000]);
        let mut index = SearchIndex::new([2, 0, 3, 0]);
        let terms = |index: &SearchIndex, words: &str| index.splitter().terms(words).concat();
        index.add_terms(Kind::Figure, 2, &terms(&index, "Budget deficit"));
        index.add_terms(Kind::Briefing, 1, &terms(&index, "The budget"));
        let mut files = Vec::new();
        index.write_part(|path, text| files.push((path.to_string(), text.to_string())));
        let budget = files.iter().find(|(path, _)| path == "search/terms-62_75.js").map(|(_, t)| t.as_str());
        // ids 1 (the briefing) and 4 (the third figure): gaps 1 and 3
        assert_eq!(budget, Some("tracebriefSearch.terms(\"bu\",{\"budget\":\"1,3\"});\n"));
    }

    #[test]
    fn a_large_index_made_in_parts_writes_what_it_would_in_one() {
        let counts = [0, 0, 2 * RESULTS_PER_PART + 1, 0];
        let texts = ["Budget deficit of 3.5bn", "Zürich 2025 élection", "a 1.2% rise in Bern", "Óscar's 12 medals"];
        // the terms of one part, or with `None` of every part at once
        let add_all = |index: &mut SearchIndex, part: Option<usize>| {
            for place in (0..counts[2]).step_by(997) {
                let split = index.splitter().terms(texts[place % texts.len()]);
                let terms = part.map_or_else(|| split.concat(), |p| split[p].clone());
                index.add_terms(Kind::Figure, place, &terms);
            }
        };
        let strings = Strings::new("en", &Default::default());
        let files = |index: &mut SearchIndex, parts: usize| {
            let mut files = Vec::new();
            for part in 0..parts {
                add_all(index, (parts > 1).then_some(part));
                index.write_part(|path, text| files.push((path.to_string(), text.to_string())));
            }
            index.write_index(&strings, |path, text| files.push((path.to_string(), text.to_string())));
            files
        };
        let mut in_parts = SearchIndex::new(counts);
        assert_eq!(in_parts.parts(), 3);
        let mut whole = SearchIndex::new(counts);
        assert_eq!(files(&mut in_parts, 3), files(&mut whole, 1));
    }

    #[test]
    fn a_term_is_split_to_the_part_that_keeps_it() {
        let index = SearchIndex::new([0, 0, 9 * RESULTS_PER_PART, 0]);
        let parts = index.parts();
        let words = "Budget deficit of 3.5bn in Zürich, 12 medals for Óscar; yen, zloty and 9% more";
        let split = index.splitter().terms(words);
        assert_eq!(split.len(), parts);
        for (part, terms) in split.iter().enumerate() {
            let first_bytes = part_bound(part, parts)..part_bound(part + 1, parts);
            for term in terms.lines() {
                assert!(first_bytes.contains(&u16::from(term.as_bytes()[0])), "{term} in part {part}");
            }
        }
        assert_eq!(split.concat().lines().count(), terms(words).len());
    }

    #[test]
    fn words_as_readers_type_them() {
        let rows: &[(&str, &[&str])] = &[
            ("Keir Starmer", &["keir", "starmer"]),
            ("approximately 2.3% of GDP", &["approximately", "2.3%", "gdp"]),
            ("upwards of 100,000 troops", &["upwards", "100000", "troops"]),
            ("£40bn, a UK defence plan", &["40bn", "uk", "defense", "plan"]),
            ("UK defense spending", &["uk", "defense", "spending"]),
            ("Élysée Palace", &["elysee", "palace"]),
            ("Straße", &["strasse"]),
            ("organisation recognised; analyse", &["organization", "recognized", "analyze"]),
            ("a promise, the exercise, surprised", &["promise", "exercise", "surprised"]),
            ("Labour's harbours", &["labor", "s", "harbors"]),
            ("travelled", &["traveled"]),
            ("end.", &["end"]),
        ];
        for (text, expected) in rows {
            assert_eq!(terms(text), *expected, "{text}");
        }
    }

    #[test]
    fn postings_are_gaps_in_base_36() {
        assert_eq!(postings(&[3, 5, 40, 1339]), "3,2,z,103");
        assert_eq!(file_of("st"), "73_74");
        assert_eq!(file_of("2."), "32_2e");
    }
}
