/**
 * The CLI's path arguments as the seed files to read: folders walked
 * (node/walk.ts), each file once, every problem one line for stderr.
 */
import { promises as fs, type Stats } from 'node:fs';
import * as path from 'node:path';
import { describeFsError } from '../node/files';
import { displayPath, pathKey, realPath, resolvePath, walk, type FsPath } from '../node/walk';
import type { ParallelFile } from './parallel';

const SEED_FILE = /\.(txt|seed)$/i;

/**
 * Expands the paths into seed files, each once (by real path, under the first
 * route's name); every problem, an unreadable folder included, is one line on
 * stderr.
 */
export async function expandPaths(paths: readonly FsPath[], cwd: string, errors: string[]): Promise<ParallelFile[]> {
  const files: ParallelFile[] = [];
  const seen = new Set<string>();
  const add = (absolute: FsPath, real: FsPath, display: string) => {
    const key = pathKey(real);
    if (seen.has(key)) return;
    seen.add(key);
    files.push({ absolute, display });
  };
  const relative = (p: FsPath) => path.relative(cwd, displayPath(p)) || displayPath(p);
  for (const given of paths) {
    const shown = displayPath(given);
    const absolute = resolvePath(cwd, given);
    let stat: Stats;
    try {
      stat = await fs.stat(absolute);
    } catch (err) {
      errors.push(`${shown}: ${describeFsError(err)}`);
      continue;
    }
    if (stat.isDirectory()) {
      let found = 0;
      let unreadable = 0;
      const onFolderError = (folder: FsPath, err: NodeJS.ErrnoException) => {
        unreadable++;
        errors.push(`${folder === absolute ? shown : relative(folder)}: cannot read folder: ${describeFsError(err)}; skipped`);
      };
      for await (const file of walk(absolute, (rel) => SEED_FILE.test(rel), { onFolderError })) {
        add(file.path, file.real, relative(file.path));
        found++;
      }
      if (!found && !unreadable) errors.push(`${shown}: folder holds no .txt or .seed files`);
    } else {
      add(absolute, await realPath(absolute).catch(() => absolute), shown);
    }
  }
  return files;
}
