// Starts the static server and Debian's Chromium (through playwright-core), and records
// every request the page makes, so tests can assert nothing left 127.0.0.1.
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SHOTS = `${ROOT}target/screenshots/`;
mkdirSync(SHOTS, { recursive: true });

export function fixture(name) {
  return readFileSync(`${ROOT}tests/data/${name}`, 'utf8');
}

/**
 * Chromium on the served page, or with `file` (a path under the repository) on that
 * file opened from disk; the server still runs, so tests can try to reach it.
 */
export async function openBrowser({ locale = 'en-US', file = null, mounts = {}, width = 1280 } = {}) {
  const { server, url } = await startServer(0, mounts);
  const start = file ? pathToFileURL(`${ROOT}${file}`).href : url;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ locale, viewport: { width, height: 900 }, acceptDownloads: true });
  const requests = [];
  const foreign = [];
  await context.route('**/*', (route) => {
    const u = route.request().url();
    requests.push(u);
    if (u.startsWith(url) || u.startsWith('blob:') || u.startsWith('data:') || (file && u === start)) return route.continue();
    foreign.push(u);
    return route.abort();
  });
  const page = await context.newPage();
  // Content-Security-Policy violations are recorded, so tests can assert there are none
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(start);
  await page.waitForSelector('body[data-state=ready]');
  return {
    url, start, page, requests, foreign, errors,
    async close() {
      await browser.close();
      server.close();
    },
  };
}

/**
 * Drops files onto the drop zone the way a user's drag and drop does. Dropped files join
 * those already analysed; unless `add`, the test starts over first, as a user beginning a
 * new analysis would.
 */
export async function dropFiles(page, files, { add = false } = {}) {
  if (!add && await page.isVisible('#start-over')) await page.click('#start-over');
  // Bytes cross into the page as base64: as a JSON array of numbers, a 2 MB file takes
  // seconds to cross (which once read as the page being slow on it).
  const list = files.map(({ name, text, bytes }) => ({ name, text, base64: bytes && Buffer.from(bytes).toString('base64') }));
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const { name, text, base64 } of list) {
      const body = base64 !== undefined ? Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)) : text;
      dt.items.add(new File([body], name, { type: 'text/csv' }));
    }
    return dt;
  }, list);
  await page.dispatchEvent('#drop', 'drop', { dataTransfer });
}

export async function waitForResult(page) {
  await page.waitForSelector('body[data-state=done], body[data-state=failed]', { timeout: 60_000 });
}

/**
 * Drops tests/data/small_deals.csv and checks the figures computed from it by hand:
 * 3 won of 6 closed; revenue 1000.00 + 500.50 + 2000; all 10 deals reached Qualification,
 * worth 7,150.50; row 11's amount `abc` listed as a problem.
 */
export async function dropSmallDeals(page, assert) {
  const text = async (sel) => (await page.textContent(sel))?.trim();
  await dropFiles(page, [{ name: 'small_deals.csv', text: fixture('small_deals.csv') }]);
  await waitForResult(page);
  assert.equal(await text('[data-metric=win_rate] .value'), '50.0%');
  assert.equal(await text('[data-metric=revenue] .value'), '3,500.50');
  assert.equal(await text('[data-metric=deals_lost] .value'), '3');
  assert.equal(await text('[data-stage="Qualification"]'), '10 deals · 7,150.50');
  assert.equal(await text('[data-stage="Closed Won"]'), '3 deals · 3,500.50');
  assert.match(await text('#problems'), /small_deals\.csv\s*11\s*amount\s*abc\s*not a number/);
}
