// Sales grouped by the columns of lookup tables (report.dimensions): one table per column,
// "Sales by sector (accounts.csv)", with the names the lookup table lacks counted below it.
import { el, clear } from './dom.js';
import { renderTable } from './table.js';

/** The columns of a sales table after its name column (as sales_by_owner has them). */
export const SALES_COLUMNS = [
  { key: 'revenue', label: 'col.revenue', kind: 'money' },
  { key: 'won', label: 'col.won', kind: 'count' }, { key: 'lost', label: 'col.lost', kind: 'count' },
  { key: 'win_rate', label: 'col.win_rate', kind: 'ratio' },
  { key: 'average_deal_size', label: 'col.average_deal_size', kind: 'money' },
  { key: 'sales_cycle_days', label: 'col.sales_cycle_days', kind: 'days' },
  { key: 'share_of_revenue', label: 'col.share', kind: 'ratio' },
];

/**
 * `groups`: report.filter_choices.groups (the values each lookup column holds);
 * `onGroup({ key, column, value })`: a row of one of those values lists its deals (rows
 * of names the lookup table lacks, or of a blank value, have no list).
 */
export function renderDimensions(container, dimensions, fmt, t, groups = [], onGroup = null) {
  clear(container);
  container.hidden = !dimensions?.length;
  for (const d of dimensions ?? []) {
    const body = el('div');
    const columns = [{ key: 'group', label: d.column }, ...SALES_COLUMNS.map((c) => ({ ...c, label: t(c.label) }))]
      .filter((c) => c.key === 'group' || d.table.columns.includes(c.key));
    const values = new Set(groups.find((g) => g.file === d.file && g.key === d.key && g.column === d.column)?.values ?? []);
    const drill = onGroup && ((r) => onGroup({ key: d.key, column: d.column, value: r.group }));
    renderTable(body, { columns, rows: d.table.rows, rest: d.table.rest, empty: t('empty.owners'), name: `sales_by_${d.column}`,
      drill, canDrill: (r) => values.has(r.group) }, fmt, t);
    const note = d.unmatched
      ? el('p', { class: 'muted', text: t('dimension.unmatched', { n: fmt.count(d.unmatched), file: d.file, key: d.key, examples: d.unmatched_examples.join(t('list.sep')) }) })
      : null;
    container.append(el('section', { class: 'dimension', 'data-dimension': `${d.file}:${d.column}` },
      el('h2', { text: t('dimension.title', { column: d.column, file: d.file }) }), body, note));
  }
}
