/**
 * The checks every section of a user lexicon shares: entries, labels, ids.
 * User input is untrusted: what is malformed is dropped with a line in
 * `problems` that names where it was.
 */
import { normalizeWord } from '../../numbers/normalize';

export const ID = /^[a-z][a-z0-9_]{0,39}$/;
const MAX_ENTRY = 80;
const MAX_ENTRIES = 5000;

function entryProblem(s: unknown): string | undefined {
  if (typeof s !== 'string') return 'is not a string';
  const t = s.trim();
  if (!t) return 'is empty';
  if (t.length > MAX_ENTRY) return `is longer than ${MAX_ENTRY} characters`;
  if (/[\u0000-\u001f]/.test(t)) return 'contains control characters';
  for (const word of t.split(/\s+/)) {
    const star = word.indexOf('*');
    if (star >= 0 && (star !== word.length - 1 || normalizeWord(word.slice(0, -1)).length < 3)) {
      return 'uses * other than at the end of a word of at least 3 letters';
    }
  }
  return undefined;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export class Validator {
  count = 0;
  constructor(private readonly problems: string[]) {}

  problem(path: string, message: string): void {
    this.problems.push(`corpusLens.claims.lexicon${path}: ${message}`);
  }

  list(v: unknown, path: string): string[] | undefined {
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) {
      this.problem(path, 'must be a list of words or phrases; ignored');
      return undefined;
    }
    const out: string[] = [];
    v.forEach((s, k) => {
      const p = entryProblem(s);
      if (p) this.problem(`${path}[${k}]`, `${JSON.stringify(s)} ${p}; ignored`);
      else if (this.count >= MAX_ENTRIES) {
        if (this.count++ === MAX_ENTRIES) this.problem(path, `more than ${MAX_ENTRIES} entries in all; the rest is ignored`);
      } else {
        this.count++;
        out.push((s as string).trim());
      }
    });
    return out;
  }

  label(v: unknown, path: string): string | undefined {
    if (v === undefined) return undefined;
    if (typeof v === 'string' && v.trim() && v.length <= MAX_ENTRY) return v.trim();
    this.problem(path, `${JSON.stringify(v)} is not a short text; ignored`);
    return undefined;
  }

  id(key: string, path: string): boolean {
    if (ID.test(key)) return true;
    this.problem(path, `"${key}" is not an id (lowercase letters, digits and _); ignored`);
    return false;
  }
}
