// The site in a real browser (headless Chromium through playwright-core),
// from file:// as a reader opening it from disk:
//
//   - a figure's sentence appears on hover, on keyboard focus, and on tap
//     (a phone viewport with touch), inside its data-sentence element;
//   - search finds "Starmer", "2.3%" and "defence spending" (and "defense
//     spending"), and every number it shows is inside a data-trace;
//   - feed.xml and sitemap.xml, when the site has them, parse as XML (the
//     feed is also validated against Atom's RELAX NG schema by check-site.sh).
//
//   node scripts/browser.mjs [SITE_DIR]
//
// Exits 0 when every check passes, 1 otherwise. CHROMIUM overrides the browser.

import { chromium } from 'playwright-core';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const siteDir = resolve(process.argv[2] || 'site');
const slug = readdirSync(join(siteDir, 'briefings')).sort()[0];
const url = (rel) => pathToFileURL(join(siteDir, rel)).href;
let failures = 0;
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
});

// Is the sentence of trigger `button` shown, and is it the sentence the figure cites?
async function sentenceShown(page, button) {
  return page.evaluate((b) => {
    const tip = document.getElementById(b.getAttribute('popovertarget'));
    if (!tip) return { shown: false };
    const style = getComputedStyle(tip);
    const box = tip.getBoundingClientRect();
    return {
      shown: style.display !== 'none' && style.visibility !== 'hidden' && box.width > 0 && box.height > 0,
      inSentence: tip.getAttribute('data-sentence') === b.getAttribute('data-trace'),
      marked: tip.querySelector('mark') ? tip.querySelector('mark').textContent : '',
      inView: box.top >= 0 && box.left >= 0 && box.right <= innerWidth + 1 && box.bottom <= innerHeight + 1,
    };
  }, await button.elementHandle());
}

