// The dashboard's markup, shared by the standalone page and the embedded element. Static
// text only (it is translated by data-i18n keys); nothing from a file is ever put here.
export const MARKUP = `
  <header class="top">
    <h1 id="app-title" data-i18n="app.title">Sales Metrics Analyzer</h1>
    <p class="tagline" data-i18n="app.tagline">Drop your CRM or spreadsheet exports (CSV). Everything is computed in this browser tab: no data is uploaded.</p>
    <div class="locale">
      <label><span data-i18n="controls.language">Language</span>
        <select id="locale"><option value="en">English</option><option value="zh">简体中文</option><option value="fa">فارسی</option></select></label>
      <label><input id="hijri" type="checkbox"> <span data-i18n="controls.hijri">Solar Hijri dates</span></label>
    </div>
  </header>
  <main>
    <section id="drop" data-section="drop" class="drop" aria-label="Add files" data-i18n-aria-label="drop.aria">
      <p class="drop-title" data-i18n="drop.title">Drop CSV files here</p>
      <p data-i18n="drop.or">or</p>
      <button id="choose" type="button" data-i18n="drop.choose">Choose files…</button>
      <button id="sample" type="button" class="secondary" data-i18n="drop.sample">Try with sample data</button>
      <button id="start-over" type="button" class="secondary" data-i18n="drop.start_over" hidden>Start over</button>
      <input id="file-input" type="file" multiple accept=".csv,.tsv,.txt,text/csv,text/plain" hidden>
      <p class="hint" data-i18n="drop.adds">Files dropped later join those already analysed.</p>
      <p class="hint" data-i18n="drop.hint">Deals export with columns such as deal id, owner, account, stage, amount, created date, close date.</p>
    </section>

    <section data-section="controls" class="controls" aria-label="Period" data-i18n-aria-label="controls.aria">
      <label><span data-i18n="controls.preset">Period</span>
        <select id="preset">
          <option value="" data-i18n="preset.custom">custom</option>
          <option value="this_month" data-i18n="preset.this_month">this month</option>
          <option value="last_month" data-i18n="preset.last_month">last month</option>
          <option value="this_quarter" data-i18n="preset.this_quarter">this quarter</option>
          <option value="last_quarter" data-i18n="preset.last_quarter">last quarter</option>
          <option value="year_to_date" data-i18n="preset.year_to_date">year to date</option>
          <option value="this_year" data-i18n="preset.this_year">this year</option>
          <option value="last_year" data-i18n="preset.last_year">last year</option>
          <option value="last_12_months" data-i18n="preset.last_12_months">last 12 months</option>
          <option value="all" data-i18n="preset.all">all data</option>
        </select></label>
      <label><span data-i18n="controls.anchor">of</span>
        <select id="anchor">
          <option value="data" id="anchor-data" data-i18n="anchor.data">the data</option>
          <option value="today" data-i18n="anchor.today">today</option>
        </select></label>
      <label><span data-i18n="controls.from">From</span> <input id="from" type="date"></label>
      <label><span data-i18n="controls.to">To (exclusive)</span> <input id="to" type="date"></label>
      <label><span data-i18n="controls.as_of">As of</span> <input id="as-of" type="date"></label>
      <button type="button" id="as-of-today" data-i18n="controls.as_of_today">today</button>
      <span id="as-of-note" class="hint"></span>
      <label><span data-i18n="controls.compare">Compare with</span>
        <select id="comparison">
          <option value="" data-i18n="controls.compare.none">nothing</option>
          <option value="previous" data-i18n="controls.compare.previous">previous period</option>
          <option value="calendar" data-i18n="controls.compare.calendar">previous month / quarter / year</option>
          <option value="year" data-i18n="controls.compare.year">same period a year earlier</option>
        </select></label>
      <label><span data-i18n="controls.granularity">Trend by</span>
        <select id="granularity">
          <option value="day" data-i18n="granularity.day">day</option>
          <option value="week" data-i18n="granularity.week">week</option>
          <option value="month" selected data-i18n="granularity.month">month</option>
          <option value="quarter" data-i18n="granularity.quarter">quarter</option>
          <option value="year" data-i18n="granularity.year">year</option>
        </select></label>
      <label><span data-i18n="controls.owner">Owner</span>
        <select id="owner-filter"><option value="" data-i18n="controls.owner.all">all owners</option></select></label>
      <label hidden><span data-i18n="controls.source">Source</span>
        <select id="source-filter"><option value="" data-i18n="controls.source.all">all sources</option></select></label>
      <label hidden><span data-i18n="controls.pipeline">Pipeline</span>
        <select id="pipeline-filter"><option value="" data-i18n="controls.pipeline.all">all pipelines</option></select></label>
      <label hidden><span data-i18n="controls.product">Product</span>
        <select id="product-filter"><option value="" data-i18n="controls.product.all">all products</option></select></label>
      <label hidden><span data-i18n="controls.group">Group</span>
        <select id="group-filter"><option value="" data-i18n="controls.group.all">all groups</option></select></label>
      <span id="filter-chips" class="chips" hidden></span>
      <button id="apply" type="button" disabled data-i18n="controls.apply">Apply</button>
      <button id="all-data" type="button" disabled data-i18n="controls.all">All data</button>
      <span id="period-label" class="muted"></span>
      <p id="period-empty" class="message info" role="status" hidden><span id="period-empty-text"></span>
        <button type="button" id="period-nearest" class="secondary small"></button></p>
    </section>

    <section id="progress" class="progress" hidden aria-live="polite">
      <progress id="progress-bar" max="1" value="0"></progress>
      <span id="progress-text"></span>
      <button id="cancel" type="button" data-i18n="progress.cancel">Cancel</button>
    </section>

    <section id="messages" class="messages" aria-live="polite"></section>

    <div id="dashboard" hidden>
      <section id="report-info" class="report-info"></section>
      <div class="exports">
        <button id="export-json" type="button" class="secondary small" data-i18n="export.json">Download report (JSON)</button>
        <button id="snapshot" type="button" class="secondary small" data-i18n="export.snapshot">Save snapshot (HTML)</button>
        <button id="print" type="button" class="secondary small" data-i18n="export.print">Print</button>
      </div>
      <section id="alerts-section" data-section="alerts" aria-labelledby="alerts-h"><h2 id="alerts-h" data-i18n="section.alerts">Alerts</h2><div id="alerts"></div>
        <details class="thresholds"><summary data-i18n="thresholds.title">When alerts fire</summary><form id="thresholds"></form></details></section>
      <section id="kpi-section" data-section="kpi" aria-labelledby="kpi-h"><h2 id="kpi-h" data-i18n="section.kpi">Key figures</h2><p id="currency-note" class="muted"></p><div id="cards" class="cards"></div></section>
      <section id="currency-section" data-section="currency" aria-labelledby="currency-h" hidden><h2 id="currency-h" data-i18n="section.currency">Money by currency</h2>
        <p class="muted" data-i18n="currency.explain">Amounts in different currencies are never added together. Give conversion rates to see one total.</p>
        <div id="by-currency"></div><form id="rates" class="probabilities"></form></section>
      <section id="forecast-section" data-section="forecast" aria-labelledby="forecast-h"><h2 id="forecast-h" data-i18n="section.forecast">Revenue forecast</h2><div id="forecast"></div>
        <details class="weekly"><summary data-i18n="forecast.weekly">By week</summary><div id="forecast-week"></div></details></section>
      <section data-section="trend" aria-labelledby="trend-h"><h2 id="trend-h" data-i18n="section.trend">Revenue trend</h2><div id="trend"></div></section>
      <section data-section="funnel" aria-labelledby="funnel-h"><h2 id="funnel-h" data-i18n="section.funnel">Deal funnel</h2><p id="funnel-note" class="muted"></p><div id="funnel"></div></section>
      <div class="two">
        <section data-section="owner" aria-labelledby="owner-h"><h2 id="owner-h" data-i18n="section.owner">Sales by owner</h2><div id="by-owner"></div></section>
        <section data-section="account" aria-labelledby="account-h"><h2 id="account-h" data-i18n="section.account">Sales by account</h2><div id="by-account"></div></section>
      </div>
      <section id="product-section" data-section="product" aria-labelledby="product-h" hidden><h2 id="product-h" data-i18n="section.product">Sales by product</h2><div id="by-product"></div></section>
      <div id="dimensions" hidden></div>
      <div class="two">
        <section data-section="pipeline" aria-labelledby="pipeline-h"><h2 id="pipeline-h" data-i18n="section.pipeline">Open pipeline by stage</h2><div id="pipeline"></div>
          <form id="probabilities" class="probabilities" hidden></form></section>
        <section data-section="loss" aria-labelledby="loss-h"><h2 id="loss-h" data-i18n="section.loss">Loss reasons</h2><div id="loss-chart"></div><div id="loss"></div></section>
      </div>
      <section id="time-section" data-section="time" aria-labelledby="time-h" hidden><h2 id="time-h" data-i18n="section.time">Time in stage</h2><div id="time-in-stage"></div></section>
      <section id="leads-section" data-section="leads" aria-labelledby="leads-h" hidden><h2 id="leads-h" data-i18n="section.leads">Leads</h2>
        <div id="lead-funnel"></div>
        <h3 data-i18n="section.lead_sources">Conversion by source</h3><div id="lead-sources"></div></section>
      <section id="activities-section" data-section="activities" aria-labelledby="activities-h" hidden><h2 id="activities-h" data-i18n="section.activities">Activities</h2>
        <div id="activity-trend"></div>
        <div class="two"><div id="activity-ratio"></div><div id="activity-counts"></div></div></section>
      <section id="mrr-section" data-section="mrr" aria-labelledby="mrr-h" hidden><h2 id="mrr-h" data-i18n="section.mrr">Monthly recurring revenue</h2><div id="mrr-chart"></div><div id="mrr"></div></section>
      <section id="quota-section" data-section="quota" aria-labelledby="quota-h" hidden><h2 id="quota-h" data-i18n="section.quota">Quota attainment</h2><div id="quota-chart"></div><div id="quota"></div></section>
      <section id="weighted-section" data-section="weighted" aria-labelledby="weighted-h" hidden><h2 id="weighted-h" data-i18n="section.weighted">Weighted forecast of open deals</h2><div id="weighted"></div></section>
      <section id="stalled-section" data-section="stalled" aria-labelledby="stalled-h"><h2 id="stalled-h" data-i18n="section.stalled">Stalled deals</h2><p id="stalled-note" class="muted"></p><div id="stalled"></div></section>
      <section data-section="problems" aria-labelledby="problems-h"><h2 id="problems-h" data-i18n="section.problems">Problems in the files</h2><div id="problems"></div></section>
    </div>
    <section id="files-section" data-section="files" aria-labelledby="files-h" hidden>
      <h2 id="files-h" data-i18n="section.files">Files, columns and formats</h2>
      <p class="muted" data-i18n="files.note">What was detected in each file. Fix anything that is wrong and re-analyse; save the fixes as a preset and files with the same header get them automatically.</p>
      <div id="files"></div>
      <div class="controls-row presets">
        <span id="preset-list" class="muted"></span>
        <button id="export-presets" type="button" data-i18n="presets.export">Export presets</button>
        <button id="import-presets" type="button" data-i18n="presets.import">Import presets…</button>
        <input id="import-input" type="file" accept=".json,application/json" hidden>
      </div>
    </section>
    <dialog id="drill" class="drill" aria-labelledby="drill-title">
      <div class="drill-head"><h2 id="drill-title" class="drill-title"></h2>
        <button type="button" class="drill-close secondary small" data-i18n="drill.close">Close</button></div>
      <div class="table-tools"><input type="search" class="drill-filter filter" data-i18n-aria-label="drill.filter" aria-label="Keep rows containing">
        <button type="button" class="drill-download secondary small" data-i18n="drill.download">Download all as CSV</button></div>
      <progress class="drill-progress" max="1" hidden data-i18n-aria-label="drill.loading" aria-label="Reading the files again…"></progress>
      <div class="drill-body"></div>
    </dialog>
  </main>
`;
