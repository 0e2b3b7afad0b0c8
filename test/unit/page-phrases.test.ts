import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { normalizeSettings, SeedDocument } from '../../server/src/core';
import { lineProfile } from '../../server/src/core/lines';
import { pagePhraseData } from '../../server/src/core/rules/boilerplate/lexicon';
import { LineView } from '../../server/src/core/rules/boilerplate/lineView';
import { PAGE_PHRASES, PagePhrases } from '../../server/src/core/rules/boilerplate/pagePhrases';
import type { RuleContext } from '../../server/src/core/rules/rule';

const SEEDS = join(__dirname, '..', '..', 'seeds');

function view(text: string): LineView {
  return new LineView({ doc: new SeedDocument('doc.txt', text), settings: normalizeSettings({}) } as RuleContext);
}

/** What the phrases say of the document's first line: a notice, a prompt, or nothing. */
function judge(phrases: PagePhrases, text: string): string | undefined {
  const v = view(text);
  const found = phrases.scan(v, 0);
  return phrases.notice(v, 0, found) ?? (phrases.prompt(v, 0, found) ? 'prompt' : undefined);
}

// None of these holds a word of the hint lists the prefilter used to hard-code
// (ارتباط كوكيز cookie تعبر يعبر تعكس يعكس الآراء مسؤول محفوظة reflect "rights reserved" يعلق تعليق اضغط انقر تابعونا اشترك click follow).
const COOKIE_LINE = 'نستخدم ملفات التتبع لتحسين تجربتك على موقعنا';
const DISCLAIMER_LINE = 'هذا المحتوى برعاية شركة إعلانات ولا علاقة للتحرير به';
const PROMPT_LINE = 'شاركنا رأيك في التعليقات أدناه';

describe('phrases found anywhere in a line', () => {
  it('a phrase added only to the data is found: the prefilter is derived from it', () => {
    const data = pagePhraseData();
    const added = new PagePhrases({
      ...data,
      cookieTerms: [...data.cookieTerms, 'ملفات التتبع'],
      disclaimers: [...data.disclaimers, 'هذا المحتوى برعاية'],
      contains: [...data.contains, 'شاركنا رأيك'],
    });
    assert.equal(judge(added, COOKIE_LINE), 'cookie notice: part of the web page, not article text');
    assert.equal(judge(added, DISCLAIMER_LINE), 'site disclaimer or rights notice: part of the web page, not article text');
    assert.equal(judge(added, PROMPT_LINE), 'prompt');
    for (const line of [COOKIE_LINE, DISCLAIMER_LINE, PROMPT_LINE]) assert.equal(judge(PAGE_PHRASES, line), undefined, line);
  });

  it('finds a phrase through diacritics, tatweel and hamza forms, as the look-up does', () => {
    assert.equal(judge(PAGE_PHRASES, 'جميـع الحُقوق محفوظه لموقعنا'), 'site disclaimer or rights notice: part of the web page, not article text');
    assert.equal(judge(PAGE_PHRASES, 'نحن نستخدم ملفات تعريف الإرتباط لتحسين تجربتك'), 'cookie notice: part of the web page, not article text');
  });

  it('finds a phrase whose words end at punctuation, a mark or the line end: the runs are word endings', () => {
    for (const line of ['اضغط هنا', 'اضغط هنا.', '«اضغط» هنا!', 'اضغطْ هنا', 'اضغط هنا\u061cالآن', 'جميع الحقوق محفوظة©'])
      assert.ok(judge(PAGE_PHRASES, line), line);
    for (const line of ['اضغط هناك', 'الاضغط هنا']) assert.equal(judge(PAGE_PHRASES, line), undefined, line);
  });

  it('the line profile marks, in its one pass, exactly the lines a scan of each line finds', () => {
    let marked = 0;
    for (const name of readdirSync(SEEDS).filter((n) => n.endsWith('.txt'))) {
      const text = readFileSync(join(SEEDS, name), 'utf8') + `\n${COOKIE_LINE}\nجميع الحقوق محفوظة\nاضغط هنا للمزيد\n`;
      const p = lineProfile(new SeedDocument(name, text));
      assert.equal(p.runs, PAGE_PHRASES.telltales, 'the profile looks for the shipped runs');
      for (let line = 0; line <= p.lastRealLine; line++) {
        assert.equal(p.runGroups[line], PAGE_PHRASES.telltales.scan(text, p.contentStart[line], p.contentEnd[line]), `${name}:${line + 1}`);
        if (p.runGroups[line]) marked++;
      }
    }
    assert.ok(marked > 0);
  });
});
