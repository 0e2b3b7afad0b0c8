import { renderNumber, westernDecimalIsAmbiguous, SCRIPT_EASTERN, SCRIPT_PERSIAN, SCRIPT_WESTERN, type DigitStyle, type NumberToken } from '../../numbers/scanner';
import type { RuleContext } from '../rule';

/**
 * The digits family reports one finding per number, however many things are
 * wrong with it ("٢,٠٠٠" has Eastern digits and a Western comma): each number
 * is diagnosed once here, and the rule owning its first problem in this
 * priority order reports it, with a fix that rewrites the whole number.
 */
export const DIGIT_PROBLEM_ORDER = [
  'digits/mixed-script',
  'digits/eastern-arabic',
  'digits/persian',
  'digits/western',
  'digits/dot-thousands',
  'digits/separator',
  'digits/percent-sign',
] as const;

export type DigitRuleId = (typeof DIGIT_PROBLEM_ORDER)[number];

export interface DigitIssue {
  token: NumberToken;
  /** Every problem of the number, in priority order. */
  problems: DigitRuleId[];
  /** The number written in the target style. */
  replacement: string;
}

/** Resolves the `majority` setting against the corpus. */
export function targetStyle(ctx: RuleContext): DigitStyle {
  const setting = ctx.settings.digitsTargetStyle;
  if (setting !== 'majority') return setting;
  return ctx.corpus.digitMajority();
}

function problemsOf(token: NumberToken, style: DigitStyle): DigitRuleId[] {
  const problems: DigitRuleId[] = [];
  const s = token.scripts;
  if (s & (s - 1)) problems.push('digits/mixed-script');
  if (style === 'western') {
    if (s & SCRIPT_EASTERN) problems.push('digits/eastern-arabic');
    if (s & SCRIPT_PERSIAN) problems.push('digits/persian');
  } else {
    if (s & SCRIPT_PERSIAN) problems.push('digits/persian');
    if (s & SCRIPT_WESTERN) problems.push('digits/western');
  }
  if (token.dotThousands) problems.push('digits/dot-thousands');
  if (token.kind === 'number') {
    const wrong = style === 'western' ? /[\u066B\u066C]/ : /[.,]/;
    const keepsArabicDecimal = style === 'western' && westernDecimalIsAmbiguous(token);
    if (token.separators.some((sep, k) => wrong.test(sep) && !(sep === '.' && token.roles[k] === 'thousands') && !(keepsArabicDecimal && sep === '\u066B'))) {
      problems.push('digits/separator');
    }
  }
  if (token.percent && token.percent !== (style === 'western' ? '%' : '\u066A')) problems.push('digits/percent-sign');
  return problems;
}

/** The document's digit issues, computed once per analysis and shared by the digits rules. */
export function digitIssues(ctx: RuleContext): readonly DigitIssue[] {
  return ctx.shared('digits/issues', () => {
    let style: DigitStyle | undefined;
    const issues: DigitIssue[] = [];
    for (const token of ctx.numbers()) {
      // Asked on the first number: a document without numbers does not depend on the corpus's majority.
      style ??= targetStyle(ctx);
      const problems = problemsOf(token, style);
      if (problems.length === 0) continue;
      const replacement = renderNumber(token, style);
      if (replacement !== token.text) issues.push({ token, problems, replacement });
    }
    return issues;
  });
}

const PROBLEM_TEXT: Record<DigitRuleId, string> = {
  'digits/mixed-script': 'mixes digit scripts',
  'digits/eastern-arabic': 'uses Eastern Arabic-Indic digits',
  'digits/persian': 'uses Persian digits',
  'digits/western': 'uses Western digits',
  'digits/dot-thousands': 'uses a dot as thousands separator',
  'digits/separator': 'uses separators of the other style',
  'digits/percent-sign': 'uses the other percent sign',
};

/** The value in Western digits, when the replacement itself does not show it. */
function formatValue(token: NumberToken, replacement: string): string {
  if (Number.isNaN(token.value) || /^[%]?[0-9.,]+[%]?$/.test(replacement)) return '';
  return ` (value ${token.value.toLocaleString('en-US', { maximumFractionDigits: 10 })}${token.percent ? '%' : ''})`;
}

/**
 * The body of every digits rule: report the numbers whose first enabled
 * problem is this rule's, with the full normalization as the fix.
 */
export function reportDigitIssues(ctx: RuleContext, ruleId: DigitRuleId, explain: (issue: DigitIssue) => string): void {
  for (const issue of digitIssues(ctx)) {
    const owner = issue.problems.find((p) => ctx.isEnabled(p));
    if (owner !== ruleId) continue;
    const others = issue.problems.filter((p) => p !== ruleId).map((p) => PROBLEM_TEXT[p]);
    const also = others.length ? `; it also ${others.join(' and ')}` : '';
    const { token, replacement } = issue;
    ctx.report({
      start: token.start,
      end: token.end,
      message: `${explain(issue)}${also}: write ${replacement}${formatValue(token, replacement)}`,
      fix: { title: `Write ${token.text} as ${replacement}`, edits: [{ start: token.start, end: token.end, newText: replacement }] },
      data: { value: Number.isNaN(token.value) ? null : token.value, original: token.text, replacement },
    });
  }
}
