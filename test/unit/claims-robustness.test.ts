/** Figures and claims on arbitrary text: no throw, ranges inside the text, sane intervals. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { prepareDocument, SeedDocument } from '../../server/src/core';
import { assertNothingLogged, recordingLogger } from './recording-logger';

const PIECES = [
  'قتل', 'مقتل', 'اعتقال', 'أكثر من', 'نحو', 'على الأقل', 'شخصا', 'من', 'الشرطة', 'في صفوفها', 'آخرين', 'بينهم', 'عشرات', 'آلاف',
  'ألف', 'ثلاثة', 'وعشرون', 'مئة', 'شرطيان', 'يوم', 'الجمعة', 'اليوم', 'الخميس', 'يناير', 'كانون', 'الثاني', 'قال', 'وزارة', 'بحسب', 'إن',
  'عام', 'عاما', 'قناة', 'الأخبار', 'killed', 'at least', 'people', 'said', 'two', 'hundred', 'of', 'thousands', '18', '١٨', '3,000', '٢,٠٠٠',
  '20.000', '2022', '6', '%', '٪', '.', '،', ':', ':-', '(', ')', '“', '”', '-', '/', '\n', '\r\n', ' ', ' ', ' ', 'ـ', '\u200f', 'ً',
];

const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((parts) => parts.join(' '));

describe('claims on arbitrary text', () => {
  it('never throws and keeps every range inside its document', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ maxLength: 200 })), (t) => {
        const doc = new SeedDocument('x', t);
        const logger = recordingLogger();
        const { claims, figures } = prepareDocument(doc, undefined, logger);
        // prepareDocument catches a failing extraction and logs it: only the log shows a throw.
        assertNothingLogged(logger, 'claim extraction');
        for (const f of figures) assert.ok(0 <= f.start && f.start < f.end && f.end <= t.length, 'figure inside');
        for (const c of claims) {
          const start = doc.offsetAt(c.range.start);
          const end = doc.offsetAt(c.range.end);
          assert.equal(t.slice(start, end), c.text);
          assert.ok(start <= c.figureStart && c.figureEnd <= end);
          assert.ok(Number.isFinite(c.value));
          if (c.low !== null && c.high !== null) assert.ok(c.low <= c.high, `${c.low} ≤ ${c.high}`);
          assert.ok(c.date === null || /^\d{4}-\d{2}-\d{2}$/.test(c.date));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('stays linear on one endless sentence full of figures', () => {
    const unit = 'قال المتحدث إن 18 شرطيا قتلوا و 20 مصابا بكورونا يوم الجمعة في صفوفها ( 3 ) يوم 6 يناير 2022 ';
    const logger = recordingLogger();
    const time = (n: number) => {
      const doc = new SeedDocument('x', unit.repeat(n));
      const t = performance.now();
      const { claims } = prepareDocument(doc, undefined, logger);
      assertNothingLogged(logger, 'claim extraction');
      return { ms: performance.now() - t, claims: claims.length };
    };
    time(200);
    const small = time(500);
    const large = time(4000);
    assert.equal(large.claims, small.claims * 8);
    // Eight times the text; a quadratic pass would cost 64 times the time.
    assert.ok(large.ms < small.ms * 24 + 100, `${small.ms.toFixed(0)} ms → ${large.ms.toFixed(0)} ms`);
  });

  it('reads the same claims from a document however it is split into lines', () => {
    const line = 'وقالت الوزارة إن 18 شرطيا قتلوا واعتقل أكثر من 3 آلاف شخص.';
    const logger = recordingLogger();
    const lf = prepareDocument(new SeedDocument('a', `${line}\n${line}`), undefined, logger).claims;
    const crlf = prepareDocument(new SeedDocument('b', `${line}\r\n${line}`), undefined, logger).claims;
    assertNothingLogged(logger, 'claim extraction');
    assert.deepEqual(
      lf.map((c) => [c.range.start.line, c.event, c.value]),
      crlf.map((c) => [c.range.start.line, c.event, c.value]),
    );
    assert.equal(lf.length, 4);
  });
});
