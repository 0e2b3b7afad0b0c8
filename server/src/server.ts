/**
 * The Corpus Lens language server. Handlers are thin: find the document,
 * ask the core, convert. Each document version is analysed once; the
 * debounced publisher and the code actions share that analysis.
 * Start standalone with `node dist/server.js --stdio`.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import {
  analyzeDocument,
  compatibleFixes,
  fixableOnSave,
  prepareDocument,
  SeedDocument,
  indexedOnly,
  lexiconFor,
  type CorpusChange,
  type DocumentAnalysis,
  type Family,
  type Logger,
  type Settings,
} from './core';
import { FIX_ALL_KIND, fixAllAction, publishedDiagnostics, quickFix, SOURCE } from './diagnostics';
import { hoverWithCorpus } from './features/corpusReports';
import { inlayHints } from './features/inlayHints';
import { documentSymbols, workspaceSymbols } from './features/outline';
import { runFixCorpus } from './fixCorpusCommand';
import { OpenDocumentFacts } from './openFacts';
import { ServerCommands, StatusNotification, type FixCorpusArgs } from './protocol';
import { folderFromUri, SettingsCache, type Folder } from './settingsCache';
import { createServerConnection } from './transport';
import { WorkspaceIndex } from './workspaceIndex';

const connection = createServerConnection();
const documents = new TextDocuments(TextDocument);

const logger: Logger = {
  info: (m) => connection.console.info(m),
  warn: (m) => connection.console.warn(m),
  error: (m) => connection.console.error(m),
};

// A malformed notification (say a didOpen whose uri is not a string) throws in a
// handler outside any request's error handling, which would kill the process and
// every document with it: log it and keep serving. A broken pipe means the
// client is gone, and then there is no one left to serve.
const GONE = new Set(['EPIPE', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END']);
function unexpected(err: unknown): void {
  if (GONE.has((err as NodeJS.ErrnoException)?.code ?? '')) process.exit(1);
  try {
    logger.error(`Unexpected error (the server keeps running): ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  } catch {
    // Reporting failed too: nothing more can be done from here.
  }
}
process.on('uncaughtException', unexpected);
process.on('unhandledRejection', unexpected);

let folders: Folder[] = [];
let initOptions: Record<string, unknown> = {};
const client = { configuration: false, progress: false, dynamicWatch: false, workspaceFolders: false };

const settings = new SettingsCache(connection, () => client.configuration, () => folders, () => initOptions);
const index = new WorkspaceIndex(connection, settings, (uris, changes) => corpusChanged(uris, changes));

/** Bumped whenever something every analysis depends on changes (settings, a whole new index). */
let epoch = 0;
const analyses = new Map<string, { epoch: number; version: number; analysis: Promise<DocumentAnalysis | undefined> }>();
const timers = new Map<string, NodeJS.Timeout>();
/** What each open document's analysis read of the corpus. */
const facts = new OpenDocumentFacts();

/**
 * Files changed on disk, an indexing run ended or a corpus fix was applied.
 * With the changes known, only the open documents that read a changed fact
 * are analysed again; without (a whole index), every one.
 */
function corpusChanged(_uris: readonly string[], changes?: readonly CorpusChange[]): void {
  if (changes) corpusUpdated(changes);
  else revalidateAll();
  void publishClosedFigures([...index.corpus.uris()]);
  sendStatus('ready');
}

/** Re-publishes the open documents (but `except`) whose analysis read a fact these changes changed. */
function corpusUpdated(changes: readonly CorpusChange[], except?: string): void {
  for (const uri of facts.affected(changes, except)) {
    analyses.delete(uri);
    schedule(uri, 0);
  }
}

/** Re-publishes the figures of closed documents holding reports of the touched quantities, when some folder publishes them. */
function refreshClosedFigures(quantities: ReadonlySet<string>, except: string): void {
  if (!quantities.size) return;
  void (async () => {
    // Closed files only matter when some folder publishes their figures, or some were published before.
    if (!closedPublished.size && !(await settings.all()).some((s) => s.enable && s.figuresPublishClosedFiles)) return;
    const closed = [...index.corpus.figures.documentsWith(quantities)].filter((uri) => uri !== except && !documents.get(uri));
    await publishClosedFigures(closed);
  })();
}

/** Closed documents whose figures diagnostics were published (so they can be cleared). */
const closedPublished = new Set<string>();

/**
 * With `corpusLens.figures.publishClosedFiles`, closed seed files show their
 * conflicts too. Their claims are in the index, so nothing is read again.
 */
