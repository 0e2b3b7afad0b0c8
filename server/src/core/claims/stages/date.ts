/** When: the nearest date the sentence mentions (the last before the figure, else the first after), else the reading date before the sentence. */
import { nearestBefore } from '../reader';
import type { Stage } from './pipeline';

export const dateStage: Stage = {
  name: 'date',
  requires: ['figure', 'sentence'],
  assigns: ['date'],
  run(state) {
    const sentence = state.sentence;
    state.date = nearestBefore(sentence.dates, state.figure.first)?.date ?? sentence.dateBefore;
  },
};
