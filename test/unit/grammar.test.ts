/**
 * The TextMate grammar's patterns, checked on real seed lines. The patterns
 * use only syntax that JavaScript and Oniguruma read alike, so JS RegExp is
 * a faithful stand-in here.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const grammar = JSON.parse(readFileSync(join(__dirname, '..', '..', 'syntaxes', 'seed.tmLanguage.json'), 'utf8'));
const repo = grammar.repository;
const re = (source: string) => new RegExp(source, 'u');
const matchAll = (source: string, text: string) => [...text.matchAll(new RegExp(source, 'gu'))].map((m) => m[0]);

describe('seed grammar', () => {
  it('declares the seed scope and includes every repository entry', () => {
    assert.equal(grammar.scopeName, 'text.seed');
    for (const key of Object.keys(repo)) assert.ok(grammar.patterns.some((p: { include: string }) => p.include === `#${key}`), key);
  });

  it('scopes numbers in Western, Eastern and Persian digits with separators and percent', () => {
    const [eastern, western] = repo.number.patterns.map((p: { match: string }) => p.match);
    assert.deepEqual(matchAll(eastern, 'أكثر من ٢,٠٠٠ شخص و ٪٩٥ و ۴۵'), ['٢,٠٠٠', '٪٩٥', '۴۵']);
    assert.deepEqual(matchAll(western, 'قائلاً إن “20.000 من و 95% في 2022'), ['20.000', '95%', '2022']);
  });

  it('scopes likely headings and not sentences', () => {
    const heading = re(repo.heading.match);
    for (const line of ['عنف ونهب وشغب', 'تيمور كولباييڤ', 'الموقف الدولي', 'المظاهرات تجتاح مدن كازاخستان']) assert.ok(heading.test(line), line);
    for (const line of ['ومع ذلك، وردت أنباء عن إطلاق نار جديد في المدينة.', 'وقالت السلطات الحكومية :-', 'end of list appears here in a much longer sentence that keeps going on and on.']) {
      assert.ok(!heading.test(line), line);
    }
  });

  it('scopes shortcodes and markup as debris', () => {
    const seed002 = readFileSync(join(__dirname, '..', '..', 'seeds', '002_37b114798e9ddd23.txt'), 'utf8').split('\n');
    assert.ok(re(repo.shortcode.match).test(seed002[30]));
    assert.ok(!re(repo.shortcode.match).test(seed002[0]));
    assert.deepEqual(matchAll(repo.markup.patterns[0].match, 'نص <p class="x">و</p> نص'), ['<p class="x">', '</p>']);
  });

  it('scopes quotations in the corpus styles', () => {
    assert.deepEqual(repo.quotation.patterns.map((p: { begin: string }) => p.begin).slice(0, 2), ['“', '«']);
  });
});
