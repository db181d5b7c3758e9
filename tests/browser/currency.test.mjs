// Amounts in two currencies: the page shows money per currency, never a sum, and a
// conversion rate typed by the user gives one total.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, dropFiles, waitForResult, SHOTS } from './harness.mjs';

let b;
before(async () => { b = await openBrowser(); });
after(async () => {
  assert.deepEqual(b.foreign, [], 'requests left 127.0.0.1');
  await b?.close();
});

const text = async (sel) => (await b.page.textContent(sel))?.trim();

const DEALS = `deal_id,owner,account,stage,amount,currency,created_date,closed_date
1,Ann,A,Won,200.00,EUR,2024-02-01,2024-02-10
2,Bob,B,Won,300.00,USD,2024-02-02,2024-02-15
3,Bob,C,Lost,50.00,EUR,2024-02-03,2024-02-20
4,Ann,B,Won,500.00,USD,2024-02-05,2024-02-25
`;

test('two currencies are shown apart, then converted at the user\'s rate', async () => {
  await dropFiles(b.page, [{ name: 'deals.csv', text: DEALS }]);
  await waitForResult(b.page);
  assert.match(await text('#currency-note'), /2 currencies \(EUR, USD\)/);
  assert.equal(await b.page.$('#cards [data-metric=revenue]'), null, 'no revenue card adding currencies');
  assert.equal(await text('[data-metric=win_rate] .value'), '75.0%');
  // EUR 200.00; USD 300 + 500 = 800.00
  assert.equal(await text('[data-currency=EUR] [data-metric=revenue] .value'), '200');
  assert.equal(await text('[data-currency=USD] [data-metric=revenue] .value'), '800');
  // the owner table keeps counts and drops revenue
  const heads = await b.page.$$eval('#by-owner th', (th) => th.map((t) => t.textContent.trim()));
  assert.ok(!heads.some((h) => h.startsWith('Revenue')), heads.join('|'));
  await b.page.screenshot({ path: `${SHOTS}currencies-mixed.png`, fullPage: true });
  // 1 USD = 0.9 EUR, base EUR: 200 + 800 × 0.9 = 920.00
  await b.page.fill('#rates input[name=base]', 'EUR');
  await b.page.fill('#rates input[name=USD]', '0.9');
  await b.page.click('#rates button');
  await b.page.waitForFunction(() => document.querySelector('#cards [data-metric=revenue] .value')?.textContent === '920');
  assert.match(await text('#currency-note'), /Amounts in EUR \(converted from USD/);
  assert.deepEqual(b.errors, []);
});

test('a period preset fills the range and re-runs', async () => {
  // over today
  await b.page.selectOption('#anchor', 'today');
  await b.page.selectOption('#preset', 'last_year');
  const year = await b.page.evaluate(() => new Date().getFullYear());
  assert.equal(await b.page.inputValue('#from'), `${year - 1}-01-01`);
  assert.equal(await b.page.inputValue('#to'), `${year}-01-01`);
  await b.page.waitForFunction(() => document.body.dataset.state === 'done');
  // over the data's last day
  const last = (await b.page.textContent('#anchor-data')).match(/(\d{4})-\d\d-\d\d/)[1];
  await b.page.selectOption('#anchor', 'data');
  assert.equal(await b.page.inputValue('#from'), `${Number(last) - 1}-01-01`);
  await b.page.waitForFunction(() => document.body.dataset.state === 'done');
  await b.page.selectOption('#preset', 'all');
  assert.equal(await b.page.inputValue('#from'), '');
});
