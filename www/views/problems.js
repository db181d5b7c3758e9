// Problems found in the files (bad values, ragged rows): counted, listed, never fatal.
import { el, clear } from './dom.js';
import { renderTable } from './table.js';

export function renderProblems(container, problems, fmt) {
  clear(container);
  if (!problems.total) {
    container.append(el('p', { class: 'empty', text: 'No problems found.' }));
    return;
  }
  const shown = problems.items.length;
  container.append(el('p', { class: 'muted', text:
    `${fmt.count(problems.total)} ${problems.total === 1 ? 'value' : 'values'} could not be used; the rest of each row was still analysed.` +
    (shown < problems.total ? ` The first ${fmt.count(shown)} are listed.` : '') }));
  const holder = el('div');
  container.append(holder);
  renderTable(holder, {
    columns: [
      { key: 'file', label: 'File' }, { key: 'row', label: 'Row', kind: 'count' },
      { key: 'column', label: 'Column' }, { key: 'value', label: 'Value' }, { key: 'reason', label: 'Reason' },
    ],
    rows: problems.items,
  }, fmt);
}
