import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeWord, SeedDocument } from '../../server/src/core';
import { applyEdits } from '../../server/src/core/text';
import { hashWord } from '../../server/src/core/numbers/normalize';
import { foldCode, foldText, LINE_FOLD, WORD_FOLD, wordFoldCode } from '../../server/src/core/text/fold';
import { FNV_OFFSET, fnvStep, lineKey } from '../../server/src/core/text/hash';
import { partitionPoint } from '../../server/src/core/text/search';

describe('SeedDocument', () => {
  it('maps offsets and positions across LF, CRLF and CR line breaks', () => {
    const doc = new SeedDocument('x', 'ab\r\ncd\nef\rgh');
    assert.deepEqual(doc.lineStarts, [0, 4, 7, 10]);
    assert.deepEqual(doc.positionAt(5), { line: 1, character: 1 });
    assert.equal(doc.offsetAt({ line: 2, character: 1 }), 8);
    assert.equal(doc.lineText(0), 'ab');
    assert.equal(doc.lineText(3), 'gh');
    assert.equal(doc.offsetAt({ line: 0, character: 99 }), 2, 'a character past the line end clamps to it');
    assert.equal(doc.offsetAt({ line: 99, character: 0 }), doc.text.length);
  });

  it('counts UTF-16 code units, as LSP does', () => {
    const doc = new SeedDocument('x', '😀 ١٨');
    assert.deepEqual(doc.positionAt(3), { line: 0, character: 3 });
  });

  it('deletes whole lines with fullLineRange', () => {
    const doc = new SeedDocument('x', 'a\nb\nc');
    assert.equal(applyEdits(doc, [{ range: doc.fullLineRange(1), newText: '' }]), 'a\nc');
    assert.equal(applyEdits(doc, [{ range: doc.fullLineRange(2), newText: '' }]), 'a\nb\n');
  });

  it('applies edits in any order and rejects overlaps', () => {
    const doc = new SeedDocument('x', 'one two three');
    const e = (s: number, t: number, newText: string) => ({ range: doc.range(s, t), newText });
    assert.equal(applyEdits(doc, [e(8, 13, '3'), e(0, 3, '1')]), '1 two 3');
    assert.throws(() => applyEdits(doc, [e(0, 5, ''), e(4, 6, '')]), /overlapping/);
  });
});

describe('text layer', () => {
  it('partitionPoint finds the first index where the predicate turns false', () => {
    const xs = [1, 3, 3, 3, 7];
    assert.equal(partitionPoint(xs.length, (i) => xs[i] < 3), 1, 'lower bound');
    assert.equal(partitionPoint(xs.length, (i) => xs[i] <= 3), 4, 'upper bound');
    assert.equal(partitionPoint(xs.length, (i) => xs[i] < 0), 0);
    assert.equal(partitionPoint(xs.length, (i) => xs[i] < 99), 5);
    assert.equal(partitionPoint(0, () => true), 0);
  });

  it('folds the shared letters alike in the line fold and the word fold', () => {
    for (const [spelling, letter] of [['أ', 'ا'], ['إ', 'ا'], ['آ', 'ا'], ['ٱ', 'ا'], ['ة', 'ه'], ['ى', 'ي'], ['ی', 'ي'], ['ک', 'ك'], ['گ', 'ك'], ['ڤ', 'ف'], ['A', 'a'], ['É', 'é']]) {
      assert.equal(foldCode(spelling.charCodeAt(0)), letter.charCodeAt(0), `line fold of ${spelling}`);
      assert.equal(wordFoldCode(spelling.charCodeAt(0)), letter.charCodeAt(0), `word fold of ${spelling}`);
    }
    for (const mark of [0x640, 0x64b, 0x65f, 0x670]) {
      assert.equal(foldCode(mark), -1);
      assert.equal(wordFoldCode(mark), -1);
    }
  });

  it('keeps the declared differences between the line fold and the word fold', () => {
    const line = (s: string) => foldText(s);
    const word = (s: string) => normalizeWord(s);
    // Hamza seats: the line fold takes the bare letter, the word fold the hamza.
    assert.equal(line('مسؤول'), 'مسوول');
    assert.equal(line('مسئول'), 'مسيول');
    assert.equal(word('مسؤول'), 'مسءول');
    assert.equal(word('مسئول'), 'مسءول');
    // Persian پ چ fold in words only; wavy alefs and Quranic marks in lines only.
    assert.equal(word('پچ'), 'بج');
    assert.equal(line('پچ'), 'پچ');
    assert.equal(line('ٲٳ'), 'اا');
    assert.equal(word('ٲٳ'), 'ٲٳ');
    assert.equal(line('ب\u06d6ب'), 'بب');
    assert.equal(word('ب\u06d6ب'), 'ب\u06d6ب');
    // Digits and punctuation: the line fold makes ASCII digits and separators, the word fold keeps them.
    assert.equal(line('١٢ ، ۳'), '12 3');
    assert.equal(word('١٢'), '١٢');
    assert.equal(WORD_FOLD.length, LINE_FOLD.length);
  });

  it('hashes with FNV-1a, and line keys are never 0', () => {
    // Published FNV-1a 32-bit test vectors.
    assert.equal(FNV_OFFSET, 0x811c9dc5);
    assert.equal(fnvStep(FNV_OFFSET, 'a'.charCodeAt(0)) >>> 0, 0xe40c292c);
    let h = FNV_OFFSET;
    for (const c of 'foobar') h = fnvStep(h, c.charCodeAt(0));
    assert.equal(h >>> 0, 0xbf9cf968);
    assert.equal(hashWord('foobar'), 0xbf9cf968, 'a word hash is FNV-1a of its folded codes');
    assert.equal(lineKey(0, 0), 1);
    assert.equal(lineKey(-1, -1), 0xffffffff * 0x200000 + 0x1fffff);
  });
});
