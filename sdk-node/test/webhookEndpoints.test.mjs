import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { NotFoundError, Webhooks } from '../dist/esm/index.js';
import { eventually, publishedFlow, testClient } from './support/env.mjs';
import { peek, webhookReceiver } from './support/http.mjs';

test('endpoints receive signed events; events are listed, retrieved and redelivered', async (t) => {
  const proofdesk = testClient();
  let secrets = [];
  // the application's handler: verify with the endpoint's secret, 400 for anything unverified
  const receiver = await webhookReceiver((rawBody, headers) => {
    const event = secrets.map((s) => tryVerify(rawBody, headers, s)).find(Boolean);
    return event ? 200 : 400;
  });
  t.after(() => receiver.close());

  const endpoint = await proofdesk.webhookEndpoints.create({
    url: receiver.url,
    description: 'node SDK tests',
    enabledEvents: ['verification.completed', 'webhook_endpoint.test'],
  });
  t.after(() => proofdesk.webhookEndpoints.delete(endpoint.id).catch(() => {}));
  secrets = [endpoint.secret];
  assert.equal(endpoint.object, 'webhook_endpoint');
  assert.match(endpoint.secret, /^whsec_test_/);
  assert.equal(endpoint.status, 'enabled');
  assert.equal(endpoint.livemode, false);

  const retrieved = await proofdesk.webhookEndpoints.retrieve(endpoint.id);
  assert.equal(retrieved.secret, undefined, 'the secret is shown once');
  assert.equal(retrieved.url, receiver.url);
  const listed = await proofdesk.webhookEndpoints.list({ limit: 100 }).toArray();
  assert.ok(listed.some((e) => e.id === endpoint.id));
  const updated = await proofdesk.webhookEndpoints.update(endpoint.id, { description: 'renamed' });
  assert.equal(updated.description, 'renamed');
  assert.deepEqual(updated.enabledEvents, ['verification.completed', 'webhook_endpoint.test']);

  // a real verification, delivered and verified with the SDK and with the reference library
  const flow = await publishedFlow(proofdesk);
  const session = await proofdesk.sessions.create({ flowId: flow.id });
  const mock = await proofdesk.testHelpers.mockPassports.create({ nationality: 'FRA', age: 30 });
  await proofdesk.testHelpers.sessions.complete(session.id, { mockPassportId: mock.id });
  const delivered = await receiver.next((r) => peek(r).type === 'verification.completed' && peek(r).data.id === session.id);
  const event = Webhooks.constructEvent(delivered.rawBody, delivered.headers, endpoint.secret);
  assert.equal(event.type, 'verification.completed');
  assert.equal(event.livemode, false);
  assert.equal(event.data.status, 'valid');
  assert.deepEqual(event.data.result.attributes, { nationality: 'FRA' });
  const reference = new Webhook(endpoint.secret.replace('whsec_test_', 'whsec_'));
  assert.equal(reference.verify(delivered.rawBody, delivered.headers).id, event.id);

  // the server records the attempt once our answer reached it
  const delivery = await eventually(async () => {
    const deliveries = await proofdesk.webhookEndpoints.deliveries(endpoint.id).toArray();
    return deliveries.find((d) => d.eventId === event.id && d.status === 'succeeded');
  });
  assert.equal(delivery.object, 'webhook_delivery');
  assert.equal(delivery.endpointId, endpoint.id);
  assert.equal(delivery.eventType, 'verification.completed');
  assert.equal(delivery.attempts[0].statusCode, 200);

  assert.deepEqual(await proofdesk.events.retrieve(event.id), { ...JSON.parse(delivered.rawBody), object: 'event' });
  const completions = await proofdesk.events
    .list({ type: 'verification.completed', createdAfter: new Date(Date.parse(session.createdAt) - 1000) })
    .toArray();
  assert.ok(completions.some((e) => e.id === event.id));
  assert.ok(completions.every((e) => e.type === 'verification.completed'));
  const failed = await proofdesk.events.list({ deliveryFailed: true, limit: 100 }).toArray({ limit: 200 });
  assert.ok(!failed.some((e) => e.id === event.id), 'its delivery succeeded');

  const redelivery = await proofdesk.events.redeliver(event.id, { endpointId: endpoint.id });
  assert.equal(redelivery.eventId, event.id);
  assert.deepEqual(redelivery.deliveries.map((d) => d.endpointId), [endpoint.id]);
  await receiver.next((r) => r !== delivered && r.headers['webhook-id'] === event.id);

  // a rotation: while the old secret overlaps, each delivery carries both signatures
  const rotated = await proofdesk.webhookEndpoints.rotateSecret(endpoint.id, { overlapSeconds: 3600 });
  assert.notEqual(rotated.secret, endpoint.secret);
  assert.ok(rotated.previousSecretExpiresAt);
  secrets = [rotated.secret];
  const testEvent = await proofdesk.webhookEndpoints.sendTestEvent(endpoint.id);
  assert.equal(testEvent.type, 'webhook_endpoint.test');
  const signedTwice = await receiver.next((r) => r.headers['webhook-id'] === testEvent.id);
  assert.equal(signedTwice.headers['webhook-signature'].split(' ').length, 2);
  for (const secret of [endpoint.secret, rotated.secret]) {
    assert.equal(Webhooks.constructEvent(signedTwice.rawBody, signedTwice.headers, secret).id, testEvent.id);
  }

  assert.equal((await proofdesk.webhookEndpoints.disable(endpoint.id)).status, 'disabled');
  assert.equal((await proofdesk.webhookEndpoints.enable(endpoint.id)).status, 'enabled');
  const deleted = await proofdesk.webhookEndpoints.delete(endpoint.id);
  assert.deepEqual(deleted, { id: endpoint.id, object: 'webhook_endpoint', deleted: true });
  await assert.rejects(proofdesk.webhookEndpoints.retrieve(endpoint.id), NotFoundError);
});

function tryVerify(rawBody, headers, secret) {
  try {
    return Webhooks.constructEvent(rawBody, headers, secret);
  } catch {
    return null;
  }
}

test('an event whose delivery failed is listed with deliveryFailed', async (t) => {
  const proofdesk = testClient();
  const nobody = await webhookReceiver();
  await nobody.close(); // a port where nothing answers
  const dead = await proofdesk.webhookEndpoints.create({ url: nobody.url, enabledEvents: ['webhook_endpoint.test'] });
  t.after(() => proofdesk.webhookEndpoints.delete(dead.id));
  const sent = await proofdesk.webhookEndpoints.sendTestEvent(dead.id);
  const listed = await eventually(async () => {
    const failed = await proofdesk.events.list({ deliveryFailed: true, type: 'webhook_endpoint.test' }).toArray();
    return failed.find((e) => e.id === sent.id);
  });
  assert.equal(listed.data.endpointId, dead.id);
});
