/**
 * The claims lexicon's sections, declared once: event triggers, subject
 * classes, qualifiers, attribution words and a few structural word lists.
 * Each section's shape (shapes.ts) gives its type, how users' input is
 * validated and how it joins the defaults; compile.ts derives the phrase
 * sets. Adding a list of phrases is one line here plus its entries in the
 * languages' data (lang/<language>/claims.json).
 *
 * The defaults are data; users extend them from `.corpuslens.json` under
 * `claims.lexicon` (same shape, every part optional; lists are added to the
 * defaults, labels replace them). User input is untrusted: `validateUserLexicon`
 * keeps what is well-formed and says what it dropped.
 *
 * Entries are words or phrases separated by spaces. A word ending in `*`
 * matches every word that begins with it (at least 3 letters before the
 * star). Spelling is normalized on both sides (normalize.ts), and the text's
 * proclitics (و ف ب ل ك، ال) are tried off, so entries list bare forms.
 */
import { CLAIMS_DATA } from '../../lang';
import { RATE_PERIODS, type Qualifier } from '../types';
import { classes, contextRules, ids, keyed, lists, phrases, type DataOf } from './shapes';
import { isRecord, Validator } from './validator';

export type BoundQualifier = Exclude<Qualifier, 'exact'>;
export const BOUND_QUALIFIERS: readonly BoundQualifier[] = ['more_than', 'at_least', 'about', 'nearly', 'less_than', 'up_to'];

export const SECTIONS = {
  /**
   * Event id → a label (for the outline), trigger words, and how its counts
   * move over time: `grows` (a toll: killed, arrested; a later, larger report
   * is the count rising, a later, smaller one a conflict), `varies` (revised
   * either way: missing, in hospital; only reports of one time conflict).
   * Neither: the count does not change (on board, attackers), and two values conflict whatever their dates.
   */
  events: classes('triggers', [], ['grows', 'varies']),
  /** Subject class → label, words, and `weak` words (شخص، فرد، ضابط) that a following "من <class>" may refine. */
  subjects: classes('words', ['weak']),
  /** Nouns whose dual counts two: `forms` read -ان/-ين (-تان/-تين), `nominative` only -ان (their -ين is also a plural), `construct` also -ي (ضابطي أمن). */
  duals: lists(['forms', 'nominative', 'construct'], 'must be an object with "forms", "nominative" or "construct" lists'),
  /** Qualifier → phrases right before the figure, and phrases right after it (or after its counted noun). */
  qualifiers: keyed(BOUND_QUALIFIERS, ['before', 'after'], 'qualifier'),
  /** Attribution: verbs (قال، أعلن), `according` phrases (بحسب، وفقا), `via` (نقلت X عن Y: Y is the source), and the word lists that shape the source phrase. */
  attribution: lists(['verbs', 'according', 'via', 'fillers', 'bodies', 'stops', 'statementNouns']),
  /** "Among them": a figure after these counts part of another one; it is a claim only with its own counted noun. */
  subsets: phrases(),
  /** "Others" (آخرين): the figure counts more of the subject named before it in the sentence. */
  others: phrases(),
  /** "The number of" (عدد، حصيلة): a trigger after one of these reaches a figure later in the sentence, past commas. */
  countFrames: phrases(),
  /** Context rules: an event becomes another when one of the words is in the sentence (إصابة + كورونا = infected). */
  contexts: contextRules(),
  /** Phrases that look like triggers and are not (إطلاق نار is gunfire, not a launch of the counted things): they join the events' set. */
  ignore: phrases({ set: false }),
  /** Counted nouns that name acts, not people (13 هجوما): the act itself is the subject. */
  acts: phrases(),
  /** Subject classes that are things, not people: a weak person noun (شخص) is never refined to one ("من منازلهم"). */
  things: ids(),
  /** A figure after one of these in its sentence is a count recalled as earlier than the document's own: حصيلة سابقة، في وقت سابق، بعد أن كان. */
  earlierBefore: phrases(),
  /** ... or before one of these: "بلغ 48 شخصا، قبل الإعلان عن زيادة الرقم". */
  earlierAfter: phrases(),
  /** The pluperfect recalls a count too: one of these auxiliaries before the figure and a `pastParticles` word after the auxiliary ("وكان 30 شخصا قد لقوا مصرعهم"). */
  pastAuxiliaries: phrases(),
  pastParticles: phrases(),
  /** Prepositions that make a following trigger the circumstance, not the event (خلال الاحتجاجات، بسبب الهجوم). */
  circumstantial: phrases(),
  // The kinds other than counts (claims/kinds/).
  /** Measured attributes (height, length, depth, distance...) → the words naming them before a measurement (بطول، ارتفاعها، على مسافة). */
  measures: classes('words'),
  /** Things whose measurements are compared across documents (waves) → their nouns; a measurement of anything else is read, not compared. */
  measured: classes('words'),
  /** What a sum of money is (compensation, ransom, fine) → nouns before it (تعويض بقيمة); a sum the text names no purpose for is read, not compared. */
  moneyFrames: classes('words'),
  /** A population: `nouns` after the figure (نسمة), `cues` before it (عدد سكانها، يقطن). */
  population: lists(['nouns', 'cues']),

  // Quantity identity inside the document (stages/role.ts, aggregation.ts, background.ts).
  /** Right after a figure, "of them" (أربعة منهم): the figure is part of the count named before it. */
  partitives: phrases(),
  /** Between two figures, "out of" (25 من أصل 40): the first is part of the second, which is the whole. */
  wholes: phrases(),
  /** Words right after a figure that are never what it counts (الماضية، أكبر، تقرير): the claim has no head and is not compared. */
  nonHeads: phrases(),
  /** A running total over a period that spans incidents (منذ بدء العملية، الحصيلة الإجمالية) in the figure's clause. */
  cumulative: phrases(),
  /** Superlatives before "منذ" (أسوأ هجوم منذ 2016): the year dates a comparison, not the start of a running total. */
  superlatives: phrases(),
  /** An increment on a count given elsewhere (خلال الـ24 ساعة الماضية) in the figure's clause. */
  increments: phrases(),
  /** A result clause (ليرتفع، لتصل) after a figure in its sentence: the figure is the increment, the one after the total. */
  resultClauses: phrases(),
  /** A rate per period (يوميا، سنويا) in the figure's clause, by period. */
  rates: lists(RATE_PERIODS, 'must be an object with "daily", "weekly", "monthly" or "yearly" lists'),
  /** An earlier time or another incident (العام الماضي، هجوم مماثل) anywhere in the sentence: its figures are background. */
  background: phrases(),
  /** A forecast or a capacity (قد تتسبب، من المتوقع، يمكنها حمل) in the figure's clause before it: what may be, not what happened (stages/modality.ts). */
  hypothetical: phrases(),
};

