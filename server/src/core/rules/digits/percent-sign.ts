import type { Rule } from '../rule';
import { reportDigitIssues } from './analysis';

export const rule: Rule = {
  id: 'digits/percent-sign',
  family: 'digits',
  description: 'Percent sign of the other style (٪ with Western digits, % with Eastern ones).',
  tags: ['percent'],
  defaultSeverity: 'warning',
  fixable: true,
  check: (ctx) => reportDigitIssues(ctx, 'digits/percent-sign', (i) => `"${i.token.text}" uses the other percent sign`),
};
