import { digitRule } from './digitRule';

export const rule = digitRule({
  id: 'digits/mixed-script',
  description: 'One number written with digits of more than one script (2٠22).',
  tags: ['script'],
  // More than one script bit set.
  problem: (token) => (token.scripts & (token.scripts - 1)) !== 0,
  also: 'mixes digit scripts',
  explain: (token) => `"${token.text}" mixes digit scripts in one number`,
});
