/**
 * The built-in lexicons, one folder per language (`ar/`, `en/`): a
 * language's files are what its translator edits, each with the shape of
 * the whole lexicon and only that language's entries. They are combined
 * here, once at load, into the lexicons the analyses read.
 */
import arBoilerplate from './ar/boilerplate.json';
import arClaims from './ar/claims.json';
import arNumbers from './ar/numbers.json';
import arScope from './ar/scope.json';
import enBoilerplate from './en/boilerplate.json';
import enClaims from './en/claims.json';
import enNumbers from './en/numbers.json';
import enScope from './en/scope.json';

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Whether two objects of a list are the same item: they agree on every field that is not a list or an object (a context's event and becomes). */
function sameItem(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = (o: Record<string, unknown>) => Object.keys(o).filter((k) => typeof o[k] !== 'object');
  const ka = keys(a);
  return ka.length > 0 && ka.length === keys(b).length && ka.every((k) => a[k] === b[k]);
}

/**
 * Two languages' parts of one lexicon as one: objects by key (the first's
 * keys first), lists joined in order (an item of the second that is the
 * same item as one of the first joins it), other values from the first.
 */
function combine(a: unknown, b: unknown): unknown {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (Array.isArray(a) && Array.isArray(b)) {
    const out = [...a];
    for (const item of b) {
      const k = isRecord(item) ? out.findIndex((x) => isRecord(x) && sameItem(x, item)) : -1;
      if (k >= 0) out[k] = combine(out[k], item);
      else out.push(item);
    }
    return out;
  }
  if (isRecord(a) && isRecord(b)) {
    const out: Record<string, unknown> = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = combine(out[k], v);
    return out;
  }
  return a;
}

/** One lexicon from its Arabic and its English part (see `combine`). */
export const combineLanguages = <A, B>(ar: A, en: B): A & B => combine(ar, en) as A & B;

export const CLAIMS_DATA = combineLanguages(arClaims, enClaims);
export const SCOPE_DATA = combineLanguages(arScope, enScope);
export const BOILERPLATE_DATA = combineLanguages(arBoilerplate, enBoilerplate);
/** The figure reader's words per language: each language's number words are read by its own grammar, the rest combined (numbers/lexicon.ts). */
export const NUMBER_LANGUAGES = { ar: arNumbers, en: enNumbers };
