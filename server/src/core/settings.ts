import { validateUserLexicon, type UserLexicon } from './claims/lexicon/sections';
import { FAMILIES, type Family, type SeverityLevel } from './types';
import { compileUserPattern } from './userRegExp';

/**
 * Every setting, declared once. The extension manifest's
 * `contributes.configuration` is generated from this table
 * (`npm run sync-manifest`), and a unit test fails when the two drift.
 * Keys are relative to the `corpusLens.` section; `.corpuslens.json` uses the
 * same keys without the prefix.
 */
export const SETTINGS_SCHEMA = {
  enable: {
    type: 'boolean',
    default: true,
    description: 'Analyse seed files. Turn off to silence Corpus Lens in this workspace or folder.',
  },
  include: {
    type: 'array',
    items: { type: 'string' },
    default: ['**/seeds/**/*.txt', '**/*.seed'],
    description:
      'Glob patterns (relative to a workspace folder) of the seed files that make up the corpus. Open files matching them are analysed; the whole set is indexed for corpus-wide rules.',
  },
  exclude: {
    type: 'array',
    items: { type: 'string' },
    default: ['**/node_modules/**', '**/.git/**'],
    description: 'Glob patterns of files never indexed or analysed, even when `corpusLens.include` matches them.',
  },
  'digits.targetStyle': {
    type: 'string',
    enum: ['western', 'eastern', 'majority'],
    enumDescriptions: [
      'Western digits 0-9 with `,` for thousands, `.` for decimals and `%`.',
      'Eastern Arabic-Indic digits ٠-٩ with `٬` for thousands, `٫` for decimals and `٪`.',
      'Whichever style most numbers in the corpus already use (Western on a tie).',
    ],
    default: 'western',
    description: 'The digit style numbers should be written in; numbers in any other style are flagged and fixed to it.',
  },
  'claims.lexicon': {
    type: 'object',
    default: {},
    properties: {
      events: { type: 'object', description: 'Event id → trigger words, or `{ "label", "triggers" }`. New ids add events; known ids get more triggers.' },
      subjects: { type: 'object', description: 'Subject class → words, or `{ "label", "words", "weak" }` (weak words such as شخص are refined by a following "من <class>").' },
      qualifiers: { type: 'object', description: 'Qualifier (`more_than`, `at_least`, `about`, `nearly`, `less_than`, `up_to`) → `{ "before": [...], "after": [...] }` phrases.' },
      attribution: { type: 'object', description: 'Attribution words: `verbs` (قال), `according` (بحسب), `via` (عن), `fillers`, `bodies`, `stops`, `statementNouns`.' },
      duals: { type: 'object', description: 'Singular nouns whose dual counts two: `forms` (-ان/-ين), `nominative` (-ان only), `construct` (also -ي).' },
      subsets: { type: 'array', items: { type: 'string' }, description: '"Among them" phrases (بينهم).' },
      others: { type: 'array', items: { type: 'string' }, description: '"Others" words (آخرين).' },
      countFrames: { type: 'array', items: { type: 'string' }, description: '"The number of" words (عدد، حصيلة).' },
      contexts: { type: 'array', description: 'Rules `{ "words", "event", "becomes" }`: an event becomes another when a word is in the sentence.' },
      ignore: { type: 'array', items: { type: 'string' }, description: 'Phrases that look like triggers and are not (إطلاق نار).' },
    },
    additionalProperties: false,
    description:
      'Words the claim extractor reads, added to the built-in lexicon (`server/src/core/lang/<language>/claims.json`, same shape): event triggers, subject classes, qualifiers, attribution verbs. A word ending in `*` matches every word it begins; spelling variants (أ/ا، ى/ي، ة/ه, diacritics) and the proclitics و ف ب ل ك ال are handled, so list bare forms. Malformed entries are reported and ignored.',
  },
  'inlayHints.numbers': {
    type: 'string',
    enum: ['off', 'words', 'wordsAndEastern', 'all'],
    enumDescriptions: [
      'No inlay hints.',
      'Show the value of numbers written in words (ثمانية آلاف → 8000, شرطيان → 2) or with a scale word (4 آلاف).',
      'Also show the value of numbers written in Eastern Arabic-Indic or Persian digits.',
      'Show the value of every figure, Western digits included.',
    ],
    default: 'wordsAndEastern',
    description: 'Inlay hints with the normalized value beside numbers in seed files, so figures written in words or in Eastern digits read at a glance.',
  },
  'figures.publishClosedFiles': {
    type: 'boolean',
    default: false,
    description:
      'Also show `figures/*` diagnostics (conflicting and evolving figures) for seed files that are not open, so the Problems panel lists every disagreement in the corpus.',
  },
  'boilerplate.fixOnSave': {
    type: 'boolean',
    default: false,
    description:
      'Let `source.fixAll` (for example `editor.codeActionsOnSave`) delete boilerplate lines. Deletion is destructive, so it is off by default; quick fixes and the CLI still delete on request.',
  },
  'boilerplate.minDocuments': {
    type: 'integer',
    minimum: 2,
    maximum: 100000,
    default: 3,
    description:
      'A line found verbatim (after normalizing spelling variants, diacritics, digits and punctuation) in at least this many documents of the corpus is reported as `boilerplate/repeated-line`: text a site prints on every page. A document\'s first line and short headings between paragraphs are never reported this way.',
  },
  'boilerplate.patterns': {
    type: 'array',
    items: { type: 'string' },
    default: [],
    description:
      'Regular expressions (JavaScript syntax, matched case-insensitively against each trimmed line) for lines that are boilerplate in your corpus, for example `"^تابعونا على"`. Matching lines are reported as `boilerplate/user-pattern`. Expressions run on a linear-time matcher (RE2), so none can stall the editor; an invalid one, or one with a back-reference or a lookaround (which need backtracking), is reported and ignored.',
  },
  'boilerplate.allowlist': {
    type: 'array',
    items: { type: 'string' },
    default: [],
    description:
      'Regular expressions (JavaScript syntax, matched case-insensitively against each trimmed line) for lines never reported as boilerplate by any rule, for example a recurring sign-off the corpus keeps on purpose. They run like `corpusLens.boilerplate.patterns`: an invalid expression, or one with a back-reference or a lookaround, is reported and ignored.',
  },
  'severity.boilerplate': {
    type: 'string',
    enum: ['default', 'error', 'warning', 'information', 'hint', 'off'],
    default: 'default',
    description: 'Severity of `boilerplate/*` findings (text that is not the article): `default` keeps each rule\'s own severity, `off` disables the family.',
  },
  'severity.digits': {
    type: 'string',
    enum: ['default', 'error', 'warning', 'information', 'hint', 'off'],
    default: 'default',
    description: 'Severity of `digits/*` findings (numbers not in the target digit style): `default` keeps each rule\'s own severity, `off` disables the family.',
  },
  'severity.figures': {
    type: 'string',
    enum: ['default', 'error', 'warning', 'information', 'hint', 'off'],
    default: 'default',
    description: 'Severity of `figures/*` findings (figures that disagree across the corpus): `default` keeps each rule\'s own severity, `off` disables the family.',
  },
  'severity.text': {
    type: 'string',
    enum: ['default', 'error', 'warning', 'information', 'hint', 'off'],
    default: 'default',
    description: 'Severity of `text/*` findings (other character-level normalizations): `default` keeps each rule\'s own severity, `off` disables the family.',
  },
  rules: {
    type: 'object',
    additionalProperties: { type: 'string', enum: ['error', 'warning', 'information', 'hint', 'off'] },
    default: {},
    description:
      'Per-rule severity overrides, keyed by rule id, for example `{ "digits/percent-sign": "off" }`. They take precedence over the family severity.',
  },
  debounceMs: {
    type: 'number',
    minimum: 0,
    maximum: 5000,
    default: 200,
    description: 'Milliseconds to wait after the last edit before a document is analysed again.',
  },
  maxFileSizeKB: {
    type: 'integer',
    minimum: 1,
    maximum: 1048576,
    default: 2048,
    description:
      'Seed files larger than this many kilobytes are neither indexed nor analysed by the language server, and an information message names them: an article is a few kilobytes, so a file this large is almost always a dump or a mistake, and analysing it on every keystroke would stall the editor. The CLI skips them too, with a line on stderr (exit 2); raise it in `.corpuslens.json` to check larger files.',
  },
} as const;

