// Screenshots of the briefing, figures and source pages of a built site, in
// headless Chromium (playwright-core), for the docs: a desktop view of each
// page, a figure's sentence shown on hover, search, and a phone view of the
// briefing page with a figure's sentence shown on tap.
//
//   node scripts/screens.mjs [SITE_DIR] [OUT_DIR]
//
// OUT_DIR defaults to docs/screens. CHROMIUM overrides the browser.

import { chromium } from 'playwright-core';
import { mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const siteDir = resolve(process.argv[2] || 'site');
const outDir = resolve(process.argv[3] || 'docs/screens');
mkdirSync(outDir, { recursive: true });
const slug = readdirSync(join(siteDir, 'briefings')).sort()[0];
const url = (rel) => pathToFileURL(join(siteDir, rel)).href;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
});
try {
  const desktop = await browser.newContext({ viewport: { width: 1100, height: 900 }, reducedMotion: 'reduce' });
  const page = await desktop.newPage();
  for (const [name, rel] of [
    ['briefing', `briefings/${slug}/index.html`],
    ['facts', 'facts/index.html'],
    ['source', `briefings/${slug}/source.html`],
  ]) {
    await page.goto(url(rel));
    await page.screenshot({ path: join(outDir, `${name}.png`) });
  }
  // a figure's sentence, shown on hover
  await page.goto(url(`briefings/${slug}/index.html`));
  const value = page.locator('.ev-value').first();
  if (await value.count()) {
    await value.scrollIntoViewIfNeeded();
    await value.hover();
    await page.waitForTimeout(100);
    const box = await value.boundingBox();
    const top = Math.max(0, box.y - 120);
    await page.screenshot({ path: join(outDir, 'figure-hover.png'), clip: { x: 0, y: top, width: 1100, height: 420 } });
  }
  // search, from disk
  await page.goto(url('search.html') + '?q=defence%20spending');
  await page.waitForSelector('#results li', { timeout: 5000 }).catch(() => {});
  await page.screenshot({ path: join(outDir, 'search.png'), clip: { x: 0, y: 0, width: 1100, height: 520 } });
  await desktop.close();
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1, reducedMotion: 'reduce',
  });
  const p = await phone.newPage();
  await p.goto(url(`briefings/${slug}/index.html`));
  const tap = p.locator('.ev-value').first();
  if (await tap.count()) {
    await tap.scrollIntoViewIfNeeded();
    await tap.tap();
    await p.waitForTimeout(100);
  }
  await p.screenshot({ path: join(outDir, 'briefing-phone.png') });
  await phone.close();
} finally {
  await browser.close();
}
console.log(`screenshots in ${outDir}`);
