// Public module of Sales Metrics Analyzer.
//
//   import { analyze } from './sales-metrics.js';
//   const report = await analyze(fileList, { from: '2024-01-01', to: '2024-04-01',
//                                           onProgress: p => ..., signal });
//
// The engine runs in Web Workers; files are streamed into it chunk by chunk and never
// leave the browser. A single large file is split between several workers
// (parallel.js, fetched only when such a file comes). The report's shape is documented
// in docs/REPORT.md.
import { engineWasm, engineWorker, gb18030Table } from './assets.js';

/** The engine, compiled once per page and shared by every worker (with its optimised code). */
let compiled = null;
function engineModule() {
  compiled ??= engineWasm().catch((err) => {
    compiled = null;
    throw err;
  });
  return compiled;
}
/**
 * The GB18030/GBK table when some file may need it (its head is neither UTF-8 nor
 * UTF-16, or the user chose a Chinese encoding), else null. Fetched once per page; if it
 * cannot be fetched, the engine decodes such files with the browser's TextDecoder.
 */
let table = null;
async function gb18030For(files, byName) {
  const chosen = Object.values(byName ?? {}).some((o) => /gb|chinese/i.test(o.encoding ?? ''));
  const legacy = async (file) => {
    const head = new Uint8Array(await file.slice(0, 64 * 1024).arrayBuffer());
    if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff) || head.subarray(0, 4096).includes(0)) return false;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
      return false;
    } catch {
      return true;
    }
  };
  if (!chosen && !(await Promise.all(files.map(legacy))).some(Boolean)) return null;
  table ??= gb18030Table().catch(() => {
    table = null;
    return null;
  });
  return table;
}

/** Files smaller than this are read by one worker. */
const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;

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
    as_of: options.asOf || null,
    today: options.today || localToday(),
    stalled_after_days: options.stalledAfterDays ?? null,
    stage_order: options.stageOrder ?? null,
    files: fileOptions(options.fileOptions),
    granularity: options.granularity || null,
    comparison: options.comparison || null,
    stage_probabilities: options.stageProbabilities ?? null,
    link_leads: null,
    file_count: null,
    currency_rates: options.currencyRates && Object.keys(options.currencyRates).length ? options.currencyRates : null,
    base_currency: options.baseCurrency || null,
    alert_thresholds: options.alertThresholds ?? null,
    memory_limit_mb: options.memoryLimitMb ?? null,
    filters: options.filters ? {
      owners: options.filters.owners ?? null,
      sources: options.filters.sources ?? null,
      pipelines: options.filters.pipelines ?? null,
      products: options.filters.products ?? null,
      groups: options.filters.groups ?? null,
    } : null,
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
      headers: o.headers ?? null,
    };
  }
  return out;
}

/**
 * The workers of one analysis; all are ended when it settles or is aborted.
 * `spawn()` starts a worker; its `request(message, onMessage, transfer)` resolves with
 * the worker's next `done` or `part` answer (other messages go to `onMessage`).
 */
function workerPool(signal, extra = {}) {
  const workers = new Set();
  const pending = new Set();
  const close = () => {
    for (const w of workers) w.terminate();
    workers.clear();
    for (const reject of pending) reject(abortError());
    pending.clear();
  };
  signal?.addEventListener('abort', close, { once: true });
  const spawn = () => {
    const worker = engineWorker();
    workers.add(worker);
    return {
      async request(message, onMessage, transfer = []) {
        const module = await engineModule();
        return new Promise((resolve, reject) => {
          if (signal?.aborted) {
            reject(abortError());
            return;
          }
          pending.add(reject);
          const settle = (fn, value) => {
            pending.delete(reject);
            fn(value);
          };
          worker.onmessage = ({ data }) => {
            if (data.type === 'done' || data.type === 'part') settle(resolve, data);
            else if (data.type === 'error') {
              settle(reject, Object.assign(new Error(data.message), { crash: data.crash, file: data.file, bytes: data.bytes }));
            }
            else onMessage?.(data);
          };
          worker.onerror = (event) => settle(reject, new Error(event.message || 'The analysis worker failed to start.'));
          worker.postMessage({ ...message, ...extra, module }, transfer);
        });
      },
    };
  };
  return { close, spawn };
}

/**
 * Analyses CSV files and resolves to the report.
 * @param {Iterable<File|Blob>} files
 * @param {{from?: string, to?: string, asOf?: string, today?: string, stalledAfterDays?: number,
 *          stageOrder?: string[], fileOptions?: object, workers?: number,
 *          granularity?: 'day'|'week'|'month'|'quarter'|'year'|'persian_month', comparison?: 'previous'|'calendar'|'year',
 *          stageProbabilities?: {[stage: string]: number},
 *          currencyRates?: {[code: string]: number|string}, baseCurrency?: string,
 *          filters?: {owners?: string[], sources?: string[], pipelines?: string[], products?: string[],
 *            groups?: {key: 'owner'|'account'|'product', column: string, values: string[]}[]}, memoryLimitMb?: number,
 *          alertThresholds?: {win_rate_drop?: number, lead_response_minutes?: number, quota_easy?: number,
 *            quota_hard?: number, ltv_cac?: number, stalled_share?: number},
 *          onProgress?: (p: {bytes: number, totalBytes: number, rows: number,
 *          elapsedMs: number, file: string}) => void, signal?: AbortSignal}} [options]
 *   `currencyRates`: units of `baseCurrency` per unit of each code; codes without a rate
 *   are reported per currency (report.currencies.by_currency), never added together.
 *   `workers`: how many workers may share one large file (default: the device's cores, up to 4).
 *   `memoryLimitMb`: the engine's wasm memory (MiB, 16–4096, default 2048) past which a worker
 *   stops reading; the report then has `partial: { reason: 'memory', file, bytes_read,
 *   file_bytes, limit_mb, memory_mb, names: [{ kind, field, distinct }] }` and covers the
 *   rows read so far.
 * @returns {Promise<object>} the report
 */