async function publishClosedFigures(uris: readonly string[]): Promise<void> {
  // Settings are per folder: resolve each folder's once, not once per file (an edit can touch thousands).
  const perFolder = new Map<string, Settings>();
  for (const uri of uris) {
    if (documents.get(uri)) continue;
    const folder = settings.folderOf(uri)?.uri ?? '';
    let config = perFolder.get(folder);
    if (!config) perFolder.set(folder, (config = await settings.get(uri)));
    const enabled = config.enable && config.figuresPublishClosedFiles;
    if (!enabled && !closedPublished.has(uri)) continue;
    const summary = index.corpus.get(uri);
    const findings =
      enabled && summary
        ? analyzeDocument(indexedOnly(uri, summary), index.corpus, config, { families: ['figures'], logger }).findings
        : [];
    if (!findings.length && !closedPublished.has(uri)) continue;
    if (findings.length) closedPublished.add(uri);
    else closedPublished.delete(uri);
    await connection.sendDiagnostics({ uri, diagnostics: publishedDiagnostics(findings) });
  }
}

function revalidateAll(): void {
  epoch++;
  for (const doc of documents.all()) schedule(doc.uri, 0);
}

function sendStatus(state: 'indexing' | 'ready'): void {
  void connection.sendNotification(StatusNotification.type, {
    state,
    documents: index.corpus.documentCount(),
    problems: index.problems.slice(0, 20),
  });
}

/**
 * The analysis of a document's current version, computed at most once per
 * version and epoch: the cache holds the promise, so a code action arriving
 * while the publisher runs shares its work.
 */
function analysisOf(doc: TextDocument): Promise<DocumentAnalysis | undefined> {
  const cached = analyses.get(doc.uri);
  if (cached && cached.epoch === epoch && cached.version === doc.version) return cached.analysis;
  const analysis = analyse(doc);
  analyses.set(doc.uri, { epoch, version: doc.version, analysis });
  return analysis;
}

