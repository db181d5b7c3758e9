// The standalone page: wires the drop zone, period picker and progress to analyze(),
// and hands the report to the views. No metric formula lives here.
import { analyze } from './sales-metrics.js';
import { formatter } from './format.js';
import { el, clear } from './views/dom.js';
import { renderCards, MONEY_CARDS } from './views/cards.js';
import { renderTable } from './views/table.js';
import { renderFunnel } from './views/funnel.js';
import { renderTrend } from './views/chart.js';
import { renderProblems } from './views/problems.js';
import { renderMapping } from './views/mapping.js';
import { presetFor, savePreset, loadPresets, deletePreset, exportPresets, importPresets } from './presets.js';

const $ = (id) => document.getElementById(id);
const fmt = formatter();
let currentFiles = [];
let running = null;
/** The user's per-file choices (kind, columns, encoding…), by file name. */
let choices = {};
/** The user's win probability per stage for the weighted pipeline. */
let stageProbabilities = {};
/** The user's conversion rates: units of `baseCurrency` per unit of each code. */
let currencyRates = {};
let baseCurrency = '';

function message(text, kind = 'error') {
  $('messages').append(el('div', { class: `message ${kind}`, role: kind === 'error' ? 'alert' : null, text }));
}

function showProgress(p) {
  const frac = p.totalBytes ? p.bytes / p.totalBytes : 0;
  $('progress-bar').value = frac;
  const secs = p.elapsedMs / 1000;
  const rate = secs > 0 ? p.bytes / 1e6 / secs : 0;
  $('progress-text').textContent =
    `${fmt.bytes(p.bytes)} of ${fmt.bytes(p.totalBytes)} · ${fmt.count(p.rows)} rows · ${rate.toFixed(1)} MB/s`;
}

async function run(files, { keepChoices = true, keepMessages = false } = {}) {
  if (!files.length) return;
  if (!keepChoices) {
    choices = {};
    stageProbabilities = {};
    currencyRates = {};
    baseCurrency = '';
  }
  running?.abort();
  const controller = new AbortController();
  running = controller;
  currentFiles = files;
  if (!keepMessages) clear($('messages'));
  $('progress').hidden = false;
  showProgress({ bytes: 0, totalBytes: files.reduce((s, f) => s + f.size, 0), rows: 0, elapsedMs: 0 });
  document.body.dataset.state = 'running';
  try {
    const report = await analyze(files, {
      from: $('from').value, to: $('to').value, fileOptions: choices, onProgress: showProgress, signal: controller.signal,
      comparison: $('comparison').value, granularity: $('granularity').value, stageProbabilities,
      currencyRates, baseCurrency,
    });
    if (applyPresets(report)) {
      if (running === controller) running = null;
      return run(files, { keepMessages: true });
    }
    render(report);
    document.body.dataset.state = 'done';
  } catch (err) {
    if (err.name === 'AbortError') {
      message('Analysis cancelled.', 'info');
    } else {
      message(`The analysis failed: ${err.message}`);
    }
    document.body.dataset.state = 'failed';
  } finally {
    if (running === controller) running = null;
    $('progress').hidden = true;
    $('apply').disabled = $('all-data').disabled = !currentFiles.length;
  }
}

/** Applies saved presets to files with a known header and no choices yet; true if any. */
function applyPresets(report) {
  let applied = false;
  for (const f of report.files) {
    const preset = choices[f.name] ? null : presetFor(f);
    if (preset) {
      choices[f.name] = preset.options;
      message(`Preset “${preset.name}” applied to ${f.name}.`, 'info');
      applied = true;
    }
  }
  return applied;
}

function renderPresetList() {
  const list = loadPresets();
  const holder = clear($('preset-list'));
  holder.append(list.length ? 'Saved presets: ' : 'No saved presets.');
  for (const p of list) {
    holder.append(el('span', { class: 'preset' }, ` ${p.name} `,
      el('button', { type: 'button', class: 'link', 'aria-label': `Delete preset ${p.name}`, text: '×',
        onclick: () => { deletePreset(p.name); renderPresetList(); } })));
  }
}

