//! Whether a figure's label says what its sentence states. Each value is
//! stated, so each figure traces; only the labels tell which value is
//! whose. Two figures of one unit class whose labels each share more words
//! with the other's sentence than with their own read as swapped: the
//! warning `labels-swapped` asks the analyst to check both. Two figures of
//! one sentence are told apart by their `evidence:` words, when both have
//! some. A label that says what another sentence states, and nothing that
//! tells its own from it, is the warning `label-elsewhere`.

use std::cell::OnceCell;
use std::ops::Range;

// hashed fast: every sentence of every briefing is read into one
use foldhash::HashSet;

use super::fold::{Folded, whole_words};
use super::{Context, respectively};
use crate::diagnostic::Diagnostic;
use crate::draft::lexicon::JOBS;
use crate::numbers::Mention;
use crate::sheet::{ActorKind, FactUnit, Figure};

/// A traced figure: the figure, its sentence and its mention.
pub(super) type Traced<'a> = (&'a Figure, usize, &'a Mention);

/// The words of the traced figures' labels, and of each sentence of the
/// seed, read when first asked for: most checks of labels need a few
/// sentences, not all.
pub(super) struct Words<'c> {
    cx: &'c Context<'c>,
    sentences: Vec<OnceCell<HashSet<String>>>,
    labels: Vec<HashSet<String>>,
    /// The short names the seed defines, with the words of each.
    short_names: OnceCell<Vec<(String, HashSet<String>)>>,
}

impl<'c> Words<'c> {
    pub fn new(cx: &'c Context<'c>, traced: &[Traced]) -> Self {
        let labels = traced
            .iter()
            .map(|(figure, _, _)| {
                let label = &figure.label.value;
                let mut found = words(&Folded::new(label).text);
                // `ESB's gain` names the Eastern Sweet Blend the seed writes in full
                for short in label.split(|c: char| !c.is_alphanumeric()).filter(|w| is_short_name(w)) {
                    found.extend(spelled_out(&cx.seed.text, short));
                }
                found
            })
            .collect();
        let sentences = cx.folded.iter().map(|_| OnceCell::new()).collect();
        Words { cx, sentences, labels, short_names: OnceCell::new() }
    }

    /// The words of sentence `s`, and those of a short name it uses (`the EPG`
    /// says `energy`, `price` and `guarantee` where the seed defines it so).
    pub(super) fn of(&self, s: usize) -> &HashSet<String> {
        self.sentences[s].get_or_init(|| {
            let mut found = words(&self.cx.folded[s].text);
            let text = &self.cx.seed.text[self.cx.seed.sentences[s].span.clone()];
            let short_names = self.short_names.get_or_init(|| short_names(&self.cx.seed.text));
            for (short, long) in short_names {
                if text.match_indices(short.as_str()).any(|(at, _)| whole_words(text, at, at + short.len())) {
                    found.extend(long.iter().cloned());
                }
            }
            found
        })
    }

    /// What the words are read from.
    pub(super) fn context(&self) -> &'c Context<'c> {
        self.cx
    }

    /// The words of the label of traced figure `i`.
    pub(super) fn label(&self, i: usize) -> &HashSet<String> {
        &self.labels[i]
    }
}

/// The `labels-swapped` warnings of a briefing's traced figures.
/// `of_class` says whether a mention is of a figure's class.
pub(super) fn swapped(
    cx: &Context,
    read: &Words,
    traced: &[Traced],
    of_class: impl Fn(&Figure, &Mention) -> bool,
) -> Vec<Diagnostic> {
    // pinned in a sentence of several figures: the evidence, and the actors
    // named since the number of its class before it (`Ana Reyes won 6,120
    // votes and Tom Kell won 4,980 votes`), which say whose number it is
    let evidence = |&(figure, s, m): &Traced| {
        let start = after_the_number_before(cx, s, m, |o| of_class(figure, o));
        // unpinned (two dates tell themselves apart): the words since the number before
        // (and for one pinned, those words too where its evidence leaves out
        // what the clause is about: `multifamily building` of `slid 18.2%`,
        // unless they follow another figure's number, whose words they may be)
        // (from the clause's start, where the number before is of another
        // class in the same clause: `sales of audioguides increased 17 per
        // cent to £19m` says whose the £19m is)
        let any_before = after_the_number_before(cx, s, m, |_| true);
        let clause = clause_of(cx, s, m).start;
        let since = &cx.seed.text[if clause < any_before { clause.max(start) } else { any_before }..m.span.start];
        let before = cx.mentions[s].iter().rfind(|o| o.span.end <= m.span.start);
        let of_a_figure = |o: &Mention| {
            traced.iter().any(|(_, t, n)| *t == s && n.span.start < o.span.end && o.span.start < n.span.end)
        };
        // (nor in a score, whose numbers are the pair's: `beat Southby 16-14`)
        let in_a_score = in_a_score(&cx.seed.text, &m.span);
        // (but where a clause breaks after a figure's number, the clause of
        // this one names what it is about: in `65% of the cost, compared with
        // other parents, who pay about 35%`, the other parents pay the 35%)
        let own_clause = || before.filter(|b| clause > b.span.end).map(|_| &cx.seed.text[clause..m.span.start]);
        let e = match &figure.evidence {
            Some(e)
                if !in_a_score
                    && before.is_some_and(of_a_figure)
                    && let Some(named) = own_clause() =>
            {
                format!("{named} {}", e.value)
            }
            Some(e) if in_a_score || before.is_some_and(of_a_figure) => e.value.clone(),
            Some(e) => format!("{since} {}", e.value),
            None => since.to_string(),
        };
        // and what the words after the number, to its clause's end or the next
        // number, say of it: `19 more than his nearest competitor`
        // (after the pair a dash makes of it, `a 6-2 run`: the run is the 6's)
        let clause_end = clause_of(cx, s, m).end;
        let next_after = |at: usize| cx.mentions[s].iter().filter(|o| o.span.start >= at).min_by_key(|o| o.span.start);
        let from = match next_after(m.span.end) {
            Some(o) if matches!(cx.seed.text[m.span.end..o.span.start].trim(), "-" | "\u{2013}") => o.span.end,
            _ => m.span.end,
        };
        let next = next_after(from).map(|o| o.span.start);
        let after = cx.seed.text.get(from..next.map_or(clause_end, |n| n.min(clause_end))).unwrap_or_default();
        // (a number set off by commas after a name is the name's age: `Tomas Brel, 31,`)
        let age = if is_an_age(cx, s, m) { " age" } else { "" };
        let e = format!("{e} {after}{age}");
        // a score's numbers are the pair's: the name before it says nothing of
        // whose each is (`beat Southby 16-14`: the 16 is the winner's)
        // (not a name the number is set against: `0.31 seconds ahead of Tomas Riedl`)
        let named = cx
            .called()
            .iter()
            .flatten()
            .filter(|n| start <= n.span.start && n.span.end <= m.span.start)
            .filter(|n| super::owners::as_owner(cx, start, &n.span, m.span.start));
        let names: Vec<&str> = named.filter(|_| !in_a_score).map(|n| n.text.as_str()).collect();
        Some(with_parts(&words(&Folded::new(&format!("{e} {}", names.join(" "))).text)))
    };
    // read only for two figures of one sentence
    let evidences: Vec<OnceCell<Option<HashSet<String>>>> = traced.iter().map(|_| OnceCell::new()).collect();
    let evidence_of = |i: usize| evidences[i].get_or_init(|| evidence(&traced[i]));
    // read only for two figures of one sentence
    let with_actors: Vec<OnceCell<HashSet<String>>> = traced.iter().map(|_| OnceCell::new()).collect();
    let with_actor = |i: usize| {
        with_actors[i].get_or_init(|| {
            let mut label = read.label(i).clone();
            if let Some(actor) = cx.actor_of(traced[i].0) {
                let names = cx.briefing.actors[actor].names().map(|n| n.value.as_str()).collect::<Vec<_>>().join(" ");
                label.extend(words(&Folded::new(&names).text));
            }
            with_parts(&label)
        })
    };
    // across two sentences: the labels' and the sentences' words, a compound's parts too
    let labels: Vec<OnceCell<HashSet<String>>> = traced.iter().map(|_| OnceCell::new()).collect();
    let label_of = |i: usize| labels[i].get_or_init(|| with_parts(read.label(i)));
    let sentences: Vec<OnceCell<HashSet<String>>> = cx.folded.iter().map(|_| OnceCell::new()).collect();
    let sentence_of = |s: usize| sentences[s].get_or_init(|| with_parts(read.of(s)));
    let mut found = Vec::new();
    for (a, first) in traced.iter().enumerate() {
        for (b, second) in traced.iter().enumerate().skip(a + 1) {
            let (fa, sa, ma) = *first;
            let (fb, sb, mb) = *second;
            // (a date and a count of no unit are not of one kind)
            let kind = |f: &Figure| std::mem::discriminant(&f.value.value);
            if fa.unit() != fb.unit() || kind(fa) != kind(fb) || fa.value.value == fb.value.value {
                continue;
            }
            // two numbers of a `respectively` list go with the things named
            // before it, in order: the labels (and actors) say which each names
            if sa == sb {
                let named = |f: &Figure| match cx.actor_of(f) {
                    Some(actor) => {
                        let names = cx.briefing.actors[actor].names().map(|n| n.value.as_str()).collect::<Vec<_>>();
                        format!("{} {}", f.label.value, names.join(" "))
                    }
                    None => f.label.value.clone(),
                };
                if let Some(swapped) = respectively::swapped(cx, sa, (ma, &named(fa)), (mb, &named(fb))) {
                    if swapped {
                        found.push(warning(cx, (fa, sa, ma), (fb, sb, mb)));
                    }
                    continue;
                }
            }
            // two figures of one sentence are told apart by their evidence alone
            let (own_a, own_b) = match sa == sb {
                false => (sentence_of(sa), sentence_of(sb)),
                true => match (evidence_of(a), evidence_of(b)) {
                    (Some(ea), Some(eb)) => (ea, eb),
                    _ => continue,
                },
            };
            // in one sentence, a figure's actor is the sheet's word on whose its
            // number is, as its label's are (across two, a name says less: a
            // sentence may name one who only speaks of the number)
            let (label_a, label_b) = match sa == sb {
                true => (with_actor(a), with_actor(b)),
                false => (label_of(a), label_of(b)),
            };
            // words both labels have say nothing of which number is whose
            // (`support` of `Yes support` and `No support`)
            let shared = |label: &HashSet<String>, other: &HashSet<String>, words: &HashSet<String>| {
                label.intersection(words).filter(|w| !other.contains(*w)).count()
            };
            // each label reads more like the other's words than its own
            if shared(label_a, label_b, own_b) > shared(label_a, label_b, own_a)
                && shared(label_b, label_a, own_a) > shared(label_b, label_a, own_b)
            {
                found.push(warning(cx, (fa, sa, ma), (fb, sb, mb)));
            }
        }
    }
    found
}

