//! Actors: traced when the actor's name or an alias stands in the seed as
//! whole words, case-sensitive. All names of a briefing are searched at once,
//! leftmost-longest, so `Starmer` inside `Keir Starmer` counts once.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::{Context, FactKind, FactTrace, Stated, Trace};
use crate::diagnostic::Diagnostic;
use crate::draft::lexicon::{NAME_SUFFIXES, is_title};
use crate::sheet::ActorKind;
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
    // a handful of names over one short text: an automaton that is cheap to
    // build beats a fast one, and the noncontiguous one is built in one step
    let builder = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::NoncontiguousNFA))
        .clone();
    let Ok(searcher) = builder.build(&names) else {
        return found;
    };
    // a name a hard line wrap breaks (`Harbour⏎Rovers`) is the name: each
    // lone line break between words is read as the space it stands for
    let unwrapped = unwrap_lines(&cx.seed.text);
    let text = unwrapped.as_ref();
    let mut from = 0;
    while let Some(m) = searcher.find(aho_corasick::Input::new(text).range(from..)) {
        if !whole_words(text, m.start(), m.end()) {
            // a name glued to the word before (`PresidentAnna Vell`) may hide a
            // shorter one that stands whole (`Vell`): read on from the next character
            from = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        if let Some(s) = cx.sentence_at(m.start()) {
            found[owners[m.pattern().as_usize()]].push(cx.stated(s, m.start()..m.end()));
        }
        from = m.end();
    }
    found
}

/// `text` with every line break that stands alone between two words made a
/// space, byte for byte, so offsets stay offsets into `text`.
fn unwrap_lines(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    let lone = |i: usize| {
        bytes[i] == b'\n'
            && i > 0
            && !bytes[i - 1].is_ascii_whitespace()
            && bytes.get(i + 1).is_some_and(|b| !b.is_ascii_whitespace())
    };
    if !(0..bytes.len()).any(lone) {
        return std::borrow::Cow::Borrowed(text);
    }
    let spaced: String = text.char_indices().map(|(i, c)| if c == '\n' && lone(i) { ' ' } else { c }).collect();
    std::borrow::Cow::Owned(spaced)
}

/// For each actor, every place of the seed that names it (as [`names`]
/// finds them) or calls a person by the family name alone, as news does
/// once it has named them (`Kell said`, `Mr Kell`): the last word of the
/// name, where no other actor of the sheet has that word among its names,
/// and where it stands apart from other capitalised words, which would make
/// it part of another name (`Jane Kell`, `Kell Street`). Whose words a quote
/// is reads these; an actor is traced by its names alone.
pub(super) fn called(cx: &Context) -> Vec<Vec<Stated>> {
    let actors = &cx.briefing.actors;
    let text = &cx.seed.text;
    let mut called = cx.names.clone();
    let named = |at: usize| cx.names.iter().flatten().any(|n| n.span.start <= at && at < n.span.end);
    let words_of: Vec<Vec<&str>> = actors
        .iter()
        .map(|actor| actor.names().flat_map(|n| n.value.split(|c: char| !c.is_alphanumeric() && c != '-')).collect())
        .collect();
    for (a, actor) in actors.iter().enumerate() {
        if actor.kind != ActorKind::Person {
            continue;
        }
        let words: Vec<&str> = actor.name.value.split_whitespace().filter(|w| !NAME_SUFFIXES.contains(w)).collect();
        let [_, .., last] = words.as_slice() else { continue };
        let family = last.trim_end_matches([',', '.']);
        let shared = (0..actors.len()).any(|b| b != a && words_of[b].contains(&family));
        if family.chars().count() < 2 || !family.starts_with(char::is_uppercase) || shared {
            continue;
        }
        // the lower-case words before it are part of it (`van Gaal`, `von der
        // Leyen`), capitalised where they open a sentence (`Van Gaal added`)
        let particles =
            words[1..words.len() - 1].iter().rev().take_while(|w| w.starts_with(char::is_lowercase)).count();
        let family = match particles {
            0 => family.to_string(),
            n => words[words.len() - 1 - n..words.len() - 1].join(" ") + " " + family,
        };
        let capitalised = capitalise(&family);
        let forms = if capitalised == family { vec![family] } else { vec![family, capitalised] };
        for form in &forms {
            for at in memchr::memmem::find_iter(text.as_bytes(), form.as_bytes()) {
                let end = at + form.len();
                if !whole_words(text, at, end) || named(at) || joined_to_a_name(text, at, end) {
                    continue;
                }
                if let Some(s) = cx.sentence_at(at) {
                    called[a].push(cx.stated(s, at..end));
                }
            }
        }
        called[a].sort_by_key(|n| n.span.start);
    }
    called
}

/// `word` with its first letter in upper case.
fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// The word at `at..end` is joined by a space alone to a capitalised word
/// before it (not a title: `Mr`, `President`) or after it: part of a name.
fn joined_to_a_name(text: &str, at: usize, end: usize) -> bool {
    let before = text[..at].strip_suffix(' ').and_then(|t| t.rsplit([' ', '\n', '\t']).next());
    let after = text[end..].strip_prefix(' ').and_then(|t| t.split([' ', '\n', '\t']).next());
    let capitalised =
        |w: &str| w.starts_with(char::is_uppercase) && w.chars().last().is_some_and(char::is_alphanumeric);
    before.is_some_and(|w| capitalised(w) && !is_title(w)) || after.is_some_and(capitalised)
}
