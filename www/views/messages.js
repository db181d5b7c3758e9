// What the page says above the dashboard: messages (errors are announced), the reading
// progress, and why reading stopped at the memory limit.
import { el } from './dom.js';

/** Appends a message to the list; an error is announced as an alert. */
export function showMessage($, text, kind = 'error') {
  $('messages').append(el('div', { class: `message ${kind}`, role: kind === 'error' ? 'alert' : null, text }));
}

/** The progress bar and its words: bytes read of all, rows, and the rate. */
export function showProgress($, p, fmt, t) {
  $('progress-bar').value = p.totalBytes ? p.bytes / p.totalBytes : 0;
  const secs = p.elapsedMs / 1000;
  const rate = secs > 0 ? p.bytes / 1e6 / secs : 0;
  $('progress-text').textContent = t('progress.text',
    { done: fmt.bytes(p.bytes), total: fmt.bytes(p.totalBytes), rows: fmt.count(p.rows), rate: fmt.days1(rate) });
}

/** Reading stopped at the memory limit: where, why, and which column of names grew. */
export function showPartial($, report, fmt, t) {
  const p = report.partial;
  showMessage($, t('msg.partial_memory', { file: p.file || '?', read: fmt.bytes(p.bytes_read ?? 0),
    size: fmt.bytes(p.file_bytes ?? 0), used: fmt.count(p.memory_mb), limit: fmt.count(p.limit_mb) }));
  const top = p.names?.[0];
  if (top) {
    const info = report.files.find((f) => f.kind === top.kind && f.columns?.some((c) => c.field === top.field));
    const column = info?.columns.find((c) => c.field === top.field)?.header ?? top.field;
    showMessage($, t('msg.partial_names', { n: fmt.count(top.distinct), field: top.field, column, file: info?.name ?? p.file }), 'info');
  }
}

/** The message of a run that failed: cancelled, a worker crash, or an error. */
export function showFailure($, err, fmt, t) {
  if (err.name === 'AbortError') showMessage($, t('msg.cancelled'), 'info');
  else if (err.crash) showMessage($, t('msg.crashed', { file: err.file || '?', bytes: fmt.bytes(err.bytes ?? 0) }));
  else showMessage($, t('msg.failed', { error: err.message }));
}
