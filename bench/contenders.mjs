// The contenders of the benchmark, run in the page: PapaParse 5.7 + plain JavaScript, and
// DuckDB-WASM (served locally from node_modules, never a CDN). Each computes what the
// engine's report says — deals: won, lost, exact won revenue, mean sales cycle; orders:
// lines, distinct orders, exact revenue — from a File written in one of bench/styles.mjs.
// A file in an encoding the tool cannot read itself is decoded with TextDecoder first
// (inside the timed run).
import { dayOf, unitsOf } from './styles.mjs';
export { ours } from './styles.mjs';
import * as duckdb from '/bench-data/duckdb.mjs';

const scaleOf = (style) => (style.kind === 'orders' ? 3 : 2);

/** Deals or orders tallies, fed row objects keyed by header. */
function tally(style) {
  const c = style.cols;
  const scale = scaleOf(style);
  if (style.kind === 'orders') {
    const orders = new Set();
    let lines = 0, revenue = 0;
    return {
      row(r) { lines++; orders.add(r[c.order]); revenue += unitsOf(r[c.amount], style.decimal, scale); },
      result: () => ({ lines, orders: orders.size, revenue }),
    };
  }
  let won = 0, lost = 0, revenue = 0, cycleDays = 0, cycles = 0;
  return {
    row(r) {
      const status = r[c.status];
      if (status === style.won) {
        won++;
        revenue += unitsOf(r[c.amount], style.decimal, scale);
        const days = dayOf(r[c.closed], style.dates) - dayOf(r[c.created], style.dates);
        if (days >= 0) { cycleDays += days; cycles++; }
      } else if (status === style.lost) {
        lost++;
      }
    },
    result: () => ({ won, lost, revenue, cycle: cycleDays / cycles }),
  };
}

/** PapaParse streaming the File (or, for GBK and UTF-16, the text TextDecoder made of it). */
export async function papa(file, style) {
  const t = tally(style);
  const input = style.encoding === 'utf-8' ? file : new TextDecoder(style.encoding).decode(await file.arrayBuffer());
  await new Promise((resolve, reject) => {
    window.Papa.parse(input, {
      header: true,
      delimiter: style.delimiter,
      skipEmptyLines: true,
      chunkSize: 1 << 20,
      chunk(results) {
        for (const r of results.data) t.row(r);
      },
      complete: resolve,
      error: reject,
    });
  });
  return t.result();
}

let db = null;
let files = 0;
async function database() {
  if (!db) {
    const worker = new Worker('/bench/duckdb-dist/duckdb-browser-eh.worker.js');
    db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    await db.instantiate('/bench/duckdb-dist/duckdb-eh.wasm');
  }
  return db;
}

const FORMATS = { mdy: '%m/%d/%Y', dmy: '%d.%m.%Y', ymd: '%Y/%m/%d' };
const q = (name) => `"${name.replaceAll('"', '""')}"`;

function sql(file, style) {
  const c = style.cols;
  const csv = `read_csv('${file}', delim = '${style.delimiter === '\t' ? '\\t' : style.delimiter}', header = true, ` +
    `quote = '"', escape = '"', all_varchar = true)`;
  const written = style.unit ? `replace(replace(${q(c.amount)}, '${style.unit}', ''), ',', '')` : q(c.amount);
  const amount = style.decimal === ','
    ? `CAST(replace(replace(${q(c.amount)}, '.', ''), ',', '.') AS DECIMAL(18, ${scaleOf(style)}))`
    : `CAST(${written} AS DECIMAL(18, ${scaleOf(style)}))`;
  if (style.kind === 'orders') {
    return `SELECT count(*)::INTEGER AS lines, count(DISTINCT ${q(c.order)})::INTEGER AS orders,
      CAST(sum(${amount}) AS VARCHAR) AS revenue FROM ${csv}`;
  }
  const date = (col) => (style.dates === 'iso' ? `TRY_CAST(${q(col)} AS DATE)` : `TRY_STRPTIME(${q(col)}, '${FORMATS[style.dates]}')::DATE`);
  return `SELECT count(*) FILTER (WHERE s = '${style.won}')::INTEGER AS won,
      count(*) FILTER (WHERE s = '${style.lost}')::INTEGER AS lost,
      CAST(sum(a) FILTER (WHERE s = '${style.won}') AS VARCHAR) AS revenue,
      avg(date_diff('day', cr, cl)) FILTER (WHERE s = '${style.won}' AND cl >= cr) AS cycle
    FROM (SELECT ${q(c.status)} AS s, ${amount} AS a, ${date(c.created)} AS cr, ${date(c.closed)} AS cl FROM ${csv})`;
}

/** DuckDB-WASM reading the File through its file reader (or UTF-8 re-encoded from TextDecoder). */
export async function duck(file, style) {
  const d = await database();
  const name = `bench-${++files}.csv`;
  if (style.encoding === 'utf-8') {
    await d.registerFileHandle(name, file, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
  } else {
    const text = new TextDecoder(style.encoding).decode(await file.arrayBuffer());
    await d.registerFileBuffer(name, new TextEncoder().encode(text));
  }
  const conn = await d.connect();
  try {
    const row = (await conn.query(sql(name, style))).toArray()[0].toJSON();
    const revenue = unitsOf(String(row.revenue), '.', scaleOf(style));
    return style.kind === 'orders'
      ? { lines: row.lines, orders: row.orders, revenue }
      : { won: row.won, lost: row.lost, revenue, cycle: row.cycle };
  } finally {
    await conn.close();
    await d.dropFile(name);
  }
}
