/** The figure reader: phrases → figures (text as written, kind, value, interval, how written). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lexiconFor, type Figure } from '../../server/src/core';
import { readFigures } from '../../server/src/core/numbers/words';

type Row = [text: string, kind: Figure['kind'], value: number, extra?: { low?: number; high?: number; written?: Figure['written']; date?: string; unit?: string }];

const duals = { duals: lexiconFor().duals };

/** phrase → every figure in it, in order. */
const TABLE: [string, Row[]][] = [
  // Words, multipliers, composition.
  ['اعتقلت الشرطة نحو ثمانية آلاف شخص', [['ثمانية آلاف', 'count', 8000, { written: 'words' }]]],
  ['إقامة سبعين نقطة تفتيش', [['سبعين', 'count', 70]]],
  ['قتل مئة وعشرة أشخاص', [['مئة وعشرة', 'count', 110]]],
  ['أكثر من ألف جريح', [['ألف', 'count', 1000]]],
  ['قتل خمسة وعشرون شخصا', [['خمسة وعشرون', 'count', 25]]],
  ['أصيب أحد عشر جنديا', [['أحد عشر', 'count', 11]]],
  ['بلغ العدد ثلاثة آلاف وخمسمئة', [['ثلاثة آلاف وخمسمئة', 'count', 3500]]],
  ['نحو ثلاث مئة شخص', [['ثلاث مئة', 'count', 300]]],
  ['خمسة وعشرون ألفا', [['خمسة وعشرون ألفا', 'count', 25000]]],
  ['نصف مليون لاجئ', [['نصف مليون', 'count', 500000]]],
  ['مليون ونصف مليون', [['مليون ونصف', 'count', 1500000], ['مليون', 'count', 1000000]]],
  ['وعشرين شخصا', [['عشرين', 'count', 20]]],
  // Duals.
  ['أصيب شرطيان في الهجوم', [['شرطيان', 'count', 2, { written: 'words' }]]],
  ['مقتل ضابطي أمن', [['ضابطي', 'count', 2]]],
  ['وصول ألفين من الجنود', [['ألفين', 'count', 2000]]],
  ['أسقطت طائرتين', [['طائرتين', 'count', 2]]],
  // Digits with words.
  ['اعتقال نحو 4 آلاف شخص', [['4 آلاف', 'count', 4000, { written: 'digits+word' }]]],
  ['اعتقل أكثر من 3 آلاف', [['3 آلاف', 'count', 3000]]],
  ['قرابة 20 ألفا من قطاع الطرق', [['20 ألفا', 'count', 20000]]],
  ['نزوح 3 ملايين شخص', [['3 ملايين', 'count', 3000000]]],
  ['بلغت ٨٥.٧ مليون طن', [['٨٥.٧ مليون', 'count', 85700000, { unit: 't' }]]],
  ['3 ملايين و500 ألف', [['3 ملايين و500 ألف', 'count', 3500000]]],
  // Vague quantities: intervals.
  ['قتل عشرات المحتجين', [['عشرات', 'count', 20, { low: 20, high: 99 }]]],
  ['وتظاهر الآلاف', [['الآلاف', 'count', 2000, { low: 2000, high: 9999 }]]],
  ['مئات المدنيين', [['مئات', 'count', 200, { low: 200, high: 999 }]]],
  ['عشرات الآلاف من المحتجين', [['عشرات الآلاف', 'count', 20000, { low: 20000, high: 99999 }]]],
  ['على بعد بضع مئات الأمتار', [['بضع مئات', 'count', 300, { low: 300, high: 900 }]]],
  ['قتلت العشرات من مثيري الشغب', [['العشرات', 'count', 20, { low: 20, high: 99 }]]],
  // Fractions and percentages.
  ['نصف السكان', [['نصف', 'fraction', 0.5]]],
  ['ثلث الأراضي', [['ثلث', 'fraction', 1 / 3]]],
  ['قفز سعره بنسبة ٨ ٪ بعد', [['٨ ٪', 'percent', 8]]],
  ['بأكثر من ١٠٪ يوم', [['١٠٪', 'percent', 10]]],
  ['ارتفع 20 بالمئة', [['20 بالمئة', 'percent', 20]]],
  ['ارتفع 5 في المئة', [['5 في المئة', 'percent', 5]]],
  // Digits glued to letters.
  ['الـ66 و لـ13 و عددهم14 و ال90عام', [['66', 'count', 66], ['13', 'count', 13], ['14', 'count', 14], ['90', 'duration', 90]]],
  // Not counts: names.
  ['لقناة الأخبار 24 الرسمية', [['24', 'name', 24]]],
  ['وقالت خبر 24 لمشاهديها', [['24', 'name', 24]]],
  ['وباء COVID-19 وكوفيد-19', [['19', 'name', 19], ['19', 'name', 19]]],
  ['الرحلة EP3704 أقلعت', [['3704', 'name', 3704]]],
  ['طائرات F-16 وإف 35', [['16', 'name', 16], ['35', 'name', 35]]],
  ['قناة فرانس 24', [['24', 'name', 24]]],
  // Years, dates, times, ages, durations.
  ['منذ استقلالها في عام 1991 حتى عام 2019.', [['1991', 'year', 1991], ['2019', 'year', 2019]]],
  ['في عام ٢٠٢١، ويرتفع إلى ٣.٧ ٪ ٢٠٢٢،', [['٢٠٢١', 'year', 2021], ['٣.٧ ٪', 'percent', 3.7], ['٢٠٢٢', 'year', 2022]]],
  ['قرار اتخذ يوم 6 يناير 2022', [['6 يناير 2022', 'date', 2022, { date: '2022-01-06' }]]],
  ['حتى 19 كانون الثاني/يناير.', [['19 كانون الثاني/يناير', 'date', NaN, { date: '--01-19' }]]],
  ['يوم الأحد ٩ كانون الثاني / يناير ٢٠٢٢', [['٩ كانون الثاني / يناير ٢٠٢٢', 'date', 2022, { date: '2022-01-09' }]]],
  ['يوم الأربعاء (الخامس من يناير/ كانون الثاني 2022)', [['الخامس من يناير/ كانون الثاني 2022', 'date', 2022, { date: '2022-01-05' }]]],
  ['في 05.01.2022 صدر', [['05.01.2022', 'date', 2022, { date: '2022-01-05' }]]],
  ['On January 7, 2022 police', [['January 7, 2022', 'date', 2022, { date: '2022-01-07' }]]],
  ['الساعة ( ٧ صباحاً – بتوقيت غرينتش )', [['٧', 'time', 7]]],
  ['في تمام 10:30 مساء', [['10:30', 'time', 10, { date: '10:30' }]]],
  ['نزارباييف ( ٨١ عاما)', [['٨١', 'age', 81]]],
  ['الدبلوماسي توكاييف، ٦٨ عامًا، رئيسًا', [['٦٨', 'age', 68]]],
  ['البالغ من العمر ٨١ عامًا', [['٨١', 'age', 81]]],
  ['على مدى ٣٠ عامًا من إستقلالها', [['٣٠', 'duration', 30]]],
  ['خلال الـ ٢٤ ساعة الماضية', [['٢٤', 'duration', 24]]],
  ['قبل ثماني سنوات', [['ثماني', 'duration', 8]]],
  ['لمدة ١٨٠ يومًا', [['١٨٠', 'duration', 180]]],
  // Counts that look like years.
  ['أكثر من 2000 شخص', [['2000', 'count', 2000]]],
  ['اعتقال 2000 متظاهر', [['2000', 'count', 2000]]],
  ['أكثر من ٢,٠٠٠ شخص', [['٢,٠٠٠', 'count', 2000]]],
  ['قائلاً إن “20.000 من اللصوص', [['20.000', 'count', 20000]]],
  // Money and measures keep their unit.
  ['بلغ ( ٩,١٢٢ دولارًا )', [['٩,١٢٢', 'count', 9122, { unit: 'USD' }]]],
  ['على بعد 15 ميلا', [['15', 'count', 15, { unit: 'mi' }]]],
  // Words that are not numbers.
  ['يوم الأحد', []],
  ['لا يسمح لأحد بالدخول', []],
  ['اليوم الإثنين', []],
  ['لست أدري', []],
  // English on English lines only.
  ['Two police officers and twenty-five protesters were killed', [['Two', 'count', 2], ['twenty-five', 'count', 25]]],
  ['About three hundred people, dozens of them injured', [['three hundred', 'count', 300], ['dozens', 'count', 24, { low: 24, high: 119 }]]],
  ['tens of thousands of people marched', [['tens of thousands', 'count', 20000, { low: 20000, high: 99999 }]]],
  ['More than 3,000 people and 1.5 million dollars', [['3,000', 'count', 3000], ['1.5 million', 'count', 1500000, { unit: 'USD' }]]],
  ['قال one في مقابلة طويلة مع الصحفيين', []],
];

