// A static server for www/ on 127.0.0.1 (no dependencies). Sends .wasm as
// application/wasm. Prints the address. PORT=NNNN picks the port (default 8080, or
// the next free one).
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../www/', import.meta.url)));
/**
 * Sent with every response, the worker's script included: a worker's policy comes from
 * the response that served it (a page's <meta> policy does not reach it).
 */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
  + "connect-src 'self'; worker-src 'self'; frame-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
};

/**
 * Serves www/ (and, for tests and benchmarks, `mounts`: URL prefix → folder) on 127.0.0.1.
 * Files are streamed, so large ones are fine.
 */
export function startServer(port = Number(process.env.PORT) || 8080, mounts = {}, tries = 20) {
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      const [prefix, root] = Object.entries(mounts).find(([p]) => path.startsWith(p)) ?? ['/', ROOT];
      const base = resolve(root);
      let file = normalize(join(base, path.slice(prefix.length - 1)));
      if (file !== base && !file.startsWith(base + sep)) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const { size } = await stat(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache', 'content-length': size,
        'content-security-policy': CSP, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer',
      });
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', (e) => {
      if (e.code === 'EADDRINUSE' && tries > 0) startServer(port + 1, mounts, tries - 1).then(ok, fail);
      else fail(e);
    });
    server.listen(port, '127.0.0.1', () => ok({ server, url: `http://127.0.0.1:${server.address().port}/` }));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url } = await startServer();
  console.log(`Sales Metrics Analyzer: open ${url}`);
}
