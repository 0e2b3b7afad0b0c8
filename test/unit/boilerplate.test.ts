import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  analyzeDocument,
  configFileSchema,
  CorpusIndex,
  normalizeSettings,
  prepareDocument,
  SeedDocument,
  type Finding,
} from '../../server/src/core';
import { singleDocumentCorpus } from '../../server/src/core/corpus';
import { fixDocument } from '../../server/src/core/fixes';
import { lineProfile } from '../../server/src/core/lines';
import { collapseBlankRunEdit, deleteLinesEdit } from '../../server/src/core/rules/boilerplate/edits';

const ROOT = join(__dirname, '..', '..');
const SEEDS = join(ROOT, 'seeds');
const SETTINGS = normalizeSettings({});

function seedCorpus() {
  const prepared = readdirSync(SEEDS)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((n) => prepareDocument(new SeedDocument(n, readFileSync(join(SEEDS, n), 'utf8'))));
  const index = new CorpusIndex();
  for (const p of prepared) index.set(p.doc.uri, p.summary);
  return { prepared, index };
}

function boilerplateFindings(text: string, settings: Record<string, unknown> = {}): Finding[] {
  const prepared = prepareDocument(new SeedDocument('doc.txt', text));
  return analyzeDocument(prepared, singleDocumentCorpus(prepared.summary), normalizeSettings(settings), { families: ['boilerplate'] }).findings;
}

/** The lines each seed must lose: the seven boilerplate lines of the issue. */
const EXPECTED_LINES: Record<string, number[]> = {
  '001_7b9c418548981003.txt': [3, 22],
  '002_37b114798e9ddd23.txt': [31, 33, 35, 37],
  '004_f87893d1b2acc16f.txt': [4],
};

/** Runs of blank lines in the seeds (1-based first and last line), reported by boilerplate/blank-lines. */
const EXPECTED_BLANK_RUNS: Record<string, [number, number][]> = {
  '004_f87893d1b2acc16f.txt': [
    [13, 17],
    [188, 192],
  ],
};

