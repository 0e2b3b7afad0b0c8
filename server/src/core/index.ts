/** The analysis core's public surface: the server, the CLI and the tests import from here. */
export * from './types';
export * from './text';
export * from './settings';
export * from './corpus';
export * from './analyze';
export * from './numbers/scanner';
export { RULES, rulesOf, findRule } from './rules';
export type { Rule, RuleContext, Report, OffsetEdit } from './rules/rule';
export * from './fixes';
