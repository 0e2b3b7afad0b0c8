import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeDocument, fixableOnSave, normalizeSettings, prepareDocument, RULES, SeedDocument, type Finding } from '../../server/src/core';
import { singleDocumentCorpus } from '../../server/src/core/corpus';
import { lineRule } from '../../server/src/core/rules/boilerplate/lineRule';
import { digitRule } from '../../server/src/core/rules/digits/digitRule';
import type { Rule } from '../../server/src/core/rules/rule';

const RULES_DIR = join(__dirname, '..', '..', 'server', 'src', 'core', 'rules');

/** Modules a family's rules share: everything else under `rules/<family>/` is one rule. */
const SHARED: Record<string, string[]> = {
  boilerplate: ['agencies', 'edits', 'lexicon', 'lineRule', 'lineText', 'lineView', 'pagePhrases', 'telltales'],
  digits: ['digitRule'],
  figures: ['analysis'],
};

function ruleModules(): { id: string; rule: Rule }[] {
  return Object.keys(SHARED).flatMap((family) =>
    readdirSync(join(RULES_DIR, family))
      .filter((f) => f.endsWith('.ts') && !SHARED[family].includes(f.slice(0, -3)))
      .map((f) => ({ id: `${family}/${f.slice(0, -3)}`, rule: (require(join(RULES_DIR, family, f)) as { rule: Rule }).rule })),
  );
}

function analyse(text: string, settings: Record<string, unknown>, families: ('boilerplate' | 'digits')[]): Finding[] {
  const prepared = prepareDocument(new SeedDocument('doc.txt', text));
  return analyzeDocument(prepared, singleDocumentCorpus(prepared.summary), normalizeSettings(settings), { families }).findings;
}

describe('rule modules', () => {
  it('every file of a family folder is a rule module exporting its metadata and a function, and the registry lists each once', () => {
    const modules = ruleModules();
    for (const { id, rule } of modules) {
      assert.equal(rule.id, id, `${id}: the id is the file's path`);
      assert.equal(rule.family, id.split('/')[0]);
      assert.ok(rule.description.length > 20 && rule.tags.length > 0, `${id}: description and tags`);
      assert.ok(['error', 'warning', 'information', 'hint'].includes(rule.defaultSeverity), id);
      assert.equal(typeof rule.check, 'function', id);
      assert.ok(RULES.includes(rule), `${id} is in the registry`);
    }
    assert.deepEqual([...RULES.map((r) => r.id)].sort(), modules.map((m) => m.id).sort());
    assert.equal(new Set(RULES.map((r) => r.id)).size, RULES.length);
  });

  it('every boilerplate rule but blank-lines is a line rule with a detector, every digits rule declares its problem', () => {
    for (const rule of RULES) {
      const own = rule as Rule & { detect?: unknown; problem?: unknown; also?: unknown; explain?: unknown };
      if (rule.family === 'boilerplate' && rule.id !== 'boilerplate/blank-lines') assert.equal(typeof own.detect, 'function', rule.id);
      if (rule.family === 'digits') {
        assert.equal(typeof own.problem, 'function', rule.id);
        assert.equal(typeof own.explain, 'function', rule.id);
        assert.equal(typeof own.also, 'string', rule.id);
      }
    }
  });

  it('a line or digits rule warns unless it states another severity', () => {
    const spec = { description: 'a rule for this test only', tags: ['test'] };
    assert.equal(lineRule({ ...spec, id: 'boilerplate/x', detect: () => undefined }).defaultSeverity, 'warning');
    assert.equal(lineRule({ ...spec, id: 'boilerplate/x', defaultSeverity: 'hint', detect: () => undefined }).defaultSeverity, 'hint');
    assert.equal(digitRule({ ...spec, id: 'digits/x', problem: () => false, also: '', explain: () => '' }).defaultSeverity, 'warning');
    assert.equal(digitRule({ ...spec, id: 'digits/x', defaultSeverity: 'error', problem: () => false, also: '', explain: () => '' }).defaultSeverity, 'error');
  });

  it('rules whose fixes delete text run on save only when their setting says so', () => {
    for (const rule of RULES) assert.equal(rule.fixOnSave !== undefined, rule.destructive === true, rule.id);
    const text = 'عنوان الخبر في سطر\n\nقال مسؤول إن ٢,٠٠٠ شخص حضروا الاجتماع في المدينة أمس وفق ما أعلنته السلطات المحلية.\n\nاقرأ أيضا\n';
    const findings = analyse(text, { digits: { targetStyle: 'western' } }, ['boilerplate', 'digits']);
    assert.ok(findings.some((f) => f.rule.startsWith('boilerplate/')) && findings.some((f) => f.rule.startsWith('digits/')));
    const onSave = (fixOnSave: boolean) => fixableOnSave(findings, normalizeSettings({ boilerplate: { fixOnSave } })).map((f) => f.rule.split('/')[0]);
    assert.deepEqual([...new Set(onSave(false))], ['digits']);
    assert.deepEqual([...new Set(onSave(true))].sort(), ['boilerplate', 'digits']);
  });
});

/**
 * The rules that report the one finding `find` gives, in turn: each owner
 * is turned off, and the thing goes to the next, until none is left.
 */
function ownersInTurn(find: (off: Record<string, string>) => Finding[]): string[] {
  const off: Record<string, string> = {};
  const owners: string[] = [];
  for (let findings = find(off); findings.length; findings = find(off)) {
    assert.equal(findings.length, 1);
    owners.push(findings[0].rule);
    off[findings[0].rule] = 'off';
  }
  return owners;
}

describe('the registry order is the order the families judge in', () => {
  it('a number with several problems goes to the first enabled digits rule in registry order, then to the next', () => {
    // "۲٬000": Persian and Western digits mixed, with an Arabic thousands separator, read for an Eastern corpus.
    const owners = ownersInTurn((off) => analyse('بلغ العدد ۲٬000 شخص.\n', { digits: { targetStyle: 'eastern' }, rules: off }, ['digits']));
    assert.ok(owners.length >= 3, owners.join(' '));
    assert.deepEqual(owners, RULES.map((r) => r.id).filter((id) => owners.includes(id)), 'owners come in registry order');
  });

  it('a line several boilerplate rules claim goes to the first enabled in registry order, then to the next', () => {
    // A photo credit that is also an agency list, a user pattern and a line repeated right after itself.
    const text = 'عنوان الخبر في سطر\n\nقال مسؤول إن الاجتماع عقد في المدينة أمس وفق ما أعلنته السلطات المحلية في بيان رسمي صدر عنها.\n\nتصوير: رويترز\nتصوير: رويترز\n\nقال مسؤول آخر إن الاجتماع سيستأنف غدا في المدينة نفسها بحضور ممثلين عن كل الأطراف المعنية.\n';
    const owners = ownersInTurn((off) => analyse(text, { boilerplate: { patterns: ['^تصوير'] }, rules: off }, ['boilerplate']).filter((f) => f.range.start.line === 5));
    assert.ok(owners.length >= 3, owners.join(' '));
    assert.deepEqual(owners, RULES.map((r) => r.id).filter((id) => owners.includes(id)), 'owners come in registry order');
  });
});
