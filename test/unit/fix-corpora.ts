/**
 * The documents test-integrity.test.ts fixes and checks again: the seeds as
 * one corpus, and every fixture (rule and claim fixtures; a corpus folder as
 * one corpus), each with its own settings.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  analyzeDocument,
  CorpusIndex,
  normalizeSettings,
  prepareDocument,
  SeedDocument,
  type Finding,
  type Logger,
  type PreparedDocument,
  type Settings,
} from '../../server/src/core';
import { fixDocument } from '../../server/src/core/fixes';
import { fixturesRoot } from './fixture-folders';
import { readMarkedFixture } from './fixture-markers';

export interface TestCorpus {
  name: string;
  docs: { uri: string; text: string }[];
  settings: Settings;
}

const seedsDir = join(__dirname, '..', '..', 'seeds');

export function testCorpora(): TestCorpus[] {
  const corpora: TestCorpus[] = [
    {
      name: 'seeds/',
      docs: readdirSync(seedsDir)
        .sort()
        .map((n) => ({ uri: `seeds/${n}`, text: readFileSync(join(seedsDir, n), 'utf8') })),
      settings: normalizeSettings({}),
    },
  ];
  for (const folder of readdirSync(fixturesRoot).sort()) {
    const dir = join(fixturesRoot, folder);
    if (!statSync(dir).isDirectory()) continue;
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      const files = statSync(path).isDirectory() ? readdirSync(path).sort().map((n) => join(path, n)) : [path];
      const fixtures = files.filter((p) => p.endsWith('.txt')).map(readMarkedFixture);
      if (!fixtures.length) continue;
      corpora.push({
        name: `${folder}/${entry}`,
        docs: fixtures.map((f) => ({ uri: f.path.slice(fixturesRoot.length + 1), text: f.text })),
        // Files of one corpus folder share their settings (digits/majority: both say the same).
        settings: normalizeSettings(fixtures[0].settings),
      });
    }
  }
  return corpora;
}

/** What a corpus holds before any fix, indexed, as `check` reads it. */
export function prepareCorpus(docs: readonly { uri: string; text: string }[], settings: Settings, logger: Logger): { prepared: PreparedDocument[]; index: CorpusIndex } {
  const prepared = docs.map((d) => prepareDocument(new SeedDocument(d.uri, d.text), settings, logger));
  const index = new CorpusIndex();
  for (const p of prepared) index.set(p.doc.uri, p.summary);
  return { prepared, index };
}

/** Every finding of every rule, no family left out. */
export function allFindings(corpus: TestCorpus, logger: Logger): Finding[] {
  const { prepared, index } = prepareCorpus(corpus.docs, corpus.settings, logger);
  return prepared.flatMap((p) => analyzeDocument(p, index, corpus.settings, { logger }).findings);
}

export interface LeftFixable {
  uri: string;
  rule: string;
  line: number;
  text: string;
}

/**
 * `fix` on the whole corpus (each document decided against the corpus before
 * any fix, as the CLI does), then `check` on the fixed corpus, read afresh:
 * the fixes findings still offer.
 */
export function fixableAfterFix(corpus: TestCorpus, logger: Logger): LeftFixable[] {
  const { prepared, index } = prepareCorpus(corpus.docs, corpus.settings, logger);
  const fixed = prepared.map((p) => ({ uri: p.doc.uri, text: fixDocument(p, index, corpus.settings, { logger }).prepared.doc.text }));
  const again = prepareCorpus(fixed, corpus.settings, logger);
  return again.prepared.flatMap((p) =>
    analyzeDocument(p, again.index, corpus.settings, { logger, fixableOnly: true })
      .findings.filter((f) => f.fix && f.fix.edits.length > 0)
      .map((f) => ({ uri: p.doc.uri, rule: f.rule, line: f.range.start.line + 1, text: p.doc.lineText(f.range.start.line) })),
  );
}
