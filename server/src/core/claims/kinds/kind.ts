/**
 * A claim kind: which figures it reads, a cheap test that sets most of
 * them aside, and how it reads the rest into claims (its stage pipeline).
 * The extractor asks the kinds in registry order (kinds/index.ts); the
 * first that accepts a figure reads it.
 */
import type { Figure, ReadFigure } from '../../numbers/words';
import type { ClaimReader } from '../reader';
import type { SentenceState } from '../stages/pipeline';
import type { Claim, ClaimKindId } from '../types';

export interface ClaimKind {
  readonly id: ClaimKindId;
  /** Whether a figure can be a claim of this kind: its figure kind and unit. */
  accepts(figure: Figure): boolean;
  /** A cheap test before reading: false sets the figure aside (no trigger word within reach, say). */
  worthReading(figure: ReadFigure, sentence: SentenceState, reader: ClaimReader): boolean;
  /** Reads an accepted figure: its claim, or undefined when the sentence does not make it one. */
  read(figure: ReadFigure, sentence: SentenceState, reader: ClaimReader): Claim | undefined;
}
