import type { Position, Range } from '../types';
import { partitionPoint } from './search';

/**
 * A document's text with line bookkeeping. Offsets are UTF-16 code unit
 * indexes into `text`, which is exactly what LSP character offsets count.
 * Line breaks are `\n`, `\r\n` or `\r`, as in vscode-languageserver-textdocument.
 */
export class SeedDocument {
  private starts: number[] | undefined;

  constructor(
    /** URI in the server, path in the CLI; used to name the document in related locations. */
    readonly uri: string,
    readonly text: string,
    readonly version = 0,
  ) {}

  /** Offsets at which each line starts (computed once, on first use). */
  get lineStarts(): readonly number[] {
    if (!this.starts) this.starts = computeLineStarts(this.text);
    return this.starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const starts = this.lineStarts;
    offset = Math.max(0, Math.min(offset, this.text.length));
    const line = partitionPoint(starts.length, (i) => starts[i] <= offset) - 1;
    return { line, character: offset - starts[line] };
  }

  offsetAt(position: Position): number {
    const starts = this.lineStarts;
    if (position.line >= starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = starts[position.line];
    const end = this.lineEnd(position.line);
    return Math.min(start + Math.max(0, position.character), end);
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** Offset just past the last character of a line, before its line break. */
  lineEnd(line: number): number {
    const starts = this.lineStarts;
    let end = line + 1 < starts.length ? starts[line + 1] : this.text.length;
    if (end > starts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineEnd(line));
  }

  /** Range of a whole line including its line break (for deleting it). */
  fullLineRange(firstLine: number, lastLine = firstLine): Range {
    const startOffset = this.lineStarts[firstLine];
    const endOffset = lastLine + 1 < this.lineCount ? this.lineStarts[lastLine + 1] : this.text.length;
    return this.range(startOffset, endOffset);
  }
}

export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Applies non-overlapping edits (any order) to a text. Overlapping edits are an error. */
export function applyEdits(doc: SeedDocument, edits: readonly { range: Range; newText: string }[]): string {
  const resolved = edits
    .map((e) => ({ start: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let last = 0;
  for (const e of resolved) {
    if (e.start < last) throw new Error(`overlapping edits at offset ${e.start}`);
    out += doc.text.slice(last, e.start) + e.newText;
    last = e.end;
  }
  return out + doc.text.slice(last);
}
