/** The claims layer's per-word side tables (claims/lexicon/wordTables.ts) across the interner starting over. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { facts, FACT_PARTICLE } from '../../server/src/core/claims/reader';
import { variants } from '../../server/src/core/claims/lexicon/variants';
import { normalizeWord } from '../../server/src/core/numbers/normalize';
import { Token, WORD_INDEX_BITS } from '../../server/src/core/numbers/tokens';

/** Word tokens, each interned when first read (`Token.word`). */
const wordsOf = (text: string) => normalizeWord(text).split(' ').map(Token.word);

/** Distinct Arabic words, enough for the interner to start over. */
function distinctWords(n: number): string {
  const letters = 'بتثجحخدذرزسشصضطظعغفقكلمن';
  const out: string[] = [];
  for (let i = 0; out.length < n; i++) {
    let w = 'ء';
    for (let k = i; w.length < 5; k = Math.floor(k / letters.length)) w += letters[k % letters.length];
    out.push(w);
  }
  return out.join(' ');
}

describe('claims word tables', () => {
  it('give a word of an older generation its own readings, not those of the newer word in its slot', () => {
    const [old, particle] = wordsOf('والقتلي من');
    assert.deepEqual(variants(old), ['والقتلي', 'القتلي', 'قتلي']);
    assert.ok(facts(particle) & FACT_PARTICLE);
    const oldGeneration = old.word.id >> WORD_INDEX_BITS;
    // Enough new words that the interner starts over, each read by the claims layer.
    const fresh = wordsOf(distinctWords((1 << WORD_INDEX_BITS) + 64));
    for (const t of fresh) variants(t);
    const newer = fresh.filter((t) => t.word.id >> WORD_INDEX_BITS !== oldGeneration);
    assert.ok(newer.length > 0);
    const sameSlot = newer.find((t) => (t.word.id & ((1 << WORD_INDEX_BITS) - 1)) === (old.word.id & ((1 << WORD_INDEX_BITS) - 1)));
    assert.ok(sameSlot, 'a newer word takes the old word’s slot');
    facts(sameSlot);
    assert.deepEqual(variants(old), ['والقتلي', 'القتلي', 'قتلي']);
    assert.ok(facts(particle) & FACT_PARTICLE);
    assert.equal(facts(sameSlot) & FACT_PARTICLE, 0);
    // The same word read again is interned anew, in the newer generation.
    const [again] = wordsOf('والقتلي');
    assert.notEqual(again.word, old.word);
    assert.deepEqual(variants(again), ['والقتلي', 'القتلي', 'قتلي']);
  });

  it('read a word that is not interned as written only', () => {
    assert.deepEqual(variants(Token.literal('والقتلي')), ['والقتلي']);
    assert.deepEqual(variants(wordsOf('والقتلي')[0]), ['والقتلي', 'القتلي', 'قتلي']);
  });
});