function render(report) {
  for (const f of report.files) {
    if (f.error) message(`${f.name}: ${f.error.message}`);
  }
  $('files-section').hidden = !report.files.length;
  renderMapping($('files'), report, fmt, {
    choices,
    onApply: (name, options) => {
      choices[name] = options;
      run(currentFiles);
    },
    onSavePreset: (name, file, options) => {
      const ok = savePreset(name, file, options);
      message(ok ? `Preset “${name}” saved for files with the header of ${file.name}.` : 'This browser does not allow saving presets.', ok ? 'info' : 'error');
      renderPresetList();
    },
  });
  renderPresetList();
  const analysed = report.files.some((f) => f.kind && f.kind !== 'stage_history');
  $('dashboard').hidden = !analysed;
  const p = report.period;
  $('period-label').textContent = p.from || p.to
    ? `Showing ${p.from ?? 'start'} to ${p.to ?? 'now'} (exclusive)`
    : `Showing all data${p.first_date ? ` (${p.first_date} to ${p.last_date})` : ''}`;
  if (!analysed) return;
  renderCards($('cards'), report, fmt);
  renderCurrencies(report.currencies);
  renderTrend($('trend'), report.series.revenue_trend, fmt);
  const funnel = report.tables.deal_funnel;
  $('funnel-note').textContent = funnel
    ? `Deals created in the period that reached each stage (the “reached” funnel; stage order ${funnel.order}).` : '';
  renderFunnel($('funnel'), funnel, fmt);
  const table = (id, target, columns, empty) => {
    const t = report.tables[id];
    // money columns are left out when amounts are in several currencies
    const shown = t?.columns ? columns.filter((c) => t.columns.includes(c.key)) : columns;
    renderTable($(target), { columns: shown, rows: t?.rows ?? [], empty: t?.reason ?? empty }, fmt);
  };
  table('sales_by_owner', 'by-owner', [
    { key: 'owner', label: 'Owner' }, { key: 'revenue', label: 'Revenue', kind: 'money' },
    { key: 'won', label: 'Won', kind: 'count' }, { key: 'lost', label: 'Lost', kind: 'count' },
    { key: 'win_rate', label: 'Win rate', kind: 'ratio' },
    { key: 'average_deal_size', label: 'Avg deal', kind: 'money' },
    { key: 'sales_cycle_days', label: 'Cycle', kind: 'days' },
    { key: 'share_of_revenue', label: 'Share', kind: 'ratio' },
  ], 'No owners.');
  table('sales_by_account', 'by-account', [
    { key: 'account', label: 'Account' }, { key: 'revenue', label: 'Revenue', kind: 'money' },
    { key: 'won', label: 'Won', kind: 'count' }, { key: 'share_of_revenue', label: 'Share', kind: 'ratio' },
  ], 'No accounts.');
  table('pipeline_value', 'pipeline', [
    { key: 'stage', label: 'Stage' }, { key: 'deals', label: 'Deals', kind: 'count' },
    { key: 'value', label: 'Value', kind: 'money' },
  ], 'No open deals.');
  table('loss_reasons', 'loss', [
    { key: 'lost_reason', label: 'Reason' }, { key: 'count', label: 'Deals', kind: 'count' },
    { key: 'amount', label: 'Amount', kind: 'money' }, { key: 'share_of_lost', label: 'Share', kind: 'ratio' },
  ], 'No lost deals.');
  const stalled = report.tables.stalled_deals;
  $('stalled-note').textContent = stalled?.rule
    ? `Rule: ${stalled.rule}, as of ${report.period.as_of}. ${fmt.count(stalled.total_rows)} deals` +
      (stalled.rows.length < stalled.total_rows ? `; the oldest ${fmt.count(stalled.rows.length)} are listed.` : '.')
    : '';
  table('stalled_deals', 'stalled', [
    { key: 'deal_id', label: 'Deal' }, { key: 'owner', label: 'Owner' }, { key: 'account', label: 'Account' },
    { key: 'stage', label: 'Stage' }, { key: 'amount', label: 'Amount', kind: 'money' },
    { key: 'created_date', label: 'Created', kind: 'date' }, { key: 'age_days', label: 'Age (days)', kind: 'count' },
  ], 'No stalled deals.');
  $('leads-section').hidden = !report.tables.lead_funnel;
  if (report.tables.lead_funnel) {
    renderFunnel($('lead-funnel'), report.tables.lead_funnel, fmt, 'leads');
    table('conversion_by_source', 'lead-sources', [
      { key: 'source', label: 'Source' }, { key: 'leads', label: 'Leads', kind: 'count' },
      { key: 'converted', label: 'Converted', kind: 'count' }, { key: 'rate', label: 'Rate', kind: 'ratio' },
    ], 'No leads.');
  }
  $('activities-section').hidden = !report.tables.activity_counts;
  if (report.tables.activity_counts) {
    table('sales_activity_ratio', 'activity-ratio', [
      { key: 'owner', label: 'Owner' }, { key: 'activities', label: 'Activities', kind: 'count' },
      { key: 'won', label: 'Deals won', kind: 'count' }, { key: 'ratio', label: 'Per deal won', kind: 'days1' },
    ], 'No activities.');
    table('activity_counts', 'activity-counts', [
      { key: 'owner', label: 'Owner' }, { key: 'type', label: 'Type' }, { key: 'count', label: 'Count', kind: 'count' },
    ], 'No activities.');
  }
  $('time-section').hidden = !report.tables.time_in_stage;
  table('time_in_stage', 'time-in-stage', [
    { key: 'stage', label: 'Stage' }, { key: 'deals', label: 'Deals', kind: 'count' },
    { key: 'mean_days', label: 'Mean', kind: 'days' }, { key: 'median_days', label: 'Median', kind: 'days' },
  ], 'No stage history.');
  $('mrr-section').hidden = !report.tables.mrr;
  table('mrr', 'mrr', [
    { key: 'month_end', label: 'Month end', kind: 'date' }, { key: 'mrr', label: 'MRR', kind: 'money' },
    { key: 'new', label: 'New', kind: 'money' }, { key: 'expansion', label: 'Expansion', kind: 'money' },
    { key: 'contraction', label: 'Contraction', kind: 'money' }, { key: 'churned', label: 'Churned', kind: 'money' },
  ], 'No subscriptions.');
  $('quota-section').hidden = !report.tables.quota_attainment;
  table('quota_attainment', 'quota', [
    { key: 'owner', label: 'Owner' }, { key: 'from', label: 'From', kind: 'date' }, { key: 'to', label: 'To (exclusive)', kind: 'date' },
    { key: 'quota', label: 'Quota', kind: 'money' }, { key: 'revenue', label: 'Revenue', kind: 'money' },
    { key: 'attainment', label: 'Attainment', kind: 'ratio' },
  ], 'No quotas.');
  renderProbabilities(report.metrics.weighted_pipeline);
  renderProblems($('problems'), report.problems, fmt);
}

