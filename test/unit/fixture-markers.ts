/**
 * Reads a fixture file: the document, with its expectations as markers at
 * the end of the lines they are about, and an optional settings line after
 * it. The syntax is described in test/fixtures/README.md; the rule and claim
 * formats (fixture-format.ts, claims-fixture-format.ts) give the markers'
 * fields their meaning.
 */
import { readFileSync } from 'node:fs';

/** One field of a marker: a bare word, a JSON string, or `key=value` (the value bare or a JSON string). */
export interface MarkerField {
  key?: string;
  value: string;
  quoted: boolean;
}

export interface Marker {
  /** 1-based line of the document the marker sits on. */
  line: number;
  /** The first word: a rule id (`family/name`), `claim`, or `#` for a comment that states nothing. */
  id: string;
  fields: MarkerField[];
  /** The marker as written, for error messages. */
  source: string;
}

export interface MarkedFixture {
  path: string;
  text: string;
  settings: Record<string, unknown>;
  markers: Marker[];
}

/** Where a marker run may start: one space, a brace, and an id. Anything else with braces is document text. */
const MARKER_START = / \{(?=#|claim[ }]|[a-z]+\/[a-z0-9-]+[ }])/g;

class MarkerError extends Error {}

/** Reads `{...}` markers from `at` (a space before each) to the end of the line. */
function parseRun(line: string, at: number, lineNo: number): Marker[] {
  const markers: Marker[] = [];
  let i = at;
  while (i < line.length) {
    if (line[i] !== ' ' || line[i + 1] !== '{') throw new MarkerError(`text after a marker: "${line.slice(i)}"`);
    const open = i + 1;
    i = open + 1;
    const words: MarkerField[] = [];
    for (;;) {
      while (line[i] === ' ') i++;
      if (i >= line.length) throw new MarkerError(`unclosed marker "${line.slice(open)}"`);
      if (line[i] === '}') break;
      if (line[i] === '#') {
        // A comment runs to the closing brace (so it cannot hold one); alone, it is a marker that states nothing.
        const close = line.indexOf('}', i);
        if (close < 0) throw new MarkerError(`unclosed comment "${line.slice(i)}"`);
        if (words.length === 0) words.push({ value: '#', quoted: false });
        i = close;
        break;
      }
      let key: string | undefined;
      let word = '';
      while (i < line.length && !' }"'.includes(line[i])) word += line[i++];
      if (line[i] === '"') {
        if (word && !word.endsWith('=')) throw new MarkerError(`a quote inside a word: "${word}"`);
        if (word) key = word.slice(0, -1);
        const end = stringEnd(line, i);
        if (end < line.length && !' }'.includes(line[end])) throw new MarkerError(`text glued to a string: "${line.slice(i)}"`);
        words.push({ key, value: JSON.parse(line.slice(i, end)), quoted: true });
        i = end;
        continue;
      }
      const eq = word.indexOf('=');
      if (word !== '=>' && eq > 0) words.push({ key: word.slice(0, eq), value: word.slice(eq + 1), quoted: false });
      else words.push({ value: word, quoted: false });
    }
    const [first, ...fields] = words;
    if (!first || first.quoted || first.key !== undefined) throw new MarkerError(`a marker starts with an id: "${line.slice(open, i + 1)}"`);
    markers.push({ line: lineNo, id: first.value, fields, source: line.slice(open, i + 1) });
    i++;
  }
  return markers;
}

/** The end (exclusive) of the JSON string starting at `start`. */
function stringEnd(line: string, start: number): number {
  for (let i = start + 1; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '"') return i + 1;
  }
  throw new MarkerError(`unclosed string "${line.slice(start)}"`);
}

/** The line without its markers, and the markers. A marker that cannot be read is an error, never document text. */
export function splitMarkers(line: string, lineNo: number): { text: string; markers: Marker[] } {
  let failure: MarkerError | undefined;
  for (const m of line.matchAll(MARKER_START)) {
    try {
      return { text: line.slice(0, m.index), markers: parseRun(line, m.index, lineNo) };
    } catch (err) {
      if (!(err instanceof MarkerError)) throw err;
      failure ??= err;
    }
  }
  if (failure) throw new Error(`line ${lineNo}: ${failure.message}`);
  return { text: line, markers: [] };
}

const OLD_SECTION = /^<<< (expect|claims)\b/;

/**
 * The document runs to the first line starting with `<<< ` or to the end of
 * the file; the line break before that line (or the file's last one) is not
 * part of it. Line breaks inside are kept as written.
 */
export function parseMarkedFixture(raw: string, path: string): MarkedFixture {
  const parts = raw.split(/(\r\n|\n|\r)/);
  const lines: string[] = [];
  const breaks: string[] = [];
  let k = 0;
  for (; k < parts.length; k += 2) {
    if (parts[k].startsWith('<<< ')) break;
    lines.push(parts[k]);
    breaks.push(parts[k + 1] ?? '');
  }
  const trailer = parts.filter((_, j) => j >= k && j % 2 === 0);
  // A file ending in a line break splits into a last empty part: that break ends the file, not the document.
  if (k >= parts.length && lines.length > 1 && lines[lines.length - 1] === '') {
    lines.pop();
    breaks.pop();
  }
  breaks[breaks.length - 1] = '';
  let settings: Record<string, unknown> = {};
  for (const line of trailer) {
    if (line.startsWith('<<< settings ')) settings = JSON.parse(line.slice('<<< settings '.length));
    else if (OLD_SECTION.test(line)) throw new Error(`${path}: "${line}": expectations are markers on their line now (test/fixtures/README.md)`);
    else if (line.trim()) throw new Error(`${path}: cannot read "${line}" after the document (only "<<< settings {json}" may follow it)`);
  }
  const markers: Marker[] = [];
  let text = '';
  for (const [j, line] of lines.entries()) {
    let split: ReturnType<typeof splitMarkers>;
    try {
      split = splitMarkers(line, j + 1);
    } catch (err) {
      throw new Error(`${path}: ${(err as Error).message}`);
    }
    markers.push(...split.markers);
    text += split.text + breaks[j];
  }
  return { path, text, settings, markers };
}

export function readMarkedFixture(path: string): MarkedFixture {
  return parseMarkedFixture(readFileSync(path, 'utf8'), path);
}
