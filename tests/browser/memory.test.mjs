// The memory limit: a file naming a different owner on every row (an id column taken for
// the owner) grows the engine's memory with every row. Past the limit the worker stops
// reading, the report covers the rows read and says where it stopped and which column
// filled the memory, and the page says what to do. Limits here are small (24 MiB) so that
// the files are too; the default is 2 GiB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, SHOTS } from './harness.mjs';

const ROWS = 300_000;

/** In the page: deals whose owner column holds a new name on every row (about 22 MB). */
const makeFile = (rows) => {
  const lines = ['Deal ID,Owner,Account,Stage,Amount,Created Date,Close Date'];
  for (let i = 0; i < rows; i++) {
    lines.push(`D${i},Customer Name ${String(i).padStart(7, '0')},Acme ${i % 10},${['Won', 'Lost', 'Open'][i % 3]},${100 + (i % 997)}.50,2024-01-0${1 + (i % 9)},2024-02-0${1 + (i % 9)}`);
  }
  return new File([lines.join('\n')], 'deals.csv', { type: 'text/csv' });
};

test('past the memory limit the report covers the rows read and names the column', async () => {
  const b = await openBrowser();
  try {
    // evaluated through the debugging protocol: the page's CSP forbids eval
    await b.page.evaluate(`window.__file = (${makeFile})(${ROWS})`);
    const got = await b.page.evaluate(async () => {
      const { analyze } = await import('./sales-metrics.js');
      const file = window.__file;
      const out = {};
      for (const workers of [1, 2]) {
        const r = await analyze([file], { asOf: '2024-06-01', workers, memoryLimitMb: 24 });
        out[workers] = { partial: r.partial, rows: r.diagnostics.rows, revenue: r.metrics.revenue.value,
          owners: r.tables.sales_by_owner.total_rows, listed: r.tables.sales_by_owner.rows.length, workersUsed: r.diagnostics.workers };
      }
      // the same file under the default limit is read whole
      const whole = await analyze([file], { asOf: '2024-06-01', workers: 1 });
      out.whole = { partial: whole.partial ?? null, rows: whole.diagnostics.rows };
      return out;
    });
    assert.equal(got.whole.partial, null);
    assert.equal(got.whole.rows, ROWS);
    for (const workers of [1, 2]) {
      const g = got[workers];
      assert.equal(g.partial?.reason, 'memory', `workers ${workers}: ${JSON.stringify(g.partial)}`);
      assert.equal(g.partial.limit_mb, 24);
      assert.equal(g.partial.file, 'deals.csv');
      assert.ok(g.partial.bytes_read > 0 && g.partial.bytes_read < g.partial.file_bytes, JSON.stringify(g.partial));
      assert.deepEqual([g.partial.names[0].kind, g.partial.names[0].field], ['deals', 'owner']);
      assert.ok(g.partial.names[0].distinct > 10_000, JSON.stringify(g.partial.names));
      // the rows read are analysed: revenue and the owners table are there
      assert.ok(g.rows > 10_000 && g.rows < ROWS, `rows ${g.rows}`);
      assert.notEqual(g.revenue, null);
      assert.equal(g.listed, 1000);
      assert.ok(g.owners > 1000);
    }
    assert.equal(got[2].workersUsed, 2);
  } finally {
    await b.close();
  }
});

test('the page says where it stopped and what to do, and shows what it read', async () => {
  const b = await openBrowser();
  try {
    const { page } = b;
    await page.goto(`${b.url}?memory-limit-mb=24`);
    await page.waitForSelector('body[data-state=ready]');
    await page.evaluate(`window.__file = (${makeFile})(${ROWS})`);
    const dataTransfer = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(window.__file);
      return dt;
    });
    await page.dispatchEvent('#drop', 'drop', { dataTransfer });
    await page.waitForSelector('body[data-state=done], body[data-state=failed]', { timeout: 60_000 });
    assert.equal(await page.getAttribute('body', 'data-partial'), 'memory');
    const messages = await page.textContent('#messages');
    assert.match(messages, /stopped after [\d.,]+ [KM]B of [\d.,]+ MB of deals\.csv/);
    assert.match(messages, /past its limit \(24 MB\)/);
    assert.match(messages, /different values of owner \(column “Owner” of deals\.csv\)/);
    // the figures of the rows read are drawn, the owners' table ends with the rest
    assert.notEqual((await page.textContent('[data-metric=revenue] .value'))?.trim(), '—');
    assert.match(await page.textContent('#by-owner tfoot'), /more rows/);
    assert.match(await page.textContent('#by-owner'), /The first 1,000 of [\d,]+ rows are listed/);
    await page.screenshot({ path: `${SHOTS}memory-limit.png` });
  } finally {
    await b.close();
  }
});
