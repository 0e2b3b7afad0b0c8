/**
 * The CLI's JSON report (domain.md, "The CLI's JSON output"). Other tools
 * parse it: change it only compatibly, and bump `version` semantics with it.
 */
import type { DocumentAnalysis, FigurePair, Finding, Range, Story } from '../core';
import { omittedFinding } from './format';

export interface JsonFinding {
  rule: string;
  severity: string;
  message: string;
  range: Range;
  fix?: { title: string; edits: { range: Range; newText: string }[] };
  related?: { path: string; range: Range; message: string }[];
}

export interface JsonClaim {
  range: Range;
  text: string;
  event: string;
  subject: string;
  qualifier: string;
  value: number;
  low: number | null;
  high: number | null;
  source: string | null;
  date: string | null;
  /** The claim kind (`count`, `population`, `money`, `measure`, `percent`); added compatibly, readers that predate it ignore it. */
  kind: string;
  /** The figure's unit as written (`RUB`, `km`, `%`), null for counts and populations; its interval (`low`, `high`) is in the dimension's base unit (`m` for `km`). */
  unit: string | null;
  // Optional, present only when not the default (domain.md, "What makes two claims the same quantity").
  role?: 'part';
  partOf?: number;
  aggregation?: string;
  background?: true;
  hypothetical?: true;
  earlier?: true;
  headless?: true;
}

export interface JsonConflict {
  kind: 'conflict' | 'evolving';
  quantity: string;
  a: { path: string; range: Range; value: number };
  b: { path: string; range: Range; value: number };
  message: string;
  /** Why the two are one quantity (the anchors, and the story both are in when the corpus has stories) and why time does not explain the difference (or does, for `evolving`). */
  why?: string;
}

/** The story a file is in (added in 0.1: absent from older reports): figures are compared only within a story. */
export interface JsonStory {
  /** The path of its first document: the same for every file of the story. */
  id: string;
  /** That document's title. */
  label: string;
  /** How many documents it holds (1: the file is alone in its story). */
  documents: number;
}

/** The corpus's stories, for the report: the file's own when not given. */
export type StoryLookup = (uri: string) => Story;

export interface JsonReport {
  tool: 'corpus-lens';
  version: string;
  /** `omittedFindings`: how many findings past `--max-findings` the last one (`corpus-lens/too-many-findings`) stands for; absent when none. */
  files: { path: string; findings: JsonFinding[]; claims: JsonClaim[]; omittedFindings?: number; story?: JsonStory }[];
  conflicts: JsonConflict[];
}

function finding(f: Finding): JsonFinding {
  const out: JsonFinding = { rule: f.rule, severity: f.severity, message: f.message, range: f.range };
  if (f.fix) out.fix = { title: f.fix.title, edits: f.fix.edits };
  if (f.related?.length) out.related = f.related.map((r) => ({ path: r.uri, range: r.range, message: r.message }));
  return out;
}

/** Claims and conflicts come from analyses that carry them; the report keeps their domain.md fields only. */
type WithClaims = DocumentAnalysis & { claims?: readonly Partial<JsonClaim>[] };

function claim(c: Partial<JsonClaim>): JsonClaim {
  return {
    range: c.range!,
    text: c.text ?? '',
    event: c.event!,
    subject: c.subject!,
    qualifier: c.qualifier!,
    value: c.value!,
    low: c.low ?? null,
    high: c.high ?? null,
    source: c.source ?? null,
    date: c.date ?? null,
    kind: c.kind ?? 'count',
    unit: c.unit ?? null,
    ...(c.role === 'part' && { role: 'part' as const }),
    ...(c.partOf !== undefined && { partOf: c.partOf }),
    ...(c.aggregation !== undefined && c.aggregation !== 'incident' && { aggregation: c.aggregation }),
    ...(c.background && { background: true as const }),
    ...(c.hypothetical && { hypothetical: true as const }),
    ...(c.earlier && { earlier: true as const }),
    ...(c.headless && { headless: true as const }),
  };
}

export function toJsonReport(version: string, analyses: readonly DocumentAnalysis[], conflicts: JsonConflict[] = [], storyOf?: StoryLookup): JsonReport {
  return {
    tool: 'corpus-lens',
    version,
    files: analyses.map((a) => ({
      path: a.uri,
      findings: withOmitted(a),
      claims: ((a as WithClaims).claims ?? []).map(claim),
      ...(a.omitted && { omittedFindings: a.omitted.count }),
      ...(storyOf && { story: jsonStory(storyOf(a.uri)) }),
    })),
    conflicts,
  };
}

function withOmitted(a: DocumentAnalysis): JsonFinding[] {
  const out = a.findings.map(finding);
  if (a.omitted) out.push(finding(omittedFinding(a.omitted)));
  return out;
}

function jsonStory(s: Story): JsonStory {
  return { id: s.id, label: s.label, documents: s.size };
}

/** The corpus's judged disagreements (`CorpusCheck.conflicts`) as the report's `conflicts`. */
export function toJsonConflicts(pairs: readonly FigurePair[], storyOf?: StoryLookup): JsonConflict[] {
  return pairs.map((p) => ({
    kind: p.kind,
    quantity: p.quantity,
    a: { path: p.a.uri, range: p.a.range, value: p.a.value },
    b: { path: p.b.uri, range: p.b.range, value: p.b.value },
    message: p.message,
    why: storyOf ? `${p.why}; ${storyReason(storyOf(p.a.uri))}` : p.why,
  }));
}

/** "in the story «…» (3 documents)". */
function storyReason(story: Story): string {
  return story.size < 2 ? 'within one document' : `in the story «${story.label}» (${story.size} documents)`;
}
