import { LineMark } from '../../lines';
import { foldText } from '../../text/fold';
import { isAgencyList } from './agencies';
import { LEXICON } from './lexicon';
import { lineRule } from './lineRule';
import { clip, wordsIn } from './lineView';

const CREDIT_PATH = /\b(?:REUTERS|Reuters|AFP|AP|EPA|EPA-EFE|Anadolu|Getty Images|Xinhua|TASS|Sputnik|SANA|WAFA)\s*\/\s*[A-Z][\w.' -]{1,40}$/;
const TRAILING_PAREN = /\(([^()]{1,40})\)\s*\.?$/;
const TRAILING_DASH_CREDIT = /(?:\s[-–—|/]\s*|[-–—|/]\s+)([^-–—|/]{2,30})$/;

/** `/[-–—|/]/.test(s.slice(-chars))`, without the slice. */
function hasDashNearEnd(s: string, chars: number): boolean {
  for (let i = Math.max(0, s.length - chars); i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2d || c === 0x2013 || c === 0x2014 || c === 0x7c || c === 0x2f) return true;
  }
  return false;
}

function isCredit(fold: string): boolean {
  if (!fold) return false;
  if (LEXICON.caption.credits.has(fold)) return true;
  if (/^(?:تصوير|صوره|المصور|عدسه|getty|photo|credit|reuters|afp|epa|ap photo)\b/.test(fold)) return true;
  return isAgencyList(fold);
}

export const rule = lineRule({
  id: 'boilerplate/caption-credit',
  description: 'Photo captions and credits (`تصوير: …`, `مصدر الصورة، Getty Images`, a caption ending in `(رويترز)`).',
  tags: ['credit', 'images'],
  detect(v, line, t) {
    const w = v.p.words[line];
    if (w > 40) return undefined;
    const { trimmed } = t;
    const label = LEXICON.caption.label.exec(t.shape);
    if (label) return `photo caption or credit ("${clip(trimmed, 30)}"): not article text`;
    const lexical = t.lexical;
    if (lexical && LEXICON.caption.exact.has(t.bare)) return `photo label "${clip(trimmed)}": not article text`;
    if (lexical && LEXICON.caption.prefix.prefixOf(t.bare)) return `photo caption ("${clip(trimmed, 30)}"): not article text`;
    const marks = v.p.marks[line];
    if (marks & LineMark.Slash && CREDIT_PATH.test(trimmed)) return 'photo credit (agency/photographer): not article text';
    const copyright = marks & LineMark.Copyright ? trimmed.lastIndexOf('©') : -1;
    if (copyright >= 0 && isCredit(foldText(trimmed.slice(copyright + 1)).replace(/\s*\d+\s*/g, ' ').trim())) return `photo credit ("${clip(trimmed.slice(copyright), 25)}"): not article text`;
    if (line === v.first || w > 35) return undefined;
    const paren = trimmed.endsWith(')') || trimmed.endsWith(').') ? TRAILING_PAREN.exec(trimmed) : null;
    const dash = paren || !(marks & LineMark.Dash) || !hasDashNearEnd(trimmed, 34) ? null : TRAILING_DASH_CREDIT.exec(trimmed.slice(-40));
    const m = paren ?? dash;
    if (!m) return undefined;
    const credit = foldText(m[1]);
    if (!isCredit(credit)) return undefined;
    const before = trimmed.slice(0, m.index).trim();
    if (wordsIn(before) < 3 || /[:：]\s*$/.test(before) || /^["«“”]/.test(before)) return undefined;
    return `photo caption with its credit (${clip(m[1].trim(), 25)}): not article text`;
  },
});