/// Spans of time that a time before is counted in: `two weeks ago`.
const TIME_SPANS: &[&str] = &["day", "week", "month", "year"];

/// Words that set a span of time before: `ago`, `earlier`.
const BEFORE_NOW: &[&str] = &["ago", "earlier", "before", "previously"];

/// The span of a time before that `text` opens with, within a few words
/// (`reported two weeks ago`): `week`.
fn time_before(text: &str) -> Option<&'static str> {
    let words: Vec<String> =
        text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(6).map(str::to_lowercase).collect();
    words.windows(2).find_map(|pair| {
        let span = TIME_SPANS.iter().find(|t| pair[0] == **t || pair[0] == format!("{t}s"))?;
        BEFORE_NOW.contains(&pair[1].as_str()).then_some(*span)
    })
}

/// `label` says a time before in `span`s: `Price two weeks earlier`.
fn time_before_in_label(label: &str, span: &str) -> bool {
    let lower = label.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    words
        .windows(2)
        .any(|pair| (pair[0] == span || pair[0].strip_suffix('s') == Some(span)) && BEFORE_NOW.contains(&pair[1]))
}

/// Mention `m` of sentence `s` is an age set off by commas after a name
/// (`Tomas Brel, 31, had worked …`): a whole number of no unit, below 130.
fn is_an_age(cx: &Context, s: usize, m: &Mention) -> bool {
    let sentence = &cx.seed.sentences[s].span;
    let before = cx.seed.text[sentence.start..m.span.start].trim_end();
    let after = cx.seed.text[m.span.end..sentence.end].trim_start();
    let name = before.strip_suffix(',').map(str::trim_end).and_then(|b| b.rsplit(' ').next());
    let young = m.value.number().is_some_and(|n| n.fract().is_zero() && !n.is_sign_negative() && n < 130.into());
    m.unit.is_none()
        && m.hedge.is_none()
        && young
        && name.is_some_and(|n| n.starts_with(char::is_uppercase))
        && after.starts_with([',', ')'])
}

/// `words` and the parts of each compound among them: `single-family` is
/// `single` and `family` too (`Single family-unit building` reads like
/// `single-family building`).
fn with_parts(words: &HashSet<String>) -> HashSet<String> {
    let parts =
        words.iter().filter(|w| w.contains('-')).flat_map(|w| words_in_order(&w.replace('-', " ")).collect::<Vec<_>>());
    words.iter().cloned().chain(parts).collect()
}

/// Where the words of mention `m` of sentence `s` start: after the last
/// mention before it that `counted` takes, or at the sentence's start.
pub(super) fn after_the_number_before(
    cx: &Context,
    s: usize,
    m: &Mention,
    counted: impl Fn(&Mention) -> bool,
) -> usize {
    let before = cx.mentions[s].iter().filter(|o| o.span.end <= m.span.start && counted(o));
    before.map(|o| o.span.end).max().unwrap_or(cx.seed.sentences[s].span.start)
}

/// The `label-repeated` warnings: a figure whose label is another's, word
/// for word (case and spacing aside), unless each is given to an actor of
/// its own (`Goals scored` by two players) — a reader of the page cannot
/// tell the two apart, and one of them is likely a label copied from the other.
pub(super) fn repeated(cx: &Context) -> Vec<Diagnostic> {
    let figures = &cx.briefing.figures;
    let plain = |label: &str| Folded::new(&label.to_lowercase()).text.trim_end_matches(['.', ':']).trim().to_string();
    let labels: Vec<String> = figures.iter().map(|f| plain(&f.label.value)).collect();
    let actor = |i: usize| figures[i].actor.as_ref().map(|a| a.value.as_str());
    let mut found = Vec::new();
    for b in 1..figures.len() {
        let told_by_actor = |a: usize| actor(a).is_some() && actor(b).is_some() && actor(a) != actor(b);
        let Some(a) = (0..b).find(|&a| labels[a] == labels[b] && !labels[b].is_empty() && !told_by_actor(a)) else {
            continue;
        };
        let (first, second) = (&figures[a], &figures[b]);
        found.push(
            Diagnostic::warning(
                "label-repeated",
                format!(
                    "`{}` has the label of `{}`: a reader cannot tell the two apart",
                    second.id.value, first.id.value
                ),
            )
            .at(cx.in_sheet(&second.label.span))
            .label("this label")
            .related(cx.in_sheet(&first.label.span), format!("the label of `{}`", first.id.value))
            .help("give each figure a label that says what its own number counts"),
        );
    }
    found
}

