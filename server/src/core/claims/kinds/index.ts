/** The claim kinds, in the order the extractor asks them (the first that accepts a figure reads it). */
import type { Figure } from '../../numbers/words';
import { countKind } from './count';
import type { ClaimKind } from './kind';

export type { ClaimKind } from './kind';

export const CLAIM_KINDS: readonly ClaimKind[] = [countKind];

export function kindFor(figure: Figure, kinds: readonly ClaimKind[] = CLAIM_KINDS): ClaimKind | undefined {
  for (const kind of kinds) if (kind.accepts(figure)) return kind;
  return undefined;
}
