/**
 * `.corpuslens.json`: project settings beside the corpus, read by the CLI and
 * the server alike. Same keys as the `corpusLens.*` settings without the
 * prefix, nested or dotted; comments allowed. It overrides editor settings,
 * as a project's lint config file does.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

export const CONFIG_FILE = '.corpuslens.json';

export interface ConfigFile {
  /** Absolute path of the file, when one was found. */
  path?: string;
  values: Record<string, unknown>;
  /** One line per problem (syntax errors), for a status message or stderr. */
  problems: string[];
}

export async function readConfigFile(file: string): Promise<ConfigFile> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { values: {}, problems: [] };
    return { path: file, values: {}, problems: [`${file}: ${(err as Error).message}`] };
  }
  return parseConfigText(text, file);
}

export function parseConfigText(text: string, file: string): ConfigFile {
  const errors: ParseError[] = [];
  const values = parse(text, errors, { allowTrailingComma: true });
  const problems = errors.map((e) => {
    const line = text.slice(0, e.offset).split('\n').length;
    return `${file}:${line}: ${printParseErrorCode(e.error)}`;
  });
  if (values === null || typeof values !== 'object' || Array.isArray(values)) {
    if (!problems.length) problems.push(`${file}: expected a JSON object`);
    return { path: file, values: {}, problems };
  }
  return { path: file, values: values as Record<string, unknown>, problems };
}

export function configFileIn(dir: string): string {
  return path.join(dir, CONFIG_FILE);
}

/** Flattens nested objects to dotted keys, leaving arrays and the `rules` map whole. */
function flatten(obj: Record<string, unknown>, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [key, value] of Object.entries(obj)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object' && !Array.isArray(value) && full !== 'rules' && !full.endsWith('.lexicon')) {
      flatten(value as Record<string, unknown>, full, out);
    } else {
      out[full] = value;
    }
  }
  return out;
}

/** Layers raw settings objects; later layers win key by key. */
export function layerSettings(...layers: Record<string, unknown>[]): Record<string, unknown> {
  return Object.assign({}, ...layers.map((l) => flatten(l)));
}
