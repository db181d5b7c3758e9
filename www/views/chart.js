// Revenue trend: bars per bucket (revenue) with the win rate as a line, axes, labels,
// and a tooltip per bucket; the same numbers as a table beside it for screen readers.
import { whyText } from '../words.js';
import { svg, el, clear } from './dom.js';
import { niceMax, yGrid, xLabels, bucketLabel, chartWidth, drillTarget, isolateText } from './axes.js';
import { numbersTable } from './numbers.js';

/** `onBar(point)`: each bar is a button that lists the deals closed in its bucket. */
export function renderTrend(container, series, fmt, t, onBar = null) {
  clear(container);
  const points = series?.points ?? [];
  if (!points.length) {
    container.append(el('p', { class: 'empty', text: series?.reason ? whyText(series, t, fmt) : t('trend.none') }));
    return;
  }
  const W = chartWidth(container), H = 260, left = 70, right = 50, top = 16, bottom = 46;
  const plotW = W - left - right, plotH = H - top - bottom;
  const revenue = points.map((p) => Number(p.revenue));
  const max = niceMax(Math.max(...revenue));
  const step = plotW / points.length;
  const barW = Math.max(1, step * 0.7);
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: onBar ? 'group' : 'img', 'aria-label': t('trend.aria', { granularity: t(`granularity.${series.granularity}`) }), class: 'chart' });
  yGrid(root, { left, right, top, plotH, W }, max, fmt.money);
  for (let i = 0; i <= 4; i++) {
    root.append(svg('text', { x: W - right + 8, y: top + plotH - (plotH * i) / 4 + 4, class: 'axis rate' }, fmt.ratio(i / 4)));
  }
  const line = [];
  points.forEach((p, i) => {
    const x = left + i * step + (step - barW) / 2;
    const h = (plotH * Number(p.revenue)) / max;
    const bar = svg('rect', { x, y: top + plotH - h, width: barW, height: Math.max(0, h), class: 'bar' });
    const tip = t('trend.tip', { bucket: fmt.date(p.bucket), revenue: fmt.money(p.revenue), won: fmt.count(p.won), lost: fmt.count(p.lost), rate: fmt.ratio(p.win_rate) });
    bar.append(svg('title', {}, tip));
    if (onBar && p.won + p.lost > 0) {
      const target = drillTarget(svg('g', { class: 'drill-bar', 'data-bucket': p.bucket, 'aria-label': tip }), () => onBar(p));
      target.append(bar);
      root.append(target);
    } else {
      root.append(bar);
    }
    if (p.win_rate !== null) line.push(`${x + barW / 2},${top + plotH - plotH * p.win_rate}`);
  });
  xLabels(root, { H, bottom, W }, points.map((p) => p.bucket), (i) => left + i * step + step / 2,
    (b) => bucketLabel(fmt, series.granularity, b));
  if (line.length > 1) root.append(svg('polyline', { points: line.join(' '), class: 'rate-line' }));
  root.append(svg('text', { x: left, y: H - 6, class: 'axis legend' }, t('trend.legend')));
  const table = numbersTable(t, [
    { label: t('forecast.col.bucket'), text: (p) => fmt.date(p.bucket) },
    { label: t('col.revenue'), text: (p) => fmt.money(p.revenue), num: true },
    { label: t('col.won'), text: (p) => fmt.count(p.won), num: true },
    { label: t('col.lost'), text: (p) => fmt.count(p.lost), num: true },
    { label: t('col.win_rate'), text: (p) => fmt.ratio(p.win_rate), num: true },
  ], points);
  isolateText(container, root);
  container.append(el('div', { class: 'chart-wrap' }, root), table);
}
