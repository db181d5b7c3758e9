// The dashboard: wires the drop zone, period picker and progress to analyze(), and hands
// the report to the views. No metric formula lives here. `mountApp` draws it into any
// element (the standalone page's, or an embedding element's shadow root).
import { fileErrorText } from './words.js';
import { analyze, drill } from './sales-metrics.js';
import { drillView } from './views/drill.js';
import { formatter } from './format.js';
import { LOCALES, pickLocale, translator, applyStatic, loadLocale } from './i18n.js';
import { renderAlerts } from './views/alerts.js';
import { el, clear } from './views/dom.js';
import { renderFigures } from './views/dashboard.js';
import { renderPeriod, periodText, presetOfData } from './views/period.js';
import { renderReportInfo } from './views/info.js';
import { writeViewToHash, readViewFromHash } from './view-hash.js';
import { FILTERS, chosenFilters, renderFilterChips, renderFilterChoices } from './views/filters.js';
import { renderCurrencyForm } from './views/currencies.js';
import { renderProbabilityForm } from './views/probabilities.js';
import { renderProblems } from './views/problems.js';
import { loadThresholds, renderThresholds } from './views/thresholds.js';
import { renderMapping } from './views/mapping.js';
import { MARKUP } from './ui.js';
import { presetRange, localDay } from './periods.js';
import { sampleFiles } from './assets.js';
import { presetFor, savePreset } from './presets.js';
import { renderPresets, wirePresetFiles } from './views/presets.js';
import { wireExports, wireDrop } from './views/controls.js';


/** The files in the order the engine wants them, as `report` knew their kinds: stage
 *  histories and lookup tables (which open stages and filters use) first; for a drill,
 *  deals next (a drill into converted leads links them to the deals won). */
function inReadingOrder(files, report, { drilling = false } = {}) {
  const kinds = new Map((report?.files ?? []).map((f) => [f.name, f.kind]));
  const ranks = drilling ? { stage_history: 0, lookup: 0, deals: 1 } : { stage_history: 0, lookup: 0 };
  const rank = (f) => ranks[kinds.get(f.name)] ?? 2;
  return [...files].sort((a, b) => rank(a) - rank(b));
}

/**
 * Draws the dashboard into `root` and wires it.
 * @param {Element} root where the markup goes
 * @param {{host?: HTMLElement, standalone?: boolean, locale?: string, sections?: string[],
 *          theme?: string, currency?: string, memoryLimitMb?: number}} [options]
 *   `host` carries `data-state` (ready, running, done, failed) and, embedded, `lang`/`dir`;
 *   `sections`: ids of the dashboard sections to show (default all);
 *   `currency`: the base currency rates convert to;
 *   `memoryLimitMb`: the engine's memory past which reading stops (default 2048).
 * @returns {{setLocale(locale: string): void, configure(options: object): void}}
 */
