// What was detected in each file: kind, columns mapped, delimiter, encoding, rows.
import { el, clear } from './dom.js';

export function renderFiles(container, files, fmt) {
  clear(container);
  for (const f of files) {
    const mapped = f.columns.filter((c) => c.field).map((c) => `${c.header} → ${c.field}`);
    const delimiter = f.delimiter === '\t' ? 'tab' : f.delimiter;
    const facts = [
      f.kind ? `${f.kind} table` : 'not analysed',
      `${fmt.count(f.rows)} rows`,
      fmt.bytes(f.bytes),
      f.delimiter ? `delimiter “${delimiter}”` : null,
      f.encoding,
    ].filter(Boolean);
    const blanks = Object.entries(f.blanks ?? {}).map(([k, n]) => `${k} blank in ${fmt.count(n)} rows`);
    container.append(el('article', { class: 'card file' },
      el('div', { class: 'label', text: f.name }),
      el('div', { class: 'sub', text: facts.join(' · ') }),
      mapped.length ? el('div', { class: 'sub', text: `Columns: ${mapped.join(', ')}` }) : null,
      f.missing?.length ? el('div', { class: 'sub', text: `Missing columns: ${f.missing.join(', ')}` }) : null,
      blanks.length ? el('div', { class: 'sub', text: `Blank cells: ${blanks.join('; ')}` }) : null,
    ));
  }
}
