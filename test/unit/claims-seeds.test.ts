/** The bundled seeds produce the claims issue 4 names (and no claim from a channel's name). */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { prepareDocument, quantityKey, SeedDocument, type Claim, type Figure } from '../../server/src/core';

const dir = join(__dirname, '..', '..', 'seeds');
const seeds = new Map<string, { doc: SeedDocument; claims: readonly Claim[]; figures: readonly Figure[] }>();
for (const name of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
  const doc = new SeedDocument(name, readFileSync(join(dir, name), 'utf8'));
  const { claims, figures } = prepareDocument(doc);
  seeds.set(name.slice(0, 3), { doc, claims, figures });
}

function find(seed: string, event: string, subject: string, qualifier: string, value: number): Claim {
  const s = seeds.get(seed);
  assert.ok(s, `seed ${seed}`);
  const claim = s.claims.find((c) => c.event === event && c.subject === subject && c.qualifier === qualifier && c.value === value);
  assert.ok(
    claim,
    `${seed}: no ${event}/${subject} ${qualifier} ${value} among\n${s.claims.map((c) => `  ${c.range.start.line + 1} ${quantityKey(c)} ${c.qualifier} ${c.value} «${c.text}»`).join('\n')}`,
  );
  return claim;
}

describe('claims on the bundled seeds', () => {
  it('arrests', () => {
    assert.equal(find('000', 'arrested', 'people', 'more_than', 3000).high, null);
    const about4000 = find('001', 'arrested', 'people', 'about', 4000);
    assert.ok(about4000.low! < 4000 && about4000.high! > 4000);
    assert.match(find('002', 'arrested', 'people', 'more_than', 3000).text, /3 آلاف/);
    find('003', 'arrested', 'people', 'more_than', 200);
    assert.match(find('004', 'arrested', 'people', 'more_than', 2000).text, /٢,٠٠٠/);
    const words = find('004', 'arrested', 'people', 'about', 8000);
    assert.match(words.text, /ثمانية آلاف/);
    const figure = seeds.get('004')!.figures.find((f) => f.start === words.figureStart);
    assert.equal(figure?.written, 'words');
    find('004', 'arrested', 'people', 'about', 12000);
  });

  it('police killed: 18 in 000, 002 and 004, 7 in 001', () => {
    find('000', 'killed', 'police', 'exact', 18);
    find('002', 'killed', 'police', 'exact', 18);
    find('004', 'killed', 'police', 'exact', 18);
    find('001', 'killed', 'police', 'exact', 7);
  });

  it('injured: 748 in 000 and 002, 95 in 003', () => {
    find('000', 'injured', 'police', 'exact', 748);
    find('002', 'injured', 'police', 'exact', 748);
    find('003', 'injured', 'police', 'exact', 95);
  });

  it('militants killed: 26 in 002 and 004; 164 killed in 004', () => {
    find('002', 'killed', 'militants', 'exact', 26);
    find('004', 'killed', 'militants', 'exact', 26);
    find('004', 'killed', 'people', 'exact', 164);
  });

  it('sources and dates where the text gives them', () => {
    assert.equal(find('000', 'arrested', 'people', 'more_than', 3000).source, 'وزارة الداخلية الكازاخية');
    assert.equal(find('001', 'killed', 'police', 'exact', 7).source, 'وزارة الداخلية');
    assert.equal(find('003', 'arrested', 'people', 'more_than', 200).date, '2022-01-05');
    assert.equal(find('004', 'arrested', 'people', 'about', 8000).date, '2022-01-10');
    // Seeds without an explicit date leave weekdays unresolved.
    assert.equal(find('000', 'arrested', 'people', 'more_than', 3000).date, null);
  });

  it('"قناة الأخبار 24" and "خبر 24" are names, not claims', () => {
    const s = seeds.get('000')!;
    for (const line of [15, 28]) {
      const text = s.doc.lineText(line);
      const at = s.doc.lineStarts[line] + text.indexOf('24');
      assert.ok(text.includes('24'));
      assert.equal(s.figures.find((f) => f.start === at)?.kind, 'name');
      assert.deepEqual(
        s.claims.filter((c) => c.figureStart === at),
        [],
      );
    }
  });

  it('years, ages and percentages of 004 are not counts, and its percentages are never compared', () => {
    const s = seeds.get('004')!;
    for (const c of s.claims) {
      const figure = s.figures.find((f) => f.start === c.figureStart);
      if (c.kind === 'percent') assert.equal(c.comparable, false, `${c.text} is compared`);
      else assert.equal(figure?.kind, 'count', `${c.text} is a count`);
    }
    assert.ok(s.figures.some((f) => f.kind === 'year' && f.value === 1991));
    assert.ok(s.figures.some((f) => f.kind === 'age' && f.value === 81));
    assert.ok(s.figures.some((f) => f.kind === 'percent' && f.value === 9.75));
  });

  it('every claim range lies inside its document and covers its text', () => {
    for (const { doc, claims } of seeds.values()) {
      for (const c of claims) {
        const start = doc.offsetAt(c.range.start);
        const end = doc.offsetAt(c.range.end);
        assert.equal(doc.text.slice(start, end), c.text);
        assert.ok(start <= c.figureStart && c.figureEnd <= end);
      }
    }
  });
});
