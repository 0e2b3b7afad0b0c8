/**
 * Who said it: the attribution phrases of a sentence (قال، بحسب، نقلت ... عن)
 * and the source each names, found by one lazy scan per sentence.
 */
import { detach, offsetAfterNormalized } from '../numbers/normalize';
import { isTransparent, TOKEN_LATIN, TOKEN_NUMBER, TOKEN_PUNCT, TOKEN_WORD, Token } from '../numbers/tokens';
import { variants } from './lexicon/variants';
import { FACT_PARTICLE, FACT_PARTICLE_AFTER_PROCLITIC, FACT_WEEKDAY, facts, isQuote, nearestBefore, type ClaimReader } from './reader';

/** Longest source phrase, in words. */
const MAX_SOURCE = 6;

export interface SourceMention {
  at: number;
  source: string;
}

/** The attribution mentions of a sentence found so far (see `scanSources`). */
export interface SourceScan {
  /** The sentence's first token. */
  start: number;
  /** Where the scan goes on. */
  next: number;
  /** The sentence's end. */
  end: number;
  mentions: SourceMention[];
}

/** The source a line ending in ":" names, and the line of the quotation it introduces. */
export interface PendingSource {
  source: string;
  line: number;
}

export function newScan(s: number, e: number): SourceScan {
  return { start: s, next: s, end: e, mentions: [] };
}

/**
 * Attribution phrases of a sentence and the source each names, found by
 * one scan from the sentence start that goes only as far as asked: up to
 * `until` (a token index). Mentions are found in text order, so all those
 * before `until` are known when it returns.
 */
export function scanSources(r: ClaimReader, scan: SourceScan, until: number): SourceMention[] {
  const tokens = r.tokens;
  const lex = r.lex;
  const e = scan.end;
  const out = scan.mentions;
  for (let k = scan.next; k < e && k < until; k = scan.next) {
    scan.next = k + 1;
    if (!r.isWord(k)) continue;
    const according = lex.according.matchAt(tokens, k);
    if (according) {
      const source = phraseAfter(r, according.last + 1, e);
      if (source) out.push({ at: k, source });
      scan.next = according.last + 1;
      continue;
    }
    const verb = lex.attributionVerbs.matchAt(tokens, k);
    if (!verb) continue;
    // "نقلت رويترز عن وزارة الدفاع": the ministry is the source.
    let via: string | undefined;
    // "أبلغوا عن" is not a quotation: the reporter must come between the verb and "عن".
    for (let j = verb.last + 2; j < e && j <= verb.last + 6; j++) {
      if (tokens[j].kind === TOKEN_PUNCT && !isTransparent(tokens[j])) break;
      if (r.isWord(j) && lex.via.matchAt(tokens, j)) {
        via = phraseAfter(r, j + 1, e);
        break;
      }
    }
    const latin = tokens[k].kind === TOKEN_LATIN;
    // Arabic names the speaker after the verb (قالت الوزارة); English before it (the ministry said).
    const source = via ?? (latin ? (phraseBefore(r, k - 1, scan.start) ?? phraseAfter(r, verb.last + 1, e)) : phraseAfter(r, verb.last + 1, e));
    if (source) out.push({ at: k, source });
    scan.next = verb.last + 1;
  }
  return out;
}

/** The source of the figure whose first token is `first`: the last mention before it, else the first one after it, else the quotation's. */
export function sourceFor(r: ClaimReader, first: number, scan: SourceScan, pending: PendingSource | undefined): string | null {
  let mentions = scanSources(r, scan, first);
  if (mentions.length === 0) mentions = scanSources(r, scan, first + 1);
  while (mentions.length === 0 && scan.next < scan.end) mentions = scanSources(r, scan, scan.next + 1);
  const best = nearestBefore(mentions, first);
  if (best) return best.source;
  const line = r.tokens[first].line;
  if (pending && pending.line === line) return pending.source;
  return null;
}

function isSourceStop(r: ClaimReader, k: number): boolean {
  const tokens = r.tokens;
  const t = tokens[k];
  if (r.figAt[k] >= 0 || t.kind === TOKEN_NUMBER) return true;
  const known = facts(t);
  if (r.lex.stops.has(tokens, k) || known & FACT_PARTICLE) return true;
  if (known & FACT_WEEKDAY || r.eventAt(k) || r.lex.qualifiersBefore.matchAt(tokens, k)) return true;
  if (r.lex.attributionVerbs.matchAt(tokens, k) || r.lex.according.matchAt(tokens, k)) return true;
  // "بسقوط"، "بأن": a preposition glued to a stop word or a trigger.
  return (known & FACT_PARTICLE_AFTER_PROCLITIC) !== 0;
}

/** The named body or person after an attribution word: "وزارة الداخلية الكازاخية"، "مسؤولون في مدينة ألماتي". */
function phraseAfter(r: ClaimReader, k: number, e: number): string | undefined {
  const tokens = r.tokens;
  // Fillers first: "بحسب أرقام وزارة الداخلية"، "وفقا لما جاء في بيان لوزارة الخارجية".
  for (const stop = k + MAX_SOURCE; k < e && k < stop && skippable(r, k); ) k++;
  let first = -1;
  let last = -1;
  let words = 0;
  let sawIn = false;
  for (let j = k; j < e && words < MAX_SOURCE; j++) {
    const t = tokens[j];
    if (!r.isWord(j)) break;
    if (t.norm === 'في' && first >= 0) {
      if (sawIn) break;
      sawIn = true;
      // "وزارة الداخلية في كازاخستان" but not "توكاييف في خطاب متلفز".
      const next = j + 1 < e && r.isWord(j + 1) ? j + 1 : -1;
      if (next < 0 || r.lex.statementNouns.has(tokens, next) || isSourceStop(r, next)) break;
      words++;
      continue;
    }
    if (isSourceStop(r, j)) break;
    if (first < 0) first = j;
    last = j;
    words++;
  }
  if (first < 0) return undefined;
  return sourceText(r, first, last);
}

/** Fillers before a source: "بحسب أرقام وزارة الداخلية"، "وفقا لما جاء في بيان لوزارة الخارجية". */
function skippable(r: ClaimReader, j: number): boolean {
  const tokens = r.tokens;
  return r.isWord(j)
    ? r.lex.fillers.has(tokens, j) || (r.lex.statementNouns.has(tokens, j) && r.isWord(j + 1) && tokens[j + 1].norm[0] === 'ل')
    : isTransparent(tokens[j]) && !isQuote(tokens[j]);
}

/** "Police said": the words before the verb, back to the clause start. */
function phraseBefore(r: ClaimReader, k: number, s: number): string | undefined {
  let first = -1;
  const last = k;
  for (let j = k; j >= s && k - j < 4; j--) {
    if (!r.isWord(j) || isSourceStop(r, j)) break;
    first = j;
  }
  if (first < 0) return undefined;
  return sourceText(r, first, last);
}

function sourceText(r: ClaimReader, first: number, last: number): string {
  const t = r.tokens[first];
  let start = t.start;
  // "لوزارة الخارجية" → "وزارة الخارجية".
  const v = variants(t);
  if (t.kind === TOKEN_WORD && (t.norm[0] === 'ل' || t.norm[0] === 'ب') && v.length > 1 && r.lex.bodies.matchAt([Token.word(v[1])], 0)) {
    start = offsetAfterNormalized(r.text, t.start, t.end, 1);
  }
  return detach(r.text.slice(start, r.tokens[last].end));
}
