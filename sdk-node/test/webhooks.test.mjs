import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { WebhookVerificationError, Webhooks } from '../dist/esm/index.js';

const testSecret = `whsec_test_${randomBytes(32).toString('base64')}`;
const liveSecret = `whsec_live_${randomBytes(32).toString('base64')}`;

function event(livemode = false, id = randomUUID()) {
  return JSON.stringify({
    id,
    type: 'verification.completed',
    createdAt: new Date().toISOString(),
    livemode,
    data: { id: randomUUID(), status: 'valid', result: { attributes: { nationality: 'FRA' } } },
  });
}

function signed(body, secret, at = new Date()) {
  return Webhooks.signatureHeaders(JSON.parse(body).id, at, body, secret);
}

function refused(fn, message) {
  assert.throws(fn, (e) => e instanceof WebhookVerificationError && e.code === 'webhook_verification_failed' && message.test(e.message));
}

test('what the SDK signs, the reference standardwebhooks package verifies, with the tag stripped as documented', () => {
  for (const [secret, tag, livemode] of [
    [testSecret, 'whsec_test_', false],
    [liveSecret, 'whsec_live_', true],
  ]) {
    const body = event(livemode);
    const headers = signed(body, secret);
    const verified = new Webhook(secret.replace(tag, 'whsec_')).verify(body, headers);
    assert.equal(verified.id, JSON.parse(body).id);
  }
});

test('what the reference package signs, the SDK verifies with the secret as Proofdesk issued it', () => {
  const body = event();
  const id = JSON.parse(body).id;
  const reference = new Webhook(testSecret.replace('whsec_test_', 'whsec_'));
  const now = new Date();
  const headers = {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    'webhook-signature': reference.sign(id, now, body),
  };
  const verified = Webhooks.constructEvent(body, headers, testSecret);
  assert.equal(verified.id, id);
  assert.equal(verified.data.status, 'valid');
  assert.equal(Webhooks.constructEvent(Buffer.from(body), headers, testSecret).id, id, 'raw bytes work as well');
});

test('the reference package cannot read a tagged secret, and the documented conversion fails loudly on the wrong tag', () => {
  assert.throws(() => new Webhook(testSecret));
  assert.throws(() => new Webhook(liveSecret.replace('whsec_test_', 'whsec_')), 'a live secret in a test deployment');
});

test('a tampered body, signature or id is refused', () => {
  const body = event();
  const headers = signed(body, testSecret);
  refused(() => Webhooks.constructEvent(body.replace('"valid"', '"invalid"'), headers, testSecret), /No signature matches/);
  refused(() => Webhooks.constructEvent(body, { ...headers, 'webhook-id': randomUUID() }, testSecret), /No signature matches/);
  const flipped = Buffer.from(headers['webhook-signature'].slice(3), 'base64');
  flipped[0] ^= 1;
  refused(
    () => Webhooks.constructEvent(body, { ...headers, 'webhook-signature': `v1,${flipped.toString('base64')}` }, testSecret),
    /No signature matches/,
  );
  refused(() => Webhooks.constructEvent(body, signed(body, `whsec_test_${randomBytes(32).toString('base64')}`), testSecret), /No signature matches/);
  refused(() => Webhooks.constructEvent(body, { ...headers, 'webhook-signature': headers['webhook-signature'].replace('v1,', 'v2,') }, testSecret), /No signature matches/);
});

test('every signature in the header is tried, as during a rotation', () => {
  const body = event();
  const other = `whsec_test_${randomBytes(32).toString('base64')}`;
  const headers = Webhooks.signatureHeaders(JSON.parse(body).id, new Date(), body, other, testSecret);
  assert.equal(headers['webhook-signature'].split(' ').length, 2);
  assert.equal(Webhooks.constructEvent(body, headers, testSecret).id, JSON.parse(body).id);
  assert.equal(Webhooks.constructEvent(body, headers, other).id, JSON.parse(body).id);
  const withGarbage = { ...headers, 'webhook-signature': `v1,AAAA v1,not-base64 ${headers['webhook-signature']}` };
  assert.equal(Webhooks.constructEvent(body, withGarbage, testSecret).id, JSON.parse(body).id);
});

test('a timestamp outside the tolerance is refused, both ways', () => {
  const body = event();
  const now = Date.now();
  refused(() => Webhooks.constructEvent(body, signed(body, testSecret, new Date(now - 301_000)), testSecret), /s old; at most 300 s/);
  refused(() => Webhooks.constructEvent(body, signed(body, testSecret, new Date(now + 301_000)), testSecret), /in the future/);
  const tenMinutesAgo = signed(body, testSecret, new Date(now - 600_000));
  assert.ok(Webhooks.constructEvent(body, tenMinutesAgo, testSecret, { toleranceSeconds: 900 }));
  refused(() => Webhooks.constructEvent(body, signed(body, testSecret), testSecret, { now: new Date(now + 3_600_000) }), /s old/);
  refused(() => Webhooks.constructEvent(body, { ...signed(body, testSecret), 'webhook-timestamp': 'yesterday' }, testSecret), /not a number of seconds/);
});

test('an event of the other environment is refused even when correctly signed', () => {
  const live = event(true);
  refused(() => Webhooks.constructEvent(live, signed(live, testSecret), testSecret), /live event but the secret is a test secret/);
  const testEvent = event(false);
  refused(() => Webhooks.constructEvent(testEvent, signed(testEvent, liveSecret), liveSecret), /test event but the secret is a live secret/);
  assert.equal(Webhooks.constructEvent(live, signed(live, liveSecret), liveSecret).livemode, true);
});

test('a secret in the wrong shape says what to do', () => {
  const body = event();
  const headers = signed(body, testSecret);
  refused(
    () => Webhooks.constructEvent(body, headers, testSecret.replace('whsec_test_', 'whsec_')),
    /no environment tag.*converted for a Standard Webhooks library.*exactly as Proofdesk issued it/s,
  );
  refused(() => Webhooks.constructEvent(body, headers, 'sk_test_abc'), /An API key was given as the webhook secret/);
  refused(() => Webhooks.constructEvent(body, headers, 'whsec_test_%%%'), /damaged/);
  refused(() => Webhooks.constructEvent(body, headers, 'whsec_test_c2hvcnQ='), /damaged/);
  refused(() => Webhooks.constructEvent(body, headers, ''), /No webhook secret given/);
  refused(() => Webhooks.constructEvent(body, headers, 'secret'), /must start with whsec_test_ or whsec_live_/);
});

test('headers come as a Fetch Headers object, as Node gives them, or in any case', () => {
  const body = event();
  const headers = signed(body, testSecret);
  assert.ok(Webhooks.constructEvent(body, new Headers(headers), testSecret));
  const nodeStyle = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]]));
  assert.ok(Webhooks.constructEvent(body, nodeStyle, testSecret));
  const shouting = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
  assert.ok(Webhooks.constructEvent(body, shouting, testSecret));
  refused(() => Webhooks.constructEvent(body, {}, testSecret), /Missing the webhook-id header/);
});

test('a parsed body or a body that is not an event is refused', () => {
  const body = event();
  refused(() => Webhooks.constructEvent(JSON.parse(body), signed(body, testSecret), testSecret), /raw request body/);
  const notAnEvent = JSON.stringify({ id: randomUUID(), hello: 'world' });
  refused(() => Webhooks.constructEvent(notAnEvent, signed(notAnEvent, testSecret), testSecret), /not a Proofdesk event/);
});
