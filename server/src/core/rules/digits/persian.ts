import type { Rule } from '../rule';
import { reportDigitIssues } from './analysis';

export const rule: Rule = {
  id: 'digits/persian',
  family: 'digits',
  description: 'Persian digits (۰-۹) in Arabic text, whichever the target style.',
  tags: ['script'],
  defaultSeverity: 'warning',
  fixable: true,
  check: (ctx) => reportDigitIssues(ctx, 'digits/persian', (i) => `"${i.token.text}" is written in Persian digits`),
};
