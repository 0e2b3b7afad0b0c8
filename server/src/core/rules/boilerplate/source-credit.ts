import { foldText } from '../../text/fold';
import { isAgencyList } from './agencies';
import { LEXICON } from './lexicon';
import { lineRule } from './lineRule';
import { clip, foldedWords, wordsIn } from './lineView';

const OUTLET_THEN_NAME = /^([^-–—/|:]+?)\s*[-–—/|]\s*(\S[^-–—/|:]*)$/;
const BYLINE_BARE = foldedWords(['كتب', 'كتبت', 'بقلم', 'هذا المقال بقلم', 'المقال بقلم', 'مقال بقلم', 'by', 'written by'], '^', '\\s');

export const rule = lineRule({
  id: 'boilerplate/source-credit',
  description: 'Source credit and byline lines (`المصدر : الجزيرة + وكالات`, `كتب: …`, agency names alone).',
  tags: ['credit'],
  detect(v, line, t) {
    const { trimmed } = t;
    const w = v.p.words[line];
    // A site's name alone is the masthead even on the first line; nothing else is taken from a first line.
    if (line === v.first) return w <= 4 && isAgencyList(t.bare) ? `site name ("${clip(trimmed, 30)}"): the masthead of the web page, not article text` : undefined;
    if (w > 14) return undefined;
    const label = LEXICON.source.label.exec(t.shape);
    if (label) {
      const rest = foldText(t.shape.slice(label[0].length));
      const restWords = rest ? rest.split(' ').length : 0;
      if (restWords >= 1 && restWords <= 8 && (restWords <= 4 || isAgencyList(rest) || /https?:|www\./.test(trimmed) || LEXICON.source.agencies.containedIn(rest))) {
        return `source credit line ("${clip(trimmed, 30)}"): the site's attribution, not article text`;
      }
    }
    const byline = LEXICON.source.byline.exec(t.shape);
    if (byline) {
      const restWords = wordsIn(t.shape.slice(byline[0].length));
      if (restWords >= 1 && restWords <= 6 && !/[:؛،,]$/.test(trimmed)) return `byline ("${clip(trimmed, 30)}"): a credit, not article text`;
    }
    // "كتب محمد أحمد": a name follows, and Arabic personal names do not start with the article ("كتب التاريخ" is a heading).
    const bylineWord = w <= 5 ? BYLINE_BARE.exec(`${t.bare} `) : null;
    if (bylineWord && !/[.،:؛,!؟?]$/.test(trimmed)) {
      const name = t.bare.slice(bylineWord[0].length).split(' ');
      const latinName = /^(?:by|written by)\s+(?:[A-Z][\w.'-]*\s*){1,4}$/.test(trimmed);
      if (latinName || (name.length >= 1 && name.length <= 4 && !name[0].startsWith('ال') && v.p.latin[line] === 0)) {
        return `byline ("${clip(trimmed, 30)}"): a credit, not article text`;
      }
    }
    // "عربي21- محمد سالم": the outlet, then its reporter (a place first, "الرياض - رويترز", is a dateline).
    const credit = w <= 7 ? OUTLET_THEN_NAME.exec(trimmed) : null;
    if (credit && isAgencyList(foldText(credit[1])) && wordsIn(credit[2]) <= 4 && !/\d/.test(credit[2])) {
      return `credit line ("${clip(trimmed, 30)}"): the outlet and its reporter, not article text`;
    }
    if (w <= 8 && isAgencyList(t.bare)) return `source credit ("${clip(trimmed, 30)}"): agency or outlet names alone, not article text`;
    return undefined;
  },
});
