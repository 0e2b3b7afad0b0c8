// Claim kinds and stages: the pipeline's order is checked when it is built, every stage's
// declaration is what it really reads and sets, and the kind decides which figures are read.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SeedDocument } from '../../server/src/core';
import { quantityOf, quantityString } from '../../server/src/core/claims';
import { scanNumbers } from '../../server/src/core/numbers/scanner';
import { readFigures } from '../../server/src/core/numbers/words';
import { extractClaims } from '../../server/src/core/claims/extract';
import { CLAIM_KINDS, kindsFor, type ClaimKind } from '../../server/src/core/claims/kinds';
import { COUNT_PIPELINE, countKindWith } from '../../server/src/core/claims/kinds/count';
import { MEASURE_PIPELINE, measureKindWith } from '../../server/src/core/claims/kinds/measure';
import { MONEY_PIPELINE, moneyKindWith } from '../../server/src/core/claims/kinds/money';
import { PERCENT_PIPELINE, percentKindWith } from '../../server/src/core/claims/kinds/percent';
import { POPULATION_PIPELINE, populationKindWith } from '../../server/src/core/claims/kinds/population';
import type { Pipeline } from '../../server/src/core/claims/stages/pipeline';
import { buildPipeline, CLAIM_INPUTS, type ClaimState, type Stage } from '../../server/src/core/claims/stages/pipeline';

const root = join(__dirname, '..', '..');
const texts = [join(root, 'seeds'), join(root, 'test', 'fixtures', 'claims')].flatMap((dir) =>
  readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((n) => ({ uri: n, text: readFileSync(join(dir, n), 'utf8') })),
);

const claimsOf = (text: string) => extractClaims(new SeedDocument('a', text), scanNumbers(text)).claims;

describe('claim pipeline', () => {
  it('rejects, when built, a stage that requires what no earlier stage assigns', () => {
    const [noun, qualifier, ...rest] = COUNT_PIPELINE.stages;
    assert.throws(() => buildPipeline('count', CLAIM_INPUTS, [qualifier, noun, ...rest]), /stage "qualifier" requires "nounLast"/);
    assert.throws(() => buildPipeline('count', CLAIM_INPUTS, [noun, ...rest]), /stage "subject" requires "qualifierFirst"/);
    assert.throws(() => buildPipeline('count', CLAIM_INPUTS, [noun, noun]), /appears twice/);
    const writesInput: Stage = { name: 'bad', requires: [], assigns: ['figure'], run() {} };
    assert.throws(() => buildPipeline('count', CLAIM_INPUTS, [writesInput]), /assigns the input "figure"/);
    assert.doesNotThrow(() => buildPipeline('count', CLAIM_INPUTS, COUNT_PIPELINE.stages));
  });

  // Every kind's pipeline, traced; the texts give each kind claims of its own (the counts' fixtures and the kinds' fixtures).
  const KINDS: [string, Pipeline, (p: Pipeline) => ClaimKind, number][] = [
    ['count', COUNT_PIPELINE, countKindWith, 100],
    ['population', POPULATION_PIPELINE, populationKindWith, 3],
    ['money', MONEY_PIPELINE, moneyKindWith, 3],
    ['measure', MEASURE_PIPELINE, measureKindWith, 3],
    ['percent', PERCENT_PIPELINE, percentKindWith, 3],
  ];
  for (const [id, pipeline, kindWith, least] of KINDS) {
    it(`runs the ${id} stages, which read only what they declare and set only what they assign`, () => {
      const undeclared: string[] = [];
      const traced = pipeline.stages.map(
        (stage): Stage => ({
          ...stage,
          run(state, reader) {
            // A stage may read what it requires, and what it assigns once it has set it.
            const may = new Set<string | symbol>(stage.requires);
            const view = new Proxy(state, {
              get(target, key, receiver) {
                if (!may.has(key)) undeclared.push(`${stage.name} reads ${String(key)}`);
                return Reflect.get(target, key, receiver);
              },
              set(target, key, value, receiver) {
                if (!(stage.assigns as readonly (string | symbol)[]).includes(key)) undeclared.push(`${stage.name} sets ${String(key)}`);
                may.add(key);
                return Reflect.set(target, key, value, receiver);
              },
            });
            return stage.run(view as ClaimState, reader);
          },
        }),
      );
      const kind = kindWith(buildPipeline('traced', CLAIM_INPUTS, traced));
      const plainKind = kindWith(pipeline);
      let claims = 0;
      for (const { uri, text } of texts) {
        const doc = new SeedDocument(uri, text);
        const plain = extractClaims(doc, scanNumbers(text), undefined, [plainKind]).claims;
        const seen = extractClaims(doc, scanNumbers(text), undefined, [kind]).claims;
        assert.deepEqual(seen, plain, uri);
        claims += seen.length;
      }
      assert.ok(claims >= least, `${claims} ${id} claims read`);
      assert.deepEqual([...new Set(undeclared)], []);
    });
  }
});

describe('claim kinds', () => {
  it('lets each kind decide which figures it reads', () => {
    const kinds = (text: string) => readFigures(text).map((f) => `${f.kind}${f.unit ? `:${f.unit}` : ''}=${kindsFor(f).map((k) => k.id).join(',') || '-'}`);
    assert.deepEqual(kinds('قتل 5 أشخاص وقطعوا 20 كم عام 2022 مقابل 5 دولارات و8% منهم'), [
      'count=population,count',
      'count:km=measure',
      'year=-',
      'count:USD=money',
      'percent=percent',
    ]);
    assert.deepEqual(CLAIM_KINDS.map((k) => k.id), ['population', 'count', 'money', 'measure', 'percent']);
    // A figure with a unit next to a trigger is no count claim: a measurement.
    assert.deepEqual(claimsOf('قتل 20 كم').map((c) => c.kind), ['measure']);
    assert.deepEqual(claimsOf('قتل 20 شخصا').map((c) => c.kind), ['count']);
    // A count with no trigger is offered to the next kinds: a population has none.
    assert.deepEqual(claimsOf('ويقطن المدينة 20 ألف نسمة').map((c) => `${c.kind} ${c.value}`), ['population 20000']);
  });

  it('gives every claim its kind, unit, vagueness, scope and quantity', () => {
    const [exact, vague, local] = claimsOf('قتل 18 شرطيا. واعتقل عشرات الأشخاص. وأصيب 3 شرطيين في مدينة ألماتي.');
    assert.deepEqual([exact.kind, exact.unit, exact.vague, exact.scope], ['count', null, false, null]);
    assert.deepEqual([vague.vague, vague.qualifier, vague.low, vague.high], [true, 'about', 20, 99]);
    assert.equal(local.scope?.kind, 'local');
    const q = quantityOf(local);
    assert.equal(q.place, local.scope?.kind === 'local' ? local.scope.place : undefined);
    assert.equal(quantityString(q), `${local.event}/${local.subject}@${q.place}`);
    assert.equal(quantityString(quantityOf(exact)), 'killed/police');
  });
});
