//! Figures: a number fact is traced when a mention in one sentence states
//! it — equal as decimals after scale (or rounded by it, with `approx`), of
//! the same unit class, inside the sentence `sentence` pins and inside the
//! words `evidence` pins. A date figure traces to the same date; a date the
//! seed gives without a year (`April 1`) is in the year of the sheet's `date`.
//!
//! Which number, and whose: evidence that holds another number of the
//! figure's class is an error; a figure traced without evidence to a
//! sentence that states another number of its class is ambiguous; a
//! figure's `actor` must be named in its sentence or paragraph.

use rust_decimal::Decimal;

use super::attribution::{self, GoesOn};
use super::quotes::Found;
use super::{Context, FactKind, FactTrace, Stated, Trace, elsewhere, labels, periods};
use crate::diagnostic::Diagnostic;
use crate::numbers::{Kind, Mention, Unit, Value, is_bound};
use crate::sheet::{Actor, ActorKind, FactUnit, Figure, FigureValue};
use crate::site::format;

/// A mention of the seed: its sentence index and the mention.
type At<'m> = (usize, &'m Mention);

enum Outcome<'m> {
    Traced(Vec<At<'m>>),
    EvidenceNotFound,
    /// The evidence holds `other`, a number of the figure's class that is
    /// not the figure; `outside` states the figure in the same sentence.
    EvidenceMismatch {
        other: Option<At<'m>>,
        outside: Option<At<'m>>,
    },
    UnitMismatch(At<'m>),
    Untraced(Option<At<'m>>),
}

/// A sentence a figure may be traced in, and the evidence's spans in it (empty: no evidence).
struct Pin {
    sentence: usize,
    evidence: Vec<std::ops::Range<usize>>,
}

impl Pin {
    /// The mention stands in the evidence words, or there are none.
    fn holds(&self, m: &Mention) -> bool {
        self.evidence.is_empty() || self.evidence.iter().any(|e| e.start < m.span.end && m.span.start < e.end)
    }
}

pub(super) fn trace(cx: &Context, trace: &mut Trace) {
    let mut traced: Vec<labels::Traced> = Vec::new();
    for figure in &cx.briefing.figures {
        let outcome = outcome(cx, figure);
        let mut fact = FactTrace {
            briefing: cx.briefing.slug.clone(),
            kind: FactKind::Number,
            id: figure.id.value.clone(),
            stated: None,
            also: Vec::new(),
        };
        match outcome {
            Outcome::Traced(mut found) => {
                // a hedged figure traces to the first sentence that hedges it so
                // (`valued up to $6 billion`), not to a headline's bare `$6B`
                let hedged_so =
                    figure.qualifier.as_ref().and_then(|q| found.iter().position(|&at| hedged_as(cx, at, &q.value)));
                if let Some(at) = hedged_so {
                    let hedged = found.remove(at);
                    found.insert(0, hedged);
                }
                let (first, mention) = found[0];
                fact.stated = Some(cx.stated(first, mention.span.clone()));
                // a count whose noun follows it is stated again only where the noun
                // follows too; any count, not where another noun follows
                let noun = match figure.unit() {
                    Some(FactUnit::Noun(noun)) => Some((noun.as_str(), counts_noun(cx, first, mention, noun))),
                    _ => None,
                };
                let of_the_noun = |&(s, o): &At| match noun {
                    Some((noun, true)) => counts_noun(cx, s, o, noun),
                    Some((noun, false)) => !counts_another(cx, s, o, noun),
                    None => true,
                };
                let mut others: Vec<At> =
                    found[1..].iter().copied().filter(|(s, _)| *s != first).filter(of_the_noun).collect();
                others.dedup_by_key(|(s, _)| *s);
                fact.also = others.iter().map(|(s, m)| cx.stated(*s, m.span.clone())).collect();
                trace.diagnostics.extend(hedge_warning(cx, figure, (first, mention)));
                trace.diagnostics.extend(ambiguous(cx, figure, (first, mention)));
                trace.diagnostics.extend(another_measure(cx, figure, (first, mention)));
                trace.diagnostics.extend(out_of_context(cx, figure, first));
                traced.push((figure, first, mention));
                if !others.is_empty() {
                    trace.diagnostics.push(also_stated(cx, figure, &others));
                }
            }
            Outcome::EvidenceNotFound => trace.diagnostics.push(evidence_not_found(cx, figure)),
            Outcome::EvidenceMismatch { other, outside } => {
                trace.diagnostics.push(evidence_mismatch(cx, figure, other, outside));
            }
            Outcome::UnitMismatch(at) => trace.diagnostics.push(unit_mismatch(cx, figure, at)),
            Outcome::Untraced(closest) => trace.diagnostics.push(untraced(cx, figure, closest)),
        }
        trace.facts.push(fact);
    }
    trace.diagnostics.extend(traced_twice(cx, &traced));
    trace.diagnostics.extend(labels::repeated(cx));
    trace.diagnostics.extend(labels::names_another(cx));
    trace.diagnostics.extend(super::owners::beside_another(cx, &traced, same_class));
    let read = labels::Words::new(cx, &traced);
    trace.diagnostics.extend(labels::swapped(cx, &read, &traced, same_class));
    trace.diagnostics.extend(labels::beside_another(cx, &read, &traced, same_class));
    trace.diagnostics.extend(periods::named_for_another(cx, &traced));
    trace.diagnostics.extend(super::contrasts::contradicted(cx, &traced));
    trace.diagnostics.extend(super::scores::sides_swapped(cx, &traced));
    trace.diagnostics.extend(super::changes::contradicted(cx, &traced));
    trace.diagnostics.extend(super::extremes::contradicted(cx, &traced));
    trace
        .diagnostics
        .extend(elsewhere::elsewhere(cx, &read, &traced, same_class, |f, m| same_class(f, m) && states(f, m)));
}

fn outcome<'m>(cx: &'m Context, figure: &Figure) -> Outcome<'m> {
    let Some(pins) = pins(cx, figure) else {
        return Outcome::EvidenceNotFound;
    };
    let all = || cx.mentions.iter().enumerate().flat_map(|(s, ms)| ms.iter().map(move |m| (s, m)));
    let in_pinned = || pins.iter().flat_map(|pin| cx.mentions[pin.sentence].iter().map(move |m| (pin, m)));
    let candidates = || in_pinned().filter(|(pin, m)| pin.holds(m)).map(|(pin, m)| (pin.sentence, m));
    let year = cx.briefing.date.as_ref().map(|d| d.value.get(..4).unwrap_or_default());
    let stating = |m: &Mention| match &figure.value.value {
        FigureValue::Date(date) => states_date(date, year, m),
        FigureValue::Time(time) => states_time(time, m),
        FigureValue::Number(_) => same_class(figure, m) && (states(figure, m) || fall_signed_twice(cx, figure, m)),
    };
    let mut found: Vec<At> = candidates().filter(|(_, m)| stating(m)).collect();
    // a count of a thing traces first where the thing follows it: `12 points`, not `12 games`
    if let Some(FactUnit::Noun(noun)) = figure.unit()
        && found.iter().any(|(s, m)| counts(cx, *s, m, noun))
    {
        found.sort_by_key(|(s, m)| !counts(cx, *s, m, noun));
    }
    if let Some(counted) = counted_elsewhere(cx, figure, &found) {
        return Outcome::Untraced(Some(counted));
    }
    if !found.is_empty() {
        return Outcome::Traced(found);
    }
    if figure.evidence.is_some() {
        let of_class = |m: &Mention| match &figure.value.value {
            FigureValue::Date(_) => m.kind == Kind::Date,
            FigureValue::Time(_) => m.kind == Kind::Time,
            FigureValue::Number(_) => same_class(figure, m),
        };
        let other = candidates().find(|(_, m)| of_class(m));
        let outside = in_pinned().map(|(pin, m)| (pin.sentence, m)).find(|(_, m)| stating(m));
        if other.is_some() || outside.is_some() {
            return Outcome::EvidenceMismatch { other, outside };
        }
    }
    if let Some(at) = candidates().find(|(_, m)| equal_value(figure, m)) {
        return Outcome::UnitMismatch(at);
    }
    let Some(fact) = figure.value.value.number() else {
        // a date: the same day without a year, in a text of another year, is the closest
        return Outcome::Untraced(candidates().find(|(_, m)| yearless_match(figure, m).is_some()));
    };
    let distance = |m: &Mention| m.value.number().map(|v| (v - fact).abs());
    let closest = all()
        .filter(|(_, m)| same_class(figure, m))
        .filter_map(|at| Some((distance(at.1)?, at)))
        .min_by_key(|(d, _)| *d);
    Outcome::Untraced(closest.map(|(_, at)| at))
}

