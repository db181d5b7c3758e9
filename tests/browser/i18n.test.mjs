// The page in Persian (chosen from the browser's language, right to left, Persian digits,
// Solar Hijri dates on request), Simplified Chinese and English, on the sample data:
// screenshots of each, checked for overflow, with alerts and the forecast shown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, waitForResult, SHOTS } from './harness.mjs';

let b;
before(async () => { b = await openBrowser({ locale: 'fa-IR' }); });
after(async () => {
  assert.deepEqual(b.foreign, [], 'requests left 127.0.0.1');
  await b?.close();
});

const text = async (sel) => (await b.page.textContent(sel))?.trim();
const noOverflow = () => b.page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1);

test('a Persian browser gets the page in Persian, right to left', async () => {
  assert.equal(await b.page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await b.page.getAttribute('html', 'lang'), 'fa-IR');
  assert.equal(await text('h1'), 'تحلیلگر شاخص‌های فروش');
  await b.page.fill('#from', '2024-01-01');
  await b.page.fill('#to', '2025-01-01');
  await b.page.click('#sample');
  await b.page.waitForFunction(() => document.querySelectorAll('#files details').length === 12, null, { timeout: 60_000 });
  await waitForResult(b.page);
  // numbers in Persian digits
  assert.match(await text('[data-metric=deals_won] .value'), /^[۰-۹٬]+$/);
  assert.match(await text('[data-metric=win_rate] .value'), /[۰-۹]/);
  // alerts worded in Persian from the engine's numbers, with a link to their section
  assert.match(await text('[data-alert=slow_lead_response]'), /سرنخ‌ها زیاد منتظر می‌مانند/);
  assert.equal(await b.page.getAttribute('[data-alert=slow_lead_response] a', 'href'), '#leads-section');
  assert.equal(await text('#kpi-h'), 'شاخص‌های اصلی');
  assert.ok(await noOverflow(), 'no horizontal overflow');
  // the forecast chart: history, bands and backtest
  assert.ok(await b.page.$('#forecast svg polygon.band80'));
  assert.ok(await b.page.$('#forecast svg polyline.backtest-line'));
  // every chart has its numbers as a table
  for (const chart of ['#forecast', '#trend', '#funnel', '#activity-trend']) {
    assert.ok((await b.page.$$(`${chart} details.chart-data tbody tr`)).length >= 3, chart);
  }
  // the MRR line's numbers are the table under it: one point per row
  const mrrRows = (await b.page.$$('#mrr tbody tr')).length;
  assert.ok(mrrRows >= 3);
  assert.equal((await b.page.$$('#mrr-chart circle')).length, mrrRows);
  // loss reasons and quota attainment as bars, with the 100 % line
  assert.ok((await b.page.$$('#loss-chart svg rect.bar')).length >= 4);
  assert.ok(await b.page.$('#quota-chart svg line.marker'));
  await b.page.screenshot({ path: `${SHOTS}i18n-fa.png`, fullPage: true });
  // Solar Hijri dates: 2024 is 1402–1403
  await b.page.check('#hijri');
  await b.page.waitForFunction(() => /۱۴۰[۲۳]/.test(document.getElementById('period-label').textContent));
  await b.page.uncheck('#hijri');
  assert.deepEqual(b.errors, []);
});

test('switching to Chinese redraws without re-analysing', async () => {
  await b.page.selectOption('#locale', 'zh');
  // Chinese texts are fetched when Chinese is chosen
  await b.page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  assert.equal(await b.page.getAttribute('html', 'dir'), 'ltr');
  assert.equal(await text('#kpi-h'), '关键指标');
  assert.equal(await text('[data-metric=win_rate] .label'), '赢单率');
  assert.match(await text('[data-alert=quota_too_easy], [data-alert=quota_too_hard], [data-alert=slow_lead_response]'), /[\u4e00-\u9fff]/);
  assert.match(await text('#forecast .forecast-method'), /^方法：/);
  assert.ok(await noOverflow(), 'no horizontal overflow');
  await b.page.screenshot({ path: `${SHOTS}i18n-zh.png`, fullPage: true });
});

test('and back to English, with no CSP violation all along', async () => {
  await b.page.selectOption('#locale', 'en');
  await b.page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await text('#kpi-h'), 'Key figures');
  assert.match(await text('[data-alert=slow_lead_response]'), /^Leads wait too long: the median first response is 15 minutes, above the 5-minute target\./);
  assert.match(await text('[data-metric=deals_won] .value'), /^[0-9,]+$/);
  await b.page.screenshot({ path: `${SHOTS}i18n-en.png`, fullPage: true });
  assert.deepEqual(await b.page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(b.errors, []);
});

