import type { Rule } from '../rule';
import { reportDigitIssues } from './analysis';

export const rule: Rule = {
  id: 'digits/mixed-script',
  family: 'digits',
  description: 'One number written with digits of more than one script (2٠22).',
  tags: ['script'],
  defaultSeverity: 'warning',
  fixable: true,
  check: (ctx) => reportDigitIssues(ctx, 'digits/mixed-script', (i) => `"${i.token.text}" mixes digit scripts in one number`),
};
