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

/**
 * The shared shape of fixture files: the document, an optional
 * `<<< settings {json}` line, and a `<<< <section>` line followed by one
 * expectation per line (`<<< <section> none` for none; blank lines and
 * `#` comments are skipped).
 */
export function readFixtureSections(path: string, section: string): { text: string; settings: Record<string, unknown>; lines: string[] } {
  const raw = readFileSync(path, 'utf8');
  const marker = raw.search(new RegExp(`^<<< (settings|${section})`, 'm'));
  if (marker < 0) throw new Error(`${path}: no "<<< ${section}" section`);
  // The document ends with the newline before the first marker; that newline is not part of it.
  const text = raw.slice(0, marker).replace(/\r?\n$/, '');
  let settings: Record<string, unknown> = {};
  const lines: string[] = [];
  let inSection = false;
  let sawSection = false;
  for (const line of raw.slice(marker).split(/\r?\n/)) {
    if (line.startsWith('<<< settings ')) settings = JSON.parse(line.slice('<<< settings '.length));
    else if (line.startsWith(`<<< ${section}`)) {
      sawSection = true;
      inSection = line.trim() !== `<<< ${section} none`;
    } else if (inSection && line.trim() && !line.trim().startsWith('#')) {
      lines.push(line.trim());
    }
  }
  if (!sawSection) throw new Error(`${path}: no "<<< ${section}" section`);
  return { text, settings, lines };
}

export function parseFixture(path: string): Fixture {
  const { text, settings, lines } = readFixtureSections(path, 'expect');
  const expect = lines.map((line): Expectation => {
    const m = EXPECT_LINE.exec(line);
    if (!m) throw new Error(`${path}: cannot read expectation "${line}"`);
    return {
      line: Number(m[1]),
      rule: m[2],
      text: m[3] === undefined ? undefined : JSON.parse(m[3]),
      replacement: m[4] === undefined ? undefined : JSON.parse(m[4]),
    };
  });
  return { text, settings, expect };
}
