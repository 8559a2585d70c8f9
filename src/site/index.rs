//! The pages that list across briefings — the home page, every figure,
//! every quote, the actors and each actor's page — made from the catalogue
//! a page at a time, in pages of `paginate_by` items (`facts/index.html`,
//! then `facts/page/2/index.html` and on). Each page reads only the records
//! of the briefings it shows.

use std::io;

use crate::verify::Given;

use super::catalogue::{Actor, Appeared, Blob, Catalogue, Head, Index};
use super::records::{ActorRecord, BriefingRecord, Cited, FigureRecord, QuoteRecord};
use super::views::*;

/// One page of a list: what it shows, and which page of how many it is.
#[derive(Debug, Clone, Copy)]
pub enum ListPage {
    Home {
        page: usize,
    },
    Facts {
        page: usize,
    },
    Quotes {
        page: usize,
    },
    Actors {
        page: usize,
    },
    /// The actor at this index of [`Index::actors`].
    Actor {
        actor: usize,
        page: usize,
    },
}

/// Every page of every list, for `index` with `per_page` items a page.
pub fn list_pages(index: &Index, per_page: usize) -> Vec<ListPage> {
    let count = |items: usize| items.div_ceil(per_page).max(1);
    let (figures, quotes) = (index.rows(true), index.rows(false));
    let mut pages = Vec::new();
    pages.extend((1..=count(index.briefings.len())).map(|page| ListPage::Home { page }));
    pages.extend((1..=count(figures)).map(|page| ListPage::Facts { page }));
    pages.extend((1..=count(quotes)).map(|page| ListPage::Quotes { page }));
    pages.extend((1..=count(index.actors.len())).map(|page| ListPage::Actors { page }));
    for (i, actor) in index.actors.iter().enumerate() {
        pages.extend((1..=count(actor.appearances.len())).map(|page| ListPage::Actor { actor: i, page }));
    }
    pages
}

impl ListPage {
    /// The page's path from the site root, and its template and section.
    pub fn place(&self, index: &Index) -> (String, &'static str, &'static str) {
        match *self {
            ListPage::Home { page } => (paged("", page), "index.html", "home"),
            ListPage::Facts { page } => (paged("facts/", page), "facts.html", "facts"),
            ListPage::Quotes { page } => (paged("quotes/", page), "quotes.html", "quotes"),
            ListPage::Actors { page } => (paged("actors/", page), "actors.html", "actors"),
            ListPage::Actor { actor, page } => {
                let id = &index.member(&index.actors[actor]).id;
                (paged(&format!("actors/{id}/"), page), "actor.html", "actors")
            }
        }
    }
}

/// `{folder}index.html` for the first page, `{folder}page/N/index.html` for the others.
fn paged(folder: &str, page: usize) -> String {
    if page == 1 { format!("{folder}index.html") } else { format!("{folder}page/{page}/index.html") }
}

/// The links between the pages of one list.
fn pagination(folder: &str, current: usize, total: usize) -> Pagination {
    let near = |n: usize| n == 1 || n == total || n.abs_diff(current) <= 2;
    let mut pages = Vec::new();
    for number in 1..=total {
        if near(number) {
            pages.push(Some(PageLink { number, href: paged(folder, number), current: number == current }));
        } else if pages.last().is_some_and(Option::is_some) {
            pages.push(None);
        }
    }
    Pagination {
        current,
        total,
        previous_href: (current > 1).then(|| paged(folder, current - 1)),
        next_href: (current < total).then(|| paged(folder, current + 1)),
        pages,
    }
}

/// The records a list page shows, read from the catalogue: they live as
/// long as the page's views, which borrow them.
#[derive(Default)]
pub struct PageRecords {
    /// (index of the briefing, its card), in the order shown.
    cards: Vec<(usize, BriefingRecord)>,
    /// The records of each briefing in `cards`, read in one go.
    heads: Vec<Head>,
    /// (position in `cards`, figures or quotes of that briefing shown here).
    figures: Vec<(usize, Vec<FigureRecord>)>,
    quotes: Vec<(usize, Vec<QuoteRecord>)>,
    /// (position in `cards`, the actor's record there, its quotes and figures there).
    appearances: Vec<(usize, ActorRecord, Vec<QuoteRecord>, Vec<FigureRecord>)>,
    /// The briefings linked from the roles of an actor, by position in `cards`.
    roles: Vec<(String, Vec<usize>)>,
}

impl PageRecords {
    /// The briefings (indices into [`Index::briefings`]) whose records the page shows.
    pub fn briefings(&self) -> impl Iterator<Item = usize> + '_ {
        self.cards.iter().map(|(b, _)| *b)
    }

    /// The cited sentences of briefing `b` (an index into [`Index::briefings`]), when the page shows it.
    pub fn cited(&self, index: &Index, b: usize) -> Option<io::Result<Cited>> {
        let at = self.place(b)?;
        Some(self.heads[at].read(index.briefings[b].cited))
    }

    fn card(&mut self, catalogue: &Catalogue, index: &Index, b: usize) -> io::Result<usize> {
        if let Some(at) = self.place(b) {
            return Ok(at);
        }
        let head = catalogue.head(&index.briefings[b])?;
        self.cards.push((b, head.read(index.briefings[b].card)?));
        self.heads.push(head);
        Ok(self.cards.len() - 1)
    }

    /// Where briefing `b` stands in `cards`, once the page shows it.
    fn place(&self, b: usize) -> Option<usize> {
        self.cards.iter().position(|(shown, _)| *shown == b)
    }

    /// A record of the head of the briefing at `at` in `cards`.
    fn read<T: serde::de::DeserializeOwned>(&self, at: usize, blob: Blob) -> io::Result<T> {
        self.heads[at].read(blob)
    }
}

