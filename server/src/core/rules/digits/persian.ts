import { SCRIPT_PERSIAN } from '../../numbers/scanner';
import { digitRule } from './digitRule';

export const rule = digitRule({
  id: 'digits/persian',
  description: 'Persian digits (۰-۹) in Arabic text, whichever the target style.',
  tags: ['script'],
  problem: (token) => (token.scripts & SCRIPT_PERSIAN) !== 0,
  also: 'uses Persian digits',
  explain: (token) => `"${token.text}" is written in Persian digits`,
});
