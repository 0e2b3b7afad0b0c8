/** Runs every claim fixture under test/fixtures/claims/ (see claims-fixture-format.ts and test/fixtures/README.md). */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import { normalizeSettings, prepareDocument, SeedDocument } from '../../server/src/core';
import { describeClaim, matchesClaim, parseClaimFixture, type ClaimExpectation } from './claims-fixture-format';
import { CLAIMS_FOLDER, fixturesRoot } from './fixture-folders';
import { assertNothingLogged, recordingLogger } from './recording-logger';

const dir = join(fixturesRoot, CLAIMS_FOLDER);
// A missing folder fails here, not as an empty suite that passes.
const entries = existsSync(dir) ? readdirSync(dir).sort() : [];

describe('claim fixtures', () => {
  it('the folder exists and holds only .txt fixtures', () => {
    assert.ok(existsSync(dir), `no claim fixture folder ${dir}`);
    assert.ok(entries.length > 0, `${dir} holds no fixture`);
    assert.deepEqual(entries.filter((n) => !n.endsWith('.txt')), [], `${dir} holds only .txt fixtures (a misnamed one would never run)`);
  });

  for (const entry of entries.filter((n) => n.endsWith('.txt'))) {
    it(basename(entry, '.txt'), () => {
      const fixture = parseClaimFixture(join(dir, entry));
      const problems: string[] = [];
      const settings = normalizeSettings(fixture.settings, problems);
      assert.deepEqual(problems, [], 'fixture settings are valid');
      const logger = recordingLogger();
      const { claims } = prepareDocument(new SeedDocument(entry, fixture.text), settings, logger);
      assertNothingLogged(logger, 'claim extraction');
      const unmatched = [...claims];
      const missing: ClaimExpectation[] = [];
      for (const e of fixture.expect) {
        const k = unmatched.findIndex((c) => matchesClaim(c, e));
        if (k < 0) missing.push(e);
        else unmatched.splice(k, 1);
      }
      const report = [
        ...missing.map((e) => `missing:    line ${e.line}: {claim ${e.event} ${e.subject} ${e.qualifier} ${e.value}${e.scope !== undefined ? ` scope=${e.scope ?? '-'}` : ''}}`),
        ...unmatched.map((c) => `unexpected: ${describeClaim(c)}`),
      ];
      assert.deepEqual(report, [], `${entry}\n${report.join('\n')}\n\nall claims:\n${claims.map(describeClaim).join('\n')}`);
    });
  }
});
