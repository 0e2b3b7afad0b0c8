/**
 * Coordinated counts of one event in one sentence: "67 راكبا وأربعة من
 * أفراد الطاقم" on board, "مقتل 5 جنود و12 مسلحا". Each keeps its own noun,
 * and each also records what they add up to (`Claim.total`), because
 * writers often give that sum under one of the nouns: "49 من إجمالي 71
 * راكبا" counts the crew among the passengers. A report elsewhere whose
 * value is that sum is the same people counted together, not a conflict
 * (figures/judge.ts).
 */
import type { Claim } from './types';

/** Sets `total` on the claims of one sentence that count different subjects of one event. */
export function markCoordinatedTotals(sentence: readonly Claim[]): void {
  if (sentence.length < 2) return;
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
