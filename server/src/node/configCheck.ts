/**
 * What `.corpuslens.json` says that no setting reads: keys that are not
 * settings (misspelled, or with the editor's `corpusLens.` prefix), rule ids
 * that are no rule, and numbers too large for JavaScript (JSON.parse makes
 * `1e400` Infinity, which the normalizer could only call "null"). Each is one
 * line, with the file, the line and the nearest key.
 */
import leven from 'leven';
import { visit, type JSONPath } from 'jsonc-parser';
import { RULES, SETTINGS_SCHEMA } from '../core';

const PREFIX = 'corpusLens';
const SETTING_KEYS: ReadonlySet<string> = new Set(Object.keys(SETTINGS_SCHEMA));
/** `digits`, `severity`, …: the objects the nested form groups settings in. */
const GROUPS: ReadonlySet<string> = new Set(
  [...SETTING_KEYS].flatMap((key) => key.split('.').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('.'))),
);
const KEY_CANDIDATES = [...SETTING_KEYS, ...GROUPS];
const RULE_IDS = RULES.map((r) => r.id);

/** The candidate a user most likely meant, if one is close enough to say so. */
export function nearest(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const same = candidates.find((c) => c.toLowerCase() === lower);
  if (same) return same;
  // A nested key written at the wrong level: `targetStyle` for `digits.targetStyle`.
  const last = lower.slice(lower.lastIndexOf('.') + 1);
  const moved = candidates.find((c) => c.toLowerCase().endsWith(`.${last}`));
  if (moved) return moved;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = leven(lower, c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  // Up to one edit in four: close enough to be a typo, not just another short word.
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(best.length / 4)) ? best : undefined;
}

const didYouMean = (guess: string | undefined) => (guess ? ` (did you mean ${JSON.stringify(guess)}?)` : '');

/** The dotted key of an object's members, or undefined inside an array (items are a setting's value). */
function dotted(path: JSONPath): string | undefined {
  return path.every((p) => typeof p === 'string') ? path.join('.') : undefined;
}

/**
 * Problems with the keys and numbers of a parsed settings file. Numbers out
 * of range are taken out of `values`, so the default applies without a
 * second, vaguer message from the normalizer.
 */
export function checkConfigKeys(text: string, file: string, values: Record<string, unknown>): string[] {
  const problems: string[] = [];
  /** Keys already reported: what is under them is not reported again. */
  const reported: string[] = [];
  const under = (key: string, parents: readonly string[]) => parents.some((p) => key === p || key.startsWith(`${p}.`));
  visit(text, {
    onObjectProperty(property, _offset, _length, startLine, _startCharacter, pathSupplier) {
      const parent = pathSupplier();
      const parentKey = dotted(parent);
      if (parentKey === undefined) return;
      const at = `${file}:${startLine + 1}: `;
      const key = parentKey ? `${parentKey}.${property}` : property;
      if (under(key, reported)) return;
      // Inside a setting's value (`rules`, `claims.lexicon`): its own check says what is wrong there.
      const inside = parent.some((_, i) => SETTING_KEYS.has(parent.slice(0, i + 1).join('.')));
      if (inside) {
        if (parentKey === 'rules' && !RULE_IDS.includes(property)) {
          problems.push(`${at}"rules": ${JSON.stringify(property)} is not a rule${didYouMean(nearest(property, RULE_IDS))}; ignored`);
        }
        return;
      }
      if (SETTING_KEYS.has(key) || GROUPS.has(key) || key === '$schema') return;
      reported.push(key);
      if (key === PREFIX) {
        problems.push(`${at}"${PREFIX}": drop the "${PREFIX}" wrapper, write its settings at the top level; ignored`);
      } else if (key.startsWith(`${PREFIX}.`)) {
        problems.push(`${at}${JSON.stringify(key)}: drop the "${PREFIX}." prefix, write ${JSON.stringify(key.slice(PREFIX.length + 1))}; ignored`);
      } else {
        problems.push(`${at}${JSON.stringify(key)} is not a setting${didYouMean(nearest(key, KEY_CANDIDATES))}; ignored`);
      }
    },
    onLiteralValue(value, offset, length, startLine, _startCharacter, pathSupplier) {
      if (typeof value !== 'number' || Number.isFinite(value)) return;
      const path = pathSupplier();
      const key = path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[');
      if (under(key, reported)) return;
      const spec = SETTINGS_SCHEMA[key as keyof typeof SETTINGS_SCHEMA] as { minimum?: number; maximum?: number } | undefined;
      const range = spec?.minimum !== undefined && spec.maximum !== undefined ? ` from ${spec.minimum} to ${spec.maximum}` : '';
      problems.push(`${file}:${startLine + 1}: ${key}: ${text.slice(offset, offset + length)} is out of range (must be a finite number${range}); ignored`);
      remove(values, path);
    },
  });
  return problems;
}

function remove(values: Record<string, unknown>, path: JSONPath): void {
  let node: unknown = values;
  for (const part of path.slice(0, -1)) node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[part] : undefined;
  const last = path[path.length - 1];
  if (node !== null && typeof node === 'object' && !Array.isArray(node) && typeof last === 'string') delete (node as Record<string, unknown>)[last];
}
