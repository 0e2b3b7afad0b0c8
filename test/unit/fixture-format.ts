/**
 * Fixture files carry their own expectations, so adding a case means adding
 * a file. A fixture is a `.txt` file:
 *
 *     <the document, any number of lines>
 *     <<< settings {"digits.targetStyle": "eastern"}      (optional, JSON)
 *     <<< expect
 *     3 digits/eastern-arabic "١٨" => "18"
 *     5 boilerplate/source-credit
 *
 * Each expectation line is `<1-based line> <rule id>`, optionally followed by
 * the exact text the finding covers in quotes, and optionally `=> "<text>"`:
 * the fix's replacement text (use `=> ""` for a deletion). `<<< expect none`
 * says the document must give no finding. Findings are compared as a set:
 * every expected one must be present and nothing else may be reported (for
 * the families the fixture's folder selects).
 *
 * A folder under test/fixtures/<family>/ that holds several `.txt` files is
 * one corpus: the files are analysed together and each checks its own
 * expectations.
 */
import { readFileSync } from 'node:fs';

export interface Expectation {
  line: number;
  rule: string;
  text?: string;
  replacement?: string;
}

export interface Fixture {
  text: string;
  settings: Record<string, unknown>;
  expect: Expectation[];
}

const EXPECT_LINE = /^(\d+)\s+(\S+)(?:\s+("(?:[^"\\]|\\.)*"))?(?:\s+=>\s+("(?:[^"\\]|\\.)*"))?\s*$/;

export function parseFixture(path: string): Fixture {
  const raw = readFileSync(path, 'utf8');
  const marker = raw.search(/^<<< (settings|expect)/m);
  if (marker < 0) throw new Error(`${path}: no "<<< expect" section`);
  // The document ends with the newline before the first marker; that newline is not part of it.
  const text = raw.slice(0, marker).replace(/\r?\n$/, '');
  let settings: Record<string, unknown> = {};
  const expect: Expectation[] = [];
  let inExpect = false;
  let sawExpect = false;
  for (const line of raw.slice(marker).split(/\r?\n/)) {
    if (line.startsWith('<<< settings ')) settings = JSON.parse(line.slice('<<< settings '.length));
    else if (line.startsWith('<<< expect')) {
      inExpect = true;
      sawExpect = true;
      if (line.trim() === '<<< expect none') inExpect = false;
    } else if (inExpect && line.trim()) {
      const m = EXPECT_LINE.exec(line.trim());
      if (!m) throw new Error(`${path}: cannot read expectation "${line}"`);
      expect.push({
        line: Number(m[1]),
        rule: m[2],
        text: m[3] === undefined ? undefined : JSON.parse(m[3]),
        replacement: m[4] === undefined ? undefined : JSON.parse(m[4]),
      });
    }
  }
  if (!sawExpect) throw new Error(`${path}: no "<<< expect" section`);
  return { text, settings, expect };
}
