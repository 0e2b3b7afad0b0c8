/**
 * Hover on a figure: its normalized value and interval, and for a claim the
 * event, subject, qualifier, source and date. A pure converter from the
 * analysis to an LSP Hover.
 *
 * The Markdown stays readable in right-to-left text: values sit in a table
 * (one row per field), and every Arabic run is wrapped in FIRST STRONG
 * ISOLATE / POP DIRECTIONAL ISOLATE (U+2068 … U+2069) so it cannot reorder
 * the Latin labels and digits around it.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import {
  claimLabel,
  eventLabel,
  lexiconFor,
  qualifierLabel,
  quantityKey,
  subjectLabel,
  type Claim,
  type CompiledLexicon,
  type Figure,
  type SeedDocument,
} from '../core';

/** Wraps text in a directional isolate, so Arabic and Latin runs keep their order side by side. */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/** Escapes Markdown table and emphasis syntax in user text. */
function md(text: string): string {
  return text.replace(/[\\|*_`[\]<>#]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
}

function num(n: number | null): string {
  if (n === null) return '∞';
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1000) / 1000);
}

/** "[3000, ∞)", "3000", "[3500, 4500]". */
export function formatInterval(low: number | null, high: number | null): string {
  if (low !== null && low === high) return num(low);
  return `[${low === null ? '0' : num(low)}, ${num(high)}${high === null ? ')' : ']'}`;
}

const KIND_NAMES: Record<Figure['kind'], string> = {
  count: 'count',
  percent: 'percentage',
  fraction: 'fraction',
  year: 'year',
  date: 'date',
  time: 'clock time',
  age: 'age',
  duration: 'duration',
  name: 'part of a name (not a figure)',
  code: 'code (not a number)',
};

function figureValue(f: Figure): string {
  if (f.kind === 'date' || f.kind === 'time') return f.date ?? num(f.value);
  if (f.kind === 'percent') return `${num(f.value)}%`;
  if (f.kind === 'code') return '—';
  return f.vague ? formatInterval(f.low, f.high) : num(f.value);
}

function claimTable(claim: Claim, figure: Figure | undefined, lexicon: CompiledLexicon): string {
  const rows: [string, string][] = [
    ['value', `${num(claim.value)}${figure && figure.written !== 'digits' ? ` (written in ${figure.written === 'words' ? 'words' : 'digits and words'})` : ''}`],
    ['interval', formatInterval(claim.low, claim.high)],
    ['event', `\`${claim.event}\` ${isolate(md(eventLabel(claim.event, lexicon)))}`],
    ['subject', `\`${md(claim.subject)}\` ${isolate(md(subjectLabel(claim.subject, lexicon)))}`],
    ['qualifier', `\`${claim.qualifier}\`${qualifierLabel(claim.qualifier) ? ` ${isolate(qualifierLabel(claim.qualifier))}` : ''}`],
    ['source', claim.source ? isolate(md(claim.source)) : '—'],
    ['date', claim.date ?? '—'],
    ['quantity', `\`${md(quantityKey(claim))}\``],
  ];
  return ['| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
}

function figureTable(f: Figure): string {
  const rows: [string, string][] = [
    ['value', figureValue(f)],
    ['kind', KIND_NAMES[f.kind]],
    ['written', f.written === 'digits+word' ? 'digits and words' : f.written],
  ];
  if (f.unit) rows.push(['unit', f.unit]);
  return ['| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
}

/**
 * `textDocument/hover`: on a claim's phrase or on any figure, a Markdown
 * table; null elsewhere. `analysis` is the document's analysis (its
 * `claims` and `figures`).
 */
export function hoverAt(
  analysis: { claims: readonly Claim[]; figures: readonly Figure[] },
  doc: SeedDocument,
  position: Position,
  lexicon: CompiledLexicon = lexiconFor(),
): Hover | null {
  const offset = doc.offsetAt(position);
  const figure = analysis.figures.find((f) => f.start <= offset && offset <= f.end);
  const claim =
    analysis.claims.find((c) => c.figureStart <= offset && offset <= c.figureEnd) ??
    (figure ? undefined : analysis.claims.find((c) => doc.offsetAt(c.range.start) <= offset && offset <= doc.offsetAt(c.range.end)));
  if (claim) {
    const own = analysis.figures.find((f) => f.start === claim.figureStart);
    return {
      contents: { kind: MarkupKind.Markdown, value: `**${isolate(md(claimLabel(claim, lexicon)))}**\n\n${claimTable(claim, own, lexicon)}` },
      range: doc.range(claim.figureStart, claim.figureEnd),
    };
  }
  if (!figure) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: `**${isolate(md(doc.text.slice(figure.start, figure.end)))}**\n\n${figureTable(figure)}` },
    range: doc.range(figure.start, figure.end),
  };
}
