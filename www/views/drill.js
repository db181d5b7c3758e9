// The rows behind a figure (docs/DRILL.md), in a dialog: one page at a time, sorted and
// filtered by the engine over every row (not just the page shown), downloadable as CSV.
// The engine finds the rows; this view only asks for pages and draws them.
import { el, clear } from './dom.js';
import { formatAs } from '../format.js';

const PAGE = 100;
/** How a column's cells are shown (others as text). */
const KINDS = { amount: 'money', created_date: 'date', closed_date: 'date', order_date: 'date', date: 'date',
  mql_date: 'date', sql_date: 'date', acquired_date: 'date', churned_date: 'date', annual_profit: 'money', duration_minutes: 'count' };

/**
 * A drill dialog in `dialog`; returns `open(query, title)`. `env`: `fetch(query, {csv,
 * onProgress, signal})` resolves to a page of the engine's drill (or CSV text), and stops
 * when `signal` aborts (a newer request, or the dialog closed); `fmt` and `t` (read at
 * each draw: the language may change); `onError(err)` shows a failure.
 */
export function drillView(dialog, env) {
  const { fetch, onError } = env;
  let state = null;
  /** The request whose answer is awaited (an older one's answer is dropped)… */
  let asked = 0;
  /** …and what stops the reading of the files for it. */
  let reading = null;
  const read = (query, how) => {
    reading?.abort();
    reading = new AbortController();
    return fetch(query, { ...how, signal: reading.signal });
  };

  const label = (column) => (env.t.has(`field.${column}`) ? env.t(`field.${column}`) : column);
  const cell = (column, value) => {
    const { fmt, t } = env;
    if (value === '' || value === null || value === undefined) return '';
    if (column === 'type' && state.result.kind === 'activities') return formatAs(fmt, 'activity', value);
    if (column === 'status') return t.has(`drill.status.${value}`) ? t(`drill.status.${value}`) : value;
    const kind = KINDS[column];
    // dates with a time are shown as read
    return kind === 'date' && value.length > 10 ? value : formatAs(fmt, kind, value);
  };

  async function load() {
    const mine = ++asked;
    const { query, sort, descending, contains, offset } = state;
    dialog.setAttribute('aria-busy', 'true');
    try {
      const result = await read({ ...query, sort, descending, contains, offset, limit: PAGE }, { onProgress: showProgress });
      if (mine !== asked || !state) return;
      // the columns: those with a value in the first page (kept while paging)
      state.columns ??= result.columns.filter((c) => result.rows.some((r) => r[c] !== ''));
      state.result = result;
      draw();
    } catch (err) {
      if (mine === asked && err.name !== 'AbortError') onError(err);
    } finally {
      if (mine === asked) {
        dialog.removeAttribute('aria-busy');
        bar.hidden = true;
      }
    }
  }

  /** The share of the files read again, shown while a page is read (long files take a while). */
  const bar = dialog.querySelector('.drill-progress');
  function showProgress(p) {
    bar.value = p.totalBytes ? p.bytes / p.totalBytes : 0;
    bar.hidden = false;
  }

  function draw() {
    const { fmt, t } = env;
    const { result, columns, title } = state;
    const body = clear(dialog.querySelector('.drill-body'));
    dialog.querySelector('.drill-title').textContent = title;
    const unit = t(`drill.unit.${result.kind}`, { n: fmt.count(result.total) });
    const sum = result.amount !== null && result.with_amount ? ` · ${t('drill.sum', { amount: fmt.money(result.amount) })}`
      : result.currencies?.length > 1 ? ` · ${t('drill.currencies', { codes: result.currencies.join(t('list.sep')) })}` : '';
    const first = result.total ? result.offset + 1 : 0;
    const last = result.offset + result.rows.length;
    body.append(el('p', { class: 'drill-summary', 'data-total': result.total, text: `${unit}${sum}` }));
    const heads = ['row', ...columns].map((c) => {
      const numeric = result.numeric.includes(c) || c === 'row';
      const th = el('th', { scope: 'col', class: numeric ? 'num' : null,
        'aria-sort': state.sort === c ? (state.descending ? 'descending' : 'ascending') : null });
      th.append(c === 'row' ? t('col.row') : el('button', { type: 'button', text: label(c), onclick: () => {
        state.descending = state.sort === c ? !state.descending : numeric;
        state.sort = c;
        state.offset = 0;
        load();
      } }));
      return th;
    });
    const several = new Set(result.rows.map((r) => r.file)).size > 1 || state.files > 1;
    const rows = result.rows.map((r) => el('tr', {},
      el('td', { class: 'num', title: r.file, text: several ? `${r.file}:${r.row}` : fmt.count(r.row) }),
      columns.map((c) => el('td', { class: result.numeric.includes(c) ? 'num' : null, text: cell(c, r[c]) }))));
    body.append(el('div', { class: 'table-wrap' },
      el('table', {}, el('thead', {}, el('tr', {}, heads)), el('tbody', {}, rows))));
    if (!result.rows.length) body.append(el('p', { class: 'empty', text: t('drill.none') }));
    const pager = el('div', { class: 'drill-pager' },
      el('button', { type: 'button', class: 'secondary small', text: t('drill.previous'), disabled: result.offset === 0,
        onclick: () => { state.offset = Math.max(0, result.offset - PAGE); load(); } }),
      el('span', { class: 'muted', text: t('drill.page', { first: fmt.count(first), last: fmt.count(last), total: fmt.count(result.total) }) }),
      el('button', { type: 'button', class: 'secondary small', text: t('drill.next'), disabled: last >= result.total,
        onclick: () => { state.offset = last; load(); } }));
    body.append(pager);
  }

  async function downloadCsv() {
    const { query, sort, descending, contains, name } = state;
    try {
      const text = await read({ ...query, sort, descending, contains }, { csv: true, onProgress: showProgress });
      const { download } = await import('../export.js');
      download(`${name}.csv`, text, 'text/csv;charset=utf-8');
    } catch (err) {
      if (err.name !== 'AbortError') onError(err);
    } finally {
      bar.hidden = true;
    }
  }

  let timer = 0;
  dialog.querySelector('.drill-filter').addEventListener('input', (e) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      state.contains = e.target.value.trim() || null;
      state.offset = 0;
      load();
    }, 250);
  });
  dialog.querySelector('.drill-close').addEventListener('click', () => dialog.close());
  dialog.querySelector('.drill-download').addEventListener('click', downloadCsv);
  dialog.addEventListener('close', () => {
    asked++;
    reading?.abort();
    state = null;
  });

  /** Opens the dialog on the rows of `query`, titled `title`; `name`: the CSV's name. */
  return function open(query, title, { name = 'rows', files = 1 } = {}) {
    state = { query, title, name, files, sort: null, descending: false, contains: null, offset: 0, columns: null, result: null };
    Object.assign(dialog.querySelector('.drill-filter'), { value: '', placeholder: env.t('drill.filter') });
    dialog.querySelector('.drill-title').textContent = title;
    clear(dialog.querySelector('.drill-body')).append(el('p', { class: 'muted', text: env.t('drill.loading') }));
    if (!dialog.open) dialog.showModal();
    load();
  };
}
