/**
 * Rule fixtures (test/fixtures/<family>/): the document with a marker at the
 * end of each line a finding starts on (syntax: test/fixtures/README.md).
 *
 *     وقالت إن “20.000 من اللصوص {digits/dot-thousands "20.000" => "20,000"}
 *     وأعلنت 7 من أفراد الشرطة {figures/conflict related=b.txt:1 data.quantity="killed/police"}
 *
 * A marker is `{<rule id>}`, optionally followed by the exact text the
 * finding covers in quotes, `=> "<text>"` (the fix's replacement, `=> ""`
 * for a deletion), `related=<file>:<line>` once per related location
 * (`related=-`: none), and `data.<key>=<value>` for the finding's data.
 * Findings are compared as a set: every marker must be matched and nothing
 * else may be reported (for the families the fixture's folder selects), so
 * a file without markers must give no finding.
 */
import type { Finding, SeedDocument } from '../../server/src/core';
import { readMarkedFixture, type Marker } from './fixture-markers';

export interface Expectation {
  line: number;
  rule: string;
  text?: string;
  replacement?: string;
  /** `<file>:<1-based line>` of every related location, sorted; `[]` demands none. */
  related?: string[];
  data?: Record<string, unknown>;
}

export interface Fixture {
  text: string;
  settings: Record<string, unknown>;
  expect: Expectation[];
}

/** A bare marker value read as JSON where it is JSON (numbers, null, booleans), else as the word itself. */
function bareValue(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

export function ruleExpectation(m: Marker): Expectation {
  const e: Expectation = { line: m.line, rule: m.id };
  const bad = (why: string) => new Error(`line ${m.line}: ${m.source}: ${why}`);
  for (let k = 0; k < m.fields.length; k++) {
    const f = m.fields[k];
    if (f.key === undefined && f.quoted && e.text === undefined && e.replacement === undefined && !e.related && !e.data) e.text = f.value;
    else if (f.key === undefined && !f.quoted && f.value === '=>') {
      const next = m.fields[++k];
      if (!next?.quoted || next.key !== undefined || e.replacement !== undefined) throw bad('`=>` takes one quoted replacement');
      e.replacement = next.value;
    } else if (f.key === 'related') {
      if (f.value === '-') {
        if (e.related?.length) throw bad('`related=-` with other related locations');
        e.related = [];
      } else if (/^.+:\d+$/.test(f.value)) (e.related ??= []).push(f.value);
      else throw bad(`related location "${f.value}" is not <file>:<line>`);
    } else if (f.key?.startsWith('data.') && f.key.length > 5) (e.data ??= {})[f.key.slice(5)] = f.quoted ? f.value : bareValue(f.value);
    else throw bad(`cannot read "${f.key === undefined ? f.value : `${f.key}=${f.value}`}" (a finding marker takes "text", => "fix", related=, data.<key>=)`);
  }
  e.related?.sort();
  return e;
}

export function parseFixture(path: string): Fixture {
  const { text, settings, markers } = readMarkedFixture(path);
  const expect: Expectation[] = [];
  for (const m of markers) {
    if (m.id === '#') continue;
    if (m.id === 'claim') throw new Error(`${path}: line ${m.line}: claim markers belong in test/fixtures/claims/`);
    try {
      expect.push(ruleExpectation(m));
    } catch (err) {
      throw new Error(`${path}: ${(err as Error).message}`);
    }
  }
  return { text, settings, expect };
}

/** `related` of a finding as markers write it; `nameOf` turns a document uri into its file name in the fixture's folder. */
export function relatedOf(f: Finding, nameOf: (uri: string) => string): string[] {
  return (f.related ?? []).map((r) => `${nameOf(r.uri)}:${r.range.start.line + 1}`).sort();
}

const covered = (doc: SeedDocument, f: Finding) => doc.text.slice(doc.offsetAt(f.range.start), doc.offsetAt(f.range.end));

export function matchesFinding(doc: SeedDocument, f: Finding, e: Expectation, nameOf: (uri: string) => string): boolean {
  if (f.range.start.line + 1 !== e.line || f.rule !== e.rule) return false;
  if (e.text !== undefined && covered(doc, f) !== e.text) return false;
  if (e.replacement !== undefined) {
    const edits = f.fix?.edits;
    if (edits?.length !== 1 || edits[0].newText !== e.replacement) return false;
  }
  if (e.related && relatedOf(f, nameOf).join(' ') !== e.related.join(' ')) return false;
  for (const [key, value] of Object.entries(e.data ?? {})) {
    if (JSON.stringify(f.data?.[key]) !== JSON.stringify(value)) return false;
  }
  return true;
}

/** A finding as the marker that would match it, on its line. */
export function describeFinding(doc: SeedDocument, f: Finding, nameOf: (uri: string) => string): string {
  const replacement = f.fix?.edits.length === 1 ? ` => ${JSON.stringify(f.fix.edits[0].newText)}` : '';
  const related = relatedOf(f, nameOf).map((r) => ` related=${r}`).join('');
  return `line ${f.range.start.line + 1}: {${f.rule} ${JSON.stringify(covered(doc, f))}${replacement}${related}}`;
}

export function describeExpectation(e: Expectation): string {
  const parts = [e.rule];
  if (e.text !== undefined) parts.push(JSON.stringify(e.text));
  if (e.replacement !== undefined) parts.push(`=> ${JSON.stringify(e.replacement)}`);
  if (e.related) parts.push(...(e.related.length ? e.related.map((r) => `related=${r}`) : ['related=-']));
  for (const [key, value] of Object.entries(e.data ?? {})) parts.push(`data.${key}=${JSON.stringify(value)}`);
  return `line ${e.line}: {${parts.join(' ')}}`;
}