/// A date mention states the date figure `date` (`2025-04-01`, `2025-04`):
/// the same date, or the same day without a year (`--04-01`) when the
/// sheet's date is in that year.
fn states_date(date: &str, sheet_year: Option<&str>, m: &Mention) -> bool {
    let Value::Iso(stated) = &m.value else { return false };
    if m.kind != Kind::Date {
        return false;
    }
    if stated == date {
        return true;
    }
    match (stated.strip_prefix("--"), date.split_at_checked(4)) {
        (Some(day), Some((year, rest))) => sheet_year == Some(year) && rest.strip_prefix('-') == Some(day),
        _ => false,
    }
}

/// The sentences the figure may be traced in — all, or the one `sentence`
/// pins — with the spans of the evidence words in each. `None` when the
/// evidence stands in no sentence it may be traced in.
fn pins(cx: &Context, figure: &Figure) -> Option<Vec<Pin>> {
    let sentences: Vec<usize> = match &figure.sentence {
        Some(pin) => vec![pin.value - 1],
        None => (0..cx.seed.sentences.len()).collect(),
    };
    let Some(evidence) = &figure.evidence else {
        return Some(sentences.into_iter().map(|sentence| Pin { sentence, evidence: Vec::new() }).collect());
    };
    let words = super::fold::Folded::new(&evidence.value).text;
    let words = words.trim();
    if words.is_empty() {
        return None;
    }
    // one search of every sentence at once: the words hold no line break, so
    // none is found across two sentences
    let mut pins: Vec<Pin> = Vec::new();
    for at in memchr::memmem::find_iter(cx.folded_all.as_bytes(), words.as_bytes()) {
        let s = cx.folded_starts.partition_point(|start| *start <= at) - 1;
        if sentences.binary_search(&s).is_err() {
            continue;
        }
        let (folded, sentence) = (&cx.folded[s], &cx.seed.sentences[s]);
        let from = at - cx.folded_starts[s];
        let span = folded.original_span(sentence.raw(&cx.seed.text), from, from + words.len());
        let span = span.start + sentence.span.start..span.end + sentence.span.start;
        match pins.last_mut() {
            Some(pin) if pin.sentence == s => pin.evidence.push(span),
            _ => pins.push(Pin { sentence: s, evidence: vec![span] }),
        }
    }
    (!pins.is_empty()).then_some(pins)
}

/// The mention is the time `time` (as the sheet's value is written): the
/// same hours, minutes, seconds and decimals (`02:05:41` is `2:05:41`).
fn states_time(time: &str, m: &Mention) -> bool {
    match &m.value {
        Value::Iso(said) => m.kind == Kind::Time && crate::numbers::time_shown(said).as_deref() == Some(time),
        _ => false,
    }
}

/// The unit classes (docs/matching.md): `%` needs a percentage, `pp` percentage
/// points, a currency the same currency, anything else a plain number. A
/// fraction in words is also a percentage for an `approx` figure (`two-thirds` is 67%).
fn same_class(figure: &Figure, m: &Mention) -> bool {
    // a time or a race's time is of the class of the times its sentences state
    if let FigureValue::Time(_) = figure.value.value {
        return m.kind == Kind::Time && matches!(m.value, Value::Iso(_));
    }
    // a date is of the class of dates: `six days later` is no date
    if let FigureValue::Date(_) = figure.value.value {
        return m.kind == Kind::Date;
    }
    if !matches!(m.value, Value::Number(_)) {
        return false;
    }
    // a place (`in 10th`) is a whole number: no gap of 0.98 seconds is one
    let whole = figure.value.value.number().is_some_and(|n| n.fract().is_zero());
    if m.kind == Kind::Ordinal && !whole {
        return false;
    }
    match figure.unit() {
        Some(FactUnit::Percent) => m.unit == Some(Unit::Percent) || (m.fraction && figure.approx),
        Some(FactUnit::PercentagePoints) => m.unit == Some(Unit::PercentagePoints),
        Some(FactUnit::BasisPoints) => m.unit == Some(Unit::BasisPoints),
        Some(FactUnit::Currency(code)) => matches!(m.unit, Some(Unit::Currency(c)) if c == code),
        Some(FactUnit::Year) => m.kind == Kind::Year,
        // `a third` (more parcels) is no count of a figure of 500,000 parcels
        Some(FactUnit::Noun(_)) | None => {
            let part = |n: Decimal| n < Decimal::ONE;
            let part_of_one = m.fraction && matches!(m.value, Value::Number(n) if part(n));
            let figure_a_part = figure.value.value.number().is_some_and(part);
            m.unit.is_none() && m.kind != Kind::Year && (!part_of_one || figure_a_part)
        }
    }
}

/// The mention states the figure's value: equal, or rounded by it with `approx`.
fn states(figure: &Figure, m: &Mention) -> bool {
    if let FigureValue::Time(time) = &figure.value.value {
        return states_time(time, m);
    }
    let (Some(stated), Some(fact)) = (m.value.number(), figure.value.value.number()) else { return false };
    let as_percent = m.fraction && matches!(figure.unit(), Some(FactUnit::Percent));
    let stated = if as_percent { stated * Decimal::ONE_HUNDRED } else { stated };
    stated == fact || (figure.approx && m.kind != Kind::Year && figure.rounds(stated))
}

/// `fell -9.3%` states a fall of 9.3%: the figure's value is the size of a
/// fall its sentence writes with a sign as well as a word.
fn fall_signed_twice(cx: &Context, figure: &Figure, m: &Mention) -> bool {
    let (Some(stated), Some(fact)) = (m.value.number(), figure.value.value.number()) else { return false };
    let text = &cx.seed.text[m.span.clone()];
    let signed = text.starts_with(['-', '\u{2212}']) && stated.is_sign_negative();
    let before = cx.seed.text[..m.span.start].trim_end();
    let fell = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .is_some_and(|w| w == "down" || super::contrasts::FALLS.contains(&w.to_lowercase().as_str()));
    signed && fell && -stated == fact
}

fn equal_value(figure: &Figure, m: &Mention) -> bool {
    let Some(fact) = figure.value.value.number() else { return false };
    m.value.number().is_some_and(|v| v == fact || (figure.approx && figure.rounds(v)))
}

/// The figure as the site publishes it: `approximately 2.4%`, `£40bn`, `100,000 troops`.
pub(super) fn describe(figure: &Figure) -> String {
    let qualifier = figure.qualifier.as_ref().map(|q| q.value.as_str());
    format::figure(&figure.value.value, figure.unit(), qualifier)
}

fn mention_text<'a>(cx: &'a Context, m: &Mention) -> &'a str {
    &cx.seed.text[m.span.clone()]
}

fn untraced(cx: &Context, figure: &Figure, closest: Option<At>) -> Diagnostic {
    let seed = cx.seed.path.display();
    let mut d =
        Diagnostic::error("untraced-number", format!("{} is not stated in any sentence of {seed}", describe(figure)))
            .at(cx.in_sheet(&figure.value.span))
            .label("not in the seed");
    let help = match closest {
        Some((s, m)) => {
            let text = mention_text(cx, m);
            d = d.related(cx.in_seed(&m.span), format!("closest: {} states {text}", cx.sentence_id(s)));
            match yearless_match(figure, m) {
                Some(day) => yearless_help(&day),
                None => format!(
                    "if the seed's {text} is meant, write its value; if the figure is rounded, add `approx: true`"
                ),
            }
        }
        None => format!("check the figure against the seed (`tracebrief scan {seed}` lists its numbers)"),
    };
    d.help(help)
}

