// KPI cards: one per scalar metric, with "how computed" (formula, numerator, denominator).
import { whyText, neededFile } from '../words.js';
import { el, clear } from './dom.js';
import { formatAs } from '../format.js';

/** Customers are counted from a customers file (else from a churn-flag snapshot, which has no list). */
const fromCustomersFile = (report) => report.files.some((f) => f.kind === 'customers');

/** `drill`: the set of rows behind the card (docs/DRILL.md), or a function of the metric and
 *  the report that gives it (null: no list). */
const CARDS = [
  { id: 'revenue', drill: 'won', kind: 'money', sub: (m, f, t) => t('card.revenue.sub', { n: f.count(m.rows) }) },
  { id: 'forecast_revenue', kind: 'money', sub: (m, f, t) => t('card.forecast_revenue.sub', { bucket: f.month(m.bucket), lo: f.money(m.lo80), hi: f.money(m.hi80) }) },
  { id: 'deals_won', drill: 'won', kind: 'count' },
  { id: 'deals_lost', drill: 'lost', kind: 'count', lowerIsBetter: true },
  { id: 'win_rate', drill: 'closed', kind: 'ratio', sub: (m, f, t) => t('card.win_rate.sub', { n: f.count(m.numerator), d: f.count(m.denominator) }) },
  { id: 'win_rate_cohort', drill: 'created', kind: 'ratio', sub: (m, f, t) => t('card.win_rate_cohort.sub', { n: f.count(m.numerator), d: f.count(m.denominator) }) },
  { id: 'average_deal_size', drill: 'won', kind: 'money' },
  { id: 'median_deal_size', drill: 'won', kind: 'money' },
  { id: 'sales_cycle_days', drill: 'won', kind: 'days', lowerIsBetter: true, sub: (m, f, t) => t('card.sales_cycle_days.sub', { median: f.days(m.median) }) },
  { id: 'pipeline_value', drill: 'open', kind: 'money', sub: (m, f, t) => t('card.pipeline_value.sub', { n: f.count(m.deals), asOf: f.date(m.as_of) }), subAlways: true },
  { id: 'opportunities_created', drill: 'created', kind: 'count', sub: (m, f, t) => (m.amount === undefined ? '' : t('card.opportunities_created.sub', { amount: f.money(m.amount) })) },
  { id: 'stalled_deals', kind: 'count', lowerIsBetter: true, sub: (m, f, t) => (m.value_sum === undefined ? '' : m.value_sum === null ? t('card.stalled_deals.noamount') : t('card.stalled_deals.sub', { amount: f.money(m.value_sum) })) },
  { id: 'weighted_pipeline', drill: 'open', kind: 'money', sub: (m, f, t) => t('card.weighted_pipeline.sub', { n: f.count(m.rows) }) },
  { id: 'forecast_weighted', kind: 'money', sub: (m, f, t) => t('card.forecast_weighted.sub', { n: f.count(m.rows) }) },
  { id: 'sales_per_rep', kind: 'money', sub: (m, f, t) => t('card.sales_per_rep.sub', { n: f.count(m.denominator) }) },
  { id: 'sales_velocity', kind: 'money', sub: (m, f, t) => t('card.sales_velocity.sub', { n: f.count(m.opportunities), days: f.days1(m.sales_cycle_days) }) },
  { id: 'sales_growth', kind: 'ratio', sub: (m, f, t) => t('card.sales_growth.sub', { from: f.date(m.comparison.from), to: f.date(m.comparison.to) }) },
  { id: 'upsell_rate', kind: 'ratio', sub: (m, f, t) => t('card.upsell_rate.sub', { n: f.count(m.numerator), d: f.count(m.denominator) }) },
  { id: 'qualified_leads', drill: 'qualified_leads', kind: 'count', sub: (m, f, t) => (m.inbound !== undefined ? t('card.qualified_leads.sub', { inbound: f.count(m.inbound), outbound: f.count(m.outbound) }) : '') },
  { id: 'mql_to_sql_rate', kind: 'ratio', sub: (m, f, t) => t('card.mql_to_sql_rate.sub', { n: f.count(m.numerator), d: f.count(m.denominator) }) },
  { id: 'lead_conversion_rate', drill: 'leads', kind: 'ratio', sub: (m, f, t) => t('card.lead_conversion_rate.sub', { n: f.count(m.numerator), d: f.count(m.denominator) }) },
  { id: 'lead_response_minutes', kind: 'minutes', lowerIsBetter: true, sub: (m, f, t) => t('card.lead_response_minutes.sub', { median: f.minutes(m.median), within: f.ratio(m.within_target), target: f.count(m.target_minutes) }) },
  { id: 'referrals', drill: 'referral_leads', kind: 'count' },
  { id: 'activity_counts', drill: 'activities', kind: 'count' },
  { id: 'activity_time', kind: 'minutes' },
  { id: 'sales_activity_ratio', kind: 'days1', sub: (m, f, t) => t('card.sales_activity_ratio.sub', { n: f.count(m.numerator), d: f.count(m.denominator) }) },
  { id: 'target_achievement', kind: 'ratio', sub: (m, f, t) => t('card.target_achievement.sub', { n: f.money(m.numerator), d: f.money(m.denominator) }) },
  { id: 'reps_at_quota', kind: 'ratio', sub: (m, f, t) => t('card.reps_at_quota.sub', { n: f.count(m.numerator), d: f.count(m.denominator) }) },
  { id: 'pipeline_coverage', kind: 'days1', sub: (m, f, t) => t('card.pipeline_coverage.sub') },
  { id: 'nps', kind: 'days1', sub: (m, f, t) => t('card.nps.sub', { promoters: f.count(m.promoters), detractors: f.count(m.detractors), n: f.count(m.rows) }) },
  { id: 'csat', kind: 'ratio', sub: (m, f, t) => t('card.csat.sub', { mean: f.days1(m.mean_score) }) },
  { id: 'conversion_rate', kind: 'ratio', sub: (m, f, t) => t('card.conversion_rate.sub', { n: f.count(m.numerator), d: f.count(m.denominator) }) },
  { id: 'inquiry_response_minutes', kind: 'minutes', lowerIsBetter: true, sub: (m, f, t) => t('card.inquiry_response_minutes.sub', { median: f.minutes(m.median), within: f.ratio(m.within_target), target: f.count(m.target_minutes) }) },
  { id: 'new_customers', drill: (m) => (m.source === 'customers' ? 'new_customers' : null), kind: 'count', sub: (m, f, t) => t('card.new_customers.sub', { source: t.has(`kind.${m.source}`) ? t(`kind.${m.source}`) : m.source }) },
  { id: 'churn_rate', drill: (m, r) => (fromCustomersFile(r) ? 'churned_customers' : null), kind: 'ratio', lowerIsBetter: true, sub: (m, f, t) => t('card.churn_rate.sub', { n: f.count(m.numerator), d: f.count(m.denominator) }) },
  { id: 'retention_rate', kind: 'ratio' },
  { id: 'cac', kind: 'money', lowerIsBetter: true, sub: (m, f, t) => t('card.cac.sub', { n: f.money(m.numerator), d: f.count(m.denominator) }) },
  { id: 'customers_at_start', drill: (m, r) => (fromCustomersFile(r) ? 'customers_at_start' : null), kind: 'count' },
  { id: 'clv_net', kind: 'money' },
  { id: 'clv', kind: 'money', sub: (m, f, t) => t('card.clv.sub', { years: f.days1(m.lifespan_years) }) },
  { id: 'ltv_cac_ratio', kind: 'days1', sub: (m, f, t) => t(`card.ltv_cac_ratio.${m.band}`) },
  { id: 'order_revenue', drill: 'orders', kind: 'money', sub: (m, f, t) => t('card.order_revenue.sub', { n: f.count(m.orders) }) },
  { id: 'average_order_value', drill: 'orders', kind: 'money', sub: (m, f, t) => t('card.average_order_value.sub', { n: f.count(m.denominator), lines: f.count(m.lines) }) },
  { id: 'repeat_purchase_rate', kind: 'ratio', sub: (m, f, t) => t('card.repeat_purchase_rate.sub', { n: f.count(m.numerator), d: f.count(m.denominator) }) },
  { id: 'mrr', kind: 'money', sub: (m, f, t) => (m.period === 'last_month'
    ? t('card.mrr.sub_last_month', { n: f.count(m.customers) })
    : t('card.mrr.sub', { date: f.date(m.month_end) })) },
];

