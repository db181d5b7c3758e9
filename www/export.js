// Exports: the report as JSON, any table as CSV. CSV cells that a spreadsheet would run
// as a formula (starting with =, +, -, @, tab or CR) get a leading apostrophe, unless
// they are plain numbers; cells with a delimiter, quote or line break are quoted.

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

export function csvCell(value) {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (FORMULA_START.test(s) && !NUMBER.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text of `rows` (objects) under `columns` ({ key, label }), with a BOM for Excel. */
export function toCsv(columns, rows) {
  const lines = [columns.map((c) => csvCell(c.label ?? c.key)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvCell(r[c.key])).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** Offers `text` as a file download (a blob URL: nothing leaves the browser). */
export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