fn unit_mismatch(cx: &Context, figure: &Figure, (s, m): At) -> Diagnostic {
    let text = mention_text(cx, m);
    let year = m.kind == Kind::Year;
    let stated_unit = match m.unit {
        Some(u) => format!("unit {u}"),
        None if year => "a year".to_string(),
        None => "a plain number".to_string(),
    };
    Diagnostic::error(
        "unit-mismatch",
        format!("{} has the value of {} in {}, but not its unit", describe(figure), text, cx.sentence_id(s)),
    )
    .at(cx.in_sheet(&figure.unit.as_ref().map_or(figure.value.span.clone(), |u| u.span.clone())))
    .label("this unit")
    .related(cx.in_seed(&m.span), format!("{} states {text}: {stated_unit}", cx.sentence_id(s)))
    .help(if year {
        "a year is a figure with `unit: year`".to_string()
    } else if bare_dollar(text)
        && figure.unit.as_ref().is_some_and(|u| matches!(&u.value, FactUnit::Currency(code) if code.ends_with('D')))
    {
        // `$21.50` in an Auckland story: the text does not say which dollar
        "the seed writes a bare `$`, which tracebrief reads as US dollars: it states no other dollar; to publish the sum as the seed gives it, write `unit: \"$\"`".to_string()
    } else {
        "give the unit the seed states: `%`, `pp`, `bp`, a currency code, `year`, or a noun for a plain number".to_string()
    })
}

/// A sum written with `$` alone, no country before it (`$35,000`, not `A$35,000`).
fn bare_dollar(text: &str) -> bool {
    let start = text.trim_start_matches(|c: char| c.is_alphabetic() || c.is_whitespace());
    start.starts_with('$')
        && text[..text.len() - start.len()].split_whitespace().all(|w| w.chars().all(char::is_lowercase))
}

fn evidence_not_found(cx: &Context, figure: &Figure) -> Diagnostic {
    let span = figure.evidence.as_ref().map_or(&figure.value.span, |e| &e.span);
    let pinned = figure.sentence.as_ref().map_or("any sentence".to_string(), |p| format!("sentence s{}", p.value));
    Diagnostic::error(
        "evidence-not-found",
        format!("the evidence of `{}` does not stand in {pinned} of {}", figure.id.value, cx.seed.path.display()),
    )
    .at(cx.in_sheet(span))
    .label("not in the seed")
    .help("copy the evidence words exactly from the sentence that states the figure")
}

/// A label that names a limit (`Higher-rate threshold`, `Income at which
/// the rate starts`): the figure is the bound itself, exactly.
fn names_a_limit(label: &str) -> bool {
    const LIMITS: &[&str] = &[
        "threshold",
        "thresholds",
        "limit",
        "limits",
        "cap",
        "ceiling",
        "floor",
        "cut-off",
        "cutoff",
        "minimum",
        "maximum",
    ];
    let lower = label.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()).collect();
    words.iter().any(|w| LIMITS.contains(w) || w.ends_with("-threshold") || w.ends_with("-limit"))
        || words.windows(2).any(|p| matches!(p[0], "at" | "above" | "below" | "over" | "under") && p[1] == "which")
}

/// The label says the hedge's own word, or its verb: `estimated` for `an estimated`.
fn says_the_hedge(label: &str, hedge: &str) -> bool {
    const ESTIMATES: &[&str] = &["estimated", "estimate", "estimates", "roughly", "approximately", "around", "about"];
    let word = hedge.split_whitespace().last().unwrap_or_default();
    let lower = label.to_lowercase();
    ESTIMATES.contains(&word)
        && lower
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w == word || (word == "estimated" && w.starts_with("estimate")))
}

fn hedge_warning(cx: &Context, figure: &Figure, (s, m): At) -> Option<Diagnostic> {
    let text = mention_text(cx, m);
    let id = cx.sentence_id(s);
    if figure.qualifier.as_ref().is_some_and(|q| hedged_as(cx, (s, m), &q.value)) {
        return None;
    }
    // `up to A$400 million (£210 million)`: a sum restated in brackets keeps the hedge
    let restated_from = cx.mentions[s].iter().find(|o| {
        o.span.end <= m.span.start && cx.seed.text[o.span.end..m.span.start].trim() == "(" && o.hedge.is_some()
    });
    let hedge = m.hedge.or(restated_from.and_then(|o| o.hedge));
    match (hedge, &figure.qualifier) {
        // `anyone who earns more than £38,500 pays`: the bound is the limit the label names
        (Some(hedge), None) if is_bound(hedge) && names_a_limit(&figure.label.value) => None,
        // `People the authorities estimated were aboard`: the label says the hedge itself
        (Some(hedge), None) if says_the_hedge(&figure.label.value, hedge) => None,
        (Some(hedge), None) => Some(
            Diagnostic::warning(
                "dropped-hedge",
                format!("{id} hedges the figure (\"{text}\") but the sheet states it bare"),
            )
            .at(cx.in_sheet(&figure.value.span))
            .label("no qualifier")
            .related(cx.in_seed(&m.span), format!("{id} says {text}"))
            .help(format!("add `qualifier: {hedge}`")),
        ),
        (hedge, Some(q)) if hedge.is_none_or(|h| !h.eq_ignore_ascii_case(q.value.trim())) => Some(
            Diagnostic::warning(
                "qualifier-mismatch",
                format!("the sheet qualifies the figure \"{}\", but {id} says {text}", q.value),
            )
            .at(cx.in_sheet(&q.span))
            .label("this qualifier")
            .related(cx.in_seed(&m.span), format!("{id} says {text}"))
            .help(match hedge {
                Some(h) => format!("use the seed's hedge: `qualifier: {h}`"),
                None => "the seed states the figure without a hedge: remove `qualifier:`".to_string(),
            }),
        ),
        _ => None,
    }
}

fn evidence_mismatch(cx: &Context, figure: &Figure, other: Option<At>, outside: Option<At>) -> Diagnostic {
    let evidence = figure.evidence.as_ref().map_or(&figure.value.span, |e| &e.span);
    let shown = describe(figure);
    let (message, label) = match other {
        Some((_, m)) => (
            format!("the evidence of `{}` holds {}, not the figure's {shown}", figure.id.value, mention_text(cx, m)),
            format!("the evidence holds {}", mention_text(cx, m)),
        ),
        None => (
            format!("the figure's {shown} does not stand in the evidence words of `{}`", figure.id.value),
            "not in the evidence words".to_string(),
        ),
    };
    // the value and the evidence disagree: the caret is on the value, the evidence beside it
    let mut d = Diagnostic::error("evidence-mismatch", message)
        .at(cx.in_sheet(&figure.value.span))
        .label(label)
        .related(cx.in_sheet(evidence), "the evidence words");
    if let Some((s, m)) = other {
        d = d.related(cx.in_seed(&m.span), format!("{} states {} here", cx.sentence_id(s), mention_text(cx, m)));
    }
    let help = match outside {
        Some((s, m)) => {
            d = d.related(cx.in_seed(&m.span), format!("{} states {} here", cx.sentence_id(s), mention_text(cx, m)));
            format!("if {} is meant, pin its own words: `evidence: {}`", mention_text(cx, m), evidence_for(cx, s, m))
        }
        None => match other.and_then(|(_, m)| yearless_match(figure, m)) {
            Some(day) => yearless_help(&day),
            None => "correct the value, or pin the words of the sentence that hold the figure's number".to_string(),
        },
    };
    d.help(help)
}

fn yearless_help(day: &str) -> String {
    format!(
        "the sentence gives the day without a year, and such a day is read in the year of the sheet's `date:`: \
         publish it as the sentence gives it, `value: \"{day}\"`, or pin words that give the year"
    )
}

/// The seed's date without a year (`--05-03`) when it is the figure's date
/// (`2023-05-03`) in some year: the sentence does not say which.
fn yearless_match(figure: &Figure, m: &Mention) -> Option<String> {
    let (Value::Iso(day), FigureValue::Date(date)) = (&m.value, &figure.value.value) else {
        return None;
    };
    let month_day = day.strip_prefix("--")?;
    (date.len() == 10 && date.ends_with(month_day) && date.as_bytes()[4] == b'-').then(|| day.clone())
}

