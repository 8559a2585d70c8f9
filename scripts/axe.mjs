// The accessibility gate: axe-core, run in headless Chromium through
// playwright-core, on one page of every page type of a built site, each
// loaded from file:// in light and dark colour schemes at a desktop and a
// phone width. Every axe rule that is on by default runs (wcag2a, wcag2aa,
// wcag21a/aa, wcag22aa, best-practice…). A page that scrolls sideways at
// phone width fails too.
//
//   node scripts/axe.mjs [SITE_DIR] [--screenshots DIR] [--json FILE]
//
// Exits 0 when no page has a violation, 1 when one has, 2 on bad input.
// CHROMIUM overrides the browser (default /usr/bin/chromium).

import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const axeVersion = require('axe-core/package.json').version;

// ---- arguments -------------------------------------------------------------
const argv = process.argv.slice(2);
let siteDir = 'site';
let shotsDir = null;
let jsonOut = null;
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--screenshots') shotsDir = argv[++i];
  else if (a === '--json') jsonOut = argv[++i];
  else if (a === '-h' || a === '--help') {
    console.log('usage: node scripts/axe.mjs [SITE_DIR] [--screenshots DIR] [--json FILE]');
    process.exit(0);
  } else if (a.startsWith('-')) {
    console.error(`axe.mjs: unknown option ${a}`);
    process.exit(2);
  } else siteDir = a;
}
siteDir = resolve(siteDir);
if (!existsSync(join(siteDir, 'index.html'))) {
  console.error(`axe.mjs: ${siteDir}/index.html not found: build the site first (cargo run --release -- build)`);
  process.exit(2);
}

// ---- the pages: one of every page type -------------------------------------
const dirs = (d) => (existsSync(d) ? readdirSync(d).filter((n) => statSync(join(d, n)).isDirectory()).sort() : []);
const pages = [];
const add = (type, rel, required = true) => {
  if (existsSync(join(siteDir, rel))) pages.push({ type, rel });
  else if (required) {
    console.error(`axe.mjs: ${rel} is missing from ${siteDir}`);
    process.exit(2);
  }
};
add('home', 'index.html');
const slug = dirs(join(siteDir, 'briefings'))[0];
if (slug) {
  add('briefing', `briefings/${slug}/index.html`);
  // a figure row the address points at is highlighted: audit those colours too
  const briefing = readFileSync(join(siteDir, `briefings/${slug}/index.html`), 'utf8');
  const row = briefing.match(/<tr id="([^"]+)"/);
  if (row) pages.push({ type: 'briefing-target', rel: `briefings/${slug}/index.html`, hash: `#${row[1]}` });
  add('source', `briefings/${slug}/source.html`);
  add('print', `briefings/${slug}/print.html`, false); // audited when built
}
add('actors', 'actors/index.html');
// Actor pages differ by what they hold (mentions, quotes, a figures table,
// who they appear with): audit the fewest that between them hold every part.
const parts = (rel) => {
  const html = readFileSync(join(siteDir, rel), 'utf8');
  const found = new Set([...html.matchAll(/<h2 id="([^"]+)"/g)].map((m) => m[1]));
  for (const tag of ['table', 'blockquote', 'ul', 'ol']) if (html.includes(`<${tag}`)) found.add(tag);
  return found;
};
const actorPages = dirs(join(siteDir, 'actors'))
  .map((id) => `actors/${id}/index.html`)
  .filter((rel) => existsSync(join(siteDir, rel)))
  .map((rel) => ({ rel, parts: parts(rel) }));
const covered = new Set();
for (;;) {
  const gain = (a) => [...a.parts].filter((x) => !covered.has(x)).length;
  const best = actorPages.filter((a) => gain(a) > 0).sort((a, b) => gain(b) - gain(a) || a.rel.localeCompare(b.rel))[0];
  if (!best) break;
  best.parts.forEach((x) => covered.add(x));
  add('actor', best.rel);
}
add('facts', 'facts/index.html');
add('quotes', 'quotes/index.html');
// the pages every site has besides, and the further pages of the lists when there are some
add('404', '404.html', false);
if (existsSync(join(siteDir, 'search.html'))) pages.push({ type: 'search', rel: 'search.html', hash: '?q=Starmer', wait: '#results li' });
for (const list of ['', 'facts/', 'quotes/', 'actors/']) add(`${list || 'home-'}page-2`.replace('/', '-'), `${list}page/2/index.html`, false);
// a figure's sentence shown (pinned, as a tap pins it): audit it too
if (slug) pages.push({ type: 'briefing-sentence', rel: `briefings/${slug}/index.html`, click: 'td.value .ev-value' });

const modes = [
  { name: 'light-desktop', colorScheme: 'light', width: 1280, height: 900 },
  { name: 'dark-desktop', colorScheme: 'dark', width: 1280, height: 900 },
  { name: 'light-phone', colorScheme: 'light', width: 390, height: 844 },
  { name: 'dark-phone', colorScheme: 'dark', width: 390, height: 844 },
];

// ---- run --------------------------------------------------------------------
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});
if (shotsDir) mkdirSync(shotsDir, { recursive: true });

