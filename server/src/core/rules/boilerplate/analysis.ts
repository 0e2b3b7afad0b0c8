import { stringOfCodes } from '../../arrays';
import { foldCode, foldText, isBlankLine, isBreakingSpace, isHeadlineShaped, isInvisibleCode, LineMark, lineProfile, shapeText, type LineProfile } from '../../lines';
import { compileUserPattern, type LineMatcher } from '../../userRegExp';
import { digitValue } from '../../numbers/scanner';
import type { RuleContext } from '../rule';
import { deleteLinesEdit } from './edits';
import { LABEL_FIRST_WORDS, LEXICON, LEXICON_FIRST_WORDS, type PhraseSet } from './lexicon';

/**
 * The boilerplate family classifies each line once: the first kind (in
 * `KIND_ORDER`) whose rule is enabled and whose test the line passes owns it,
 * so a line gets at most one finding and turning a rule off hands the line to
 * the next kind. Most tests are exact or prefix look-ups in the lexicons; the
 * few shape tests (a caption ending in a credit, a parenthesized headline, a
 * line repeated across the corpus) stay away from a document's first line and
 * from headings, which are article text.
 */
export const KIND_ORDER = [
  'shortcode',
  'markup',
  'caption-credit',
  'source-credit',
  'teaser',
  'share-prompt',
  'scraper-debris',
  'user-pattern',
  'repeated-line',
] as const;

export type BoilerplateKind = (typeof KIND_ORDER)[number];

export interface LineVerdict {
  line: number;
  kind: BoilerplateKind;
  /** What the line is and why it is not article text; the finding's message. */
  message: string;
}

/** Lines whose words outnumber this are paragraphs: only cheap checks run on them. */
const LONG_LINE_WORDS = 90;

/** Lexicon phrases are short: the start of a line is enough to find a prefix or a label. */
const HEAD_CHARS = 160;
/** Where a label's separator must appear (the longest label is about 25 characters, after a bullet). */
const LABEL_CHARS = 64;

/** A label's separator: `:`, `：`, `|`, `/`, `،`, `,`, `؛`, `-`, `–`, `—`, `.`, `…`. */
function isLabelSeparator(c: number): boolean {
  switch (c) {
    case 0x3a: case 0xff1a: case 0x7c: case 0x2f: case 0x060c: case 0x2c: case 0x061b: case 0x2d: case 0x2013: case 0x2014: case 0x2e: case 0x2026:
      return true;
  }
  return false;
}

function hasSeparator(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isLabelSeparator(text.charCodeAt(i))) return true;
  return false;
}

/** What `LEADING_BULLETS` strips from a shape: `-–—•·*▪►●◄|`. */
function isLeadingBullet(c: number): boolean {
  switch (c) {
    case 0x2d: case 0x2013: case 0x2014: case 0x2022: case 0xb7: case 0x2a: case 0x25aa: case 0x25ba: case 0x25cf: case 0x25c4: case 0x7c:
      return true;
  }
  return false;
}

/**
 * A set of words that a word being read character by character can be
 * looked up in without becoming a string first: a small integer hash of
 * each member is kept beside them, and a word whose hash is not there (most
 * of the words asked about) is answered without building it.
 */
class WordSet {
  private readonly words: ReadonlySet<string>;
  private readonly hashes = new Set<number>();

  constructor(words: Iterable<string>) {
    this.words = new Set(words);
    for (const word of this.words) {
      let h = WORD_HASH_SEED;
      for (let i = 0; i < word.length; i++) h = wordHash(h, word.charCodeAt(i));
      this.hashes.add(h & 0x3fffffff);
    }
  }

  /** Whether the `n` codes in `wordScratch`, whose running `wordHash` is `h`, spell a member. */
  hasScratch(n: number, h: number): boolean {
    if (!this.hashes.has(h & 0x3fffffff)) return false;
    return this.words.has(n === 0 ? '' : stringOfCodes(wordScratch, 0, n));
  }
}

const WORD_HASH_SEED = 0x811c9dc5;

function wordHash(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193);
}

let wordScratch = new Uint16Array(64);

function pushWordCode(n: number, code: number): number {
  if (n === wordScratch.length) {
    const bigger = new Uint16Array(n * 2);
    bigger.set(wordScratch);
    wordScratch = bigger;
  }
  wordScratch[n] = code;
  return n + 1;
}

/**
 * Whether the first word of `foldText(text, start, end)` (up to its first
 * space) is in `set`, without folding the rest.
 */
function firstFoldedWordIn(set: WordSet, text: string, start: number, end: number): boolean {
  let n = 0;
  let h = WORD_HASH_SEED;
  for (let i = start; i < end; i++) {
    const f = foldCode(text.charCodeAt(i));
    if (f < 0) continue;
    if (f === 32) {
      if (n > 0) break;
      continue;
    }
    n = pushWordCode(n, f);
    h = wordHash(h, f);
  }
  return set.hasScratch(n, h);
}

/**
 * Whether the first word of the shape of `text[start, end)` — of
 * `shapeText(text, start, end)` without its `LEADING_BULLETS`, that is its
 * leading letters and digits up to a space or a punctuation mark ('' when it
 * starts with one) — is in `set`, without building the shape.
 */
function shapeFirstWordIn(set: WordSet, text: string, start: number, end: number): boolean {
  let i = start;
  // shapeText drops invisible characters and marks, and white space before its first character.
  const dropped = (c: number) => isInvisibleCode(c) || (!isBreakingSpace(c) && foldCode(c) < 0);
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!dropped(c) && !isBreakingSpace(c)) break;
  }
  // A run of bullets (dropped characters do not interrupt it), then white space.
  let bullets = false;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (dropped(c)) continue;
    if (!isLeadingBullet(c)) break;
    bullets = true;
  }
  if (bullets) {
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (!dropped(c) && !isBreakingSpace(c)) break;
    }
  }
  let n = 0;
  let h = WORD_HASH_SEED;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isInvisibleCode(c)) continue;
    if (isBreakingSpace(c)) break;
    const f = foldCode(c);
    if (f < 0) continue;
    if (f === 32) break;
    n = pushWordCode(n, f);
    h = wordHash(h, f);
  }
  return set.hasScratch(n, h);
}

