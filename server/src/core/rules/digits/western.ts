import type { Rule } from '../rule';
import { reportDigitIssues } from './analysis';

export const rule: Rule = {
  id: 'digits/western',
  family: 'digits',
  description: 'Western digits (0-9) in a corpus written with Eastern Arabic-Indic digits (target style `eastern`).',
  tags: ['script'],
  defaultSeverity: 'warning',
  fixable: true,
  check: (ctx) => reportDigitIssues(ctx, 'digits/western', (i) => `"${i.token.text}" is written in Western digits`),
};
