import { westernDecimalIsAmbiguous } from '../../numbers/scanner';
import { digitRule } from './digitRule';

/** Separators of the other style: ٫ ٬ in a Western number, . , in an Eastern one. */
const WRONG_IN_WESTERN = /[\u066B\u066C]/;
const WRONG_IN_EASTERN = /[.,]/;

export const rule = digitRule({
  id: 'digits/separator',
  description: 'Thousands or decimal separator of the other style (٬ ٫ in Western numbers; , . in Eastern ones).',
  tags: ['separator'],
  problem(token, style) {
    if (token.kind !== 'number') return false;
    const wrong = style === 'western' ? WRONG_IN_WESTERN : WRONG_IN_EASTERN;
    // A dot read as a thousands separator is dot-thousands' problem; an Arabic decimal mark stays where a dot would be ambiguous.
    const keepsArabicDecimal = style === 'western' && westernDecimalIsAmbiguous(token);
    return token.separators.some((sep, k) => wrong.test(sep) && !(sep === '.' && token.roles[k] === 'thousands') && !(keepsArabicDecimal && sep === '\u066B'));
  },
  also: 'uses separators of the other style',
  explain: (token) => `"${token.text}" uses separators of the other digit style`,
});
