/**
 * The claims lexicon: event triggers, subject classes, qualifiers,
 * attribution words and a few structural word lists. The defaults are data
 * (lang/<language>/claims.json); users extend them from `.corpuslens.json` under
 * `claims.lexicon` (same shape, every part optional; lists are added to the
 * defaults, labels replace them). User input is untrusted: `validateUserLexicon`
 * keeps what is well-formed and says what it dropped.
 *
 * Entries are words or phrases separated by spaces. A word ending in `*`
 * matches every word that begins with it (at least 3 letters before the
 * star). Spelling is normalized on both sides (normalize.ts), and the text's
 * proclitics (و ف ب ل ك، ال) are tried off, so entries list bare forms.
 */
import { CLAIMS_DATA as defaults } from '../lang';
import { cliticForms, cliticSpellings, HASH_SEED, HashFilter, hashStep, hashWord, normalizedCode, normalizeWord } from '../numbers/normalize';
import { TOKEN_LATIN, TOKEN_WORD, isTransparent, watchIndex, type Token } from '../numbers/tokens';
import { WEEKDAY_HASHES } from './dates';
import { dualIndex, figureWordHashes, type DualIndex } from '../numbers/words';
import type { Qualifier } from './types';

export type BoundQualifier = Exclude<Qualifier, 'exact'>;
const BOUND_QUALIFIERS: readonly BoundQualifier[] = ['more_than', 'at_least', 'about', 'nearly', 'less_than', 'up_to'];

/** The lexicon as data: the shape of lang/<language>/claims.json, combined. */
export interface LexiconData {
  /** Event id → an Arabic label (for the outline) and trigger words. */
  events: Record<string, { label?: string; triggers: string[] }>;
  /** Subject class → label, words, and `weak` words (شخص، فرد، ضابط) that a following "من <class>" may refine. */
  subjects: Record<string, { label?: string; words?: string[]; weak?: string[] }>;
  /** Nouns whose dual counts two: `forms` read -ان/-ين (-تان/-تين), `nominative` only -ان (their -ين is also a plural), `construct` also -ي (ضابطي أمن). */
  duals: { forms?: string[]; nominative?: string[]; construct?: string[] };
  /** Qualifier → phrases right before the figure, and phrases right after it (or after its counted noun). */
  qualifiers: Partial<Record<BoundQualifier, { before?: string[]; after?: string[] }>>;
  /** Attribution: verbs (قال، أعلن), `according` phrases (بحسب، وفقا), `via` (نقلت X عن Y: Y is the source), and the word lists that shape the source phrase. */
  attribution: {
    verbs?: string[];
    according?: string[];
    via?: string[];
    fillers?: string[];
    bodies?: string[];
    stops?: string[];
    statementNouns?: string[];
  };
  /** "Among them": a figure after these counts part of another one; it is a claim only with its own counted noun. */
  subsets: string[];
  /** "Others" (آخرين): the figure counts more of the subject named before it in the sentence. */
  others: string[];
  /** "The number of" (عدد، حصيلة): a trigger after one of these reaches a figure later in the sentence, past commas. */
  countFrames: string[];
  /** Context rules: an event becomes another when one of the words is in the sentence (إصابة + كورونا = infected). */
  contexts: { words: string[]; event: string; becomes: string }[];
  /** Phrases that look like triggers and are not (إطلاق نار is gunfire, not a launch of the counted things). */
  ignore: string[];
  /** Counted nouns that name acts, not people (13 هجوما): the act itself is the subject. */
  acts: string[];
  /** Subject classes that are things, not people: a weak person noun (شخص) is never refined to one ("من منازلهم"). */
  things: string[];
  /** Prepositions that make a following trigger the circumstance, not the event (خلال الاحتجاجات، بسبب الهجوم). */
  circumstantial: string[];
}

/** A validated user lexicon: any part of `LexiconData`. */
export type UserLexicon = {
  events?: Record<string, { label?: string; triggers: string[] }>;
  subjects?: Record<string, { label?: string; words?: string[]; weak?: string[] }>;
  duals?: LexiconData['duals'];
  qualifiers?: LexiconData['qualifiers'];
  attribution?: LexiconData['attribution'];
  subsets?: string[];
  others?: string[];
  countFrames?: string[];
  contexts?: LexiconData['contexts'];
  ignore?: string[];
  acts?: string[];
  things?: string[];
  circumstantial?: string[];
};

