import type { LineMatcher } from '../../userRegExp';
import { lineRule } from './lineRule';
import { clip, compileUserRegExp } from './lineView';

const compiled = new WeakMap<readonly string[], { source: string; re: LineMatcher }[]>();

/** The setting's expressions, compiled once per settings object. */
function patternsOf(sources: readonly string[]): { source: string; re: LineMatcher }[] {
  let list = compiled.get(sources);
  if (!list) {
    list = sources.map((source) => ({ source, re: compileUserRegExp(source) }));
    compiled.set(sources, list);
  }
  return list;
}

export const rule = lineRule({
  id: 'boilerplate/user-pattern',
  description: 'Lines matching a regular expression of `corpusLens.boilerplate.patterns`.',
  tags: ['configurable'],
  detect(v, line, t) {
    const sources = v.ctx.settings.boilerplatePatterns;
    if (!sources.length) return undefined;
    const hit = patternsOf(sources).find((u) => u.re.test(t.trimmed));
    return hit && `matches your boilerplate pattern /${clip(hit.source, 40)}/ (corpusLens.boilerplate.patterns)`;
  },
});
