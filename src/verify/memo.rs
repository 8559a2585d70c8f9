//! The numbers of the short texts this thread has already read. A site
//! repeats its chrome on every page (the menu, headings, `s12 in the
//! annotated source`, a quote shown on three pages), and scanning a text
//! always gives the same mentions, so each is scanned once per thread.
//! What a mention *means* on a page (the claim around it) is still judged
//! every time; only the scan is kept.

use std::cell::RefCell;
use std::rc::Rc;

use crate::numbers::{self, Mention, Token};

/// Longer texts are mostly a page's own (a paragraph): they are scanned
/// every time rather than kept. A sentence, which list pages show again
/// and again, is mostly shorter.
const LONGEST_KEPT: usize = 320;
/// Texts kept before the memo starts again, which bounds its memory
/// (a few hundred KiB a thread) whatever the size of the site.
const MOST_KEPT: usize = 4096;

#[derive(Default)]
struct Memo {
    tokens: Vec<Token>,
    /// Hashed fast: a lookup is made for every text of every page.
    seen: foldhash::HashMap<Box<str>, Rc<[Mention]>>,
}

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::new(Memo::default());
}

/// Every number mention of `text`, as [`numbers::scan`] finds them.
pub(super) fn mentions(text: &str) -> Rc<[Mention]> {
    MEMO.with_borrow_mut(|memo| {
        if text.is_empty() {
            return Rc::from([]);
        }
        if text.len() > LONGEST_KEPT {
            return Rc::from(numbers::scan_with(text, &mut memo.tokens));
        }
        if let Some(found) = memo.seen.get(text) {
            return Rc::clone(found);
        }
        let found: Rc<[Mention]> = Rc::from(numbers::scan_with(text, &mut memo.tokens));
        if memo.seen.len() >= MOST_KEPT {
            memo.seen.clear();
        }
        memo.seen.insert(Box::from(text), Rc::clone(&found));
        found
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_text_gives_what_a_fresh_scan_gives() {
        for text in ["", "s12 in the annotated source", "up 4.5% to £3bn", "Briefings", &"9 ".repeat(200)] {
            let fresh = numbers::scan(text);
            assert_eq!(&*mentions(text), fresh.as_slice(), "{text}");
            assert_eq!(&*mentions(text), fresh.as_slice(), "{text}, read again");
        }
    }

    #[test]
    fn the_memo_starts_again_when_full() {
        for n in 0..MOST_KEPT + 10 {
            let text = format!("{n} tonnes");
            assert_eq!(mentions(&text).len(), 1, "{text}");
        }
        MEMO.with_borrow(|memo| assert!(memo.seen.len() <= MOST_KEPT));
    }
}
