// Accessibility, checked the way assistive technology and keyboard users meet the page:
// Chromium's accessibility tree gives every control a name, Tab reaches every kind of
// control with a visible focus ring, and text contrast meets WCAG AA in both themes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openBrowser, waitForResult } from './harness.mjs';

const contrast = `(${readFileSync(new URL('./a11y-check.js', import.meta.url), 'utf8').replace(/^\/\/.*\n/gm, '')})()`;
let b;
before(async () => {
  b = await openBrowser();
  await b.page.fill('#from', '2024-01-01');
  await b.page.fill('#to', '2025-01-01');
  await b.page.click('#sample');
  await b.page.waitForFunction(() => document.querySelectorAll('#files details').length === 12, null, { timeout: 60_000 });
  await waitForResult(b.page);
});
after(async () => { await b?.close(); });

test('every control has an accessible name', async () => {
  const cdp = await b.page.context().newCDPSession(b.page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const controls = new Set(['button', 'combobox', 'textbox', 'searchbox', 'checkbox', 'link', 'spinbutton', 'listbox', 'slider']);
  const unnamed = nodes.filter((n) => !n.ignored && controls.has(n.role?.value) && !String(n.name?.value ?? '').trim())
    .map((n) => `${n.role.value} (backend node ${n.backendDOMNodeId})`);
  const count = nodes.filter((n) => !n.ignored && controls.has(n.role?.value)).length;
  assert.ok(count > 100, `${count} controls`);
  assert.deepEqual(unnamed, []);
  // charts are images with a label, their numbers a table
  const charts = nodes.filter((n) => !n.ignored && n.role?.value === 'image');
  assert.ok(charts.length >= 5 && charts.every((n) => String(n.name?.value ?? '').trim()), 'every chart image is labelled');
});

test('Tab reaches every kind of control, each with a visible focus ring', async () => {
  await b.page.evaluate(() => document.activeElement?.blur());
  await b.page.evaluate(() => window.scrollTo(0, 0));
  const seen = new Set();
  const unringed = [];
  for (let i = 0; i < 400; i++) {
    await b.page.keyboard.press('Tab');
    const info = await b.page.evaluate(() => {
      const e = document.activeElement;
      if (!e || e === document.body) return null;
      const s = getComputedStyle(e);
      // Tab also stops at a date field's own calendar button, inside the browser's part
      // of the field (the field itself is then not :focus): the browser draws that ring
      const own = e.type === 'date' && !e.matches(':focus');
      const ring = own || (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2);
      const what = e.id ? `#${e.id}` : e.closest('th') ? 'th button' : e.tagName === 'SUMMARY' ? 'summary'
        : e.closest('.alert') ? 'alert link' : e.classList.contains('download') ? 'download' : e.tagName.toLowerCase();
      return { what, ring };
    });
    if (!info) continue;
    seen.add(info.what);
    if (!info.ring) unringed.push(info.what);
  }
  for (const want of ['#choose', '#sample', '#preset', '#from', '#to', '#comparison', '#owner-filter', '#source-filter',
    '#pipeline-filter', '#apply', '#export-json', '#snapshot', 'alert link', 'summary', 'th button', 'download', '#locale']) {
    assert.ok(seen.has(want), `${want} not reached by Tab; reached: ${[...seen].join(', ')}`);
  }
  assert.deepEqual([...new Set(unringed)], []);
});

test('a table sorts from the keyboard', async () => {
  // the table comes sorted by revenue; Enter on the Owner header sorts it by name
  const owners = () => b.page.$$eval('#by-owner tbody td:first-child', (tds) => tds.map((td) => td.textContent));
  const before = await owners();
  const byName = [...before].sort((x, y) => x.localeCompare(y));
  assert.notDeepEqual(before, byName, 'the sample\'s revenue order is not already alphabetical');
  await b.page.focus('#by-owner th:nth-child(1) button');
  await b.page.keyboard.press('Enter');
  assert.deepEqual(await owners(), byName);
});

test('text contrast meets WCAG AA in the light and the dark theme', async () => {
  assert.deepEqual(await b.page.evaluate(contrast), [], 'light');
  await b.page.evaluate(() => document.querySelector('.sma-root').classList.add('dark'));
  assert.deepEqual(await b.page.evaluate(contrast), [], 'dark');
  await b.page.evaluate(() => document.querySelector('.sma-root').classList.remove('dark'));
});
