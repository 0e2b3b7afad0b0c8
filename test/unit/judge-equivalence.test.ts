import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { judge, type FigureReport, type Judgement } from '../../server/src/core/figures/judge';
import { QuantityIndex } from '../../server/src/core/figures/quantityIndex';
import * as reference from './judge-reference';

/**
 * The lazy judgement (verdicts worked out on demand over incrementally
 * sorted lists) must say exactly what the eager one said: the same verdicts,
 * linking the same reports, iterated in the same order.
 */

const QUALIFIERS = ['exact', 'more_than', 'at_least', 'about', 'nearly', 'less_than', 'up_to'];
const DATES = [null, null, '2022-01-05', '2022-01-06', '2022-01-07', '2022-01-09'];

const reportArb = fc.record({
  doc: fc.integer({ min: 0, max: 5 }),
  line: fc.integer({ min: 0, max: 6 }),
  character: fc.integer({ min: 0, max: 2 }),
  value: fc.oneof(fc.constantFrom(7, 18, 20, 100, 103, 200, 2000, 3000, 4000, 8000, 12000), fc.integer({ min: 1, max: 300 })),
  qualifier: fc.constantFrom(...QUALIFIERS),
  date: fc.constantFrom(...DATES),
  quantity: fc.constantFrom('killed/police', 'arrested/people'),
  change: fc.constantFrom('grows', 'grows', 'varies', 'static'),
  earlier: fc.boolean(),
  weekday: fc.constantFrom(null, null, 0, 3, 5),
  // What coordinated counts add up to: often one of the values drawn above, so the rule that it explains a difference is exercised.
  total: fc.constantFrom(undefined, undefined, undefined, 18, 20, 200, 3000),
});

type Spec = Omit<typeof reportArb extends fc.Arbitrary<infer T> ? T : never, 'quantity'> & { quantity: string };

function toReport(s: Spec): FigureReport {
  const v = s.value;
  const q = s.qualifier;
  const low = q === 'less_than' || q === 'up_to' ? null : q === 'about' || q === 'nearly' ? Math.round(v * 0.9) : v;
  const high = q === 'more_than' || q === 'at_least' ? null : q === 'about' ? Math.round(v * 1.1) : v;
  return {
    uri: `doc-${s.doc}`,
    range: { start: { line: s.line, character: s.character }, end: { line: s.line, character: s.character + 2 } },
    quantity: s.quantity,
    story: '',
    key: s.quantity,
    qualifier: q,
    value: v,
    low,
    high,
    date: s.date,
    // One quantity is one event: its reports share how its counts move.
    change: s.quantity === 'arrested/people' ? 'grows' : s.change,
    earlier: s.earlier,
    weekday: s.weekday,
    ...(s.total !== undefined ? { total: s.total } : {}),
    source: null,
    text: String(v),
  };
}

function describeJudgement(verdicts: Iterable<[FigureReport, reference.Verdict]>, ids: Map<FigureReport, number>): string[] {
  return [...verdicts].map(([r, v]) => `${ids.get(r)}:${v.kind}:${v.total}:[${v.others.map((o) => ids.get(o)).join(',')}]`);
}

function assertSame(lazy: Judgement, eager: reference.Judgement, reports: readonly FigureReport[]): void {
  const ids = new Map(reports.map((r, i) => [r, i]));
  // Per report first (in a shuffled order, so laziness is exercised), then the iteration.
  for (const r of [...reports].reverse()) {
    const a = lazy.verdicts.get(r);
    const b = eager.verdicts.get(r);
    assert.deepEqual(a && describeJudgement([[r, a]], ids), b && describeJudgement([[r, b]], ids));
  }
  assert.deepEqual(describeJudgement(lazy.verdicts, ids), describeJudgement(eager.verdicts, ids));
  assert.equal(lazy.verdicts.size, eager.verdicts.size);
}

describe('lazy judgement equals the eager one', () => {
  it('on random quantities', () => {
    fc.assert(
      fc.property(fc.array(reportArb, { maxLength: 40 }), (specs) => {
        const reports = specs.map((s) => toReport({ ...s, change: specs[0].change, quantity: 'q' }));
        assertSame(judge('q', reports), reference.judge('q', reports), reports);
      }),
      { numRuns: 2000 },
    );
  });

  it('on quantities with more than MAX_EXAMINED members and outliers', () => {
    // Mostly one figure, so the agreeing cluster is large; a few others as outliers.
    // Bounded qualifiers only: one open-ended report would join every cluster into one.
    const big = fc.record({ spec: reportArb, value: fc.constantFrom(18, 18, 18, 18, 20, 7, 200, 3000), qualifier: fc.constantFrom('exact', 'exact', 'about', 'nearly') });
    fc.assert(
      fc.property(fc.array(big, { minLength: 100, maxLength: 300 }), (specs) => {
        const reports = specs.map(({ spec, value, qualifier }, i) => toReport({ ...spec, change: specs[0].spec.change, value, qualifier, doc: i % 40, line: i, quantity: 'q' }));
        assertSame(judge('q', reports), reference.judge('q', reports), reports);
      }),
      { numRuns: 200 },
    );
  });

  it('through a quantity index kept current across edits', () => {
    const op = fc.record({ doc: fc.integer({ min: 0, max: 5 }), reports: fc.option(fc.array(reportArb, { maxLength: 8 }), { nil: undefined }), judge: fc.boolean() });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        const index = new QuantityIndex();
        for (const o of ops) {
          const uri = `doc-${o.doc}`;
          if (o.reports === undefined) index.remove(uri);
          else index.set(uri, o.reports.map((s) => toReport({ ...s, doc: o.doc })));
          if (!o.judge) continue;
          for (const q of ['killed/police', 'arrested/people']) {
            const all = index.reportsFor(q);
            assertSame(index.judgement(q), reference.judge(q, all), all);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
