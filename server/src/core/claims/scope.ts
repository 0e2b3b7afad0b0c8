/**
 * The scope of a figure: nationwide, a named place, or null (unstated).
 * "748 police injured in the city of Almaty" and "more than 1000 injured
 * nationwide" count different things; comparing them would report a false
 * conflict. Markers are data (`lang/<language>/scope.json`).
 */
import { stringOfCodes } from '../arrays';
import { SCOPE_DATA as SCOPE } from '../lang';
import { normalizeWord } from '../numbers/normalize';
import * as fold from '../text/fold';
import { NATIONAL, type Scope } from './types';

const national = SCOPE.national.map((p) => normalizeWord(p));
const localPrefixes = SCOPE.localPrefixes.map((p) => normalizeWord(p));

/**
 * The markers as char codes, bucketed by their first character, for one pass
 * over the clause: `kind` 0 is a local prefix (matched as " prefix "), 1 a
 * nationwide phrase (matched as " phrase", a word may continue it).
 */
interface Marker {
  codes: Uint16Array;
  kind: 0 | 1;
  /** Index in `localPrefixes` (kind 0). */
  index: number;
}
const markersByFirst = new Map<number, Marker[]>();
/** `markersByFirst` below U+0700, as an array: one read per word of the clause. */
const markersBelow: (Marker[] | undefined)[] = new Array<Marker[] | undefined>(0x700).fill(undefined);
const addMarker = (text: string, kind: 0 | 1, index: number) => {
  const codes = new Uint16Array(text.length);
  for (let k = 0; k < text.length; k++) codes[k] = text.charCodeAt(k);
  // The data has no empty marker (it would match every clause); none is added.
  if (codes.length === 0) throw new Error('empty scope marker');
  let list = markersByFirst.get(codes[0]);
  if (!list) markersByFirst.set(codes[0], (list = []));
  list.push({ codes, kind, index });
  if (codes[0] < 0x700) markersBelow[codes[0]] = list;
};
localPrefixes.forEach((p, k) => addMarker(p, 0, k));
national.forEach((p, k) => addMarker(p, 1, k));

/** JavaScript's `\s` (what `trim` and `/\s+/` treat as white space). */
function isJsSpace(c: number): boolean {
  // The one white space between 32 and U+1680 is U+00A0: letters leave at the first test.
  if (c > 32 && c !== 0xa0 && c < 0x1680) return false;
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Characters that end a place name: white space and , . ، ؛ : ( ) " “ ” « ». */
function endsPlace(c: number): boolean {
  return (
    c === 32 || c === 44 || c === 46 || c === 0x60c || c === 0x61b || c === 58 || c === 40 || c === 41 || c === 34 || c === 0x201c || c === 0x201d || c === 0xab || c === 0xbb
  );
}

// Local bindings for the hot loops below (see text/fold.ts).
const { WORD_FOLD } = fold;

let buffer = new Uint16Array(1024);
const firstAt = new Int32Array(localPrefixes.length);

/** The scope stated in a clause, or null. A named place wins over a nationwide phrase in the same clause. */
export function scopeOf(clause: string): Scope | null {
  return scopeIn(clause, 0, clause.length);
}

/**
 * `scopeOf(text.slice(start, end))` without building the clause: the text is
 * normalized as `normalizeWord` does (white space trimmed and collapsed,
 * then spelling normalized) into a reused buffer, and every marker is looked
 * for in one pass, at the spaces where it may start.
 */
export function scopeIn(text: string, start: number, end: number): Scope | null {
  if (end < start) end = start;
  if (buffer.length < end - start + 2) buffer = new Uint16Array(2 * (end - start + 2));
  const buf = buffer;
  // " " + normalizeWord(clause) + " ".
  let n = 0;
  buf[n++] = 32;
  let k = start;
  while (k < end && isJsSpace(text.charCodeAt(k))) k++;
  let pendingSpace = false;
  for (; k < end; k++) {
    const c = text.charCodeAt(k);
    // White space is collapsed before characters are dropped: a dropped mark still ends a run of spaces.
    if (isJsSpace(c)) {
      pendingSpace = true;
      continue;
    }
    if (pendingSpace) {
      buf[n++] = 32;
      pendingSpace = false;
    }
    const code = c < 0x700 ? WORD_FOLD[c] : c;
    if (code >= 0) buf[n++] = code;
  }
  buf[n++] = 32;

  firstAt.fill(-1);
  let nationwide = false;
  for (let i = 0; i < n; i++) {
    if (buf[i] !== 32 || i + 1 >= n) continue;
    const first = buf[i + 1];
    const list = first < 0x700 ? markersBelow[first] : markersByFirst.get(first);
    if (list === undefined) continue;
    for (const marker of list) {
      const codes = marker.codes;
      const len = codes.length;
      if (i + 1 + len > n) continue;
      let j = 1;
      while (j < len && buf[i + 1 + j] === codes[j]) j++;
      if (j < len) continue;
      if (marker.kind === 1) nationwide = true;
      else if (firstAt[marker.index] < 0 && i + 1 + len < n && buf[i + 1 + len] === 32) firstAt[marker.index] = i;
    }
  }
  for (let q = 0; q < localPrefixes.length; q++) {
    const at = firstAt[q];
    if (at < 0) continue;
    const from = at + localPrefixes[q].length + 2;
    let to = from;
    while (to < n && !endsPlace(buf[to])) to++;
    if (to > from) return { kind: 'local', place: stringOfCodes(buf, from, to) };
  }
  return nationwide ? NATIONAL : null;
}
