/**
 * Counts of one event in one sentence, read together.
 *
 * Coordinated counts of one event in one sentence: "67 راكبا وأربعة من
 * أفراد الطاقم" on board, "مقتل 5 جنود و12 مسلحا". Each keeps its own noun,
 * and each also records what they add up to (`Claim.total`), because
 * writers often give that sum under one of the nouns: "49 من إجمالي 71
 * راكبا" counts the crew among the passengers. A report elsewhere whose
 * value is that sum is the same people counted together, not a conflict
 * (figures/judge.ts).
 *
 * Several counts of one event and one subject in one sentence are an
 * enumeration: "السفينة أكواريوس التي كانت تقل 630 مهاجرا ... والسفينة
 * لايفلاين التي كانت تقل 230 مهاجرا", "المجموعة الأولى 97 مهاجرا ...
 * والثانية 361 مهاجرا". Each counts one of several vessels, groups or
 * places, so each is a part (`role`), never the story's count. On the real
 * corpus (ANT 2018) such pairs were a fifth of all conflict warnings, and
 * none was real. A sentence that recalls one as earlier is an update
 * ("بعد أن كانت 30"), not an enumeration, and is left to the date stage.
 */
import type { Claim } from './types';

/** Reads the claims of one sentence together: enumerated counts become parts, coordinated counts of different subjects get their `total`. */
export function readSentenceCounts(sentence: readonly Claim[]): void {
  if (sentence.length < 2) return;
  markEnumerations(sentence);
  markCoordinatedTotals(sentence);
}

function markEnumerations(sentence: readonly Claim[]): void {
  const byQuantity = new Map<string, Claim[]>();
  for (const c of sentence) {
    if (c.kind !== 'count' || c.role === 'part') continue;
    const key = `${c.event}/${c.subject}/${c.aggregation ?? 'incident'}`;
    const list = byQuantity.get(key);
    if (list) list.push(c);
    else byQuantity.set(key, [c]);
  }
  for (const group of byQuantity.values()) {
    if (group.length < 2 || group.some((c) => c.earlier) || new Set(group.map((c) => c.value)).size < 2) continue;
    for (const c of group) c.role = 'part';
  }
}

/** Sets `total` on the claims of one sentence that count different subjects of one event. */
function markCoordinatedTotals(sentence: readonly Claim[]): void {
  const byEvent = new Map<string, Claim[]>();
  for (const c of sentence) {
    // A part of another count (أربعة منهم) or a vague one (عشرات) adds nothing a reader could sum.
    if (c.kind !== 'count' || c.vague || c.role === 'part' || c.partOf !== undefined || c.qualifier !== 'exact') continue;
    const list = byEvent.get(c.event);
    if (list) list.push(c);
    else byEvent.set(c.event, [c]);
  }
  for (const group of byEvent.values()) {
    if (group.length < 2 || new Set(group.map((c) => c.subject)).size < group.length) continue;
    const total = group.reduce((sum, c) => sum + c.value, 0);
    for (const c of group) c.total = total;
  }
}
