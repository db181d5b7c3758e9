// The page's own controls that need no state: the drop zone and file picker, the
// downloads (the report as JSON, a snapshot, print), and redrawing at a new width.
import { stylesheetText } from '../assets.js';

/** Files dropped on the zone or chosen go to `onFiles(files)`. */
export function wireDrop($, onFiles) {
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    onFiles(Array.from(e.dataTransfer?.files ?? []));
  });
  $('choose').addEventListener('click', () => $('file-input').click());
  $('file-input').addEventListener('change', (e) => {
    onFiles(Array.from(e.target.files ?? []));
    e.target.value = '';
  });
}

/** The report as JSON, the dashboard as one self-contained HTML file, and print.
 *  `current()` gives `{ report, t, locale }` (the LOCALES entry) at the click. */
export function wireExports($, root, current) {
  // export.js is fetched at the first download: the first result does not need it
  $('export-json').addEventListener('click', async () => {
    const { report } = current();
    if (!report) return;
    const { download } = await import('../export.js');
    download('sales-metrics-report.json', JSON.stringify(report, null, 2), 'application/json');
  });
  $('print').addEventListener('click', () => window.print());
  $('snapshot').addEventListener('click', async () => {
    const { t, locale } = current();
    const [css, { download, snapshotHtml }] = await Promise.all([stylesheetText(), import('../export.js')]);
    const stamp = new Date().toISOString().slice(0, 10);
    const html = snapshotHtml(root, css, { title: `${t('app.title')} — ${stamp}`, lang: locale.intl, dir: locale.dir });
    download(`sales-metrics-${stamp}.html`, html, 'text/html;charset=utf-8');
  });
}

/** Charts are drawn at their container's width: `redraw()` when `element`'s width changes
 *  (a phone turned, a window resized), so that their text keeps its size. */
export function redrawOnResize(element, redraw) {
  let drawnAt = 0;
  new ResizeObserver(([entry]) => {
    const width = entry.contentRect.width;
    if (!width || Math.abs(width - drawnAt) < 40) return;
    const first = !drawnAt;
    drawnAt = width;
    if (!first) requestAnimationFrame(redraw);
  }).observe(element);
}
