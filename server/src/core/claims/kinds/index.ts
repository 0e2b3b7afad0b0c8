/** The claim kinds, in the order the extractor asks them: the first that accepts a figure and reads a claim from it wins. */
import type { Figure } from '../../numbers/words';
import { countKind } from './count';
import type { ClaimKind } from './kind';
import { measureKind } from './measure';
import { moneyKind } from './money';
import { percentKind } from './percent';
import { populationKind } from './population';

export type { ClaimKind } from './kind';

/** Populations before counts: only a population's own cue makes it one (kinds/population.ts), and a verb near it must not make it a count. */
export const CLAIM_KINDS: readonly ClaimKind[] = [populationKind, countKind, moneyKind, measureKind, percentKind];

/** The kinds that accept the figure, in the order the extractor offers it to them. */
export function kindsFor(figure: Figure, kinds: readonly ClaimKind[] = CLAIM_KINDS): ClaimKind[] {
  return kinds.filter((kind) => kind.accepts(figure));
}
