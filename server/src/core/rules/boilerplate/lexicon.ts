import { BOILERPLATE_DATA as data } from '../../lang';
import { foldText } from '../../text/fold';
import { PhraseMatcher, readsAs, type WordReader } from '../../text/phrases';

/**
 * The boilerplate lexicons (`lang/<language>/boilerplate.json`) folded once at load, so
 * a line is looked up in a set or compared by prefix without normalizing the
 * lexicon again. Every comparison is on folded text (see `foldText`).
 */

/**
 * First words of every phrase of every lexicon: a line starting with any
 * other word can match no phrase whole or as a prefix, so its folded text is
 * never needed for those look-ups (most paragraphs).
 */
export const LEXICON_FIRST_WORDS = new Set<string>();

/**
 * First words of the label phrases (the `label`, `byline` and `metaLabel`
 * expressions, which match at the start of a line's shape): a line whose
 * shape starts with any other word has no label.
 */
export const LABEL_FIRST_WORDS = new Set<string>();

/** A folded line's words, read as written: the line's words are folded already, with nothing between them. */
const FOLDED_WORDS: WordReader<readonly string[]> = {
  reads: (words, j, w) => j < words.length && readsAs(words[j], w),
  transparent: () => false,
};

/**
 * Phrases looked up on folded text: whole, as the words a line starts with,
 * or among its words. The phrases are folded once: their words are indexed by
 * the phrase matcher (each payload is the folded phrase), and the string
 * look-ups read the same folded phrases.
 */
export class FoldedPhrases {
  private readonly matcher = new PhraseMatcher<string>();
  private readonly whole = new Set<string>();
  /** `whole` in its order, as an array (`containedIn`), and the phrases `countSubstrings` counts. */
  private readonly list: string[];
  private readonly substrings: string[];

  constructor(phrases: readonly string[]) {
    for (const raw of phrases) {
      const phrase = foldText(raw);
      if (!phrase || this.whole.has(phrase)) continue;
      this.whole.add(phrase);
      LEXICON_FIRST_WORDS.add(phrase.split(' ', 1)[0]);
    }
    this.list = [...this.whole];
    // Longest first: the first phrase of a first word that a line starts with is its longest (`prefixOf`).
    for (const phrase of [...this.list].sort((a, b) => b.length - a.length)) {
      this.matcher.add(
        phrase.split(' ').map((text) => ({ text, prefix: false })),
        phrase,
      );
    }
    this.substrings = this.list.filter((phrase) => phrase.length >= 3);
  }

  /** The first words of the phrases. */
  firstWords(): IterableIterator<string> {
    return this.matcher.firstWords();
  }

  /** Whether a phrase starts with this word. */
  startsPhrase(word: string): boolean {
    return this.matcher.startingWith(word).length > 0;
  }

  has(folded: string): boolean {
    return this.whole.has(folded);
  }

  /** The longest phrase the folded line starts with, as whole words. */
  prefixOf(folded: string): string | undefined {
    for (const { payload: phrase } of this.matcher.startingWith(firstWord(folded))) {
      if (folded === phrase || (folded.startsWith(phrase) && folded.charCodeAt(phrase.length) === 32)) return phrase;
    }
    return undefined;
  }

  /** Whether the folded text contains one of the phrases as whole words. */
  containedIn(folded: string): string | undefined {
    // What `\` ${folded} \`.includes(\` ${phrase} \`)` says, without building either string.
    for (const phrase of this.list) {
      for (let i = folded.indexOf(phrase); i >= 0; i = folded.indexOf(phrase, i + 1)) {
        const after = i + phrase.length;
        if ((i === 0 || folded.charCodeAt(i - 1) === 32) && (after === folded.length || folded.charCodeAt(after) === 32)) return phrase;
      }
    }
    return undefined;
  }

  /** How many of the phrases occur in the text as substrings (glued menus lose their spaces). */
  countSubstrings(folded: string): number {
    if (!folded) return 0;
    let n = 0;
    for (const phrase of this.substrings) if (folded.includes(phrase)) n++;
    return n;
  }