/// The `label-names-another` warnings: a figure given to one actor whose
/// label names another actor of its kind and not its own (`Rebounds Ted
/// Ross pulled down` on a figure of Kai Munn's) — by a name, an alias or a
/// person's family name.
pub(super) fn names_another(cx: &Context) -> Vec<Diagnostic> {
    let actors = &cx.briefing.actors;
    // a family name two people share calls neither (`Nazeem Miah`, `Nawaz Miah`)
    let family = |a: usize| actors[a].name.value.split_whitespace().last().unwrap_or_default();
    let shared = |a: usize| (0..actors.len()).any(|b| b != a && family(b) == family(a));
    // the words that call actor `a`: its names, and a person's family name
    let calls: Vec<Vec<&str>> = actors
        .iter()
        .enumerate()
        .map(|(a, actor)| {
            let mut names: Vec<&str> = actor.names().map(|n| n.value.trim()).filter(|n| !n.is_empty()).collect();
            if actor.kind == ActorKind::Person && family(a).len() >= 3 {
                names.push(family(a));
                // `Nawaz Miah` for Mohammed Nawaz Miah
                let words: Vec<&str> = actor.name.value.split_whitespace().collect();
                if words.len() >= 3
                    && let Some(at) = actor.name.value.rfind(words[words.len() - 2])
                {
                    names.push(&actor.name.value[at..]);
                }
            }
            if shared(a) {
                names.retain(|n| *n == actor.name.value || *n != family(a));
            }
            names
        })
        .collect();
    let stands_in = |label: &str, name: &str| {
        label.match_indices(name).any(|(at, _)| {
            let before = label[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            let after = label[at + name.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
            before && after
        })
    };
    let mut found = Vec::new();
    for figure in &cx.briefing.figures {
        let Some(own) = cx.actor_of(figure) else {
            continue;
        };
        let label = figure.label.value.as_str();
        if calls[own].iter().any(|name| stands_in(label, name)) {
            continue;
        }
        // one of another kind may say whose side the actor is on (`Games West Ham
        // had played`, of a player); a word of the actor's own names is no other's
        let other = (0..actors.len()).filter(|&b| b != own && actors[b].kind == actors[own].kind).find(|&b| {
            calls[b].iter().any(|name| {
                stands_in(label, name)
                    && !calls[own].iter().any(|n| stands_in(n, name))
                    && !only_as_a_party(label, name)
            })
        });
        let Some(other) = other else { continue };
        let (own, other) = (&actors[own], &actors[other]);
        found.push(
            Diagnostic::warning(
                "label-names-another",
                format!(
                    "`{}` is given to {}, but its label names {}",
                    figure.id.value, own.name.value, other.name.value
                ),
            )
            .at(cx.in_sheet(&figure.label.span))
            .label(format!("names {}", other.name.value))
            .help(format!(
                "check whose figure this is: if it is {}'s, give it `actor: {}` and check its value; if not, give it a label that says what {}'s number counts",
                other.name.value, other.id.value, own.name.value
            )),
        );
    }
    found
}

/// Every time `name` stands in `label`, it names a party to what the figure
/// counts, not whose figure it is: before a deal (`Dividend funded by the
/// Tronox sale`, `Proceeds of the Bellmare stake sale`), set against the
/// figure's own actor (`Lead over Harbour`, `How far behind Berg`, `Gap
/// ahead of Berg`), or one the figure falls on
/// (`Fine imposed on Eastmoor`, `Fine Rusk was ordered to pay`), or one
/// that only says whose the owner is (`Year Ostrova's mother joined`).
/// After `by`, `from` or `to` a name may be the owner (`Points scored by
/// Ross`, `Penalties awarded to Harbour`).
fn only_as_a_party(label: &str, name: &str) -> bool {
    const PASSIVE: &[&str] = &["was", "were", "is", "are", "been", "being"];
    const KIN: &[&str] = &[
        "mother",
        "father",
        "son",
        "daughter",
        "wife",
        "husband",
        "brother",
        "sister",
        "parents",
        "partner",
        "family",
        "widow",
        "uncle",
        "aunt",
        "grandfather",
        "grandmother",
        "agent",
        "spokesman",
        "spokeswoman",
        "spokesperson",
    ];
    const SET_AGAINST: &[&str] = &["against", "versus", "vs", "than", "over", "on", "upon", "behind", "beyond"];
    // `ahead of Berg`, `short of Berg`
    const SET_AGAINST_OF: &[&str] = &["ahead", "short", "clear"];
    const DEALS: &[&str] = &[
        "sale",
        "sales",
        "stake",
        "deal",
        "takeover",
        "acquisition",
        "purchase",
        "bid",
        "merger",
        "buyout",
        "disposal",
    ];
    const MODIFIERS: &[&str] = &["the", "a", "an", "its", "their", "partial", "planned", "proposed"];
    let lower = label.to_lowercase();
    let name = name.to_lowercase();
    let words = |text: &str| {
        text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect::<Vec<_>>()
    };
    let mut seen = false;
    for (at, _) in lower.match_indices(&name) {
        seen = true;
        let before = words(&lower[..at]);
        let after = words(&lower[at + name.len()..]);
        let mut back = before.iter().rev().filter(|w| !MODIFIERS.contains(&w.as_str()));
        let preposition = back.next();
        let set_against = preposition.is_some_and(|w| SET_AGAINST.contains(&w.as_str()))
            || (preposition.is_some_and(|w| w == "of")
                && back.next().is_some_and(|w| SET_AGAINST_OF.contains(&w.as_str())));
        let in_a_deal = after.iter().take(2).any(|w| DEALS.contains(&w.as_str()));
        // `Rusk was ordered to pay`: what the figure falls on
        let passive = after.first().is_some_and(|w| PASSIVE.contains(&w.as_str())) && after.len() > 1;
        // `Ostrova's mother`: whose the owner is
        let whose = after.first().is_some_and(|w| w == "s")
            && after.get(1).is_some_and(|w| KIN.contains(&w.as_str()) || JOBS.contains(&w.as_str()));
        if !set_against && !in_a_deal && !passive && !whose {
            return false;
        }
    }
    seen
}

/// The number at `span` of `text` is one side of a score, joined by a dash
/// to another number: `16-14`, `6–4`.
pub(super) fn in_a_score(text: &str, span: &std::ops::Range<usize>) -> bool {
    let dash = |c: char| matches!(c, '-' | '–' | '—');
    let after = text[span.end..].strip_prefix(dash).is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()));
    let before = text[..span.start].strip_suffix(dash).is_some_and(|rest| rest.ends_with(|c: char| c.is_ascii_digit()));
    after || before
}

/// Words that set a number against another thing: `62 million litres above
/// the usage target`, `short of the record`.
const GAP_WORDS: &[&str] =
    &["above", "below", "over", "under", "beyond", "behind", "ahead", "short", "than", "against"];

/// `How far use is above the target`: word `w` of the label names what the
/// figure's number is set against, not the number: the label has it after a
/// word of [`GAP_WORDS`], which the text has between the number and the
/// other number `o` that `w` goes with.
fn set_against(cx: &Context, mention: &Mention, o: &Mention, label: &str, w: &str) -> bool {
    let lower = label.to_lowercase();
    let label: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).collect();
    let between = cx.seed.text[mention.span.end.min(o.span.start)..o.span.start].to_lowercase();
    let between: Vec<&str> = between.split(|c: char| !c.is_alphanumeric()).collect();
    let Some(gap) = label.iter().position(|word| GAP_WORDS.contains(word) && between.contains(word)) else {
        return false;
    };
    // (the words of the label after it)
    words_in_order(&Folded::new(&label[gap + 1..].join(" ")).text).any(|x| x == w)
}

