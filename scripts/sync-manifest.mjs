// Writes the settings table (server/src/core/settings.ts) into package.json's
// contributes.configuration. `--check` fails instead of writing when they differ.
import { readFileSync, writeFileSync } from 'node:fs';
import { manifestProperties } from '../server/src/core/settings.ts';

const file = new URL('../package.json', import.meta.url);
const text = readFileSync(file, 'utf8');
const manifest = JSON.parse(text);
manifest.contributes.configuration = { title: 'Corpus Lens', properties: manifestProperties() };
const next = JSON.stringify(manifest, null, 2) + '\n';
if (process.argv.includes('--check')) {
  if (next !== text) {
    console.error('package.json contributes.configuration is out of date: run npm run sync-manifest');
    process.exit(1);
  }
} else if (next !== text) {
  writeFileSync(file, next);
  console.log('package.json: configuration updated');
}
