/**
 * Which folders of test/fixtures/ hold fixtures. A missing or misnamed
 * folder is a problem to report, not a family to skip: skipping one let a
 * whole family's fixtures stop running without any test failing.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FAMILIES, type Family } from '../../server/src/core';
import { rulesOf } from '../../server/src/core/rules';

export const fixturesRoot = join(__dirname, '..', 'fixtures');
/** Claim fixtures: claims-fixtures.test.ts runs them. */
export const CLAIMS_FOLDER = 'claims';

export interface FixtureFolders {
  families: { family: Family; dir: string }[];
  problems: string[];
}

export function fixtureFolders(root = fixturesRoot): FixtureFolders {
  const problems: string[] = [];
  const families: { family: Family; dir: string }[] = [];
  const withRules = FAMILIES.filter((f) => rulesOf(f).length > 0);
  for (const family of withRules) {
    const dir = join(root, family);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) problems.push(`no fixture folder ${dir} for the ${family} rules`);
    else if (readdirSync(dir).length === 0) problems.push(`${dir} holds no fixture`);
    else families.push({ family, dir });
  }
  const known = new Set<string>([...withRules, CLAIMS_FOLDER]);
  for (const entry of existsSync(root) ? readdirSync(root) : []) {
    if (!known.has(entry) && statSync(join(root, entry)).isDirectory()) problems.push(`${join(root, entry)} is neither a family with rules nor ${CLAIMS_FOLDER}/: its fixtures would never run`);
  }
  if (!existsSync(join(root, CLAIMS_FOLDER))) problems.push(`no claim fixture folder ${join(root, CLAIMS_FOLDER)}`);
  return { families, problems };
}
