import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { roundingTolerance } from '../../server/src/core/figures/intervals';
import { judge, type FigureReport } from '../../server/src/core/figures/judge';
import { QuantityIndex } from '../../server/src/core/figures/quantityIndex';

let line = 0;
/** A report; `q` is the qualifier and sets the interval as the claim extractor does. */
function r(uri: string, value: number, q = 'exact', date: string | null = null, quantity = 'killed/police', more: Partial<FigureReport> = {}): FigureReport {
  const low = q === 'less_than' || q === 'up_to' ? null : q === 'about' ? value * 0.9 : q === 'nearly' ? value * 0.9 : value;
  const high = q === 'more_than' || q === 'at_least' ? null : q === 'about' ? value * 1.1 : value;
  const range = { start: { line: line++, character: 0 }, end: { line, character: 0 } };
  // Tolls grow (lang/ar/claims.json: killed, arrested); tests of static counts say so.
  return { uri, range, quantity, story: '', key: quantity, qualifier: q, value, low, high, date, source: null, text: `${value}`, change: 'grows', ...more };
}
const onBoard = { change: 'static' } as const;

const kinds = (reports: FigureReport[], j = judge('q', reports)) => reports.map((x) => j.verdicts.get(x)?.kind ?? 'agree');

describe('figure judgement', () => {
  it('18 police killed in three documents against 7 in one: both sides conflict and link each other', () => {
    const reports = [r('000', 18, 'exact', '2022-01-06'), r('001', 7, 'exact', '2022-01-07'), r('002', 18, 'exact', '2022-01-06'), r('004', 18, 'at_least', '2022-01-06')];
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
    assert.deepEqual(kinds([r('a', 100, 'exact', null, 'q', onBoard), r('b', 112, 'exact', null, 'q', onBoard)]), ['conflict', 'conflict']);
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

  it('undated tolls that differ may be one count growing: no verdict; a lone report has none either', () => {
    assert.deepEqual(kinds([r('a', 95), r('b', 748)]), ['agree', 'agree']);
    assert.deepEqual(kinds([r('a', 37), r('b', 53, 'at_least'), r('c', 53)]), ['agree', 'agree', 'agree']);
    assert.deepEqual(kinds([r('a', 95)]), ['agree']);
  });

  it('a static count (people on board) conflicts whatever the dates say', () => {
    assert.deepEqual(kinds([r('a', 104, 'exact', null, 'on_board/people', onBoard), r('b', 113, 'exact', null, 'on_board/people', onBoard)]), ['conflict', 'conflict']);
    const dated = [r('a', 104, 'exact', '2018-05-18', 'q', onBoard), r('b', 113, 'exact', '2018-05-19', 'q', onBoard)];
    assert.deepEqual(kinds(dated), ['conflict', 'conflict']);
    // Cuba: "سحب ثلاثة ركاب" (three pulled out alive) is a part of those on board, not another count of them.
    const cuba = [r('a', 104, 'exact', null, 'q', onBoard), r('d', 104, 'exact', null, 'q', onBoard), r('b', 113, 'exact', null, 'q', onBoard), r('c', 3, 'exact', null, 'q', onBoard)];
    assert.deepEqual(kinds(cuba), ['conflict', 'conflict', 'conflict', 'agree']);
  });

  it('two documents of one day may be hours apart: their tolls are not ordered', () => {
    assert.deepEqual(kinds([r('a', 40, 'at_least', '2018-03-12'), r('b', 50, 'at_least', '2018-03-12')]), ['agree', 'agree']);
    assert.deepEqual(kinds([r('a', 50, 'at_least', '2018-03-12'), r('b', 40, 'exact', '2018-03-12')]), ['agree', 'agree']);
  });

  it('in one document, a recalled earlier toll precedes the current one: smaller is evolving, larger a conflict', () => {
    // Kemerovo: "وكانت حصيلة سابقة أشارت إلى مقتل 37" under a headline of 53.
    const grew = [r('k', 53), r('k', 53, 'at_least'), r('k', 37, 'exact', null, 'killed/police', { earlier: true })];
    // Both sides of an evolving pair say so, as with dated reports.
    assert.deepEqual(kinds(grew), ['evolving', 'evolving', 'evolving']);
    // Genoa: "وكان 30 شخصا على الأقل قد لقوا مصرعهم" before an official toll of 25.
    const fell = [r('g', 30, 'at_least', null, 'killed/police', { earlier: true }), r('g', 25), r('h', 35)];
    const j = judge('q', fell);
    assert.deepEqual(kinds(fell, j), ['conflict', 'conflict', 'conflict']);
    assert.deepEqual(j.verdicts.get(fell[1])!.others.map((o) => o.uri), ['g', 'h'], 'the 25 contradicts the figure the earlier 30 agrees with');
  });

  it('inside the agreeing cluster, a document\'s current toll below the count it recalls as earlier is a conflict', () => {
    // Genoa 05: an official 25 after a recalled "at least 30", chained into one cluster by "about 30".
    const reports = [r('g', 30, 'at_least', null, 'q', { earlier: true }), r('g', 30, 'about', null, 'q', { low: 25, high: 35 }), r('g', 25), r('h', 35)];
    const j = judge('killed/people', reports);
    assert.deepEqual(kinds(reports, j), ['conflict', 'agree', 'conflict', 'agree']);
    assert.deepEqual(j.verdicts.get(reports[2])!.others, [reports[0]]);
    assert.match(j.verdicts.get(reports[2])!.why!, /later report gives fewer \(the same report recalls the larger one as earlier\)/);
  });

  it('two current tolls of one document may be a part and the whole: not ordered, no verdict', () => {
    // Genoa 06: "انتشال ثلاث جثث" beside a toll of 43.
    assert.deepEqual(kinds([r('a', 3), r('a', 43)]), ['agree', 'agree']);
    assert.deepEqual(kinds([r('a', 12, 'exact', null, 'q', { earlier: true }), r('a', 17, 'exact', null, 'q', { earlier: true })]), ['agree', 'agree']);
  });

  it('a later figure far below an earlier toll is rather a part of it than a revision: no verdict', () => {
    // Genoa 05: "شخصان" after the recalled "at least 30"; a revision (30 then 25) stays a conflict.
    const part = [r('g', 30, 'at_least', null, 'q', { earlier: true }), r('g', 2)];
    assert.deepEqual(kinds(part), ['agree', 'agree']);
    assert.deepEqual(kinds([r('a', 18, 'exact', '2022-01-06'), r('b', 7, 'exact', '2022-01-07')]), ['conflict', 'conflict']);
  });

  it('a count that varies (missing) is revised either way over time', () => {
    const varies = { change: 'varies' } as const;
    assert.deepEqual(kinds([r('a', 70, 'exact', '2018-03-25', 'q', varies), r('b', 16, 'exact', '2018-03-26', 'q', varies)]), ['evolving', 'evolving']);
    assert.deepEqual(kinds([r('a', 70, 'exact', null, 'q', varies), r('b', 16, 'exact', null, 'q', varies)]), ['agree', 'agree']);
  });

  it('a weekday-only report is dated against the quantity\'s dated reports (seeds 000-004)', () => {
    // 003: 95 injured police on Wednesday 5 January; 000 and 002, "اليوم الجمعة": 748.
    const injured = [r('003', 95, 'exact', '2022-01-05'), r('000', 748, 'exact', null, 'q', { weekday: 5 }), r('002', 748, 'exact', null, 'q', { weekday: 5 })];
    const j = judge('injured/police', injured);
    assert.deepEqual(kinds(injured, j), ['evolving', 'evolving', 'evolving']);
    assert.equal(j.dayOf(injured[1]), '2022-01-07');
    // 001's 7 on Friday against the 18 of Thursday (004): later and smaller, linked to every 18.
    const killed = [r('000', 18, 'exact', null, 'q', { weekday: 5 }), r('001', 7, 'exact', null, 'q', { weekday: 5 }), r('002', 18), r('004', 18, 'at_least', '2022-01-06')];
    const k = judge('killed/police', killed);
    assert.deepEqual(kinds(killed, k), ['conflict', 'conflict', 'conflict', 'conflict']);
    assert.deepEqual(k.verdicts.get(killed[1])!.others.map((o) => o.uri), ['000', '002', '004']);
    // Dated reports over more than a week leave the weekday undated: which Friday is unknown.
    const wide = [r('a', 18, 'exact', '2022-01-06'), r('b', 18, 'exact', '2022-01-20'), r('c', 7, 'exact', null, 'q', { weekday: 5 })];
    assert.deepEqual(kinds(wide), ['agree', 'agree', 'agree']);
  });

  it('links at most five reports and says how many there are', () => {
    const reports = [r('out', 7, 'exact', null, 'q', onBoard), ...Array.from({ length: 12 }, (_, i) => r(`d${String(i).padStart(2, '0')}`, 18, 'exact', null, 'q', onBoard))];
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