export function mountApp(root, options = {}) {
  const host = options.host ?? root;
  const standalone = Boolean(options.standalone);
  root.innerHTML = MARKUP;
  if (!standalone) {
    // Embedded, the host page has its own banner and main content: ours is one region of it.
    root.querySelector('main').setAttribute('role', 'region');
    root.querySelector('main').setAttribute('aria-labelledby', 'app-title');
    root.querySelector('header').setAttribute('role', 'group');
  }
  const $ = (id) => root.querySelector(`#${id}`);
  let locale = LOCALES[options.locale] ? options.locale : pickLocale();
  let t = translator(locale);
  let fmt = formatter(LOCALES[locale].intl, { t });
  /** The last report shown, redrawn when the language changes. */
  let lastReport = null;
  let currentFiles = [];
  /** First and last date of the data (any period), from the latest report. */
  let dataSpan = null;
  /** The names each filter keeps (owners, sources, pipelines), shown as removable chips. */
  const picked = { owners: [], sources: [], pipelines: [], products: [], groups: [] };
  /** The user's alert thresholds (kept in this browser), or null for the defaults. */
  let alertThresholds = loadThresholds();
  let running = null;
  /** The user's per-file choices (kind, columns, encoding…), by file name. */
  let choices = {};
  /** The user's win probability per stage for the weighted pipeline. */
  let stageProbabilities = {};
  /** The user's conversion rates: units of `baseCurrency` per unit of each code. */
  let currencyRates = {};
  let baseCurrency = '';
  /** The options of the analysis shown, which its drills re-read the files with. */
  let lastOptions = null;
  /** The drill being read (a new one, or closing the list, stops it). */
  let drilling = null;
  const openDrill = drillView($('drill'), {
    fetch: (query, { onProgress, ...how } = {}) => {
      drilling?.abort();
      drilling = new AbortController();
      const files = inReadingOrder(currentFiles, lastReport, { drilling: true });
      // a lookup group's list: its group joins the filters of the analysis
      const { filters: extra, ...rows } = query;
      const filters = extra ? { ...lastOptions.filters, groups: [...(lastOptions.filters?.groups ?? []), ...extra.groups] } : lastOptions.filters;
      return drill(files, { ...lastOptions, filters, asOf: lastReport.period.as_of, signal: drilling.signal, onProgress }, rows, how);
    },
    get fmt() { return fmt; },
    get t() { return t; },
    onError: (err) => message(t('msg.failed', { error: err.message })),
  });
  $('drill').addEventListener('close', () => drilling?.abort());

  /** Lists the rows behind a figure (`what` says which) in the drill dialog. */
  function showDrill(query, what) {
    openDrill(query, `${what} · ${periodText(lastReport.period, fmt, t)}`, { name: `${query.set}-rows`, files: currentFiles.length });
  }

  function message(text, kind = 'error') {
    $('messages').append(el('div', { class: `message ${kind}`, role: kind === 'error' ? 'alert' : null, text }));
  }

  function showProgress(p) {
    const frac = p.totalBytes ? p.bytes / p.totalBytes : 0;
    $('progress-bar').value = frac;
    const secs = p.elapsedMs / 1000;
    const rate = secs > 0 ? p.bytes / 1e6 / secs : 0;
    $('progress-text').textContent = t('progress.text',
      { done: fmt.bytes(p.bytes), total: fmt.bytes(p.totalBytes), rows: fmt.count(p.rows), rate: fmt.days1(rate) });
  }

  async function run(files, { keepChoices = true, keepMessages = false } = {}) {
    if (!files.length) return;
    if (!keepChoices) forgetChoices();
    running?.abort();
    const controller = new AbortController();
    running = controller;
    currentFiles = files;
    if (!keepMessages) clear($('messages'));
    $('progress').hidden = false;
    showProgress({ bytes: 0, totalBytes: files.reduce((s, f) => s + f.size, 0), rows: 0, elapsedMs: 0 });
    host.dataset.state = 'running';
    try {
      const engineOptions = {
        from: $('from').value, to: $('to').value, asOf: $('as-of').value, fileOptions: choices,
        comparison: $('comparison').value, granularity: granularity(), stageProbabilities,
        currencyRates, baseCurrency: baseCurrency || options.currency || '',
        filters: chosenFilters(picked), memoryLimitMb: options.memoryLimitMb, alertThresholds,
      };
      // lookup tables first when their columns filter (else the deals before them are
      // judged against groups not yet known); once their kinds are known, read again
      const grouped = picked.groups.length > 0;
      const ordered = grouped ? inReadingOrder(files, lastReport) : files;
      const report = await analyze(ordered, { ...engineOptions, onProgress: showProgress, signal: controller.signal });
      lastOptions = engineOptions;
      if (grouped && inReadingOrder(ordered, report).some((f, i) => f !== ordered[i])) {
        lastReport = report;
        if (running === controller) running = null;
        return run(files, { keepMessages: true });
      }
      if (applyPresets(report) || followData(report)) {
        if (running === controller) running = null;
        return run(files, { keepMessages: true });
      }
      render(report);
      if (standalone) writeViewToHash($, picked);
      $('start-over').hidden = false;
      // done, and whether it covers only part of the files (stopped at the memory limit)
      if (report.partial) {
        partialMessage(report);
        host.dataset.partial = report.partial.reason;
      } else {
        delete host.dataset.partial;
      }
      host.dataset.state = 'done';
    } catch (err) {
      if (err.name === 'AbortError') {
        message(t('msg.cancelled'), 'info');
      } else if (err.crash) {
        message(t('msg.crashed', { file: err.file || '?', bytes: fmt.bytes(err.bytes ?? 0) }));
      } else {
        message(t('msg.failed', { error: err.message }));
      }
      // what is still on screen is from the run before: say so
      $('dashboard').classList.toggle('stale', lastReport !== null);
      host.dataset.state = 'failed';
    } finally {
      if (running === controller) running = null;
      $('progress').hidden = true;
      $('apply').disabled = $('all-data').disabled = !currentFiles.length;
    }
  }

  /** The trend's buckets: months are Solar Hijri months when Solar Hijri dates are shown. */
  function granularity() {
    const g = $('granularity').value;
    return g === 'month' && $('hijri').checked ? 'persian_month' : g;
  }

  /** Files dropped or chosen join those analysed (a file of the same name replaces its
   *  namesake); the sample data and "Start over" begin anew. */
  function addFiles(files) {
    if (!files.length) return;
    const byName = new Map(currentFiles.map((f) => [f.name, f]));
    for (const f of files) byName.set(f.name, f);
    const adding = currentFiles.length > 0;
    run([...byName.values()], { keepChoices: adding });
  }

  /** Forgets what was chosen for the files and learnt from them. */
  function forgetChoices() {
    choices = {};
    stageProbabilities = {};
    currencyRates = {};
    baseCurrency = '';
    dataSpan = null;
  }

  /** Forgets the files, their choices and the figures. */
  function startOver() {
    running?.abort();
    currentFiles = [];
    forgetChoices();
    lastReport = null;
    for (const [key] of FILTERS) picked[key] = [];
    renderChips();
    clear($('messages'));
    $('dashboard').hidden = true;
    $('files-section').hidden = true;
    $('start-over').hidden = true;
    $('period-empty').hidden = true;
    $('period-label').textContent = '';
    $('apply').disabled = $('all-data').disabled = true;
    delete host.dataset.partial;
    host.dataset.state = 'ready';
  }

  /** A preset of the data's period chosen before the data was known (or new files): set
   *  it from the data's last day; true when the period changed and wants a new run. */
  function followData(report) {
    if ($('anchor').value !== 'data') return false;
    const [from, to] = presetOfData($, report.period.last_date);
    if (!from || from === $('from').value && to === $('to').value) return false;
    [$('from').value, $('to').value] = [from, to];
    return true;
  }

  /** The anchor day of the period presets: the data's last day, or today. */
  function anchorDay() {
    return $('anchor').value !== 'today' && dataSpan ? localDay(dataSpan.last) : new Date();
  }

  /** Reading stopped at the memory limit: where, why, and what to do. */
  function partialMessage(report) {
    const p = report.partial;
    message(t('msg.partial_memory', { file: p.file || '?', read: fmt.bytes(p.bytes_read ?? 0), size: fmt.bytes(p.file_bytes ?? 0),
      used: fmt.count(p.memory_mb), limit: fmt.count(p.limit_mb) }));
    const top = p.names?.[0];
    if (top) {
      const info = report.files.find((f) => f.kind === top.kind && f.columns?.some((c) => c.field === top.field));
      const column = info?.columns.find((c) => c.field === top.field)?.header ?? top.field;
      message(t('msg.partial_names', { n: fmt.count(top.distinct), field: top.field, column, file: info?.name ?? p.file }), 'info');
    }
  }

  /** Applies saved presets to files with a known header and no choices yet; true if any. */
  function applyPresets(report) {
    let applied = false;
    for (const f of report.files) {
      const preset = choices[f.name] ? null : presetFor(f);
      if (preset) {
        choices[f.name] = preset.options;
        message(t('preset.applied', { name: preset.name, file: f.name }), 'info');
        applied = true;
      }
    }
    return applied;
  }

  /** The saved presets, each removable. */
  function renderPresetList() {
    renderPresets($('preset-list'), t);
  }

  function render(report, { redraw = false } = {}) {
    lastReport = report;
    $('dashboard').classList.remove('stale');
    if (!redraw) {
      for (const f of report.files) {
        if (f.error) message(`${f.name}: ${fileErrorText(f.error, t)}`);
      }
    }
    $('files-section').hidden = !report.files.length;
    renderMapping($('files'), report, fmt, t, {
      choices,
      onApply: (name, options) => {
        choices[name] = options;
        run(currentFiles);
      },
      onRemove: (name) => {
        const rest = currentFiles.filter((f) => (f.name ?? 'file.csv') !== name);
        delete choices[name];
        if (rest.length) run(rest);
        else startOver();
      },
      onSavePreset: (name, file, options) => {
        const ok = savePreset(name, file, options);
        message(ok ? t('preset.saved', { name, file: file.name }) : t('preset.no_storage'), ok ? 'info' : 'error');
        renderPresetList();
      },
    });
    renderPresetList();
    const analysed = report.files.some((f) => f.kind && f.kind !== 'stage_history');
    $('dashboard').hidden = !analysed;
    const p = report.period;
    if (p.first_date) dataSpan = { first: p.first_date, last: p.last_date };
    renderPeriod($, p, dataSpan, fmt, t, () => run(currentFiles));
    renderReportInfo($, report, picked, fmt, t);
    if (!analysed) return;
    renderAlerts($('alerts'), report.alerts, fmt, t);
    renderThresholds($('thresholds'), report.alert_thresholds, t, (values) => {
      alertThresholds = values;
      run(currentFiles);
    });
    renderFigures(report, { $, fmt, t, onDrill: showDrill });
    renderFilterChoices($, report.filter_choices, picked, t, LOCALES[locale].intl);
    renderCurrencies(report.currencies);
    renderProbabilities(report.metrics.weighted_pipeline);
    renderProblems($('problems'), report.problems, fmt, t);
  }

  /** The chosen names as chips; removing one re-runs the analysis. */
  function renderChips() {
    renderFilterChips($('filter-chips'), picked, t, (key, name) => {
      picked[key] = picked[key].filter((n) => n !== name);
      renderChips();
      if (currentFiles.length) run(currentFiles);
    });
  }

  /** Money per currency, and the conversion rates form (a new run with the rates given). */
  function renderCurrencies(cur) {
    renderCurrencyForm($, cur, { baseCurrency, currencyRates }, fmt, t, (base, rates) => {
      [baseCurrency, currencyRates] = [base, rates];
      run(currentFiles);
    });
  }

  /** The stage probabilities the weighted pipeline used, editable (a new run with them). */
  function renderProbabilities(metric) {
    renderProbabilityForm($('probabilities'), metric, fmt, t, (chosen) => {
      stageProbabilities = chosen;
      run(currentFiles);
    });
  }

  function setUp() {
    wireDrop($, addFiles);
    $('start-over').addEventListener('click', startOver);
    $('sample').addEventListener('click', async () => {
      try {
        run(await sampleFiles(), { keepChoices: false });
      } catch (err) {
        message(t('msg.sample_failed', { error: err.message }));
      }
    });
    $('cancel').addEventListener('click', () => running?.abort());
    $('apply').addEventListener('click', () => run(currentFiles));
    for (const [key, id] of FILTERS) {
      $(id).addEventListener('change', (e) => {
        const name = e.target.value;
        e.target.value = '';
        if (!name || picked[key].includes(name)) return;
        picked[key].push(name);
        renderChips();
        if (currentFiles.length) run(currentFiles);
      });
    }
    const applyPreset = () => {
      if (!$('preset').value) return;
      [$('from').value, $('to').value] = presetRange($('preset').value, anchorDay());
      if (currentFiles.length) run(currentFiles);
    };
    $('preset').addEventListener('change', applyPreset);
    $('anchor').addEventListener('change', applyPreset);
    for (const id of ['from', 'to']) $(id).addEventListener('input', () => { $('preset').value = ''; });
    $('as-of-today').addEventListener('click', () => {
      const d = new Date();
      $('as-of').value = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      if (currentFiles.length) run(currentFiles);
    });
    $('all-data').addEventListener('click', () => {
      $('from').value = '';
      $('to').value = '';
      run(currentFiles);
    });
    wirePresetFiles($, t, fmt, message, renderPresetList);
    wireExports($, root, () => ({ report: lastReport, t, locale: LOCALES[locale] }));
    // Charts are drawn at their container's width: drawn again when it changes (a phone
    // turned, a window resized), so that their text keeps its size.
    let drawnAt = 0;
    new ResizeObserver(([entry]) => {
      const width = entry.contentRect.width;
      if (!lastReport || !width || Math.abs(width - drawnAt) < 40) return;
      const first = !drawnAt;
      drawnAt = width;
      if (!first) requestAnimationFrame(() => render(lastReport, { redraw: true }));
    }).observe($('dashboard'));
    $('locale').addEventListener('change', (e) => setLocale(e.target.value));
    $('hijri').addEventListener('change', () => {
      setLocale(locale);
      // months as buckets follow the calendar shown: analysed again by Solar Hijri month
      if (currentFiles.length && $('granularity').value === 'month') run(currentFiles);
    });
    if (standalone) {
      readViewFromHash($, picked);
      renderChips();
    }
    setLocale(locale).then(() => {
      host.dataset.state ||= 'ready';
    });
  }

  /** The latest language asked for: an earlier one that loads later is not applied. */
  let asked = null;
  /** Switches the page's language (fetching its texts first) and redraws the last report. */
  function setLocale(next) {
    const want = LOCALES[next] ? next : 'en';
    asked = want;
    return loadLocale(want).then(() => want, () => 'en').then((got) => {
      if (asked === want) applyLocale(got);
    });
  }

  function applyLocale(next) {
    locale = next;
    t = translator(locale);
    const calendar = $('hijri').checked ? 'persian' : 'gregory';
    fmt = formatter(LOCALES[locale].intl, { calendar, t });
    const frame = standalone ? document.documentElement : host;
    frame.lang = LOCALES[locale].intl;
    frame.dir = LOCALES[locale].dir;
    if (standalone) document.title = t('app.title');
    $('locale').value = locale;
    applyStatic(root, t);
    if (lastReport) render(lastReport, { redraw: true });
    renderPresetList();
  }

  /** Shows only the chosen sections, and the theme. */
  function configure(next = {}) {
    Object.assign(options, next);
    const wanted = options.sections?.length ? new Set(options.sections) : null;
    for (const s of root.querySelectorAll('[data-section]')) s.classList.toggle('off', Boolean(wanted) && !wanted.has(s.dataset.section));
    root.classList.toggle('dark', options.theme === 'dark');
    if (next.locale && next.locale !== locale) setLocale(next.locale);
  }

  setUp();
  configure();
  return { setLocale, configure };
}
