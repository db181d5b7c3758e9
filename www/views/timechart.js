// Two time charts in compact SVG of our own (see chart.js): stacked bars (activities per
// bucket by type, with a legend) and a line over an area (MRR per month end). Each
// bucket has a tooltip; the numbers are in a table beside the chart.
import { svg, el, clear } from './dom.js';
import { niceMax, yGrid, xLabels, bucketLabel, chartWidth, isolateText } from './axes.js';
import { numbersTable } from './numbers.js';

/** The drawing's box at the container's width. */
function boxFor(container) {
  const box = { W: chartWidth(container), H: 240, left: 70, right: 20, top: 14, bottom: 34 };
  return { ...box, plotW: box.W - box.left - box.right, plotH: box.H - box.top - box.bottom };
}

/**
 * @param {{points: object[], granularity: string, keys: string[], name: (key) => string, aria: string,
 *          format: (n) => string}} spec  `keys`: the stacked fields of each point, bottom first;
 *          each point's `total` is the sum of them all.
 */
export function renderStacked(container, spec, fmt, t) {
  clear(container);
  const BOX = boxFor(container);
  const { points, keys, granularity } = spec;
  if (!points.length || !keys.length) return;
  // each point's total (the engine's): the bar's height, the table's last column
  const total = (p) => Number(p.total ?? 0);
  const max = niceMax(Math.max(...points.map(total)));
  const step = BOX.plotW / points.length;
  const barW = Math.max(1, step * 0.7);
  const y = (v) => BOX.top + BOX.plotH - (BOX.plotH * v) / max;
  const root = svg('svg', { viewBox: `0 0 ${BOX.W} ${BOX.H}`, role: 'img', 'aria-label': spec.aria, class: 'chart stacked' });
  yGrid(root, BOX, max, spec.format);
  const label = (b) => bucketLabel(fmt, granularity, b);
  points.forEach((p, i) => {
    let base = 0;
    const x = BOX.left + i * step + (step - barW) / 2;
    const tip = `${label(p.bucket)}: ${keys.filter((k) => p[k]).map((k) => `${spec.name(k)} ${spec.format(p[k])}`).join(' · ')}`;
    keys.forEach((k, s) => {
      const v = Number(p[k] ?? 0);
      if (!v) return;
      const rect = svg('rect', { x, y: y(base + v), width: barW, height: y(base) - y(base + v), class: `seg s${s}` });
      rect.append(svg('title', {}, tip));
      root.append(rect);
      base += v;
    });
  });
  xLabels(root, BOX, points.map((p) => p.bucket), (i) => BOX.left + i * step + step / 2, label);
  const legend = el('ul', { class: 'legend' }, keys.map((k, s) => el('li', {}, el('span', { class: `swatch s${s}`, 'aria-hidden': 'true' }), spec.name(k))));
  const table = numbersTable(t, [
    { label: t('forecast.col.bucket'), text: (p) => label(p.bucket) },
    ...keys.map((k) => ({ label: spec.name(k), text: (p) => spec.format(p[k] ?? 0), num: true })),
    { label: t('col.total'), text: (p) => spec.format(total(p)), num: true },
  ], points);
  isolateText(container, root);
  container.append(el('div', { class: 'chart-wrap' }, root), legend, table);
}

/**
 * @param {{points: object[], x: string, value: string, aria: string, format: (n) => string,
 *          tip: (p) => string}} spec  one point a month: `x` its date field, `value` the line.
 */
export function renderLine(container, spec, fmt) {
  clear(container);
  const BOX = boxFor(container);
  const { points } = spec;
  if (!points.length) return;
  const values = points.map((p) => Number(p[spec.value]));
  const max = niceMax(Math.max(...values));
  // points at the middle of their month's slot, as the bars of the other charts
  const x = (i) => BOX.left + (BOX.plotW * (i + 0.5)) / points.length;
  const y = (v) => BOX.top + BOX.plotH - (BOX.plotH * v) / max;
  const root = svg('svg', { viewBox: `0 0 ${BOX.W} ${BOX.H}`, role: 'img', 'aria-label': spec.aria, class: 'chart line' });
  yGrid(root, BOX, max, spec.format);
  const line = values.map((v, i) => `${x(i)},${y(v)}`);
  const floor = BOX.top + BOX.plotH;
  root.append(svg('polygon', { points: [`${x(0)},${floor}`, ...line, `${x(values.length - 1)},${floor}`].join(' '), class: 'area' }));
  if (line.length > 1) root.append(svg('polyline', { points: line.join(' '), class: 'value-line' }));
  points.forEach((p, i) => {
    const dot = svg('circle', { cx: x(i), cy: y(values[i]), r: 3, class: 'value-dot' });
    dot.append(svg('title', {}, spec.tip(p)));
    root.append(dot);
  });
  xLabels(root, BOX, points.map((p) => p[spec.x]), x, (b) => fmt.month(b));
  isolateText(container, root);
  container.append(el('div', { class: 'chart-wrap' }, root));
}
