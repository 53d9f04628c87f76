import { LiveKeyInTestEnvironmentError } from './errors.js';

type Env = Record<string, string | undefined>;

/**
 * What makes this process look like a test or CI run, or null when nothing does: `CI` set (to
 * anything but `false` or `0`), `NODE_ENV=test`, or a test runner we can see (node --test, Jest,
 * Vitest, or the describe/it globals of Mocha and Jasmine).
 */
export function testEnvironmentReason(
  env: Env = process.env,
  execArgv: readonly string[] = process.execArgv,
  globals: object = globalThis,
): string | null {
  const ci = env['CI'];
  if (ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0') {
    return `CI=${ci} is set`;
  }
  if (env['NODE_ENV'] === 'test') {
    return 'NODE_ENV=test is set';
  }
  if (env['NODE_TEST_CONTEXT'] !== undefined || execArgv.includes('--test')) {
    return 'the process runs under node --test';
  }
  if (env['JEST_WORKER_ID'] !== undefined) {
    return 'the process runs under Jest (JEST_WORKER_ID is set)';
  }
  if (env['VITEST'] !== undefined || env['VITEST_WORKER_ID'] !== undefined) {
    return 'the process runs under Vitest';
  }
  const g = globals as { describe?: unknown; it?: unknown };
  if (typeof g.describe === 'function' && typeof g.it === 'function') {
    return 'test-runner globals (describe, it) are defined';
  }
  return null;
}

/**
 * "Don't put a live key in a test environment": refuses a live key when the process looks like a
 * test or CI run, unless the caller said that live is meant.
 */
export function guardLiveKey(livemode: boolean, allowed: boolean): void {
  if (!livemode || allowed) {
    return;
  }
  const reason = testEnvironmentReason();
  if (reason !== null) {
    throw new LiveKeyInTestEnvironmentError(
      `Refusing a live key (sk_live_…) because this process looks like a test or CI run: ${reason}. ` +
        'Live keys act on real data and spend credits; tests and CI should use a test key (sk_test_…). ' +
        'If this run is meant to reach live (a production smoke test, say), pass ' +
        'allowLiveKeyInTestEnvironment: true.',
      reason,
    );
  }
}
