/**
 * The corpus workflows (check, fix) over an in-memory workspace: what the
 * CLI and the server each drive, with the host's answers (unreadable files,
 * refused writes, an edit the editor refuses, cancellation) made to order.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  analyzeDocument,
  checkCorpus,
  CorpusIndex,
  fixCorpus,
  loadCorpus,
  normalizeSettings,
  prepareDocument,
  SeedDocument,
  type ApplyOutcome,
  type FixResult,
  type FixWorkspace,
  type Settings,
  type Unreadable,
  type WorkspaceDocument,
  type WriteOutcome,
} from '../../server/src/core';

const FOOTER = 'موقع الأمل الإخباري صوت من لا صوت له';
/** Three documents sharing a footer (boilerplate/repeated-line at 3 documents), with conflicting police death tolls (a's, a day after b's, is smaller), c's in Eastern digits. */
const CORPUS: Record<string, string> = {
  'a.txt': `توكاييف يرفض الحوار مع المحتجين\nوأعلنت وزارة الداخلية يوم 7 يناير 2022 مقتل 7 من أفراد الشرطة في عملية أمنية بألماتي.\n${FOOTER}\n`,
  'b.txt': `حصيلة جديدة لضحايا الاحتجاجات في كازاخستان\nوأفادت الشرطة يوم 6 يناير 2022 بسقوط 18 قتيلا في صفوفها.\n${FOOTER}\n`,
  'c.txt': `روسيا تعلن انتهاء مهمة قواتها في كازاخستان\nوقالت السلطات إن ١٨ شرطيا قتلوا في الاشتباكات.\n${FOOTER}\n`,
};
const FIXED: Record<string, string> = {
  'a.txt': CORPUS['a.txt'].replace(`${FOOTER}\n`, ''),
  'b.txt': CORPUS['b.txt'].replace(`${FOOTER}\n`, ''),
  'c.txt': CORPUS['c.txt'].replace(`${FOOTER}\n`, '').replace('١٨', '18'),
};

/**
 * Files in a map. Writes are final, or staged until `apply` when `staged`;
 * a write is refused when the file changed since it was read (as the CLI's
 * `writeAtomic` does) or is named in `failing`.
 */
class MemoryWorkspace implements FixWorkspace<string, WorkspaceDocument> {
  readonly files: Map<string, string>;
  readonly token = { isCancellationRequested: false };
  readonly log: string[] = [];
  readonly failing = new Set<string>();
  refuseApply = false;
  private readonly stagedWrites = new Map<string, string>();
  apply?: () => Promise<ApplyOutcome>;
  /** Called after each write (to change a file or cancel half way). */
  afterWrite: (uri: string) => void = () => {};
  readonly progress = {
    report: (done: number, total: number) => this.log.push(`progress ${done}/${total}`),
    end: () => this.log.push('end'),
  };

  constructor(
    files: Record<string, string>,
    private readonly config: Settings = normalizeSettings({}),
    staged = false,
  ) {
    this.files = new Map(Object.entries(files));
    if (staged) this.apply = () => this.applyStaged();
  }

  list(): string[] {
    return [...this.files.keys()];
  }

  async read(uri: string): Promise<WorkspaceDocument | Unreadable> {
    this.log.push(`read ${uri}`);
    const text = this.files.get(uri)!;
    return text.startsWith('!') ? { unreadable: true, problem: `${uri}: unreadable` } : { uri, text, version: 1 };
  }

  settings(): Settings {
    return this.config;
  }

  async write(doc: WorkspaceDocument, fixed: FixResult, before: SeedDocument): Promise<WriteOutcome> {
    assert.equal(before.text, doc.text);
    this.log.push(`write ${doc.uri}${fixed.edits ? ` (${fixed.edits.length} planned edits)` : ''}`);
    try {
      if (this.failing.has(doc.uri)) return { written: false, problems: [`${doc.uri}: disk full`] };
      if (this.files.get(doc.uri) !== doc.text) return { written: false, problems: [`${doc.uri}: changed since it was read`] };
      if (this.apply) this.stagedWrites.set(doc.uri, fixed.prepared.doc.text);
      else this.files.set(doc.uri, fixed.prepared.doc.text);
      return { written: true };
    } finally {
      this.afterWrite(doc.uri);
    }
  }

  private async applyStaged(): Promise<ApplyOutcome> {
    this.log.push('apply');
    if (this.refuseApply) return { applied: false, problem: 'the editor did not apply the edit' };
    for (const [uri, text] of this.stagedWrites) this.files.set(uri, text);
    return { applied: true };
  }
}

/** The corpus indexed as the server keeps it. */
function indexOf(files: Record<string, string>, settings = normalizeSettings({})): CorpusIndex {
  const corpus = new CorpusIndex();
  for (const [uri, text] of Object.entries(files)) corpus.set(uri, prepareDocument(new SeedDocument(uri, text), settings).summary);
  return corpus;
}

