// Alerts: each fired rule as a sentence in the page's language, built from the numbers
// the engine gives with it, and a link to the section that shows them.
import { el, clear } from './dom.js';

const SECTION = { forecast: 'forecast-section', kpi: 'kpi-section', leads: 'leads-section', quota: 'quota-section', stalled: 'stalled-section' };

/** The sentence's parameters, formatted. */
function params(a, fmt) {
  const v = a.values;
  switch (a.id) {
    case 'sales_slowing':
      return { bucket: fmt.month(v.bucket), actual: fmt.money(v.actual), lo80: fmt.money(v.lo80), hi80: fmt.money(v.hi80) };
    case 'win_rate_drop':
      return { before: fmt.ratio(v.before), now: fmt.ratio(v.now), points: fmt.days1(v.points), from: fmt.date(v.from), to: fmt.date(v.to) };
    case 'slow_lead_response':
      return { median: fmt.days1(v.median_minutes), target: fmt.days1(v.target_minutes) };
    case 'quota_too_easy':
    case 'quota_too_hard':
      return { share: fmt.ratio(v.share) };
    case 'ltv_cac_below_1':
      return { ratio: fmt.days1(v.ratio), threshold: fmt.days1(v.threshold) };
    case 'stalled_pipeline':
      return { share: fmt.ratio(v.share), stalled: fmt.money(v.stalled_value), open: fmt.money(v.pipeline_value) };
    default:
      return {};
  }
}

export function renderAlerts(container, alerts = [], fmt, t) {
  clear(container);
  if (!alerts.length) {
    container.append(el('p', { class: 'alerts-ok', text: t('alerts.none') }));
    return;
  }
  container.append(el('ul', { class: 'alerts' }, alerts.map((a) => {
    const key = `alert.${a.id}`;
    const worded = t(key, params(a, fmt));
    const text = worded === key ? a.message : worded;
    const target = SECTION[a.section];
    return el('li', { class: 'alert', 'data-alert': a.id, title: a.message }, text,
      target ? el('a', { href: `#${target}`, text: t('alerts.show') }) : null);
  })));
}