/** Card label in the page's language. */
export const cardLabel = (t, id) => t(`card.${id}`);

/** "▲ 12.3 % (+1,234) vs previous" — up is good unless the card says otherwise. */
function change(card, m, fmt, t) {
  const c = m.comparison;
  if (!c || c.value === undefined) return null;
  const ratio = c.change_ratio;
  const delta = typeof c.change === 'string' ? Number(c.change) : c.change;
  const dir = delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat';
  const good = dir === 'flat' ? 'flat' : (dir === 'up') !== Boolean(card.lowerIsBetter) ? 'good' : 'bad';
  const arrow = { up: '▲', down: '▼', flat: '■' }[dir];
  const sign = delta > 0 ? '+' : '';
  const absolute = card.kind === 'ratio' ? `${sign}${fmt.days1(Math.round(delta * 1000) / 10)} ${t('card.pts')}`
    : `${sign}${(fmt[card.kind] ?? fmt.text)(c.change)}`;
  const rel = ratio === null || ratio === undefined || card.kind === 'ratio' ? '' : ` (${delta > 0 ? '+' : ''}${fmt.ratio(ratio)})`;
  const vs = t('card.vs', { from: fmt.date(c.from), to: fmt.date(c.to) });
  return el('div', { class: `change ${good}`, title: `${vs}: ${(fmt[card.kind] ?? fmt.text)(c.value)}` },
    `${arrow} ${absolute}${rel} ${vs}`);
}

