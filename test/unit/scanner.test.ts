import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderNumber, scanNumbers } from '../../server/src/core/numbers/scanner';

/** phrase → [token text, value (NaN for codes), western rendering, eastern rendering] for each number in it. */
const TABLE: [string, [string, number, string, string][]][] = [
  ['قائلاً إن “20.000 من اللصوص', [['20.000', 20000, '20,000', '٢٠٬٠٠٠']]],
  ['بلغت ٨٥.٧ مليون دولار', [['٨٥.٧', 85.7, '85.7', '٨٥٫٧']]],
  ['وقدرت بنحو 1.500 مليون دولار', [['1.500', 1.5, '1.500', '١٫٥٠٠']]],
  ['He said 20.000 people', [['20.000', 20, '20.000', '٢٠٫٠٠٠']]],
  ['وكان العدد 1.000.000 شخص', [['1.000.000', 1000000, '1,000,000', '١٬٠٠٠٬٠٠٠']]],
  ['أكثر من ٢,٠٠٠ شخص', [['٢,٠٠٠', 2000, '2,000', '٢٬٠٠٠']]],
  ['١٢٬٥٠٠٫٥', [['١٢٬٥٠٠٫٥', 12500.5, '12,500.5', '١٢٬٥٠٠٫٥']]],
  ['1,234.56', [['1,234.56', 1234.56, '1,234.56', '١٬٢٣٤٫٥٦']]],
  ['بنسبة ١٫٥٠٠ نقطة', [['١٫٥٠٠', 1.5, '1٫500', '١٫٥٠٠']]],
  ['في 05.01.2022 صدر 1.2.3', [['05.01.2022', NaN, '05.01.2022', '٠٥.٠١.٢٠٢٢'], ['1.2.3', NaN, '1.2.3', '١.٢.٣']]],
  ['النسبة 95% أو ٪٩٥', [['95%', 95, '95%', '٩٥٪'], ['٪٩٥', 95, '%95', '٪٩٥']]],
  ['بين 3,5 و 4', [['3', 3, '3', '٣'], ['5', 5, '5', '٥'], ['4', 4, '4', '٤']]],
  ['عام 2٠22', [['2٠22', 2022, '2022', '٢٠٢٢']]],
  ['و۴۵ إصابة', [['۴۵', 45, '45', '٤٥']]],
  ['الـ66 و لـ13 و عددهم14 و ال90عام', [['66', 66, '66', '٦٦'], ['13', 13, '13', '١٣'], ['14', 14, '14', '١٤'], ['90', 90, '90', '٩٠']]],
  ['عام 2022.', [['2022', 2022, '2022', '٢٠٢٢']]],
  ['1,5000 و 12345,678', [['1', 1, '1', '١'], ['5000', 5000, '5000', '٥٠٠٠'], ['12345', 12345, '12345', '١٢٣٤٥'], ['678', 678, '678', '٦٧٨']]],
  ['بلغ سعر الصرف 0.305 دينار', [['0.305', 0.305, '0.305', '٠٫٣٠٥']]],
  ['no numbers here، ولا هنا', []],
];

describe('number scanner', () => {
  for (const [phrase, expected] of TABLE) {
    it(phrase, () => {
      const tokens = scanNumbers(phrase);
      const got = tokens.map((t) => [t.text, t.value, renderNumber(t, 'western'), renderNumber(t, 'eastern')]);
      assert.deepEqual(got, expected);
      for (const t of tokens) assert.equal(phrase.slice(t.start, t.end), t.text, 'offsets cover the token text');
    });
  }

  it('scans a long text in one pass without losing positions', () => {
    const line = 'قتل ١٨ شخصا واعتقل 3,000 آخرون. ';
    const text = line.repeat(5000);
    const tokens = scanNumbers(text);
    assert.equal(tokens.length, 10000);
    assert.equal(tokens[9999].start, line.length * 4999 + line.indexOf('3,000'));
  });
});
