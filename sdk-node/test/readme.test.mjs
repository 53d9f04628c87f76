// The README's Standard Webhooks example for Node, run as written against the real npm package.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Webhooks } from '../dist/esm/index.js';
import { readmeBlock } from './support/readme.mjs';

const snippet = readmeBlock('### Verifying with a Standard Webhooks library', 'js');
const packageDir = fileURLToPath(new URL('..', import.meta.url));

function runSnippet(secret, livemode) {
  const body = JSON.stringify({ id: randomUUID(), type: 'verification.completed', createdAt: new Date().toISOString(), livemode, data: {} });
  const headers = Webhooks.signatureHeaders(JSON.parse(body).id, new Date(), body, secret);
  const program = `const rawBody = process.env.RAW_BODY;\nconst headers = JSON.parse(process.env.HEADERS);\n${snippet}\nconsole.log(JSON.stringify(event));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', program], {
    cwd: packageDir,
    env: { PATH: process.env.PATH, PROOFDESK_WEBHOOK_SECRET: secret, RAW_BODY: body, HEADERS: JSON.stringify(headers) },
    encoding: 'utf8',
  });
  return { ...run, id: JSON.parse(body).id };
}

test('the README’s standardwebhooks example verifies a test event signed with a whsec_test_ secret', () => {
  assert.match(snippet, /from 'standardwebhooks'/);
  const run = runSnippet(`whsec_test_${randomBytes(32).toString('base64')}`, false);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(JSON.parse(run.stdout).id, run.id);
});

test('the README’s example refuses a live secret loudly, before any verification', () => {
  const run = runSnippet(`whsec_live_${randomBytes(32).toString('base64')}`, true);
  assert.notEqual(run.status, 0);
  assert.match(run.stderr, /Base64Coder|incorrect characters/i);
});
