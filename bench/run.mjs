// The benchmark matrix: our analyze() in headless Chromium (one worker and the default
// number), the same engine natively, PapaParse 5.7 + plain JavaScript and DuckDB-WASM, on
// the same deals written in every export style of bench/styles.mjs, and a Chinese orders
// file. Each contender computes the same figures; they must agree to the cent.
//
//   node bench/run.mjs [ROWS=1000000] [RUNS=3] [STYLE,STYLE...]
//
// Prints, per style and contender, the median of RUNS runs after a warm-up, MB/s, the
// ratios, peak wasm memory per worker, and whether the figures agree. Needs the wasm build
// (scripts/build) and npm ci; builds the release examples and writes the files under
// target/bench/ (kept for the next run).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, openSync, closeSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { build } from 'esbuild';
import { startServer } from '../scripts/serve.mjs';
import { ROOT } from '../tests/browser/harness.mjs';
import { STYLES, ours } from './styles.mjs';

const rows = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 3);
const names = process.argv[4] ? process.argv[4].split(',') : Object.keys(STYLES);
const TODAY = '2025-01-01';
const dir = `${ROOT}target/bench/`;
mkdirSync(dir, { recursive: true });

execFileSync('cargo', ['build', '--quiet', '--release', '--example', 'generate', '--example', 'analyze'], { cwd: ROOT, stdio: 'inherit' });
const fileOf = (name) => {
  const file = `${dir}${name}_${rows}.csv`;
  if (!existsSync(file)) {
    const fd = openSync(file, 'w');
    execFileSync(`${ROOT}target/release/examples/generate`, [name, String(rows)], { stdio: ['ignore', fd, 'inherit'] });
    closeSync(fd);
  }
  return file;
};
// DuckDB-WASM's browser module imports apache-arrow by name: bundle it once for the page.
if (!existsSync(`${dir}duckdb.mjs`)) {
  await build({
    entryPoints: [`${ROOT}node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser.mjs`],
    bundle: true, format: 'esm', outfile: `${dir}duckdb.mjs`, logLevel: 'warning',
  });
}

const median = (ms) => [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)];

function native(file) {
  const ms = [];
  let report = null;
  for (let i = 0; i <= runs; i++) {
    const r = spawnSync(`${ROOT}target/release/examples/analyze`, ['--as-of', TODAY, file], { encoding: 'utf8', maxBuffer: 1 << 30 });
    if (i > 0) ms.push(Number(/in ([\d.]+) ms/.exec(r.stderr)?.[1]));
    report = JSON.parse(r.stdout);
  }
  return { ms, report };
}

const { server, url } = await startServer(0, {
  '/bench-data/': dir,
  '/bench/papaparse/': `${ROOT}node_modules/papaparse/`,
  '/bench/duckdb-dist/': `${ROOT}node_modules/@duckdb/duckdb-wasm/dist/`,
  '/bench/': `${ROOT}bench/`,
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});