/** Money per currency when amounts come in several, and the conversion-rate form. */
function renderCurrencies(cur) {
  const { codes = [], mixed = false, base = null, converted = {} } = cur ?? {};
  const convertedCodes = Object.keys(converted);
  $('currency-note').textContent = mixed
    ? `Amounts are in ${codes.length} currencies (${codes.join(', ')}): money figures are shown per currency below.`
    : codes.length === 1
      ? `Amounts in ${codes[0]}${convertedCodes.length ? ` (converted from ${convertedCodes.join(', ')} at your rates)` : ''}.` : '';
  const section = $('currency-section');
  section.hidden = !mixed && !convertedCodes.length;
  if (section.hidden) return;
  const holder = clear($('by-currency'));
  for (const [code, part] of Object.entries(cur.by_currency)) {
    const cards = el('div', { class: 'cards' });
    renderCards(cards, part, fmt, MONEY_CARDS);
    holder.append(el('section', { class: 'currency', 'data-currency': code }, el('h3', { text: code }), cards));
  }
  const form = clear($('rates'));
  const all = [...new Set([...codes, ...convertedCodes])];
  const baseCode = baseCurrency || base || all[0];
  form.append(el('label', { class: 'field' }, 'Base currency ',
    el('input', { name: 'base', value: baseCode, size: '5', 'aria-label': 'Base currency code' })));
  for (const code of all.filter((c) => c !== baseCode)) {
    form.append(el('label', { class: 'field' }, `1 ${code} = `,
      el('input', { type: 'number', min: '0', step: 'any', name: code, value: currencyRates[code] ?? '',
        'aria-label': `Rate of ${code} in the base currency` }), ' base'));
  }
  form.append(el('button', { type: 'submit', text: 'Convert with these rates' }));
  form.onsubmit = (e) => {
    e.preventDefault();
    currencyRates = {};
    for (const input of form.querySelectorAll('input')) {
      if (input.name === 'base') baseCurrency = input.value.trim();
      else if (Number(input.value) > 0) currencyRates[input.name] = input.value;
    }
    run(currentFiles);
  };
}

