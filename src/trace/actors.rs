//! Actors: traced when the actor's name or an alias stands in the seed as
//! whole words, case-sensitive. All names of a briefing are searched at once,
//! leftmost-longest, so `Starmer` inside `Keir Starmer` counts once.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use std::collections::BTreeMap;

use super::{Context, FactKind, FactTrace, Stated, Trace};
use std::path::Path;

use crate::diagnostic::{Diagnostic, Place, Sources};
use crate::project::ActorRecord;
use crate::trace::fold::whole_words;

pub(super) fn trace(cx: &Context, trace: &mut Trace) {
    for (i, actor) in cx.briefing.actors.iter().enumerate() {
        let mut found = cx.names[i].clone().into_iter();
        let stated = found.next();
        if stated.is_none() {
            let names: Vec<&str> = actor.names().map(|n| n.value.as_str()).collect();
            trace.diagnostics.push(
                Diagnostic::error(
                    "actor-not-mentioned",
                    format!("actor `{}` is not mentioned in {}", actor.id.value, cx.seed.path.display()),
                )
                .at(cx.in_sheet(&actor.name.span))
                .label(format!("none of {} stands in the seed", names.join(", ")))
                .help("add the words the seed uses for them under `aliases:` (whole words, same case), or remove the actor"),
            );
        }
        trace.facts.push(FactTrace {
            briefing: cx.briefing.slug.clone(),
            kind: FactKind::Actor,
            id: actor.id.value.clone(),
            stated,
            also: found.collect(),
        });
    }
}

/// One actor id given different roles by two sheets: a warning at the later
/// sheet's role, pointing at the first. Each briefing still shows its own.
/// `records` are in sheet order; `sources` gives (or reads) the sheets' text.
pub fn role_conflicts(records: &[ActorRecord], sources: &mut Sources, root: &Path) -> Vec<Diagnostic> {
    let mut first: BTreeMap<&str, &ActorRecord> = BTreeMap::new();
    let mut found = Vec::new();
    for a in records.iter().filter(|a| a.role.is_some()) {
        let Some(&fa) = first.get(a.id.as_str()) else {
            first.insert(&a.id, a);
            continue;
        };
        let (Some(role), Some(first_role)) = (&a.role, &fa.role) else { continue };
        if role.value == first_role.value {
            continue;
        }
        let mut place = |r: &ActorRecord, span| Place::new(&r.file, sources.read(root, &r.file), span);
        let here = place(a, role.span.clone());
        let there = place(fa, first_role.span.clone());
        found.push(
            Diagnostic::warning(
                "role-conflict",
                format!("`{}` is \"{}\" here but \"{}\" in {}", a.id, role.value, first_role.value, fa.file.display()),
            )
            .at(here)
            .label("another role")
            .related(there, "the first role given")
            .help("each briefing shows the role its own sheet gives; if it is the same office, write it the same way in both"),
        );
    }
    found
}

/// For each actor of the briefing, every place of the seed that names it.
pub(super) fn names(cx: &Context) -> Vec<Vec<Stated>> {
    let actors = &cx.briefing.actors;
    let mut owners = Vec::new();
    let mut names = Vec::new();
    for (i, actor) in actors.iter().enumerate() {
        for name in actor.names().filter(|n| !n.value.trim().is_empty()) {
            owners.push(i);
            names.push(name.value.trim());
        }
    }
    let mut found = vec![Vec::new(); actors.len()];
    // a handful of names over one short text: an automaton that is cheap to build beats a fast one
    let builder = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .clone();
    let Ok(searcher) = builder.build(&names) else {
        return found;
    };
    let text = &cx.seed.text;
    for m in searcher.find_iter(text) {
        if !whole_words(text, m.start(), m.end()) {
            continue;
        }
        if let Some(s) = cx.sentence_at(m.start()) {
            found[owners[m.pattern().as_usize()]].push(cx.stated(s, m.start()..m.end()));
        }
    }
    found
}
