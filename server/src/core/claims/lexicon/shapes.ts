/**
 * The shapes a claims-lexicon section may have. A shape knows its data's
 * type, how to read it from untrusted user input, and how a user's part
 * joins the defaults: lists are joined (without repeats), labels replaced,
 * new ids added. Sections (sections.ts) are declared with these.
 */
import { ID, isRecord, type Validator } from './validator';

export interface Shape<T> {
  /** The shape's name; a `phrases` section gets a phrase set of its own, of its name, in the compiled lexicon (compile.ts). */
  readonly kind: string;
  /** The section read from user input (undefined: all of it dropped, with a problem said). */
  validate(v: Validator, value: unknown, path: string): T | undefined;
  /** The defaults extended by the user's part. */
  merge(base: T, user: T | undefined): T;
}

export type DataOf<S> = S extends Shape<infer T> ? T : never;

const union = (a: readonly string[] | undefined, b: readonly string[] | undefined): string[] => [...new Set([...(a ?? []), ...(b ?? [])])];

/** Lists of words or phrases; `set: false` when the section has no phrase set of its own (another section's compiled form reads it). */
export function phrases<S extends boolean = true>(options?: { set: S }): Shape<string[]> & { kind: S extends false ? 'read-by-another' : 'phrases' } {
  return {
    kind: (options?.set === false ? 'read-by-another' : 'phrases') as S extends false ? 'read-by-another' : 'phrases',
    validate: (v, value, path) => v.list(value, path),
    merge: (base, user) => union(base, user),
  };
}

/** A list of ids (of subject classes, say). */
export function ids(): Shape<string[]> & { kind: 'ids' } {
  return {
    kind: 'ids',
    validate(v, value, path) {
      const list = v.list(value, path);
      return list?.filter((id) => v.id(id, `${path}[${JSON.stringify(id)}]`));
    },
    merge: (base, user) => union(base, user),
  };
}

type Lists<L extends string> = Partial<Record<L, string[]>>;

function mergeLists<L extends string>(keys: readonly L[], base: Lists<L> | undefined, user: Lists<L> | undefined): Lists<L> {
  const out: Lists<L> = {};
  for (const k of keys) out[k] = union(base?.[k], user?.[k]);
  return out;
}

/** Named lists (`{ "verbs": [...], "according": [...] }`); `expected` says what a value that is no object should have been. */
export function lists<L extends string>(keys: readonly L[], expected = 'must be an object'): Shape<Lists<L>> & { kind: 'lists' } {
  return {
    kind: 'lists',
    validate(v, value, path) {
      if (!isRecord(value)) {
        v.problem(path, `${expected}; ignored`);
        return undefined;
      }
      const out: Lists<L> = {};
      for (const [k, list] of Object.entries(value)) {
        if ((keys as readonly string[]).includes(k)) out[k as L] = v.list(list, `${path}.${k}`);
        else v.problem(`${path}.${k}`, 'unknown key; ignored');
      }
      return out;
    },
    merge: (base, user) => mergeLists(keys, base, user),
  };
}

/** Named lists per key of a fixed set (qualifier → phrases before and after); a list alone is the first lists'. */
export function keyed<K extends string, L extends string>(keys: readonly K[], listKeys: readonly L[], what: string): Shape<Partial<Record<K, Lists<L>>>> & { kind: 'keyed' } {
  return {
    kind: 'keyed',
    validate(v, value, path) {
      if (!isRecord(value)) {
        v.problem(path, `must be an object keyed by ${what}; ignored`);
        return undefined;
      }
      const out: Partial<Record<K, Lists<L>>> = {};
      for (const [key, spec] of Object.entries(value)) {
        const p = `${path}.${key}`;
        if (!(keys as readonly string[]).includes(key)) {
          v.problem(p, `unknown ${what} (one of ${keys.join(', ')}); ignored`);
          continue;
        }
        if (Array.isArray(spec)) out[key as K] = { [listKeys[0]]: v.list(spec, p) } as Lists<L>;
        else if (isRecord(spec)) {
          const entry: Lists<L> = {};
          for (const k of listKeys) entry[k] = v.list(spec[k], `${p}.${k}`);
          out[key as K] = entry;
        } else v.problem(p, `must be a list or { ${listKeys.map((k) => JSON.stringify(k)).join(', ')} }; ignored`);
      }
      return out;
    },
    merge(base, user) {
      const out: Partial<Record<K, Lists<L>>> = {};
      for (const k of keys) out[k] = mergeLists(listKeys, base[k], user?.[k]);
      return out;
    },
  };
}