test('Persian: Latin names keep their direction, lead steps and the MQL arrow are Persian', async () => {
  const { openBrowser: open, dropFiles: drop } = await import('./harness.mjs');
  const b = await open({ locale: 'fa-IR' });
  try {
    await drop(b.page, [{ name: 'd.csv', text: 'deal_id,owner,account,stage,amount,created_date,closed_date\n1,Ion Inc.,Acme,Won,100,2024-01-02,2024-01-10\n' }]);
    await b.page.waitForSelector('body[data-state=done]');
    const cell = await b.page.$eval('#by-owner tbody td', (td) => ({ text: td.textContent, bidi: getComputedStyle(td).unicodeBidi, align: getComputedStyle(td).textAlign }));
    assert.deepEqual(cell, { text: 'Ion Inc.', bidi: 'plaintext', align: 'right' });
    await b.page.click('#sample');
    await b.page.waitForFunction(() => document.body.dataset.state === 'done' && document.querySelector('#lead-funnel')?.textContent);
    const steps = await b.page.textContent('#lead-funnel');
    assert.match(steps, /سرنخ‌ها/);
    assert.doesNotMatch(steps, /opportunity|converted/);
    // MQL then SQL in reading order, the arrow pointing from the first to the second
    assert.equal(await b.page.textContent('[data-metric=mql_to_sql_rate] .label'), 'MQL\u200f ← \u200fSQL');
  } finally {
    await b.close();
  }
});

test('Persian: funnels and ranked bars run from the right; time charts stay left to right', async () => {
  const { openBrowser: open } = await import('./harness.mjs');
  const b = await open({ locale: 'fa-IR' });
  try {
    await b.page.click('#sample');
    await b.page.waitForSelector('body[data-state=done]');
    // each funnel bar ends where the stage names begin, at the right; the loss bars too
    const ends = await b.page.$$eval('#funnel svg rect', (rs) => rs.map((r) => Number(r.getAttribute('x')) + Number(r.getAttribute('width'))));
    const w = await b.page.$eval('#funnel svg', (s) => s.viewBox.baseVal.width);
    assert.ok(ends.length > 2 && ends.every((e) => Math.abs(e - (w - 170)) < 1), `${ends} of ${w}`);
    const lossStarts = await b.page.$$eval('#loss-chart svg rect', (rs) => rs.map((r) => Number(r.getAttribute('x')) + Number(r.getAttribute('width'))));
    assert.equal(new Set(lossStarts.map(Math.round)).size, 1);
    // the revenue trend's first bar is at the left
    const xs = await b.page.$$eval('#trend svg rect.bar', (rs) => rs.map((r) => Number(r.getAttribute('x'))));
    assert.ok(xs[0] < xs[xs.length - 1]);
    // each label laid out by its own first letter: "۲٬۰۰۰ معامله" with its number at the right, "(none given)" as written
    const count = await b.page.$eval('#funnel svg text.count', (n) => n.textContent);
    assert.match(count, /^\u2068[۰-۹٬]+ معامله/);
    const box = await b.page.$eval('#funnel svg text.count', (n) => {
      const r = n.getBoundingClientRect();
      const bar = n.parentNode.querySelector('rect').getBoundingClientRect();
      return { right: r.right, barLeft: bar.left };
    });
    await b.page.locator('#funnel').screenshot({ path: `${SHOTS}funnel-fa.png` });
    assert.ok(box.right <= box.barLeft, `the count sits left of its bar, its end next to it: ${JSON.stringify(box)}`);
    await b.page.locator('#funnel').screenshot({ path: `${SHOTS}funnel-fa.png` });
    await b.page.locator('#loss-chart').screenshot({ path: `${SHOTS}loss-fa.png` });
  } finally {
    await b.close();
  }
});

test('Solar Hijri dates on: the trend is by Solar Hijri month', async () => {
  const { openBrowser: open } = await import('./harness.mjs');
  const { readFileSync } = await import('node:fs');
  const b = await open({ locale: 'fa-IR' });
  try {
    await b.page.click('#sample');
    await b.page.waitForSelector('body[data-state=done]');
    await b.page.check('#hijri');
    // the trend says its buckets: Solar Hijri months
    await b.page.waitForFunction(() => document.body.dataset.state === 'done'
      && document.querySelector('#trend svg')?.getAttribute('aria-label').includes('ماه شمسی'));
    const [download] = await Promise.all([b.page.waitForEvent('download'), b.page.click('#export-json')]);
    const report = JSON.parse(readFileSync(await download.path(), 'utf8'));
    const trend = report.series.revenue_trend;
    assert.equal(trend.granularity, 'persian_month');
    // buckets start on the first of a Solar Hijri month: 1 Farvardin 1403 is 2024-03-20
    const buckets = trend.points.map((p) => p.bucket);
    assert.ok(buckets.includes('2024-03-20'), buckets.join(' '));
    assert.ok(!buckets.includes('2024-03-01'));
  } finally {
    await b.close();
  }
});

test('"How computed" is in the page\u2019s language; the English copies match the engine\u2019s formulas', async () => {
  const { openBrowser: open } = await import('./harness.mjs');
  const { readFileSync } = await import('node:fs');
  const en = (await import('../../www/messages/en.js')).default;
  const b = await open({ locale: 'zh-CN' });
  try {
    await b.page.click('#sample');
    await b.page.waitForSelector('body[data-state=done]');
    assert.match(await b.page.textContent('[data-metric=win_rate] details'), /赢单 \/（赢单 \+ 输单），本期关闭/);
    const [download] = await Promise.all([b.page.waitForEvent('download'), b.page.click('#export-json')]);
    const report = JSON.parse(readFileSync(await download.path(), 'utf8'));
    for (const [id, m] of Object.entries(report.metrics)) assert.equal(en[`formula.${id}`], m.formula, id);
  } finally {
    await b.close();
  }
});