export type SettingKey = keyof typeof SETTINGS_SCHEMA;

export type TargetStyle = 'western' | 'eastern' | 'majority';

/** Which numbers get an inlay hint with their value (`inlayHints.numbers`). */
export type InlayHintsNumbers = 'off' | 'words' | 'wordsAndEastern' | 'all';

/** Settings after validation: every value present and of the right type. */
export interface Settings {
  enable: boolean;
  include: string[];
  exclude: string[];
  digitsTargetStyle: TargetStyle;
  /** Family severity; `default` keeps each rule's own. */
  severity: Record<Family, SeverityLevel | 'default'>;
  rules: Record<string, SeverityLevel>;
  debounceMs: number;
  /** The user's additions to the claims lexicon, validated. */
  claimsLexicon: UserLexicon;
  /** Which numbers get an inlay hint with their value. */
  inlayHintsNumbers: InlayHintsNumbers;
  /** Files above this size (KB) are skipped by the language server. */
  maxFileSizeKB: number;
  boilerplateFixOnSave: boolean;
  figuresPublishClosedFiles: boolean;
  /** K of `boilerplate/repeated-line`: how many documents must carry a line. */
  boilerplateMinDocuments: number;
  /** Valid regular expressions (sources) of lines to report as boilerplate. */
  boilerplatePatterns: string[];
  /** Valid regular expressions (sources) of lines never reported as boilerplate. */
  boilerplateAllowlist: string[];
}

