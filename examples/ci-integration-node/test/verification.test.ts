import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { Proofdesk, type Event, type Session } from '@proofdesk/node';
import { webhookHandler } from '../src/webhookHandler.js';

/**
 * The CI pattern: create a session, complete it with a mock passport through the test helpers,
 * and assert that our webhook handler received a verified verification.completed.
 *
 * Needs PROOFDESK_API_KEY (sk_test_…); PROOFDESK_API_URL defaults to http://localhost:8080.
 * PROOFDESK_FLOW_ID names a published flow that discloses the nationality; without it the test
 * publishes one. The test registers its own endpoint for the handler and deletes it afterwards.
 */
test('a completed verification reaches the webhook handler, verified, with the disclosed attributes', async (t) => {
  const proofdesk = new Proofdesk({
    apiKey: required('PROOFDESK_API_KEY'),
    baseUrl: process.env.PROOFDESK_API_URL ?? 'http://localhost:8080',
  });

  // the application's handler, on a free port of this machine
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.after(() => server.close());
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;

  const endpoint = await proofdesk.webhookEndpoints.create({ url, enabledEvents: ['verification.completed'] });
  t.after(() => proofdesk.webhookEndpoints.delete(endpoint.id));
  const received: Event[] = [];
  const refused: string[] = [];
  server.on('request', webhookHandler(endpoint.secret!, (e) => received.push(e), (why) => refused.push(why)));

  const flowId = process.env.PROOFDESK_FLOW_ID || (await publishedFlow(proofdesk));
  const externalUuid = randomUUID();
  const session = await proofdesk.sessions.create({ flowId, externalUuid }, { idempotencyKey: `signup-${externalUuid}` });
  const mock = await proofdesk.testHelpers.mockPassports.create({ nationality: 'FRA', age: 30 });
  await proofdesk.testHelpers.sessions.complete(session.id, { mockPassportId: mock.id });

  const event = await waitFor(() => received.find((e) => e.type === 'verification.completed' && e.data.id === session.id), 60_000,
    () => `no verified verification.completed for session ${session.id}; refused requests: ${refused.join('; ')}`);
  assert.ok(event.type === 'verification.completed');
  const completed: Session = event.data;
  assert.equal(event.livemode, false);
  assert.equal(completed.status, 'valid');
  assert.equal(completed.externalUuid, externalUuid);
  assert.ok(completed.result !== null && completed.result.checks.length > 0);
  assert.ok(completed.result.checks.every((check) => check.passed), JSON.stringify(completed.result.checks));
  assert.equal(completed.result.attributes.nationality, 'FRA');
  assert.deepEqual(refused, []);
});

async function publishedFlow(proofdesk: Proofdesk): Promise<string> {
  const flow = await proofdesk.flows.create({
    name: 'CI example',
    product: 'age_verification',
    rules: { minimumAge: 18 },
    disclosures: { nationality: true },
  });
  return (await proofdesk.flows.publish(flow.id)).id;
}

/** Polls for a condition (never a fixed sleep) until it holds or the time is up. */
async function waitFor<T>(probe: () => T | undefined, ms: number, explain: () => string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(explain());
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set; see run.sh in this directory`);
  }
  return value;
}
