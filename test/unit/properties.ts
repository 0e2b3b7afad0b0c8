/**
 * Properties every analysis must keep, whatever the text and whatever rules
 * the registry holds, with the fast-check arbitraries that attack them.
 * `properties.test.ts` runs them briefly in `npm test`; `bench/fuzz.ts`
 * runs the same checks on 100,000+ inputs (`npm run bench:fuzz`).
 *
 * The checks throw (node:assert) with a message naming the property.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  analyzeDocument,
  compatibleFixes,
  CorpusIndex,
  normalizeSettings,
  prepareDocument,
  RULES,
  SeedDocument,
  type DocumentAnalysis,
  type Finding,
  type PreparedDocument,
  type Range,
  type Settings,
} from '../../server/src/core';
import { fixDocument } from '../../server/src/core/fixes';
import { scanNumbers } from '../../server/src/core/numbers/scanner';
import { findRule } from '../../server/src/core/rules';
import { applyEdits } from '../../server/src/core/text';
import { assertNothingLogged, recordingLogger } from './recording-logger';

// ---------------------------------------------------------------- arbitraries

const SEED_LINES = (() => {
  const dir = join(__dirname, '..', '..', 'seeds');
  return readdirSync(dir)
    .sort()
    .flatMap((name) => readFileSync(join(dir, name), 'utf8').split(/\r?\n/))
    .filter((line) => line.trim());
})();

const WORDS = [
  'قتل', 'قتلوا', 'شخصا', 'شرطيا', 'في', 'من', 'ألف', 'آلاف', 'ألفا', 'مليون', 'ملايين', 'مليار', 'عشرات', 'مئات', 'سبعين',
  'أكثر من', 'نحو', 'حوالي', 'قرابة', 'على الأقل', 'ما يقارب', 'الشرطة', 'اعتقال', 'اعتقلت', 'المتظاهرين', 'قوات الأمن',
  'وزارة الداخلية', 'قالت', 'يوم', 'عام', 'الجمعة', 'يناير', 'في في', 'ـ', 'ی', 'ک', 'ڤ', ' ،', '«', '»', '“', '”', '"',
  'the', 'police', 'said', 'killed', 'arrested', 'more than', 'about', 'million', 'people', 'BTC.com', 'COVID-19', 'قناة الأخبار 24',
];
const BOILERPLATE = [
  'المصدر : الجزيرة + وكالات', '[covid19-ultimate-card region="KZ"]', '[/shortcode]', 'اقرأ أيضا:', '<p>', '</div>', '&nbsp;',
  'end of list', 'شارك هذا المقال', 'اشترك', 'Read more', 'Advertisement',
];
/** Characters that break naive text handling: NUL, bidi controls, joiners, NBSP, BOM, combining marks, tatweel. */
const SPECIAL = [
  '\u0000', '\u200E', '\u200F', '\u061C', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069',
  '\u200B', '\u200C', '\u200D', '\u00A0', '\uFEFF', '\u0640', '\u064B', '\u064E', '\u0651', '\u0652', '\u0670', '\u0301', '\u0308',
  '\u0336', '\uFDF2', '\uFE8D', '\u2028', '\u2029', '\u0085', '\t', '\v', '\f',
];
const DIGITS = '0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹';
const SEPARATORS = [',', '.', '٬', '٫', '%', '٪', '-', '/', ':'];

const digitRun = fc.string({ unit: fc.constantFrom(...DIGITS), minLength: 1, maxLength: 5 });
/** A number-like run: digit groups of any script with separators and percent signs between and around. */
const numberish = fc
  .tuple(fc.array(digitRun, { minLength: 1, maxLength: 4 }), fc.array(fc.constantFrom(...SEPARATORS), { minLength: 4, maxLength: 4 }), fc.constantFrom('', '', '%', '٪'), fc.boolean())
  .map(([groups, seps, percent, before]) => {
    const body = groups.map((g, i) => (i ? seps[i - 1] + g : g)).join('');
    return before ? percent + body : body + percent;
  });
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const anyCodePoint = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 });
const lineBreak = fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\n\n\n', '\r\n\r\n');

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 5, arbitrary: numberish },
  { weight: 6, arbitrary: fc.constant(' ') },
  { weight: 3, arbitrary: lineBreak },
  { weight: 2, arbitrary: fc.constantFrom(...SPECIAL) },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 2, arbitrary: anyCodePoint },
  { weight: 1, arbitrary: fc.constantFrom(...BOILERPLATE) },
  { weight: 1, arbitrary: fc.constantFrom(...SEPARATORS) },
  { weight: 1, arbitrary: fc.constantFrom(...SEED_LINES) },
);

/** Arbitrary seed-file text: Arabic and Latin words, numbers in every script, hostile characters, real seed lines. */
export const seedText = fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join(''));

