/**
 * Settings per workspace folder: the editor's `corpusLens` section layered
 * under the folder's `.corpuslens.json`, normalized, cached until the
 * configuration or the file changes.
 */
import type { Connection } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { normalizeSettings, type Settings } from './core';
import { configFileIn, layerSettings, readConfigFile } from './node/config';

export interface Folder {
  uri: string;
  fsPath: string;
}

export class SettingsCache {
  private readonly cache = new Map<string, Promise<Settings>>();
  /** Problems found in settings, per folder, so they are reported once per change. */
  readonly problems = new Map<string, string[]>();

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
    private readonly folders: () => readonly Folder[],
    /** Settings sent in initializationOptions, for clients that cannot answer workspace/configuration. */
    private readonly initial: () => Record<string, unknown>,
  ) {}

  /** The workspace folder holding a document, by longest prefix. */
  folderOf(uri: string): Folder | undefined {
    let best: Folder | undefined;
    for (const f of this.folders()) {
      const prefix = f.uri.endsWith('/') ? f.uri : `${f.uri}/`;
      if (uri.startsWith(prefix) && (!best || f.uri.length > best.uri.length)) best = f;
    }
    return best;
  }

  get(uri: string): Promise<Settings> {
    return this.forFolder(this.folderOf(uri));
  }

  /** The settings of every workspace folder and of files outside them. */
  all(): Promise<Settings[]> {
    return Promise.all([undefined, ...this.folders()].map((f) => this.forFolder(f)));
  }

  private forFolder(folder: Folder | undefined): Promise<Settings> {
    const key = folder?.uri ?? '';
    let settings = this.cache.get(key);
    if (!settings) {
      settings = this.load(folder);
      this.cache.set(key, settings);
    }
    return settings;
  }

  clear(): void {
    this.cache.clear();
  }

  private async load(folder: Folder | undefined): Promise<Settings> {
    let editor: Record<string, unknown> = this.initial();
    if (this.canPull()) {
      try {
        const section = await this.connection.workspace.getConfiguration({ scopeUri: folder?.uri, section: 'corpusLens' });
        if (section && typeof section === 'object') editor = section as Record<string, unknown>;
      } catch (err) {
        this.connection.console.warn(`Could not read settings: ${(err as Error).message}`);
      }
    }
    const file = folder ? await readConfigFile(configFileIn(folder.fsPath)) : { values: {}, problems: [] };
    const problems = [...file.problems];
    const settings = normalizeSettings(layerSettings(editor, file.values), problems);
    this.problems.set(folder?.uri ?? '', problems);
    for (const p of problems) this.connection.console.warn(p);
    return settings;
  }
}

export function folderFromUri(uri: string): Folder {
  return { uri: uri.replace(/\/$/, ''), fsPath: URI.parse(uri).fsPath };
}
