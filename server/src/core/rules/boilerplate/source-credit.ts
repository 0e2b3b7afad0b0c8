import type { Rule } from '../rule';
import { reportBoilerplateLines } from './analysis';

export const rule: Rule = {
  id: 'boilerplate/source-credit',
  family: 'boilerplate',
  description: 'Source credit and byline lines (`المصدر : الجزيرة + وكالات`, `كتب: …`, agency names alone).',
  tags: ['credit'],
  defaultSeverity: 'warning',
  fixable: true,
  destructive: true,
  check: (ctx) => reportBoilerplateLines(ctx, 'source-credit'),
};
