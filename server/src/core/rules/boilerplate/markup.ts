import { LineMark } from '../../lines';
import { lineRule } from './lineRule';
import { clip, HTML_TAG, wordsIn } from './lineView';

const EMBED_TAG = /<(?:script|iframe|style|noscript|embed|object|link|meta|form|input|button|svg)\b|<blockquote\s+class=["'](?:twitter|instagram|tiktok|facebook)/i;
const ENTITY = /&(?:[a-z]{2,8}|#\d{2,6}|#x[0-9a-f]{2,6});/gi;
const ATTRIBUTE_TAIL = /^(?:[a-z][\w:-]*\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)\s*)+\/?>$/i;
const CODE_START = /^(?:\(?function\s*\(|var\s|let\s|const\s|window\.|document\.|googletag\.|jQuery|\$\(|\}\)?\s*\)?;?$|\{$|if\s*\(|@media\b|@import\b|[.#][a-z][\w-]*\s*\{)/;
const CODE_ANYWHERE = /adsbygoogle|googletag\.|gtag\(|dataLayer\.push|fbq\(|_gaq\.|__tcfapi|\.push\(\s*\{|function\s*\([^)]*\)\s*\{/;

export const rule = lineRule({
  id: 'boilerplate/markup',
  description: 'HTML tags, entities, embedded scripts or style code on a line of their own.',
  tags: ['markup', 'html'],
  detect(v, line, t) {
    const { trimmed } = t;
    const first = trimmed.charCodeAt(0);
    if (v.p.marks[line] & LineMark.Angle && trimmed.includes('<')) {
      if (EMBED_TAG.test(trimmed)) return 'embedded HTML (script, frame or social embed): page code, not article text';
      const tags = trimmed.match(HTML_TAG);
      if (tags && (first === 60 || first === 38)) {
        const tagChars = tags.reduce((n, t) => n + t.length, 0);
        const rest = trimmed.replace(HTML_TAG, ' ').replace(ENTITY, ' ');
        if (wordsIn(rest) <= 3 || tagChars >= 0.5 * trimmed.length) return `HTML markup (${clip(tags[0], 30)}): page code, not article text`;
      }
      if (ATTRIBUTE_TAIL.test(trimmed)) return 'the end of an HTML tag split across lines: page code, not article text';
    }
    if (first === 38 && trimmed.replace(ENTITY, '').trim() === '') return 'HTML entities only: page code, not article text';
    if (v.p.arabic[line] === 0 && v.p.latin[line] > 0 && (CODE_START.test(trimmed) || CODE_ANYWHERE.test(trimmed))) {
      return 'script or style code: page code, not article text';
    }
    return undefined;
  },
});
