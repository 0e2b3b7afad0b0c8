import { profileRuns } from '../../text/runTable';
import { FoldedPhrases, pagePhraseData } from './lexicon';
import { LONG_LINE_WORDS, type LineView } from './lineView';
import { Telltales } from './telltales';

const COOKIE = 1;
const DISCLAIMER = 2;
const PROMPT = 4;
/** Longer lines are article paragraphs that quote a disclaimer, not the disclaimer. */
const DISCLAIMER_WORDS = 60;
/** A comment or click prompt is a short line of its own. */
const PROMPT_WORDS = 15;

export type PagePhraseData = ReturnType<typeof pagePhraseData>;

/**
 * The share-prompt phrases found anywhere in a line, not only at its start:
 * cookie notices, site disclaimers, comment and click prompts. Their
 * telltale letter runs, derived from the phrases, say which can be in a
 * line; most lines hold none and are answered without folding.
 */
export class PagePhrases {
  readonly telltales: Telltales;
  private readonly cookieTerms: FoldedPhrases;
  private readonly cookieAddress: FoldedPhrases;
  private readonly disclaimers: FoldedPhrases;
  private readonly prompts: FoldedPhrases;

  constructor(data: PagePhraseData) {
    this.cookieTerms = new FoldedPhrases(data.cookieTerms);
    this.cookieAddress = new FoldedPhrases(data.cookieAddress);
    this.disclaimers = new FoldedPhrases(data.disclaimers);
    this.prompts = new FoldedPhrases(data.contains);
    // A cookie notice needs a term and an address: the terms, fewer and rarer, are its telltale.
    this.telltales = new Telltales(
      [
        { bit: COOKIE, phrases: data.cookieTerms },
        { bit: DISCLAIMER, phrases: data.disclaimers },
        { bit: PROMPT, phrases: data.contains },
      ],
      data.lexicon,
    );
  }

  /** Which of the phrase groups the line may hold: what `notice` and `prompt` are asked with. */
  scan(v: LineView, line: number): number {
    if (v.p.words[line] > LONG_LINE_WORDS) return 0;
    const t = v.lineText(line);
    // The profile looked for the shipped lexicon's runs in its pass; other runs need a scan of their own.
    return v.p.runs === this.telltales ? v.p.runGroups[line] | this.telltales.always : this.telltales.scan(t.source, t.start, t.end);
  }

  /** The finding's message when the line is a cookie notice or a disclaimer. */
  notice(v: LineView, line: number, found: number): string | undefined {
    const t = v.lineText(line);
    if (found & COOKIE && this.cookieTerms.containedIn(t.full) && this.cookieAddress.containedIn(t.full)) return 'cookie notice: part of the web page, not article text';
    if (found & DISCLAIMER && v.p.words[line] <= DISCLAIMER_WORDS && this.disclaimers.containedIn(t.full)) return 'site disclaimer or rights notice: part of the web page, not article text';
    return undefined;
  }

  /** Whether the line holds a comment, follow or click prompt ("اضغط هنا"). */
  prompt(v: LineView, line: number, found: number): boolean {
    return (found & PROMPT) !== 0 && v.p.words[line] <= PROMPT_WORDS && this.prompts.containedIn(v.lineText(line).full) !== undefined;
  }
}

export const PAGE_PHRASES = new PagePhrases(pagePhraseData());
profileRuns(PAGE_PHRASES.telltales);