export async function analyze(files, options = {}) {
  return withWorkers(files, options, async (list, engine, pool, progress) => {
    const workers = Math.max(1, Math.min(options.workers ?? Math.min(navigator.hardwareConcurrency || 1, 4), 16));
    if (list.length === 1 && workers > 1 && list[0].size >= PARALLEL_MIN_BYTES) {
      const { analyzeInParts } = await import('./parallel.js');
      const report = await analyzeInParts(list[0], engine, workers, pool, options.onProgress);
      if (report) return report;
    }
    const { report } = await pool.spawn().request({ type: 'analyze', files: list, options: engine }, progress);
    return report;
  });
}

/** Whether two files of one size hold the same bytes, compared a slice at a time (files
 *  that differ mostly differ early). */
async function sameBytes(a, b) {
  const SLICE = 4 << 20;
  for (let at = 0; at < a.size; at += SLICE) {
    const [x, y] = await Promise.all([a, b].map(async (f) => new Uint8Array(await f.slice(at, at + SLICE).arrayBuffer())));
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  }
  return true;
}

/** The files without copies (a file dropped twice would count twice): `{ list, same }`,
 *  `same` the name of each file kept → the names of its copies left out. */
async function withoutCopies(files) {
  const list = [];
  const same = {};
  for (const f of files) {
    let original = null;
    for (const kept of list) {
      if (kept.size === f.size && f.size > 0 && await sameBytes(kept, f)) {
        original = kept;
        break;
      }
    }
    if (original) (same[original.name ?? ''] ??= []).push(f.name ?? '');
    else list.push(f);
  }
  return { list, same };
}

/**
 * Runs `work(list, engine, pool, progress)` on the files as a list, the engine's options,
 * a pool of workers (closed after) and a handler of their progress messages.
 */
async function withWorkers(files, options, work) {
  const { list, same } = await withoutCopies(Array.from(files ?? []));
  if (options.signal?.aborted) throw abortError();
  const engine = engineOptions(options);
  engine.file_count = list.length;
  if (Object.keys(same).length) engine.same_files = same;
  const pool = workerPool(options.signal, { gb18030Table: await gb18030For(list, options.fileOptions) });
  const progress = (data) => data.type === 'progress' && options.onProgress?.(data.progress);
  try {
    return await work(list, engine, pool, progress);
  } finally {
    pool.close();
  }
}

/**
 * The rows behind a figure of a report (docs/DRILL.md): the files are read again, in one
 * worker, and one page of the rows its metric counts is returned.
 * @param {Iterable<File|Blob>} files the files analysed (a stage history first)
 * @param {object} options the analysis' options, with `asOf` the report's `period.as_of`
 * @param {{set: string, by?: object, bucket?: string, stages?: string[], step?: number,
 *          contains?: string, sort?: string, descending?: boolean, offset?: number,
 *          limit?: number}} query
 * @param {{csv?: boolean}} [how] `csv`: every match, as CSV text
 * @returns {Promise<object|string>} `{ set, kind, columns, numeric, total, amount, with_amount, offset, rows }`
 */
export async function drill(files, options, query, { csv = false } = {}) {
  return withWorkers(files, options, async (list, engine, pool, progress) => {
    // through JSON: keys left undefined are dropped (the engine takes them as absent)
    const message = { type: 'drill', files: list, options: engine, drill: JSON.parse(JSON.stringify({ ...query, all: csv })), csv };
    const { drill: answer } = await pool.spawn().request(message, progress);
    return answer;
  });
}

/** The files in the order the engine wants them, as `report` knew their kinds: stage
 *  histories and lookup tables (which open stages and filters use) first; for a drill,
 *  deals next (a drill into converted leads links them to the deals won). */
export function readingOrder(files, report, { drilling = false } = {}) {
  const kinds = new Map((report?.files ?? []).map((f) => [f.name, f.kind]));
  const ranks = drilling ? { stage_history: 0, lookup: 0, deals: 1 } : { stage_history: 0, lookup: 0 };
  const rank = (f) => ranks[kinds.get(f.name)] ?? 2;
  return [...files].sort((a, b) => rank(a) - rank(b));
}

/**
 * The rows behind a figure of `report`, analysed from `files` with `options` ([`drill`]
 * with the files in the engine's order, as of the report's day). `query.filters` (a
 * lookup group's row of a table) join the analysis' filters.
 */
export function drillReport(files, report, options, { filters: extra, ...query }, how) {
  const filters = extra
    ? { ...options.filters, groups: [...(options.filters?.groups ?? []), ...extra.groups] }
    : options.filters;
  return drill(readingOrder(files, report, { drilling: true }), { ...options, filters, asOf: report.period.as_of }, query, how);
}