export const DEFAULT_LEXICON_DATA: LexiconData = defaults as unknown as LexiconData;

// ------------------------------------------------------------------ validation

const ID = /^[a-z][a-z0-9_]{0,39}$/;
const MAX_ENTRY = 80;
const MAX_ENTRIES = 5000;

function entryProblem(s: unknown): string | undefined {
  if (typeof s !== 'string') return 'is not a string';
  const t = s.trim();
  if (!t) return 'is empty';
  if (t.length > MAX_ENTRY) return `is longer than ${MAX_ENTRY} characters`;
  if (/[\u0000-\u001f]/.test(t)) return 'contains control characters';
  for (const word of t.split(/\s+/)) {
    const star = word.indexOf('*');
    if (star >= 0 && (star !== word.length - 1 || normalizeWord(word.slice(0, -1)).length < 3)) {
      return 'uses * other than at the end of a word of at least 3 letters';
    }
  }
  return undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

class Validator {
  count = 0;
  constructor(private readonly problems: string[]) {}

  problem(path: string, message: string): void {
    this.problems.push(`corpusLens.claims.lexicon${path}: ${message}`);
  }

  list(v: unknown, path: string): string[] | undefined {
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) {
      this.problem(path, 'must be a list of words or phrases; ignored');
      return undefined;
    }
    const out: string[] = [];
    v.forEach((s, k) => {
      const p = entryProblem(s);
      if (p) this.problem(`${path}[${k}]`, `${JSON.stringify(s)} ${p}; ignored`);
      else if (this.count >= MAX_ENTRIES) {
        if (this.count++ === MAX_ENTRIES) this.problem(path, `more than ${MAX_ENTRIES} entries in all; the rest is ignored`);
      } else {
        this.count++;
        out.push((s as string).trim());
      }
    });
    return out;
  }

  label(v: unknown, path: string): string | undefined {
    if (v === undefined) return undefined;
    if (typeof v === 'string' && v.trim() && v.length <= MAX_ENTRY) return v.trim();
    this.problem(path, `${JSON.stringify(v)} is not a short text; ignored`);
    return undefined;
  }

  id(key: string, path: string): boolean {
    if (ID.test(key)) return true;
    this.problem(path, `"${key}" is not an id (lowercase letters, digits and _); ignored`);
    return false;
  }
}

/**
 * Turns untrusted input (the `claims.lexicon` setting) into a user lexicon:
 * every malformed part is dropped with a line in `problems`.
 */
