// Time facts of claims: the weekday of an undated document, dated against its story; counts recalled as earlier; how an event's counts move.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prepareDocument, SeedDocument } from '../../server/src/core';
import { storyDay, storySpan } from '../../server/src/core/claims/dates';

const claimsOf = (text: string) => prepareDocument(new SeedDocument('a', text)).claims;
const one = (text: string, value: number) => {
  const c = claimsOf(text).find((x) => x.value === value);
  assert.ok(c, `no claim of ${value} in ${text}`);
  return c;
};

describe('weekdays of documents with no explicit date', () => {
  it('are dated against the dated documents of the story: the occurrence nearest the middle of their span', () => {
    // Seeds: 003 is dated Wednesday 5 January 2022; "اليوم الجمعة" in 000 is Friday the 7th.
    assert.equal(storyDay(5, storySpan(['2022-01-05'])), '2022-01-07');
    assert.equal(storyDay(5, storySpan(['2022-01-06', null, '2022-01-07'])), '2022-01-07');
    assert.equal(storyDay(1, storySpan(['2018-03-25', '2018-03-29'])), '2018-03-26');
    // Over more than a week the weekday could be either of two days; no dated document, no day.
    assert.equal(storyDay(5, storySpan(['2022-01-05', '2022-01-20'])), null);
    assert.equal(storyDay(5, storySpan([null])), null);
  });

  it('a claim keeps its sentence\'s weekday, else the reading weekday: the first plain weekday of the document, moved by "today"', () => {
    const own = one('قالت الوزارة اليوم الجمعة إن 18 شرطيا قتلوا.', 18);
    assert.equal(own.date, null);
    assert.equal(own.weekday, 5);
    const text = 'وأعلنت وزارة الداخلية مقتل 7 من أفراد الشرطة.\nاندلعت الاحتجاجات الأحد الماضي.\nوحذر الوزير الجمعة من الفوضى.\nوقال المسؤول اليوم السبت إن 20 شرطيا أصيبوا.\nوأصيب 30 مدنيا.';
    assert.equal(one(text, 7).weekday, 5, '"الأحد الماضي" is no reporting day: the first plain weekday is Friday');
    assert.equal(one(text, 30).weekday, 6, '"اليوم السبت" moves the reading weekday');
  });

  it('a dated document dates its claims and keeps no weekday', () => {
    const c = one('وفي 6 يناير 2022 قال المسؤول الجمعة إن 18 شرطيا قتلوا.', 18);
    assert.equal(c.weekday ?? null, null);
    assert.ok(c.date);
  });
});

describe('counts recalled as earlier', () => {
  it('a marker before the figure in its clause, one after it, or كان … قد', () => {
    assert.equal(one('وكانت حصيلة سابقة أشارت إلى مقتل 37 شخصاً.', 37).earlier, true);
    assert.equal(one('وكان 30 شخصا على الأقل قد لقوا مصرعهم الثلاثاء.', 30).earlier, true);
    assert.equal(one('ونقلت الوكالة عن هيئة التحقيق في وقت سابق أن عدد الضحايا بلغ 48 شخصا، قبل الإعلان عن زيادة الرقم.', 48).earlier, true);
    assert.equal(one('وكانت السلطات قد أعلنت مقتل 16 شخصا.', 16).earlier, true);
  });

  it('not the document\'s own counts, nor a clause the marker is not in', () => {
    assert.equal(one('قتل ما لا يقل عن 53 شخصاً في الحريق.', 53).earlier ?? false, false);
    assert.equal(one('وكان على متنها 104 ركاب.', 104).earlier ?? false, false);
    const text = 'وأعلنت الوزارة في وقت سابق مقتل 16 شخصا، وقالت اليوم إن 18 شخصا قتلوا.';
    assert.equal(one(text, 16).earlier, true);
    assert.equal(one(text, 18).earlier ?? false, false);
  });
});

describe('how an event\'s counts move over time (lexicon data)', () => {
  it('tolls grow, the missing vary, people on board stay', () => {
    assert.equal(one('قتل 53 شخصا.', 53).change, 'grows');
    assert.equal(one('ولا يزال 16 شخصا في عداد المفقودين.', 16).change, 'varies');
    assert.equal(one('وكان على متنها 104 ركاب.', 104).change, 'static');
  });
});
