/** Runs every claim fixture under test/fixtures/claims/ (see claims-fixture-format.ts). */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import { normalizeSettings, prepareDocument, SeedDocument, type Claim } from '../../server/src/core';
import { parseClaimFixture, type ClaimExpectation } from './claims-fixture-format';

const dir = join(__dirname, '..', 'fixtures', 'claims');

function describeClaim(c: Claim): string {
  return `${c.range.start.line + 1} ${c.event} ${c.subject} ${c.qualifier} ${c.value} ${c.low ?? '-'} ${c.high ?? '-'} source=${c.source === null ? '-' : JSON.stringify(c.source)} date=${c.date ?? '-'}  «${c.text}»`;
}

function matches(c: Claim, e: ClaimExpectation): boolean {
  return (
    c.range.start.line + 1 === e.line &&
    c.event === e.event &&
    c.subject === e.subject &&
    c.qualifier === e.qualifier &&
    c.value === e.value &&
    (e.low === undefined || c.low === e.low) &&
    (e.high === undefined || c.high === e.high) &&
    (e.source === undefined || c.source === e.source) &&
    (e.date === undefined || c.date === e.date)
  );
}

describe('claim fixtures', () => {
  for (const entry of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
    it(basename(entry, '.txt'), () => {
      const fixture = parseClaimFixture(join(dir, entry));
      const problems: string[] = [];
      const settings = normalizeSettings(fixture.settings, problems);
      assert.deepEqual(problems, [], 'fixture settings are valid');
      const { claims } = prepareDocument(new SeedDocument(entry, fixture.text), settings);
      const unmatched = [...claims];
      const missing: ClaimExpectation[] = [];
      for (const e of fixture.expect) {
        const k = unmatched.findIndex((c) => matches(c, e));
        if (k < 0) missing.push(e);
        else unmatched.splice(k, 1);
      }
      const report = [
        ...missing.map((e) => `missing:    ${e.line} ${e.event} ${e.subject} ${e.qualifier} ${e.value}`),
        ...unmatched.map((c) => `unexpected: ${describeClaim(c)}`),
      ];
      assert.deepEqual(report, [], `${entry}\n${report.join('\n')}\n\nall claims:\n${claims.map(describeClaim).join('\n')}`);
    });
  }
});
