// The report on the page: the files and their mapping, the period, alerts and their
// thresholds, the figures, the filters' choices, currencies, stage probabilities and
// problems. The forms start from `state` and hand what the user changes to `on`.
import { fileErrorText } from '../words.js';
import { renderAlerts } from './alerts.js';
import { renderFigures } from './dashboard.js';
import { renderPeriod } from './period.js';
import { renderReportInfo } from './info.js';
import { renderFilterChoices } from './filters.js';
import { renderCurrencyForm } from './currencies.js';
import { renderProbabilityForm } from './probabilities.js';
import { renderProblems } from './problems.js';
import { renderThresholds } from './thresholds.js';
import { renderMapping } from './mapping.js';
import { renderPresets } from './presets.js';
import { clear } from './dom.js';

/**
 * Draws `report`. `redraw`: the same report again (a new language or width), whose file
 * errors were already said.
 * @param {object} report
 * @param {{$: Function, fmt: object, t: Function, intl: string, redraw?: boolean,
 *          state: {picked: object, choices: object, dataSpan: object|null, money: object},
 *          on: {message: Function, rerun: Function, applyFile: Function, removeFile: Function,
 *               savePreset: Function, thresholds: Function, money: Function,
 *               probabilities: Function, drill: Function}}} view
 */
export function renderReport(report, { $, fmt, t, intl, redraw = false, state, on }) {
  $('dashboard').classList.remove('stale');
  if (!redraw) {
    for (const f of report.files) {
      if (f.error) on.message(`${f.name}: ${fileErrorText(f.error, t)}`);
    }
  }
  $('files-section').hidden = !report.files.length;
  renderMapping($('files'), report, fmt, t, {
    choices: state.choices,
    onApply: on.applyFile,
    onRemove: on.removeFile,
    onSavePreset: on.savePreset,
  });
  renderPresets($('preset-list'), t);
  const analysed = report.files.some((f) => f.kind && f.kind !== 'stage_history');
  $('dashboard').hidden = !analysed;
  renderPeriod($, report.period, state.dataSpan, fmt, t, on.rerun);
  renderReportInfo($, report, state.picked, fmt, t);
  if (!analysed) return;
  renderAlerts($('alerts'), report.alerts, fmt, t);
  renderThresholds($('thresholds'), report.alert_thresholds, t, on.thresholds);
  renderFigures(report, { $, fmt, t, onDrill: on.drill });
  renderFilterChoices($, report.filter_choices, state.picked, t, intl);
  renderCurrencyForm($, report.currencies, state.money, fmt, t, on.money);
  renderProbabilityForm($('probabilities'), report.metrics.weighted_pipeline, fmt, t, on.probabilities);
  renderProblems($('problems'), report.problems, fmt, t);
}

/** No report: the dashboard, the files, the period's words and the messages cleared. */
export function clearReport($) {
  clear($('messages'));
  $('dashboard').hidden = true;
  $('files-section').hidden = true;
  $('start-over').hidden = true;
  $('period-empty').hidden = true;
  $('period-label').textContent = '';
  $('apply').disabled = $('all-data').disabled = true;
}
