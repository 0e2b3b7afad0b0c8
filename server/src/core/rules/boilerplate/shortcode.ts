import type { Rule } from '../rule';
import { reportBoilerplateLines } from './analysis';

export const rule: Rule = {
  id: 'boilerplate/shortcode',
  family: 'boilerplate',
  description: 'CMS shortcodes left in the text (`[covid19-ultimate-card …]`, `[caption …]`, `[embed]`).',
  tags: ['cms', 'markup'],
  defaultSeverity: 'warning',
  fixable: true,
  destructive: true,
  check: (ctx) => reportBoilerplateLines(ctx, 'shortcode'),
};