type Sections = typeof SECTIONS;
export type SectionName = keyof Sections;

/** The lexicon as data: the shape of lang/<language>/claims.json, combined. */
export type LexiconData = { [K in SectionName]: DataOf<Sections[K]> };

/** A validated user lexicon: any part of `LexiconData`. */
export type UserLexicon = Partial<LexiconData>;

export const DEFAULT_LEXICON_DATA: LexiconData = CLAIMS_DATA as unknown as LexiconData;

const NAMES = Object.keys(SECTIONS) as SectionName[];

/**
 * Turns untrusted input (the `claims.lexicon` setting) into a user lexicon:
 * every malformed part is dropped with a line in `problems`.
 */
export function validateUserLexicon(input: unknown, problems: string[] = []): UserLexicon {
  const out: Record<string, unknown> = {};
  if (input === undefined || input === null) return out;
  const v = new Validator(problems);
  if (!isRecord(input)) {
    v.problem('', 'must be an object; ignored');
    return out;
  }
  for (const [key, value] of Object.entries(input)) {
    // "$comment", "$schema": annotations, as in JSON schema.
    if (key.startsWith('$')) continue;
    if (!(NAMES as string[]).includes(key)) {
      v.problem(`.${key}`, 'unknown key; ignored');
      continue;
    }
    const section = SECTIONS[key as SectionName].validate(v, value, `.${key}`);
    if (section !== undefined) out[key] = section;
  }
  return out;
}

/** The defaults extended by a validated user lexicon: lists are joined, labels replaced, new ids added. */
export function mergeLexicon(base: LexiconData, user: UserLexicon): LexiconData {
  const out: Record<string, unknown> = {};
  for (const name of NAMES) out[name] = (SECTIONS[name].merge as (b: unknown, u: unknown) => unknown)(base[name], user[name]);
  return out as LexiconData;
}