export function validateUserLexicon(input: unknown, problems: string[] = []): UserLexicon {
  const out: UserLexicon = {};
  if (input === undefined || input === null) return out;
  const v = new Validator(problems);
  if (!isRecord(input)) {
    v.problem('', 'must be an object; ignored');
    return out;
  }
  for (const [key, value] of Object.entries(input)) {
    const path = `.${key}`;
    // "$comment", "$schema": annotations, as in JSON schema.
    if (key.startsWith('$')) continue;
    switch (key) {
      case 'events':
      case 'subjects': {
        if (!isRecord(value)) {
          v.problem(path, 'must be an object keyed by id; ignored');
          break;
        }
        const target: Record<string, { label?: string; triggers?: string[]; words?: string[]; weak?: string[] }> = {};
        for (const [id, spec] of Object.entries(value)) {
          const p = `${path}.${id}`;
          if (!v.id(id, p)) continue;
          const listKey = key === 'events' ? 'triggers' : 'words';
          if (Array.isArray(spec)) {
            target[id] = { [listKey]: v.list(spec, p) ?? [] };
          } else if (isRecord(spec)) {
            const entry: { label?: string; triggers?: string[]; words?: string[]; weak?: string[] } = {};
            const label = v.label(spec.label, `${p}.label`);
            if (label) entry.label = label;
            entry[listKey] = v.list(spec[listKey], `${p}.${listKey}`) ?? [];
            if (key === 'subjects') {
              const weak = v.list(spec.weak, `${p}.weak`);
              if (weak) entry.weak = weak;
            }
            for (const extra of Object.keys(spec)) {
              if (!['label', listKey, ...(key === 'subjects' ? ['weak'] : [])].includes(extra)) v.problem(`${p}.${extra}`, 'unknown key; ignored');
            }
            target[id] = entry;
          } else v.problem(p, `must be a list of ${listKey} or { "label", "${listKey}" }; ignored`);
        }
        if (key === 'events') out.events = target as UserLexicon['events'];
        else out.subjects = target as UserLexicon['subjects'];
        break;
      }
      case 'duals': {
        if (!isRecord(value)) {
          v.problem(path, 'must be an object with "forms", "nominative" or "construct" lists; ignored');
          break;
        }
        const duals: LexiconData['duals'] = {};
        for (const [k, list] of Object.entries(value)) {
          if (k === 'forms' || k === 'nominative' || k === 'construct') duals[k] = v.list(list, `${path}.${k}`);
          else v.problem(`${path}.${k}`, 'unknown key; ignored');
        }
        out.duals = duals;
        break;
      }
      case 'qualifiers': {
        if (!isRecord(value)) {
          v.problem(path, 'must be an object keyed by qualifier; ignored');
          break;
        }
        const qualifiers: LexiconData['qualifiers'] = {};
        for (const [q, spec] of Object.entries(value)) {
          const p = `${path}.${q}`;
          if (!(BOUND_QUALIFIERS as readonly string[]).includes(q)) {
            v.problem(p, `unknown qualifier (one of ${BOUND_QUALIFIERS.join(', ')}); ignored`);
            continue;
          }
          if (Array.isArray(spec)) qualifiers[q as BoundQualifier] = { before: v.list(spec, p) };
          else if (isRecord(spec)) qualifiers[q as BoundQualifier] = { before: v.list(spec.before, `${p}.before`), after: v.list(spec.after, `${p}.after`) };
          else v.problem(p, 'must be a list or { "before", "after" }; ignored');
        }
        out.qualifiers = qualifiers;
        break;
      }
      case 'attribution': {
        if (!isRecord(value)) {
          v.problem(path, 'must be an object; ignored');
          break;
        }
        const attribution: LexiconData['attribution'] = {};
        for (const [k, list] of Object.entries(value)) {
          if (['verbs', 'according', 'via', 'fillers', 'bodies', 'stops', 'statementNouns'].includes(k)) {
            attribution[k as keyof LexiconData['attribution']] = v.list(list, `${path}.${k}`);
          } else v.problem(`${path}.${k}`, 'unknown key; ignored');
        }
        out.attribution = attribution;
        break;
      }
      case 'subsets':
      case 'others':
      case 'countFrames':
      case 'ignore':
      case 'acts':
      case 'circumstantial':
        out[key] = v.list(value, path);
        break;
      case 'things': {
        const ids = v.list(value, path);
        if (ids) out.things = ids.filter((id) => v.id(id, `${path}[${JSON.stringify(id)}]`));
        break;
      }
      case 'contexts': {
        if (!Array.isArray(value)) {
          v.problem(path, 'must be a list of { "words", "event", "becomes" }; ignored');
          break;
        }
        out.contexts = [];
        value.forEach((rule, k) => {
          const p = `${path}[${k}]`;
          if (!isRecord(rule) || typeof rule.event !== 'string' || typeof rule.becomes !== 'string' || !ID.test(rule.event) || !ID.test(rule.becomes)) {
            v.problem(p, 'needs "words", and "event" and "becomes" ids; ignored');
            return;
          }
          const words = v.list(rule.words, `${p}.words`) ?? [];
          out.contexts!.push({ words, event: rule.event, becomes: rule.becomes });
        });
        break;
      }
      default:
        v.problem(path, 'unknown key; ignored');
    }
  }
  return out;
}

// ------------------------------------------------------------------ merging

const union = (a: readonly string[] | undefined, b: readonly string[] | undefined): string[] => [...new Set([...(a ?? []), ...(b ?? [])])];

