import type { Rule } from '../rule';
import { reportVerdicts } from './analysis';

export const rule: Rule = {
  id: 'figures/conflict',
  family: 'figures',
  description: 'Two reports of the same quantity (event, counted subject, scope) whose intervals cannot both be true, across documents; each side links the other.',
  tags: ['corpus', 'claims'],
  defaultSeverity: 'warning',
  fixable: false,
  check: (ctx) => reportVerdicts(ctx, 'conflict'),
};
