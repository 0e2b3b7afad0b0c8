/** The claim a kind's pipeline read: the fields every kind fills the same way, from the pipeline's state. */
import { detach } from '../../numbers/normalize';
import type { ClaimReader } from '../reader';
import type { ClaimState } from '../stages/pipeline';
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

export function claimOf(kind: ClaimKindId, state: ClaimState, r: ClaimReader, meaning: ClaimMeaning): Claim {
  const figure = state.figure.figure;
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
    low: meaning.low !== undefined ? meaning.low : state.low,
    high: meaning.high !== undefined ? meaning.high : state.high,
    source: state.source,
    date: state.date,
    scope: state.scope,
    figureStart: figure.start,
    figureEnd: figure.end,
  };
  if (!meaning.comparable) claim.comparable = false;
  return claim;
}