/** The stage probabilities the weighted pipeline used, editable. */
function renderProbabilities(metric) {
  const form = clear($('probabilities'));
  const used = metric?.stage_probabilities ?? {};
  form.hidden = !Object.keys(used).length;
  if (form.hidden) return;
  form.append(el('p', { class: 'muted', text: 'Win probability per stage for the weighted pipeline (deals with a probability column keep theirs):' }));
  for (const [stage, { probability, source }] of Object.entries(used)) {
    form.append(el('label', { class: 'field' }, `${stage} `,
      el('input', { type: 'number', min: '0', max: '100', step: '1', name: stage, value: String(Math.round(Number(probability) * 100)),
        'aria-label': `Win probability of ${stage}, percent` }), ` % (${source})`));
  }
  form.append(el('button', { type: 'submit', text: 'Use these probabilities' }));
  form.onsubmit = (e) => {
    e.preventDefault();
    stageProbabilities = {};
    for (const input of form.querySelectorAll('input')) stageProbabilities[input.name] = Math.min(100, Math.max(0, Number(input.value))) / 100;
    run(currentFiles);
  };
}

function setUp() {
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    run(Array.from(e.dataTransfer?.files ?? []), { keepChoices: false });
  });
  $('choose').addEventListener('click', () => $('file-input').click());
  $('sample').addEventListener('click', async () => {
    try {
      const base = new URL('./sample/', import.meta.url);
      const { files } = await (await fetch(new URL('index.json', base))).json();
      const loaded = await Promise.all(files.map(async (name) =>
        new File([await (await fetch(new URL(name, base))).blob()], name, { type: 'text/csv' })));
      run(loaded, { keepChoices: false });
    } catch (err) {
      message(`The sample data could not be loaded: ${err.message}`);
    }
  });
  $('file-input').addEventListener('change', (e) => {
    run(Array.from(e.target.files ?? []), { keepChoices: false });
    e.target.value = '';
  });
  $('cancel').addEventListener('click', () => running?.abort());
  $('apply').addEventListener('click', () => run(currentFiles));
  $('all-data').addEventListener('click', () => {
    $('from').value = '';
    $('to').value = '';
    run(currentFiles);
  });
  $('export-presets').addEventListener('click', exportPresets);
  $('import-presets').addEventListener('click', () => $('import-input').click());
  $('import-input').addEventListener('change', async (e) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    try {
      const n = await importPresets(file);
      message(`${n} presets imported.`, 'info');
    } catch (err) {
      message(`${file.name} is not a presets file: ${err.message}`);
    }
    renderPresetList();
  });
  document.body.dataset.state = 'ready';
}

setUp();
