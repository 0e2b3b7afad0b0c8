/**
 * Claim fixtures (test/fixtures/claims/): the document with a `{claim ...}`
 * marker at the end of each line a claim starts on (syntax:
 * test/fixtures/README.md).
 *
 *     اعتقال أكثر من 3000 شخص. {claim arrested people more_than 3000 3000 - source="وزارة الداخلية" date=2022-01-07}
 *
 * A claim marker is `{claim <event> <subject> <qualifier> <value>}`,
 * optionally followed by `<low> <high>` (a number, or `-` for null), then
 * in any order `source="..."`, `date=YYYY-MM-DD` and `scope=national`,
 * `scope=local:<place>` or `scope="local:<place with spaces>"` (`-` demands
 * null for each), `kind=count`, `unit=<unit>` (or `-`), `vague=true|false` and `compared=true|false`
 * (whether the claim enters the cross-document judgement); the identity fields
 * `role=whole|part`, `partOf=<n>|-`, `aggregation=<id>`, `background=`, `earlier=`, `headless=` and `hypothetical=true|false`
 * (absent on a claim reads as whole, -, incident and false). Parts left out are not checked. Claims are compared as a
 * set: every marker must be matched and no other claim may be extracted, so
 * a line without a marker is a hard negative (it must give nothing).
 */
import { scopeKey, type Claim } from '../../server/src/core/claims';
import { readMarkedFixture, type Marker } from './fixture-markers';

export interface ClaimExpectation {
  line: number;
  event: string;
  subject: string;
  qualifier: string;
  value: number;
  low?: number | null;
  high?: number | null;
  source?: string | null;
  date?: string | null;
  scope?: string | null;
  kind?: string;
  unit?: string | null;
  vague?: boolean;
  compared?: boolean;
  role?: string;
  partOf?: number | null;
  aggregation?: string;
  background?: boolean;
  earlier?: boolean;
  headless?: boolean;
  hypothetical?: boolean;
}

export interface ClaimFixture {
  text: string;
  settings: Record<string, unknown>;
  expect: ClaimExpectation[];
}

const NUMBER = /^\d+(?:\.\d+)?$/;
const bound = (s: string) => (s === '-' ? null : Number(s));

export function claimExpectation(m: Marker): ClaimExpectation {
  const bad = (why: string) => new Error(`line ${m.line}: ${m.source}: ${why}`);
  const positional = m.fields.filter((f) => f.key === undefined);
  if (positional.some((f) => f.quoted)) throw bad('quoted text outside source="..." or scope="..."');
  const words = positional.map((f) => f.value);
  if (words.length !== 4 && words.length !== 6) throw bad('a claim marker is `claim <event> <subject> <qualifier> <value> [<low> <high>]`');
  const [event, subject, qualifier, value, low, high] = words;
  if (!NUMBER.test(value)) throw bad(`value "${value}" is not a number`);
  for (const b of [low, high]) if (b !== undefined && b !== '-' && !NUMBER.test(b)) throw bad(`bound "${b}" is not a number or -`);
  const e: ClaimExpectation = { line: m.line, event, subject, qualifier, value: Number(value) };
  if (low !== undefined) {
    e.low = bound(low);
    e.high = bound(high);
  }
  for (const f of m.fields) {
    if (f.key === undefined) continue;
    const orNull = !f.quoted && f.value === '-' ? null : f.value;
    if (f.key === 'source') {
      if (!f.quoted && orNull !== null) throw bad('source is quoted ("...") or -');
      e.source = orNull;
    } else if (f.key === 'date') {
      if (orNull !== null && !/^\d{4}-\d{2}-\d{2}$/.test(orNull)) throw bad(`date "${f.value}" is not YYYY-MM-DD or -`);
      e.date = orNull;
    } else if (f.key === 'scope') {
      if (orNull !== null && orNull !== 'national' && !orNull.startsWith('local:')) throw bad(`scope "${f.value}" is not national, local:<place> or -`);
      e.scope = orNull;
    } else if (f.key === 'kind') {
      if (f.quoted || !/^[a-z]+$/.test(f.value)) throw bad(`kind "${f.value}" is not a claim kind id`);
      e.kind = f.value;
    } else if (f.key === 'unit') {
      e.unit = orNull;
    } else if (f.key === 'vague') {
      if (f.value !== 'true' && f.value !== 'false') throw bad(`vague "${f.value}" is not true or false`);
      e.vague = f.value === 'true';
    } else if (f.key === 'compared') {
      if (f.value !== 'true' && f.value !== 'false') throw bad(`compared "${f.value}" is not true or false`);
      e.compared = f.value === 'true';
    } else if (f.key === 'role') {
      if (f.value !== 'whole' && f.value !== 'part') throw bad(`role "${f.value}" is not whole or part`);
      e.role = f.value;
    } else if (f.key === 'partOf') {
      if (orNull !== null && !NUMBER.test(f.value)) throw bad(`partOf "${f.value}" is not a number or -`);
      e.partOf = orNull === null ? null : Number(f.value);
    } else if (f.key === 'aggregation') {
      if (!/^[a-z]+$/.test(f.value)) throw bad(`aggregation "${f.value}" is not an aggregation id`);
      e.aggregation = f.value;
    } else if (f.key === 'background' || f.key === 'earlier' || f.key === 'headless' || f.key === 'hypothetical') {
      if (f.value !== 'true' && f.value !== 'false') throw bad(`${f.key} "${f.value}" is not true or false`);
      e[f.key] = f.value === 'true';
    } else throw bad(`unknown field "${f.key}" (a claim marker takes source=, date=, scope=, kind=, unit=, vague=, compared=, role=, partOf=, aggregation=, background=, earlier=, headless=, hypothetical=)`);
  }
  return e;
}

