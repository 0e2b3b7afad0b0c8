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
 * A figure with its meaning, read from one sentence (domain.md, Claims).
 * Plain data: safe to keep in the corpus index and to send over the wire.
 * Strings are copies, so a claim never keeps its document's text alive.
 */
export interface Claim {
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
  /** The interval the figure and its qualifier imply; `null` is unbounded (see `claimInterval`). */
  low: number | null;
  high: number | null;
  /** Who said it (وزارة الداخلية), as written, when the sentence or the line introducing it says. */
  source: string | null;
  /** The day the figure refers to (`YYYY-MM-DD`) when the text lets one infer it (see claims/dates.ts). */
  date: string | null;
  /**
   * Where the figure applies: `national`, `local:<place>` (normalized), or
   * null when the text does not say (see claims/scope.ts). Optional: claims
   * built before scopes existed have none.
   */
  scope?: string | null;
  /** UTF-16 offsets of the figure itself inside the document (for hovers and hints). */
  figureStart: number;
  figureEnd: number;
}

/** The quantity a claim is about: claims with the same key are compared across the corpus. Stable: `${event}/${subject}`. */
export function quantityKey(claim: Pick<Claim, 'event' | 'subject'>): string {
  return `${claim.event}/${claim.subject}`;
}