  /** Longest phrase matching the words of `words` from `at`, as a word count (0 when none). */
  matchAt(words: readonly string[], at: number): number {
    return this.matcher.matchAt(words, at, FOLDED_WORDS, this.matcher.startingWith(words[at]))?.words ?? 0;
  }
}

let lastFolded = '';
let lastFirst = '';

/** The first word of a folded line; the detectors ask for the same line's many times in a row. */
function firstWord(folded: string): string {
  if (folded !== lastFolded) {
    const space = folded.indexOf(' ');
    lastFirst = space < 0 ? folded : folded.slice(0, space);
    lastFolded = folded;
  }
  return lastFirst;
}

function compilePatterns(list: readonly string[]): RegExp[] {
  return list.map((p) => new RegExp(p, 'iu'));
}

const LABEL_SEPARATOR = '\\s*(?:[:：|/،,؛]|[-–—]+|\\.{2,}|…)';

/** Matches `<label><separator>` at the start of a line's shape (see `shapeText`); group 1 is the label. */
function labelRegExp(phrases: readonly string[]): RegExp {
  const folded = [...new Set(phrases.map((p) => foldText(p)).filter(Boolean))].sort((a, b) => b.length - a.length);
  for (const phrase of folded) LABEL_FIRST_WORDS.add(phrase.split(' ', 1)[0]);
  return new RegExp(`^(${folded.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})${LABEL_SEPARATOR}`, 'u');
}

const d = data;

export const LEXICON = {
  shortcodeTags: new Set(d.shortcode.tags.map((t) => t.toLowerCase())),
  debris: {
    exact: new FoldedPhrases(d.scraperDebris.exact),
    prefix: new FoldedPhrases(d.scraperDebris.prefix),
    metaLabels: new FoldedPhrases(d.scraperDebris.metaLabels),
    metaLabel: labelRegExp(d.scraperDebris.metaLabels),
    /** Every word of the metadata labels, which may repeat inside one line ("نشر في: … | آخر تحديث: …"). */
    metaWords: new Set(d.scraperDebris.metaLabels.flatMap((l) => foldText(l).split(' '))),
    patterns: compilePatterns(d.scraperDebris.patterns),
  },
  source: {
    label: labelRegExp(d.sourceCredit.label),
    byline: labelRegExp(d.sourceCredit.byline),
    agencies: new FoldedPhrases(d.sourceCredit.agencies),
  },
  caption: {
    label: labelRegExp(d.captionCredit.label),
    prefix: new FoldedPhrases(d.captionCredit.prefix),
    exact: new FoldedPhrases(d.captionCredit.exact),
    credits: new FoldedPhrases([...d.captionCredit.credits, ...d.sourceCredit.agencies]),
  },
  teaser: {
    header: new FoldedPhrases(d.teaser.header),
    exactHeader: new FoldedPhrases(d.teaser.exactHeader),
    openers: new FoldedPhrases(d.teaser.openers),
    label: labelRegExp(d.teaser.label),
    itemEnd: new FoldedPhrases(d.teaser.itemEnd),
    listEnd: new FoldedPhrases(d.teaser.listEnd),
  },
  share: {
    exact: new FoldedPhrases(d.sharePrompt.exact),
    prefix: new FoldedPhrases(d.sharePrompt.prefix),
    label: labelRegExp(d.sharePrompt.label),
    sections: new FoldedPhrases(d.sharePrompt.sections),
    navPhrases: new FoldedPhrases(d.sharePrompt.navPhrases),
  },
  footerWords: new FoldedPhrases(d.footerWords),
};

/**
 * The share-prompt phrases found anywhere in a line, as data, and every
 * phrase of the lexicon (whose letters tell which are rare): the phrases'
 * prefilter is derived from them (`pagePhrases.ts`).
 */
export function pagePhraseData() {
  const { cookieTerms, cookieAddress, disclaimers, contains } = d.sharePrompt;
  const phrases = (o: unknown): string[] => (typeof o === 'string' ? [o] : Array.isArray(o) ? o.flatMap(phrases) : o && typeof o === 'object' ? Object.entries(o).flatMap(([k, v]) => (k.startsWith('$') ? [] : phrases(v))) : []);
  return { cookieTerms, cookieAddress, disclaimers, contains, lexicon: phrases(d) as readonly string[] };
}
