import { SCRIPT_WESTERN } from '../../numbers/scanner';
import { digitRule } from './digitRule';

export const rule = digitRule({
  id: 'digits/western',
  description: 'Western digits (0-9) in a corpus written with Eastern Arabic-Indic digits (target style `eastern`).',
  tags: ['script'],
  problem: (token, style) => style !== 'western' && (token.scripts & SCRIPT_WESTERN) !== 0,
  also: 'uses Western digits',
  explain: (token) => `"${token.text}" is written in Western digits`,
});
