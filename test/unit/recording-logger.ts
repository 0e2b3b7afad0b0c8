/**
 * The core catches a throwing claim extraction or rule and logs it, so the
 * analysis of the other rules and documents goes on. A test that passes no
 * logger therefore cannot see a throw: the silent logger eats it. Tests that
 * claim "never throws" pass this logger and assert nothing was logged.
 */
import assert from 'node:assert/strict';
import type { Logger } from '../../server/src/core';

export function recordingLogger(): Logger & { errors: string[] } {
  const errors: string[] = [];
  return { errors, info() {}, warn() {}, error: (m) => errors.push(m) };
}

/** Fails with every error the core logged (a swallowed throw is a failure, not a fallback to test around). */
export function assertNothingLogged(logger: { errors: readonly string[] }, what: string): void {
  assert.deepEqual(logger.errors, [], `${what}: the core logged an error it swallowed`);
}
