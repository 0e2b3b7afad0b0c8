/**
 * What a document says for telling stories apart: the stems of its content
 * words with their counts, the days its figures refer to and its title.
 * Computed once per document with its summary (on the index workers too),
 * so grouping the corpus never re-reads a text. Stems come from Snowball's
 * Arabic stemmer (`@orama/stemmers`), stopwords from `stopwords-iso`.
 */
import { stemmer as arabicStem } from '@orama/stemmers/arabic';
import stopwordsIso from 'stopwords-iso/stopwords-iso.json';
import { FNV_OFFSET, fnvStep } from '../text/hash';

export interface StoryProfile {
  /** FNV-1a hashes of the content words' stems, ascending (a collision merely adds a shared term). */
  readonly terms: Int32Array;
  /** How often each stem occurs, by position in `terms`. */
  readonly counts: Uint16Array;
  /** Days (since 1970-01-01) the document's figures refer to, or the day its file name gives, ascending. */
  readonly days: readonly number[];
  /** The first line, for naming the story in messages and hovers. */
  readonly title: string;
  /**
   * The stems of each line with its corpus line key (lines.ts), flat: line
   * `i` holds `lineTerms[lineEnds[i - 1] ?? 0, lineEnds[i])`. A line another
   * document has verbatim (a teaser of another story, a footer) is left out
   * of the vector (see `distinctCounts`).
   */
  readonly lineKeys: Float64Array;
  readonly lineEnds: Uint32Array;
  readonly lineTerms: Int32Array;
}

/** Stems kept per document: the most frequent ones; a long article's tail adds nothing distinctive and costs memory. */
const MAX_TERMS = 256;
const MAX_TITLE = 80;
/** Arabic letters with their diacritics and tatweel (stripped before stemming), or Latin letters. */
const WORD = /[\u0621-\u065F\u0670-\u06D3\u06FA-\u06FF]+|[A-Za-z]+/g;
const MARKS = /[\u0640\u064B-\u065F\u0670]/g;

function bare(word: string): string {
  return word.replace(MARKS, '');
}

const STOPWORDS: ReadonlySet<string> = new Set([...(stopwordsIso as Record<string, string[]>).ar.map(bare), ...(stopwordsIso as Record<string, string[]>).en]);

/**
 * Stem hashes per written word, across documents: most words of a corpus
 * recur, and the stemmer costs microseconds a word. Bounded: the table
 * starts over when full.
 */
const stems = new Map<string, number>();
const MAX_MEMO = 1 << 18;

/** The stem's hash, or 0 for a word that says nothing about the story (a stopword, a letter or two). */
function stemKey(word: string): number {
  let key = stems.get(word);
  if (key !== undefined) return key;
  key = 0;
  const latin = word.charCodeAt(0) < 0x600;
  const plain = latin ? word.toLowerCase() : bare(word);
  if (plain.length > 2 && !STOPWORDS.has(plain)) {
    const stem = latin ? plain : arabicStem(plain);
    if (stem.length > 1) {
      let h = FNV_OFFSET;
      for (let k = 0; k < stem.length; k++) h = fnvStep(h, stem.charCodeAt(k));
      key = h | 0 || 1;
    }
  }
  if (stems.size >= MAX_MEMO) stems.clear();
  stems.set(word, key);
  return key;
}

const DAY_MS = 86_400_000;

/** Days since 1970 of an ISO day (`YYYY-MM-DD`), or NaN. */
export function dayNumber(iso: string): number {
  return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY_MS;
}

/** A day written in a file name as YYYYMMDD or YYYY-MM-DD (`SK-middleEast-1019-20180414.txt`): corpora are often named by date. */
function fileDay(uri: string): number | undefined {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  const m = /(?:^|\D)((?:19|20)\d\d)-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?:\D|$)/.exec(name);
  return m ? dayNumber(`${m[1]}-${m[2]}-${m[3]}`) : undefined;
}

/**
 * The profile's counts without the lines other documents have verbatim
 * (`shared(key)`), unless those are most of it: a teaser of another story
 * must not link two documents, but a copy of one agency story in two outlets
 * is all shared lines, and stays itself.
 */
export function distinctCounts(p: StoryProfile, shared: (lineKey: number) => boolean): Uint16Array {
  let removed: Map<number, number> | undefined;
  let total = 0;
  let gone = 0;
  for (let k = 0; k < p.counts.length; k++) total += p.counts[k];
  for (let i = 0; i < p.lineKeys.length; i++) {
    if (!shared(p.lineKeys[i])) continue;
    removed ??= new Map();
    for (let j = i ? p.lineEnds[i - 1] : 0; j < p.lineEnds[i]; j++) {
      removed.set(p.lineTerms[j], (removed.get(p.lineTerms[j]) ?? 0) + 1);
      gone++;
    }
  }
  if (!removed || 2 * gone > total) return p.counts;
  return Uint16Array.from(p.counts, (c, k) => c - Math.min(c, removed!.get(p.terms[k]) ?? 0));
}

/** A title cut at a word boundary. */
function shortTitle(line: string): string {
  if (line.length <= MAX_TITLE) return line;
  const cut = line.lastIndexOf(' ', MAX_TITLE);
  return `${line.slice(0, cut > MAX_TITLE / 2 ? cut : MAX_TITLE)}…`;
}

/**
 * The story profile of a text whose figures refer to `dates` (ISO days);
 * `keys` are its lines' corpus keys (`LineProfile.keys`), none when unknown.
 */
export function storyProfile(uri: string, text: string, dates: Iterable<string | null>, keys: ArrayLike<number> = []): StoryProfile {
  const counts = new Map<number, number>();
  const lineKeys: number[] = [];
  const lineEnds: number[] = [];
  const lineTerms: number[] = [];
  let line = 0;
  let lineStart = 0;
  let lineEnd = text.indexOf('\n');
  for (const m of text.matchAll(WORD)) {
    while (lineEnd >= 0 && m.index > lineEnd) {
      closeLine();
      line++;
      lineStart = lineEnd + 1;
      lineEnd = text.indexOf('\n', lineStart);
    }
    const key = stemKey(m[0]);
    if (key === 0) continue;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (keys[line]) lineTerms.push(key);
  }
  closeLine();
  function closeLine(): void {
    const start = lineEnds.length ? lineEnds[lineEnds.length - 1] : 0;
    if (lineTerms.length === start) return;
    lineKeys.push(keys[line]);
    lineEnds.push(lineTerms.length);
  }
  let entries = [...counts];
  if (entries.length > MAX_TERMS) entries = entries.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MAX_TERMS);
  entries.sort((a, b) => a[0] - b[0]);
  const days = new Set<number>();
  for (const d of dates) if (d) days.add(dayNumber(d));
  const named = fileDay(uri);
  if (named !== undefined) days.add(named);
  const first = text.trimStart();
  const end = first.indexOf('\n');
  return {
    terms: Int32Array.from(entries, (e) => e[0]),
    counts: Uint16Array.from(entries, (e) => Math.min(e[1], 0xffff)),
    days: [...days].filter((d) => !Number.isNaN(d)).sort((a, b) => a - b),
    title: shortTitle((end < 0 ? first : first.slice(0, end)).trim()),
    lineKeys: Float64Array.from(lineKeys),
    lineEnds: Uint32Array.from(lineEnds),
    lineTerms: Int32Array.from(lineTerms),
  };
}
