// Bytes per distinct name, natively and in the tab: a deals file naming N different
// owners (or accounts, or an orders file naming N customers) against the same rows naming
// 10, for each N.
//
//   node bench/memory.mjs [N,N...=10000,1000000,5000000] [COLUMN,COLUMN...=owner,account,customer]
//
// Natively the release example `memory` counts the heap's peak. In headless Chromium the
// page analyses the file (one worker, then the default number) and the engine's peak wasm
// memory (`diagnostics.peak_wasm_memory_bytes`, per worker) is compared. Files are written
// under target/bench/ and kept. Needs the wasm build (scripts/build) and npm ci.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';
import { ROOT } from '../tests/browser/harness.mjs';

const sizes = (process.argv[2] ?? '10000,1000000,5000000').split(',').map(Number);
const columns = (process.argv[3] ?? 'owner,account,customer').split(',');
const dir = `${ROOT}target/bench/`;
mkdirSync(dir, { recursive: true });
execFileSync('cargo', ['build', '--quiet', '--release', '--example', 'memory'], { cwd: ROOT, stdio: 'inherit' });
const example = `${ROOT}target/release/examples/memory`;

console.log('Natively (peak heap, counted by the allocator):');
console.log(execFileSync(example, sizes.map(String), { encoding: 'utf8', maxBuffer: 1 << 24 }));

const fileOf = (column, rows, names) => {
  const file = `${dir}memory_${column}_${rows}_${names}.csv`;
  if (!existsSync(file)) {
    const fd = openSync(file, 'w');
    execFileSync(example, ['--csv', column, String(rows), String(names)], { stdio: ['ignore', fd, 'inherit'] });
    closeSync(fd);
  }
  return file;
};

const { server, url } = await startServer(0, { '/bench-data/': dir });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const MB = 2 ** 20;
console.log('In Chromium (peak wasm memory of the worker that merges; N names against 10):');
console.log(`${'column'.padEnd(16)} ${'names'.padStart(10)} ${'workers'.padStart(8)} ${'wasm, 10 names'.padStart(16)} ${'wasm, N names'.padStart(14)} ${'bytes per name'.padStart(15)} ${'seconds'.padStart(8)}`);
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(url);
  for (const column of columns) {
    for (const n of sizes) {
      const files = { few: fileOf(column, n, 10), many: fileOf(column, n, n) };
      for (const workers of [1, undefined]) {
        const got = await page.evaluate(async ({ paths, workers }) => {
          const { analyze } = await import('./sales-metrics.js');
          const out = {};
          for (const [key, path] of Object.entries(paths)) {
            const blob = await (await fetch(path)).blob();
            const t = performance.now();
            try {
              const report = await analyze([new File([blob], 'deals.csv')], { asOf: '2025-01-01', workers });
              out[key] = { memory: report.diagnostics.peak_wasm_memory_bytes, workers: report.diagnostics.workers,
                rows: report.diagnostics.rows, partial: report.partial ?? null, ms: performance.now() - t };
            } catch (e) {
              out[key] = { error: String(e?.message ?? e) };
            }
          }
          return out;
        }, { paths: { few: `/bench-data/${files.few.split('/').pop()}`, many: `/bench-data/${files.many.split('/').pop()}` }, workers });
        if (got.few.error || got.many.error) {
          console.log(`${column.padEnd(16)} ${String(n).padStart(10)} failed: ${got.few.error ?? got.many.error}`);
          continue;
        }
        const per = (got.many.memory - got.few.memory) / n;
        const stopped = got.many.partial ? ` (stopped: ${got.many.partial.reason} after ${got.many.rows} rows)` : '';
        console.log(`${column.padEnd(16)} ${String(n).padStart(10)} ${String(got.many.workers).padStart(8)} ${(got.few.memory / MB).toFixed(1).padStart(12)} MiB ${(got.many.memory / MB).toFixed(1).padStart(10)} MiB ${per.toFixed(0).padStart(15)} ${(got.many.ms / 1000).toFixed(2).padStart(8)}${stopped}`);
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}
