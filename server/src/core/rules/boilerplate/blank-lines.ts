import { isBlankLine, lineProfile } from '../../lines';
import type { Rule } from '../rule';
import { collapseBlankRunEdit } from './edits';

export const rule: Rule = {
  id: 'boilerplate/blank-lines',
  family: 'boilerplate',
  description: 'Runs of two or more blank lines: between paragraphs one is enough, at the start or end of the file none.',
  tags: ['whitespace'],
  defaultSeverity: 'information',
  fixable: true,
  destructive: true,
  fixOnSave: 'boilerplateFixOnSave',
  check(ctx) {
    const doc = ctx.doc;
    const p = lineProfile(doc);
    for (let line = 0; line <= p.lastRealLine; line++) {
      if (!isBlankLine(p, line)) continue;
      let last = line;
      while (last + 1 <= p.lastRealLine && isBlankLine(p, last + 1)) last++;
      const n = last - line + 1;
      if (n >= 2) {
        const where = line === 0 ? ' at the start of the file' : last >= p.lastRealLine ? ' at the end of the file' : ' in a row';
        const edge = line === 0 || last >= p.lastRealLine;
        ctx.report({
          start: doc.lineStarts[line],
          end: doc.lineEnd(last),
          message: `${n} blank lines${where}: ${edge ? 'nothing to separate there' : 'one blank line separates paragraphs'}`,
          fix: { title: edge ? `Remove the ${n} blank lines` : `Collapse the ${n} blank lines to one`, edits: [collapseBlankRunEdit(doc, p, line, last)] },
          data: { kind: 'blank-lines', block: { first: line, last, lines: n } },
        });
      }
      line = last;
    }
  },
};