const SEVERITY_LEVELS: readonly SeverityLevel[] = ['error', 'warning', 'information', 'hint', 'off'];

function isSeverityLevel(v: unknown): v is SeverityLevel {
  return typeof v === 'string' && (SEVERITY_LEVELS as readonly string[]).includes(v);
}

export { USER_REGEXP_FLAGS } from './userRegExp';

/** The strings of a list that can be used as line patterns (see userRegExp.ts); each one that cannot is a problem. */
function regExpSources(key: string, list: readonly string[], problems: string[]): string[] {
  return list.filter((source, k) => {
    const compiled = compileUserPattern(source);
    if (!compiled.ok) problems.push(`corpusLens.${key}[${k}]: ${JSON.stringify(source)} ${compiled.reason}; ignored`);
    return compiled.ok;
  });
}

function stringArray(v: unknown, fallback: readonly string[]): string[] {
  return Array.isArray(v) && v.every((s) => typeof s === 'string') ? [...v] : [...fallback];
}

/**
 * Reads a setting from a raw object that may be nested (`{digits: {targetStyle}}`,
 * as VS Code returns a section) or flat (`{"digits.targetStyle": ...}`, as
 * users write `.corpuslens.json` sometimes).
 */
function lookup(raw: Record<string, unknown>, key: string): unknown {
  if (key in raw) return raw[key];
  let cur: unknown = raw;
  for (const part of key.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** Why a value is rejected; JSON.stringify would print Infinity (what JSON.parse makes of 1e400) as null. */
function invalid(key: SettingKey, v: unknown): string {
  if (typeof v !== 'number' || Number.isFinite(v)) return `${JSON.stringify(v)} is not valid`;
  const spec = SETTINGS_SCHEMA[key] as { minimum?: number; maximum?: number };
  return `${v} is out of range (must be a finite number${spec.minimum !== undefined ? ` from ${spec.minimum} to ${spec.maximum}` : ''})`;
}

/**
 * Turns untrusted input (workspace settings, `.corpuslens.json`, CLI flags)
 * into valid settings. Anything missing or malformed falls back to the
 * default; `problems` collects a line per rejected value so callers can say so.
 */
export function normalizeSettings(input: unknown, problems: string[] = []): Settings {
  const raw = input !== null && typeof input === 'object' ? (input as Record<string, unknown>) : {};
  const get = <K extends SettingKey>(key: K, ok: (v: unknown) => boolean): unknown => {
    const v = lookup(raw, key);
    if (v === undefined) return SETTINGS_SCHEMA[key].default;
    if (ok(v)) return v;
    problems.push(`corpusLens.${key}: ${invalid(key, v)}; using the default`);
    return SETTINGS_SCHEMA[key].default;
  };
  const severity = {} as Record<Family, SeverityLevel | 'default'>;
  for (const family of FAMILIES) {
    severity[family] = get(`severity.${family}` as SettingKey, (v) => v === 'default' || isSeverityLevel(v)) as SeverityLevel | 'default';
  }
  const rules: Record<string, SeverityLevel> = {};
  const rawRules = get('rules', (v) => v !== null && typeof v === 'object' && !Array.isArray(v)) as Record<string, unknown>;
  for (const [id, level] of Object.entries(rawRules)) {
    if (isSeverityLevel(level)) rules[id] = level;
    else problems.push(`corpusLens.rules["${id}"]: ${JSON.stringify(level)} is not a severity; ignored`);
  }
  const isStrings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');
  const debounce = get('debounceMs', (v) => typeof v === 'number' && Number.isFinite(v)) as number;
  return {
    enable: get('enable', (v) => typeof v === 'boolean') as boolean,
    include: stringArray(get('include', isStrings), SETTINGS_SCHEMA.include.default),
    exclude: stringArray(get('exclude', isStrings), SETTINGS_SCHEMA.exclude.default),
    digitsTargetStyle: get('digits.targetStyle', (v) =>
      (SETTINGS_SCHEMA['digits.targetStyle'].enum as readonly unknown[]).includes(v),
    ) as TargetStyle,
    severity,
    rules,
    debounceMs: Math.max(0, Math.min(5000, debounce)),
    claimsLexicon: validateUserLexicon(get('claims.lexicon', (v) => v !== null && typeof v === 'object' && !Array.isArray(v)), problems),
    inlayHintsNumbers: get('inlayHints.numbers', (v) => (SETTINGS_SCHEMA['inlayHints.numbers'].enum as readonly unknown[]).includes(v)) as InlayHintsNumbers,
    maxFileSizeKB: Math.round(Math.max(1, Math.min(1048576, get('maxFileSizeKB', (v) => typeof v === 'number' && Number.isFinite(v)) as number))),
    boilerplateFixOnSave: get('boilerplate.fixOnSave', (v) => typeof v === 'boolean') as boolean,
    figuresPublishClosedFiles: get('figures.publishClosedFiles', (v) => typeof v === 'boolean') as boolean,
    boilerplateMinDocuments: Math.round(
      Math.max(2, Math.min(100000, get('boilerplate.minDocuments', (v) => typeof v === 'number' && Number.isFinite(v)) as number)),
    ),
    boilerplatePatterns: regExpSources('boilerplate.patterns', stringArray(get('boilerplate.patterns', isStrings), []), problems),
    boilerplateAllowlist: regExpSources('boilerplate.allowlist', stringArray(get('boilerplate.allowlist', isStrings), []), problems),
  };
}

export const DEFAULT_SETTINGS: Settings = normalizeSettings({});

/** The manifest's `contributes.configuration.properties`, generated from the table. */
export function manifestProperties(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(SETTINGS_SCHEMA)) {
    out[`corpusLens.${key}`] = { scope: 'resource', ...spec, markdownDescription: spec.description, description: undefined };
  }
  return JSON.parse(JSON.stringify(out));
}

/**
 * The JSON schema of `.corpuslens.json`, generated from the table like the
 * manifest: every key without the `corpusLens.` prefix, both dotted
 * (`"digits.targetStyle"`) and nested (`"digits": { "targetStyle" }`), as the
 * normalizer reads both. `schemas/corpuslens.schema.json` is this function's
 * output (`npm run sync-docs`); a unit test fails when
 * they drift.
 */
export function configFileSchema(): Record<string, unknown> {
  type Node = { type: 'object'; properties: Record<string, unknown>; additionalProperties: false; description?: string };
  const root: Node = { type: 'object', properties: {}, additionalProperties: false };
  root.properties.$schema = { type: 'string', description: 'The JSON schema this file follows.' };
  for (const [key, spec] of Object.entries(SETTINGS_SCHEMA)) {
    const property = { ...spec, markdownDescription: spec.description };
    root.properties[key] = property;
    const parts = key.split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      const group = (node.properties[part] ??= {
        type: 'object',
        properties: {},
        additionalProperties: false,
        description: `Settings under \`${parts.slice(0, parts.indexOf(part) + 1).join('.')}.\`, nested instead of dotted.`,
      }) as Node;
      node = group;
    }
    node.properties[parts[parts.length - 1]] = property;
  }
  return JSON.parse(
    JSON.stringify({
      $schema: 'http://json-schema.org/draft-07/schema#',
      title: 'Corpus Lens project settings (.corpuslens.json)',
      description:
        'Settings for Corpus Lens beside the corpus, read by the editor extension and the CLI. Same keys as the `corpusLens.*` editor settings without the prefix, dotted or nested; this file overrides editor settings.',
      ...root,
    }),
  );
}
