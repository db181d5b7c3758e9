// The ingest corpus through the public analyze() in Chromium: every export shape gives
// the metrics of plain.csv (the same check as tests/corpus.rs, natively); and the
// mapping editor: map an unknown layout by hand, save it as a preset, and see the preset
// applied by itself to the next file with that header.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openBrowser, dropFiles, waitForResult, fixture, ROOT, SHOTS } from './harness.mjs';

let b;
before(async () => { b = await openBrowser(); });
after(async () => {
  assert.deepEqual(b.foreign, [], 'requests left 127.0.0.1');
  await b?.close();
});

const CORPUS = `${ROOT}tests/corpus/`;
const expected = JSON.parse(readFileSync(`${CORPUS}expected.json`, 'utf8'));

test('every corpus file gives the metrics of plain.csv', async () => {
  const files = Object.keys(expected).map((name) => ({ name, bytes: [...readFileSync(`${CORPUS}${name}`)] }));
  const results = await b.page.evaluate(async (list) => {
    const { analyze } = await import('./sales-metrics.js');
    const out = {};
    for (const { name, bytes } of list) {
      const r = await analyze([new File([new Uint8Array(bytes)], name)], { today: '2024-06-01' });
      // The weighted pipeline depends on the CRM's stage names (their default probabilities),
      // the weighted forecast on an expected close date column that plain.csv lacks.
      const m = Object.fromEntries(Object.entries(r.metrics).filter(([k]) => !['weighted_pipeline', 'forecast_weighted'].includes(k)).map(([k, v]) => [k, v.value]));
      out[name] = { metrics: m, encoding: r.files[0].encoding, delimiter: r.files[0].delimiter, problems: r.problems.total };
    }
    return out;
  }, files);
  const plain = results['plain.csv'].metrics;
  assert.equal(plain.revenue, '1334.46');
  for (const [name, r] of Object.entries(results)) {
    assert.deepEqual(r.metrics, plain, name);
    assert.equal(r.problems, 0, name);
    if (expected[name].encoding_name) assert.equal(r.encoding, expected[name].encoding_name, name);
    if (expected[name].delimiter) assert.equal(r.delimiter, expected[name].delimiter, name);
  }
});

// Two rows: too few for the engine to guess fields from values, so the user maps them.
const ODD = 'Rep,Step,Money,Opened,Finished\nAnn,Won,100,2024-01-01,2024-01-11\nBob,Lost,50,2024-01-02,2024-01-05\n';

test('with enough rows, unnamed columns are guessed from their values', async () => {
  const more = `${ODD}Ann,Talking,70,2024-01-03,\nCy,Won,30,2024-01-04,2024-01-08\n`;
  await dropFiles(b.page, [{ name: 'guess.csv', text: more }]);
  await waitForResult(b.page);
  assert.equal((await b.page.textContent('[data-metric=revenue] .value')).trim(), '130');
  assert.match(await b.page.textContent('#files'), /Columns guessed from their values: Step → stage, Money → amount, Opened → created_date, Finished → closed_date/);
  // each column says why it was taken
  const why = async (header) => b.page.locator(`form.mapping[data-file="guess.csv"] tr:has(th:text-is("${header}")) td.why`).textContent();
  assert.equal(await why('Rep'), 'header says “Rep” · text');
  assert.equal(await why('Money'), 'its values (no header word names it) · numbers');
  assert.equal(await why('Opened'), 'its values (no header word names it) · dates');
});

