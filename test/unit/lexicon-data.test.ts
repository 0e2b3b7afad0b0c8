/** The lexicons are data: an entry added to a language's file is read, and nothing else needs to know it. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { SeedDocument } from '../../server/src/core';
import { quantityKey } from '../../server/src/core/claims';
import { extractClaims } from '../../server/src/core/claims/extract';
import { compileLexicon, type CompiledLexicon } from '../../server/src/core/claims/lexicon/compile';
import { DEFAULT_LEXICON_DATA, SECTIONS, type LexiconData, type SectionName } from '../../server/src/core/claims/lexicon/sections';
import { ARABIC_NUMBER_WORDS, ENGLISH_NUMBER_WORDS, MONTHS, UNITS, YEAR_BEFORE } from '../../server/src/core/numbers/lexicon';
import { normalizeWord } from '../../server/src/core/numbers/normalize';
import { scanNumbers } from '../../server/src/core/numbers/scanner';
import { Token } from '../../server/src/core/numbers/tokens';
import { combineLanguages } from '../../server/src/core/lang';

const language = (lang: 'ar' | 'en', lexicon = 'claims'): Record<string, any> =>
  JSON.parse(readFileSync(new URL(`../../server/src/core/lang/${lang}/${lexicon}.json`, import.meta.url), 'utf8'));

const keysOf = (text: string, lexicon?: CompiledLexicon) => extractClaims(new SeedDocument('a', text), scanNumbers(text), lexicon).claims.map(quantityKey);

describe('lexicons as data', () => {
  it('combines the languages into the lexicon the analyses read', () => {
    assert.deepEqual(combineLanguages(language('ar'), language('en')), DEFAULT_LEXICON_DATA);
  });

  it('reads an event verb added only to a language’s data', () => {
    const ar = language('ar');
    const en = language('en');
    ar.events.sentenced = { label: 'حكم', triggers: ['حكم*'] };
    en.events.sentenced = { triggers: ['sentenced'] };
    const lexicon = compileLexicon(combineLanguages(ar, en) as LexiconData);
    const arabic = 'وحكمت المحكمة على 40 متهما بالسجن.';
    const english = 'The court sentenced 40 suspects to prison.';
    assert.deepEqual(keysOf(arabic), []);
    assert.deepEqual(keysOf(arabic, lexicon), ['sentenced/suspects']);
    assert.deepEqual(keysOf(english), []);
    assert.deepEqual(keysOf(english, lexicon), ['sentenced/suspects']);
    assert.equal(lexicon.eventLabels.get('sentenced'), 'حكم');
  });

  it('gives every section of phrases a phrase set that matches each of its entries', () => {
    const lexicon = compileLexicon(DEFAULT_LEXICON_DATA);
    const names = (Object.keys(SECTIONS) as SectionName[]).filter((name) => SECTIONS[name].kind === 'phrases');
    assert.ok(names.length >= 5);
    for (const name of names) {
      const set = (lexicon as unknown as Record<string, CompiledLexicon['subsets']>)[name];
      for (const phrase of DEFAULT_LEXICON_DATA[name] as string[]) {
        const tokens = normalizeWord(phrase.replace(/\*/g, 'ات')).split(' ').map(Token.word);
        assert.ok(set.matchAt(tokens, 0), `${name}: ${phrase}`);
      }
    }
  });

  it('gives the figure reader every word of each language’s numbers data', () => {
    for (const [lang, words] of [['ar', ARABIC_NUMBER_WORDS], ['en', ENGLISH_NUMBER_WORDS]] as const) {
      const data = language(lang, 'numbers');
      for (const e of data.numberWords) for (const w of e.words) assert.equal(words.get(normalizeWord(w))?.value, e.value, w);
      for (const e of data.months) for (const w of e.words) assert.equal(MONTHS.get(normalizeWord(w)), e.month, w);
      for (const e of data.units) for (const w of e.words) assert.equal(UNITS.get(normalizeWord(w)), e.unit, w);
      for (const w of data.yearBefore) assert.ok(YEAR_BEFORE.has(normalizeWord(w)), w);
    }
  });
});
