import type { Rule } from '../rule';
import { reportDigitIssues } from './analysis';

export const rule: Rule = {
  id: 'digits/eastern-arabic',
  family: 'digits',
  description: 'Eastern Arabic-Indic digits (٠-٩) in a corpus written with Western digits.',
  tags: ['script'],
  defaultSeverity: 'warning',
  fixable: true,
  check: (ctx) => reportDigitIssues(ctx, 'digits/eastern-arabic', (i) => `"${i.token.text}" is written in Eastern Arabic-Indic digits`),
};