/** Cards of the money metrics, for one currency's part of the report. */
export const MONEY_CARDS = ['revenue', 'forecast_revenue', 'deals_won', 'average_deal_size', 'median_deal_size', 'pipeline_value',
  'weighted_pipeline', 'sales_per_rep', 'sales_velocity', 'sales_growth', 'order_revenue', 'average_order_value'];

/** The table kind a drill set lists (docs/DRILL.md). */
export const drillKind = (set) => ({ leads: 'leads', converted_leads: 'leads', qualified_leads: 'leads', referral_leads: 'leads',
  new_customers: 'customers', customers_at_start: 'customers', churned_customers: 'customers', orders: 'orders', activities: 'activities' })[set] ?? 'deals';

/** `only`: the metric ids to show (default: every card). `onDrill(query, title)`: lists
 *  the rows behind a card (cards without it have no list). */
export function renderCards(container, report, fmt, t, only = null, onDrill = null) {
  clear(container);
  const waiting = new Map();
  for (const card of CARDS) {
    if (only && !only.includes(card.id)) continue;
    const m = report.metrics[card.id];
    // withheld because amounts are in several currencies: shown per currency instead
    if (!m || m.per_currency) continue;
    // waiting for another file: listed once per file instead of a card each
    const needs = m.value === null && neededFile(m);
    if (needs) {
      if (!waiting.has(needs)) waiting.set(needs, { metric: m, labels: [] });
      waiting.get(needs).labels.push(cardLabel(t, card.id));
      continue;
    }
    const computable = m.value !== null;
    const set = typeof card.drill === 'function' ? card.drill(m, report) : card.drill;
    // the formula in the page's language (the engine writes METRICS.md's English)
    const how = [t.has(`formula.${card.id}`) ? t(`formula.${card.id}`) : m.formula];
    if (m.numerator !== undefined) how.push(t('card.how.fraction', { n: m.numerator, d: m.denominator }));
    how.push(t('card.how.rows', { n: fmt.count(m.rows) }));
    container.append(
      el('article', { class: 'card', 'data-metric': card.id },
        el('div', { class: 'label', text: cardLabel(t, card.id) }),
        computable
          ? valueEl(formatAs(fmt, card.kind, m.value), m.value)
          : el('div', { class: 'value na', text: whyText(m, t, fmt) }),
        (computable || card.subAlways) && card.sub ? el('div', { class: 'sub', text: card.sub(m, fmt, t) }) : null,
        computable ? change(card, m, fmt, t) : null,
        // a list behind every figure but a count or sum of nothing
        computable && set && onDrill && Number(m.value) !== 0 ? el('button', { type: 'button', class: 'link drill', 'data-drill': set,
          text: t(`drill.open.${drillKind(set)}`), onclick: () => onDrill({ set }, cardLabel(t, card.id)) }) : null,
        // a table the filters cannot reach (orders have no owner): said, not hidden
        m.unfiltered ? el('div', { class: 'unfiltered', text: t('card.unfiltered', { filters: m.unfiltered.map((f) => t(`filter.${f}`)).join(t('list.sep')) }) }) : null,
        el('details', {}, el('summary', { text: t('card.how') }), el('p', { text: how.join(' · ') })),
      ),
    );
  }
  if (waiting.size) {
    const list = el('ul', { class: 'unlock' });
    for (const [kind, { metric, labels }] of waiting) {
      const file = t.has(`file.${kind}`) ? t(`file.${kind}`) : metric.reason.replace(/^needs /, '');
      list.append(el('li', { text: t('card.unlock', { file, labels: labels.join(t('list.sep')) }) }));
    }
    container.append(el('aside', { class: 'card unlock-card' }, el('div', { class: 'label', text: t('card.more') }), list));
  }
}

/** A card's figure; a long one (millions with cents) is set smaller to keep to its card. */
function valueEl(text, raw) {
  return el('div', { class: text.length > 9 ? 'value long' : 'value', text, title: String(raw) });
}
