// Per file: what was detected (kind, encoding, delimiter, decimal separator, date order,
// the column → field mapping and why each column was taken) with a preview of the first rows, editable. "Apply" re-runs
// the analysis with the user's choices; "Save as preset" keeps them for files with the
// same header.
import { el, clear } from './dom.js';
import { noteText, fieldName, columnWhyText } from '../words.js';

const ENCODINGS = ['UTF-8', 'UTF-16LE', 'UTF-16BE', 'gb18030', 'Big5', 'windows-1252', 'windows-1256'];
/** Delimiters and the message naming each. */
const DELIMITERS = [[',', 'map.comma'], [';', 'map.semicolon'], ['\t', 'map.tab'], ['|', 'map.pipe']];

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
 *          onSavePreset: (name: string, file: object, options: object) => void,
 *          onRemove?: (file: string) => void}} actions
 */
export function renderMapping(container, report, fmt, t, { choices, onApply, onSavePreset, onRemove }) {
  clear(container);
  const kindName = (k) => (t.has(`kind.${k}`) ? t(`kind.${k}`) : k);
  const auto = (value) => t('map.auto', { value });
  const delimiters = DELIMITERS.map(([d, key]) => [d, t(key)]);
  for (const file of report.files) {
    const mine = choices[file.name] ?? {};
    const form = el('form', { class: 'mapping', 'data-file': file.name });
    form.addEventListener('submit', (e) => e.preventDefault());
    const facts = [
      file.kind ? t('map.table_of', { kind: kindName(file.kind) }) : t('map.not_analysed'),
      t('map.rows', { n: fmt.count(file.rows) }),
      fmt.bytes(file.bytes),
      file.encoding && `${file.encoding} (${file.encoding_source})`,
      file.header_row > 1 && t('map.header_row', { n: fmt.count(file.header_row) }),
      file.skipped?.summary_rows && t('map.totals_skipped', { n: fmt.count(file.skipped.summary_rows) }),
      file.skipped?.repeated_headers && t('map.headers_skipped', { n: fmt.count(file.skipped.repeated_headers) }),
      file.skipped?.footer_rows && t('map.footer_skipped', { n: fmt.count(file.skipped.footer_rows) }),
      file.skipped?.blank_rows && t('map.blank_skipped', { n: fmt.count(file.skipped.blank_rows) }),
      file.skipped?.unnamed_rows && t('map.unnamed_skipped', { n: fmt.count(file.skipped.unnamed_rows) }),
      file.skipped?.group_rows && t('map.group_rows', { n: fmt.count(file.skipped.group_rows) }),
    ].filter(Boolean);
    const kindNames = Object.keys(report.kinds ?? {});
    const currentKind = mine.kind || file.kind || '';
    const controls = el('div', { class: 'controls-row' },
      select(t('map.kind'), 'kind', kindNames.map((k) => [k, kindName(k)]), mine.kind ?? '', file.kind ? auto(kindName(file.kind)) : t('map.auto_plain')),
      select(t('map.encoding'), 'encoding', ENCODINGS.map((e) => [e, e]), mine.encoding ?? '', auto(file.encoding || '?')),
      select(t('map.delimiter'), 'delimiter', delimiters, mine.delimiter ?? '',
        auto(delimiters.find(([d]) => d === file.delimiter)?.[1] ?? '?')),
      select(t('map.decimal'), 'decimalSeparator', [['.', t('map.point')], [',', t('map.comma')]], mine.decimalSeparator ?? '',
        auto(Object.values(file.decimal_separator ?? {})[0] ?? '.')),
      select(t('map.dates'), 'dateOrder', [['month_first', t('map.month_first')], ['day_first', t('map.day_first')]],
        mine.dateOrder ?? '', auto(t(`map.${Object.values(file.date_order ?? {})[0] ?? 'month_first'}`))),
    );
    const fields = (kind) => (report.kinds?.[kind] ?? []).map((f) => [f.name, f.required ? `${fieldName(f.name, t)} *` : fieldName(f.name, t)]);
    const fillFields = (s, kind, chosen) => {
      clear(s).append(el('option', { value: '', text: t('map.unused') }));
      for (const [value, text] of fields(kind)) s.append(el('option', { value, text, selected: value === chosen }));
    };
    const fieldSelects = [];
    const needs = el('ul', { class: 'needs', 'aria-live': 'polite' });
    const kindSelect = controls.querySelector('select[name=kind]');
    const showNeeds = () => {
      const kind = kindSelect.value || file.kind || '';
      clear(needs).append(...mappingWarnings(report.kinds?.[kind] ?? [], fieldSelects.map((s) => s.value), t)
        .map((text) => el('li', { text })));
    };
    kindSelect.addEventListener('change', (e) => {
      const kind = e.target.value || file.kind || '';
      for (const s of fieldSelects) fillFields(s, kind, kind === file.kind ? s.dataset.auto : '');
      showNeeds();
    });
    const rows = file.columns.map((c, i) => {
      const chosen = mine.columns?.[c.header] ?? c.field ?? '';
      const s = el('select', { name: `column:${c.header}`, 'aria-label': t('map.field_for', { header: c.header }), 'data-auto': c.field ?? '' });
      fillFields(s, currentKind, chosen);
      s.addEventListener('change', showNeeds);
      fieldSelects.push(s);
      const samples = (file.sample ?? []).map((r) => r[i] ?? '').filter((v) => v !== '').slice(0, 3).join(' · ');
      return el('tr', {}, el('th', { scope: 'row', text: c.header }), el('td', {}, s),
        el('td', { class: 'muted why', text: columnWhyText(c.why, t) }), el('td', { class: 'muted', text: samples }));
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
      // Two kinds fitted about equally: Apply confirms the kind shown.
      if (file.error?.reason_code?.code === 'uncertain' && !options.kind) options.kind = currentKind || undefined;
      if (options.kind && !options.columns) {
        options.columns = {};
        for (const c of file.columns) options.columns[c.header] = data.get(`column:${c.header}`) ?? '';
      }
      return options;
    };
    const presetName = el('input', { type: 'text', name: 'preset', placeholder: t('map.preset_name'), 'aria-label': t('map.preset_name') });
    form.append(
      el('p', { class: 'muted', text: facts.join(' · ') }),
      ...(file.note_codes ?? []).map((c) => el('p', { class: 'muted', text: noteText(c, t, fmt) })),
      controls,
      needs,
      file.columns.length
        ? el('div', { class: 'table-wrap' }, el('table', {},
          el('thead', {}, el('tr', {}, el('th', { text: t('map.column') }), el('th', { text: t('map.field') }),
            el('th', { text: t('map.why') }), el('th', { text: t('map.first_values') }))),
          el('tbody', {}, rows)))
        : null,
      el('div', { class: 'controls-row' },
        el('button', { type: 'button', class: 'apply', text: t('map.apply'), onclick: () => onApply(file.name, collect()) }),
        presetName,
        el('button', { type: 'button', class: 'save-preset', text: t('map.save'),
          onclick: () => presetName.value.trim() && onSavePreset(presetName.value.trim(), file, collect()) }),
        onRemove ? el('button', { type: 'button', class: 'secondary remove-file', text: t('map.remove'), onclick: () => onRemove(file.name) }) : null),
    );
    if (file.kind || mine.kind) showNeeds();
    container.append(el('details', { class: 'card file', open: Boolean(file.error) || Object.keys(mine).length > 0 },
      el('summary', {}, el('strong', { text: file.name }), ` — ${facts.slice(0, 2).join(t('list.sep'))}`), form));
  }
}

/**
 * What a mapping leaves out, in words, before any analysis: a deals table with nothing that
 * tells open, won and lost apart, required fields with no column, and each field's metrics
 * (`needed_by`, from the engine) that cannot be computed without it.
 */
export function mappingWarnings(fields, chosen, t) {
  const have = new Set(chosen.filter(Boolean));
  // a field the engine says stands for another (a won date for the close date)
  for (const f of fields) if (f.stands_for && have.has(f.name)) have.add(f.stands_for);
  const out = [];
  if (fields.some((f) => f.tells_status) && !fields.some((f) => f.tells_status && have.has(f.name))) out.push(t('map.needs_status'));
  const required = fields.filter((f) => f.required && !have.has(f.name) && !f.tells_status);
  if (required.length) out.push(t('map.required_missing', { fields: required.map((f) => fieldName(f.name, t)).join(t('list.sep')) }));
  for (const f of fields) {
    if (!f.needed_by?.length || have.has(f.name)) continue;
    const names = f.needed_by.map((id) => (t.has(`card.${id}`) ? t(`card.${id}`) : id));
    out.push(t('map.without', { field: fieldName(f.name, t), metrics: names.join(t('list.sep')) }));
  }
  return out;
}