/** A class: its label, its main list (always there once validated), its other lists and its flags (when given). */
type Class<M extends string, R extends string, F extends string = never> = { label?: string } & Record<M, string[]> & Lists<R> & Partial<Record<F, boolean>>;

/** Classes by id (an event, a subject class), each with a label, lists and boolean flags; a list alone is the main list. */
export function classes<M extends string, R extends string = never, F extends string = never>(
  main: M,
  rest: readonly R[] = [],
  flags: readonly F[] = [],
): Shape<Record<string, Class<M, R, F>>> & { kind: 'classes' } {
  const listKeys: readonly (M | R)[] = [main, ...rest];
  const known = new Set<string>(['label', ...listKeys, ...flags]);
  return {
    kind: 'classes',
    validate(v, value, path) {
      if (!isRecord(value)) {
        v.problem(path, 'must be an object keyed by id; ignored');
        return undefined;
      }
      const out: Record<string, Class<M, R, F>> = {};
      for (const [id, spec] of Object.entries(value)) {
        const p = `${path}.${id}`;
        if (!v.id(id, p)) continue;
        if (Array.isArray(spec)) out[id] = { [main]: v.list(spec, p) ?? [] } as Class<M, R, F>;
        else if (isRecord(spec)) {
          const entry = {} as Class<M, R, F>;
          const label = v.label(spec.label, `${p}.label`);
          if (label) entry.label = label;
          (entry as Lists<M>)[main] = v.list(spec[main], `${p}.${main}`) ?? [];
          for (const k of rest) {
            const list = v.list(spec[k], `${p}.${k}`);
            if (list) (entry as Lists<R>)[k] = list;
          }
          for (const f of flags) {
            const on = spec[f];
            if (typeof on === 'boolean') (entry as Partial<Record<F, boolean>>)[f] = on;
            else if (on !== undefined) v.problem(`${p}.${f}`, 'must be true or false; ignored');
          }
          for (const extra of Object.keys(spec)) if (!known.has(extra)) v.problem(`${p}.${extra}`, 'unknown key; ignored');
          out[id] = entry;
        } else v.problem(p, `must be a list of ${main} or { "label", "${main}" }; ignored`);
      }
      return out;
    },
    merge(base, user) {
      const out: Record<string, Class<M, R, F>> = {};
      for (const [id, c] of [...Object.entries(base), ...Object.entries(user ?? {})]) {
        const entry = { label: c.label ?? out[id]?.label } as Class<M, R, F>;
        for (const k of listKeys) (entry as Lists<M | R>)[k] = union((out[id] as Lists<M | R> | undefined)?.[k], (c as Lists<M | R>)[k]);
        // A user's flag replaces the default's; a flag left out keeps it.
        for (const f of flags) {
          const on = (c as Partial<Record<F, boolean>>)[f] ?? (out[id] as Partial<Record<F, boolean>> | undefined)?.[f];
          if (on !== undefined) (entry as Partial<Record<F, boolean>>)[f] = on;
        }
        out[id] = entry;
      }
      return out;
    },
  };
}

interface ContextRule {
  words: string[];
  event: string;
  becomes: string;
}

/** Context rules: an event becomes another when one of the words is in the sentence. The user's rules follow the defaults. */
export function contextRules(): Shape<ContextRule[]> & { kind: 'contexts' } {
  return {
    kind: 'contexts',
    validate(v, value, path) {
      if (!Array.isArray(value)) {
        v.problem(path, 'must be a list of { "words", "event", "becomes" }; ignored');
        return undefined;
      }
      const out: ContextRule[] = [];
      value.forEach((rule, k) => {
        const p = `${path}[${k}]`;
        if (!isRecord(rule) || typeof rule.event !== 'string' || typeof rule.becomes !== 'string' || !ID.test(rule.event) || !ID.test(rule.becomes)) {
          v.problem(p, 'needs "words", and "event" and "becomes" ids; ignored');
          return;
        }
        out.push({ words: v.list(rule.words, `${p}.words`) ?? [], event: rule.event, becomes: rule.becomes });
      });
      return out;
    },
    merge: (base, user) => [...base, ...(user ?? [])],
  };
}
