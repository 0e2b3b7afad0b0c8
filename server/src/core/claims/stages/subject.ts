/**
 * Who or what is counted: the counted noun after the figure (or a dual's
 * own noun, or the noun before "اثنين"), refined by "من الشرطة" or "في
 * صفوفها", or carried over from the sentence's last claim (وإصابة 18 آخرين).
 */
import { TOKEN_LATIN, TOKEN_WORD, Token } from '../../numbers/tokens';
import type { SubjectPayload } from '../lexicon/compile';
import { variants } from '../lexicon/variants';
import { FACT_GROUP_PRONOUN, FACT_GROUP_SHIFT, FACT_PARTICLE, facts, hasPreposition, WINDOW, type ClaimReader } from '../reader';
import type { Stage } from './pipeline';

/** Payload of the lexicon's `ignore` phrases: they match like triggers and name no event. */
export const IGNORED = '';
/** How far after the counted noun "من الشرطة" may refine it. */
const MAX_REFINE = 6;

/** The counted noun: its class or its bare form, and the event it names itself (قتيلا). */
export const nounStage: Stage = {
  name: 'noun',
  requires: ['figure', 'sentence'],
  assigns: ['subject', 'event', 'rawNoun', 'nounLast'],
  run(state, r) {
    const tokens = r.tokens;
    const { figure, sentence } = state;
    const f = figure.figure;
    const s = sentence.start;
    const e = sentence.end;
    let subject: SubjectPayload | undefined;
    let event: string | undefined;
    let rawNoun: string | undefined;
    let nounLast = figure.last;
    if (f.dual) {
      const probe = [Token.word(f.dual)];
      subject = r.lex.subjects.matchAt(probe, 0)?.payload;
      event = r.lex.events.matchAt(probe, 0)?.payload;
      // "عراقيان": two people of a place or group.
      if (!subject && !event && f.dual.endsWith('ي')) subject = { cls: 'people', weak: false };
      // "طائرتين مسيرتين": a dual adjective that names a class is the more precise subject.
      const next = r.skipForward(figure.last + 1, e);
      const adjective = next < e && r.isWord(next) ? r.subjectAt(next) : undefined;
      if (adjective && !adjective.payload.weak) {
        subject = adjective.payload;
        nounLast = adjective.last;
      }
    } else {
      let n = r.skipForward(figure.last + 1, e);
      if (n < e && (tokens[n].norm === 'من' || tokens[n].norm === 'of') && r.isWord(r.skipForward(n + 1, e))) n = r.skipForward(n + 1, e);
      // English puts adjectives first: "26 armed criminals".
      if (n + 1 < e && tokens[n].kind === TOKEN_LATIN && tokens[n + 1].kind === TOKEN_LATIN && !r.subjectAt(n) && !r.eventAt(n) && r.subjectAt(n + 1)) n++;
      // A counted noun never carries a conjunction: "مقتل 5 وإصابة 10" coordinates two figures.
      const coordinated =
        n < e && tokens[n].kind === TOKEN_WORD && tokens[n].norm[0] === 'و' && variants(tokens[n])[1] === tokens[n].norm.slice(1) && !r.isWholeWord(tokens[n]);
      if (n < e && r.isWord(n) && r.figAt[n] < 0 && !coordinated && !(facts(tokens[n]) & FACT_PARTICLE)) {
        const sm = r.subjectAt(n);
        const em = r.eventAt(n);
        if (sm) {
          subject = sm.payload;
          nounLast = sm.last;
        }
        if (em && em.payload !== IGNORED && (!sm || em.last >= sm.first)) {
          event = em.payload;
          nounLast = Math.max(nounLast, em.last);
          // "13 هجوما": the noun names acts, which are what is counted.
          if (!sm && r.lex.acts.matchAt(tokens, n)) rawNoun = r.bareNoun(tokens[n]);
        }
        if (!sm && !em && r.looksLikeNoun(n) && !r.lex.others.matchAt(tokens, n) && !hasPreposition(tokens[n])) {
          rawNoun = r.bareNoun(tokens[n]);
          nounLast = n;
        }
      }
    }
    // "فلسطينيين اثنين"، "جندي واحد": one and two follow their noun.
    const first = figure.first;
    if (!f.dual && f.written === 'words' && f.value <= 2 && tokens[first].kind === TOKEN_WORD && first > s && r.isWord(first - 1) && !(facts(tokens[first - 1]) & FACT_PARTICLE)) {
      const noun = first - 1;
      const sm = r.subjectAt(noun);
      if (sm && sm.last === noun) {
        subject = sm.payload;
        rawNoun = undefined;
      } else if (!r.eventAt(noun) && r.looksLikeNoun(noun) && !r.lex.subsets.matchAt(tokens, noun)) {
        subject = undefined;
        rawNoun = r.bareNoun(tokens[noun]);
      }
    }
    state.subject = subject;
    state.event = event;
    state.rawNoun = rawNoun;
    state.nounLast = nounLast;
  },
};

