import type { Rule } from '../rule';
import { reportDigitIssues } from './analysis';

export const rule: Rule = {
  id: 'digits/separator',
  family: 'digits',
  description: 'Thousands or decimal separator of the other style (٬ ٫ in Western numbers; , . in Eastern ones).',
  tags: ['separator'],
  defaultSeverity: 'warning',
  fixable: true,
  check: (ctx) => reportDigitIssues(ctx, 'digits/separator', (i) => `"${i.token.text}" uses separators of the other digit style`),
};
