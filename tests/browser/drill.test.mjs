// Drill-down in the page: a card, a table row, a funnel step and a trend bar each list the
// rows behind them (the engine re-reads the files), sorted and filtered over every row,
// paged, and downloaded as CSV. small_deals.csv, all data: won D1 (1,000.00), D2 (500.50),
// D4 (2,000); Bob closed D3 (lost) and D4; February closed D1, D3 and D5.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openBrowser, dropFiles, fixture, SHOTS } from './harness.mjs';

const text = async (page, sel) => (await page.textContent(sel))?.trim();
const column = (page, n) => page.$$eval(`#drill tbody td:nth-child(${n})`, (tds) => tds.map((td) => td.textContent));
/** Waits for the list to show `summary` (the count, and the sum of amounts). */
const listed = (page, summary) => page.waitForFunction((s) => {
  const d = document.querySelector('#drill');
  return d.open && !d.hasAttribute('aria-busy') && d.querySelector('.drill-summary')?.textContent.startsWith(s);
}, summary, { timeout: 30_000 });

test('a card, a table row, a funnel step and a trend bar list the deals behind them', async () => {
  const b = await openBrowser();
  const { page } = b;
  try {
    await dropFiles(page, [{ name: 'small_deals.csv', text: fixture('small_deals.csv') }]);
    await page.waitForSelector('body[data-state=done]');

    await page.click('[data-metric=revenue] button.drill');
    await listed(page, '3 deals · amounts add up to 3,500.50');
    assert.match(await text(page, '#drill-title'), /^Revenue \(won\): Won deals · Showing all data$/);
    assert.deepEqual(await column(page, 1), ['2', '3', '5'], 'rows as numbered in the file (header = 1)');
    assert.deepEqual(await column(page, 2), ['D1', 'D2', 'D4']);
    assert.equal(await text(page, '.drill-pager span'), 'Rows 1–3 of 3');

    // sorted by the engine, largest amount first
    await page.click('#drill th button:text-is("Amount")');
    await page.waitForFunction(() => document.querySelector('#drill th[aria-sort=descending]') && !document.querySelector('#drill').hasAttribute('aria-busy'));
    await listed(page, '3 deals');
    assert.deepEqual(await column(page, 2), ['D4', 'D1', 'D2']);

    // filtered: only rows with "gamma" in a cell
    await page.fill('#drill .drill-filter', 'gamma');
    await listed(page, '1 deal ');
    assert.deepEqual(await column(page, 2), ['D4']);

    // every match as CSV (with the filter and sort shown)
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#drill .drill-download')]);
    const csv = readFileSync(await download.path(), 'utf8');
    assert.match(csv, /^\ufefffile,row,deal_id,account,owner,stage,status,amount,currency,created_date,closed_date/);
    assert.match(csv, /\r\nsmall_deals\.csv,5,D4,Gamma,Bob,Closed Won,won,2000,/);
    assert.equal(csv.trim().split('\r\n').length, 2);
    await page.screenshot({ path: `${SHOTS}drill-card.png` });
    await page.keyboard.press('Escape');
    assert.equal(await page.$eval('#drill', (d) => d.open), false);

    // a table row: Bob's closed deals
    await page.click('#by-owner tbody button.drill:text-is("Bob")');
    await listed(page, '2 deals · amounts add up to 2,800');
    assert.match(await text(page, '#drill-title'), /^Deals won and lost · Bob · /);
    assert.deepEqual(await column(page, 2), ['D3', 'D4']);
    await page.click('#drill .drill-close');

    // a funnel step, with the count the funnel shows
    const step = await page.$eval('#funnel .drill-step[data-step="1"] .count', (n) => n.textContent);
    await page.click('#funnel .drill-step[data-step="1"] rect');
    await listed(page, step.split(' ')[0] + ' deal');
    await page.click('#drill .drill-close');

    // a bar of the monthly trend: the deals closed in February
    await page.click('#trend .drill-bar[data-bucket="2024-02-01"] rect');
    await listed(page, '3 deals');
    assert.deepEqual(await column(page, 2), ['D1', 'D3', 'D5']);
    await page.click('#drill .drill-close');

    // the snapshot keeps no row of the files: the names stay text, the list is not in it
    const html = await page.evaluate(async () => {
      const { snapshotHtml } = await import('./export.js');
      return snapshotHtml(document.querySelector('.sma-root') ?? document.body, '', { title: 't', lang: 'en', dir: 'ltr' });
    });
    assert.ok(!html.includes('<dialog'), 'no drill dialog in the snapshot');
    assert.match(html, /<td>Bob<\/td>/);
  } finally {
    await b.close();
  }
});

test('a long list pages through every row, in Persian too', async () => {
  const b = await openBrowser({ locale: 'fa-IR' });
  const { page } = b;
  try {
    await page.click('#sample');
    await page.waitForSelector('body[data-state=done]', { timeout: 60_000 });
    const won = await text(page, '[data-metric=deals_won] .value');
    await page.click('[data-metric=deals_won] button.drill');
    await page.waitForFunction(() => {
      const d = document.querySelector('#drill');
      return d.open && !d.hasAttribute('aria-busy') && d.querySelectorAll('tbody tr').length === 100;
    }, null, { timeout: 30_000 });
    assert.ok((await text(page, '.drill-summary')).startsWith(`${won} معامله`), await text(page, '.drill-summary'));
    assert.match(await text(page, '.drill-pager span'), /^ردیف‌های ۱ تا ۱۰۰ از /);
    const first = await column(page, 2);
    await page.click('#drill .drill-pager button:last-child');
    await page.waitForFunction(() => document.querySelector('.drill-pager span')?.textContent.startsWith('ردیف‌های ۱۰۱ تا ۲۰۰'));
    const second = await column(page, 2);
    assert.equal(second.length, 100);
    assert.ok(!second.some((id) => first.includes(id)), 'the second page follows the first');
    assert.equal(await text(page, '#drill th:nth-child(3) button'), 'حساب');
    assert.equal(await page.$eval('#drill td:nth-child(6)', (td) => td.textContent), 'برده');
    await page.screenshot({ path: `${SHOTS}drill-fa.png` });
    await page.keyboard.press('Escape');
    // the customers behind the new-customers card (from the customers file)
    const fresh = await text(page, '[data-metric=new_customers] .value');
    await page.click('[data-metric=new_customers] button.drill');
    await page.waitForFunction((n) => document.querySelector('.drill-summary')?.textContent.startsWith(`${n} مشتری`), fresh, { timeout: 30_000 });
    assert.equal(await text(page, '#drill th:nth-child(2) button'), 'مشتری');
  } finally {
    await b.close();
  }
});

test('a refused drill query is said in a bounded message, not echoed whole', async () => {
  const b = await openBrowser();
  try {
    const message = await b.page.evaluate(async (csv) => {
      const { drill } = await import('./sales-metrics.js');
      const files = [new File([csv], 'small_deals.csv')];
      try {
        await drill(files, {}, { set: 'won', sort: 'x'.repeat(100_000) });
        return 'no error';
      } catch (e) {
        return String(e.message ?? e);
      }
    }, fixture('small_deals.csv'));
    assert.match(message, /drill sort: no column "x+…/);
    assert.ok(message.length <= 320, `${message.length} characters`);
  } finally {
    await b.close();
  }
});
