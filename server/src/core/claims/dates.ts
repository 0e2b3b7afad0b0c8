/**
 * The day a claim refers to. News text dates itself loosely: an explicit
 * date here and there ("الأحد 9 كانون الثاني/يناير 2022"), weekdays ("اليوم
 * الجمعة", "يوم الخميس"), and many sentences with neither. The reading:
 *
 * - Explicit dates with day and month are taken as written; without a year
 *   they take the year of the document's first full date. Dates after
 *   "until" or "since" (حتى، منذ) bound a period and are not the day of a figure.
 * - A weekday is the occurrence of that day nearest to the current reading
 *   date, or the previous/next one when "الماضي"/"المقبل" says so. With no
 *   explicit date anywhere in the document, a claim keeps the weekday its
 *   day is given by (its sentence's, else the reading weekday: the
 *   document's first plain weekday, moved by "today" weekdays), and the
 *   corpus dates it against the dated documents of its story (`storyDay`).
 * - The reading date starts at the document's first explicit date and moves
 *   with each explicit date and each "today" weekday (اليوم الجمعة، صباح
 *   اليوم الخميس) as the text goes on, the way a dateline-driven story reads.
 * - A claim takes the date mentioned in its own sentence (the nearest before
 *   the figure, else the first after it), otherwise the reading date.
 */
import { expandClitics, hashWord, normalizeWord } from '../numbers/normalize';
import { isoDate } from '../numbers/figureDates';

const WEEKDAY_LIST: [string[], number][] = [
  [['الأحد', 'sunday'], 0],
  [['الاثنين', 'الإثنين', 'monday'], 1],
  [['الثلاثاء', 'tuesday'], 2],
  [['الأربعاء', 'wednesday'], 3],
  [['الخميس', 'thursday'], 4],
  [['الجمعة', 'friday'], 5],
  [['السبت', 'saturday'], 6],
];

/** Normalized weekday word, as written with proclitics too (والجمعة، بالخميس) → day of the week (0 = Sunday). */
export const WEEKDAYS = new Map<string, number>(
  WEEKDAY_LIST.flatMap(([words, d]) => words.flatMap((w) => expandClitics(normalizeWord(w), false).map((e) => [e.form, d] as [string, number]))),
);

export const WEEKDAY_HASHES = new Set([...WEEKDAYS.keys()].map(hashWord));

/** Words after a weekday: the previous occurrence (الماضي) or the next one (المقبل). */
export const PAST_WORDS = new Set(['الماضي', 'الماضيه', 'الفائت', 'الفائته', 'المنصرم', 'last'].map(normalizeWord));
export const FUTURE_WORDS = new Set(['المقبل', 'المقبله', 'القادم', 'القادمه', 'next'].map(normalizeWord));
/** Words that make a weekday "today" (اليوم الجمعة، صباح اليوم الخميس). */
export const TODAY_WORDS = new Set(['اليوم', 'today'].map(normalizeWord));
/** Words before a date that make it the bound of a period, not the day of a figure. */
export const BOUND_WORDS = new Set(['حتى', 'لغايه', 'غايه', 'منذ', 'until', 'since', 'till'].map(normalizeWord));

const DAY = 86_400_000;

function toTime(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

function fromTime(t: number): string {
  const d = new Date(t);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())!;
}

/** The weekday's date relative to `context`: nearest, or the previous/next occurrence. */
export function resolveWeekday(context: string, weekday: number, mode: 'nearest' | 'past' | 'future' = 'nearest'): string {
  const t = toTime(context);
  const delta = (weekday - new Date(t).getUTCDay() + 7) % 7;
  let offset: number;
  if (mode === 'past') offset = delta === 0 ? -7 : delta - 7;
  else if (mode === 'future') offset = delta === 0 ? 7 : delta;
  else offset = delta <= 3 ? delta : delta - 7;
  return fromTime(t + offset * DAY);
}

/** A full date from a figure's `date` (`YYYY-MM-DD` or `--MM-DD` with the document's year), or null. */
export function completeDate(date: string | undefined, year: number | null): string | null {
  if (!date) return null;
  if (!date.startsWith('--')) return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null;
  if (year === null) return null;
  return isoDate(year, Number(date.slice(2, 4)), Number(date.slice(5, 7))) ?? null;
}

/** The days a story's dated reports run over, first to last. */
export interface StorySpan {
  first: string;
  last: string;
}

/** Longest span, in days, of a story's dated reports against which a weekday is dated: over a week, it could name either of two days. */
export const STORY_WEEK_DAYS = 6;

/** Whole days from one ISO day to another (`YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toTime(to) - toTime(from)) / DAY);
}

/** The span of the days given (nulls skipped), or null when none is. */
export function storySpan(days: Iterable<string | null | undefined>): StorySpan | null {
  let first: string | undefined;
  let last: string | undefined;
  for (const d of days) {
    if (!d) continue;
    if (first === undefined || d < first) first = d;
    if (last === undefined || d > last) last = d;
  }
  return first === undefined ? null : { first, last: last! };
}

/**
 * The day of a report its document dates by a weekday only ("اليوم الجمعة"),
 * from the dated documents of its story: the occurrence of that weekday
 * nearest the middle of their span. Null when no document of the story is
 * dated or their days run over more than a week; then the report stays undated.
 */
export function storyDay(weekday: number, span: StorySpan | null): string | null {
  if (!span) return null;
  const first = toTime(span.first);
  const last = toTime(span.last);
  if (last - first > STORY_WEEK_DAYS * DAY) return null;
  const middle = first + Math.floor((last - first) / DAY / 2) * DAY;
  return resolveWeekday(fromTime(middle), weekday, 'nearest');
}
