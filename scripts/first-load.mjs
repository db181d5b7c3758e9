// What the standalone page downloads before its first result, gzip-compressed as a
// server would send it: index.html, its stylesheet, every module main.js imports
// statically, the worker and its modules, and the wasm engine (fetched at the first drop).
// Printed by scripts/build; `node scripts/first-load.mjs --list` shows every file.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const WWW = resolve(fileURLToPath(new URL('../www/', import.meta.url)));
const TARGET_KB = 400;

/** Modules reached from `entry` by static `import`/`export … from` (not `import()`). */
function graph(entry, seen = new Set()) {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const source = readFileSync(entry, 'utf8');
  for (const [, spec] of source.matchAll(/^\s*(?:import|export)\s[^;'"]*?from\s*['"](\.[^'"]+)['"]/gms)) {
    graph(join(dirname(entry), spec), seen);
  }
  for (const [, spec] of source.matchAll(/^\s*import\s*['"](\.[^'"]+)['"]/gm)) graph(join(dirname(entry), spec), seen);
  return seen;
}

const files = new Set([
  join(WWW, 'index.html'),
  join(WWW, 'style.css'),
  ...graph(join(WWW, 'main.js')),
  ...graph(join(WWW, 'worker.js')),
  join(WWW, 'pkg/sales_metrics_bg.wasm'),
]);
const sizes = [...files].map((f) => {
  const bytes = readFileSync(f);
  return { file: relative(WWW, f), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
const sum = (key, pick = () => true) => sizes.filter(pick).reduce((s, x) => s + x[key], 0);
const isWasm = (x) => x.file.endsWith('.wasm');
if (process.argv.includes('--list')) {
  for (const x of sizes.sort((a, b) => b.gzip - a.gzip)) console.log(`${String(x.gzip).padStart(8)}  ${x.file}`);
}
const kb = (n) => (n / 1024).toFixed(0);
const total = sum('gzip');
console.log(`first load: ${kb(total)} KB gzip (wasm ${kb(sum('gzip', isWasm))} KB, ` +
  `JS, HTML and CSS ${kb(sum('gzip', (x) => !isWasm(x)))} KB in ${sizes.length - 1} files; ${kb(sum('raw'))} KB uncompressed); ` +
  `target ${TARGET_KB} KB: ${total <= TARGET_KB * 1024 ? 'met' : 'missed'}`);
