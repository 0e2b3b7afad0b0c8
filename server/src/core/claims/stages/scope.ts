/** Where: the scope the clause states from the figure on (claims/scope.ts). */
import { scopeIn } from '../scope';
import type { Stage } from './pipeline';

export const scopeStage: Stage = {
  name: 'scope',
  requires: ['figure', 'clauseEnd'],
  assigns: ['scope'],
  run(state, r) {
    const f = state.figure.figure;
    // From the figure on: a place before it usually names the speaker ("officials in the city of Almaty said 748 ...").
    state.scope = scopeIn(r.text, f.start, r.tokens[state.clauseEnd - 1]?.end ?? f.end);
  },
};
