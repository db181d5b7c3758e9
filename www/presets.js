// Mapping presets: a user's fixes for a file layout (kind, columns, encoding, delimiter,
// decimal separator, date order), saved in this browser and keyed by the header row, so
// the next file with the same header gets them automatically. Exported and imported as
// JSON files.

const KEY = 'sales-metrics-analyzer.presets.v1';

/** The key of a header row: its cells trimmed and lower-cased. */
export function headerKey(columns) {
  return columns.map((c) => c.header.trim().toLowerCase()).join('\u241f');
}

export function loadPresets() {
  try {
    const data = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(data) ? data.filter(valid) : [];
  } catch {
    return [];
  }
}

function store(list) {
  try {
    localStorage.setItem(KEY, JSON.stringify(list));
    return true;
  } catch {
    return false;
  }
}

function valid(p) {
  return p && typeof p.name === 'string' && typeof p.header === 'string' && p.options && typeof p.options === 'object';
}

/** Saves (or replaces, by name) a preset for the header of `file`. */
export function savePreset(name, file, options) {
  const list = loadPresets().filter((p) => p.name !== name);
  list.push({ name, header: headerKey(file.columns), options });
  return store(list);
}

export function deletePreset(name) {
  return store(loadPresets().filter((p) => p.name !== name));
}

export function presetFor(file) {
  if (!file.columns?.length) return null;
  const key = headerKey(file.columns);
  return loadPresets().find((p) => p.header === key) ?? null;
}

/** The saved presets that fit `files` (a report's) with no `choices` yet: `[{ preset, file }]`
 *  (`file` its name). */
export function presetsFor(files, choices) {
  return files.filter((f) => !choices[f.name])
    .map((f) => ({ preset: presetFor(f), file: f.name }))
    .filter((p) => p.preset);
}

export async function exportPresets() {
  const { download } = await import('./export.js');
  const text = JSON.stringify({ format: 'sales-metrics-analyzer-presets', version: 1, presets: loadPresets() }, null, 2);
  download('sales-metrics-presets.json', text, 'application/json');
}

/**
 * Why a preset's options would not be taken (the engine checks them again), or null:
 * a delimiter is one character or `\t`, a decimal separator `.` or `,`, a date order
 * `month_first` or `day_first`, columns map header text to field names.
 */
export function presetProblem(p) {
  if (!valid(p)) return 'not a preset (name, header and options)';
  const o = p.options;
  const text = (v) => v === undefined || v === null || typeof v === 'string';
  if (!['kind', 'encoding', 'delimiter', 'decimalSeparator', 'dateOrder'].every((k) => text(o[k]))) return 'an option is not text';
  if (o.delimiter && o.delimiter !== '\t' && [...o.delimiter].length !== 1) return `delimiter ${JSON.stringify(o.delimiter)}`;
  if (o.decimalSeparator && !['.', ','].includes(o.decimalSeparator)) return `decimal separator ${JSON.stringify(o.decimalSeparator)}`;
  if (o.dateOrder && !['month_first', 'day_first'].includes(o.dateOrder)) return `date order ${JSON.stringify(o.dateOrder)}`;
  if (o.columns !== undefined && (typeof o.columns !== 'object' || o.columns === null
    || !Object.values(o.columns).every((f) => typeof f === 'string'))) return 'columns';
  return null;
}

/** Merges presets from a JSON file: `{ imported, refused: [{ name, why }], stored }`
 *  (`stored`: false when the browser refused to keep them). */
export async function importPresets(file) {
  const data = JSON.parse(await file.text());
  const all = Array.isArray(data) ? data : data?.presets ?? [];
  const refused = all.map((p) => ({ name: String(p?.name ?? '?'), why: presetProblem(p) })).filter((r) => r.why);
  const incoming = all.filter((p) => !presetProblem(p));
  const names = new Set(incoming.map((p) => p.name));
  const stored = store([...loadPresets().filter((p) => !names.has(p.name)), ...incoming]);
  return { imported: stored ? incoming.length : 0, refused, stored };
}