export function parseClaimFixture(path: string): ClaimFixture {
  const { text, settings, markers } = readMarkedFixture(path);
  const expect: ClaimExpectation[] = [];
  for (const m of markers) {
    if (m.id === '#') continue;
    if (m.id !== 'claim') throw new Error(`${path}: line ${m.line}: ${m.source}: only claim markers belong in test/fixtures/claims/`);
    try {
      expect.push(claimExpectation(m));
    } catch (err) {
      throw new Error(`${path}: ${(err as Error).message}`);
    }
  }
  return { text, settings, expect };
}

export function matchesClaim(c: Claim, e: ClaimExpectation): boolean {
  return (
    c.range.start.line + 1 === e.line &&
    c.event === e.event &&
    c.subject === e.subject &&
    c.qualifier === e.qualifier &&
    c.value === e.value &&
    (e.low === undefined || c.low === e.low) &&
    (e.high === undefined || c.high === e.high) &&
    (e.source === undefined || c.source === e.source) &&
    (e.date === undefined || c.date === e.date) &&
    (e.scope === undefined || scopeKey(c.scope ?? null) === e.scope) &&
    (e.kind === undefined || c.kind === e.kind) &&
    (e.unit === undefined || c.unit === e.unit) &&
    (e.vague === undefined || c.vague === e.vague) &&
    (e.compared === undefined || (c.comparable !== false) === e.compared) &&
    (e.role === undefined || (c.role ?? 'whole') === e.role) &&
    (e.partOf === undefined || (c.partOf ?? null) === e.partOf) &&
    (e.aggregation === undefined || (c.aggregation ?? 'incident') === e.aggregation) &&
    (e.background === undefined || (c.background ?? false) === e.background) &&
    (e.earlier === undefined || (c.earlier ?? false) === e.earlier) &&
    (e.headless === undefined || (c.headless ?? false) === e.headless) &&
    (e.hypothetical === undefined || (c.hypothetical ?? false) === e.hypothetical)
  );
}

/** A claim as the marker that would match it in full, on its line. */
export function describeClaim(c: Claim): string {
  const key = scopeKey(c.scope ?? null);
  const scope = key ? (/\s/.test(key) ? JSON.stringify(key) : key) : '-';
  return `line ${c.range.start.line + 1}: {claim ${c.event} ${c.subject} ${c.qualifier} ${c.value} ${c.low ?? '-'} ${c.high ?? '-'} source=${c.source === null ? '-' : JSON.stringify(c.source)} date=${c.date ?? '-'} scope=${scope} kind=${c.kind} unit=${c.unit ?? '-'} vague=${c.vague} compared=${c.comparable !== false}${identityFields(c)}}  «${c.text}»`;
}

/** The identity fields that differ from their default, as marker fields. */
function identityFields(c: Claim): string {
  let out = '';
  if (c.role && c.role !== 'whole') out += ` role=${c.role}`;
  if (c.partOf !== undefined) out += ` partOf=${c.partOf}`;
  if (c.aggregation && c.aggregation !== 'incident') out += ` aggregation=${c.aggregation}`;
  if (c.background) out += ' background=true';
  if (c.earlier) out += ' earlier=true';
  if (c.headless) out += ' headless=true';
  if (c.hypothetical) out += ' hypothetical=true';
  return out;
}
