// The alert rules' thresholds, editable: the values in effect come with the report; the
// user's are kept in this browser (localStorage) and sent with every analysis.
import { el, clear } from './dom.js';

const KEY = 'sales-metrics.alert-thresholds';
/** Each threshold: how it is shown (a percentage, minutes or a ratio). */
const FIELDS = [
  ['win_rate_drop', 'percent'], ['lead_response_minutes', 'minutes'], ['quota_easy', 'percent'],
  ['quota_hard', 'percent'], ['ltv_cac', 'ratio'], ['stalled_share', 'percent'],
];

/** The user's thresholds (only those set, each a number ≥ 0: what was stored by hand or
 *  by another version is left out), or null. */
export function loadThresholds() {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (!saved || typeof saved !== 'object') return null;
    const kept = {};
    for (const [name] of FIELDS) {
      const v = saved[name];
      if (typeof v === 'number' && Number.isFinite(v) && v >= 0) kept[name] = v;
    }
    return Object.keys(kept).length ? kept : null;
  } catch {
    return null;
  }
}

function store(values) {
  try {
    if (values) localStorage.setItem(KEY, JSON.stringify(values));
    else localStorage.removeItem(KEY);
  } catch {
    // storage refused (private mode): they apply to this page only
  }
}

/** `used`: report.alert_thresholds; `onChange(values|null)` re-runs with them. */
export function renderThresholds(container, used, t, onChange) {
  const form = clear(container);
  if (!used) return;
  form.append(el('p', { class: 'muted', text: t('thresholds.intro') }));
  for (const [name, shown] of FIELDS) {
    const raw = Number(used[name]);
    const value = shown === 'percent' ? Math.round(raw * 1000) / 10 : raw;
    form.append(el('label', { class: 'field' }, `${t(`thresholds.${name}`)} `,
      el('input', { type: 'number', name, min: '0', step: shown === 'percent' ? '1' : '0.1', value: String(value) }),
      ` ${t(`thresholds.unit.${shown}`)}`));
  }
  form.append(el('button', { type: 'submit', text: t('thresholds.use') }),
    el('button', { type: 'button', class: 'secondary', text: t('thresholds.reset'), onclick: () => { store(null); onChange(null); } }));
  form.onsubmit = (e) => {
    e.preventDefault();
    const values = {};
    for (const [name, shown] of FIELDS) {
      const v = Number(form.querySelector(`input[name=${name}]`).value);
      if (Number.isFinite(v) && v >= 0) values[name] = shown === 'percent' ? v / 100 : v;
    }
    store(values);
    onChange(values);
  };
}
