/**
 * A claim is read by a pipeline of stages, each declaring the fields of the
 * per-claim state it reads (`requires`) and sets (`assigns`), as spaCy's
 * pipeline components do. `buildPipeline` checks the order once, when a
 * kind builds its pipeline (at load): a stage that requires a field no
 * input and no earlier stage assigns is an error, so reordering stages or
 * adding one in the wrong place fails at once, not as a silent change of output.
 */
import type { ReadFigure } from '../../numbers/words';
import type { DateMention, WeekdayMention } from '../dateMentions';
import type { SubjectPayload } from '../lexicon/compile';
import type { ClaimReader } from '../reader';
import type { PendingSource, SourceScan } from '../sources';
import type { Aggregation, Change, Claim, Qualifier, Role, Scope } from '../types';

/** What the claims of one sentence share: its bounds, mentions, and the claim a later figure may refer back to. */
export interface SentenceState {
  readonly start: number;
  readonly end: number;
  readonly sources: SourceScan;
  readonly dates: readonly DateMention[];
  /** The reading date before the sentence: the date of a figure the sentence gives none for. */
  readonly dateBefore: string | null;
  /** In a document with no explicit date: the sentence's weekdays, and the reading weekday before it (claims/dateMentions.ts). */
  readonly weekdays: readonly WeekdayMention[];
  readonly weekdayBefore: number | null;
  /** The source a previous line ending in ":" names for this line, if any. */
  readonly pending: PendingSource | undefined;
  /** The last claim that is not a subset ("بينهم ستة"), with the start of its clause. */
  whole: { claim: Claim; clause: number } | undefined;
}

/** The state of one figure being read as a count claim. Fields are set by the stages named in their comments. */
export interface ClaimState {
  // Inputs.
  readonly figure: ReadFigure;
  readonly sentence: SentenceState;
  /** The figure's clause (between clause punctuation, inside the sentence): first token, end (exclusive). */
  readonly clauseStart: number;
  readonly clauseEnd: number;
  // noun
  /** The counted noun's class, when the lexicon knows it (then subject, after refinement). */
  subject: SubjectPayload | undefined;
  /** A counted noun the lexicon does not know, as the subject (noun, subject). */
  rawNoun: string | undefined;
  /** The last token of the counted noun (or of the figure when there is none). */
  nounLast: number;
  /** What happened: the counted noun's own event (noun), then the claim's (event). */
  event: string | undefined;
  // qualifier
  /** Set by the qualifier stage when a word bounds the figure; the interval stage gives the default. */
  qualifier: Qualifier | undefined;
  /** The first token of the qualifier phrase before the figure, else the figure's. */
  qualifierFirst: number;
  /** UTF-16 bounds of the claim's phrase. */
  phraseStart: number;
  phraseEnd: number;
  // subject
  /** Part of a larger count ("بينهم 3 أطفال"). */
  subset: boolean;
  /** "Others" follows the counted noun (وإصابة 18 آخرين). */
  others: boolean;
  // role (stages/role.ts)
  role: Role;
  /** "Of them" right after the figure (أربعة منهم). */
  partitive: boolean;
  partOf: number | null;
  headless: boolean;
  // aggregation, background (stages/aggregation.ts, background.ts)
  aggregation: Aggregation;
  background: boolean;
  // modality (stages/modality.ts)
  hypothetical: boolean;
  // attribution, date, scope
  source: string | null;
  date: string | null;
  /** date: with no date, the weekday the figure's day is given by; whether the text recalls the count as earlier; how its event's counts move over time. */
  weekday: number | null;
  earlier: boolean;
  change: Change;
  scope: Scope | null;
  // interval
  low: number | null;
  high: number | null;
}

/** The fields set before the first stage runs. */
export const CLAIM_INPUTS = ['figure', 'sentence', 'clauseStart', 'clauseEnd'] as const satisfies readonly (keyof ClaimState)[];

export interface Stage<S = ClaimState> {
  readonly name: string;
  readonly requires: readonly (keyof S)[];
  readonly assigns: readonly (keyof S)[];
  /** Reads the figure further; `false` drops it (it is no claim). */
  run(state: S, reader: ClaimReader): boolean | void;
}

export interface Pipeline<S = ClaimState> {
  readonly name: string;
  readonly inputs: readonly (keyof S)[];
  readonly stages: readonly Stage<S>[];
  /** Runs every stage in order; false when one drops the figure. */
  run(state: S, reader: ClaimReader): boolean;
}

/** Checks that every stage's requirements are inputs or assigned by an earlier stage, and that names are unique. Throws otherwise. */
export function buildPipeline<S>(name: string, inputs: readonly (keyof S)[], stages: readonly Stage<S>[]): Pipeline<S> {
  const assigned = new Set<keyof S>(inputs);
  const names = new Set<string>();
  for (const stage of stages) {
    if (names.has(stage.name)) throw new Error(`claim pipeline "${name}": stage "${stage.name}" appears twice`);
    names.add(stage.name);
    for (const field of stage.requires) {
      if (!assigned.has(field)) throw new Error(`claim pipeline "${name}": stage "${stage.name}" requires "${String(field)}", which no input or earlier stage assigns`);
    }
    for (const field of stage.assigns) {
      if ((inputs as readonly (keyof S)[]).includes(field)) throw new Error(`claim pipeline "${name}": stage "${stage.name}" assigns the input "${String(field)}"`);
      assigned.add(field);
    }
  }
  const list = [...stages];
  const n = list.length;
  return {
    name,
    inputs,
    stages: list,
    run(state, reader) {
      for (let i = 0; i < n; i++) if (list[i].run(state, reader) === false) return false;
      return true;
    },
  };
}

/** A fresh state for a figure: inputs set, every other field at a placeholder that no stage reads before its assigner runs (`buildPipeline` checks). */
export function newClaimState(figure: ReadFigure, sentence: SentenceState, clauseStart: number, clauseEnd: number): ClaimState {
  return {
    figure,
    sentence,
    clauseStart,
    clauseEnd,
    subject: undefined,
    rawNoun: undefined,
    nounLast: figure.last,
    event: undefined,
    qualifier: undefined,
    qualifierFirst: figure.first,
    phraseStart: figure.figure.start,
    phraseEnd: figure.figure.end,
    subset: false,
    others: false,
    role: 'whole',
    partitive: false,
    partOf: null,
    headless: false,
    aggregation: 'incident',
    background: false,
    hypothetical: false,
    source: null,
    date: null,
    weekday: null,
    earlier: false,
    change: 'static',
    scope: null,
    low: null,
    high: null,
  };
}

type Identity = Pick<Claim, 'role' | 'partOf' | 'aggregation' | 'background' | 'hypothetical' | 'earlier' | 'headless'>;

/** The identity fields of a claim (types.ts), set only when they differ from the default, so claims and the JSON stay as they were for plain figures. */
export function identityOf(state: ClaimState): Identity {
  const out: Identity = {};
  if (state.role !== 'whole') out.role = state.role;
  if (state.partOf !== null) out.partOf = state.partOf;
  if (state.aggregation !== 'incident') out.aggregation = state.aggregation;
  if (state.background) out.background = true;
  if (state.hypothetical) out.hypothetical = true;
  if (state.earlier) out.earlier = true;
  if (state.headless) out.headless = true;
  return out;
}
