/** The qualifier: the words that bound a figure, before it (أكثر من 3000) or after it or its noun (18 فرداً على الأقل). */
import { offsetAfterNormalized } from '../../numbers/normalize';
import { TOKEN_WORD } from '../../numbers/tokens';
import type { PhraseMatch } from '../../text/phrases';
import { variants } from '../lexicon/variants';
import type { Qualifier } from '../types';
import type { Stage } from './pipeline';

export const qualifierStage: Stage = {
  name: 'qualifier',
  requires: ['figure', 'sentence', 'nounLast'],
  assigns: ['qualifier', 'qualifierFirst', 'phraseStart', 'phraseEnd'],
  run(state, r) {
    const tokens = r.tokens;
    const { figure, sentence } = state;
    const f = figure.figure;
    const s = sentence.start;
    const e = sentence.end;
    // Before: the longest phrase that ends right before the figure.
    let qualifier: Qualifier | undefined;
    let phraseStart = f.start;
    let qualifierFirst = figure.first;
    let before = r.skipBack(figure.first - 1, s);
    // "قرابة الـ100": the article written apart from the number.
    if (before > s && tokens[before].kind === TOKEN_WORD && tokens[before].norm === 'ال') before = r.skipBack(before - 1, s);
    // "76 قتيلا على الأقل وعشرات الجرحى": a conjunction starts a new figure; what precedes it qualifies the last one.
    const conjoined = (tokens[figure.first].kind === TOKEN_WORD && f.start > tokens[figure.first].start) || (before >= s && tokens[before].norm === 'و');
    if (before >= s && !conjoined) {
      let best: PhraseMatch<Exclude<Qualifier, 'exact'>> | undefined;
      for (let j = before; j >= s && j >= before - r.lex.qualifiersBefore.maxWords - 1; j--) {
        const m = r.lex.qualifiersBefore.matchAt(tokens, j);
        if (m && m.last === before && (!best || m.words > best.words)) best = m;
      }
      if (best) {
        qualifier = best.payload;
        qualifierFirst = best.first;
        phraseStart = r.wordStart(best.first);
        // "وأكثر من": the phrase starts after the conjunction.
        const t = tokens[best.first];
        if (t.kind === TOKEN_WORD && (t.norm[0] === 'و' || t.norm[0] === 'ف') && variants(t)[1] === t.norm.slice(1)) {
          phraseStart = offsetAfterNormalized(r.text, t.start, t.end, 1);
        }
      }
    }
    // After the figure or its noun: "18 فرداً على الأقل".
    const nounLast = state.nounLast;
    let phraseEnd = tokens[nounLast].end;
    if (!qualifier) {
      const afterFigure = r.skipForward(figure.last + 1, e);
      const afterNoun = r.skipForward(nounLast + 1, e);
      for (let pass = 0; pass < 2; pass++) {
        const at = pass === 0 ? afterFigure : afterNoun;
        const m = at < e ? r.lex.qualifiersAfter.matchAt(tokens, at) : undefined;
        if (m) {
          qualifier = m.payload;
          if (at === afterNoun) phraseEnd = tokens[m.last].end;
          break;
        }
      }
    }
    state.qualifier = qualifier;
    state.qualifierFirst = qualifierFirst;
    state.phraseStart = phraseStart;
    state.phraseEnd = phraseEnd;
  },
};
