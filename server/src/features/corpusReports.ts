/**
 * The hover's corpus section: every report of the hovered claim's quantity
 * across the corpus, with the verdict, as a compact Markdown table. A pure
 * converter from the corpus index.
 */
import { MarkupKind, type Hover, type MarkupContent, type Position } from 'vscode-languageserver';
import {
  figureKey,
  QUALIFIER_WORDS,
  quantityKey,
  shortName,
  type Claim,
  type CompiledLexicon,
  type CorpusIndex,
  type CorpusView,
  type Figure,
  type FigureReport,
  type Judgement,
  type QuantityIndex,
  type SeedDocument,
  type Story,
} from '../core';
import { formatInterval, hoverAt, isolate } from './hover';

/** Rows shown before "and N more": a hover must stay short. */
const MAX_ROWS = 12;

/** Escapes Markdown table syntax; underscores stay (inside words they are not emphasis, and file names read better). */
function cell(text: string): string {
  return text.replace(/[\\|*`[\]<>#]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
}

function verdictOf(corpus: CorpusView, r: FigureReport): string {
  const v = corpus.figureVerdict(r);
  return v ? (v.kind === 'conflict' ? '⚠ conflict' : 'ℹ evolving') : 'agrees';
}

const collator = new Intl.Collator();

/** Table order: by date (undated last), file, line. ISO dates compare the same by code unit as by collation, and faster. */
function rowOrder(a: FigureReport, b: FigureReport): number {
  const da = a.date ?? '9';
  const db = b.date ?? '9';
  return (da < db ? -1 : da > db ? 1 : 0) || collator.compare(a.uri, b.uri) || a.range.start.line - b.range.start.line;
}

/**
 * The first MAX_ROWS reports in table order, as a stable sort would give
 * them, without sorting the quantity's thousands of reports.
 */
function firstRows(all: readonly FigureReport[]): FigureReport[] {
  const top: FigureReport[] = [];
  for (const r of all) {
    if (top.length === MAX_ROWS && rowOrder(r, top[MAX_ROWS - 1]) >= 0) continue;
    let at = top.length;
    while (at > 0 && rowOrder(r, top[at - 1]) < 0) at--;
    top.splice(at, 0, r);
    if (top.length > MAX_ROWS) top.pop();
  }
  return top;
}

/** A quantity's table rows and report count, per judgement: the judgement is replaced whenever the quantity's reports change. */
const tables = new WeakMap<Judgement, { rows: FigureReport[]; count: number }>();

type ReportsIndex = Pick<QuantityIndex, 'reportsFor' | 'reportsOf' | 'judgement'>;

/**
 * The table for a claim of document `uri`, or '' when the corpus holds no
 * other report of its quantity. The hovered report is marked "this".
 */
export function corpusReportsSection(claim: Claim, uri: string, corpus: CorpusView & { figures: ReportsIndex; storyOf(uri: string): Story }): string {
  // The claim's own report names its quantity, scope included ("killed/police@almaty").
  const own = corpus.figures
    .reportsOf(uri)
    .find((r) => r.range.start.line === claim.range.start.line && r.range.start.character === claim.range.start.character);
  const quantity = own?.quantity ?? quantityKey(claim);
  const story = corpus.storyOf(uri);
  const key = own?.key ?? figureKey(story.id, quantity);
  const judgement = corpus.figures.judgement(key);
  let table = tables.get(judgement);
  if (!table) {
    const all = corpus.figures.reportsFor(key);
    table = { rows: firstRows(all), count: all.length };
    tables.set(judgement, table);
  }
  if (table.count < 2) return '';
  const rows = table.rows.map((r) => {
    const where = `${cell(shortName(r.uri))}:${r.range.start.line + 1}${r === own ? ' (this)' : ''}`;
    return `| ${formatInterval(r.low, r.high)} | ${QUALIFIER_WORDS[r.qualifier] || r.qualifier} | ${where} | ${r.date ?? '—'} | ${r.source ? isolate(cell(r.source)) : '—'} | ${verdictOf(corpus, r)} |`;
  });
  const more = table.count > MAX_ROWS ? `\n\n…and ${table.count - MAX_ROWS} more reports` : '';
  const verdict = own ? corpus.figureVerdict(own) : undefined;
  const summary = verdict
    ? verdict.kind === 'conflict'
      ? `**Conflict:** ${verdict.total} report(s) of \`${quantity}\` disagree with this one.`
      : `**Evolving:** this figure differs from ${verdict.total} report(s) of \`${quantity}\` because the count changed over time.`
    : `All reports of \`${quantity}\` that overlap this one agree with it.`;
  return `${summary}\n\n${storyLine(own ? table.count - 1 : table.count, story)}\n\n| value | qualifier | file | date | source | verdict |\n|---|---|---|---|---|---|\n${rows.join('\n')}${more}`;
}

/** "Compared with 4 reports in the story «…», 3 documents": figures are compared only within the document's story. */
function storyLine(others: number, story: Story): string {
  const reports = `${others} report${others === 1 ? '' : 's'}`;
  if (story.size < 2) return `Compared with ${reports} of this document (no other document tells its story).`;
  return `Compared with ${reports} in the story «${isolate(cell(story.label || shortName(story.id)))}», ${story.size} documents.`;
}

/**
 * `textDocument/hover`: the figure's own card (hover.ts) and, for a claim,
 * every report of the same quantity across the corpus.
 */
export function hoverWithCorpus(
  analysis: { claims: readonly Claim[]; figures: readonly Figure[] },
  doc: SeedDocument,
  position: Position,
  lexicon: CompiledLexicon,
  corpus: CorpusIndex,
): Hover | null {
  const hover = hoverAt(analysis, doc, position, lexicon);
  if (!hover || !hover.range) return hover;
  const start = doc.offsetAt(hover.range.start);
  const claim = analysis.claims.find((c) => c.figureStart === start);
  const section = claim ? corpusReportsSection(claim, doc.uri, corpus) : '';
  if (!section) return hover;
  const value = (hover.contents as MarkupContent).value;
  return { ...hover, contents: { kind: MarkupKind.Markdown, value: `${value}\n\n---\n\n${section}` } };
}
