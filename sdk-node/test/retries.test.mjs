import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiConnectionError, InvalidRequestError, RateLimitError, ServerError } from '../dist/esm/index.js';
import { testClient } from './support/env.mjs';
import { envelope, scriptedServer } from './support/http.mjs';

const unavailable = { status: 503, body: envelope('internal_error', 'A store is unavailable.') };
const flows = { status: 200, body: { object: 'list', data: [], hasMore: false } };
const flow = { status: 200, body: { id: 'f1', object: 'flow', status: 'published' } };

async function scripted(t, script, options = {}) {
  const server = await scriptedServer(script);
  t.after(server.close);
  return { server, proofdesk: testClient({ baseUrl: server.url, ...options }) };
}

test('a GET answered 503 is retried, and succeeds when the server recovers', async (t) => {
  const { server, proofdesk } = await scripted(t, [unavailable, unavailable, flows], { maxNetworkRetries: 2 });
  const page = await proofdesk.flows.list();
  assert.deepEqual(page.data, []);
  assert.equal(server.requests.length, 3);
});

test('retries stop at maxNetworkRetries and report the last error', async (t) => {
  const { server, proofdesk } = await scripted(t, [unavailable], { maxNetworkRetries: 1 });
  await assert.rejects(proofdesk.flows.list(), (e) => e instanceof ServerError && e.statusCode === 503);
  assert.equal(server.requests.length, 2);
});

test('a POST without an idempotency key is never repeated; with one it is, under the same key', async (t) => {
  const { server, proofdesk } = await scripted(t, [unavailable, flow], { maxNetworkRetries: 3 });
  await assert.rejects(proofdesk.flows.publish('f1'), ServerError);
  assert.equal(server.requests.length, 1, 'the server might have acted: no second try');

  const published = await proofdesk.flows.publish('f1', { idempotencyKey: 'publish-f1' });
  assert.equal(published.id, 'f1');
  assert.deepEqual(server.requests.map((r) => [r.method, r.headers['idempotency-key']]), [
    ['POST', undefined],
    ['POST', 'publish-f1'],
  ]);
});

test('a retried POST with a key carries the key on every attempt', async (t) => {
  const { server, proofdesk } = await scripted(t, [unavailable, unavailable, flow], { maxNetworkRetries: 2 });
  await proofdesk.flows.create({ name: 'x', product: 'pre_kyc' }, { idempotencyKey: 'create-x' });
  assert.deepEqual(server.requests.map((r) => r.headers['idempotency-key']), ['create-x', 'create-x', 'create-x']);
  assert.ok(server.requests.every((r) => r.body === server.requests[0].body));
});

test('a 429 is retried after its Retry-After', async (t) => {
  const limited = { status: 429, body: envelope('rate_limited', 'Too many requests.'), headers: { 'Retry-After': '1' } };
  const { server, proofdesk } = await scripted(t, [limited, flows], { maxNetworkRetries: 1 });
  await proofdesk.flows.list();
  assert.equal(server.requests.length, 2);
  const waited = server.requests[1].at - server.requests[0].at;
  assert.ok(waited >= 950, `the retry waited the second it was asked to (${waited} ms)`);
});

test('a 429 asking for a long wait is reported, not waited for', async (t) => {
  const limited = { status: 429, body: envelope('rate_limited', 'Too many requests.'), headers: { 'Retry-After': '120' } };
  const { server, proofdesk } = await scripted(t, [limited, flows], { maxNetworkRetries: 3 });
  await assert.rejects(proofdesk.flows.list(), (e) => e instanceof RateLimitError && e.retryAfterSeconds === 120);
  assert.equal(server.requests.length, 1);
});

test('a dropped connection is retried for a GET, reported for a POST without a key', async (t) => {
  const { server, proofdesk } = await scripted(t, ['drop', flows], { maxNetworkRetries: 1 });
  await proofdesk.flows.list();
  assert.equal(server.requests.length, 2);

  const again = await scripted(t, ['drop', flow], { maxNetworkRetries: 1 });
  await assert.rejects(again.proofdesk.flows.archive('f1'), ApiConnectionError);
  assert.equal(again.server.requests.length, 1);
});

test('a timeout is a connection failure, retried when safe', async (t) => {
  const slow = { ...flows, delayMs: 2_000 };
  const { server, proofdesk } = await scripted(t, [slow, flows], { maxNetworkRetries: 1, timeoutMs: 200 });
  await proofdesk.flows.list();
  assert.equal(server.requests.length, 2);

  const once = await scripted(t, [slow], { maxNetworkRetries: 0 });
  await assert.rejects(once.proofdesk.flows.list({}, { timeoutMs: 200 }), (e) => e instanceof ApiConnectionError && /timed out after 200 ms/.test(e.message));
});

test('client errors and 501 are not retried', async (t) => {
  const invalid = { status: 400, body: envelope('validation_failed', 'limit: must be a whole number', { issues: [] }) };
  const { server, proofdesk } = await scripted(t, [invalid, flows], { maxNetworkRetries: 3 });
  await assert.rejects(proofdesk.flows.list(), InvalidRequestError);
  assert.equal(server.requests.length, 1);

  const notImplemented = await scripted(t, [{ status: 501, body: envelope('internal_error', 'Not implemented.') }, flows], {
    maxNetworkRetries: 3,
  });
  await assert.rejects(notImplemented.proofdesk.flows.list(), ServerError);
  assert.equal(notImplemented.server.requests.length, 1);
});

test('requests carry the key, JSON and the client version; ids cannot change the path', async (t) => {
  const { server, proofdesk } = await scripted(t, [flow]);
  await proofdesk.flows.update('../sessions?x=1', { name: 'n' });
  const [request] = server.requests;
  assert.equal(request.url, '/v1/flows/..%2Fsessions%3Fx%3D1');
  assert.match(request.headers.authorization, /^Bearer sk_test_/);
  assert.equal(request.headers['content-type'], 'application/json');
  assert.match(request.headers['user-agent'], /^proofdesk-node\/\d+\.\d+\.\d+ /);
  assert.deepEqual(JSON.parse(request.body), { name: 'n' });
});
