import type { Rule } from '../rule';
import { reportBoilerplateLines } from './analysis';

export const rule: Rule = {
  id: 'boilerplate/caption-credit',
  family: 'boilerplate',
  description: 'Photo captions and credits (`تصوير: …`, `مصدر الصورة، Getty Images`, a caption ending in `(رويترز)`).',
  tags: ['credit', 'images'],
  defaultSeverity: 'warning',
  fixable: true,
  destructive: true,
  check: (ctx) => reportBoilerplateLines(ctx, 'caption-credit'),
};
