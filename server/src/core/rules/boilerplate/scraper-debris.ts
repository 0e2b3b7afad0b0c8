import type { Rule } from '../rule';
import { reportBoilerplateLines } from './analysis';

export const rule: Rule = {
  id: 'boilerplate/scraper-debris',
  family: 'boilerplate',
  description: 'Interface text of the scraped page: Latin UI strings in an Arabic article ("end of list", "Advertisement"), ad markers, timestamps and page metadata, bare links.',
  tags: ['scraping', 'interface'],
  defaultSeverity: 'warning',
  fixable: true,
  destructive: true,
  check: (ctx) => reportBoilerplateLines(ctx, 'scraper-debris'),
};
