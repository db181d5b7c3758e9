// A sortable, filterable table that downloads as CSV. Columns: { key, label, kind }
// where kind picks the formatter and whether the column is numeric. Click (or Enter on)
// a header to sort; type in the filter to keep rows containing the text. A table the
// engine cut to its first rows (`rest`: how many more, and their summed columns) ends
// with one row for the others, which sorting and filtering leave last. `drill(row)`:
// the first cell of each row (`canDrill(row)`: of those rows) is a button that lists the
// rows of the files behind it.
import { el, clear } from './dom.js';
import { formatAs } from '../format.js';

const NUMERIC = new Set(['money', 'count', 'ratio', 'days', 'days1', 'minutes']);

function compare(a, b, kind) {
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  return NUMERIC.has(kind) ? Number(a) - Number(b) : String(a).localeCompare(String(b));
}

export function renderTable(container, { columns, rows, rest, empty, caption, name = 'table', drill = null, canDrill = () => true }, fmt, t) {
  clear(container);
  if (!rows?.length) {
    container.append(el('p', { class: 'empty', text: empty ?? t('table.empty') }));
    return;
  }
  let shown = rows;
  let sortKey = null;
  let dir = 1;
  const tbody = el('tbody');
  const heads = columns.map((c) => {
    const th = el('th', { scope: 'col', class: NUMERIC.has(c.kind) ? 'num' : null });
    th.append(el('button', { type: 'button', text: c.label, onclick: () => sortBy(c, th) }));
    return th;
  });
  const draw = (list) => {
    clear(tbody);
    for (const r of list) {
      tbody.append(el('tr', {}, columns.map((c, i) => {
        const text = formatAs(fmt, c.kind, r[c.key]);
        const td = el('td', { class: NUMERIC.has(c.kind) ? 'num' : null });
        // a row's name lists the rows behind it, where the table says how (`drill`)
        td.append(i === 0 && drill && canDrill(r) ? el('button', { type: 'button', class: 'link drill', text, title: t('drill.row'), onclick: () => drill(r) }) : text);
        return td;
      })));
    }
  };
  function sortBy(col, th) {
    dir = sortKey === col.key ? -dir : (NUMERIC.has(col.kind) ? -1 : 1);
    sortKey = col.key;
    for (const h of heads) h.removeAttribute('aria-sort');
    th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
    shown = [...shown].sort((a, b) => dir * compare(a[col.key], b[col.key], col.kind));
    draw(shown);
  }
  const filter = (text) => {
    const needle = text.trim().toLocaleLowerCase();
    shown = !needle ? rows : rows.filter((r) => columns.some((c) =>
      formatAs(fmt, c.kind, r[c.key]).toLocaleLowerCase().includes(needle) || String(r[c.key] ?? '').toLocaleLowerCase().includes(needle)));
    if (sortKey) shown = [...shown].sort((a, b) => dir * compare(a[sortKey], b[sortKey], columns.find((c) => c.key === sortKey)?.kind));
    draw(shown);
  };
  draw(rows);
  const tools = el('div', { class: 'table-tools' },
    rows.length > 8 ? el('input', { type: 'search', class: 'filter', placeholder: t('table.filter'), 'aria-label': t('table.filter'),
      oninput: (e) => filter(e.target.value) }) : null,
    el('button', { type: 'button', class: 'secondary small download', text: t('table.download'),
      onclick: async () => {
        const { toCsv, download } = await import('../export.js');
        download(`${name}.csv`, toCsv(columns, shown), 'text/csv;charset=utf-8');
      } }));
  const foot = rest ? el('tfoot', {}, el('tr', { class: 'rest' }, columns.map((c, i) =>
    el('td', { class: NUMERIC.has(c.kind) ? 'num' : null,
      text: i === 0 ? t('table.rest', { n: fmt.count(rest.rows) }) : (c.key in rest ? formatAs(fmt, c.kind, rest[c.key]) : '') })))) : null;
  container.append(tools, el('div', { class: 'table-wrap' },
    el('table', {}, caption ? el('caption', { class: 'muted', text: caption }) : null,
      el('thead', {}, el('tr', {}, heads)), tbody, foot)));
  if (rest) {
    container.append(el('p', { class: 'muted table-cut', text: t('table.cut', { listed: fmt.count(rows.length), total: fmt.count(rows.length + rest.rows) }) }));
  }
}
