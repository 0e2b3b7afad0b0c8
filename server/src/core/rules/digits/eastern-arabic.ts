import { SCRIPT_EASTERN } from '../../numbers/scanner';
import { digitRule } from './digitRule';

export const rule = digitRule({
  id: 'digits/eastern-arabic',
  description: 'Eastern Arabic-Indic digits (٠-٩) in a corpus written with Western digits.',
  tags: ['script'],
  problem: (token, style) => style === 'western' && (token.scripts & SCRIPT_EASTERN) !== 0,
  also: 'uses Eastern Arabic-Indic digits',
  explain: (token) => `"${token.text}" is written in Eastern Arabic-Indic digits`,
});
