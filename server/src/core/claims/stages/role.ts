/**
 * Whole or part: whether a figure counts a part of a larger count of its
 * own event and subject, which it must never be compared with. "أربعة
 * منهم" (four of them), "بينهم 5 أشخاص" (a subset with no class of its
 * own) and "اثنين من مواطنيها" (of a group the text names elsewhere) are
 * parts; "بينهم 10 أطفال" is the whole count of the children and stays a
 * whole. "25 من أصل 40" links the part to its whole and takes the whole's
 * counted noun. A figure whose next word is never what is counted
 * (الماضية، أكبر) is headless.
 */
import { TOKEN_WORD } from '../../numbers/tokens';
import { FACT_GROUP_SHIFT, facts, type ClaimReader } from '../reader';
import type { Stage } from './pipeline';

/** Possessive pronouns on a counted noun ("مواطنيها"): the group is one the text names elsewhere. */
const POSSESSIVES = ['ها', 'هم', 'هن'];

export const roleStage: Stage = {
  name: 'role',
  requires: ['figure', 'sentence', 'subset', 'subject', 'rawNoun', 'nounLast'],
  assigns: ['role', 'partitive', 'partOf', 'headless', 'subject', 'rawNoun'],
  run(state, r) {
    const tokens = r.tokens;
    const { figure, sentence } = state;
    const e = sentence.end;
    const after = r.skipForward(figure.last + 1, e);
    if (after >= e || !r.isWord(after)) {
      if (state.subset && isGeneric(state.subject)) state.role = 'part';
      return;
    }
    // "أربعة منهم": of the count named before; it counts what that count counts, and is a part of it when it counts the same event (see `partStage`).
    if (r.lex.partitives.matchAt(tokens, after)?.first === after) {
      state.partitive = true;
      state.rawNoun = undefined;
      const whole = sentence.whole;
      if (!state.subject && whole) state.subject = { cls: whole.claim.subject, weak: false };
      return;
    }
    // "17 من بين 67 راكبا", "25 من أصل 40": the part counts what the whole counts.
    for (const at of [after, r.skipForward(state.nounLast + 1, e)]) {
      const whole = at < e ? r.lex.wholes.matchAt(tokens, at) : undefined;
      const next = whole ? r.skipForward(whole.last + 1, e) : -1;
      const w = next >= 0 && next < e ? r.figAt[next] : -1;
      if (w < 0 || r.figures[w].first !== next) continue;
      const of = r.figures[w];
      state.partOf = of.figure.value;
      if (state.nounLast <= whole!.last || (!state.subject && !state.rawNoun)) countedAfter(r, state, of.last, e);
      break;
    }
    if (state.subset && isGeneric(state.subject)) state.role = 'part';
    // "اثنين من مواطنيها": a group of a referent the sentence does not name here.
    if (tokens[after].norm === 'من' && state.nounLast > after && possessive(r, state.nounLast)) state.role = 'part';
    // The raw noun stays for the event stage's reach: a headless figure is no more a claim than it was.
    if (state.rawNoun !== undefined && state.nounLast === after && r.lex.nonHeads.matchAt(tokens, after)?.first === after) state.headless = true;
  },
};

/** "اعترضت 5 منها" after "أطلقت 17 صاروخا" counts the intercepted ones, a whole; "نقل أربعة منهم" after "إصابة 20" under the same event would be a part. */
export const partStage: Stage = {
  name: 'part',
  requires: ['sentence', 'event', 'role', 'partitive'],
  assigns: ['role'],
  run(state) {
    if (!state.partitive) return;
    const whole = state.sentence.whole;
    if (!whole || whole.claim.event === state.event) state.role = 'part';
  },
};

/** A subset's class says nothing of its own: "بينهم 5 أشخاص". */
function isGeneric(subject: { cls: string; weak: boolean } | undefined): boolean {
  return subject === undefined || subject.weak || subject.cls === 'people';
}

/** The counted noun after the whole's figure ("من أصل 71 راكبا"), as the part's subject. */
function countedAfter(r: ClaimReader, state: Parameters<Stage['run']>[0], last: number, e: number): void {
  const n = r.skipForward(last + 1, e);
  if (n >= e || !r.isWord(n) || r.figAt[n] >= 0) return;
  const m = r.subjectAt(n);
  if (m) {
    state.subject = m.payload;
    state.rawNoun = undefined;
  } else if (r.looksLikeNoun(n) && !r.eventAt(n)) {
    state.subject = undefined;
    state.rawNoun = r.bareNoun(r.tokens[n]);
  }
}

/** Whether the counted noun carries a possessive pronoun and is no group word (صفوفها is resolved by the subject stage). */
function possessive(r: ClaimReader, k: number): boolean {
  const t = r.tokens[k];
  if (t.kind !== TOKEN_WORD || facts(t) >> FACT_GROUP_SHIFT) return false;
  const w = t.norm;
  return w.length >= 5 && POSSESSIVES.some((p) => w.endsWith(p));
}
