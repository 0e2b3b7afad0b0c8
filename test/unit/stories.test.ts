/** Stories: documents grouped by the incident they report, kept incrementally, and figures compared only within one. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CorpusIndex, prepareDocument, SeedDocument } from '../../server/src/core';
import { RecordingCorpus } from '../../server/src/core/corpusFacts';
import { StoryIndex } from '../../server/src/core/stories/storyIndex';
import { storyProfile } from '../../server/src/core/stories/terms';

// Filler documents on topics of their own: a corpus must be large enough (20+) for IDF to tell names from common words.
const TOPICS = ['اقتصاد الصين ونمو الصادرات', 'انتخابات البرازيل والمرشحين', 'مهرجان السينما في كان', 'أسعار النفط في الأسواق', 'كرة القدم ودوري الأبطال', 'المناخ وذوبان الجليد', 'الفضاء وإطلاق القمر الصناعي', 'التعليم والجامعات الخاصة', 'الصحة ولقاح الإنفلونزا', 'الزراعة ومحصول القمح', 'السياحة في المغرب', 'التكنولوجيا والهواتف الذكية', 'الموسيقى وحفلات الصيف', 'البنوك وأسعار الفائدة', 'المياه وسدود النيل', 'الطاقة الشمسية في الإمارات', 'الأزياء في ميلانو', 'الشطرنج وبطولة العالم', 'الروبوتات والذكاء الاصطناعي', 'الطيران المدني وتذاكر السفر'];
// Half of them say what every air-travel story says, as a real corpus does: what tells two crashes apart is their names.
const AIR = ' وقالت شركة الطيران إن الطائرة كانت تقل ركابا وطاقما في المطار بعد الإقلاع والهبوط، وأعلن الرئيس أن السلطات فتحت تحقيقا في تحطم الطائرة، وأسفر الحادث عن مقتل أشخاص.';
const filler = (k: number) => `${TOPICS[k]}\nتقرير عن ${TOPICS[k]} وما يقوله الخبراء عن ${TOPICS[k]} هذا العام.${k % 2 ? AIR : ''}`;
const HAVANA = 'تحطم طائرة ركاب من طراز بوينغ بعد إقلاعها من مطار هافانا في كوبا، وقالت شركة كوبانا إن الطائرة كانت تقل ركابا وطاقما، وأعلن الرئيس الكوبي الحداد.';
const KATHMANDU = 'تحطم طائرة ركاب تابعة لشركة يو إس بنغلا أثناء هبوطها في مطار كاتماندو في نيبال، وقالت السلطات النيبالية إن الطائرة القادمة من دكا كانت تقل ركابا وطاقما.';

function profiles(docs: Record<string, string>, dates: Record<string, string> = {}) {
  return Object.entries(docs).map(([uri, text]) => [uri, storyProfile(uri, text, [dates[uri] ?? null])] as const);
}

function corpus(extra: Record<string, string>): Record<string, string> {
  const docs: Record<string, string> = {};
  TOPICS.forEach((_, k) => (docs[`f${String(k).padStart(2, '0')}.txt`] = filler(k)));
  return { ...docs, ...extra };
}

function grouped(index: StoryIndex, uris: string[]): string[] {
  return uris.map((u) => index.storyOf(u).id);
}

describe('stories', () => {
  it('two reports of one crash are one story; another crash of the same type is another', () => {
    const index = new StoryIndex();
    const docs = corpus({ 'havana1.txt': HAVANA, 'havana2.txt': `${HAVANA} وبدأ التحقيق.`, 'nepal1.txt': KATHMANDU, 'nepal2.txt': `${KATHMANDU} وبدأ التحقيق.` });
    for (const [uri, p] of profiles(docs)) index.set(uri, p);
    assert.deepEqual(grouped(index, ['havana1.txt', 'havana2.txt', 'nepal1.txt', 'nepal2.txt', 'f00.txt']), ['havana1.txt', 'havana1.txt', 'nepal1.txt', 'nepal1.txt', 'f00.txt']);
    assert.equal(index.storyOf('havana2.txt').size, 2);
    assert.equal(index.storyOf('f00.txt').size, 1);
  });

  it('the same words weeks apart are two stories', () => {
    const index = new StoryIndex();
    const docs = corpus({ 'a.txt': HAVANA, 'b.txt': HAVANA });
    for (const [uri, p] of profiles(docs, { 'a.txt': '2018-05-18', 'b.txt': '2018-06-20' })) index.set(uri, p);
    assert.notEqual(index.storyOf('a.txt').id, index.storyOf('b.txt').id);
  });

  it('a corpus of fewer than 20 documents is one story', () => {
    const index = new StoryIndex();
    for (const [uri, p] of profiles({ 'a.txt': HAVANA, 'b.txt': KATHMANDU, 'c.txt': filler(0) })) index.set(uri, p);
    assert.deepEqual(grouped(index, ['a.txt', 'b.txt', 'c.txt']), ['a.txt', 'a.txt', 'a.txt']);
  });

  it('an edit moves a document to the story it now tells, and says whose story changed; the result is the batch one', () => {
    const index = new StoryIndex();
    const docs = corpus({ 'havana1.txt': HAVANA, 'havana2.txt': `${HAVANA} وبدأ التحقيق.`, 'nepal1.txt': KATHMANDU, 'nepal2.txt': `${KATHMANDU} وبدأ التحقيق.` });
    for (const [uri, p] of profiles(docs)) index.set(uri, p);
    index.stories();
    const moved = index.set('havana2.txt', storyProfile('havana2.txt', `${KATHMANDU} وبدأ التحقيق في الحادث.`, []));
    // It comes first in its new story, which takes its name: the others' story id changed too.
    assert.deepEqual([...moved].sort(), ['havana2.txt', 'nepal1.txt', 'nepal2.txt']);
    assert.equal(index.storyOf('nepal1.txt').id, 'havana2.txt');
    assert.equal(index.storyOf('nepal1.txt').size, 3);
    assert.equal(index.storyOf('havana1.txt').size, 1);
    // Removing the story's first document renames the story for the others.
    assert.deepEqual([...index.remove('havana2.txt')].sort(), ['nepal1.txt', 'nepal2.txt']);
    assert.equal(index.storyOf('nepal2.txt').id, 'nepal1.txt');
    const batch = new StoryIndex();
    for (const [uri, p] of profiles({ ...docs, 'havana2.txt': '' }).filter(([u]) => u !== 'havana2.txt')) batch.set(uri, p);
    // The crash reports only: other documents keep the IDF of their time (rebuilt when the corpus doubles), so theirs may differ.
    for (const uri of ['havana1.txt', 'nepal1.txt', 'nepal2.txt']) assert.deepEqual(index.storyOf(uri), batch.storyOf(uri), uri);
  });
});

describe('figures within stories', () => {
  // Dated, as a toll of two undated reports may have grown: a later, smaller toll conflicts.
  const toll = (n: number, day: number) => ` وأسفر الحادث في ${day} مارس 2018 عن مقتل ${n} شخصا.`;

  it('the same quantity in two stories is never compared; an edit that joins them re-publishes who read it', () => {
    const index = new CorpusIndex();
    const docs = corpus({ 'havana1.txt': HAVANA + toll(110, 18), 'havana2.txt': HAVANA + ' وبدأ التحقيق.' + toll(110, 18), 'nepal1.txt': KATHMANDU + toll(49, 13) });
    const prepared = Object.fromEntries(Object.entries(docs).map(([uri, text]) => [uri, prepareDocument(new SeedDocument(uri, text))]));
    for (const [uri, p] of Object.entries(prepared)) index.set(uri, p.summary);
    const nepal = index.figureReports('nepal1.txt');
    assert.equal(nepal.length, 1);
    assert.equal(index.figureVerdict(nepal[0]), undefined);
    const reading = new RecordingCorpus(index);
    for (const r of reading.figureReports('nepal1.txt')) reading.figureVerdict(r);
    // havana2 now tells the Nepal crash with a toll of its own: nepal1's figure meets it.
    const change = index.set('havana2.txt', prepareDocument(new SeedDocument('havana2.txt', `${KATHMANDU} وبدأ التحقيق.${toll(71, 12)}`)).summary);
    assert.ok(change.affects(reading.facts));
    assert.equal(index.storyOf('nepal1.txt').id, 'havana2.txt');
    assert.equal(index.figureVerdict(index.figureReports('nepal1.txt')[0])?.kind, 'conflict');
  });
});
