// The weighted pipeline's win probability per stage, editable: the engine's defaults by a
// stage's place in a sales process, or the user's; or why there is nothing to edit.
import { el, clear } from './dom.js';

/**
 * The stage probabilities the weighted pipeline used (`metric`: weighted_pipeline), as a
 * form in `form`; `onUse(probabilities)` (stage → 0–1) when it is sent.
 */
export function renderProbabilityForm(form, metric, fmt, t, onUse) {
  clear(form);
  const used = metric?.stage_probabilities ?? {};
  form.hidden = !metric?.open_deals;
  if (form.hidden) return;
  if (!Object.keys(used).length) {
    // nothing to edit: say why, rather than hide the editor
    const none = metric.without_amount === metric.open_deals;
    form.append(el('p', { class: 'muted', text: none
      ? t('probabilities.no_amounts', { n: fmt.count(metric.open_deals) })
      : t('probabilities.from_file', { n: fmt.count(metric.with_file_probability) }) }));
    return;
  }
  form.append(el('p', { class: 'muted', text: t('probabilities.intro') }));
  for (const [stage, { probability, source }] of Object.entries(used)) {
    form.append(el('label', { class: 'field' }, `${stage} `,
      el('input', { type: 'number', min: '0', max: '100', step: '1', name: stage, value: String(Math.round(Number(probability) * 100)),
        'aria-label': t('probabilities.aria', { stage }) }), ` % (${t.has(`probabilities.${source}`) ? t(`probabilities.${source}`) : source})`));
  }
  form.append(el('button', { type: 'submit', text: t('probabilities.use') }));
  form.onsubmit = (e) => {
    e.preventDefault();
    const chosen = {};
    for (const input of form.querySelectorAll('input')) chosen[input.name] = Math.min(100, Math.max(0, Number(input.value))) / 100;
    onUse(chosen);
  };
}
