/**
 * Background, read once per sentence. A sentence about an earlier time or
 * another incident (a year other than the story's, "العام الماضي"، "هجوم
 * مماثل"، a fact box line "وفي 2010، تحطمت طائرة ...") gives background
 * figures: they are not compared across documents. A recalled earlier toll
 * of the same incident ("وكانت حصيلة سابقة ...") is not background: the
 * date stage marks it `earlier`, and the judgement orders it before the
 * document's own figures.
 */
import { partitionPoint } from '../../text/search';
import { mayBeYear } from '../../numbers/figureDates';
import type { ClaimReader } from '../reader';
import { afterSince } from './aggregation';
import type { Stage } from './pipeline';

/** What a sentence says about the time of its figures: computed for the first figure read in it. */
export interface SentenceTime {
  sentence: number;
  background: boolean;
}

export const backgroundStage: Stage = {
  name: 'background',
  requires: ['figure', 'sentence'],
  assigns: ['background'],
  run(state, r) {
    const { start, end } = state.sentence;
    let time = r.sentenceTime;
    if (time === undefined || time.sentence !== start) r.sentenceTime = time = readSentence(r, start, end);
    state.background = time.background;
  },
};

function readSentence(r: ClaimReader, s: number, e: number): SentenceTime {
  const tokens = r.tokens;
  let background = false;
  for (let j = s; j < e && !background; j++) if (r.isWord(j) && r.lex.background.matchAt(tokens, j) !== undefined) background = true;
  if (!background) background = otherYear(r, s, e);
  return { sentence: s, background };
}

/**
 * Whether the sentence dates itself to a year that is not the story's: a
 * year ("في 2016") other than the year of the document's latest full date
 * (any year when it has none), or a full date of another year. A year
 * after "منذ" starts a running total or a comparison, not another incident.
 */
function otherYear(r: ClaimReader, s: number, e: number): boolean {
  const figures = r.figures;
  const story = storyYear(r);
  for (let i = partitionPoint(figures.length, (k) => figures[k].first < s); i < figures.length && figures[i].first < e; i++) {
    const f = figures[i].figure;
    if (f.kind === 'year' || (f.kind === 'count' && mayBeYear(f) && !countsSubject(r, figures[i].last, e))) {
      if (f.value === story) continue;
      if (afterSince(r, figures[i].first, s)) continue;
      return true;
    }
    if (f.kind === 'date' && f.date && !f.date.startsWith('--') && story !== null && Number(f.date.slice(0, 4)) !== story) return true;
  }
  return false;
}

/** Whether the word after a figure is a counted noun of the lexicon ("2000 شخص"): then the figure counts, whatever its digits. */
function countsSubject(r: ClaimReader, last: number, e: number): boolean {
  const next = r.skipForward(last + 1, e);
  return next < e && r.isWord(next) && r.lex.subjects.matchAt(r.tokens, next) !== undefined;
}

/** The year of the document's latest full date, or null (computed once per document). */
function storyYear(r: ClaimReader): number | null {
  if (r.storyYear !== undefined) return r.storyYear;
  let year: number | null = null;
  for (const f of r.figures) {
    const d = f.figure.date;
    if (f.figure.kind !== 'date' || !d || d.startsWith('--') || !/^\d{4}-\d{2}-\d{2}/.test(d)) continue;
    const y = Number(d.slice(0, 4));
    if (year === null || y > year) year = y;
  }
  r.storyYear = year;
  return year;
}