/// What tells a number from the others of its sentence: the noun right after
/// it (`2,310 volunteers`), or what a change after it is of (`a 9 percent
/// increase in sales`), and the name right before it (`Northshire (5.4 per
/// cent)`, `Brent at $80`), as words of [`words`] in the text's order (a
/// warning names the first), each with its [`Mark`].
fn marks(cx: &Context, s: usize, m: &Mention) -> Vec<(String, Mark)> {
    let sentence = &cx.seed.sentences[s].span;
    let text = &cx.seed.text;
    let mut found = Vec::new();
    let after = text[m.span.end.min(sentence.end)..sentence.end].trim_start_matches([' ', '-']);
    let (mut noun, mut rest) = word_and_rest(after);
    // `5.3% successive growth`: a word that says which change is the change's
    if let Some((adjective, change)) = described_change(noun, rest) {
        found.extend(words_in_order(adjective).map(|w| (w, Mark::Changed)));
        (noun, rest) = (change, rest[change.len()..].trim_start());
    }
    let change = CHANGES.contains(&noun);
    // `a 9 percent increase in sales`: what changed tells it apart, not the
    // change; and what a count is of (`six counts of wire fraud`)
    let object = match change {
        true => rest.strip_prefix("in ").or_else(|| rest.strip_prefix("of ")),
        false => rest.strip_prefix("of ").filter(|_| noun.starts_with(char::is_lowercase)),
    };
    if !change && noun.starts_with(char::is_lowercase) {
        found.extend(words_in_order(noun).map(|w| (w, Mark::Noun)));
        // `a three-week trial of 80 patients`: the compound says what the trial is, not the 80
        let compound = text[m.span.end.min(sentence.end)..].starts_with('-');
        let described = rest.split(|c: char| !c.is_alphabetic()).next().filter(|w| w.starts_with(char::is_lowercase));
        if let Some(described) = described.filter(|_| compound) {
            found.extend(words_in_order(described).map(|w| (w, Mark::Changed)));
        }
    }
    if let Some(object) = object {
        // up to two words, to a mark: `net profit`, `sales.`
        let mut changed = Vec::new();
        for word in object.split(' ').take(2) {
            let plain = word.trim_end_matches(|c: char| c.is_ascii_punctuation());
            if plain.is_empty() || !plain.chars().all(char::is_alphabetic) {
                break;
            }
            changed.push(plain);
            if plain.len() < word.len() {
                break;
            }
        }
        found.extend(words_in_order(&changed.join(" ")).map(|w| (w, Mark::Changed)));
    }
    let before = text[sentence.start..m.span.start].trim_end_matches([' ', '(']);
    // what a number is, said before it: `a lead of 212 votes`, `in fifth ($100,000)`
    let bracketed = text[sentence.start..m.span.start].trim_end().ends_with('(');
    let said_before = match before.strip_suffix(" of") {
        Some(head) => head.rsplit(' ').next().filter(|w| !CHANGES.contains(w)).map(|w| (w, Mark::Of)),
        None => before.rsplit(' ').next().filter(|_| bracketed).map(|w| (w, Mark::Changed)),
    };
    if let Some((word, mark)) = said_before.filter(|(w, _)| w.starts_with(char::is_lowercase)) {
        found.extend(words_in_order(word).map(|w| (w, mark)));
    }
    // `Lev Orav (round 6)`: a number in brackets after a word or two is the
    // name's before them
    let in_brackets = before.rfind('(').filter(|&open| {
        let inside = &before[open + 1..];
        !inside.contains(')') && inside.split_whitespace().count() <= 2 && inside.starts_with(char::is_lowercase)
    });
    let before = in_brackets.map_or(before, |open| before[..open].trim_end());
    let mut back = before.rsplit(' ').filter(|w| !w.is_empty());
    let name = back.next().filter(|w| !BETWEEN.contains(w)).or_else(|| back.next());
    // not a name a comma sets apart: `Ruth Ellery, 31, … was jailed for 40
    // months` is hers as much as her age is, and so is `Velmora, 900 km away`
    if let Some(name) = name.filter(|w| w.starts_with(char::is_uppercase) && !w.ends_with(',')) {
        let name = name.trim_end_matches([':', ';']).trim_end_matches("'s").trim_end_matches("’s");
        // a month is a period, which may be the whole sentence's (`fell in
        // March to 1,234 units but … down to 1,111 units`): periods are read apart
        if crate::numbers::MONTH_NAMES.contains(&name) {
            return found;
        }
        found.extend(words_in_order(&Folded::new(name).text).map(|w| (w, Mark::Name)));
        // a number in brackets is the whole name's before it: `Mira Tolsen of Ostrand (55.412)`
        if bracketed {
            let whole = back.take(5).take_while(|w| w.starts_with(char::is_uppercase) || *w == "of");
            let names = whole.filter(|w| w.starts_with(char::is_uppercase)).collect::<Vec<_>>().join(" ");
            found.extend(words_in_order(&Folded::new(&names).text).map(|w| (w, Mark::Name)));
        }
    }
    found
}

/// The first word of `text` and what follows it.
fn word_and_rest(text: &str) -> (&str, &str) {
    let end = text.find(|c: char| !c.is_alphabetic()).unwrap_or(text.len());
    (&text[..end], text[end..].trim_start())
}

/// `successive` and `growth` of `5.3% successive growth`: a word after a
/// number, and the change after it.
fn described_change<'t>(word: &'t str, rest: &'t str) -> Option<(&'t str, &'t str)> {
    let (change, _) = word_and_rest(rest);
    (word.starts_with(char::is_lowercase) && !CHANGES.contains(&word) && CHANGES.contains(&change))
        .then_some((word, change))
}

/// A change whose number says nothing of what changed (`5.3% successive
/// growth`, `a 2% rise.`): it is of what the sentence's other change is of.
fn of_what_another_is(cx: &Context, s: usize, m: &Mention) -> bool {
    let sentence = &cx.seed.sentences[s].span;
    let after = cx.seed.text[m.span.end.min(sentence.end)..sentence.end].trim_start_matches([' ', '-']);
    let (first, rest) = word_and_rest(after);
    let (change, rest) = match described_change(first, rest) {
        Some((_, change)) => (change, rest[change.len()..].trim_start()),
        None => (first, rest),
    };
    CHANGES.contains(&change) && !rest.starts_with("in ") && !rest.starts_with("of ")
}

/// Another number's place, which a label names instead of its own: `Gain
/// in exports to Japan` on the 22 of "a 22 per cent gain in exports to
/// China and 21 per cent surge in those to Japan" ([`places_around`]); a
/// place both numbers have tells neither apart.
fn place_of_another<'m>(
    cx: &Context,
    s: usize,
    mention: &Mention,
    label: &HashSet<String>,
    others: &[&'m Mention],
) -> Option<(&'m Mention, String)> {
    let own = places_around(cx, s, mention);
    if own.is_empty() || own.iter().any(|w| label.contains(w)) {
        return None;
    }
    others.iter().find_map(|&o| {
        let theirs = places_around(cx, s, o);
        theirs.into_iter().find(|w| !own.contains(w) && label.contains(w)).map(|w| (o, w))
    })
}

/// Another number of the sentence whose clause the label reads like, in
/// two words or more, where it shares no word with its own number's clause:
/// `Retail registrations in September` on the 222,887 of "Retail
/// registrations fell -8.8% in September to 223,777 units but outperformed
/// fleet which was down -10.1% to 222,887 units".
fn clause_of_another<'m>(
    cx: &Context,
    s: usize,
    mention: &Mention,
    label: &HashSet<String>,
    others: &[&'m Mention],
) -> Option<(&'m Mention, String)> {
    let own = clause_of(cx, s, mention);
    let own_text = &cx.seed.text[own.clone()];
    // a clause that opens by pointing back (`-- and that was just a blip of
    // -0.4`) is about what the clause before it names
    let mut opening = own_text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty());
    let first = opening.next().filter(|w| !["and", "but"].contains(w)).or_else(|| opening.next());
    if first.is_some_and(|w| ["that", "this", "it", "which"].contains(&w)) {
        return None;
    }
    let own_words = words(&Folded::new(own_text).text);
    // a clause of its own has a verb of its own: `up one million on the month
    // before` goes on from the clause before it, and shares its subject (and
    // a verb in an aside between dashes is the aside's: `leading the long shot
    // — the payout was the largest since 1913 — to a 6-length victory`)
    let verb = without_asides(own_text)
        .split(|c: char| !c.is_alphabetic())
        .any(|w| FINITE.contains(&w) || (w.len() > 4 && w.ends_with("ed") && w.starts_with(char::is_lowercase)));
    if !verb {
        return None;
    }
    // names are read as actors' (`label-names-another`), not as clauses' words:
    // `Streamix’s version` is no word of the own clause that `Streamix` in the label says
    let names = actor_words(cx);
    if own_words.iter().any(|w| label.contains(w) && !names.contains(w)) {
        return None;
    }
    others.iter().find_map(|&o| {
        let theirs = clause_of(cx, s, o);
        if theirs == own {
            return None;
        }
        let shared: Vec<String> = words_in_order(&Folded::new(&cx.seed.text[theirs]).text)
            .filter(|w| label.contains(w) && !names.contains(w))
            .collect();
        let distinct: HashSet<&String> = shared.iter().collect();
        (distinct.len() >= 2).then(|| (o, shared[0].clone()))
    })
}

