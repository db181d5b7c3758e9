// The single-file build (dist/sales-metrics-analyzer.html, written by scripts/build)
// opened straight from disk, as a user with no web server would: it analyses dropped
// files, the sample data and a file large enough for two workers, and its policy
// forbids every request, even to a server on this machine.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openBrowser, dropSmallDeals, waitForResult, SHOTS, ROOT } from './harness.mjs';

const FILE = 'dist/sales-metrics-analyzer.html';
let b;
before(async () => { b = await openBrowser({ file: FILE }); });
after(async () => {
  assert.deepEqual(b.foreign, [], 'requests left the page');
  await b?.close();
});

const text = async (sel) => (await b.page.textContent(sel))?.trim();

test('one HTML file: no script, stylesheet or module beside it', () => {
  const html = readFileSync(`${ROOT}${FILE}`, 'utf8');
  assert.ok(!/<script[^>]+src=|<link[^>]+href=(?!"data:)|import\(/i.test(html), 'refers to no other file');
  assert.match(html, /connect-src 'none'/);
  assert.ok(b.page.url().startsWith('file://'), b.page.url());
});

test('from file://, a dropped deals CSV gives the hand-computed values', async () => {
  await dropSmallDeals(b.page, assert);
  assert.deepEqual(b.errors, []);
});

test('the sample data is inside the file too', async () => {
  await b.page.click('#sample');
  await b.page.waitForFunction(() => document.querySelectorAll('#files details').length === 12, null, { timeout: 60_000 });
  await waitForResult(b.page);
  assert.equal(await text('[data-metric=deals_won] .value'), '750');
  await b.page.screenshot({ path: `${SHOTS}single-file.png` });
});

test('a large file is shared by two workers started from the file', async () => {
  if (await b.page.isVisible('#start-over')) await b.page.click('#start-over'); // a new analysis
  const dataTransfer = await b.page.evaluateHandle(() => {
    const stages = ['Prospecting', 'Proposal', 'Closed Won', 'Closed Lost'];
    const lines = ['deal_id,owner,account,stage,amount,created_date,closed_date,lost_reason'];
    for (let i = 0; i < 300000; i++) {
      const stage = stages[i % 4];
      lines.push(`D${i},Owner ${i % 7},Account ${i % 50},${stage},${(i % 997) * 10},2024-01-${10 + (i % 18)},${stage.startsWith('Closed') ? '2024-03-01' : ''},${i % 3 ? 'Price' : ''}`);
    }
    const dt = new DataTransfer();
    dt.items.add(new File([lines.join('\n') + '\n'], 'big.csv', { type: 'text/csv' }));
    return dt;
  });
  await b.page.dispatchEvent('#drop', 'drop', { dataTransfer });
  await b.page.waitForFunction(() => document.querySelector('[data-metric=deals_won] .value')?.textContent === '75,000', null, { timeout: 60_000 });
  assert.ok(await b.page.evaluate(() => document.body.dataset.state === 'done'));
  const [download] = await Promise.all([b.page.waitForEvent('download'), b.page.click('#export-json')]);
  const report = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(report.diagnostics.workers, 2);
  assert.equal(report.metrics.deals_lost.value, 75000);
});

test('nothing can be sent anywhere: a request from the page is refused by its policy', async () => {
  const outcome = await b.page.evaluate(async (url) => {
    try { await fetch(url); return 'sent'; } catch { return 'refused'; }
  }, b.url);
  assert.equal(outcome, 'refused');
  const violations = await b.page.evaluate(() => window.__cspViolations);
  assert.equal(violations.length, 1, violations.join('\n'));
  assert.match(violations[0], /^connect-src: http:\/\/127\.0\.0\.1:\d+/);
});