const NON_ASCII_DIGIT = /[\u0660-\u0669\u06f0-\u06f9]/g;

/** The text with Eastern Arabic-Indic (٠-٩) and Persian (۰-۹) digits as ASCII digits. */
function asciiDigits(text: string): string {
  return text.replace(NON_ASCII_DIGIT, (d) => String(digitValue(d.charCodeAt(0))));
}

/** A line's text in the forms the detectors compare, each computed on first use. */
class LineText {
  private bareText: string | undefined;
  private fullText: string | undefined;
  private shapeTextValue: string | undefined;

  constructor(
    private readonly source: string,
    private readonly start: number,
    private readonly end: number,
    /** The line without surrounding white space. */
    readonly trimmed: string,
  ) {}

  /**
   * `trimmed` with Eastern Arabic-Indic and Persian digits as 0-9 (the same
   * length), for the patterns that read digits: a shortcode or a "list 1 of 4"
   * is one whatever its digits, and must not wait for the digits fix to be seen.
   */
  get ascii(): string {
    return (this.asciiText ??= asciiDigits(this.trimmed));
  }

  private asciiText: string | undefined;

  /** Folded for lexicon look-ups (see `foldText`); only the first characters of a long line. */
  get bare(): string {
    return (this.bareText ??= this.end - this.start <= HEAD_CHARS ? this.full : foldText(this.source, this.start, this.start + HEAD_CHARS));
  }

  /** Whether the line may start with a lexicon phrase: short lines always, longer ones when their first word (within 40 characters) starts a phrase. */
  get lexical(): boolean {
    return (this.lexicalValue ??= this.end - this.start <= 48 || firstFoldedWordIn(LEXICAL_FIRST_WORDS, this.source, this.start, Math.min(this.end, this.start + 40)));
  }

  private lexicalValue: boolean | undefined;

  /** The whole line folded, for phrases that may occur anywhere in it. */
  get full(): string {
    return (this.fullText ??= foldText(this.source, this.start, this.end));
  }

  /**
   * Folded with punctuation kept, for labels ("المصدر :"); leading bullets
   * and dashes dropped. Labels are short and end in a separator: a line with
   * no separator near its start has no label, and a long line needs only its start.
   * Only ever matched against a label or read-also phrase at its start, so
   * it is '' when it cannot start with one: no separator near the start, or
   * a first word that starts no such phrase (most lines).
   */
  get shape(): string {
    if (this.shapeTextValue === undefined) {
      const end = this.end - this.start <= HEAD_CHARS ? this.end : this.start + LABEL_CHARS;
      this.shapeTextValue =
        shapeFirstWordIn(SHAPE_FIRST_WORDS, this.source, this.start, end) && hasSeparator(this.source, this.start, Math.min(end, this.start + LABEL_CHARS))
          ? shapeText(this.source, this.start, end).replace(LEADING_BULLETS, '')
          : '';
    }
    return this.shapeTextValue;
  }
}

class Classifier {
  readonly p: LineProfile;
  readonly text: string;
  readonly arabicDoc: boolean;
  readonly first: number;
  private readonly cache: (LineText | undefined)[] = [];
  /** The enabled kinds, in `KIND_ORDER`, and their detectors. */
  private readonly kinds: BoilerplateKind[];
  private readonly detectors: Detector[];
  readonly verdicts = new Map<number, LineVerdict>();
  readonly allowed: LineMatcher[];
  readonly userPatterns: { source: string; re: LineMatcher }[];
  /** Lines that are a bare read-also header (a block of headlines follows). */
  readonly headers = new Set<number>();
  /** Lines that mark an item of an accessible list widget ("list 1 of 4"). */
  readonly listMarkers = new Set<number>();
  /** Lines holding only a section name of a site menu ("رياضة"). */
  readonly sectionLines = new Set<number>();