/// Words that join two values of one thing: `a deficit of $14.2 billion,
/// instead of the $9.6 billion estimated`.
const ALTERNATIVES: &[&str] = &["instead of", "rather than", "in place of", "replacing"];

/// Mentions `a` and `b` are two values of one thing, joined by [`ALTERNATIVES`]:
/// what the first is `of` the second is too.
fn alternatives(text: &str, a: &Mention, b: &Mention) -> bool {
    let (first, second) = if a.span.start < b.span.start { (a, b) } else { (b, a) };
    let Some(between) = text.get(first.span.end..second.span.start) else { return false };
    let between = between.trim_start_matches([',', ' ']).to_lowercase();
    between.split_whitespace().count() <= 5 && ALTERNATIVES.iter().any(|w| between.starts_with(w))
}

/// Words that set a value after a comma on what stands before it.
const VALUED: &[&str] = &["worth", "saving", "costing", "valued at", "totalling", "totaling", "at a cost of"];

/// Things counted off by number: `Day three`, `Stage 4`, `Round 6`, and
/// classes named by one: `Band three calls`, `Tier 2`, `Grade 1`.
const NUMBERED: &[&str] = &[
    "day", "stage", "round", "game", "race", "lap", "hole", "week", "match", "leg", "heat", "set", "phase", "episode",
    "band", "category", "tier", "grade", "level", "class", "group", "zone", "division", "section", "article",
    "chapter", "step", "gate", "terminal", "platform", "ward", "lane",
];

/// Mention `o` of sentence `s` names one of a numbered series (`Day three
/// opened …`): it counts nothing a label could be about, and the word
/// before it is no name.
fn names_a_numbered_thing(cx: &Context, s: usize, o: &Mention) -> bool {
    let before = &cx.seed.text[cx.seed.sentences[s].span.start..o.span.start];
    let word = before.trim_end().rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or_default();
    word.starts_with(char::is_uppercase) && NUMBERED.contains(&word.to_lowercase().as_str())
}

/// `text` without what stands between two dashes of one kind (`—`, `–`,
/// or ` - `), which is an aside.
fn without_asides(text: &str) -> String {
    let mut kept = text.to_string();
    for dash in ["\u{2014}", "\u{2013}", " - "] {
        while let Some(open) = kept.find(dash)
            && let Some(close) = kept[open + dash.len()..].find(dash)
        {
            kept.replace_range(open..open + dash.len() + close + dash.len(), " ");
        }
    }
    kept
}

/// The words of every name and alias of the sheet's actors.
pub(super) fn actor_words(cx: &Context) -> HashSet<String> {
    cx.briefing.actors.iter().flat_map(|a| a.names()).flat_map(|n| words(&Folded::new(&n.value).text)).collect()
}

/// Verbs that make a clause of their own, besides those that end in `-ed`.
const FINITE: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "does", "did", "rose", "fell",
    "grew", "won", "lost", "made", "paid", "took", "gave", "got", "saw", "hit",
];

/// The words of the places named after a preposition (`in the North
/// West`, `to China`) in the clause of `m` ([`clause_of`]).
fn places_around(cx: &Context, s: usize, m: &Mention) -> HashSet<String> {
    places_in(&cx.seed.text[clause_of(cx, s, m)])
}

/// The clause of its sentence that `m` stands in: the sentence is cut at
/// the first break (`,`, `and`, `while` …) in the words between each two
/// numbers, so what comes before it is the first number's clause and what
/// comes after it the second's (`a 22 per cent gain in exports to China and
/// 21 per cent in those to Japan`); numbers with no break between them share
/// one (`was down -10.1% to 222,887 units`). The words before the first
/// number are its own; after the last, those up to a break.
pub(super) fn clause_of(cx: &Context, s: usize, m: &Mention) -> Range<usize> {
    let sentence = &cx.seed.sentences[s].span;
    let cuts = cx.clause_cuts(s);
    let mut before = cuts.iter().rev().filter(|&&cut| cut <= m.span.start).copied();
    let start = before.next().unwrap_or(sentence.start);
    // `scrapping the 12 per cent rebate, worth $170 million`: a value set after
    // a comma is the value of what the words before the comma name
    let opening = cx.seed.text[start..m.span.start].trim_start_matches([',', ' ']);
    let valued = |v: &&str| opening.get(..v.len()).is_some_and(|o| o.eq_ignore_ascii_case(v));
    let start = match VALUED.iter().any(valued) && opening.split_whitespace().count() <= 4 {
        true => before.next().unwrap_or(sentence.start),
        false => start,
    };
    let end = cuts.iter().find(|&&cut| cut >= m.span.end).copied().unwrap_or(sentence.end);
    start..end
}

/// Where the clauses of sentence `s` break: at the first break after each
/// number, before the next.
pub(super) fn clause_cuts(cx: &Context, s: usize) -> Vec<usize> {
    let sentence = &cx.seed.sentences[s].span;
    let text = &cx.seed.text;
    let mentions = &cx.mentions[s];
    let mut cuts: Vec<usize> = mentions
        .iter()
        .filter_map(|m| {
            let end = m.span.end;
            let next = mentions.iter().map(|o| o.span.start).filter(|&at| at >= end).min().unwrap_or(sentence.end);
            let before_number = next < sentence.end;
            break_in(text.get(sentence.start..next)?, end - sentence.start, before_number).map(|at| end + at)
        })
        .collect();
    cuts.sort_unstable();
    cuts
}

/// Where the first break between two clauses of `text` after `from` is, if
/// any, as an offset from `from`; the words before it are read too.
fn break_in(text: &str, from: usize, before_number: bool) -> Option<usize> {
    const BREAKS: &[&str] = &[";", " while ", " but ", " whereas "];
    // before another number only: `84,000 bikes compared with 9,310 last year`
    // (after the last, the words say what it is compared with: `a 28.8 per
    // cent increase compared with the same period a year earlier`)
    const BREAKS_BEFORE_A_NUMBER: &[&str] = &[" compared with ", " compared to ", " instead of "];
    let (before_all, text) = text.split_at(from);
    // `the highest temperature on record, which was 36.2C`: a comma before
    // `which` or `who` sets off what the number after it is, and one before
    // `when` what happened then (`at 2min 14sec, when he went down a second time`)
    let comma = text.match_indices(',').map(|(at, _)| at).find(|&at| {
        let rest = text[at + 1..].trim_start();
        !["which ", "who ", "when "].iter().any(|w| rest.starts_with(w))
    });
    let and = text.match_indices(" and ").map(|(at, _)| at).find(|&at| {
        // `between July and August`, `Harbour and Eastmoor`: one thing, not two clauses
        let before = before_all.split_whitespace().chain(text[..at].split_whitespace());
        let before = before.rev().take(3).collect::<Vec<_>>();
        let after = text[at + " and ".len()..].split_whitespace().next().unwrap_or_default();
        let names =
            before.first().is_some_and(|w| w.starts_with(char::is_uppercase)) && after.starts_with(char::is_uppercase);
        !names && !before.contains(&"between")
    });
    let against = BREAKS_BEFORE_A_NUMBER.iter().filter(|_| before_number).filter_map(|b| text.find(b));
    BREAKS.iter().filter_map(|b| text.find(b)).chain(against).chain(comma).chain(and).min()
}

