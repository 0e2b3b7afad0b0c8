/**
 * `.corpuslens.json`: project settings beside the corpus, read by the CLI and
 * the server alike. Same keys as the `corpusLens.*` settings without the
 * prefix, nested or dotted; comments allowed. It overrides editor settings,
 * as a project's lint config file does.
 */
import { isUtf8 } from 'node:buffer';
import { constants, promises as fs, type Stats } from 'node:fs';
import * as path from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { checkConfigKeys } from './configCheck';
import { pushAll } from '../core/arrays';

export const CONFIG_FILE = '.corpuslens.json';

/** Far above any real settings file (a large claims lexicon is a few hundred KB); a bigger one is a mistake. */
const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

export interface ConfigFile {
  /** Absolute path of the file, when one was found. */
  path?: string;
  values: Record<string, unknown>;
  /** One line per problem (syntax errors, unknown keys), for a status message or stderr. */
  problems: string[];
  /** There is no file at the path. */
  missing?: boolean;
  /** Why the file could not be read at all (a sentence without the path); `problems` says it with the path. */
  unreadable?: string;
}

export async function readConfigFile(file: string): Promise<ConfigFile> {
  let bytes: Buffer;
  try {
    bytes = await readConfigBytes(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { values: {}, problems: [], missing: true };
    const reason = describeConfigError(err);
    return { path: file, values: {}, problems: [`${file}: ${reason}; ignored`], unreadable: reason };
  }
  if (!isUtf8(bytes)) {
    const reason = 'not valid UTF-8 text';
    return { path: file, values: {}, problems: [`${file}: ${reason}; ignored`], unreadable: reason };
  }
  const text = bytes.toString('utf8');
  return parseConfigText(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, file);
}

/** Thrown for a path that is not a file to read settings from; its message is the sentence to show. */
class NotAConfigFile extends Error {}

/**
 * Opened like a seed file (node/files.ts): without blocking, so a FIFO does
 * not wait for a writer, and refused unless `fstat` says it is a regular file,
 * so a device such as /dev/zero is not read until memory runs out.
 */
async function readConfigBytes(file: string): Promise<Buffer> {
  const handle = await fs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new NotAConfigFile(notRegular(stat));
    // Read to the end rather than trust the size: special files (/proc) say 0.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const { bytesRead, buffer } = await handle.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > MAX_CONFIG_BYTES) throw new NotAConfigFile(`larger than ${MAX_CONFIG_BYTES / 1024 / 1024} MB, too large for a settings file`);
      chunks.push(buffer.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

function notRegular(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder, not a settings file';
  if (stat.isFIFO()) return 'not a regular file (a named pipe)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'not a regular file (a device)';
  if (stat.isSocket()) return 'not a regular file (a socket)';
  return 'not a regular file';
}

const ERROR_SENTENCES: Record<string, string> = {
  EISDIR: 'a folder, not a settings file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'a loop of symbolic links',
  ENOTDIR: 'a part of the path is not a folder',
  ENAMETOOLONG: 'the path is too long',
  EAGAIN: 'cannot be read without waiting (a device or a kernel file, not a regular file)',
  EWOULDBLOCK: 'cannot be read without waiting (a device or a kernel file, not a regular file)',
  EIO: 'an input/output error while reading it (EIO)',
  EMFILE: 'too many files open to read it (EMFILE)',
  ENFILE: 'too many files open to read it (ENFILE)',
  ENXIO: 'not a regular file (a device that is not there)',
};

/** Why a settings file could not be read, as a short sentence rather than an error code. */
export function describeConfigError(err: unknown): string {
  if (err instanceof NotAConfigFile) return err.message;
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code && ERROR_SENTENCES[code]) return ERROR_SENTENCES[code];
  if (code) return `could not be read (${code})`;
  return `could not be read (${err instanceof Error ? err.message : String(err)})`;
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
  pushAll(problems, checkConfigKeys(text, file, values as Record<string, unknown>));
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
