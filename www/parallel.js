// One large file read by several workers: the file's head decides its format, the file
// is cut after line breaks, each worker reads a part, and one merges the parts' states.
// A cut that fell inside a quoted field (a line break inside a cell) is mended: the part
// before it reads on to the end of that record, and the part after it is read again
// from there. See docs/PARALLEL.md.
import { lineBreaks, afterLineBreak } from './line-breaks.js';

/** The head read to plan the parts, and a longer one for files whose rows are wide. */
const HEAD_BYTES = [256 * 1024, 2 * 1024 * 1024];
/** How far past a planned cut its line break is looked for. */
const CUT_WINDOW = 256 * 1024;
/** The head must hold this many rows to settle formats as one pass would. */
const HEAD_MIN_ROWS = 1000;
/** Kinds whose parts are known to merge into the one-pass report (tests/parallel.rs). */
const SHARED_KINDS = new Set(['deals', 'orders']);
/** How far past its end a part may read to finish a record cut by the cut. */
const TAIL_BYTES = 4 * 1024 * 1024;

/** The first offset after a line break at or past `from` (or null). */
async function cutAfter(file, from, breaks) {
  const start = from - (from % breaks.unit);
  const bytes = new Uint8Array(await file.slice(start, Math.min(file.size, start + CUT_WINDOW)).arrayBuffer());
  const end = afterLineBreak(bytes, 0, breaks);
  return end < 0 ? null : start + end;
}

export async function analyzeInParts(file, options, workers, pool, onProgress) {
  const name = file.name ?? 'file.csv';
  const start = performance.now();
  const crew = Array.from({ length: workers }, () => pool.spawn());
  let bytes = 0;
  let rows = 0;
  const progress = (data) => {
    if (data.type !== 'bytes') return;
    bytes += data.bytes;
    if (data.rows !== undefined) rows = Math.max(rows, data.rows);
    onProgress?.({ bytes: Math.min(bytes, file.size), totalBytes: file.size, rows, elapsedMs: performance.now() - start, file: name });
  };
  // 1. What the head says (table, encoding, delimiter, columns, formats) is fixed for
  //    the later parts.
  let info = null;
  for (const size of HEAD_BYTES) {
    const head = new File([file.slice(0, size)], name);
    info = (await crew[1].request({ type: 'analyze', files: [head], options })).report.files[0];
    if (info.rows >= HEAD_MIN_ROWS || info.error) break;
  }
  const planMs = performance.now() - start;
  // A file whose rows read with the rows above them (an order's lines, a grouped report's
  // names) is read in one pass.
  if (!SHARED_KINDS.has(info.kind) || info.error || info.in_order || info.rows < HEAD_MIN_ROWS) return null;
  // 2. Cuts after line breaks of the file's encoding.
  const breaks = lineBreaks(info.encoding);
  const cuts = [0];
  for (let k = 1; k < workers; k++) {
    const cut = await cutAfter(file, Math.floor((file.size * k) / workers), breaks);
    if (cut !== null && cut > cuts[cuts.length - 1] && cut < file.size) cuts.push(cut);
  }
  cuts.push(file.size);
  const parts = cuts.length - 1;
  if (parts < 2) return null;
  const later = {
    ...(options.files?.[name] ?? {}),
    kind: info.kind,
    encoding: info.encoding,
    delimiter: info.delimiter,
    columns: Object.fromEntries(info.columns.map((c) => [c.header, c.field ?? ''])),
    date_order: Object.values(info.date_order)[0] ?? null,
    decimal_separator: info.decimal_separator.amount ?? null,
    headers: info.columns.map((c) => c.header),
  };
  const laterOptions = { ...options, files: { ...(options.files ?? {}), [name]: later } };
  /** Part `k` read from `from`: its worker reads on past its end to finish a cut record. */
  const read = (k, from) => {
    const last = k === parts - 1;
    const tail = last ? null : { blob: file.slice(cuts[k + 1], cuts[k + 1] + TAIL_BYTES), breaks };
    const message = k === 0
      ? { type: 'part', blob: file.slice(0, cuts[1]), tail, name, options, keep: true }
      : { type: 'part', blob: file.slice(from, cuts[k + 1]), tail, name, options: laterOptions, last };
    return crew[k].request(message, progress);
  };
  const done = await Promise.all(cuts.slice(0, -1).map((from, k) => read(k, from)));
  // 3. A part that read past its cut finished a record the next part began inside:
  //    that part is read again from where the record ended (rarely, in turn).
  let reread = 0;
  const stopped = done.find((p) => p.stopped)?.stopped ?? null;
  for (let k = 1; k < parts && !stopped; k++) {
    const overrun = done[k - 1].overrun;
    if (!done[k - 1].clean) return null;
    if (overrun > 0) {
      // a record longer than the whole next part: one pass reads it
      if (cuts[k] + overrun > cuts[k + 1]) return null;
      done[k] = await read(k, cuts[k] + overrun);
      reread++;
    }
  }
  const partsMs = performance.now() - start - planMs;
  if (done.some((p) => !p.clean)) return null;
  // 4. The first worker merges the others' states into its own.
  const states = done.slice(1).map((p) => p.state);
  const { report } = await crew[0].request({ type: 'merge', states, options }, null, states.map((s) => s.buffer));
  // A part stopped for memory: the report covers what every part read before stopping.
  if (stopped) report.partial = { ...stopped, ...(report.partial ?? {}), file: name, bytes_read: Math.min(bytes, file.size), file_bytes: file.size };
  Object.assign(report.diagnostics, {
    elapsed_ms: performance.now() - start,
    workers: parts,
    parts_read_again: reread,
    plan_ms: planMs,
    parts_ms: partsMs,
    merge_ms: performance.now() - start - planMs - partsMs,
    peak_wasm_memory_bytes: Math.max(report.diagnostics.peak_wasm_memory_bytes, ...done.map((p) => p.memory)),
  });
  return report;
}