/** The defaults extended by a validated user lexicon: lists are joined, labels replaced, new ids added. */
export function mergeLexicon(base: LexiconData, user: UserLexicon): LexiconData {
  const events: LexiconData['events'] = {};
  for (const [id, e] of Object.entries(base.events)) events[id] = { label: e.label, triggers: [...e.triggers] };
  for (const [id, e] of Object.entries(user.events ?? {})) {
    events[id] = { label: e.label ?? events[id]?.label, triggers: union(events[id]?.triggers, e.triggers) };
  }
  const subjects: LexiconData['subjects'] = {};
  for (const [id, s] of Object.entries(base.subjects)) subjects[id] = { label: s.label, words: [...(s.words ?? [])], weak: [...(s.weak ?? [])] };
  for (const [id, s] of Object.entries(user.subjects ?? {})) {
    subjects[id] = { label: s.label ?? subjects[id]?.label, words: union(subjects[id]?.words, s.words), weak: union(subjects[id]?.weak, s.weak) };
  }
  const qualifiers: LexiconData['qualifiers'] = {};
  for (const q of BOUND_QUALIFIERS) {
    const b = base.qualifiers[q];
    const u = user.qualifiers?.[q];
    qualifiers[q] = { before: union(b?.before, u?.before), after: union(b?.after, u?.after) };
  }
  const attribution: LexiconData['attribution'] = {};
  const keys = new Set([...Object.keys(base.attribution), ...Object.keys(user.attribution ?? {})]) as Set<keyof LexiconData['attribution']>;
  for (const k of keys) attribution[k] = union(base.attribution[k], user.attribution?.[k]);
  return {
    events,
    subjects,
    duals: {
      forms: union(base.duals.forms, user.duals?.forms),
      nominative: union(base.duals.nominative, user.duals?.nominative),
      construct: union(base.duals.construct, user.duals?.construct),
    },
    qualifiers,
    attribution,
    subsets: union(base.subsets, user.subsets),
    others: union(base.others, user.others),
    countFrames: union(base.countFrames, user.countFrames),
    contexts: [...base.contexts, ...(user.contexts ?? [])],
    ignore: union(base.ignore, user.ignore),
    acts: union(base.acts, user.acts),
    things: union(base.things, user.things),
    circumstantial: union(base.circumstantial, user.circumstantial),
  };
}

// ------------------------------------------------------------------ compiled form

interface PatternWord {
  text: string;
  prefix: boolean;
}

interface Entry<T> {
  words: PatternWord[];
  payload: T;
  /** Normalized characters, to prefer the more specific of two matches. */
  weight: number;
}

/** A phrase match: its payload and the last token it covers. */
export interface PhraseMatch<T> {
  payload: T;
  first: number;
  last: number;
  words: number;
  exact: boolean;
}

const PREFIX_KEY = 3;

/** The first three characters of a word as one number (no string is allocated). */
function prefixKey(w: string): number {
  return w.charCodeAt(0) * 0x100000000 + w.charCodeAt(1) * 0x10000 + w.charCodeAt(2);
}

/** What a written form may have after it and still read as the word (see `arabicVariants`): nothing, a possessive suffix, the accusative alef. */
const READING_ENDS = ['', 'هما', 'هم', 'ها', 'هن', 'ا'];

interface IndexMaps {
  exact: HashFilter;
  prefix: HashFilter;
  longest: number;
  /**
   * Per vocabulary without prefix entries: the hash of every normalized
   * word with a reading (`variants`) that is one of its words — each written
   * form (`writtenForms`) and each ending of `READING_ENDS` — else null.
   */
  whole: (HashFilter | null)[];
}

/** Every way `w` may be written with proclitics (see `cliticSpellings`). */
const writtenForms = cliticSpellings;

/**
 * The first words of every phrase of a lexicon, one vocabulary (a bit) per
 * phrase set. Most words of a text start no phrase at all; one check per
 * token, remembered on the token, tells every set whether to look further. The check hashes the word's
 * characters as they are read, with no string built: a vocabulary may start
 * at a word when a leading part of it is a (proclitic +) prefix entry, or
 * the whole word (less a possessive suffix) is a (proclitic +) exact entry.
 */
export class VocabularyIndex {
  private readonly words: { exact: Set<string>; stems: Set<string> }[] = [];
  private maps: IndexMaps | undefined;
  /**
   * Identifies the index's current contents: words (`Word`, shared across
   * documents) remember their bits and phrase candidates for one stamp, and
   * any change to the index makes a new one.
   */
  stamp: object = {};
  /** Slots of the phrase sets of this index in `Word.cands`. */
  sets = 0;

