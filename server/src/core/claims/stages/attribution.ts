/** Who said it: the nearest attribution in the sentence, else the source a "قال ... :" line names for its quotation. */
import { sourceFor } from '../sources';
import type { Stage } from './pipeline';

export const attributionStage: Stage = {
  name: 'attribution',
  requires: ['figure', 'sentence'],
  assigns: ['source'],
  run(state, r) {
    state.source = sourceFor(r, state.figure.first, state.sentence.sources, state.sentence.pending);
  },
};
