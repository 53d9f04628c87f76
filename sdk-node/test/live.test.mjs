import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  InsufficientCreditsError,
  LiveKeyInTestEnvironmentError,
  Proofdesk,
  RateLimitError,
} from '../dist/esm/index.js';
import { baseUrl, liveClient, liveKey, publishedFlow, rateLimitedLiveKey, testKey } from './support/env.mjs';

const esm = fileURLToPath(new URL('../dist/esm/index.js', import.meta.url));
const cjs = fileURLToPath(new URL('../dist/cjs/index.js', import.meta.url));

/** Builds a client in a fresh node process with only the given environment; returns what happened. */
function buildIn(env, { key = liveKey, allow = false, prelude = '', module = 'esm', args = [] } = {}) {
  const options = `{ apiKey: ${JSON.stringify(key)}, baseUrl: 'http://127.0.0.1:9', allowLiveKeyInTestEnvironment: ${allow} }`;
  const code =
    module === 'esm'
      ? `${prelude}\nconst { Proofdesk } = await import(${JSON.stringify(esm)});\n`
      : `${prelude}\nconst { Proofdesk } = require(${JSON.stringify(cjs)});\n`;
  const run = `${code}try { new Proofdesk(${options}); console.log('built'); } catch (e) { console.log(e.name + ': ' + e.message); }`;
  const result = spawnSync(process.execPath, [...args, module === 'esm' ? '--input-type=module' : '--input-type=commonjs', '-e', run], {
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.trim();
}

test('a live key is refused in a process that looks like a test or CI run, with the reason', () => {
  assert.equal(buildIn({}), 'built', 'an ordinary process may use a live key');
  assert.equal(buildIn({ CI: 'false' }), 'built');
  for (const [env, reason] of [
    [{ CI: 'true' }, 'CI=true is set'],
    [{ CI: '1' }, 'CI=1 is set'],
    [{ NODE_ENV: 'test' }, 'NODE_ENV=test is set'],
    [{ NODE_TEST_CONTEXT: 'child' }, 'the process runs under node --test'],
    [{ JEST_WORKER_ID: '1' }, 'the process runs under Jest'],
    [{ VITEST: 'true' }, 'the process runs under Vitest'],
  ]) {
    const outcome = buildIn(env);
    assert.ok(outcome.startsWith('LiveKeyInTestEnvironmentError: '), `${JSON.stringify(env)}: ${outcome}`);
    assert.ok(outcome.includes(reason), outcome);
    assert.ok(outcome.includes('allowLiveKeyInTestEnvironment: true'), 'it says how to opt in');
    assert.ok(!outcome.includes(liveKey.slice(8)), 'never the key itself');
  }
  assert.match(buildIn({}, { prelude: 'globalThis.describe = () => {}; globalThis.it = () => {};' }), /^LiveKeyInTestEnvironmentError: .*describe, it/);
  assert.match(buildIn({ CI: 'true' }, { module: 'cjs' }), /^LiveKeyInTestEnvironmentError: /, 'the CommonJS build guards too');
});

test('the refusal is lifted only by the explicit option, and never applies to test keys', () => {
  assert.equal(buildIn({ CI: 'true' }, { allow: true }), 'built');
  assert.equal(buildIn({ CI: 'true', NODE_ENV: 'test' }, { key: testKey }), 'built');
});

test('under node --test itself, as here, a live key needs the option', () => {
  assert.throws(
    () => new Proofdesk({ apiKey: liveKey, baseUrl }),
    (e) => e instanceof LiveKeyInTestEnvironmentError && e.code === 'live_key_in_test_environment' && e.statusCode === 0,
  );
  const dir = mkdtempSync(join(tmpdir(), 'proofdesk-guard-'));
  try {
    const file = join(dir, 'guard.test.mjs');
    writeFileSync(
      file,
      `import { test } from 'node:test';\nimport assert from 'node:assert/strict';\n` +
        `import { Proofdesk, LiveKeyInTestEnvironmentError } from ${JSON.stringify(esm)};\n` +
        `test('refused', () => assert.throws(() => new Proofdesk({ apiKey: ${JSON.stringify(liveKey)}, baseUrl: 'http://127.0.0.1:9' }), LiveKeyInTestEnvironmentError));\n`,
    );
    const run = spawnSync(process.execPath, ['--test', file], { env: { PATH: process.env.PATH }, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stdout + run.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('live sessions are charged, an idempotent replay is not, a short balance is refused, a cancel refunds', async () => {
  const proofdesk = liveClient();
  assert.equal(proofdesk.livemode, true);
  const before = await proofdesk.balance.retrieve();
  assert.equal(before.object, 'balance');
  assert.equal(before.livemode, true);
  assert.ok(before.credits >= 25 && before.credits < 50, `granted 40 by the test run (${before.credits})`);

  const flow = await publishedFlow(proofdesk, { name: 'KYC', product: 'pre_kyc' });
  const idempotencyKey = `live-${randomUUID()}`;
  const session = await proofdesk.sessions.create({ flowId: flow.id }, { idempotencyKey });
  assert.equal(session.livemode, true);
  assert.equal(session.cost, 25);
  assert.match(session.clientSecret, /^cs_live_/);
  assert.equal((await proofdesk.sessions.create({ flowId: flow.id }, { idempotencyKey })).id, session.id);
  const charged = await proofdesk.balance.retrieve();
  assert.deepEqual([charged.credits, charged.reserved], [before.credits - 25, before.reserved + 25], 'charged once');

  const short = await proofdesk.sessions.create({ flowId: flow.id }).then(assert.fail, (e) => e);
  assert.ok(short instanceof InsufficientCreditsError, String(short));
  assert.equal(short.statusCode, 402);
  assert.equal(short.code, 'insufficient_credits');
  assert.equal(short.balance, before.credits - 25);
  assert.equal(short.required, 25);

  await proofdesk.sessions.cancel(session.id);
  const refunded = await proofdesk.balance.retrieve();
  assert.deepEqual([refunded.credits, refunded.reserved], [before.credits, before.reserved]);

  const testBalance = await new Proofdesk({ apiKey: testKey, baseUrl }).balance.retrieve();
  assert.equal(testBalance.livemode, false);
  assert.equal(testBalance.credits, undefined);
  assert.match(testBalance.message, /Billing does not apply in test mode/);
});

test('the real server’s 429 is a RateLimitError with Retry-After, and retries honour it', async () => {
  const noRetries = new Proofdesk({ apiKey: rateLimitedLiveKey, baseUrl, allowLiveKeyInTestEnvironment: true, maxNetworkRetries: 0 });
  const outcomes = await Promise.allSettled(Array.from({ length: 100 }, () => noRetries.balance.retrieve()));
  const limited = outcomes.filter((o) => o.status === 'rejected').map((o) => o.reason);
  assert.ok(limited.length > 0, 'a burst beyond the live limit is refused');
  for (const e of limited) {
    assert.ok(e instanceof RateLimitError, String(e));
    assert.equal(e.statusCode, 429);
    assert.equal(e.code, 'rate_limited');
    assert.ok(e.retryAfterSeconds >= 1);
    assert.match(e.requestId, /^req_/);
  }

  const patient = new Proofdesk({ apiKey: rateLimitedLiveKey, baseUrl, allowLiveKeyInTestEnvironment: true, maxNetworkRetries: 5 });
  const balances = await Promise.all(Array.from({ length: 10 }, () => patient.balance.retrieve()));
  assert.ok(balances.every((b) => b.livemode === true));
});
