//! The catalogue: what the pages that list across briefings need of each
//! one — its card, figures, quotes, actors, the sentences they cite, its part
//! of `trace.json` — written to a temporary file as each briefing is done,
//! and read back a page at a time.
//!
//! What stays in memory is an index of a few hundred bytes a briefing and
//! the cast: one entry an actor, with the names and roles the sheets give
//! it. So a run's memory follows the largest briefing and the indexes, never
//! the size of the site.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, Write};
#[cfg(not(unix))]
use std::io::{Read, Seek, SeekFrom};
use std::sync::{Mutex, OnceLock};

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::records::{ActorRecord, BriefingRecord, Cited, FigureRecord, QuoteRecord};
use crate::sheet::{ActorKind, Briefing};

/// Where a record lies in the catalogue's file.
#[derive(Debug, Clone, Copy, Default)]
pub struct Blob {
    offset: u64,
    len: u32,
}

/// What the index keeps of one briefing.
#[derive(Debug, Clone)]
pub struct Entry {
    pub slug: Box<str>,
    pub date: Option<Box<str>>,
    pub card: Blob,
    pub figures: Blob,
    pub quotes: Blob,
    pub cited: Blob,
    /// Its part of `trace.json`, as JSON.
    pub trace: Blob,
    pub figure_count: u32,
    pub quote_count: u32,
    /// Each actor of the sheet: what the actors' pages need of it here.
    pub actors: Box<[Appearance]>,
}

/// An actor of one briefing, as the index keeps it.
#[derive(Debug, Clone)]
pub struct Appearance {
    /// Its place in the cast.
    pub actor: u32,
    /// The role this sheet gives it: its place among the actor's roles.
    pub role: Option<u32>,
    /// Its place among the actors the sheet gives, in the sheet's order.
    pub given: u16,
    pub kind: ActorKind,
    pub mentions: u32,
    /// Its [`Appeared`]: the [`ActorRecord`], with the sentences that name
    /// it, and its quotes and figures (kept in the file: the index stays small).
    pub record: Blob,
}

/// What the catalogue's file keeps of an actor of one briefing: its record,
/// and the indices of its quotes and figures in the briefing's records.
pub type Appeared = (ActorRecord, Vec<u16>, Vec<u16>);

/// The records of one briefing, to be written.
pub struct Records<'a> {
    pub card: &'a BriefingRecord,
    pub figures: &'a [FigureRecord],
    pub quotes: &'a [QuoteRecord],
    pub actors: &'a [ActorRecord],
    pub cited: &'a Cited,
    /// Its part of `trace.json`, pretty-printed.
    pub trace: &'a str,
}

/// An actor across the project: its id, and every name, kind and role the
/// sheets give it, each with the first sheet (by its index in the project)
/// that gives it — for the pages, and for the checks across sheets.
#[derive(Debug)]
pub struct CastMember {
    pub id: String,
    /// Every (name, kind) given, the first sheet's first once the cast is settled.
    pub names: Vec<(String, ActorKind, usize)>,
    /// Every role given, with the first sheet that gives it.
    pub roles: Vec<(String, usize)>,
}

impl CastMember {
    /// The name the first sheet gives.
    pub fn name(&self) -> &str {
        self.names.first().map_or(self.id.as_str(), |(name, _, _)| name)
    }

    pub fn kind(&self) -> ActorKind {
        self.names.first().map_or(ActorKind::default(), |(_, kind, _)| *kind)
    }
}

/// An actor as one sheet gives it.
#[derive(Debug, Clone)]
pub struct Given {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    pub role: Option<String>,
}

impl Given {
    pub fn of(briefing: &Briefing) -> Vec<Given> {
        let given = |a: &crate::sheet::Actor| Given {
            id: a.id.value.clone(),
            name: a.name.value.clone(),
            kind: a.kind,
            role: a.role.as_ref().map(|r| r.value.clone()),
        };
        briefing.actors.iter().map(given).collect()
    }
}

/// The actors of every sheet, as they are read.
#[derive(Debug, Default)]
pub struct Cast {
    pub members: Vec<CastMember>,
    by_id: HashMap<String, u32>,
}