  constructor(
    readonly ctx: RuleContext,
    readonly enabled: ReadonlySet<BoilerplateKind>,
  ) {
    this.p = lineProfile(ctx.doc);
    this.text = ctx.doc.text;
    this.arabicDoc = this.p.arabicTotal >= this.p.latinTotal;
    this.first = this.p.firstContentLine;
    this.allowed = ctx.settings.boilerplateAllowlist.map(compileUserRegExp);
    this.userPatterns = ctx.settings.boilerplatePatterns.map((source) => ({ source, re: compileUserRegExp(source) }));
    this.kinds = KIND_ORDER.filter((kind) => enabled.has(kind));
    this.detectors = this.kinds.map((kind) => DETECTORS[kind]);
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

  /**
   * Whether a line sits between the document's first and last paragraph.
   * Paragraphs other detectors flag (a long shortcode, a cookie notice) are
   * not the article's: counted, they let a heading pass for article text
   * until the fix deleted them, and a later pass deleted it unannounced.
   */
  inBody(line: number): boolean {
    if (this.bodyRange === undefined) {
      let first = -1;
      let last = -1;
      for (let i = 0; i <= this.p.lastRealLine; i++) {
        if (this.blank(i) || !this.isProse(i)) continue;
        const verdict = this.verdicts.get(i);
        if (verdict && verdict.kind !== 'repeated-line') continue;
        if (first < 0) first = i;
        last = i;
      }
      this.bodyRange = [first, last];
    }
    return line > this.bodyRange[0] && line < this.bodyRange[1];
  }

  private bodyRange: [number, number] | undefined;

  set(line: number, kind: BoilerplateKind, message: string): void {
    this.verdicts.set(line, { line, kind, message });
  }

  classify(): void {
    const { p } = this;
    // Repeated lines come last, in a second sweep: whether a line is article text depends on where
    // the article's paragraphs are, and the other kinds must first say which paragraphs are not.
    const repeated = this.kinds.at(-1) === 'repeated-line' ? this.detectors.length - 1 : this.detectors.length;
    const unflagged: number[] = [];
    for (let line = 0; line <= p.lastRealLine; line++) {
      if (this.blank(line) || this.isAllowed(line)) continue;
      let flagged = false;
      for (let k = 0; k < repeated && !flagged; k++) {
        const message = this.detectors[k](this, line);
        if (message) {
          this.set(line, this.kinds[k], message);
          flagged = true;
        }
      }
      if (!flagged) unflagged.push(line);
    }
    if (repeated < this.detectors.length) {
      for (const line of unflagged) {
        const message = repeatedLine(this, line);
        if (message) this.set(line, 'repeated-line', message);
      }
    }
    if (this.enabled.has('teaser')) {
      this.readAlsoBlocks();
      this.listWidgetItems();
    }
    if (this.enabled.has('share-prompt')) this.menuRuns();
  }

  /** A bare "اقرأ أيضا" header owns the headlines under it. */
  private readAlsoBlocks(): void {
    for (const header of this.headers) {
      const label = this.lineText(header).trimmed;
      let taken = 0;
      for (let line = this.step(header, 1); line >= 0 && taken < 10; line = this.step(line, 1)) {
        if (this.verdicts.has(line) || this.headers.has(line) || this.isAllowed(line) || !this.isTeaserItem(line)) break;
        // After the first headline, a short line followed by a paragraph is more likely the article's next heading.
        const next = this.step(line, 1);
        if (taken > 0 && this.p.words[line] < 5 && next >= 0 && this.isProse(next)) break;
        this.set(line, 'teaser', `headline of another story under "${clip(label)}" (line ${header + 1}): a related-story link, not article text`);
        taken++;
      }
    }
  }

  /** Accessible list widgets ("list 1 of 4" … "end of list") hold related-story headlines. */
  private listWidgetItems(): void {
    for (const marker of this.listMarkers) {
      for (let line = this.step(marker, 1), k = 0; line >= 0 && k < 2; line = this.step(line, 1), k++) {
        if (this.verdicts.has(line) || this.isAllowed(line) || !this.isTeaserItem(line)) break;
        this.set(line, 'teaser', `headline in a related-stories list (line ${marker + 1}): a link to another story, not article text`);
      }
    }
  }

  /**
   * Site menus and tag lists: a run of short lines (blank lines may separate
   * them) holding at least two section names or navigation entries
   * ("سياسة", "اقتصاد", "الرئيسية"), where entries and already flagged lines
   * make most of the run; the site-specific entries between them go with it.
   * A bare tags label ("الكلمات المفتاحية") makes the short lines after it tags.
   */
  private menuRuns(): void {
    const isShort = (line: number) => this.p.words[line] >= 1 && this.p.words[line] <= 4 && !/[.،:؛,!؟?]$/.test(this.lineText(line).trimmed);
    let run: number[] = [];
    const flush = () => {
      if (!run.length) return;
      const sections = run.filter((l) => this.sectionLines.has(l)).length;
      const known = run.filter((l) => this.sectionLines.has(l) || this.verdicts.has(l)).length;
      const tagged = run.length > 1 && this.verdicts.get(run[0])?.message.startsWith(TAGS_MESSAGE) === true;
      if ((sections >= 2 && known >= 0.6 * run.length) || tagged) {
        let end = run.length;
        // A short unknown line right before a paragraph is the article's title or first heading.
        const last = run[end - 1];
        const next = this.step(last, 1);
        if (!this.verdicts.has(last) && !this.sectionLines.has(last) && next >= 0 && this.isProse(next)) end--;
        for (const l of run.slice(0, end)) {
          if (!this.verdicts.has(l) && !this.isAllowed(l)) this.set(l, 'share-prompt', `"${clip(this.lineText(l).trimmed)}": an entry of the site's ${tagged ? 'tag list' : 'navigation menu'} (lines ${run[0] + 1}–${run[end - 1] + 1}), not article text`);
        }
      }
      run = [];
    };
    for (let line = 0; line <= this.p.lastRealLine; line++) {
      if (this.blank(line)) continue;
      if (isShort(line) || this.verdicts.get(line)?.message.startsWith(TAGS_MESSAGE)) {
        if (run.length && this.verdicts.get(line)?.message.startsWith(TAGS_MESSAGE)) flush();
        run.push(line);
      } else flush();
    }
    flush();
  }

  /** A line that can be a related-story headline: a few words, not a sentence, not flagged otherwise. */
  isTeaserItem(line: number): boolean {
    const w = this.p.words[line];
    if (w < 2 || w > 25 || this.latinLine(line)) return false;
    return !/[.،:؛,]$/.test(this.lineText(line).trimmed) || /(?:\.{2,}|…)$/.test(this.lineText(line).trimmed);
  }
}

const LEADING_BULLETS = /^[-–—•·*▪►●◄|]+\s*/;

/** Whether the text ends like a sentence: `/[.!?؟…"”»'’)\]]$/`, by its last character. */
function endsSentence(s: string): boolean {
  switch (s.charCodeAt(s.length - 1)) {
    case 0x2e: case 0x21: case 0x3f: case 0x061f: case 0x2026: case 0x22: case 0x201d: case 0xbb: case 0x27: case 0x2019: case 0x29: case 0x5d:
      return true;
  }
  return false;
}

/**
 * First words of every phrase a line's shape is matched against at its
 * start: the labels, and the read-also headers (the teaser's "separated"
 * test). A shape starting with any other word matches none.
 */
const SHAPE_FIRST_WORDS = new WordSet([...LABEL_FIRST_WORDS, ...LEXICON.teaser.header.firstWords()]);

/** `LEXICON_FIRST_WORDS`, for `LineText.lexical`. */
const LEXICAL_FIRST_WORDS = new WordSet(LEXICON_FIRST_WORDS);

function clip(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

const userRegExpCache = new Map<string, LineMatcher>();
const NEVER: LineMatcher = { test: () => false };

/** Settings hold only sources that compile (normalizeSettings checked them); compiled once per source. */
function compileUserRegExp(source: string): LineMatcher {
  let re = userRegExpCache.get(source);
  if (!re) {
    if (userRegExpCache.size > 256) userRegExpCache.clear();
    const compiled = compileUserPattern(source);
    re = compiled.ok ? compiled.matcher : NEVER;
    userRegExpCache.set(source, re);
  }
  return re;
}

type Detector = (c: Classifier, line: number) => string | undefined;

/** A regular expression for folded text matching any of the words, written readably here and folded once. */
function foldedWords(words: readonly string[], before: string, after: string): RegExp {
  const alternatives = words.map((w) => foldText(w).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).sort((a, b) => b.length - a.length);
  return new RegExp(`${before}(?:${alternatives.join('|')})${after}`, 'u');
}

function foldedSet(words: readonly string[]): Set<string> {
  return new Set(words.map((w) => foldText(w)));
}

// ---------------------------------------------------------------- shortcode

const SHORTCODE_START = /^\[\/?([a-z][a-z0-9_-]*)(?=[\s\]/])/i;
const SHORTCODE_TOKEN = /\[\/?[a-z][a-z0-9_-]*(?:\s[^[\]]*)?\/?\]/gi;
const HTML_TAG = /<\/?[a-z][a-z0-9:-]*(?:\s[^<>]*)?\/?>|<!--[\s\S]*?(?:-->|$)/gi;
const WRAPPING_SHORTCODES = /^(?:wp_)?caption$|^gallery$|^embed$|^video$|^audio$|^playlist$|^ad|^related|^tweet|^twitter|^instagram|^youtube|^iframe/;

function wordsIn(s: string): number {
  const m = s.match(/[\p{L}\p{N}]+/gu);
  return m ? m.length : 0;
}

const shortcode: Detector = (c, line) => {
  const t = c.lineText(line);
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
};

// ---------------------------------------------------------------- markup

const EMBED_TAG = /<(?:script|iframe|style|noscript|embed|object|link|meta|form|input|button|svg)\b|<blockquote\s+class=["'](?:twitter|instagram|tiktok|facebook)/i;
const ENTITY = /&(?:[a-z]{2,8}|#\d{2,6}|#x[0-9a-f]{2,6});/gi;
const ATTRIBUTE_TAIL = /^(?:[a-z][\w:-]*\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)\s*)+\/?>$/i;
const CODE_START = /^(?:\(?function\s*\(|var\s|let\s|const\s|window\.|document\.|googletag\.|jQuery|\$\(|\}\)?\s*\)?;?$|\{$|if\s*\(|@media\b|@import\b|[.#][a-z][\w-]*\s*\{)/;
const CODE_ANYWHERE = /adsbygoogle|googletag\.|gtag\(|dataLayer\.push|fbq\(|_gaq\.|__tcfapi|\.push\(\s*\{|function\s*\([^)]*\)\s*\{/;

const markup: Detector = (c, line) => {
  const { trimmed } = c.lineText(line);
  const first = trimmed.charCodeAt(0);
  if (c.p.marks[line] & LineMark.Angle && trimmed.includes('<')) {
    if (EMBED_TAG.test(trimmed)) return 'embedded HTML (script, frame or social embed): page code, not article text';
    const tags = trimmed.match(HTML_TAG);
    if (tags && (first === 60 || first === 38)) {
      const tagChars = tags.reduce((n, t) => n + t.length, 0);
      const rest = trimmed.replace(HTML_TAG, ' ').replace(ENTITY, ' ');
      if (wordsIn(rest) <= 3 || tagChars >= 0.5 * trimmed.length) return `HTML markup (${clip(tags[0], 30)}): page code, not article text`;
    }
    if (ATTRIBUTE_TAIL.test(trimmed)) return 'the end of an HTML tag split across lines: page code, not article text';
  }
  if (first === 38 && trimmed.replace(ENTITY, '').trim() === '') return 'HTML entities only: page code, not article text';
  if (c.p.arabic[line] === 0 && c.p.latin[line] > 0 && (CODE_START.test(trimmed) || CODE_ANYWHERE.test(trimmed))) {
    return 'script or style code: page code, not article text';
  }
  return undefined;
};

// ---------------------------------------------------------------- caption-credit

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

const captionCredit: Detector = (c, line) => {
  const t = c.lineText(line);
  const { trimmed } = t;
  const w = c.p.words[line];
  if (w > 40) return undefined;
  const label = LEXICON.caption.label.exec(t.shape);
  if (label) return `photo caption or credit ("${clip(trimmed, 30)}"): not article text`;
  const lexical = t.lexical;
  if (lexical && LEXICON.caption.exact.has(t.bare)) return `photo label "${clip(trimmed)}": not article text`;
  if (lexical && LEXICON.caption.prefix.prefixOf(t.bare)) return `photo caption ("${clip(trimmed, 30)}"): not article text`;
  const marks = c.p.marks[line];
  if (marks & LineMark.Slash && CREDIT_PATH.test(trimmed)) return 'photo credit (agency/photographer): not article text';
  const copyright = marks & LineMark.Copyright ? trimmed.lastIndexOf('©') : -1;
  if (copyright >= 0 && isCredit(foldText(trimmed.slice(copyright + 1)).replace(/\s*\d+\s*/g, ' ').trim())) return `photo credit ("${clip(trimmed.slice(copyright), 25)}"): not article text`;
  if (line === c.first || w > 35) return undefined;
  const paren = trimmed.endsWith(')') || trimmed.endsWith(').') ? TRAILING_PAREN.exec(trimmed) : null;
  const dash = paren || !(marks & LineMark.Dash) || !hasDashNearEnd(trimmed, 34) ? null : TRAILING_DASH_CREDIT.exec(trimmed.slice(-40));
  const m = paren ?? dash;
  if (!m) return undefined;
  const credit = foldText(m[1]);
  if (!isCredit(credit)) return undefined;
  const before = trimmed.slice(0, m.index).trim();
  if (wordsIn(before) < 3 || /[:：]\s*$/.test(before) || /^["«“”]/.test(before)) return undefined;
  return `photo caption with its credit (${clip(m[1].trim(), 25)}): not article text`;
};

// ---------------------------------------------------------------- source-credit

const CONNECTORS = new Set(['و', 'عن', 'نقلا', 'بتصرف', 'and', 'via', 'from'].map((w) => foldText(w)));

/** Whether folded text is nothing but agency and outlet names joined by connectors ("الجزيرة + وكالات"). */
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

const OUTLET_THEN_NAME = /^([^-–—/|:]+?)\s*[-–—/|]\s*(\S[^-–—/|:]*)$/;
const BYLINE_BARE = foldedWords(['كتب', 'كتبت', 'بقلم', 'هذا المقال بقلم', 'المقال بقلم', 'مقال بقلم', 'by', 'written by'], '^', '\\s');

const sourceCredit: Detector = (c, line) => {
  const t = c.lineText(line);
  const { trimmed } = t;
  const w = c.p.words[line];
  // A site's name alone is the masthead even on the first line; nothing else is taken from a first line.
  if (line === c.first) return w <= 4 && isAgencyList(t.bare) ? `site name ("${clip(trimmed, 30)}"): the masthead of the web page, not article text` : undefined;
  if (w > 14) return undefined;
  const label = LEXICON.source.label.exec(t.shape);
  if (label) {
    const rest = foldText(t.shape.slice(label[0].length));
    const restWords = rest ? rest.split(' ').length : 0;
    if (restWords >= 1 && restWords <= 8 && (restWords <= 4 || isAgencyList(rest) || /https?:|www\./.test(trimmed) || LEXICON.source.agencies.containedIn(rest))) {
      return `source credit line ("${clip(trimmed, 30)}"): the site's attribution, not article text`;
    }
  }
  const byline = LEXICON.source.byline.exec(t.shape);
  if (byline) {
    const restWords = wordsIn(t.shape.slice(byline[0].length));
    if (restWords >= 1 && restWords <= 6 && !/[:؛،,]$/.test(trimmed)) return `byline ("${clip(trimmed, 30)}"): a credit, not article text`;
  }
  // "كتب محمد أحمد": a name follows, and Arabic personal names do not start with the article ("كتب التاريخ" is a heading).
  const bylineWord = w <= 5 ? BYLINE_BARE.exec(`${t.bare} `) : null;
  if (bylineWord && !/[.،:؛,!؟?]$/.test(trimmed)) {
    const name = t.bare.slice(bylineWord[0].length).split(' ');
    const latinName = /^(?:by|written by)\s+(?:[A-Z][\w.'-]*\s*){1,4}$/.test(trimmed);
    if (latinName || (name.length >= 1 && name.length <= 4 && !name[0].startsWith('ال') && c.p.latin[line] === 0)) {
      return `byline ("${clip(trimmed, 30)}"): a credit, not article text`;
    }
  }
  // "عربي21- محمد سالم": the outlet, then its reporter (a place first, "الرياض - رويترز", is a dateline).
  const credit = w <= 7 ? OUTLET_THEN_NAME.exec(trimmed) : null;
  if (credit && isAgencyList(foldText(credit[1])) && wordsIn(credit[2]) <= 4 && !/\d/.test(credit[2])) {
    return `credit line ("${clip(trimmed, 30)}"): the outlet and its reporter, not article text`;
  }
  if (w <= 8 && isAgencyList(t.bare)) return `source credit ("${clip(trimmed, 30)}"): agency or outlet names alone, not article text`;
  return undefined;
};

// ---------------------------------------------------------------- teaser

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

const teaser: Detector = (c, line) => {
  const t = c.lineText(line);
  const { trimmed } = t;
  const w = c.p.words[line];
  if (w > 60) return undefined;
  if (w <= 4 && LEXICON.teaser.listEnd.has(t.bare)) return `end marker of a related-stories list ("${trimmed}"): not article text`;
  const header = t.lexical ? headerOf(t.bare) : undefined;
  if (header?.exact || (w <= 15 && t.lexical && LEXICON.teaser.openers.prefixOf(t.bare))) {
    c.headers.add(line);
    return `"${clip(trimmed)}" header of a related-stories block: not article text`;
  }
  if (w >= 6 && c.p.marks[line] & LineMark.Menu && (trimmed.includes('   ') || trimmed.includes('\t'))) {
    const segments = trimmed.split(TICKER_SPLIT);
    if (segments.length >= 3 && segments.every((s) => wordsIn(s) >= 2 && wordsIn(s) <= 25)) {
      return `news ticker: ${segments.length} headlines of other stories on one line, not article text`;
    }
  }
  if (line === c.first) return undefined;
  if (header && w <= 30) {
    const separated = separatedHeader(header.phrase).test(t.shape);
    if (separated || !/[.]$/.test(trimmed)) return `"read also" teaser ("${clip(trimmed, 30)}"): a link to another story, not article text`;
  }
  if (w <= 25 && LEXICON.teaser.label.test(t.shape)) return `video or photo teaser ("${clip(trimmed, 30)}"): a link to other content, not article text`;
  if (w <= 35 && c.p.marks[line] & LineMark.ItemEnd && mayEndItem(trimmed)) {
    const tail = ITEM_END.exec(trimmed.slice(-30));
    if (tail && LEXICON.teaser.itemEnd.has(foldText(tail[1]))) return `teaser with a "read more" link ("${clip(trimmed, 30)}"): not article text`;
  }
  if (trimmed.charCodeAt(0) === 40 && trimmed.endsWith(')') && matchingParen(trimmed) === trimmed.length - 1) {
    const inner = trimmed.slice(1, -1).trim();
    const innerWords = wordsIn(inner);
    if (innerWords >= 4 && innerWords <= 25 && !/[.!؟?…:،]$/.test(inner) && !TEASER_PARTICLES.test(inner) && !isAgencyList(foldText(inner)) && c.p.arabic[line] > c.p.latin[line]) {
      return 'parenthesized headline of another story dropped into the article: a related-story link, not article text';
    }
  }
  const key = c.p.keys[line];
  // Another document's title, when it is a real headline (a few words are more likely a shared section heading).
  if (key && w >= 5 && w <= 25 && isHeadlineShaped(c.ctx.doc, c.p, line, 25)) {
    const ownTitle = c.first >= 0 && c.p.keys[c.first] === key ? 1 : 0;
    const others = c.ctx.corpus.titleDocumentFrequency(key) - ownTitle;
    if (others > 0) return `headline of ${others === 1 ? 'another document' : `${others} other documents`} in the corpus: a related-story link, not article text`;
  }
  return undefined;
};

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

// ---------------------------------------------------------------- share-prompt

const TAGS_MESSAGE = 'label of the tag list';
const TAG_LABEL = foldedWords(['الكلمات المفتاحية', 'كلمات مفتاحية', 'الكلمات الدلالية', 'كلمات دلالية', 'الكلمات الدالة', 'كلمات دالة', 'الوسوم', 'وسوم', 'الأوسمة', 'العلامات', 'tags', 'topics'], '^', '$');
const CONTAINS_HINT = /يعلق|تعليق|اضغط|انقر|تابعونا|اشترك|click|follow/i;
const COOKIE_HINT = /ارتباط|كوكيز|cookie/i;
const DISCLAIMER_HINT = /تعبر|يعبر|تعكس|يعكس|الآراء|الاراء|مسؤول|محفوظة|reflect|rights reserved/i;
const MENU_HINT = /[|•·▪►»«>/\\]|\s{3,}|\t/;
/** Either hint above, in one pass: most lines have neither. */
const PAGE_HINT = new RegExp(`${COOKIE_HINT.source}|${DISCLAIMER_HINT.source}`, 'i');
const FOLLOW = foldedWords(['تابعوا', 'تابعونا', 'تابعنا', 'تابع', 'follow us', 'follow'], '^', '\\s');
const FOLLOW_END = foldedWords(['على', 'عبر', 'في', 'on'], ' ', '$');
const APP_PROMO = foldedWords(['تطبيق', 'حمل تطبيق', 'تحميل تطبيق', 'app'], '^', '\\s');
const MENU_SPLIT = /\s*(?:[|•·▪►»«>/\\]|\s{3,}|\t)\s*/;
const HOME = foldedWords(['الرئيسية', 'الصفحة الرئيسية', 'home', 'homepage'], '^', '$');

function inAny(sets: readonly PhraseSet[], fold: string): boolean {
  return sets.some((s) => s.has(fold));
}

const sharePrompt: Detector = (c, line) => {
  const t = c.lineText(line);
  const { trimmed } = t;
  const w = c.p.words[line];
  // The profile knows which lines may hold a hint word at all (LineMark.PageHint): few do.
  if (c.p.marks[line] & LineMark.PageHint && (w <= 60 ? PAGE_HINT.test(trimmed) : w <= LONG_LINE_WORDS && COOKIE_HINT.test(trimmed))) {
    if (w <= LONG_LINE_WORDS && COOKIE_HINT.test(trimmed)) {
      if (LEXICON.share.cookieTerms.containedIn(t.full) && LEXICON.share.cookieAddress.containedIn(t.full)) return 'cookie notice: part of the web page, not article text';
    }
    if (w <= 60 && DISCLAIMER_HINT.test(trimmed) && LEXICON.share.disclaimers.containedIn(t.full)) return 'site disclaimer or rights notice: part of the web page, not article text';
  }
  if (w > 40) return undefined;
  const { shape } = t;
  const bare = t.lexical ? t.bare : '';
  if (w <= 3 && LEXICON.share.sections.has(bare)) c.sectionLines.add(line);
  if (w <= 15 && CONTAINS_HINT.test(trimmed) && LEXICON.share.contains.containedIn(t.full)) return `"${clip(trimmed, 30)}": a comment, follow or click prompt of the web page, not article text`;
  if (LEXICON.share.exact.has(bare)) return `"${clip(trimmed)}": share, follow or navigation text of the web page, not article text`;
  if (LEXICON.share.prefix.prefixOf(bare)) return `"${clip(trimmed, 30)}": share, subscribe, comment or footer text of the web page, not article text`;
  const follow = FOLLOW.exec(bare);
  if (follow && w <= 10 && (FOLLOW_END.test(bare) || LEXICON.share.exact.containedIn(bare.slice(follow[0].length)))) {
    return `"${clip(trimmed, 30)}": a follow-us prompt of the web page, not article text`;
  }
  const app = APP_PROMO.exec(bare);
  if (app && w <= 8 && isAgencyList(bare.slice(app[0].length))) return `"${clip(trimmed, 30)}": an app promotion of the web page, not article text`;
  if (w <= 3 && LEXICON.share.label.exec(`${bare}:`)?.[0].length === bare.length + 1 && TAG_LABEL.test(bare)) return `${TAGS_MESSAGE} ("${clip(trimmed)}"): part of the web page, not article text`;
  if (w <= 30 && LEXICON.share.label.test(shape)) return `"${clip(trimmed, 30)}": tags, links or contact details of the web page, not article text`;
  const marks = c.p.marks[line];
  if (w <= 25 && ((marks & LineMark.Copyright && trimmed.includes('©')) || (marks & LineMark.OpenParen && /\(c\)\s*\d{4}/i.test(t.ascii)))) return 'copyright footer: part of the web page, not article text';
  const lead = trimmed.charCodeAt(0);
  if (lead === 35 || lead === 64) {
    const tokens = trimmed.split(/\s+/);
    if (tokens.every((tok) => /^#\S+/.test(tok)) && tokens.some((tok) => tok.length > 2)) return 'hashtags: tags of the web page, not article text';
    if (tokens.every((tok) => /^@\w+/.test(tok))) return 'social media handle: part of the web page, not article text';
  }
  if (w <= 30 && marks & LineMark.Menu && MENU_HINT.test(trimmed)) {
    const segments = trimmed.split(MENU_SPLIT).map((s) => foldText(s)).filter(Boolean);
    if (segments.length >= 2 && HOME.test(segments[0])) return 'breadcrumb navigation: part of the web page, not article text';
    if (segments.length >= 3 && segments.every((s) => s.split(' ').length <= 4)) {
      const nav = segments.filter((s) => inAny([LEXICON.share.sections, LEXICON.share.navPhrases, LEXICON.share.exact], s)).length;
      if (nav >= 0.6 * segments.length) return 'navigation menu: part of the web page, not article text';
    }
  }
  // Menus scraped without spaces ("الصفحة الرئيسيةخريطة الموقعRSS") still hold their entries as substrings.
  if (w <= 12 && LEXICON.share.navPhrases.countSubstrings(bare) >= 3) {
    return 'navigation menu: part of the web page, not article text';
  }
  return undefined;
};

// ---------------------------------------------------------------- scraper-debris

const LIST_MARKER = /^list \d+ of \d+$/i;

/** Whether any of the lexicon's debris patterns matches, in one expression (one call per line, not one per pattern). */
const DEBRIS_PATTERNS = anyOf(LEXICON.debris.patterns);

function anyOf(patterns: readonly RegExp[]): { test(s: string): boolean } {
  const flags = new Set(patterns.map((re) => re.flags));
  // Numbered back-references would point elsewhere once the patterns are joined; they have none today.
  if (flags.size === 1 && !patterns.some((re) => /\\[1-9]|\(\?<[^=!]/.test(re.source))) {
    const joined = new RegExp(patterns.map((re) => `(?:${re.source})`).join('|') || '(?!)', [...flags][0] ?? '');
    return { test: (s) => joined.test(s) };
  }
  return { test: (s) => patterns.some((re) => re.test(s)) };
}

const CLOCK = /\b\d{1,2}:\d{2}\b/;
const DATE_WORDS = foldedSet(
  [
    'السبت', 'الاحد', 'الاثنين', 'الثلاثاء', 'الاربعاء', 'الخميس', 'الجمعه', 'يناير', 'فبراير', 'مارس', 'ابريل', 'مايو', 'يونيو', 'يوليو', 'يوليه', 'اغسطس', 'سبتمبر', 'اكتوبر', 'نوفمبر', 'ديسمبر',
    'كانون', 'الثاني', 'شباط', 'اذار', 'نيسان', 'ايار', 'حزيران', 'تموز', 'اب', 'ايلول', 'تشرين', 'الاول', 'جانفي', 'فيفري', 'افريل', 'ماي', 'جوان', 'جويليه', 'اوت', 'شتنبر', 'نونبر', 'دجنبر',
    'ص', 'م', 'صباحا', 'مساء', 'ظهرا', 'الساعه', 'بتوقيت', 'مكه', 'المكرمه', 'غرينتش', 'جرينتش', 'القاهره', 'القدس', 'الرياض', 'ابوظبي', 'الدوحه', 'بيروت', 'دمشق', 'بغداد', 'عمان', 'ت', 'غ', 'في', 'هـ', 'ه', 'الموافق',
    'am', 'pm', 'gmt', 'utc', 'est', 'cet', 'bst', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
    'jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
    'updated', 'published', 'at', 'on', 'gst', 'ast', 'ksa',
    'الفجر', 'الشروق', 'الظهر', 'العصر', 'المغرب', 'العشاء',
  ],
);

/** Dates, times, counts and their units: what follows "آخر تحديث:" or "عدد المشاهدات:". */
function isMetaValue(fold: string): boolean {
  const tokens = fold.split(' ').filter(Boolean);
  return tokens.length > 0 && tokens.every((t) => /^\d+$/.test(t) || DATE_WORDS.has(t) || META_UNITS.has(t) || LEXICON.debris.metaWords.has(t));
}

const META_UNITS = foldedSet(['مشاهده', 'مشاهدات', 'قراءه', 'قراءات', 'زياره', 'زيارات', 'دقيقه', 'دقائق', 'دقيقتين', 'ساعه', 'ساعات', 'ثانيه', 'ثوان', 'للقراءه', 'views', 'view', 'reads', 'min', 'mins', 'minute', 'minutes', 'read', 'منذ', 'قبل', 'ago', 'k', 'الف', 'الاف', 'مليون']);

function isTimestamp(bare: string): boolean {
  return bare.split(' ').every((t) => /^\d+$/.test(t) || DATE_WORDS.has(t));
}

const scraperDebris: Detector = (c, line) => {
  const t = c.lineText(line);
  const { trimmed } = t;
  const w = c.p.words[line];
  if (w > 25) return undefined;
  const { ascii } = t;
  if (LIST_MARKER.test(ascii)) {
    c.listMarkers.add(line);
    return `"${trimmed}": accessibility label of a related-stories list widget, not article text`;
  }
  if (DEBRIS_PATTERNS.test(ascii)) return `"${clip(trimmed)}": interface text of the web page, not article text`;
  if (c.p.marks[line] & LineMark.Colon && CLOCK.test(ascii) && isTimestamp(t.bare)) return `publication timestamp ("${clip(trimmed)}"): page metadata, not article text`;
  const metaLabel = LEXICON.debris.metaLabel.exec(t.shape);
  const metaPhrase = metaLabel || !t.lexical ? undefined : LEXICON.debris.metaLabels.prefixOf(t.bare);
  const metaRest = metaLabel ? foldText(t.shape.slice(metaLabel[0].length)) : metaPhrase !== undefined ? t.bare.slice(metaPhrase.length).trim() : undefined;
  if (metaRest !== undefined && w <= 24 && (metaRest === '' ? metaLabel !== null || w <= 4 : isMetaValue(metaRest))) return `page metadata ("${clip(trimmed, 30)}"): not article text`;
  if (t.lexical && (LEXICON.debris.exact.has(t.bare) || (c.latinLine(line) && LEXICON.share.exact.has(t.bare)))) {
    return c.latinLine(line) && c.arabicDoc
      ? `"${clip(trimmed)}": Latin interface text of the web page stranded in an Arabic article`
      : `"${clip(trimmed)}": interface text of the web page (advertisement or widget label), not article text`;
  }
  if (w <= 12 && t.lexical && LEXICON.debris.prefix.prefixOf(t.bare)) return `"${clip(trimmed, 30)}": interface text of the web page, not article text`;
  if (c.arabicDoc && c.latinLine(line) && w === 1 && /^[A-Z]{1,4}$/.test(trimmed)) return `"${trimmed}": stray interface text (a logo or button label) in an Arabic article`;
  return undefined;
};

// ---------------------------------------------------------------- user-pattern

const userPattern: Detector = (c, line) => {
  if (!c.userPatterns.length) return undefined;
  const { trimmed } = c.lineText(line);
  const hit = c.userPatterns.find((u) => u.re.test(trimmed));
  return hit && `matches your boilerplate pattern /${clip(hit.source, 40)}/ (corpusLens.boilerplate.patterns)`;
};

// ---------------------------------------------------------------- repeated-line

const repeatedLine: Detector = (c, line) => {
  const key = c.p.keys[line];
  if (!key || line === c.first) return undefined;
  const prev = c.step(line, -1);
  if (prev >= 0 && c.p.keys[prev] === key) return `repeats line ${prev + 1} verbatim: the same text scraped twice (a caption, a pull quote or a duplicated block)`;
  if (c.first >= 0 && c.p.keys[c.first] === key && c.p.words[line] >= 2) return `repeats the title (line ${c.first + 1}) verbatim: scraped page furniture, not article text`;
  const k = c.ctx.settings.boilerplateMinDocuments;
  const total = c.ctx.corpus.documentCount();
  if (total < k) return undefined;
  // Most lines are in this document only: the one look-up that settles them comes first.
  const df = c.ctx.corpus.lineDocumentFrequency(key);
  if (df < k) return undefined;
  // Syndicated articles share paragraphs, quotations and headings too: only lines that read like site
  // furniture count, either by their words or by sitting outside the article body (above its first
  // paragraph or below its last).
  const t = c.lineText(line);
  if (QUOTE_START.test(t.trimmed) || /[:،,؛]-?$/.test(t.trimmed)) return undefined;
  const articleLike = c.isProse(line) || endsSentence(t.trimmed) || c.inBody(line);
  if (articleLike && c.p.words[line] > LONG_LINE_WORDS) return undefined;
  if (articleLike && LEXICON.footerWords.containedIn(t.full) === undefined) return undefined;
  return `appears in ${df} of ${total} documents: text the site repeats on every page, not this article`;
};

const QUOTE_START = /^["«“”„'‘’]/;

const DETECTORS: Record<BoilerplateKind, Detector> = {
  shortcode,
  markup,
  'caption-credit': captionCredit,
  'source-credit': sourceCredit,
  teaser,
  'share-prompt': sharePrompt,
  'scraper-debris': scraperDebris,
  'user-pattern': userPattern,
  'repeated-line': repeatedLine,
};

export interface BoilerplateAnalysis {
  /** One verdict per boilerplate line, by line. */
  readonly verdicts: ReadonlyMap<number, LineVerdict>;
  /** The contiguous block (flagged lines with only blank lines between) a flagged line belongs to. */
  blockOf(line: number): Block;
}

/** Flagged lines `first`..`last` with only blank lines between them; `count` of them are flagged. */
export interface Block {
  first: number;
  last: number;
  count: number;
}

/** The document's boilerplate lines, classified once per analysis and shared by the rules of the family. */
export function boilerplateAnalysis(ctx: RuleContext): BoilerplateAnalysis {
  return ctx.shared('boilerplate/analysis', () => {
    const enabled = new Set(KIND_ORDER.filter((k) => ctx.isEnabled(`boilerplate/${k}`)));
    const c = new Classifier(ctx, enabled);
    c.classify();
    const blocks = new Map<number, Block>();
    const flagged = [...c.verdicts.keys()].sort((a, b) => a - b);
    for (let i = 0; i < flagged.length; ) {
      let j = i;
      while (j + 1 < flagged.length && c.step(flagged[j], 1) === flagged[j + 1]) j++;
      const block = { first: flagged[i], last: flagged[j], count: j - i + 1 };
      for (let k = i; k <= j; k++) blocks.set(flagged[k], block);
      i = j + 1;
    }
    return { verdicts: c.verdicts, blockOf: (line: number) => blocks.get(line) ?? { first: line, last: line, count: 1 } };
  });
}

/** The body of every line rule of the family: report this kind's lines, each with the fix deleting its block. */
export function reportBoilerplateLines(ctx: RuleContext, kind: BoilerplateKind): void {
  const analysis = boilerplateAnalysis(ctx);
  const p = lineProfile(ctx.doc);
  for (const v of analysis.verdicts.values()) {
    if (v.kind !== kind) continue;
    const block = analysis.blockOf(v.line);
    const lines = block.last - block.first + 1;
    const count = block.count;
    ctx.report({
      start: p.contentStart[v.line],
      end: p.contentEnd[v.line],
      message: v.message,
      fix: {
        title: count === 1 ? 'Delete this boilerplate line' : `Delete the ${count} boilerplate lines ${block.first + 1}–${block.last + 1}`,
        edits: [deleteLinesEdit(ctx.doc, p, block.first, block.last)],
      },
      data: { kind, block: { first: block.first, last: block.last, lines } },
    });
  }
}
