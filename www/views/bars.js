// Horizontal bars: one per row, the label at the start, the value after the bar; an
// optional marker line (e.g. 100 % of quota). Numbers stay in the table beside it.
import { svg, el, clear } from './dom.js';
import { chartWidth, mirrorForRtl } from './axes.js';

/**
 * @param {{rows: object[], label: (r) => string, value: string, kind: string, text?: (r) => string,
 *          marker?: number, aria: string, good?: (r) => boolean}} spec
 */
export function renderBars(container, spec, fmt) {
  clear(container);
  const rows = spec.rows.filter((r) => r[spec.value] !== null && r[spec.value] !== undefined).slice(0, 15);
  if (!rows.length) return;
  const W = chartWidth(container, 560), labelW = Math.min(170, W * 0.34), textW = Math.min(110, W * 0.24), barH = 20, gap = 8;
  // as many characters as the label's room holds (about 7.5 px each at 13 px)
  const maxChars = Math.max(6, Math.min(30, Math.floor((labelW - 8) / 7.5)));
  const values = rows.map((r) => Number(r[spec.value]));
  const max = Math.max(...values, spec.marker ?? 0) || 1;
  const barMax = W - labelW - textW;
  const H = rows.length * (barH + gap) + 6;
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': spec.aria, class: 'bars' });
  rows.forEach((r, i) => {
    const y = 4 + i * (barH + gap);
    const w = Math.max(1, (barMax * values[i]) / max);
    const label = String(spec.label(r) ?? '');
    root.append(svg('text', { x: labelW - 8, y: y + barH - 5, 'text-anchor': 'end', class: 'bar-label' }, label.length > maxChars ? `${label.slice(0, maxChars - 1)}…` : label));
    const bar = svg('rect', { x: labelW, y, width: w, height: barH, rx: 3, class: spec.good?.(r) ? 'bar good' : 'bar' });
    const shown = spec.text ? spec.text(r) : fmt[spec.kind](r[spec.value]);
    bar.append(svg('title', {}, `${label}: ${shown}`));
    root.append(bar);
    root.append(svg('text', { x: labelW + w + 6, y: y + barH - 5, class: 'count' }, shown));
  });
  if (spec.marker) {
    const x = labelW + (barMax * spec.marker) / max;
    root.append(svg('line', { x1: x, x2: x, y1: 0, y2: H, class: 'marker' }));
  }
  mirrorForRtl(container, root, W);
  container.append(el('div', { class: 'chart-wrap bars-wrap' }, root));
}
