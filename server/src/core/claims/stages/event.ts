/**
 * What happened to the counted things: the counted noun's own event
 * (قتيلا), else the nearest trigger in the figure's clause, else a trigger
 * after a count frame ("ارتفع عدد القتلى ... إلى 50"); context rules last.
 */
import { TOKEN_LATIN, TOKEN_NUMBER } from '../../numbers/tokens';
import type { ReadFigure } from '../../numbers/words';
import { hasPreposition, MAX_MARKS, WINDOW, type ClaimReader } from '../reader';
import type { Stage } from './pipeline';
import { IGNORED } from './subject';

/** How far a trigger may be from its figure, in words. */
const MAX_BACK = 12;
const MAX_FORWARD = 10;
/** How far a trigger may be from a figure whose counted noun the lexicon does not know. */
const MAX_RAW_DISTANCE = 3;
/**
 * Events of counted nouns that give way to a trigger in the clause: detainees
 * and hostages (معتقل، رهينة) and passengers (قتل 50 راكبا is a toll, not who
 * was on board) to any; the wounded (نقل 20 مصابا إلى المستشفى) to a hospital only.
 */
const YIELDING_NOUN_EVENTS: ReadonlyMap<string, ReadonlySet<string> | null> = new Map([
  ['arrested', null],
  ['abducted', null],
  ['on_board', null],
  ['injured', new Set(['hospitalized'])],
]);

export const eventStage: Stage = {
  name: 'event',
  requires: ['sentence', 'clauseStart', 'clauseEnd', 'event', 'subset', 'rawNoun', 'qualifierFirst', 'nounLast'],
  assigns: ['event'],
  run(state, r) {
    const { sentence, qualifierFirst, nounLast, clauseStart, clauseEnd, rawNoun } = state;
    let event = state.event;
    // Detainees and hostages are people something else can happen to: "أفرجت عن 200 معتقل" is a release.
    const yieldsTo = event === undefined ? undefined : YIELDING_NOUN_EVENTS.get(event);
    if (yieldsTo !== undefined) {
      const trigger = nearestTrigger(r, qualifierFirst, nounLast, clauseStart, clauseEnd, MAX_BACK);
      if (trigger && (yieldsTo === null || yieldsTo.has(trigger))) event = trigger;
    }
    // "مقتل 32 شخصا بينهم ستة من عناصر الأمن": a subset shares what happened to the whole.
    const prev = sentence.whole;
    if (state.subset && !event && prev) event = prev.claim.event;
    event ??= nearestTrigger(r, qualifierFirst, nounLast, clauseStart, clauseEnd, rawNoun ? MAX_RAW_DISTANCE : MAX_BACK);
    if (!rawNoun) event ??= frameTrigger(r, sentence.start, clauseStart);
    if (!event) return false;
    state.event = inContext(r, event, sentence.start, sentence.end);
  },
};

/**
 * Whether a trigger may start where the event stage looks for one: in the
 * clause and up to the end of the counted noun (marks, "من", marks and an
 * English adjective after the figure: fewer than `2 * MAX_MARKS + 4`
 * tokens), or after a count frame in the `WINDOW` tokens before the clause.
 * Nearest tokens first: a trigger is usually next to its figure; frames are
 * rare words, looked for by their hash alone.
 */
export function triggerNear(r: ClaimReader, f: ReadFigure, s: number, e: number): boolean {
  const events = r.lex.events;
  const tokens = r.tokens;
  const clauseStart = r.clauseStart(f.first, s);
  const to = Math.min(e, Math.max(r.clauseEnd(f.last, e), f.last + 2 * MAX_MARKS + 4));
  for (let d = 1; f.first - d >= clauseStart || f.last + d < to; d++) {
    if (f.last + d < to && events.mayStartAt(tokens, f.last + d)) return true;
    if (f.first - d >= clauseStart && events.mayStartAt(tokens, f.first - d)) return true;
  }
  // `frameTrigger`: a trigger between a frame and the clause.
  const frames = r.lex.countFrames;
  for (let j = Math.max(s, clauseStart - WINDOW); j < clauseStart; j++) {
    if (!frames.mayStartAt(tokens, j)) continue;
    for (let k = j + 1; k < clauseStart; k++) if (events.mayStartAt(tokens, k)) return true;
    return false;
  }
  return false;
}

