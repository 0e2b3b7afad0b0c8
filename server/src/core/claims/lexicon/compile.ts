/**
 * The claims lexicon ready for matching: every section of phrases
 * (sections.ts) becomes a phrase set, all of them sharing one vocabulary
 * index, so one hashing pass per token tells every set whether to look
 * further.
 */
import type { HashFilter } from '../../text/hash';
import { normalizeWord } from '../../numbers/normalize';
import { watchIndex } from '../../numbers/tokens';
import { dualIndex, figureWordHashes, type DualIndex } from '../../numbers/words';
import { WEEKDAY_HASHES } from '../dates';
import type { Change } from '../types';
import { TokenPhrases } from './phrases';
import { BOUND_QUALIFIERS, DEFAULT_LEXICON_DATA, mergeLexicon, SECTIONS, type BoundQualifier, type LexiconData, type SectionName, type UserLexicon } from './sections';
import { RATE_PERIODS, type RatePeriod } from '../types';
import { VocabularyIndex } from './vocabulary';

export interface SubjectPayload {
  cls: string;
  weak: boolean;
}

type Sections = typeof SECTIONS;
/** The sections of kind `phrases`: each is a phrase set of its own name. */
type PhraseSectionName = { [K in SectionName]: Sections[K]['kind'] extends 'phrases' ? K : never }[SectionName];

/** The lexicon ready for matching. Build with `compileLexicon`; reuse it (it is immutable). */
export type CompiledLexicon = { [K in PhraseSectionName]: TokenPhrases<true> } & {
  data: LexiconData;
  /** Triggers by event id, and the `ignore` phrases, which compete with them (the longest match wins) and name no event (''). */
  events: TokenPhrases<string>;
  subjects: TokenPhrases<SubjectPayload>;
  qualifiersBefore: TokenPhrases<BoundQualifier>;
  qualifiersAfter: TokenPhrases<BoundQualifier>;
  attributionVerbs: TokenPhrases<true>;
  according: TokenPhrases<true>;
  via: TokenPhrases<true>;
  fillers: TokenPhrases<true>;
  bodies: TokenPhrases<true>;
  stops: TokenPhrases<true>;
  statementNouns: TokenPhrases<true>;
  /** Context words → their rule's index in `data.contexts`. */
  contexts: TokenPhrases<number>;
  /** Rate words by their period (see `SECTIONS.rates`). */
  rates: TokenPhrases<RatePeriod>;
  /** Subject classes that are things (see `SECTIONS.things`). */
  things: ReadonlySet<string>;
  /** Dual nouns as written → singular (for the figure reader). */
  duals: DualIndex;
  /** Words the tokenizer notes: bit 0 a figure may start there (`figureWordHashes`), bit 1 a weekday. */
  watch: HashFilter;
  eventLabels: Map<string, string>;
  /** How each event's counts move over time (its `grows`/`varies` flag); events not here are `static`. */
  eventChange: Map<string, Change>;
  subjectLabels: Map<string, string>;
  /** The kinds' classes: each word → its class id (sections.ts). */
  measures: TokenPhrases<string>;
  measured: TokenPhrases<string>;
  moneyFrames: TokenPhrases<string>;
  populationNouns: TokenPhrases<true>;
  populationCues: TokenPhrases<true>;
};

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
  // Every set has its own vocabulary bit: a set looks a word up only when one of its own phrases may start there.
  // A word's bits tell 30 sets apart; more sets take a second index (one more hashing pass per distinct word).
  const ids = { next: 0 };
  let index = new VocabularyIndex();
  const set = <T>(entries: Iterable<[string, T]>): TokenPhrases<T> => {
    if (index.full) index = new VocabularyIndex();
    const s = new TokenPhrases<T>(index.vocabulary(), ids);
    for (const [p, payload] of entries) s.add(p, payload);
    return s;
  };
  const flag = (list: readonly string[] | undefined): [string, true][] => (list ?? []).map((s) => [s, true]);

  const events: [string, string][] = [];
  const eventLabels = new Map<string, string>();
  const eventChange = new Map<string, Change>();
  for (const [id, e] of Object.entries(data.events)) {
    eventLabels.set(id, e.label ?? id);
    if (e.grows) eventChange.set(id, 'grows');
    else if (e.varies) eventChange.set(id, 'varies');
    for (const t of e.triggers) events.push([t, id]);
  }
  for (const p of data.ignore ?? []) events.push([p, '']);
  const subjects: [string, SubjectPayload][] = [];
  const subjectLabels = new Map<string, string>();
  for (const [id, s] of Object.entries(data.subjects)) {
    subjectLabels.set(id, s.label ?? id);
    for (const w of s.words ?? []) subjects.push([w, { cls: id, weak: false }]);
    for (const w of s.weak ?? []) subjects.push([w, { cls: id, weak: true }]);
  }
  const before: [string, BoundQualifier][] = [];
  const after: [string, BoundQualifier][] = [];
  for (const q of BOUND_QUALIFIERS) {
    for (const p of data.qualifiers[q]?.before ?? []) before.push([p, q]);
    for (const p of data.qualifiers[q]?.after ?? []) after.push([p, q]);
  }
  const contexts: [string, number][] = [];
  data.contexts.forEach((c, k) => c.words.forEach((w) => contexts.push([w, k])));
  const classSet = (section: Record<string, { words: string[] }> | undefined) =>
    set(Object.entries(section ?? {}).flatMap(([id, c]) => c.words.map((w): [string, string] => [w, id])));
  const a = data.attribution;
  const duals = dualIndex(dualForms(data.duals));
  const lists = {} as { [K in PhraseSectionName]: TokenPhrases<true> };
  for (const name of Object.keys(SECTIONS) as SectionName[]) {
    if (SECTIONS[name].kind === 'phrases') lists[name as PhraseSectionName] = set(flag(data[name] as string[]));
  }
  return {
    ...lists,
    data,
    events: set(events),
    subjects: set(subjects),
    qualifiersBefore: set(before),
    qualifiersAfter: set(after),
    attributionVerbs: set(flag(a.verbs)),
    according: set(flag(a.according)),
    via: set(flag(a.via)),
    fillers: set(flag(a.fillers)),
    bodies: set(flag(a.bodies)),
    stops: set(flag(a.stops)),
    statementNouns: set(flag(a.statementNouns)),
    contexts: set(contexts),
    rates: set(RATE_PERIODS.flatMap((p) => (data.rates?.[p] ?? []).map((w): [string, RatePeriod] => [w, p]))),
    things: new Set(data.things ?? []),
    duals,
    watch: watchIndex([figureWordHashes({ duals }), WEEKDAY_HASHES]),
    eventLabels,
    eventChange,
    subjectLabels,
    measures: classSet(data.measures),
    measured: classSet(data.measured),
    moneyFrames: classSet(data.moneyFrames),
    populationNouns: set(flag(data.population?.nouns)),
    populationCues: set(flag(data.population?.cues)),
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
