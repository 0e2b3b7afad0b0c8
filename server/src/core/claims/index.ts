/** Claims: figures with their meaning (domain.md, Claims). */
export { NATIONAL, QUALIFIERS, quantityKey, quantityOf, quantityString, scopeKey, type Claim, type ClaimKindId, type Qualifier, type Quantity, type Scope } from './types';
export { extractClaims, type ClaimExtraction } from './extract';
export { claimInterval, tolerance, type Interval } from './intervals';
export { compileLexicon, lexiconFor, type CompiledLexicon } from './lexicon/compile';
export { DEFAULT_LEXICON_DATA, mergeLexicon, validateUserLexicon, type LexiconData, type UserLexicon } from './lexicon/sections';
export { claimLabel, eventLabel, qualifierLabel, subjectLabel } from './labels';