const results = [];
let failed = false;
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(url);
  await page.addScriptTag({ url: '/bench/papaparse/papaparse.min.js' });
  for (const name of names) {
    const style = STYLES[name];
    const file = fileOf(name);
    const mb = statSync(file).size / 1e6;
    const nat = native(file);
    const got = await page.evaluate(async ({ runs, today, name, path }) => {
      const { analyze } = await import('./sales-metrics.js');
      const bench = await import('/bench/contenders.mjs');
      const { STYLES } = await import('/bench/styles.mjs');
      const style = STYLES[name];
      const blob = await (await fetch(path)).blob();
      const file = new File([blob], `${name}.csv`);
      const contenders = {
        ours1: async () => bench.ours(window.lastReport = await analyze([file], { asOf: today, workers: 1 }), style),
        ours: async () => bench.ours(window.lastReport = await analyze([file], { asOf: today }), style),
        papa: () => bench.papa(file, style),
        duck: () => bench.duck(file, style),
      };
      const out = {};
      for (const [key, run] of Object.entries(contenders)) {
        const ms = [];
        let figures, memory = null, workers = null;
        for (let i = 0; i <= runs; i++) {
          const t = performance.now();
          try {
            figures = await run();
          } catch (e) {
            figures = { error: String(e?.message ?? e) };
          }
          if (i > 0) ms.push(performance.now() - t);
          if (key.startsWith('ours') && !figures.error) {
            memory = window.lastReport.diagnostics.peak_wasm_memory_bytes;
            workers = window.lastReport.diagnostics.workers;
          }
        }
        out[key] = { ms, figures, memory, workers };
      }
      return out;
    }, { runs, today: TODAY, name, path: `/bench-data/${file.split('/').pop()}` });
    got.native = { ms: nat.ms, figures: ours(nat.report, style) };
    const base = got.native.figures;
    const same = (f) => !f.error && (style.kind === 'orders'
      ? f.lines === base.lines && f.revenue === base.revenue
      : f.won === base.won && f.lost === base.lost && f.revenue === base.revenue && Math.abs(f.cycle - base.cycle) < 1e-9);
    const agree = Object.values(got).every((c) => same(c.figures));
    failed ||= !agree;
    results.push({ name, style, mb, got, agree });
    report(results.at(-1));
  }
} finally {
  await browser.close();
  server.close();
}
summary(results);
if (failed) process.exitCode = 1;

function report({ style, mb, got, agree }) {
  const cell = (c) => {
    const m = median(c.ms);
    return `${m.toFixed(0).padStart(6)} ms ${(mb / (m / 1000)).toFixed(0).padStart(4)} MB/s`;
  };
  console.log(`\n${style.label}: ${rows.toLocaleString('en')} rows, ${mb.toFixed(1)} MB, median of ${runs} after a warm-up`);
  const rowsOf = [
    ['ours in Chromium, 1 worker', got.ours1, `peak wasm ${(got.ours1.memory / 2 ** 20).toFixed(1)} MiB`],
    [`ours in Chromium, default (${got.ours.workers} workers)`, got.ours, `peak wasm ${(got.ours.memory / 2 ** 20).toFixed(1)} MiB per worker`],
    ['ours natively, one thread', got.native, ''],
    ['PapaParse 5.7 + plain JS', got.papa, style.encoding === 'utf-8' ? '' : '(TextDecoder first)'],
    ['DuckDB-WASM 1.32', got.duck, style.encoding === 'utf-8' ? '' : '(TextDecoder first)'],
  ];
  for (const [label, c, note] of rowsOf) {
    console.log(`  ${label.padEnd(42)} ${c.figures.error ? `failed: ${c.figures.error}` : cell(c)}  ${note}`);
  }
  const m = (c) => median(c.ms);
  console.log(`  PapaParse / ours: ${(m(got.papa) / m(got.ours)).toFixed(2)}x   DuckDB / ours: ${(m(got.duck) / m(got.ours)).toFixed(2)}x`);
  const f = got.native.figures;
  const figures = style.kind === 'orders'
    ? `lines ${f.lines}, revenue ${f.revenue / 1000} (distinct orders: DuckDB ${got.duck.figures.orders}, ours ${got.ours.figures.orders})`
    : `won ${f.won}, lost ${f.lost}, revenue ${(f.revenue / 100).toFixed(2)}, mean cycle ${f.cycle.toFixed(4)} days`;
  console.log(`  figures agree to the cent: ${agree ? 'yes' : 'NO'} (${figures})`);
  if (!agree) for (const [k, c] of Object.entries(got)) console.log(`    ${k}: ${JSON.stringify(c.figures)}`);
}

function summary(all) {
  const plain = all.find((r) => r.name === 'deals-plain');
  console.log('\nper MB against plain (ours, default workers): ' + all.map((r) => {
    const perMb = (x) => median(x.got.ours.ms) / x.mb;
    return `${r.name} ${plain ? (perMb(r) / perMb(plain)).toFixed(2) + 'x' : '-'}`;
  }).join(', '));
}
