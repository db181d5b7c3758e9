// The dashboard: wires the drop zone, period picker and progress to analyze(), and hands
// the report to the views. No metric formula lives here. `mountApp` draws it into any
// element (the standalone page's, or an embedding element's shadow root).
import { analyze, drillReport, readingOrder } from './sales-metrics.js';
import { drillView } from './views/drill.js';
import { LOCALES } from './i18n.js';
import { language } from './language.js';
import { clear } from './views/dom.js';
import { periodText } from './views/period.js';
import { renderReport, clearReport } from './views/report-view.js';
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

/** What is chosen for a set of files and learnt from them: forgotten with the files. */
const choicesAnew = () => ({
  /** Per file name: kind, columns, encoding… */
  choices: {},
  /** Win probability per stage, for the weighted pipeline. */
  stageProbabilities: {},
  /** Units of `baseCurrency` per unit of each code. */
  currencyRates: {},
  baseCurrency: '',
  /** First and last date of the data (any period), from the latest report. */
  dataSpan: null,
});

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
  /** The files, what the user chose, the report shown and the options it was made with
   *  (which its drills read the files again with), and the run under way. */
  const state = {
    files: [], report: null, options: null, running: null,
    /** The names each filter keeps, shown as removable chips. */
    picked: Object.fromEntries(FILTERS.map(([key]) => [key, []])),
    /** The user's alert thresholds (kept in this browser), or null for the defaults. */
    alertThresholds: loadThresholds(),
    ...choicesAnew(),
  };
  const lang = language({ root, $, standalone, initial: options.locale,
    frame: standalone ? document.documentElement : host,
    onApplied: () => {
      if (state.report) render(state.report, { redraw: true });
      renderPresetList();
    } });
  const message = (text, kind) => showMessage($, text, kind);
  const rerun = () => run(state.files);
  /** A choice the user made: kept, then the files analysed again with it. */
  const choose = (changes) => {
    Object.assign(state, changes);
    rerun();
  };
  const renderPresetList = () => renderPresets($('preset-list'), lang.t);

  const openDrill = drillView($('drill'), {
    fetch: (query, { onProgress, signal, ...how }) =>
      drillReport(state.files, state.report, { ...state.options, signal, onProgress }, query, how),
    get fmt() { return lang.fmt; },
    get t() { return lang.t; },
    onError: (err) => message(lang.t('msg.failed', { error: err.message })),
  });

  async function run(files, { keepChoices = true, keepMessages = false } = {}) {
    if (!files.length) return;
    if (!keepChoices) Object.assign(state, choicesAnew());
    state.running?.abort();
    const controller = new AbortController();
    state.running = controller;
    state.files = files;
    if (!keepMessages) clear($('messages'));
    $('progress').hidden = false;
    const progress = (p) => showProgress($, p, lang.fmt, lang.t);
    progress({ bytes: 0, totalBytes: files.reduce((s, f) => s + f.size, 0), rows: 0, elapsedMs: 0 });
    host.dataset.state = 'running';
    const again = () => {
      if (state.running === controller) state.running = null;
      return run(files, { keepMessages: true });
    };
    try {
      const { choices, stageProbabilities, currencyRates, baseCurrency, alertThresholds, picked } = state;
      const engineOptions = {
        from: $('from').value, to: $('to').value, asOf: $('as-of').value, fileOptions: choices,
        comparison: $('comparison').value, granularity: granularity($), stageProbabilities,
        currencyRates, baseCurrency: baseCurrency || options.currency || '',
        filters: chosenFilters(picked), memoryLimitMb: options.memoryLimitMb, alertThresholds,
      };
      // lookup tables first when their columns filter (else the deals before them are
      // judged against groups not yet known); once their kinds are known, read again
      const grouped = picked.groups.length > 0;
      const ordered = grouped ? readingOrder(files, state.report) : files;
      const report = await analyze(ordered, { ...engineOptions, onProgress: progress, signal: controller.signal });
      state.options = engineOptions;
      if (grouped && readingOrder(ordered, report).some((f, i) => f !== ordered[i])) {
        state.report = report;
        return again();
      }
      if (applyPresets(report) || followData($, report)) return again();
      render(report);
      if (standalone) writeViewToHash($, picked);
      $('start-over').hidden = false;
      // done, and whether it covers only part of the files (stopped at the memory limit)
      if (report.partial) showPartial($, report, lang.fmt, lang.t);
      if (report.partial) host.dataset.partial = report.partial.reason;
      else delete host.dataset.partial;
      host.dataset.state = 'done';
    } catch (err) {
      showFailure($, err, lang.fmt, lang.t);
      // what is still on screen is from the run before: say so
      $('dashboard').classList.toggle('stale', state.report !== null);
      host.dataset.state = 'failed';
    } finally {
      if (state.running === controller) state.running = null;
      $('progress').hidden = true;
      $('apply').disabled = $('all-data').disabled = !state.files.length;
    }
  }

  /** Files dropped or chosen join those analysed (a file of the same name replaces its
   *  namesake); the sample data and "Start over" begin anew. */
  function addFiles(files) {
    if (!files.length) return;
    const byName = new Map(state.files.map((f) => [f.name, f]));
    for (const f of files) byName.set(f.name, f);
    run([...byName.values()], { keepChoices: state.files.length > 0 });
  }

  /** Forgets the files, their choices and the figures. */
  function startOver() {
    state.running?.abort();
    Object.assign(state, { files: [], report: null }, choicesAnew());
    for (const [key] of FILTERS) state.picked[key] = [];
    renderChips();
    clearReport($);
    delete host.dataset.partial;
    host.dataset.state = 'ready';
  }

  /** Applies saved presets to files with a known header and no choices yet; true if any. */
  function applyPresets(report) {
    const fits = presetsFor(report.files, state.choices);
    for (const { preset, file } of fits) {
      state.choices[file] = preset.options;
      message(lang.t('preset.applied', { name: preset.name, file }), 'info');
    }
    return fits.length > 0;
  }

  /** What the report's forms change, each followed by a new run. */
  const on = {
    message,
    rerun,
    drill: (query, what) => openDrill(query, `${what} · ${periodText(state.report.period, lang.fmt, lang.t)}`,
      { name: `${query.set}-rows`, files: state.files.length }),
    applyFile: (name, fileOptions) => choose({ choices: { ...state.choices, [name]: fileOptions } }),
    removeFile: (name) => {
      const rest = state.files.filter((f) => (f.name ?? 'file.csv') !== name);
      delete state.choices[name];
      if (rest.length) run(rest);
      else startOver();
    },
    savePreset: (name, file, fileOptions) => {
      const ok = savePreset(name, file, fileOptions);
      message(ok ? lang.t('preset.saved', { name, file: file.name }) : lang.t('preset.no_storage'), ok ? 'info' : 'error');
      renderPresetList();
    },
    thresholds: (alertThresholds) => choose({ alertThresholds }),
    money: (baseCurrency, currencyRates) => choose({ baseCurrency, currencyRates }),
    probabilities: (stageProbabilities) => choose({ stageProbabilities }),
  };

  function render(report, { redraw = false } = {}) {
    state.report = report;
    const p = report.period;
    if (p.first_date) state.dataSpan = { first: p.first_date, last: p.last_date };
    const { picked, choices, dataSpan, baseCurrency, currencyRates } = state;
    const shown = { picked, choices, dataSpan, money: { baseCurrency, currencyRates } };
    renderReport(report, { $, fmt: lang.fmt, t: lang.t, intl: lang.intl, redraw, state: shown, on });
  }

  /** The chosen names as chips; removing one re-runs the analysis. */
  function renderChips() {
    renderFilterChips($('filter-chips'), state.picked, lang.t, (key, name) => {
      state.picked[key] = state.picked[key].filter((n) => n !== name);
      renderChips();
      rerun();
    });
  }

  function setUp() {
    wireDrop($, addFiles);
    $('start-over').addEventListener('click', startOver);
    $('sample').addEventListener('click', async () => {
      try {
        run(await sampleFiles(), { keepChoices: false });
      } catch (err) {
        message(lang.t('msg.sample_failed', { error: err.message }));
      }
    });
    $('cancel').addEventListener('click', () => state.running?.abort());
    $('apply').addEventListener('click', rerun);
    wireFilterChoices($, state.picked, () => {
      renderChips();
      rerun();
    });
    wirePeriodControls($, { lastDay: () => state.dataSpan?.last, rerun });
    wirePresetFiles($, lang.t, lang.fmt, message, renderPresetList);
    wireExports($, root, () => ({ report: state.report, t: lang.t, locale: LOCALES[lang.locale] }));
    redrawOnResize($('dashboard'), () => state.report && render(state.report, { redraw: true }));
    $('locale').addEventListener('change', (e) => lang.set(e.target.value));
    $('hijri').addEventListener('change', () => {
      lang.set(lang.locale);
      // months as buckets follow the calendar shown: analysed again by Solar Hijri month
      if ($('granularity').value === 'month') rerun();
    });
    if (standalone) {
      readViewFromHash($, state.picked);
      renderChips();
    }
    lang.set(lang.locale).then(() => {
      host.dataset.state ||= 'ready';
    });
  }

  /** Shows only the chosen sections, and the theme. */
  function configure(next = {}) {
    Object.assign(options, next);
    const wanted = options.sections?.length ? new Set(options.sections) : null;
    for (const s of root.querySelectorAll('[data-section]')) s.classList.toggle('off', Boolean(wanted) && !wanted.has(s.dataset.section));
    root.classList.toggle('dark', options.theme === 'dark');
    if (next.locale && next.locale !== lang.locale) lang.set(next.locale);
  }

  setUp();
  configure();
  return { setLocale: lang.set, configure };
}
