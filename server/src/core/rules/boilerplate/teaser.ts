import type { Rule } from '../rule';
import { reportBoilerplateLines } from './analysis';

export const rule: Rule = {
  id: 'boilerplate/teaser',
  family: 'boilerplate',
  description: 'Read-also and related-story lines: `اقرأ أيضا`, `للمزيد:`, `قد يهمك أيضا:` with their headlines, parenthesized or ticker headlines of other stories, titles of other corpus documents.',
  tags: ['related', 'links'],
  defaultSeverity: 'warning',
  fixable: true,
  destructive: true,
  check: (ctx) => reportBoilerplateLines(ctx, 'teaser'),
};