  /** A new vocabulary of this index (at most 30). */
  vocabulary(): Vocabulary {
    if (this.words.length >= 30) throw new Error('a vocabulary index holds at most 30 vocabularies');
    const bit = 1 << this.words.length;
    const words = { exact: new Set<string>(), stems: new Set<string>() };
    this.words.push(words);
    return new Vocabulary(this, bit, words);
  }

  /** Drops the hash maps after a change; they are rebuilt on the next check. */
  changed(): void {
    this.maps = undefined;
    this.stamp = {};
  }

  private build(): IndexMaps {
    const exact = new HashFilter();
    const prefix = new HashFilter();
    let longest = 0;
    const whole: (HashFilter | null)[] = [];
    this.words.forEach((w, k) => {
      const bit = 1 << k;
      for (const word of w.exact) for (const f of writtenForms(word)) exact.add(hashWord(f), bit);
      for (const stem of w.stems) {
        for (const f of writtenForms(stem)) {
          prefix.add(hashWord(f), bit);
          longest = Math.max(longest, f.length);
        }
      }
      // Without prefix entries, every word that may start a phrase is known whole: its hash says.
      if (w.stems.size === 0) {
        const hashes = new HashFilter(16);
        for (const word of w.exact) for (const f of writtenForms(word)) for (const end of READING_ENDS) hashes.add(hashWord(f + end));
        whole.push(hashes);
      } else whole.push(null);
    });
    return { exact, prefix, longest, whole };
  }

  /**
   * Whether vocabulary `k` may start at this word. A vocabulary without
   * prefix entries answers no from the token's hash alone (`IndexMaps.whole`),
   * without reading the word; otherwise, or when the hash is one it knows,
   * from the word's bits.
   */
  mayStart(t: Token, k: number): boolean {
    // A word already read knows its bits.
    const word = t.interned;
    if (word !== undefined && word.owner === this.stamp) return (word.bits & (1 << k)) !== 0;
    const whole = (this.maps ??= this.build()).whole[k];
    if (whole !== null && whole.get(t.hash) === 0) return false;
    return (this.bits(t) & (1 << k)) !== 0;
  }

  /** The bits of the vocabularies that may start at this word (computed once per distinct word, see `Word`). */
  bits(t: Token): number {
    const word = t.word;
    if (word.owner === this.stamp) return word.bits;
    const { exact, prefix, longest } = (this.maps ??= this.build());
    const text = t.text;
    let h = HASH_SEED;
    let n = 0;
    let bits = 0;
    // Hashes before the last two and three characters, for possessive suffixes (ها، هم، هن; هما).
    let h1 = 0;
    let h2 = 0;
    let h3 = 0;
    let c1 = 0;
    let c2 = 0;
    let c3 = 0;
    for (let k = t.start; k < t.end; k++) {
      const code = normalizedCode(text.charCodeAt(k));
      if (code < 0) continue;
      h3 = h2;
      h2 = h1;
      h1 = h >>> 0;
      c3 = c2;
      c2 = c1;
      c1 = code;
      h = hashStep(h, code);
      n++;
      if (n >= PREFIX_KEY && n <= longest) bits |= prefix.get(h);
    }
    bits |= exact.get(h);
    // "سياراتها": the word less ها/هم/هن; "عناصرهما": less هما.
    if (n >= 6 && c2 === 0x647 && (c1 === 0x627 || c1 === 0x645 || c1 === 0x646)) bits |= exact.get(h2);
    if (n >= 7 && c3 === 0x647 && c2 === 0x645 && c1 === 0x627) bits |= exact.get(h3);
    // "هجوما": the word less its accusative alef.
    if (n >= 4 && c1 === 0x627) bits |= exact.get(h1);
    word.owner = this.stamp;
    word.bits = bits;
    word.cands = undefined;
    return bits;
  }
}

/** One vocabulary of a `VocabularyIndex`: the first words of the phrase sets that share it. */
export class Vocabulary {
  /** This vocabulary's position in its index. */
  private readonly k: number;

  constructor(
    readonly index: VocabularyIndex,
    private readonly bit: number,
    private readonly words: { exact: Set<string>; stems: Set<string> },
  ) {
    this.k = 31 - Math.clz32(bit);
  }

