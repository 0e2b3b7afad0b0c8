import { isBlankLine, lineProfile, type LineProfile } from '../../lines';
import { foldText } from '../../text/fold';
import { compileUserPattern, type LineMatcher } from '../../userRegExp';
import type { RuleContext } from '../rule';
import { LineText } from './lineText';

/** Lines whose words outnumber this are paragraphs: only cheap checks run on them. */
export const LONG_LINE_WORDS = 90;

/**
 * A document's lines as the boilerplate detectors read them, built once per
 * analysis: the line profile (counts and marks from one pass over the text),
 * each line's text forms on first use, and the questions about neighbours
 * several detectors ask.
 */
export class LineView {
  readonly p: LineProfile;
  readonly text: string;
  /** Whether the document is mostly Arabic (Latin lines are then stranded interface text). */
  readonly arabicDoc: boolean;
  /** The document's first non-blank line (its title), or -1. */
  readonly first: number;
  private readonly cache: (LineText | undefined)[] = [];
  private readonly allowed: LineMatcher[];

  constructor(readonly ctx: RuleContext) {
    this.p = lineProfile(ctx.doc);
    this.text = ctx.doc.text;
    this.arabicDoc = this.p.arabicTotal >= this.p.latinTotal;
    this.first = this.p.firstContentLine;
    this.allowed = ctx.settings.boilerplateAllowlist.map(compileUserRegExp);
  }

  lineText(line: number): LineText {
    let t = this.cache[line];
    if (!t) {
      const start = this.p.contentStart[line];
      const end = this.p.contentEnd[line];
      t = new LineText(this.text, start, end, this.text.slice(start, end));
      this.cache[line] = t;
    }
    return t;
  }

  blank(line: number): boolean {
    return isBlankLine(this.p, line);
  }

  /** Whether the user's allowlist keeps the line (no rule reports it). */
  isAllowed(line: number): boolean {
    return this.allowed.length > 0 && this.allowed.some((re) => re.test(this.lineText(line).trimmed));
  }

  /** Next (or previous) non-blank line, or -1. */
  step(line: number, dir: 1 | -1): number {
    for (let i = line + dir; i >= 0 && i <= this.p.lastRealLine; i += dir) if (!this.blank(i)) return i;
    return -1;
  }

  latinLine(line: number): boolean {
    return this.p.latin[line] > 0 && this.p.latin[line] >= 2 * this.p.arabic[line];
  }

  /** A paragraph: many words, or a full sentence. */
  isProse(line: number): boolean {
    const w = this.p.words[line];
    if (w >= 25) return true;
    return w >= 12 && endsSentence(this.lineText(line).trimmed);
  }

  /** A line that can be a related-story headline: a few words, not a sentence. */
  isTeaserItem(line: number): boolean {
    const w = this.p.words[line];
    if (w < 2 || w > 25 || this.latinLine(line)) return false;
    return !/[.،:؛,]$/.test(this.lineText(line).trimmed) || /(?:\.{2,}|…)$/.test(this.lineText(line).trimmed);
  }
}

/** Whether the text ends like a sentence: `/[.!?؟…"”»'’)\]]$/`, by its last character. */
export function endsSentence(s: string): boolean {
  switch (s.charCodeAt(s.length - 1)) {
    case 0x2e: case 0x21: case 0x3f: case 0x061f: case 0x2026: case 0x22: case 0x201d: case 0xbb: case 0x27: case 0x2019: case 0x29: case 0x5d:
      return true;
  }
  return false;
}

export function clip(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** An HTML tag or comment (`match` and `replace` only: it is global). */
export const HTML_TAG = /<\/?[a-z][a-z0-9:-]*(?:\s[^<>]*)?\/?>|<!--[\s\S]*?(?:-->|$)/gi;

export function wordsIn(s: string): number {
  const m = s.match(/[\p{L}\p{N}]+/gu);
  return m ? m.length : 0;
}

/** A regular expression for folded text matching any of the words, written readably here and folded once. */
export function foldedWords(words: readonly string[], before: string, after: string): RegExp {
  const alternatives = words.map((w) => foldText(w).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).sort((a, b) => b.length - a.length);
  return new RegExp(`${before}(?:${alternatives.join('|')})${after}`, 'u');
}

export function foldedSet(words: readonly string[]): Set<string> {
  return new Set(words.map((w) => foldText(w)));
}

const userRegExpCache = new Map<string, LineMatcher>();
const NEVER: LineMatcher = { test: () => false };

/** Settings hold only sources that compile (normalizeSettings checked them); compiled once per source. */
export function compileUserRegExp(source: string): LineMatcher {
  let re = userRegExpCache.get(source);
  if (!re) {
    if (userRegExpCache.size > 256) userRegExpCache.clear();
    const compiled = compileUserPattern(source);
    re = compiled.ok ? compiled.matcher : NEVER;
    userRegExpCache.set(source, re);
  }
  return re;
}
