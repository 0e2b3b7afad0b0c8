/** Runs every fixture under test/fixtures/<family>/ (see fixture-format.ts and test/fixtures/README.md). */
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeDocument, CorpusIndex, normalizeSettings, SeedDocument, type Family } from '../../server/src/core';
import { describeExpectation, describeFinding, matchesFinding, parseFixture, type Expectation, type Fixture } from './fixture-format';
import { fixtureFolders, fixturesRoot } from './fixture-folders';
import { assertNothingLogged, recordingLogger } from './recording-logger';

/** Analyses a corpus of fixtures together and checks each file's expectations. */
function checkCorpus(family: Family, folder: string, files: { name: string; fixture: Fixture }[]): void {
  const docs = files.map(({ name, fixture }) => ({ name, fixture, doc: new SeedDocument(name, fixture.text) }));
  const index = new CorpusIndex();
  const logger = recordingLogger();
  const settingsOf = (f: Fixture) => normalizeSettings(f.settings);
  // Markers name related documents by file name inside the fixture's folder.
  const nameOf = (uri: string) => (folder && uri.startsWith(`${folder}/`) ? uri.slice(folder.length + 1) : uri);
  // Two passes, as the server and CLI do: index the corpus, then analyse against it.
  for (const d of docs) index.set(d.name, analyzeDocument(d.doc, index, settingsOf(d.fixture), { families: [family], logger }).summary);
  for (const d of docs) {
    const { findings } = analyzeDocument(d.doc, index, settingsOf(d.fixture), { families: [family], logger });
    const unmatched = [...findings];
    const missing: Expectation[] = [];
    for (const e of d.fixture.expect) {
      const k = unmatched.findIndex((f) => matchesFinding(d.doc, f, e, nameOf));
      if (k < 0) missing.push(e);
      else unmatched.splice(k, 1);
    }
    const report = [
      ...missing.map((e) => `missing:    ${describeExpectation(e)}`),
      ...unmatched.map((f) => `unexpected: ${describeFinding(d.doc, f, nameOf)}`),
    ];
    assert.deepEqual(report, [], `${d.name}\n${report.join('\n')}`);
  }
  assertNothingLogged(logger, 'analysing the fixtures');
}

const folders = fixtureFolders();

for (const { family, dir } of folders.families) {
  describe(`fixtures: ${family}`, () => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) {
        it(`${entry}/ (corpus)`, () => {
          const files = readdirSync(path).sort();
          assert.deepEqual(files.filter((n) => !n.endsWith('.txt')), [], `${path} holds only .txt fixtures`);
          assert.ok(files.length > 0, `${path} holds no .txt fixture`);
          checkCorpus(family, entry, files.map((n) => ({ name: `${entry}/${n}`, fixture: parseFixture(join(path, n)) })));
        });
      } else if (entry.endsWith('.txt')) {
        it(basename(entry, '.txt'), () => checkCorpus(family, '', [{ name: entry, fixture: parseFixture(path) }]));
      } else {
        it(entry, () => assert.fail(`${path}: not a .txt fixture nor a corpus folder (a misnamed fixture would never run)`));
      }
    }
  });
}

describe('fixture folders', () => {
  it(`every family with rules has a folder under ${fixturesRoot}, and every folder there is a family or claims`, () => {
    assert.deepEqual(folders.problems, []);
  });
});
