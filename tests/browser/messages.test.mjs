// Every language has every text: the dictionaries share their keys, and the placeholders
// of each text are the same in every language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import en from '../../www/messages/en.js';
import zh from '../../www/messages/zh.js';
import fa from '../../www/messages/fa.js';
import { csvCell, toCsv } from '../../www/export.js';
import { presetRange } from '../../www/periods.js';

const holes = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');

// `key.one` (a count of one, where a language words it apart) is optional in each language
const countOne = (k, dict) => k.endsWith('.one') && k.slice(0, -4) in dict;

test('zh and fa have exactly the keys and placeholders of en', () => {
  for (const [name, dict] of [['zh', zh], ['fa', fa]]) {
    const keys = (d) => Object.keys(d).filter((k) => !countOne(k, d)).sort();
    assert.deepEqual(keys(dict), keys(en), name);
    for (const [k, v] of Object.entries(en)) if (k in dict) assert.equal(holes(dict[k]), holes(v), `${name} ${k}`);
  }
  for (const k of Object.keys(en).filter((k) => countOne(k, en))) assert.equal(holes(en[k]), holes(en[k.slice(0, -4)]), k);
});

test('a count of one is worded apart where the language does', async () => {
  const { translator } = await import('../../www/i18n.js');
  const t = translator('en');
  assert.equal(t('card.sales_per_rep.sub', { n: '1' }), '1 rep with deals in period');
  assert.equal(t('card.sales_per_rep.sub', { n: '2' }), '2 reps with deals in period');
  assert.equal(t('table.rest', { n: '1' }), '1 more row');
});

test('CSV numbers: rates to six decimals, counts and money as they are', () => {
  assert.equal(csvCell(0.5733333333333334), '0.573333');
  assert.equal(csvCell(2 / 3), '0.666667');
  assert.equal(csvCell(42), '42');
  assert.equal(csvCell('1234.50'), '1234.50');
});

test('CSV cells that a spreadsheet would run are escaped', () => {
  assert.equal(csvCell('=HYPERLINK("http://x","y")'), `"'=HYPERLINK(""http://x"",""y"")"`);
  assert.equal(csvCell('+1+1'), "'+1+1");
  assert.equal(csvCell('-2+3'), "'-2+3");
  assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
  // a formula after a delimiter another locale splits on: the cell is quoted whole
  assert.equal(csvCell('Bob;=cmd|\' /C calc\'!A0'), `"Bob;=cmd|' /C calc'!A0"`);
  assert.equal(csvCell('Ann\t=1+1'), '"Ann\t=1+1"');
  // full-width formula starts (typed in Chinese and Japanese input modes)
  assert.equal(csvCell('＝1+1'), "'＝1+1");
  assert.equal(csvCell('＠SUM(A1)'), "'＠SUM(A1)");
  assert.equal(csvCell('\tx'), `"'\tx"`);
  assert.equal(csvCell('\rx'), `"'\rx"`);
  // plain numbers stay numbers
  assert.equal(csvCell('-1200.50'), '-1200.50');
  assert.equal(csvCell(-3), '-3');
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(toCsv([{ key: 'a', label: 'A' }], [{ a: '=1' }]), "\ufeffA\r\n'=1\r\n");
});

test('period presets, [from, to) around a day in the middle of a quarter', () => {
  const day = new Date(2026, 10, 23); // 23 November 2026
  assert.deepEqual(presetRange('this_month', day), ['2026-11-01', '2026-12-01']);
  assert.deepEqual(presetRange('last_month', day), ['2026-10-01', '2026-11-01']);
  assert.deepEqual(presetRange('this_quarter', day), ['2026-10-01', '2027-01-01']);
  assert.deepEqual(presetRange('last_quarter', day), ['2026-07-01', '2026-10-01']);
  assert.deepEqual(presetRange('year_to_date', day), ['2026-01-01', '2026-11-24']);
  assert.deepEqual(presetRange('last_year', day), ['2025-01-01', '2026-01-01']);
  assert.deepEqual(presetRange('all', day), ['', '']);
  // January: last month and last quarter fall in the year before
  const jan = new Date(2026, 0, 5);
  assert.deepEqual(presetRange('last_month', jan), ['2025-12-01', '2026-01-01']);
  assert.deepEqual(presetRange('last_quarter', jan), ['2025-10-01', '2026-01-01']);
});

