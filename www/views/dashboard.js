// The figures of a report: cards, charts and tables. Tables are data (TABLES): the
// report's table, where it goes, its columns (message keys and formats), what an empty one
// says, and which rows of the files a row's name lists (`drill`: [set, fields], see
// docs/DRILL.md). No state: app.js hands over the report, where to draw and what a
// click on a figure does.
import { renderCards } from './cards.js';
import { renderForecast } from './forecast.js';
import { renderTrend } from './chart.js';
import { renderFunnel } from './funnel.js';
import { renderTable } from './table.js';
import { renderStacked, renderLine } from './timechart.js';
import { renderBars } from './bars.js';
import { renderDimensions, SALES_COLUMNS } from './dimensions.js';
import { bucketLabel } from './axes.js';
import { whyText, ruleText } from '../words.js';

export const TABLES = [
  { id: 'sales_by_owner', target: 'by-owner', empty: 'empty.owners', drill: ['closed', ['owner']],
    columns: [
      { key: 'owner', label: 'col.owner' }, { key: 'revenue', label: 'col.revenue', kind: 'money' },
      { key: 'won', label: 'col.won', kind: 'count' }, { key: 'lost', label: 'col.lost', kind: 'count' },
      { key: 'win_rate', label: 'col.win_rate', kind: 'ratio' },
      { key: 'average_deal_size', label: 'col.average_deal_size', kind: 'money' },
      { key: 'sales_cycle_days', label: 'col.sales_cycle_days', kind: 'days' },
      { key: 'share_of_revenue', label: 'col.share', kind: 'ratio' },
    ] },
  { id: 'sales_by_product', target: 'by-product', empty: 'empty.owners', drill: ['closed', ['product']],
    columns: [
      { key: 'product', label: 'col.product' }, ...SALES_COLUMNS,
    ] },
  { id: 'sales_by_account', target: 'by-account', empty: 'empty.accounts', drill: ['won', ['account']],
    columns: [
      { key: 'account', label: 'col.account' }, { key: 'revenue', label: 'col.revenue', kind: 'money' },
      { key: 'won', label: 'col.won', kind: 'count' },
      { key: 'share_of_revenue', label: 'col.share', kind: 'ratio' },
    ] },
  { id: 'pipeline_value', target: 'pipeline', empty: 'empty.open', drill: ['open', ['stage']],
    columns: [
      { key: 'stage', label: 'col.stage' }, { key: 'deals', label: 'col.deals', kind: 'count' },
      { key: 'value', label: 'col.value', kind: 'money' },
    ] },
  { id: 'loss_reasons', target: 'loss', empty: 'empty.lost', drill: ['lost', ['lost_reason']],
    columns: [
      { key: 'lost_reason', label: 'col.reason' }, { key: 'count', label: 'col.deals', kind: 'count' },
      { key: 'amount', label: 'col.amount', kind: 'money' },
      { key: 'share_of_lost', label: 'col.share', kind: 'ratio' },
    ] },
  { id: 'stalled_deals', target: 'stalled', empty: 'empty.stalled',
    columns: [
      { key: 'deal_id', label: 'col.deal' }, { key: 'owner', label: 'col.owner' },
      { key: 'account', label: 'col.account' }, { key: 'stage', label: 'col.stage' },
      { key: 'amount', label: 'col.amount', kind: 'money' },
      { key: 'created_date', label: 'col.created', kind: 'date' },
      { key: 'age_days', label: 'col.age', kind: 'count' },
    ] },
  { id: 'conversion_by_source', target: 'lead-sources', empty: 'empty.leads', drill: ['leads', ['source']],
    columns: [
      { key: 'source', label: 'col.source' }, { key: 'leads', label: 'col.leads', kind: 'count' },
      { key: 'converted', label: 'col.converted', kind: 'count' },
      { key: 'rate', label: 'col.rate', kind: 'ratio' },
      { key: 'won_deals', label: 'col.deals_won', kind: 'count' },
      { key: 'revenue', label: 'col.revenue', kind: 'money' },
    ] },
  { id: 'sales_activity_ratio', target: 'activity-ratio', empty: 'empty.activities', drill: ['activities', ['owner']],
    columns: [
      { key: 'owner', label: 'col.owner' }, { key: 'activities', label: 'col.activities', kind: 'count' },
      { key: 'won', label: 'col.deals_won', kind: 'count' }, { key: 'ratio', label: 'col.per_won', kind: 'days1' },
    ] },
  { id: 'activity_counts', target: 'activity-counts', empty: 'empty.activities', drill: ['activities', ['owner', 'type']],
    columns: [
      { key: 'owner', label: 'col.owner' }, { key: 'type', label: 'col.type', kind: 'activity' },
      { key: 'count', label: 'col.count', kind: 'count' },
    ] },
  { id: 'time_in_stage', target: 'time-in-stage', empty: 'empty.history',
    columns: [
      { key: 'stage', label: 'col.stage' }, { key: 'deals', label: 'col.deals', kind: 'count' },
      { key: 'mean_days', label: 'col.mean', kind: 'days' },
      { key: 'median_days', label: 'col.median', kind: 'days' },
    ] },
  { id: 'mrr', target: 'mrr', empty: 'empty.subscriptions',
    columns: [
      { key: 'month_end', label: 'col.month_end', kind: 'date' }, { key: 'mrr', label: 'col.mrr', kind: 'money' },
      { key: 'new', label: 'col.new', kind: 'money' }, { key: 'expansion', label: 'col.expansion', kind: 'money' },
      { key: 'contraction', label: 'col.contraction', kind: 'money' },
      { key: 'churned', label: 'col.churned', kind: 'money' },
    ] },
  { id: 'quota_attainment', target: 'quota', empty: 'empty.quotas',
    columns: [
      { key: 'owner', label: 'col.owner' }, { key: 'periods', label: 'col.periods', kind: 'count' },
      { key: 'from', label: 'col.from', kind: 'date' }, { key: 'to', label: 'col.to', kind: 'date' },
      { key: 'quota', label: 'col.quota', kind: 'money' },
      { key: 'revenue', label: 'col.revenue', kind: 'money' },
      { key: 'attainment', label: 'col.attainment', kind: 'ratio' },
    ] },
  { id: 'forecast_weighted', target: 'weighted', empty: 'empty.open',
    columns: [
      { key: 'bucket', label: 'col.bucket' }, { key: 'owner', label: 'col.owner' },
      { key: 'deals', label: 'col.deals', kind: 'count' }, { key: 'amount', label: 'col.amount', kind: 'money' },
      { key: 'weighted', label: 'col.weighted', kind: 'money' },
    ] },
];

