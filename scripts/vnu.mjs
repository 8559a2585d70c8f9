// The HTML gate: the W3C Nu Html Checker (vnu.jar, from the npm package
// vnu-jar) over every HTML file of a built site, and its stylesheet.
//
//   node scripts/vnu.mjs [SITE_DIR]
//
// Prints every message as FILE:LINE:COLUMN: error|warning|info: TEXT and a
// count. Exits 0 when there is no error (warnings are reported, not fatal),
// 1 when there is one, 2 on bad input. JAVA overrides the java command.

import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const jar = join(require.resolve('vnu-jar/package.json'), '..', 'build', 'dist', 'vnu.jar');
const version = require('vnu-jar/package.json').version;

const siteDir = resolve(process.argv[2] || 'site');
if (!existsSync(join(siteDir, 'index.html'))) {
  console.error(`vnu.mjs: ${siteDir}/index.html not found: build the site first (cargo run --release -- build)`);
  process.exit(2);
}

const files = [];
(function walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.html') || e.name.endsWith('.css')) files.push(p);
  }
})(siteDir);

// HTML and CSS in separate runs: with --also-check-css the checker misnumbers
// the lines of HTML files by one.
const html = files.filter((f) => f.endsWith('.html'));
const css = files.filter((f) => f.endsWith('.css'));
const messages = [];
for (const [mode, list] of [['--html', html], ['--css', css]]) {
  if (!list.length) continue;
  const run = spawnSync(process.env.JAVA || 'java',
    ['-Xss4m', '-jar', jar, mode, '--format', 'json', '--stdout', '--exit-zero-always', ...list],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.error || run.status !== 0) {
    console.error(`vnu.mjs: java -jar vnu.jar failed: ${run.error ? run.error.message : `exit ${run.status}`}\n${run.stderr || ''}`);
    process.exit(2);
  }
  try {
    messages.push(...JSON.parse(run.stdout).messages);
  } catch (e) {
    console.error(`vnu.mjs: cannot read the checker's output: ${e.message}\n${run.stdout.slice(0, 2000)}\n${run.stderr}`);
    process.exit(2);
  }
}

// CSS Anchor Positioning (a W3C Working Draft, in Chromium since 125), which
// places a figure's sentence inside the window, is newer than the checker's
// CSS grammar: its properties, `anchor()` and `@position-try` are reported as
// info, and any other CSS error stays an error.
const anchorPositioning = [
  /^CSS: “(anchor-name|anchor-scope|position-anchor|position-area|position-try|position-try-fallbacks)”: Property “\1” doesn't exist\.$/,
  /^CSS: Unrecognized at-rule “@position-try”\.?$/,
  /^CSS: “(top|bottom|left|right)”: “anchor\((top|bottom|left|right)\)” is not a “\1” value\.$/,
];
const isAnchorPositioning = (m) => m.type === 'error' && anchorPositioning.some((re) => re.test(m.message));

const count = { error: 0, warning: 0, info: 0 };
for (const m of messages) {
  const level = isAnchorPositioning(m) ? 'info' : m.type === 'info' ? (m.subType === 'warning' ? 'warning' : 'info') : 'error';
  count[level]++;
  const file = m.url ? relative(process.cwd(), fileURLToPath(m.url)) : '(checker)';
  const at = m.lastLine ? `:${m.lastLine}:${m.firstColumn ?? m.lastColumn ?? 1}` : '';
  console.log(`${file}${at}: ${level}: ${m.message}`);
  if (m.extract) console.log(`    ${m.extract.replace(/\s+/g, ' ').trim()}`);
}
console.log(`\nNu Html Checker ${version}: ${html.length} pages and ${css.length} stylesheet(s) checked; ` +
  `${count.error} errors, ${count.warning} warnings, ${count.info} info`);
process.exit(count.error ? 1 : 0);
