/** The readings of a word the claims lexicon matches: the word less its proclitics, its possessive suffix, its accusative alef. */
import { cliticForms } from '../../numbers/normalize';
import { TOKEN_LATIN, TOKEN_WORD, type Token } from '../../numbers/tokens';

/** A word token's normalized form and its readings without proclitics (computed once per distinct word; never mutate it). */
export function variants(t: Token): string[] {
  if (t.kind === TOKEN_WORD || t.kind === TOKEN_LATIN) {
    // A Latin word has no proclitics or Arabic suffixes: `arabicVariants` reads it as itself only.
    const word = t.word;
    return (word.variants ??= arabicVariants(word.norm));
  }
  return [t.norm];
}

/** Possessive suffixes a counted noun or a verbal noun may carry (سياراتها، عناصرهم، اعتقالهم). */
const SUFFIXES = ['هما', 'هم', 'ها', 'هن'];

function arabicVariants(norm: string): string[] {
  const out = cliticForms(norm);
  const n = out.length;
  for (let i = 0; i < n; i++) {
    const w = out[i];
    for (const suffix of SUFFIXES) {
      if (w.length - suffix.length >= 4 && w.endsWith(suffix)) {
        out.push(w.slice(0, -suffix.length));
        break;
      }
    }
  }
  // The accusative ending of an indefinite noun (هجوماً → هجوما → هجوم).
  const last = out[n - 1];
  if (last.length >= 4 && last.endsWith('ا')) out.push(last.slice(0, -1));
  return out;
}