/// A figure traced without evidence to a sentence that states another
/// number of its class: which of the two is meant cannot be told.
fn ambiguous(cx: &Context, figure: &Figure, (s, m): At) -> Option<Diagnostic> {
    // only numbers: a date figure traces to its own date alone
    figure.value.value.number()?;
    // evidence settles which number is meant, unless it holds another of the class too (`68-29`)
    let pinned = match &figure.evidence {
        Some(_) => Some(pins(cx, figure)?.into_iter().find(|pin| pin.sentence == s)?),
        None => None,
    };
    let in_evidence = |o: &Mention| pinned.as_ref().is_none_or(|pin| pin.holds(o));
    let noun = match figure.unit() {
        Some(FactUnit::Noun(noun)) => Some(noun.as_str()),
        _ => None,
    };
    // a count whose noun follows it is told apart from counts of other things
    let fits = |o: &Mention| {
        noun.is_none_or(|noun| (!counts(cx, s, m, noun) || counts(cx, s, o, noun)) && !counts_another(cx, s, o, noun))
    };
    // `Eastmoor, one of the frontrunners, …`: one of a kind, that no figure counts
    let one_of = |o: &Mention| {
        cx.seed.text[o.span.clone()].eq_ignore_ascii_case("one") && cx.seed.text[o.span.end..].starts_with(" of ")
    };
    // `11.5 cents per share, or 124 million euros`: a rate is told from a sum
    let rate = |o: &Mention| is_rate(&cx.seed.text[o.span.end..cx.seed.sentences[s].span.end]);
    let other = cx.mentions[s].iter().find(|o| {
        o.span != m.span
            && same_class(figure, o)
            && o.value != m.value
            && fits(o)
            && in_evidence(o)
            && !one_of(o)
            && rate(o) == rate(m)
    })?;
    let id = cx.sentence_id(s);
    let holds = match &figure.evidence {
        Some(evidence) => format!("the evidence `{}` holds", evidence.value),
        None => format!("{id} states"),
    };
    Some(
        Diagnostic::warning(
            "ambiguous-figure",
            format!(
                "{holds} both {} and {}: which one `{}` means cannot be told",
                mention_text(cx, m),
                mention_text(cx, other),
                figure.id.value
            ),
        )
        .at(cx.in_sheet(&figure.value.span))
        .label(format!("traced to {}", mention_text(cx, m)))
        .related(cx.in_seed(&m.span), format!("{id} states {} here", mention_text(cx, m)))
        .related(cx.in_seed(&other.span), format!("and {} here", mention_text(cx, other)))
        .help(match &figure.evidence {
            Some(_) => format!("pin its own number alone: `evidence: {}`", evidence_for(cx, s, m)),
            None => format!("say which is meant: add `evidence: {}`", evidence_for(cx, s, m)),
        }),
    )
}

/// The words after a number make it a rate: `per share`, `a barrel`, `an hour`.
fn is_rate(after: &str) -> bool {
    const EACH: &[&str] = &[
        "share",
        "barrel",
        "day",
        "week",
        "month",
        "year",
        "hour",
        "head",
        "tonne",
        "ton",
        "litre",
        "liter",
        "gallon",
        "kilo",
        "kilogram",
        "unit",
        "night",
        "person",
        "pupil",
        "household",
        "game",
        "match",
    ];
    let mut words = after.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase());
    match words.next().as_deref() {
        Some("per") => true,
        // not a period before (`£3.2bn a year before`)
        Some("a" | "an" | "each") => {
            words.next().is_some_and(|w| EACH.contains(&w.as_str()))
                && !words.next().is_some_and(|w| ["before", "earlier", "ago", "later", "after"].contains(&w.as_str()))
        }
        _ => false,
    }
}

/// Nouns that measure the same thing, each unit with its spellings: a figure
/// counted in one unit that its sentence counts in another has the wrong
/// unit (`unit: seconds` for "eight minutes", `unit: runs` for "five wickets").
/// The short forms of time among [`MEASURES`].
const TIME_SHORT: &[&str] = &["sec", "secs", "min", "mins", "hr", "hrs", "wk", "yr", "yrs"];

const MEASURES: &[&[&[&str]]] = &[
    &[
        &["second", "sec", "secs"],
        &["minute", "min", "mins"],
        &["hour", "hr", "hrs"],
        &["day"],
        &["week", "wk"],
        &["month"],
        &["year", "yr", "yrs"],
        &["decade"],
        &["century", "centuries"],
    ],
    &[&["run"], &["wicket"], &["over"], &["ball"], &["innings"]],
    &[&["goal"], &["point", "pt", "pts"], &["try", "tries"], &["assist"]],
    &[&["vote"], &["seat"]],
    &[
        &["metre", "meter", "m"],
        &["kilometre", "kilometer", "km", "kms"],
        &["mile", "mi"],
        &["yard", "yd", "yds"],
        &["foot", "feet", "ft"],
        &["inch", "inches", "in"],
        &["centimetre", "centimeter", "cm"],
        &["millimetre", "millimeter", "mm"],
    ],
    &[
        &["gram", "gramme", "g"],
        &["kilogram", "kilogramme", "kg", "kgs", "kilo"],
        &["tonne", "t"],
        &["ton"],
        &["pound", "lb", "lbs"],
        &["ounce", "oz"],
    ],
    &[
        &["litre", "liter", "l"],
        &["gallon", "gal"],
        &["barrel", "bbl"],
        &["cubic metre", "cubic meter", "m3", "m³"],
        &["cubic foot", "cubic feet", "cu ft"],
    ],
    &[
        &["hectare", "ha"],
        &["acre"],
        &["square metre", "square meter", "m2", "m²"],
        &["square kilometre", "square kilometer", "km2", "km²"],
        &["square mile"],
        &["square foot", "square feet"],
    ],
    // containers, in twenty-foot equivalent units
    &[&["teu", "teus"]],
    &[&["watt"], &["kilowatt", "kw"], &["megawatt", "mw"], &["gigawatt", "gw"], &["terawatt", "tw"]],
    &[&["kilowatt-hour", "kwh"], &["megawatt-hour", "mwh"], &["gigawatt-hour", "gwh"], &["terawatt-hour", "twh"]],
    &[&["celsius", "centigrade", "c"], &["fahrenheit", "f"]],
];

/// Units of [`MEASURES`] counted only in whole numbers (an over has balls: `12.3 overs`).
const WHOLE_ONLY: &[&str] = &["run", "wicket", "ball", "innings", "vote", "seat"];

/// Mention `m` may count in `unit` (a measure and a unit of [`MEASURES`]):
/// runs, wickets, balls and votes are whole, so `a 48.62 run` is a race, timed.
fn may_count_in(m: &Mention, unit: (usize, usize)) -> bool {
    let whole_only = WHOLE_ONLY.iter().any(|w| measure_of(w) == Some(unit));
    !(whole_only && m.value.number().is_some_and(|n| !n.fract().is_zero()))
}

/// The measure and the unit of `word` (singular or plural, any spelling).
fn measure_of(word: &str) -> Option<(usize, usize)> {
    let word = word.to_lowercase();
    let singular = match word.strip_suffix("ies") {
        Some(stem) => format!("{stem}y"),
        None if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") => word[..word.len() - 1].to_string(),
        None => word.clone(),
    };
    MEASURES.iter().enumerate().find_map(|(f, units)| {
        let unit = units
            .iter()
            .position(|spellings| spellings.contains(&word.as_str()) || spellings.contains(&singular.as_str()))?;
        Some((f, unit))
    })
}

/// Units of [`MEASURES`] written as English words are written: `in`, `over`, `m`.
const SHORT_FORMS_THAT_ARE_WORDS: &[&str] = &["in", "over", "m", "t", "g", "mi"];

/// Nouns that count any people.
const GENERIC_PEOPLE: &[&str] = &["people", "persons", "individuals"];

