// The numbers behind a chart as a table (in a closed "Numbers" disclosure), for screen
// readers and copying. Columns: { label, text: (row) => string, num?: boolean }.
import { el } from './dom.js';

export function numbersTable(t, columns, rows) {
  return el('details', { class: 'chart-data' }, el('summary', { text: t('chart.numbers') }),
    el('table', {}, el('thead', {}, el('tr', {}, columns.map((c) => el('th', { scope: 'col', text: c.label })))),
      el('tbody', {}, rows.map((r) => el('tr', {}, columns.map((c) => el('td', { class: c.num ? 'num' : null, text: c.text(r) })))))));
}
