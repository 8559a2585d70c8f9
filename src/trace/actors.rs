//! Actors: traced when the actor's name or an alias stands in the seed as
//! whole words, case-sensitive. All names of a briefing are searched at once,
//! leftmost-longest, so `Starmer` inside `Keir Starmer` counts once.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::{Context, FactKind, FactTrace, Stated, Trace};
use crate::diagnostic::Diagnostic;
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
