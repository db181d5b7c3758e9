// Public module of Sales Metrics Analyzer.
//
//   import { analyze } from './sales-metrics.js';
//   const report = await analyze(fileList, { from: '2024-01-01', to: '2024-04-01',
//                                           onProgress: p => ..., signal });
//
// The engine runs in a Web Worker; files are streamed into it chunk by chunk and never
// leave the browser. The report's shape is documented in docs/REPORT.md.

const WORKER_URL = new URL('./worker.js', import.meta.url);

function abortError() {
  return new DOMException('The analysis was cancelled.', 'AbortError');
}

function localToday() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Engine options from the public options (camelCase in JS, snake_case in the engine). */
function engineOptions(options) {
  return {
    from: options.from || null,
    to: options.to || null,
    today: options.today || localToday(),
    stalled_after_days: options.stalledAfterDays ?? null,
    stage_order: options.stageOrder ?? null,
    files: fileOptions(options.fileOptions),
  };
}

/** Per-file choices: `{ [fileName]: { kind, encoding, delimiter, columns, dateOrder, decimalSeparator } }`. */
function fileOptions(byName) {
  if (!byName) return null;
  const out = {};
  for (const [name, o] of Object.entries(byName)) {
    out[name] = {
      kind: o.kind ?? null,
      encoding: o.encoding ?? null,
      delimiter: o.delimiter ?? null,
      columns: o.columns ?? null,
      date_order: o.dateOrder ?? null,
      decimal_separator: o.decimalSeparator ?? null,
    };
  }
  return out;
}

/**
 * Analyses CSV files and resolves to the report.
 * @param {Iterable<File|Blob>} files
 * @param {{from?: string, to?: string, today?: string, stalledAfterDays?: number,
 *          stageOrder?: string[], fileOptions?: object, onProgress?: (p: {bytes: number, totalBytes: number,
 *          rows: number, elapsedMs: number, file: string}) => void, signal?: AbortSignal}} [options]
 * @returns {Promise<object>} the report
 */
export function analyze(files, options = {}) {
  const list = Array.from(files ?? []);
  const { onProgress, signal } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError());
      return;
    }
    const worker = new Worker(WORKER_URL, { type: 'module' });
    const finish = () => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = ({ data }) => {
      if (data.type === 'progress') {
        onProgress?.(data.progress);
      } else if (data.type === 'done') {
        finish();
        resolve(data.report);
      } else if (data.type === 'error') {
        finish();
        reject(new Error(data.message));
      }
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(event.message || 'The analysis worker failed to start.'));
    };
    worker.postMessage({ files: list, options: engineOptions(options) });
  });
}
