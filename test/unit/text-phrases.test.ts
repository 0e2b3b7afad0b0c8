import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FoldedPhrases } from '../../server/src/core/rules/boilerplate/lexicon';
import { PhraseMatcher, readsAs, type PhraseWord, type WordReader } from '../../server/src/core/text/phrases';

/** A test sequence: each position is a word's readings, or '.' (a transparent mark). */
type Seq = readonly (readonly string[] | '.')[];

const READER: WordReader<Seq> = {
  reads: (seq, j, w) => {
    const at = seq[j];
    return at !== undefined && at !== '.' && at.some((r) => readsAs(r, w));
  },
  transparent: (seq, j) => seq[j] === '.',
};

/** A phrase written as words, `*` ending a prefix word. */
const words = (phrase: string): PhraseWord[] => phrase.split(' ').map((w) => (w.endsWith('*') ? { text: w.slice(0, -1), prefix: true } : { text: w, prefix: false }));

/** A matcher of the phrases, each its own payload. */
function matcher(...phrases: string[]): PhraseMatcher<string> {
  const m = new PhraseMatcher<string>();
  for (const p of phrases) m.add(words(p), p);
  return m;
}

/** The payload and last position of the best match at k, with the readings of position k as its candidates. */
function best(m: PhraseMatcher<string>, seq: Seq, k = 0): [string, number] | undefined {
  const at = seq[k];
  const found = m.matchAt(seq, k, READER, at === '.' || at === undefined ? [] : m.candidates(at));
  return found && [found.payload, found.last];
}

const seq = (text: string): Seq => text.split(' ').map((w) => (w === '.' ? '.' : w.split('|')));

describe('PhraseMatcher', () => {
  it('prefers the most words, then a first word read whole, then the more specific, then the first added', () => {
    const m = matcher('red', 'red car', 'red car fast', 'reddis* car');
    assert.deepEqual(best(m, seq('red car fast')), ['red car fast', 2]);
    assert.deepEqual(best(m, seq('red|reddish car slow')), ['red car', 1], 'read whole beats a prefix, though less specific');
    assert.deepEqual(best(m, seq('reddish car')), ['reddis* car', 1], 'a prefix word matches a longer word');
    assert.deepEqual(best(m, seq('red')), ['red', 0]);
    const specific = matcher('red* car', 'redd* car');
    specific.add(words('redd* car'), 'the same, added later');
    assert.deepEqual(best(specific, seq('redder car')), ['redd* car', 1]);
  });

  it('reads every reading of a word, and passes over at most four transparent positions', () => {
    const m = matcher('killed people');
    assert.deepEqual(best(m, seq('wkilled|killed people')), ['killed people', 1]);
    assert.deepEqual(best(m, seq('killed . . . . people')), ['killed people', 5]);
    assert.equal(best(m, seq('killed . . . . . people')), undefined);
    assert.equal(best(m, seq('killed')), undefined, 'the sequence ends before the phrase');
  });

  it('indexes phrases by first word: whole words by text, prefix words by their first three characters', () => {
    // "xy* z" is dropped: a prefix word has at least three characters.
    const m = matcher('ab', 'xy* z', 'abc* d', 'abcq* f', 'abcd e');
    assert.deepEqual([...m.firstWords()], ['ab', 'abcd']);
    assert.deepEqual(m.startingWith('abcd').map((e) => e.payload), ['abcd e']);
    assert.deepEqual(m.startingWith('nothing'), []);
    assert.deepEqual(m.candidates(['abcd', 'abcx']).map((e) => e.payload), ['abcd e', 'abc* d', 'abc* d']);
    assert.deepEqual(m.candidates(['xyz']), [], 'the dropped prefix');
    assert.deepEqual(m.candidates(['abcx']).map((e) => e.payload), ['abc* d'], '"abcq*" has the same key, but is not a prefix');
    assert.equal(m.maxWords, 2);
    assert.equal(m.add([], 'none'), undefined);
    assert.equal(m.add([{ text: '', prefix: false }], 'empty'), undefined);
  });
});

describe('FoldedPhrases', () => {
  const set = new FoldedPhrases(['Read more', 'read', 'Read more here', 'AFP']);

  it('matches folded words at a position, as a word count', () => {
    const line = 'see read more now'.split(' ');
    assert.equal(set.matchAt(line, 1), 2);
    assert.equal(set.matchAt('read more here'.split(' '), 0), 3);
    assert.equal(set.matchAt(line, 0), 0);
    assert.equal(set.matchAt(line, 4), 0, 'past the end');
    assert.equal(set.startsPhrase('read'), true);
    assert.equal(set.startsPhrase('more'), false);
    assert.deepEqual([...set.firstWords()], ['read', 'afp']);
  });

  it('finds the longest phrase a line starts with, as whole words', () => {
    assert.equal(set.prefixOf('read more here and there'), 'read more here');
    assert.equal(set.prefixOf('read more'), 'read more');
    assert.equal(set.prefixOf('read mores'), 'read');
    assert.equal(set.prefixOf('reading'), undefined);
    assert.equal(set.has('read more'), true);
    assert.equal(set.containedIn('by afp'), 'afp');
    assert.equal(set.containedIn('safpx'), undefined);
  });
});