describe('figure reader', () => {
  for (const [phrase, expected] of TABLE) {
    it(phrase, () => {
      const figures = readFigures(phrase, undefined, duals);
      const got = figures.map((f) => {
        const row: Row = [phrase.slice(f.start, f.end), f.kind, f.value];
        return row;
      });
      assert.deepEqual(
        got,
        expected.map(([t, k, v]) => [t, k, v]),
      );
      expected.forEach(([, , , extra], i) => {
        if (!extra) return;
        const f = figures[i];
        if (extra.low !== undefined) assert.equal(f.low, extra.low, 'low');
        if (extra.high !== undefined) assert.equal(f.high, extra.high, 'high');
        if (extra.written) assert.equal(f.written, extra.written, 'written');
        if (extra.date) assert.equal(f.date, extra.date, 'date');
        if (extra.unit) assert.equal(f.unit, extra.unit, 'unit');
      });
    });
  }

  it('marks Eastern digits and vague figures', () => {
    const [eastern, western] = readFigures('١٨ و18');
    assert.equal(eastern.easternDigits, true);
    assert.equal(western.easternDigits, false);
    assert.equal(readFigures('عشرات')[0].vague, true);
  });

  it('reads a long text in linear time', () => {
    const line = 'قتل ١٨ شخصا واعتقل ثلاثة آلاف آخرون يوم 6 يناير 2022. ';
    const small = line.repeat(2000);
    const large = line.repeat(20000);
    readFigures(small);
    let t = performance.now();
    const a = readFigures(small).length;
    const smallTime = performance.now() - t;
    t = performance.now();
    const b = readFigures(large).length;
    const largeTime = performance.now() - t;
    assert.equal(b, a * 10);
    // Ten times the text may not cost a hundred times the time (a generous bound against quadratic work).
    assert.ok(largeTime < smallTime * 40 + 50, `${smallTime.toFixed(1)} ms → ${largeTime.toFixed(1)} ms`);
  });
});