impl Cast {
    /// Notes the actors a sheet gives, read from sheet number `sheet`;
    /// their places in the cast, and of the role each is given.
    pub fn observe(&mut self, sheet: usize, given: &[Given]) -> Vec<(u32, Option<u32>)> {
        let mut places = Vec::with_capacity(given.len());
        for a in given {
            let index = match self.by_id.get(&a.id) {
                Some(&index) => index,
                None => {
                    self.members.push(CastMember { id: a.id.clone(), names: Vec::new(), roles: Vec::new() });
                    let index = (self.members.len() - 1) as u32;
                    self.by_id.insert(a.id.clone(), index);
                    index
                }
            };
            let member = &mut self.members[index as usize];
            // sheets are read in any order: each name keeps the first sheet that gives it
            match member.names.iter_mut().find(|(n, _, _)| *n == a.name) {
                Some(named) if sheet < named.2 => *named = (a.name.clone(), a.kind, sheet),
                Some(_) => {}
                None => member.names.push((a.name.clone(), a.kind, sheet)),
            }
            let role = a.role.as_ref().map(|role| match member.roles.iter().position(|(r, _)| r == role) {
                Some(at) => {
                    member.roles[at].1 = member.roles[at].1.min(sheet);
                    at as u32
                }
                None => {
                    member.roles.push((role.clone(), sheet));
                    (member.roles.len() - 1) as u32
                }
            });
            places.push((index, role));
        }
        places
    }

    /// Puts each actor's first-given name first, once every sheet is read.
    pub fn settle(&mut self) {
        for member in &mut self.members {
            member.names.sort_by_key(|(_, _, sheet)| *sheet);
        }
    }
}

/// The file the records go to, shared by the threads that write them, and the cast.
pub struct Catalogue {
    /// The file records are added to, and its length.
    file: Mutex<(File, u64)>,
    /// The same file, for reading at an offset without the lock.
    #[cfg(unix)]
    reader: File,
    cast: Mutex<Cast>,
}

impl Catalogue {
    /// A catalogue in a new temporary file, removed when dropped.
    pub fn new() -> io::Result<Catalogue> {
        let file = tempfile::tempfile()?;
        Ok(Catalogue {
            #[cfg(unix)]
            reader: file.try_clone()?,
            file: Mutex::new((file, 0)),
            cast: Mutex::new(Cast::default()),
        })
    }

    /// Notes the actors of a briefing (published or not) in the cast;
    /// their places there, and of their roles.
    pub fn observe(&self, sheet: usize, given: &[Given]) -> Vec<(u32, Option<u32>)> {
        self.cast.lock().map(|mut cast| cast.observe(sheet, given)).unwrap_or_default()
    }

    /// The cast, once every briefing is read.
    pub fn cast(&self) -> Cast {
        let mut cast = self.cast.lock().map(|mut cast| std::mem::take(&mut *cast)).unwrap_or_default();
        cast.settle();
        cast
    }

    /// Writes a briefing's records; the entry that finds them again.
    /// `places` are the places in the cast of the actors the sheet gives
    /// (`given`), from [`Catalogue::observe`].
    pub fn add(&self, records: &Records, given: &[Given], places: &[(u32, Option<u32>)]) -> io::Result<Entry> {
        let mut buffer = Vec::with_capacity(16 * 1024);
        let mut blob = |value: &dyn ErasedRecord| -> io::Result<Blob> {
            let start = buffer.len();
            value.write_to(&mut buffer)?;
            Ok(Blob { offset: start as u64, len: u32::try_from(buffer.len() - start).map_err(io::Error::other)? })
        };
        let card = blob(records.card)?;
        let figures = blob(&records.figures)?;
        let quotes = blob(&records.quotes)?;
        let cited = blob(records.cited)?;
        let trace = blob(&records.trace)?;
        let mut actors = Vec::with_capacity(records.actors.len());
        for a in records.actors {
            // the records may show the actors in another order than the sheet gives them
            let Some(given) = given.iter().position(|g| g.id == a.id) else { continue };
            let (actor, role) = places[given];
            let indices = |of: &dyn Fn(usize) -> bool, n: usize| -> Vec<u16> {
                (0..n).filter(|i| of(*i)).map(|i| i as u16).collect()
            };
            let quotes = indices(&|i| records.quotes[i].speaker == a.id, records.quotes.len());
            let figures = indices(&|i| records.figures[i].actor.as_deref() == Some(&a.id), records.figures.len());
            actors.push(Appearance {
                actor,
                role,
                given: given as u16,
                kind: a.kind,
                mentions: a.mentions as u32,
                record: blob(&(a, quotes, figures))?,
            });
        }
        // one write a briefing, at the end of the file
        let base = {
            let mut file = self.file.lock().map_err(|_| io::Error::other("the catalogue's lock is poisoned"))?;
            let base = file.1;
            file.0.write_all(&buffer)?;
            file.1 += buffer.len() as u64;
            base
        };
        let at = |b: Blob| Blob { offset: b.offset + base, len: b.len };
        for a in &mut actors {
            a.record = at(a.record);
        }
        Ok(Entry {
            slug: records.card.slug.clone().into_boxed_str(),
            date: records.card.date.clone().map(String::into_boxed_str),
            card: at(card),
            figures: at(figures),
            quotes: at(quotes),
            cited: at(cited),
            trace: at(trace),
            figure_count: records.figures.len() as u32,
            quote_count: records.quotes.len() as u32,
            actors: actors.into_boxed_slice(),
        })
    }

