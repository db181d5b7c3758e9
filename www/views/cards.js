// KPI cards: one per scalar metric, with "how computed" (formula, numerator, denominator).
import { el, clear } from './dom.js';
import { formatAs } from '../format.js';

const CARDS = [
  { id: 'revenue', label: 'Revenue (won)', kind: 'money', sub: (m, f) => `${f.count(m.rows)} won deals with an amount` },
  { id: 'deals_won', label: 'Deals won', kind: 'count' },
  { id: 'deals_lost', label: 'Deals lost', kind: 'count', lowerIsBetter: true },
  { id: 'win_rate', label: 'Win rate', kind: 'ratio', sub: (m, f) => `${f.count(m.numerator)} won of ${f.count(m.denominator)} closed` },
  { id: 'win_rate_cohort', label: 'Win rate (created cohort)', kind: 'ratio', sub: (m, f) => `${f.count(m.numerator)} won of ${f.count(m.denominator)} created` },
  { id: 'average_deal_size', label: 'Average deal size', kind: 'money' },
  { id: 'median_deal_size', label: 'Median deal size', kind: 'money' },
  { id: 'sales_cycle_days', label: 'Sales cycle (mean)', kind: 'days', lowerIsBetter: true, sub: (m, f) => `median ${f.days(m.median)}` },
  { id: 'pipeline_value', label: 'Open pipeline', kind: 'money', sub: (m, f) => `${f.count(m.deals)} open deals as of ${m.as_of}`, subAlways: true },
  { id: 'opportunities_created', label: 'Opportunities created', kind: 'count', sub: (m, f) => (m.amount === undefined ? '' : `worth ${f.money(m.amount)}`) },
  { id: 'stalled_deals', label: 'Stalled deals', kind: 'count', lowerIsBetter: true, sub: (m, f) => (m.value_sum === undefined ? '' : m.value_sum === null ? 'no amounts on them' : `worth ${f.money(m.value_sum)}`) },
  { id: 'weighted_pipeline', label: 'Weighted pipeline', kind: 'money', sub: (m, f) => `${f.count(m.rows)} open deals × probability` },
  { id: 'sales_per_rep', label: 'Sales per rep', kind: 'money', sub: (m, f) => `${f.count(m.denominator)} reps with deals in period` },
  { id: 'sales_velocity', label: 'Sales velocity', kind: 'money', sub: () => 'revenue per day at this pace' },
  { id: 'sales_growth', label: 'Sales growth', kind: 'ratio', sub: (m) => `against ${m.comparison.from} – ${m.comparison.to}` },
  { id: 'upsell_rate', label: 'Upsell rate', kind: 'ratio', sub: (m, f) => `${f.count(m.numerator)} of ${f.count(m.denominator)} existing accounts` },
  { id: 'qualified_leads', label: 'Qualified leads', kind: 'count', sub: (m, f) => (m.inbound !== undefined ? `${f.count(m.inbound)} inbound, ${f.count(m.outbound)} outbound` : '') },
  { id: 'mql_to_sql_rate', label: 'MQL → SQL', kind: 'ratio', sub: (m, f) => `${f.count(m.numerator)} of ${f.count(m.denominator)} MQLs` },
  { id: 'lead_conversion_rate', label: 'Lead conversion', kind: 'ratio', sub: (m, f) => `${f.count(m.numerator)} of ${f.count(m.denominator)} leads` },
  { id: 'lead_response_minutes', label: 'Lead response (mean)', kind: 'minutes', lowerIsBetter: true, sub: (m, f) => `median ${f.minutes(m.median)} · ${f.ratio(m.within_target)} within ${m.target_minutes} min` },
  { id: 'referrals', label: 'Referrals', kind: 'count' },
  { id: 'activity_counts', label: 'Activities', kind: 'count' },
  { id: 'activity_time', label: 'Time on activities', kind: 'minutes' },
  { id: 'sales_activity_ratio', label: 'Activities per deal won', kind: 'days1', sub: (m, f) => `${f.count(m.numerator)} activities / ${f.count(m.denominator)} won` },
  { id: 'target_achievement', label: 'Target achievement', kind: 'ratio', sub: (m, f) => `${f.money(m.numerator)} of ${f.money(m.denominator)} quota` },
  { id: 'reps_at_quota', label: 'Reps at quota', kind: 'ratio', sub: (m, f) => `${f.count(m.numerator)} of ${f.count(m.denominator)} reps${m.value > 0.9 ? ' · targets may be too low' : m.value < 0.4 ? ' · worth a look' : ''}` },
  { id: 'pipeline_coverage', label: 'Pipeline coverage', kind: 'days1', sub: () => 'open pipeline ÷ quota still to reach' },
  { id: 'nps', label: 'NPS', kind: 'days1', sub: (m, f) => `${f.count(m.promoters)} promoters, ${f.count(m.detractors)} detractors of ${f.count(m.rows)}` },
  { id: 'csat', label: 'CSAT (share 4–5)', kind: 'ratio', sub: (m, f) => `mean score ${f.days1(m.mean_score)} of 5` },
  { id: 'conversion_rate', label: 'Visitor conversion', kind: 'ratio', sub: (m, f) => `${f.count(m.numerator)} of ${f.count(m.denominator)} visitors` },
  { id: 'inquiry_response_minutes', label: 'Ticket response (mean)', kind: 'minutes', lowerIsBetter: true, sub: (m, f) => `median ${f.minutes(m.median)} · ${f.ratio(m.within_target)} within ${m.target_minutes} min` },
  { id: 'new_customers', label: 'New customers', kind: 'count', sub: (m) => `from ${m.source}` },
  { id: 'churn_rate', label: 'Churn rate', kind: 'ratio', lowerIsBetter: true, sub: (m, f) => `${f.count(m.numerator)} of ${f.count(m.denominator)} customers at start` },
  { id: 'retention_rate', label: 'Retention rate', kind: 'ratio' },
  { id: 'cac', label: 'CAC', kind: 'money', lowerIsBetter: true, sub: (m, f) => `${f.money(m.numerator)} spend / ${f.count(m.denominator)} new` },
  { id: 'customers_at_start', label: 'Customers at start', kind: 'count' },
  { id: 'clv_net', label: 'CLV net of CAC', kind: 'money' },
  { id: 'clv', label: 'CLV (gross)', kind: 'money', sub: (m, f) => `${f.days1(m.lifespan_years)} years × annual profit` },
  { id: 'ltv_cac_ratio', label: 'LTV : CAC', kind: 'days1', sub: (m) => (m.value < 1 ? 'below 1: losing money on each customer' : m.value > 5 ? 'above 5: room to invest in growth' : 'around 3 is healthy') },
  { id: 'average_order_value', label: 'Average order value', kind: 'money' },
  { id: 'repeat_purchase_rate', label: 'Repeat purchase rate', kind: 'ratio' },
  { id: 'mrr', label: 'MRR', kind: 'money', sub: (m) => `at ${m.month_end}` },
];

