//! The catalogue: what the pages that list across briefings need of each
//! one — its card, figures, quotes, actors, the sentences they cite, its part
//! of `trace.json` — written to a temporary file as each briefing is done,
//! and read back a page at a time. What stays in memory is an index: a few
//! hundred bytes a briefing, and one entry an actor. So a run's memory
//! follows the largest briefing and the indexes, never the size of the site.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, Write};
#[cfg(not(unix))]
use std::io::{Read, Seek, SeekFrom};
use std::sync::Mutex;

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::records::{ActorRecord, BriefingRecord, Cited, FigureRecord, QuoteRecord};
use crate::sheet::ActorKind;

/// Where a record lies in the catalogue's file.
#[derive(Debug, Clone, Copy, Default)]
pub struct Blob {
    offset: u64,
    len: u32,
}

/// What the index keeps of one briefing.
#[derive(Debug)]
pub struct Entry {
    pub slug: String,
    pub date: Option<String>,
    pub card: Blob,
    pub figures: Blob,
    pub quotes: Blob,
    pub cited: Blob,
    /// Its part of `trace.json`, as JSON.
    pub trace: Blob,
    pub figure_count: usize,
    pub quote_count: usize,
    /// Each actor of the sheet: what the actors' pages need of it here.
    pub actors: Vec<ActorEntry>,
}

/// An actor of one briefing, as the index keeps it.
#[derive(Debug)]
pub struct ActorEntry {
    pub id: String,
    pub name: String,
    pub role: Option<String>,
    pub kind: ActorKind,
    pub mentions: usize,
    /// Its [`ActorRecord`], with the sentences that name it.
    pub record: Blob,
    /// The indices of its quotes and figures in the briefing's records.
    pub quotes: Vec<usize>,
    pub figures: Vec<usize>,
}

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

/// The file the records go to, shared by the threads that write them.
pub struct Catalogue {
    /// The file records are added to, and its length.
    file: Mutex<(File, u64)>,
    /// The same file, for reading at an offset without the lock.
    #[cfg(unix)]
    reader: File,
}

impl Catalogue {
    /// A catalogue in a new temporary file, removed when dropped.
    pub fn new() -> io::Result<Catalogue> {
        let file = tempfile::tempfile()?;
        Ok(Catalogue {
            #[cfg(unix)]
            reader: file.try_clone()?,
            file: Mutex::new((file, 0)),
        })
    }

    /// Writes a briefing's records; the entry that finds them again.
    pub fn add(&self, records: &Records) -> io::Result<Entry> {
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
            let in_briefing = |of: &dyn Fn(usize) -> bool, n: usize| (0..n).filter(|i| of(*i)).collect::<Vec<_>>();
            actors.push(ActorEntry {
                id: a.id.clone(),
                name: a.name.clone(),
                role: a.role.clone(),
                kind: a.kind,
                mentions: a.mentions,
                record: blob(a)?,
                quotes: in_briefing(&|i| records.quotes[i].speaker == a.id, records.quotes.len()),
                figures: in_briefing(&|i| records.figures[i].actor.as_deref() == Some(&a.id), records.figures.len()),
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
            slug: records.card.slug.clone(),
            date: records.card.date.clone(),
            card: at(card),
            figures: at(figures),
            quotes: at(quotes),
            cited: at(cited),
            trace: at(trace),
            figure_count: records.figures.len(),
            quote_count: records.quotes.len(),
            actors,
        })
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

/// A record the catalogue writes: postcard for records, JSON text as it is.
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
    /// Actors by id: people, then organisations, then countries, each in order of their names as a reader sorts them.
    pub actors: Vec<Actor>,
}

/// An actor across briefings.
pub struct Actor {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    /// The role of the newest briefing that gives one.
    pub role: Option<String>,
    /// Each role given, with the briefings (indices into [`Index::briefings`]) that give it, newest first.
    pub roles: Vec<(String, Vec<usize>)>,
    /// (briefing index, index of the actor among that briefing's actors), newest first.
    pub appearances: Vec<(usize, usize)>,
    pub mentions: usize,
}

impl Index {
    pub fn new(mut briefings: Vec<Entry>) -> Index {
        briefings.sort_by(|a, b| {
            let (da, db) = (a.date.as_deref(), b.date.as_deref());
            db.is_some().cmp(&da.is_some()).then(db.cmp(&da)).then(a.slug.cmp(&b.slug))
        });
        let mut actors: Vec<Actor> = Vec::new();
        let mut by_id: HashMap<String, usize> = HashMap::new();
        for (b, entry) in briefings.iter().enumerate() {
            for (i, a) in entry.actors.iter().enumerate() {
                let index = *by_id.entry(a.id.clone()).or_insert_with(|| {
                    actors.push(Actor {
                        id: a.id.clone(),
                        name: a.name.clone(),
                        kind: a.kind,
                        role: None,
                        roles: Vec::new(),
                        appearances: Vec::new(),
                        mentions: 0,
                    });
                    actors.len() - 1
                });
                let actor = &mut actors[index];
                actor.appearances.push((b, i));
                actor.mentions += a.mentions;
                if let Some(role) = &a.role {
                    actor.role.get_or_insert_with(|| role.clone());
                    match actor.roles.iter_mut().find(|(r, _)| r == role) {
                        Some((_, given_by)) => given_by.push(b),
                        None => actor.roles.push((role.clone(), vec![b])),
                    }
                }
            }
        }
        // by kind (people, organisations, countries), then as a reader looks a name up
        actors.sort_by_cached_key(|a| (a.kind as u8, sort_key(&a.name), a.id.clone()));
        Index { briefings, actors }
    }

    /// The actors that share briefings with `actor`, most briefings shared first (at most `most`).
    pub fn together(&self, actor: &Actor, most: usize) -> Vec<&Actor> {
        let position: HashMap<&str, usize> = self.actors.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
        let mut shared: HashMap<usize, usize> = HashMap::new();
        for &(b, _) in &actor.appearances {
            for other in &self.briefings[b].actors {
                if other.id != actor.id
                    && let Some(&i) = position.get(other.id.as_str())
                {
                    *shared.entry(i).or_default() += 1;
                }
            }
        }
        let mut ranked: Vec<(usize, usize)> = shared.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(self.actors[a.0].id.cmp(&self.actors[b.0].id)));
        ranked.into_iter().take(most).map(|(i, _)| &self.actors[i]).collect()
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
        let first = catalogue.add(&records).unwrap();
        let second = catalogue.add(&records).unwrap();
        for entry in [first, second] {
            let read: BriefingRecord = catalogue.read(entry.card).unwrap();
            assert_eq!(read.title, "A title");
            let json: String = catalogue.read(entry.trace).unwrap();
            assert_eq!(json, "{\n  \"slug\": \"x\"\n}");
        }
    }
}