    /// The records a list shows of a briefing — its card, figures, quotes and
    /// cited sentences, which lie side by side — read in one go.
    pub fn head(&self, entry: &Entry) -> io::Result<Head> {
        let start = entry.card.offset;
        let end = entry.cited.offset + u64::from(entry.cited.len);
        let len = u32::try_from(end.saturating_sub(start)).map_err(io::Error::other)?;
        Ok(Head { start, bytes: self.bytes(Blob { offset: start, len })? })
    }

    /// Reads back a record written with [`Catalogue::add`].
    pub fn read<T: DeserializeOwned>(&self, blob: Blob) -> io::Result<T> {
        let bytes = self.bytes(blob)?;
        postcard::from_bytes(&bytes).map_err(io::Error::other)
    }

    /// The bytes of a record, as written. Reads take no lock where the
    /// system reads at an offset; they see every record added before.
    pub fn bytes(&self, blob: Blob) -> io::Result<Vec<u8>> {
        let mut bytes = vec![0; blob.len as usize];
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileExt;
            self.reader.read_exact_at(&mut bytes, blob.offset)?;
        }
        #[cfg(not(unix))]
        {
            let mut file = self.file.lock().map_err(|_| io::Error::other("the catalogue's lock is poisoned"))?;
            file.0.seek(SeekFrom::Start(blob.offset))?;
            file.0.read_exact(&mut bytes)?;
            file.0.seek(SeekFrom::End(0))?;
        }
        Ok(bytes)
    }
}

/// The records of a briefing from its card to its cited sentences, as the
/// catalogue's file holds them.
pub struct Head {
    start: u64,
    bytes: Vec<u8>,
}

impl Head {
    /// Reads one of the records it holds.
    pub fn read<T: DeserializeOwned>(&self, blob: Blob) -> io::Result<T> {
        let from = blob.offset.checked_sub(self.start).map(|at| at as usize);
        let bytes = from.and_then(|at| self.bytes.get(at..at + blob.len as usize));
        let bytes = bytes.ok_or_else(|| io::Error::other("a record outside the briefing's head"))?;
        postcard::from_bytes(bytes).map_err(io::Error::other)
    }
}

/// A record the catalogue writes, in postcard.
trait ErasedRecord {
    fn write_to(&self, buffer: &mut Vec<u8>) -> io::Result<()>;
}

impl<T: Serialize + ?Sized> ErasedRecord for T {
    fn write_to(&self, buffer: &mut Vec<u8>) -> io::Result<()> {
        let bytes = postcard::to_stdvec(self).map_err(io::Error::other)?;
        buffer.extend_from_slice(&bytes);
        Ok(())
    }
}

/// The catalogue's index in the order the site shows briefings — newest
/// first, undated last, then by slug — with every actor across briefings.
pub struct Index {
    pub briefings: Vec<Entry>,
    /// The actors: people, then organisations, then countries, each in order of their names as a reader sorts them.
    pub actors: Vec<Actor>,
    /// The cast, whose places the briefings' appearances name.
    pub cast: Cast,
    /// Cast place → place in `actors`.
    in_order: Vec<u32>,
    /// For each briefing, the figures and quotes of the briefings before it.
    figures_before: Vec<usize>,
    quotes_before: Vec<usize>,
}

