/** The analysis core's public surface: the server, the CLI and the tests import from here. */
export * from './types';
export * from './text';
export * from './settings';
export * from './corpus';
export * from './analyze';
export * from './numbers/scanner';
export { readFigures, type Figure, type FigureKind, type FigureWriting } from './numbers/words';
export { normalizeWord } from './numbers/normalize';
export * from './claims';
export { RULES, rulesOf, findRule } from './rules';
export type { Rule, RuleContext, Report, OffsetEdit } from './rules/rule';
export * from './fixes';
export * from './fixPasses';
export * from './corpusFix';
export { judge, intervalOf, roundingTolerance, type FigureReport, type Judgement, type Verdict, type VerdictKind } from './figures/judge';
export { QuantityIndex } from './figures/quantityIndex';
export { figurePairs, type FigurePair } from './figures/pairs';
export { describeAmount, describeReport, QUALIFIER_WORDS, reportsFromClaims, shortName } from './figures/reports';
