import { renderNumber, type DigitStyle, type NumberToken } from '../../numbers/scanner';
import type { Rule, RuleContext } from '../rule';

/**
 * A digits rule: one problem a number can have. The family reports one
 * finding per number, however many things are wrong with it ("٢,٠٠٠" has
 * Eastern digits and a Western comma): the first enabled rule (in registry
 * order) whose problem the number has reports it, names the others, and
 * fixes the whole number.
 */
export interface DigitRule extends Rule {
  readonly family: 'digits';
  /** Whether the number has this rule's problem, written for a corpus of the target style. */
  readonly problem: (token: NumberToken, style: DigitStyle) => boolean;
  /** The problem as another rule's finding names it ("it also uses Persian digits"). */
  readonly also: string;
  /** The finding's message, before the other problems and the fix. */
  readonly explain: (token: NumberToken) => string;
}

/** Everything a digits rule declares; the family supplies the rest (it warns unless the rule says otherwise, and its fix rewrites the number). */
export type DigitRuleSpec = Pick<DigitRule, 'id' | 'description' | 'tags' | 'problem' | 'also' | 'explain'> & Partial<Pick<DigitRule, 'defaultSeverity'>>;

export function digitRule(spec: DigitRuleSpec): DigitRule {
  const rule: DigitRule = { family: 'digits', defaultSeverity: 'warning', fixable: true, ...spec, check: (ctx) => reportIssues(ctx, rule) };
  return rule;
}

function isDigitRule(rule: Rule): rule is DigitRule {
  return 'problem' in rule;
}

interface DigitIssue {
  token: NumberToken;
  /** Every problem of the number, in registry order, enabled or not. */
  problems: DigitRule[];
  /** The number written in the target style. */
  replacement: string;
}

/** Resolves the `majority` setting against the corpus. */
function targetStyle(ctx: RuleContext): DigitStyle {
  const setting = ctx.settings.digitsTargetStyle;
  if (setting !== 'majority') return setting;
  return ctx.corpus.digitMajority();
}

/** The document's digit issues, computed once per analysis and shared by the digits rules. */
function digitIssues(ctx: RuleContext): readonly DigitIssue[] {
  return ctx.shared('digits/issues', () => {
    const rules = ctx.rules.filter(isDigitRule);
    let style: DigitStyle | undefined;
    const issues: DigitIssue[] = [];
    for (const token of ctx.numbers()) {
      // Asked on the first number: a document without numbers does not depend on the corpus's majority.
      style ??= targetStyle(ctx);
      const problems = rules.filter((r) => r.problem(token, style!));
      if (problems.length === 0) continue;
      const replacement = renderNumber(token, style);
      if (replacement !== token.text) issues.push({ token, problems, replacement });
    }
    return issues;
  });
}

/** The value in Western digits, when the replacement itself does not show it. */
function formatValue(token: NumberToken, replacement: string): string {
  if (Number.isNaN(token.value) || /^[%]?[0-9.,]+[%]?$/.test(replacement)) return '';
  return ` (value ${token.value.toLocaleString('en-US', { maximumFractionDigits: 10 })}${token.percent ? '%' : ''})`;
}

/** A digits rule's `check`: report the numbers whose first enabled problem is the rule's, with the full normalization as the fix. */
function reportIssues(ctx: RuleContext, rule: DigitRule): void {
  for (const issue of digitIssues(ctx)) {
    const owner = issue.problems.find((p) => ctx.isEnabled(p.id));
    if (owner !== rule) continue;
    const others = issue.problems.filter((p) => p !== rule).map((p) => p.also);
    const also = others.length ? `; it also ${others.join(' and ')}` : '';
    const { token, replacement } = issue;
    ctx.report({
      start: token.start,
      end: token.end,
      message: `${rule.explain(token)}${also}: write ${replacement}${formatValue(token, replacement)}`,
      fix: { title: `Write ${token.text} as ${replacement}`, edits: [{ start: token.start, end: token.end, newText: replacement }] },
      data: { value: Number.isNaN(token.value) ? null : token.value, original: token.text, replacement },
    });
  }
}