/// An actor across briefings.
pub struct Actor {
    /// Its place in the cast.
    pub cast: u32,
    /// The role of the newest briefing that gives one: its place among the cast member's roles.
    pub role: Option<u32>,
    /// Each role given (places among the cast member's roles), with the
    /// briefings (indices into [`Index::briefings`]) that give it, newest first.
    pub roles: Vec<(u32, Vec<u32>)>,
    /// (briefing index, index of the actor among that briefing's actors), newest first.
    pub appearances: Vec<(u32, u16)>,
    pub mentions: usize,
    /// The actors that share the most briefings with it.
    together: OnceLock<Vec<u32>>,
}

impl Index {
    pub fn new(mut briefings: Vec<Entry>, cast: Cast) -> Index {
        briefings.sort_by(|a, b| {
            let (da, db) = (a.date.as_deref(), b.date.as_deref());
            db.is_some().cmp(&da.is_some()).then(db.cmp(&da)).then(a.slug.cmp(&b.slug))
        });
        let mut actors: Vec<Actor> = (0..cast.members.len() as u32)
            .map(|cast| Actor {
                cast,
                role: None,
                roles: Vec::new(),
                appearances: Vec::new(),
                mentions: 0,
                together: OnceLock::new(),
            })
            .collect();
        for (b, entry) in briefings.iter().enumerate() {
            for (i, a) in entry.actors.iter().enumerate() {
                let actor = &mut actors[a.actor as usize];
                actor.appearances.push((b as u32, i as u16));
                actor.mentions += a.mentions as usize;
                if let Some(role) = a.role {
                    actor.role.get_or_insert(role);
                    match actor.roles.iter_mut().find(|(r, _)| *r == role) {
                        Some((_, given_by)) => given_by.push(b as u32),
                        None => actor.roles.push((role, vec![b as u32])),
                    }
                }
            }
        }
        // an actor of sheets that were never published has no page
        actors.retain(|a| !a.appearances.is_empty());
        // by kind (people, organisations, countries), then as a reader looks a name up
        actors.sort_by_cached_key(|a| {
            let member = &cast.members[a.cast as usize];
            (member.kind() as u8, sort_key(member.name()), member.id.clone())
        });
        let mut in_order = vec![u32::MAX; cast.members.len()];
        for (place, a) in actors.iter().enumerate() {
            in_order[a.cast as usize] = place as u32;
        }
        let running = |count: fn(&Entry) -> u32| {
            let mut total = 0;
            briefings
                .iter()
                .map(|e| {
                    let before = total;
                    total += count(e) as usize;
                    before
                })
                .collect()
        };
        let figures_before = running(|e| e.figure_count);
        let quotes_before = running(|e| e.quote_count);
        Index { briefings, actors, cast, in_order, figures_before, quotes_before }
    }

    /// The cast member of an actor.
    pub fn member(&self, actor: &Actor) -> &CastMember {
        &self.cast.members[actor.cast as usize]
    }

    /// The actor at a place in the cast, if it has a page.
    pub fn actor_of_cast(&self, cast: u32) -> Option<&Actor> {
        self.actors.get(*self.in_order.get(cast as usize)? as usize)
    }

    /// How many figures (`figures`) or quotes all briefings have.
    pub fn rows(&self, figures: bool) -> usize {
        let (before, last) = if figures {
            (&self.figures_before, self.briefings.last().map_or(0, |e| e.figure_count))
        } else {
            (&self.quotes_before, self.briefings.last().map_or(0, |e| e.quote_count))
        };
        before.last().map_or(0, |b| b + last as usize)
    }

    /// The briefings whose figures (or quotes) fall in `window` of all of
    /// them, each with the range of its own rows shown.
    pub fn rows_in(&self, figures: bool, window: std::ops::Range<usize>) -> Vec<(usize, std::ops::Range<usize>)> {
        let before = if figures { &self.figures_before } else { &self.quotes_before };
        let first = before.partition_point(|&b| b <= window.start).saturating_sub(1);
        let mut found = Vec::new();
        for (b, (entry, &start)) in self.briefings.iter().zip(before).enumerate().skip(first) {
            let count = if figures { entry.figure_count } else { entry.quote_count };
            let range = start..start + count as usize;
            if range.start >= window.end {
                break;
            }
            if range.end <= window.start || range.is_empty() {
                continue;
            }
            let from = window.start.saturating_sub(range.start);
            let to = window.end.min(range.end) - range.start;
            found.push((b, from..to));
        }
        found
    }