const rulesOf = (findings: readonly { rule: string; range: { start: { line: number } } }[]) => findings.map((f) => `${f.rule}@${f.range.start.line}`);

describe('workflows: check a corpus', () => {
  it('analyses every readable document against all of them, in list order, and lists the conflicts', async () => {
    const workspace = new MemoryWorkspace({ ...CORPUS, 'bad.txt': '!' });
    const loaded = await loadCorpus(workspace);
    assert.deepEqual(loaded.problems, ['bad.txt: unreadable']);
    assert.equal(loaded.listed, 4);
    const check = checkCorpus(workspace, loaded);
    assert.equal(check.documents, 3);
    const analyses = [...check.analyses()];
    assert.deepEqual(
      analyses.map((a) => [a.uri, rulesOf(a.findings)]),
      [
        ['a.txt', ['figures/conflict@1', 'boilerplate/repeated-line@2']],
        ['b.txt', ['figures/conflict@1', 'boilerplate/repeated-line@2']],
        ['c.txt', ['digits/eastern-arabic@1', 'figures/conflict@1', 'boilerplate/repeated-line@2']],
      ],
    );
    assert.deepEqual(
      check.conflicts().map((p) => `${p.kind} ${p.quantity} ${p.a.uri}:${p.a.value} ${p.b.uri}:${p.b.value}`),
      ['conflict killed/police a.txt:7 b.txt:18', 'conflict killed/police a.txt:7 c.txt:18'],
    );
    assert.deepEqual(workspace.log, ['read a.txt', 'read b.txt', 'read c.txt', 'read bad.txt', 'progress 1/4', 'progress 2/4', 'progress 3/4', 'end']);
    // A check runs once: the loaded documents were let go as they were analysed.
    assert.equal(loaded.documents.length, 0);
  });

  it('keeps to the families asked for, conflicts included', async () => {
    const workspace = new MemoryWorkspace(CORPUS);
    const check = checkCorpus(workspace, await loadCorpus(workspace), { families: ['digits'], maxFindings: 5 });
    assert.deepEqual(check.conflicts(), []);
    assert.deepEqual([...check.analyses()].map((a) => rulesOf(a.findings)), [[], [], ['digits/eastern-arabic@1']]);
  });

  it('stops analysing once cancelled', async () => {
    const workspace = new MemoryWorkspace(CORPUS);
    const check = checkCorpus(workspace, await loadCorpus(workspace));
    const seen: string[] = [];
    for (const analysis of check.analyses()) {
      seen.push(analysis.uri);
      workspace.token.isCancellationRequested = true;
    }
    assert.deepEqual(seen, ['a.txt']);
  });

  it('stops reading once cancelled', async () => {
    const workspace = new MemoryWorkspace(CORPUS);
    workspace.read = async (uri) => {
      workspace.token.isCancellationRequested = true;
      return { uri, text: CORPUS[uri], version: 1 };
    };
    const loaded = await loadCorpus(workspace);
    assert.deepEqual([loaded.cancelled, loaded.documents.map((d) => d.document.uri), loaded.corpus.documentCount()], [true, ['a.txt'], 1]);
  });
});