try {
  // ---- evidence: hover, focus, tap
  const desktop = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  const page = await desktop.newPage();
  await page.goto(url(`briefings/${slug}/index.html`));
  const value = page.locator('td.value .ev-value').first();
  let s = await sentenceShown(page, value);
  check(!s.shown, 'a figure\'s sentence is hidden until asked for');
  await value.hover();
  s = await sentenceShown(page, value);
  check(s.shown && s.inSentence && s.marked, `hover shows the figure's sentence, its words marked ("${s.marked}")`);
  await page.mouse.move(0, 0);
  s = await sentenceShown(page, value);
  check(!s.shown, 'moving away hides it');

  // keyboard: Tab to the first figure
  await page.goto(url(`briefings/${slug}/index.html`));
  let reached = false;
  for (let i = 0; i < 80 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement && document.activeElement.matches('td.value .ev-value'));
  }
  const focused = page.locator('td.value .ev-value:focus');
  s = reached ? await sentenceShown(page, focused) : { shown: false };
  check(reached && s.shown && s.inSentence, 'keyboard focus shows the figure\'s sentence');
  await page.keyboard.press('Enter');
  const pinned = await page.evaluate(() => document.querySelector(':popover-open') !== null);
  check(pinned, 'Enter pins the sentence (popover)');
  await page.keyboard.press('Escape');
  check(await page.evaluate(() => document.querySelector(':popover-open') === null), 'Escape closes it');
  // a summary figure and a quote too
  const summaryFigure = page.locator('.summary .ev-value').first();
  if (await summaryFigure.count()) {
    await summaryFigure.hover();
    s = await sentenceShown(page, summaryFigure);
    check(s.shown && s.inSentence, 'a summary figure shows its sentence on hover');
  }
  await desktop.close();

  // every figure's and quote's sentence, shown by keyboard focus with its value
  // in the middle of the window, stays inside the window, tall or short
  const spills = [];
  for (const [width, height] of [[360, 800], [700, 800], [1000, 800], [1280, 800], [360, 420], [568, 320], [640, 360], [320, 240]]) {
    const context = await browser.newContext({ viewport: { width, height }, reducedMotion: 'reduce' });
    const wp = await context.newPage();
    await wp.goto(url(`briefings/${slug}/index.html`));
    const values = wp.locator('.ev-value');
    for (let i = 0; i < await values.count(); i++) {
      await values.nth(i).evaluate((b) => b.scrollIntoView({ block: 'center' }));
      await values.nth(i).focus();
      const r = await values.nth(i).evaluate((b) => {
        const tip = b.parentElement.querySelector('.ev-tip').getBoundingClientRect();
        const { clientWidth, clientHeight } = document.documentElement;
        return { ...tip.toJSON(), clientWidth, clientHeight };
      });
      const shown = r.width > 0 && r.height > 0;
      const inside = r.left >= 0 && r.right <= r.clientWidth + 0.5 && r.top >= 0 && r.bottom <= r.clientHeight + 0.5;
      if (!shown || !inside) {
        spills.push(`${width}×${height}, value ${i + 1}: ${shown ? `${Math.round(r.left)}..${Math.round(r.right)} × ${Math.round(r.top)}..${Math.round(r.bottom)}` : 'not shown'}`);
      }
    }
    await context.close();
  }
  check(spills.length === 0, `a figure's sentence is shown inside the window, 320 to 1280 px wide, 240 to 800 px tall${spills.length ? `: ${spills.join('; ')}` : ''}`);

  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, reducedMotion: 'reduce',
  });
  const p = await phone.newPage();
  await p.goto(url(`briefings/${slug}/index.html`));
  const tapped = p.locator('td.value .ev-value').first();
  await tapped.scrollIntoViewIfNeeded();
  await tapped.tap();
  s = await sentenceShown(p, tapped);
  check(s.shown && s.inSentence && s.inView, 'a tap on a phone shows the figure\'s sentence, on screen');
  await p.touchscreen.tap(5, 5);
  s = await sentenceShown(p, tapped);
  check(!s.shown, 'a tap elsewhere closes it');
  const horizontal = await p.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
  check(!horizontal, 'the phone page does not scroll sideways');
  await phone.close();

  // ---- search, from disk
  if (existsSync(join(siteDir, 'search.html'))) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const sp = await context.newPage();
    const errors = [];
    sp.on('pageerror', (e) => errors.push(e.message));
    await sp.goto(url('search.html'));
    const results = async (query) => {
      await sp.fill('#q', '');
      await sp.type('#q', query);
      await sp.waitForFunction(() => document.querySelectorAll('#results li').length > 0 ||
        document.getElementById('search-status').textContent !== '', null, { timeout: 5000 }).catch(() => {});
      await sp.waitForTimeout(50);
      return sp.evaluate(() => Array.from(document.querySelectorAll('#results li')).map((li) => ({
        text: li.textContent.replace(/\s+/g, ' ').trim(),
        html: li.innerHTML,
        briefing: li.dataset.briefing || null,
        kind: li.className,
      })));
    };
    const expect = [
      ['Starmer', (r) => r.some((x) => x.kind.includes('actor') && x.text.includes('Keir Starmer'))],
      ['2.3%', (r) => r.some((x) => x.kind.includes('figure') && x.html.includes('data-trace="s17">approximately 2.3%<'))],
      ['defence spending', (r) => r.some((x) => x.text.includes('UK defense spending as a share of GDP'))],
      ['defense spending', (r) => r.some((x) => x.text.includes('UK defense spending as a share of GDP'))],
      ['keir starm', (r) => r.some((x) => x.kind.includes('actor') && x.text.includes('Keir Starmer'))],
    ];
    for (const [query, ok] of expect) {
      const r = await results(query);
      check(r.length > 0 && ok(r), `search "${query}": ${r.length} results${r[0] ? `, first: ${r[0].text.slice(0, 70)}` : ''}`);
    }
    // every number a result shows stands in a data-trace (or data-sentence) of its briefing
    const untraced = await sp.evaluate(() => {
      const bad = [];
      for (const li of document.querySelectorAll('#results li')) {
        const walker = document.createTreeWalker(li, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (/\d/.test(n.textContent) && !n.parentElement.closest('[data-trace],[data-sentence]')) bad.push(n.textContent);
        }
      }
      return bad;
    });
    check(untraced.length === 0, `every number search shows is traced${untraced.length ? `: ${untraced.join(' | ')}` : ''}`);
    const none = await results('zzzzqx');
    check(none.length === 0, 'a word no briefing has finds nothing');
    check(errors.length === 0, `no script errors${errors.length ? `: ${errors.join('; ')}` : ''}`);
    // a query in the address
    await sp.goto(url('search.html') + '?q=Starmer');
    await sp.waitForSelector('#results li', { timeout: 5000 }).catch(() => {});
    check(await sp.locator('#results li').count() > 0, 'search.html?q=Starmer shows results on load');
    await context.close();
  }

  // ---- feed and sitemap parse
  for (const [file, root, ns] of [['feed.xml', 'feed', 'http://www.w3.org/2005/Atom'], ['sitemap.xml', 'urlset', 'http://www.sitemaps.org/schemas/sitemap/0.9']]) {
    if (!existsSync(join(siteDir, file))) continue;
    const context = await browser.newContext();
    const xp = await context.newPage();
    const xml = readFileSync(join(siteDir, file), 'utf8');
    const parsed = await xp.evaluate(([text]) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const error = doc.querySelector('parsererror');
      return { error: error ? error.textContent : null, root: doc.documentElement.localName, ns: doc.documentElement.namespaceURI,
        items: doc.documentElement.children.length };
    }, [xml]);
    // past 50,000 addresses, sitemap.xml is an index of files of them
    const roots = file === 'sitemap.xml' ? [root, 'sitemapindex'] : [root];
    check(!parsed.error && roots.includes(parsed.root) && parsed.ns === ns, `${file} parses as XML (${parsed.root}, ${parsed.items} children)${parsed.error ? `: ${parsed.error}` : ''}`);
    await context.close();
  }
} finally {
  await browser.close();
}
console.log(failures ? `\nbrowser checks: ${failures} FAILED` : '\nbrowser checks: ok');
process.exit(failures ? 1 : 0);
