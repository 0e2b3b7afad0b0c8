declare const CORPUS_LENS_VERSION: string | undefined;

/** The package version, inlined by esbuild; unbundled runs (tests under tsx) say `dev`. */
export const VERSION: string = typeof CORPUS_LENS_VERSION === 'string' ? CORPUS_LENS_VERSION : '0.0.0-dev';