describe('workflows: fix a corpus', () => {
  it('decides every document against the corpus before any fix, then commits the fixed texts', async () => {
    const workspace = new MemoryWorkspace(CORPUS, normalizeSettings({}), true);
    const corpus = indexOf(CORPUS);
    const outcome = await fixCorpus(workspace, corpus);
    // The footer is in three documents before any fix: each of the three loses it, not only the first.
    assert.deepEqual(Object.fromEntries(workspace.files), FIXED);
    assert.deepEqual(outcome, { documents: 3, files: 3, fixes: 4, applied: true, committed: ['a.txt', 'b.txt', 'c.txt'], problems: [], errorsLeft: false, cancelled: false });
    assert.deepEqual(workspace.log, ['read a.txt', 'write a.txt', 'progress 1/3', 'read b.txt', 'write b.txt', 'progress 2/3', 'read c.txt', 'write c.txt', 'progress 3/3', 'end', 'apply']);
    const fixedC = prepareDocument(new SeedDocument('c.txt', FIXED['c.txt']), workspace.settings());
    assert.deepEqual(corpus.get('c.txt'), fixedC.summary);
    assert.deepEqual(rulesOf(analyzeDocument(fixedC, corpus, workspace.settings()).findings), ['figures/conflict@1']);
  });

  it('fixes a loaded corpus as the CLI does, with the planned edits of a dry run', async () => {
    const workspace = new MemoryWorkspace({ ...CORPUS, 'bad.txt': '!' });
    const loaded = await loadCorpus(workspace);
    const outcome = await fixCorpus(workspace, loaded, { record: true, families: ['digits'], commit: false });
    assert.deepEqual(outcome, { documents: 3, files: 1, fixes: 1, applied: true, committed: [], problems: [], errorsLeft: false, cancelled: false });
    assert.equal(workspace.files.get('c.txt'), CORPUS['c.txt'].replace('١٨', '18'));
    assert.ok(workspace.log.includes('write c.txt (1 planned edits)'));
    // Not committed: the corpus still holds what was read.
    assert.equal(loaded.corpus.lineDocumentFrequency(loaded.corpus.get('c.txt')!.lineKeys.at(-1)!), 3);
  });

  it('leaves out a document that changed since it was read, and one whose write fails', async () => {
    const workspace = new MemoryWorkspace(CORPUS);
    const loaded = await loadCorpus(workspace);
    const before = loaded.corpus.get('b.txt');
    workspace.failing.add('c.txt');
    workspace.afterWrite = (uri) => uri === 'a.txt' && workspace.files.set('b.txt', `${CORPUS['b.txt']}سطر جديد\n`);
    const outcome = await fixCorpus(workspace, loaded);
    assert.deepEqual(outcome.problems, ['b.txt: changed since it was read', 'c.txt: disk full']);
    assert.deepEqual([outcome.files, outcome.fixes, outcome.committed], [1, 1, ['a.txt']]);
    assert.equal(workspace.files.get('a.txt'), FIXED['a.txt']);
    assert.equal(workspace.files.get('b.txt'), `${CORPUS['b.txt']}سطر جديد\n`);
    assert.equal(workspace.files.get('c.txt'), CORPUS['c.txt']);
    assert.equal(loaded.corpus.get('b.txt'), before);
  });

  it('reads each document as it fixes it when the corpus is a live index', async () => {
    const workspace = new MemoryWorkspace(CORPUS, normalizeSettings({}), true);
    // Changed after indexing, before the fix reads it: the fix starts from the new text.
    workspace.files.set('a.txt', CORPUS['a.txt'].replace('7', '٧'));
    const outcome = await fixCorpus(workspace, indexOf(CORPUS));
    assert.equal(outcome.fixes, 5);
    assert.equal(workspace.files.get('a.txt'), FIXED['a.txt']);
  });

  it('applies what was staged even when the corpus is not to learn it', async () => {
    const workspace = new MemoryWorkspace(CORPUS, normalizeSettings({}), true);
    const outcome = await fixCorpus(workspace, indexOf(CORPUS), { families: ['digits'], commit: false });
    assert.deepEqual([outcome.files, outcome.committed, workspace.log.at(-1)], [1, [], 'apply']);
    assert.equal(workspace.files.get('c.txt'), CORPUS['c.txt'].replace('١٨', '18'));
  });

  it('changes nothing, index included, when the staged edit is refused', async () => {
    const workspace = new MemoryWorkspace(CORPUS, normalizeSettings({}), true);
    workspace.refuseApply = true;
    const corpus = indexOf(CORPUS);
    const before = ['a.txt', 'b.txt', 'c.txt'].map((uri) => corpus.get(uri));
    const outcome = await fixCorpus(workspace, corpus);
    assert.deepEqual(outcome, { documents: 3, files: 3, fixes: 4, applied: false, committed: [], problems: ['the editor did not apply the edit'], errorsLeft: false, cancelled: false });
    assert.deepEqual(Object.fromEntries(workspace.files), CORPUS);
    assert.deepEqual(['a.txt', 'b.txt', 'c.txt'].map((uri) => corpus.get(uri)), before);
  });

  it('stops before the next document once cancelled; what was written stays written and committed', async () => {
    const workspace = new MemoryWorkspace(CORPUS);
    workspace.afterWrite = () => (workspace.token.isCancellationRequested = true);
    const loaded = await loadCorpus(workspace);
    const outcome = await fixCorpus(workspace, loaded);
    assert.deepEqual([outcome.cancelled, outcome.documents, outcome.committed], [true, 1, ['a.txt']]);
    assert.deepEqual(Object.fromEntries(workspace.files), { ...CORPUS, 'a.txt': FIXED['a.txt'] });
    assert.deepEqual(workspace.log.slice(3), ['write a.txt', 'progress 1/3', 'end']);
  });

  it('says whether an error is left once fixed, when a rule can report one', async () => {
    const strict = normalizeSettings({ 'severity.digits': 'error' });
    const clean = new MemoryWorkspace(CORPUS, strict);
    assert.equal((await fixCorpus(clean, await loadCorpus(clean), { commit: false, errorsLeft: true })).errorsLeft, false);
    const failing = new MemoryWorkspace(CORPUS, strict);
    failing.failing.add('c.txt');
    assert.equal((await fixCorpus(failing, await loadCorpus(failing), { commit: false, errorsLeft: true })).errorsLeft, true);
  });
});
