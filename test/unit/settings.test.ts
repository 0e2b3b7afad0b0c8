import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS, manifestProperties, normalizeSettings, RULES, SETTINGS_SCHEMA } from '../../server/src/core';

describe('settings', () => {
  it('package.json declares exactly the settings table (run `npm run sync-docs` after changing it)', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
    assert.deepEqual(manifest.contributes.configuration.properties, manifestProperties());
  });

  it('every setting has a real description', () => {
    for (const [key, spec] of Object.entries(SETTINGS_SCHEMA)) {
      assert.ok(spec.description.length >= 30, `corpusLens.${key} needs a description`);
    }
  });

  it('falls back to defaults for malformed values and says why', () => {
    const problems: string[] = [];
    const s = normalizeSettings(
      { enable: 'yes', include: [1], 'digits.targetStyle': 'roman', severity: { digits: 'loud' }, rules: { 'digits/persian': 'nope', 'digits/western': 'off' }, debounceMs: -5 },
      problems,
    );
    assert.equal(s.enable, true);
    assert.deepEqual(s.include, DEFAULT_SETTINGS.include);
    assert.equal(s.digitsTargetStyle, 'western');
    assert.equal(s.severity.digits, 'default');
    assert.deepEqual(s.rules, { 'digits/western': 'off' });
    assert.equal(s.debounceMs, 0);
    assert.equal(problems.length, 5, problems.join('\n'));
  });

  it('reads nested (editor) and dotted (.corpuslens.json) keys alike', () => {
    assert.equal(normalizeSettings({ digits: { targetStyle: 'eastern' } }).digitsTargetStyle, 'eastern');
    assert.equal(normalizeSettings({ 'digits.targetStyle': 'majority' }).digitsTargetStyle, 'majority');
  });

  it('rules have unique family-prefixed ids and real descriptions', () => {
    const ids = RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const r of RULES) {
      assert.ok(r.id.startsWith(`${r.family}/`), r.id);
      assert.ok(r.description.length >= 20, `${r.id} needs a description`);
    }
  });
});