/** The trigger nearest to the figure inside its clause (اعتقال أكثر من 3000). */
function nearestTrigger(r: ClaimReader, first: number, nounLast: number, clauseStart: number, clauseEnd: number, maxDistance: number): string | undefined {
  const tokens = r.tokens;
  let back: { event: string; distance: number } | undefined;
  let words = 0;
  for (let j = first - 1; j >= clauseStart && words < Math.min(MAX_BACK, maxDistance); j--) {
    if (!r.isWord(j) && tokens[j].kind !== TOKEN_NUMBER) continue;
    words++;
    if (!r.isWord(j)) continue;
    const m = triggerAt(r, j, first);
    if (m) {
      back = { event: coveringTrigger(r, j, first, clauseStart) ?? m, distance: words };
      break;
    }
  }
  words = 0;
  // Arabic puts the verb first (قتل 5 أشخاص), English after the subject (5 people were killed): ties go that way.
  const tieForward = tokens[first]?.kind === TOKEN_LATIN || tokens[nounLast]?.kind === TOKEN_LATIN;
  // A purpose after the figure ("صاروخين لاعتراض طائرة") is the last resort.
  let purpose: string | undefined;
  for (let j = nounLast + 1; j < clauseEnd && words < Math.min(MAX_FORWARD, maxDistance); j++) {
    if (!r.isWord(j) && tokens[j].kind !== TOKEN_NUMBER) continue;
    words++;
    if (back && (tieForward ? words > back.distance : words >= back.distance)) break;
    if (!r.isWord(j)) continue;
    const m = triggerAt(r, j, clauseEnd);
    if (!m) continue;
    if (tokens[j].norm[0] === 'ل' && hasPreposition(tokens[j])) purpose ??= m;
    else return m;
  }
  return back?.event ?? purpose;
}

/**
 * A longer trigger that starts a word before token j and runs over it:
 * "حكما بالإعدام" (sentenced) rather than the "إعدام" (killed) inside it.
 * Walking back from the figure meets the inner word first.
 */
function coveringTrigger(r: ClaimReader, j: number, limit: number, clauseStart: number): string | undefined {
  const k = r.wordBefore(j, clauseStart);
  if (k === undefined) return undefined;
  const m = r.eventAt(k);
  return m && m.last >= j ? triggerAt(r, k, limit) : undefined;
}

/** The event a trigger at token k names, if it ends before `limit` and is not an attribution verb or an ignored phrase (إطلاق نار). */
function triggerAt(r: ClaimReader, k: number, limit: number): string | undefined {
  const m = r.eventAt(k);
  if (!m || m.last >= limit || m.payload === IGNORED || r.isAttribution(k)) return undefined;
  // "خلال الاحتجاجات"، "بسبب الهجوم": the circumstance of the figure, not what happened to it.
  const before = r.tokens[k - 1];
  if (before && r.isWord(k - 1) && r.lex.circumstantial.has(r.tokens, k - 1)) return undefined;
  return m.payload;
}

/** "ارتفع عدد القتلى، بحسب الوزارة، إلى 50": a trigger after a count frame reaches past commas. */
function frameTrigger(r: ClaimReader, s: number, clauseStart: number): string | undefined {
  for (let j = clauseStart - 1; j >= s && j >= clauseStart - WINDOW; j--) {
    if (!r.isWord(j)) continue;
    const frame = r.lex.countFrames.matchAt(r.tokens, j);
    if (!frame) continue;
    const at = r.skipForward(frame.last + 1, clauseStart);
    const m = at < clauseStart ? triggerAt(r, at, clauseStart) : undefined;
    if (m) return m;
  }
  return undefined;
}

/** Applies context rules (إصابة in a sentence about كورونا is an infection). */
function inContext(r: ClaimReader, event: string, s: number, e: number): string {
  const rules = r.lex.data.contexts;
  if (!rules.some((c) => c.event === event)) return event;
  if (r.contexts.sentence !== s) {
    const found = new Set<number>();
    for (let j = s; j < e; j++) {
      const m = r.isWord(j) ? r.lex.contexts.matchAt(r.tokens, j) : undefined;
      if (m) found.add(m.payload);
    }
    r.contexts = { sentence: s, rules: found };
  }
  for (const k of r.contexts.rules) if (rules[k].event === event) return rules[k].becomes;
  return event;
}
