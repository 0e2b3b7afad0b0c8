/** The claims lexicon as data (validation, merging, settings) and the interval conventions. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  claimLabel,
  lexiconFor,
  normalizeSettings,
  prepareDocument,
  quantityKey,
  SeedDocument,
  type Claim,
} from '../../server/src/core';
import { claimInterval, DEFAULT_LEXICON_DATA, mergeLexicon, tolerance, validateUserLexicon } from '../../server/src/core/claims';

describe('claims lexicon', () => {
  it('keeps what is well-formed in a user lexicon and says what it dropped', () => {
    const problems: string[] = [];
    const user = validateUserLexicon(
      {
        events: { sentenced: ['حكم*'], Bad: ['x'], seized: { label: 'مصادرة', triggers: ['صادر*', 42], colour: 'red' } },
        subjects: { journalists: { words: ['مدون*'], weak: ['كاتب'] } },
        qualifiers: { about: { before: ['ما يناهز'] }, roughly: ['x'] },
        attribution: { verbs: ['صرح*'], shout: ['x'] },
        others: 'آخرين',
        contexts: [{ words: ['الكوليرا'], event: 'injured', becomes: 'infected' }, { words: [] }],
        duals: { forms: ['مدون'] },
        extra: true,
        ignore: ['ق*'],
      },
      problems,
    );
    assert.deepEqual(Object.keys(user.events!), ['sentenced', 'seized']);
    assert.deepEqual(user.events!.seized, { label: 'مصادرة', triggers: ['صادر*'] });
    assert.deepEqual(user.subjects!.journalists, { words: ['مدون*'], weak: ['كاتب'] });
    assert.deepEqual(user.qualifiers, { about: { before: ['ما يناهز'], after: undefined } });
    assert.deepEqual(user.attribution, { verbs: ['صرح*'] });
    assert.equal(user.others, undefined);
    assert.equal(user.contexts!.length, 1);
    assert.deepEqual(user.ignore, []);
    // Bad id, non-string trigger, unknown key in an event, unknown qualifier, unknown attribution key,
    // non-list others, bad context, unknown top-level key, star on a too-short stem.
    assert.equal(problems.length, 9, problems.join('\n'));
    assert.ok(problems.every((p) => p.startsWith('corpusLens.claims.lexicon')));
  });

  it('rejects a lexicon that is not an object', () => {
    const problems: string[] = [];
    assert.deepEqual(validateUserLexicon(['x'], problems), {});
    assert.equal(problems.length, 1);
    assert.deepEqual(validateUserLexicon(undefined), {});
  });

  it('merges user additions into the defaults without losing any', () => {
    const merged = mergeLexicon(DEFAULT_LEXICON_DATA, { events: { killed: { triggers: ['نحر*'] }, quarantined: { label: 'حجر', triggers: ['حجر*'] } } });
    assert.ok(merged.events.killed.triggers.includes('قتل*'));
    assert.ok(merged.events.killed.triggers.includes('نحر*'));
    assert.equal(merged.events.killed.label, DEFAULT_LEXICON_DATA.events.killed.label);
    assert.deepEqual(merged.events.quarantined, { label: 'حجر', triggers: ['حجر*'] });
    assert.equal(Object.keys(merged.subjects).length, Object.keys(DEFAULT_LEXICON_DATA.subjects).length);
  });

  it('reads the lexicon from settings (dotted or nested) and uses it', () => {
    const text = 'وحكمت المحكمة على 40 متهما بالسجن.';
    assert.deepEqual(prepareDocument(new SeedDocument('a', text)).claims, []);
    for (const raw of [{ 'claims.lexicon': { events: { sentenced: ['حكم*'] } } }, { claims: { lexicon: { events: { sentenced: ['حكم*'] } } } }]) {
      const problems: string[] = [];
      const settings = normalizeSettings(raw, problems);
      assert.deepEqual(problems, []);
      const [claim] = prepareDocument(new SeedDocument('a', text), settings).claims;
      assert.equal(quantityKey(claim), 'sentenced/suspects');
    }
    const problems: string[] = [];
    assert.deepEqual(normalizeSettings({ 'claims.lexicon': 'قتل' }, problems).claimsLexicon, {});
    assert.equal(problems.length, 1);
  });

  it('compiles a lexicon once per settings object', () => {
    const settings = normalizeSettings({ 'claims.lexicon': { events: { sentenced: ['حكم*'] } } });
    assert.equal(lexiconFor(settings.claimsLexicon), lexiconFor(settings.claimsLexicon));
    assert.equal(lexiconFor({}), lexiconFor(undefined));
  });

  it('spells every default entry so that it can match (no star on a stem under 3 letters)', () => {
    const problems: string[] = [];
    validateUserLexicon(DEFAULT_LEXICON_DATA, problems);
    assert.deepEqual(problems, []);
  });
});

describe('claim intervals', () => {
  const point = (value: number) => ({ value, low: value, high: value, vague: false });
  const TABLE: [Claim['qualifier'], ReturnType<typeof point>, number | null, number | null][] = [
    ['exact', point(18), 18, 18],
    ['more_than', point(3000), 3000, null],
    ['at_least', point(18), 18, null],
    ['about', point(4000), 3500, 4500],
    ['about', point(8000), 7200, 8800],
    ['about', point(12000), 10800, 13200],
    ['about', point(2500), 2250, 2750],
    ['about', point(400), 350, 450],
    ['about', point(20000), 16000, 24000],
    ['nearly', point(20000), 16000, 20000],
    ['less_than', point(100), 0, 100],
    ['up_to', point(100), 0, 100],
    ['about', { value: 20, low: 20, high: 99, vague: true }, 20, 99],
    ['more_than', { value: 20, low: 20, high: 99, vague: true }, 20, null],
  ];
  for (const [qualifier, figure, low, high] of TABLE) {
    it(`${qualifier} ${figure.vague ? `[${figure.low}, ${figure.high}]` : figure.value} → [${low}, ${high}]`, () => {
      assert.deepEqual(claimInterval(qualifier, figure), { low, high });
    });
  }

  it('tolerance is half the last significant unit, within 10–20 %', () => {
    assert.equal(tolerance(4000), 500);
    assert.equal(tolerance(2500), 250);
    assert.equal(tolerance(100), 20);
    assert.equal(tolerance(0), 0);
  });
});

describe('claim labels and keys', () => {
  it('names claims like the outline does', () => {
    const [claim] = prepareDocument(new SeedDocument('a', 'فقد تم اعتقال أكثر من 3000 شخص.')).claims;
    assert.equal(claimLabel(claim), 'اعتقال · أكثر من 3000 شخص');
    assert.equal(quantityKey(claim), 'arrested/people');
    const [vague] = prepareDocument(new SeedDocument('a', 'قتل عشرات المحتجين.')).claims;
    assert.equal(claimLabel(vague), 'مقتل · 20–99 متظاهر');
  });
});
