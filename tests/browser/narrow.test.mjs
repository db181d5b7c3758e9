// Phone and embed widths: at 390 px (a phone), 600 px (a column of an intranet page) and
// 1280 px the page never scrolls sideways, no card's figure spills out of its card, and chart text stays at 11 px or more (charts are
// drawn at their container's width, not scaled down from a wide drawing), in English,
// Chinese and Persian. Screenshots under target/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, SHOTS } from './harness.mjs';

/** Sideways overflow, and the smallest rendered size of any chart's text. */
const measure = (page) => page.evaluate(() => {
  let smallest = Infinity;
  let where = '';
  for (const svgEl of document.querySelectorAll('svg')) {
    const box = svgEl.viewBox?.baseVal;
    const rect = svgEl.getBoundingClientRect();
    if (!box?.width || !rect.width) continue;
    const scale = rect.width / box.width;
    for (const text of svgEl.querySelectorAll('text')) {
      const size = parseFloat(getComputedStyle(text).fontSize) * scale;
      if (size < smallest) [smallest, where] = [size, `${svgEl.getAttribute('class')}: ${text.textContent}`];
    }
  }
  // a stray `null` or `undefined` drawn as text (a bug once: DOM append(null) writes it)
  const stray = /(^|\s)(null|undefined|NaN)(\s|$)/.exec(document.body.innerText)?.[0] ?? null;
  // a card's figure, label or line that does not fit its card
  const spill = [...document.querySelectorAll('.card .value, .card .label, .card .sub')]
    .filter((v) => v.scrollWidth > v.clientWidth + 1).map((v) => v.textContent);
  return { overflow: document.documentElement.scrollWidth - window.innerWidth, smallest, where, stray, spill };
});

for (const width of [390, 600, 1280]) {
  for (const locale of ['en-US', 'zh-CN', 'fa-IR']) {
    test(`${width} px, ${locale}: no sideways scroll, chart text 11 px or more`, async () => {
      const b = await openBrowser({ width, locale });
      try {
        await b.page.click('#sample');
        await b.page.waitForSelector('body[data-state=done]', { timeout: 60_000 });
        const m = await measure(b.page);
        assert.ok(m.overflow <= 0, `scrolls sideways by ${m.overflow} px`);
        assert.equal(m.stray, null);
        assert.deepEqual(m.spill, []);
        assert.ok(m.smallest >= 10.95, `chart text of ${m.smallest.toFixed(1)} px (${m.where})`);
        await b.page.screenshot({ path: `${SHOTS}narrow-${width}-${locale}.png`, fullPage: false });
        // no console error, no missing file (the favicon was a 404)
        assert.deepEqual(b.errors, []);
      } finally {
        await b.close();
      }
    });
  }
}