  addExact(word: string): void {
    this.words.exact.add(word);
    this.index.changed();
  }

  addPrefix(stem: string): void {
    this.words.stems.add(stem);
    this.index.changed();
  }

  mayStart(t: Token): boolean {
    return this.index.mayStart(t, this.k);
  }
}

/** A set of phrases, matched against tokens at a position. */
export class PhraseSet<T> {
  private readonly exact = new Map<string, Entry<T>[]>();
  private readonly prefixed = new Map<number, Entry<T>[]>();
  /** Longest phrase, in words. */
  maxWords = 0;
  /** This set's index in the tokens' match memo, unique among the sets of one compiled lexicon. */
  private readonly id: number;
  /** This set's index in `Word.cands`, unique among the sets of its vocabulary index. */
  private readonly slot: number;

  constructor(
    private readonly vocabulary: Vocabulary = new VocabularyIndex().vocabulary(),
    ids: { next: number } = { next: 0 },
  ) {
    this.id = ids.next++;
    this.slot = vocabulary.index.sets++;
  }

  add(phrase: string, payload: T): void {
    const words = normalizeWord(phrase)
      .split(' ')
      .filter(Boolean)
      .map((w) => (w.endsWith('*') ? { text: w.slice(0, -1), prefix: true } : { text: w, prefix: false }));
    if (!words.length || words.some((w) => !w.text || (w.prefix && w.text.length < PREFIX_KEY))) return;
    const entry: Entry<T> = { words, payload, weight: words.reduce((n, w) => n + w.text.length + (w.prefix ? 0 : 1), 0) };
    const first = words[0];
    if (first.prefix) {
      const key = prefixKey(first.text);
      let list = this.prefixed.get(key);
      if (!list) this.prefixed.set(key, (list = []));
      list.push(entry);
      this.vocabulary.addPrefix(first.text);
    } else {
      let list = this.exact.get(first.text);
      if (!list) this.exact.set(first.text, (list = []));
      list.push(entry);
      this.vocabulary.addExact(first.text);
    }
    this.maxWords = Math.max(this.maxWords, words.length);
  }

  /** Whether a phrase of the set may start at token k: false means `matchAt(tokens, k)` is undefined, cheaply. */
  mayStartAt(tokens: readonly Token[], k: number): boolean {
    const t = tokens[k];
    return t !== undefined && (t.kind === TOKEN_WORD || t.kind === TOKEN_LATIN) && this.vocabulary.mayStart(t);
  }

  /** The best phrase starting at token k: most words, then exact over prefix, then the more specific. */
  matchAt(tokens: readonly Token[], k: number): PhraseMatch<T> | undefined {
    const t = tokens[k];
    if (!t || (t.kind !== TOKEN_WORD && t.kind !== TOKEN_LATIN) || !this.vocabulary.mayStart(t)) return undefined;
    // A token belongs to one token list, so its match for a set never changes: remember it.
    const memo = (t.matches ??= []);
    const known = memo[this.id] as PhraseMatch<T> | null | undefined;
    if (known !== undefined) return known ?? undefined;
    const found = this.find(tokens, k, t);
    memo[this.id] = found ?? null;
    return found;
  }

  private find(tokens: readonly Token[], k: number, t: Token): PhraseMatch<T> | undefined {
    const cands = this.candidates(t);
    let best: PhraseMatch<T> | undefined;
    let bestWeight = -1;
    for (let i = 0; i < cands.length; i++) {
      const { entry, exact } = cands[i];
      const words = entry.words.length;
      const last = words === 1 ? k : this.rest(tokens, k, entry.words);
      if (last < 0) continue;
      if (
        !best ||
        words > best.words ||
        (words === best.words && exact && !best.exact) ||
        (words === best.words && exact === best.exact && entry.weight > bestWeight)
      ) {
        best = { payload: entry.payload, first: k, last, words, exact };
        bestWeight = entry.weight;
      }
    }
    return best;
  }

