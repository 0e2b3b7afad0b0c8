import type { Rule } from '../rule';
import { reportBoilerplateLines } from './analysis';

export const rule: Rule = {
  id: 'boilerplate/markup',
  family: 'boilerplate',
  description: 'HTML tags, entities, embedded scripts or style code on a line of their own.',
  tags: ['markup', 'html'],
  defaultSeverity: 'warning',
  fixable: true,
  destructive: true,
  check: (ctx) => reportBoilerplateLines(ctx, 'markup'),
};
