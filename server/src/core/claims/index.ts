/** Claims: figures with their meaning (domain.md, Claims). */
export { QUALIFIERS, quantityKey, type Claim, type Qualifier } from './types';
export { extractClaims, type ClaimExtraction } from './extract';
export { claimInterval, tolerance, type Interval } from './intervals';
export {
  compileLexicon,
  DEFAULT_LEXICON_DATA,
  lexiconFor,
  mergeLexicon,
  validateUserLexicon,
  type CompiledLexicon,
  type LexiconData,
  type UserLexicon,
} from './lexicon';
export { claimLabel, eventLabel, qualifierLabel, subjectLabel } from './labels';
