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
import { CLAIM_KINDS, kindFor } from '../../server/src/core/claims/kinds';
import { COUNT_PIPELINE, countKindWith } from '../../server/src/core/claims/kinds/count';
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

  it('runs stages that read only what they declare and set only what they assign', () => {
    const undeclared: string[] = [];
    const traced = COUNT_PIPELINE.stages.map(
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
    const kind = countKindWith(buildPipeline('traced', CLAIM_INPUTS, traced));
    let claims = 0;
    for (const { uri, text } of texts) {
      const doc = new SeedDocument(uri, text);
      const plain = extractClaims(doc, scanNumbers(text)).claims;
      const seen = extractClaims(doc, scanNumbers(text), undefined, [kind]).claims;
      assert.deepEqual(seen, plain, uri);
      claims += seen.length;
    }
    assert.ok(claims > 100, `${claims} claims read`);
    assert.deepEqual([...new Set(undeclared)], []);
  });
});

describe('claim kinds', () => {
  it('lets the count kind decide which figures can be claims', () => {
    const kinds = (text: string) => readFigures(text).map((f) => `${f.kind}${f.unit ? `:${f.unit}` : ''}=${kindFor(f)?.id ?? '-'}`);
    assert.deepEqual(kinds('قتل 5 أشخاص وقطعوا 20 كم عام 2022'), ['count=count', 'count:km=-', 'year=-']);
    assert.deepEqual(CLAIM_KINDS.map((k) => k.id), ['count']);
    // A figure with a unit next to a trigger is no count claim.
    assert.equal(claimsOf('قتل 20 كم').length, 0);
    assert.equal(claimsOf('قتل 20 شخصا').length, 1);
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