/** A reason of the form "needs a leads file (…)": the metric waits for another file. */
const NEEDS_FILE = /^needs an? (\w+) file/;

/** "▲ 12.3 % (+1,234) vs previous" — up is good unless the card says otherwise. */
function change(card, m, fmt) {
  const c = m.comparison;
  if (!c || c.value === undefined) return null;
  const ratio = c.change_ratio;
  const delta = typeof c.change === 'string' ? Number(c.change) : c.change;
  const dir = delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat';
  const good = dir === 'flat' ? 'flat' : (dir === 'up') !== Boolean(card.lowerIsBetter) ? 'good' : 'bad';
  const arrow = { up: '▲', down: '▼', flat: '■' }[dir];
  const absolute = card.kind === 'ratio' ? `${delta > 0 ? '+' : ''}${(delta * 100).toFixed(1)} pts`
    : `${delta > 0 ? '+' : ''}${(fmt[card.kind] ?? fmt.text)(c.change)}`;
  const rel = ratio === null || ratio === undefined || card.kind === 'ratio' ? '' : ` (${delta > 0 ? '+' : ''}${fmt.ratio(ratio)})`;
  return el('div', { class: `change ${good}`, title: `${c.from} – ${c.to}: ${(fmt[card.kind] ?? fmt.text)(c.value)}` },
    `${arrow} ${absolute}${rel} vs ${c.from} – ${c.to}`);
}

/** Cards of the money metrics, for one currency's part of the report. */
export const MONEY_CARDS = ['revenue', 'deals_won', 'average_deal_size', 'median_deal_size', 'pipeline_value',
  'weighted_pipeline', 'sales_per_rep', 'sales_velocity', 'sales_growth', 'average_order_value'];

/** `only`: the metric ids to show (default: every card). */
export function renderCards(container, report, fmt, only = null) {
  clear(container);
  const waiting = new Map();
  for (const card of CARDS) {
    if (only && !only.includes(card.id)) continue;
    const m = report.metrics[card.id];
    // withheld because amounts are in several currencies: shown per currency instead
    if (!m || m.per_currency) continue;
    const needs = m.value === null && NEEDS_FILE.exec(m.reason ?? '');
    if (needs) {
      if (!waiting.has(m.reason)) waiting.set(m.reason, []);
      waiting.get(m.reason).push(card.label);
      continue;
    }
    const computable = m.value !== null;
    const how = [m.formula];
    if (m.numerator !== undefined) how.push(`numerator ${m.numerator}, denominator ${m.denominator}`);
    how.push(`rows used: ${fmt.count(m.rows)}`);
    container.append(
      el('article', { class: 'card', 'data-metric': card.id },
        el('div', { class: 'label', text: card.label }),
        computable
          ? el('div', { class: 'value', text: formatAs(fmt, card.kind, m.value), title: String(m.value) })
          : el('div', { class: 'value na', text: m.reason }),
        (computable || card.subAlways) && card.sub ? el('div', { class: 'sub', text: card.sub(m, fmt) }) : null,
        computable ? change(card, m, fmt) : null,
        el('details', {}, el('summary', { text: 'How computed' }), el('p', { text: how.join(' · ') })),
      ),
    );
  }
  if (waiting.size) {
    const list = el('ul', { class: 'unlock' });
    for (const [reason, labels] of waiting) {
      const file = reason.replace(/^needs /, '');
      list.append(el('li', { text: `Add ${file} to see: ${labels.join(', ')}.` }));
    }
    container.append(el('aside', { class: 'card unlock-card' }, el('div', { class: 'label', text: 'More metrics' }), list));
  }
}
