// One large file read by several workers: the file's head decides its format, the file
// is cut after line breaks, each worker reads a part, and one merges the parts' states.
// A cut that fell inside a quoted field is reported by the part before it; then the
// caller reads the file in one pass instead (resolves to null). See docs/PARALLEL.md.

const HEAD_BYTES = 256 * 1024;
/** The head must hold this many rows to settle formats as one pass would. */
const HEAD_MIN_ROWS = 1000;

/** The first offset after a line break at or past `from` (or null). */
async function cutAfter(file, from) {
  const bytes = new Uint8Array(await file.slice(from, Math.min(file.size, from + HEAD_BYTES)).arrayBuffer());
  const i = bytes.indexOf(10);
  return i < 0 ? null : from + i + 1;
}

export async function analyzeInParts(file, options, workers, pool, onProgress) {
  const name = file.name ?? 'file.csv';
  const start = performance.now();
  const crew = Array.from({ length: workers }, () => pool.spawn());
  // 1. Cuts after line breaks, planned while the head is read.
  const cuts = [0];
  for (let k = 1; k < workers; k++) {
    const cut = await cutAfter(file, Math.floor((file.size * k) / workers));
    if (cut !== null && cut > cuts[cuts.length - 1] && cut < file.size) cuts.push(cut);
  }
  cuts.push(file.size);
  const parts = cuts.length - 1;
  if (parts < 2) return null;
  let bytes = 0;
  let rows = 0;
  const progress = (data) => {
    if (data.type !== 'bytes') return;
    bytes += data.bytes;
    if (data.rows !== undefined) rows = Math.max(rows, data.rows);
    onProgress?.({ bytes, totalBytes: file.size, rows, elapsedMs: performance.now() - start, file: name });
  };
  // 2. The first part starts at once and keeps its engine for the merge.
  const first = crew[0].request({ type: 'part', blob: file.slice(0, cuts[1]), name, options, keep: true }, progress);
  // 3. What the head says (table, encoding, delimiter, columns, formats) is fixed for
  //    the later parts; the second worker reads the head before its own part.
  const head = new File([file.slice(0, HEAD_BYTES)], name);
  const { report: plan } = await crew[1].request({ type: 'analyze', files: [head], options });
  const planMs = performance.now() - start;
  const info = plan.files[0];
  if (info.kind !== 'deals' || info.error || info.rows < HEAD_MIN_ROWS || info.encoding.startsWith('UTF-16')) return null;
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
  const rest = cuts.slice(1, -1).map((from, i) => crew[i + 1].request(
    { type: 'part', blob: file.slice(from, cuts[i + 2]), name, options: laterOptions, last: i === parts - 2 }, progress));
  const done = await Promise.all([first, ...rest]);
  const partsMs = performance.now() - start - planMs;
  if (done.some((p) => !p.clean)) return null;
  // 4. The first worker merges the others' states into its own.
  const states = done.slice(1).map((p) => p.state);
  const { report } = await crew[0].request({ type: 'merge', states }, null, states.map((s) => s.buffer));
  Object.assign(report.diagnostics, {
    elapsed_ms: performance.now() - start,
    workers: parts,
    plan_ms: planMs,
    parts_ms: partsMs,
    merge_ms: performance.now() - start - planMs - partsMs,
    peak_wasm_memory_bytes: Math.max(report.diagnostics.peak_wasm_memory_bytes, ...done.map((p) => p.memory)),
  });
  return report;
}