/// Words that say what kind of place the name after them is.
const PLACE_WORDS: &[&str] = &[
    "state",
    "city",
    "town",
    "province",
    "region",
    "county",
    "district",
    "village",
    "capital",
    "country",
    "port",
    "island",
    "islands",
    "of",
    "neighbouring",
    "neighboring",
    "nearby",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "coastal",
];

/// The words of the names after `in`, `to`, `from`, `at`, `for` or `with` in `text`.
fn places_in(text: &str) -> HashSet<String> {
    const PLACE_AFTER: &[&str] = &["in", "to", "from", "at", "for", "with"];
    let mut found = HashSet::default();
    let mut words = text.split_whitespace().peekable();
    let mut before = "";
    while let Some(word) = words.next() {
        // `according to Reuters` names who says it, not where
        let after_according = std::mem::replace(&mut before, word).eq_ignore_ascii_case("according");
        if !PLACE_AFTER.contains(&word) || after_according {
            continue;
        }
        // `in the state of Velora`, `in neighbouring Ostrand`: words that say what a place is
        while words.next_if(|w| w.eq_ignore_ascii_case("the") || PLACE_WORDS.contains(w)).is_some() {}
        while let Some(name) = words.next_if(|w| w.starts_with(char::is_uppercase)) {
            let plain = name.trim_end_matches(|c: char| !c.is_alphanumeric()).trim_end_matches("'s");
            // a month is a period, which is read apart (`at 24.6 percent in August`)
            if !crate::numbers::MONTH_NAMES.contains(&plain) {
                found.extend(words_in_order(&Folded::new(plain).text));
            }
            if plain.len() < name.len() {
                break;
            }
        }
    }
    found
}

/// `b` restates `a` in brackets right after it, in another unit: `150 miles
/// per hour (240 km per hour)`, `£5m ($6.2m)`, or in words that say so:
/// `6,300 equates to 35 a day`.
fn restated(text: &str, a: &Mention, b: &Mention) -> bool {
    let Some(between) = text.get(a.span.end..b.span.start) else { return false };
    // `6,300 equates to more than 35 a day`: the same in another measure
    const EQUATES: &[&str] = &["equates to", "equivalent to", "equivalent of", "works out at", "works out to"];
    let lower = between.to_lowercase();
    if between.split_whitespace().count() <= 6 && EQUATES.iter().any(|e| lower.contains(e)) {
        return true;
    }
    let Some(unit) = between.trim_end().strip_suffix('(') else { return false };
    // the unit's words only: `per hour`, not `) and Eastmoor`
    let unit_word = |w: &str| w.chars().all(|c| c.is_lowercase() || c == '/') && !matches!(w, "and" | "or" | "to");
    // a bracket that lists more than one number gives parts, not the whole
    // again: `eight points (four goals, four assists)`
    let bracket = text[b.span.end..].split(')').next().unwrap_or_default();
    let parts = bracket.contains([',', ';']) || bracket.contains(" and ");
    !parts && unit.split_whitespace().count() <= 3 && unit.split_whitespace().all(unit_word)
}

/// What a word beside a number is to it.
#[derive(Clone, Copy, PartialEq)]
enum Mark {
    /// The noun right after it: a label names it first (`Countries taking part`).
    Noun,
    /// What a change after it is of, or the word before its bracket (`in
    /// fifth ($100,000)`): a label may name it anywhere.
    Changed,
    /// The noun before `of` (`a lead of 212 votes`): a label may name it
    /// anywhere as another number's, but it may be a whole the number is part
    /// of (`a study of 43,538 participants`), so it tells no label its own.
    Of,
    /// The name right before it: a label may name it anywhere.
    Name,
}

/// Nouns of a change, which say what changed after them: `a rise in profit`.
const CHANGES: &[&str] =
    &["rise", "increase", "fall", "drop", "decline", "gain", "growth", "jump", "cut", "climb", "decrease", "slump"];

/// Words between a name and its number: `Brent at $80`, `Eastmoor with 1.9%`.
const BETWEEN: &[&str] = &["at", "in", "for", "of", "on", "to", "with", "was", "is", "had", "has"];

/// The `label-beside-another` warnings: a figure whose label names what
/// stands beside another number of its sentence and nothing of what stands
/// beside its own — the name before the other (`Rise in Eastmoor` on the 5.4
/// of "Northshire (5.4 per cent) and Eastmoor (1.9 per cent)"), or as its
/// first word the noun after the other (`Countries taking part` on the 2,310
/// of "2,310 volunteers in four countries"). `of_class` says whether a
/// mention is of the figure's class.
pub(super) fn beside_another(
    cx: &Context,
    read: &Words,
    traced: &[Traced],
    of_class: impl Fn(&Figure, &Mention) -> bool,
) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for (i, &(figure, s, mention)) in traced.iter().enumerate() {
        if cx.mentions[s].len() < 2 || in_a_score(&cx.seed.text, &mention.span) {
            continue;
        }
        let own: Vec<(String, Mark)> = marks(cx, s, mention).into_iter().filter(|(_, m)| *m != Mark::Of).collect();
        let own_change_unsaid = of_what_another_is(cx, s, mention);
        let label = read.label(i);
        // the word right before the number says what it is too: `magnitude 5.2`
        // (unless it stands before the others too: `(round 6)`, `(round 4)`)
        let word_before = |m: &Mention| {
            let before = &cx.seed.text[cx.seed.sentences[s].span.start..m.span.start];
            words(&Folded::new(before.rsplit(' ').find(|w| !w.is_empty()).unwrap_or_default()).text)
        };
        let own_before = word_before(mention);
        let before_all =
            || cx.mentions[s].iter().filter(|o| o.span != mention.span).all(|o| word_before(o) == own_before);
        if own_before.iter().any(|w| label.contains(w)) && !before_all() {
            continue;
        }
        let first = Folded::new(&figure.label.value).text;
        let first = words(first.split_whitespace().next().unwrap_or_default());
        // what the figure counts (`unit: jobs`) tells no number of it apart
        let counted = match figure.unit() {
            Some(FactUnit::Noun(noun)) => words(&Folded::new(noun).text),
            _ => HashSet::default(),
        };
        // the words of the number's own clause, from the number before it: a
        // name there is the number's too (`Omar Nazeem Miah was jailed for 30
        // months and Omar Nawaz Miah for three years`: `Miah` is both's)
        let clause_start = after_the_number_before(cx, s, mention, |_| true);
        let clause = words(&Folded::new(&cx.seed.text[clause_start..mention.span.start]).text);
        // a label that names its own number's period (`Kettles sold in the
        // spring of 2020`) is its own, whatever else it shares with another
        let own_period = super::periods::named_of_own(cx, s, &figure.label.value, mention);
        // and so is one that says the time before as its number's words do
        // (`two weeks earlier` on `Sh293 reported two weeks ago`)
        let clause_end = clause_of(cx, s, mention).end;
        let after = cx.seed.text.get(mention.span.end..clause_end).unwrap_or_default();
        if time_before(after).is_some_and(|span| time_before_in_label(&figure.label.value, span)) {
            continue;
        }
        // the other numbers of the sentence, of the figure's class and period
        let others: Vec<&Mention> = cx.mentions[s]
            .iter()
            .filter(|o| {
                o.span != mention.span
                    && o.value != mention.value
                    && !names_a_numbered_thing(cx, s, o)
                    && !names_an_event(cx, o)
                    && of_class(figure, o)
                    && (own_period.is_none() || super::periods::period_of(cx, s, o) == own_period)
            })
            .collect();
        let beside = others.iter().copied().filter(|o| {
            !own.is_empty()
                && !restated(&cx.seed.text, o, mention)
                && !restated(&cx.seed.text, mention, o)
                && !in_a_score(&cx.seed.text, &o.span)
        });
        let candidates = beside.filter_map(|o| {
            let marks = marks(cx, s, o);
            // what both numbers have beside them (`six counts of wire fraud, two
            // counts of lying`) tells neither apart, and nor does a name
            // before both that no name after the first takes over from
            // (`Reed has 11 points (seven goals, four assists)`)
            // (a name between the two takes over: `Mira Tolsen (55.412), while Kira
            // Amsel took bronze with a score of 54.908`)
            let named_between = cx.seed.text.get(mention.span.end..o.span.start).is_some_and(|between| {
                between.split_whitespace().any(|w| w.starts_with(char::is_uppercase) && w.len() > 1)
            });
            let shared_name =
                o.span.start > mention.span.start && !marks.iter().any(|(_, m)| *m == Mark::Name) && !named_between;
            let telling = |(w, mark): &&(String, Mark)| {
                let shared = marks.iter().any(|(x, _)| x == w) || (*mark == Mark::Name && shared_name);
                !shared
            };
            if own.iter().filter(telling).any(|(w, _)| label.contains(w)) {
                return None;
            }
            let mut marks = marks.iter().filter(|(w, _)| !own.iter().any(|(x, _)| x == w)).cloned();
            let named = marks.find(|(w, mark)| match mark {
                Mark::Noun => first.contains(w) && !counted.contains(w),
                // (what the other change is of, when the own one's is the same unsaid)
                Mark::Changed => label.contains(w) && !own_change_unsaid,
                Mark::Of => {
                    label.contains(w)
                        && !set_against(cx, mention, o, &figure.label.value, w)
                        && !alternatives(&cx.seed.text, mention, o)
                }
                Mark::Name => {
                    label.contains(w) && !clause.contains(w) && !set_against(cx, mention, o, &figure.label.value, w)
                }
            });
            named.map(|(w, mark)| (o, w, mark))
        });
        // a word said of one number alone (`fifth ($100,000)`) before the noun
        // after a number, which the label may only happen to begin with
        let candidates: Vec<_> = candidates.collect();
        let other = candidates.iter().find(|(_, _, mark)| *mark != Mark::Noun).or(candidates.first());
        let other = other.map(|(o, w, _)| (*o, w.clone())).or_else(|| {
            place_of_another(cx, s, mention, label, &others)
                .or_else(|| clause_of_another(cx, s, mention, label, &others))
        });
        let Some((other, word)) = other else { continue };
        let id = cx.sentence_id(s);
        let stated = cx.seed.text[other.span.clone()].to_string();
        let beside = Beside {
            figure,
            mention,
            other,
            message: format!(
                "the label of `{}` reads like {stated} of {id}, not like its own {}",
                figure.id.value,
                &cx.seed.text[mention.span.clone()]
            ),
            label: format!("reads like {stated}"),
            own: format!("the figure's value, in {id}"),
            theirs: format!("`{word}` goes with this number"),
            fix: "says what its own number counts",
        };
        found.push(beside.warning(cx));
    }
    found
}

