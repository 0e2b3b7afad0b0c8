import type { Range } from '../types';

/**
 * How the text bounds a figure (domain.md, Claims): `exact` when nothing
 * qualifies it; أكثر من → `more_than`; على الأقل → `at_least`; نحو، حوالي →
 * `about`; قرابة، ما يقارب → `nearly`; أقل من → `less_than`; حتى، ما يصل إلى → `up_to`.
 * Vague quantities (عشرات) are `about` unless a word says otherwise.
 */
export type Qualifier = 'exact' | 'more_than' | 'at_least' | 'about' | 'nearly' | 'less_than' | 'up_to';

export const QUALIFIERS: readonly Qualifier[] = ['exact', 'more_than', 'at_least', 'about', 'nearly', 'less_than', 'up_to'];

/**
 * How a count moves over time, from its event in the lexicon (sections.ts,
 * `events`): `grows` (tolls, arrests: revisions raise it), `varies` (missing,
 * in hospital: revised either way), `static` (on board, attackers, a height).
 */
export type Change = 'grows' | 'varies' | 'static';

/**
 * What a claim counts or measures: one module per kind under claims/kinds/
 * (`count`; `money`, an amount in a currency; `measure`, a length, area,
 * mass... in a physical unit; `population`, the people living in a place;
 * `percent`). Durations and ages are figures, not claims, for now.
 */
export type ClaimKindId = 'count' | 'money' | 'measure' | 'population' | 'percent';

/**
 * Where a figure applies (see claims/scope.ts): the whole country, or a
 * named place (normalized). A claim whose text does not say has `null`.
 */
export type Scope = { readonly kind: 'national' } | { readonly kind: 'local'; readonly place: string };

/** The one nationwide scope: shared, so claims never allocate one each. */
export const NATIONAL: Scope = Object.freeze({ kind: 'national' });

/**
 * A figure with its meaning, read from one sentence (domain.md, Claims).
 * Plain data: safe to keep in the corpus index and to send over the wire.
 * Strings are copies, so a claim never keeps its document's text alive.
 * The CLI's JSON keeps the domain.md fields and `kind` and `unit`
 * (cli/report.ts): `vague`, `scope` and `comparable` are internal for now.
 */
export interface Claim {
  /** Which claim kind read it (claims/kinds/). */
  kind: ClaimKindId;
  /** The claim's phrase: qualifier, figure and counted noun ("أكثر من 3000 شخص"). */
  range: Range;
  /** The phrase as written. */
  text: string;
  /** What happened to the counted things: an event id of the lexicon (`arrested`, `killed`, ...). */
  event: string;
  /** Who or what is counted: a subject class of the lexicon (`people`, `police`, ...), or the counted noun itself (normalized) when the lexicon has no class for it. */
  subject: string;
  qualifier: Qualifier;
  /** The number as written, normalized (the lower bound for vague quantities such as عشرات). */
  value: number;
  /** The figure's unit (`USD`, `km`...); always null for counts. */
  unit: string | null;
  /** The figure is a vague quantity (عشرات "tens", مئات "hundreds", بضعة "a few"): its words give an interval, not a number. */
  vague: boolean;
  /** The interval the figure and its qualifier imply; `null` is unbounded (see `claimInterval`). */
  low: number | null;
  high: number | null;
  /** Who said it (وزارة الداخلية), as written, when the sentence or the line introducing it says. */
  source: string | null;
  /** The day the figure refers to (`YYYY-MM-DD`) when the text lets one infer it (see claims/dates.ts). */
  date: string | null;
  /**
   * With no date: the weekday (0 = Sunday) the text gives the figure's day by
   * (its sentence's, else the document's reporting day), for the corpus to
   * date against the dated documents of its story (claims/dates.ts `storyDay`).
   */
  weekday?: number | null;
  /** A count the text recalls as earlier than the document's own ("وكانت حصيلة سابقة ..."، "وكان 30 قد لقوا مصرعهم"). */
  earlier?: boolean;
  /** How the count moves over time (absent: `static`). */
  change?: Change;
  /** Where the figure applies, or null when the text does not say (see claims/scope.ts). */
  scope: Scope | null;
  /** UTF-16 offsets of the figure itself inside the document (for hovers and hints). */
  figureStart: number;
  figureEnd: number;
  /**
   * False when the claim is read (outline, hovers, the JSON) but what it
   * is about is too unclear to compare across documents (a sum with no
   * purpose, a percentage of something unnamed); absent means compared.
   */
  comparable?: false;
  // Identity inside the document (stages role, aggregation, background): absent means the default.
  /** `part`: the figure counts part of a larger count of its own event and subject ("أربعة منهم", "بينهم 5 أشخاص"), so it is never compared with a total. */
  role?: Role;
  /** The value of the whole a partitive names in the same sentence ("25 من أصل 40": 40). */
  partOf?: number;
  /** The sum of this count and the other subjects its sentence counts for the same event ("67 راكبا وأربعة من أفراد الطاقم": 71); see claims/coordination.ts. */
  total?: number;
  /** What the figure adds up: one incident (absent), a running total, an increment or a rate per period. */
  aggregation?: Aggregation;
  /** The sentence is about an earlier time or another incident (a past year, "هجوم مماثل"): not compared across documents. */
  background?: boolean;
  /** The clause says what may be or can be (a forecast, a capacity: قد تتسبب، يمكنها حمل), not what happened: not compared (stages/modality.ts). */
  hypothetical?: boolean;
  /** The word after the figure is not what is counted (منهم, الماضية, أكبر) and no counted noun was found: not compared. */
  headless?: boolean;
}