/// Nouns of people: what `unit: people` may count.
const PEOPLE: &[&str] = &[
    "people",
    "persons",
    "individuals",
    "migrants",
    "refugees",
    "residents",
    "workers",
    "employees",
    "staff",
    "students",
    "pupils",
    "patients",
    "voters",
    "passengers",
    "visitors",
    "tourists",
    "fans",
    "spectators",
    "soldiers",
    "troops",
    "civilians",
    "children",
    "adults",
    "men",
    "women",
    "members",
    "seekers",
    "protesters",
    "demonstrators",
    "survivors",
    "victims",
    "inmates",
    "prisoners",
    "officers",
    "nurses",
    "doctors",
    "teachers",
    "customers",
    "users",
    "players",
    "athletes",
    "runners",
    "guests",
    "attendees",
    "delegates",
    "volunteers",
    "evacuees",
    "casualties",
    "pilgrims",
    "immigrants",
    "emigrants",
    "arrivals",
];

/// Words in the plural after a number that count nothing a measure could be.
const NOT_COUNTED: &[&str] = &["was", "has", "its", "this", "thus", "does", "is"];

/// A figure whose noun unit its sentence's number does not count: the noun
/// right after the number is another unit of the same measure, or a unit in
/// full words where the figure counts a measure of another kind (`nine
/// minutes` given in `points`, `18 points` in `seconds`), or things in the
/// plural where the figure counts a measure (`12 laps` given in `minutes`).
/// A compound after it (`13 second-half minutes`) is no unit of the number's.
fn another_measure(cx: &Context, figure: &Figure, (s, m): At) -> Option<Diagnostic> {
    let Some(FactUnit::Noun(noun)) = figure.unit() else { return None };
    // a speed is told from another speed
    if let Some(own) = speed_of(noun) {
        let end = cx.seed.sentences[s].span.end;
        let after: Vec<&str> = cx.seed.text[m.span.end.min(end)..end].split_whitespace().take(3).collect();
        let (n, said) = (1..=after.len()).rev().find_map(|n| speed_of(&after[..n].join(" ")).map(|said| (n, said)))?;
        let word = after[..n].join(" ");
        let word = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        return (own != said).then(|| measure_mismatch(cx, figure, (s, m), noun, word));
    }
    // a rate (`tonnes per hectare`) is told from a rate in other units
    if let Some(own) = rate_of(noun) {
        let end = cx.seed.sentences[s].span.end;
        let after = cx.seed.text[m.span.end.min(end)..end].trim_start();
        let written: String = after.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
        let said = rate_of(&written)?;
        let differ = |a: &str, b: &str| matches!((measure_of(a), measure_of(b)), (Some(x), Some(y)) if x != y);
        let word = match written.contains(" per ") {
            true => format!("{} per {}", said.0, said.1),
            false => format!("{}/{}", said.0, said.1),
        };
        return (differ(own.0, said.0) || differ(own.1, said.1))
            .then(|| measure_mismatch(cx, figure, (s, m), noun, &word));
    }
    // (`metric tons` are tonnes)
    let lower = noun.to_lowercase();
    let last = match () {
        _ if lower.starts_with("metric ton") => "tonnes",
        // a volume or an area in two words: `cubic metres`
        _ if lower.starts_with("cubic ") || lower.starts_with("square ") => noun,
        _ => noun.split_whitespace().last()?,
    };
    let Some((family, unit)) = measure_of(last) else {
        return things_measured(cx, figure, (s, m), noun);
    };
    let word = unit_within(cx, m).or_else(|| word_after(cx, s, m)).or_else(|| elided(cx, s, m))?;
    let rest = &cx.seed.text[m.span.end.min(cx.seed.text.len())..];
    if rest.trim_start().trim_start_matches(|c: char| !c.is_whitespace()).trim_start().starts_with("per ") {
        return None;
    }
    let Some((said_family, said)) = measure_of(word) else {
        // a measure is no count of things: `unit: minutes` on "the final 12 laps"
        // (`The total of 6,300 equates to 35 exclusions a day`: a verb, no plural)
        let a_plural = word.len() >= 4 && word.ends_with('s') && !word.ends_with("ss") && !VERBS_IN_S.contains(&word);
        // (`40 degrees` of a figure in `degrees Celsius` is in its unit)
        let in_its_unit = noun.to_lowercase().split_whitespace().any(|w| w == word || format!("{w}s") == word);
        let counted = word.starts_with(char::is_lowercase) && a_plural && !NOT_COUNTED.contains(&word) && !in_its_unit;
        return counted.then(|| measure_mismatch(cx, figure, (s, m), noun, word));
    };
    if !may_count_in(m, (said_family, said)) {
        return None;
    }
    // short forms stand for other words too (`in`, `m`, `over`): only a unit written out is sure
    if (said_family == family && said == unit) || (said_family != family && !written_out(word)) {
        return None;
    }
    Some(measure_mismatch(cx, figure, (s, m), noun, word))
}

/// A figure that counts things (`unit: lengths`) where its sentence gives
/// the number in a unit of a measure, written out (`three seconds clear`):
/// a measure is no count of things. A noun with a measure in it (`minutes
/// played`, `man-hours`) is left alone.
fn things_measured(cx: &Context, figure: &Figure, (s, m): At, noun: &str) -> Option<Diagnostic> {
    if noun.split(|c: char| c.is_whitespace() || c == '-').any(|w| measure_of(w).is_some()) {
        return None;
    }
    let word = word_after(cx, s, m)?;
    // (a unit word in lower case, not a name's initials)
    let in_full = written_out(word) && word.chars().count() >= 4 && word.starts_with(char::is_lowercase);
    (in_full && measure_of(word).is_some()).then(|| measure_mismatch(cx, figure, (s, m), noun, word))
}

/// A unit written out, not a short form that stands for other words too
/// (`in`, `m`, `over`, `hrs`): only a unit written out is sure.
fn written_out(word: &str) -> bool {
    let lower = word.to_lowercase();
    word.chars().count() >= 3
        && !TIME_SHORT.contains(&lower.as_str())
        && !SHORT_FORMS_THAT_ARE_WORDS.contains(&lower.as_str())
}

/// The two units of a rate: `t/ha`, `tonnes per hectare` (the first word
/// after `per`).
fn rate_of(text: &str) -> Option<(&str, &str)> {
    let (top, bottom) = text.split_once(" per ").or_else(|| {
        let glued = text.split_whitespace().next()?;
        glued.split_once('/')
    })?;
    let top = top.split_whitespace().last()?;
    let bottom = bottom.split_whitespace().next()?.trim_end_matches(|c: char| !c.is_alphanumeric());
    (!top.is_empty() && !bottom.is_empty()).then_some((top, bottom))
}

/// The unit a number in words holds, written out: `a mile and a half` is in miles.
fn unit_within<'a>(cx: &'a Context, m: &Mention) -> Option<&'a str> {
    let text = &cx.seed.text[m.span.clone()];
    if !matches!(m.kind, Kind::Count) || text.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    text.split(|c: char| !c.is_alphabetic()).find(|w| w.chars().count() >= 4 && measure_of(w).is_some())
}

/// `unit-mismatch`: the figure counts `noun`, and its sentence states the number in `word`.
fn measure_mismatch(cx: &Context, figure: &Figure, (s, m): At, noun: &str, word: &str) -> Diagnostic {
    let id = cx.sentence_id(s);
    let text = mention_text(cx, m);
    // (a number in words may hold its unit: `a mile and a half`)
    let holds_it = text.match_indices(word).any(|(at, _)| super::fold::whole_words(text, at, at + word.len()));
    let said = if holds_it { text.to_string() } else { format!("{text} {word}") };
    Diagnostic::error("unit-mismatch", format!("`{}` counts {noun}, but {id} counts {said}", figure.id.value))
        .at(cx.in_sheet(&figure.unit.as_ref().map_or(figure.value.span.clone(), |u| u.span.clone())))
        .label("this unit")
        .related(cx.in_seed(&m.span), format!("{id} states {said}"))
        .help(format!("give the unit the seed counts: `unit: {word}`"))
}

/// The speed `text` begins with, as one spelling of it: `mph` for `miles per
/// hour`, `kph` for `km/h`, `knots`.
fn speed_of(text: &str) -> Option<&'static str> {
    let text = text.to_lowercase();
    let text = text.trim_end_matches(|c: char| !c.is_alphanumeric());
    let (distance, time) =
        match text.split_once(" per ").or_else(|| text.split_once(" an ")).or_else(|| text.split_once('/')) {
            Some((distance, time)) => (distance.trim(), time.trim()),
            None => (text, ""),
        };
    match (distance, time) {
        ("mph", "") | ("mile" | "miles" | "mi", "hour" | "h" | "hr") => Some("mph"),
        ("kph" | "kmh" | "kmph", "")
        | ("km" | "kms" | "kilometre" | "kilometres" | "kilometer" | "kilometers", "hour" | "h" | "hr") => Some("kph"),
        ("knot" | "knots" | "kt" | "kts", "") => Some("knots"),
        _ => None,
    }
}

