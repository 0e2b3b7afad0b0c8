/** The claim a kind's pipeline read: the fields every kind fills the same way, from the pipeline's state. */
import { detach } from '../../numbers/normalize';
import type { ClaimReader } from '../reader';
import { identityOf, type ClaimState } from '../stages/pipeline';
import type { Claim, ClaimKindId } from '../types';

/** What a kind itself decides: what the figure is about, its unit, and whether it may be compared (`Claim.comparable`). */
export interface ClaimMeaning {
  event: string;
  subject: string;
  unit: string | null;
  comparable: boolean;
  /** The interval when the kind writes it otherwise than the pipeline's (in a base unit, say). */
  low?: number | null;
  high?: number | null;
}

/**
 * The claim's interval: the pipeline's, except for a range read as exact
 * ("ما بين 1500 و2000"), whose bounds are its own (numbers/ranges.ts).
 */
export function claimInterval(state: ClaimState): { low: number | null; high: number | null } {
  const f = state.figure.figure;
  if (f.range && state.qualifier === 'exact') return { low: f.low, high: f.high };
  return { low: state.low, high: state.high };
}

export function claimOf(kind: ClaimKindId, state: ClaimState, r: ClaimReader, meaning: ClaimMeaning): Claim {
  const figure = state.figure.figure;
  const interval = claimInterval(state);
  const start = Math.min(state.phraseStart, figure.start);
  const end = Math.max(state.phraseEnd, figure.end);
  const claim: Claim = {
    kind,
    range: r.doc.range(start, end),
    text: detach(r.text.slice(start, end)),
    event: meaning.event,
    subject: meaning.subject,
    qualifier: state.qualifier!,
    value: figure.value,
    unit: meaning.unit,
    vague: figure.vague,
    low: meaning.low !== undefined ? meaning.low : interval.low,
    high: meaning.high !== undefined ? meaning.high : interval.high,
    source: state.source,
    date: state.date,
    weekday: state.weekday,
    change: state.change,
    scope: state.scope,
    figureStart: figure.start,
    figureEnd: figure.end,
    ...identityOf(state),
  };
  if (!meaning.comparable) claim.comparable = false;
  return claim;
}
