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

export async function exportPresets() {
  const { download } = await import('./export.js');
  const text = JSON.stringify({ format: 'sales-metrics-analyzer-presets', version: 1, presets: loadPresets() }, null, 2);
  download('sales-metrics-presets.json', text, 'application/json');
}

/** Merges presets from a JSON file; returns how many were imported. */
export async function importPresets(file) {
  const data = JSON.parse(await file.text());
  const incoming = (Array.isArray(data) ? data : data?.presets ?? []).filter(valid);
  const names = new Set(incoming.map((p) => p.name));
  store([...loadPresets().filter((p) => !names.has(p.name)), ...incoming]);
  return incoming.length;
}