/// Reads what `page` shows from the catalogue.
pub fn read(page: ListPage, index: &Index, catalogue: &Catalogue, per_page: usize) -> io::Result<PageRecords> {
    let mut records = PageRecords::default();
    let window = |page: usize| (page - 1) * per_page..page * per_page;
    match page {
        ListPage::Home { page } => {
            for b in window(page).filter(|b| *b < index.briefings.len()) {
                records.card(catalogue, index, b)?;
            }
        }
        ListPage::Facts { page } => {
            for (b, range) in index.rows_in(true, window(page)) {
                let at = records.card(catalogue, index, b)?;
                let all: Vec<FigureRecord> = records.read(at, index.briefings[b].figures)?;
                records.figures.push((at, all.get(range).map(<[_]>::to_vec).unwrap_or_default()));
            }
        }
        ListPage::Quotes { page } => {
            for (b, range) in index.rows_in(false, window(page)) {
                let at = records.card(catalogue, index, b)?;
                let all: Vec<QuoteRecord> = records.read(at, index.briefings[b].quotes)?;
                records.quotes.push((at, all.get(range).map(<[_]>::to_vec).unwrap_or_default()));
            }
        }
        ListPage::Actors { .. } => {}
        ListPage::Actor { actor, page } => {
            let actor = &index.actors[actor];
            for &(b, i) in actor.appearances.iter().skip((page - 1) * per_page).take(per_page) {
                let (b, i) = (b as usize, i as usize);
                let at = records.card(catalogue, index, b)?;
                let entry = &index.briefings[b];
                let own = &entry.actors[i];
                let (record, own_quotes, own_figures): Appeared = catalogue.read(own.record)?;
                let pick =
                    |all: Vec<QuoteRecord>| own_quotes.iter().filter_map(|q| all.get(*q as usize).cloned()).collect();
                let quotes = if own_quotes.is_empty() { Vec::new() } else { pick(records.read(at, entry.quotes)?) };
                let figures = if own_figures.is_empty() {
                    Vec::new()
                } else {
                    let all: Vec<FigureRecord> = records.read(at, entry.figures)?;
                    own_figures.iter().filter_map(|f| all.get(*f as usize).cloned()).collect()
                };
                records.appearances.push((at, record, quotes, figures));
            }
            let member = index.member(actor);
            for (role, given_by) in &actor.roles {
                let mut positions = Vec::new();
                for b in given_by {
                    positions.push(records.card(catalogue, index, *b as usize)?);
                }
                records.roles.push((member.roles[*role as usize].0.clone(), positions));
            }
        }
    }
    Ok(records)
}