/** A claim's role in its sentence: a whole count, or a part of another count of the same thing. */
export type Role = 'whole' | 'part';

/** Periods a rate is counted over ("يوميا", "سنويا"). */
export const RATE_PERIODS = ['daily', 'weekly', 'monthly', 'yearly'] as const;
export type RatePeriod = (typeof RATE_PERIODS)[number];

/**
 * What a figure adds up: one incident's count (the default); a running
 * total over a period that spans incidents ("منذ بدء العملية"); an
 * increment on a count given elsewhere ("خلال الـ24 ساعة الماضية", "توفي
 * تسعة آخرون"); or a rate per period (`daily`...).
 */
export type Aggregation = 'incident' | 'cumulative' | 'increment' | RatePeriod;

/**
 * The quantity a claim is about: claims with the same quantity are compared
 * across the corpus. A figure for one place is a different quantity from
 * the national one, so the place is part of it; nationwide and unstated
 * scopes are one quantity (ministry totals usually leave "nationwide" implicit).
 */
export interface Quantity {
  kind: ClaimKindId;
  event: string;
  subject: string;
  /** The named place of a local scope, else null. */
  place: string | null;
  /** A running total or a rate is a different quantity from one incident's count. */
  aggregation: Aggregation;
}

export function quantityOf(claim: Pick<Claim, 'kind' | 'event' | 'subject' | 'scope' | 'aggregation'>): Quantity {
  const scope = claim.scope;
  return { kind: claim.kind, event: claim.event, subject: claim.subject, place: scope?.kind === 'local' ? scope.place : null, aggregation: claim.aggregation ?? 'incident' };
}

/**
 * The quantity as the string the judgement, the index and the JSON's
 * conflicts use: `event/subject`, plus `@place` for a local scope
 * (`killed/police@almaty`). Counts carry no kind prefix (the key predates
 * kinds); another kind must prefix its id, so its quantities never meet a count's.
 */
export function quantityString(q: Quantity): string {
  const key = q.kind === 'count' ? `${q.event}/${q.subject}` : `${q.kind}:${q.event}/${q.subject}`;
  const scoped = q.place === null ? key : `${key}@${q.place}`;
  // One incident's count keeps the old key; other aggregations are other quantities (`killed/people~cumulative`).
  return q.aggregation === 'incident' ? scoped : `${scoped}~${q.aggregation}`;
}

/** The quantity without its place, `event/subject`, as hovers name it. */
export function quantityKey(claim: Pick<Claim, 'event' | 'subject'>): string {
  return `${claim.event}/${claim.subject}`;
}

/** The scope as a string, `national` or `local:<place>` (for messages and tests). */
export function scopeKey(scope: Scope | null): string | null {
  return scope === null ? null : scope.kind === 'national' ? 'national' : `local:${scope.place}`;
}
