/**
 * The analysis core's public API, what the front ends (server, CLI) use:
 * the workflows over an injected workspace, the analysis entry points, the
 * settings and the types their results are made of. Tests of internals
 * import those from their own modules.
 */
export * from './types';
export * from './settings';
export { SeedDocument } from './text';
export { analyzeDocument, compatibleFixes, indexedOnly, prepareDocument, type AnalysisOptions, type DocumentAnalysis, type PreparedDocument } from './analyze';
export { CorpusIndex, type CorpusView, type DocumentSummary } from './corpus';
export type { CorpusChange, CorpusFacts } from './corpusFacts';
export type { OmittedFindings } from './findingCap';
export { fixableOnSave, minimalEdit, type FixResult } from './fixes';
export type { PlannedEdit } from './fixPasses';
export { RULES } from './rules';
export type { Figure } from './numbers/words';
export { normalizeWord } from './numbers/normalize';
export { claimLabel, eventLabel, lexiconFor, qualifierLabel, quantityKey, subjectLabel, type Claim, type CompiledLexicon } from './claims';
export type { FigureReport, Judgement } from './figures/judge';
export type { QuantityIndex } from './figures/quantityIndex';
export type { FigurePair } from './figures/pairs';
export { figureKey, QUALIFIER_WORDS, shortName } from './figures/reports';
export type { Story, StoryIndex } from './stories/storyIndex';
export { figureIndexOf, storiesOf } from './figureIndex';
export type { ApplyOutcome, CorpusWorkspace, FixWorkspace, Unreadable, WorkflowProgress, WorkspaceDocument, WriteOutcome } from './workflows/workspace';
export { loadCorpus, type LoadedCorpus, type LoadedDocument } from './workflows/load';
export { checkCorpus, conflictsOf, type CheckOptions, type CorpusCheck } from './workflows/check';
export { fixCorpus, type CorpusFixOptions, type CorpusFixOutcome } from './workflows/fix';