/// The template context of list page `page`, its views made from `records`.
pub fn context(
    page: ListPage,
    records: &PageRecords,
    index: &Index,
    site: &SiteView,
    root: &str,
    section: &'static str,
    head: HeadView,
) -> tera::TeraResult<(tera::Context, Given)> {
    let per_page = site.paginate_by.max(1);
    let refs: Vec<Shared<BriefingRef>> =
        records.cards.iter().map(|(_, c)| Shared::new(BriefingRef::of(c, site.strings))).collect();
    // the actors of each briefing shown who speak its quotes or give its
    // figures here, with the role its own sheet gives
    let mut wanted: Vec<Vec<&str>> = vec![Vec::new(); records.cards.len()];
    for (at, figures) in &records.figures {
        wanted[*at].extend(figures.iter().filter_map(|f| f.actor.as_deref()));
    }
    for (at, quotes) in &records.quotes {
        wanted[*at].extend(quotes.iter().map(|q| q.speaker.as_str()));
    }
    for (at, _, quotes, figures) in &records.appearances {
        wanted[*at].extend(figures.iter().filter_map(|f| f.actor.as_deref()));
        wanted[*at].extend(quotes.iter().map(|q| q.speaker.as_str()));
    }
    let actor_refs: Vec<Vec<Shared<ActorRef>>> = records
        .cards
        .iter()
        .zip(&wanted)
        .map(|((b, _), wanted)| {
            let entry = &index.briefings[*b];
            entry
                .actors
                .iter()
                .map(|a| &index.cast.members[a.actor as usize])
                .zip(&entry.actors)
                .filter(|(member, _)| wanted.contains(&member.id.as_str()))
                .map(|(member, a)| {
                    let role = a.role.map(|r| member.roles[r as usize].0.as_str());
                    Shared::new(ActorRef::of(&member.id, member.name(), role, a.kind))
                })
                .collect()
        })
        .collect();
    let actor_in = |at: usize, id: &str| actor_refs[at].iter().find(|a| a.id == id);
    fn figure_views<'v>(
        figures: &'v [FigureRecord],
        briefing: &'v Shared<BriefingRef<'v>>,
        actors: &'v [Shared<ActorRef>],
    ) -> Vec<FigureView<'v>> {
        let actor = |id: &str| actors.iter().find(|a| a.id == id);
        figures.iter().map(|f| FigureView::of(f, briefing, f.actor.as_deref().and_then(actor))).collect()
    }
    match page {
        ListPage::Home { page } => {
            let total = index.briefings.len().div_ceil(per_page).max(1);
            let briefings = records
                .cards
                .iter()
                .zip(&refs)
                .map(|((_, card), briefing)| BriefingCard {
                    briefing,
                    figures: card.figures,
                    quotes: card.quotes,
                    actors: card.actors,
                    figures_form: site.strings.plural(card.figures),
                    quotes_form: site.strings.plural(card.quotes),
                    actors_form: site.strings.plural(card.actors),
                })
                .collect();
            let view = HomeView { briefings, pagination: pagination("", page, total) };
            super::context(&view, site, root, section, head)
        }
        ListPage::Facts { page } => {
            let rows = index.rows(true);
            let groups = records
                .figures
                .iter()
                .map(|(at, figures)| FactGroup {
                    briefing: &refs[*at],
                    figures: figure_views(figures, &refs[*at], &actor_refs[*at]),
                })
                .collect();
            let view = FactsView { groups, pagination: pagination("facts/", page, rows.div_ceil(per_page).max(1)) };
            super::context(&view, site, root, section, head)
        }
        ListPage::Quotes { page } => {
            let rows = index.rows(false);
            let groups = records
                .quotes
                .iter()
                .map(|(at, quotes)| QuoteGroup {
                    briefing: &refs[*at],
                    quotes: quotes.iter().map(|q| QuoteView::of(q, &refs[*at], actor_in(*at, &q.speaker))).collect(),
                })
                .collect();
            let view = QuotesView { groups, pagination: pagination("quotes/", page, rows.div_ceil(per_page).max(1)) };
            super::context(&view, site, root, section, head)
        }
        ListPage::Actors { page } => {
            let total = index.actors.len().div_ceil(per_page).max(1);
            let cards: Vec<(ActorRef, usize, usize)> = index
                .actors
                .iter()
                .skip((page - 1) * per_page)
                .take(per_page)
                .map(|a| (actor_ref(index, a), a.appearances.len(), a.mentions))
                .collect();
            let mut groups: Vec<ActorGroup> = Vec::new();
            for (actor, briefings, mentions) in &cards {
                let card = ActorCard { actor, briefings: *briefings, mentions: *mentions };
                match groups.last_mut() {
                    Some(group) if group.kind == actor.kind => group.actors.push(card),
                    _ => groups.push(ActorGroup { kind: actor.kind, actors: vec![card] }),
                }
            }
            let view = ActorsView { groups, pagination: pagination("actors/", page, total) };
            super::context(&view, site, root, section, head)
        }
        ListPage::Actor { actor, page } => {
            let actor = &index.actors[actor];
            let me = actor_ref(index, actor);
            let together: Vec<ActorRef> =
                index.together(actor, 24).into_iter().map(|other| actor_ref(index, other)).collect();
            let appearances = records
                .appearances
                .iter()
                .map(|(at, record, _, _)| Appearance {
                    briefing: &refs[*at],
                    sentences: record
                        .sentences
                        .iter()
                        .map(|(n, html)| MentionView {
                            sentence: format!("s{n}"),
                            html,
                            href: format!("briefings/{}/source.html#s{n}", refs[*at].slug),
                        })
                        .collect(),
                })
                .collect();
            let quotes = records
                .appearances
                .iter()
                .flat_map(|(at, _, quotes, _)| {
                    quotes.iter().map(|q| QuoteView::of(q, &refs[*at], actor_in(*at, &q.speaker)))
                })
                .collect();
            let figures = records
                .appearances
                .iter()
                .flat_map(|(at, _, _, figures)| figure_views(figures, &refs[*at], &actor_refs[*at]))
                .collect();
            let roles = records
                .roles
                .iter()
                .map(|(role, given_by)| RoleView { role, briefings: given_by.iter().map(|at| &refs[*at]).collect() })
                .collect();
            let total = actor.appearances.len().div_ceil(per_page).max(1);
            let view = ActorView {
                actor: &me,
                roles,
                appearances,
                quotes,
                figures,
                together: together.iter().collect(),
                pagination: pagination(&format!("actors/{}/", me.id), page, total),
            };
            super::context(&view, site, root, section, head)
        }
    }
}

/// An actor across briefings, as the lists link to it: with the newest role.
fn actor_ref(index: &Index, a: &Actor) -> ActorRef {
    let member = index.member(a);
    let role = a.role.map(|r| member.roles[r as usize].0.as_str());
    ActorRef::of(&member.id, member.name(), role, member.kind())
}
