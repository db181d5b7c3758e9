// The benchmark: our analyze() against PapaParse + plain JS in one headless Chromium
// session (alternating runs on the same File), and the same engine natively.
//
//   node bench/run.mjs [ROWS=1000000] [RUNS=5]
//
// Prints median / min / max of RUNS runs after a warm-up, MB/s, rows/s, the ratios, and
// whether the results agree to the cent. Needs the wasm build (scripts/build) and the
// release examples (built here).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, openSync, closeSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';
import { ROOT } from '../tests/browser/harness.mjs';

const rows = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 5);
const TODAY = '2025-01-01';
const dir = `${ROOT}target/bench/`;
mkdirSync(dir, { recursive: true });

execFileSync('cargo', ['build', '--quiet', '--release', '--example', 'generate', '--example', 'analyze'], { cwd: ROOT, stdio: 'inherit' });
const file = `${dir}deals_${rows}.csv`;
if (!existsSync(file)) {
  const fd = openSync(file, 'w');
  execFileSync(`${ROOT}target/release/examples/generate`, ['deals', String(rows)], { stdio: ['ignore', fd, 'inherit'] });
  closeSync(fd);
}
const bytes = statSync(file).size;
const mb = bytes / 1e6;

const stats = (ms) => {
  const s = [...ms].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] };
};
const line = (name, ms) => {
  const { median, min, max } = stats(ms);
  return `${name.padEnd(34)} median ${median.toFixed(0).padStart(6)} ms  (min ${min.toFixed(0)}, max ${max.toFixed(0)})  ` +
    `${(mb / (median / 1000)).toFixed(0).padStart(4)} MB/s  ${(rows / (median / 1000) / 1e6).toFixed(2)} M rows/s`;
};

// Native: the same engine, release build, same file.
const nativeMs = [];
let nativeRevenue = null;
for (let i = 0; i <= runs; i++) {
  const r = spawnSync(`${ROOT}target/release/examples/analyze`, ['--today', TODAY, file], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(/in ([\d.]+) ms/.exec(r.stderr)?.[1]);
  if (i > 0) nativeMs.push(ms);
  nativeRevenue = JSON.parse(r.stdout).metrics.revenue.value;
}

const { server, url } = await startServer(0, {
  '/bench-data/': dir,
  '/bench/papaparse/': `${ROOT}node_modules/papaparse/`,
  '/bench/': `${ROOT}bench/`,
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
try {
  const page = await browser.newPage();
  await page.goto(url);
  await page.addScriptTag({ url: '/bench/papaparse/papaparse.min.js' });
  await page.addScriptTag({ url: '/bench/papa-aggregate.js' });
  const result = await page.evaluate(async ({ runs, today, name }) => {
    const { analyze } = await import('./sales-metrics.js');
    const blob = await (await fetch(`/bench-data/${name}`)).blob();
    const file = new File([blob], 'deals.csv');
    const ours = [], papa = [], scaling = { 1: [], 2: [], 4: [] };
    let report, theirs;
    for (let i = 0; i <= runs; i++) {
      let t = performance.now();
      report = await analyze([file], { today });
      if (i > 0) ours.push(performance.now() - t);
      t = performance.now();
      theirs = await window.papaAggregate(file);
      if (i > 0) papa.push(performance.now() - t);
    }
    const byWorkers = {};
    for (let i = 0; i <= runs; i++) {
      for (const w of [1, 2, 4]) {
        const t = performance.now();
        const r = await analyze([file], { today, workers: w });
        if (i > 0) scaling[w].push(performance.now() - t);
        byWorkers[w] = { revenue: r.metrics.revenue.value, workers: r.diagnostics.workers, memory: r.diagnostics.peak_wasm_memory_bytes, d: r.diagnostics };
      }
    }
    return {
      ours, papa, theirs, scaling, byWorkers,
      revenue: report.metrics.revenue.value, won: report.metrics.deals_won.value, lost: report.metrics.deals_lost.value,
      diagnostics: report.diagnostics,
    };
  }, { runs, today: TODAY, name: file.split('/').pop() });

  const toCents = (s) => { const [w, f = ''] = s.split('.'); return Number(w) * 100 + Number((f + '00').slice(0, 2)); };
  const agree = toCents(result.revenue) === result.theirs.revenueCents && result.won === result.theirs.won &&
    result.lost === result.theirs.lost && result.revenue === nativeRevenue &&
    Object.values(result.byWorkers).every((w) => w.revenue === nativeRevenue);
  const oursMed = stats(result.ours).median, papaMed = stats(result.papa).median, natMed = stats(nativeMs).median;
  console.log(`deals file: ${rows.toLocaleString('en')} rows, ${mb.toFixed(1)} MB; ${runs} runs after a warm-up`);
  console.log(line('ours: analyze() in Chromium', result.ours));
  console.log(line('PapaParse 5.7 + plain JS', result.papa));
  console.log(line('ours natively (release)', nativeMs));
  console.log(`ratio PapaParse / ours: ${(papaMed / oursMed).toFixed(2)}x   ours in browser / native throughput: ${(100 * natMed / oursMed).toFixed(0)}%`);
  for (const w of [1, 2, 4]) {
    const b = result.byWorkers[w];
    const phases = b.d.plan_ms !== undefined ? `  (head ${b.d.plan_ms.toFixed(0)}, parts ${b.d.parts_ms.toFixed(0)}, merge ${b.d.merge_ms.toFixed(0)} ms)` : '';
    console.log(line(`ours, workers: ${w} (used ${b.workers})`, result.scaling[w]) + `  peak wasm ${(b.memory / 2 ** 20).toFixed(0)} MiB${phases}`);
  }
  const d = result.diagnostics;
  console.log(`default run: ${d.workers} workers, peak wasm memory ${(d.peak_wasm_memory_bytes / 2 ** 20).toFixed(1)} MiB per worker`);
  console.log(`results agree to the cent: ${agree ? 'yes' : 'NO'} (revenue ${result.revenue}, won ${result.won}, lost ${result.lost})`);
  if (!agree) process.exitCode = 1;
} finally {
  await browser.close();
  server.close();
}