/** One line of exactly 100,000 UTF-16 code units, a random pattern repeated (it may end on half a surrogate pair). */
export const longLine = fc.array(piece, { minLength: 1, maxLength: 12 }).map((pieces) => {
  const unit = pieces.join('').replace(/[\r\n\u0085\u2028\u2029]/g, ' ') || '١';
  return unit.repeat(Math.ceil(100_000 / unit.length)).slice(0, 100_000);
});

/** A corpus of one to three documents. */
export const corpusTexts = fc.array(seedText, { minLength: 1, maxLength: 3 });

/**
 * Settings with every rule of the registry enabled (at its default severity,
 * so new rules are covered without touching this file), the digit target
 * style varied, and now and then a few rules turned off (which hands their
 * findings to other rules).
 */
export const settingsArb = fc
  .tuple(fc.constantFrom('western', 'eastern', 'majority'), fc.boolean(), fc.option(fc.subarray(RULES.map((r) => r.id), { maxLength: 3 }), { freq: 4 }))
  .map(([style, fixOnSave, off]): Settings => {
    const rules: Record<string, string> = {};
    for (const rule of RULES) rules[rule.id] = rule.defaultSeverity;
    for (const id of off ?? []) rules[id] = 'off';
    return normalizeSettings({ digits: { targetStyle: style }, boilerplate: { fixOnSave }, rules });
  });

// ---------------------------------------------------------------- running the core

export interface CorpusRun {
  prepared: PreparedDocument[];
  analyses: DocumentAnalysis[];
  index: CorpusIndex;
  settings: Settings;
}

const uriOf = (i: number) => `file:///corpus/seeds/doc-${i}.txt`;

/** Prepares every text into one corpus index, then analyses each against it, as the CLI does. */
export function runCorpus(texts: readonly string[], settings: Settings): CorpusRun {
  const logger = recordingLogger();
  const index = new CorpusIndex();
  const prepared = texts.map((text, i) => prepareDocument(new SeedDocument(uriOf(i), text), settings, logger));
  for (const p of prepared) index.set(p.doc.uri, p.summary);
  const analyses = prepared.map((p) => analyzeDocument(p, index, settings, { logger }));
  assertNothingLogged(logger, 'neither claim extraction nor any rule throws (the core logs and skips what does)');
  return { prepared, analyses, index, settings };
}

// ---------------------------------------------------------------- the properties

function positionInside(doc: SeedDocument, p: { line: number; character: number }, what: string): void {
  assert.ok(Number.isInteger(p.line) && p.line >= 0 && p.line < doc.lineCount, `${what}: line ${p.line} outside 0..${doc.lineCount - 1}`);
  const length = doc.lineEnd(p.line) - doc.lineStarts[p.line];
  assert.ok(Number.isInteger(p.character) && p.character >= 0 && p.character <= length, `${what}: character ${p.character} outside line ${p.line} (length ${length})`);
}

function rangeInside(doc: SeedDocument, r: Range, what: string): void {
  positionInside(doc, r.start, `${what} start`);
  positionInside(doc, r.end, `${what} end`);
  assert.ok(doc.offsetAt(r.start) <= doc.offsetAt(r.end), `${what}: start after end`);
}

/** Every finding, fix edit and related location lies inside its document, as a valid LSP range. */
export function checkRangesInside(run: CorpusRun): void {
  const docs = new Map(run.prepared.map((p) => [p.doc.uri, p.doc]));
  for (const a of run.analyses) {
    for (const f of a.findings) {
      rangeInside(a.doc, f.range, `${f.rule} range`);
      for (const e of f.fix?.edits ?? []) rangeInside(a.doc, e.range, `${f.rule} fix edit`);
      for (const rel of f.related ?? []) {
        const other = docs.get(rel.uri);
        assert.ok(other, `${f.rule} related location in an unknown document ${rel.uri}`);
        rangeInside(other, rel.range, `${f.rule} related location`);
      }
    }
  }
}

interface Span {
  start: number;
  end: number;
  newText: string;
  rule: string;
}

function spansOf(doc: SeedDocument, findings: readonly Finding[]): Span[] {
  return findings
    .flatMap((f) => (f.fix?.edits ?? []).map((e) => ({ start: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end), newText: e.newText, rule: f.rule })))
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

function assertDisjoint(spans: readonly Span[], what: string): void {
  for (let k = 1; k < spans.length; k++) {
    assert.ok(spans[k - 1].end <= spans[k].start, `${what}: ${spans[k - 1].rule} [${spans[k - 1].start},${spans[k - 1].end}) overlaps ${spans[k].rule} [${spans[k].start},${spans[k].end})`);
  }
}