describe('boilerplate on the seeds', () => {
  it('flags exactly the seven boilerplate lines and no title, heading, quote or first line', () => {
    const { prepared, index } = seedCorpus();
    for (const p of prepared) {
      const { findings } = analyzeDocument(p, index, SETTINGS, { families: ['boilerplate'] });
      const lines = findings.filter((f) => f.rule !== 'boilerplate/blank-lines').map((f) => f.range.start.line + 1);
      assert.deepEqual(lines, EXPECTED_LINES[p.doc.uri] ?? [], p.doc.uri);
      const runs = findings.filter((f) => f.rule === 'boilerplate/blank-lines').map((f) => [f.range.start.line + 1, f.range.end.line + 1]);
      assert.deepEqual(runs, EXPECTED_BLANK_RUNS[p.doc.uri] ?? [], p.doc.uri);
    }
  });

  it('names each kind and says why', () => {
    const { prepared, index } = seedCorpus();
    const all = prepared.flatMap((p) => analyzeDocument(p, index, SETTINGS, { families: ['boilerplate'] }).findings.map((f) => ({ uri: p.doc.uri, f })));
    const at = (uri: string, line: number) => all.find((x) => x.uri.startsWith(uri) && x.f.range.start.line === line - 1)!.f;
    assert.equal(at('001', 3).rule, 'boilerplate/scraper-debris');
    assert.equal(at('001', 22).rule, 'boilerplate/source-credit');
    assert.equal(at('002', 31).rule, 'boilerplate/shortcode');
    assert.match(at('002', 31).message, /^WordPress shortcode \[covid19-ultimate-card/);
    assert.equal(at('004', 4).rule, 'boilerplate/teaser');
    for (const { f } of all) {
      assert.equal(typeof f.data?.kind, 'string');
      assert.ok(f.fix && f.fix.edits.length === 1 && f.fix.edits[0].newText === '', `${f.rule} deletes`);
    }
  });

  it('fixing removes those lines, the blank lines that only separated them, and nothing else', () => {
    const { prepared, index } = seedCorpus();
    for (const p of prepared) {
      const before = p.doc.text;
      const result = fixDocument(p, index, SETTINGS, { families: ['boilerplate'] });
      assert.deepEqual(result.remaining, [], p.doc.uri);
      const lines = before.split('\n');
      const drop = new Set((EXPECTED_LINES[p.doc.uri] ?? []).map((l) => l - 1));
      let expected: string;
      if (p.doc.uri.startsWith('002')) {
        // Lines 30-37: the shortcodes and the blank lines around them; the file ended without a line break and still does.
        expected = lines.slice(0, 29).join('\n');
      } else if (p.doc.uri.startsWith('004')) {
        // Line 4 goes; the five blank lines 13-17 become one; the blank lines at the end go, the final line break stays.
        expected = lines.filter((_, i) => !drop.has(i) && !(i >= 13 && i <= 16)).join('\n').replace(/\n+$/, '\n');
      } else {
        expected = lines.filter((_, i) => !drop.has(i)).join('\n');
      }
      assert.equal(result.prepared.doc.text, expected, p.doc.uri);
    }
  });
});

describe('deleting a block', () => {
  const doc = (text: string) => new SeedDocument('t', text);
  const apply = (d: SeedDocument, e: { start: number; end: number; newText: string }) => d.text.slice(0, e.start) + e.newText + d.text.slice(e.end);
  const del = (text: string, first: number, last = first) => {
    const d = doc(text);
    return apply(d, deleteLinesEdit(d, lineProfile(d), first, last));
  };

  it('takes one of the blank lines around a line between two blank lines', () => {
    assert.equal(del('P1\n\nX\n\nP2\n', 2), 'P1\n\nP2\n');
  });
  it('keeps the separation a block had on one side only', () => {
    assert.equal(del('P1\nX\n\nP2', 1), 'P1\n\nP2');
    assert.equal(del('P1\nX\nP2', 1), 'P1\nP2');
    assert.equal(del('P1\n\nX\nY\n\nP2', 2, 3), 'P1\n\nP2');
  });
  it('at the start of a file, takes the blank lines after it and keeps a BOM', () => {
    assert.equal(del('X\n\nP1\n', 0), 'P1\n');
    assert.equal(del('\uFEFFX\n\nP1', 0), '\uFEFFP1');
  });
  it('at the end of a file, takes the blank lines before it and keeps how the file ended', () => {
    assert.equal(del('P1\n\nX', 2), 'P1');
    assert.equal(del('P1\n\nX\n', 2), 'P1\n');
    assert.equal(del('P1\r\n\r\nX\r\n\r\n', 2), 'P1\r\n');
  });
  it('a file that is all boilerplate becomes empty', () => {
    assert.equal(del('X\n\nY\n', 0, 2), '');
  });
  it('collapses blank runs to one between paragraphs and to none at the edges', () => {
    const collapse = (text: string, first: number, last: number) => {
      const d = doc(text);
      return apply(d, collapseBlankRunEdit(d, lineProfile(d), first, last));
    };
    assert.equal(collapse('P1\n\n\n\nP2', 1, 3), 'P1\n\nP2');
    assert.equal(collapse('\n\nP1', 0, 1), 'P1');
    assert.equal(collapse('P1\n\n\n', 1, 2), 'P1\n');
  });
});

describe('boilerplate rules in isolation', () => {
  it('a rule turned off reports nothing and leaves the line to no other kind', () => {
    const text = 'عنوان الخبر هنا\n\nفقرة أولى طويلة من نص المقال تتحدث عن الأحداث الجارية في البلاد.\n\nend of list\n';
    assert.equal(boilerplateFindings(text).filter((f) => f.rule === 'boilerplate/scraper-debris').length, 1);
    assert.deepEqual(boilerplateFindings(text, { rules: { 'boilerplate/scraper-debris': 'off' } }), []);
  });

  it('user patterns flag, the allowlist wins over every rule, and invalid expressions are reported, not thrown', () => {
    const problems: string[] = [];
    const settings = normalizeSettings({ boilerplate: { patterns: ['^نشرة الظهيرة', '(oops'], allowlist: ['^end of list$', '[z-a]'] } }, problems);
    assert.deepEqual(settings.boilerplatePatterns, ['^نشرة الظهيرة']);
    assert.deepEqual(settings.boilerplateAllowlist, ['^end of list$']);
    assert.equal(problems.length, 2, problems.join('\n'));
    assert.match(problems[0], /^corpusLens\.boilerplate\.patterns\[1\]: "\(oops" is not a valid regular expression/);
    const text = 'عنوان الخبر هنا\nنشرة الظهيرة من راديو الأمل\nend of list\nفقرة أخيرة من نص المقال.';
    const findings = boilerplateFindings(text, { 'boilerplate.patterns': ['^نشرة الظهيرة'], 'boilerplate.allowlist': ['^end of list$'] });
    assert.deepEqual(findings.map((f) => [f.range.start.line, f.rule]), [[1, 'boilerplate/user-pattern']]);
  });

  it('minDocuments defaults to 3, is clamped and rounded', () => {
    assert.equal(normalizeSettings({}).boilerplateMinDocuments, 3);
    assert.equal(normalizeSettings({ 'boilerplate.minDocuments': 1 }).boilerplateMinDocuments, 2);
    assert.equal(normalizeSettings({ boilerplate: { minDocuments: 4.4 } }).boilerplateMinDocuments, 4);
    const problems: string[] = [];
    assert.equal(normalizeSettings({ 'boilerplate.minDocuments': 'many' }, problems).boilerplateMinDocuments, 3);
    assert.equal(problems.length, 1);
  });

  it('a one-line document and an empty one are handled', () => {
    assert.deepEqual(boilerplateFindings(''), []);
    assert.deepEqual(boilerplateFindings('كازاخستان'), []);
    assert.equal(boilerplateFindings('شارك')[0]?.rule, 'boilerplate/share-prompt');
  });
});

describe('corpus line frequencies', () => {
  const summary = (text: string) => prepareDocument(new SeedDocument('x', text)).summary;

  it('counts each document once per normalized line, incrementally', () => {
    const index = new CorpusIndex();
    index.set('a', summary('عنوان أول\nتابعونا   على موقعنا!\nتابعونا على موقعنا'));
    index.set('b', summary('عنوان ثان\nتابعونا على موقعنا'));
    const key = lineProfile(new SeedDocument('k', 'تابعونا على موقعنا')).keys[0];
    assert.equal(index.lineDocumentFrequency(key), 2);
    index.set('b', summary('عنوان ثان\nنص آخر'));
    assert.equal(index.lineDocumentFrequency(key), 1);
    index.remove('a');
    assert.equal(index.lineDocumentFrequency(key), 0);
  });

  it('folds spelling variants, diacritics, digits and punctuation into one key', () => {
    const keys = ['إقرأ أيضاً: الخبر ٣', 'اقرأ ايضا - الخبر 3', 'اقـرأ أيضًا الخبر 3.'].map((t) => lineProfile(new SeedDocument('k', t)).keys[0]);
    assert.equal(new Set(keys).size, 1);
    assert.notEqual(keys[0], lineProfile(new SeedDocument('k', 'اقرأ أيضا الخبر 4')).keys[0]);
  });

  it('a single document is its own corpus', () => {
    const s = summary('عنوان الخبر الرئيسي اليوم\nسطر');
    const view = singleDocumentCorpus(s);
    assert.equal(view.lineDocumentFrequency(s.lineKeys[0]), 1);
    assert.equal(view.lineDocumentFrequency(12345), 0);
    assert.equal(view.titleDocumentFrequency(s.titleKey), 1);
  });
});

describe('.corpuslens.json schema', () => {
  it('schemas/corpuslens.schema.json is generated from the settings table (run npm run sync-docs)', () => {
    const committed = JSON.parse(readFileSync(join(ROOT, 'schemas', 'corpuslens.schema.json'), 'utf8'));
    assert.deepEqual(committed, configFileSchema());
  });

  it('accepts every setting dotted and nested, and nothing else', () => {
    const schema = configFileSchema() as { properties: Record<string, { properties?: Record<string, unknown> }>; additionalProperties: boolean };
    assert.ok(schema.properties['boilerplate.minDocuments']);
    assert.ok(schema.properties.boilerplate.properties?.minDocuments);
    assert.ok(schema.properties.severity.properties?.digits);
    assert.equal(schema.additionalProperties, false);
  });
});