test('an unknown layout is mapped by hand, saved as a preset, and applied next time', async () => {
  await dropFiles(b.page, [{ name: 'odd.csv', text: ODD }]);
  await waitForResult(b.page);
  assert.match(await b.page.textContent('#messages'), /odd\.csv: The columns were not recognised/);
  const form = b.page.locator('form.mapping[data-file="odd.csv"]');
  await form.locator('select[name=kind]').selectOption('deals');
  await form.locator('select[name="column:Rep"]').selectOption('owner');
  // Before any analysis the form says what the mapping leaves out, and follows each choice.
  const needs = form.locator('ul.needs');
  assert.match(await needs.textContent(), /Map a column to stage or status/);
  assert.match(await needs.textContent(), /Without amount: Revenue \(won\), Average deal size/);
  await form.locator('select[name="column:Step"]').selectOption('stage');
  await form.locator('select[name="column:Money"]').selectOption('amount');
  assert.doesNotMatch(await needs.textContent(), /stage or status|Without amount/);
  await form.locator('select[name="column:Opened"]').selectOption('created_date');
  await form.locator('select[name="column:Finished"]').selectOption('closed_date');
  await form.locator('input[name=preset]').fill('Odd CRM');
  await form.locator('button.save-preset').click();
  await form.locator('button.apply').click();
  await b.page.waitForFunction(() => document.querySelector('[data-metric=revenue] .value')?.textContent === '100');
  assert.equal(await form.locator('tr:has(th:text-is("Money")) td.why').textContent(), 'your choice · numbers');
  // 1 won (Ann, 100) of 2 closed
  assert.equal((await b.page.textContent('[data-metric=win_rate] .value')).trim(), '50.0%');
  await b.page.screenshot({ path: `${SHOTS}mapping.png`, fullPage: true });

  // A new file with the same header: the preset applies by itself.
  await dropFiles(b.page, [{ name: 'odd-march.csv', text: ODD.replace('100', '300') }]);
  await b.page.waitForFunction(() => document.querySelector('[data-metric=revenue] .value')?.textContent === '300');
  assert.match(await b.page.textContent('#messages'), /Preset “Odd CRM” applied to odd-march\.csv/);
});

test('a lookup table groups the sales by its columns, names it lacks counted', async () => {
  const deals = 'deal_id,owner,account,stage,amount,created_date,closed_date,product\n'
    + '1,Ann,Acme,Won,100,2024-01-01,2024-01-11,GTX Pro\n2,Bob,Beta,Won,50,2024-01-02,2024-01-22,GTXPro\n'
    + '3,Ann,Gamma,Lost,70,2024-01-03,2024-01-13,MG Special\n4,Cy,Delta,Won,30,2024-01-04,2024-01-08,MG Special\n';
  const accounts = 'account,sector,employees\nACME ,tech,10\nbeta,tech,20\nGamma,retail,30\n';
  await dropFiles(b.page, [{ name: 'deals.csv', text: deals }, { name: 'accounts.csv', text: accounts }]);
  await waitForResult(b.page);
  const section = b.page.locator('[data-dimension="accounts.csv:sector"]');
  assert.match(await section.locator('h2').textContent(), /Sales by sector \(accounts\.csv\)/);
  const rows = await section.locator('tbody tr').allTextContents();
  assert.equal(rows.length, 3);
  assert.match(rows[0], /^tech.*150/);
  assert.match(rows[1], /^\(not in accounts\.csv\).*30/);
  assert.match(await section.textContent(), /Names \(account\) not in accounts\.csv: 1, e\.g\. Delta/);
  assert.match(await b.page.textContent('#files'), /Lookup table of account: deal tables are grouped by sector\./);
  assert.doesNotMatch(await b.page.textContent('#messages'), /accounts\.csv/);
  await section.screenshot({ path: `${SHOTS}lookup.png` });
  await b.page.locator('form.mapping[data-file="accounts.csv"]').evaluate((f) => { f.closest('details').open = true; });
  await b.page.locator('form.mapping[data-file="accounts.csv"]').screenshot({ path: `${SHOTS}lookup-file.png` });
});

test('the same file dropped twice is read once, and the file panel says so', async () => {
  const text = fixture('small_deals.csv');
  const r = await b.page.evaluate(async (csv) => {
    const { analyze } = await import('./sales-metrics.js');
    const files = [new File([csv], 'deals.csv'), new File([csv], 'deals (1).csv'), new File([`${csv} `], 'other.csv')];
    const report = await analyze(files, { today: '2024-06-01' });
    return { names: report.files.map((f) => f.name), codes: report.files[0].note_codes, revenue: report.metrics.revenue.value };
  }, text);
  // other.csv differs by one byte: read (its deals count twice, as they should)
  assert.deepEqual(r.names, ['deals.csv', 'other.csv']);
  assert.deepEqual(r.codes, [{ code: 'same_bytes', params: { files: 'deals (1).csv' } }]);
  assert.equal(r.revenue, '7001.00');
  await dropFiles(b.page, [{ name: 'deals.csv', text }, { name: 'deals (1).csv', text }]);
  await waitForResult(b.page);
  assert.equal((await b.page.textContent('[data-metric=revenue] .value')).trim(), '3,500.50');
  assert.match(await b.page.textContent('#files'), /deals \(1\)\.csv holds the same bytes as this file: it was not read again\./);
});
