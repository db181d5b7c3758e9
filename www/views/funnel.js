// The deal funnel in SVG: one bar per stage (width ∝ deals reached), count and value in
// the label, and the leakage between consecutive stages.
import { reasonText } from '../reasons.js';
import { svg, clear, el } from './dom.js';
import { numbersTable } from './numbers.js';

export function renderFunnel(container, table, fmt, t, unit = 'deals') {
  const unitText = t(`funnel.${unit}`);
  clear(container);
  if (!table || table.reason || !table.rows.length) {
    container.append(el('p', { class: 'empty', text: table?.reason ? reasonText(table.reason, t, fmt) : t('funnel.none') }));
    return;
  }
  const rows = table.rows;
  const W = 900;
  const labelW = 170;
  const textW = 230;
  const barMax = W - labelW - textW;
  const barH = 30;
  const gap = 24;
  const H = rows.length * barH + (rows.length - 1) * gap + 16;
  const max = Math.max(1, ...rows.map((r) => r.reached));
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': t('funnel.aria', { unit: unitText }), class: 'funnel-svg' });
  rows.forEach((r, i) => {
    const y = 8 + i * (barH + gap);
    const width = Math.max(2, (barMax * r.reached) / max);
    const last = i === rows.length - 1;
    const mid = y + barH / 2 + 5;
    root.append(svg('text', { x: 0, y: mid }, r.stage));
    root.append(svg('rect', { x: labelW, y, width, height: barH, rx: 4, class: last ? 'bar won' : 'bar' }));
    const worth = r.value === undefined ? '' : ` · ${fmt.money(r.value)}`;
    root.append(svg('text', { x: labelW + width + 8, y: mid, class: 'count', 'data-stage': r.stage },
      `${fmt.count(r.reached)} ${unitText}${worth}`));
    if (!last) {
      const leak = t('funnel.leak', { conversion: fmt.ratio(rows[i + 1].conversion), drop: fmt.count(r.drop_off), share: fmt.ratio(r.drop_off_share) });
      root.append(svg('text', { x: labelW, y: y + barH + gap / 2 + 5, class: 'leak' }, leak));
    }
  });
  const wrap = el('div', { class: 'funnel' });
  wrap.append(root);
  const numbers = numbersTable(t, [
    { label: t('col.stage'), text: (r) => r.stage },
    { label: t('col.deals'), text: (r) => fmt.count(r.reached), num: true },
    { label: t('col.value'), text: (r) => (r.value === undefined ? '' : fmt.money(r.value)), num: true },
    { label: t('col.rate'), text: (r) => (r.conversion === null || r.conversion === undefined ? '' : fmt.ratio(r.conversion)), num: true },
  ], rows);
  container.append(wrap, numbers);
}
