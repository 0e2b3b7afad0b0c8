import { isBlankLine, type LineProfile } from '../../lines';
import type { SeedDocument } from '../../text';
import type { OffsetEdit } from '../rule';

/** Length of a byte order mark at the start of the text, which deletions keep. */
function bomLength(doc: SeedDocument): number {
  return doc.text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

/**
 * The one edit that deletes lines `first`..`last` (0-based, inclusive, with
 * their line breaks) and the blank lines the deletion would leave doubled:
 *
 * - between paragraphs, the blank runs above and below the block merge, so
 *   the shorter of the two goes too ("P1, blank, X, blank, P2" → "P1, blank, P2");
 * - at the start of the file, the blank lines after the block go with it;
 * - at the end of the file, the blank lines before it go with it, and the
 *   file keeps ending the way it did (with or without a final line break).
 */
export function deleteLinesEdit(doc: SeedDocument, p: LineProfile, first: number, last: number): OffsetEdit {
  const starts = doc.lineStarts;
  const text = doc.text;
  let above = 0;
  while (first - above - 1 >= 0 && isBlankLine(p, first - above - 1)) above++;
  let below = 0;
  while (last + below + 1 <= p.lastRealLine && isBlankLine(p, last + below + 1)) below++;
  const atTop = first - above === 0;
  const atBottom = last + below >= p.lastRealLine;
  if (atTop && atBottom) return { start: bomLength(doc), end: text.length, newText: '' };
  if (atTop) return { start: bomLength(doc), end: starts[last + below + 1], newText: '' };
  if (atBottom) {
    const endsWithBreak = p.lastRealLine < starts.length - 1;
    const start = endsWithBreak ? starts[first - above] : doc.lineEnd(first - above - 1);
    return { start, end: text.length, newText: '' };
  }
  return { start: starts[first], end: starts[last + Math.min(above, below) + 1], newText: '' };
}

/**
 * The edit that shortens a run of blank lines `first`..`last`: to one blank
 * line between paragraphs, to none at the start or end of the file.
 */
export function collapseBlankRunEdit(doc: SeedDocument, p: LineProfile, first: number, last: number): OffsetEdit {
  const starts = doc.lineStarts;
  const text = doc.text;
  if (first === 0) return { start: bomLength(doc), end: last >= p.lastRealLine ? text.length : starts[last + 1], newText: '' };
  if (last >= p.lastRealLine) {
    const endsWithBreak = p.lastRealLine < starts.length - 1;
    return { start: endsWithBreak ? starts[first] : doc.lineEnd(first - 1), end: text.length, newText: '' };
  }
  return { start: starts[first + 1], end: starts[last + 1], newText: '' };
}
