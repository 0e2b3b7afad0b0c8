import { digitRule } from './digitRule';

export const rule = digitRule({
  id: 'digits/dot-thousands',
  description: 'A dot used as thousands separator ("20.000" in Arabic text is twenty thousand, not twenty).',
  tags: ['separator', 'ambiguity'],
  problem: (token) => token.dotThousands,
  also: 'uses a dot as thousands separator',
  explain: (token) => `"${token.text}" uses a dot as thousands separator: in Arabic text it means ${token.value.toLocaleString('en-US')}, not ${Number(`${token.groups[0]}.${token.groups[1]}`)}`,
});
