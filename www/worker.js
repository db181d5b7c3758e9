// Runs the wasm engine off the page's thread. Moves bytes and messages only:
//   analyze: stream whole files, post progress, post the report;
//   part:    stream one part of a file, post its state (for a merge elsewhere);
//   merge:   merge part states, post the report;
//   drill:   stream whole files, post the rows behind a figure (docs/DRILL.md).
import './lockdown.js';
import init, { Analyzer, installGb18030Table } from './pkg/sales_metrics.js';
import { afterLineBreak } from './line-breaks.js';

const PROGRESS_EVERY_MS = 100;
/** The wasm memory past which reading stops (option `memory_limit_mb`). A tab's wasm
 *  memory ends at 4 GiB, and the merge and the report need room after reading. */
const DEFAULT_MEMORY_LIMIT_MB = 2048;
let wasm;
const started = performance.now();
/** An analyzer kept between messages: the first part of a file, waiting to merge. */
let kept = null;
let tableInstalled = false;

const limitOf = (options) => (options?.memory_limit_mb ?? DEFAULT_MEMORY_LIMIT_MB) * 2 ** 20;

/** Why reading stopped early, for the report's `partial`: the memory used and allowed,
 *  where reading stopped and the columns of names that filled it. */
function memoryStop(analyzer, limit, file, bytesRead, fileBytes) {
  return {
    reason: 'memory',
    limit_mb: Math.round(limit / 2 ** 20),
    memory_mb: Math.round(wasm.memory.buffer.byteLength / 2 ** 20),
    file,
    bytes_read: bytesRead,
    file_bytes: fileBytes,
    names: JSON.parse(analyzer.distinctNames()),
  };
}

/** Streams `blob` into the analyzer; false when the wasm memory passed `limit` first. */
async function stream(analyzer, id, blob, onBytes, limit = Infinity) {
  const reader = blob.stream().getReader();
  let lastPost = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return true;
    analyzer.push(id, value);
    if (wasm.memory.buffer.byteLength > limit) {
      await reader.cancel();
      onBytes(value.byteLength, true);
      return false;
    }
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

/** Finishes the analysis and posts its report (marked partial when reading stopped). */
function postReport(analyzer, timings, partial) {
  const report = diagnostics(JSON.parse(analyzer.finish()), timings);
  if (partial) report.partial = partial;
  self.postMessage({ type: 'done', report });
}

/** What the worker is reading, for a crash report: the file and the bytes read of it. */
const reading = { file: '', bytes: 0 };

/**
 * Streams `files` whole into `analyzer`, one after the other, posting progress; stops
 * past the memory `limit` and says where (`partial`). Resolves to `{ bytes, totalBytes,
 * partial }`.
 */
async function readFiles(analyzer, files, start, limit = Infinity) {
  const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
  let bytes = 0;
  for (const file of files) {
    const id = analyzer.beginFile(file.name ?? 'file.csv');
    Object.assign(reading, { file: file.name ?? 'file.csv', bytes: 0 });
    const whole = await stream(analyzer, id, file, (n, post) => {
      bytes += n;
      reading.bytes += n;
      if (post) {
        self.postMessage({ type: 'progress', progress: { bytes, totalBytes, rows: analyzer.rows(), elapsedMs: performance.now() - start, file: file.name } });
      }
    }, limit);
    analyzer.endFile(id);
    if (!whole) {
      const partial = { ...memoryStop(analyzer, limit, reading.file, reading.bytes, file.size),
        files_not_read: files.slice(files.indexOf(file) + 1).map((f) => f.name ?? 'file.csv') };
      return { bytes, totalBytes, partial };
    }
  }
  return { bytes, totalBytes, partial: null };
}

const handlers = {
  async analyze({ files, options }) {
    const analyzer = new Analyzer(options);
    const timings = { start: performance.now(), initMs: performance.now() - started };
    const { bytes, totalBytes, partial } = await readFiles(analyzer, files, timings.start, limitOf(options));
    timings.readMs = performance.now() - timings.start;
    self.postMessage({ type: 'progress', progress: { bytes, totalBytes, rows: analyzer.rows(), elapsedMs: timings.readMs, file: '' } });
    postReport(analyzer, timings, partial);
  },

  async drill({ files, options, drill, csv }) {
    const analyzer = Analyzer.drilling(options, drill);
    // a drill keeps one page of rows: no memory limit to stop at
    await readFiles(analyzer, files, performance.now());
    const text = analyzer.drill(Boolean(csv));
    self.postMessage({ type: 'done', drill: csv ? text : JSON.parse(text) });
  },

  async part({ blob, tail, name, options, last, keep }) {
    const analyzer = new Analyzer(options);
    const id = analyzer.beginFile(name);
    const limit = limitOf(options);
    let read = 0;
    const whole = await stream(analyzer, id, blob, (n, post) => {
      read += n;
      self.postMessage({ type: 'bytes', bytes: n, rows: post ? analyzer.rows() : undefined });
    }, limit);
    // Stopped for memory: what was read is merged, and the report says so.
    const stopped = whole ? null : memoryStop(analyzer, limit, name, read, blob.size);
    // Cut inside a quoted field: read on, a line at a time, to the end of that record.
    const overrun = last || stopped ? 0 : await finishRecord(analyzer, id, tail);
    const clean = last || overrun !== null;
    if (keep) {
      analyzer.endFile(id);
      kept = analyzer;
    }
    const state = clean && !keep ? analyzer.exportPart() : null;
    self.postMessage({ type: 'part', clean, overrun, state, stopped, memory: wasm.memory.buffer.byteLength }, state ? [state.buffer] : []);
  },

  async merge({ states, options }) {
    const timings = { start: performance.now(), initMs: 0, readMs: 0 };
    const analyzer = kept;
    kept = null;
    const limit = limitOf(options);
    let partial = null;
    for (const [k, s] of states.entries()) {
      if (wasm.memory.buffer.byteLength > limit) {
        partial = { ...memoryStop(analyzer, limit, '', 0, 0), parts_not_merged: states.length - k };
        break;
      }
      analyzer.importPart(s);
    }
    postReport(analyzer, timings, partial);
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
