// Accessibility checked by axe-core (npm, run in the page; nothing fetched): the dashboard
// with the sample data, in English, Chinese and Persian, at 1280 and 390 px, has no
// serious or critical violation of WCAG 2 A/AA. The 1280 px screenshots are the README's
// (written to docs/screenshots/ when UPDATE_SCREENSHOTS=1, else under target/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync } from 'node:fs';
import { openBrowser, SHOTS, ROOT } from './harness.mjs';

const AXE = readFileSync(`${ROOT}node_modules/axe-core/axe.min.js`, 'utf8');
const OUT = process.env.UPDATE_SCREENSHOTS ? `${ROOT}docs/screenshots/` : SHOTS;
mkdirSync(OUT, { recursive: true });

for (const [locale, code] of [['en-US', 'en'], ['zh-CN', 'zh'], ['fa-IR', 'fa']]) {
  for (const width of [1280, 390]) {
    test(`axe: ${code} at ${width} px, no serious violation`, async () => {
      const b = await openBrowser({ locale, width });
      try {
        await b.page.click('#sample');
        await b.page.waitForSelector('body[data-state=done]', { timeout: 60_000 });
        // through the debugging protocol: the page's policy allows no inline script
        await b.page.evaluate(AXE);
        const violations = await b.page.evaluate(async () => {
          const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
          return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        });
        assert.deepEqual(violations, []);
        if (width === 1280) await b.page.screenshot({ path: `${OUT}dashboard-${code}.png` });
      } finally {
        await b.close();
      }
    });
  }
}
