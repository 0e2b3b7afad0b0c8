// Generates what is derived from the settings table and the rule registry:
// package.json's contributes.configuration, the JSON schema of .corpuslens.json
// (schemas/corpuslens.schema.json), and the README's settings and rules tables
// (between <!-- name:start --> and <!-- name:end --> markers).
// `--check` fails instead of writing when anything is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { configFileSchema, manifestProperties, SETTINGS_SCHEMA } from '../server/src/core/settings.ts';
import { RULES } from '../server/src/core/rules/index.ts';

const check = process.argv.includes('--check');
let stale = false;

function update(name, compute) {
  const file = new URL(`../${name}`, import.meta.url);
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // A missing generated file is out of date like any other.
  }
  const next = compute(text);
  if (next === text) return;
  if (check) {
    console.error(`${name} is out of date: run npm run sync-docs`);
    stale = true;
  } else {
    writeFileSync(file, next);
    console.log(`${name}: updated`);
  }
}

const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');

function block(text, name, body) {
  const re = new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`);
  if (!re.test(text)) throw new Error(`README.md has no ${name} markers`);
  return text.replace(re, `$1${body}$2`);
}

update('package.json', (text) => {
  const manifest = JSON.parse(text);
  manifest.contributes.configuration = { title: 'Corpus Lens', properties: manifestProperties() };
  return JSON.stringify(manifest, null, 2) + '\n';
});

update('schemas/corpuslens.schema.json', () => JSON.stringify(configFileSchema(), null, 2) + '\n');

update('README.md', (text) => {
  const settings =
    '| Setting | Default | Description |\n|---|---|---|\n' +
    Object.entries(SETTINGS_SCHEMA)
      .map(([key, spec]) => `| \`corpusLens.${key}\` | \`${cell(JSON.stringify(spec.default))}\` | ${cell(spec.description)} |`)
      .join('\n') +
    '\n';
  const rules =
    '| Rule | Severity | Fix | Description |\n|---|---|---|---|\n' +
    RULES.map((r) => `| \`${r.id}\` | ${r.defaultSeverity} | ${r.fixable ? (r.destructive ? 'delete' : 'yes') : 'no'} | ${cell(r.description)} |`).join('\n') +
    '\n';
  return block(block(text, 'settings', settings), 'rules', rules);
});

if (stale) process.exit(1);