/** Draws one of TABLES; money columns the engine left out (several currencies) are left out. */
function drawTable(def, report, $, fmt, t, onDrill) {
  const tb = report.tables[def.id];
  const shown = (tb?.columns ? def.columns.filter((c) => tb.columns.includes(c.key)) : def.columns)
    .map((c) => ({ ...c, label: t(c.label) }));
  const drillRow = def.drill && ((r) => {
    const [set, fields] = def.drill;
    const by = Object.fromEntries(fields.map((f) => [f, r[f]]));
    onDrill({ set, by }, `${t(`drill.set.${set}`)} · ${fields.map((f) => (f === 'type' ? fmt.activity(r[f]) : r[f])).join(' · ')}`);
  });
  renderTable($(def.target), { columns: shown, rows: tb?.rows ?? [], rest: tb?.rest,
    empty: tb?.reason ? whyText(tb, t, fmt) : t(def.empty), name: def.id, drill: drillRow }, fmt, t);
}

/**
 * Draws every figure of `report`: `$(id)` finds where; `onDrill(query, what)` lists the
 * rows behind a figure.
 */
export function renderFigures(report, { $, fmt, t, onDrill }) {
  renderCards($('cards'), report, fmt, t, null, (query, label) => {
    const set = t(`drill.set.${query.set}`);
    onDrill(query, set === label ? label : `${label}: ${set}`);
  });
  const forecast = report.series.forecast_revenue ?? {};
  $('forecast-section').hidden = !forecast.month;
  renderForecast($('forecast'), forecast.month, fmt, t);
  renderForecast($('forecast-week'), forecast.week, fmt, t);
  const trend = report.series.revenue_trend;
  renderTrend($('trend'), trend, fmt, t, (point) => onDrill({ set: 'closed', bucket: point.bucket },
    `${t('drill.set.closed')} · ${bucketLabel(fmt, trend.granularity, point.bucket)}`));
  const funnel = report.tables.deal_funnel;
  $('funnel-note').textContent = funnel ? t('funnel.note', { order: t(`funnel.order.${funnel.order}`) }) : '';
  // an exact funnel (from a stage history) counts paths, which the deals do not carry
  const stages = funnel?.rows?.map((r) => r.stage);
  renderFunnel($('funnel'), funnel, fmt, t, 'deals', undefined, funnel?.type === 'reached'
    ? (i) => onDrill({ set: 'reached', stages, step: i }, t('drill.set.reached', { stage: stages[i] })) : null);
  $('product-section').hidden = !report.tables.sales_by_product?.rows?.length;
  renderDimensions($('dimensions'), report.dimensions, fmt, t, report.filter_choices?.groups, (g) =>
    onDrill({ set: 'closed', filters: { groups: [{ key: g.key, column: g.column, values: [g.value] }] } },
      `${t('drill.set.closed')} · ${g.column}: ${g.value}`));
  const stalled = report.tables.stalled_deals;
  $('stalled-note').textContent = stalled?.rule
    ? t(stalled.rows.length < stalled.total_rows ? 'stalled.note.listed' : 'stalled.note',
      { rule: ruleText(stalled, t, fmt), asOf: fmt.date(report.period.as_of), n: fmt.count(stalled.total_rows), listed: fmt.count(stalled.rows.length) })
    : '';
  $('leads-section').hidden = !report.tables.lead_funnel;
  if (report.tables.lead_funnel) {
    renderFunnel($('lead-funnel'), report.tables.lead_funnel, fmt, t, 'leads', (s) => t(`lead_step.${s}`));
  }
  $('activities-section').hidden = !report.tables.activity_counts;
  const acts = report.series.activity_counts;
  // the engine's types, in its order, those with any activity
  const types = (acts?.types ?? []).filter((k) => (acts?.points ?? []).some((p) => p[k]));
  renderStacked($('activity-trend'), { points: acts?.points ?? [], keys: types, granularity: acts?.granularity, name: fmt.activity,
    format: fmt.count, aria: t('activity.aria', { granularity: t(`granularity.${acts?.granularity ?? 'month'}`) }) }, fmt, t);
  $('time-section').hidden = !report.tables.time_in_stage;
  $('mrr-section').hidden = !report.tables.mrr;
  renderLine($('mrr-chart'), { points: report.series.mrr?.points ?? [], x: 'month_end', value: 'mrr', format: fmt.money,
    aria: t('mrr.aria'), tip: (p) => t('mrr.tip', { month: fmt.date(p.month_end), mrr: fmt.money(p.mrr), new: fmt.money(p.new),
      expansion: fmt.money(p.expansion), contraction: fmt.money(p.contraction), churned: fmt.money(p.churned) }) }, fmt);
  $('quota-section').hidden = !report.tables.quota_attainment;
  renderBars($('loss-chart'), { rows: report.tables.loss_reasons?.rows ?? [], label: (r) => r.lost_reason, value: 'count', kind: 'count',
    text: (r) => `${fmt.count(r.count)} (${fmt.ratio(r.share_of_lost)})`, aria: t('section.loss') }, fmt);
  renderBars($('quota-chart'), { rows: report.tables.quota_attainment?.rows ?? [], label: (r) => r.owner, value: 'attainment', kind: 'ratio',
    marker: 1, good: (r) => r.attainment >= 1, aria: t('section.quota') }, fmt);
  const weighted = report.tables.forecast_weighted;
  $('weighted-section').hidden = !weighted?.rows?.length;
  for (const def of TABLES) drawTable(def, report, $, fmt, t, onDrill);
}
