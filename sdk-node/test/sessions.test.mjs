import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { ConflictError } from '../dist/esm/index.js';
import { publishedFlow, testClient } from './support/env.mjs';

test('creates, retrieves, filters and cancels sessions', async () => {
  const proofdesk = testClient();
  const flow = await publishedFlow(proofdesk);
  const other = await publishedFlow(proofdesk);
  const person = randomUUID();

  const session = await proofdesk.sessions.create({
    flowId: flow.id,
    externalUuid: person,
    expiresInSeconds: 600,
    metadata: { plan: 'pro', seats: 3 },
  });
  assert.equal(session.object, 'session');
  assert.equal(session.status, 'pending');
  assert.equal(session.flowId, flow.id);
  assert.equal(session.flowVersionId, flow.publishedVersionId);
  assert.equal(session.externalUuid, person);
  assert.deepEqual(session.metadata, { plan: 'pro', seats: 3 });
  assert.match(session.clientSecret, /^cs_test_/);
  assert.ok(session.verificationUrl.includes(`/verify/${session.id}`));
  assert.equal(session.result, null, 'no result until completed');
  assert.equal(session.cost, 10);
  assert.equal(session.livemode, false);
  assert.equal((Date.parse(session.expiresAt) - Date.parse(session.createdAt)) / 1000, 600);

  const retrieved = await proofdesk.sessions.retrieve(session.id);
  assert.equal(retrieved.externalUuid, person);

  const elsewhere = await proofdesk.sessions.create({ flowId: other.id });
  const canceled = await proofdesk.sessions.cancel(elsewhere.id);
  assert.equal(canceled.status, 'canceled');
  assert.ok(canceled.completedAt);
  await assert.rejects(proofdesk.sessions.cancel(elsewhere.id), (e) => e instanceof ConflictError && e.statusCode === 409);

  assert.deepEqual((await proofdesk.sessions.list({ flowId: flow.id })).data.map((s) => s.id), [session.id]);
  assert.deepEqual((await proofdesk.sessions.list({ flowId: other.id, status: 'canceled' })).data.map((s) => s.id), [
    elsewhere.id,
  ]);
  assert.deepEqual((await proofdesk.sessions.list({ flowId: other.id, status: 'pending' })).data, []);
});

test('auto-pagination walks every session, fetching pages only as the iteration reaches them', async () => {
  const proofdesk = testClient();
  const flow = await publishedFlow(proofdesk);
  const created = [];
  for (let i = 0; i < 7; i++) {
    created.unshift((await proofdesk.sessions.create({ flowId: flow.id })).id);
  }

  const first = await proofdesk.sessions.list({ flowId: flow.id, limit: 3 });
  assert.deepEqual(first.data.map((s) => s.id), created.slice(0, 3));
  assert.equal(first.hasMore, true);
  const second = await first.nextPage();
  assert.deepEqual(second.data.map((s) => s.id), created.slice(3, 6));
  const third = await second.nextPage();
  assert.deepEqual(third.data.map((s) => s.id), created.slice(6));
  assert.equal(third.hasMore, false);
  assert.equal(await third.nextPage(), null);

  const walked = [];
  for await (const session of proofdesk.sessions.list({ flowId: flow.id, limit: 3 })) {
    walked.push(session.id);
  }
  assert.deepEqual(walked, created);

  const someOnly = [];
  for await (const session of proofdesk.sessions.list({ flowId: flow.id, limit: 2 })) {
    someOnly.push(session.id);
    if (someOnly.length === 3) {
      break;
    }
  }
  assert.deepEqual(someOnly, created.slice(0, 3));
  assert.equal((await proofdesk.sessions.list({ flowId: flow.id, limit: 2 }).toArray()).length, 7);
});

test('an idempotency key creates once, replays the first answer, and refuses a different request', async () => {
  const proofdesk = testClient();
  const flow = await publishedFlow(proofdesk);
  const idempotencyKey = `signup-${randomUUID()}`;

  const first = await proofdesk.sessions.create({ flowId: flow.id }, { idempotencyKey });
  const replay = await proofdesk.sessions.create({ flowId: flow.id }, { idempotencyKey });
  assert.equal(replay.id, first.id);
  assert.deepEqual(replay, first, 'the replay is the first answer');
  assert.equal((await proofdesk.sessions.list({ flowId: flow.id })).data.length, 1);

  await assert.rejects(
    proofdesk.sessions.create({ flowId: flow.id, expiresInSeconds: 120 }, { idempotencyKey }),
    (e) => e instanceof ConflictError && e.message.includes('Idempotency-Key') && e.requestId.startsWith('req_'),
  );

  await assert.rejects(
    () => proofdesk.sessions.create({ flowId: flow.id }, { idempotencyKey: 'has spaces' }),
    /idempotencyKey must be 1 to 255 printable ASCII characters/,
  );
});
