import { isHeadlineShaped, LineMark } from '../../lines';
import { foldText } from '../../text/fold';
import { isAgencyList } from './agencies';
import { LEXICON } from './lexicon';
import { lineRule, Note, type LineClaims } from './lineRule';
import { clip, wordsIn, type LineView } from './lineView';

const TEASER_PARTICLES = /^(?:لم|لن|لا|ما|قد|إن|ان|أن|إنه|انه|أنه|وهو|وهي|هو|هي|أي|اي|يعني|يقصد|المقصود|ملاحظة|ملاحظه|تنويه|مثل|مثلا|كما|أو|او|ثم|حيث|بحسب|حسب|وفق|وفقا|نقلا|قال|قالت|وقال|وقالت|[*•+=-])/;
const ITEM_END = /(?:\.{2,}|…|[-–—»|])\s*([^.…\-–—»|]{2,25})$/;
const TICKER_SPLIT = /\s{3,}|\t+/;

const separatedHeaders = new Map<string, RegExp>();

/** A read-also header followed by a separator ("اقرأ أيضا:"), at the start of a shape; one expression per header. */
function separatedHeader(phrase: string): RegExp {
  let re = separatedHeaders.get(phrase);
  if (!re) {
    re = new RegExp(`^${phrase.replace(/\s/g, '\\s')}\\s*(?:[:：|»]|[-–—]+|\\.{2,}|…)`, 'u');
    separatedHeaders.set(phrase, re);
  }
  return re;
}

/** Whether the last 30 characters hold what `ITEM_END` needs: `..`, `…` or one of `-–—»|`. */
function mayEndItem(s: string): boolean {
  for (let i = Math.max(0, s.length - 30); i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2026 || c === 0x2d || c === 0x2013 || c === 0x2014 || c === 0xbb || c === 0x7c) return true;
    if (c === 0x2e && i + 1 < s.length && s.charCodeAt(i + 1) === 0x2e) return true;
  }
  return false;
}

function headerOf(bare: string): { phrase: string; exact: boolean } | undefined {
  if (LEXICON.teaser.exactHeader.has(bare) || LEXICON.teaser.header.has(bare)) return { phrase: bare, exact: true };
  const phrase = LEXICON.teaser.header.prefixOf(bare);
  return phrase ? { phrase, exact: false } : undefined;
}

/** Index of the parenthesis closing the one at 0, or -1. */
function matchingParen(s: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch === 40) depth++;
    else if (ch === 41 && --depth === 0) return i;
  }
  return -1;
}

/** A bare "اقرأ أيضا" header owns the headlines under it; a list widget's marker ("list 1 of 4") the two after it. */
function headlinesUnder(v: LineView, claims: LineClaims, claim: (line: number, message: string) => void): void {
  for (let header = 0; header <= v.p.lastRealLine; header++) {
    if (!claims.noted(header, Note.ReadAlsoHeader)) continue;
    const label = v.lineText(header).trimmed;
    let taken = 0;
    for (let line = v.step(header, 1); line >= 0 && taken < 10; line = v.step(line, 1)) {
      if (claims.claimed(line) || claims.noted(line, Note.ReadAlsoHeader) || v.isAllowed(line) || !v.isTeaserItem(line)) break;
      // After the first headline, a short line followed by a paragraph is more likely the article's next heading.
      const next = v.step(line, 1);
      if (taken > 0 && v.p.words[line] < 5 && next >= 0 && v.isProse(next)) break;
      claim(line, `headline of another story under "${clip(label)}" (line ${header + 1}): a related-story link, not article text`);
      taken++;
    }
  }
  for (let marker = 0; marker <= v.p.lastRealLine; marker++) {
    if (!claims.noted(marker, Note.ListMarker)) continue;
    for (let line = v.step(marker, 1), k = 0; line >= 0 && k < 2; line = v.step(line, 1), k++) {
      if (claims.claimed(line) || v.isAllowed(line) || !v.isTeaserItem(line)) break;
      claim(line, `headline in a related-stories list (line ${marker + 1}): a link to another story, not article text`);
    }
  }
}

export const rule = lineRule({
  id: 'boilerplate/teaser',
  description: 'Read-also and related-story lines: `اقرأ أيضا`, `للمزيد:`, `قد يهمك أيضا:` with their headlines, parenthesized or ticker headlines of other stories, titles of other corpus documents.',
  tags: ['related', 'links'],
  detect(v, line, t, claims) {
    const { trimmed } = t;
    const w = v.p.words[line];
    if (w > 60) return undefined;
    if (w <= 4 && LEXICON.teaser.listEnd.has(t.bare)) return `end marker of a related-stories list ("${trimmed}"): not article text`;
    const header = t.lexical ? headerOf(t.bare) : undefined;
    if (header?.exact || (w <= 15 && t.lexical && LEXICON.teaser.openers.prefixOf(t.bare))) {
      claims.note(line, Note.ReadAlsoHeader);
      return `"${clip(trimmed)}" header of a related-stories block: not article text`;
    }
    if (w >= 6 && v.p.marks[line] & LineMark.Menu && (trimmed.includes('   ') || trimmed.includes('\t'))) {
      const segments = trimmed.split(TICKER_SPLIT);
      if (segments.length >= 3 && segments.every((s) => wordsIn(s) >= 2 && wordsIn(s) <= 25)) {
        return `news ticker: ${segments.length} headlines of other stories on one line, not article text`;
      }
    }
    if (line === v.first) return undefined;
    if (header && w <= 30) {
      const separated = separatedHeader(header.phrase).test(t.shape);
      if (separated || !/[.]$/.test(trimmed)) return `"read also" teaser ("${clip(trimmed, 30)}"): a link to another story, not article text`;
    }
    if (w <= 25 && LEXICON.teaser.label.test(t.shape)) return `video or photo teaser ("${clip(trimmed, 30)}"): a link to other content, not article text`;
    if (w <= 35 && v.p.marks[line] & LineMark.ItemEnd && mayEndItem(trimmed)) {
      const tail = ITEM_END.exec(trimmed.slice(-30));
      if (tail && LEXICON.teaser.itemEnd.has(foldText(tail[1]))) return `teaser with a "read more" link ("${clip(trimmed, 30)}"): not article text`;
    }
    if (trimmed.charCodeAt(0) === 40 && trimmed.endsWith(')') && matchingParen(trimmed) === trimmed.length - 1) {
      const inner = trimmed.slice(1, -1).trim();
      const innerWords = wordsIn(inner);
      if (innerWords >= 4 && innerWords <= 25 && !/[.!؟?…:،]$/.test(inner) && !TEASER_PARTICLES.test(inner) && !isAgencyList(foldText(inner)) && v.p.arabic[line] > v.p.latin[line]) {
        return 'parenthesized headline of another story dropped into the article: a related-story link, not article text';
      }
    }
    const key = v.p.keys[line];
    // Another document's title, when it is a real headline (a few words are more likely a shared section heading).
    if (key && w >= 5 && w <= 25 && isHeadlineShaped(v.ctx.doc, v.p, line, 25)) {
      const ownTitle = v.first >= 0 && v.p.keys[v.first] === key ? 1 : 0;
      const others = v.ctx.corpus.titleDocumentFrequency(key) - ownTitle;
      if (others > 0) return `headline of ${others === 1 ? 'another document' : `${others} other documents`} in the corpus: a related-story link, not article text`;
    }
    return undefined;
  },
  extend: headlinesUnder,
});
