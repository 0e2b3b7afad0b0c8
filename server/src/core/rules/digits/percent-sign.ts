import { digitRule } from './digitRule';

export const rule = digitRule({
  id: 'digits/percent-sign',
  description: 'Percent sign of the other style (٪ with Western digits, % with Eastern ones).',
  tags: ['percent'],
  problem: (token, style) => !!token.percent && token.percent !== (style === 'western' ? '%' : '\u066A'),
  also: 'uses the other percent sign',
  explain: (token) => `"${token.text}" uses the other percent sign`,
});
