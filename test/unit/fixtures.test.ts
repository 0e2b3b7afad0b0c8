/** Runs every fixture under test/fixtures/<family>/ (see fixture-format.ts). */
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import {
  analyzeDocument,
  CorpusIndex,
  FAMILIES,
  normalizeSettings,
  SeedDocument,
  type Family,
  type Finding,
} from '../../server/src/core';
import { parseFixture, type Expectation, type Fixture } from './fixture-format';

const root = join(__dirname, '..', 'fixtures');

function describeFinding(doc: SeedDocument, f: Finding): string {
  const start = doc.offsetAt(f.range.start);
  const end = doc.offsetAt(f.range.end);
  const replacement = f.fix?.edits.length === 1 ? ` => ${JSON.stringify(f.fix.edits[0].newText)}` : '';
  return `${f.range.start.line + 1} ${f.rule} ${JSON.stringify(doc.text.slice(start, end))}${replacement}`;
}

function matches(doc: SeedDocument, f: Finding, e: Expectation): boolean {
  if (f.range.start.line + 1 !== e.line || f.rule !== e.rule) return false;
  if (e.text !== undefined && doc.text.slice(doc.offsetAt(f.range.start), doc.offsetAt(f.range.end)) !== e.text) return false;
  if (e.replacement !== undefined) {
    if (!f.fix) return false;
    const edits = f.fix.edits;
    if (edits.length !== 1 || edits[0].newText !== e.replacement) return false;
  }
  return true;
}

/** Analyses a corpus of fixtures together and checks each file's expectations. */
function checkCorpus(family: Family, files: { name: string; fixture: Fixture }[]): void {
  const docs = files.map(({ name, fixture }) => ({ name, fixture, doc: new SeedDocument(name, fixture.text) }));
  const index = new CorpusIndex();
  const settingsOf = (f: Fixture) => normalizeSettings(f.settings);
  // Two passes, as the server and CLI do: index the corpus, then analyse against it.
  for (const d of docs) index.set(d.name, analyzeDocument(d.doc, index, settingsOf(d.fixture), { families: [family] }).summary);
  for (const d of docs) {
    const { findings } = analyzeDocument(d.doc, index, settingsOf(d.fixture), { families: [family] });
    const unmatched = [...findings];
    const missing: Expectation[] = [];
    for (const e of d.fixture.expect) {
      const k = unmatched.findIndex((f) => matches(d.doc, f, e));
      if (k < 0) missing.push(e);
      else unmatched.splice(k, 1);
    }
    const report = [
      ...missing.map((e) => `missing:    ${e.line} ${e.rule}${e.text !== undefined ? ' ' + JSON.stringify(e.text) : ''}${e.replacement !== undefined ? ' => ' + JSON.stringify(e.replacement) : ''}`),
      ...unmatched.map((f) => `unexpected: ${describeFinding(d.doc, f)}`),
    ];
    assert.deepEqual(report, [], `${d.name}\n${report.join('\n')}`);
  }
}

for (const family of FAMILIES) {
  const dir = join(root, family);
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    continue;
  }
  describe(`fixtures: ${family}`, () => {
    for (const entry of entries) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) {
        it(`${entry}/ (corpus)`, () => {
          const files = readdirSync(path).filter((n) => n.endsWith('.txt')).sort();
          assert.ok(files.length > 0, `${path} holds no .txt fixture`);
          checkCorpus(family, files.map((n) => ({ name: `${entry}/${n}`, fixture: parseFixture(join(path, n)) })));
        });
      } else if (entry.endsWith('.txt')) {
        it(basename(entry, '.txt'), () => checkCorpus(family, [{ name: entry, fixture: parseFixture(path) }]));
      }
    }
  });
}
