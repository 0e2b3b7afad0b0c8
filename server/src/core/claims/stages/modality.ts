/**
 * Modality: whether the figure's clause says what may happen or what can
 * be, not what happened. A forecast ("قد تتسبب العاصفة في ارتفاع الأمواج
 * إلى 4.3 متر", "تنبأ بأمواج يصل ارتفاعها إلى ثلاثة أمتار") or a capacity
 * ("يمكنها حمل 78 راكبا", "قادرة على استيعاب 120 راكبا") is not a report of
 * the quantity: on the real corpus (ANT 2018) a forecast wave height was set
 * against the height measured, and a plane's seats against those on board.
 * Such figures are read for the outline and hovers, never compared.
 */
import type { Stage } from './pipeline';

export const modalityStage: Stage = {
  name: 'modality',
  requires: ['figure', 'clauseStart', 'qualifierFirst'],
  assigns: ['hypothetical'],
  run(state, r) {
    const tokens = r.tokens;
    for (let j = state.clauseStart; j < state.qualifierFirst; j++) {
      if (r.isWord(j) && r.lex.hypothetical.matchAt(tokens, j) !== undefined) {
        state.hypothetical = true;
        return;
      }
    }
  },
};
