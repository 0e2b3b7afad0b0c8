import type { Rule } from '../rule';
import { reportBoilerplateLines } from './analysis';

export const rule: Rule = {
  id: 'boilerplate/share-prompt',
  family: 'boilerplate',
  description: 'Share, follow, subscribe, comment, cookie-notice, navigation-menu and footer text of the web page.',
  tags: ['social', 'navigation', 'cookies'],
  defaultSeverity: 'warning',
  fixable: true,
  destructive: true,
  check: (ctx) => reportBoilerplateLines(ctx, 'share-prompt'),
};
