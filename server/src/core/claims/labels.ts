/** Short Arabic labels for claims, for outlines, symbol search and hovers. */
import { lexiconFor, type CompiledLexicon } from './lexicon/compile';
import type { Claim, Qualifier } from './types';

const QUALIFIER_LABELS: Record<Qualifier, string> = {
  exact: '',
  more_than: 'أكثر من',
  at_least: 'على الأقل',
  about: 'نحو',
  nearly: 'قرابة',
  less_than: 'أقل من',
  up_to: 'حتى',
};

/** The event's label from the lexicon (اعتقال), or its id. */
export function eventLabel(event: string, lexicon: CompiledLexicon = lexiconFor()): string {
  return lexicon.eventLabels.get(event) ?? event;
}

/** The subject class's label (شخص), or the counted noun itself for classes the lexicon lacks. */
export function subjectLabel(subject: string, lexicon: CompiledLexicon = lexiconFor()): string {
  return lexicon.subjectLabels.get(subject) ?? subject;
}

/** The qualifier as Arabic words (أكثر من), '' for exact. */
export function qualifierLabel(qualifier: Qualifier): string {
  return QUALIFIER_LABELS[qualifier];
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1000) / 1000);
}

/** "اعتقال · أكثر من 3000 شخص": event, qualifier, value and subject. Vague figures show their interval ("20–99"). */
export function claimLabel(claim: Claim, lexicon: CompiledLexicon = lexiconFor()): string {
  // A vague figure (عشرات) read as itself has its own interval, which starts at its value.
  const vague = claim.vague && claim.qualifier === 'about' && claim.high !== null;
  const amount = vague ? `${formatNumber(claim.low!)}–${formatNumber(claim.high!)}` : [qualifierLabel(claim.qualifier), formatNumber(claim.value)].filter(Boolean).join(' ');
  return `${eventLabel(claim.event, lexicon)} · ${amount} ${subjectLabel(claim.subject, lexicon)}`;
}
