//! Figures: a number fact is traced when a mention in one sentence states
//! it — equal as decimals after scale (or rounded by it, with `approx`), of
//! the same unit class, inside the sentence `evidence` or `sentence` pins.
//! A date figure traces to the same date; a date the seed gives without a
//! year (`April 1`) is in the year of the sheet's `date`.

use rust_decimal::Decimal;

use super::{Context, FactKind, FactTrace, Trace};
use crate::diagnostic::Diagnostic;
use crate::numbers::{Kind, Mention, Unit, Value};
use crate::sheet::{FactUnit, Figure, FigureValue};
use crate::site::format;

/// A mention of the seed: its sentence index and the mention.
type At<'m> = (usize, &'m Mention);

enum Outcome<'m> {
    Traced(Vec<At<'m>>),
    EvidenceNotFound,
    UnitMismatch(At<'m>),
    Untraced(Option<At<'m>>),
}

pub(super) fn trace(cx: &Context, trace: &mut Trace) {
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
            Outcome::Traced(found) => {
                let (first, mention) = found[0];
                fact.stated = Some(cx.stated(first, mention.span.clone()));
                let mut others: Vec<At> = found[1..].iter().copied().filter(|(s, _)| *s != first).collect();
                others.dedup_by_key(|(s, _)| *s);
                fact.also = others.iter().map(|(s, m)| cx.stated(*s, m.span.clone())).collect();
                trace.diagnostics.extend(hedge_warning(cx, figure, (first, mention)));
                if !others.is_empty() {
                    trace.diagnostics.push(also_stated(cx, figure, &others));
                }
            }
            Outcome::EvidenceNotFound => trace.diagnostics.push(evidence_not_found(cx, figure)),
            Outcome::UnitMismatch(at) => trace.diagnostics.push(unit_mismatch(cx, figure, at)),
            Outcome::Untraced(closest) => trace.diagnostics.push(untraced(cx, figure, closest)),
        }
        trace.facts.push(fact);
    }
}

fn outcome<'m>(cx: &'m Context, figure: &Figure) -> Outcome<'m> {
    let Some(allowed) = allowed_sentences(cx, figure) else {
        return Outcome::EvidenceNotFound;
    };
    let all = || cx.mentions.iter().enumerate().flat_map(|(s, ms)| ms.iter().map(move |m| (s, m)));
    let candidates = || all().filter(|(s, _)| allowed.contains(s));
    let year = cx.briefing.date.as_ref().map(|d| d.value.get(..4).unwrap_or_default());
    let found: Vec<At> = match &figure.value.value {
        FigureValue::Date(date) => candidates().filter(|(_, m)| states_date(date, year, m)).collect(),
        FigureValue::Number(_) => candidates().filter(|(_, m)| same_class(figure, m) && states(figure, m)).collect(),
    };
    if !found.is_empty() {
        return Outcome::Traced(found);
    }
    if let Some(at) = candidates().find(|(_, m)| equal_value(figure, m)) {
        return Outcome::UnitMismatch(at);
    }
    let Some(fact) = figure.value.value.number() else {
        return Outcome::Untraced(None);
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

/// The sentence indices the figure may be traced in: all, or those `sentence`
/// and `evidence` pin. `None` when the evidence stands in no allowed sentence.
fn allowed_sentences(cx: &Context, figure: &Figure) -> Option<Vec<usize>> {
    let mut allowed: Vec<usize> = match &figure.sentence {
        Some(pin) => vec![pin.value - 1],
        None => (0..cx.seed.sentences.len()).collect(),
    };
    if let Some(evidence) = &figure.evidence {
        let words = super::fold::Folded::new(&evidence.value).text;
        allowed.retain(|s| cx.folded[*s].text.contains(&words));
        if allowed.is_empty() {
            return None;
        }
    }
    Some(allowed)
}

/// The unit classes (docs/matching.md): `%` needs a percentage, `pp` percentage
/// points, a currency the same currency, anything else a plain number. A
/// fraction in words is also a percentage for an `approx` figure (`two-thirds` is 67%).
fn same_class(figure: &Figure, m: &Mention) -> bool {
    if !matches!(m.value, Value::Number(_)) {
        return false;
    }
    match figure.unit() {
        Some(FactUnit::Percent) => m.unit == Some(Unit::Percent) || (m.fraction && figure.approx),
        Some(FactUnit::PercentagePoints) => m.unit == Some(Unit::PercentagePoints),
        Some(FactUnit::BasisPoints) => m.unit.is_some_and(|u| u.as_str() == "bp"),
        Some(FactUnit::Currency(code)) => matches!(m.unit, Some(Unit::Currency(c)) if c == code),
        Some(FactUnit::Year) => m.kind == Kind::Year,
        Some(FactUnit::Noun(_)) | None => m.unit.is_none() && m.kind != Kind::Year,
    }
}

/// The mention states the figure's value: equal, or rounded by it with `approx`.
fn states(figure: &Figure, m: &Mention) -> bool {
    let (Some(stated), Some(fact)) = (m.value.number(), figure.value.value.number()) else { return false };
    let as_percent = m.fraction && matches!(figure.unit(), Some(FactUnit::Percent));
    let stated = if as_percent { stated * Decimal::ONE_HUNDRED } else { stated };
    stated == fact || (figure.approx && m.kind != Kind::Year && figure.rounds(stated))
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
            format!("if the seed's {text} is meant, write its value; if the figure is rounded, add `approx: true`")
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
        "a year is a figure with `unit: year`"
    } else {
        "give the unit the seed states: `%`, `pp`, `bp`, a currency code, `year`, or a noun for a plain number"
    })
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

fn hedge_warning(cx: &Context, figure: &Figure, (s, m): At) -> Option<Diagnostic> {
    let text = mention_text(cx, m);
    let id = cx.sentence_id(s);
    match (m.hedge, &figure.qualifier) {
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
