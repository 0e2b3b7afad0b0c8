/**
 * The user's regular expressions (`boilerplate.patterns`, `boilerplate.allowlist`)
 * run on RE2 (the `re2js` port), whose matching time is linear in the line:
 * a backtracking engine takes exponential time on patterns such as `(a+)+$`,
 * and a user pattern runs on every line, on the language server's thread too.
 * They are written in JavaScript syntax, checked by the JavaScript parser
 * first, then carried over to RE2; what RE2 cannot run in linear time
 * (back-references, lookaround) is refused with a reason.
 */
import { RE2JS } from 're2js';

/** The JavaScript flags the syntax is checked with: case-insensitive, Unicode (RE2 is both). */
export const USER_REGEXP_FLAGS = 'iu';

export interface LineMatcher {
  test(line: string): boolean;
}

export type CompiledUserPattern = { ok: true; matcher: LineMatcher } | { ok: false; reason: string };

// JavaScript's `\s`: \t \n \v \f \r, the space separators (Zs), U+2028, U+2029 and U+FEFF; RE2's is ASCII only.
const JS_SPACE = '\\t-\\r\\p{Zs}\\u2028\\u2029\\ufeff';
// JavaScript's `.` without the s flag: anything but a line terminator; RE2's stops only at \n.
const JS_DOT = '[^\\n\\r\\u2028\\u2029]';
// JavaScript's `\p{Script=Arabic}` and `\p{gc=Lu}` are RE2's `\p{Arabic}` and `\p{Lu}`.
const PROPERTY_PREFIX = /^(?:Script|sc|General_Category|gc)=/;

/**
 * The pattern in RE2's terms, or why it has none. Needs a source the
 * JavaScript parser accepted with the u flag, whose strict syntax makes a
 * one-pass scan enough: every `\` escapes one thing, classes do not nest.
 */
function toRe2(source: string): { source: string } | { reason: string } {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const n = source[i + 1];
      if (/[1-9k]/.test(n)) return { reason: 'uses a back-reference, which no linear-time matcher can run' };
      if (n === 's') out += inClass ? JS_SPACE : `[${JS_SPACE}]`;
      // Inside a class, RE2's own \S stands (it differs only on rare Unicode spaces).
      else if (n === 'S') out += inClass ? '\\S' : `[^${JS_SPACE}]`;
      else if ((n === 'p' || n === 'P') && source[i + 2] === '{') {
        const end = source.indexOf('}', i);
        out += `\\${n}{${source.slice(i + 3, end).replace(PROPERTY_PREFIX, '')}}`;
        i = end;
        continue;
      } else out += c + n;
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += c;
    } else if (c === '[') {
      inClass = true;
      out += c;
    } else if (c === '(' && /^\(\?(?:[=!]|<[=!])/.test(source.slice(i, i + 4))) {
      return { reason: 'uses a lookahead or lookbehind, which the linear-time matcher cannot run' };
    } else out += c === '.' ? JS_DOT : c;
  }
  return { source: out };
}

/** Compiles a user pattern for matching lines, or says in a few words why it cannot be used. */
export function compileUserPattern(source: string): CompiledUserPattern {
  try {
    new RegExp(source, USER_REGEXP_FLAGS);
  } catch (err) {
    return { ok: false, reason: `is not a valid regular expression (${(err as Error).message})` };
  }
  const re2 = toRe2(source);
  if ('reason' in re2) return { ok: false, reason: re2.reason };
  try {
    const re = RE2JS.compile(RE2JS.translateRegExp(re2.source), RE2JS.CASE_INSENSITIVE);
    return { ok: true, matcher: { test: (line) => re.test(line) } };
  } catch (err) {
    return { ok: false, reason: `cannot be run by the linear-time matcher (${(err as Error).message})` };
  }
}
