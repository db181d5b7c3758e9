// Exports: the report as JSON, any table as CSV. CSV cells that a spreadsheet would run
// as a formula (starting with =, +, -, @, tab or CR, or their full-width forms ＝＋－＠)
// get a leading apostrophe, unless they are plain numbers. Cells with a quote, a line
// break or any delimiter a spreadsheet may split on (`,` `;` tab) are quoted, so that
// `Bob;=cmd|…` stays one cell in an Excel whose locale separates with `;`.

const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

export function csvCell(value) {
  if (value === null || value === undefined) return '';
  // rates and means to six decimals (0.573333, not 0.5733333333333334); money comes as text
  if (typeof value === 'number' && !Number.isInteger(value)) value = Math.round(value * 1e6) / 1e6;
  let s = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (FORMULA_START.test(s) && !NUMBER.test(s)) s = `'${s}`;
  return /[",;\t\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
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

/** What a snapshot leaves out: controls, and everything that shows single rows of the files
 * (the column samples, the problem values, the stalled-deal list). */
const NOT_IN_SNAPSHOT = ['[data-section=drop]', '[data-section=controls]', '[data-section=files]', '#progress', '#messages',
  '.exports', '.locale', '.table-tools', 'form', 'button', 'input', 'select', '#stalled', '#problems .table-wrap', 'dialog'];

/**
 * One self-contained HTML file of the dashboard as drawn in `root`: its markup (text only,
 * escaped by the serializer), the stylesheet inlined, and a policy that loads nothing.
 */
export function snapshotHtml(root, css, { title, lang, dir }) {
  const copy = root.cloneNode(true);
  // a table's column labels are sort buttons, a row's name a drill button: kept as their text
  for (const b of copy.querySelectorAll('th button, td button.drill')) b.replaceWith(b.textContent);
  copy.querySelector('.report-info')?.classList.add('shown');
  for (const sel of NOT_IN_SNAPSHOT) for (const n of copy.querySelectorAll(sel)) n.remove();
  for (const n of copy.querySelectorAll('[hidden]')) n.remove();
  for (const n of copy.querySelectorAll('details')) n.setAttribute('open', '');
  const esc = (v) => String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  return `<!doctype html>
<html lang="${esc(lang)}" dir="${esc(dir)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${css.replace(/<\/style/gi, '<\\/style')}</style>
</head>
<body>
${copy.outerHTML}
</body>
</html>
`;
}
