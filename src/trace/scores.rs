//! A score's sides: the higher number of `a 38-21 win over the Hawks` is the
//! winner's and the lower the Hawks'. A label that gives a side the other
//! side's number (`Points the Hawks scored` on the 38) is `label-contradicts`.

use std::ops::Range;

use super::Context;
use super::contrasts::contradicts;
use super::labels::Traced;
use crate::diagnostic::Diagnostic;
use crate::numbers::Mention;

/// Words of a win, after which `over` or `against` names the loser: `a 3-2 win over Kelsby`.
const WINS: &[&str] = &["win", "victory", "triumph", "success", "rout", "thrashing", "hammering"];

/// Verbs whose object is the loser: `Redport beat Kelsby 3-2`.
const BEAT: &[&str] = &[
    "beat",
    "beats",
    "beating",
    "defeated",
    "defeating",
    "thrashed",
    "edged",
    "downed",
    "routed",
    "crushed",
    "overcame",
    "outscored",
    "outplayed",
    "hammered",
    "trounced",
    "thumped",
    "thrashing",
    "edging",
    "downing",
    "routing",
    "crushing",
    "overcoming",
    "hammering",
    "trouncing",
    "thumping",
    "demolished",
    "demolishing",
    "whitewashed",
    "whitewashing",
    "dispatched",
    "dispatching",
];

/// Words of a loss, after which `to`, `by` or `against` names the winner:
/// `a 1-4 defeat by Ardley`, `lost 3-2 to Ardley`; a verb of [`BEAT`] is one
/// after `were` (`were thrashed 5-0 by Ardley`).
const LOSSES: &[&str] = &["defeat", "defeats", "loss", "lost", "losing", "beaten", "humbled"];

/// Words that make a verb of [`BEAT`] passive.
const PASSIVE: &[&str] = &["was", "were", "been", "be", "is", "are", "get", "got"];

/// Words after which a side named in a label is the one scored against: `Goals Kelsby scored against Redport`.
const AGAINST: &[&str] = &["against", "over", "versus", "vs", "v"];

/// Labels whose number is not what the side they name scored: `Goals
/// conceded by Kelsby`, `Winning margin`.
const NOT_SCORED: &[&str] =
    &["conceded", "concede", "allowed", "margin", "deficit", "difference", "total", "combined", "aggregate", "lead"];

/// Which side of a score a named team is.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Side {
    Winner,
    Loser,
}

/// The `label-contradicts` warnings of figures traced to one side of a score
/// whose label (or, when it names no side, whose actor) gives it to the other.
pub(super) fn sides_swapped(cx: &Context, traced: &[Traced]) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for &(figure, s, mention) in traced {
        let Some((higher, lower)) = score_of(cx, s, mention) else { continue };
        let span = cx.seed.sentences[s].span.clone();
        let score = higher.start.min(lower.start)..higher.end.max(lower.end);
        let in_sentence = score.start - span.start..score.end - span.start;
        let Some((team, side)) = named_side(&cx.seed.text[span], in_sentence) else { continue };
        let label = words(&figure.label.value);
        if label.iter().any(|w| NOT_SCORED.contains(&w.as_str())) {
            continue;
        }
        let team_words = words(&team);
        // who the label says scored the number: the side it names, unless
        // the side is the one scored against
        let scorer_is_team = match find(&label, &team_words) {
            Some(at) => {
                let before = label[..at].iter().rev().find(|w| *w != "the");
                !before.is_some_and(|b| AGAINST.contains(&b.as_str()))
            }
            None => {
                let actor = cx.actor_of(figure).map(|a| &cx.briefing.actors[a]);
                let Some(actor) = actor else { continue };
                if !actor.names().any(|n| words(&n.value) == team_words) {
                    continue;
                }
                true
            }
        };
        let is_higher = mention.span == higher;
        let team_scored_higher = side == Side::Winner;
        if scorer_is_team == (is_higher == team_scored_higher) {
            continue;
        }
        let own = if is_higher { &higher } else { &lower };
        let id = cx.sentence_id(s);
        let (team_has, other_has) = if team_scored_higher { (&higher, &lower) } else { (&lower, &higher) };
        let number = |span: &Range<usize>| &cx.seed.text[span.clone()];
        let given_to = if scorer_is_team { team.clone() } else { format!("the side that played {team}") };
        let message = format!(
            "the label of `{}` gives {} to {given_to}, but in the {} of {id} {team} scored {} and the side that played them {}",
            figure.id.value,
            number(own),
            number(&score),
            number(team_has),
            number(other_has),
        );
        found.push(
            contradicts(cx, figure, message, format!("gives {} to {given_to}", number(own)))
                .related(cx.in_seed(&score), format!("{team} scored {}", number(team_has)))
                .help("check which side scored the number; if the value is right, make the label name that side"),
        );
    }
    found
}

