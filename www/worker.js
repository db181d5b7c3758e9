// Runs the wasm engine off the page's thread. Moves bytes and messages only:
//   analyze: stream whole files, post progress, post the report;
//   part:    stream one part of a file, post its state (for a merge elsewhere);
//   merge:   merge part states, post the report.
import './lockdown.js';
import init, { Analyzer, installGb18030Table } from './pkg/sales_metrics.js';
import { afterLineBreak } from './line-breaks.js';

const PROGRESS_EVERY_MS = 100;
let wasm;
const started = performance.now();
/** An analyzer kept between messages: the first part of a file, waiting to merge. */
let kept = null;
let tableInstalled = false;

async function stream(analyzer, id, blob, onBytes) {
  const reader = blob.stream().getReader();
  let lastPost = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    analyzer.push(id, value);
    const now = performance.now();
    if (now - lastPost >= PROGRESS_EVERY_MS) {
      lastPost = now;
      onBytes(value.byteLength, true);
    } else {
      onBytes(value.byteLength, false);
    }
  }
}

/**
 * Pushes `tail` (the bytes after a part, and the file's `breaks`) a line at a time until
 * the record the part ended in is complete; resolves to the bytes pushed (0 when the part
 * ended between records), or null when the tail ends first.
 */
async function finishRecord(analyzer, id, tail) {
  if (analyzer.atRecordStart(id)) return 0;
  if (!tail) return null;
  const bytes = new Uint8Array(await tail.blob.arrayBuffer());
  for (let at = 0; ;) {
    const end = afterLineBreak(bytes, at, tail.breaks);
    if (end < 0) return null;
    analyzer.push(id, bytes.subarray(at, end));
    at = end;
    if (analyzer.atRecordStart(id)) return at;
  }
}

function diagnostics(report, timings) {
  Object.assign(report.diagnostics, {
    elapsed_ms: performance.now() - timings.start,
    // wasm memory only grows, so its size now is its peak.
    peak_wasm_memory_bytes: wasm.memory.buffer.byteLength,
    workers: 1,
    init_ms: timings.initMs,
    read_ms: timings.readMs,
  });
  return report;
}

/** What the worker is reading, for a crash report: the file and the bytes read of it. */
const reading = { file: '', bytes: 0 };

const handlers = {
  async analyze({ files, options }) {
    const analyzer = new Analyzer(options);
    const timings = { start: performance.now(), initMs: performance.now() - started };
    const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
    let bytes = 0;
    for (const file of files) {
      const id = analyzer.beginFile(file.name ?? 'file.csv');
      Object.assign(reading, { file: file.name ?? 'file.csv', bytes: 0 });
      await stream(analyzer, id, file, (n, post) => {
        bytes += n;
        reading.bytes += n;
        if (post) {
          self.postMessage({ type: 'progress', progress: { bytes, totalBytes, rows: analyzer.rows(), elapsedMs: performance.now() - timings.start, file: file.name } });
        }
      });
      analyzer.endFile(id);
    }
    timings.readMs = performance.now() - timings.start;
    self.postMessage({ type: 'progress', progress: { bytes, totalBytes, rows: analyzer.rows(), elapsedMs: timings.readMs, file: '' } });
    self.postMessage({ type: 'done', report: diagnostics(JSON.parse(analyzer.finish()), timings) });
  },

  async part({ blob, tail, name, options, last, keep }) {
    const analyzer = new Analyzer(options);
    const id = analyzer.beginFile(name);
    await stream(analyzer, id, blob, (n, post) => self.postMessage({ type: 'bytes', bytes: n, rows: post ? analyzer.rows() : undefined }));
    // Cut inside a quoted field: read on, a line at a time, to the end of that record.
    const overrun = last ? 0 : await finishRecord(analyzer, id, tail);
    const clean = last || overrun !== null;
    if (keep) {
      analyzer.endFile(id);
      kept = analyzer;
    }
    const state = clean && !keep ? analyzer.exportPart() : null;
    self.postMessage({ type: 'part', clean, overrun, state, memory: wasm.memory.buffer.byteLength }, state ? [state.buffer] : []);
  },

  async merge({ states }) {
    const timings = { start: performance.now(), initMs: 0, readMs: 0 };
    const analyzer = kept;
    kept = null;
    for (const s of states) analyzer.importPart(s);
    self.postMessage({ type: 'done', report: diagnostics(JSON.parse(analyzer.finish()), timings) });
  },
};

self.onmessage = async ({ data }) => {
  try {
    wasm ??= await init(data.module ? { module_or_path: data.module } : undefined);
    // Sent along when a file may be GBK (the page fetched it once); installed once. A
    // damaged table is left out: the engine then decodes with TextDecoder.
    if (data.gb18030Table && !tableInstalled) {
      tableInstalled = true;
      try {
        installGb18030Table(data.gb18030Table);
      } catch {
        // decoded by TextDecoder instead
      }
    }
    await handlers[data.type ?? 'analyze'](data);
  } catch (err) {
    // A trap in the engine (RuntimeError "unreachable") is a crash: say what was being read.
    const crash = err instanceof WebAssembly.RuntimeError;
    self.postMessage({ type: 'error', message: String(err?.message ?? err), crash, file: reading.file, bytes: reading.bytes });
  }
};
