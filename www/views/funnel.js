// The deal funnel in SVG: one bar per stage (width ∝ deals reached), count and value in
// the label, and the leakage between consecutive stages.
import { whyText } from '../words.js';
import { svg, clear, el } from './dom.js';
import { numbersTable } from './numbers.js';
import { chartWidth, mirrorForRtl, drillTarget } from './axes.js';

/** `stageName`: how a stage is shown (the lead funnel's steps are words of the page).
 *  `onStep(i)`: each stage is a button that lists the rows that reached it. */
export function renderFunnel(container, table, fmt, t, unit = 'deals', stageName = (s) => s, onStep = null) {
  const unitText = t(`funnel.${unit}`);
  clear(container);
  if (!table || table.reason || !table.rows.length) {
    container.append(el('p', { class: 'empty', text: table?.reason ? whyText(table, t, fmt) : t('funnel.none') }));
    return;
  }
  const rows = table.rows;
  // Drawn at the container's width; narrower than 600 px, each stage's name and count
  // go on a line above its bar, so that the bars keep the width.
  const W = chartWidth(container);
  const narrow = W < 600;
  const labelW = narrow ? 0 : 170;
  const textW = narrow ? 0 : 230;
  const barMax = W - labelW - textW - (narrow ? 2 : 0);
  const barH = 30;
  const head = narrow ? 20 : 0;
  const gap = 24;
  const H = rows.length * (head + barH) + (rows.length - 1) * gap + 16;
  const max = Math.max(1, ...rows.map((r) => r.reached));
  // with buttons inside, the drawing is a group of them rather than one image
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: onStep ? 'group' : 'img', 'aria-label': t('funnel.aria', { unit: unitText }), class: 'funnel-svg' });
  rows.forEach((r, i) => {
    const top = 8 + i * (head + barH + gap);
    const y = top + head;
    const width = Math.max(2, (barMax * r.reached) / max);
    const last = i === rows.length - 1;
    const mid = y + barH / 2 + 5;
    const worth = r.value === undefined ? '' : ` · ${fmt.money(r.value)}`;
    const count = `${fmt.count(r.reached)} ${unitText}${worth}`;
    const step = onStep ? drillTarget(svg('g', { class: 'drill-step', 'data-step': i,
      'aria-label': t('drill.step', { stage: stageName(r.stage), count }) }), () => onStep(i)) : root;
    if (narrow) {
      step.append(svg('text', { x: 2, y: top + 14 }, stageName(r.stage)));
      step.append(svg('text', { x: W - 2, y: top + 14, 'text-anchor': 'end', class: 'count', 'data-stage': r.stage }, count));
    } else {
      step.append(svg('text', { x: 2, y: mid }, stageName(r.stage)));
      step.append(svg('text', { x: labelW + width + 8, y: mid, class: 'count', 'data-stage': r.stage }, count));
    }
    step.append(svg('rect', { x: labelW, y, width, height: barH, rx: 4, class: last ? 'bar won' : 'bar' }));
    if (step !== root) root.append(step);
    if (!last) {
      const leak = t('funnel.leak', { conversion: fmt.ratio(rows[i + 1].conversion), drop: fmt.count(r.drop_off), share: fmt.ratio(r.drop_off_share) });
      root.append(svg('text', { x: labelW, y: y + barH + gap / 2 + 5, class: 'leak' }, leak));
    }
  });
  mirrorForRtl(container, root, W);
  const wrap = el('div', { class: 'funnel' });
  wrap.append(root);
  const numbers = numbersTable(t, [
    { label: t('col.stage'), text: (r) => stageName(r.stage) },
    { label: t('col.deals'), text: (r) => fmt.count(r.reached), num: true },
    { label: t('col.value'), text: (r) => (r.value === undefined ? '' : fmt.money(r.value)), num: true },
    { label: t('col.rate'), text: (r) => (r.conversion === null || r.conversion === undefined ? '' : fmt.ratio(r.conversion)), num: true },
  ], rows);
  container.append(wrap, numbers);
}