    /// The actors that share briefings with `actor`, most briefings shared
    /// first (at most `most`); worked out once an actor.
    pub fn together(&self, actor: &Actor, most: usize) -> Vec<&Actor> {
        let places = actor.together.get_or_init(|| {
            let mut shared: HashMap<u32, u32> = HashMap::new();
            for &(b, _) in &actor.appearances {
                for other in self.briefings[b as usize].actors.iter().filter(|o| o.actor != actor.cast) {
                    *shared.entry(other.actor).or_default() += 1;
                }
            }
            let mut ranked: Vec<(u32, u32)> = shared.into_iter().collect();
            let id = |cast: u32| self.cast.members[cast as usize].id.as_str();
            ranked.sort_by(|a, b| b.1.cmp(&a.1).then(id(a.0).cmp(id(b.0))));
            ranked.into_iter().take(most).map(|(cast, _)| cast).collect()
        });
        places.iter().filter_map(|&cast| self.actor_of_cast(cast)).collect()
    }
}

/// A name as a reader sorts it: letters without their accents, in any case.
pub fn sort_key(name: &str) -> String {
    name.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'ď' | 'đ' => 'd',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
            'ł' | 'ľ' | 'ĺ' => 'l',
            'ñ' | 'ń' | 'ň' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
            'ř' | 'ŕ' => 'r',
            'ś' | 'š' | 'ş' | 'ș' => 's',
            'ť' | 'ţ' | 'ț' => 't',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
            'ý' | 'ÿ' => 'y',
            'ź' | 'ż' | 'ž' => 'z',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_sort_as_a_reader_sorts_them() {
        let mut names = vec!["US", "Ukraine", "Élysée Palace", "Emmanuel Macron", "african union"];
        names.sort_by_key(|n| sort_key(n));
        assert_eq!(names, ["african union", "Élysée Palace", "Emmanuel Macron", "Ukraine", "US"]);
    }

    #[test]
    fn records_read_back_as_written() {
        let catalogue = Catalogue::new().unwrap();
        let card = BriefingRecord {
            slug: "x".into(),
            title: "A title".into(),
            title_html: "A title".into(),
            date: Some("2025-02-17".into()),
            figures: 0,
            quotes: 0,
            actors: 0,
            source: Default::default(),
            standfirst: None,
        };
        let trace = "{\n  \"slug\": \"x\"\n}";
        let records = Records { card: &card, figures: &[], quotes: &[], actors: &[], cited: &Cited::default(), trace };
        let first = catalogue.add(&records, &[], &[]).unwrap();
        let second = catalogue.add(&records, &[], &[]).unwrap();
        for entry in [first, second] {
            let read: BriefingRecord = catalogue.read(entry.card).unwrap();
            assert_eq!(read.title, "A title");
            let json: String = catalogue.read(entry.trace).unwrap();
            assert_eq!(json, "{\n  \"slug\": \"x\"\n}");
        }
    }

    #[test]
    fn rows_of_a_window_fall_in_the_briefings_that_hold_them() {
        let entry = |figures: u32| Entry {
            slug: format!("b{figures}").into(),
            date: None,
            card: Blob::default(),
            figures: Blob::default(),
            quotes: Blob::default(),
            cited: Blob::default(),
            trace: Blob::default(),
            figure_count: figures,
            quote_count: 0,
            actors: Box::new([]),
        };
        let index = Index::new(vec![entry(3), entry(0), entry(4), entry(2)], Cast::default());
        // by slug (all undated): b0, b2, b3, b4 with 0, 2, 3, 4 figures
        assert_eq!(index.rows(true), 9);
        assert_eq!(index.rows_in(true, 0..4), [(1, 0..2), (2, 0..2)]);
        assert_eq!(index.rows_in(true, 4..8), [(2, 2..3), (3, 0..3)]);
        assert_eq!(index.rows_in(true, 8..12), [(3, 3..4)]);
        assert_eq!(index.rows(false), 0);
    }
}