const report = [];
let violations = 0;
let overflows = 0;
try {
  for (const mode of modes) {
    const context = await browser.newContext({
      viewport: { width: mode.width, height: mode.height },
      colorScheme: mode.colorScheme,
      reducedMotion: 'reduce',
    });
    // Nothing leaves the machine: the site is offline by contract.
    const external = [];
    await context.route(/^(?!file:|data:|about:)/, (route) => {
      external.push(route.request().url());
      return route.abort();
    });
    const page = await context.newPage();
    for (const p of pages) {
      const url = pathToFileURL(join(siteDir, p.rel)).href + (p.hash || '');
      await page.goto(url, { waitUntil: 'load' });
      if (p.wait) await page.waitForSelector(p.wait, { timeout: 5000 }).catch(() => {});
      if (p.click) await page.locator(p.click).first().click();
      await page.addScriptTag({ path: axePath });
      const result = await page.evaluate(async () => {
        // eslint-disable-next-line no-undef
        const r = await axe.run(document, { resultTypes: ['violations'] });
        return {
          violations: r.violations.map((v) => ({
            id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, tags: v.tags,
            nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, summary: n.failureSummary })),
          })),
          incomplete: r.incomplete.map((v) => ({ id: v.id, nodes: v.nodes.length })),
          passes: r.passes.length,
        };
      });
      const overflow = await page.evaluate(() => {
        const d = document.documentElement;
        const wide = [];
        if (d.scrollWidth > d.clientWidth) {
          for (const el of document.body.querySelectorAll('*')) {
            const r = el.getBoundingClientRect();
            if (r.right > d.clientWidth + 0.5 && r.width > 0) {
              const inScroller = el.closest('.table-wrap') && getComputedStyle(el.closest('.table-wrap')).overflowX !== 'visible';
              if (!inScroller && !el.closest('.skip-link')) wide.push(`${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).trim().split(/\s+/).join('.') : ''} (right edge ${Math.round(r.right)}px)`);
            }
          }
        }
        return { scrollWidth: d.scrollWidth, clientWidth: d.clientWidth, wide: wide.slice(0, 8) };
      });
      if (shotsDir) {
        const file = join(shotsDir, `${p.type.replace(/\//g, '-')}${p.type === 'actor' ? '-' + p.rel.split('/')[1] : ''}-${mode.name}.png`);
        await page.screenshot({ path: file, fullPage: true });
      }
      const overflowed = overflow.scrollWidth > overflow.clientWidth;
      violations += result.violations.length;
      if (overflowed) overflows++;
      report.push({ page: p.rel + (p.hash || ''), type: p.type, mode: mode.name, ...result, overflow });
      const tag = result.violations.length || overflowed ? 'FAIL' : 'ok  ';
      console.log(`${tag} ${mode.name.padEnd(13)} ${p.rel}${p.hash || ''}  (${result.violations.length} violations, ${result.passes} rules passed${result.incomplete.length ? `, ${result.incomplete.length} to review: ${result.incomplete.map((i) => i.id).join(' ')}` : ''})`);
      for (const v of result.violations) {
        console.log(`     ${v.impact}: ${v.id}: ${v.help}\n       ${v.helpUrl}`);
        for (const n of v.nodes.slice(0, 5)) {
          console.log(`       - ${n.target.join(' ')}\n         ${n.html.slice(0, 160)}\n         ${(n.summary || '').replace(/\n/g, '\n         ')}`);
        }
        if (v.nodes.length > 5) console.log(`       … and ${v.nodes.length - 5} more`);
      }
      if (overflowed) {
        console.log(`     horizontal overflow: page is ${overflow.scrollWidth}px wide in a ${overflow.clientWidth}px viewport`);
        for (const w of overflow.wide) console.log(`       - ${w}`);
      }
    }
    if (external.length) {
      console.log(`FAIL ${mode.name}: the pages asked for ${external.length} resource(s) off the machine: ${[...new Set(external)].join(', ')}`);
      violations++;
    }
    await context.close();
  }
} finally {
  await browser.close();
}

if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ axe: axeVersion, site: siteDir, results: report }, null, 2));
const checked = pages.length * modes.length;
console.log(`\naxe-core ${axeVersion}: ${pages.length} pages × ${modes.length} modes = ${checked} audits; ` +
  `${violations} violations, ${overflows} horizontal overflows`);
process.exit(violations || overflows ? 1 : 0);
