// Periods that follow the data: exports end in the past, so a preset is taken over the
// data's last day unless the user asks for today; a period without data says so and
// offers the same preset over the data; the data's span is always shown; "previous month
// / quarter / year" compares whole calendar months. small_deals.csv runs from 2024-01-05
// to 2024-03-15: revenue 1,000.00 in February (D1), 2,000.00 in March (D4).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, dropFiles, fixture, SHOTS } from './harness.mjs';

const text = async (page, sel) => (await page.textContent(sel))?.trim();
const settled = (page) => page.waitForSelector('body[data-state=done], body[data-state=failed]', { timeout: 60_000 });

test('presets follow the data, an empty period says so and offers the data\'s', async () => {
  const b = await openBrowser();
  const { page } = b;
  try {
    // chosen before any data: taken over the data's last day once it is known
    await page.selectOption('#preset', 'last_month');
    await dropFiles(page, [{ name: 'small_deals.csv', text: fixture('small_deals.csv') }]);
    await page.waitForFunction(() => document.querySelector('#from').value === '2024-02-01' && document.body.dataset.state === 'done');
    assert.equal(await page.inputValue('#to'), '2024-03-01');
    assert.equal(await text(page, '[data-metric=revenue] .value'), '1,000');
    assert.match(await text(page, '#period-label'), /Showing 2024-02-01 to 2024-03-01 \(exclusive\) · data from 2024-01-05 to 2024-03-15/);
    assert.match(await text(page, '#anchor-data'), /the data \(to 2024-03-15\)/);
    assert.equal(await page.isHidden('#period-empty'), true);

    // over today (2026): nothing there, said, and the data's last month offered
    await page.selectOption('#anchor', 'today');
    await page.waitForFunction(() => !document.querySelector('#period-empty').hidden);
    await settled(page);
    assert.match(await text(page, '#period-empty-text'), /No data in this period: the data runs from 2024-01-05 to 2024-03-15\./);
    assert.match(await text(page, '#period-nearest'), /Show last month of the data \(2024-02-01 to 2024-03-01\)/);
    await page.screenshot({ path: `${SHOTS}period-empty.png` });
    await page.click('#period-nearest');
    await page.waitForFunction(() => document.querySelector('#period-empty').hidden && document.body.dataset.state === 'done');
    assert.equal(await page.inputValue('#from'), '2024-02-01');
    assert.equal(await page.inputValue('#anchor'), 'data');
    assert.equal(await text(page, '[data-metric=revenue] .value'), '1,000');

    // this month of the data against the previous calendar month: 2,000 vs 1,000
    await page.selectOption('#comparison', 'calendar');
    await page.selectOption('#preset', 'this_month');
    await page.waitForFunction(() => document.querySelector('#from').value === '2024-03-01' && document.body.dataset.state === 'done'
      && document.querySelector('[data-metric=sales_growth] .value')?.textContent.includes('100'));
    assert.equal(await text(page, '[data-metric=revenue] .value'), '2,000');
    assert.match(await text(page, '[data-metric=sales_growth]'), /2024-02-01.*2024-03-01/);
  } finally {
    await b.close();
  }
});

test('the URL hash keeps the period, comparison and filters: a link opens the same view', async () => {
  const b = await openBrowser();
  const { page } = b;
  try {
    await page.goto(`${b.url}#preset=last_month&of=data&compare=calendar&owner=Ann`);
    await page.reload(); // a link opened afresh
    await page.waitForSelector('body[data-state=ready]');
    assert.equal(await page.inputValue('#comparison'), 'calendar');
    assert.equal(await text(page, '#filter-chips'), 'Owner: Ann ×');
    await dropFiles(page, [{ name: 'small_deals.csv', text: fixture('small_deals.csv') }]);
    await page.waitForFunction(() => document.querySelector('#from').value === '2024-02-01' && document.body.dataset.state === 'done');
    // Ann's February: D1 won, 1,000; the filter was applied from the link
    assert.equal(await text(page, '[data-metric=revenue] .value'), '1,000');
    assert.equal(await text(page, '[data-metric=deals_won] .value'), '1');
    const hash = new URLSearchParams(new URL(page.url()).hash.slice(1));
    assert.deepEqual(Object.fromEntries(hash), { preset: 'last_month', of: 'data', from: '2024-02-01', to: '2024-03-01', compare: 'calendar', by: 'month', owner: 'Ann' });
    // no data in the URL, ever
    assert.doesNotMatch(page.url(), /Acme|1000|D1/);
  } finally {
    await b.close();
  }
});

test('alert thresholds are edited on the page and kept in this browser', async () => {
  const b = await openBrowser();
  const { page } = b;
  const fired = () => page.$$eval('#alerts [data-alert]', (as) => as.map((a) => a.dataset.alert));
  try {
    await page.click('#sample');
    await page.waitForSelector('body[data-state=done]');
    assert.ok((await fired()).includes('stalled_pipeline')); // 91.4 % of the pipeline is stalled
    // the sample's deals carry their own probabilities: said, not an empty editor
    assert.match(await page.textContent('#probabilities'), /Each of the [\d,]+ open deals with an amount has its own probability in the file/);
    await page.click('details.thresholds summary');
    assert.equal(await page.inputValue('#thresholds input[name=stalled_share]'), '20');
    await page.fill('#thresholds input[name=stalled_share]', '95');
    await page.click('#thresholds button[type=submit]');
    await page.waitForFunction(() => !document.querySelector('#alerts [data-alert=stalled_pipeline]') && document.body.dataset.state === 'done');
    // kept: a new visit uses them
    await page.reload();
    await page.waitForSelector('body[data-state=ready]');
    await page.click('#sample');
    await page.waitForSelector('body[data-state=done]');
    assert.ok(!(await fired()).includes('stalled_pipeline'));
    assert.equal(await page.inputValue('#thresholds input[name=stalled_share]'), '95');
    await page.click('details.thresholds summary');
    await page.click('#thresholds button.secondary'); // back to the defaults
    await page.waitForFunction(() => document.querySelector('#alerts [data-alert=stalled_pipeline]'));
  } finally {
    await b.close();
  }
});
