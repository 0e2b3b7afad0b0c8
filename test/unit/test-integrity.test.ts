/**
 * Tests of the tests and of the rules' metadata: fixture markers say what
 * they mean and refuse what they cannot check, rules that produce fixes say
 * so, and a fixed corpus offers no more fixes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeSettings, RULES, SeedDocument, type Claim, type Finding } from '../../server/src/core';
import { findRule } from '../../server/src/core/rules';
import { NATIONAL, type Scope } from '../../server/src/core/claims';
import { claimExpectation, matchesClaim } from './claims-fixture-format';
import { allFindings, fixableAfterFix, testCorpora, type TestCorpus } from './fix-corpora';
import { ruleExpectation, matchesFinding } from './fixture-format';
import { parseMarkedFixture, type MarkedFixture } from './fixture-markers';
import { assertNothingLogged, recordingLogger } from './recording-logger';

const parse = (raw: string): MarkedFixture => parseMarkedFixture(raw, 'inline.txt');

describe('fixture markers', () => {
  it('are not part of the document; the text before them is kept exactly, trailing spaces included', () => {
    const f = parse('one   {digits/western "1"} {# why}\n {boilerplate/blank-lines}\nthree\n<<< settings {"digits.targetStyle": "eastern"}\n');
    assert.equal(f.text, 'one  \n\nthree');
    assert.deepEqual(f.settings, { 'digits.targetStyle': 'eastern' });
    assert.deepEqual(
      f.markers.map((m) => [m.line, m.id]),
      [[1, 'digits/western'], [1, '#'], [2, 'boilerplate/blank-lines']],
    );
  });

  it('leave braces that do not start a marker to the document', () => {
    const f = parse('push({}); x = { a: 1 } {b} {3}\n');
    assert.equal(f.text, 'push({}); x = { a: 1 } {b} {3}');
    assert.deepEqual(f.markers, []);
  });

  it('keep the document\'s own line breaks, and a last empty line makes it end in one', () => {
    assert.equal(parse('a\r\nb {claim killed people exact 2}\n\n').text, 'a\r\nb\n');
    assert.equal(parse('a\nb').text, 'a\nb');
  });

  it('are errors when they cannot be read, never document text', () => {
    assert.throws(() => parse('x {digits/western "1"} trailing\n'), /text after a marker/);
    assert.throws(() => parse('x {digits/western "1\n'), /unclosed/);
    assert.throws(() => parse('x {claim killed people exact 2\n'), /unclosed marker/);
    assert.throws(() => parse('x\n<<< expect\n1 digits/western\n'), /markers on their line now/);
    assert.throws(() => parse('x\n<<< sttings {}\n'), /cannot read/);
  });

  it('state the covered text, fix, related locations and data of a finding', () => {
    const [m] = parse('x {figures/conflict "7 شرطيين" => "" related=c.txt:1 related=b.txt:2 data.quantity="killed/police" data.total=2}').markers;
    assert.deepEqual(ruleExpectation(m), {
      line: 1,
      rule: 'figures/conflict',
      text: '7 شرطيين',
      replacement: '',
      related: ['b.txt:2', 'c.txt:1'],
      data: { quantity: 'killed/police', total: 2 },
    });
    assert.throws(() => ruleExpectation(parse('x {figures/conflict related=b.txt}').markers[0]), /not <file>:<line>/);
    assert.throws(() => ruleExpectation(parse('x {figures/conflict scope=national}').markers[0]), /cannot read "scope=national"/);
  });

  it('match a finding only when every stated part holds', () => {
    const doc = new SeedDocument('a/x.txt', 'قتل 7 شرطيين');
    const finding: Finding = {
      rule: 'figures/conflict',
      severity: 'warning',
      message: '',
      range: doc.range(4, 12),
      related: [{ uri: 'a/b.txt', range: doc.range(0, 1), message: '' }],
      data: { quantity: 'killed/police' },
    };
    const nameOf = (uri: string) => uri.slice(2);
    const check = (marker: string) => matchesFinding(doc, finding, ruleExpectation(parse(`قتل 7 شرطيين ${marker}`).markers[0]), nameOf);
    assert.ok(check('{figures/conflict "7 شرطيين" related=b.txt:1 data.quantity=killed/police}'));
    assert.ok(!check('{figures/conflict related=c.txt:1}'));
    assert.ok(!check('{figures/conflict related=b.txt:1 related=c.txt:1}'));
    assert.ok(!check('{figures/conflict related=-}'));
    assert.ok(!check('{figures/conflict data.quantity=killed/people}'));
    assert.ok(!check('{figures/conflict "7"}'));
  });

  it('state and check a claim\'s scope, kind, unit and vagueness', () => {
    const claim = (scope: Scope | null, more: Partial<Claim> = {}): Claim => ({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      text: '', event: 'arrested', subject: 'people', qualifier: 'exact', value: 103, low: 103, high: 103,
      source: null, date: null, scope, figureStart: 0, figureEnd: 1, kind: 'count', unit: null, vague: false, ...more,
    });
    const local: Scope = { kind: 'local', place: 'الماتي' };
    const e = (fields: string) => claimExpectation(parse(`x {claim arrested people exact 103 ${fields}}`).markers[0]);
    assert.ok(matchesClaim(claim(local), e('scope=local:الماتي')));
    assert.ok(!matchesClaim(claim(NATIONAL), e('scope=local:الماتي')));
    assert.ok(!matchesClaim(claim(local), e('scope=-')));
    assert.ok(matchesClaim(claim(null), e('scope=-')));
    assert.ok(matchesClaim(claim(NATIONAL), e('')), 'a scope left out is not checked');
    assert.throws(() => e('scope=city'), /not national, local:<place> or -/);
    assert.ok(matchesClaim(claim(null), e('kind=count unit=- vague=false')));
    assert.ok(!matchesClaim(claim(null), e('kind=money')));
    assert.ok(!matchesClaim(claim(null), e('unit=USD')));
    assert.ok(!matchesClaim(claim(null), e('vague=true')));
    assert.ok(matchesClaim(claim(null, { vague: true }), e('vague=true')));
    assert.throws(() => e('vague=maybe'), /not true or false/);
  });
});

/** Every corpus under each digit target style: the digits fixes depend on it. */
function corpusVariants(): TestCorpus[] {
  return testCorpora().flatMap((c) =>
    (['western', 'eastern', 'majority'] as const).map((style) => ({
      ...c,
      name: `${c.name} (${style})`,
      settings: { ...c.settings, digitsTargetStyle: style },
    })),
  );
}