test('the engine\'s codes are worded with their values in every language', async () => {
  // each code has a message in en, zh and fa: the engine's tests check it (src/reason.rs,
  // src/problems.rs, src/ingest/notes.rs); here, that the values land in the words
  const { translator, loadLocale } = await import('../../www/i18n.js');
  await loadLocale('zh');
  await loadLocale('fa');
  const { whyText, fileErrorText, noteText, ruleText } = await import('../../www/words.js');
  // reasons of figures come as codes (src/reason.rs; its test checks every code has a
  // message in each language): worded with their values
  const t = translator('zh');
  const why = (reason_code, tr = t) => whyText({ reason_code }, tr);
  assert.equal(why({ code: 'division_by', params: { why: { code: 'no_visitors' } } }), '本期没有访客');
  assert.equal(why({ code: 'short_history.weeks', params: { need: 3, has: 2 } }), '至少需要 3 个完整周的收入历史，现有 2 个');
  assert.equal(whyText({ reason: 'an old report' }, t), 'an old report');
  // cards say what is missing and how to add it, not the formula's jargon
  const en = translator('en');
  assert.equal(why({ code: 'needs_columns', params: { columns: ['type'] } }, en), 'add a type column to a file to see this (or pick one among the file’s columns)');
  // field names in the page's language, with the name the mapping picks them by
  assert.equal(why({ code: 'needs_columns', params: { columns: ['created_date', 'closed_date'] } }),
    '要显示此项，请在文件中加入 创建日期 (created_date)、关闭日期 (closed_date) 列（或在文件的列设置中选定）');
  assert.match(why({ code: 'needs_columns', params: { columns: ['lost_reason'] } }, translator('fa')), /دلیل باخت \(lost_reason\)/);
  assert.equal(why({ code: 'division_by', params: { why: { code: 'no_won' } } }, en), 'no deals won in period');
  assert.equal(why({ code: 'needs_file', params: { file: 'leads', fields: 'lead_id, created_date' } }, en), en('reason.needs_file', { file: en('file.leads') }));
  // what is wrong with a value comes as a code too (src/problems.rs)
  const { problemText } = await import('../../www/words.js');
  const problem = (code, params = {}, tr = t) => problemText({ reason: 'English', reason_code: { code, params } }, tr);
  assert.equal(problem('fields', { n: '6', header: '7' }, en), en('problem.fields', { n: '6', header: '7' }));
  assert.match(problem('closed_before', { date: '2024-01-02' }), /2024-01-02/);
  assert.ok(!/[a-z]{4,}/.test(problem('not_number', {}, translator('fa'))));
  // a file's error and notes, and the stalled rule
  const columns = { code: 'columns', params: { found: 'name, email', needs: 'deal_id, owner', missing: 'owner' } };
  assert.match(fileErrorText({ message: 'English', reason_code: columns }, t), /负责人 \(owner\)/);
  assert.match(noteText({ code: 'nul', params: { n: '2', row: '5' } }, translator('fa'), { days1: (x) => `#${x}` }), /#2.*#5/);
  assert.equal(ruleText({ rule: 'English', rule_code: { code: 'fixed', params: { days: 30 } } }, en), en('stalled.rule.fixed', { days: 30 }));
  for (const tr of [translator('zh'), translator('fa')]) {
    for (const code of [{ code: 'mixed_currencies', params: { what: 'deal amounts', codes: ['EUR', 'USD'] } }, { code: 'too_many_buckets' },
      { code: 'open_without_amounts', params: { n: 4 } }]) {
      const text = why(code, tr);
      assert.ok(!/[a-z]{4,}/.test(text.replace(/EUR|USD/g, '')) && !text.includes('{'), `${tr.locale}: ${text}`);
    }
  }
});

test('a preset with a bad option is refused on import, with its reason', async () => {
  const { presetProblem } = await import('../../www/presets.js');
  const preset = (options) => ({ name: 'Odd CRM', header: 'rep␟phase', options });
  assert.equal(presetProblem(preset({ delimiter: 'ab' })), 'delimiter "ab"');
  assert.equal(presetProblem(preset({ dateOrder: 'sideways' })), 'date order "sideways"');
  assert.equal(presetProblem(preset({ columns: { Rep: 3 } })), 'columns');
  assert.equal(presetProblem({ name: 'x' }), 'not a preset (name, header and options)');
  assert.equal(presetProblem(preset({ kind: 'deals', delimiter: ';', decimalSeparator: ',', columns: { Rep: 'owner' } })), null);
  assert.equal(presetProblem(preset({ delimiter: '\t' })), null);
});