async function analyse(doc: TextDocument): Promise<DocumentAnalysis | undefined> {
  const [config, isSeed] = await Promise.all([settings.get(doc.uri), index.isSeed(doc.uri)]);
  if (!config.enable || !(isSeed || doc.languageId === 'seed')) {
    facts.forget(doc.uri);
    return undefined;
  }
  if (exceedsBytes(doc.getText(), config.maxFileSizeKB * 1024)) {
    // Too large to analyse on every keystroke: say so once, and keep it out of the corpus as the index does.
    facts.forget(doc.uri);
    const removed = index.corpus.remove(doc.uri);
    if (removed) {
      corpusUpdated([removed], doc.uri);
      refreshClosedFigures(removed.quantities, doc.uri);
    }
    if (!toldTooLarge.has(doc.uri)) {
      toldTooLarge.add(doc.uri);
      void connection.sendNotification(ShowMessageNotification.type, {
        type: MessageType.Info,
        message: `Corpus Lens does not analyse ${URI.parse(doc.uri).path.split('/').pop()}: it is larger than ${config.maxFileSizeKB} KB (setting corpusLens.maxFileSizeKB).`,
      });
    }
    return undefined;
  }
  try {
    const prepared = prepareDocument(new SeedDocument(doc.uri, doc.getText(), doc.version), config, logger);
    const change = index.corpus.set(doc.uri, prepared.summary);
    corpusUpdated([change], doc.uri);
    refreshClosedFigures(change.quantities, doc.uri);
    const analysis = analyzeDocument(prepared, index.corpus, config, { logger });
    facts.record(doc.uri, analysis.facts);
    return analysis;
  } catch (err) {
    facts.forget(doc.uri);
    // One bad document must not take the server down: log it and publish nothing for it.
    logger.error(`Analysis of ${doc.uri} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return undefined;
  }
}

/** Open documents already named in a "too large" message (until closed). */
const toldTooLarge = new Set<string>();

/** Whether a text's UTF-8 encoding exceeds `limit` bytes, encoding it only when its length cannot tell. */
function exceedsBytes(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  return Buffer.byteLength(text, 'utf8') > limit;
}

async function publish(uri: string): Promise<void> {
  const doc = documents.get(uri);
  if (!doc) return;
  const analysis = await analysisOf(doc);
  // A newer version is on its way; its own run publishes.
  if (documents.get(uri)?.version !== doc.version) return;
  await connection.sendDiagnostics({ uri, version: doc.version, diagnostics: analysis ? publishedDiagnostics(analysis.findings) : [] });
}

function schedule(uri: string, delay: number): void {
  clearTimeout(timers.get(uri));
  timers.set(
    uri,
    setTimeout(() => {
      timers.delete(uri);
      void publish(uri);
    }, delay),
  );
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const caps = params.capabilities;
  client.configuration = !!caps.workspace?.configuration;
  client.progress = !!caps.window?.workDoneProgress;
  client.dynamicWatch = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  client.workspaceFolders = !!caps.workspace?.workspaceFolders;
  initOptions = (params.initializationOptions as Record<string, unknown>) ?? {};
  if (params.workspaceFolders?.length) folders = params.workspaceFolders.map((f) => folderFromUri(f.uri));
  else if (params.rootUri) folders = [folderFromUri(params.rootUri)];
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      hoverProvider: true,
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
      inlayHintProvider: true,
      executeCommandProvider: { commands: Object.values(ServerCommands) },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'corpus-lens' },
  };
});

connection.onInitialized(() => {
  if (client.configuration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'corpusLens' });
  if (client.dynamicWatch) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.{txt,seed}' }, { globPattern: '**/.corpuslens.json' }],
    });
  }
  if (client.workspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map((f) => folderFromUri(f.uri).uri));
      folders = [...folders.filter((f) => !removed.has(f.uri)), ...event.added.map((f) => folderFromUri(f.uri))];
      settings.clear();
      void reindex();
    });
  }
  void reindex();
});

async function reindex(): Promise<void> {
  sendStatus('indexing');
  await index.indexAll(folders, client.progress);
}

connection.onDidChangeConfiguration(() => {
  settings.clear();
  revalidateAll();
  void reindex();
});

connection.onDidChangeWatchedFiles(async ({ changes }) => {
  if (changes.some((c) => c.uri.endsWith('/.corpuslens.json'))) {
    settings.clear();
    revalidateAll();
    await reindex();
  }
  await index.onFileEvents(changes.filter((c) => !c.uri.endsWith('/.corpuslens.json')));
});

documents.onDidOpen(({ document }) => {
  index.open.add(document.uri);
  schedule(document.uri, 0);
});

documents.onDidChangeContent(async ({ document }) => {
  const config = await settings.get(document.uri);
  schedule(document.uri, config.debounceMs);
});

documents.onDidClose(({ document }) => {
  clearTimeout(timers.get(document.uri));
  timers.delete(document.uri);
  analyses.delete(document.uri);
  facts.forget(document.uri);
  toldTooLarge.delete(document.uri);
  void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  void index.closed(document.uri);
  closedPublished.delete(document.uri);
});

function familyOf(rule: string): Family {
  return rule.slice(0, rule.indexOf('/')) as Family;
}

connection.onCodeAction(async ({ textDocument, context }) => {
  const doc = documents.get(textDocument.uri);
  if (!doc) return [];
  const wants = (kind: string) => !context.only || context.only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];
  const analysis = await analysisOf(doc);
  if (!analysis) return [];
  const seed = analysis.doc;

  if (wants(CodeActionKind.QuickFix)) {
    const ours = context.diagnostics.filter((d) => d.source === SOURCE);
    for (const d of ours) {
      const action = quickFix(doc.uri, d);
      if (action) actions.push(action);
    }
    // "Fix all of this family in the file", for each family the cursor's diagnostics belong to.
    for (const family of new Set(ours.map((d) => familyOf(String(d.code))))) {
      const fixes = compatibleFixes(analysis.findings.filter((f) => familyOf(f.rule) === family), seed);
      if (fixes.length > 1) actions.push(fixAllAction(doc.uri, `Fix all ${fixes.length} ${family} findings in this file`, CodeActionKind.QuickFix, fixes));
    }
  }
  if (context.only && wants(FIX_ALL_KIND)) {
    const config = await settings.get(doc.uri);
    const fixes = compatibleFixes(fixableOnSave(analysis.findings, config), seed);
    if (fixes.length) actions.push(fixAllAction(doc.uri, 'Fix all Corpus Lens findings', FIX_ALL_KIND, fixes));
  }
  return actions;
});

connection.onHover(async ({ textDocument, position }) => {
  const doc = documents.get(textDocument.uri);
  const analysis = doc && (await analysisOf(doc));
  if (!analysis) return null;
  const config = await settings.get(doc.uri);
  return hoverWithCorpus(analysis, analysis.doc, position, lexiconFor(config.claimsLexicon), index.corpus);
});

connection.onDocumentSymbol(async ({ textDocument }) => {
  const doc = documents.get(textDocument.uri);
  const analysis = doc && (await analysisOf(doc));
  if (!analysis) return [];
  const config = await settings.get(doc.uri);
  return documentSymbols(analysis, analysis.doc, lexiconFor(config.claimsLexicon));
});

connection.onWorkspaceSymbol(async ({ query }) => {
  await index.ready();
  const corpus = index.corpus;
  const documentsWithClaims = [...corpus.uris()].map((uri) => ({ uri, claims: corpus.get(uri)?.claims ?? [] }));
  // Labels come from the first folder's lexicon: a workspace query spans folders, and one lexicon names them all.
  const config = await settings.get(folders[0]?.uri ?? '');
  return workspaceSymbols(query, documentsWithClaims, lexiconFor(config.claimsLexicon));
});

connection.languages.inlayHint.on(async ({ textDocument, range }) => {
  const doc = documents.get(textDocument.uri);
  const analysis = doc && (await analysisOf(doc));
  if (!analysis) return [];
  const config = await settings.get(doc.uri);
  return inlayHints(analysis, analysis.doc, range, config.inlayHintsNumbers);
});

connection.onExecuteCommand(async ({ command, arguments: args }) => {
  if (command === ServerCommands.fixCorpus) {
    const context = { connection, documents, settings, index, logger, progress: client.progress, changed: corpusChanged };
    return runFixCorpus(context, (args?.[0] as FixCorpusArgs | undefined) ?? {});
  }
  return undefined;
});

documents.listen(connection);
connection.listen();