describe('fixable rules', () => {
  const corpora = corpusVariants();

  it('every rule whose findings carry a fix is marked fixable (fix passes run only fixable rules)', () => {
    const logger = recordingLogger();
    const unmarked = new Map<string, string>();
    const fixing = new Set<string>();
    for (const c of corpora) {
      for (const f of allFindings(c, logger)) {
        if (!f.fix) continue;
        fixing.add(f.rule);
        if (!findRule(f.rule)?.fixable && !unmarked.has(f.rule)) unmarked.set(f.rule, `${f.rule} (${c.name}, line ${f.range.start.line + 1})`);
      }
    }
    assertNothingLogged(logger, 'analysing the corpora');
    assert.deepEqual([...unmarked.values()], [], 'rules that produce fixes but are not marked fixable');
    // The other way round: a rule marked fixable that never fixes anything here has stale metadata or no fixture.
    assert.deepEqual(RULES.filter((r) => r.fixable && !fixing.has(r.id)).map((r) => r.id), [], 'fixable rules no fixture sees fixing');
  });

  it('the corpora under test are the seeds and every fixture', () => {
    const names = testCorpora().map((c) => c.name);
    assert.ok(names.includes('seeds/') && names.includes('boilerplate/corpus') && names.includes('claims/casualties.txt'), names.join(', '));
  });

  for (const corpus of corpora) {
    it(`fixing then checking again leaves nothing fixable: ${corpus.name}`, () => {
      const logger = recordingLogger();
      const left = fixableAfterFix(corpus, logger);
      assertNothingLogged(logger, 'fixing');
      assert.deepEqual(left.map((l) => `${l.uri}:${l.line} ${l.rule} «${l.text}»`), []);
    });
  }
});

/**
 * Cases a fast-check search over corpora recombined from seed and fixture
 * lines found (about 1 input in 300): a fix changes a corpus fact that the
 * fix itself decided against (every document is fixed against the corpus
 * before any fix), so checking again finds new fixable lines. A second `fix`
 * removes them. Changing that changes `check` output; left to a later issue.
 */
describe('fixing then checking again: known cases that leave fixes', () => {
  const left = (texts: string[], raw: Record<string, unknown> = {}) =>
    fixableAfterFix({ name: 'case', docs: texts.map((text, i) => ({ uri: `doc-${i}.txt`, text })), settings: normalizeSettings(raw) }, recordingLogger()).map(
      (l) => `${l.uri}:${l.line} ${l.rule}`,
    );
  const title = 'رئيس كازاخستان يرفض التفاوض مع المحتجين';
  const body = 'وقالت السلطات إن الوضع بات تحت السيطرة في جميع المناطق.';

  it(
    'a fix that uncovers a title makes the same line in another document a teaser',
    { todo: 'boilerplate/teaser: doc-1 loses its first line <div class="related"> (markup), its title becomes the headline, and doc-0:2 repeats it: a teaser only after the fix' },
    () => assert.deepEqual(left([`${body}\n${title}`, `<div class="related">\n${title}`]), []),
  );

  it(
    'deleting a boilerplate line flips the digit majority (majority style, digits/eastern-arabic off)',
    { todo: 'digits/separator: the URL line (scraper-debris) holds the Western digits that keep the majority from being Eastern; once deleted, the majority is Eastern and "١,٦٧٨" needs the Arabic thousands separator' },
    () =>
      assert.deepEqual(
        left([`تم إعتقال ١,٦٧٨ شخصًا آخر، خلال الـ ٢٤ ساعة الماضية، وتم فتح أكثر من ٣٠٠ تحقيق جنائي.\nhttps://example.com/news/2022/01/07/kazakhstan`], {
          digits: { targetStyle: 'majority' },
          rules: { 'digits/eastern-arabic': 'off' },
        }),
        [],
      ),
  );
});
