import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { test } from 'node:test';
import {
  ApiConnectionError,
  AuthenticationError,
  ConflictError,
  EnvironmentMismatchError,
  InvalidRequestError,
  MalformedApiKeyError,
  NotFoundError,
  PayloadTooLargeError,
  PermissionError,
  Proofdesk,
  ProofdeskError,
  ServerError,
  TestModeOnlyError,
} from '../dist/esm/index.js';
import { checksum } from '../dist/esm/apiKeys.js';
import { adults, baseUrl, liveClient, publishedFlow, testClient } from './support/env.mjs';
import { envelope, scriptedServer } from './support/http.mjs';

/** Asserts that `promise` rejects with an instance of `type` from the real server, and returns it. */
async function apiError(promise, type, status, code) {
  const error = await promise.then(
    () => assert.fail(`expected ${type.name}`),
    (e) => e,
  );
  assert.ok(error instanceof type, `${error} is a ${type.name}`);
  assert.ok(error instanceof ProofdeskError);
  assert.equal(error.name, type.name);
  assert.equal(error.statusCode, status);
  assert.equal(error.code, code);
  assert.match(error.requestId ?? '', /^req_/);
  return error;
}

test('validation_failed is an InvalidRequestError naming every field', async () => {
  const e = await apiError(
    testClient().flows.create({ name: 'No product', rules: { minimumAge: 130 } }),
    InvalidRequestError,
    400,
    'validation_failed',
  );
  assert.deepEqual(e.issues.map((i) => i.path).sort(), ['product', 'rules.minimumAge']);
  assert.ok(e.issues.every((i) => i.message.length > 0));
});

test('unauthenticated is an AuthenticationError: a well-formed key the server does not know', async () => {
  const body = `sk_test_${'Z'.repeat(32)}`;
  const unknown = new Proofdesk({ apiKey: body + checksum(body), baseUrl });
  const e = await apiError(unknown.flows.list(), AuthenticationError, 401, 'unauthenticated');
  assert.ok(!(e instanceof MalformedApiKeyError));
});

test('environment_mismatch says where the object lives', async () => {
  const liveFlow = await liveClient().flows.create(adults());
  const e = await apiError(testClient().flows.retrieve(liveFlow.id), EnvironmentMismatchError, 403, 'environment_mismatch');
  assert.equal(e.objectLivemode, true);
  assert.match(e.message, /exists in live mode, but a test key was used/);
});

test('test_mode_only is a TestModeOnlyError, a kind of PermissionError', async () => {
  const e = await apiError(liveClient().testHelpers.mockPassports.create({}), TestModeOnlyError, 403, 'test_mode_only');
  assert.ok(e instanceof PermissionError);
});

test('not_found and conflict', async () => {
  const proofdesk = testClient();
  const missing = randomUUID();
  const e = await apiError(proofdesk.sessions.retrieve(missing), NotFoundError, 404, 'not_found');
  assert.ok(e.message.includes(missing));

  const draft = await proofdesk.flows.create(adults());
  const c = await apiError(proofdesk.sessions.create({ flowId: draft.id }), ConflictError, 409, 'conflict');
  assert.match(c.message, /Publish it first/);
});

test('payload_too_large is a PayloadTooLargeError with the limit', async () => {
  const proofdesk = testClient();
  const flow = await publishedFlow(proofdesk);
  const e = await apiError(
    proofdesk.sessions.create({ flowId: flow.id, metadata: { blob: 'x'.repeat(1_100_000) } }),
    PayloadTooLargeError,
    413,
    'payload_too_large',
  );
  assert.ok(e instanceof InvalidRequestError);
  assert.equal(e.limit, 1_048_576);
});

test('forbidden and internal_error, which the server gives no SDK call, map to their classes', async (t) => {
  const server = await scriptedServer([
    { status: 403, body: envelope('forbidden', 'Publishable keys (pk_…) cannot call this endpoint.') },
    { status: 500, body: envelope('internal_error', 'Something failed on our side.') },
  ]);
  t.after(server.close);
  const proofdesk = testClient({ baseUrl: server.url, maxNetworkRetries: 0 });
  const forbidden = await proofdesk.flows.list().then(assert.fail, (e) => e);
  assert.ok(forbidden instanceof PermissionError && !(forbidden instanceof TestModeOnlyError));
  assert.equal(forbidden.code, 'forbidden');
  assert.equal(forbidden.requestId, 'req_scripted');
  const internal = await proofdesk.flows.list().then(assert.fail, (e) => e);
  assert.ok(internal instanceof ServerError);
  assert.equal(internal.statusCode, 500);
  assert.equal(internal.code, 'internal_error');
});

test('a code this client does not know maps by status; an answer that is not Proofdesk says so', async (t) => {
  const server = await scriptedServer([
    { status: 409, body: envelope('brand_new_conflict', 'A newer server refuses this.') },
    { status: 418, body: envelope('teapot', 'Short and stout.') },
    { status: 502, body: '<html>Bad gateway</html>', headers: { 'Content-Type': 'text/html', 'X-Request-Id': 'req_proxy' } },
  ]);
  t.after(server.close);
  const proofdesk = testClient({ baseUrl: server.url, maxNetworkRetries: 0 });
  const newer = await proofdesk.flows.list().then(assert.fail, (e) => e);
  assert.ok(newer instanceof ConflictError);
  assert.equal(newer.code, 'brand_new_conflict');
  const teapot = await proofdesk.flows.list().then(assert.fail, (e) => e);
  assert.equal(teapot.constructor, ProofdeskError);
  assert.equal(teapot.statusCode, 418);
  const proxy = await proofdesk.flows.list().then(assert.fail, (e) => e);
  assert.ok(proxy instanceof ServerError);
  assert.equal(proxy.code, 'http_502');
  assert.equal(proxy.requestId, 'req_proxy');
  assert.match(proxy.message, /without a Proofdesk error body/);
});

test('no server at the address is an ApiConnectionError with the cause', async () => {
  const port = await freePort();
  const proofdesk = testClient({ baseUrl: `http://127.0.0.1:${port}`, maxNetworkRetries: 0 });
  const e = await proofdesk.flows.list().then(assert.fail, (e) => e);
  assert.ok(e instanceof ApiConnectionError);
  assert.equal(e.statusCode, 0);
  assert.equal(e.code, 'api_connection_error');
  assert.match(e.message, /ECONNREFUSED/);
  assert.match(e.message, /Check that the Proofdesk server is running/);
  assert.ok(e.cause);
});

function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}
