// How long search takes in a real browser: for each query, on a fresh page
// (no index file loaded yet), from file://, the time from the last key to
// the first result of the whole query on screen — typed a key at a time,
// and pasted whole (one input: nothing of it loaded before).
//
//   node scripts/search-latency.mjs SITE_DIR [QUERY …]
//
// Prints each query's time and the slowest; exits 1 if one is 100 ms or more.

import { chromium } from 'playwright-core';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [dir, ...given] = process.argv.slice(2);
const site = resolve(dir || 'site');
const queries = given.length ? given : ['Starmer', '2.3%', 'defence spending', 'Anna Adler', 'Warsaw', 'aircraft', 'plan', 'protects the region'];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
});
let slowest = 0;
try {
  const page = await browser.newPage();
  for (const [how, query] of queries.flatMap((q) => [['typed', q], ['pasted', q]])) {
    await page.goto(pathToFileURL(join(site, 'search.html')).href);
    await page.evaluate((q) => {
      window.__typed = 0;
      window.__shown = 0;
      const input = document.getElementById('q');
      input.addEventListener('input', () => { window.__typed = performance.now(); }, true);
      const results = document.getElementById('results');
      new MutationObserver(() => {
        if (!window.__shown && input.value === q && results.dataset.query === q && results.querySelector('li')) {
          window.__shown = performance.now();
        }
      }).observe(results, { childList: true, attributes: true });
    }, query);
    if (how === 'typed') await page.type('#q', query, { delay: 30 });
    else await page.fill('#q', query);
    const found = await page.waitForFunction(() => window.__shown > 0, null, { timeout: 10000 }).then(() => true, () => false);
    const ms = await page.evaluate(() => window.__shown - window.__typed);
    const count = await page.locator('#results li').count();
    if (found) slowest = Math.max(slowest, ms);
    console.log(`${found ? (ms < 100 ? 'ok  ' : 'SLOW') : 'NONE'} ${how.padEnd(6)} ${query.padEnd(22)} ${found ? ms.toFixed(1) + ' ms' : 'no result'} (${count} shown)`);
  }
} finally {
  await browser.close();
}
console.log(`slowest: ${slowest.toFixed(1)} ms after the last key`);
process.exit(slowest < 100 ? 0 : 1);
