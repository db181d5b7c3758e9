// The report's own information block (shown in print and in the snapshot): how it was
// made — period, as-of date, filters, the data's span, the files read, and when.
import { el, clear } from './dom.js';
import { FILTERS, chipWords } from './filters.js';

/** What a printout or snapshot says of how it was made: period, as-of date, filters,
 *  the data's span and the files read. */
export function renderReportInfo($, report, picked, fmt, t) {
  const filters = FILTERS.filter(([key]) => picked[key].length).flatMap(([key, , , word]) => (key === 'groups'
    ? picked[key].map((name) => chipWords(t, key, word, name).join(': '))
    : [`${t(`controls.${word}`)}: ${picked[key].join(t('list.sep'))}`]));
  const files = report.files.map((f) => t('info.file', { name: f.name, rows: fmt.count(f.rows), kind: f.kind ? t(`kind.${f.kind}`) : '?' }));
  const lines = [
    $('period-label').textContent,
    $('as-of-note').textContent,
    filters.length ? t('info.filters', { list: filters.join(t('list.sep')) }) : t('info.no_filters'),
    t('info.files', { list: files.join(t('list.sep')) }),
    t('info.made', { date: fmt.date(new Date().toISOString().slice(0, 10)) }),
  ].filter(Boolean);
  clear($('report-info')).append(el('ul', {}, lines.map((text) => el('li', { text }))));
}
