import type { Rule } from '../rule';
import { reportBoilerplateLines } from './analysis';

export const rule: Rule = {
  id: 'boilerplate/repeated-line',
  family: 'boilerplate',
  description: 'A line found verbatim in at least `corpusLens.boilerplate.minDocuments` documents of the corpus (site furniture), or a line scraped twice in a row.',
  tags: ['corpus', 'repetition'],
  defaultSeverity: 'warning',
  fixable: true,
  destructive: true,
  check: (ctx) => reportBoilerplateLines(ctx, 'repeated-line'),
};
