// Why a figure is not computable comes from the engine as a code with its values
// (`reason_code`, src/reason.rs), worded here by `reason.<code>` messages (whyText), and
// so does what is wrong with a value (problemText, src/problems.rs). Stalled-deal rules
// and file notes still come as English sentences, which reasonText words by their text;
// ones the page does not know are shown as written.

/** Sentences without numbers or names: English text → message key. */
const EXACT = {
  'Every row is an MQL (the id column says so): its created date is its MQL date.': 'file_note.mql_file',
  // whole files (files[i].error.message, files[i].notes)
  'This is an Excel workbook (.xlsx) or another zipped file, not a CSV. In Excel choose File › Save As › "CSV UTF-8 (Comma delimited)" and drop the .csv file.': 'file_error.xlsx',
  'This is an old Excel workbook (.xls), not a CSV. In Excel choose File › Save As › "CSV UTF-8 (Comma delimited)" and drop the .csv file.': 'file_error.xls',
  'This is a PDF document, not a CSV. Export the data from your CRM or spreadsheet as CSV.': 'file_error.pdf',
  'This file holds binary data, not CSV text.': 'file_error.binary',
  'The file is empty: it has no header row and no data.': 'file_error.empty',
  'The file is empty: it holds only blank lines.': 'file_error.blank',
  'A deals table needs a stage or status column (or Won / Closed flags) to tell open, won and lost deals apart: map one of the columns to stage or status.': 'file_error.needs_status',
};

/** The kind of file a metric, table or series waits for (`leads`), or null. */
export function neededFile(holder) {
  const code = holder?.reason_code;
  return code?.code === 'needs_file' ? code.params.file : null;
}

/**
 * Why a metric, table or series is not computable, in the language of `t`: from the
 * engine's code and values (`reason_code`, src/reason.rs) when it gives one, else from
 * its English `reason`.
 */
export function whyText(holder, t, fmt = null) {
  return holder?.reason_code ? byCode(holder.reason_code, t, fmt) : reasonText(holder?.reason, t, fmt);
}

/** What is wrong with a value of the files (a problem's `reason_code`), in the language of `t`. */
export function problemText(problem, t, fmt = null) {
  const rc = problem.reason_code;
  if (!rc) return reasonText(problem.reason, t, fmt);
  const p = { ...rc.params };
  for (const k of ['n', 'header', 'min', 'max']) if (k in p && fmt) p[k] = fmt.days1(Number(p[k]));
  return t(`problem.${rc.code}`, p);
}

/** A reason code and its values (`{ code, params }`) in the language of `t`. */
function byCode({ code, params = {} }, t, fmt) {
  const n = (v) => (fmt ? fmt.days1(Number(v)) : String(v));
  const p = { ...params };
  switch (code) {
    case 'division_by': return t('reason.division_by', { why: byCode(params.why, t, fmt) });
    case 'needs_columns': p.columns = params.columns.map((f) => fieldName(f, t)).join(t('list.sep')); break;
    case 'needs_file': p.file = t.has(`file.${params.file}`) ? t(`file.${params.file}`) : `${params.file} (${params.fields})`; break;
    case 'mixed_currencies': p.codes = params.codes.join(t('list.sep')); break;
    default: for (const k of ['n', 'need', 'has']) if (k in p) p[k] = n(p[k]);
  }
  return t(`reason.${code}`, p);
}

/**
 * Reasons with names or numbers: a pattern and what its match becomes, `[key, params]`
 * (or nothing, to leave the text as written). `n` formats a number in the page's digits.
 */
const PATTERNS = [
  [/^age > ([\d.]+) days \(fixed by option\)$/, (m, t, n) => ['stalled.rule.fixed', { days: n(m[1]) }]],
  [/^age > ([\d.]+) days \(mean sales cycle of the period\)$/, (m, t, n) => ['stalled.rule.mean', { days: n(m[1]) }]],
  [/^The columns were not recognised as a deals table \(or another known table\)\. Found: (.*)\. A deals file needs: (.*) \(missing: (.*)\)\.$/,
    (m, t) => ['file_error.columns', { found: m[1], needs: fieldList(m[2], t), missing: fieldList(m[3], t) }]],
  [/^Columns guessed from their values: (.*)\.$/, (m) => ['file_note.guessed', { list: m[1] }]],
  [/^Columns decided by their values: (.*)\.$/, (m) => ['file_note.decided', { list: m[1] }]],
  [/^The choices given for this file were not used \((.*)\): it was read as detected\.$/, (m) => ['file_note.bad_choices', { why: m[1] }]],
  [/^Only the first (\d+) rows of the lookup table are used: (\d+) more were left out\.$/,
    (m, t, n) => ['file_note.lookup_cut', { max: n(m[1]), n: n(m[2]) }]],
  [/^(\d+) NUL bytes were dropped \(the first in row (\d+)\)\.$/, (m, t, n) => ['file_note.nul', { n: n(m[1]), row: n(m[2]) }]],
  [/^Lookup table of (\w+): deal tables are grouped by (.*)\.$/, (m) => ['file_note.lookup', { key: m[1], columns: m[2] }]],
  [/^(\d+) rows hold bytes that are not valid UTF-8 \(the first at row (\d+)\); they show as \uFFFD\. If names look wrong, choose the file's encoding\.$/,
    (m, t, n) => ['file_note.invalid_text', { n: n(m[1]), row: n(m[2]) }]],
  [/^(\d+) characters could not be read as (\S+) \(the first at row (\d+)\); they show as \uFFFD\. If names look wrong, choose the file's encoding\.$/,
    (m, t, n) => ['file_note.replaced', { n: n(m[1]), encoding: m[2], row: n(m[3]) }]],
  [/^From row (\d+) the bytes read as UTF-8, not as (\S+): names there may look wrong \(Ã© for é\)\. If they do, choose the encoding UTF-8\.$/,
    (m, t, n) => ['file_note.late_utf8', { row: n(m[1]), encoding: m[2] }]],
];

/** A field in the page's language, with the engine's name it is mapped by: "创建日期 (created_date)"
 *  (in English the engine's name alone: it is English). */
export function fieldName(name, t) {
  return t.locale !== 'en' && t.has(`field.${name}`) ? `${t(`field.${name}`)} (${name})` : name;
}

/** "created_date, closed_date" (as the engine lists fields), each in the page's language. */
function fieldList(list, t) {
  return list.split(', ').map((f) => fieldName(f.trim(), t)).join(t('list.sep'));
}

/** `reason` in the language of `t` (a translator of i18n.js), numbers through `fmt`. */
export function reasonText(reason, t, fmt = null) {
  if (reason === null || reason === undefined) return '';
  const text = String(reason);
  if (EXACT[text]) return t(EXACT[text]);
  const n = (digits) => (fmt ? fmt.days1(Number(digits)) : digits);
  for (const [re, word] of PATTERNS) {
    const m = re.exec(text);
    const found = m && word(m, t, n);
    if (found) return t(...found);
  }
  return text;
}
