// Where the page's assets come from: files next to this module, fetched from the same
// server. The single-file build (scripts/single-file/) swaps this module for one that
// carries every asset inlined, so the page also works opened straight from disk.

/** A new engine worker. */
export function engineWorker() {
  return new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
}

/** The engine's compiled WebAssembly module. */
export function engineWasm() {
  return WebAssembly.compileStreaming(fetch(new URL('./pkg/sales_metrics_bg.wasm', import.meta.url)));
}

/** The GB18030/GBK decoding table (fetched only when a dropped file may be Chinese). */
export async function gb18030Table() {
  return new Uint8Array(await (await fetch(new URL('./gb18030.bin', import.meta.url))).arrayBuffer());
}

/** The dashboard's stylesheet: its address (for a `<link>`) and its text (for the snapshot). */
export const STYLESHEET_URL = new URL('./style.css', import.meta.url).href;
export async function stylesheetText() {
  return (await fetch(STYLESHEET_URL)).text();
}

/** The sample dataset behind "Try with sample data", as Files. */
export async function sampleFiles() {
  const base = new URL('./sample/', import.meta.url);
  const { files } = await (await fetch(new URL('index.json', base))).json();
  return Promise.all(files.map(async (name) =>
    new File([await (await fetch(new URL(name, base))).blob()], name, { type: 'text/csv' })));
}