  /**
   * The entries whose first word matches the token's, in the order they are
   * weighed: per reading of the word, exact entries, then prefix entries.
   * They depend on the word only, so they are kept on its `Word`.
   */
  private candidates(t: Token): readonly Candidate<T>[] {
    const v = variants(t);
    const word = t.word;
    const stamp = this.vocabulary.index.stamp;
    // The word's bits come with a reset of its candidates for this index (see `VocabularyIndex.bits`).
    if (word.owner !== stamp) this.vocabulary.index.bits(t);
    const cands = (word.cands ??= []);
    let found = cands[this.slot] as Candidate<T>[] | undefined;
    if (found === undefined) cands[this.slot] = found = this.collect(v);
    return found;
  }

  private collect(v: readonly string[]): Candidate<T>[] {
    let out: Candidate<T>[] | undefined;
    for (const w of v) {
      const exact = this.exact.get(w);
      if (exact) for (const e of exact) (out ??= []).push({ entry: e, exact: !e.words[0].prefix });
      if (w.length >= PREFIX_KEY) {
        const bucket = this.prefixed.get(prefixKey(w));
        if (bucket) for (const e of bucket) if (w.startsWith(e.words[0].text)) (out ??= []).push({ entry: e, exact: false });
      }
    }
    return out ?? (NO_CANDIDATES as Candidate<T>[]);
  }

  /** Whether the word at token k matches one-word entries only (cheap membership test). */
  has(tokens: readonly Token[], k: number): boolean {
    const m = this.matchAt(tokens, k);
    return m !== undefined && m.words === 1;
  }

  /** Index of the last token when the words after the first match tokens k+1..., else -1. */
  private rest(tokens: readonly Token[], k: number, words: PatternWord[]): number {
    let j = k;
    for (let w = 1; w < words.length; w++) {
      j++;
      for (let marks = 0; marks < 4 && tokens[j] && isTransparent(tokens[j]); marks++) j++;
      const t = tokens[j];
      if (!t || (t.kind !== TOKEN_WORD && t.kind !== TOKEN_LATIN)) return -1;
      const pw = words[w];
      const v = variants(t);
      let found = false;
      for (let i = 0; i < v.length && !found; i++) found = pw.prefix ? v[i].startsWith(pw.text) : v[i] === pw.text;
      if (!found) return -1;
    }
    return j;
  }
}

interface Candidate<T> {
  entry: Entry<T>;
  exact: boolean;
}

const NO_CANDIDATES: readonly Candidate<unknown>[] = [];

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

export interface SubjectPayload {
  cls: string;
  weak: boolean;
}

/** The lexicon ready for matching. Build with `compileLexicon`; reuse it (it is immutable). */
export interface CompiledLexicon {
  data: LexiconData;
  events: PhraseSet<string>;
  subjects: PhraseSet<SubjectPayload>;
  qualifiersBefore: PhraseSet<BoundQualifier>;
  qualifiersAfter: PhraseSet<BoundQualifier>;
  attributionVerbs: PhraseSet<true>;
  according: PhraseSet<true>;
  via: PhraseSet<true>;
  fillers: PhraseSet<true>;
  bodies: PhraseSet<true>;
  stops: PhraseSet<true>;
  statementNouns: PhraseSet<true>;
  subsets: PhraseSet<true>;
  others: PhraseSet<true>;
  countFrames: PhraseSet<true>;
  contexts: PhraseSet<number>;
  circumstantial: PhraseSet<true>;
  acts: PhraseSet<true>;
  /** Subject classes that are things (see `LexiconData.things`). */
  things: ReadonlySet<string>;
  /** Dual nouns as written → singular (for the figure reader). */
  duals: DualIndex;
  /** Words the tokenizer notes: bit 0 a figure may start there (`figureWordHashes`), bit 1 a weekday. */
  watch: HashFilter;
  eventLabels: Map<string, string>;
  subjectLabels: Map<string, string>;
}

function phrases<T>(index: VocabularyIndex, ids: { next: number }, entries: Iterable<[string, T]>): PhraseSet<T> {
  const set = new PhraseSet<T>(index.vocabulary(), ids);
  for (const [p, payload] of entries) set.add(p, payload);
  return set;
}

const flag = (list: readonly string[] | undefined): [string, true][] => (list ?? []).map((s) => [s, true]);

