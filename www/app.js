// The dashboard: wires the drop zone, period picker and progress to analyze(), and hands
// the report to the views. No metric formula lives here. `mountApp` draws it into any
// element (the standalone page's, or an embedding element's shadow root).
import { analyze, drillReport, readingOrder } from './sales-metrics.js';
import { drillView } from './views/drill.js';
import { formatter } from './format.js';
import { LOCALES, pickLocale, translator, applyStatic, loadLocale } from './i18n.js';
import { clear } from './views/dom.js';
import { periodText } from './views/period.js';
import { renderReport } from './views/report-view.js';
import { granularity, followData, wirePeriodControls } from './views/period-controls.js';
import { showMessage, showProgress, showPartial, showFailure } from './views/messages.js';
import { writeViewToHash, readViewFromHash } from './view-hash.js';
import { FILTERS, chosenFilters, renderFilterChips, wireFilterChoices } from './views/filters.js';
import { loadThresholds } from './views/thresholds.js';
import { MARKUP } from './ui.js';
import { sampleFiles } from './assets.js';
import { presetsFor, savePreset } from './presets.js';
import { renderPresets, wirePresetFiles } from './views/presets.js';
import { wireExports, wireDrop, redrawOnResize } from './views/controls.js';


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
      return drillReport(currentFiles, lastReport, { ...lastOptions, signal: drilling.signal, onProgress }, query, how);
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

  const message = (text, kind) => showMessage($, text, kind);
  const progress = (p) => showProgress($, p, fmt, t);

  async function run(files, { keepChoices = true, keepMessages = false } = {}) {
    if (!files.length) return;
    if (!keepChoices) forgetChoices();
    running?.abort();
    const controller = new AbortController();
    running = controller;
    currentFiles = files;
    if (!keepMessages) clear($('messages'));
    $('progress').hidden = false;
    progress({ bytes: 0, totalBytes: files.reduce((s, f) => s + f.size, 0), rows: 0, elapsedMs: 0 });
    host.dataset.state = 'running';
    try {
      const engineOptions = {
        from: $('from').value, to: $('to').value, asOf: $('as-of').value, fileOptions: choices,
        comparison: $('comparison').value, granularity: granularity($), stageProbabilities,
        currencyRates, baseCurrency: baseCurrency || options.currency || '',
        filters: chosenFilters(picked), memoryLimitMb: options.memoryLimitMb, alertThresholds,
      };
      // lookup tables first when their columns filter (else the deals before them are
      // judged against groups not yet known); once their kinds are known, read again
      const grouped = picked.groups.length > 0;
      const ordered = grouped ? readingOrder(files, lastReport) : files;
      const report = await analyze(ordered, { ...engineOptions, onProgress: progress, signal: controller.signal });
      lastOptions = engineOptions;
      if (grouped && readingOrder(ordered, report).some((f, i) => f !== ordered[i])) {
        lastReport = report;
        if (running === controller) running = null;
        return run(files, { keepMessages: true });
      }
      if (applyPresets(report) || followData($, report)) {
        if (running === controller) running = null;
        return run(files, { keepMessages: true });
      }
      render(report);
      if (standalone) writeViewToHash($, picked);
      $('start-over').hidden = false;
      // done, and whether it covers only part of the files (stopped at the memory limit)
      if (report.partial) {
        showPartial($, report, fmt, t);
        host.dataset.partial = report.partial.reason;
      } else {
        delete host.dataset.partial;
      }
      host.dataset.state = 'done';
    } catch (err) {
      showFailure($, err, fmt, t);
      // what is still on screen is from the run before: say so
      $('dashboard').classList.toggle('stale', lastReport !== null);
      host.dataset.state = 'failed';
    } finally {
      if (running === controller) running = null;
      $('progress').hidden = true;
      $('apply').disabled = $('all-data').disabled = !currentFiles.length;
    }
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

  /** Applies saved presets to files with a known header and no choices yet; true if any. */
  function applyPresets(report) {
    const applied = presetsFor(report.files, choices);
    for (const { preset, file } of applied) {
      choices[file] = preset.options;
      message(t('preset.applied', { name: preset.name, file }), 'info');
    }
    return applied.length > 0;
  }

  /** The saved presets, each removable. */
  const renderPresetList = () => renderPresets($('preset-list'), t);

  /** What the report's forms change, each followed by a new run. */
  const on = {
    message,
    rerun: () => run(currentFiles),
    applyFile: (name, fileOptions) => {
      choices[name] = fileOptions;
      run(currentFiles);
    },
    removeFile: (name) => {
      const rest = currentFiles.filter((f) => (f.name ?? 'file.csv') !== name);
      delete choices[name];
      if (rest.length) run(rest);
      else startOver();
    },
    savePreset: (name, file, fileOptions) => {
      const ok = savePreset(name, file, fileOptions);
      message(ok ? t('preset.saved', { name, file: file.name }) : t('preset.no_storage'), ok ? 'info' : 'error');
      renderPresetList();
    },
    thresholds: (values) => {
      alertThresholds = values;
      run(currentFiles);
    },
    money: (base, rates) => {
      [baseCurrency, currencyRates] = [base, rates];
      run(currentFiles);
    },
    probabilities: (chosen) => {
      stageProbabilities = chosen;
      run(currentFiles);
    },
    drill: showDrill,
  };

  function render(report, { redraw = false } = {}) {
    lastReport = report;
    const p = report.period;
    if (p.first_date) dataSpan = { first: p.first_date, last: p.last_date };
    const state = { picked, choices, dataSpan, money: { baseCurrency, currencyRates } };
    renderReport(report, { $, fmt, t, intl: LOCALES[locale].intl, redraw, state, on });
  }

  /** The chosen names as chips; removing one re-runs the analysis. */
  function renderChips() {
    renderFilterChips($('filter-chips'), picked, t, (key, name) => {
      picked[key] = picked[key].filter((n) => n !== name);
      renderChips();
      if (currentFiles.length) run(currentFiles);
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
    wireFilterChoices($, picked, () => {
      renderChips();
      if (currentFiles.length) run(currentFiles);
    });
    wirePeriodControls($, { lastDay: () => dataSpan?.last, rerun: () => run(currentFiles) });
    wirePresetFiles($, t, fmt, message, renderPresetList);
    wireExports($, root, () => ({ report: lastReport, t, locale: LOCALES[locale] }));
    redrawOnResize($('dashboard'), () => lastReport && render(lastReport, { redraw: true }));
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
