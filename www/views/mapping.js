// Per file: what was detected (kind, encoding, delimiter, decimal separator, date order,
// the column → field mapping) with a preview of the first rows, editable. "Apply" re-runs
// the analysis with the user's choices; "Save as preset" keeps them for files with the
// same header.
import { el, clear } from './dom.js';

const ENCODINGS = ['UTF-8', 'UTF-16LE', 'UTF-16BE', 'gb18030', 'Big5', 'windows-1252', 'windows-1256'];
const DELIMITERS = [[',', 'comma ,'], [';', 'semicolon ;'], ['\t', 'tab'], ['|', 'pipe |']];

function select(label, name, options, current, auto) {
  const s = el('select', { name, 'aria-label': label });
  s.append(el('option', { value: '', text: auto }));
  for (const [value, text] of options) s.append(el('option', { value, text, selected: value === current }));
  return el('label', { class: 'field' }, `${label} `, s);
}

/**
 * @param {HTMLElement} container
 * @param {object} report
 * @param {{choices: object, onApply: (file: string, options: object) => void,
 *          onSavePreset: (name: string, file: object, options: object) => void}} actions
 */
export function renderMapping(container, report, fmt, { choices, onApply, onSavePreset }) {
  clear(container);
  for (const file of report.files) {
    const mine = choices[file.name] ?? {};
    const form = el('form', { class: 'mapping', 'data-file': file.name });
    form.addEventListener('submit', (e) => e.preventDefault());
    const facts = [
      file.kind ? `${file.kind} table` : 'not analysed',
      `${fmt.count(file.rows)} rows`,
      fmt.bytes(file.bytes),
      file.encoding && `${file.encoding} (${file.encoding_source})`,
      file.header_row > 1 && `header on row ${file.header_row}`,
      file.skipped?.summary_rows && `${file.skipped.summary_rows} total rows skipped`,
      file.skipped?.repeated_headers && `${file.skipped.repeated_headers} repeated headers skipped`,
    ].filter(Boolean);
    const kindNames = Object.keys(report.kinds ?? {});
    const currentKind = mine.kind || file.kind || '';
    const controls = el('div', { class: 'controls-row' },
      select('Table', 'kind', kindNames.map((k) => [k, k]), mine.kind ?? '', `auto${file.kind ? ` (${file.kind})` : ''}`),
      select('Encoding', 'encoding', ENCODINGS.map((e) => [e, e]), mine.encoding ?? '', `auto (${file.encoding || '?'})`),
      select('Delimiter', 'delimiter', DELIMITERS, mine.delimiter ?? '',
        `auto (${DELIMITERS.find(([d]) => d === file.delimiter)?.[1] ?? '?'})`),
      select('Decimal separator', 'decimalSeparator', [['.', 'point .'], [',', 'comma ,']], mine.decimalSeparator ?? '',
        `auto (${Object.values(file.decimal_separator ?? {})[0] ?? '.'})`),
      select('Dates', 'dateOrder', [['month_first', 'month/day/year'], ['day_first', 'day/month/year']],
        mine.dateOrder ?? '', `auto (${(Object.values(file.date_order ?? {})[0] ?? 'month_first').replace('_', ' ')})`),
    );
    const fields = (kind) => (report.kinds?.[kind] ?? []).map((f) => [f.name, f.required ? `${f.name} *` : f.name]);
    const fillFields = (s, kind, chosen) => {
      clear(s).append(el('option', { value: '', text: '— not used —' }));
      for (const [value, text] of fields(kind)) s.append(el('option', { value, text, selected: value === chosen }));
    };
    const fieldSelects = [];
    controls.querySelector('select[name=kind]').addEventListener('change', (e) => {
      const kind = e.target.value || file.kind || '';
      for (const s of fieldSelects) fillFields(s, kind, kind === file.kind ? s.dataset.auto : '');
    });
    const rows = file.columns.map((c, i) => {
      const chosen = mine.columns?.[c.header] ?? c.field ?? '';
      const s = el('select', { name: `column:${c.header}`, 'aria-label': `Field for column ${c.header}`, 'data-auto': c.field ?? '' });
      fillFields(s, currentKind, chosen);
      fieldSelects.push(s);
      const samples = (file.sample ?? []).map((r) => r[i] ?? '').filter((v) => v !== '').slice(0, 3).join(' · ');
      return el('tr', {}, el('th', { scope: 'row', text: c.header }), el('td', {}, s), el('td', { class: 'muted', text: samples }));
    });
    const collect = () => {
      const data = new FormData(form);
      const options = {};
      for (const key of ['kind', 'encoding', 'delimiter', 'decimalSeparator', 'dateOrder']) {
        if (data.get(key)) options[key] = data.get(key);
      }
      const columns = {};
      for (const c of file.columns) {
        const v = data.get(`column:${c.header}`) ?? '';
        if (v !== (c.field ?? '') || mine.columns?.[c.header] !== undefined) columns[c.header] = v;
      }
      if (Object.keys(columns).length) {
        options.columns = columns;
        options.kind ??= currentKind || undefined;
      }
      if (options.kind && !options.columns) {
        options.columns = {};
        for (const c of file.columns) options.columns[c.header] = data.get(`column:${c.header}`) ?? '';
      }
      return options;
    };
    const presetName = el('input', { type: 'text', name: 'preset', placeholder: 'Preset name', 'aria-label': 'Preset name' });
    form.append(
      el('p', { class: 'muted', text: facts.join(' · ') }),
      ...(file.notes ?? []).map((n) => el('p', { class: 'muted', text: n })),
      controls,
      file.columns.length
        ? el('div', { class: 'table-wrap' }, el('table', {},
          el('thead', {}, el('tr', {}, el('th', { text: 'Column' }), el('th', { text: 'Field' }), el('th', { text: 'First values' }))),
          el('tbody', {}, rows)))
        : null,
      el('div', { class: 'controls-row' },
        el('button', { type: 'button', class: 'apply', text: 'Apply and re-analyse', onclick: () => onApply(file.name, collect()) }),
        presetName,
        el('button', { type: 'button', class: 'save-preset', text: 'Save as preset',
          onclick: () => presetName.value.trim() && onSavePreset(presetName.value.trim(), file, collect()) })),
    );
    container.append(el('details', { class: 'card file', open: Boolean(file.error) || Object.keys(mine).length > 0 },
      el('summary', {}, el('strong', { text: file.name }), ` — ${facts.slice(0, 2).join(', ')}`), form));
  }
}
