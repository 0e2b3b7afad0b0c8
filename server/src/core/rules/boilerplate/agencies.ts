import { foldText } from '../../text/fold';
import { LEXICON } from './lexicon';

const CONNECTORS = new Set(['و', 'عن', 'نقلا', 'بتصرف', 'and', 'via', 'from'].map((w) => foldText(w)));

/**
 * Whether folded text is nothing but agency and outlet names joined by
 * connectors ("الجزيرة + وكالات"): a credit, wherever several rules meet one
 * (a caption's tail, a masthead, an app promotion, a parenthesized line).
 */
export function isAgencyList(fold: string): boolean {
  // The first token settles most calls: it must start a name, be a connector or a conjunction glued to a name.
  const first = firstAgencyToken(fold);
  if (!LEXICON.source.agencies.startsPhrase(first) && !CONNECTORS.has(first) && !(first.length > 2 && first.startsWith('و'))) return false;
  // "فرانس24": a name glued to its number.
  const tokens = fold.replace(/([\u0621-\u064a])(\d)/g, '$1 $2').split(' ').filter(Boolean);
  if (!tokens.length) return false;
  let i = 0;
  let names = 0;
  while (i < tokens.length) {
    const n = LEXICON.source.agencies.matchAt(tokens, i);
    if (n) {
      i += n;
      names++;
      continue;
    }
    const t = tokens[i];
    if (CONNECTORS.has(t)) {
      i++;
      continue;
    }
    // "والجزيرة", "ورويترز": a conjunction glued to a name.
    if (t.length > 2 && t.startsWith('و')) {
      const rest = [t.slice(1), ...tokens.slice(i + 1)];
      const k = LEXICON.source.agencies.matchAt(rest, 0);
      if (k) {
        i += k;
        names++;
        continue;
      }
    }
    return false;
  }
  return names > 0;
}

/** The first of `isAgencyList`'s tokens ('' when there is none): up to a space, or a digit right after an Arabic letter. */
function firstAgencyToken(fold: string): string {
  let i = 0;
  while (i < fold.length && fold.charCodeAt(i) === 32) i++;
  const start = i;
  for (; i < fold.length; i++) {
    const c = fold.charCodeAt(i);
    if (c === 32) break;
    if (c >= 48 && c <= 57 && i > start) {
      const p = fold.charCodeAt(i - 1);
      if (p >= 0x0621 && p <= 0x064a) break;
    }
  }
  return fold.slice(start, i);
}
