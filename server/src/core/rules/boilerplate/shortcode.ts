import { LEXICON } from './lexicon';
import { lineRule } from './lineRule';
import { HTML_TAG, wordsIn } from './lineView';

const SHORTCODE_START = /^\[\/?([a-z][a-z0-9_-]*)(?=[\s\]/])/i;
const SHORTCODE_TOKEN = /\[\/?[a-z][a-z0-9_-]*(?:\s[^[\]]*)?\/?\]/gi;
const WRAPPING_SHORTCODES = /^(?:wp_)?caption$|^gallery$|^embed$|^video$|^audio$|^playlist$|^ad|^related|^tweet|^twitter|^instagram|^youtube|^iframe/;

export const rule = lineRule({
  id: 'boilerplate/shortcode',
  description: 'CMS shortcodes left in the text (`[covid19-ultimate-card …]`, `[caption …]`, `[embed]`).',
  tags: ['cms', 'markup'],
  detect(v, line, t) {
    if (t.trimmed.charCodeAt(0) !== 91) return undefined;
    const trimmed = t.ascii;
    const m = SHORTCODE_START.exec(trimmed);
    if (!m) return undefined;
    const tag = m[1].toLowerCase();
    const tokens = trimmed.match(SHORTCODE_TOKEN) ?? [];
    const known = LEXICON.shortcodeTags.has(tag) || /^(?:su|vc|et_pb|td|fusion|jnews|tie|wpb|av|ux|elementor)[_-]/.test(tag);
    const looksLikeShortcode = known || /[_-]/.test(tag) || tokens.some((t) => t.includes('=')) || trimmed.includes(`[/${m[1]}`);
    if (!looksLikeShortcode) return undefined;
    const left = wordsIn(trimmed.replace(SHORTCODE_TOKEN, ' ').replace(HTML_TAG, ' '));
    if (left > 7 && !WRAPPING_SHORTCODES.test(tag)) return undefined;
    return `WordPress shortcode [${tag}${trimmed.length > tag.length + 3 ? ' …' : ''}]: a CMS widget left in the text, not article text`;
  },
});
