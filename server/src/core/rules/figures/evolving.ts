import type { Rule } from '../rule';
import { reportVerdicts } from './analysis';

export const rule: Rule = {
  id: 'figures/evolving',
  family: 'figures',
  description: 'A figure that differs from other reports of the same quantity because it was reported on a different day and the count grew: not a conflict.',
  tags: ['corpus', 'claims', 'time'],
  defaultSeverity: 'information',
  fixable: false,
  check: (ctx) => reportVerdicts(ctx, 'evolving'),
};
