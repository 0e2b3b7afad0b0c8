/** The interval the figure and its qualifier imply (claims/intervals.ts); a vague figure with no qualifier is `about` its own interval. */
import { claimInterval } from '../intervals';
import type { Stage } from './pipeline';

export const intervalStage: Stage = {
  name: 'interval',
  requires: ['figure', 'qualifier'],
  assigns: ['qualifier', 'low', 'high'],
  run(state) {
    const f = state.figure.figure;
    const qualifier = state.qualifier ?? (f.vague ? 'about' : 'exact');
    const { low, high } = claimInterval(qualifier, f);
    state.qualifier = qualifier;
    state.low = low;
    state.high = high;
  },
};
