// Filters by product and by a lookup table's column (an owner's manager), as chips, in the
// URL's hash, and followed by the drill-down. Dropped deals first: the page reads the
// lookup table first once it knows which file it is. Won: Ann 100 (GTX Pro), Bob 50 (GTX
// Pro), Cy 30 (MG Special); Ann lost 70 (MG Special). Melvin manages Bob and Cy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, dropFiles, SHOTS } from './harness.mjs';

const DEALS = `deal_id,owner,account,stage,amount,created_date,closed_date,product
1,Ann,Acme,Won,100,2024-01-01,2024-01-11,GTX Pro
2,Bob,Beta,Won,50,2024-01-02,2024-01-22,GTX Pro
3,Ann,Gamma,Lost,70,2024-01-03,2024-01-13,MG Special
4,Cy,Delta,Won,30,2024-01-04,2024-01-08,MG Special
`;
const TEAMS = 'sales_agent,manager,regional_office\nAnn,Dustin,East\nBob,Melvin,East\nCy,Melvin,West\n';

const text = async (page, sel) => (await page.textContent(sel))?.trim();
const revenueIs = (page, value) => page.waitForFunction((v) => document.body.dataset.state === 'done'
  && document.querySelector('[data-metric=revenue] .value')?.textContent === v, value, { timeout: 30_000 });

test('a manager\'s team and a product filter every figure and the lists behind them', async () => {
  const b = await openBrowser();
  const { page } = b;
  try {
    await dropFiles(page, [{ name: 'deals.csv', text: DEALS }, { name: 'sales_teams.csv', text: TEAMS }]);
    await revenueIs(page, '180');
    const groups = await page.$$eval('#group-filter optgroup', (gs) => gs.map((g) => `${g.label}: ${[...g.children].map((o) => o.textContent).join(', ')}`));
    assert.deepEqual(groups, ['manager (sales_teams.csv): Dustin, Melvin', 'regional_office (sales_teams.csv): East, West']);

    await page.selectOption('#group-filter', 'owner|manager|Melvin');
    await revenueIs(page, '80');
    assert.equal(await text(page, '#filter-chips'), 'manager: Melvin ×');
    assert.match(decodeURIComponent(await page.evaluate(() => location.hash)), /group=owner\|manager\|Melvin/);
    assert.deepEqual(await page.$$eval('#by-owner tbody td:first-child', (tds) => tds.map((td) => td.textContent)), ['Bob', 'Cy']);

    // and one product: Cy's 30
    await page.selectOption('#product-filter', 'MG Special');
    await revenueIs(page, '30');
    assert.equal(await text(page, '#filter-chips'), 'Product: MG Special ×manager: Melvin ×');
    await page.click('[data-metric=revenue] button.drill');
    await page.waitForFunction(() => document.querySelector('.drill-summary')?.textContent.startsWith('1 deal '));
    assert.deepEqual(await page.$$eval('#drill tbody td:nth-child(2)', (tds) => tds.map((td) => td.textContent)), ['4']);
    await page.screenshot({ path: `${SHOTS}filters-groups.png` });
    await page.keyboard.press('Escape');

    // a row of sales by manager lists that team's deals (the filters on top)
    await page.click('#filter-chips .chip[data-filter=products]');
    await revenueIs(page, '80');
    await page.click('#filter-chips .chip[data-filter=groups]');
    await revenueIs(page, '180');
    await page.click('[data-dimension="sales_teams.csv:manager"] tbody button.drill:text-is("Melvin")');
    await page.waitForFunction(() => document.querySelector('.drill-summary')?.textContent.startsWith('2 deals · amounts add up to 80'));
    assert.deepEqual(await page.$$eval('#drill tbody td:nth-child(2)', (tds) => tds.map((td) => td.textContent)), ['2', '4']);
    assert.match(await text(page, '#drill-title'), /manager: Melvin/);
    await page.keyboard.press('Escape');
    assert.equal(await page.$$eval('[data-dimension="sales_teams.csv:manager"] tbody button.drill', (b) => b.length), 2);
  } finally {
    await b.close();
  }
});

test('removing a chip keeps the other filters', async () => {
  const b = await openBrowser();
  const { page } = b;
  try {
    await dropFiles(page, [{ name: 'deals.csv', text: DEALS }, { name: 'sales_teams.csv', text: TEAMS }]);
    await revenueIs(page, '180');
    await page.selectOption('#group-filter', 'owner|manager|Melvin');
    await revenueIs(page, '80');
    await page.selectOption('#product-filter', 'MG Special');
    await revenueIs(page, '30');
    // removing the team's chip keeps the product
    await page.click('#filter-chips .chip[data-filter=groups]');
    await revenueIs(page, '30');
    assert.equal(await text(page, '#filter-chips'), 'Product: MG Special ×');
  } finally {
    await b.close();
  }
});