/// The higher and the lower number of the score `m` is a side of, where
/// they differ: `38-21`, `3–2`.
fn score_of(cx: &Context, s: usize, m: &Mention) -> Option<(Range<usize>, Range<usize>)> {
    let text = &cx.seed.text;
    let whole = |m: &Mention| text[m.span.clone()].bytes().all(|b| b.is_ascii_digit());
    let mentions = &cx.mentions[s];
    let at = mentions.iter().position(|o| o.span == m.span)?;
    let joined = |a: &Mention, b: &Mention| {
        matches!(text.get(a.span.end..b.span.start), Some("-" | "–" | "—")) && whole(a) && whole(b)
    };
    let (a, b) = match (at.checked_sub(1).map(|i| &mentions[i]), mentions.get(at + 1)) {
        (Some(before), _) if joined(before, m) => (before, m),
        (_, Some(after)) if joined(m, after) => (m, after),
        _ => return None,
    };
    let value = |m: &Mention| text[m.span.clone()].parse::<u32>().ok();
    let (va, vb) = (value(a)?, value(b)?);
    match va.cmp(&vb) {
        std::cmp::Ordering::Greater => Some((a.span.clone(), b.span.clone())),
        std::cmp::Ordering::Less => Some((b.span.clone(), a.span.clone())),
        std::cmp::Ordering::Equal => None,
    }
}

/// The team a sentence names as the winner or the loser of the score at
/// `score` (byte offsets into `sentence`), by the words right beside it:
/// `a 38-21 win over the Hawks` and `beat Kelsby 3-2` name the loser, `a 1-4
/// defeat by Ardley` and `lost 3-2 to Ardley` the winner.
fn named_side(sentence: &str, score: Range<usize>) -> Option<(String, Side)> {
    let tokens: Vec<&str> = sentence.split_whitespace().collect();
    let offset = |t: &str| t.as_ptr() as usize - sentence.as_ptr() as usize;
    let at = tokens.iter().position(|t| (offset(t)..offset(t) + t.len()).contains(&score.start))?;
    let plain = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    let word = |i: usize| tokens.get(i).map(|t| plain(t)).unwrap_or_default();
    let is = |i: usize, words: &[&str]| words.contains(&word(i).as_str());
    let to_or_by = |from: usize| (from..from + 3).find(|&k| matches!(word(k).as_str(), "to" | "by" | "against"));
    let passive = |i: usize| i > 0 && is(i - 1, PASSIVE);
    // `a 38-21 win over the Hawks`, `a 38-21 home win over the Hawks`
    for i in at + 1..at + 3 {
        if is(i, WINS) && matches!(word(i + 1).as_str(), "over" | "against") {
            return name_at(&tokens, i + 2).map(|team| (team, Side::Loser));
        }
        if is(i, LOSSES) {
            return to_or_by(i + 1).and_then(|k| name_at(&tokens, k + 1)).map(|team| (team, Side::Winner));
        }
    }
    // `lost 3-2 to Ardley`, `were beaten 4-1 by Ardley`
    if at > 0 && (is(at - 1, LOSSES) || (is(at - 1, BEAT) && passive(at - 1))) {
        return to_or_by(at + 1).and_then(|k| name_at(&tokens, k + 1)).map(|team| (team, Side::Winner));
    }
    // `beat Kelsby 3-2`, `beat the Pine Sox 9-4`, and with words that say
    // who the loser is between: `demolishing his team mate Kello Varn 9-3`
    let verb = (at.saturating_sub(10)..at).find(|&i| is(i, BEAT) && !passive(i))?;
    let name_starts = (verb + 1..at).rev().take_while(|&k| tokens[k].starts_with(char::is_uppercase)).last()?;
    let unbroken = tokens[verb..name_starts].iter().all(|t| !t.ends_with([',', ';', ':']));
    let team = name_at(&tokens, name_starts)?;
    (unbroken && name_starts + team.split(' ').count() == at).then_some((team, Side::Loser))
}

/// The capitalised name that starts at token `at`, after an optional `the`.
fn name_at(tokens: &[&str], mut at: usize) -> Option<String> {
    if tokens.get(at).is_some_and(|t| t.eq_ignore_ascii_case("the")) {
        at += 1;
    }
    let mut name = Vec::new();
    for token in &tokens[at.min(tokens.len())..] {
        if !token.starts_with(char::is_uppercase) {
            break;
        }
        let plain = token.trim_end_matches(|c: char| !c.is_alphanumeric());
        let plain = plain.strip_suffix("'s").or_else(|| plain.strip_suffix("’s")).unwrap_or(plain);
        name.push(plain);
        if plain.len() < token.len() {
            break;
        }
    }
    (!name.is_empty()).then(|| name.join(" "))
}

/// The words of `text` in lower case, possessives dropped.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.trim_end_matches("'s").trim_end_matches("’s").trim_end_matches(['\'', '’']).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Where `needle` stands in `words`, word for word.
fn find(words: &[String], needle: &[String]) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    words.windows(needle.len()).position(|w| w == needle)
}