/// The noun a number leaves out because the number before it in its
/// sentence says it, in the same scale: `2.28 million votes, … who had just
/// over 1.24 million.` counts votes. Only a unit of a measure is read so.
fn elided<'a>(cx: &'a Context, s: usize, m: &Mention) -> Option<&'a str> {
    let end = cx.seed.sentences[s].span.end;
    let after = cx.seed.text[m.span.end.min(end)..end].trim_start();
    if after.starts_with(char::is_alphanumeric) {
        return None;
    }
    let scale = |o: &Mention| {
        let text = &cx.seed.text[o.span.clone()];
        text.rsplit(|c: char| !c.is_alphabetic()).next().filter(|w| !w.is_empty())
    };
    let own = scale(m)?;
    let before = cx.mentions[s].iter().rfind(|o| o.span.end <= m.span.start)?;
    let word = word_after(cx, s, before).filter(|_| scale(before) == Some(own))?;
    measure_of(word).map(|_| word)
}

/// The word right after mention `m` of sentence `s`, which may be what it
/// counts: `eight minutes`, `a 10-minute delay`, `28km`; not a compound
/// (`13 second-half minutes`).
fn word_after<'a>(cx: &'a Context, s: usize, m: &Mention) -> Option<&'a str> {
    let end = cx.seed.sentences[s].span.end;
    let after = &cx.seed.text[m.span.end.min(end)..end];
    let letters = |t: &'_ str| -> usize { t.find(|c: char| !c.is_alphabetic()).unwrap_or(t.len()) };
    // `38.1°C`: the degree sign is the unit's, not a word's end
    if let Some(glued) = after.strip_prefix('-').or_else(|| after.strip_prefix(['°', 'º'])) {
        Some(&glued[..letters(glued)])
    } else if after.starts_with(char::is_alphabetic) {
        Some(&after[..letters(after)])
    } else if after.starts_with(char::is_whitespace) {
        let mut tokens = after.split_whitespace();
        let token = tokens.next()?;
        // `40 metric tons` are tonnes
        if token == "metric" {
            let next = tokens.next()?.trim_matches(|c: char| !c.is_alphanumeric());
            return Some(if matches!(next, "ton" | "tons") { "tonnes" } else { next });
        }
        // `12.4 billion cubic metres`, `80 square miles`: a unit in two words
        if matches!(token.to_lowercase().as_str(), "cubic" | "square") {
            let start = after.len() - after.trim_start().len();
            let rest = &after[start + token.len()..];
            let next = rest.split_whitespace().next()?;
            let end = start + token.len() + rest.find(next)? + next.len();
            return Some(after[start..end].trim_end_matches(|c: char| !c.is_alphanumeric()));
        }
        (!token.contains('-')).then(|| token.trim_matches(|c: char| !c.is_alphanumeric()))
    } else {
        None
    }
}

/// Mention `o` of sentence `s` counts a thing other than `noun`: a unit of
/// a measure, or a plural, right after it (`under three hours`, `two
/// daughters` for a figure in years).
fn counts_another(cx: &Context, s: usize, o: &Mention, noun: &str) -> bool {
    let Some(word) = word_after(cx, s, o) else { return false };
    // `unit: people` counts migrants, staff and voters alike
    if noun.split_whitespace().last().is_some_and(|n| GENERIC_PEOPLE.contains(&n.to_lowercase().as_str()))
        && PEOPLE.contains(&word.to_lowercase().as_str())
    {
        return false;
    }
    // short forms that are words too say nothing: `bowled out for 143 in the final session`
    if SHORT_FORMS_THAT_ARE_WORDS.contains(&word) {
        return false;
    }
    // units of a measure, in any spelling: `31C` is not in degrees Fahrenheit
    if let (Some(said), Some(own)) = (measure_of(word), noun.split_whitespace().last().and_then(measure_of)) {
        return said != own && may_count_in(o, said);
    }
    // a headline in title case capitalises what it counts: `Wins All Four Cup
    // Finals` counts finals, the last of the capitalised words after the number
    let sentence = &cx.seed.text[cx.seed.sentences[s].span.clone()];
    let word = match word.starts_with(char::is_uppercase) && in_title_case(sentence) {
        true => {
            let end = cx.seed.sentences[s].span.end;
            let after = &cx.seed.text[o.span.end.min(end)..end];
            let run = after.split_whitespace().take(3).take_while(|w| w.starts_with(char::is_uppercase));
            run.last().map_or(word, |w| w.trim_end_matches(|c: char| !c.is_alphabetic()))
        }
        false if !word.starts_with(char::is_lowercase) => return false,
        false => word,
    };
    let thing = noun.split_whitespace().last().map(thing_of).unwrap_or_default();
    // (`The total of 6,300 equates to 35 exclusions a day`: a verb, no plural)
    let a_plural = word.len() >= 4 && word.ends_with('s') && !word.ends_with("ss") && !VERBS_IN_S.contains(&word);
    let of_people = PEOPLE.contains(&word.to_lowercase().as_str());
    thing_of(word) != thing && (measure_of(word).is_some() || a_plural || of_people)
}

/// Verbs that end in `s` and often follow a number: no plural it counts.
const VERBS_IN_S: &[&str] = &[
    "equates",
    "represents",
    "means",
    "accounts",
    "compares",
    "remains",
    "stands",
    "includes",
    "marks",
    "shows",
    "brings",
    "takes",
    "makes",
    "puts",
    "leaves",
    "exceeds",
    "amounts",
    "comes",
    "goes",
    "seems",
    "looks",
    "rises",
    "falls",
    "reflects",
    "suggests",
    "covers",
];

/// A headline in title case: most of its words of four letters or more are capitalised.
fn in_title_case(sentence: &str) -> bool {
    let long: Vec<&str> =
        sentence.split_whitespace().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4).collect();
    let capitalised = long.iter().filter(|w| w.starts_with(char::is_uppercase)).count();
    long.len() >= 2 && capitalised * 4 >= long.len() * 3
}

/// A count of a thing whose value the seed gives only as a count of another
/// thing, where another number counts the thing itself: `value: 7, unit:
/// countries` for "seven days" when the text says "six countries". The
/// mention that counts the thing, which the figure is not.
fn counted_elsewhere<'m>(cx: &'m Context, figure: &Figure, found: &[At<'m>]) -> Option<At<'m>> {
    let Some(FactUnit::Noun(noun)) = figure.unit() else { return None };
    let &(s, m) = found.first()?;
    if found.iter().any(|&(s, m)| counts_noun(cx, s, m, noun)) || !counts_another(cx, s, m, noun) {
        return None;
    }
    // a score's numbers count what the score does (`won 4-0`), whatever follows
    if labels::in_a_score(&cx.seed.text, &m.span) {
        return None;
    }
    // another unit of the figure's measure (`88F` for degrees Celsius) is `unit-mismatch`
    let family = |word: &str| measure_of(word).map(|(family, _)| family);
    if let Some(said) = word_after(cx, s, m).and_then(family)
        && noun.split_whitespace().last().and_then(family) == Some(said)
    {
        return None;
    }
    let fact = figure.value.value.number()?;
    let mut all = cx.mentions.iter().enumerate().flat_map(|(s, ms)| ms.iter().map(move |m| (s, m)));
    all.find(|&(s, o)| same_class(figure, o) && o.value.number() != Some(fact) && counts_noun(cx, s, o, noun))
}

/// Mention `m` of sentence `s` counts `noun`, in the noun's own words or
/// another spelling of its unit (`a 12-foot putt` counts feet).
fn counts_noun(cx: &Context, s: usize, m: &Mention, noun: &str) -> bool {
    let unit = |word: &str| measure_of(word);
    counts(cx, s, m, noun)
        || noun
            .split_whitespace()
            .last()
            .and_then(unit)
            .is_some_and(|own| word_after(cx, s, m).and_then(unit) == Some(own))
}

/// The thing a noun names, plural or not: `days` and `Day` are `day`.
fn thing_of(word: &str) -> String {
    word.to_lowercase().trim_end_matches('s').to_string()
}

/// Mention `m` of sentence `s` counts `noun`: the word of the noun that
/// names the thing (its last) follows within three words, plural or not
/// (`a 10-day sentence` counts days, `25 years` does not).
fn counts(cx: &Context, s: usize, m: &Mention, noun: &str) -> bool {
    let Some(thing) = noun.split_whitespace().last().map(thing_of) else { return false };
    let end = cx.seed.sentences[s].span.end;
    let after = &cx.seed.text[m.span.end.min(end)..end];
    let mut words = after.split(|c: char| c.is_whitespace() || c == '-').filter(|w| !w.is_empty()).take(3);
    let first = words.clone().next().map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()));
    // `killing eight miners and cutting off 15 others`: the others are what
    // the number before counts
    if first.is_some_and(|w| OF_THE_SAME.contains(&w))
        && cx.mentions[s].iter().rfind(|o| o.span.end <= m.span.start).is_some_and(|o| counts(cx, s, o, noun))
    {
        return true;
    }
    words.any(|w| {
        let word: String = w.chars().filter(|c| c.is_alphanumeric()).collect();
        !thing.is_empty() && thing_of(&word) == thing
    })
}

