// Hostile cells: HTML and script in a CSV show as text and never run; a table downloaded
// as CSV escapes cells a spreadsheet would run as formulas; the page's CSP reports no
// violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openBrowser, dropFiles, waitForResult } from './harness.mjs';

let b;
before(async () => { b = await openBrowser(); });
after(async () => {
  assert.deepEqual(b.foreign, [], 'requests left 127.0.0.1');
  await b?.close();
});

const IMG = '<img src=x onerror="window.__xss=1">';
const SCRIPT = '<script>window.__xss=2</script>';
const FORMULA = '=HYPERLINK("http://evil.example","click")';
const DEALS = `deal_id,owner,account,stage,amount,created_date,closed_date
1,"${IMG.replace(/"/g, '""')}",${SCRIPT},Won,100,2024-01-02,2024-01-10
2,"${FORMULA.replace(/"/g, '""')}",@SUM(A1),Won,200,2024-01-03,2024-01-11
3,+cmd,-2+3,Lost,50,2024-01-04,2024-01-12
`;

test('HTML in cells is shown as text and nothing runs', async () => {
  await dropFiles(b.page, [{ name: `${IMG}.csv`, text: DEALS }]);
  await waitForResult(b.page);
  const owners = await b.page.$$eval('#by-owner tbody td:first-child', (tds) => tds.map((td) => td.textContent));
  assert.ok(owners.includes(IMG), owners.join('|'));
  assert.ok((await b.page.$$eval('#by-account tbody td:first-child', (tds) => tds.map((td) => td.textContent))).includes(SCRIPT));
  assert.equal(await b.page.evaluate(() => window.__xss), undefined);
  assert.equal(await b.page.$('#by-owner img, #by-account script, #files img'), null);
  assert.deepEqual(await b.page.evaluate(() => window.__cspViolations), []);
});

test('a table downloaded as CSV escapes formula-like cells', async () => {
  const [download] = await Promise.all([b.page.waitForEvent('download'), b.page.click('#by-owner .download')]);
  assert.equal(download.suggestedFilename(), 'sales_by_owner.csv');
  const csv = readFileSync(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\ufeffOwner,'), csv.slice(0, 40));
  assert.ok(csv.includes(`"'=HYPERLINK(""http://evil.example"",""click"")"`), csv);
  assert.ok(csv.includes("'+cmd"), csv);
  assert.ok(!/^[=+@-]/m.test(csv.replace(/^\ufeff/, '')), csv);
  // the report as JSON
  const [json] = await Promise.all([b.page.waitForEvent('download'), b.page.click('#export-json')]);
  const report = JSON.parse(readFileSync(await json.path(), 'utf8'));
  assert.equal(report.metrics.deals_won.value, 2);
  assert.deepEqual(b.errors, []);
});

test('the snapshot is one HTML file of aggregates: no script, no single rows', async () => {
  const [file] = await Promise.all([b.page.waitForEvent('download'), b.page.click('#snapshot')]);
  const html = readFileSync(await file.path(), 'utf8');
  assert.match(file.suggestedFilename(), /^sales-metrics-\d{4}-\d{2}-\d{2}\.html$/);
  assert.ok(html.includes('data-metric="deals_won"'));
  assert.ok(html.includes("default-src 'none'"));
  // the owner names are aggregates and stay, escaped; nothing can run
  assert.ok(html.includes('&lt;img src=x onerror='), 'escaped owner');
  assert.ok(!/<script|<img|<input|<button/i.test(html), 'no script, image, input or button');
  // column samples and the stalled list (single rows) are left out
  assert.ok(!html.includes('First values') && !html.includes('id="stalled"'), 'no row-level sections');
  // opened on its own, it shows the dashboard with nothing to load
  const page = await b.page.context().newPage();
  await page.setContent(html);
  assert.equal((await page.textContent('[data-metric=deals_won] .value')).trim(), '2');
  // tables keep their column labels (they were sort buttons on the page)
  const heads = await page.$$eval('#by-owner th', (ths) => ths.map((th) => th.textContent.trim()));
  assert.deepEqual(heads.slice(0, 3), ['Owner', 'Revenue', 'Won']);
  // it says what it shows: the period, the filters, the files
  const info = await page.textContent('.report-info');
  assert.match(info, /Showing all data \(2024-01-02 to 2024-01-\d\d\)/);
  assert.match(info, /No filters/);
  assert.ok(info.includes(`Files: ${IMG}.csv (deals, `), info);
  assert.ok(await page.isVisible('.report-info'));
  await page.close();
});

test('printed, the page says its period, filters and files, and no control', async () => {
  await b.page.emulateMedia({ media: 'print' });
  try {
    assert.ok(await b.page.isVisible('#report-info'));
    assert.match(await b.page.textContent('#report-info'), /Showing all data .*No filters.*Files: /s);
    assert.ok(await b.page.isHidden('#apply'));
  } finally {
    await b.page.emulateMedia({ media: 'screen' });
  }
  assert.ok(await b.page.isHidden('#report-info'));
});
