// Revenue forecast: history as a line, the projection with its 80% and 95% bands, and
// the backtest's forecast over the held-back months beside what happened; the numbers
// as a table for screen readers. Compact SVG of our own (see chart.js for why).
import { whyText } from '../words.js';
import { svg, el, clear } from './dom.js';
import { niceMax, yGrid, xLabels, chartWidth, isolateText } from './axes.js';
import { numbersTable } from './numbers.js';

/** The method's name in the page's language, from its ETS code (`A,Ad,M`). */
export function methodName(model, t) {
  const [, trend = 'N', season = 'N'] = String(model ?? '').split(',');
  const tr = t(`trend.${trend}`);
  if (season !== 'N') return t('method.hw', { season: t(`season.${season}`), trend: tr });
  return trend === 'N' ? t('method.ses') : t('method.holt', { trend: tr });
}

/** Why that method, in the page's language. */
function methodWhy(why, t) {
  if (/^chosen by AICc/.test(why)) return t('why.aicc');
  if (/^history shorter/.test(why)) return t('why.short');
  if (/^short history/.test(why)) return t('why.level');
  return why;
}

export function renderForecast(container, block, fmt, t) {
  clear(container);
  const history = block?.history ?? [];
  const points = block?.points ?? [];
  if (!points.length) {
    container.append(el('p', { class: 'empty', text: block?.reason ? whyText(block, t, fmt) : t('forecast.none') }));
    return;
  }
  const backtest = block.backtest?.points ?? [];
  const buckets = [...history.map((h) => h.bucket), ...points.map((p) => p.bucket)];
  const index = new Map(buckets.map((b, i) => [b, i]));
  const W = chartWidth(container), H = 280, left = 78, right = 36, top = 16, bottom = 50;
  const plotW = W - left - right, plotH = H - top - bottom;
  const max = niceMax(Math.max(...history.map((h) => Number(h.revenue)), ...points.map((p) => Number(p.hi95)),
    ...backtest.map((p) => Number(p.forecast))));
  const x = (b) => left + (plotW * index.get(b)) / Math.max(1, buckets.length - 1);
  const y = (v) => top + plotH - (plotH * Number(v)) / max;
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', class: 'chart forecast', 'aria-label': t('forecast.aria', { method: methodName(block.model, t) }) });
  yGrid(root, { left, right, top, plotH, W }, max, fmt.money);
  // bands start at the last actual point so the projection joins the history
  const last = history[history.length - 1];
  const band = (lo, hi, cls) => {
    const upper = points.map((p) => `${x(p.bucket)},${y(p[hi])}`);
    const lower = points.map((p) => `${x(p.bucket)},${y(p[lo])}`).reverse();
    const start = last ? [`${x(last.bucket)},${y(last.revenue)}`] : [];
    root.append(svg('polygon', { points: [...start, ...upper, ...lower].join(' '), class: cls }));
  };
  band('lo95', 'hi95', 'band95');
  band('lo80', 'hi80', 'band80');
  const line = (pts, cls) => pts.length > 1 && root.append(svg('polyline', { points: pts.join(' '), class: cls }));
  line(history.map((h) => `${x(h.bucket)},${y(h.revenue)}`), 'actual-line');
  line([...(last ? [`${x(last.bucket)},${y(last.revenue)}`] : []), ...points.map((p) => `${x(p.bucket)},${y(p.forecast)}`)], 'forecast-line');
  line(backtest.map((p) => `${x(p.bucket)},${y(p.forecast)}`), 'backtest-line');
  for (const p of points) {
    const dot = svg('circle', { cx: x(p.bucket), cy: y(p.forecast), r: 3, class: 'forecast-dot' });
    dot.append(svg('title', {}, t('forecast.tip', { bucket: fmt.date(p.bucket), forecast: fmt.money(p.forecast),
      lo80: fmt.money(p.lo80), hi80: fmt.money(p.hi80), lo95: fmt.money(p.lo95), hi95: fmt.money(p.hi95) })));
    root.append(dot);
  }
  for (const h of history) {
    const dot = svg('circle', { cx: x(h.bucket), cy: y(h.revenue), r: 2.5, class: 'actual-dot' });
    dot.append(svg('title', {}, `${fmt.date(h.bucket)}: ${fmt.money(h.revenue)}`));
    root.append(dot);
  }
  xLabels(root, { H, bottom, W }, buckets, (i) => x(buckets[i]), (b) => fmt.month(b));
  root.append(svg('text', { x: left, y: H - 8, class: 'axis legend' }, t('forecast.legend')));
  const bt = block.backtest;
  const summary = el('p', { class: 'muted forecast-method' },
    t('forecast.method', { method: methodName(block.model, t), model: block.model, why: methodWhy(block.why, t) }), ' ',
    bt ? t('forecast.backtest', { n: fmt.count(bt.held_back), mape: fmt.ratio(bt.mape), bias: fmt.ratio(bt.bias) }) : '');
  const rows = [
    ...history.map((h) => ({ bucket: h.bucket, actual: h.revenue, forecast: backtest.find((p) => p.bucket === h.bucket)?.forecast })),
    ...points,
  ];
  const money = (key) => ({ label: t(`forecast.col.${key}`), text: (r) => (r[key] === undefined ? '' : fmt.money(r[key])), num: true });
  const table = numbersTable(t, [{ label: t('forecast.col.bucket'), text: (r) => fmt.date(r.bucket) },
    ...['actual', 'forecast', 'lo80', 'hi80', 'lo95', 'hi95'].map(money)], rows);
  isolateText(container, root);
  container.append(summary, el('div', { class: 'chart-wrap' }, root), table);
}
