// Every language has every text: the dictionaries share their keys, and the placeholders
// of each text are the same in every language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import en from '../../www/messages/en.js';
import zh from '../../www/messages/zh.js';
import fa from '../../www/messages/fa.js';
import { csvCell, toCsv } from '../../www/export.js';

const holes = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');

test('zh and fa have exactly the keys and placeholders of en', () => {
  for (const [name, dict] of [['zh', zh], ['fa', fa]]) {
    assert.deepEqual(Object.keys(dict).sort(), Object.keys(en).sort(), name);
    for (const [k, v] of Object.entries(en)) assert.equal(holes(dict[k]), holes(v), `${name} ${k}`);
  }
});

test('CSV cells that a spreadsheet would run are escaped', () => {
  assert.equal(csvCell('=HYPERLINK("http://x","y")'), `"'=HYPERLINK(""http://x"",""y"")"`);
  assert.equal(csvCell('+1+1'), "'+1+1");
  assert.equal(csvCell('-2+3'), "'-2+3");
  assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvCell('\tx'), "'\tx");
  assert.equal(csvCell('\rx'), `"'\rx"`);
  // plain numbers stay numbers
  assert.equal(csvCell('-1200.50'), '-1200.50');
  assert.equal(csvCell(-3), '-3');
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(toCsv([{ key: 'a', label: 'A' }], [{ a: '=1' }]), "\ufeffA\r\n'=1\r\n");
});
