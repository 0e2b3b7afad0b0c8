/** The LSP converters for claims: outline, workspace symbols, hover, inlay hints. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SymbolKind } from 'vscode-languageserver';
import { CorpusIndex, prepareDocument, SeedDocument } from '../../server/src/core';
import { corpusReportsSection } from '../../server/src/features/corpusReports';
import { hoverAt } from '../../server/src/features/hover';
import { inlayHints } from '../../server/src/features/inlayHints';
import { documentSymbols, headingLines, workspaceSymbols } from '../../server/src/features/outline';

const TEXT = [
  'احتجاجات في كازاخستان', // heading
  'وبحسب أرقام وزارة الداخلية، فقد تم اعتقال أكثر من 3000 شخص.',
  'حصيلة القتلى',
  'وقتل ١٨ شرطيا، واعتقلت الشرطة نحو ثمانية آلاف شخص.',
  'وأصيب شرطيان بجروح.',
].join('\n');

const doc = new SeedDocument('file:///a.txt', TEXT);
const analysis = prepareDocument(doc);

describe('outline', () => {
  it('finds headings: short lines without final punctuation', () => {
    assert.deepEqual(headingLines(doc), [0, 2]);
  });

  it('nests claims under their sections, named with event, qualifier, value and subject', () => {
    const symbols = documentSymbols(analysis, doc);
    assert.deepEqual(
      symbols.map((s) => [s.name, s.kind, s.range.start.line, s.range.end.line, (s.children ?? []).map((c) => c.name)]),
      [
        ['احتجاجات في كازاخستان', SymbolKind.String, 0, 1, ['اعتقال · أكثر من 3000 شخص']],
        ['حصيلة القتلى', SymbolKind.String, 2, 4, ['مقتل · 18 شرطي', 'اعتقال · نحو 8000 شخص', 'إصابة · 2 شرطي']],
      ],
    );
    assert.equal(symbols[0].children![0].detail, 'وزارة الداخلية');
    for (const s of symbols) {
      for (const c of s.children ?? []) {
        assert.ok(c.range.start.line >= s.range.start.line && c.range.end.line <= s.range.end.line, 'children lie inside their section');
      }
    }
  });

  it('puts claims before the first heading at the top level', () => {
    const d = new SeedDocument('x', 'قتل 5 أشخاص في الهجوم الذي وقع صباح اليوم في المدينة.\nعنوان فرعي\nنص.');
    const symbols = documentSymbols(prepareDocument(d), d);
    assert.deepEqual(symbols.map((s) => s.kind), [SymbolKind.Event, SymbolKind.String]);
  });

  it('finds claims across documents by Arabic or English words', () => {
    const other = new SeedDocument('file:///b.txt', 'أكدت الوزارة إعتقال 500 شخص.');
    const docs = [
      { uri: doc.uri, claims: analysis.claims },
      { uri: other.uri, claims: prepareDocument(other).claims },
    ];
    assert.deepEqual(
      workspaceSymbols('اعتقال', docs).map((s) => [s.location.uri, s.name]),
      [
        ['file:///a.txt', 'اعتقال · أكثر من 3000 شخص'],
        ['file:///a.txt', 'اعتقال · نحو 8000 شخص'],
        ['file:///b.txt', 'اعتقال · 500 شخص'],
      ],
    );
    assert.equal(workspaceSymbols('killed police', docs).length, 1);
    assert.equal(workspaceSymbols('police', docs).length, 2);
    assert.equal(workspaceSymbols('', docs).length, 5);
    assert.equal(workspaceSymbols('', docs, undefined, 2).length, 2);
  });
});

describe('hover', () => {
  it('shows a claim as a table with isolated Arabic runs', () => {
    const at = TEXT.indexOf('3000') + 1;
    const hover = hoverAt(analysis, doc, doc.positionAt(at));
    assert.ok(hover);
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /\| value \| 3000 \|/);
    assert.match(value, /\| interval \| \[3000, ∞\) \|/);
    assert.match(value, /\| event \| `arrested` \u2068اعتقال\u2069 \|/);
    assert.match(value, /\| qualifier \| `more_than` \u2068أكثر من\u2069 \|/);
    assert.match(value, /\| source \| \u2068وزارة الداخلية\u2069 \|/);
    assert.match(value, /\| quantity \| `arrested\/people` \|/);
    assert.deepEqual(hover.range, doc.range(TEXT.indexOf('3000'), TEXT.indexOf('3000') + 4));
  });

  it('shows a figure that is not a claim, with its kind', () => {
    const d = new SeedDocument('x', 'حكم البلاد منذ عام 1991.');
    const hover = hoverAt(prepareDocument(d), d, d.positionAt(d.text.indexOf('1991')));
    assert.match((hover!.contents as { value: string }).value, /\| kind \| year \|/);
    assert.equal(hoverAt(prepareDocument(d), d, { line: 0, character: 1 }), null);
  });
});

describe('inlay hints', () => {
  const whole = { start: { line: 0, character: 0 }, end: { line: doc.lineCount, character: 0 } };

  it('gives the value of numbers in words and in Eastern digits', () => {
    const hints = inlayHints(analysis, doc, whole, 'wordsAndEastern');
    assert.deepEqual(
      hints.map((h) => [h.label, doc.offsetAt(h.position)]),
      [
        ['18', TEXT.indexOf('١٨') + 2],
        ['8000', TEXT.indexOf('ثمانية آلاف') + 'ثمانية آلاف'.length],
        ['2', TEXT.indexOf('شرطيان') + 'شرطيان'.length],
      ],
    );
  });

  it('follows the setting', () => {
    assert.deepEqual(inlayHints(analysis, doc, whole, 'off'), []);
    assert.deepEqual(
      inlayHints(analysis, doc, whole, 'words').map((h) => h.label),
      ['8000', '2'],
    );
    assert.equal(inlayHints(analysis, doc, whole, 'all').length, 4);
  });

  it('only hints inside the requested range', () => {
    const line3 = { start: { line: 3, character: 0 }, end: { line: 3, character: 200 } };
    assert.deepEqual(
      inlayHints(analysis, doc, line3, 'wordsAndEastern').map((h) => h.label),
      ['18', '8000'],
    );
  });

  it('hints a full date in Eastern digits', () => {
    const d = new SeedDocument('x', 'يوم الأحد ٩ كانون الثاني / يناير ٢٠٢٢');
    assert.deepEqual(
      inlayHints(prepareDocument(d), d, whole, 'wordsAndEastern').map((h) => h.label),
      ['2022-01-09'],
    );
  });
});

describe('hover: every report of the quantity across the corpus', () => {
  const text = (n: number, day: number, place = '') => `وفي ${day} يناير 2022 قتل ${n} شرطيا${place}.`;
  function corpusOf(docs: Record<string, string>): CorpusIndex {
    const corpus = new CorpusIndex();
    for (const [uri, body] of Object.entries(docs)) corpus.set(uri, prepareDocument(new SeedDocument(uri, body)).summary);
    return corpus;
  }

  it('lists the first 12 reports by date, file and line, and how many more there are', () => {
    const docs: Record<string, string> = {};
    for (let k = 0; k < 30; k++) docs[`file:///d${String(k).padStart(2, '0')}.txt`] = text(18, 5 + (k % 7));
    const corpus = corpusOf(docs);
    const claim = prepareDocument(new SeedDocument('file:///d03.txt', docs['file:///d03.txt'])).claims[0];
    const section = corpusReportsSection(claim, 'file:///d03.txt', corpus);
    const rows = section.split('\n').filter((l) => /^\| \d/.test(l));
    const expected = Object.keys(docs)
      .map((uri, k) => ({ uri, day: 5 + (k % 7) }))
      .sort((a, b) => a.day - b.day || a.uri.localeCompare(b.uri))
      .slice(0, 12)
      .map(({ uri, day }) => `${uri.slice(8)}:1${uri === 'file:///d03.txt' ? ' (this)' : ''} | 2022-01-${String(day).padStart(2, '0')}`);
    assert.deepEqual(
      rows.map((r) => r.split(' | ').slice(2, 4).join(' | ')),
      expected,
    );
    assert.match(section, /…and 18 more reports$/);
    // Thirty copies of one report are one story, whatever the nearest-few limit of links.
    assert.match(section, /\nCompared with 29 reports in the story «\u2068وفي 5 يناير 2022 قتل 18 شرطيا\.\u2069», 30 documents\.\n/);
    // The table follows the corpus: a changed report shows at once.
    corpus.set('file:///d07.txt', prepareDocument(new SeedDocument('file:///d07.txt', text(7, 1))).summary);
    const after = corpusReportsSection(claim, 'file:///d03.txt', corpus);
    assert.equal(after.split('\n').filter((l) => /^\| \d/.test(l))[0], '| 7 | exact | d07.txt:1 | 2022-01-01 | — | ℹ evolving |');
  });

  it('a figure for one place lists that place\'s reports, with its verdict', () => {
    const corpus = corpusOf({
      'file:///a.txt': text(18, 6),
      'file:///b.txt': text(18, 6),
      'file:///c.txt': text(20, 6, ' في مدينة ألماتي'),
      'file:///d.txt': text(30, 5, ' في مدينة ألماتي'),
    });
    const body = text(20, 6, ' في مدينة ألماتي');
    const claim = prepareDocument(new SeedDocument('file:///c.txt', body)).claims[0];
    assert.equal(claim.scope?.kind, 'local', JSON.stringify(claim));
    const section = corpusReportsSection(claim, 'file:///c.txt', corpus);
    assert.match(section, /^\*\*Conflict:\*\* 1 report\(s\) of `killed\/police@[^`]+` disagree with this one\./);
    assert.deepEqual(
      section.split('\n').filter((l) => /^\| \d/.test(l)).map((r) => r.split(' | ')[2]),
      // By date: d's 30 (5 January) before c's 20 (6 January), a later, smaller toll.
      ['d.txt:1', 'c.txt:1 (this)'],
    );
  });
});