/// Words after a number that count what the number before it counts.
const OF_THE_SAME: &[&str] = &["others"];

/// `sentence` calls `actor` by the noun its name ends in, after `the`: `the
/// bank` for Harbour Bank or the Reserve Bank of India, `the company` for
/// Lumen Company.
fn called_by_its_noun(sentence: &str, actor: &Actor) -> bool {
    let lower = sentence.to_lowercase();
    // the noun a name of two words or more ends in, before any `of`
    let noun = |name: &str| {
        let words: Vec<&str> = name.split_whitespace().collect();
        let head = &words[..words.iter().position(|w| *w == "of").unwrap_or(words.len())];
        (head.len() >= 2).then(|| head[head.len() - 1].to_lowercase())
    };
    let the_noun = |noun: &str| {
        lower.match_indices(&format!("the {noun}")).any(|(at, phrase)| {
            let before = lower[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            let after = lower[at + phrase.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric() || c == '\'');
            before && after
        })
    };
    actor
        .names()
        .filter_map(|name| noun(&name.value))
        .any(|noun| noun.len() >= 3 && noun.chars().all(char::is_alphabetic) && the_noun(&noun))
}

/// Whom the text gives the quotation that sentence `s` stands in, where that
/// quotation goes on from a paragraph before with no words of its own.
fn speaks_on_in(cx: &Context, s: usize) -> Option<Vec<usize>> {
    let sentence = &cx.seed.sentences[s].span;
    let quotation = cx.quoted_in_paragraph(s).iter().find(|q| q.start <= sentence.start && sentence.end <= q.end)?;
    let first = cx.sentence_at(quotation.start)?;
    let found = Found { first, last: s, parts: vec![quotation.clone()] };
    match attribution::goes_on_from(cx, &found)? {
        (_, GoesOn::Name(by)) => Some(by),
        // `"…," he said.` then `"… £4 million a day."`: the last person named before
        (said, GoesOn::Person) => Some(last_person_named(cx, said).into_iter().collect()),
        _ => None,
    }
}

/// Actor `a` is named where a text says whose its figures are: `published by
/// the Harbour Statistics Office`, `according to the ONS`, `data from …`,
/// `said the ONS` (a statistic's source, after it), `ONS figures`.
fn named_as_a_source(cx: &Context, a: usize) -> bool {
    const BEFORE: &[&str] = &[
        "published by",
        "released by",
        "compiled by",
        "collected by",
        "according to",
        "figures from",
        "data from",
        "statistics from",
        "estimates from",
        "said",
        "says",
    ];
    const AFTER: &[&str] = &["figures", "data", "statistics", "estimates"];
    cx.called()[a].iter().any(|n| {
        let before = cx.seed.text[..n.span.start].trim_end();
        let before = before.strip_suffix("the").map_or(before, str::trim_end).to_lowercase();
        let after = cx.seed.text[n.span.end..].trim_start_matches([')', ',']).trim_start();
        let next = after.split(|c: char| !c.is_alphabetic()).next().unwrap_or_default();
        // `said the ONS` names a source after a statistic only
        let said = before.ends_with("said") || before.ends_with("says");
        let after_a_number = cx.mentions[n.sentence - 1].iter().any(|m| m.span.end <= n.span.start);
        let source = BEFORE.iter().any(|phrase| before.ends_with(phrase)) && (!said || after_a_number);
        source || AFTER.contains(&next)
    })
}

/// The person of the sheet named last before sentence `s`, within the three
/// paragraphs before it: whom a `he` or `she` there means.
fn last_person_named(cx: &Context, s: usize) -> Option<usize> {
    let start = cx.seed.sentences[s].span.start;
    let paragraph = cx.seed.sentences[s].paragraph;
    let near = |n: &Stated| paragraph - cx.seed.sentences[n.sentence - 1].paragraph.min(paragraph) <= 3;
    (0..cx.briefing.actors.len())
        .filter(|&a| cx.briefing.actors[a].kind == ActorKind::Person)
        .flat_map(|a| cx.called()[a].iter().filter(|n| n.span.end <= start && near(n)).map(move |n| (n.span.start, a)))
        .max()
        .map(|(_, a)| a)
}

/// A figure's `actor` whose names stand neither in the figure's sentence nor in its paragraph.
fn out_of_context(cx: &Context, figure: &Figure, s: usize) -> Option<Diagnostic> {
    let actor_id = figure.actor.as_ref()?;
    let index = cx.actor_of(figure)?;
    // news names a subject once and then says "the company", or names it
    // only after a lede that describes it: the figure's paragraph, the ones
    // next to it, and the headline and lede set its context
    let paragraph = cx.seed.sentences[s].paragraph;
    let in_context = |stated: &super::Stated| {
        let named = cx.seed.sentences[stated.sentence - 1].paragraph;
        named <= 1 || named.abs_diff(paragraph) <= 1
    };
    // once named in full, a person is called by the family name (`Okafor ran 12 km`)
    if cx.called()[index].iter().any(in_context) {
        return None;
    }
    // once named, a body is called by the noun its name ends in: `Harbour Bank … the bank's 2% target`
    let actor = &cx.briefing.actors[index];
    // (unless another body of the sheet ends in that noun too: `the bank` is then either)
    let named_before = cx.called()[index].iter().any(|n| n.sentence <= s);
    let sentence = &cx.seed.text[cx.seed.sentences[s].span.clone()];
    let by_noun = |a: &Actor| a.kind != ActorKind::Person && called_by_its_noun(sentence, a);
    let mut others = cx.briefing.actors.iter().enumerate().filter(|&(b, _)| b != index);
    if named_before && by_noun(actor) && !others.any(|(_, a)| by_noun(a)) {
        return None;
    }
    // the figure stands in words the sheet quotes as the actor's own
    let quoted_words = |text: &str| {
        let folded = super::fold::Folded::new(text).text;
        let words = folded.trim();
        !words.is_empty() && cx.folded[s].text.contains(words)
    };
    let speaker = &cx.briefing.actors[index].id.value;
    if cx.briefing.quotes.iter().any(|q| &q.speaker.value == speaker && quoted_words(&q.text.value)) {
        return None;
    }
    // or in a quotation that goes on, paragraph after paragraph, from words the text gives the actor
    if speaks_on_in(cx, s).is_some_and(|by| by.contains(&index)) {
        return None;
    }
    // or in words `he` or `she` says (`…," he added`, `She said exports jumped 17%`),
    // when the actor is the last person named
    // or the one whose quotation runs on up to it, paragraph after paragraph
    let quoted_before = || s > 0 && speaks_on_in(cx, s - 1).is_some_and(|by| by == [index]);
    if attribution::pronoun_says_at(cx, s, &["he", "she"]).is_some()
        && (last_person_named(cx, s) == Some(index) || quoted_before())
    {
        return None;
    }
    let id = cx.sentence_id(s);
    let named: Vec<&str> = cx
        .briefing
        .actors
        .iter()
        .zip(cx.called())
        .filter(|(_, names)| names.iter().any(|n| n.sentence == s + 1))
        .map(|(a, _)| a.name.value.as_str())
        .collect();
    // a body the text names as where its figures come from (`The data,
    // published by the Office for National Statistics`) is the source of a
    // figure whose sentence names no one, wherever it is named
    if named.is_empty() {
        let sources: Vec<usize> = (0..cx.briefing.actors.len())
            .filter(|&b| cx.briefing.actors[b].kind != ActorKind::Person && named_as_a_source(cx, b))
            .collect();
        if sources == [index] {
            return None;
        }
    }
    let names = match named.as_slice() {
        [] => format!("{id} names none of the sheet's actors"),
        named => format!("{id} names {}", named.join(", ")),
    };
    Some(
        Diagnostic::warning(
            "actor-out-of-context",
            format!(
                "`{}` is given to {}, but neither {id}, the paragraphs around it nor the lede name them; {names}",
                figure.id.value, actor.name.value
            ),
        )
        .at(cx.in_sheet(&actor_id.span))
        .label(format!("{} is not named there", actor.name.value))
        .related(cx.in_seed(&cx.seed.sentences[s].span), format!("{id}: {names}"))
        .help("check `actor:`; if the figure is theirs, add the name the seed uses for them to `aliases:`"),
    )
}

/// Words of sentence `s` around mention `m` that stand once in the sentence
/// and hold no other number: what `evidence:` can pin the mention with.
fn evidence_for(cx: &Context, s: usize, m: &Mention) -> String {
    evidence_in(cx.seed, &cx.seed.sentences[s], &cx.mentions[s], &cx.folded[s], m)
}

/// [`evidence_for`] from the parts of a context: the seed, the sentence
/// holding `m`, that sentence's mentions and its folded text.
pub(crate) fn evidence_in(
    seed: &crate::source::Seed,
    sentence: &crate::source::Sentence,
    mentions: &[Mention],
    folded: &super::fold::Folded,
    m: &Mention,
) -> String {
    let raw = sentence.raw(&seed.text);
    let (start, end) = (m.span.start - sentence.span.start, m.span.end - sentence.span.start);
    let others: Vec<_> = mentions.iter().filter(|o| o.span != m.span).map(|o| o.span.clone()).collect();
    let folded = &folded.text;
    let once = |words: &str| folded.matches(super::fold::Folded::new(words).text.as_str()).count() == 1;
    let overlaps = |from: usize, to: usize| {
        let absolute = sentence.span.start + from..sentence.span.start + to;
        others.iter().any(|o| o.start < absolute.end && absolute.start < o.end)
    };
    let mut from = start;
    let mut best = raw[start..end].to_string();
    for _ in 0..6 {
        // one word further back
        let before = raw[..from].trim_end();
        let Some(word_start) = before.rfind(char::is_whitespace).map(|i| i + 1).or((!before.is_empty()).then_some(0))
        else {
            break;
        };
        if overlaps(word_start, end) {
            break;
        }
        from = word_start;
        best = raw[from..end].split_whitespace().collect::<Vec<_>>().join(" ");
        if once(&best) {
            return best;
        }
    }
    // words after it, where those before it hold another number or do not
    // stand once (`16-14.`: the 14 of the score, not of `a 14-5 deficit`)
    let mut to = end;
    for _ in 0..6 {
        let after = &raw[to..];
        let next = after.trim_start();
        if next.is_empty() {
            break;
        }
        let word_end = to + (after.len() - next.len()) + next.find(char::is_whitespace).unwrap_or(next.len());
        if overlaps(start, word_end) {
            break;
        }
        to = word_end;
        let words = raw[start..to].split_whitespace().collect::<Vec<_>>().join(" ");
        if once(&words) {
            return words;
        }
    }
    best
}

/// Mention `m` of sentence `s` is hedged as `qualifier` says: by its own
/// hedge, or by the qualifier's words right before it.
fn hedged_as(cx: &Context, (s, m): At, qualifier: &str) -> bool {
    m.hedge.is_some_and(|h| h.eq_ignore_ascii_case(qualifier.trim())) || qualifier_stands_before(cx, s, m, qualifier)
}

/// The sheet's qualifier stands in the sentence right before the mention's
/// number (`just under 5%`, or a hedge the scanner does not know), in any case.
fn qualifier_stands_before(cx: &Context, s: usize, m: &Mention, qualifier: &str) -> bool {
    let qualifier = super::fold::Folded::new(&qualifier.to_lowercase()).text;
    if qualifier.is_empty() {
        return false;
    }
    let sentence_start = cx.seed.sentences[s].span.start;
    let mut from = m.span.start.saturating_sub(qualifier.len() + 2).max(sentence_start);
    while !cx.seed.text.is_char_boundary(from) {
        from -= 1;
    }
    let near = super::fold::Folded::new(&cx.seed.text[from..m.span.end].to_lowercase()).text;
    near.match_indices(qualifier.as_str()).any(|(at, _)| super::fold::whole_words(&near, at, at + qualifier.len()))
}

/// Words by which a sentence gives one number to several things: `both
/// rose 3%`, `12 points each`.
const SHARED_OUT: &[&str] = &["both", "each", "apiece", "alike", "either", "neither", "same", "equally", "all"];

/// The `number-traced-twice` warnings: two figures traced to one number of
/// one sentence, which the text gives to one thing — one of them likely has
/// the value of another. Not where the sentence gives the number to several
/// ([`SHARED_OUT`]), nor both sides of a drawn score (`1-1`).
fn traced_twice(cx: &Context, traced: &[labels::Traced]) -> Vec<Diagnostic> {
    let one_number = |(_, s, m): &labels::Traced, (_, t, o): &labels::Traced| s == t && m.span == o.span;
    let mut found = Vec::new();
    for (i, first) in traced.iter().enumerate() {
        // each number once, with the first two figures traced to it
        let Some(second) = traced[i + 1..].iter().find(|other| one_number(first, other)) else { continue };
        if traced[..i].iter().any(|other| one_number(first, other)) {
            continue;
        }
        let (&(figure, s, m), other) = (first, second.0);
        // one number in two forms (`two-thirds` as 0.67 and as 67%) is the sheet's choice
        let two_forms = figure.unit() != other.unit() || figure.value.value != other.value.value;
        let shared_out = cx.folded[s].text.split(|c: char| !c.is_alphanumeric()).any(|w| SHARED_OUT.contains(&w));
        if two_forms || shared_out || labels::in_a_score(&cx.seed.text, &m.span) {
            continue;
        }
        let (id, text) = (cx.sentence_id(s), mention_text(cx, m));
        found.push(
            Diagnostic::warning(
                "number-traced-twice",
                format!(
                    "`{}` and `{}` are traced to one number, {text} of {id}: one of them likely has another number's value",
                    figure.id.value, other.id.value
                ),
            )
            .at(cx.in_sheet(&other.value.span))
            .label(format!("traced where `{}` is", figure.id.value))
            .related(cx.in_sheet(&figure.value.span), format!("`{}` is traced to {text} of {id} too", figure.id.value))
            .related(cx.in_seed(&m.span), format!("{id} states {text} once"))
            .help("check both values against the seed; if the text gives this number to both, say so in the sentence's words (`both`, `each`)"),
        );
    }
    found
}

fn also_stated(cx: &Context, figure: &Figure, others: &[At]) -> Diagnostic {
    let ids: Vec<String> = others.iter().map(|(s, _)| cx.sentence_id(*s)).collect();
    let mut d = Diagnostic::note("also-stated", format!("{} is also stated in {}", describe(figure), ids.join(", ")))
        .at(cx.in_sheet(&figure.value.span))
        .label("traced to its first statement")
        .help("pin another sentence with `evidence:` or `sentence:` if that is the one meant");
    for (s, m) in others {
        d = d.related(cx.in_seed(&m.span), format!("{} states {}", cx.sentence_id(*s), mention_text(cx, m)));
    }
    d
}