/** The edits of one fix never overlap, and neither do the edits of all the fixes `compatibleFixes` selects. */
export function checkFixesDisjoint(run: CorpusRun): void {
  for (const a of run.analyses) {
    for (const f of a.findings) assertDisjoint(spansOf(a.doc, [f]), `edits of one ${f.rule} fix`);
    assertDisjoint(spansOf(a.doc, compatibleFixes(a.findings, a.doc)), 'compatibleFixes');
  }
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * Applying the compatible fixes changes nothing outside their ranges: the
 * result is exactly the untouched segments and the new texts, in UTF-16
 * units and in UTF-8 bytes (so no edit boundary splits a surrogate pair or
 * glues two halves into a new character).
 */
export function checkOutsideUnchanged(run: CorpusRun): void {
  for (const a of run.analyses) {
    const fixes = compatibleFixes(a.findings, a.doc);
    const spans = spansOf(a.doc, fixes);
    const out = applyEdits(a.doc, fixes.flatMap((f) => f.fix!.edits));
    const text = a.doc.text;
    const pieces: string[] = [];
    let last = 0;
    for (const s of spans) {
      for (const boundary of [s.start, s.end]) {
        assert.ok(!(isHigh(text.charCodeAt(boundary - 1)) && isLow(text.charCodeAt(boundary))), `${s.rule} fix edit boundary at ${boundary} splits a surrogate pair`);
      }
      pieces.push(text.slice(last, s.start), s.newText);
      last = s.end;
    }
    pieces.push(text.slice(last));
    let at = 0;
    for (const [k, p] of pieces.entries()) {
      assert.equal(out.slice(at, at + p.length), p, k % 2 === 0 ? 'text outside the fix ranges is unchanged' : 'the new text is inserted as is');
      at += p.length;
    }
    assert.equal(at, out.length, 'nothing else is added');
    const bytes = Buffer.concat(pieces.map((p) => Buffer.from(p, 'utf8')));
    assert.ok(Buffer.from(out, 'utf8').equals(bytes), 'the UTF-8 bytes outside the fix ranges are unchanged');
  }
}

/** A digits fix rewrites only the number, and the number keeps its value where it stands (domain.md). */
export function checkDigitFixesKeepValue(run: CorpusRun): void {
  for (const a of run.analyses) {
    for (const f of a.findings) {
      if (!f.rule.startsWith('digits/') || !f.fix) continue;
      assert.equal(f.fix.edits.length, 1, `${f.rule}: one edit`);
      const [e] = f.fix.edits;
      const start = a.doc.offsetAt(e.range.start);
      const old = a.doc.text.slice(start, a.doc.offsetAt(e.range.end));
      const numberChars = /^[0-9\u0660-\u0669\u06F0-\u06F9.,\u066B\u066C%\u066A]+$/;
      assert.match(old, numberChars, `${f.rule} replaces only number characters`);
      assert.match(e.newText, numberChars, `${f.rule} writes only number characters`);
      const before = scanNumbers(a.doc.text).find((t) => t.start === start);
      const fixed = applyEdits(a.doc, [e]);
      const after = scanNumbers(fixed).find((t) => t.start === start);
      assert.ok(before && after, `${f.rule}: a number before and after the fix at ${start}`);
      assert.equal(after.text, e.newText, `${f.rule}: the fixed number reads as one token "${e.newText}", not "${after.text}"`);
      assert.ok(Object.is(after.value, before.value), `${f.rule}: "${old}" → "${e.newText}" changes the value ${before.value} → ${after.value}`);
    }
  }
}

/** Fixing every document to the fixed point twice gives the same text as once. */
export function checkFixIdempotent(run: CorpusRun): void {
  const index = new CorpusIndex();
  for (const p of run.prepared) index.set(p.doc.uri, p.summary);
  const logger = recordingLogger();
  for (const p of run.prepared) {
    const once = fixDocument(p, index, run.settings, { logger });
    const twice = fixDocument(prepareDocument(new SeedDocument(p.doc.uri, once.prepared.doc.text), run.settings, logger), index, run.settings, { logger });
    assert.equal(twice.applied, 0, `a second fix-all applies ${twice.applied} more fix(es) (${twice.remaining.filter((f) => f.fix).map((f) => f.rule).join(', ')})`);
    assert.equal(twice.prepared.doc.text, once.prepared.doc.text, 'fixing twice equals fixing once');
  }
  assertNothingLogged(logger, 'fixing');
}

/** A finding with a fix comes from a rule marked fixable: fix passes (`fixableOnly`) run no other rule, so its fix would never be applied. */
export function checkFixesMarkedFixable(run: CorpusRun): void {
  for (const a of run.analyses) {
    for (const f of a.findings) if (f.fix) assert.ok(findRule(f.rule)?.fixable, `${f.rule} offers a fix but is not marked fixable`);
  }
}

/** All properties on one corpus: what the long fuzz run checks per input. */
export function checkAll(texts: readonly string[], settings: Settings): void {
  const run = runCorpus(texts, settings);
  checkRangesInside(run);
  checkFixesDisjoint(run);
  checkOutsideUnchanged(run);
  checkDigitFixesKeepValue(run);
  checkFixIdempotent(run);
  checkFixesMarkedFixable(run);
}
