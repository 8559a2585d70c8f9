//! Judging one mention against the claim of the element around it: a
//! `data-trace` accounts for a number when one of its sentences states it
//! ([`numbers::states`]: the same value in the same unit class, exactly),
//! `data-sentence` for a number the sentence it renders states (its text
//! read whole), `derived` for a count the page's template was given, and
//! `meta` for a number of a value of the page's sheets that is no claim (a
//! date, an address), never a sum of money or a hedged number, which are
//! always claims.

use rust_decimal::prelude::ToPrimitive;

use super::walk::{Claim, Says};
use super::{Given, Known, Reason, Sentences};
use crate::numbers::{Kind, Mention, Unit, states};

/// Why `claim` (the nearest one around the mention) does not account for it; `None` when it does.
pub(super) fn unaccounted(claim: Option<&Claim<'_>>, mention: &Mention, known: Known) -> Option<Reason> {
    let sentences = known.sentences;
    let Some(claim) = claim else {
        return Some(Reason::NotTraced);
    };
    match &claim.says {
        Says::Meta if is_claim(mention) => Some(Reason::NotMeta),
        Says::Meta if known.given.states_value(mention) => None,
        Says::Meta => Some(Reason::NotGivenValue),
        // the sentence's own words state every number in it; a number it
        // does not state is no part of it, whatever the element claims
        Says::Renders(id) => match sentence(claim, id, sentences) {
            Some(stated) if stated.iter().any(|s| states(s, mention)) => None,
            Some(_) => Some(Reason::NotStated { sentences: vec![id.to_string()] }),
            None => Some(Reason::UnknownSentence { sentence: id.to_string() }),
        },
        Says::Derived(_) if is_count(mention) && is_derived(mention, known.given) => None,
        Says::Derived(ids) if ids.split_ascii_whitespace().all(|id| id == "derived") => match is_count(mention) {
            true => Some(Reason::NotDerived),
            false => Some(Reason::NotACount),
        },
        Says::Traces(ids) | Says::Derived(ids) => {
            let ids = ids.split_ascii_whitespace().filter(|id| *id != "derived");
            let mut unknown = None;
            for id in ids.clone() {
                match sentence(claim, id, sentences) {
                    Some(stated) if stated.iter().any(|s| states(s, mention)) => return None,
                    Some(_) => {}
                    None => {
                        unknown.get_or_insert(id);
                    }
                }
            }
            let sentences: Vec<String> = ids.map(str::to_string).collect();
            Some(match unknown {
                Some(id) => Reason::UnknownSentence { sentence: id.to_string() },
                None if sentences.is_empty() => Reason::NotTraced,
                None => Reason::NotStated { sentences },
            })
        }
    }
}

/// A number that is always a claim, never a name, an address or a date of
/// the sheet: a sum of money, or a hedged number (`£2bn`, `about 40`).
fn is_claim(mention: &Mention) -> bool {
    matches!(mention.unit, Some(Unit::Currency(_))) || mention.hedge.is_some()
}

/// What a count the tool makes may be: a whole number of things, with no
/// unit or hedge (`12`, `1,204`, `1969`; not `£12`, `12%`, `about 12`,
/// `2.5`, `-3` or a date).
pub(super) fn is_count(mention: &Mention) -> bool {
    // a count of 1969 reads as a year on its own
    matches!(mention.kind, Kind::Count | Kind::Year)
        && mention.unit.is_none()
        && mention.hedge.is_none()
        && !mention.fraction
        && mention.value.number().is_some_and(|n| n.fract().is_zero() && !n.is_sign_negative())
}

/// A count the page's template was given (`is_count` holds of it).
fn is_derived(mention: &Mention, given: &Given) -> bool {
    mention.value.number().and_then(|n| n.to_u64()).is_some_and(|n| given.holds(n))
}

/// The mentions of sentence `id` (`s3`) of the claim's briefing, if both exist.
fn sentence<'s>(claim: &Claim<'_>, id: &str, sentences: &'s dyn Sentences) -> Option<&'s [Mention]> {
    let (briefing, number) = sentence_of(claim, id)?;
    sentences.mentions(briefing, number)
}

/// The text of sentence `id` of the claim's briefing, when the sentences have it at hand.
pub(super) fn sentence_text<'s>(claim: &Claim<'_>, id: &str, sentences: &'s dyn Sentences) -> Option<&'s str> {
    let (briefing, number) = sentence_of(claim, id)?;
    sentences.text(briefing, number)
}

/// The briefing of the claim, and the number of sentence `id` (`s3`) in it.
fn sentence_of<'c>(claim: &'c Claim<'_>, id: &str) -> Option<(&'c str, usize)> {
    let briefing = claim.briefing.as_deref()?;
    let digits = id.strip_prefix('s')?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number: usize = digits.parse().ok().filter(|n| *n > 0)?;
    Some((briefing, number))
}
