import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SeedDocument } from '../../server/src/core';
import { applyEdits } from '../../server/src/core/text';

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