describe('ranges', () => {
  const ranges = (text: string) => readFigures(text).map((f) => `${f.value}${f.range ? `-${f.high}` : ''}`);
  it('reads two figures after "between" as one range', () => {
    assert.deepEqual(ranges('ما بين 1500 و2000 مسلح'), ['1500-2000']);
    assert.deepEqual(ranges('بين 100 إلى 120 شخصا'), ['100-120']);
    assert.deepEqual(ranges('وبين 3 و4 آلاف شخص'), ['3000-4000']);
    assert.deepEqual(ranges('between 12 and 15 people'), ['12-15']);
  });
  it('keeps figures that make no range apart', () => {
    // A change, an upper bound below the lower one, bounds too far apart, years, vague figures.
    assert.deepEqual(ranges('من 40 إلى 50 شخصا'), ['40', '50']);
    assert.deepEqual(ranges('بين 50 إلى 5 أشخاص'), ['50', '5']);
    assert.deepEqual(ranges('بين 5 و500 شخص'), ['5', '500']);
    assert.deepEqual(ranges('بين عامي 2010 و2015'), ['2010', '2015']);
    assert.deepEqual(ranges('بين عشرات ومئات الأشخاص'), ['20', '200']);
  });
});

describe('decimals with a scale', () => {
  it('reads them without floating-point noise', () => {
    assert.deepEqual(readFigures('32.8 مليون نسمة').map((f) => f.value), [32_800_000]);
    assert.deepEqual(readFigures('1.2 مليار دولار').map((f) => f.value), [1_200_000_000]);
  });
});
