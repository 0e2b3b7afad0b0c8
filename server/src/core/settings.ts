import { FAMILIES, type Family, type SeverityLevel } from './types';

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
  'boilerplate.fixOnSave': {
    type: 'boolean',
    default: false,
    description:
      'Let `source.fixAll` (for example `editor.codeActionsOnSave`) delete boilerplate lines. Deletion is destructive, so it is off by default; quick fixes and the CLI still delete on request.',
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
} as const;

export type SettingKey = keyof typeof SETTINGS_SCHEMA;

export type TargetStyle = 'western' | 'eastern' | 'majority';

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
  boilerplateFixOnSave: boolean;
}

const SEVERITY_LEVELS: readonly SeverityLevel[] = ['error', 'warning', 'information', 'hint', 'off'];

function isSeverityLevel(v: unknown): v is SeverityLevel {
  return typeof v === 'string' && (SEVERITY_LEVELS as readonly string[]).includes(v);
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
    problems.push(`corpusLens.${key}: ${JSON.stringify(v)} is not valid; using the default`);
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
    boilerplateFixOnSave: get('boilerplate.fixOnSave', (v) => typeof v === 'boolean') as boolean,
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
