/**
 * Background and earlier tolls, read once per sentence. A sentence about
 * an earlier time or another incident (a year other than the story's, "العام
 * الماضي"، "هجوم مماثل"، a fact box line "وفي 2010، تحطمت طائرة ...") gives
 * background figures: they are not compared across documents. A recalled
 * earlier toll of the same incident ("وكانت حصيلة سابقة أشارت إلى مقتل
 * 37") is `earlier`: evolving material for the judgement, never a conflict.
 */
import { partitionPoint } from '../../text/search';
import type { ClaimReader } from '../reader';
import { afterSince } from './aggregation';
import type { Stage } from './pipeline';

/** What a sentence says about the time of its figures: computed for the first figure read in it. */
export interface SentenceTime {
  sentence: number;
  background: boolean;
  /** The first token of the first earlier-toll phrase, or -1. */
  earlierAt: number;
}

export const backgroundStage: Stage = {
  name: 'background',
  requires: ['figure', 'sentence'],
  assigns: ['background', 'earlier'],
  run(state, r) {
    const { start, end } = state.sentence;
    let time = r.sentenceTime;
    if (time === undefined || time.sentence !== start) r.sentenceTime = time = readSentence(r, start, end);
    state.background = time.background;
    state.earlier = time.earlierAt >= 0 && time.earlierAt < state.figure.first;
  },
};

function readSentence(r: ClaimReader, s: number, e: number): SentenceTime {
  const tokens = r.tokens;
  let background = false;
  let earlierAt = -1;
  for (let j = s; j < e; j++) {
    if (!r.isWord(j)) continue;
    if (!background && r.lex.background.matchAt(tokens, j) !== undefined) background = true;
    if (earlierAt < 0 && r.lex.earlier.matchAt(tokens, j) !== undefined) earlierAt = j;
  }
  if (!background) background = otherYear(r, s, e);
  return { sentence: s, background, earlierAt };
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
    if (f.kind === 'year') {
      if (f.value === story) continue;
      if (afterSince(r, figures[i].first, s)) continue;
      return true;
    }
    if (f.kind === 'date' && f.date && !f.date.startsWith('--') && story !== null && Number(f.date.slice(0, 4)) !== story) return true;
  }
  return false;
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