/** Subsets ("بينهم 3 أطفال"), refinements ("شخصا من الشرطة") and "others" (وإصابة 18 آخرين). */
export const subjectStage: Stage = {
  name: 'subject',
  requires: ['figure', 'sentence', 'clauseStart', 'clauseEnd', 'qualifierFirst', 'subject', 'rawNoun', 'nounLast', 'phraseEnd'],
  assigns: ['subset', 'others', 'subject', 'phraseEnd'],
  run(state, r) {
    const tokens = r.tokens;
    const { figure, sentence, nounLast, rawNoun } = state;
    const s = sentence.start;
    const e = sentence.end;
    let subject = state.subject;
    // Part of a larger count ("بينهم 3 أطفال"): a claim only when it names what it counts.
    const subsetBefore = r.skipBack(state.qualifierFirst - 1, s);
    const subset = subsetBefore >= s && r.endsPhrase(r.lex.subsets, subsetBefore, s);
    state.subset = subset;
    if (subset && !subject) return false;

    // Refine a weak or missing subject: "شخصا من الشرطة"، "قتيلا ... في صفوفها".
    if ((!subject || subject.weak) && !rawNoun) {
      const refined = refine(r, nounLast, s, state.clauseEnd, figure.first) ?? groupOf(r, state.qualifierFirst, s);
      if (refined) subject = refined;
    }

    // "Others": more of the subject named before (وإصابة 18 آخرين).
    const othersAt = r.skipForward(nounLast + 1, e);
    const others = othersAt < e && r.lex.others.matchAt(tokens, othersAt)?.words === 1;
    state.others = others;
    if (others && state.phraseEnd === tokens[nounLast].end) state.phraseEnd = tokens[othersAt].end;
    // Subsets ("بينهم ستة") are never what a later "آخرين" refers to.
    const prev = sentence.whole;
    if (prev && (!subject || (subject.weak && others)) && !rawNoun) {
      if (others || prev.clause === state.clauseStart) subject = { cls: prev.claim.subject, weak: false };
    }
    state.subject = subject;
  },
};

/** "من الشرطة"، "في صفوف الجيش"، "في صفوفها" after the counted noun, or a class noun right after a weak one (ضابطي أمن). */
function refine(r: ClaimReader, nounLast: number, s: number, clauseEnd: number, figureFirst: number): SubjectPayload | undefined {
  const tokens = r.tokens;
  // "9 من عناصرها": the counted noun itself points back to a group.
  if (nounLast >= figureFirst && r.isWord(nounLast)) {
    const own = groupPronoun(tokens[nounLast]);
    if (own) return antecedent(r, figureFirst, s);
  }
  const direct = r.skipForward(nounLast + 1, clauseEnd);
  if (direct < clauseEnd && r.isWord(direct) && !(tokens[direct].norm[0] === 'و' && variants(tokens[direct]).length > 1)) {
    const m = r.subjectAt(direct);
    if (m && isRefinement(r, m.payload) && nounLast !== figureFirst - 1) return m.payload;
    // "ثلاثة من أفراد العائلة": a group word's definite noun names what is counted, even when the lexicon has no class for it.
    if (!m && nounLast >= figureFirst && facts(tokens[nounLast]) >> FACT_GROUP_SHIFT && tokens[direct].norm.startsWith('ال') && r.looksLikeNoun(direct) && !r.eventAt(direct)) {
      return { cls: r.bareNoun(tokens[direct]), weak: false };
    }
  }
  let words = 0;
  // Past a coordinated figure ("18 قتيلا و748 جريحا في صفوفها") only a group word still applies to this one.
  let crossed = false;
  for (let j = nounLast + 1; j < clauseEnd && words < MAX_REFINE; j++) {
    const t = tokens[j];
    if (r.figAt[j] >= 0) {
      crossed = true;
      continue;
    }
    if (t.kind !== TOKEN_WORD && t.kind !== TOKEN_LATIN) continue;
    words++;
    if (r.lex.subsets.matchAt(tokens, j)) break;
    if (facts(t) >> FACT_GROUP_SHIFT) {
      const after = r.skipForward(j + 1, clauseEnd);
      const named = after < clauseEnd ? r.subjectAt(after) : undefined;
      if (named && isRefinement(r, named.payload)) return named.payload;
      if (groupPronoun(t)) return antecedent(r, figureFirst, s);
      continue;
    }
    if (crossed) continue;
    if (t.norm === 'من' || t.norm === 'of') {
      const after = r.skipForward(j + 1, clauseEnd);
      const named = after < clauseEnd ? r.subjectAt(after) : undefined;
      if (named && isRefinement(r, named.payload)) return named.payload;
    }
    if (r.eventAt(j) && j > nounLast + 1) break;
  }
  return undefined;
}

/** "طاقم من ستة أفراد": a class noun before "من" and the figure is what a weak noun after it counts. */
function groupOf(r: ClaimReader, first: number, s: number): SubjectPayload | undefined {
  const of = r.wordBefore(first, s);
  if (of === undefined || (r.tokens[of].norm !== 'من' && r.tokens[of].norm !== 'of')) return undefined;
  const noun = r.wordBefore(of, s);
  const m = noun === undefined ? undefined : r.subjectAt(noun);
  return m && m.last === noun && isRefinement(r, m.payload) ? m.payload : undefined;
}

/** Whether a word is a group word with a possessive pronoun (صفوفها، عناصرهم). */
function groupPronoun(t: Token): boolean {
  return (facts(t) & FACT_GROUP_PRONOUN) !== 0;
}

/** A class that may replace a weak person noun: a named group of people, not a thing (من منازلهم). */
function isRefinement(r: ClaimReader, s: SubjectPayload): boolean {
  return !s.weak && !r.lex.things.has(s.cls);
}

/** The nearest class noun before a figure in its sentence: what "في صفوفها" points back to. */
function antecedent(r: ClaimReader, first: number, s: number): SubjectPayload | undefined {
  for (let j = first - 1; j >= s && j >= first - WINDOW; j--) {
    if (!r.isWord(j)) continue;
    const m = r.subjectAt(j);
    if (m && !m.payload.weak) return m.payload;
  }
  return undefined;
}
