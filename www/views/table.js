// A sortable table. Columns: { key, label, kind } where kind picks the formatter and
// whether the column is numeric. Click (or Enter on) a header to sort.
import { el, clear } from './dom.js';
import { formatAs } from '../format.js';

const NUMERIC = new Set(['money', 'count', 'ratio', 'days', 'days1', 'minutes']);

function compare(a, b, kind) {
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  return NUMERIC.has(kind) ? Number(a) - Number(b) : String(a).localeCompare(String(b));
}

export function renderTable(container, { columns, rows, empty = 'Nothing to show.', caption }, fmt) {
  clear(container);
  if (!rows?.length) {
    container.append(el('p', { class: 'empty', text: empty }));
    return;
  }
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
      tbody.append(el('tr', {}, columns.map((c) =>
        el('td', { class: NUMERIC.has(c.kind) ? 'num' : null, text: formatAs(fmt, c.kind, r[c.key]) }))));
    }
  };
  function sortBy(col, th) {
    dir = sortKey === col.key ? -dir : (NUMERIC.has(col.kind) ? -1 : 1);
    sortKey = col.key;
    for (const h of heads) h.removeAttribute('aria-sort');
    th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
    draw([...rows].sort((a, b) => dir * compare(a[col.key], b[col.key], col.kind)));
  }
  draw(rows);
  container.append(el('div', { class: 'table-wrap' },
    el('table', {}, caption ? el('caption', { class: 'muted', text: caption }) : null,
      el('thead', {}, el('tr', {}, heads)), tbody)));
}