/// A `label-beside-another` warning: the label of `figure`, traced to
/// `mention`, reads like `other` of the same sentence.
pub(super) struct Beside<'a> {
    pub figure: &'a Figure,
    pub mention: &'a Mention,
    pub other: &'a Mention,
    pub message: String,
    /// Under the label.
    pub label: String,
    /// Beside the figure's own number, and beside the other.
    pub own: String,
    pub theirs: String,
    /// What a label that fits says: `says what its own number counts`.
    pub fix: &'a str,
}

impl Beside<'_> {
    pub fn warning(self, cx: &Context) -> Diagnostic {
        let stated = |m: &Mention| cx.seed.text[m.span.clone()].to_string();
        Diagnostic::warning("label-beside-another", self.message)
            .at(cx.in_sheet(&self.figure.label.span))
            .label(self.label)
            .related(cx.in_seed(&self.mention.span), self.own)
            .related(cx.in_seed(&self.other.span), self.theirs)
            .help(format!(
                "check that the value is {}, not {}; give the figure a label that {}",
                stated(self.mention),
                stated(self.other),
                self.fix
            ))
    }
}

fn warning(cx: &Context, (a, sa, ma): Traced, (b, sb, mb): Traced) -> Diagnostic {
    let (ida, idb) = (cx.sentence_id(sa), cx.sentence_id(sb));
    let stated = |m: &Mention| cx.seed.text[m.span.clone()].to_string();
    Diagnostic::warning(
        "labels-swapped",
        format!(
            "`{}` traces to {ida} and `{}` to {idb}, but each label reads like the other's words: are the values swapped?",
            a.id.value, b.id.value
        ),
    )
    .at(cx.in_sheet(&a.value.span))
    .label(format!("traced to {} in {ida}", stated(ma)))
    .related(cx.in_sheet(&b.value.span), format!("traced to {} in {idb}", stated(mb)))
    .related(cx.in_seed(&cx.seed.sentences[sb].span), format!("`{}`'s label reads like {idb}", a.id.value))
    .related(cx.in_seed(&cx.seed.sentences[sa].span), format!("`{}`'s label reads like {ida}", b.id.value))
    .help("if the values are swapped, swap them back with their evidence; either way, pin each figure with `evidence:` words that say what it counts")
}

/// The short names `text` defines in brackets after the words they stand for
/// (`energy price guarantee (EPG)`, `Office for National Statistics (ONS)`),
/// with the words of each.
/// A short name in capitals: `ESB`, `WTI`.
fn is_short_name(word: &str) -> bool {
    (2..=6).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// The words of the name in capitals that `short` spells, when `text` writes
/// the name in full and never the short name itself: `Eastern Sweet Blend`
/// for `ESB`.
fn spelled_out(text: &str, short: &str) -> HashSet<String> {
    const SMALL: &[&str] = &["of", "for", "and", "the", "&"];
    if text.match_indices(short).any(|(at, _)| whole_words(text, at, at + short.len())) {
        return HashSet::default();
    }
    let all: Vec<&str> = text.split_whitespace().collect();
    let letters: Vec<char> = short.chars().collect();
    for start in 0..all.len() {
        let mut taken = Vec::new();
        let mut next = 0;
        for word in &all[start..] {
            let plain = word.trim_matches(|c: char| !c.is_alphanumeric());
            if next == letters.len() {
                break;
            }
            if !taken.is_empty() && SMALL.contains(&plain) {
                taken.push(plain);
                continue;
            }
            if plain.starts_with(letters[next]) && plain.len() > 1 {
                taken.push(plain);
                next += 1;
                if plain.len() < word.len() && next < letters.len() {
                    break; // a mark ends the name
                }
                continue;
            }
            break;
        }
        if next == letters.len() {
            return words(&Folded::new(&taken.join(" ")).text);
        }
    }
    HashSet::default()
}

fn short_names(text: &str) -> Vec<(String, HashSet<String>)> {
    const SMALL: &[&str] = &["of", "for", "and", "the", "&", "on", "in", "to"];
    let mut found: Vec<(String, HashSet<String>)> = Vec::new();
    for (open, _) in text.match_indices('(') {
        let Some(inner) = text[open + 1..].split(')').next().filter(|i| (2..=6).contains(&i.len())) else { continue };
        if !inner.bytes().all(|b| b.is_ascii_uppercase()) || found.iter().any(|(short, _)| short == inner) {
            continue;
        }
        // the words before the bracket whose first letters spell it, from its last
        let before: Vec<&str> = text[..open].split_whitespace().rev().take(inner.len() * 2 + 2).collect();
        let mut letters = inner.chars().rev().peekable();
        let mut taken = 0;
        for word in &before {
            let Some(&letter) = letters.peek() else { break };
            if SMALL.contains(&word.to_lowercase().as_str()) {
                taken += 1;
                continue;
            }
            if !word.chars().next().is_some_and(|c| c.eq_ignore_ascii_case(&letter)) {
                break;
            }
            letters.next();
            taken += 1;
        }
        if letters.peek().is_none() {
            let long: Vec<&str> = before[..taken].iter().rev().copied().collect();
            found.push((inner.to_string(), words(&Folded::new(&long.join(" ")).text)));
        }
    }
    found
}

/// The words of a folded text that tell one sentence from another: no short
/// or common words, possessives, plurals and endings taken off; years and periods
/// (`2013-14`) count as words.
pub(super) fn words(text: &str) -> HashSet<String> {
    words_in_order(text).collect()
}

/// The words of [`words`], in the order the text has them (twice where it does).
pub(super) fn words_in_order(text: &str) -> impl Iterator<Item = String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .map(|w| w.trim_matches(|c| c == '-' || c == '\''))
        // what a number counts, glued to it: `lap` of `71-lap`
        .map(|w| match w.split_once('-') {
            Some((n, counted)) if n.bytes().all(|b| b.is_ascii_digit()) && counted.starts_with(char::is_alphabetic) => {
                counted
            }
            _ => w,
        })
        // short words are kept only as names in capitals (`EU`, `UK`) and as a
        // vote's side (`No support at 47%`)
        .filter(|w| {
            (w.chars().count() >= 3 || *w == "No" || is_short_name(w))
                && (w.starts_with(char::is_alphabetic) || is_period(w))
        })
        .map(|w| if w.chars().any(char::is_uppercase) { w.to_lowercase() } else { w.to_string() })
        .filter(|w| !COMMON.contains(&w.trim_end_matches("'s")))
        .map(|w| {
            let stemmed = stem(w.trim_end_matches("'s"));
            if stemmed.len() == w.len() { w } else { stemmed.to_string() }
        })
}

