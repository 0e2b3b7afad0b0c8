import type { Rule } from '../rule';
import { reportBoilerplateLines } from './analysis';

export const rule: Rule = {
  id: 'boilerplate/user-pattern',
  family: 'boilerplate',
  description: 'Lines matching a regular expression of `corpusLens.boilerplate.patterns`.',
  tags: ['configurable'],
  defaultSeverity: 'warning',
  fixable: true,
  destructive: true,
  check: (ctx) => reportBoilerplateLines(ctx, 'user-pattern'),
};
