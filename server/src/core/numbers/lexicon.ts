/**
 * Word lists the figure reader needs: Arabic and English number words,
 * months, and the cue words that tell a count from a year, a date, a time,
 * an age, a duration, a name or a measurement. They are data, per language
 * (lang/<language>/numbers.json), facts of the languages rather than user
 * configuration. Every key is normalized here (normalize.ts).
 */
import { combineLanguages, NUMBER_LANGUAGES } from '../lang';
import { normalizeWord } from './normalize';

export type AtomType = 'unit' | 'teenUnit' | 'ten' | 'hundred' | 'scale' | 'vague' | 'few' | 'fraction' | 'quarters' | 'ordinal';

export interface NumberWord {
  type: AtomType;
  /** Unit, ten, hundred, fraction or ordinal value; the multiplier for scales and vague plurals. */
  value: number;
  /** Scales: singular (ألف), dual (ألفان = 2 × value) or plural (آلاف). */
  form?: 'sg' | 'dual' | 'pl';
  /** The article may be attached (العشرات، الآلاف). */
  article?: boolean;
}

interface NumberWordData extends NumberWord {
  words: string[];
}

function table(entries: readonly { words: string[]; type: string }[]): Map<string, NumberWord> {
  const map = new Map<string, NumberWord>();
  for (const { words, ...entry } of entries as NumberWordData[]) for (const w of words) map.set(normalizeWord(w), entry);
  return map;
}

const { ar, en } = NUMBER_LANGUAGES;
const both = combineLanguages(ar, en);

/** Arabic number words; أحد/إحدى and اثنا/اثنتا (`teenUnit`) only before عشر/عشرة (أحد عشر = 11): alone they are "someone", "one of". Vague plurals (عشرات، مئات) are an interval, not a point. */
export const ARABIC_NUMBER_WORDS = table(ar.numberWords);

export const ENGLISH_NUMBER_WORDS = table(en.numberWords);

function set(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.map(normalizeWord));
}

/** Month names (Egyptian/Gulf, Maghrebi, Levantine, English) → month number. Two-word Levantine names are keyed by their first word. */
export const MONTHS = new Map<string, number>(both.months.flatMap(({ words, month }) => words.map((w) => [normalizeWord(w), month] as [string, number])));

/** Levantine two-word months: first word → second word → month. */
export const TWO_WORD_MONTHS = new Map<string, Map<string, number>>(
  Object.entries(both.twoWordMonths).map(([first, seconds]) => [normalizeWord(first), new Map(Object.entries(seconds).map(([w, month]) => [normalizeWord(w), month]))]),
);

/** A number directly after one of these is part of a name (قناة الأخبار 24، خبر 24، كوفيد 19، رحلة 3704). */
export const NAME_BEFORE = set(both.nameBefore);

/** A number two words after one of these is a name too (قناة <name> 24). */
export const NAME_TWO_BEFORE = set(both.nameTwoBefore);

/** Ordinals before عشر/عشرة: "الرابعة عشرة" is the fourteenth, not ten. */
export const ORDINALS_BEFORE_TEN = set(both.ordinalsBeforeTen);

/** Words before a year (عام 1991، منذ 2019). */
export const YEAR_BEFORE = set(both.yearBefore);

/** Particles after which a 4-digit number in year range stays a year ("2019 حتى", "2022 و"). */
export const YEAR_AFTER = set(both.yearAfter);

/** Clock cues before (الساعة 7) and after (7 صباحا). */
export const TIME_BEFORE = set(both.timeBefore);
export const TIME_AFTER = set(both.timeAfter);

/** Units of time: a number before them is a duration or an age, never a count of people. */
export const DURATION_UNITS = set(both.durationUnits);

/** Units of age (a subset of durations). */
export const AGE_UNITS = set(both.ageUnits);

/** Words near a number that make "N years" an age (البالغ من العمر 81 عاما). */
export const AGE_CUES = set(both.ageCues);

/** Words that turn a preceding number into a percentage. */
export const PERCENT_WORDS = set(both.percentWords);
export const PERCENT_PHRASES = set(both.percentPhrases);

/** Measurement and currency words → unit id. */
export const UNITS = new Map<string, string>(both.units.flatMap(({ words, unit }) => words.map((w) => [normalizeWord(w), unit] as [string, string])));

/** Qualifier words: a number in year range after one is a count (نحو 2000), not a year. */
export const COUNT_BEFORE = set(both.countBefore);
/** The comparative before من in "أكثر من 2000", "أقل من 2000". */
export const COMPARATIVES = set(both.comparatives);

/** A range of two figures: the word before the first (بين 1500 و2000) and the words joining them (و، إلى، حتى). */
export const RANGE_BEFORE = set(both.rangeBefore);
export const RANGE_JOINERS = set(both.rangeJoiners);
