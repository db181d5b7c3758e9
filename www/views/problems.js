// Problems found in the files (bad values, ragged rows): counted, listed, never fatal.
import { el, clear } from './dom.js';
import { renderTable } from './table.js';
import { problemText } from '../words.js';

export function renderProblems(container, problems, fmt, t) {
  clear(container);
  if (!problems.total) {
    container.append(el('p', { class: 'empty', text: t('problems.none') }));
    return;
  }
  const shown = problems.items.length;
  container.append(el('p', { class: 'muted', text:
    t('problems.count', { n: fmt.count(problems.total) }) +
    (shown < problems.total ? ` ${t('problems.listed', { n: fmt.count(shown) })}` : '') }));
  const holder = el('div');
  container.append(holder);
  renderTable(holder, {
    columns: [
      { key: 'file', label: t('col.file') }, { key: 'row', label: t('col.row'), kind: 'count' },
      { key: 'column', label: t('col.column') }, { key: 'value', label: t('col.value') }, { key: 'reason', label: t('col.reason') },
    ],
    rows: problems.items.map((p) => ({ ...p, reason: problemText(p, t, fmt) })),
    name: 'problems',
  }, fmt, t);
}
