// What a drill-down costs in the page: the analysis, then the list behind a card (won
// deals, first page, file order), the same list sorted by amount over every row, and its
// CSV of every match, in headless Chromium on the export styles of bench/styles.mjs.
//
//   node bench/drill.mjs [ROWS=200000] [RUNS=3] [STYLE,STYLE...]
//
// Prints the median of RUNS runs after a warm-up, and each drill's time against the
// analysis'. Needs the wasm build (scripts/build); writes the files under target/bench/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import * as fs from 'node:fs';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';
import { ROOT } from '../tests/browser/harness.mjs';

const rows = Number(process.argv[2] ?? 200_000);
const runs = Number(process.argv[3] ?? 3);
const names = (process.argv[4] ?? 'deals-plain,deals-salesforce,deals-gbk').split(',');
const dir = `${ROOT}target/bench/`;
mkdirSync(dir, { recursive: true });
execFileSync('cargo', ['build', '--quiet', '--release', '--example', 'generate'], { cwd: ROOT, stdio: 'inherit' });
const fileOf = (name) => {
  const file = `${dir}${name}_${rows}.csv`;
  if (!existsSync(file)) {
    const fd = fs.openSync(file, 'w');
    execFileSync(`${ROOT}target/release/examples/generate`, [name, String(rows)], { stdio: ['ignore', fd, 'inherit'] });
    fs.closeSync(fd);
  }
  return file;
};
const median = (ms) => [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)];

const { server, url } = await startServer(0, { '/bench-data/': dir });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  await page.goto(url);
  for (const name of names) {
    const file = fileOf(name);
    const mb = statSync(file).size / 1e6;
    const got = await page.evaluate(async ({ runs, path, name }) => {
      const { analyze, drill } = await import('./sales-metrics.js');
      const blob = await (await fetch(path)).blob();
      const files = [new File([blob], `${name}.csv`)];
      const options = { asOf: '2025-01-01', today: '2025-01-01' };
      const steps = {
        analysis: () => analyze(files, options),
        'won deals, first 100': () => drill(files, options, { set: 'won', limit: 100 }),
        'won deals by amount, first 100': () => drill(files, options, { set: 'won', sort: 'amount', descending: true, limit: 100 }),
        'won deals as CSV, all': () => drill(files, options, { set: 'won' }, { csv: true }),
      };
      const out = {};
      for (const [step, run] of Object.entries(steps)) {
        const ms = [];
        let answer;
        for (let i = 0; i <= runs; i++) {
          const t = performance.now();
          answer = await run();
          if (i > 0) ms.push(performance.now() - t);
        }
        out[step] = { ms, total: typeof answer === 'string' ? answer.length : answer.total ?? answer.metrics?.deals_won?.value };
      }
      return out;
    }, { runs, path: `/bench-data/${file.split('/').pop()}`, name });
    const base = median(got.analysis.ms);
    console.log(`\n${name}: ${rows.toLocaleString('en')} rows, ${mb.toFixed(1)} MB, median of ${runs} after a warm-up`);
    for (const [step, { ms, total }] of Object.entries(got)) {
      const m = median(ms);
      console.log(`  ${step.padEnd(32)} ${m.toFixed(0).padStart(6)} ms  ${(m / base).toFixed(2)}× the analysis  (${total})`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
