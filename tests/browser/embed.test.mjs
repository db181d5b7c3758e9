// The dashboard embedded in an intranet page (www/examples/intranet.html) through the
// custom element: the host's CSS and ours do not leak across the shadow root, attributes
// choose sections and language, and files dropped on it are analysed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, dropFiles, fixture, SHOTS } from './harness.mjs';

let b;
before(async () => {
  b = await openBrowser();
  await b.page.goto(`${b.url}examples/intranet.html`);
  await b.page.waitForSelector('sales-metrics-analyzer[data-state=ready]');
});
after(async () => {
  assert.deepEqual(b.foreign, [], 'requests left 127.0.0.1');
  await b?.close();
});

const style = (sel, prop) => b.page.$eval(sel, (e, p) => getComputedStyle(e)[p], prop);

test('the element analyses dropped files inside the host page', async () => {
  await dropFiles(b.page, [{ name: 'small_deals.csv', text: fixture('small_deals.csv') }]);
  await b.page.waitForSelector('sales-metrics-analyzer[data-state=done]');
  assert.equal((await b.page.textContent('sales-metrics-analyzer [data-metric=revenue] .value')).trim(), '3,500.50');
  // sections not listed are not shown
  assert.equal(await b.page.isVisible('sales-metrics-analyzer [data-section=trend]'), false);
  assert.equal(await b.page.isVisible('sales-metrics-analyzer [data-section=funnel]'), true);
  await b.page.screenshot({ path: `${SHOTS}embed-intranet.png`, fullPage: true });
});

test('no CSS leaks either way', async () => {
  // the host's h2, .card and table rules stay outside
  assert.equal(await style('main.intranet-main > h2', 'color'), 'rgb(200, 0, 0)');
  assert.notEqual(await style('sales-metrics-analyzer #kpi-h', 'color'), 'rgb(200, 0, 0)');
  assert.notEqual(await style('sales-metrics-analyzer .card', 'borderTopStyle'), 'dotted');
  assert.notEqual(await style('sales-metrics-analyzer table', 'borderTopColor'), 'rgb(255, 0, 255)');
  // and ours stay inside: the host's .card keeps its dotted border and no radius of ours
  assert.equal(await style('main.intranet-main > p.card', 'borderTopStyle'), 'dotted');
  assert.equal(await style('main.intranet-main > p.card', 'borderTopLeftRadius'), '0px');
  assert.equal(await style('body', 'fontFamily'), 'Georgia, serif');
  // no global names but the element's
  const globals = await b.page.evaluate(() => ['analyze', 'mount', 'mountApp', 'renderCards'].filter((n) => n in window));
  assert.deepEqual(globals, []);
});

test('attributes switch the language; no CSP violation', async () => {
  await b.page.$eval('sales-metrics-analyzer', (e) => e.setAttribute('locale', 'fa'));
  // Persian texts are fetched when Persian is chosen
  await b.page.waitForFunction(() => document.querySelector('sales-metrics-analyzer').getAttribute('lang') === 'fa-IR');
  assert.equal(await b.page.getAttribute('sales-metrics-analyzer', 'dir'), 'rtl');
  assert.equal((await b.page.textContent('sales-metrics-analyzer #kpi-h')).trim(), 'شاخص‌های اصلی');
  // the host page keeps its own direction
  assert.equal(await b.page.getAttribute('html', 'dir'), null);
  assert.deepEqual(await b.page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(b.errors, []);
});

test('inside the host page the dashboard is one named region, not a second main', async () => {
  const cdp = await b.page.context().newCDPSession(b.page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const landmarks = (role) => nodes.filter((n) => !n.ignored && n.role?.value === role).map((n) => n.name?.value ?? '');
  assert.equal(landmarks('main').length, 1, 'the host page\'s main only');
  assert.equal(landmarks('banner').length, 1, 'the host page\'s header only');
  // named by its title (in Persian since the previous test)
  assert.ok(landmarks('region').includes('تحلیلگر شاخص‌های فروش'), landmarks('region').join(' | '));
});