/// `2016`, `2013-14`: a year or a period of years.
fn is_period(word: &str) -> bool {
    let (year, rest) = word.split_at(word.len().min(4));
    year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && (rest.is_empty() || rest.strip_prefix('-').is_some_and(|r| r.bytes().all(|b| b.is_ascii_digit())))
}

/// The word without the ending that makes it plural or a tense, and
/// without a last `e`, so that `vote`, `votes` and `voting` are one.
fn stem(word: &str) -> &str {
    // `took` and `taken` are `take`
    if let Some((_, base)) = IRREGULAR.iter().find(|(form, _)| *form == word) {
        return stem(base);
    }
    let mut stem = word;
    for ending in ["ing", "ed", "es", "s"] {
        if word.chars().count() > 4
            && let Some(shorter) = word.strip_suffix(ending)
        {
            stem = shorter;
            break;
        }
    }
    // a plural of four letters too (`laps`, `days`), though not `plus` or `this`
    if word.chars().count() == 4 && word.ends_with('s') && !["ss", "us", "is"].iter().any(|e| word.ends_with(e)) {
        stem = &word[..word.len() - 1];
    }
    let stem = match stem.strip_suffix('e') {
        Some(shorter) if shorter.chars().count() >= 3 => shorter,
        _ => stem,
    };
    // the noun of a verb is the verb: `expectation` is `expected`, `estimation` `estimate`
    match stem.strip_suffix("ation").or_else(|| stem.strip_suffix("at")) {
        Some(verb) if verb.chars().count() >= 4 => verb,
        _ => stem,
    }
}

/// Forms of verbs that no ending makes, with the verb they are of.
const IRREGULAR: &[(&str, &str)] = &[
    ("took", "take"),
    ("taken", "take"),
    ("gave", "give"),
    ("given", "give"),
    ("won", "win"),
    ("lost", "lose"),
    ("paid", "pay"),
    ("made", "make"),
    ("sold", "sell"),
    ("bought", "buy"),
    ("spent", "spend"),
    ("grew", "grow"),
    ("grown", "grow"),
    ("held", "hold"),
    ("kept", "keep"),
    ("brought", "bring"),
    ("built", "build"),
    ("caught", "catch"),
    ("drove", "drive"),
    ("driven", "drive"),
    ("stole", "steal"),
    ("stolen", "steal"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("struck", "strike"),
    ("hid", "hide"),
    ("hidden", "hide"),
];

/// Words too common in labels and news to tell sentences apart.
const COMMON: &[&str] = &[
    "the", "and", "for", "from", "with", "but", "its", "this", "that", "these", "those", "than", "more", "less",
    "over", "under", "into", "per", "after", "before", "about", "new", "old", "year", "years", "total", "rise", "fall",
    "share", "shares", "was", "were", "are", "been", "has", "have", "had", "will", "would", "said", "says", "which",
    "who", "their", "his", "her", "they", "also", "while", "when", "there", "what", "month", "months", "earlier",
    "later", "previous", "prior", "ago",
];

/// Events a measure names: `the men's 71kg event`, `the 100m final`.
const EVENTS: &[&str] = &[
    "event",
    "category",
    "class",
    "division",
    "final",
    "race",
    "title",
    "heat",
    "freestyle",
    "backstroke",
    "breaststroke",
    "butterfly",
    "medley",
    "hurdles",
    "relay",
    "steeplechase",
    "walk",
    "world",
    "champion",
    "champions",
    "olympic",
    "crown",
    "medal",
    "medallist",
];

/// Measures a sport's events are named by.
const EVENT_MEASURES: &[&str] = &["kg", "m", "km", "metre", "metres", "meter", "meters", "kilometre", "kilometres"];

/// Mention `m` names an event by its measure (`in the men's 71kg event`,
/// `won the 1500m freestyle`, `the over 100-kg world champion`): it is no
/// quantity a label could be about.
pub(super) fn names_an_event(cx: &Context, m: &Mention) -> bool {
    let rest = &cx.seed.text[m.span.end..];
    let mut words = rest.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty());
    let among = |list: &[&str], word: &str| list.iter().any(|w| w.eq_ignore_ascii_case(word));
    // (or a count glued to what it counts: `the five-dive final`, `a 12-round title`)
    let glued = rest.starts_with('-');
    words.next().is_some_and(|unit| glued || among(EVENT_MEASURES, unit))
        && words.next().is_some_and(|event| among(EVENTS, event))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_are_read_where_the_text_defines_them() {
        let text = "It capped bills through the energy price guarantee (EPG), the Office for National \
                    Statistics (ONS) said; the (UK) and the Harbour Council (XYZ) did not.";
        let found = short_names(text);
        let short: Vec<&str> = found.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(short, ["EPG", "ONS"]);
        for word in ["energy", "pric", "guarante"] {
            assert!(found[0].1.contains(word), "{word} in {:?}", found[0].1);
        }
    }

    #[test]
    fn a_short_name_the_text_never_writes_is_read_as_the_name_it_spells() {
        let text = "Northfield crude rose. Eastern Sweet Blend crude settled at $60.10, the ESA said.";
        let found = spelled_out(text, "ESB");
        for word in ["eastern", "sweet", "blend"] {
            assert!(found.contains(word), "{word} in {found:?}");
        }
        // a short name the text writes is its own word
        assert!(spelled_out(text, "ESA").is_empty());
        assert!(spelled_out(text, "XYZ").is_empty());
    }

    #[test]
    fn words_keep_what_tells_sentences_apart() {
        let found = words("Borrowing in 2013-14 has risen by £8.3bn on December's forecast, the OBR says.");
        for kept in ["borrow", "2013-14", "risen", "december", "forecast", "obr"] {
            assert!(found.contains(kept), "{kept} in {found:?}");
        }
        for dropped in ["in", "has", "the", "says", "3bn", "8"] {
            assert!(!found.contains(dropped), "{dropped} in {found:?}");
        }
        // what a number counts, glued to it by a hyphen
        let found = words("He aims to win the 71-lap race, a 2-1 win.");
        assert!(found.contains("lap") && found.contains("rac"), "{found:?}");
        assert!(!found.iter().any(|w| w.starts_with(char::is_numeric)), "{found:?}");
    }
}
