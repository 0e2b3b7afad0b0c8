import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { roundingTolerance } from '../../server/src/core/figures/intervals';
import { judge, type FigureReport } from '../../server/src/core/figures/judge';
import { QuantityIndex } from '../../server/src/core/figures/quantityIndex';

let line = 0;
/** A report; `q` is the qualifier and sets the interval as the claim extractor does. */
function r(uri: string, value: number, q = 'exact', date: string | null = null, quantity = 'killed/police'): FigureReport {
  const low = q === 'less_than' || q === 'up_to' ? null : q === 'about' ? value * 0.9 : q === 'nearly' ? value * 0.9 : value;
  const high = q === 'more_than' || q === 'at_least' ? null : q === 'about' ? value * 1.1 : value;
  const range = { start: { line: line++, character: 0 }, end: { line, character: 0 } };
  return { uri, range, quantity, story: '', key: quantity, qualifier: q, value, low, high, date, source: null, text: `${value}` };
}

const kinds = (reports: FigureReport[], j = judge('q', reports)) => reports.map((x) => j.verdicts.get(x)?.kind ?? 'agree');

describe('figure judgement', () => {
  it('18 police killed in three documents against 7 in one: both sides conflict and link each other', () => {
    const reports = [r('000', 18), r('001', 7), r('002', 18), r('004', 18, 'at_least')];
    const j = judge('killed/police', reports);
    assert.deepEqual(kinds(reports, j), ['conflict', 'conflict', 'conflict', 'conflict']);
    const seven = j.verdicts.get(reports[1])!;
    assert.deepEqual(seven.others.map((o) => o.uri), ['000', '002', '004']);
    assert.equal(seven.total, 3);
    assert.deepEqual(j.verdicts.get(reports[0])!.others.map((o) => o.uri), ['001']);
  });

  it('more than 3000 and about 4000 agree; so do 20,000, "20 thousand" and "nearly 20 thousand"', () => {
    assert.deepEqual(kinds([r('a', 3000, 'more_than'), r('b', 4000, 'about')]), ['agree', 'agree']);
    assert.deepEqual(kinds([r('a', 20000), r('b', 20000), r('c', 20000, 'nearly')]), ['agree', 'agree', 'agree']);
    assert.deepEqual(kinds([r('a', 2500), r('b', 2500, 'about')]), ['agree', 'agree']);
  });

  it('a round headline figure and a precise body figure are rounding, not a conflict', () => {
    assert.deepEqual(kinds([r('a', 100), r('a', 103)]), ['agree', 'agree']);
    assert.deepEqual(kinds([r('a', 100), r('b', 112)]), ['conflict', 'conflict']);
    assert.equal(roundingTolerance(18), 0);
    assert.equal(roundingTolerance(3000), 150);
  });

  it('a later, larger figure for a growing count is evolving, within one document too', () => {
    const reports = [r('004', 2000, 'more_than', '2022-01-06'), r('004', 8000, 'about', '2022-01-09'), r('004', 12000, 'about', '2022-01-15')];
    assert.deepEqual(kinds(reports), ['evolving', 'evolving', 'agree']);
  });

  it('an early "more than 200" is evolving against later counts, not a conflict', () => {
    const reports = [r('003', 200, 'more_than', '2022-01-05'), r('000', 3000, 'more_than', '2022-01-07'), r('002', 3000, 'more_than', '2022-01-07')];
    const j = judge('arrested/people', reports);
    assert.deepEqual(kinds(reports, j), ['evolving', 'agree', 'agree']);
    assert.deepEqual(j.verdicts.get(reports[0])!.others.map((o) => o.uri), ['000', '002']);
  });

  it('a later, smaller figure is a conflict even when dated', () => {
    const reports = [r('a', 18, 'exact', '2022-01-06'), r('b', 18, 'exact', '2022-01-06'), r('c', 7, 'exact', '2022-01-08')];
    assert.deepEqual(kinds(reports), ['conflict', 'conflict', 'conflict']);
  });

  it('undated disagreeing figures conflict; a lone report has no verdict', () => {
    assert.deepEqual(kinds([r('a', 95), r('b', 748)]), ['conflict', 'conflict']);
    assert.deepEqual(kinds([r('a', 95)]), ['agree']);
  });

  it('links at most five reports and says how many there are', () => {
    const reports = [r('out', 7), ...Array.from({ length: 12 }, (_, i) => r(`d${String(i).padStart(2, '0')}`, 18))];
    const v = judge('q', reports).verdicts.get(reports[0])!;
    assert.equal(v.others.length, 5);
    assert.equal(v.total, 12);
  });
});

describe('quantity index', () => {
  it('re-judges only the quantities an edit touches', () => {
    const index = new QuantityIndex();
    index.set('a', [r('a', 18), r('a', 3000, 'more_than', null, 'arrested/people')]);
    index.set('b', [r('b', 7)]);
    const before = index.judgement('arrested/people');
    const touched = index.set('b', [r('b', 18)]);
    assert.deepEqual([...touched], ['killed/police']);
    assert.equal(index.judgement('arrested/people'), before, 'untouched judgement is reused');
    assert.equal(index.judgement('killed/police').verdicts.size, 0);
    assert.deepEqual([...index.documentsWith(['killed/police'])].sort(), ['a', 'b']);
    const arrests = index.judgement('arrested/people');
    // Fresh objects with the same figures at the same places, as a re-analysis of an unchanged line produces.
    const again = index.reportsOf('a').map((x) => ({ ...x, range: structuredClone(x.range) }));
    assert.deepEqual([...index.set('a', again)], [], 'the same figures at the same places touch nothing');
    assert.equal(index.judgement('arrested/people'), arrests, 'and keep their cached judgement');
    assert.deepEqual([...index.remove('a')].sort(), ['arrested/people', 'killed/police']);
    assert.equal(index.reportsFor('arrested/people').length, 0);
  });
});
