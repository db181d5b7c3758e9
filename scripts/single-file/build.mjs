// Writes dist/sales-metrics-analyzer.html: the standalone page as one file, with the
// scripts, the worker, the wasm engine, the stylesheet and the sample data inlined, for
// users with no web server (it works opened straight from disk, file://).
//
// esbuild bundles the ES modules (file:// pages cannot import modules or start module
// workers); www/assets.js is swapped for ./assets.js, whose `sma:*` imports are filled
// in here. The page keeps a strict Content-Security-Policy: its one script and one
// stylesheet are allowed by their SHA-256 hashes, the worker by `blob:`, and
// `connect-src 'none'` forbids every request.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WWW = `${ROOT}www/`;
const OUT = process.argv[2] ?? `${ROOT}dist/sales-metrics-analyzer.html`;

async function bundle(entry, format, plugins = []) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format,
    minify: true,
    target: 'es2022',
    charset: 'utf8',
    legalComments: 'none',
    // wasm-bindgen's default wasm address is never used: the module is always passed in
    define: format === 'iife' ? { 'import.meta.url': 'self.location.href' } : {},
    loader: { '.wasm': 'binary', '.bin': 'binary', '.css': 'text' },
    plugins,
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

const workerSource = await bundle(`${WWW}worker.js`, 'iife');

const inline = {
  name: 'single-file',
  setup(b) {
    b.onResolve({ filter: /[/\\]assets\.js$/ }, (args) =>
      args.importer.startsWith(WWW) ? { path: fileURLToPath(new URL('./assets.js', import.meta.url)) } : undefined);
    b.onResolve({ filter: /^sma:wasm$/ }, () => ({ path: `${WWW}pkg/sales_metrics_bg.wasm` }));
    b.onResolve({ filter: /^sma:stylesheet$/ }, () => ({ path: `${WWW}style.css` }));
    b.onResolve({ filter: /^sma:gb18030$/ }, () => ({ path: `${WWW}gb18030.bin` }));
    b.onResolve({ filter: /^sma:(worker|sample)$/ }, (args) => ({ path: args.path, namespace: 'sma' }));
    b.onLoad({ filter: /^sma:worker$/, namespace: 'sma' }, () => ({
      contents: `export default ${JSON.stringify(workerSource)};`, loader: 'js',
    }));
    b.onLoad({ filter: /^sma:sample$/, namespace: 'sma' }, () => {
      const { files } = JSON.parse(readFileSync(`${WWW}sample/index.json`, 'utf8'));
      const sample = Object.fromEntries(files.map((name) => [name, readFileSync(`${WWW}sample/${name}`, 'utf8')]));
      return { contents: `export default ${JSON.stringify(sample)};`, loader: 'js' };
    });
  },
};

// `</script` inside a string would end the inline script early; `<\/` is the same string.
const script = (await bundle(`${WWW}main.js`, 'esm', [inline])).replaceAll('</script', '<\\/script');
const style = readFileSync(`${WWW}style.css`, 'utf8');
const hash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const policy = [
  "default-src 'none'",
  `script-src ${hash(script)} 'wasm-unsafe-eval'`,
  `style-src ${hash(style)}`,
  'img-src data:',
  'worker-src blob:',
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

let html = readFileSync(`${WWW}index.html`, 'utf8');
const swap = (pattern, text) => {
  if (!pattern.test(html)) throw new Error(`www/index.html has no ${pattern}`);
  html = html.replace(pattern, () => text);
};
swap(/<meta http-equiv="Content-Security-Policy"[^>]*>/s, `<meta http-equiv="Content-Security-Policy" content="${policy}">`);
swap(/<link rel="stylesheet" href="style.css">/, `<style>${style}</style>`);
swap(/<script type="module" src="main.js"><\/script>/, `<script type="module">${script}</script>`);

mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, html);
console.error(`built ${OUT.replace(ROOT, '')}: ${Buffer.byteLength(html)} bytes (${gzipSync(html).length} gzip)`);
