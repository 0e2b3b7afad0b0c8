import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeDocument, CorpusIndex, normalizeSettings, prepareDocument, SeedDocument } from '../../server/src/core';
import { lineProfile } from '../../server/src/core/lines';
import { readMarkedFixture } from './fixture-markers';

const FIXTURES = join(__dirname, '..', 'fixtures', 'boilerplate', 'corpus');
const fixture = (name: string) => readMarkedFixture(join(FIXTURES, name)).text;
const FOOTER = 'موقع الأمل الإخباري صوت من لا صوت له';
const FOOTER_KEY = lineProfile(new SeedDocument('k', FOOTER)).keys[0];

function corpus(texts: Record<string, string>) {
  const index = new CorpusIndex();
  const prepared = Object.entries(texts).map(([uri, text]) => prepareDocument(new SeedDocument(uri, text)));
  for (const p of prepared) index.set(p.doc.uri, p.summary);
  return { index, prepared: new Map(prepared.map((p) => [p.doc.uri, p])) };
}

describe('corpus facts: what an analysis read and what an update changed', () => {
  const aWithout = fixture('a.txt').replace(`\n${FOOTER}`, '');
  const texts = { a: aWithout, b: fixture('b.txt'), c: fixture('c.txt'), d: fixture('d.txt') };

  it('an analysis records the line keys it looked up, not the lines it never asked about', () => {
    const { index, prepared } = corpus(texts);
    const b = analyzeDocument(prepared.get('b')!, index, normalizeSettings({}));
    assert.ok(b.facts.lines.includes(FOOTER_KEY));
    assert.ok(b.facts.documentCount);
    assert.equal(b.facts.digitMajority, false, 'the target style is not `majority`');
    const d = analyzeDocument(prepared.get('d')!, index, normalizeSettings({}));
    assert.ok(!d.facts.lines.includes(FOOTER_KEY));
  });

  it('a gaining the footer changes its key, which concerns b and not d', () => {
    const { index, prepared } = corpus(texts);
    const settings = normalizeSettings({});
    const b = analyzeDocument(prepared.get('b')!, index, settings);
    const d = analyzeDocument(prepared.get('d')!, index, settings);
    const change = index.set('a', prepareDocument(new SeedDocument('a', `${aWithout}\n${FOOTER}`)).summary);
    assert.deepEqual([...change.lines()], [FOOTER_KEY]);
    assert.equal(change.documentCount, false);
    assert.equal(change.digitMajority, false);
    assert.ok(change.affects(b.facts));
    assert.ok(!change.affects(d.facts));
    // And the analysis it calls for differs: the footer is now in three documents of four.
    const again = analyzeDocument(prepared.get('b')!, index, settings);
    assert.ok(again.findings.length > b.findings.length);
  });

  it('setting the same text again changes nothing an analysis read', () => {
    const { index, prepared } = corpus(texts);
    const b = analyzeDocument(prepared.get('b')!, index, normalizeSettings({}));
    const change = index.set('a', prepareDocument(new SeedDocument('a', aWithout)).summary);
    assert.equal(change.lines().size, 0);
    assert.ok(!change.affects(b.facts));
  });

  it('the digit majority is a fact only for documents with numbers, and turning it concerns them', () => {
    const { index, prepared } = corpus({ e: 'عنوان\nسجلت 25 حالة.', f: 'عنوان آخر\nسجلت ٣٤ حالة.', g: texts.d });
    const settings = normalizeSettings({ digits: { targetStyle: 'majority' } });
    const e = analyzeDocument(prepared.get('e')!, index, settings);
    const g = analyzeDocument(prepared.get('g')!, index, settings);
    assert.ok(e.facts.digitMajority);
    assert.equal(g.facts.digitMajority, false);
    const change = index.set('f', prepareDocument(new SeedDocument('f', 'عنوان آخر\nسجلت ٣٤ حالة و٤٥ أخرى.')).summary);
    assert.ok(change.digitMajority);
    assert.ok(change.affects(e.facts));
    assert.ok(!change.affects(g.facts));
  });

  it('removing a document changes the document count and its lines', () => {
    const { index, prepared } = corpus(texts);
    const b = analyzeDocument(prepared.get('b')!, index, normalizeSettings({}));
    const change = index.remove('c')!;
    assert.ok(change.documentCount);
    assert.ok(change.lines().has(FOOTER_KEY));
    assert.ok(change.affects(b.facts));
    assert.equal(index.remove('c'), undefined);
  });
});
