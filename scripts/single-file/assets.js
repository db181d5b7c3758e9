// The single-file build's assets (replaces www/assets.js): everything is inlined by
// scripts/single-file/build.mjs, so the page needs no server. Module workers and fetch
// do not work from file://, so the worker is a classic script started from a Blob and
// the wasm bytes are compiled from memory.
import WORKER_SOURCE from 'sma:worker';
import WASM_BYTES from 'sma:wasm';
import STYLESHEET from 'sma:stylesheet';
import SAMPLE from 'sma:sample';
import GB18030_TABLE from 'sma:gb18030';

let workerUrl = null;

export function engineWorker() {
  workerUrl ??= URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
  return new Worker(workerUrl);
}

export function engineWasm() {
  return WebAssembly.compile(WASM_BYTES);
}

export async function gb18030Table() {
  return GB18030_TABLE;
}

/** The stylesheet is in the page itself; embedding uses the served files instead. */
export const STYLESHEET_URL = null;
export async function stylesheetText() {
  return STYLESHEET;
}

export async function sampleFiles() {
  return Object.entries(SAMPLE).map(([name, text]) => new File([text], name, { type: 'text/csv' }));
}
