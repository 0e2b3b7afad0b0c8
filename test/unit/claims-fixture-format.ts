/**
 * Claim fixtures carry their expectations inline, like the rule fixtures
 * (fixture-format.ts). A fixture is a `.txt` file under test/fixtures/claims/:
 *
 *     <the document, any number of lines>
 *     <<< settings {"claims.lexicon": {"events": {"sentenced": ["حكم*"]}}}   (optional, JSON)
 *     <<< claims
 *     4 arrested people more_than 3000 3000 - source="وزارة الداخلية" date=2022-01-07
 *     7 killed police exact 18
 *
 * Each expectation is `<1-based line> <event> <subject> <qualifier> <value>`,
 * optionally followed by `<low> <high>` (a number, or `-` for null), then
 * optionally `source="..."` and `date=YYYY-MM-DD` (`source=-` and `date=-`
 * demand null). Parts left out are not checked. `<<< claims none` says the
 * document holds no claim. Claims are compared as a set: every expected claim
 * must be found and no other claim may be extracted, so a fixture is also a
 * list of hard negatives (lines that must give nothing).
 */
import { readFixtureSections } from './fixture-format';

export interface ClaimExpectation {
  line: number;
  event: string;
  subject: string;
  qualifier: string;
  value: number;
  low?: number | null;
  high?: number | null;
  source?: string | null;
  date?: string | null;
}

export interface ClaimFixture {
  text: string;
  settings: Record<string, unknown>;
  expect: ClaimExpectation[];
}

const LINE = /^(\d+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(-|[\d.]+)\s+(-|[\d.]+))?(?:\s+source=(-|"(?:[^"\\]|\\.)*"))?(?:\s+date=(-|\d{4}-\d{2}-\d{2}))?\s*$/;

const bound = (s: string | undefined) => (s === undefined ? undefined : s === '-' ? null : Number(s));

export function parseClaimFixture(path: string): ClaimFixture {
  const { text, settings, lines } = readFixtureSections(path, 'claims');
  const expect = lines.map((line): ClaimExpectation => {
    const m = LINE.exec(line);
    if (!m) throw new Error(`${path}: cannot read expectation "${line}"`);
    return {
      line: Number(m[1]),
      event: m[2],
      subject: m[3],
      qualifier: m[4],
      value: Number(m[5]),
      low: bound(m[6]),
      high: bound(m[7]),
      source: m[8] === undefined ? undefined : m[8] === '-' ? null : JSON.parse(m[8]),
      date: m[9] === undefined ? undefined : m[9] === '-' ? null : m[9],
    };
  });
  return { text, settings, expect };
}
