import type { Rule } from '../rule';
import { reportDigitIssues } from './analysis';

export const rule: Rule = {
  id: 'digits/dot-thousands',
  family: 'digits',
  description: 'A dot used as thousands separator ("20.000" in Arabic text is twenty thousand, not twenty).',
  tags: ['separator', 'ambiguity'],
  defaultSeverity: 'warning',
  fixable: true,
  check: (ctx) => reportDigitIssues(ctx, 'digits/dot-thousands', (i) => `"${i.token.text}" uses a dot as thousands separator: in Arabic text it means ${i.token.value.toLocaleString('en-US')}, not ${Number(`${i.token.groups[0]}.${i.token.groups[1]}`)}`),
};