function dualForms(data: LexiconData['duals']): Map<string, string> {
  const out = new Map<string, string>();
  const add = (nouns: readonly string[] | undefined, endings: { masc: string[]; fem: string[] }) => {
    for (const raw of nouns ?? []) {
      const noun = normalizeWord(raw);
      if (noun.length < 2 || noun.includes(' ')) continue;
      const feminine = noun.endsWith('ه');
      const stem = feminine ? noun.slice(0, -1) + 'ت' : noun;
      for (const e of feminine ? endings.fem : endings.masc) out.set(stem + e, noun);
    }
  };
  add(data.forms, { masc: ['ان', 'ين'], fem: ['ان', 'ين'] });
  add(data.nominative, { masc: ['ان'], fem: ['ان'] });
  add(data.construct, { masc: ['ي'], fem: [] });
  return out;
}

export function compileLexicon(data: LexiconData): CompiledLexicon {
  // Every set has its own vocabulary bit, and one hashing pass per token computes them all:
  // a set looks a word up only when one of its own phrases may start there.
  const ids = { next: 0 };
  const index = new VocabularyIndex();
  const events = new PhraseSet<string>(index.vocabulary(), ids);
  const eventLabels = new Map<string, string>();
  for (const [id, e] of Object.entries(data.events)) {
    eventLabels.set(id, e.label ?? id);
    for (const t of e.triggers) events.add(t, id);
  }
  // Ignored phrases compete with triggers (the longest match wins) and name no event.
  for (const p of data.ignore ?? []) events.add(p, '');
  const subjects = new PhraseSet<SubjectPayload>(index.vocabulary(), ids);
  const subjectLabels = new Map<string, string>();
  for (const [id, s] of Object.entries(data.subjects)) {
    subjectLabels.set(id, s.label ?? id);
    for (const w of s.words ?? []) subjects.add(w, { cls: id, weak: false });
    for (const w of s.weak ?? []) subjects.add(w, { cls: id, weak: true });
  }
  const before: [string, BoundQualifier][] = [];
  const after: [string, BoundQualifier][] = [];
  for (const q of BOUND_QUALIFIERS) {
    for (const p of data.qualifiers[q]?.before ?? []) before.push([p, q]);
    for (const p of data.qualifiers[q]?.after ?? []) after.push([p, q]);
  }
  const contexts: [string, number][] = [];
  data.contexts.forEach((c, k) => c.words.forEach((w) => contexts.push([w, k])));
  const a = data.attribution;
  const duals = dualIndex(dualForms(data.duals));
  return {
    data,
    events,
    subjects,
    qualifiersBefore: phrases(index, ids, before),
    qualifiersAfter: phrases(index, ids, after),
    attributionVerbs: phrases(index, ids, flag(a.verbs)),
    according: phrases(index, ids, flag(a.according)),
    via: phrases(index, ids, flag(a.via)),
    fillers: phrases(index, ids, flag(a.fillers)),
    bodies: phrases(index, ids, flag(a.bodies)),
    stops: phrases(index, ids, flag(a.stops)),
    statementNouns: phrases(index, ids, flag(a.statementNouns)),
    subsets: phrases(index, ids, flag(data.subsets)),
    others: phrases(index, ids, flag(data.others)),
    countFrames: phrases(index, ids, flag(data.countFrames)),
    contexts: phrases(index, ids, contexts),
    circumstantial: phrases(index, ids, flag(data.circumstantial)),
    acts: phrases(index, ids, flag(data.acts)),
    things: new Set(data.things ?? []),
    duals,
    watch: watchIndex([figureWordHashes({ duals }), WEEKDAY_HASHES]),
    eventLabels,
    subjectLabels,
  };
}

let defaultCompiled: CompiledLexicon | undefined;
const userCompiled = new WeakMap<object, CompiledLexicon>();

/**
 * The compiled lexicon for a validated user lexicon (the defaults when it is
 * empty or absent). Compiled once per lexicon object: settings objects are
 * cached by the server, so analyses share it.
 */
export function lexiconFor(user?: UserLexicon): CompiledLexicon {
  if (!user || Object.keys(user).length === 0) return (defaultCompiled ??= compileLexicon(DEFAULT_LEXICON_DATA));
  let compiled = userCompiled.get(user);
  if (!compiled) {
    compiled = compileLexicon(mergeLexicon(DEFAULT_LEXICON_DATA, user));
    userCompiled.set(user, compiled);
  }
  return compiled;
}
